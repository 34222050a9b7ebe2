"""`man careers`: the manual page, written from the app's own help so the two never differ.

    python -m careers_cli.cli.manpage OUT.1

The wheel's build runs this (hatch_build.py) and installs the page as shared data in
share/man/man1, which pip puts under the environment's prefix and pipx links into its man folder.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from pathlib import Path
from typing import Any

import typer

from careers_cli import __version__
from careers_cli.cli.group import description
from careers_cli.errors import ExitCode

EXIT_MEANINGS = {
    ExitCode.OK: "Done.",
    ExitCode.ERROR: "No such role, invalid data, or validate found problems. A search with no match and a --to "
    "with no route are answers, and exit 0.",
    ExitCode.USAGE: "A wrong option or value; the message says what is allowed.",
    ExitCode.INTERNAL: "A bug in careers itself: one line says so (CAREERS_DEBUG=1 shows the traceback).",
    ExitCode.INTERRUPTED: "Interrupted with Ctrl-C.",
    ExitCode.BROKEN_PIPE: "The reader of the output went away (careers list | head -1).",
}
ENVIRONMENT = {
    "CAREERS_DATA_DIR": "Folders of your own role files, on top of the built-in ones, separated like PATH.",
    "CAREERS_CACHE_DIR": "Where the caches are kept; empty turns caching off.",
    "ACCESSIBLE, CAREERS_PLAIN": "Any value but empty or 0 chooses the plain layout (--plain).",
    "NO_COLOR": "Set to anything: no colour (--color always still colours).",
    "CLICOLOR_FORCE, CLICOLOR": "CLICOLOR_FORCE=1 colours even in a pipe; CLICOLOR=0 never colours.",
    "PAGER": "The pager for long output (default: less). TERM=dumb never pages.",
    "COLUMNS": "The width to lay text out for, when it is not the terminal's.",
    "CAREERS_DEBUG": "Set to 1: a bug of ours shows its traceback.",
}


def roff(text: str) -> str:
    """Text as roff: backslashes and a leading dot or quote cannot become requests."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return re.sub(r"^([.'])", r"\\&\1", text, flags=re.MULTILINE)


def _paragraphs(text: str) -> list[str]:
    text = text.replace("\b", "")
    return [" ".join(p.split()) for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]


def _options(command: Any, ctx: Any) -> list[str]:
    lines: list[str] = []
    for param in command.get_params(ctx):
        record = param.get_help_record(ctx)
        if record is None or "--help" in record[0]:
            continue
        names, help_text = record
        lines += [".TP", f"\\fB{roff(names)}\\fR", roff(" ".join(help_text.split()))]
    return lines


def render(date: dt.date | None = None) -> str:
    from careers_cli.cli.app import app

    group: Any = typer.main.get_command(app)  # the Group, typed by Typer as a Command
    ctx = typer.Context(group, info_name="careers")
    when = date or _build_date()
    lines = [
        f'.TH CAREERS 1 "{when:%Y-%m-%d}" "careers {__version__}" "User Commands"',
        ".SH NAME",
        "careers \\- explore the careers of the NHS in England from the terminal",
        ".SH SYNOPSIS",
        ".B careers",
        "[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR]...",
        ".SH DESCRIPTION",
    ]
    for paragraph in _paragraphs(description()):
        lines += [roff(paragraph), ".PP"]
    lines += [".SH OPTIONS", "These work before or after the command.", *_options(group, ctx), ".SH COMMANDS"]
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        sub = typer.Context(command, info_name=name, parent=ctx)
        usage = " ".join(command.collect_usage_pieces(sub))
        lines += [f'.SS "careers {name} {roff(usage)}"']
        for paragraph in _paragraphs(command.help or ""):
            lines += [roff(paragraph), ".PP"]
        lines += _options(command, sub)
    lines += [".SH EXIT STATUS"]
    for code, meaning in EXIT_MEANINGS.items():
        lines += [".TP", f"\\fB{int(code)}\\fR", roff(meaning)]
    lines += [".SH ENVIRONMENT"]
    for name, meaning in ENVIRONMENT.items():
        lines += [".TP", f"\\fB{roff(name)}\\fR", roff(meaning)]
    lines += [".SH EXAMPLES", ".nf"]
    lines += [roff(line.strip()) for line in (group.epilog or "").splitlines() if line.strip().startswith("careers")]
    lines += [".fi", ".SH SEE ALSO", "The README of the careers package, and careers COMMAND \\-\\-help."]
    return "\n".join(lines) + "\n"


def _build_date() -> dt.date:
    """SOURCE_DATE_EPOCH when the build sets it (reproducible builds), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m careers_cli.cli.manpage OUT.1", file=sys.stderr)
        return 2
    Path(argv[0]).write_text(render(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
