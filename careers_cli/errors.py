"""The one error family. Core code raises these; only cli.py turns them into exit codes."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import msgspec

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


class CareersError(Exception):
    """Anything a user can cause. The message is one line that says how to fix it."""

    exit_code = 1


class UsageError(CareersError):
    """The command line asked for something that cannot be done."""

    exit_code = 2


class RoleNotFound(CareersError):
    """A slug that names no role; carries the closest slugs for 'Did you mean'."""

    def __init__(self, slug: str, suggestions: Sequence[str]) -> None:
        self.slug = slug
        self.suggestions = tuple(suggestions)
        words = slug.replace("-", " ").strip()
        import shlex  # only for this message

        search = f" Try: careers search {shlex.quote(words)}" if words and "/" not in slug else ""
        hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else search
        super().__init__(f"No role '{slug}'.{hint}")


class DataError(CareersError):
    """One or more data files are invalid."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        more = len(self.problems) - 1
        tail = f" (and {more} more; run `careers validate`)" if more > 0 else ""
        super().__init__(f"{self.problems[0]}{tail}")
