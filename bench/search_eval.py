#!/usr/bin/env python3
"""Search quality over an evaluation file: precision at 1, recall at 3 and mean reciprocal rank.

    python bench/search_eval.py [--show-misses] [--file QUERIES.tsv ...]

Each line of a file is a query as a person would type it, the slug that should rank first, the
kind of query (exact, prefix, typo, abbreviation, lay, multi, section, filter), and optionally
other slugs that are equally good answers, comma-separated. A query is "first" when the top
result is the expected role or an equally good one. Queries run through `careers search` itself
(filter phrases included), over the built-in roles. Prints the figures per kind and overall.
Queries are written before tuning; add new ones, never edit them to pass.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

EVAL = Path(__file__).resolve().parent.parent / "tests" / "eval"
QUERIES = EVAL / "queries.tsv"


@dataclass(frozen=True)
class Case:
    query: str
    expected: str
    kind: str
    also: tuple[str, ...] = ()

    @property
    def answers(self) -> frozenset[str]:
        return frozenset((self.expected, *self.also))


@dataclass(frozen=True)
class Outcome:
    case: Case
    ranked: list[str]  # the first ten slugs

    @property
    def first(self) -> bool:
        return bool(self.ranked) and self.ranked[0] in self.case.answers

    @property
    def in_three(self) -> bool:
        return not self.case.answers.isdisjoint(self.ranked[:3])

    @property
    def reciprocal_rank(self) -> float:
        return next((1 / (i + 1) for i, slug in enumerate(self.ranked) if slug in self.case.answers), 0.0)


def cases(path: Path = QUERIES) -> list[Case]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = line.split("\t")
        if not row[0] or row[0].startswith("#"):
            continue
        also = tuple(s.strip() for s in row[3].split(",") if s.strip()) if len(row) > 3 else ()
        out.append(Case(row[0], row[1], row[2], also))
    return out


def evaluate(path: Path = QUERIES) -> list[Outcome]:
    from careers_cli.catalogue import Catalogue
    from careers_cli.commands import search

    catalogue = Catalogue.open(role_dirs=[])
    outcomes = []
    for case in cases(path):
        found = search.run(catalogue, case.query, limit=10)
        outcomes.append(Outcome(case, [h.role.slug for h in found.hits]))
    return outcomes


def figures(outcomes: list[Outcome]) -> tuple[float, float]:
    n = len(outcomes)
    return sum(o.first for o in outcomes) / n, sum(o.in_three for o in outcomes) / n


def mrr(outcomes: list[Outcome]) -> float:
    return sum(o.reciprocal_rank for o in outcomes) / len(outcomes)


def table(outcomes: list[Outcome]) -> list[str]:
    by_kind: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        by_kind[o.case.kind].append(o)
    lines = [f"{'kind':<14} {'queries':>7} {'P@1':>6} {'R@3':>6} {'MRR':>6}"]
    for kind, group in [*sorted(by_kind.items()), ("all", outcomes)]:
        p1, r3 = figures(group)
        lines.append(f"{kind:<14} {len(group):>7} {p1:>6.2f} {r3:>6.2f} {mrr(group):>6.2f}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show-misses", action="store_true")
    parser.add_argument("--file", type=Path, nargs="+", default=[QUERIES], help="query files of the same form")
    args = parser.parse_args()
    for path in args.file:
        outcomes = evaluate(path)
        if len(args.file) > 1:
            print(f"\n{path.name}")
        print("\n".join(table(outcomes)))
        if args.show_misses:
            for o in outcomes:
                if not o.first:
                    print(f"miss: {o.case.query!r} -> {o.ranked[:3]} (want {o.case.expected})")


if __name__ == "__main__":
    main()
