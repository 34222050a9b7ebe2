"""Finding, loading and checking the role files. Never prints.

Roles are loaded lazily: `show` of one role reads that file (and the titles of the few roles it
links to), not the whole catalogue. `index()` gives the search index and role summaries from the
cache when no file has changed; `roles()` builds every role, reparsing only changed files.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain
from operator import attrgetter
from pathlib import Path
from typing import Any

import msgspec

from careers_cli import cache, schema, validate
from careers_cli.cache import Stamp
from careers_cli.errors import DataError, KeyPath, Problem, RoleNotFound, UsageError
from careers_cli.index import Index
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

DATA_CACHE = f"data-v{cache.VERSION}.msgpack"
INDEX_CACHE = f"index-v{cache.VERSION}.msgpack"

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


_SLUG_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789-"


def is_slug(text: str) -> bool:
    """Lower-case letters, digits and single hyphens inside: `health-records-staff`.

    (str.strip over the allowed characters rather than a regular expression: it runs for every
    file of every folder on each run, and ten times faster matters at 10,000 files.)
    """
    return bool(text) and not text.strip(_SLUG_CHARS) and "--" not in text and text[0] != "-" != text[-1]


class Catalogue(msgspec.Struct):
    """Areas, pay scales and role files, with roles built on first use."""

    data_dir: Path
    dirs: list[Path]
    use_cache: bool = True
    _scan: Scan | None = None
    _data: DataFiles | None = None
    _areas: dict[str, Area] = msgspec.field(default_factory=dict)
    _scales: dict[str, PayScale] = msgspec.field(default_factory=dict)
    _roles: dict[str, Role] = msgspec.field(default_factory=dict)
    _broken: dict[str, list[Problem]] = msgspec.field(default_factory=dict)
    _aliases: dict[str, str] | None = None
    _index: Index | None = None
    _store: cache.RoleStore = msgspec.field(default_factory=cache.RoleStore)
    _bulk: bool = False
    _data_files: list[tuple[str, Stamp]] | None = None

    @classmethod
    def open(
        cls, role_dirs: Sequence[Path] | None = None, builtin_roles: bool = True, use_cache: bool = True
    ) -> Catalogue:
        """The built-in catalogue plus `role_dirs` (default: CAREERS_DATA_DIR); later folders win."""
        data = builtin_data_dir()
        extra = env_role_dirs() if role_dirs is None else list(role_dirs)
        dirs = [data / "roles", *extra] if builtin_roles else extra
        return cls(data, dirs, use_cache)

    @property
    def files(self) -> dict[str, str]:
        """slug -> role file, over every folder (scanned on first use)."""
        return self.scan().files

    def scan(self) -> Scan:
        if self._scan is None:
            self._scan = scan_role_files(self.dirs)
        return self._scan

    def _path_of(self, slug: str) -> str | None:
        """The file of a slug without scanning every folder: `show` stays fast at any size."""
        if self._scan is not None:
            return self._scan.files.get(slug)
        for folder in reversed(self.dirs):
            path = os.path.join(folder, slug + ".yaml")
            if os.path.isfile(path):
                return path
        return None

    @property
    def areas(self) -> dict[str, Area]:
        """Every area in the site's order (read on first use, from the data cache when fresh)."""
        self._need_data()
        return self._areas

    @property
    def scales(self) -> dict[str, PayScale]:
        self._need_data()
        return self._scales

    @property
    def synonyms(self) -> list[list[str]]:
        self._need_data()
        assert self._data is not None
        return self._data.synonyms.groups

    def _need_data(self) -> None:
        """Areas, scales and synonyms: from the data cache when their files are unchanged."""
        if self._data is not None:
            return
        data = self._data_stamps()
        key = cache.fingerprint([p for p, _ in data], [st for _, st in data]) if self.use_cache else ""
        stored = cache.read(DATA_CACHE, _DataCache) if self.use_cache else None
        if stored is not None and stored.key == key:
            self._data = stored.data
        else:
            self._data = DataFiles.read(self.data_dir)
            if self.use_cache:
                cache.write(DATA_CACHE, _DataCache(key, self._data))
        self._areas, self._scales = self._data.build()

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
        if not is_slug(slug):
            return None
        if self._path_of(slug) is not None:
            return slug
        return self.aliases().get(slug)

    def find(self, slug: str) -> Role | None:
        """A linked role, or None when it is missing or broken (validate reports those)."""
        canonical = self.resolve(slug)
        return self._load(canonical) if canonical else None

    # -- the whole catalogue -----------------------------------------------------------------

    def roles(self) -> list[Role]:
        """Every valid role, in area order, then by title; unchanged files come from the cache."""
        self._bulk = True  # roles() saves the cache once, after every file
        try:
            loaded = [self._load(slug) for slug in self.files]
        finally:
            self._bulk = False
        if self.use_cache:
            self._store.keep_only({os.path.abspath(f) for f in self.files.values()})
            self._store.save()
        roles = [r for r in loaded if r is not None]
        order = {key: i for i, key in enumerate(self.areas)}
        return sorted(roles, key=lambda r: (order[r.area.key], r.title.lower()))

    def index(self) -> Index:
        """The search index and role summaries, from the cache unless a file has changed."""
        if self._index is not None:
            return self._index
        key = self._fingerprint()
        stored = cache.read(INDEX_CACHE, Index) if self.use_cache else None
        if stored is not None and stored.key == key:
            self._index = stored
        else:
            problems = [cache.ProblemRecord.of(p) for p in self.load_problems()]
            self._index = Index.build(self.roles(), key, problems)
            if self.use_cache:
                cache.write(INDEX_CACHE, self._index)
                cache.forget_other_versions()  # rebuilding is rare: the moment to tidy up
        return self._index

    def aliases(self) -> dict[str, str]:
        """Former slug -> current slug, over every valid role."""
        if self._aliases is None:
            self._aliases = {}
            for doc in self.index().docs:
                for old in doc.former_slugs:
                    if old not in self.files:
                        self._aliases.setdefault(old, doc.slug)
        return self._aliases

    def _fingerprint(self) -> str:
        """A key for the role files and data files as they are now."""
        scan = self.scan()
        # No sort: the scan's order (folders in order, names sorted in each) is already fixed.
        # scan.files and scan.stamps are filled together, so their values come in the same order.
        data = self._data_stamps()
        paths = [p for p, _ in data] + list(scan.files.values())
        return cache.fingerprint(paths, chain((st for _, st in data), scan.stamps.values()))

    def _data_stamps(self) -> list[tuple[str, Stamp]]:
        """The data files with their sizes and times, statted once per run (both caches use them)."""
        if self._data_files is None:
            files = [self.data_dir / n for n in ("areas.yaml", "synonyms.yaml")]
            files += sorted((self.data_dir / "pay").glob("*.yaml"))
            self._data_files = [(str(p), _stamp(p)) for p in files]
        return self._data_files

    def load_problems(self) -> list[Problem]:
        """Problems that kept role files out of `roles()` (bad names, invalid files)."""
        self.roles()
        return [*self.scan().problems, *(p for ps in self._broken.values() for p in ps)]

    def skipped(self) -> list[Problem]:
        """Like load_problems, but from the index when it is fresh (no file is reparsed)."""
        return [p.problem() for p in self.index().problems]

    def problems(self, only: Iterable[Path] | None = None) -> list[Problem]:
        """Every problem in every role file, including links that name no role."""
        found = self.load_problems() + self._link_problems()
        if only is not None:
            # abspath, not resolve: a symlink loop must be reported, not followed
            wanted = {os.path.abspath(p) for p in only}
            found = [p for p in found if os.path.abspath(p.path) in wanted]
        return sorted(found, key=lambda p: (str(p.path), p.line or 0, p.column or 0))

    def origin(self, path: str | Path) -> str:
        """'built-in' for a role file of the package, else the file's path."""
        builtin = str(self.data_dir / "roles")
        return "built-in" if os.path.dirname(os.path.abspath(path)) == os.path.abspath(builtin) else str(path)

    def area_key(self, text: str) -> str:
        """The key of an area given by key or name, any case; UsageError listing the keys."""
        wanted = text.strip().lower()
        for key, area in self.areas.items():
            if wanted in (key, area.name.lower()):
                return key
        raise UsageError(f"No area '{text}'. Choose from: {', '.join(self.areas)}")

    # -- internals ---------------------------------------------------------------------------

    def _load(self, slug: str) -> Role | None:
        """A role, or None when its file is invalid (the problems go to _broken). Unchanged
        files come from the roles cache, so a warm `show` never needs PyYAML."""
        if slug in self._roles:
            return self._roles[slug]
        if slug in self._broken:
            return None
        file = self._path_of(slug)
        if file is None:
            return None
        path = Path(file)
        try:
            content = self._content(file, self._stamp_of(slug, file)) if self.use_cache else read_role_file(path)
            role = build_role(content, path, slug, self.areas, self.scales)
        except DataError as e:
            self._broken[slug] = list(e.problems)
            return None
        self._roles[slug] = role
        return role

    def _stamp_of(self, slug: str, file: str) -> Stamp:
        if self._scan is not None:
            return self._scan.stamps[slug]
        return _stamp(Path(file))

    def _content(self, file: str, stamp: Stamp) -> schema.RoleFile:
        """The shape-checked file, from the cache when its size and time have not changed."""
        key = os.path.abspath(file)  # the same relative path can be another file elsewhere
        entry = self._store.get(key)
        if entry is None or (entry.size, entry.mtime_ns) != stamp:
            try:
                content = read_role_file(Path(file))
                entry = cache.Entry(*stamp, msgspec.Raw(msgspec.msgpack.encode(content)), [])
            except DataError as e:
                entry = cache.Entry(*stamp, msgspec.Raw(b"\xc0"), [cache.ProblemRecord.of(p) for p in e.problems])
            self._store.put(key, entry)
            if not self._bulk:  # one role (show, search results): keep it for the next run
                self._store.save()
        if entry.problems:
            raise DataError([p.problem() for p in entry.problems])
        return msgspec.msgpack.decode(entry.content, type=schema.RoleFile)

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
    import difflib  # only on the error path

    return difflib.get_close_matches(slug, list(slugs), n=3, cutoff=0.75)


