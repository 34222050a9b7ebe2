"""What `show` and `search` do, as plain functions of the catalogue and their options.

cli.py calls them from its Typer commands; entry.py calls them directly for the plain forms
`careers show SLUG` and `careers search WORDS`, which then start without Typer and click.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from careers_cli import jsonout, render
from careers_cli.catalogue import Catalogue, env_role_dirs, section_keys
from careers_cli.errors import UsageError

if TYPE_CHECKING:
    from careers_cli import filters


def open_catalogue(data_dirs: Sequence[Path] = (), builtin: bool = True, use_cache: bool = True) -> Catalogue:
    """The catalogue for this run: built-in roles, CAREERS_DATA_DIR, then --data-dir folders."""
    dirs = [*env_role_dirs(), *data_dirs]
    return Catalogue.open(role_dirs=dirs, builtin_roles=builtin, use_cache=use_cache)


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
        render.write(render.role_markdown(role, titles, wanted, catalogue.origin(role.path)))
    else:
        render.show_role(role, titles, wanted, catalogue.origin(role.path))


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
        area=catalogue.area_key(area) if area else None,
        bands=filters.band_range(band, *orders) if band else None,
        entry_routes=filters.entry_routes(list(entry)),
    )


def warn_skipped(catalogue: Catalogue) -> None:
    broken = catalogue.skipped()
    if broken:
        render.warn(f"{broken[0]} (role skipped; run `careers validate` for all {len(broken)} problems)")
