"""Terminal manners: colour modes, widths from 20 to 300, the pager."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from careers_cli.cli.app import app
from careers_cli.output.env import Environment

from conftest import FIXTURES

runner = CliRunner()
COMMANDS = [
    ["show", "health-records-staff"],
    ["search", "records"],
    ["path", "health-records-staff"],
    ["compare", "health-records-staff", "medical-secretarypersonal-assistant", "adult-nurse"],
    ["areas"],
    ["pay"],
    ["path", "health-records-staff", "--to", "administrative-management"],
]


@pytest.mark.parametrize("width", [20, 40, 80, 300])
@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: "-".join(a[:2]))
def test_every_width_from_20_to_300_fits(args: list[str], width: int) -> None:
    result = runner.invoke(app, args, env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.stderr
    # Lines Rich never breaks (a web address, a file path) may run on; everything else fits.
    too_wide = [line for line in result.stdout.splitlines() if cell_len(line) > width and "://" not in line]
    assert too_wide == []


def test_colour_modes() -> None:
    always = runner.invoke(app, ["--color", "always", "show", "health-records-staff"])
    assert "\x1b[" in always.stdout
    never = runner.invoke(app, ["--color", "never", "show", "health-records-staff"], env={"NO_COLOR": ""})
    assert "\x1b" not in never.stdout
    plain = runner.invoke(app, ["show", "health-records-staff"])  # a pipe: no codes at all
    assert "\x1b" not in plain.stdout
    wrong = runner.invoke(app, ["--color", "sometimes", "areas"])
    assert (wrong.exit_code, wrong.stderr) == (
        2,
        "Error: No colour mode 'sometimes'. Choose from: auto, always, never\n",
    )


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Environment, "stdout_isatty", lambda self: True)
    monkeypatch.setenv("LINES", "10")
    monkeypatch.setenv("TERM", "xterm")  # TERM=dumb (the suite's default) never pages


def pager_into(path: Path) -> str:
    return f"{sys.executable} -c \"import sys; open('{path}', 'w').write(sys.stdin.read())\""


def test_long_output_goes_through_the_pager(terminal: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAGER", pager_into(tmp_path / "paged.txt"))
    result = runner.invoke(app, ["show", "health-records-staff"])
    assert result.exit_code == 0 and result.stdout == ""
    assert "Health records staff" in (tmp_path / "paged.txt").read_text()


def test_short_output_and_no_pager_skip_it(terminal: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAGER", pager_into(tmp_path / "paged.txt"))
    assert "careers" in runner.invoke(app, ["--version"]).stdout
    assert "Health records staff" in runner.invoke(app, ["--no-pager", "show", "health-records-staff"]).stdout
    assert not (tmp_path / "paged.txt").exists()


def test_a_missing_pager_still_prints(terminal: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAGER", "/nonexistent/pager")
    result = runner.invoke(app, ["--pager", "list"])
    assert "Health records staff" in result.stdout


def test_completion_offers_slugs_and_areas() -> None:
    env = {"_CAREERS_COMPLETE": "complete_bash", "COMP_WORDS": "careers show health-rec", "COMP_CWORD": "2"}
    result = runner.invoke(app, [], env=env, prog_name="careers")
    assert result.stdout.split() == ["health-records-and-patient-administration", "health-records-staff"]
    env = {"_CAREERS_COMPLETE": "complete_bash", "COMP_WORDS": "careers list --area nu", "COMP_CWORD": "3"}
    assert runner.invoke(app, [], env=env, prog_name="careers").stdout.split() == ["nursing"]
    env = {"_CAREERS_COMPLETE": "complete_bash", "COMP_WORDS": "careers show x --section tr", "COMP_CWORD": "4"}
    assert runner.invoke(app, [], env=env, prog_name="careers").stdout.split() == ["training-and-development"]


def test_user_roles_complete_too() -> None:
    env = {
        "_CAREERS_COMPLETE": "complete_bash",
        "COMP_WORDS": "careers show alp",
        "COMP_CWORD": "2",
        "CAREERS_DATA_DIR": str(FIXTURES / "roles"),
    }
    assert runner.invoke(app, [], env=env, prog_name="careers").stdout.split() == ["alpha-clerk"]


def test_an_ascii_only_terminal_gets_ascii() -> None:
    import os
    import subprocess

    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    for args in (
        ["show", "health-records-staff"],
        ["path", "health-records-staff"],
        ["compare", "adult-nurse", "health-records-staff"],
    ):
        proc = subprocess.run([sys.executable, "-m", "careers_cli", *args], env=env, capture_output=True, check=False)
        assert proc.returncode == 0, proc.stderr
        text = proc.stdout.decode("ascii")  # raises if anything is not ASCII
        assert "GBP 25,272" in text


@pytest.mark.parametrize("width", [20, 24, 30, 40])
@pytest.mark.parametrize(
    "args",
    [
        ["show", "health-records-staff"],
        ["show", "adult-nurse"],
        ["compare", "health-records-staff", "adult-nurse"],
        ["pay"],
        ["pay", "5"],
        ["search", "records"],
    ],
    ids=lambda a: "-".join(a),
)
def test_narrow_screens_never_cut_a_figure_or_a_slug(args: list[str], width: int) -> None:
    import re

    token = re.compile(r"£[\d,]+|\b[a-z0-9]+(?:-[a-z0-9]+)+\b")
    wide = set(token.findall(runner.invoke(app, args, env={"COLUMNS": "300"}).stdout))
    narrow = runner.invoke(app, args, env={"COLUMNS": str(width)}).stdout
    # Whatever fits on a line at this width (a slug in brackets beside a tree's guides may not).
    assert sorted(t for t in wide if len(t) <= width - 6 and t not in narrow) == []


def test_the_clicolor_convention() -> None:
    forced = runner.invoke(app, ["show", "health-records-staff"], env={"NO_COLOR": "", "CLICOLOR_FORCE": "1"})
    assert "\x1b[" in forced.stdout  # colour even in a pipe
    off = runner.invoke(app, ["--color", "auto", "show", "health-records-staff"], env={"NO_COLOR": "", "CLICOLOR": "0"})
    assert "\x1b[" not in off.stdout
    both = runner.invoke(app, ["show", "health-records-staff"], env={"NO_COLOR": "1", "CLICOLOR_FORCE": "1"})
    assert "\x1b[3" not in both.stdout  # NO_COLOR wins: no colours (bold may remain)


def test_completion_offers_the_colour_modes() -> None:
    env = {"_CAREERS_COMPLETE": "complete_bash", "COMP_WORDS": "careers --color a", "COMP_CWORD": "2"}
    assert runner.invoke(app, [], env=env, prog_name="careers").stdout.split() == ["auto", "always"]
