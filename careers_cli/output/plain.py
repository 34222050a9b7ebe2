"""The plain layout, for screen readers and anyone who wants text without drawing: the same
documents as markdown.py, as lines of words. Headings are lines of their own, lists are lines
(numbered where the order means something, indented two spaces a level), a table becomes one
line per fact, and nothing is drawn: no boxes, bars, tree guides or columns that a screen reader
would read out or lose. Lines are not wrapped: a screen reader moves line by line, and a
sentence cut in two by a hard wrap is read as two; the terminal wraps them for the eye.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from careers_cli.output.document import inline_text, tokens
from careers_cli.output.markdown import formatters

if TYPE_CHECKING:
    from markdown_it.token import Token

    from careers_cli.output import Formatters


def plain(markdown: str) -> str:
    """A Markdown document as plain lines."""
    found = tokens(markdown)
    lines: list[str] = []
    depth, numbers, i = 0, [0], 0
    while i < len(found):
        token = found[i]
        if token.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
            numbers.append(0 if token.type == "ordered_list_open" else -1)
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
            numbers.pop()
            if depth == 0:
                lines.append("")
        elif token.type == "list_item_open" and numbers[-1] >= 0:
            numbers[-1] += 1
        elif token.type == "table_open":
            i = _table(found, i, lines)
        elif token.type == "inline":
            lines += _block(found, i, depth, numbers[-1])
        i += 1
    return "\n".join(lines).strip() + "\n"


def _block(found: list[Token], i: int, depth: int, number: int) -> list[str]:
    """A heading, paragraph or list item as one line; headings and paragraphs end in a blank line."""
    text = inline_text(found[i])
    heading = i > 0 and found[i - 1].type == "heading_open"
    indent = "  " * max(depth - 1, 0)
    numbered = depth and number > 0 and found[i - 2].type == "list_item_open"
    line = f"{indent}{number}. {text}" if numbered else indent + text
    return [line, ""] if heading or not depth else [line]


def _table(found: list[Token], i: int, lines: list[str]) -> int:
    """A table as lines. With an empty corner (compare: facts down, roles across) each column
    becomes a block of 'fact: value' lines under its heading; otherwise each row is one line,
    'first cell: header value, header value'. Returns the index of the table's end."""
    rows: list[list[str]] = [[]]
    while found[i].type != "table_close":
        if found[i].type == "tr_close":
            rows.append([])
        elif found[i].type == "inline":
            rows[-1].append(inline_text(found[i]))
        i += 1
    head, body = rows[0], [r for r in rows[1:] if r]
    if head and not head[0]:
        for column in range(1, len(head)):
            lines += [head[column], ""]
            for row in body:
                lines.append(f"{row[0]}: {row[column]}")
            lines.append("")
    else:
        for row in body:
            cells = ", ".join(f"{name.lower()} {value}" for name, value in zip(head[1:], row[1:], strict=False))
            lines.append(f"{head[0]} {row[0]}: {cells}")
        lines.append("")
    return i


FORMATTERS: Formatters = formatters(lambda markdown, _out: plain(markdown))
