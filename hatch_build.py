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
        page = Path(tempfile.mkdtemp(prefix="careers-man-")) / "careers.1"
        # In its own process, from the source tree being built: the build's interpreter has the
        # runtime dependencies (require-runtime-dependencies in pyproject.toml), not the package.
        env = {**os.environ, "PYTHONPATH": self.root, "CAREERS_CACHE_DIR": ""}
        subprocess.run([sys.executable, "-m", "careers_cli.cli.manpage", str(page)], check=True, env=env)
        build_data["shared_data"][str(page)] = MAN_PAGE
