"""The JSON Schema of a role file, generated from shapes.py and the data it refers to.

Editors that speak yaml-language-server read it (each shipped role file names it in its first
line) and check a file as it is typed. `tests/test_jsonschema.py` fails when the shipped copy,
`data/role.schema.json`, is stale; `pytest --update-golden` rewrites it.
"""

from __future__ import annotations

import json
from typing import Any

import msgspec

from careers_cli.catalogue.shapes import RoleFile
from careers_cli.models import SECTION_HEADINGS

SCHEMA_FILE = "role.schema.json"
HEADER = f"# yaml-language-server: $schema=../{SCHEMA_FILE}"


def role_schema(areas: list[str], scales: dict[str, list[str]]) -> dict[str, Any]:
    """The schema, with the area keys, scales and bands of the catalogue as choices."""
    generated = msgspec.json.schema(RoleFile)
    defs = generated["$defs"]
    for shape in defs.values():
        if shape.get("type") == "object" and "properties" in shape:
            shape["additionalProperties"] = False  # unknown keys are errors, as in the loader
    role = defs["RoleFile"]["properties"]
    role["area"] = {"enum": areas, "description": "A key of data/areas.yaml"}
    pay = defs["PayFile"]["properties"]
    pay["scale"] = {"enum": sorted(scales), "description": "A pay scale: a file of data/pay"}
    bands = sorted({b for keys in scales.values() for b in keys}, key=lambda b: (len(b), b))
    pay["bands"] = {"type": "array", "items": {"enum": bands, "type": ["string", "integer"]}, "minItems": 1}
    for key, heading in SECTION_HEADINGS.items():
        defs["SectionsFile"]["properties"][key]["description"] = heading
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "careers role file",
        **generated,
    }


def dumps(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
