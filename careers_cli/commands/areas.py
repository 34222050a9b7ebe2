"""`careers areas`: the areas of NHS careers with how many roles each has."""

from __future__ import annotations

from collections import Counter

import msgspec

from careers_cli.catalogue import Catalogue
from careers_cli.commands.base import Result
from careers_cli.models import Area


class AreaCount(msgspec.Struct, frozen=True):
    area: Area
    roles: int
    per_subarea: dict[str, int]  # subarea key -> roles


class Areas(Result, frozen=True, kw_only=True):
    kind = "areas"
    rows: tuple[AreaCount, ...]


def run(catalogue: Catalogue) -> Areas:
    docs = catalogue.index().docs
    counts = Counter(d.area for d in docs)
    per_subarea = Counter((d.area, d.subarea) for d in docs if d.subarea)
    rows = tuple(
        AreaCount(a, counts[a.key], {s.key: per_subarea[a.key, s.key] for s in a.subareas})
        for a in catalogue.areas.values()
    )
    return Areas(rows=rows)
