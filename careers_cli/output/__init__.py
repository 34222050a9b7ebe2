"""The only package that imports Rich and writes to the terminal.

`emit(result, format, env)` looks the result's kind up in the table of the chosen format (each
format is one module with a FORMATTERS table) and writes it once, through the pager when it
applies; the result's notes go to stderr around it. Role text is untrusted: it only ever enters
Rich as `Text` (never parsed as markup), with control characters made visible first.
"""

from __future__ import annotations

import importlib
import io
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text

from careers_cli.errors import CareersError, UsageError
from careers_cli.output.env import Environment
from careers_cli.output.pager import paged
from careers_cli.visible import one_line

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from careers_cli.commands.base import Note, Result

# format name -> the module of careers_cli.output that writes it (imported on first use, so a
# run loads only the format it prints in).
FORMATS = {
    "text": "text",
    "plain": "plain",
    "markdown": "markdown",
    "html": "html",
    "json": "jsonform",
    "tsv": "tsv",
}


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
        raise UsageError(f"No format '{one_line(fmt, 40)}' for {kind}. Choose from: {', '.join(offered(kind))}")
    found = table[kind]
    if isinstance(found, str):
        module, name = found.split(":")
        found = getattr(importlib.import_module(f"careers_cli.output.{FORMATS[fmt]}.{module}"), name)
    return found


def _table(fmt: str) -> Formatters:
    module = FORMATS.get(fmt)
    return importlib.import_module(f"careers_cli.output.{module}").FORMATTERS if module else {}


def emit(result: Result, fmt: str, env: Environment) -> None:
    """Write one result: notes meant before it, the data (paged if it applies), notes after it.
    Text in the plain layout is the plain format, for every result that has one."""
    if fmt == "text" and env.plain and result.kind in _table("plain"):
        fmt = "plain"
    write = formatter(result.kind, fmt)
    say([n for n in result.notes if not n.after], env)
    paged(env, lambda buffer, width: write(result, Sink(env, buffer, width)))
    say([n for n in result.notes if n.after], env)


def offered(kind: str) -> list[str]:
    """The formats a result kind can be written in, in the order of FORMATS."""
    return [f for f in FORMATS if kind in _table(f)]


@contextmanager
def to_file(path: Path, env: Environment, force: bool = False) -> Iterator[Environment]:
    """An environment writing to `path` instead of stdout: no pager, no colour. The file appears
    whole or not at all (written beside it, then renamed), and an existing one is replaced only
    with `force`: a handout never half-overwrites something the user keeps."""
    if path.is_dir():
        raise UsageError(f"{one_line(str(path))} is a folder: give --output a file name")
    if (path.exists() or path.is_symlink()) and not force:
        raise UsageError(f"{one_line(str(path))} already exists: choose another name, or add --force to replace it")
    import tempfile  # here: it brings shutil, bz2 and lzma, which `show` never needs

    try:
        temp = tempfile.NamedTemporaryFile(  # noqa: SIM115 (closed by the `with` below, before the rename)
            "w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.", suffix=".part", delete=False
        )
    except OSError as e:
        raise CareersError(f"Cannot write {one_line(str(path))}: {e.strerror or e}") from None
    try:
        with temp:
            yield Environment("never", False, temp, env.stderr, env.plain)
        os.replace(temp.name, path)
    except BaseException:
        os.unlink(temp.name)
        raise


def json_schema() -> str:
    """The JSON Schema of every --json output (jsonshapes.py), as the text docs/ ships."""
    import json

    from careers_cli.output.jsonshapes import output_schema

    return json.dumps(output_schema(), indent=2, ensure_ascii=False) + "\n"


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
