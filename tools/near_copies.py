#!/usr/bin/env python3
"""Find sentences and list items of role files that keep a source's wording.

    python tools/near_copies.py EXCERPTS [ROLE_FILE ...]     (default: data/roles/*.yaml)

EXCERPTS is a folder of saved source text, one file per role named SLUG.txt (its first line may
be the page's address). Each sentence and list item of a role file's summary and sections is
compared with each sentence of its excerpt, as words: it is reported when it is as long as
MIN_WORDS and shares at least RATIO of its words, in order, with one source sentence (a copy
with a word or two swapped still shares most), or when it shares a run of RUN words or more
(what a 10-word check misses in short items). Prints FILE: near-copy (SCORE): ITEM <- SOURCE
and exits 1 if there is any. The 10-word check of ../shared/tools/verbatim.py finds long
copies; this one finds the short ones.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from difflib import SequenceMatcher
from pathlib import Path

import yaml

MIN_WORDS = 5
RATIO = 0.75
RUN = 7  # ...or shares this many words in a row, and half its words


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def units(text: str) -> list[str]:
    """Sentences of a text (a list item is one unit); in an excerpt, each line, quoted passage
    and ' / '-separated list item too."""
    parts = re.split(r'(?<=[.!?;:])\s+|\n|"\s*"|\s/\s|^"|"$', text)
    return [u.strip(' "') for u in parts if u and u.strip(' "')]


def role_units(role: dict) -> Iterator[str]:  # type: ignore[type-arg]
    yield from units(role.get("summary") or "")
    for value in (role.get("sections") or {}).values():
        if isinstance(value, str):
            yield from units(value)
        elif isinstance(value, list):
            yield from (str(v) for v in value)
        elif isinstance(value, dict):
            yield from units(value.get("text") or "")
            yield from (str(v) for v in value.get("items") or [])


def longest_run(a: list[str], b: list[str]) -> int:
    match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return match.size


STOP = frozenset(
    "a an and are as at be by for from in is it of on or that the their they this to with you your".split()
)


def content(ws: list[str]) -> set[str]:
    """The words that carry meaning, plural and singular alike (kinds = kind)."""
    return {w[:-1] if w.endswith("s") and len(w) > 3 else w for w in ws if w not in STOP}


def score(mine: list[str], theirs: list[str]) -> float:
    """How much of my wording is theirs: the share of my words found in order in their sentence,
    or of my meaningful words found in it in any order (a copy with words swapped around)."""
    in_order = sum(b.size for b in SequenceMatcher(None, mine, theirs, autojunk=False).get_matching_blocks())
    kept = content(mine)
    any_order = len(kept & content(theirs)) / len(kept) if len(kept) >= 4 else 0.0
    return max(in_order / len(mine), any_order)


def near_copies(role: dict, excerpt: str) -> Iterator[tuple[float, str, str]]:  # type: ignore[type-arg]
    sources = [(s, words(s)) for s in units(excerpt)]
    for unit in role_units(role):
        mine = words(unit)
        if len(mine) < MIN_WORDS:
            continue
        best = max(((score(mine, w), s, longest_run(mine, w)) for s, w in sources if w), default=None)
        # A shared run alone may be a long name (Royal College of Surgeons of England): it counts
        # when much of the rest is shared too.
        if best and (best[0] >= RATIO or (best[2] >= RUN and best[0] >= 0.5)):
            yield best[0], unit, best[1]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("excerpts", type=Path)
    parser.add_argument("files", type=Path, nargs="*")
    args = parser.parse_args(argv)
    files = args.files or sorted(Path("data/roles").glob("*.yaml"))
    found = 0
    for path in files:
        excerpt = args.excerpts / f"{path.stem}.txt"
        if not excerpt.is_file():
            continue
        role = yaml.safe_load(path.read_text(encoding="utf-8"))
        for ratio, unit, source in near_copies(role, excerpt.read_text(encoding="utf-8")):
            found += 1
            print(f"{path}: near-copy ({ratio:.2f}): {unit!r} <- {source!r}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
