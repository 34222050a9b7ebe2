"""The only package that imports Rich and writes to the terminal.

`emit(result, format, env)` looks the result's kind up in the table of the chosen format (each
format is one module with a FORMATTERS table) and writes it once, through the pager when it
applies; the result's notes go to stderr around it. Role text is untrusted: it only ever enters
Rich as `Text` (never parsed as markup), with control characters made visible first.
"""

from __future__ import annotations

import importlib
import io
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from rich.text import Text

from careers_cli.errors import UsageError
from careers_cli.output.env import Environment
from careers_cli.output.pager import paged
from careers_cli.visible import one_line

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from careers_cli.commands.base import Note, Result

# format name -> the module of careers_cli.output that writes it (imported on first use, so a
# run loads only the format it prints in).
FORMATS = {"text": "text", "json": "jsonform", "markdown": "markdown", "tsv": "tsv"}


class Sink:
    """Where a formatter writes: stdout, or the pager's buffer at the screen's width."""

    def __init__(self, env: Environment, buffer: io.StringIO | None = None, width: int | None = None) -> None:
        self.env = env
        self.file: Any = buffer if buffer is not None else env.stdout
        self._width = width
        self._console: Console | None = None

    @property
    def console(self) -> Console:
        if self._console is None:
            self._console = self.env.console(self.file, self._width, terminal=self.file is not self.env.stdout)
        return self._console

    def write(self, text: str) -> None:
        self.file.write(text)

    def print(self, renderable: RenderableType, soft_wrap: bool = False) -> None:
        self.console.print(renderable, soft_wrap=soft_wrap)

    def warn(self, message: str) -> None:
        warn(message, self.env)


Formatter = Callable[[Any, Sink], None]
# A format's table: result kind -> its formatter, or "module:function" inside the format's
# package for one imported only when it is used.
Formatters = dict[str, Formatter | str]


def formatter(kind: str, fmt: str) -> Formatter:
    """The function that writes results of `kind` in format `fmt`; UsageError if there is none."""
    table = _table(fmt)
    if kind not in table:
        offered = [f for f in FORMATS if kind in _table(f)]
        raise UsageError(f"No format '{fmt}' for {kind}. Choose from: {', '.join(offered)}")
    found = table[kind]
    if isinstance(found, str):
        module, name = found.split(":")
        found = getattr(importlib.import_module(f"careers_cli.output.{FORMATS[fmt]}.{module}"), name)
    return found


def _table(fmt: str) -> Formatters:
    module = FORMATS.get(fmt)
    return importlib.import_module(f"careers_cli.output.{module}").FORMATTERS if module else {}


def emit(result: Result, fmt: str, env: Environment) -> None:
    """Write one result: notes meant before it, the data (paged if it applies), notes after it."""
    write = formatter(result.kind, fmt)
    say([n for n in result.notes if not n.after], env)
    paged(env, lambda buffer, width: write(result, Sink(env, buffer, width)))
    say([n for n in result.notes if n.after], env)


def say(notes: Iterable[Note], env: Environment) -> None:
    for note in notes:
        message(note.level, note.text, env)


MESSAGE_LIMIT = 2000  # a message is one line; a huge argument is not repeated whole
# level -> the word before the message, its style, and the style of the message itself
_LEVELS = {"error": ("Error: ", "bold red", ""), "warning": ("Warning: ", "yellow", ""), "info": ("", "", "dim")}


def message(level: str, text: str, env: Environment | None = None) -> None:
    """One line on stderr; stdout is for data only."""
    env = env or Environment()
    prefix, prefix_style, style = _LEVELS[level]
    line = Text(prefix, style=prefix_style) + Text(one_line(text, MESSAGE_LIMIT))
    env.console(env.stderr).print(line, style=style, soft_wrap=True)


def error(text: str, env: Environment | None = None) -> None:
    message("error", text, env)


def warn(text: str, env: Environment | None = None) -> None:
    message("warning", text, env)


def info(text: str, env: Environment | None = None) -> None:
    message("info", text, env)
