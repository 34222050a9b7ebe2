"""The plain forms `careers show SLUG` and `careers search WORDS...`, without Typer and click.

They are by far the most run, and importing Typer and click costs about 35 ms of a `show`
(docs/decisions/0001-fast-path.md). They call the same commands and the same output as the
Typer app, through the same funnel; a test runs each both ways and compares every byte.
"""

from __future__ import annotations

import os
import sys

from careers_cli.cli.funnel import Funnel
from careers_cli.errors import ExitCode

COMMANDS_WITHOUT_TYPER = ("show", "search")


def applies(args: list[str]) -> bool:
    """`show SLUG` or `search WORDS...` with no option at all, outside shell completion."""
    if len(args) < 2 or args[0] not in COMMANDS_WITHOUT_TYPER or (args[0] == "show" and len(args) > 2):
        return False
    words = args[1:]
    return (
        " ".join(words).strip() != ""
        and not any(w.startswith("-") for w in words)
        and not any(name.endswith("_COMPLETE") for name in os.environ)
    )


def run(command: str, argument: str) -> int:
    from careers_cli import output
    from careers_cli.commands.base import open_catalogue
    from careers_cli.output.env import Environment

    env = Environment()
    with Funnel(env=lambda: env) as funnel:
        catalogue = open_catalogue()
        if command == "show":
            from careers_cli.commands import show

            output.emit(show.run(catalogue, argument), "text", env)
        else:
            from careers_cli.commands import search

            output.emit(search.run(catalogue, argument), "text", env)
        sys.stdout.flush()  # a closed pipe is reported here, not at interpreter exit
    return int(funnel.code if funnel.code is not None else ExitCode.OK)
