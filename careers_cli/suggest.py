"""The one "did you mean": the closest of a set of names, and the words that offer them.

Used for slugs, sections, areas, bands, scales, commands and the keys of a file, so every
suggestion is found the same way and reads the same. rapidfuzz is imported only when a name
was not found: a run that finds what it looks for never pays for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

# Similarity (0 to 100, rapidfuzz's ratio) a name needs to be offered: one typo in four letters
# ('sumary', 'helth-records', 'shw') passes; a different word that shares a few letters does not.
CUTOFF = 75.0


def closest(name: str, choices: Iterable[str], limit: int = 3, cutoff: float = CUTOFF) -> list[str]:
    """The choices most like `name`, best first (ties in the order given); [] if none is close."""
    from rapidfuzz import fuzz, process

    wanted = name.strip().lower()
    if not wanted:
        return []
    found = process.extract(wanted, list(choices), scorer=fuzz.ratio, score_cutoff=cutoff, limit=limit)
    return [choice for choice, _, _ in found]


def did_you_mean(names: Sequence[str], clause: bool = False, quote: bool = False) -> str:
    """'Did you mean: a, b?' to end a message, or with clause=True 'did you mean a, b?' to follow
    a semicolon; quote=True puts each name in quotes, as keys of a file are written."""
    shown = ", ".join(f"'{n}'" if quote else n for n in names)
    return f"did you mean {shown}?" if clause else f"Did you mean: {shown}?"
