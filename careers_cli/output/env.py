"""The terminal state of one run: colour mode, pager wish and streams, made once and passed in.

In the spirit of httpie's Environment: nothing about the terminal lives in module globals, so
a formatter can be given any streams (a test's, a pager's buffer) and behaves the same.
"""

from __future__ import annotations

import os
import sys
from typing import IO, Any

from rich.console import Console

COLOR_MODES = ("auto", "always", "never")

# For a stream that cannot show them (an ASCII-only terminal), the symbols we draw with.
# tests/test_output.py checks that every non-ASCII character the output can draw is here.
ASCII_FORMS = {
    "£": "GBP ",
    "•": "*",
    "›": ">",
    "…": "...",
    "–": "-",
    "—": "-",
    "←": "<-",
    "→": "->",
    "█": "#",
    "│": "|",
    "·": "-",
    "’": "'",
    "“": '"',
    "”": '"',
}
_ASCII = str.maketrans(ASCII_FORMS)
_RICH_DRAWS = "─╭"  # Rich's boxes and trees, which it draws in ASCII on an "ascii" stream


class AsciiStream:
    """Wraps a stream whose encoding lacks our symbols: they become ASCII, anything else '?'.

    Rich sees encoding "ascii" and draws its boxes and trees in ASCII too.
    """

    encoding = "ascii"

    def __init__(self, stream: Any) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        plain = text.translate(_ASCII).encode("ascii", "replace").decode("ascii")
        return int(self.stream.write(plain))

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return bool(self.stream.isatty())

    def fileno(self) -> int:
        return int(self.stream.fileno())


def safe(stream: Any) -> Any:
    """The stream itself when its encoding has every symbol we draw, else an AsciiStream."""
    try:
        ("".join(ASCII_FORMS) + _RICH_DRAWS).encode(getattr(stream, "encoding", None) or "utf-8")
    except (UnicodeEncodeError, LookupError):
        return AsciiStream(stream)
    return stream


class _Console(Console):
    def on_broken_pipe(self) -> None:
        # Rich would exit with status 1; a closed pipe is reported like any other (141).
        raise BrokenPipeError


MIN_WIDTH = 20  # narrower than this, text is laid out for 20 columns and the terminal wraps it
MAX_WIDTH = 1000  # wider than any screen; a larger COLUMNS is taken as this


def _sane_width() -> int | None:
    """None to let Rich measure the terminal; a width when COLUMNS is 0, tiny or not a number
    (Rich would take COLUMNS=0 at its word and print nothing at all)."""
    columns = os.environ.get("COLUMNS")
    if columns is not None and columns.isdigit() and int(columns) > MAX_WIDTH:
        return MAX_WIDTH  # COLUMNS=99999999999 would have Rich pad every line to that
    if columns is None or (columns.isdigit() and int(columns) >= MIN_WIDTH):
        return None
    if columns.isdigit() and int(columns) > 0:
        return MIN_WIDTH
    try:  # the terminal's own width (os's, unlike shutil's, does not read COLUMNS back)
        return max(MIN_WIDTH, os.get_terminal_size(sys.__stdout__.fileno()).columns)  # type: ignore[union-attr]
    except (OSError, ValueError, AttributeError):
        return 80


class Environment:
    """How this run writes. `color`: auto (colour on a terminal unless NO_COLOR is set), always
    or never; `pager`: None pages output longer than the screen, True always, False never;
    `plain`: text without drawing (None: when ACCESSIBLE or CAREERS_PLAIN is set)."""

    def __init__(
        self,
        color: str = "auto",
        pager: bool | None = None,
        stdout: IO[str] | None = None,
        stderr: IO[str] | None = None,
        plain: bool | None = None,
    ) -> None:
        self.color = color
        self.pager = pager
        self.plain = _asked_for_plain() if plain is None else plain
        self.stdout: Any = safe(stdout or sys.stdout)
        self.stderr: Any = safe(stderr or sys.stderr)

    @property
    def ascii_only(self) -> bool:
        return isinstance(self.stdout, AsciiStream)

    def stdout_isatty(self) -> bool:
        """Whether a person may be reading stdout (the pager only applies then)."""
        return bool(self.stdout.isatty())

    def is_terminal(self) -> bool:
        """Whether stdout gets terminal output rather than plain lines (Rich's view: a terminal,
        or FORCE_COLOR / --color always)."""
        return self.console(self.stdout).is_terminal

    def console(self, file: Any, width: int | None = None, terminal: bool | None = None) -> Console:
        """A Console on `file` in this run's colour mode (`terminal` forces terminal rendering,
        as for a pager's buffer)."""
        options = self._color_options()
        if terminal:
            options.setdefault("force_terminal", True)
        return _Console(file=file, width=width or _sane_width(), highlight=False, emoji=False, **options)

    def _color_options(self) -> dict[str, Any]:
        mode = self.color if self.color != "auto" else _auto_color()
        if mode == "always":
            # Explicit beats the environment: colour even in a pipe, with NO_COLOR set or TERM=dumb.
            depth = "truecolor" if os.environ.get("COLORTERM") in ("truecolor", "24bit") else "256"
            return {"force_terminal": True, "no_color": False, "color_system": depth}
        if mode == "never":
            return {"color_system": None}
        return {}


def _auto_color() -> str:
    """What `auto` means here: NO_COLOR turns colour off (Rich reads it); otherwise the
    CLICOLOR convention many tools honour: CLICOLOR_FORCE=1 colours even in a pipe,
    CLICOLOR=0 never colours."""
    if os.environ.get("NO_COLOR"):
        return "auto"
    if os.environ.get("CLICOLOR_FORCE", "0") not in ("", "0"):
        return "always"
    if os.environ.get("CLICOLOR") == "0":
        return "never"
    return "auto"


def _asked_for_plain() -> bool:
    """ACCESSIBLE is how some terminal tools are asked for a screen-reader layout; CAREERS_PLAIN
    is ours. Any value but empty or 0 turns the plain layout on."""
    return any(os.environ.get(name, "0") not in ("", "0") for name in ("ACCESSIBLE", "CAREERS_PLAIN"))
