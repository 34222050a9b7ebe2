"""The domain: frozen records (msgspec Structs, which define far faster than dataclasses at start-up)
built by catalogue.py from validated files only."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Subarea:
    key: str
    name: str


@dataclass(frozen=True)
class Area:
    key: str
    name: str
    url: str
    subareas: tuple[Subarea, ...]

    def subarea(self, key: str | None) -> Subarea | None:
        return next((s for s in self.subareas if s.key == key), None)


@dataclass(frozen=True)
class Band:
    key: str
    label: str
    min: int
    max: int


@dataclass(frozen=True)
class Source:
    url: str
    checked: datetime.date


@dataclass(frozen=True)
class PayScale:
    key: str
    name: str
    region: str
    year: str
    applies_from: datetime.date
    source: Source
    bands: tuple[Band, ...]

    def band(self, key: str) -> Band | None:
        return next((b for b in self.bands if b.key == key), None)


@dataclass(frozen=True)
class Pay:
    scale: PayScale
    bands: tuple[Band, ...]
    hours_per_week: float | None

    @property
    def range(self) -> tuple[int, int]:
        """Lowest and highest annual pay over the role's bands."""
        return min(b.min for b in self.bands), max(b.max for b in self.bands)


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    text: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class Step:
    """One move in a progression: a catalogue role (slug set) or a named step (title set)."""

    title: str | None
    slug: str | None
    note: str
    kind: str | None
    next: tuple[Step, ...]


@dataclass(frozen=True)
class Organisation:
    name: str
    url: str


@dataclass(frozen=True)
class Role:
    slug: str
    path: Path
    title: str
    alternative_titles: tuple[str, ...]
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
    source: Source

    @property
    def area_label(self) -> str:
        """The area, and the subarea after it when there is one."""
        return self.area.name + (f" › {self.subarea.name}" if self.subarea else "")

    @property
    def band_keys(self) -> tuple[str, ...]:
        return tuple(b.key for b in self.pay.bands) if self.pay else ()
