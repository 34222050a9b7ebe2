"""Pin the terminal before anything imports Rich or Typer, so tests pass the same everywhere."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

os.environ.update(
    {"COLUMNS": "80", "LINES": "50", "NO_COLOR": "1", "TERM": "dumb", "_TYPER_FORCE_DISABLE_TERMINAL": "1"}
)
for name in ("CAREERS_DATA_DIR", "FORCE_COLOR", "PAGER"):
    os.environ.pop(name, None)
# Module-level catalogues are opened before any fixture runs: keep their cache out of $HOME too.
os.environ["CAREERS_CACHE_DIR"] = tempfile.mkdtemp(prefix="careers-test-cache-")

TESTS = Path(__file__).parent
FIXTURES = TESTS / "fixtures"
GOLDEN = TESTS / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="Rewrite tests/golden/* from the current output.")


@pytest.fixture
def golden(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """Compare text with tests/golden/NAME, or rewrite it with --update-golden."""
    update = request.config.getoption("--update-golden")

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if update:
            path.write_text(text, encoding="utf-8")
        assert text == path.read_text(encoding="utf-8"), f"differs from {path}; rerun with --update-golden"

    return check


@pytest.fixture(autouse=True)
def _no_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Tests never see or touch the real user's files."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.setenv("CAREERS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("CAREERS_SHORTLIST", str(tmp_path / "shortlist.json"))
