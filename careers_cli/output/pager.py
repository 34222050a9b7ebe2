"""Our own pager hand-off: only when stdout is a terminal and the text is longer than the screen.

Measured against click's and Rich's pagers (docs/decisions/0001-fast-path.md): neither pages
only when the text is longer than the screen, and both cost more to import.
"""

from __future__ import annotations

import contextlib
import io
import os
from collections.abc import Callable

from careers_cli.output.env import Environment


def paged(env: Environment, write: Callable[[io.StringIO | None, int | None], None]) -> None:
    """Call write(buffer, width) to fill a buffer that is then paged or printed, or
    write(None, None) to print directly when no pager can apply."""
    if env.pager is False or not env.stdout_isatty() or (env.pager is None and _dumb_terminal()):
        write(None, None)
        return
    screen = env.console(env.stdout)
    buffer = io.StringIO()
    write(buffer, screen.width)
    text = buffer.getvalue()
    if env.pager or text.count("\n") >= screen.height:
        page(text, env)
    else:
        env.stdout.write(text)


def _dumb_terminal() -> bool:
    """Emacs shells and some IDE consoles set TERM=dumb: less cannot work there."""
    return os.environ.get("TERM", "") in ("dumb", "emacs")


def page(text: str, env: Environment) -> None:
    """Hand the text to $PAGER (less by default). If the pager cannot be started, cannot be
    parsed, or fails (PAGER=false), the text is printed instead: output is never lost."""
    import shlex  # only when paging

    try:
        command = shlex.split(os.environ.get("PAGER") or "less")
    except ValueError:  # unbalanced quotes
        command = []
    if not command or not _run_pager(command, text):
        env.stdout.write(text)


def _run_pager(command: list[str], text: str) -> bool:
    """Run the pager to the end; True if it ran and exited 0. Ctrl-C belongs to the pager
    while it runs (as git does): we ignore it and wait, so the pager can restore the terminal."""
    import signal
    import subprocess

    extra = {"LESS": os.environ.get("LESS", "FRX")}  # keep colours; quit if it fits
    try:
        proc = subprocess.Popen(command, stdin=subprocess.PIPE, text=True, env={**os.environ, **extra})
    except OSError:
        return False
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        assert proc.stdin is not None
        try:
            proc.stdin.write(text)
        except OSError:
            pass  # the pager quit before reading it all (q in less): nothing more to show
        finally:
            with contextlib.suppress(OSError):
                proc.stdin.close()
        return proc.wait() == 0
    finally:
        signal.signal(signal.SIGINT, previous)
