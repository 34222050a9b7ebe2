"""`careers pay [BAND]`: a pay scale with the roles that start in each band, or one band's roles."""

from __future__ import annotations

from collections.abc import Iterable

import msgspec

from careers_cli.catalogue import Catalogue
from careers_cli.commands.base import Result
from careers_cli.errors import NotFound
from careers_cli.index import Summary
from careers_cli.models import Area, Band, PayScale

DEFAULT_SCALE = "agenda-for-change"


class BandCount(msgspec.Struct, frozen=True):
    band: Band
    starting: tuple[Summary, ...]  # roles whose lowest band is this one


class Scale(Result, frozen=True, kw_only=True):
    kind = "pay"
    scale: PayScale
    counts: tuple[BandCount, ...]
    other_years: tuple[str, ...] = ()  # the scale's other pay years, newest first


class BandRoles(Result, frozen=True, kw_only=True):
    kind = "band"
    scale: PayScale
    count: BandCount
    areas: dict[str, Area]


def run(catalogue: Catalogue, band: str | None = None, scale: str = DEFAULT_SCALE) -> Scale | BandRoles:
    found = catalogue.scales.get(scale)
    if found is None:
        raise NotFound("pay scale", scale, list(catalogue.scales))
    counts = start_bands(found, catalogue.index().docs)
    if band is None:
        others = tuple(t.year for t in catalogue.scale_years.get(scale, ()) if t.year != found.year)
        return Scale(scale=found, counts=tuple(counts), other_years=others)
    wanted = band.strip().lower()
    count = next((c for c in counts if c.band.key == wanted), None)
    if count is None:
        raise NotFound("band", band, [b.key for b in found.bands], where=f" in {found.name}")
    return BandRoles(scale=found, count=count, areas=catalogue.areas)


def start_bands(scale: PayScale, docs: Iterable[Summary]) -> list[BandCount]:
    """Each band of the scale with the catalogue roles that start in it."""
    order = [b.key for b in scale.bands]
    starting: dict[str, list[Summary]] = {key: [] for key in order}
    for doc in docs:
        if doc.scale == scale.key and doc.bands:
            starting[min(doc.bands, key=order.index)].append(doc)
    return [BandCount(b, tuple(sorted(starting[b.key], key=lambda d: d.title.lower()))) for b in scale.bands]
