"""The wheel's build step: the man page, written from the app's own help (careers_cli/cli/manpage.py)
and shipped as shared data, so `man careers` works after pip or pipx installs the wheel."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

MAN_PAGE = "share/man/man1/careers.1"


class ManPageHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if version == "editable":  # a checkout: `python -m careers_cli.cli.manpage` writes it
            return
        page = Path(tempfile.mkdtemp(prefix="careers-man-")) / "careers.1"
        # In its own process, from the source tree being built. The build environment has the
        # runtime dependencies (require-runtime-dependencies in pyproject.toml); pip may reach
        # them through PYTHONPATH, so the source tree goes in front of it, never instead.
        path = os.pathsep.join(p for p in (self.root, os.environ.get("PYTHONPATH", "")) if p)
        env = {**os.environ, "PYTHONPATH": path, "CAREERS_CACHE_DIR": ""}
        subprocess.run([sys.executable, "-m", "careers_cli.cli.manpage", str(page)], check=True, env=env)
        build_data["shared_data"][str(page)] = MAN_PAGE
