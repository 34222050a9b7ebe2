"""The catalogue: the role files of every folder, with areas, pay scales and synonyms. Never prints.

Roles are loaded lazily: `show` of one role reads that file (and the titles of the few roles it
links to), not the whole catalogue. `index()` gives the search index and role summaries from the
cache when no file has changed; `roles()` builds every role, reparsing only changed files.
"""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Callable, Iterable, Sequence
from itertools import chain
from pathlib import Path

from careers_cli.catalogue import cached, store
from careers_cli.catalogue.build import BuildError, areas_and_scales, build_role
from careers_cli.catalogue.files import DataFiles, ShapeError, data_file_paths
from careers_cli.catalogue.folders import (
    Scan,
    Stamp,
    builtin_data_dir,
    env_role_dirs,
    find_role_file,
    is_slug,
    scan_role_files,
    stamp,
)
from careers_cli.errors import DataError, Problem, ProblemRecord, RoleNotFound, UsageError
from careers_cli.index import Index
from careers_cli.models import Area, InterestItem, InterestType, PayScale, Role
from careers_cli.visible import one_line

Suggester = Callable[[str], Sequence[str]]  # slugs to offer for a slug that names no role


def _no_suggestions(slug: str) -> Sequence[str]:
    return ()


class Catalogue:
    """Areas, pay scales and role files, with roles built on first use."""

    def __init__(self, data_dir: Path, dirs: list[Path], use_cache: bool = True) -> None:
        self.data_dir = data_dir
        self.dirs = dirs
        self.use_cache = use_cache
        self.suggest: Suggester = _no_suggestions
        self._scan: Scan | None = None
        self._data: DataFiles | None = None
        self._areas: dict[str, Area] = {}
        self._scales: dict[str, PayScale] = {}
        self._scale_years: dict[str, tuple[PayScale, ...]] = {}
        self.pay_year: str | None = None  # None: the pay years in force today
        self._roles: dict[str, Role] = {}
        self._broken: dict[str, list[Problem]] = {}
        self._half_built: dict[str, Role] = {}
        self._ranks: dict[str, int] | None = (
            None  # folder -> its place in dirs  # broken files' roles, for their links only
        )
        self._aliases: dict[str, str] | None = None
        self._index: Index | None = None
        self._contents = cached.RoleContents(use_cache)
        self._data_stamps: list[tuple[str, Stamp]] | None = None

    @classmethod
    def open(
        cls, role_dirs: Sequence[Path] | None = None, builtin_roles: bool = True, use_cache: bool = True
    ) -> Catalogue:
        """The built-in catalogue plus `role_dirs` (default: CAREERS_DATA_DIR); later folders win."""
        data = builtin_data_dir()
        extra = env_role_dirs() if role_dirs is None else list(role_dirs)
        dirs = [data / "roles", *extra] if builtin_roles else extra
        return cls(data, dirs, use_cache)

    # -- files and data files --------------------------------------------------------------

    @property
    def files(self) -> dict[str, str]:
        """slug -> role file, over every folder (scanned on first use)."""
        return self.scan().files

    def scan(self) -> Scan:
        if self._scan is None:
            self._scan = scan_role_files(self.dirs)
        return self._scan

    @property
    def areas(self) -> dict[str, Area]:
        """Every area in the site's order (read on first use, from the data cache when fresh)."""
        self._need_data()
        return self._areas

    @property
    def scales(self) -> dict[str, PayScale]:
        """Each pay scale in the year asked for (pay_year), or else the year in force today."""
        self._need_data()
        return self._scales

    @property
    def scale_years(self) -> dict[str, tuple[PayScale, ...]]:
        """Every year of every pay scale, newest first."""
        self._need_data()
        return self._scale_years

    def choose_pay_year(self, year: str | None) -> None:
        """Show pay of `year` (2025/26): each scale's table for it, or its newest before it (a
        scale whose next award is not known yet). UsageError for a year no scale has."""
        self.pay_year = year
        if self._data is not None:
            self._scales = _in_force(self._scale_years, year)

    @property
    def synonyms(self) -> list[list[str]]:
        return self._need_data().synonyms.groups

    def interest_items(self) -> tuple[dict[str, InterestType], tuple[InterestItem, ...]]:
        """The six interest types and the 48 questions of `careers match` (data/interests/)."""
        from careers_cli.catalogue import shapes
        from careers_cli.catalogue.files import read_checked

        f = read_checked(self.data_dir / "interests" / "items.yaml", shapes.InterestItemsFile)
        types: dict[str, InterestType] = {key: InterestType(key, t.name, t.says) for key, t in f.types.items()}
        return types, tuple(InterestItem(i.key, i.type, i.text) for i in f.items)

    def _need_data(self) -> DataFiles:
        if self._data is None:
            self._data = cached.data_files(self.data_dir, self._stamps_of_data(), self.use_cache)
            self._areas, self._scale_years = areas_and_scales(self._data)
            self._scales = _in_force(self._scale_years, self.pay_year)
        return self._data

    def _stamps_of_data(self) -> list[tuple[str, Stamp]]:
        """The data files with their sizes and times, statted once per run (both caches use them)."""
        if self._data_stamps is None:
            self._data_stamps = [(str(p), stamp(p)) for p in data_file_paths(self.data_dir)]
        return self._data_stamps

    # -- single roles ----------------------------------------------------------------------

    def get(self, slug: str) -> Role:
        """The role for a slug or former slug; RoleNotFound (with suggestions) or DataError."""
        canonical = self.resolve(slug)
        if canonical is None:
            raise RoleNotFound(slug, self.suggest(slug))
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

    def _path_of(self, slug: str) -> str | None:
        if self._scan is not None:
            return self._scan.files.get(slug)
        return find_role_file(self.dirs, slug)

    # -- the whole catalogue ---------------------------------------------------------------

    def roles(self) -> list[Role]:
        """Every valid role, in area order, then by title; unchanged files come from the cache."""
        self._contents.bulk = True  # saved once, after every file
        try:
            loaded = [self._load(slug) for slug in self.files]
        finally:
            self._contents.bulk = False
        self._contents.keep_only(list(self.files.values()))
        roles = [r for r in loaded if r is not None]
        order = {key: i for i, key in enumerate(self.areas)}
        return sorted(roles, key=lambda r: (order[r.area.key], r.title.lower()))

    def index(self) -> Index:
        """The search index and role summaries, from the cache unless a file has changed."""
        if self._index is None:
            key = self._fingerprint()
            self._index = cached.index(key, lambda: self._build_index(key), self.use_cache)
        return self._index

    def _build_index(self, key: str) -> Index:
        # Only the files' own problems: they are keyed by the files like the index. A folder's
        # problems (missing, unreadable) are this run's and are found afresh by every scan.
        roles = self.roles()
        problems = [ProblemRecord.of(p) for ps in self._broken.values() for p in ps]
        return Index.build(roles, key, problems)

    def aliases(self) -> dict[str, str]:
        """Former slug -> current slug, over every valid role."""
        if self._aliases is None:
            self._aliases = {}
            # Folder by folder, so that a role in a later folder takes a former slug over.
            for doc in sorted(self.index().docs, key=lambda d: -self._folder_rank(d.path)):
                for old in doc.former_slugs:
                    if old not in self.files:
                        self._aliases.setdefault(old, doc.slug)
        return self._aliases

    def _fingerprint(self) -> str:
        """A key for the role files and data files as they are now."""
        scan = self.scan()
        # No sort: the scan's order (folders in order, names sorted in each) is already fixed.
        # scan.files and scan.stamps are filled together, so their values come in the same order.
        data = self._stamps_of_data()
        paths = [p for p, _ in data] + list(scan.files.values())
        return store.fingerprint(paths, chain((st for _, st in data), scan.stamps.values()))

    # -- problems --------------------------------------------------------------------------

    def load_problems(self) -> list[Problem]:
        """Problems that kept role files out of `roles()` (bad names, invalid files)."""
        self.roles()
        return [*self.scan().problems, *(p for ps in self._broken.values() for p in ps)]

    def skipped(self) -> list[Problem]:
        """Like load_problems, but from the index when it is fresh (no file is reparsed)."""
        index = self.index()
        return [*self.scan().problems, *(p.problem() for p in index.problems)]

    def problems(self, only: Iterable[Path] | None = None) -> list[Problem]:
        """Every problem in every role file, including links that name no role."""
        from careers_cli.catalogue.links import link_problems  # only validate asks

        found = self.load_problems()  # loads every role first
        linked = [*self._roles.values(), *self._half_built.values()]  # a broken file's links too
        found += link_problems(linked, self.resolve, self.files, self._folder_rank)
        if only is not None:
            # abspath, not resolve: a symlink loop must be reported, not followed
            wanted = {os.path.abspath(p) for p in only}
            found = [p for p in found if os.path.abspath(p.path) in wanted]
        return sorted(found, key=lambda p: (str(p.path), p.line or 0, p.column or 0))

    # -- internals -------------------------------------------------------------------------

    def _load(self, slug: str) -> Role | None:
        """A role, or None when its file is invalid (the problems go to _broken)."""
        if slug in self._roles:
            return self._roles[slug]
        if slug in self._broken:
            return None
        file = self._path_of(slug)
        if file is None:
            return None
        try:
            content = self._contents.content(file, self._stamp_of(slug, file))
            role = build_role(content, Path(file), slug, self.areas, self.scales)
        except ShapeError as e:
            self._broken[slug] = [*e.problems, *self._beyond_shape(e, Path(file), slug)]
            return None
        except BuildError as e:
            self._broken[slug] = list(e.problems)
            self._half_built[slug] = e.role
            return None
        except DataError as e:
            self._broken[slug] = list(e.problems)
            return None
        self._roles[slug] = role
        return role

    def _beyond_shape(self, e: ShapeError, path: Path, slug: str) -> list[Problem]:
        """What else is wrong with a file whose shape is wrong, so one run reports it all:
        its other values, built as usual, except where the shape's own problems stand."""
        if e.partial is None:
            return []
        taken = [_taken_key(q) for q in e.problems]
        try:
            role = build_role(e.partial, path, slug, self.areas, self.scales)
        except BuildError as more:
            self._half_built[slug] = more.role
            return [p for p in more.problems if not any(_hidden_by(p, t) for t in taken)]
        self._half_built[slug] = role
        return []

    def _folder_rank(self, path: str | Path) -> int:
        """The place of a file's folder among this catalogue's folders: a later one wins."""
        if self._ranks is None:
            self._ranks = {os.path.abspath(d): i for i, d in enumerate(self.dirs)}
        return self._ranks.get(os.path.dirname(os.path.abspath(path)), -1)

    def _stamp_of(self, slug: str, file: str) -> Stamp:
        if self._scan is not None:
            return self._scan.stamps[slug]
        return stamp(Path(file))


