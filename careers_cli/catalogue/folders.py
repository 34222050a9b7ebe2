"""Where role files are: the built-in folder, the user's folders, and a scan of them. Never prints.

Paths stay strings here: at 10,000 files, building Path objects costs more than the stats.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from operator import attrgetter
from pathlib import Path
from stat import S_ISDIR, S_ISREG

import msgspec

from careers_cli.errors import Problem

ENV_DATA_DIR = "CAREERS_DATA_DIR"
ROLE_SUFFIX = ".yaml"  # what `careers new` writes
ROLE_SUFFIXES = (".yaml", ".yml")  # what is read: .yml is the same, everywhere

# What says a file is unchanged: size, modification time, and the inode's change time and
# number, which no `touch -r`, `rsync -t` or restored backup can set back (all four come from
# the one stat a scan makes anyway).
Stamp = tuple[int, int, int, int]


def builtin_data_dir() -> Path:
    """The built-in `data/` folder: inside the installed package, or beside it in a checkout."""
    package = Path(__file__).resolve().parent.parent
    packaged = package / "data"
    return packaged if packaged.is_dir() else package.parent / "data"


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


class Scan(msgspec.Struct):
    """The role files found in the folders, with each file's size and time."""

    files: dict[str, str] = msgspec.field(default_factory=dict)
    stamps: dict[str, Stamp] = msgspec.field(default_factory=dict)
    problems: list[Problem] = msgspec.field(default_factory=list)


_BAD_NAME = "file name is not a slug: use lower-case letters, digits and hyphens, e.g. health-records-staff.yaml"
_name = attrgetter("name")


def scan_role_files(dirs: Sequence[Path]) -> Scan:
    """slug -> file over the folders in order (a later folder replaces an earlier slug)."""
    scan = Scan()
    for folder in dirs:
        try:
            with os.scandir(folder) as it:
                # (is_role_file_name, inlined: this loop runs once per file on every run)
                entries = sorted((e for e in it if e.name.endswith(ROLE_SUFFIXES) and e.name[0] not in ".#"), key=_name)
        except OSError as e:
            scan.problems.append(Problem(folder, _folder_problem(e)))
            continue
        for entry in entries:
            short = entry.name.endswith(".yml")
            slug = entry.name[:-4] if short else entry.name[:-5]
            if short and _same_folder(scan.files.get(slug), entry.path):  # x.yaml sorts first
                scan.problems.append(
                    Problem(Path(entry.path), f"{slug}.yaml is the same role; keep one of the two files")
                )
                continue
            try:
                info = entry.stat()  # follows a link; a loop or a dangling link raises
            except OSError as e:
                scan.problems.append(Problem(Path(entry.path), f"cannot read file ({e.strerror})"))
                continue
            if not S_ISREG(info.st_mode):
                scan.problems.append(Problem(Path(entry.path), not_a_file(info.st_mode)))
            elif not is_slug(slug):
                scan.problems.append(Problem(Path(entry.path), _BAD_NAME))
            else:
                scan.files[slug] = entry.path
                scan.stamps[slug] = (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)  # stamp_of
    return scan


def is_role_file_name(name: str) -> bool:
    """`x.yaml` or `x.yml`, but not an editor's lock or backup file (`.#x.yaml`, `.x.yaml.swp`, `x.yaml~`)
    nor any other hidden file: those are left alone quietly."""
    return name.endswith(ROLE_SUFFIXES) and not name.startswith((".", "#"))


def _same_folder(a: str | None, b: str) -> bool:
    return a is not None and os.path.dirname(a) == os.path.dirname(b)


def not_a_file(mode: int) -> str:
    """Why a path with this mode is not a role file (a folder, a pipe, a device), or ''."""
    if S_ISREG(mode):
        return ""
    if S_ISDIR(mode):
        return "a folder, not a role file; a role file is a .yaml text file"
    return "not a regular file (a pipe, socket or device); a role file is a .yaml text file"


def find_role_file(dirs: Sequence[Path], slug: str) -> str | None:
    """The file of one slug without scanning every folder: `show` stays fast at any size."""
    for folder in reversed(dirs):
        for suffix in ROLE_SUFFIXES:
            path = os.path.join(folder, slug + suffix)
            if os.path.exists(path):  # a folder or a pipe of that name is reported, not skipped
                return path
    return None


def _folder_problem(e: OSError) -> str:
    if isinstance(e, FileNotFoundError):
        return "no such folder; check the path"
    if isinstance(e, NotADirectoryError):
        return "not a folder; give a folder of role files"
    return f"cannot read the folder ({e.strerror}); check its permissions"


def stamp(path: Path) -> Stamp:
    """The file's stamp, or (-1, -1, -1, -1) for a file that cannot be statted."""
    try:
        info = path.stat()
    except OSError:
        return (-1, -1, -1, -1)
    return stamp_of(info)


def stamp_of(info: os.stat_result) -> Stamp:
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


def is_builtin(path: str | Path) -> bool:
    """Whether a role file is one of the package's own."""
    builtin = os.path.abspath(builtin_data_dir() / "roles")
    return os.path.dirname(os.path.abspath(path)) == builtin


def read_regular(path: str | Path, limit: int) -> bytes:
    """Up to limit + 1 bytes of a regular file. A pipe, device or folder raises OSError without
    blocking: the file is opened non-blocking and checked before anything is read."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not S_ISREG(mode):
            raise OSError(0, not_a_file(mode).split(";")[0])
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, limit + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)
