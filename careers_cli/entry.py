"""The `careers` entry point, and the one place where errors become messages and exit codes.

The plain forms `careers show SLUG` and `careers search WORDS...`, by far the most run, are
carried out here without importing Typer and click, which cost about 35 ms of the 200 ms a
`show` used to take (see the README's Speed section). Anything else, including any
option, --help and shell completion, goes to the Typer app in cli.py, which calls the same
functions in commands.py and sends its errors through `failure` below.
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import NoReturn

from careers_cli.errors import CareersError

EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141  # what a shell reports for a process ended by SIGPIPE
EXIT_INTERNAL = 70  # EX_SOFTWARE
COMMANDS_WITHOUT_TYPER = ("show", "search")


def main() -> NoReturn:
    """Console-script entry point."""
    args = sys.argv[1:]
    if _plain(args):
        _exit_now(_run_plain(args[0], " ".join(args[1:])))
    from careers_cli.cli import run

    run()


def _plain(args: list[str]) -> bool:
    """`show SLUG` or `search WORDS...` with no option at all, outside shell completion."""
    if len(args) < 2 or args[0] not in COMMANDS_WITHOUT_TYPER or (args[0] == "show" and len(args) > 2):
        return False
    words = args[1:]
    return (
        " ".join(words).strip() != ""
        and not any(w.startswith("-") for w in words)
        and not any(name.endswith("_COMPLETE") for name in os.environ)
    )


def _run_plain(command: str, argument: str) -> int:
    from careers_cli import commands, render

    try:
        with render.paged(None):
            catalogue = commands.open_catalogue()
            if command == "show":
                commands.show(catalogue, argument)
            else:
                commands.search(catalogue, argument)
        sys.stdout.flush()  # a closed pipe is reported here, not at interpreter exit
    except BaseException as e:
        code = failure(e)
        if code is None:
            raise
        return code
    return 0


def _exit_now(code: int) -> NoReturn:
    """Exit without the interpreter's clean-up: everything is written and flushed, the caches
    are on disk, and freeing a 10,000-role index object by object would cost about 25 ms."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe was reported already
            stream.flush()
    os._exit(code)


def failure(e: BaseException) -> int | None:
    """The exit code for an error, its one-line message printed; None to let it through."""
    from careers_cli import render

    if isinstance(e, CareersError):
        render.error(str(e))
        return e.exit_code
    if isinstance(e, KeyboardInterrupt):
        return EXIT_INTERRUPTED
    if isinstance(e, BrokenPipeError):
        _quiet_stdout()
        return EXIT_BROKEN_PIPE
    if isinstance(e, Exception) and not os.environ.get("CAREERS_DEBUG"):
        # A bug of ours, not the user's doing: one line, and the traceback on request.
        render.error(f"internal error ({type(e).__name__}: {e}); rerun with CAREERS_DEBUG=1 and report it")
        return EXIT_INTERNAL
    return None


def _quiet_stdout() -> None:
    """The reader went away (`careers list | head -1`): drop what is still buffered."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
