#!/usr/bin/env python3
"""Interest-match quality over tests/eval/personas.tsv, as `careers match` gives it.

    python bench/match_eval.py [--show] [--file PERSONAS.tsv]

Each line is a persona, the answers they would give (48 digits in the order asked, 0 for a
question skipped), the areas and the roles such a person would welcome near the top. Prints,
over all personas: how often a welcome role is among the first ten suggestions (role hit@10),
how often one of the first five is in a welcome area (area hit@5), the share of the first ten
in a welcome area, and the mean reciprocal rank of the first welcome role. Personas are written
before tuning; never edit one to make it pass.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

PERSONAS = Path(__file__).resolve().parent.parent / "tests" / "eval" / "personas.tsv"


@dataclass(frozen=True)
class Persona:
    name: str
    answers: str
    areas: frozenset[str]
    roles: frozenset[str]


@dataclass(frozen=True)
class Outcome:
    persona: Persona
    slugs: list[str]
    areas: list[str]

    @property
    def role_hit(self) -> bool:
        return not self.persona.roles.isdisjoint(self.slugs[:10])

    @property
    def area_hit(self) -> bool:
        return not self.persona.areas.isdisjoint(self.areas[:5])

    @property
    def area_share(self) -> float:
        return sum(a in self.persona.areas for a in self.areas[:10]) / max(len(self.areas[:10]), 1)

    @property
    def reciprocal_rank(self) -> float:
        return next((1 / (i + 1) for i, s in enumerate(self.slugs) if s in self.persona.roles), 0.0)


def personas(path: Path = PERSONAS) -> list[Persona]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, answers, areas, roles = line.split("\t")[:4]
        out.append(Persona(name, answers, frozenset(areas.split(",")), frozenset(roles.split(","))))
    return out


def evaluate(path: Path = PERSONAS) -> list[Outcome]:
    from careers_cli.catalogue import Catalogue
    from careers_cli.commands import match

    catalogue = Catalogue.open(role_dirs=[])
    outcomes = []
    for p in personas(path):
        found = match.run(catalogue, p.answers, limit=10)
        outcomes.append(Outcome(p, [s.doc.slug for s in found.suggestions], [s.doc.area for s in found.suggestions]))
    return outcomes


def figures(outcomes: list[Outcome]) -> dict[str, float]:
    n = len(outcomes)
    return {
        "role hit@10": sum(o.role_hit for o in outcomes) / n,
        "area hit@5": sum(o.area_hit for o in outcomes) / n,
        "area share@10": sum(o.area_share for o in outcomes) / n,
        "MRR": sum(o.reciprocal_rank for o in outcomes) / n,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", action="store_true", help="each persona's first five suggestions")
    parser.add_argument("--file", type=Path, default=PERSONAS)
    args = parser.parse_args()
    outcomes = evaluate(args.file)
    print(f"{len(outcomes)} personas")
    for name, value in figures(outcomes).items():
        print(f"{name:<14} {value:.2f}")
    if args.show:
        for o in outcomes:
            mark = "ok " if o.role_hit else "-- "
            print(f"{mark}{o.persona.name}: {', '.join(o.slugs[:5])}")


if __name__ == "__main__":
    main()
