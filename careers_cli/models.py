"""The domain: frozen records (msgspec Structs, which define far faster than dataclasses at start-up)
built by the catalogue package from validated files only, and the fixed vocabulary they use."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from pathlib import Path

import msgspec


class Subarea(msgspec.Struct, frozen=True):
    key: str
    name: str


class Area(msgspec.Struct, frozen=True):
    key: str
    name: str
    url: str
    subareas: tuple[Subarea, ...]
    # Keys that now mean this area: an old area ("health-informatics") or an old area's
    # subarea that moved here ("wider-healthcare-team/estates-services").
    former: tuple[str, ...] = ()

    def subarea(self, key: str | None) -> Subarea | None:
        return next((s for s in self.subareas if s.key == key), None)


class Band(msgspec.Struct, frozen=True):
    key: str
    label: str
    min: int
    max: int


class Source(msgspec.Struct, frozen=True):
    url: str
    checked: datetime.date
    supports: tuple[str, ...] = ()  # the facts read from it (SUPPORTS keys); () for all the rest
    note: str = ""


class Sourced:
    """What has `sources`, the pages its facts were checked against, main page first."""

    __slots__ = ()
    sources: tuple[Source, ...]

    @property
    def source(self) -> Source:
        """The main page (the first source)."""
        return self.sources[0]

    @property
    def checked(self) -> datetime.date:
        """The newest day any of its facts was checked."""
        return max(s.checked for s in self.sources)


class PayScale(msgspec.Struct, Sourced, frozen=True):
    """One pay year of a scale (the scale's table in force from `applies_from`)."""

    key: str
    name: str
    region: str
    year: str
    applies_from: datetime.date
    sources: tuple[Source, ...]
    unit: str
    bands: tuple[Band, ...]
    status: str = "confirmed"  # or "provisional": not yet read from the official table
    note: str = ""

    @property
    def ends(self) -> datetime.date:
        """The last day of the pay year (31 March after applies_from's April)."""
        start = self.applies_from
        return datetime.date(start.year + (start.month >= 4), 3, 31)

    def band(self, key: str) -> Band | None:
        return next((b for b in self.bands if b.key == key), None)

    def describe(self, keys: Sequence[str]) -> str:
        """'band 5', 'bands 3, 4', or for grades their names: 'grades ST1-2 to consultant'."""
        if not keys:
            return f"no {self.unit} given"
        if self.unit == "band":
            order = [b.key for b in self.bands]
            at = sorted(order.index(k) for k in keys if k in order)
            if len(at) > 2 and at == list(range(at[0], at[-1] + 1)):  # a run: 'bands 3 to 8c'
                return f"bands {order[at[0]]} to {order[at[-1]]}"
            return f"band{'s' * (len(keys) > 1)} {', '.join(keys)}"
        names = [b.label for b in self.bands if b.key in keys]
        return f"grade {names[0]}" if len(names) == 1 else f"grades {names[0]} to {names[-1]}"


class Pay(msgspec.Struct, frozen=True):
    scale: PayScale
    bands: tuple[Band, ...]
    hours_per_week: float | None

    @property
    def range(self) -> tuple[int, int]:
        """Lowest and highest annual pay over the role's bands."""
        return min(b.min for b in self.bands), max(b.max for b in self.bands)


class Section(msgspec.Struct, frozen=True):
    key: str
    heading: str
    text: str
    items: tuple[str, ...]


class Step(msgspec.Struct, frozen=True):
    """One move in a progression: a catalogue role (slug set) or a named step (title set)."""

    title: str | None
    slug: str | None
    note: str
    kind: str | None
    next: tuple[Step, ...]


INTEREST_TYPES = "RIASEC"  # Holland's six types, in this order everywhere
INTEREST_NAMES = {
    "R": "Realistic",
    "I": "Investigative",
    "A": "Artistic",
    "S": "Social",
    "E": "Enterprising",
    "C": "Conventional",
}


class InterestType(msgspec.Struct, frozen=True):
    key: str  # one letter of INTEREST_TYPES
    name: str
    says: str  # what it means, in a few words


class InterestItem(msgspec.Struct, frozen=True):
    """One question of `careers match`: an activity, and the type liking it points to."""

    key: str  # R1 ... C8
    type: str
    text: str


class Interests(msgspec.Struct, frozen=True):
    """A role's interest profile: a 1-7 score for each type of INTEREST_TYPES, in that order."""

    scores: tuple[int, ...]
    basis: str  # "onet" (O*NET's data for the code in `onet`) or "rubric" (the editors' rubric)
    onet: str | None
    why: str


class Organisation(msgspec.Struct, frozen=True):
    name: str
    url: str


class Role(msgspec.Struct, Sourced, frozen=True):
    slug: str
    path: Path
    title: str
    alternative_titles: tuple[str, ...]
    plain_words: tuple[str, ...]
    former_slugs: tuple[str, ...]
    area: Area
    subarea: Subarea | None
    summary: str
    sections: tuple[Section, ...]
    pay: Pay | None
    entry_routes: tuple[str, ...]
    registration: str | None
    training_length: str | None
    progression: tuple[Step, ...]
    related: tuple[str, ...]
    organisations: tuple[Organisation, ...]
    sources: tuple[Source, ...]  # the first is the role's main page
    interests: Interests | None = None

    def sources_of(self, fact: str) -> tuple[Source, ...]:
        """The pages a fact (a SUPPORTS key) rests on: those naming it, else those naming nothing."""
        named = tuple(s for s in self.sources if fact in s.supports)
        return named or tuple(s for s in self.sources if not s.supports)

    @property
    def area_label(self) -> str:
        """The area, and the subarea after it when there is one."""
        return self.area.name + (f" › {self.subarea.name}" if self.subarea else "")

    @property
    def band_keys(self) -> tuple[str, ...]:
        return tuple(b.key for b in self.pay.bands) if self.pay else ()


SECTION_HEADINGS: dict[str, str] = {
    "working_life": "Working life",
    "entry_requirements": "Entry requirements",
    "personal_characteristics": "Personal characteristics",
    "skills": "Skills",
    "training_and_development": "Training and development",
    "pay_and_conditions": "Pay and conditions",
    "where_the_role_can_lead": "Where the role can lead",
    "job_market": "Job market and vacancies",
    "further_information": "Further information",
}

# What `show --section` offers besides the sections of a file.
EXTRA_SECTIONS = ("organisations", "related", "source")

ENTRY_ROUTE_LABELS: dict[str, str] = {
    "none-set": "no set entry requirements",
    "gcse": "GCSEs or equivalent",
    "a-level": "A levels or equivalent",
    "vocational": "vocational qualification",
    "apprenticeship": "apprenticeship",
    "degree-apprenticeship": "degree apprenticeship",
    "degree": "degree",
    "postgraduate": "postgraduate study",
    "professional-registration": "professional registration",
    "experience": "relevant experience",
    "graduate-scheme": "graduate scheme",
}

# What a source may support (`supports:` in a role file): the facts of the header and lists,
# then each section. The labels are how `careers sources` and `show` name them.
SUPPORTS: dict[str, str] = {
    "title": "title",
    "alternative_titles": "other titles",
    "summary": "summary",
    "pay": "pay band",
    "hours": "hours",
    "entry_routes": "entry routes",
    "registration": "registration",
    "training_length": "training length",
    "progression": "where it leads",
    "related": "related roles",
    "organisations": "organisations",
    **{key: heading.lower() for key, heading in SECTION_HEADINGS.items()},
}
