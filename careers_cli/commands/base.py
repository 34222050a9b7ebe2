"""What every command shares: the result record, the catalogue of this run, the filters."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Literal

import msgspec

from careers_cli.catalogue import Catalogue, env_role_dirs, is_builtin
from careers_cli.errors import ExitCode, NotFound, RoleNotFound
from careers_cli.visible import one_line

if TYPE_CHECKING:
    from careers_cli import filters
    from careers_cli.models import Role


class Note(msgspec.Struct, frozen=True):
    """A message for stderr that goes with a result, whatever its format."""

    text: str
    level: Literal["warning", "info"] = "warning"
    after: bool = False  # after the data (a summary) rather than before it (a skipped file)


class Result(msgspec.Struct, frozen=True, kw_only=True):
    """What a command returns. `kind` names it in the output package's table of formatters."""

    kind: ClassVar[str]
    notes: tuple[Note, ...] = ()
    exit_code: ExitCode = ExitCode.OK


def open_catalogue(
    data_dirs: Sequence[Path] = (), builtin: bool = True, use_cache: bool = True, pay_year: str | None = None
) -> Catalogue:
    """The catalogue for this run: built-in roles, CAREERS_DATA_DIR, then --data-dir folders;
    pay of `pay_year` (--pay-year, else CAREERS_PAY_YEAR, else the year in force today)."""
    dirs = [*env_role_dirs(), *data_dirs]
    catalogue = Catalogue.open(role_dirs=dirs, builtin_roles=builtin, use_cache=use_cache)
    catalogue.suggest = lambda slug: _suggest_slugs(catalogue, slug)
    catalogue.choose_pay_year(pay_year or os.environ.get("CAREERS_PAY_YEAR") or None)
    return catalogue


def _suggest_slugs(catalogue: Catalogue, slug: str) -> list[str]:
    from careers_cli.search import suggest_slugs  # only on the error path: rapidfuzz

    return suggest_slugs(slug, catalogue.index(), catalogue.synonyms)


def origin(path: str | Path) -> str:
    """'built-in' for a role file of the package, else the file's path."""
    return "built-in" if is_builtin(path) else str(path)


def area_key(catalogue: Catalogue, text: str) -> str:
    """The key of an area given by key or name, any case."""
    wanted = text.strip().lower()
    for key, area in catalogue.areas.items():
        if wanted in (key, area.name.lower()) or wanted in area.former:
            return key
    raise NotFound("area", text, list(catalogue.areas))


def role_filter(catalogue: Catalogue, area: str | None, band: str | None, entry: Sequence[str]) -> filters.Filter:
    from careers_cli import filters

    orders = [[b.key for b in scale.bands] for scale in catalogue.scales.values()]
    return filters.Filter(
        area=area_key(catalogue, area) if area else None,
        bands=filters.band_range(band, *orders) if band else None,
        entry_routes=filters.entry_routes(list(entry)),
    )


def folder_notes(catalogue: Catalogue) -> tuple[Note, ...]:
    """A warning for each folder of this run that is not there: one stat each, for the commands
    that read a few files rather than scanning every folder (show, compare, path)."""
    return tuple(Note(f"{d}: no such folder; check the path") for d in catalogue.dirs if not os.path.isdir(d))


def skipped(catalogue: Catalogue) -> tuple[Note, ...]:
    """A warning when some role files were left out, pointing at `careers validate`."""
    broken = catalogue.skipped()
    if not broken:
        return ()
    return (Note(f"{broken[0]} (role skipped; run `careers validate` for all {len(broken)} problems)"),)


def named(catalogue: Catalogue, name: str) -> tuple[Role, tuple[Note, ...]]:
    """The role a person named by its slug, a former slug, or a title or other title that one
    role alone carries (`careers show physio`), with a note when it was a title. A title that
    several roles carry lists them."""
    if catalogue.resolve(name) is not None:
        return catalogue.get(name), ()
    owners = titled(catalogue, name)
    if len(owners) > 1:
        listed = ", ".join(owners)
        raise RoleNotFound(
            name,
            owners,
            message=f"'{one_line(name, 80)}' is a name of {len(owners)} roles: {listed}. Give one of these slugs.",
        )
    if not owners:
        return catalogue.get(name), ()  # not found: the error suggests the closest slugs
    role = catalogue.get(owners[0])
    return role, (Note(f"'{one_line(name, 80)}' is another name for {role.title} ({role.slug})", "info"),)


def titled(catalogue: Catalogue, name: str) -> list[str]:
    """The slugs of the roles whose title or other title is `name` (any case, hyphens as spaces)."""
    from careers_cli.index import words

    wanted = words(name.replace("-", " ")) if len(name) <= 200 else []
    if not wanted:
        return []
    docs = catalogue.index().docs
    # A role's own title wins over another role's other title ("Cardiographer").
    main = [d.slug for d in docs if words(d.title) == wanted]
    return main if len(main) == 1 else sorted({d.slug for d in docs if any(words(t) == wanted for t in d.titles)})
