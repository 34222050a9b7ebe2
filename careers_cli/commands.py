"""What `show` and `search` do, as plain functions of the catalogue and their options.

cli.py calls them from its Typer commands; entry.py calls them directly for the plain forms
`careers show SLUG` and `careers search WORDS`, which then start without Typer and click.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from careers_cli import jsonout, render
from careers_cli.catalogue import Catalogue, env_role_dirs, is_builtin
from careers_cli.errors import NotFound, UsageError
from careers_cli.models import EXTRA_SECTIONS, SECTION_HEADINGS

if TYPE_CHECKING:
    from careers_cli import filters


def open_catalogue(data_dirs: Sequence[Path] = (), builtin: bool = True, use_cache: bool = True) -> Catalogue:
    """The catalogue for this run: built-in roles, CAREERS_DATA_DIR, then --data-dir folders."""
    dirs = [*env_role_dirs(), *data_dirs]
    catalogue = Catalogue.open(role_dirs=dirs, builtin_roles=builtin, use_cache=use_cache)
    catalogue.suggest = lambda slug: _suggest_slugs(catalogue, slug)
    return catalogue


def _suggest_slugs(catalogue: Catalogue, slug: str) -> list[str]:
    from careers_cli.search import suggest_slugs  # only on the error path

    return suggest_slugs(slug, catalogue.index(), catalogue.synonyms)


def origin(path: str | Path) -> str:
    """'built-in' for a role file of the package, else the file's path."""
    return "built-in" if is_builtin(path) else str(path)


def area_key(catalogue: Catalogue, text: str) -> str:
    """The key of an area given by key or name, any case."""
    wanted = text.strip().lower()
    for key, area in catalogue.areas.items():
        if wanted in (key, area.name.lower()):
            return key
    raise NotFound("area", text, list(catalogue.areas))


def section_keys(names: Sequence[str]) -> set[str]:
    """Section keys for names a user typed: 'pay', 'Working life', 'where-the-role-can-lead'."""
    known = [*SECTION_HEADINGS, *EXTRA_SECTIONS]
    headings = {_norm(h): k for k, h in SECTION_HEADINGS.items()}
    keys = set()
    for name in names:
        norm = _norm(name)
        exact = norm if norm in known else headings.get(norm)
        starts = [k for k in known if k.startswith(norm)] if norm else []
        if exact is None and len(starts) != 1:
            raise NotFound("section", name, [k.replace("_", "-") for k in known])
        keys.add(exact or starts[0])
    return keys


def _norm(name: str) -> str:
    import re

    return re.sub(r"[^a-z]+", "_", name.lower()).strip("_")


def show(
    catalogue: Catalogue, slug: str, sections: Sequence[str] = (), format_: str = "text", json_out: bool = False
) -> None:
    wanted = section_keys(list(sections)) if sections else None
    if format_ not in ("text", "markdown"):
        raise UsageError(f"No format '{format_}'. Choose from: text, markdown (or use --json)")
    role = catalogue.get(slug)
    if json_out:
        render.print_json(jsonout.role(role))
        return
    titles = {s: found.title for s in role.related if (found := catalogue.find(s))}
    if format_ == "markdown":
        render.write(render.role_markdown(role, titles, wanted, origin(role.path)))
    else:
        render.show_role(role, titles, wanted, origin(role.path))


def search(
    catalogue: Catalogue,
    query: str,
    limit: int = 10,
    area: str | None = None,
    band: str | None = None,
    entry: Sequence[str] = (),
    json_out: bool = False,
) -> None:
    from careers_cli import search as finder

    index = catalogue.index()
    keep = role_filter(catalogue, area, band, entry)
    if not query.strip() and not keep.active:
        raise UsageError("Give words to search for, or a filter such as --band 3-5, --entry apprenticeship or --area")
    ranked = finder.find(index, query, limit, keep if keep.active else None, catalogue.synonyms)
    hits = finder.hits(ranked, catalogue.find)
    warn_skipped(catalogue)
    if json_out:
        render.print_json([jsonout.hit(h) for h in hits])
    elif hits:
        render.search_table(hits, catalogue.areas, catalogue.scales)
    else:
        render.warn(f"No roles match '{query}'. Try fewer or different words, or `careers list`.")


def role_filter(catalogue: Catalogue, area: str | None, band: str | None, entry: Sequence[str]) -> filters.Filter:
    from careers_cli import filters

    orders = [[b.key for b in scale.bands] for scale in catalogue.scales.values()]
    return filters.Filter(
        area=area_key(catalogue, area) if area else None,
        bands=filters.band_range(band, *orders) if band else None,
        entry_routes=filters.entry_routes(list(entry)),
    )


def warn_skipped(catalogue: Catalogue) -> None:
    broken = catalogue.skipped()
    if broken:
        render.warn(f"{broken[0]} (role skipped; run `careers validate` for all {len(broken)} problems)")
