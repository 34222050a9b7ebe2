"""Search quality over the evaluation set (tests/eval/queries.tsv); figures via bench/search_eval.py."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from search_eval import cases, evaluate, figures


def test_the_set_is_large_and_points_at_real_roles() -> None:
    from careers_cli.catalogue import Catalogue

    found = cases()
    assert len(found) >= 60
    slugs = set(Catalogue.open(role_dirs=[]).files)
    assert {c.expected for c in found} <= slugs
    assert {c.kind for c in found} == {"exact", "prefix", "typo", "abbreviation", "lay", "multi", "section"}


def test_precision_at_1_and_recall_at_3() -> None:
    precision, recall = figures(evaluate())
    assert precision >= 0.95
    assert recall == 1.0
