"""Our own pager hand-off: only when stdout is a terminal and the text is longer than the screen.

Measured against click's and Rich's pagers (docs/decisions/0001-fast-path.md): neither pages
only when the text is longer than the screen, and both cost more to import.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable

from careers_cli.output.env import Environment


def paged(env: Environment, write: Callable[[io.StringIO | None, int | None], None]) -> None:
    """Call write(buffer, width) to fill a buffer that is then paged or printed, or
    write(None, None) to print directly when no pager can apply."""
    if env.pager is False or not env.stdout_isatty():
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


def page(text: str, env: Environment) -> None:
    """Hand the text to $PAGER (less by default); print it if the pager cannot be started."""
    import shlex  # only when paging
    import subprocess

    command = shlex.split(os.environ.get("PAGER") or "less")
    extra = {"LESS": os.environ.get("LESS", "FRX")}  # keep colours; quit if it fits
    try:
        subprocess.run(command, input=text, text=True, env={**os.environ, **extra}, check=False)
    except OSError:
        env.stdout.write(text)
