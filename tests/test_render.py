"""Golden renders at 80 columns with colour off. Refresh with `pytest --update-golden`."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from typer.testing import CliRunner

from careers_cli.cli import app

from conftest import FIXTURES

runner = CliRunner()
FIXTURE_ENV = {"CAREERS_DATA_DIR": str(FIXTURES / "roles")}


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("show-alpha-clerk.txt", ["show", "alpha-clerk"]),
        ("path-alpha-clerk.txt", ["path", "alpha-clerk", "--depth", "3"]),
        ("search-alpha.txt", ["search", "alpha", "--area", "wider-healthcare-team"]),
        ("show-health-records-staff.txt", ["show", "health-records-staff"]),
        ("path-health-records-staff.txt", ["path", "health-records-staff"]),
    ],
)
def test_golden(name: str, args: list[str], golden: Callable[[str, str], None]) -> None:
    result = runner.invoke(app, args, env=FIXTURE_ENV)
    assert result.exit_code == 0, result.stderr
    golden(name, result.stdout)
