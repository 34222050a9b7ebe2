"""The html format: each Markdown document (markdown.DOCUMENTS) as one standalone page to print,
send or open in a browser, with headings, lists and tables a screen reader can move through."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from careers_cli import __version__
from careers_cli.output.document import parser, title
from careers_cli.output.markdown import formatters

if TYPE_CHECKING:
    from careers_cli.output import Formatters

STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;"
    "line-height:1.5;color:#111;background:#fff}"
    "table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #888;padding:.3rem .6rem;"
    "text-align:left;vertical-align:top}td[style*=right]{text-align:right}"
    "@media print{body{margin:0;max-width:none}a{color:inherit}}"
)


def page(markdown: str) -> str:
    """A whole HTML page for one document; its title is the document's first heading."""
    body = parser().render(markdown)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="careers {__version__}">\n'
        f"<title>{html.escape(title(markdown))}</title>\n<style>{STYLE}</style>\n</head>\n"
        f"<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )


FORMATTERS: Formatters = formatters(lambda markdown, _out: page(markdown))
