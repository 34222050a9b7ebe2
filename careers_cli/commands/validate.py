"""`careers validate [PATH...]`: every problem of every role file, one line each."""

from __future__ import annotations

import stat
from collections.abc import Sequence
from pathlib import Path

from careers_cli.catalogue import Catalogue, env_role_dirs
from careers_cli.catalogue.folders import is_role_file_name, not_a_file
from careers_cli.commands.base import Note, Result
from careers_cli.errors import CareersError, ExitCode, Problem


class Checked(Result, frozen=True, kw_only=True):
    kind = "validate"
    problems: tuple[Problem, ...]
    files: int  # how many role files were checked


def run(paths: Sequence[Path], data_dirs: Sequence[Path] = (), builtin: bool = True) -> Checked:
    """Check the named files and folders (default: every folder of this run); never the cache."""
    files = _expand(paths)
    dirs = sorted({p.parent for p in files} | {p for p in paths if p.is_dir()})
    catalogue = Catalogue.open(role_dirs=[*env_role_dirs(), *data_dirs, *dirs], builtin_roles=builtin, use_cache=False)
    found = tuple(catalogue.problems(only=files if paths else None))
    checked = len(files) if paths else len(catalogue.files)
    summary = f"{checked} role file{'s' * (checked != 1)} checked, {len(found)} problem{'s' * (len(found) != 1)}"
    note = Note(summary, "warning" if found else "info", after=True)
    return Checked(problems=found, files=checked, notes=(note,), exit_code=ExitCode.ERROR if found else ExitCode.OK)


def _expand(paths: Sequence[Path]) -> list[Path]:
    files = []
    for p in paths:
        try:
            mode = p.stat().st_mode
        except FileNotFoundError:
            raise CareersError(f"{p}: no such file or folder") from None
        except OSError as e:
            raise CareersError(f"{p}: cannot read it ({e.strerror})") from None
        if stat.S_ISDIR(mode):
            files += sorted(f for f in p.glob("*.yaml") if is_role_file_name(f.name))
        elif stat.S_ISREG(mode):
            files.append(p)
        else:
            raise CareersError(f"{p}: {not_a_file(mode)}")
    return files
