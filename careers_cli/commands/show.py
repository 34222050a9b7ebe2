"""`careers show SLUG`: one role, with the titles of the roles it links to."""

from __future__ import annotations

import re
from collections.abc import Sequence

from careers_cli.catalogue import Catalogue
from careers_cli.commands.base import Result, folder_notes, named, origin
from careers_cli.errors import NotFound, UsageError
from careers_cli.models import EXTRA_SECTIONS, SECTION_HEADINGS, Role
from careers_cli.visible import one_line


class Shown(Result, frozen=True, kw_only=True):
    kind = "show"
    role: Role
    titles: dict[str, str]  # slug -> title of each related role that exists
    sections: frozenset[str] | None  # the section keys asked for; None for all
    origin: str  # "built-in" or the file's path


def run(catalogue: Catalogue, slug: str, sections: Sequence[str] = ()) -> Shown:
    wanted = frozenset(section_keys(sections)) if sections else None
    role, notes = named(catalogue, slug)
    titles = {s: found.title for s in role.related if (found := catalogue.find(s))}
    notes = folder_notes(catalogue) + notes
    return Shown(role=role, titles=titles, sections=wanted, origin=origin(role.path), notes=notes)


def section_keys(names: Sequence[str]) -> set[str]:
    """Section keys for names a user typed: 'pay', 'Working life', 'where-the-role-can-lead'."""
    known = [*SECTION_HEADINGS, *EXTRA_SECTIONS]
    headings = {_norm(h): k for k, h in SECTION_HEADINGS.items()}
    keys = set()
    for name in names:
        norm = _norm(name)
        exact = norm if norm in known else headings.get(norm)
        starts = [k for k in known if k.startswith(norm)] if norm else []
        if exact is None and len(starts) > 1:
            names = ", ".join(k.replace("_", "-") for k in starts)
            raise UsageError(f"Section '{one_line(name, 40)}' could be any of: {names}; give more of its name")
        if exact is None and not starts:
            raise NotFound("section", name, [k.replace("_", "-") for k in known])
        keys.add(exact or starts[0])
    return keys


def _norm(name: str) -> str:
    return re.sub(r"[^a-z]+", "_", name.lower()).strip("_")
