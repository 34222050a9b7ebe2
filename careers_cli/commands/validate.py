"""`careers validate [PATH...]`: every problem of every role file, one line each."""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path

from careers_cli.catalogue import Catalogue, env_role_dirs
from careers_cli.catalogue.folders import ROLE_SUFFIXES, is_role_file_name, not_a_file
from careers_cli.commands.base import Note, Result
from careers_cli.errors import CareersError, ExitCode, Problem


class Checked(Result, frozen=True, kw_only=True):
    kind = "validate"
    problems: tuple[Problem, ...]
    files: int  # how many role files were checked


def run(paths: Sequence[Path], data_dirs: Sequence[Path] = (), builtin: bool = True) -> Checked:
    """Check the named files and folders (default: every folder of this run); never the cache."""
    files, refused = _expand(paths)
    dirs = sorted({p.parent for p in files} | {p for p in paths if p.is_dir()})
    catalogue = Catalogue.open(role_dirs=[*env_role_dirs(), *data_dirs, *dirs], builtin_roles=builtin, use_cache=False)
    found = tuple(sorted([*refused, *catalogue.problems(only=files if paths else None)], key=_order))
    checked = len(files) + len(refused) if paths else len(catalogue.files)
    summary = f"{checked} role file{'s' * (checked != 1)} checked, {len(found)} problem{'s' * (len(found) != 1)}"
    notes = [Note(summary, "warning" if found else "info", after=True)]
    if paths and not checked:
        notes.insert(0, Note("no role files (NAME.yaml or NAME.yml) there: nothing was checked", after=True))
    failed = bool(found) or bool(paths and not checked)
    return Checked(
        problems=found, files=checked, notes=tuple(notes), exit_code=ExitCode.ERROR if failed else ExitCode.OK
    )


def _order(p: Problem) -> tuple[str, int, int]:
    return (str(p.path), p.line or 0, p.column or 0)


def _expand(paths: Sequence[Path]) -> tuple[list[Path], list[Problem]]:
    """The role files named or inside the folders named, each once; and a problem for each
    path that cannot be a role file (so one missing path does not stop the others)."""
    files: dict[str, Path] = {}
    refused: list[Problem] = []
    for p in paths:
        try:
            mode = p.stat().st_mode
        except FileNotFoundError:
            if len(paths) == 1:
                raise CareersError(f"{p}: no such file or folder") from None
            refused.append(Problem(p, "no such file or folder"))
            continue
        except OSError as e:
            refused.append(Problem(p, f"cannot read it ({e.strerror})"))
            continue
        if stat.S_ISDIR(mode):
            for f in sorted(f for f in p.iterdir() if is_role_file_name(f.name)):
                files.setdefault(os.path.abspath(f), f)
        elif not stat.S_ISREG(mode):
            refused.append(Problem(p, not_a_file(mode)))
        elif not p.name.endswith(ROLE_SUFFIXES):
            # It would not be read as a role file anywhere, so it is not counted as checked.
            refused.append(Problem(p, "not a role file: a role file's name is its slug and ends in .yaml or .yml"))
        else:
            files.setdefault(os.path.abspath(p), p)
    return list(files.values()), refused
