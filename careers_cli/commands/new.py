"""`careers new SLUG`: write a role file to start from, blank or a copy; never overwrites.

PyYAML's emitter is imported only here: no other command needs it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from careers_cli.catalogue import Catalogue, builtin_data_dir, env_role_dirs, is_slug
from careers_cli.catalogue.build import PLACEHOLDERS, START_URL
from careers_cli.catalogue.files import read_yaml
from careers_cli.catalogue.jsonschema import SCHEMA_FILE
from careers_cli.commands.base import Note, Result, area_key, origin
from careers_cli.errors import CareersError, UsageError
from careers_cli.models import ENTRY_ROUTE_LABELS
from careers_cli.visible import one_line


def header(schema_dir: Path) -> str:
    return f"# yaml-language-server: $schema={schema_dir / SCHEMA_FILE}\n"


def blank(slug: str, area: str, areas: list[str], schema_dir: Path) -> str:
    """A small role file with placeholders and comments saying what to fill in. It does not
    validate until they are filled: the summary, the section, the page and the day checked."""
    title = slug.replace("-", " ").capitalize()
    return header(schema_dir) + (
        "# A new role: replace each placeholder with facts you have checked, and leave out what you\n"
        "# have not. `careers validate` checks the file; `careers schema` shows every key.\n"
        f"title: {title}\n"
        "alternative_titles: []\n"
        "plain_words: []  # how a person would describe the work: [takes blood, blood tests]\n"
        f"area: {area}  # one of: {', '.join(areas)}\n"
        "summary: >-\n"
        f"  {PLACEHOLDERS['summary']}\n"
        "sections:\n"
        "  working_life: >-\n"
        f"    {PLACEHOLDERS['working_life']}\n"
        f"entry_routes: [none-set]  # from: {', '.join(ENTRY_ROUTE_LABELS)}\n"
        "source:\n"
        f"  url: {START_URL}  # the page you checked the facts against\n"
        "  checked:  # the day you checked them, e.g. 2026-11-25\n"
    )


def copy(data: dict[str, Any], origin: str, schema_dir: Path) -> str:
    """An existing role's content under a new slug; its former slugs stay with the original."""
    import yaml

    content = {k: v for k, v in data.items() if k != "former_slugs"}
    note = f"# Started from {origin}: check every fact and update source before you rely on it.\n"
    return header(schema_dir) + note + yaml.safe_dump(content, sort_keys=False, allow_unicode=True, width=100)


class Written(Result, frozen=True, kw_only=True):
    kind = "new"
    path: Path


def run(
    catalogue: Catalogue,
    slug: str,
    data_dirs: list[Path],
    from_: str | None = None,
    directory: Path | None = None,
    area: str | None = None,
) -> Written:
    if not is_slug(slug):
        raise UsageError(
            f"'{one_line(slug, 80)}' is not a slug: use lower-case letters, digits and hyphens,"
            " e.g. health-play-specialist"
        )
    folder = directory or next(iter([*data_dirs, *env_role_dirs()]), None)
    if folder is None:
        raise UsageError("No folder for your roles: give --dir, --data-dir or set CAREERS_DATA_DIR")
    text = _text(catalogue, slug, folder, from_, area)
    path = folder / f"{slug}.yaml"
    if (folder / f"{slug}.yml").exists():  # the same role, under the other ending
        raise CareersError(f"{folder / f'{slug}.yml'} already exists; nothing was written (edit it instead)")
    replaced = _replaces(catalogue, slug)
    _write_new(folder, path, text)
    note = Note(
        f"Wrote a new role file{replaced}. Fill in its placeholders, then check it: careers validate {path}",
        "info",
        True,
    )
    return Written(path=path, notes=(note,))


def _replaces(catalogue: Catalogue, slug: str) -> str:
    """What the new file takes over: a role of that slug in an earlier folder, or a former slug
    (a role file always wins over a former slug)."""
    current = catalogue.resolve(slug)
    if current is None:
        return ""
    if current != slug:
        return f" ({slug} was a former slug of {current}; your file takes it over)"
    where = "built-in role" if origin(catalogue.files[slug]) == "built-in" else f"role in {catalogue.files[slug]}"
    return f" (it replaces the {where} of that slug)"


def _text(catalogue: Catalogue, slug: str, folder: Path, from_: str | None, area: str | None) -> str:
    # A built-in role names the schema beside it; a file of yours, the installed copy.
    builtin = os.path.abspath(folder) == os.path.abspath(builtin_data_dir() / "roles")
    schema_dir = Path("..") if builtin else builtin_data_dir()
    if from_:
        original = catalogue.get(from_)
        return copy(read_yaml(original.path), original.slug, schema_dir)
    key = area_key(catalogue, area) if area else next(iter(catalogue.areas))
    return blank(slug, key, list(catalogue.areas), schema_dir)


def _write_new(folder: Path, path: Path, text: str) -> None:
    """Create the file; never replace one (the user's text is never lost)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as f:
            f.write(text)
    except FileExistsError:
        raise CareersError(f"{path} already exists; nothing was written (choose another slug or edit it)") from None
    except OSError as e:
        raise CareersError(f"{path}: cannot write ({e.strerror}); nothing was written") from None
