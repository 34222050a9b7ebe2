"""Building domain records from checked file shapes: areas, pay scales, roles. Pure; never prints.

The rules that need more than one file (an area key, a band of a scale, a slug) are checked
here, each problem kept with its key path, so that a file reports all of them at once.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

import msgspec

from careers_cli.catalogue import shapes
from careers_cli.catalogue.files import DataFiles, problem_at
from careers_cli.catalogue.folders import is_slug
from careers_cli.errors import DataError, KeyPath, Problem
from careers_cli.models import (
    INTEREST_TYPES,
    SECTION_HEADINGS,
    SUPPORTS,
    Area,
    Band,
    Interests,
    Organisation,
    Pay,
    PayScale,
    Role,
    Section,
    Source,
    Step,
    Subarea,
)
from careers_cli.suggest import closest, did_you_mean
from careers_cli.visible import one_line

_ONET_CODE = re.compile(r"\d\d-\d{4}\.\d\d")  # an O*NET-SOC code: 29-2043.00

# The placeholders of a fresh `careers new` file: a file that still holds one is not finished,
# so validate refuses it (the command writes them, this module knows them).
START_URL = "https://www.healthcareers.nhs.uk/explore-roles"
PLACEHOLDERS = {
    "summary": "One paragraph, in your own words, on what the role is and why it matters.",
    "working_life": "What the work involves, where it happens and who it is done with.",
}
# Not in a web address as written (str.isprintable already refuses control and invisible ones).
_NOT_IN_URLS = frozenset(' <>"`{}|\\^')
_HOST_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789.-"


def areas_and_scales(data: DataFiles) -> tuple[dict[str, Area], dict[str, tuple[PayScale, ...]]]:
    """The areas, and each pay scale's years, newest first (DataFiles.read checked them)."""
    areas = {
        key: Area(key, a.name, a.url, tuple(Subarea(k, v) for k, v in a.subareas.items()), tuple(a.former))
        for key, a in data.areas.areas.items()
    }
    return areas, {key: tuple(_year(key, f, y) for y in f.years) for key, f in data.scales.items()}


def _year(key: str, f: shapes.PayScaleFile, y: shapes.PayYearFile) -> PayScale:
    bands = tuple(Band(k, b.label or f"Band {k}", b.min, b.max) for k, b in y.bands.items())
    sources = tuple(Source(s.url, s.checked, note=s.note) for s in y.sources)
    return PayScale(key, f.name, f.region, y.year, y.applies_from, sources, f.unit, bands, y.status, y.note)


def build_role(
    content: shapes.RoleFile, path: Path, slug: str, areas: dict[str, Area], scales: dict[str, PayScale]
) -> Role:
    """The Role for checked content; BuildError for areas, bands or links that do not fit."""
    builder = _RoleBuilder(path, slug, areas, scales)
    role = builder.build(content)
    if builder.problems:
        raise BuildError([problem_at(path, keys, msg) for keys, msg in builder.problems], role)
    return role


class BuildError(DataError):
    """A role file whose values do not fit, with the role as far as it could be built, so that
    its links can still be checked in the same run."""

    def __init__(self, problems: list[Problem], role: Role) -> None:
        super().__init__(problems)
        self.role = role


