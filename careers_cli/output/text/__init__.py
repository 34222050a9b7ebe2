"""The text format: what a person reads in a terminal (Rich), with plain text in a pipe.

FORMATTERS maps each result kind to the function that writes it, named as "module:function"
of this package so that a run imports only the module it prints with; Rich's tables and trees
are imported inside the functions that draw them. Every import is paid on each start of `show`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from careers_cli.visible import one_line

if TYPE_CHECKING:
    from careers_cli.commands.new import Written
    from careers_cli.commands.schema import Schema
    from careers_cli.commands.validate import Checked
    from careers_cli.output import Formatters, Sink


def problems(result: Checked, out: Sink) -> None:
    """One line per problem (grep- and editor-friendly); the count is a note on stderr."""
    for p in result.problems:
        out.print(Text(one_line(str(p))), soft_wrap=True)


def written(result: Written, out: Sink) -> None:
    out.write(f"{one_line(str(result.path))}\n")  # --dir is the user's: shown, never sent raw


def schema(result: Schema, out: Sink) -> None:
    out.write(result.text)


FORMATTERS: Formatters = {
    "show": "roles:show",
    "search": "lists:search",
    "list": "lists:role_list",
    "areas": "lists:areas",
    "tree": "routes:tree",
    "routes": "routes:routes",
    "compare": "pay:compare",
    "pay": "pay:pay_scale",
    "band": "pay:band_roles",
    "sources": "sources:role_sources",
    "source-list": "sources:all_sources",
    "match": "explore:match",
    "start": "explore:start",
    "shortlist": "explore:shortlist",
    "shortlist-export": "explore:exported",
    "validate": problems,
    "new": written,
    "schema": schema,
}
