"""Checks between role files: links that name no role, and former slugs that clash. Pure."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from pathlib import Path

from careers_cli.catalogue.files import problem_at
from careers_cli.errors import KeyPath, Problem
from careers_cli.models import Role, Step
from careers_cli.suggest import closest, did_you_mean
from careers_cli.visible import one_line


def link_problems(
    roles: Iterable[Role],
    resolve: Callable[[str], str | None],
    files: Mapping[str, str],
    rank: Callable[[str | Path], int] = lambda path: 0,
) -> list[Problem]:
    """Every link to no role and every clashing former slug; `files` maps slugs to role files,
    `rank` gives a file's folder's place (a later folder wins, as everywhere).

    A role file always wins over a former slug: a file of that name in a later folder (yours,
    over the built-in ones) takes the slug over, and a role in a later folder takes a former
    slug over from one in an earlier folder. What is reported is what has no effect: a former
    slug that a file of the same or a later folder holds, or that another role of the same
    folder claims too."""
    problems = []
    claimed: dict[str, Role] = {}
    for role in sorted(roles, key=lambda r: rank(r.path)):
        for keys, slug in links(role):
            if resolve(slug) is None:
                problems.append(problem_at(role.path, keys, _no_role(slug, files)))
        for i, old in enumerate(role.former_slugs):
            if old in files:
                if rank(files[old]) <= rank(role.path):
                    msg = f"'{old}' is the slug of another role file; this former slug has no effect"
                    problems.append(problem_at(role.path, ["former_slugs", i], msg))
            elif old in claimed and claimed[old].slug != role.slug and rank(claimed[old].path) == rank(role.path):
                msg = f"'{old}' is also a former slug of {claimed[old].slug}"
                problems.append(problem_at(role.path, ["former_slugs", i], msg))
            else:
                claimed[old] = role
    return problems


def _no_role(slug: str, slugs: Collection[str]) -> str:
    close = closest(slug, slugs)
    hint = did_you_mean(close, clause=True) if close else "use the slug (file name) of a role"
    return f"no role '{one_line(slug, 80)}'; {hint}"


def links(role: Role) -> Iterator[tuple[KeyPath, str]]:
    """Each slug a role names, with its key path: progression steps (nested too), then related."""

    def walk(steps: tuple[Step, ...], keys: list[str | int]) -> Iterator[tuple[KeyPath, str]]:
        for i, step in enumerate(steps):
            if step.slug is not None:
                yield [*keys, i, "role"], step.slug
            yield from walk(step.next, [*keys, i, "next"])

    yield from walk(role.progression, ["progression"])
    for i, slug in enumerate(role.related):
        yield ["related", i], slug
