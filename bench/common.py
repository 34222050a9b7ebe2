"""Shared by the benchmark scripts."""

from __future__ import annotations

import compileall
from pathlib import Path


def compile_package() -> None:
    """Byte-compile careers_cli as `pip install` does; an editable install under
    PYTHONDONTWRITEBYTECODE would otherwise recompile every module on every run."""
    import careers_cli

    compileall.compile_dir(Path(careers_cli.__file__).parent, quiet=1)
