"""Career routes out of a role, as a tree of plain data. Never prints."""

from __future__ import annotations

from dataclasses import dataclass

from careers_cli.catalogue import Catalogue
from careers_cli.models import Role, Step


@dataclass(frozen=True)
class Node:
    """One step of a route. `repeat` marks a role already on this branch (not followed again)."""

    title: str
    slug: str | None
    note: str
    kind: str | None
    role: Role | None
    repeat: bool
    next: tuple[Node, ...]


def routes_from(catalogue: Catalogue, role: Role, depth: int = 2) -> Node:
    """The progression tree under `role`, `depth` levels deep; cycles end at a repeat."""
    return Node(
        role.title, role.slug, "", None, role, False, _children(catalogue, role.progression, (role.slug,), depth)
    )


def _children(catalogue: Catalogue, steps: tuple[Step, ...], branch: tuple[str, ...], depth: int) -> tuple[Node, ...]:
    if depth <= 0:
        return ()
    return tuple(_node(catalogue, step, branch, depth) for step in steps)


def _node(catalogue: Catalogue, step: Step, branch: tuple[str, ...], depth: int) -> Node:
    explicit = _children(catalogue, step.next, branch, depth - 1)
    if step.slug is None:
        return Node(step.title or "", None, step.note, step.kind, None, False, explicit)
    role = catalogue.find(step.slug)
    slug = role.slug if role else step.slug
    title = role.title if role else slug
    if slug in branch:
        return Node(title, slug, step.note, step.kind, role, True, ())
    onward = _children(catalogue, role.progression, (*branch, slug), depth - 1) if role else ()
    return Node(title, slug, step.note, step.kind, role, False, explicit + onward)