class Scan(msgspec.Struct):
    """The role files found in the folders, with each file's size and time."""

    files: dict[str, str] = msgspec.field(default_factory=dict)
    stamps: dict[str, Stamp] = msgspec.field(default_factory=dict)
    problems: list[Problem] = msgspec.field(default_factory=list)


_name = attrgetter("name")


def scan_role_files(dirs: Sequence[Path]) -> Scan:
    """slug -> file over the folders in order (a later folder replaces an earlier slug).

    Paths stay strings here: at 10,000 files, building Path objects costs more than the stats.
    """
    scan = Scan()
    for folder in dirs:
        try:
            with os.scandir(folder) as it:
                entries = sorted((e for e in it if e.name.endswith(".yaml")), key=_name)
        except OSError as e:
            scan.problems.append(Problem(folder, _folder_problem(e)))
            continue
        for entry in entries:
            slug = entry.name[:-5]
            try:
                info = entry.stat()  # follows a link; a loop or a dangling link raises
            except OSError as e:
                scan.problems.append(Problem(Path(entry.path), f"cannot read file ({e.strerror})"))
                continue
            if not is_slug(slug):
                scan.problems.append(Problem(Path(entry.path), _BAD_NAME))
            elif entry.is_file():
                scan.files[slug] = entry.path
                scan.stamps[slug] = (info.st_size, info.st_mtime_ns)
    return scan


