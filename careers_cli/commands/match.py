"""`careers match [--answers DIGITS]`: roles whose interest profile is like the person's."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import msgspec

from careers_cli.catalogue import Catalogue
from careers_cli.commands.base import Result, role_filter, skipped
from careers_cli.filters import Filter, have, open_now
from careers_cli.interests import Profile, Suggestion, answer_string, asked_order, parse_answers, profile, suggest
from careers_cli.models import Area, InterestItem, InterestType, PayScale

NOTICE = (
    "These are prompts to explore, not advice: they come only from what you said you like doing. "
    "Read about each role, and talk to a careers adviser before you decide."
)


class Matched(Result, frozen=True, kw_only=True):
    kind = "match"
    answers: str  # the answer string that gives this list again
    asked: tuple[InterestItem, ...]  # the questions in the order asked
    types: dict[str, InterestType]
    person: Profile
    suggestions: tuple[Suggestion, ...]
    profiled: dict[str, int]  # how many roles have a profile, by its basis
    filters: tuple[str, ...]  # the filters given, in words
    areas: dict[str, Area]
    scales: dict[str, PayScale]


def questions(catalogue: Catalogue) -> tuple[dict[str, InterestType], list[InterestItem]]:
    types, items = catalogue.interest_items()
    return types, asked_order(items)


def run(
    catalogue: Catalogue,
    answers: str,
    limit: int = 10,
    area: str | None = None,
    band: str | None = None,
    entry: Sequence[str] = (),
    had: Sequence[str] = (),
) -> Matched:
    types, asked = questions(catalogue)
    given = parse_answers(answers, len(asked))
    keep = role_filter(catalogue, area, band, entry)
    owned = have(had)
    if owned:
        keep = msgspec.structs.replace(keep, any_entry=open_now(owned))
    docs = [d for d in catalogue.index().docs if not keep.active or keep(d)]
    person = profile(given, asked)
    found = suggest(person, given, asked, docs, limit)
    profiled = Counter(d.interest_basis for d in catalogue.index().docs if d.interest_basis)
    return Matched(
        answers=answer_string(given),
        asked=tuple(asked),
        types=types,
        person=person,
        suggestions=tuple(found),
        profiled=dict(profiled),
        filters=_said(keep, owned, area, band, entry),
        areas=catalogue.areas,
        scales=catalogue.scales,
        notes=skipped(catalogue),
    )


def _said(
    keep: Filter, owned: frozenset[str], area: str | None, band: str | None, entry: Sequence[str]
) -> tuple[str, ...]:
    said = []
    if owned:
        said.append(f"roles you can go into now with {', '.join(sorted(owned))}")
    if area:
        said.append(f"in {area}")
    if band:
        said.append(f"at band {band}")
    if entry:
        said.append(f"with {', '.join(entry)} as a way in")
    return tuple(said)