def _taken_key(p: Problem) -> str:
    """The key path a shape problem took out: its own, or for a missing key the key itself."""
    missing = re.match(r"missing required key '(.*)'", p.message)
    if missing is None:
        return p.key
    return f"{p.key}.{missing[1]}" if p.key else missing[1]


def _hidden_by(p: Problem, taken: str) -> bool:
    """Whether a problem found beyond the shape only repeats one of the shape's: at or under a
    value taken out, or a section left empty because its items were."""
    return _within(p.key, taken) or (p.message.startswith("this section is empty") and _within(taken, p.key))


def _within(key: str, taken: str) -> bool:
    """Whether key path `key` ("pay.bands[0]") is at or under `taken` ("pay")."""
    return bool(taken) and (key == taken or key.startswith((taken + ".", taken + "[")))


def _in_force(
    years: dict[str, tuple[PayScale, ...]], year: str | None, today: datetime.date | None = None
) -> dict[str, PayScale]:
    """Each scale's table for `year`, or its newest before it; with no year, the newest in force
    on `today` (a table announced for a year not begun yet waits for it)."""
    if year is not None and not any(t.year == year for tables in years.values() for t in tables):
        known = sorted({t.year for tables in years.values() for t in tables}, reverse=True)
        raise UsageError(f"No pay year '{one_line(year, 20)}'. Choose from: {', '.join(known)}")
    day = today or datetime.date.today()
    chosen = {}
    for key, tables in years.items():
        fits = [t for t in tables if (t.year <= year if year else t.applies_from <= day)]
        chosen[key] = fits[0] if fits else tables[-1]
    return chosen