def _folder_problem(e: OSError) -> str:
    if isinstance(e, FileNotFoundError):
        return "no such folder; check the path"
    if isinstance(e, NotADirectoryError):
        return "not a folder; give a folder of role files"
    return f"cannot read the folder ({e.strerror}); check its permissions"


def _stamp(path: Path) -> Stamp:
    try:
        info = path.stat()
    except OSError:
        return (-1, -1)
    return (info.st_size, info.st_mtime_ns)


class DataFiles(msgspec.Struct, frozen=True):
    """areas.yaml and the pay scales, checked; kept in the index cache beside the index."""

    areas: schema.AreasFile
    scales: dict[str, schema.PayScaleFile]
    synonyms: schema.SynonymsFile

    @classmethod
    def read(cls, data: Path) -> DataFiles:
        areas = _read_checked(data / "areas.yaml", schema.AreasFile, wrap="areas")
        scales = {p.stem: _read_checked(p, schema.PayScaleFile) for p in sorted((data / "pay").glob("*.yaml"))}
        return cls(areas, scales, _read_checked(data / "synonyms.yaml", schema.SynonymsFile))

    def build(self) -> tuple[dict[str, Area], dict[str, PayScale]]:
        areas = {
            key: Area(key, a.name, a.url, tuple(Subarea(k, v) for k, v in a.subareas.items()))
            for key, a in self.areas.areas.items()
        }
        return areas, {key: _scale(key, f) for key, f in self.scales.items()}


