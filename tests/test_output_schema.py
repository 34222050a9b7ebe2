"""The --json outputs have a published schema, generated from the output's own shapes: the
shipped copy is current, every command's real output passes it, and the README lists the
same fields."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, get_args, get_origin

import jsonschema
import msgspec
import pytest
from typer.testing import CliRunner

from careers_cli.cli.app import app
from careers_cli.output import json_schema
from careers_cli.output.jsonshapes import OUTPUTS

from conftest import FIXTURES

ROOT = Path(__file__).parent.parent
SHIPPED = ROOT / "docs" / "output.schema.json"
runner = CliRunner()


def test_shipped_output_schema_is_current(request: pytest.FixtureRequest) -> None:
    if request.config.getoption("--update-golden"):
        SHIPPED.write_text(json_schema(), encoding="utf-8")
    assert SHIPPED.read_text(encoding="utf-8") == json_schema(), "stale: rerun pytest with --update-golden"
    assert runner.invoke(app, ["schema", "output"]).stdout == json_schema()


def test_the_schema_is_valid_and_versioned() -> None:
    schema = json.loads(json_schema())
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$id"] == "urn:careers:output:1"
    assert set(OUTPUTS) <= set(schema["$defs"])


CASES = [
    ("show", ["show", "health-records-staff"]),
    ("show", ["show", "training-doctor"]),
    ("search", ["search", "records"]),
    ("search", ["search", "zzzzqqq"]),
    ("list", ["list"]),
    ("list", ["list", "--source", "--band", "2"]),
    ("areas", ["areas"]),
    ("path", ["path", "health-records-staff", "--depth", "4"]),
    ("path", ["path", "paramedic", "--into"]),
    ("path-to", ["path", "health-records-staff", "--to", "administrative-management"]),
    ("path-to", ["path", "paramedic", "--to", "health-records-staff"]),
    ("compare", ["compare", "health-records-staff", "training-doctor", "paramedic"]),
    ("pay", ["pay"]),
    ("pay", ["pay", "--scale", "doctors"]),
    ("pay-band", ["pay", "5"]),
    ("validate", ["validate"]),
    ("validate", ["validate", str(FIXTURES / "invalid")]),
    ("sources", ["sources", "health-records-staff"]),
    ("sources", ["sources", "training-doctor"]),
    ("sources-all", ["sources"]),
    ("pay", ["--pay-year", "2025/26", "pay"]),
]


@pytest.mark.parametrize(("name", "args"), CASES, ids=[" ".join(a) for _, a in CASES])
def test_every_output_passes_its_schema(name: str, args: list[str]) -> None:
    schema = json.loads(json_schema())
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code in (0, 1), result.output
    validator = jsonschema.Draft202012Validator({**schema, "$ref": f"#/$defs/{name}"})
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(json.loads(result.stdout))]
    assert errors == []


def _fields(shape: Any) -> set[str]:
    """Every field name of a shape and of the shapes inside it."""
    found: set[str] = set()
    seen: set[Any] = set()

    def walk(t: Any) -> None:
        if get_origin(t) is not None or get_args(t):
            for arg in get_args(t):
                walk(arg)
        elif isinstance(t, type) and issubclass(t, msgspec.Struct) and t not in seen:
            seen.add(t)
            for field in msgspec.structs.fields(t):
                found.add(field.encode_name)
                walk(field.type)

    walk(shape)
    return found


def _readme_json(command: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = re.search(rf"### `careers {command}\b.*?\n(.*?)(?=\n### |\n## )", text, re.S)
    assert section, command
    return section[1][section[1].index("JSON:") :]


@pytest.mark.parametrize(
    ("command", "names"),
    [
        ("show", ["show"]),
        ("search", ["search"]),
        ("path", ["path", "path-to"]),
        ("compare", ["compare"]),
        ("pay", ["pay", "pay-band"]),
        ("list", ["list"]),
        ("areas", ["areas"]),
        ("validate", ["validate"]),
        ("sources", ["sources", "sources-all"]),
    ],
)
def test_the_readme_lists_every_field_of_each_output(command: str, names: list[str]) -> None:
    fields = set().union(*(_fields(OUTPUTS[n]) for n in names))
    words = set(re.findall(r"[`{, ]([a-z_]+)(?=[`},])", _readme_json(command)))
    assert fields - words == set(), "fields the README does not list"
    values = {"up", "sideways", "specialist", "built-in"}
    assert {w for w in words if "_" in w} - fields - values == set(), "names the README lists that are not fields"
