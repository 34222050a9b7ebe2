"""The only module that builds Rich objects and writes to the terminal.

Role text is untrusted: it only ever enters Rich as `Text` (never parsed as markup), and control
characters are replaced first, so `[bold]` or an escape sequence in a YAML file prints as text.
"""

from __future__ import annotations

import io
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.panel import Panel
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from careers_cli.errors import Problem
from careers_cli.models import ENTRY_ROUTE_LABELS, Area, Band, Pay, PayScale, Role

if TYPE_CHECKING:  # only for annotations: keeps rapidfuzz off the start-up path of `show`
    from rich.table import Table
    from rich.tree import Tree

    from careers_cli.compare import BandCount, Facts
    from careers_cli.index import Summary
    from careers_cli.routes import Node, RouteStep
    from careers_cli.search import Hit

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
KIND_LABELS = {"up": "step up", "sideways": "change of field", "specialist": "specialist"}


def clean(text: str) -> str:
    """Role text with control characters (ANSI escapes among them) made visible and harmless."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m[0]):02x}", text)


def t(text: str, style: str | Style = "") -> Text:
    return Text(clean(text), style=style)


COLOR_MODES = ("auto", "always", "never")


class _Output:
    """How this run writes: the colour mode, and the buffer that collects output for a pager."""

    color = "auto"
    buffer: io.StringIO | None = None
    width: int | None = None


def set_color(mode: str) -> None:
    """auto: colour on terminals unless NO_COLOR is set; always: even in pipes; never: plain text."""
    _Output.color = mode


def _console_options() -> dict[str, Any]:
    if _Output.color == "always":
        # Explicit beats the environment: colour even in a pipe, with NO_COLOR set or TERM=dumb.
        depth = "truecolor" if os.environ.get("COLORTERM") in ("truecolor", "24bit") else "256"
        return {"force_terminal": True, "no_color": False, "color_system": depth}
    if _Output.color == "never":
        return {"color_system": None}
    return {}


# For a terminal that cannot show them (an ASCII-only stream), the symbols we draw with.
_ASCII = str.maketrans(
    {"£": "GBP ", "•": "*", "›": ">", "…": "...", "–": "-", "—": "-", "←": "<-", "█": "#", "’": "'", "“": '"', "”": '"'}
)
_SYMBOLS = "£•›…–←█─│╭"


class _AsciiStream:
    """Wraps a stream whose encoding lacks our symbols: they become ASCII, anything else '?'.

    Rich sees encoding "ascii" and draws its boxes and trees in ASCII too.
    """

    encoding = "ascii"

    def __init__(self, stream: Any) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        plain = text.translate(_ASCII).encode("ascii", "replace").decode("ascii")
        return int(self.stream.write(plain))

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return bool(self.stream.isatty())

    def fileno(self) -> int:
        return int(self.stream.fileno())


def _safe(stream: Any) -> Any:
    try:
        _SYMBOLS.encode(getattr(stream, "encoding", None) or "utf-8")
    except (UnicodeEncodeError, LookupError):
        return _AsciiStream(stream)
    return stream


class _Console(Console):
    def on_broken_pipe(self) -> None:
        # Rich would exit with status 1; a closed pipe is reported like any other (141).
        raise BrokenPipeError


def stdout_console() -> Console:
    if _Output.buffer is not None:
        return _Console(file=_Output.buffer, width=_Output.width, force_terminal=True, highlight=False, emoji=False)
    return _Console(file=_safe(sys.stdout), highlight=False, emoji=False, **_console_options())


def stderr_console() -> Console:
    return Console(file=_safe(sys.stderr), highlight=False, emoji=False, **_console_options())


def write(text: str) -> None:
    """Plain text on stdout (or into the pager's buffer)."""
    (_Output.buffer or _safe(sys.stdout)).write(text)


def print_json(data: Any) -> None:
    """JSON on stdout and nothing else: the scripting contract (ASCII escapes when needed)."""
    ascii_only = isinstance(_safe(sys.stdout), _AsciiStream) and _Output.buffer is None
    import json  # here, not at the top: only --json needs it, and every import costs start-up

    write(json.dumps(data, ensure_ascii=ascii_only, indent=2) + "\n")


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


@contextmanager
def paged(wanted: bool | None) -> Iterator[None]:
    """Send the output through a pager when stdout is a terminal and it is longer than the
    screen (wanted None), always (True) or never (False). PAGER chooses the pager."""
    real = Console(**_console_options())
    if wanted is False or not stdout_is_terminal() or _Output.buffer is not None:
        yield
        return
    _Output.buffer, _Output.width = io.StringIO(), real.width
    try:
        yield
    finally:
        text, _Output.buffer = _Output.buffer.getvalue(), None
        if wanted or text.count("\n") >= real.height:
            _page(text)
        else:
            sys.stdout.write(text)


def _page(text: str) -> None:
    import shlex  # only when paging
    import subprocess

    command = shlex.split(os.environ.get("PAGER") or "less")
    env = {**os.environ, "LESS": os.environ.get("LESS", "FRX")}  # keep colours; quit if it fits
    try:
        subprocess.run(command, input=text, text=True, env=env, check=False)
    except OSError:
        sys.stdout.write(text)


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
    low, high = pay.range
    amount = money(low) if low == high else f"{money(low)} to {money(high)}"
    scale = pay.scale
    which = scale.describe([b.key for b in pay.bands])
    return f"{scale.name} {which}: {amount} a year ({scale.year} rates, {scale.region})"


def header_facts(role: Role) -> list[tuple[str, str]]:
    """The header's label and value rows, shared by the terminal and Markdown forms."""
    facts = [("Also called", ", ".join(role.alternative_titles))] if role.alternative_titles else []
    facts.append(("Area", role.area_label))
    if role.pay:
        facts.append(("Pay", pay_line(role.pay)))
        if role.pay.hours_per_week:
            facts.append(("Hours", f"{role.pay.hours_per_week:g} a week"))
    facts.append(("Entry routes", ", ".join(ENTRY_ROUTE_LABELS[r] for r in role.entry_routes)))
    if role.registration:
        facts.append(("Registration", role.registration))
    if role.training_length:
        facts.append(("Training", role.training_length))
    return facts


def role_header(role: Role) -> RenderableType:
    rows = LabelledRows()
    for name, value in header_facts(role):
        rows.add(name, t(value))
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


class LabelledRows:
    """Label and value rows; a long value wraps under itself, not under its label."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, RenderableType]] = []

    def add(self, label: str, value: RenderableType) -> None:
        self.rows.append((label, value))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        indent = max(len(label) for label, _ in self.rows) + 2
        width = max(1, options.max_width - indent)
        for label, value in self.rows:
            lines = console.render_lines(value, options.update_width(width), pad=False)
            for i, segments in enumerate(lines):
                head = Text(label.ljust(indent) if i == 0 else " " * indent, style="bold" if i == 0 else "")
                yield from head.render(console)
                if segments:  # drop the space a wrap leaves at the end of a line
                    *body, last = segments
                    yield from body
                    yield Segment(last.text.rstrip(), last.style, last.control)
                yield Segment.line()


BUILTIN = "built-in"


def role_panels(
    role: Role, titles: dict[str, str], wanted: set[str] | None, origin: str = BUILTIN
) -> list[RenderableType]:
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
        panels.append(_whole(_link(role.source.url, role.source.url, "dim")))
        if origin != BUILTIN:
            panels.append(_whole(Text("From your file: ", style="dim") + t(origin, "magenta")))
    return panels


def _whole(text: Text) -> Text:
    """A line never broken by Rich (an address or a path stays whole to copy); the terminal
    wraps it if it must."""
    text.no_wrap, text.overflow = True, "ignore"
    return text


def _panel(title: str, body: RenderableType) -> Panel:
    return Panel(body, title=Text(title, style="bold"), title_align="left", border_style="blue")


def _link(name: str, url: str, style: str = "") -> Text:
    """Name and address; the name is a terminal hyperlink where the terminal supports them."""
    text = t(name, Style.parse(style) + Style(link=url) if url else style)
    if url and url != name:
        text += Text(" ") + t(url, Style(dim=True, link=url))
    text.overflow = "fold"
    return text


def show_role(role: Role, titles: dict[str, str], wanted: set[str] | None, origin: str = BUILTIN) -> None:
    out = stdout_console()
    parts = role_panels(role, titles, wanted, origin)
    # One print for the body (each print has a fixed cost); the unbreakable lines after it.
    body = [p for p in parts if not (isinstance(p, Text) and p.no_wrap)]
    out.print(Group(*body))
    for part in parts[len(body) :]:
        out.print(part, soft_wrap=True)


# -- search, list, areas ------------------------------------------------------------------


def bands_text(keys: Sequence[str], scale: PayScale | None = None) -> str:
    """The bands alone, for a column headed Band: '3, 4', '3 to 8c', 'ST1-2 to consultant'."""
    if scale is not None and keys:
        return scale.describe(keys).split(" ", 1)[1]
    return ", ".join(keys) or "–"


def bands_label(keys: Sequence[str], scale: PayScale | None = None) -> str:
    """'band 2', 'bands 3, 5', 'bands 3 to 8c', 'grades FY1 to FY2' or 'no band given'."""
    if scale is not None and keys:
        return scale.describe(keys)
    return f"band{'s' * (len(keys) > 1)} {', '.join(keys)}" if keys else "no band given"


def area_name(areas: dict[str, Area], key: str) -> str:
    return areas[key].name if key in areas else key


WIDE = 120  # below this many columns, results are stacked rather than tabled


def search_table(hits: Sequence[Hit], areas: dict[str, Area], scales: dict[str, PayScale]) -> None:
    """A table on wide terminals; stacked entries on narrow ones, so nothing is cut."""
    from rich.table import Table

    out = stdout_console()
    if out.width >= WIDE:
        out.print(_hits_table(hits, areas, scales, out.width))
        return
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", style="dim", no_wrap=True)
    grid.add_column()
    for rank, hit in enumerate(hits, 1):
        title, snippet = _highlighted(hit)
        head = title + Text(f" ({hit.role.slug})", style="dim")
        head.overflow = "fold"
        facts = f"{area_name(areas, hit.role.area)} · {bands_label(hit.role.bands, _scale_of(scales, hit.role))}"
        grid.add_row(f"{rank}.", Group(head, Text(facts, style="green"), _why(hit, snippet)))
    out.print(grid)


def _scale_of(scales: dict[str, PayScale], role: Summary) -> PayScale | None:
    return scales.get(role.scale or "")


def _hits_table(hits: Sequence[Hit], areas: dict[str, Area], scales: dict[str, PayScale], width: int) -> Table:
    from rich import box
    from rich.table import Table

    table = Table(show_edge=False, pad_edge=False, box=box.SIMPLE_HEAD)
    table.add_column("#", justify="right", style="dim")
    # Wide enough for a whole slug where it can be (people copy them); folded, never cut, if not.
    longest = max((len(h.role.slug) for h in hits), default=10)
    table.add_column("Role", ratio=3, overflow="fold", min_width=min(longest, width - 70))
    table.add_column("Area", ratio=2)
    table.add_column("Band", no_wrap=True)
    table.add_column("Why it matched", ratio=3)
    for rank, hit in enumerate(hits, 1):
        title, snippet = _highlighted(hit)
        role = title + Text("\n") + t(hit.role.slug, "dim")
        area = t(area_name(areas, hit.role.area))
        bands = bands_text(hit.role.bands, _scale_of(scales, hit.role))
        table.add_row(str(rank), role, area, bands, _why(hit, snippet))
    return table


def _highlighted(hit: Hit) -> tuple[Text, Text]:
    title, snippet = t(hit.role.title, "bold"), t(hit.snippet)
    for text in (title, snippet):
        text.highlight_words(hit.terms, style="bold yellow", case_sensitive=False)
    return title, snippet


def _why(hit: Hit, snippet: Text) -> Text:
    if hit.field == "filter":  # listed by the filters alone: the summary says what the role is
        return t(_first_sentence(snippet.plain), "dim")
    return Text(f"{hit.field}: ", style="dim italic") + snippet


def _first_sentence(text: str) -> str:
    return text.split(". ")[0].rstrip(".") + "."


def role_list(
    roles: Sequence[Summary],
    areas: Iterable[Area],
    scales: dict[str, PayScale],
    grouped: bool,
    sources: dict[str, str] | None = None,
) -> None:
    """Grouped by area and subarea on a terminal; one tab-separated role a line in a pipe.

    `sources` (slug -> "built-in" or a file) adds where each role comes from.
    """
    from rich.tree import Tree

    out = stdout_console()
    if not grouped:
        for r in roles:
            fields = [r.slug, r.title, r.area, r.subarea or "", ",".join(r.bands)]
            fields += [sources[r.slug]] if sources else []
            write("\t".join(clean(f).replace("\t", " ") for f in fields) + "\n")
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
                origin = Text(f"  {sources[r.slug]}", style="magenta") if sources else Text()
                branch.add(_role_label(r, _scale_of(scales, r)) + origin)
        out.print(tree)


def _role_label(role: Summary, scale: PayScale | None) -> Text:
    label = t(role.title) + Text(f"  {role.slug}", style="dim")
    if role.bands:
        label += Text(f"  {bands_label(role.bands, scale)}", style="green")
    return label


def areas_tree(rows: Sequence[tuple[Area, int, dict[str, int]]]) -> None:
    """Each area with its key and role count, and its subareas beneath it."""
    from rich.tree import Tree

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


def route_tree(root: Node, scales: dict[str, PayScale], into: bool = False) -> None:
    """A tree of routes: out of a role, or (into=True) what leads into it, level by level."""
    from rich.tree import Tree

    def label(node: Node) -> Text:
        bands = band_objects(scales, node.scale, node.bands)
        scale = scales.get(node.scale or "")
        return step_label(node.title, node.slug, bands, node.note, node.kind, node.repeat, scale)

    def grow(tree: Tree, node: Node) -> None:
        for child in node.next:
            grow(tree.add(label(child)), child)

    out = stdout_console()
    if into and not root.next:
        out.print(label(root))
        out.print(t(f"No role in the catalogue leads to {root.title} yet."), soft_wrap=True)
        return
    tree = Tree(label(root) + (Text("  ← what leads here", style="dim") if into else Text()))
    grow(tree, root)
    out.print(tree)


def step_label(
    title: str,
    slug: str | None,
    bands: Sequence[Band],
    note: str,
    kind: str | None,
    repeat: bool = False,
    scale: PayScale | None = None,
) -> Text:
    """A role step in bold with its slug, bands and pay; a named step in italics; then the move."""
    label = t(title, "bold" if slug else "italic")
    if slug:
        label += Text(f" ({slug})", style="dim")
    if bands:
        label += Text(f"  {bands_label([b.key for b in bands], scale)}, {money_range(bands)}", style="green")
    details = [KIND_LABELS[kind]] if kind else []
    details += [note] if note else []
    if details:
        label += Text("  ") + t(", ".join(details), "cyan")
    if repeat:
        label += Text("  (already on this route)", style="yellow")
    return label


def money_range(bands: Sequence[Band]) -> str:
    low, high = min(b.min for b in bands), max(b.max for b in bands)
    return money(low) if low == high else f"{money(low)} to {money(high)}"


def band_objects(scales: dict[str, PayScale], scale: str | None, keys: Sequence[str]) -> list[Band]:
    """The Band records for a summary's band keys (none when the scale is unknown)."""
    found = scales.get(scale or "")
    return [b for b in (found.band(k) for k in keys) if b is not None] if found else []


def routes_between(routes: Sequence[Sequence[RouteStep]], scales: dict[str, PayScale]) -> None:
    """Each shortest route as numbered stops, with the band, pay and note of every move."""
    from rich.tree import Tree

    out = stdout_console()
    moves = len(routes[0]) - 1
    out.print(Text(f"{len(routes)} shortest route{'s' * (len(routes) > 1)}, {moves} move{'s' * (moves != 1)}"))
    for n, route in enumerate(routes, 1):
        tree = Tree(Text(f"Route {n}", style="bold"))
        for i, stop in enumerate(route):
            bands = band_objects(scales, stop.scale, stop.bands)
            scale = scales.get(stop.scale or "")
            step = step_label(stop.title, stop.slug, bands, stop.note, stop.kind, scale=scale)
            tree.add(Text(f"{i}. ", style="dim") + step)
        out.print(tree)


def no_route(start: str, goal: str, nearest: Sequence[tuple[str, str]]) -> None:
    out = stdout_console()
    out.print(t(f"No route from {start} to {goal} over the progression links of the catalogue."), soft_wrap=True)
    if nearest:
        names = ", ".join(f"{title} ({slug})" for slug, title in nearest)
        out.print(t(f"Nearest roles that lead to {goal}: {names}"), soft_wrap=True)
    else:
        out.print(t(f"No role in the catalogue leads to {goal} yet."), soft_wrap=True)


# -- compare and pay -----------------------------------------------------------------------

BAR = 30  # width of a pay bar, in cells


def compare_table(columns: Sequence[Facts]) -> None:
    """One column per role and one row per fact; stacked blocks when the terminal is narrow."""
    from rich import box
    from rich.table import Table

    out = stdout_console()
    rows = [(name, [value(f) for f in columns]) for name, value in _FACT_ROWS]
    if out.width >= 22 + 26 * len(columns):
        table = Table(show_lines=True, box=box.SQUARE)
        table.add_column("", style="bold", no_wrap=True)
        for f in columns:
            table.add_column(t(f.title, "bold cyan") + Text(f"\n{f.slug}", style="dim"), ratio=1)
        for name, values in rows:
            table.add_row(name, *values)
        out.print(table)
    else:
        for i, f in enumerate(columns):
            block = LabelledRows()
            for name, values in rows:
                block.add(name, values[i])
            out.print(_panel(f"{f.title} ({f.slug})", block))
    out.print(pay_bars(columns))


def _lines(items: Sequence[str]) -> RenderableType:
    return Bullets(t(i) for i in items) if items else Text("–", style="dim")


def _pay_cell(f: Facts) -> Text:
    if f.pay_min is None or f.pay_max is None:
        return Text("no band given", style="dim")
    amount = money(f.pay_min) if f.pay_min == f.pay_max else f"{money(f.pay_min)} to {money(f.pay_max)}"
    return t(f"{f.pay_label}\n{amount} ({f.pay_year})")


_FACT_ROWS: list[tuple[str, Callable[[Facts], RenderableType]]] = [
    ("Area", lambda f: t(f.area)),
    ("Pay", _pay_cell),
    ("Hours", lambda f: t(f"{f.hours:g} a week") if f.hours else Text("–", style="dim")),
    ("Entry routes", lambda f: _lines([ENTRY_ROUTE_LABELS[r] for r in f.entry_routes])),
    ("Registration", lambda f: t(f.registration) if f.registration else Text("–", style="dim")),
    ("Training", lambda f: t(f.training) if f.training else Text("–", style="dim")),
    ("Can lead to", lambda f: _lines(f.leads_to)),
    ("Key skills", lambda f: _lines(f.skills)),
]


def pay_bars(columns: Sequence[Facts]) -> RenderableType:
    """Each role's pay range as a bar on one £ scale shared by all, so differences are seen."""
    from rich.table import Table

    paid = [f for f in columns if f.pay_min is not None and f.pay_max is not None]
    if not paid:
        return Text("No pay bands to draw.", style="dim")
    low = min(f.pay_min for f in paid if f.pay_min is not None)
    high = max(f.pay_max for f in paid if f.pay_max is not None)
    span = max(high - low, 1)
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, overflow="ellipsis", max_width=28)
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True)
    for f in columns:
        if f.pay_min is None or f.pay_max is None:
            grid.add_row(t(f.title), Text(" " * BAR + "│", style="dim"), Text("no band given", style="dim"))
            continue
        start = round((f.pay_min - low) / span * (BAR - 1))
        end = max(start + 1, round((f.pay_max - low) / span * (BAR - 1)) + 1)
        bar = Text(" " * start) + Text("█" * (end - start), style="green") + Text(" " * (BAR - end) + "│", style="dim")
        amount = money(f.pay_min) if f.pay_min == f.pay_max else f"{money(f.pay_min)}–{money(f.pay_max)}"
        grid.add_row(t(f.title), bar, t(amount))
    scale = Text(f"{money(low)}".ljust(BAR - len(money(high))) + money(high), style="dim")
    grid.add_row("", scale, "")
    return Group(Text("Pay a year, on one scale", style="bold"), grid)


