"""`careers path SLUG`: where a role leads (--into: what leads to it; --to: routes between two)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from careers_cli.catalogue import Catalogue
from careers_cli.commands.base import Note, Result, folder_notes, named, skipped
from careers_cli.errors import UsageError
from careers_cli.models import PayScale

if TYPE_CHECKING:
    from careers_cli.routes import Node, RouteStep


class Tree(Result, frozen=True, kw_only=True):
    """Routes out of a role, or (into=True) into it, as a tree."""

    kind = "tree"
    root: Node
    into: bool
    scales: dict[str, PayScale]


class Routes(Result, frozen=True, kw_only=True):
    """The shortest routes between two roles; when there is none, the roles nearest the goal."""

    kind = "routes"
    start: str  # titles
    goal: str
    routes: tuple[tuple[RouteStep, ...], ...]
    more: bool  # there are more shortest routes than the ones given
    nearest: tuple[tuple[str, str], ...]  # (slug, title)
    scales: dict[str, PayScale]


def _cut(steps: int) -> tuple[Note, ...]:
    if not steps:
        return ()
    text = (
        f"{steps} more step{'s' * (steps != 1)} left out to keep the tree readable; use a smaller --depth, or --to ROLE"
    )
    return (Note(text, "info", after=True),)


def run(
    catalogue: Catalogue, slug: str, depth: int = 2, into: bool = False, to: str | None = None, most: int = 5
) -> Tree | Routes:
    from careers_cli import routes

    if into and to:
        raise UsageError("Use --into or --to, not both")
    role, said = named(catalogue, slug)
    scales = catalogue.scales
    if to is None and not into:
        root, cut = routes.routes_from(catalogue.find, role, depth)
        return Tree(root=root, into=False, scales=scales, notes=folder_notes(catalogue) + said + _cut(cut))
    graph = routes.Graph(catalogue.index().docs)
    if to is None:
        root, cut = routes.routes_into(graph, role.slug, depth)
        return Tree(root=root, into=True, scales=scales, notes=skipped(catalogue) + said + _cut(cut))
    goal, said_too = named(catalogue, to)
    said += said_too
    found = tuple(tuple(r) for r in routes.shortest_routes(graph, role.slug, goal.slug, most + 1))
    more = len(found) > most
    nearest = () if found else tuple((s, graph.title(s)) for s in routes.nearest_into(graph, goal.slug))
    return Routes(
        start=role.title,
        goal=goal.title,
        routes=found[:most],
        more=more,
        nearest=nearest,
        scales=scales,
        notes=skipped(catalogue) + said,
    )
