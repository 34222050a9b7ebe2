"""The shapes of the data files, as msgspec Structs.

These describe what a file may hold (types, required and unknown keys); msgspec checks them.
Cross-file rules (area keys, pay bands, links between roles) live in build.py and links.py.
The entry routes and section keys here are those of models.ENTRY_ROUTE_LABELS and
models.SECTION_HEADINGS (a test keeps them in step).
"""

from __future__ import annotations

import datetime
from typing import Literal

import msgspec

EntryRoute = Literal[
    "none-set",
    "gcse",
    "a-level",
    "vocational",
    "apprenticeship",
    "degree-apprenticeship",
    "degree",
    "postgraduate",
    "professional-registration",
    "experience",
    "graduate-scheme",
]

StepKind = Literal["up", "sideways", "specialist"]


class _Strict(msgspec.Struct, forbid_unknown_fields=True, frozen=True, kw_only=True):
    """Base for every file shape: a typo in a key is an error, never silently dropped."""


class SectionFile(_Strict, frozen=True, kw_only=True):
    text: str = ""
    items: list[str] = []


SectionValue = str | list[str] | SectionFile


class SectionsFile(_Strict, frozen=True, kw_only=True):
    working_life: SectionValue | None = None
    entry_requirements: SectionValue | None = None
    personal_characteristics: SectionValue | None = None
    skills: SectionValue | None = None
    training_and_development: SectionValue | None = None
    pay_and_conditions: SectionValue | None = None
    where_the_role_can_lead: SectionValue | None = None
    job_market: SectionValue | None = None
    further_information: SectionValue | None = None


class PayFile(_Strict, frozen=True, kw_only=True):
    scale: str
    bands: list[str | int]
    hours_per_week: float | None = None


class StepFile(_Strict, frozen=True, kw_only=True):
    role: str | None = None
    title: str | None = None
    note: str = ""
    kind: StepKind | None = None
    next: list[StepFile] = []


class InterestScoresFile(_Strict, frozen=True, kw_only=True):
    R: int
    I: int  # noqa: E741 - the key is the letter of the Investigative type
    A: int
    S: int
    E: int
    C: int


class InterestsFile(_Strict, frozen=True, kw_only=True):
    """A role's interest profile on O*NET's 1-7 scale, and its basis (O*NET data or the rubric)."""

    scores: InterestScoresFile
    basis: Literal["onet", "rubric"]
    onet: str | None = None  # the O*NET-SOC code, e.g. 29-2043.00, when basis is onet
    why: str = ""


InterestType = Literal["R", "I", "A", "S", "E", "C"]


class InterestItemFile(_Strict, frozen=True, kw_only=True):
    key: str
    type: InterestType
    text: str
    original: str = ""  # the published wording, where a word was changed for UK readers
    changed: str = ""  # why


class InterestTypeFile(_Strict, frozen=True, kw_only=True):
    name: str
    says: str


class InterestItemsFile(_Strict, frozen=True, kw_only=True):
    """data/interests/items.yaml: the questions of `careers match`."""

    source: dict[str, str]
    types: dict[InterestType, InterestTypeFile]
    items: list[InterestItemFile]


class OrganisationFile(_Strict, frozen=True, kw_only=True):
    name: str
    url: str = ""


class SourceFile(_Strict, frozen=True, kw_only=True):
    url: str
    checked: datetime.date
    # What the page was read for: keys of the role file (pay, entry_routes, ...) or of its
    # sections (working_life, ...). Empty: everything no other source is given for.
    supports: list[str] = []
    note: str = ""  # e.g. "an archived page, last updated 2019"


class RoleFile(_Strict, frozen=True, kw_only=True):
    """One `data/roles/<slug>.yaml` file."""

    title: str
    alternative_titles: list[str] = []
    # Everyday words for the work ("takes blood"), searched but not shown as titles.
    plain_words: list[str] = []
    former_slugs: list[str] = []
    area: str
    subarea: str | None = None
    summary: str
    sections: SectionsFile
    pay: PayFile | None = None
    entry_routes: list[EntryRoute]
    registration: str | None = None
    training_length: str | None = None
    progression: list[StepFile] = []
    related: list[str] = []
    organisations: list[OrganisationFile] = []
    interests: InterestsFile | None = None
    # One page for every fact (source), or a page for each group of facts (sources).
    source: SourceFile | None = None
    sources: list[SourceFile] = []


class AreaFile(_Strict, frozen=True, kw_only=True):
    name: str
    url: str = ""
    subareas: dict[str, str] = {}
    # Old keys that now mean this area: "old-area", or "old-area/old-subarea" for a subarea that
    # moved here. Role files and --area may go on using them.
    former: list[str] = []


class AreasFile(_Strict, frozen=True, kw_only=True):
    """`data/areas.yaml`, wrapped so its top level is checked like any other mapping."""

    areas: dict[str, AreaFile]


class SynonymsFile(_Strict, frozen=True, kw_only=True):
    """`data/synonyms.yaml`: groups of words and phrases that search treats as equals."""

    groups: list[list[str]]


class BandFile(_Strict, frozen=True, kw_only=True):
    label: str = ""
    min: int
    max: int


class PayYearFile(_Strict, frozen=True, kw_only=True):
    """One pay year of a scale: the table in force from `applies_from`."""

    year: str  # 2026/27
    applies_from: datetime.date
    # provisional: figures not yet read from the official table (the note says how they were found)
    status: Literal["confirmed", "provisional"] = "confirmed"
    note: str = ""
    sources: list[SourceFile]
    bands: dict[str, BandFile]


class PayScaleFile(_Strict, frozen=True, kw_only=True):
    """One `data/pay/<scale>.yaml` file: its pay years, newest first."""

    name: str
    region: str
    # What one step of the scale is called: Agenda for Change has bands; doctors' pay has grades,
    # shown by their labels (FY1, ST3-5, consultant) rather than their keys.
    unit: Literal["band", "grade"] = "band"
    years: list[PayYearFile]
