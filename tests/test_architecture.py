"""The shape of the package: no import cycles, type-only imports included (the layers
themselves are import-linter's contracts in pyproject.toml, run by .ci/run)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import grimp
import typer

ROOT = Path(__file__).parent.parent


def test_no_module_imports_one_that_imports_it_back() -> None:
    graph = grimp.build_graph("careers_cli")
    cycles = [
        (a, b)
        for a in sorted(graph.modules)
        for b in sorted(graph.find_modules_directly_imported_by(a))
        if graph.chain_exists(importer=b, imported=a)
    ]
    assert cycles == []


def test_nothing_imports_click_and_no_click_is_required() -> None:
    # Typer 0.26+ carries its own click: a module importing click would break where none is installed.
    graph = grimp.build_graph("careers_cli", include_external_packages=True)
    assert "click" not in graph.modules
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    deps = {re.split(r"[<>=!~ ;\[]", d, maxsplit=1)[0].lower(): d for d in meta["project"]["dependencies"]}
    assert "click" not in deps
    assert deps["typer"] == "typer>=0.26,<0.29"  # 0.29 imports pydantic on every parse


def test_the_parser_errors_are_the_ones_typer_raises() -> None:
    from typer.testing import CliRunner

    from careers_cli.cli import parser
    from careers_cli.cli.app import app

    result = CliRunner().invoke(app, ["list", "--no-such-option"])
    assert result.exit_code == 2
    assert "No such option: --no-such-option" in result.output
    assert issubclass(typer.BadParameter, parser.ClickException)
    assert parser.get_current_context(silent=True) is None


def test_the_typer_app_keeps_real_annotations() -> None:
    # With string annotations Typer evaluates each option's type on every run: 3.6% of `list`.
    source = (ROOT / "careers_cli" / "cli" / "app.py").read_text(encoding="utf-8")
    assert "from __future__ import annotations" not in source.splitlines()
