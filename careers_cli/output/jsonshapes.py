"""The shape of every `--json` output, as msgspec Structs: jsonform.py builds its output from
these, and `careers schema output` (docs/output.schema.json) is generated from them, so the
published schema is the output's own.

Stability (version OUTPUT_VERSION): within a version, fields are only ever added. A field is
never removed, renamed or given another type, and a value that may be null says so here; a
change that would break a script raises the version, and the README says what changed.
"""

from __future__ import annotations

from typing import Any, Literal

import msgspec

OUTPUT_VERSION = 1


class Shape(msgspec.Struct, forbid_unknown_fields=True):
    """Every field is always written (no defaults), so the schema can require each one."""


class SectionOut(Shape):
    key: str
    heading: str
    text: str
    items: list[str]


class BandPay(Shape):
    band: str
    min: int
    max: int


class PayOut(Shape):
    scale: str
    scale_name: str
    year: str
    region: str
    status: Literal["confirmed", "provisional"]
    bands: list[BandPay]
    min: int
    max: int
    hours_per_week: float | None


class StepOut(Shape):
    """A move as the role file gives it: a catalogue role (slug) or a named step (title)."""

    title: str | None
    slug: str | None
    note: str | None
    kind: Literal["up", "sideways", "specialist"] | None
    next: list[StepOut]


class OrganisationOut(Shape):
    name: str
    url: str | None


class SourceOut(Shape):
    url: str
    checked: str  # an ISO date, 2026-11-25
    supports: list[str]  # the facts read from it (keys of a role file); empty: all the others
    note: str | None


class RoleOut(Shape):
    """`careers show SLUG --json`."""

    slug: str
    title: str
    alternative_titles: list[str]
    plain_words: list[str]  # everyday words for the work, which search also reads
    former_slugs: list[str]
    area: str
    area_name: str
    subarea: str | None
    subarea_name: str | None
    summary: str
    sections: list[SectionOut]
    pay: PayOut | None
    entry_routes: list[str]
    registration: str | None
    training_length: str | None
    progression: list[StepOut]
    related: list[str]
    organisations: list[OrganisationOut]
    source: SourceOut  # the main page: sources[0]
    sources: list[SourceOut]
    checked: str  # the newest day any fact was checked, ISO
    file: str


class HitOut(Shape):
    """One result of `careers search --json`."""

    slug: str
    title: str
    score: float
    area: str
    bands: list[str]
    matched_field: str
    matched_words: list[str]
    snippet: str


class ListedOut(Shape, omit_defaults=True):
    """One role of `careers list --json`; `source` only with --source."""

    slug: str
    title: str
    area: str
    subarea: str | None
    bands: list[str]
    source: str | msgspec.UnsetType = msgspec.UNSET


class SubareaOut(Shape):
    key: str
    name: str
    roles: int


class AreaOut(Shape):
    """One area of `careers areas --json`."""

    key: str
    name: str
    url: str | None
    roles: int
    subareas: list[SubareaOut]


class NodeOut(Shape):
    """`careers path SLUG --json`: the tree, from its root (with --into, what leads in)."""

    title: str
    slug: str | None
    note: str | None
    kind: Literal["up", "sideways", "specialist"] | None
    bands: list[str]
    repeat: bool
    shown_above: bool
    next: list[NodeOut]


class RouteStopOut(Shape):
    slug: str | None
    title: str
    bands: list[str]
    note: str | None
    kind: Literal["up", "sideways", "specialist"] | None


class FactsPay(Shape):
    min: int
    max: int
    year: str
    status: Literal["confirmed", "provisional"]


class FactsOut(Shape):
    """One role of `careers compare --json`."""

    slug: str
    title: str
    area: str
    bands: list[str]
    pay: FactsPay | None
    hours_per_week: float | None
    entry_routes: list[str]
    registration: str | None
    training_length: str | None
    leads_to: list[str]
    key_skills: list[str]


class RoleRef(Shape):
    slug: str
    title: str


class BandCountOut(Shape):
    """`careers pay BAND --json`, and each band of `careers pay --json`."""

    band: str
    label: str
    min: int
    max: int
    roles_starting: list[RoleRef]


