"""The one error family and the exit codes. Core code raises these; only the cli package turns
them into messages and exit codes."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from pathlib import Path

import msgspec

from careers_cli.suggest import closest, did_you_mean
from careers_cli.visible import one_line


class ExitCode(enum.IntEnum):
    """Every exit status `careers` uses (the README's table lists the same)."""

    OK = 0
    ERROR = 1  # something the user can fix: a missing role, a problem in a file
    USAGE = 2  # the command line asked for something that cannot be done
    INTERNAL = 70  # EX_SOFTWARE: a bug of ours
    INTERRUPTED = 130  # Ctrl-C
    BROKEN_PIPE = 141  # what a shell reports for a process ended by SIGPIPE


KeyPath = Sequence[str | int]  # where in a file: ["pay", "bands", 0] is pay.bands[0]


class Problem(msgspec.Struct, frozen=True):
    """One problem in one data file, printed as `file:line:col: key.path: message`."""

    path: Path
    message: str
    line: int | None = None
    column: int | None = None
    key: str = ""

    def __str__(self) -> str:
        where = str(self.path)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        key = f" {self.key}:" if self.key else ""
        return f"{where}:{key} {self.message}"


class ProblemRecord(msgspec.Struct, array_like=True, frozen=True):
    """A Problem as the caches keep it (msgpack has no paths)."""

    path: str
    message: str
    line: int | None
    column: int | None
    key: str

    @classmethod
    def of(cls, p: Problem) -> ProblemRecord:
        return cls(str(p.path), p.message, p.line, p.column, p.key)

    def problem(self) -> Problem:
        return Problem(Path(self.path), self.message, self.line, self.column, self.key)


class CareersError(Exception):
    """Anything a user can cause. The message is one line that says how to fix it."""

    exit_code = ExitCode.ERROR


class UsageError(CareersError):
    """The command line asked for something that cannot be done."""

    exit_code = ExitCode.USAGE


class NotFound(UsageError):
    """A name that is not one of a fixed set of choices (a section, an area, a band, a scale)."""

    def __init__(self, what: str, name: str, choices: Sequence[str], where: str = "") -> None:
        close = closest(name, choices)
        hint = f"{did_you_mean(close)} " if close else ""
        super().__init__(f"No {what} '{one_line(name, 80)}'{where}. {hint}Choose from: {', '.join(choices)}")


class RoleNotFound(CareersError):
    """A slug that names no role; carries the closest slugs for 'Did you mean'."""

    def __init__(self, slug: str, suggestions: Sequence[str], also: Sequence[str] = (), message: str = "") -> None:
        self.slug = slug
        self.suggestions = tuple(suggestions)
        if message:  # a name several roles carry: the message lists them
            super().__init__(message)
            return
        if also:  # several at once (compare): name them all, suggest nothing
            names = ", ".join(f"'{one_line(s, 80)}'" for s in (slug, *also))
            super().__init__(f"No roles {names}. Try: careers search WORDS, or careers list")
            return
        words = slug.replace("-", " ").strip()
        import shlex  # only for this message

        search = f" Try: careers search {shlex.quote(one_line(words, 80))}" if words and "/" not in slug else ""
        hint = f" {did_you_mean(suggestions)}" if suggestions else search
        super().__init__(f"No role '{one_line(slug, 80)}'.{hint}")


class DataError(CareersError):
    """One or more data files are invalid."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        more = len(self.problems) - 1
        tail = f" (and {more} more; run `careers validate`)" if more > 0 else ""
        super().__init__(f"{self.problems[0]}{tail}")
