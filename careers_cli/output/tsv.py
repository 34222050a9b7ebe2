"""The TSV format: one role a line, tab-separated, for `cut`, `sort` and spreadsheets.

`list` uses it whenever stdout is not a terminal."""

from __future__ import annotations

from typing import TYPE_CHECKING

from careers_cli.visible import one_line

if TYPE_CHECKING:
    from careers_cli.commands.list_roles import Listed
    from careers_cli.output import Formatters, Sink


def role_list(result: Listed, out: Sink) -> None:
    """slug, title, area, subarea and bands (and with --source, where the role comes from)."""
    sources = result.origins
    for r in result.roles:
        fields = [r.slug, r.title, r.area, r.subarea or "", ",".join(r.bands)]
        fields += [sources[r.slug]] if sources else []
        out.write("\t".join(one_line(f) for f in fields) + "\n")  # a tab or newline in a title shows as a code


FORMATTERS: Formatters = {"list": role_list}
