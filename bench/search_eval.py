#!/usr/bin/env python3
"""Search quality over tests/eval/queries.tsv: precision at 1 and recall at 3.

    python bench/search_eval.py [--show-misses] [--file QUERIES.tsv]

Each line of the file is a query as a person would type it, the slug that must rank first, and
the kind of query (exact, prefix, typo, abbreviation, lay, multi, section). Prints the figures
overall and per kind. Queries are written before tuning; add new ones, never edit them to pass.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

QUERIES = Path(__file__).resolve().parent.parent / "tests" / "eval" / "queries.tsv"


@dataclass(frozen=True)
class Case:
    query: str
    expected: str
    kind: str


@dataclass(frozen=True)
class Outcome:
    case: Case
    top3: list[str]

    @property
    def first(self) -> bool:
        return bool(self.top3) and self.top3[0] == self.case.expected

    @property
    def in_three(self) -> bool:
        return self.case.expected in self.top3


def cases(path: Path = QUERIES) -> list[Case]:
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    return [Case(*row) for row in rows if row and row[0] and not row[0].startswith("#")]


def evaluate(path: Path = QUERIES) -> list[Outcome]:
    from careers_cli.catalogue import Catalogue
    from careers_cli.search import find

    catalogue = Catalogue.open(role_dirs=[])
    index = catalogue.index()
    outcomes = []
    for case in cases(path):
        ranked = find(index, case.query, limit=3, synonyms=catalogue.synonyms)
        outcomes.append(Outcome(case, [r.doc.slug for r in ranked]))
    return outcomes


def figures(outcomes: list[Outcome]) -> tuple[float, float]:
    n = len(outcomes)
    return sum(o.first for o in outcomes) / n, sum(o.in_three for o in outcomes) / n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--file", type=Path, default=QUERIES, help="another query file of the same form")
    args = parser.parse_args()
    outcomes = evaluate(args.file)
    by_kind: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        by_kind[o.case.kind].append(o)
    print(f"{'kind':<14} {'queries':>7} {'P@1':>6} {'R@3':>6}")
    for kind, group in sorted(by_kind.items()):
        p1, r3 = figures(group)
        print(f"{kind:<14} {len(group):>7} {p1:>6.2f} {r3:>6.2f}")
    p1, r3 = figures(outcomes)
    print(f"{'all':<14} {len(outcomes):>7} {p1:>6.2f} {r3:>6.2f}")
    if args.show_misses:
        for o in outcomes:
            if not o.first:
                print(f"miss: {o.case.query!r} -> {o.top3} (want {o.case.expected})")


if __name__ == "__main__":
    main()