def pay_scale(scale: PayScale, counts: Sequence[BandCount]) -> None:
    from rich import box
    from rich.table import Table

    table = Table(show_edge=False, pad_edge=False, box=box.SIMPLE_HEAD)
    table.add_column(scale.unit.capitalize())
    table.add_column("From", justify="right")
    table.add_column("To", justify="right")
    table.add_column("Roles starting here", justify="right")
    for c in counts:
        named = scale.unit == "band" or c.band.label.lower() == c.band.key
        name = (
            c.band.key
            if named and scale.unit == "band"
            else c.band.label
            if named
            else f"{c.band.label} ({c.band.key})"
        )
        table.add_row(name, money(c.band.min), money(c.band.max), str(len(c.starting)))
    out = stdout_console()
    out.print(Text(f"{scale.name}, {scale.region}, {scale.year} (from {scale.applies_from:%-d %B %Y})", style="bold"))
    out.print(table)
    out.print(Text("Source: ", style="dim") + _link(scale.source.url, scale.source.url, "dim"))


def band_roles(scale: PayScale, count: BandCount, areas: dict[str, Area]) -> None:
    out = stdout_console()
    head = f"{scale.name} {scale.describe([count.band.key])}: {money_range([count.band])} a year ({scale.year})"
    out.print(Text(head, style="bold"))
    if not count.starting:
        out.print(Text("No role in the catalogue starts in this band.", style="dim"))
    for doc in count.starting:
        out.print(
            Text("• ") + t(doc.title) + Text(f" ({doc.slug})", style="dim") + t(f"  {area_name(areas, doc.area)}")
        )


