"""The only module that builds Rich objects and writes to the terminal.

Role text is untrusted: it only ever enters Rich as `Text` (never parsed as markup), and control
characters are replaced first, so `[bold]` or an escape sequence in a YAML file prints as text.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.panel import Panel
from rich.style import Style
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from careers_cli.errors import Problem
from careers_cli.models import Area, Pay, Role
from careers_cli.schema import ENTRY_ROUTE_LABELS

if TYPE_CHECKING:  # only for annotations: keeps rapidfuzz off the start-up path of `show`
    from careers_cli.index import Summary
    from careers_cli.progression import Node
    from careers_cli.search import Hit

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
KIND_LABELS = {"up": "step up", "sideways": "change of field", "specialist": "specialist"}


def clean(text: str) -> str:
    """Role text with control characters (ANSI escapes among them) made visible and harmless."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m[0]):02x}", text)


def t(text: str, style: str | Style = "") -> Text:
    return Text(clean(text), style=style)


def stdout_console() -> Console:
    return Console(highlight=False, emoji=False)


def stderr_console() -> Console:
    return Console(stderr=True, highlight=False, emoji=False)


def print_json(data: Any) -> None:
    """JSON on stdout and nothing else: the scripting contract."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def error(message: str) -> None:
    stderr_console().print(Text("Error: ", style="bold red") + t(message), soft_wrap=True)


def info(message: str) -> None:
    stderr_console().print(t(message), style="dim", soft_wrap=True)


def warn(message: str) -> None:
    stderr_console().print(Text("Warning: ", style="yellow") + t(message), soft_wrap=True)


def problems(items: Sequence[Problem]) -> None:
    """One line per problem on stdout (grep- and editor-friendly), then a count on stderr."""
    out = stdout_console()
    for p in items:
        out.print(t(str(p)), soft_wrap=True)


# -- show ---------------------------------------------------------------------------------


def money(amount: int) -> str:
    return f"£{amount:,}"


def pay_line(pay: Pay) -> str:
    bands = ", ".join(b.key for b in pay.bands)
    low, high = pay.range
    amount = money(low) if low == high else f"{money(low)} to {money(high)}"
    word = "band" if len(pay.bands) == 1 else "bands"
    scale = pay.scale
    return f"{scale.name} {word} {bands}: {amount} a year ({scale.year} rates, {scale.region})"


def role_header(role: Role) -> RenderableType:
    rows = Facts()
    if role.alternative_titles:
        rows.add("Also called", t(", ".join(role.alternative_titles)))
    area = role.area.name + (f" › {role.subarea.name}" if role.subarea else "")
    rows.add("Area", t(area))
    if role.pay:
        rows.add("Pay", t(pay_line(role.pay)))
        if role.pay.hours_per_week:
            rows.add("Hours", t(f"{role.pay.hours_per_week:g} a week"))
    rows.add("Entry routes", t(", ".join(ENTRY_ROUTE_LABELS[r] for r in role.entry_routes)))
    if role.registration:
        rows.add("Registration", t(role.registration))
    title = Text(clean(role.title), style="bold cyan") + Text(f"  ({role.slug})", style="dim")
    return Group(title, t(role.summary), Text(), rows)


def section_body(text: str, items: Sequence[str]) -> RenderableType:
    parts: list[RenderableType] = [t(text)] if text else []
    if items:
        parts.append(bullets(t(item) for item in items))
    return Group(*parts)


class Bullets:
    """A bulleted list whose wrapped lines hang under the text, not the bullet.

    Cheaper than a two-column Table.grid, which Rich measures cell by cell on every render.
    """

    def __init__(self, items: Iterable[Text]) -> None:
        self.items = list(items)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(1, options.max_width - 2)
        for item in self.items:
            for i, line in enumerate(item.wrap(console, width)):
                yield Text("• " if i == 0 else "  ") + line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        longest = max((item.cell_len for item in self.items), default=0)
        return Measurement(min(4, options.max_width), min(longest + 2, options.max_width))


def bullets(lines: Iterable[Text]) -> Bullets:
    return Bullets(lines)


class Facts:
    """Label and value rows; a long value wraps under itself, not under its label."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, Text]] = []

    def add(self, label: str, value: Text) -> None:
        self.rows.append((label, value))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        indent = max(len(label) for label, _ in self.rows) + 2
        width = max(1, options.max_width - indent)
        for label, value in self.rows:
            for i, line in enumerate(value.wrap(console, width)):
                line.rstrip()
                yield Text(label.ljust(indent) if i == 0 else " " * indent, style="bold" if i == 0 else "") + line