class _RoleBuilder(msgspec.Struct):
    """Turns a shape-checked RoleFile into a Role, collecting the cross-file problems."""

    path: Path
    slug: str
    areas: dict[str, Area]
    scales: dict[str, PayScale]
    problems: list[tuple[KeyPath, str]] = msgspec.field(default_factory=list)

    def build(self, f: shapes.RoleFile) -> Role:
        area_key, subarea_key = self._moved(f.area, f.subarea)
        area = self._area(area_key)
        return Role(
            slug=self.slug,
            path=self.path,
            title=self._line(self._text(f.title, ["title"]), ["title"]),
            alternative_titles=tuple(self._texts(f.alternative_titles, "alternative_titles")),
            plain_words=tuple(self._texts(f.plain_words, "plain_words")),
            former_slugs=tuple(self._slugs(f.former_slugs, "former_slugs")),
            area=area,
            subarea=self._subarea(area, subarea_key),
            summary=self._finished(self._text(f.summary, ["summary"]), ["summary"]).strip(),
            sections=tuple(self._sections(f.sections)),
            pay=self._pay(f.pay),
            entry_routes=tuple(self._unique(f.entry_routes, ["entry_routes"])),
            registration=self._optional_text(f.registration, ["registration"]),
            training_length=self._optional_text(f.training_length, ["training_length"]),
            progression=tuple(self._steps(f.progression, ["progression"])),
            related=tuple(self._slugs(f.related, "related")),
            organisations=tuple(self._organisations(f.organisations)),
            sources=self._sources(f),
            interests=self._interests(f.interests),
        )

    def fail(self, keys: KeyPath, message: str) -> None:
        self.problems.append((keys, message))

    def _text(self, value: str, keys: KeyPath) -> str:
        if not value.strip():
            self.fail(keys, "expected some text, got an empty value")
        return value

    def _optional_text(self, value: str | None, keys: KeyPath) -> str | None:
        return None if value is None else self._text(value, keys)

    def _texts(self, values: Sequence[str], key: str) -> Iterator[str]:
        """Non-empty texts, each once (a repeat is a problem: one of them was meant otherwise)."""
        for value in self._unique(values, [key]):
            at: list[str | int] = [key, values.index(value)]
            yield self._line(self._text(value, at), at)

    def _unique(self, values: Sequence[str], keys: KeyPath) -> Iterator[str]:
        first: dict[str, int] = {}
        for i, value in enumerate(values):
            normal = value.strip().lower()
            if normal in first:
                self.fail([*keys, i], f"'{one_line(value, 80)}' is given twice (first at [{first[normal]}]); keep one")
                continue
            first[normal] = i
            yield value

    def _line(self, value: str, keys: KeyPath) -> str:
        """A one-line text (a title, a name): no line breaks, no control or invisible characters.
        (Longer texts may hold anything: every format shows such characters as codes.)"""
        if not value.isprintable():
            self.fail(keys, f"expected one line of plain text, got '{one_line(value, 60)}'")
        return value

    def _finished(self, text: str, keys: KeyPath, placeholder: str | None = None) -> str:
        wanted = placeholder or PLACEHOLDERS.get(str(keys[-1]))
        # (lengths first: this runs for every section of every role built, roles shown included)
        if wanted and abs(len(text) - len(wanted)) < 8 and " ".join(text.split()) == wanted:
            self.fail(keys, "still the placeholder of `careers new`; write it in your own words")
        return text

    def _sources(self, f: shapes.RoleFile) -> tuple[Source, ...]:
        """`source:` (one page for everything) or `sources:` (a page per group of facts)."""
        if f.source is not None and f.sources:
            self.fail(["sources"], "give `source` (one page) or `sources` (a list), not both")
        if f.source is None and not f.sources:
            self.fail([], "missing required key 'source' (or 'sources': a list, one page per group of facts)")
            return (Source("", datetime.date.min),)
        given = (
            [(f.source, ["source"])] if f.source is not None else [(s, ["sources", i]) for i, s in enumerate(f.sources)]
        )
        seen: dict[str, int] = {}
        sources: list[Source] = []
        for source, at in given:
            if source.url in seen:
                self.fail(
                    [*at, "url"], f"this page is already source [{seen[source.url]}]; list what it supports there"
                )
            seen.setdefault(source.url, len(sources))
            url = self._source_url(source.url, [*at, "url"])
            supports = tuple(self._supports(source.supports, [*at, "supports"]))
            note = self._line(source.note, [*at, "note"]) if source.note else ""
            sources.append(Source(url, self._checked(source.checked, [*at, "checked"]), supports, note))
        return tuple(sources)

    def _supports(self, facts: Sequence[str], keys: KeyPath) -> Iterator[str]:
        for i, fact in enumerate(self._unique(facts, keys)):
            if fact not in SUPPORTS:
                near = closest(fact, SUPPORTS)
                hint = f"; {did_you_mean(near, clause=True)}" if near else ""
                self.fail(
                    [*keys, i],
                    f"no fact '{one_line(fact, 40)}'{hint} (a source supports a key of the role file, such as pay "
                    "or entry_routes, or a section, such as working_life)",
                )
                continue
            yield fact

    def _checked(self, day: datetime.date, keys: KeyPath = ("source", "checked")) -> datetime.date:
        if day > datetime.date.today():
            self.fail(keys, f"{day.isoformat()} is in the future; give the day you checked the facts")
        return day

    def _source_url(self, url: str, keys: KeyPath = ("source", "url")) -> str:
        if url.rstrip("/") == START_URL:
            self.fail(keys, "the list of all roles, from `careers new`: cite the page you checked")
        return self._url(url, keys)

    def _sections(self, f: shapes.SectionsFile) -> Iterator[Section]:
        for section in _sections(f):
            keys: list[str | int] = ["sections", section.key]
            if not section.text and not section.items:
                self.fail(keys, "this section is empty; write it or leave it out")
                continue
            items_at = keys if isinstance(getattr(f, section.key), list) else [*keys, "items"]
            for i, item in enumerate(section.items):
                if not item.strip():
                    self.fail([*items_at, i], "expected some text, got an empty item")
            self._finished(section.text, keys, PLACEHOLDERS.get(section.key))
            yield section

    def _moved(self, area: str, subarea: str | None) -> tuple[str, str | None]:
        """An old area, or an old area's subarea, where the site has it now (areas.yaml's
        `former`); the subarea keeps its key when the new area has one of that name."""
        for new in self.areas.values():
            for old in new.former:
                old_area, _, old_sub = old.partition("/")
                if old_area == area and (not old_sub or old_sub == subarea):
                    return new.key, subarea if new.subarea(subarea) else None
        return area, subarea

    def _area(self, key: str) -> Area:
        if key not in self.areas:
            self.fail(["area"], f"expected one of {', '.join(self.areas)}, got '{one_line(key, 80)}'")
            return Area(key, key, "", ())
        return self.areas[key]

    def _subarea(self, area: Area, key: str | None) -> Subarea | None:
        found = area.subarea(key)
        if key is not None and found is None and area.url:
            allowed = ", ".join(s.key for s in area.subareas) or "none (leave subarea out)"
            self.fail(["subarea"], f"expected a subarea of {area.key}: {allowed}; got '{one_line(key, 80)}'")
        return found

    def _interests(self, given: shapes.InterestsFile | None) -> Interests | None:
        if given is None:
            return None
        scores = tuple(getattr(given.scores, t) for t in INTEREST_TYPES)
        for t, score in zip(INTEREST_TYPES, scores, strict=True):
            if not 1 <= score <= 7:
                self.fail(["interests", "scores", t], f"expected a score from 1 to 7, got {score}")
        if given.basis == "onet" and (given.onet is None or not _ONET_CODE.fullmatch(given.onet)):
            self.fail(["interests", "onet"], "expected the O*NET-SOC code the scores come from, such as 29-2043.00")
        if given.basis == "rubric" and given.onet is not None:
            self.fail(["interests", "onet"], "a rubric profile has no O*NET code; say basis: onet if it comes from one")
        return Interests(scores, given.basis, given.onet, self._line(given.why, ["interests", "why"]).strip())

    def _pay(self, pay: shapes.PayFile | None) -> Pay | None:
        if pay is None:
            return None
        scale = self.scales.get(pay.scale)
        if scale is None:
            self.fail(["pay", "scale"], f"expected one of {', '.join(self.scales)}, got '{one_line(pay.scale, 80)}'")
            return None
        bands = []
        for i, raw in enumerate(pay.bands):
            band = scale.band(str(raw).strip().lower())  # '8A' as on the command line
            if band is None:
                allowed = ", ".join(b.key for b in scale.bands)
                self.fail(["pay", "bands", i], f'expected one of {allowed}, got "{one_line(str(raw), 40)}"')
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
                self.fail(
                    [*where, "role"], f"expected a slug such as health-records-staff, got '{one_line(step.role, 80)}'"
                )
            elif step.role == self.slug:
                self.fail([*where, "role"], "a role cannot lead to itself")
            if step.title is not None:
                self._line(self._text(step.title, [*where, "title"]), [*where, "title"])
            if step.note and not step.note.strip():
                self.fail([*where, "note"], "expected some text, got an empty value")
            nested = tuple(self._steps(step.next, [*where, "next"]))
            yield Step(step.title, step.role, step.note, step.kind, nested)

    def _slugs(self, slugs: list[str], key: str) -> Iterator[str]:
        seen: set[str] = set()
        for i, slug in enumerate(slugs):
            if slug in seen:
                self.fail([key, i], f"'{one_line(slug, 80)}' is given twice; keep one")
                continue
            seen.add(slug)
            if not is_slug(slug):
                self.fail([key, i], f"expected a slug such as health-records-staff, got '{one_line(slug, 80)}'")
            elif slug == self.slug:
                self.fail([key, i], "a role cannot list itself")
            else:
                yield slug

    def _organisations(self, orgs: list[shapes.OrganisationFile]) -> Iterator[Organisation]:
        for i, org in enumerate(orgs):
            url = self._url(org.url, ["organisations", i, "url"]) if org.url else ""
            name: list[str | int] = ["organisations", i, "name"]
            yield Organisation(self._line(self._text(org.name, name), name), url)

    def _url(self, url: str, keys: KeyPath) -> str:
        """A real web address: http(s), a host with a dot, no spaces or control characters."""
        from urllib.parse import urlsplit  # only when a file is built, not from the cache

        shown = one_line(url, 80)
        try:
            parts = urlsplit(url)
            host = parts.hostname or ""
            parts.port  # noqa: B018 - raises ValueError for a port out of range
        except ValueError:
            parts, host = None, ""
        if parts is None or parts.scheme not in ("https", "http") or not url.isprintable() or _NOT_IN_URLS & set(url):
            self.fail(keys, f"expected a web address such as https://www.healthcareers.nhs.uk/..., got '{shown}'")
        elif "." not in host.strip(".") or host.strip(_HOST_CHARS):
            self.fail(keys, f"expected a web address with a host such as www.nhs.uk, got '{shown}'")
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
