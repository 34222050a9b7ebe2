"""`careers schema`: the JSON Schema of a role file, as shipped beside the built-in roles."""

from __future__ import annotations

from careers_cli.catalogue import builtin_data_dir
from careers_cli.catalogue.jsonschema import SCHEMA_FILE
from careers_cli.commands.base import Result


class Schema(Result, frozen=True, kw_only=True):
    kind = "schema"
    text: str  # the schema as JSON text, exactly as the shipped file holds it


def run() -> Schema:
    return Schema(text=(builtin_data_dir() / SCHEMA_FILE).read_text(encoding="utf-8"))