def role_panels(role: Role, titles: dict[str, str], wanted: set[str] | None) -> list[RenderableType]:
    """The header, then one panel per section in order; `wanted` limits the sections."""
    panels: list[RenderableType] = [role_header(role)]
    for section in role.sections:
        if wanted is None or section.key in wanted:
            panels.append(_panel(section.heading, section_body(section.text, section.items)))
    if role.organisations and (wanted is None or "organisations" in wanted):
        orgs = bullets(_link(o.name, o.url) for o in role.organisations)
        panels.append(_panel("Organisations", orgs))
    if role.related and (wanted is None or "related" in wanted):
        lines = bullets(t(titles.get(s, s)) + Text(f" ({s})", style="dim") for s in role.related)
        panels.append(_panel("Related roles", lines))
    if role.progression and wanted is None:
        panels.append(Text(f"Routes onward: careers path {role.slug}", style="dim"))
    if wanted is None or "source" in wanted:
        checked = f"{role.source.checked.day} {role.source.checked:%B %Y}"
        panels.append(Text(f"Facts checked {checked} against:", style="dim"))
        panels.append(_link(role.source.url, role.source.url, "dim"))
    return panels


def _panel(title: str, body: RenderableType) -> Panel:
    return Panel(body, title=Text(title, style="bold"), title_align="left", border_style="blue")


def _link(name: str, url: str, style: str = "") -> Text:
    """Name and address; the name is a terminal hyperlink where the terminal supports them."""
    text = t(name, Style.parse(style) + Style(link=url) if url else style)
    if url and url != name:
        text += Text(" ") + t(url, Style(dim=True, link=url))
    text.overflow = "fold"
    return text


def show_role(role: Role, titles: dict[str, str], wanted: set[str] | None) -> None:
    out = stdout_console()
    for part in role_panels(role, titles, wanted):
        out.print(part)


# -- search, list, areas ------------------------------------------------------------------


def bands_text(keys: Sequence[str]) -> str:
    return ", ".join(keys) or "–"


def bands_label(keys: Sequence[str]) -> str:
    """'band 2', 'bands 3, 4, 5' or 'no band given'."""
    return f"band{'s' * (len(keys) > 1)} {', '.join(keys)}" if keys else "no band given"


def area_name(areas: dict[str, Area], key: str) -> str:
    return areas[key].name if key in areas else key


WIDE = 100  # below this many columns, results are stacked rather than tabled


def search_table(hits: Sequence[Hit], areas: dict[str, Area]) -> None:
    """A table on wide terminals; stacked entries on narrow ones, so nothing is cut."""
    out = stdout_console()
    if out.width >= WIDE:
        out.print(_hits_table(hits, areas))
        return
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", style="dim", no_wrap=True)
    grid.add_column()
    for rank, hit in enumerate(hits, 1):
        title, snippet = _highlighted(hit)
        head = title + Text(f" ({hit.role.slug})", style="dim")
        head.overflow = "fold"
        facts = f"{area_name(areas, hit.role.area)} · {bands_label(hit.role.bands)}"
        grid.add_row(f"{rank}.", Group(head, Text(facts, style="green"), _why(hit, snippet)))
    out.print(grid)


