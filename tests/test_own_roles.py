"""Your own roles beside the built-in ones: --data-dir, --no-builtin, new, list --source."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from careers_cli.catalogue import Catalogue, builtin_data_dir
from careers_cli.cli.app import app

from conftest import FIXTURES

runner = CliRunner()


def run(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env=env)


def test_data_dir_adds_roles_and_no_builtin_leaves_the_rest_out() -> None:
    roles = str(FIXTURES / "roles")
    both = json.loads(run("--data-dir", roles, "list", "--json").stdout)
    assert {"alpha-clerk", "health-records-staff"} <= {d["slug"] for d in both}
    only = json.loads(run("--data-dir", roles, "--no-builtin", "list", "--json").stdout)
    assert [d["slug"] for d in only] == ["gamma-analyst", "beta-manager", "alpha-clerk"]  # in area order


def test_env_and_option_folders_stack(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    shutil.copy(FIXTURES / "graph" / "island.yaml", tmp_path / "b" / "island.yaml")
    env = {"CAREERS_DATA_DIR": str(FIXTURES / "roles")}
    data = json.loads(run("--data-dir", str(tmp_path / "b"), "--no-builtin", "list", "--json", env=env).stdout)
    assert sorted(d["slug"] for d in data) == ["alpha-clerk", "beta-manager", "gamma-analyst", "island"]


def test_a_user_role_replaces_the_built_in_one_and_says_where_it_came_from(tmp_path: Path) -> None:
    text = (builtin_data_dir() / "roles" / "health-records-staff.yaml").read_text()
    (tmp_path / "health-records-staff.yaml").write_text(
        text.replace("title: Health records staff", "title: Records clerk")
    )
    result = run("--data-dir", str(tmp_path), "show", "health-records-staff")
    assert result.stdout.startswith("Records clerk  (health-records-staff)")
    assert f"From your file: {tmp_path / 'health-records-staff.yaml'}" in " ".join(result.stdout.split())
    listed = json.loads(run("--data-dir", str(tmp_path), "list", "--source", "--json").stdout)
    sources = {d["slug"]: d["source"] for d in listed}
    assert sources["health-records-staff"] == str(tmp_path / "health-records-staff.yaml")
    assert sources["adult-nurse"] == "built-in"


def test_new_writes_a_valid_file_and_never_overwrites(tmp_path: Path) -> None:
    result = run("--data-dir", str(tmp_path), "new", "health-play-specialist", "--area", "Allied health professions")
    path = tmp_path / "health-play-specialist.yaml"
    assert (result.exit_code, result.stdout) == (0, f"{path}\n")
    assert (
        path.read_text().splitlines()[0] == f"# yaml-language-server: $schema={builtin_data_dir() / 'role.schema.json'}"
    )
    # A fresh file is not checked until its placeholders are filled in.
    fresh = run("validate", str(path))
    assert fresh.exit_code == 1
    assert [line.split(": ", 1)[1].split(":")[0] for line in fresh.stdout.splitlines()] == [
        "summary",
        "sections.working_life",
        "source.url",
        "source.checked",
    ]
    text = path.read_text()
    for old, new in (
        (
            "One paragraph, in your own words, on what the role is and why it matters.",
            "Plays with children in hospital.",
        ),
        ("What the work involves, where it happens and who it is done with.", "On the wards."),
        ("explore-roles  #", "explore-roles/allied-health-professionals/roles-allied-health-professions/play  #"),
        ("checked:  #", "checked: 2026-11-25  #"),
    ):
        text = text.replace(old, new)
    path.write_text(text)
    assert run("validate", str(path)).exit_code == 0
    assert Catalogue.open([tmp_path]).get("health-play-specialist").title == "Health play specialist"
    path.write_text(path.read_text() + "# my edits\n")
    again = run("--data-dir", str(tmp_path), "new", "health-play-specialist")
    assert again.exit_code == 1
    assert again.stderr == f"Error: {path} already exists; nothing was written (choose another slug or edit it)\n"
    assert path.read_text().endswith("# my edits\n")


def test_new_from_an_existing_role(tmp_path: Path) -> None:
    result = run("new", "records-supervisor", "--from", "medical-records-staff", "--dir", str(tmp_path / "mine"))
    assert result.exit_code == 0
    copy = Catalogue.open([tmp_path / "mine"]).get("records-supervisor")
    assert copy.title == "Health records staff" and copy.former_slugs == ()
    assert run("validate", str(tmp_path / "mine")).exit_code == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["new", "../escape"], "Error: '../escape' is not a slug"),
        (["new", "Bad Slug", "--dir", "x"], "Error: 'Bad Slug' is not a slug"),
        (["new", "fine-slug"], "Error: No folder for your roles: give --dir, --data-dir or set CAREERS_DATA_DIR"),
    ],
)
def test_new_refuses_bad_slugs_and_needs_a_folder(args: list[str], message: str, tmp_path: Path) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr.startswith(message)
    assert not list(tmp_path.iterdir())


def test_validate_user_folder_allows_links_to_built_in_roles(tmp_path: Path) -> None:
    run("new", "records-supervisor", "--from", "health-records-staff", "--dir", str(tmp_path))
    result = run("validate", str(tmp_path))
    assert (result.exit_code, result.stderr) == (0, "1 role file checked, 0 problems\n")


def test_schema_command_prints_the_shipped_schema() -> None:
    result = run("schema")
    assert json.loads(result.stdout)["title"] == "careers role file"
    assert result.stdout == (builtin_data_dir() / "role.schema.json").read_text()


def test_options_for_every_command_may_follow_the_command() -> None:
    before = run("--no-builtin", "--data-dir", str(FIXTURES / "roles"), "list", "--json")
    after = run("list", "--json", "--data-dir", str(FIXTURES / "roles"), "--no-builtin")
    joined = run("list", "--json", f"--data-dir={FIXTURES / 'roles'}", "--no-builtin")
    assert before.stdout == after.stdout == joined.stdout
    assert len(json.loads(before.stdout)) == 3
    literal = run("search", "--", "--xyzzy")  # after --, an option's name is just text
    assert literal.exit_code == 0 and "No roles match '--xyzzy'" in literal.stderr


def test_yml_is_a_role_file_everywhere(tmp_path: Path) -> None:
    text = (builtin_data_dir() / "roles" / "health-records-staff.yaml").read_text()
    (tmp_path / "records-clerk.yml").write_text(text.replace("title: Health records staff", "title: Records clerk"))
    env = {"CAREERS_DATA_DIR": str(tmp_path)}
    assert run("show", "records-clerk", env=env).stdout.startswith("Records clerk  (records-clerk)")
    assert "records-clerk\tRecords clerk" in run("list", env=env).stdout
    assert run("validate", str(tmp_path / "records-clerk.yml")).exit_code == 0
    assert run("validate", str(tmp_path)).stderr == "1 role file checked, 0 problems\n"
    (tmp_path / "records-clerk.yaml").write_text(text)
    both = run("validate", str(tmp_path))
    assert both.exit_code == 1
    assert (
        both.stdout
        == f"{tmp_path / 'records-clerk.yml'}: records-clerk.yaml is the same role; keep one of the two files\n"
    )
    (tmp_path / "records-clerk.yaml").unlink()
    again = run("new", "records-clerk", "--dir", str(tmp_path))
    assert again.exit_code == 1 and "records-clerk.yml already exists" in again.stderr
