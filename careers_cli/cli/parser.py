"""The command-line parser's own names, taken from Typer whichever click it runs on.

Typer 0.26 and later carry their own copy of click and no longer use the click package, so
nothing here imports click: our handlers must catch the exceptions Typer really raises, or an
unknown option would escape as a bug of ours (exit 70).
"""

from __future__ import annotations

from typing import Any

import typer

# Typer hands the current context only to a command that declares it; completion callbacks and
# helpers need it too, and Typer keeps no public name for it (a test pins this import).
from typer._click.globals import get_current_context

# Typer's public BadParameter is a usage error of whichever click it runs on; the base every
# parser error shares (ClickException) is found above it, so no private module is named.
ClickException: Any = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")
Exit = typer.Exit
Abort = typer.Abort

__all__ = ["Abort", "ClickException", "Exit", "get_current_context"]