class _DataCache(msgspec.Struct, frozen=True):
    key: str
    data: DataFiles


def _scale(key: str, f: schema.PayScaleFile) -> PayScale:
    bands = tuple(Band(k, b.label or f"Band {k}", b.min, b.max) for k, b in f.bands.items())
    source = Source(f.source.url, f.source.checked)
    return PayScale(key, f.name, f.region, f.year, f.applies_from, source, f.unit, bands)


def _read_checked(path: Path, shape: type[validate.T], wrap: str = "") -> validate.T:
    data = _read(path)
    parsed, problems = validate.check({wrap: data} if wrap else data, shape)
    if parsed is None:
        raise DataError([_problem_at(path, keys[1:] if wrap else keys, msg) for keys, msg in problems])
    return parsed


def read_role_file(path: Path) -> schema.RoleFile:
    """One role file, shape-checked; DataError listing every problem of shape in the file."""
    text = _read_text(path)
    data = _parse(path, text)
    parsed, shape_problems = validate.check(data, schema.RoleFile)
    if parsed is None:
        raise DataError([_problem_at(path, keys, msg, text=text) for keys, msg in shape_problems])
    return parsed


def build_role(
    content: schema.RoleFile, path: Path, slug: str, areas: dict[str, Area], scales: dict[str, PayScale]
) -> Role:
    """The Role for checked content; DataError for areas, bands or links that do not fit."""
    builder = _RoleBuilder(path, slug, areas, scales)
    role = builder.build(content)
    if builder.problems:
        raise DataError([_problem_at(path, keys, msg) for keys, msg in builder.problems])
    return role


class _RoleBuilder(msgspec.Struct):
    """Turns a shape-checked RoleFile into a Role, collecting the cross-file problems."""

    path: Path
    slug: str
    areas: dict[str, Area]
    scales: dict[str, PayScale]
    problems: list[tuple[KeyPath, str]] = msgspec.field(default_factory=list)

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


# yamlfile (and so PyYAML) is imported on first use: a run served by the cache never needs it.


def _read_text(path: Path) -> str:
    from careers_cli import yamlfile

    try:
        return yamlfile.read_text(path)
    except yamlfile.ProblemError as e:
        raise DataError([e.problem]) from None


def _parse(path: Path, text: str) -> Any:
    from careers_cli import yamlfile

    try:
        return yamlfile.parse(path, text)
    except yamlfile.ProblemError as e:
        raise DataError([e.problem]) from None


def read_yaml(path: Path) -> Any:
    """A data file's plain content (DataError if it cannot be read)."""
    return _read(path)


def _read(path: Path) -> Any:
    return _parse(path, _read_text(path))


def _problem_at(path: Path, keys: KeyPath, message: str, text: str | None = None) -> Problem:
    """A Problem with the line and column of `keys` in the file, when the file still parses."""
    from careers_cli import yamlfile

    if text is None:
        try:
            text = yamlfile.read_text(path)
        except yamlfile.ProblemError:
            text = ""
    where = yamlfile.locate(text, keys, at_key=message.startswith("unknown key")) if text else None
    line, col = where if where else (None, None)
    return Problem(path, message, line, col, yamlfile.format_keys(keys))
