"""`search`, `list` and `areas` on a terminal: tables, trees and stacked entries."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import Group
from rich.text import Text

from careers_cli.models import Area, PayScale
from careers_cli.output.text.widgets import t
from careers_cli.output.words import area_name, bands_label, bands_text, plural

if TYPE_CHECKING:
    from rich.table import Table

    from careers_cli.commands.areas import Areas
    from careers_cli.commands.list_roles import Listed
    from careers_cli.commands.search import Found
    from careers_cli.index import Summary
    from careers_cli.output import Sink
    from careers_cli.search import Hit

WIDE = 120  # below this many columns, results are stacked rather than tabled


def search(result: Found, out: Sink) -> None:
    """A table on wide terminals; stacked entries on narrow ones, so nothing is cut."""
    from rich.table import Table

    if not result.hits:
        out.warn(f"No roles match '{result.query}'. Try fewer or different words, or `careers list`.")
        return
    if out.console.width >= WIDE:
        out.print(_hits_table(result.hits, result.areas, result.scales, out.console.width))
        return
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", style="dim", no_wrap=True)
    grid.add_column()
    for rank, hit in enumerate(result.hits, 1):
        title, snippet = _highlighted(hit)
        head = title + Text(f" ({hit.role.slug})", style="dim")
        head.overflow = "fold"
        where = area_name(result.areas, hit.role.area)
        facts = f"{where} · {bands_label(hit.role.bands, _scale_of(result.scales, hit.role))}"
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
    return Text(f"{_FIELD_LABELS.get(hit.field, hit.field)}: ", style="dim italic") + snippet


_FIELD_LABELS = {"plain words": "about"}  # a role's everyday words say what the job is about


def _first_sentence(text: str) -> str:
    return text.split(". ")[0].rstrip(".") + "."


def role_list(result: Listed, out: Sink) -> None:
    """Grouped by area and subarea, each role with its slug and bands (and with --source, its file).

    In a pipe the command line asks for the tsv format instead: one role a line."""
    from rich.tree import Tree

    sources = result.origins
    for area in result.areas.values():
        members = [r for r in result.roles if r.area == area.key]
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
                branch.add(_role_label(r, _scale_of(result.scales, r)) + origin)
        out.print(tree)


def _role_label(role: Summary, scale: PayScale | None) -> Text:
    label = t(role.title) + Text(f"  {role.slug}", style="dim")
    if role.bands:
        label += Text(f"  {bands_label(role.bands, scale)}", style="green")
    return label


def areas(result: Areas, out: Sink) -> None:
    """Each area with its key and role count, and its subareas beneath it."""
    from rich.tree import Tree

    tree = Tree(Text("Areas of NHS careers", style="bold"), hide_root=True)
    for row in result.rows:
        branch = tree.add(_counted(row.area.name, row.area.key, row.roles, "bold cyan"))
        for sub in row.area.subareas:
            branch.add(_counted(sub.name, sub.key, row.per_subarea.get(sub.key, 0), ""))
    out.print(tree)


def _counted(name: str, key: str, count: int, style: str) -> Text:
    return t(name, style) + Text(f"  {key}", style="dim") + Text(f"  {plural(count, 'role')}", style="green")
