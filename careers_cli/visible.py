"""Untrusted text made safe to show: nothing in it can act on a terminal or hide itself.

Control characters (escape sequences among them) become `\\x1b`-style codes; bidirectional
overrides, zero-width characters and other invisible format characters become `\\u202e`-style
codes, so that what a role file or an argument holds is what a person sees. Used by every
message that repeats a value and by every format that prints role text.
"""

from __future__ import annotations

import re

_HIDDEN = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2069\ufeff]"
)
_LINE_BREAKS = str.maketrans({"\t": "\\x09", "\n": "\\x0a", "\r": "\\x0d"})


def visible(text: str) -> str:
    """Text with control and invisible characters shown as codes; tabs and newlines kept."""
    if text.isprintable():  # nearly always: C speed, and no control or format character is printable
        return text
    return _HIDDEN.sub(_code, text)


def one_line(text: str, limit: int = 0) -> str:
    """Text for one line of a message or a table cell: tabs and newlines shown as codes too,
    and (with a limit) cut to that many characters with '...', so a huge value is not repeated."""
    shown = text if text.isprintable() else visible(text).translate(_LINE_BREAKS)
    return shown if not limit or len(shown) <= limit else shown[: max(limit - 3, 1)] + "..."


def _code(m: re.Match[str]) -> str:
    n = ord(m[0])
    return f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}"
