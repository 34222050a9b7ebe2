"""`careers search WORDS...`: roles ranked by what they are called or involve, filtered."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import msgspec

from careers_cli.catalogue import Catalogue
from careers_cli.commands.base import Note, Result, role_filter, skipped
from careers_cli.errors import UsageError
from careers_cli.models import Area, PayScale

if TYPE_CHECKING:
    from careers_cli.filters import Filter
    from careers_cli.phrases import Understood
    from careers_cli.search import Hit


class Found(Result, frozen=True, kw_only=True):
    kind = "search"
    query: str
    hits: tuple[Hit, ...]
    areas: dict[str, Area]
    scales: dict[str, PayScale]


# No one describes a job in more words than this; a pasted page would take seconds to rank.
MOST_WORDS = 40
MOST_LISTED = 5  # words no role has, named in the note


def run(
    catalogue: Catalogue,
    query: str,
    limit: int = 10,
    area: str | None = None,
    band: str | None = None,
    entry: Sequence[str] = (),
) -> Found:
    from careers_cli import phrases
    from careers_cli import search as finder  # rapidfuzz: only search needs it

    keep = role_filter(catalogue, area, band, entry)
    if not query.strip() and not keep.active:
        raise UsageError("Give words to search for, or a filter such as --band 3-5, --entry apprenticeship or --area")
    index = catalogue.index()
    kept_words = query.split()
    query = " ".join(kept_words[:MOST_WORDS])
    words, asked, said, typed = _phrases(catalogue, query, keep)
    notes: tuple[Note, ...] = (Note(f"Showing {said} (from {typed}).", "info"),) if said else ()
    if len(kept_words) > MOST_WORDS:
        notes = (Note(f"Searched for the first {MOST_WORDS} words of {len(kept_words)}.", "info"), *notes)
    unknown = phrases.not_recorded(words)
    if unknown.phrase:
        words = unknown.query
        notes += (Note(f"The role files do not say which posts are {unknown.phrase}; searched without it.", "info"),)
    not_wanted = phrases.unwanted(words)
    if not_wanted.words:
        words = not_wanted.query
        listed = " or ".join(f"'{w}'" for w in not_wanted.words)
        notes += (Note(f"Roles called {listed} are ranked lower (from '{not_wanted.phrase}').", "info"),)
    helped = phrases.helped(words)
    # A band read from the words also keeps the roles with no band on record, lower down: "band 2
    # admin" should not hide an admin role whose pages give no band.
    lower = asked.unknown_band if asked.unbanded else None
    ranked = finder.find(
        index, words, limit, asked if asked.active else None, catalogue.synonyms, not_wanted.words, helped, lower
    )
    if lower is not None and any(lower(r.doc) for r in ranked):
        notes += (Note("Roles with no band on record are shown too, ranked lower.", "info"),)
    if not ranked and asked != keep and words.strip():
        # "physio without a degree": no role has both, so say so and show the roles for the words.
        notes = (Note(f"No role matches '{words}' and is one of the {said}; showing every match.", "info"),)
        ranked = finder.find(
            index, words, limit, keep if keep.active else None, catalogue.synonyms, not_wanted.words, helped
        )
    missing = finder.unmatched(index, words) if ranked else []
    if missing:
        notes += (_missing_note(missing, finder.corrected(index, " ".join(missing), catalogue.synonyms), catalogue),)
    hits = tuple(finder.hits(ranked, catalogue.find))
    return Found(
        query=query, hits=hits, areas=catalogue.areas, scales=catalogue.scales, notes=skipped(catalogue) + notes
    )


def _missing_note(missing: list[str], spelt: str, catalogue: Catalogue) -> Note:
    """What was searched for instead of the words no role has: what they mean, or the rest."""
    from careers_cli import search as finder

    listed = ", ".join(f"'{w}'" for w in missing[:MOST_LISTED])
    if len(missing) > MOST_LISTED:
        listed += f" and {len(missing) - MOST_LISTED} more"
    plural = "s" if len(missing) > 1 else ""
    meant = list(dict.fromkeys(m for w in spelt.split() for m in finder.synonyms_of(w, catalogue.synonyms)))
    if len(missing) == 1 and meant:
        read = f" (read as '{spelt}')" if spelt != missing[0] else ""
        instead = ", ".join(f"'{m}'" for m in meant[:3])
        return Note(f"No role has the word {listed}{read}; searched for {instead}.", "info")
    return Note(f"No role has the word{plural} {listed}; searched for the rest.", "info")


def _phrases(catalogue: Catalogue, query: str, keep: Filter) -> tuple[str, Filter, str, str]:
    """The query less its filter phrases ("band 5", "without a degree"), the filter with them
    added (an option given on the command line wins), what was understood in words ("" for
    nothing) and the phrases as typed."""
    from careers_cli import phrases

    understood = phrases.read(query)
    if not understood.phrases:
        return query, keep, "", ""
    asked, said = _with(catalogue, understood, keep)
    if not said:
        return query, keep, "", ""
    typed = ", ".join(f"'{p}'" for p in understood.phrases)
    return understood.query, asked, " and ".join(said), typed


def _with(catalogue: Catalogue, understood: Understood, keep: Filter) -> tuple[Filter, list[str]]:
    said = list(understood.said)
    bands = keep.bands
    if understood.band is not None and keep.bands is None:
        try:
            bands = role_filter(catalogue, None, understood.band, ()).bands
        except UsageError:
            said = [s for s in said if not s.startswith("roles at band")]  # "band 12": not a band
    elif understood.band is not None:
        said = [s for s in said if not s.startswith("roles at band")]  # --band was given
    # --entry wins over every route phrase.
    any_entry = understood.any_entry if not keep.entry_routes else frozenset()
    no_degree = understood.no_degree and not keep.entry_routes
    if not any_entry and not no_degree:
        said = [s for s in said if s.startswith("roles at band")]
    unbanded = bands is not None and keep.bands is None  # the band came from the words
    return msgspec.structs.replace(keep, bands=bands, any_entry=any_entry, no_degree=no_degree, unbanded=unbanded), said
