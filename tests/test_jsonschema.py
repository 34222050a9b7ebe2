"""The shipped JSON Schema is generated, current, and agrees with the loader."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from careers_cli.catalogue import Catalogue, builtin_data_dir
from careers_cli.catalogue.jsonschema import HEADER, SCHEMA_FILE, dumps, role_schema

from conftest import FIXTURES

SHIPPED = builtin_data_dir() / SCHEMA_FILE


def generated() -> str:
    catalogue = Catalogue.open(role_dirs=[])
    scales = {key: [b.key for b in scale.bands] for key, scale in catalogue.scales.items()}
    return dumps(role_schema(list(catalogue.areas), scales))


def test_shipped_schema_is_current(request: pytest.FixtureRequest) -> None:
    if request.config.getoption("--update-golden"):
        SHIPPED.write_text(generated(), encoding="utf-8")
    assert SHIPPED.read_text(encoding="utf-8") == generated(), "stale: rerun pytest with --update-golden"


def as_json(path: Path) -> object:
    return json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))


ROLE_FILES = sorted((builtin_data_dir() / "roles").glob("*.yaml"))


@pytest.mark.parametrize("path", ROLE_FILES, ids=lambda p: p.stem)
def test_every_shipped_role_names_the_schema_and_passes_it(path: Path) -> None:
    assert path.read_text(encoding="utf-8").splitlines()[0] == HEADER
    jsonschema.validate(as_json(path), json.loads(SHIPPED.read_text(encoding="utf-8")))


@pytest.mark.parametrize("name", ["unknown-key", "bad-area", "bad-band", "bad-entry-route", "wrong-types"])
def test_the_schema_refuses_what_the_loader_refuses(name: str) -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(as_json(FIXTURES / "invalid" / f"{name}.yaml"), json.loads(SHIPPED.read_text()))