# -- Markdown ------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|])")


def md(text: str) -> str:
    """Role text as Markdown text: characters Markdown would act on are escaped."""
    return _MD_SPECIAL.sub(r"\\\1", clean(text))


def role_markdown(role: Role, titles: dict[str, str], wanted: set[str] | None, origin: str = BUILTIN) -> str:
    """The role as a Markdown document, for advisers to print or share."""
    lines = [f"# {md(role.title)}", "", md(role.summary), ""]
    lines += [f"- **{name}:** {md(value)}" for name, value in header_facts(role)] + [""]
    for section in role.sections:
        if wanted is None or section.key in wanted:
            lines += [f"## {section.heading}", ""]
            lines += [md(section.text), ""] if section.text else []
            lines += [f"- {md(item)}" for item in section.items] + ([""] if section.items else [])
    if role.organisations and (wanted is None or "organisations" in wanted):
        lines += ["## Organisations", ""]
        lines += [f"- [{md(o.name)}]({o.url})" if o.url else f"- {md(o.name)}" for o in role.organisations] + [""]
    if role.related and (wanted is None or "related" in wanted):
        lines += ["## Related roles", ""]
        lines += [f"- {md(titles.get(s, s))} (`{s}`)" for s in role.related] + [""]
    if wanted is None or "source" in wanted:
        checked = f"{role.source.checked.day} {role.source.checked:%B %Y}"
        lines += [f"Facts checked {checked} against <{role.source.url}>."]
        if origin != BUILTIN:
            lines += ["", f"From the file `{origin}`."]
    return "\n".join(lines).rstrip() + "\n"
