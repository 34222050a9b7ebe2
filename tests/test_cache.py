"""The cache may cost time, never correctness."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import msgspec
import pytest

from careers_cli.catalogue import Catalogue
from careers_cli.catalogue import store as cache
from careers_cli.catalogue.cached import DATA_CACHE, INDEX_CACHE

from conftest import FIXTURES


@pytest.fixture
def roles(tmp_path: Path) -> Path:
    folder = tmp_path / "roles"
    shutil.copytree(FIXTURES / "roles", folder)
    return folder


def titles(folder: Path) -> list[str]:
    catalogue = Catalogue.open(role_dirs=[folder], builtin_roles=False)
    return sorted(d.title for d in catalogue.index().docs)


def cache_dir() -> Path:
    folder = cache.cache_dir()
    assert folder is not None
    return folder


def test_first_run_writes_both_caches_and_the_next_uses_them(roles: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert titles(roles) == ["Alpha clerk", "Beta manager", "Gamma analyst"]
    assert (cache_dir() / INDEX_CACHE).is_file() and (cache_dir() / DATA_CACHE).is_file()
    assert len(list((cache_dir() / f"roles-v{cache.VERSION}").glob("*.msgpack"))) >= 1

    def no_parsing(*args: object) -> None:
        raise AssertionError("a fresh cache must not reparse YAML")

    monkeypatch.setattr("careers_cli.catalogue.files.parse", no_parsing)
    assert titles(roles) == ["Alpha clerk", "Beta manager", "Gamma analyst"]


def test_changed_added_and_deleted_files_are_seen(roles: Path) -> None:
    titles(roles)
    path = roles / "gamma-analyst.yaml"
    path.write_text(path.read_text().replace("title: Gamma analyst", "title: Gamma data analyst"))
    os.utime(path, ns=(1, 1))  # even with an old time, the size changed
    assert "Gamma data analyst" in titles(roles)
    shutil.copy(roles / "beta-manager.yaml", roles / "delta-manager.yaml")
    assert len(titles(roles)) == 4
    (roles / "alpha-clerk.yaml").unlink()
    assert "Alpha clerk" not in titles(roles)


def test_only_changed_files_are_reparsed(roles: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Catalogue.open(role_dirs=[roles], builtin_roles=False).roles()
    path = roles / "beta-manager.yaml"
    path.write_text(path.read_text() + "\n")
    parsed: list[str] = []
    from careers_cli.catalogue import files as module

    real = module.parse
    monkeypatch.setattr(module, "parse", lambda p, text: parsed.append(p.name) or real(p, text))
    Catalogue.open(role_dirs=[roles], builtin_roles=False).roles()
    role_files = [name for name in parsed if name in {p.name for p in roles.iterdir()}]
    assert role_files == ["beta-manager.yaml"]


@pytest.mark.parametrize("damage", [b"", b"\x00\x01garbage", b"\x82\xa7version\x01"])
def test_corrupt_or_truncated_cache_is_ignored_and_rebuilt(roles: Path, damage: bytes) -> None:
    titles(roles)
    for path in cache_dir().rglob("*.msgpack"):
        path.write_bytes(damage)
    assert titles(roles) == ["Alpha clerk", "Beta manager", "Gamma analyst"]
    assert isinstance(msgspec.msgpack.decode((cache_dir() / INDEX_CACHE).read_bytes()), dict)  # rewritten whole


def test_half_written_cache_is_ignored(roles: Path) -> None:
    titles(roles)
    data = (cache_dir() / INDEX_CACHE).read_bytes()
    (cache_dir() / INDEX_CACHE).write_bytes(data[: len(data) // 2])
    assert titles(roles) == ["Alpha clerk", "Beta manager", "Gamma analyst"]


def test_unwritable_cache_folder_means_no_cache(roles: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("CAREERS_CACHE_DIR", str(blocker / "cache"))
    assert titles(roles) == ["Alpha clerk", "Beta manager", "Gamma analyst"]


def test_empty_setting_turns_the_cache_off(roles: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CAREERS_CACHE_DIR", "")
    assert titles(roles) == ["Alpha clerk", "Beta manager", "Gamma analyst"]
    assert cache.cache_dir() is None


def test_processes_writing_at_once_leave_a_whole_file(roles: Path) -> None:
    script = (
        "import sys; from pathlib import Path; from careers_cli.catalogue import Catalogue\n"
        "for _ in range(5): Catalogue.open(role_dirs=[Path(sys.argv[1])], builtin_roles=False, ).index()\n"
    )
    env = {**os.environ, "CAREERS_CACHE_DIR": str(cache_dir())}
    procs = []
    for i in range(4):
        # Each process sees a different set of files, so each one writes its own index.
        folder = roles.parent / f"copy{i}"
        shutil.copytree(roles, folder)
        procs.append(subprocess.Popen([sys.executable, "-c", script, str(folder)], env=env))
    assert [p.wait() for p in procs] == [0, 0, 0, 0]
    assert not list(cache_dir().rglob("*.tmp"))
    shards = list(cache_dir().rglob("roles-v*/*.msgpack"))
    assert shards and all(cache.read(str(p.relative_to(cache_dir())), cache.RolesFile) for p in shards)
    assert titles(roles) == ["Alpha clerk", "Beta manager", "Gamma analyst"]


def test_validate_never_trusts_the_cache(roles: Path) -> None:
    titles(roles)
    path = roles / "beta-manager.yaml"
    stat = path.stat()
    broken = path.read_text().replace("area: management", "area: managment")
    path.write_text(broken)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size and time as before
    catalogue = Catalogue.open(role_dirs=[roles], builtin_roles=False, use_cache=False)
    assert [p.key for p in catalogue.problems()] == ["area"]


def test_a_warm_show_needs_neither_yaml_nor_every_file(roles: Path) -> None:
    script = (
        "import sys\n"
        "from careers_cli.cli.app import app\n"
        "try:\n"
        f"    app(['--data-dir', {str(roles)!r}, 'show', 'alpha-clerk'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('yaml' in sys.modules, 'rapidfuzz' in sys.modules, file=sys.stderr)\n"
    )
    env = {**os.environ, "CAREERS_CACHE_DIR": str(cache_dir())}
    cold = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    assert cold.stderr.split() == ["True", "False"]  # first run: files are parsed
    warm = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    assert warm.stderr.split() == ["False", "False"]
    assert warm.stdout.startswith("Alpha clerk  (alpha-clerk)")


def test_a_role_read_for_search_results_is_kept_for_the_next_run(roles: Path) -> None:
    titles(roles)  # builds the index, and with it the roles cache
    for shard in cache_dir().rglob("roles-v*/*.msgpack"):
        shard.unlink()
    catalogue = Catalogue.open(role_dirs=[roles], builtin_roles=False)
    catalogue.index()  # fresh from its cache, so no role file was read
    assert catalogue.find("alpha-clerk") is not None  # as `search` does for each result
    key = os.path.abspath(roles / "alpha-clerk.yaml")
    assert cache.RoleStore().get(key) is not None  # a new run's view of the roles cache


def test_caches_of_other_versions_are_removed_and_nothing_else(roles: Path) -> None:
    folder = cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    old_version = cache.VERSION - 1
    (folder / f"index-v{old_version}.msgpack").write_bytes(b"old")
    (folder / f"roles-v{old_version}.msgpack").write_bytes(b"old")
    (folder / f"roles-v{old_version}").mkdir()
    (folder / f"roles-v{old_version}" / "07.msgpack").write_bytes(b"old")
    (folder / "notes.txt").write_text("not ours")
    titles(roles)  # a first run builds the index, and tidies up
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(["notes.txt", DATA_CACHE, INDEX_CACHE, f"roles-v{cache.VERSION}"])


def shapes_digest() -> str:
    """A digest of everything a cache file's meaning depends on: the cached Structs (by field,
    type and default, not by module) and the code that turns text into index words."""
    import hashlib
    import inspect
    import re

    from careers_cli import index
    from careers_cli.catalogue import cached, shapes

    kinds = [cache.RolesFile, cached._DataCache, index.Index, index.Summary, shapes.RoleFile]
    described = re.sub(r"<class '(?:\w+\.)*(\w+)'>", r"\1", repr(msgspec.inspect.multi_type_info(kinds)))
    words = [
        inspect.getsource(f) for f in (index.words, index.stem, index.fields_of, index.flatten, index.stemmed_lines)
    ]
    stems = repr(
        (index._SUFFIXES, index._UNCHANGED, sorted(index.STOPWORDS), index.FIELDS, index.WEIGHTS, index._WORD.pattern)
    )
    return hashlib.sha256("\n".join([described, stems, *words]).encode()).hexdigest()[:16]


def test_the_cache_version_follows_the_cached_shapes() -> None:
    digest = shapes_digest()
    assert max(cache.SHAPE_DIGESTS) == cache.VERSION, "VERSION is the newest version recorded"
    assert len(set(cache.SHAPE_DIGESTS.values())) == len(cache.SHAPE_DIGESTS), "each version has its own shapes"
    assert cache.SHAPE_DIGESTS[cache.VERSION] == digest, (
        f"a cached shape or the stemming changed: in careers_cli/catalogue/store.py set VERSION = "
        f"{cache.VERSION + 1} and add {cache.VERSION + 1}: {digest!r} to SHAPE_DIGESTS"
    )


# -- the cache may cost time, never correctness (issue class 4) ------------------------------


def test_a_folder_warning_is_given_every_run_and_never_replayed(roles: Path, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from careers_cli.cli.app import app

    runner = CliRunner()
    missing = tmp_path / "mistyped"
    for _ in range(2):  # the second run is served by the caches
        run = runner.invoke(app, ["--data-dir", str(roles), "--data-dir", str(missing), "list"])
        assert f"Warning: {missing}: no such folder" in run.stderr
    clean = runner.invoke(app, ["--data-dir", str(roles), "list"])
    assert clean.stderr == ""


def test_an_edit_that_keeps_size_and_time_is_seen(roles: Path) -> None:
    titles(roles)
    path = roles / "gamma-analyst.yaml"
    before = path.stat()
    path.write_text(path.read_text().replace("title: Gamma analyst", "title: Gamma analyzt"))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # as touch -r or rsync -t leave it
    assert path.stat().st_size == before.st_size and path.stat().st_mtime_ns == before.st_mtime_ns
    assert "Gamma analyzt" in titles(roles)


def test_a_cache_file_that_is_a_pipe_or_device_is_passed_over(roles: Path) -> None:
    titles(roles)
    (cache_dir() / INDEX_CACHE).unlink()
    os.mkfifo(cache_dir() / INDEX_CACHE)
    (cache_dir() / DATA_CACHE).unlink()
    os.symlink("/dev/zero", cache_dir() / DATA_CACHE)
    script = (
        "import sys; from pathlib import Path; from careers_cli.catalogue import Catalogue\n"
        "print(len(Catalogue.open(role_dirs=[Path(sys.argv[1])], builtin_roles=False).index().docs))\n"
    )
    env = {**os.environ, "CAREERS_CACHE_DIR": str(cache_dir())}
    done = subprocess.run(
        [sys.executable, "-c", script, str(roles)], env=env, capture_output=True, text=True, timeout=30
    )
    assert (done.returncode, done.stdout) == (0, "3\n")


def test_temporary_files_of_a_killed_writer_are_removed(roles: Path) -> None:
    folder = cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    old, new = folder / f".{INDEX_CACHE}.abc123.tmp", folder / f".{INDEX_CACHE}.def456.tmp"
    for path in (old, new):
        path.write_bytes(b"half")
    os.utime(old, (1, 1))
    titles(roles)  # a first run builds the index, and tidies up
    assert not old.exists() and new.exists()  # a fresh one may be another writer's, at work


def test_a_user_file_takes_over_a_former_slug_everywhere(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from careers_cli.cli.app import app

    runner = CliRunner()
    text = (FIXTURES / "roles" / "alpha-clerk.yaml").read_text().replace("title: Alpha clerk", "title: My records role")
    text = text.replace("former_slugs: [old-alpha]", "former_slugs: []")
    (tmp_path / "medical-records-staff.yaml").write_text(text)  # a former slug of health-records-staff
    env = {"CAREERS_DATA_DIR": f"{tmp_path}{os.pathsep}{FIXTURES / 'roles'}"}
    assert runner.invoke(app, ["show", "medical-records-staff"], env=env).stdout.startswith("My records role")
    assert runner.invoke(app, ["validate"], env=env).exit_code == 0
    found = runner.invoke(app, ["search", "my records role", "--json"], env=env).stdout
    assert '"slug": "medical-records-staff"' in found


def test_each_install_keeps_its_own_index_and_data_caches(roles: Path) -> None:
    folder = cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    other = folder / f"index-v{cache.VERSION}-deadbeef.msgpack"  # another install, same version
    older = folder / f"index-v{cache.VERSION - 1}-deadbeef.msgpack"
    other.write_bytes(b"theirs")
    older.write_bytes(b"old")
    titles(roles)  # builds this install's caches, and tidies up
    assert other.name != INDEX_CACHE and (folder / INDEX_CACHE).is_file()
    assert other.read_bytes() == b"theirs" and not older.exists()
