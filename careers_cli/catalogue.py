"""Finding, loading and checking the role files. Never prints.

Roles are loaded lazily: `show` of one role reads that file (and the titles of the few roles it
links to), not the whole catalogue. Commands that need every role call `roles()`.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from careers_cli import schema, validate, yamlfile
from careers_cli.errors import DataError, Problem, RoleNotFound, UsageError
from careers_cli.models import (
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
from careers_cli.yamlfile import KeyPath, ProblemError

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ENV_DATA_DIR = "CAREERS_DATA_DIR"


def builtin_data_dir() -> Path:
    """The built-in `data/` folder: inside the installed package, or beside it in a checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "data"
    return packaged if packaged.is_dir() else here.parent / "data"


def env_role_dirs() -> list[Path]:
    """Extra role folders from CAREERS_DATA_DIR (separated like PATH)."""
    value = os.environ.get(ENV_DATA_DIR, "")
    return [Path(p) for p in value.split(os.pathsep) if p]


def is_slug(text: str) -> bool:
    return SLUG.match(text) is not None


@dataclass
class Catalogue:
    """Areas, pay scales and role files, with roles built on first use."""

    areas: dict[str, Area]
    scales: dict[str, PayScale]
    files: dict[str, Path]
    file_problems: list[Problem] = field(default_factory=list)
    _roles: dict[str, Role] = field(default_factory=dict)
    _broken: dict[str, list[Problem]] = field(default_factory=dict)
    _aliases: dict[str, str] | None = None

    @classmethod
    def open(cls, role_dirs: Sequence[Path] | None = None, builtin_roles: bool = True) -> Catalogue:
        """The built-in catalogue plus `role_dirs` (default: CAREERS_DATA_DIR); later folders win."""
        data = builtin_data_dir()
        extra = env_role_dirs() if role_dirs is None else list(role_dirs)
        dirs = [data / "roles", *extra] if builtin_roles else extra
        files, problems = find_role_files(dirs)
        return cls(load_areas(data / "areas.yaml"), load_scales(data / "pay"), files, problems)

    # -- single roles ---------------------------------------------------------------------

    def get(self, slug: str) -> Role:
        """The role for a slug or former slug; RoleNotFound (with suggestions) or DataError."""
        canonical = self.resolve(slug)
        if canonical is None:
            from careers_cli.search import suggest_slugs  # only on the error path

            raise RoleNotFound(slug, suggest_slugs(slug, self))
        role = self._load(canonical)
        if role is None:
            raise DataError(self._broken[canonical])
        return role

    def resolve(self, slug: str) -> str | None:
        """The current slug for a slug or former slug, or None."""
        if slug in self.files:
            return slug
        if not is_slug(slug):
            return None
        return self.aliases().get(slug)

    def find(self, slug: str) -> Role | None:
        """A linked role, or None when it is missing or broken (validate reports those)."""
        canonical = self.resolve(slug)
        return self._load(canonical) if canonical else None

    # -- the whole catalogue -----------------------------------------------------------------

    def roles(self) -> list[Role]:
        """Every valid role, in area order, then by title."""
        loaded = (self._load(slug) for slug in self.files)
        roles = [r for r in loaded if r is not None]
        order = {key: i for i, key in enumerate(self.areas)}
        return sorted(roles, key=lambda r: (order[r.area.key], r.title.lower()))

    def aliases(self) -> dict[str, str]:
        """Former slug -> current slug, over every valid role."""
        if self._aliases is None:
            self._aliases = {}
            for role in self.roles():
                for old in role.former_slugs:
                    if old not in self.files:
                        self._aliases.setdefault(old, role.slug)
        return self._aliases

    def load_problems(self) -> list[Problem]:
        """Problems that kept role files out of `roles()` (bad names, invalid files)."""
        self.roles()
        return [*self.file_problems, *(p for ps in self._broken.values() for p in ps)]

    def problems(self, only: Iterable[Path] | None = None) -> list[Problem]:
        """Every problem in every role file, including links that name no role."""
        found = self.load_problems() + self._link_problems()
        if only is not None:
            wanted = {p.resolve() for p in only}
            found = [p for p in found if p.path.resolve() in wanted]
        return sorted(found, key=lambda p: (str(p.path), p.line or 0, p.column or 0))

    def area_key(self, text: str) -> str:
        """The key of an area given by key or name, any case; UsageError listing the keys."""
        wanted = text.strip().lower()
        for key, area in self.areas.items():
            if wanted in (key, area.name.lower()):
                return key
        raise UsageError(f"No area '{text}'. Choose from: {', '.join(self.areas)}")

    # -- internals ---------------------------------------------------------------------------

    def _load(self, slug: str) -> Role | None:
        if slug in self._roles:
            return self._roles[slug]
        if slug in self._broken:
            return None
        try:
            role = load_role(self.files[slug], slug, self.areas, self.scales)
        except DataError as e:
            self._broken[slug] = list(e.problems)
            return None
        self._roles[slug] = role
        return role

    def _no_role(self, slug: str) -> str:
        close = _close_slugs(slug, self.files)
        hint = f"did you mean {' or '.join(close)}?" if close else "use the slug (file name) of a role"
        return f"no role '{slug}'; {hint}"

    def _link_problems(self) -> list[Problem]:
        problems = []
        claimed: dict[str, str] = {}
        for role in self._roles.values():
            for keys, slug in _links(role):
                if self.resolve(slug) is None:
                    problems.append(_problem_at(role.path, keys, self._no_role(slug)))
            for i, old in enumerate(role.former_slugs):
                if old in self.files:
                    msg = f"'{old}' is the slug of another role file"
                    problems.append(_problem_at(role.path, ["former_slugs", i], msg))
                elif claimed.setdefault(old, role.slug) != role.slug:
                    msg = f"'{old}' is also a former slug of {claimed[old]}"
                    problems.append(_problem_at(role.path, ["former_slugs", i], msg))
        return problems


