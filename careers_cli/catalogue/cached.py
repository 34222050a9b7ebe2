"""When the caches are used: each cached thing with the key that says it is still fresh.

store.py knows how caches are kept (files, shards, atomic writes); this module decides what is
read from them and when they are rewritten. A stale, missing or broken cache is rebuilt from
the files, so a cache can cost time, never correctness.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

import msgspec

from careers_cli.catalogue import store
from careers_cli.catalogue.files import DataFiles, ShapeError, read_role_file
from careers_cli.catalogue.folders import Stamp, builtin_data_dir
from careers_cli.catalogue.shapes import RoleFile
from careers_cli.errors import DataError, ProblemRecord
from careers_cli.index import Index


def _install() -> str:
    """A short name for this install (its data folder): two installs, say a pipx one and a
    development one, keep their own index and data caches instead of rebuilding each other's
    on every other run. (The roles cache is keyed by file, so it is shared safely.)"""
    import zlib

    return f"{zlib.crc32(str(builtin_data_dir()).encode()):08x}"


DATA_CACHE = f"data-v{store.VERSION}-{_install()}.msgpack"
INDEX_CACHE = f"index-v{store.VERSION}-{_install()}.msgpack"


class _DataCache(msgspec.Struct, frozen=True):
    key: str
    data: DataFiles


def data_files(data_dir: Path, stamps: Sequence[tuple[str, Stamp]], use_cache: bool) -> DataFiles:
    """Areas, scales and synonyms: from the data cache when their files are unchanged."""
    if not use_cache:
        return DataFiles.read(data_dir)
    key = store.fingerprint([p for p, _ in stamps], [st for _, st in stamps])
    stored = store.read(DATA_CACHE, _DataCache)
    if stored is not None and stored.key == key:
        return stored.data
    data = DataFiles.read(data_dir)
    store.write(DATA_CACHE, _DataCache(key, data))
    return data


def index(key: str, build: Callable[[], Index], use_cache: bool) -> Index:
    """The index for a fingerprint of the files: from the cache when it matches, else built."""
    stored = store.read(INDEX_CACHE, Index) if use_cache else None
    if stored is not None and stored.key == key:
        return stored
    built = build()
    if use_cache:
        store.write(INDEX_CACHE, built)
        store.forget_other_versions()  # rebuilding is rare: the moment to tidy up
    return built


class RoleContents:
    """Shape-checked role files, from the roles cache when their stamp is unchanged,
    so a warm `show` never needs PyYAML."""

    def __init__(self, use_cache: bool) -> None:
        self.use_cache = use_cache
        self.bulk = False  # while loading every role: save once at the end, not per file
        self._store = store.RoleStore()

    def content(self, file: str, stamp: Stamp) -> RoleFile:
        """The checked content of a role file; DataError with its problems."""
        if not self.use_cache:
            return read_role_file(Path(file))
        key = os.path.abspath(file)  # the same relative path can be another file elsewhere
        entry = self._store.get(key)
        if entry is None or (entry.size, entry.mtime_ns, entry.ctime_ns, entry.inode) != stamp:
            entry = _entry(file, stamp)
            self._store.put(key, entry)
            if not self.bulk:  # one role (show, search results): keep it for the next run
                self._store.save()
        if entry.problems:
            partial = None if bytes(entry.content) == bytes(_NOTHING) else _decode(entry.content)
            raise ShapeError([p.problem() for p in entry.problems], partial)
        return _decode(entry.content)

    def keep_only(self, files: Sequence[str]) -> None:
        """After every role was loaded: forget files that are gone, and save."""
        if self.use_cache:
            self._store.keep_only({os.path.abspath(f) for f in files})
            self._store.save()


_NOTHING = msgspec.Raw(b"\xc0")  # msgpack nil: the content of a file that has only problems


def _decode(raw: msgspec.Raw) -> RoleFile:
    return msgspec.msgpack.decode(raw, type=RoleFile)


def _entry(file: str, stamp: Stamp) -> store.Entry:
    """A file as the cache keeps it: its content; or its problems, with what could be kept."""
    try:
        content = read_role_file(Path(file))
    except DataError as e:
        partial = getattr(e, "partial", None)
        kept = msgspec.Raw(msgspec.msgpack.encode(partial)) if partial is not None else _NOTHING
        return store.Entry(*stamp, kept, [ProblemRecord.of(p) for p in e.problems])
    return store.Entry(*stamp, msgspec.Raw(msgspec.msgpack.encode(content)), [])
