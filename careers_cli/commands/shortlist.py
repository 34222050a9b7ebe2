"""`careers shortlist add|remove|list|clear|export`: a private list of roles to come back to."""

from __future__ import annotations

from collections.abc import Sequence

from careers_cli.catalogue import Catalogue
from careers_cli.catalogue.shortlist import read, shortlist_path, write
from careers_cli.commands.base import Note, Result, named
from careers_cli.errors import UsageError
from careers_cli.index import flatten
from careers_cli.models import Role


class Shortlist(Result, frozen=True, kw_only=True):
    kind = "shortlist"
    roles: tuple[Role, ...]  # in the order added
    missing: tuple[str, ...]  # slugs on the list that no longer name a role
    path: str


class Exported(Result, frozen=True, kw_only=True):
    kind = "shortlist-export"
    roles: tuple[Role, ...]
    titles: dict[str, str]  # slug -> title of every role the shortlisted roles lead to


def _result(catalogue: Catalogue, slugs: list[str], notes: tuple[Note, ...] = ()) -> Shortlist:
    roles, missing = [], []
    for slug in slugs:
        role = catalogue.find(slug)
        if role is None:
            missing.append(slug)
        else:
            roles.append(role)
    if missing:
        notes += (Note(f"No longer a role: {', '.join(missing)} (remove with `careers shortlist remove`)"),)
    return Shortlist(roles=tuple(roles), missing=tuple(missing), path=str(shortlist_path()), notes=notes)


def show(catalogue: Catalogue) -> Shortlist:
    return _result(catalogue, read(shortlist_path()))


def add(catalogue: Catalogue, names: Sequence[str]) -> Shortlist:
    if not names:
        raise UsageError("Name the roles to add, such as: careers shortlist add phlebotomist")
    path = shortlist_path()
    slugs = read(path)
    notes: list[Note] = []
    for name in names:
        role, said = named(catalogue, name)  # an unknown name stops here: nothing is saved
        notes += said
        if role.slug in slugs:
            notes.append(Note(f"{role.title} ({role.slug}) is already on your shortlist", "info"))
        else:
            slugs.append(role.slug)
            notes.append(Note(f"Added {role.title} ({role.slug})", "info"))
    write(path, slugs)
    return _result(catalogue, slugs, tuple(notes))


def remove(catalogue: Catalogue, names: Sequence[str]) -> Shortlist:
    if not names:
        raise UsageError("Name the roles to remove, such as: careers shortlist remove phlebotomist")
    path = shortlist_path()
    slugs = read(path)
    notes = []
    for name in names:
        slug = name if name in slugs else catalogue.resolve(name)
        if slug is None or slug not in slugs:
            raise UsageError(f"'{name}' is not on your shortlist; `careers shortlist list` shows what is")
        slugs.remove(slug)
        notes.append(Note(f"Removed {slug}", "info"))
    write(path, slugs)
    return _result(catalogue, slugs, tuple(notes))


def clear(catalogue: Catalogue, sure: bool) -> Shortlist:
    path = shortlist_path()
    slugs = read(path)
    if slugs and not sure:
        raise UsageError(f"This empties your shortlist of {len(slugs)} roles; add --yes to do it")
    if slugs:
        write(path, [])
    return _result(catalogue, [], (Note(f"Cleared {len(slugs)} roles", "info"),))


def export(catalogue: Catalogue) -> Exported:
    listed = show(catalogue)
    if not listed.roles:
        raise UsageError("Your shortlist is empty; add roles with `careers shortlist add SLUG`")
    linked = {s.slug for r in listed.roles for s in flatten(r.progression) if s.slug}
    titles = {slug: found.title for slug in linked if (found := catalogue.find(slug))}
    return Exported(roles=listed.roles, titles=titles, notes=listed.notes)


def slugs_for_compare() -> list[str]:
    return read(shortlist_path())
