"""Compiled caches in the user cache folder, so a run does not reparse every YAML file.

All msgpack: `roles-vN/NN.msgpack` keep each checked role file, keyed by its path and stamp
(size, modification time, inode change time and number), spread over shards by path so that
one role costs one small read; `data-vN.msgpack` keeps the checked areas, pay scales and
synonyms; `index-vN.msgpack` keeps the search index and the role summaries built from a given
set of files. Anything wrong with a
cache (missing, corrupt, truncated, stale, another version, an unwritable folder) just means it
is rebuilt or not used: a cache can cost time, never correctness. Only regular files of a sane
size are read (a pipe or a link to a device put in their place is passed over without
blocking). Writes go to a temporary file that is renamed over the old one, so two processes
writing at once leave one whole file; temporary files a killed writer left are removed later.
"""

from __future__ import annotations

import functools
import os
import re
import zlib
from array import array
from collections.abc import Iterable
from itertools import chain
from pathlib import Path
from typing import TypeVar

import msgspec

from careers_cli.catalogue.folders import Stamp, read_regular
from careers_cli.errors import ProblemRecord

ENV_CACHE_DIR = "CAREERS_CACHE_DIR"
# The caches' format version, in every cache file's name. Whenever a cached shape (the Structs
# written here and in cached.py, the index, a role file's shape) or the way words are stemmed
# changes, old caches must not be read: tests/test_cache.py fails until VERSION is raised and the
# new digest it prints is recorded for it below. (Version 1 predates the digests.)
VERSION = 9
SHAPE_DIGESTS = {
    2: "e98d4d1aaa4092c4",
    3: "11fe5261ce1d3ea3",
    4: "c567b60ced8d73f8",
    5: "b0cc9f6c0e0005cc",
    6: "72e94f4e2f406b20",
    7: "9174a29e22e048e1",
    8: "f565d18207be63f5",
    9: "6484321734d058b2",
}
T = TypeVar("T")


class Entry(msgspec.Struct, array_like=True, frozen=True):
    """One role file as it was when checked: its shape-checked content, or its problems."""

    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int
    content: msgspec.Raw
    problems: list[ProblemRecord]


class RolesFile(msgspec.Struct, frozen=True):
    version: int
    entries: dict[str, Entry]


SHARDS = 256


class RoleStore:
    """The roles cache, in shards: `show` reads one or two small files, `list` reads them all."""

    def __init__(self) -> None:
        self._shards: dict[int, dict[str, Entry]] = {}
        self._dirty: set[int] = set()

    @staticmethod
    def shard_of(path: str) -> int:
        return zlib.crc32(path.encode()) % SHARDS

    def _shard(self, n: int) -> dict[str, Entry]:
        if n not in self._shards:
            stored = read(_shard_name(n), RolesFile)
            self._shards[n] = dict(stored.entries) if stored and stored.version == VERSION else {}
        return self._shards[n]

    def get(self, path: str) -> Entry | None:
        return self._shard(self.shard_of(path)).get(path)

    def put(self, path: str, entry: Entry) -> None:
        n = self.shard_of(path)
        self._shard(n)[path] = entry
        self._dirty.add(n)

    def keep_only(self, paths: set[str]) -> None:
        """Forget files that are gone (every shard is read first)."""
        for n in range(SHARDS):
            shard = self._shard(n)
            for gone in [p for p in shard if p not in paths]:
                del shard[gone]
                self._dirty.add(n)

    def save(self) -> None:
        for n in sorted(self._dirty):
            write(_shard_name(n), RolesFile(VERSION, self._shards[n]))
        self._dirty.clear()


def _shard_name(n: int) -> str:
    return f"roles-v{VERSION}/{n:03d}.msgpack"


def cache_dir() -> Path | None:
    """CAREERS_CACHE_DIR, else the platform's user cache folder; None if it cannot be used."""
    configured = os.environ.get(ENV_CACHE_DIR)
    if configured == "":
        return None  # CAREERS_CACHE_DIR= (empty) turns caching off
    if configured:
        return Path(configured)
    return _platform_cache_dir(os.environ.get("XDG_CACHE_HOME"), os.environ.get("HOME"))


@functools.lru_cache(maxsize=4)
def _platform_cache_dir(xdg: str | None, home: str | None) -> Path:
    """The platform's user cache folder (keyed on the variables it reads, for tests)."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("careers", appauthor=False))


# The index of 10,000 roles is about 24 MiB; a cache file far larger is not ours.
MAX_CACHE_BYTES = 256 * 1024 * 1024
STALE_TEMPORARY_SECONDS = 3600  # a writer takes well under a second; older ones were killed


def read(name: str, kind: type[T]) -> T | None:
    """The cache file decoded as `kind`, or None when absent, unreadable or invalid."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        data = read_regular(folder / name, MAX_CACHE_BYTES)
        if len(data) > MAX_CACHE_BYTES:
            return None
        return msgspec.msgpack.decode(data, type=kind)
    except (OSError, msgspec.DecodeError, msgspec.ValidationError, ValueError):
        return None


def write(name: str, value: object) -> None:
    """Replace the cache file atomically; any failure leaves things as they were."""
    folder = cache_dir()
    if folder is None:
        return
    target = folder / name
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        import tempfile  # only when writing: it imports shutil, random and more

        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(msgspec.msgpack.encode(value))
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return


_OTHER_VERSION = re.compile(r"(?:data|index|roles)-v(\d+)(?:-[0-9a-f]{8})?\.msgpack|roles-v(\d+)")
_SHARD = re.compile(r"\d+\.msgpack")


def forget_other_versions() -> None:
    """Delete the caches that other versions of careers wrote here (their names say which
    version), so an upgrade leaves no dead files behind. Only names of that form are touched."""
    folder = cache_dir()
    if folder is None:
        return
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    _forget_temporaries(folder, entries)
    for entry in entries:
        found = _OTHER_VERSION.fullmatch(entry.name)
        if found is None or int(found[1] or found[2]) == VERSION:
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                for shard in os.scandir(entry.path):
                    if _SHARD.fullmatch(shard.name):
                        os.unlink(shard.path)
                os.rmdir(entry.path)  # fails, harmlessly, if anything else is inside
            elif entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)
        except OSError:
            continue


_TEMPORARY = re.compile(r"\..+\.tmp")


def _forget_temporaries(folder: Path, entries: list[os.DirEntry[str]]) -> None:
    """Remove our temporary files (`.NAME.XXXX.tmp`) older than an hour, here and in the shard
    folder: a writer killed between writing and renaming leaves one behind."""
    import time

    shards = folder / f"roles-v{VERSION}"
    try:
        inside = list(os.scandir(shards)) if shards.is_dir() else []
    except OSError:
        inside = []
    cutoff = time.time() - STALE_TEMPORARY_SECONDS
    for entry in [*entries, *inside]:
        try:
            ours = _TEMPORARY.fullmatch(entry.name) and entry.is_file(follow_symlinks=False)
            if ours and entry.stat(follow_symlinks=False).st_mtime < cutoff:
                os.unlink(entry.path)
        except OSError:
            continue


def fingerprint(paths: Iterable[str], stamps: Iterable[Stamp]) -> str:
    """One key for a set of files as they are now: any change, addition or removal changes it.

    The key is the data itself, not a hash of it: comparing it is exact (no collision can ever
    pass a stale cache off as fresh). The paths are joined and the sizes and times packed in one
    call each, which at 10,000 files costs a third of formatting a line per file.
    """
    numbers = array("q", chain.from_iterable(stamps)).tobytes().hex()
    return f"v{VERSION}\n" + "\n".join(paths) + "\0" + numbers
