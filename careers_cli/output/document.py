"""Markdown documents parsed once, for the formats that render them: html and plain.

markdown-it-py comes with Rich; it is imported here only, so only those formats pay for it. Raw
HTML in a document is never passed through: role text reaches the parser escaped (markdown.md),
and the parser is told to treat any HTML left as text.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


@cache
def parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable("table")


def tokens(markdown: str) -> list[Token]:
    return parser().parse(markdown)


def inline_text(token: Token) -> str:
    """An inline token's words without Markdown: emphasis dropped, a link's address after its
    text when the two differ, code as its content."""
    words: list[str] = []
    href = ""
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            words.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            words.append(" ")
        elif child.type == "link_open":
            href = str(child.attrs.get("href", ""))
            start = len(words)
        elif child.type == "link_close" and href:
            if "".join(words[start:]) != href:
                words.append(f" <{href}>")
            href = ""
    return "".join(words)


def title(markdown: str) -> str:
    """The text of a document's first heading (an HTML page's title)."""
    found: list[Any] = tokens(markdown)
    for i, token in enumerate(found):
        if token.type == "heading_open" and i + 1 < len(found):
            return inline_text(found[i + 1])
    return "careers"
