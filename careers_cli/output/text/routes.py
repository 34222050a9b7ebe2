"""`path` on a terminal: trees of routes, and numbered stops between two roles."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from rich.text import Text

from careers_cli.models import Band, PayScale
from careers_cli.output.text.widgets import t
from careers_cli.output.words import (
    KIND_LABELS,
    band_objects,
    bands_label,
    money_range,
    pay_years_line,
    plural,
    scales_in,
)

if TYPE_CHECKING:
    from rich.tree import Tree as RichTree

    from careers_cli.commands.path import Routes, Tree
    from careers_cli.output import Sink
    from careers_cli.routes import Node


def tree(result: Tree, out: Sink) -> None:
    """A tree of routes: out of a role, or (into) what leads into it, level by level."""
    from rich.tree import Tree as RichTree

    scales, root = result.scales, result.root

    def label(node: Node) -> Text:
        bands = band_objects(scales, node.scale, node.bands)
        scale = scales.get(node.scale or "")
        again = ("what leads to it is" if result.into else "where it leads is") if node.shown else ""
        return step_label(node.title, node.slug, bands, node.note, node.kind, node.repeat, scale, again)

    def grow(branch: RichTree, node: Node) -> None:
        for child in node.next:
            grow(branch.add(label(child)), child)

    if result.into and not root.next:
        out.print(label(root))
        out.print(t(f"No role in the catalogue leads to {root.title} yet."), soft_wrap=True)
        return
    whole = RichTree(label(root) + (Text("  ← what leads here", style="dim") if result.into else Text()))
    grow(whole, root)
    out.print(whole)
    _pay_years(scales, scales_in(root), out)


def step_label(
    title: str,
    slug: str | None,
    bands: Sequence[Band],
    note: str,
    kind: str | None,
    repeat: bool = False,
    scale: PayScale | None = None,
    shown: str = "",
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
    if shown:
        label += Text(f"  ({shown} shown above)", style="dim")
    return label


def routes(result: Routes, out: Sink) -> None:
    """Each shortest route as numbered stops, with the band, pay and note of every move."""
    from rich.tree import Tree as RichTree

    if not result.routes:
        _no_route(result, out)
        return
    moves = len(result.routes[0]) - 1
    count = plural(len(result.routes), "shortest route")
    if result.more:  # --most stopped the search: say so, and how to see more
        count = f"{len(result.routes)} of the shortest routes (there are more: --most N shows more)"
    out.print(Text(f"{count}, {plural(moves, 'move')}"))
    for n, route in enumerate(result.routes, 1):
        stops = RichTree(Text(f"Route {n}", style="bold"))
        for i, stop in enumerate(route):
            bands = band_objects(result.scales, stop.scale, stop.bands)
            scale = result.scales.get(stop.scale or "")
            step = step_label(stop.title, stop.slug, bands, stop.note, stop.kind, scale=scale)
            stops.add(Text(f"{i}. ", style="dim") + step)
        out.print(stops)
    _pay_years(result.scales, (s.scale for route in result.routes for s in route if s.bands), out)


def _pay_years(scales: dict[str, PayScale], used: Iterable[str | None], out: Sink) -> None:
    line = pay_years_line(scales, used)
    if line:
        out.print(Text(line, style="dim"))


def _no_route(result: Routes, out: Sink) -> None:
    start, goal = result.start, result.goal
    out.print(t(f"No route from {start} to {goal} over the progression links of the catalogue."), soft_wrap=True)
    if result.nearest:
        names = ", ".join(f"{title} ({slug})" for slug, title in result.nearest)
        out.print(t(f"Nearest roles that lead to {goal}: {names}"), soft_wrap=True)
    else:
        out.print(t(f"No role in the catalogue leads to {goal} yet."), soft_wrap=True)