_BAD_NAME = "file name is not a slug: use lower-case letters, digits and hyphens, e.g. health-records-staff.yaml"
EXTRA_SECTIONS = ("organisations", "related", "source")


def section_keys(names: Sequence[str]) -> set[str]:
    """Section keys for names a user typed: 'pay', 'Working life', 'where-the-role-can-lead'."""
    known = [*schema.SECTION_HEADINGS, *EXTRA_SECTIONS]
    headings = {_norm(h): k for k, h in schema.SECTION_HEADINGS.items()}
    keys = set()
    for name in names:
        norm = _norm(name)
        exact = norm if norm in known else headings.get(norm)
        starts = [k for k in known if k.startswith(norm)] if norm else []
        if exact is None and len(starts) != 1:
            choices = ", ".join(k.replace("_", "-") for k in known)
            raise UsageError(f"No section '{name}'. Choose from: {choices}")
        keys.add(exact or starts[0])
    return keys


def _norm(name: str) -> str:
    return re.sub(r"[^a-z]+", "_", name.lower()).strip("_")


def _close_slugs(slug: str, slugs: Iterable[str]) -> list[str]:
    return difflib.get_close_matches(slug, list(slugs), n=3, cutoff=0.75)


def find_role_files(dirs: Sequence[Path]) -> tuple[dict[str, Path], list[Problem]]:
    """slug -> file over the folders in order (a later folder replaces an earlier slug)."""
    files: dict[str, Path] = {}
    problems = []
    for folder in dirs:
        if not folder.is_dir():
            problems.append(Problem(folder, "not a folder of role files; check the path"))
            continue
        for path in sorted(folder.glob("*.yaml")):
            if is_slug(path.stem):
                files[path.stem] = path
            else:
                problems.append(Problem(path, _BAD_NAME))
    return files, problems


def load_areas(path: Path) -> dict[str, Area]:
    data = _read(path)
    parsed, problems = validate.check({"areas": data}, schema.AreasFile)
    if parsed is None:
        raise DataError([_problem_at(path, keys[1:], msg, data) for keys, msg in problems])
    return {
        key: Area(key, a.name, a.url, tuple(Subarea(k, v) for k, v in a.subareas.items()))
        for key, a in parsed.areas.items()
    }


