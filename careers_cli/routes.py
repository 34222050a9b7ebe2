"""Career routes: out of a role, into a role, and between two roles, as plain data. Never prints."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import msgspec

from careers_cli.index import Summary
from careers_cli.models import Role, Step

RoleOf = Callable[[str], Role | None]  # a role by slug or former slug; None if missing or broken


class Node(msgspec.Struct, frozen=True):
    """One step in a tree of routes (out of a role, or into it). A role step has a slug and its
    bands on `scale`; a named step has neither. `repeat` marks a role already on this branch,
    which is not followed again; `shown` a role whose own routes are shown earlier in the tree
    (each role is followed once, so a densely linked catalogue gives a tree of bounded size)."""

    title: str
    slug: str | None
    note: str
    kind: str | None
    bands: tuple[str, ...]
    scale: str | None
    repeat: bool
    next: tuple[Node, ...]
    shown: bool = False


# Most steps one tree holds: past it, branches end early and `cut` says how many were left out.
MOST_STEPS = 400


class _Budget:
    """What a tree may still spend, and what it has already followed."""

    def __init__(self) -> None:
        self.left = MOST_STEPS
        self.cut = 0
        self.followed: set[object] = set()

    def take(self, n: int) -> int:
        """How many of n steps may be added (the rest are counted as cut)."""
        given = max(0, min(n, self.left))
        self.left -= given
        self.cut += n - given
        return given


def routes_from(role_of: RoleOf, role: Role, depth: int = 2) -> tuple[Node, int]:
    """The progression tree under `role`, `depth` levels deep, and how many steps were cut to
    keep it within MOST_STEPS. Cycles end at a repeat; a role met again is not followed again."""
    budget = _Budget()
    budget.followed.add(role.slug)
    below = _children(role_of, role.progression, (role.slug,), depth, budget)
    return _role_node(role, role.slug, "", None, False, below), budget.cut


def _role_node(
    role: Role | None,
    slug: str,
    note: str,
    kind: str | None,
    repeat: bool,
    below: tuple[Node, ...],
    shown: bool = False,
) -> Node:
    bands, scale = (role.band_keys, role.pay.scale.key) if role and role.pay else ((), None)
    return Node(role.title if role else slug, slug, note, kind, bands, scale, repeat, below, shown)


def _children(
    role_of: RoleOf, steps: tuple[Step, ...], branch: tuple[str, ...], depth: int, budget: _Budget
) -> tuple[Node, ...]:
    if depth <= 0:
        return ()
    return tuple(_node(role_of, step, branch, depth, budget) for step in steps[: budget.take(len(steps))])


def _node(role_of: RoleOf, step: Step, branch: tuple[str, ...], depth: int, budget: _Budget) -> Node:
    explicit = _children(role_of, step.next, branch, depth - 1, budget)
    if step.slug is None:
        return Node(step.title or "", None, step.note, step.kind, (), None, False, explicit)
    role = role_of(step.slug)
    slug = role.slug if role else step.slug
    if slug in branch:
        return _role_node(role, slug, step.note, step.kind, True, ())
    if slug in budget.followed:
        shown = bool(role and role.progression)
        return _role_node(role, slug, step.note, step.kind, False, explicit, shown=shown)
    budget.followed.add(slug)
    onward = _children(role_of, role.progression, (*branch, slug), depth - 1, budget) if role else ()
    return _role_node(role, slug, step.note, step.kind, False, _merged(onward, explicit))


def _merged(own: tuple[Node, ...], extra: tuple[Node, ...]) -> tuple[Node, ...]:
    """A role's own moves, then the steps another file adds after it, without a role twice:
    two files may both say that nursing associates go on to be adult nurses."""
    seen = {n.slug for n in own if n.slug}
    return own + tuple(n for n in extra if n.slug is None or n.slug not in seen)


# -- the graph of every role: routes into a role and between two roles ---------------------------

RoleKey = str  # a role node is its slug
StepKey = tuple[str, int]  # a named step is (the slug of the role whose file holds it, its number)
NodeKey = RoleKey | StepKey


class Move(msgspec.Struct, frozen=True):
    """An edge: where it goes, and how the file describes the move."""

    to: NodeKey
    note: str
    kind: str | None


class RouteStep(msgspec.Struct, frozen=True):
    """One stop on a route between two roles."""

    title: str
    slug: str | None
    bands: tuple[str, ...]
    scale: str | None
    note: str
    kind: str | None


class Graph:
    """Every progression link in the catalogue, forwards and backwards. Built from summaries."""

    def __init__(self, docs: Iterable[Summary]) -> None:
        self.docs = {d.slug: d for d in docs}
        aliases = {old: d.slug for d in self.docs.values() for old in d.former_slugs}
        self.forward: dict[NodeKey, list[Move]] = {}
        self.backward: dict[NodeKey, list[Move]] = {}
        # A role's own moves first, then the steps files nest under other roles, so that when
        # two files give the same move (nursing associate -> adult nurse) the role's own wins.
        for nested in (False, True):
            for doc in self.docs.values():
                for i, step in enumerate(doc.steps):
                    if (step.parent >= 0) != nested:
                        continue
                    target: NodeKey = (doc.slug, i)
                    if step.slug is not None:
                        target = aliases.get(step.slug, step.slug)
                        if target not in self.docs:
                            continue  # a dangling link: validate reports it
                    source: NodeKey = doc.slug if step.parent < 0 else self._key(doc, step.parent, aliases)
                    self._link(source, Move(target, step.note, step.kind))

    def _key(self, doc: Summary, i: int, aliases: dict[str, str]) -> NodeKey:
        step = doc.steps[i]
        return aliases.get(step.slug, step.slug) if step.slug else (doc.slug, i)

    def _link(self, source: NodeKey, move: Move) -> None:
        moves = self.forward.setdefault(source, [])
        if any(m.to == move.to for m in moves):
            return  # the same move, given again by another file
        moves.append(move)
        self.backward.setdefault(move.to, []).append(Move(source, move.note, move.kind))

    def title(self, key: NodeKey) -> str:
        if isinstance(key, str):
            return self.docs[key].title
        return self.docs[key[0]].steps[key[1]].title or ""

    def stop(self, key: NodeKey, note: str = "", kind: str | None = None) -> RouteStep:
        if isinstance(key, str):
            doc = self.docs[key]
            return RouteStep(doc.title, key, doc.bands, doc.scale, note, kind)
        return RouteStep(self.title(key), None, (), None, note, kind)


def shortest_routes(graph: Graph, start: str, goal: str, most: int = 5) -> list[list[RouteStep]]:
    """Every shortest route from one role to another (up to `most`); [] when there is none.

    Breadth-first over the links, keeping every predecessor at the shortest distance, so ties
    are all found; cycles cannot loop because each node is settled once.
    """
    if start == goal:
        return [[graph.stop(start)]]
    parents: dict[NodeKey, list[Move]] = {start: []}
    frontier: list[NodeKey] = [start]
    while frontier and goal not in parents:
        reached: dict[NodeKey, list[Move]] = {}
        for node in frontier:
            for move in graph.forward.get(node, []):
                if move.to not in parents:
                    reached.setdefault(move.to, []).append(Move(node, move.note, move.kind))
        parents.update(reached)
        frontier = list(reached)
    if goal not in parents:
        return []
    return [_stops(graph, path) for path in _unwind(parents, goal, most)]


def _unwind(parents: dict[NodeKey, list[Move]], node: NodeKey, most: int) -> list[list[tuple[NodeKey, Move | None]]]:
    """The paths that end at `node`, each as (node, the move that reached it) from the start."""
    if not parents[node]:
        return [[(node, None)]]
    paths: list[list[tuple[NodeKey, Move | None]]] = []
    for back in parents[node]:
        for path in _unwind(parents, back.to, most - len(paths)):
            paths.append([*path, (node, back)])
            if len(paths) >= most:
                return paths
    return paths


def _stops(graph: Graph, path: list[tuple[NodeKey, Move | None]]) -> list[RouteStep]:
    return [graph.stop(node, move.note if move else "", move.kind if move else None) for node, move in path]


def nearest_into(graph: Graph, goal: str, most: int = 5) -> list[str]:
    """The roles closest to `goal` that have a route into it, nearest first."""
    seen: set[NodeKey] = {goal}
    frontier: list[NodeKey] = [goal]
    found: list[str] = []
    while frontier and len(found) < most:
        nxt: list[NodeKey] = []
        for node in frontier:
            for move in graph.backward.get(node, []):
                if move.to not in seen:
                    seen.add(move.to)
                    nxt.append(move.to)
        # Equally near roles by title, whatever order the files were read in.
        found += sorted((k for k in nxt if isinstance(k, str)), key=lambda k: graph.title(k).lower())
        frontier = nxt
    return found[:most]


def routes_into(graph: Graph, goal: str, depth: int = 2) -> tuple[Node, int]:
    """What leads into `goal`, as a tree going backwards, `depth` levels deep, and how many
    steps were cut to keep it within MOST_STEPS; each step is followed once."""
    budget = _Budget()
    budget.followed.add(goal)
    return _tree_node(graph.stop(goal), False, _into(graph, goal, (goal,), depth, budget)), budget.cut


def _tree_node(stop: RouteStep, repeat: bool, below: tuple[Node, ...], shown: bool = False) -> Node:
    return Node(stop.title, stop.slug, stop.note, stop.kind, stop.bands, stop.scale, repeat, below, shown)


def _into(graph: Graph, node: NodeKey, branch: tuple[NodeKey, ...], depth: int, budget: _Budget) -> tuple[Node, ...]:
    if depth <= 0:
        return ()
    moves = sorted(graph.backward.get(node, []), key=lambda m: graph.title(m.to).lower())
    out = []
    for move in moves[: budget.take(len(moves))]:
        repeat = move.to in branch
        again = not repeat and move.to in budget.followed
        budget.followed.add(move.to)
        below = () if repeat or again else _into(graph, move.to, (*branch, move.to), depth - 1, budget)
        shown = again and bool(graph.backward.get(move.to))
        out.append(_tree_node(graph.stop(move.to, move.note, move.kind), repeat, below, shown))
    return tuple(out)
