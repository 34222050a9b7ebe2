"""`careers start --have QUALIFICATIONS` or `--from ROLE`: what a person can do from here.

From qualifications: the roles with a way in those qualifications meet now, those that begin
with a course the person can start now, and the roles one or two moves on from the open ones.
From a role: the roles one move on and two moves on over the progression graph. Each role
says how (the way in, or the move's note) and the band change."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import msgspec

from careers_cli.catalogue import Catalogue
from careers_cli.commands.base import Result, area_key, named, skipped
from careers_cli.errors import UsageError
from careers_cli.filters import have, open_after_study, open_now
from careers_cli.index import Summary
from careers_cli.models import ENTRY_ROUTE_LABELS, PayScale

if TYPE_CHECKING:
    from careers_cli.routes import Graph, NodeKey

    _Stop = tuple[NodeKey, str, tuple[str, ...]]  # where, the role started from, what was passed


class Reach(msgspec.Struct, frozen=True):
    slug: str
    title: str
    bands: tuple[str, ...]
    scale: str | None
    how: str  # the way in, or "from X: the move's note"
    from_bands: tuple[str, ...] = ()  # the bands of the role moved from, on the same scale
    via: tuple[str, ...] = ()  # the titles of the roles and steps passed on the way


class Group(msgspec.Struct, frozen=True):
    key: str  # now, after-study, one-move, two-moves
    title: str
    roles: tuple[Reach, ...]
    more: int = 0  # roles left out by --limit


class Start(Result, frozen=True, kw_only=True):
    kind = "start"
    had: tuple[str, ...]
    origin: str | None  # the role started from
    groups: tuple[Group, ...]
    scales: dict[str, PayScale]


def run(
    catalogue: Catalogue,
    had: Sequence[str] = (),
    origin: str | None = None,
    area: str | None = None,
    limit: int = 15,
) -> Start:
    from careers_cli import routes

    owned = have(had)
    if bool(owned) == bool(origin):
        raise UsageError("Say where you start: --have QUALIFICATIONS (such as gcse,a-level) or --from ROLE")
    if limit < 1:
        raise UsageError("--limit must be 1 or more")
    wanted = area_key(catalogue, area) if area else None
    docs = {d.slug: d for d in catalogue.index().docs}
    graph = routes.Graph(docs.values())
    notes = skipped(catalogue)
    if origin:
        role, said = named(catalogue, origin)
        start = docs[role.slug]
        groups = _moves(graph, docs, [start], {start.slug})
        return Start(
            had=(),
            origin=role.slug,
            groups=_cut(groups, wanted, docs, limit),
            scales=catalogue.scales,
            notes=notes + said,
        )
    now_routes, study_routes = open_now(owned), open_after_study(owned)
    now = [d for d in docs.values() if now_routes & set(d.entry_routes)]
    later = [d for d in docs.values() if d not in now and study_routes & set(d.entry_routes)]
    groups = [
        Group("now", "Open to you now", tuple(_way_in(d, now_routes) for d in now)),
        Group("after-study", "After a course you can start now", tuple(_way_in(d, study_routes) for d in later)),
        *_moves(graph, docs, now, {d.slug for d in now} | {d.slug for d in later}),
    ]
    return Start(
        had=tuple(sorted(owned)),
        origin=None,
        groups=_cut(groups, wanted, docs, limit),
        scales=catalogue.scales,
        notes=notes,
    )


def _way_in(doc: Summary, routes: frozenset[str]) -> Reach:
    ways = [ENTRY_ROUTE_LABELS[r] for r in doc.entry_routes if r in routes]
    return Reach(doc.slug, doc.title, doc.bands, doc.scale, "way in: " + ", ".join(ways))


def _moves(graph: Graph, docs: dict[str, Summary], starts: Sequence[Summary], seen: set[str]) -> list[Group]:
    """The roles one move and two moves on from `starts`, each reached the first way found (a
    named step with no file, such as "Team leader", counts as a move on the way)."""
    found: dict[int, dict[str, Reach]] = {1: {}, 2: {}}
    frontier: list[_Stop] = [(s.slug, s.slug, ()) for s in sorted(starts, key=lambda d: d.title.lower())]
    for depth in (1, 2):
        following: list[_Stop] = []
        for node, first, via in frontier:
            for move in graph.forward.get(node, []):
                target = move.to
                if isinstance(target, str):
                    if target in seen or any(target in found[k] for k in found):
                        continue
                    found[depth][target] = _reach(docs[first], docs[target], move.note, via)
                    following.append((target, first, (*via, docs[target].title)))
                else:
                    following.append((target, first, (*via, graph.title(target))))
        frontier = following
    return [
        Group("one-move", "One move on", tuple(found[1].values())),
        Group("two-moves", "Two moves on", tuple(found[2].values())),
    ]


def _reach(start: Summary, target: Summary, note: str, via: tuple[str, ...]) -> Reach:
    path = " → ".join([start.title, *via]) if via else start.title
    how = f"from {path}" + (f": {note}" if note else "")
    same_scale = start.scale is not None and start.scale == target.scale
    return Reach(target.slug, target.title, target.bands, target.scale, how, start.bands if same_scale else (), via)


def _cut(groups: Sequence[Group], area: str | None, docs: dict[str, Summary], limit: int) -> tuple[Group, ...]:
    out = []
    for g in groups:
        kept = [r for r in g.roles if area is None or docs[r.slug].area == area]
        kept.sort(key=lambda r: r.title.lower())
        out.append(Group(g.key, g.title, tuple(kept[:limit]), max(0, len(kept) - limit)))
    return tuple(out)
