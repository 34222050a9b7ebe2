"""`careers search WORDS...`: roles ranked by what they are called or involve, filtered."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from careers_cli.catalogue import Catalogue
from careers_cli.commands.base import Result, role_filter, skipped
from careers_cli.errors import UsageError
from careers_cli.models import Area, PayScale

if TYPE_CHECKING:
    from careers_cli.search import Hit


class Found(Result, frozen=True, kw_only=True):
    kind = "search"
    query: str
    hits: tuple[Hit, ...]
    areas: dict[str, Area]
    scales: dict[str, PayScale]


def run(
    catalogue: Catalogue,
    query: str,
    limit: int = 10,
    area: str | None = None,
    band: str | None = None,
    entry: Sequence[str] = (),
) -> Found:
    from careers_cli import search as finder  # rapidfuzz: only search needs it

    keep = role_filter(catalogue, area, band, entry)
    if not query.strip() and not keep.active:
        raise UsageError("Give words to search for, or a filter such as --band 3-5, --entry apprenticeship or --area")
    index = catalogue.index()
    ranked = finder.find(index, query, limit, keep if keep.active else None, catalogue.synonyms)
    hits = tuple(finder.hits(ranked, catalogue.find))
    return Found(query=query, hits=hits, areas=catalogue.areas, scales=catalogue.scales, notes=skipped(catalogue))
