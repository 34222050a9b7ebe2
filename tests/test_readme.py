"""The README is tested: its commands run and print what it shows, and every command is in it.

`pytest tests/test_readme.py --update-golden` rewrites the outputs shown in the README.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from careers_cli.cli.app import app

README = Path(__file__).parent.parent / "README.md"
CI = Path(__file__).parent.parent / ".ci" / "run"
BLOCK = re.compile(r"```console\n\$ (careers [^\n]*)\n(.*?)```", re.S)
runner = CliRunner()


def blocks() -> list[tuple[str, str]]:
    return BLOCK.findall(README.read_text(encoding="utf-8"))


def output(command: str) -> str:
    result = runner.invoke(app, shlex.split(command)[1:])
    assert result.exit_code == 0, f"{command}: {result.stderr}"
    return result.stdout


def test_readme_commands_print_what_the_readme_shows(request: pytest.FixtureRequest) -> None:
    text = README.read_text(encoding="utf-8")
    if request.config.getoption("--update-golden"):
        text = BLOCK.sub(lambda m: f"```console\n$ {m[1]}\n{output(m[1])}```", text)
        README.write_text(text, encoding="utf-8")
    found = blocks()
    assert len(found) >= 3
    for command, shown in found:
        assert output(command) == shown, f"README output of `{command}` is stale; rerun with --update-golden"


def test_the_three_jobs_are_shown() -> None:
    commands = [c for c, _ in blocks()]
    for job in ("careers show health-records-staff", "careers search records", "careers path health-records-staff"):
        assert job in commands


def test_every_command_has_help_and_is_documented() -> None:
    text = README.read_text(encoding="utf-8")
    for name, command in app_commands().items():
        assert command.help, f"{name} has no help text"
        assert f"### `careers {name}" in text, f"{name} is not documented in the README"


def app_commands() -> dict[str, object]:
    import typer.main

    group = typer.main.get_command(app)
    return dict(group.commands)  # type: ignore[attr-defined]


def test_ci_runs_the_readme_test_command() -> None:
    text = README.read_text(encoding="utf-8")
    test_command = re.search(r"```sh\n(python3 -m venv \.venv && [^\n]*pytest)\n```", text)
    assert test_command, "the README must give the one-line test command"
    assert test_command[1] in CI.read_text(encoding="utf-8")


def test_readme_says_how_many_roles_are_built_in() -> None:
    import re

    from careers_cli.catalogue import Catalogue

    said = re.search(r"catalogue holds (\d+) roles across all (\d+) areas", " ".join(README.read_text().split()))
    assert said is not None
    catalogue = Catalogue.open(role_dirs=[])
    assert (int(said[1]), int(said[2])) == (len(catalogue.files), len(catalogue.areas))


def test_architecture_names_every_package_and_module() -> None:
    """ARCHITECTURE.md is the map: a module it does not name is one a newcomer cannot place."""
    package = Path(__file__).parent.parent / "careers_cli"
    text = (package.parent / "ARCHITECTURE.md").read_text(encoding="utf-8")
    names = {p.name for p in package.iterdir() if p.suffix == ".py" or (p / "__init__.py").is_file()}
    names |= {p.name for sub in package.iterdir() if (sub / "__init__.py").is_file() for p in sub.glob("*.py")}
    missing = {n for n in names - {"__init__.py", "__main__.py"} if n.removesuffix(".py") not in text}
    assert missing == set()
    for record in re.findall(r"\]\((docs/decisions/[^)]+)\)", text):
        assert (package.parent / record).is_file(), record


def test_every_command_help_lists_the_options_for_every_command() -> None:
    for name in app_commands():
        text = " ".join(runner.invoke(app, [name, "--help"]).stdout.split())
        assert "--data-dir DIR" in text and "--color auto|always|never" in text, name


def test_ci_runs_the_suite_from_the_sdist_at_the_lowest_versions() -> None:
    script = CI.read_text(encoding="utf-8")
    assert 'uv" build -q --sdist' in script
    assert '--resolution lowest-direct "$src[test]"' in script
    assert '(cd "$src" && "$low/venv/bin/python" -m pytest' in script


def test_the_sdist_carries_what_the_suite_reads() -> None:
    import tomllib

    meta = tomllib.loads((README.parent / "pyproject.toml").read_text(encoding="utf-8"))
    included = set(meta["tool"]["hatch"]["build"]["targets"]["sdist"]["include"])
    assert {".ci", "careers_cli", "data", "tests", "bench", "docs", "README.md", "LICENSE"} <= included
    # Every top-level file or folder the tests name must ship, or the sdist's suite fails.
    named = set(
        re.findall(r'parent\.parent / "([^"/]+)"', "".join(p.read_text() for p in Path(__file__).parent.glob("*.py")))
    )
    assert named <= included, named - included