class ScaleOut(Shape):
    """`careers pay --json`."""

    scale: str
    name: str
    year: str
    region: str
    applies_from: str  # an ISO date
    status: Literal["confirmed", "provisional"]
    note: str | None
    checked: str  # the newest day a source was checked, ISO
    source: SourceOut  # sources[0]
    sources: list[SourceOut]
    other_years: list[str]
    bands: list[BandCountOut]


class FactOut(Shape):
    fact: str  # a key of the role file or of its sections
    label: str
    sources: list[str]  # the addresses it rests on


class RoleSourcesOut(Shape):
    """`careers sources SLUG --json`."""

    slug: str
    title: str
    facts: list[FactOut]
    sources: list[SourceOut]


class CheckedOut(Shape):
    """One role of `careers sources --json`, oldest check first."""

    slug: str
    title: str
    checked: str  # the newest day any of its facts was checked, ISO
    sources: list[SourceOut]


class ProblemOut(Shape):
    """One problem of `careers validate --json`."""

    file: str
    line: int | None
    column: int | None
    key: str | None
    message: str


class InterestScoreOut(Shape):
    type: str  # R, I, A, S, E or C
    name: str
    score: float | None  # the mean answer to its questions, 1 to 5; null when all were skipped


class SuggestionOut(Shape):
    slug: str
    title: str
    area: str
    bands: list[str]
    fit: float  # how alike the two interest profiles are (Pearson's r, -1 to 1)
    interests: list[int]  # the role's profile, 1 to 7, in the order R I A S E C
    profile_basis: str  # "rubric" (the editors' rubric) or "onet" (O*NET's interest data)
    shared: list[str]  # the person's strongest types the role shares
    liked: list[str]  # the questions whose answers weighed most
    reason: str


class MatchOut(Shape):
    """`careers match --json`."""

    answers: str  # the answer string; `careers match --answers` with it gives this list again
    interests: list[InterestScoreOut]
    code: str  # the person's three strongest types, such as SIC
    answered: int
    suggestions: list[SuggestionOut]
    filters: list[str]
    notice: str


class ReachOut(Shape):
    slug: str
    title: str
    bands: list[str]
    how: str  # the way in, or the move from a role and its note
    band_change: str | None  # "band 2 to bands 4 to 8b" for a move on one scale


class StartGroupOut(Shape):
    key: str  # now, after-study, one-move or two-moves
    title: str
    roles: list[ReachOut]
    more: int  # roles left out by --limit


class StartOut(Shape):
    """`careers start --json`."""

    have: list[str]
    start: str | None  # the role started from (--from)
    groups: list[StartGroupOut]


# command (as the README and the schema's $defs name it) -> the type of its whole output
OUTPUTS: dict[str, Any] = {
    "show": RoleOut,
    "search": list[HitOut],
    "list": list[ListedOut],
    "areas": list[AreaOut],
    "path": NodeOut,
    "path-to": list[list[RouteStopOut]],
    "compare": list[FactsOut],
    "pay": ScaleOut,
    "pay-band": BandCountOut,
    "validate": list[ProblemOut],
    "sources": RoleSourcesOut,
    "sources-all": list[CheckedOut],
    "match": MatchOut,
    "start": StartOut,
    "shortlist": list[ListedOut],
    "shortlist-export": list[RoleOut],
}


def output_schema() -> dict[str, Any]:
    """One JSON Schema document: each command's output is `#/$defs/<command>`."""
    tops, components = msgspec.json.schema_components(list(OUTPUTS.values()), ref_template="#/$defs/{name}")
    for shape in components.values():
        if shape.get("type") == "object":
            shape["additionalProperties"] = False
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:careers:output:{OUTPUT_VERSION}",
        "title": f"careers --json output, version {OUTPUT_VERSION}",
        "description": (
            "Each command's output is $defs/<command>. Within a version fields are only added, never "
            "removed, renamed or retyped."
        ),
        "$defs": {**dict(zip(OUTPUTS, tops, strict=True)), **components},
    }
