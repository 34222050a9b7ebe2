"""The text of a new role file: a valid starting point, or a copy of an existing role. Pure."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import yaml

from careers_cli.catalogue.jsonschema import SCHEMA_FILE
from careers_cli.models import ENTRY_ROUTE_LABELS

START_URL = "https://www.healthcareers.nhs.uk/explore-roles"


def header(schema_dir: Path) -> str:
    return f"# yaml-language-server: $schema={schema_dir / SCHEMA_FILE}\n"


def blank(slug: str, area: str, areas: list[str], schema_dir: Path, today: datetime.date) -> str:
    """A small role file that validates, with comments saying what to fill in."""
    title = slug.replace("-", " ").capitalize()
    return header(schema_dir) + (
        "# A new role: replace each placeholder with facts you have checked, and leave out what you\n"
        "# have not. `careers validate` checks the file; `careers schema` shows every key.\n"
        f"title: {title}\n"
        "alternative_titles: []\n"
        f"area: {area}  # one of: {', '.join(areas)}\n"
        "summary: >-\n"
        "  One paragraph, in your own words, on what the role is and why it matters.\n"
        "sections:\n"
        "  working_life: >-\n"
        "    What the work involves, where it happens and who it is done with.\n"
        f"entry_routes: [none-set]  # from: {', '.join(ENTRY_ROUTE_LABELS)}\n"
        "source:\n"
        f"  url: {START_URL}  # the page you checked the facts against\n"
        f"  checked: {today.isoformat()}\n"
    )


def copy(data: dict[str, Any], origin: str, schema_dir: Path) -> str:
    """An existing role's content under a new slug; its former slugs stay with the original."""
    content = {k: v for k, v in data.items() if k != "former_slugs"}
    note = f"# Started from {origin}: check every fact and update source before you rely on it.\n"
    return header(schema_dir) + note + yaml.safe_dump(content, sort_keys=False, allow_unicode=True, width=100)