def _hits_table(hits: Sequence[Hit], areas: dict[str, Area]) -> Table:
    table = Table(show_edge=False, pad_edge=False, box=box.SIMPLE_HEAD)
    table.add_column("#", justify="right", style="dim")
    table.add_column("Role", ratio=3)
    table.add_column("Area", ratio=2)
    table.add_column("Band", no_wrap=True)
    table.add_column("Why it matched", ratio=3)
    for rank, hit in enumerate(hits, 1):
        title, snippet = _highlighted(hit)
        role = title + Text("\n") + t(hit.role.slug, "dim")
        area = t(area_name(areas, hit.role.area))
        table.add_row(str(rank), role, area, bands_text(hit.role.bands), _why(hit, snippet))
    return table


def _highlighted(hit: Hit) -> tuple[Text, Text]:
    title, snippet = t(hit.role.title, "bold"), t(hit.snippet)
    for text in (title, snippet):
        text.highlight_words(hit.terms, style="bold yellow", case_sensitive=False)
    return title, snippet


def _why(hit: Hit, snippet: Text) -> Text:
    return Text(f"{hit.field}: ", style="dim italic") + snippet


def role_list(roles: Sequence[Summary], areas: Iterable[Area], grouped: bool) -> None:
    """Grouped by area and subarea on a terminal; one tab-separated role a line in a pipe."""
    out = stdout_console()
    if not grouped:
        for r in roles:
            fields = (r.slug, r.title, r.area, r.subarea or "", ",".join(r.bands))
            sys.stdout.write("\t".join(clean(f).replace("\t", " ") for f in fields) + "\n")
        return
    for area in areas:
        members = [r for r in roles if r.area == area.key]
        if not members:
            continue
        tree = Tree(Text(area.name, style="bold cyan"))
        known = {sub.key for sub in area.subareas}
        for group in (*area.subareas, None):
            key = group.key if group else None
            inside = [r for r in members if r.subarea == key or (group is None and r.subarea not in known)]
            branch = tree.add(Text(group.name, style="bold")) if group and inside else tree
            for r in inside:
                branch.add(_role_label(r))
        out.print(tree)


def _role_label(role: Summary) -> Text:
    label = t(role.title) + Text(f"  {role.slug}", style="dim")
    if role.bands:
        label += Text(f"  {bands_label(role.bands)}", style="green")
    return label


def areas_tree(rows: Sequence[tuple[Area, int, dict[str, int]]]) -> None:
    """Each area with its key and role count, and its subareas beneath it."""
    tree = Tree(Text("Areas of NHS careers", style="bold"), hide_root=True)
    for area, count, per_subarea in rows:
        branch = tree.add(_counted(area.name, area.key, count, "bold cyan"))
        for sub in area.subareas:
            branch.add(_counted(sub.name, sub.key, per_subarea.get(sub.key, 0), ""))
    stdout_console().print(tree)


def _counted(name: str, key: str, count: int, style: str) -> Text:
    roles = f"{count} role{'s' * (count != 1)}"
    return t(name, style) + Text(f"  {key}", style="dim") + Text(f"  {roles}", style="green")


# -- path ----------------------------------------------------------------------------------


def route_tree(root: Node) -> None:
    tree = Tree(_node_label(root))
    _grow(tree, root)
    stdout_console().print(tree)


def _grow(tree: Tree, node: Node) -> None:
    for child in node.next:
        _grow(tree.add(_node_label(child)), child)


def _node_label(node: Node) -> Text:
    label = t(node.title, "bold" if node.slug else "italic")
    if node.slug:
        label += Text(f" ({node.slug})", style="dim")
    if node.role and node.role.band_keys:
        label += Text(f"  {bands_label(node.role.band_keys)}", style="green")
    details = [KIND_LABELS[node.kind]] if node.kind else []
    details += [node.note] if node.note else []
    if details:
        label += Text("  ") + t(", ".join(details), "cyan")
    if node.repeat:
        label += Text("  (already on this route)", style="yellow")
    return label
