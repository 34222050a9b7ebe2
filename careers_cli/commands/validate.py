"""`careers validate [PATH...]`: every problem of every role file, one line each."""

from __future__ import annotations

import datetime
import os
import stat
from collections.abc import Sequence
from pathlib import Path

from careers_cli.catalogue import Catalogue, env_role_dirs
from careers_cli.catalogue.files import problem_at
from careers_cli.catalogue.folders import ROLE_SUFFIXES, is_role_file_name, not_a_file
from careers_cli.commands.base import Note, Result
from careers_cli.errors import CareersError, ExitCode, Problem, UsageError
from careers_cli.visible import one_line


class Checked(Result, frozen=True, kw_only=True):
    kind = "validate"
    problems: tuple[Problem, ...]
    files: int  # how many role files were checked


def run(
    paths: Sequence[Path],
    data_dirs: Sequence[Path] = (),
    builtin: bool = True,
    older_than: str | None = None,
    today: datetime.date | None = None,
) -> Checked:
    """Check the named files and folders (default: every folder of this run); never the cache.
    With `older_than` (12m, 90d, 2y, 6w), a role whose newest check is older is a problem too."""
    age = parse_age(older_than) if older_than else None
    files, refused = _expand(paths)
    dirs = sorted({p.parent for p in files} | {p for p in paths if p.is_dir()})
    catalogue = Catalogue.open(role_dirs=[*env_role_dirs(), *data_dirs, *dirs], builtin_roles=builtin, use_cache=False)
    day = today or datetime.date.today()
    found_list = [*refused, *catalogue.problems(only=files if paths else None)]
    if age is not None:
        found_list += _stale(catalogue, files if paths else None, day, age, older_than or "")
    found = tuple(sorted(found_list, key=_order))
    checked = len(files) + len(refused) if paths else len(catalogue.files)
    summary = f"{checked} role file{'s' * (checked != 1)} checked, {len(found)} problem{'s' * (len(found) != 1)}"
    # The pay scales are the built-in data's: checked when the built-in data is (no paths named).
    pay_notes = _pay_notes(catalogue, day) if builtin and not paths else []
    notes = [*pay_notes, Note(summary, "warning" if found else "info", after=True)]
    if paths and not checked:
        notes.insert(0, Note("no role files (NAME.yaml or NAME.yml) there: nothing was checked", after=True))
    failed = bool(found) or bool(paths and not checked)
    return Checked(
        problems=found, files=checked, notes=tuple(notes), exit_code=ExitCode.ERROR if failed else ExitCode.OK
    )


_UNITS = {"d": 1, "w": 7, "m": 30.44, "y": 365.25}  # a month and a year as their average days


def parse_age(text: str) -> datetime.timedelta:
    """'12m' (months), '90d', '6w', '2y' as a length of time; UsageError for anything else."""
    number, unit = text.strip()[:-1], text.strip()[-1:].lower()
    if not number.isdigit() or unit not in _UNITS or int(number) == 0:
        raise UsageError(f"No age '{one_line(text, 20)}': give a number and a unit, such as 12m, 90d, 6w or 2y")
    return datetime.timedelta(days=round(int(number) * _UNITS[unit]))


def _stale(
    catalogue: Catalogue, only: Sequence[Path] | None, today: datetime.date, age: datetime.timedelta, said: str
) -> list[Problem]:
    """A problem for each role whose newest check is older than `age`."""
    wanted = {os.path.abspath(p) for p in only} if only is not None else None
    stale = []
    for slug, file in sorted(catalogue.files.items()):
        if wanted is not None and os.path.abspath(file) not in wanted:
            continue
        try:
            role = catalogue.get(slug)
        except CareersError:
            continue  # an invalid file: its problems are reported already
        if today - role.checked > age:
            key = "sources" if len(role.sources) > 1 or role.source.supports else "source"
            message = f"facts last checked {role.checked.isoformat()}, more than {said} ago: check them again"
            stale.append(problem_at(Path(file), [key], message))
    return stale


def _pay_notes(catalogue: Catalogue, today: datetime.date) -> list[Note]:
    """A warning for each pay scale whose newest year has ended: an award may have been missed."""
    notes = []
    for key, years in catalogue.scale_years.items():
        newest = years[0]
        if today > newest.ends:
            notes.append(
                Note(
                    f"data/pay/{key}.yaml: its newest pay year, {newest.year}, ended on "
                    f"{newest.ends.isoformat()}: add the award that followed it, or say in the file that none is known",
                    "warning",
                    after=True,
                )
            )
    return notes


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
