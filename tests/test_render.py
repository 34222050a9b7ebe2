"""Golden renders at 80 columns with colour off. Refresh with `pytest --update-golden`."""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest
from typer.testing import CliRunner

from careers_cli.cli.app import app

from conftest import FIXTURES

runner = CliRunner()


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("show-alpha-clerk.txt", ["show", "alpha-clerk"]),
        ("path-alpha-clerk.txt", ["path", "alpha-clerk", "--depth", "3"]),
        ("search-alpha.txt", ["search", "alpha", "--area", "wider-healthcare-team"]),
        ("show-health-records-staff.txt", ["show", "health-records-staff"]),
        ("path-health-records-staff.txt", ["path", "health-records-staff"]),
        ("compare-alpha-beta-gamma.txt", ["compare", "alpha-clerk", "beta-manager", "gamma-analyst"]),
        ("compare-alpha-beta.txt", ["compare", "alpha-clerk", "beta-manager"]),
        ("route-start-goal.txt", ["path", "start", "--to", "goal"]),
        ("into-goal.txt", ["path", "goal", "--into"]),
        ("pay.txt", ["pay"]),
        ("show-alpha-clerk.md", ["show", "alpha-clerk", "--format", "markdown"]),
        ("list-source.txt", ["list", "--source", "--area", "management"]),
    ],
)
def test_golden(
    name: str, args: list[str], golden: Callable[[str, str], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(FIXTURES.parent)  # relative folders, so the output is the same in any checkout
    env = {"CAREERS_DATA_DIR": os.pathsep.join(f"fixtures/{f}" for f in ("roles", "graph"))}
    result = runner.invoke(app, args, env=env)
    assert result.exit_code == 0, result.stderr
    golden(name, result.stdout)
