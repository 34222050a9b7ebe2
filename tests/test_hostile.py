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


# -- YAML written as text: tags, keys of every type, deep nesting, impossible dates ----------

TAGGED = st.sampled_from(
    [
        "!!int",
        "!!float",
        "!!bool",
        "!!null",
        "!!str",
        "!!timestamp",
        "!!binary",
        "!!set",
        "!!omap",
        "!!pairs",
        "!!python/object:os.system",
        "!!python/name:os.system",
        "!foo",
        "!!merge",
    ]
)
WORDS = st.sampled_from(
    [
        "abc",
        "1",
        "x y",
        "2026-11-31",
        "2026-02-30",
        "2026-13-01",
        "2026-11-25",
        "~",
        "yes",
        "1e400",
        ".nan",
        "''",
        "[]",
        "{}",
    ]
)
KEY_TEXT = st.one_of(
    st.sampled_from(KEYS),
    st.sampled_from(["1", "true", "null", "2026-11-25", "'quoted'", "[a, b]", "{a: 1}", "<<", "? [x]"]),
)


@st.composite
def yaml_value(draw: st.DrawFn, depth: int = 0) -> str:
    kind = draw(st.integers(0, 5 if depth < 3 else 1))
    if kind == 0:
        return draw(WORDS)
    if kind == 1:
        return f"{draw(TAGGED)} {draw(WORDS)}"
    if kind == 2:
        n = draw(st.integers(1, 80))
        return "[" * n + draw(WORDS) + "]" * n
    if kind == 3:
        return "[" + ", ".join(draw(st.lists(yaml_value(depth + 1), max_size=3))) + "]"
    if kind == 4:
        pairs = draw(st.lists(st.tuples(KEY_TEXT, yaml_value(depth + 1)), max_size=3))
        return "{" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}"
    return f"&a {draw(WORDS)}" if draw(st.booleans()) else "*a"


ROLE_LINES = [
    "title: Fuzzed role",
    "area: wider-healthcare-team",
    "summary: A test role.",
    "sections: {}",
    "entry_routes: [none-set]",
    "source: {url: 'https://www.healthcareers.nhs.uk/x', checked: 2026-11-25}",
]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    replaced=st.lists(st.tuples(st.integers(0, len(ROLE_LINES)), KEY_TEXT, yaml_value()), min_size=1, max_size=3),
)
def test_any_yaml_document_gives_problems_never_an_internal_error(
    tmp_path: Path, replaced: list[tuple[int, str, str]]
) -> None:
    lines = list(ROLE_LINES)
    for at, key, value in replaced:
        lines.insert(at, f"{key}: {value}")
    (tmp_path / "fuzz.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    cache = {"CAREERS_CACHE_DIR": str(tmp_path / "cache")}
    for args, codes in (
        (["validate", str(tmp_path / "fuzz.yaml")], (0, 1)),
        (["--data-dir", str(tmp_path), "search", "records"], (0,)),
        (["--data-dir", str(tmp_path), "list", "--area", "wider-healthcare-team"], (0,)),
        (["--data-dir", str(tmp_path), "show", "fuzz"], (0, 1)),
        (["--data-dir", str(tmp_path), "path", "fuzz"], (0, 1)),
    ):
        result = runner.invoke(app, args, env=cache)
        assert result.exit_code in codes, (args, result.stderr)
        assert "internal error" not in result.stderr and "Traceback" not in result.stderr


def test_a_bad_value_in_one_file_leaves_every_other_role_working(tmp_path: Path) -> None:
    for name in ("impossible-date", "failing-tag", "list-key", "merge-key", "deep-progression", "python-tag"):
        shutil.copy(FIXTURES / "invalid" / f"{name}.yaml", tmp_path)
    env = {"CAREERS_DATA_DIR": str(tmp_path)}
    search = runner.invoke(app, ["search", "records"], env=env)
    assert search.exit_code == 0 and "health-records-staff" in search.stdout
    assert search.stderr.startswith("Warning: ") and "run `careers validate` for all 6 problems" in search.stderr
    listed = runner.invoke(app, ["list"], env=env)
    assert listed.exit_code == 0 and "health-records-staff\t" in listed.stdout
    checked = runner.invoke(app, ["validate", str(tmp_path / "failing-tag.yaml")], env=env)
    assert (checked.exit_code, checked.stdout.count("\n")) == (1, 1)
    complete = {**env, "_CAREERS_COMPLETE": "complete_bash", "COMP_WORDS": "careers show health-rec", "COMP_CWORD": "2"}
    assert "health-records-staff" in runner.invoke(app, [], env=complete, prog_name="careers").stdout
