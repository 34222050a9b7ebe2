"""The one funnel from errors to messages and exit codes, for both doors (fast path and Typer).

Core code raises; nothing below the cli package prints an error or exits. Anything a user can
cause is a CareersError with a one-line message; a closed pipe and Ctrl-C end quietly; any
other exception is a bug of ours: one line, exit 70, and the traceback with CAREERS_DEBUG=1.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING

from careers_cli.errors import CareersError, ExitCode

if TYPE_CHECKING:
    from careers_cli.output.env import Environment


class Funnel:
    """`with Funnel() as f: ...` catches what the block raises; `f.code` is the exit code, or
    None when the block ended normally. `passthrough` exceptions (the parser's own) go on;
    `env` gives the run's terminal state for the message once it is known (the options that
    make it are parsed inside the block)."""

    def __init__(
        self, passthrough: tuple[type[BaseException], ...] = (), env: Callable[[], Environment | None] = lambda: None
    ) -> None:
        self.passthrough = passthrough
        self.env = env
        self.code: ExitCode | None = None

    def __enter__(self) -> Funnel:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> bool:
        if error is None or isinstance(error, self.passthrough):
            return False
        self.code = exit_code(error, self.env())
        return self.code is not None


def exit_code(e: BaseException, env: Environment | None = None) -> ExitCode | None:
    """The exit code for an error, its one-line message printed; None to let it through."""
    if isinstance(e, CareersError):
        _error(str(e), env)
        return ExitCode(e.exit_code)
    if isinstance(e, KeyboardInterrupt):
        return ExitCode.INTERRUPTED
    if isinstance(e, BrokenPipeError):
        _quiet_stdout()
        return ExitCode.BROKEN_PIPE
    if isinstance(e, OSError):
        # Files we read report their own problems; what reaches here is the output failing
        # (a full disk, a closed or broken stream): the user's doing, not a bug.
        where = f"{e.filename}: " if e.filename else "cannot write the output: "
        _error(f"{where}{e.strerror or e}", env)
        _quiet_stdout()
        return ExitCode.ERROR
    if isinstance(e, Exception) and not os.environ.get("CAREERS_DEBUG"):
        # A bug of ours, not the user's doing: one line, and the traceback on request.
        _error(f"internal error ({type(e).__name__}: {e}); rerun with CAREERS_DEBUG=1 and report it", env)
        return ExitCode.INTERNAL
    return None


def _error(message: str, env: Environment | None) -> None:
    from careers_cli.output import error

    error(message, env)


def _quiet_stdout() -> None:
    """The reader went away (`careers list | head -1`): drop what is still buffered."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass  # no stdout left to quiet
