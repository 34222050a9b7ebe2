"""The command line: the console entry point, the Typer app (app.py), the fast path for plain
`show` and `search` (fast.py) and the funnel from errors to exit codes (funnel.py).

This is the only package that imports Typer and click, and the only one that hands results to
the output package. This module stays light: the plain forms must start without Typer.
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import NoReturn


def main() -> NoReturn:
    """Console-script entry point."""
    from careers_cli.cli import fast

    _need_streams()
    args = sys.argv[1:]
    if fast.applies(args):
        _exit_now(fast.run(args[0], " ".join(args[1:])))
    from careers_cli.cli.app import run

    run()


def _need_streams() -> None:
    """Started with stdout or stderr closed (`careers list >&-`): say so, if anyone can hear."""
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - kept for the run
    if sys.stdout is None:
        print("Error: standard output is closed; there is nowhere to write (reopen it or redirect it)", file=sys.stderr)
        os._exit(1)


def _exit_now(code: int) -> NoReturn:
    """Exit without the interpreter's clean-up: everything is written and flushed, the caches
    are on disk, and freeing a 10,000-role index object by object would cost about 25 ms."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError, AttributeError):  # a closed pipe was reported already
            stream.flush()
    os._exit(code)
