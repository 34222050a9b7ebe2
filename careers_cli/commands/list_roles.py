"""`careers list`: every role (or those the filters keep), in area order, then by title."""

from __future__ import annotations

from collections.abc import Sequence

from careers_cli.catalogue import Catalogue
from careers_cli.commands.base import Note, Result, origin, role_filter, skipped
from careers_cli.index import Summary
from careers_cli.models import Area, PayScale


class Listed(Result, frozen=True, kw_only=True):
    kind = "list"
    roles: tuple[Summary, ...]
    areas: dict[str, Area]
    scales: dict[str, PayScale]
    origins: dict[str, str] | None  # slug -> "built-in" or its file, when asked for


def run(
    catalogue: Catalogue,
    area: str | None = None,
    band: str | None = None,
    entry: Sequence[str] = (),
    source: bool = False,
) -> Listed:
    docs = catalogue.index().docs
    keep = role_filter(catalogue, area, band, entry)
    order = {key: i for i, key in enumerate(catalogue.areas)}
    roles = sorted(filter(keep, docs), key=lambda d: (order.get(d.area, len(order)), d.title.lower()))
    origins = {r.slug: origin(r.path) for r in roles} if source else None
    empty = () if docs else (Note(_why_empty(catalogue), "warning", after=True),)
    return Listed(
        roles=tuple(roles),
        areas=catalogue.areas,
        scales=catalogue.scales,
        origins=origins,
        notes=skipped(catalogue) + empty,
    )


def _why_empty(catalogue: Catalogue) -> str:
    if not catalogue.dirs:
        return "No roles: the built-in ones are left out (--no-builtin) and no folder is given (--data-dir DIR)"
    folders = ", ".join(str(d) for d in catalogue.dirs)
    return f"No roles: no valid role file (NAME.yaml) in {folders}"