def load_scales(folder: Path) -> dict[str, PayScale]:
    scales = {}
    for path in sorted(folder.glob("*.yaml")):
        data = _read(path)
        parsed, problems = validate.check(data, schema.PayScaleFile)
        if parsed is None:
            raise DataError([_problem_at(path, keys, msg, data) for keys, msg in problems])
        bands = tuple(Band(k, b.label or f"Band {k}", b.min, b.max) for k, b in parsed.bands.items())
        source = Source(parsed.source.url, parsed.source.checked)
        scales[path.stem] = PayScale(
            path.stem, parsed.name, parsed.region, parsed.year, parsed.applies_from, source, bands
        )
    return scales


def load_role(path: Path, slug: str, areas: dict[str, Area], scales: dict[str, PayScale]) -> Role:
    """One role file as a Role; DataError listing every problem in the file."""
    text = _read_text(path)
    data = _parse(path, text)
    parsed, shape_problems = validate.check(data, schema.RoleFile)
    if parsed is None:
        raise DataError([_problem_at(path, keys, msg, text=text) for keys, msg in shape_problems])
    builder = _RoleBuilder(path, slug, areas, scales)
    role = builder.build(parsed)
    if builder.problems:
        raise DataError([_problem_at(path, keys, msg, text=text) for keys, msg in builder.problems])
    return role


@dataclass
class _RoleBuilder:
    """Turns a shape-checked RoleFile into a Role, collecting the cross-file problems."""

    path: Path
    slug: str
    areas: dict[str, Area]
    scales: dict[str, PayScale]
    problems: list[tuple[KeyPath, str]] = field(default_factory=list)

    def build(self, f: schema.RoleFile) -> Role:
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

    def _pay(self, pay: schema.PayFile | None) -> Pay | None:
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

    def _steps(self, steps: list[schema.StepFile], keys: KeyPath) -> Iterator[Step]:
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

    def _organisations(self, orgs: list[schema.OrganisationFile]) -> Iterator[Organisation]:
        for i, org in enumerate(orgs):
            url = self._url(org.url, ["organisations", i, "url"]) if org.url else ""
            yield Organisation(self._text(org.name, ["organisations", i, "name"]), url)

    def _url(self, url: str, keys: KeyPath) -> str:
        if not url.startswith(("https://", "http://")):
            self.fail(keys, f"expected a web address starting https://, got '{url}'")
        return url


def _sections(f: schema.SectionsFile) -> Iterator[Section]:
    for key, heading in schema.SECTION_HEADINGS.items():
        value = getattr(f, key)
        if value is None:
            continue
        if isinstance(value, str):
            yield Section(key, heading, value.strip(), ())
        elif isinstance(value, list):
            yield Section(key, heading, "", tuple(value))
        else:
            yield Section(key, heading, value.text.strip(), tuple(value.items))


def _links(role: Role) -> Iterator[tuple[KeyPath, str]]:
    def walk(steps: tuple[Step, ...], keys: list[str | int]) -> Iterator[tuple[KeyPath, str]]:
        for i, step in enumerate(steps):
            if step.slug is not None:
                yield [*keys, i, "role"], step.slug
            yield from walk(step.next, [*keys, i, "next"])

    yield from walk(role.progression, ["progression"])
    for i, slug in enumerate(role.related):
        yield ["related", i], slug


def _read_text(path: Path) -> str:
    try:
        return yamlfile.read_text(path)
    except ProblemError as e:
        raise DataError([e.problem]) from None


def _parse(path: Path, text: str) -> Any:
    try:
        return yamlfile.parse(path, text)
    except ProblemError as e:
        raise DataError([e.problem]) from None


def _read(path: Path) -> Any:
    return _parse(path, _read_text(path))


def _problem_at(path: Path, keys: KeyPath, message: str, data: Any = None, text: str | None = None) -> Problem:
    """A Problem with the line and column of `keys` in the file, when the file still parses."""
    if text is None:
        try:
            text = yamlfile.read_text(path)
        except ProblemError:
            text = ""
    where = yamlfile.locate(text, keys, at_key=message.startswith("unknown key")) if text else None
    line, col = where if where else (None, None)
    return Problem(path, message, line, col, yamlfile.format_keys(keys))
