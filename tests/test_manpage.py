"""`man careers`: the page is written from the real help and ships in the wheel."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import typer

from careers_cli.cli.app import app
from careers_cli.cli.manpage import render, roff
from careers_cli.errors import ExitCode

ROOT = Path(__file__).parent.parent


def test_the_page_has_every_command_and_option_of_the_help() -> None:
    page = render(dt.date(2026, 12, 2))
    assert page.startswith('.TH CAREERS 1 "2026-12-02" "careers ')
    group = typer.main.get_command(app)
    ctx = typer.Context(group, info_name="careers")
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert f'.SS "careers {name} ' in page
        for param in command.get_params(ctx):
            for opt in param.opts:
                if opt.startswith("-") and opt != "--help":
                    assert f"\\fB{roff(opt)}" in page or f" {roff(opt)}" in page, (name, opt)
    for code in ExitCode:
        assert f".TP\n\\fB{int(code)}\\fR\n" in page


def test_roff_text_cannot_become_a_request() -> None:
    assert roff(".so /etc/passwd\n'x \\fB") == "\\&.so /etc/passwd\n\\&'x \\efB"


@pytest.mark.skipif(shutil.which("man") is None, reason="no man on this machine")
def test_man_renders_the_page(tmp_path: Path) -> None:
    page = tmp_path / "careers.1"
    page.write_text(render(), encoding="utf-8")
    shown = subprocess.run(
        ["man", "-l", str(page)],
        capture_output=True,
        text=True,
        env={"MANWIDTH": "80", "PATH": "/usr/bin:/bin"},
        check=True,
    )
    assert "careers - explore the careers of the NHS in England" in shown.stdout
    assert "EXIT STATUS" in shown.stdout and "warning" not in shown.stderr


def test_the_built_wheel_installs_the_man_page(tmp_path: Path) -> None:
    # The real build, in pip's isolated environment, as pipx gets it.
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("careers-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = [n for n in archive.namelist() if n.endswith("share/man/man1/careers.1")]
        assert names == [f"careers-{wheel.name.split('-')[1]}.data/data/share/man/man1/careers.1"]
        page = archive.read(names[0]).decode("utf-8")
    # The same commands and options as this checkout's help (the build may use another Typer
    # release of the range, which writes a metavar differently: <path> or PATH).
    assert _outline(page) == _outline(render())


def _outline(page: str) -> list[str]:
    """The page's command names and option names, without metavars or arguments (another Typer
    release writes `SLUG` as `{slug}` or `[SLUG]`, `PATH` as `<path>`)."""
    kept = []
    for line in page.splitlines():
        if line.startswith(".SS"):
            kept.append(" ".join(line.split()[:3]))  # .SS "careers show
        elif line.startswith("\\fB\\-"):  # an option; arguments are written differently (slug, [SLUG])
            kept.append(line.split(" ")[0])
    return kept
