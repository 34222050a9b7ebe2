"""Building domain records from checked file shapes: areas, pay scales, roles. Pure; never prints.

The rules that need more than one file (an area key, a band of a scale, a slug) are checked
here, each problem kept with its key path, so that a file reports all of them at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import msgspec

from careers_cli.catalogue import shapes
from careers_cli.catalogue.files import DataFiles, problem_at
from careers_cli.catalogue.folders import is_slug
from careers_cli.errors import DataError, KeyPath
from careers_cli.models import (
    SECTION_HEADINGS,
    Area,
    Band,
    Organisation,
    Pay,
    PayScale,
    Role,
    Section,
    Source,
    Step,
    Subarea,
)


def areas_and_scales(data: DataFiles) -> tuple[dict[str, Area], dict[str, PayScale]]:
    areas = {
        key: Area(key, a.name, a.url, tuple(Subarea(k, v) for k, v in a.subareas.items()))
        for key, a in data.areas.areas.items()
    }
    return areas, {key: _scale(key, f) for key, f in data.scales.items()}


def _scale(key: str, f: shapes.PayScaleFile) -> PayScale:
    bands = tuple(Band(k, b.label or f"Band {k}", b.min, b.max) for k, b in f.bands.items())
    source = Source(f.source.url, f.source.checked)
    return PayScale(key, f.name, f.region, f.year, f.applies_from, source, f.unit, bands)


def build_role(
    content: shapes.RoleFile, path: Path, slug: str, areas: dict[str, Area], scales: dict[str, PayScale]
) -> Role:
    """The Role for checked content; DataError for areas, bands or links that do not fit."""
    builder = _RoleBuilder(path, slug, areas, scales)
    role = builder.build(content)
    if builder.problems:
        raise DataError([problem_at(path, keys, msg) for keys, msg in builder.problems])
    return role


class _RoleBuilder(msgspec.Struct):
    """Turns a shape-checked RoleFile into a Role, collecting the cross-file problems."""

    path: Path
    slug: str
    areas: dict[str, Area]
    scales: dict[str, PayScale]
    problems: list[tuple[KeyPath, str]] = msgspec.field(default_factory=list)

    def build(self, f: shapes.RoleFile) -> Role:
        area = self._area(f.area)
        return Role(
            slug=self.slug,
            path=self.path,
            title=self._text(f.title, ["title"]),
            alternative_titles=tuple(f.alternative_titles),
            former_slugs=tuple(self._slugs(f.former_slugs, "former_slugs")),
            area=area,
            subarea=self._subarea(area, f.subarea),
            summary=self._text(f.summary, ["summary"]).strip(),
            sections=tuple(_sections(f.sections)),
            pay=self._pay(f.pay),
            entry_routes=tuple(dict.fromkeys(f.entry_routes)),
            registration=f.registration,
            training_length=f.training_length,
            progression=tuple(self._steps(f.progression, ["progression"])),
            related=tuple(self._slugs(f.related, "related")),
            organisations=tuple(self._organisations(f.organisations)),
            source=Source(self._url(f.source.url, ["source", "url"]), f.source.checked),
        )

    def fail(self, keys: KeyPath, message: str) -> None:
        self.problems.append((keys, message))

    def _text(self, value: str, keys: KeyPath) -> str:
        if not value.strip():
            self.fail(keys, "expected some text, got an empty value")
        return value

    def _area(self, key: str) -> Area:
        if key not in self.areas:
            self.fail(["area"], f"expected one of {', '.join(self.areas)}, got '{key}'")
            return Area(key, key, "", ())
        return self.areas[key]

    def _subarea(self, area: Area, key: str | None) -> Subarea | None:
        found = area.subarea(key)
        if key is not None and found is None and area.url:
            allowed = ", ".join(s.key for s in area.subareas) or "none (leave subarea out)"
            self.fail(["subarea"], f"expected a subarea of {area.key}: {allowed}; got '{key}'")
        return found

    def _pay(self, pay: shapes.PayFile | None) -> Pay | None:
        if pay is None:
            return None
        scale = self.scales.get(pay.scale)
        if scale is None:
            self.fail(["pay", "scale"], f"expected one of {', '.join(self.scales)}, got '{pay.scale}'")
            return None
        bands = []
        for i, raw in enumerate(pay.bands):
            band = scale.band(str(raw))
            if band is None:
                allowed = ", ".join(b.key for b in scale.bands)
                self.fail(["pay", "bands", i], f'expected one of {allowed}, got "{raw}"')
            else:
                bands.append(band)
        if not pay.bands:
            self.fail(["pay", "bands"], "expected at least one band")
        hours = pay.hours_per_week
        if hours is not None and not 0 < hours <= 80:
            self.fail(["pay", "hours_per_week"], f"expected hours a week between 1 and 80, got {hours:g}")
        return Pay(scale, tuple(bands), hours) if bands else None

    def _steps(self, steps: list[shapes.StepFile], keys: KeyPath) -> Iterator[Step]:
        for i, step in enumerate(steps):
            where = [*keys, i]
            if (step.role is None) == (step.title is None):
                self.fail(where, "expected either 'role' (a slug) or 'title' (a named step), not both or neither")
            if step.role is not None and not is_slug(step.role):
                self.fail([*where, "role"], f"expected a slug such as health-records-staff, got '{step.role}'")
            nested = tuple(self._steps(step.next, [*where, "next"]))
            yield Step(step.title, step.role, step.note, step.kind, nested)

    def _slugs(self, slugs: list[str], key: str) -> Iterator[str]:
        for i, slug in enumerate(slugs):
            if not is_slug(slug):
                self.fail([key, i], f"expected a slug such as health-records-staff, got '{slug}'")
            elif slug == self.slug:
                self.fail([key, i], "a role cannot list itself")
            else:
                yield slug

    def _organisations(self, orgs: list[shapes.OrganisationFile]) -> Iterator[Organisation]:
        for i, org in enumerate(orgs):
            url = self._url(org.url, ["organisations", i, "url"]) if org.url else ""
            yield Organisation(self._text(org.name, ["organisations", i, "name"]), url)

    def _url(self, url: str, keys: KeyPath) -> str:
        if not url.startswith(("https://", "http://")):
            self.fail(keys, f"expected a web address starting https://, got '{url}'")
        return url


def _sections(f: shapes.SectionsFile) -> Iterator[Section]:
    for key, heading in SECTION_HEADINGS.items():
        value = getattr(f, key)
        if value is None:
            continue
        if isinstance(value, str):
            yield Section(key, heading, value.strip(), ())
        elif isinstance(value, list):
            yield Section(key, heading, "", tuple(value))
        else:
            yield Section(key, heading, value.text.strip(), tuple(value.items))
