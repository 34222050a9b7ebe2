"""Files people write, whatever they write: one-line errors, no traceback, nothing changed."""

from __future__ import annotations

import datetime
import os
import shutil
import string
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from careers_cli.catalogue import Catalogue
from careers_cli.cli.app import app
from careers_cli.errors import CareersError

from conftest import FIXTURES

runner = CliRunner()


def validate(folder: Path) -> tuple[int, list[str]]:
    result = runner.invoke(app, ["validate", str(folder)])
    assert "Traceback" not in result.stdout + result.stderr
    return result.exit_code, result.stdout.splitlines()


def only_messages(lines: list[str], folder: Path) -> list[str]:
    return [line.removeprefix(f"{folder}/") for line in lines]


def test_symlink_loop_is_reported_not_followed(tmp_path: Path) -> None:
    os.symlink("loop.yaml", tmp_path / "loop.yaml")
    code, lines = validate(tmp_path)
    assert (code, only_messages(lines, tmp_path)) == (
        1,
        ["loop.yaml: cannot read file (Too many levels of symbolic links)"],
    )


def test_big_files_are_refused_before_they_are_read(tmp_path: Path) -> None:
    (tmp_path / "big.yaml").write_text("title: x\nsummary: " + "a" * 300_000 + "\n")
    code, lines = validate(tmp_path)
    assert (code, only_messages(lines, tmp_path)) == (1, ["big.yaml: file is larger than 256 KiB"])


def test_deep_nesting_is_a_syntax_error(tmp_path: Path) -> None:
    (tmp_path / "deep.yaml").write_text("title: x\nsummary: " + "[" * 5000 + "]" * 5000 + "\n")
    code, lines = validate(tmp_path)
    assert code == 1
    assert only_messages(lines, tmp_path)[0].startswith("deep.yaml:2:")
    assert "exceeded maximum nesting depth" in lines[0]


def test_a_folder_that_is_a_file_or_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    afile = tmp_path / "not-a-folder"
    afile.write_text("x")
    result = runner.invoke(app, ["--data-dir", str(afile), "list"])
    assert result.exit_code == 0
    assert (
        result.stderr
        == f"Warning: {afile}: not a folder; give a folder of role files (role skipped; run `careers validate` for all 1 problems)\n"
    )

    real_scandir = os.scandir

    def denied(path: object) -> object:
        if str(path) == str(tmp_path):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", denied)
    catalogue = Catalogue.open([tmp_path], use_cache=False)
    assert [p.message for p in catalogue.problems()] == [
        "cannot read the folder (Permission denied); check its permissions"
    ]


def test_files_are_never_changed(tmp_path: Path) -> None:
    folder = tmp_path / "invalid"
    shutil.copytree(FIXTURES / "invalid", folder)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    for args in (
        ["validate", str(folder)],
        ["--data-dir", str(folder), "list"],
        ["--data-dir", str(folder), "search", "x"],
    ):
        runner.invoke(app, args)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


# -- property tests: whatever the data, only CareersError or a role ------------------------

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
    st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2100, 1, 1)),
)
KEYS = [
    "title",
    "area",
    "summary",
    "sections",
    "pay",
    "bands",
    "scale",
    "entry_routes",
    "progression",
    "role",
    "next",
    "source",
    "url",
    "checked",
    "related",
    "working_life",
    "kind",
    "text",
    "items",
    "sumary",
]
yaml_like = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(KEYS), inner, max_size=6)),
    max_leaves=25,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=yaml_like)
def test_any_yaml_shaped_data_loads_or_gives_problems(tmp_path: Path, data: object) -> None:
    path = tmp_path / "fuzz.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    catalogue = Catalogue.open([tmp_path], builtin_roles=False, use_cache=False)
    try:
        catalogue.get("fuzz")
    except CareersError as e:
        assert str(e) and "\n" not in str(e).strip()
    assert all(p.path == path for p in catalogue.problems())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=string.printable + "ñ£é\u202e\x00", max_size=300))
def test_any_text_as_a_role_file_never_crashes(tmp_path: Path, text: str) -> None:
    (tmp_path / "fuzz.yaml").write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["--no-builtin", "--data-dir", str(tmp_path), "show", "fuzz"])
    assert result.exit_code in (0, 1)
    assert "Traceback" not in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)
