"""Search quality over the evaluation set (tests/eval/queries.tsv); figures via bench/search_eval.py."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

from search_eval import QUERIES, cases, evaluate, figures

HOLDOUT = QUERIES.with_name("holdout.tsv")


def test_the_set_is_large_and_points_at_real_roles() -> None:
    from careers_cli.catalogue import Catalogue

    found = cases()
    assert len(found) >= 60
    slugs = set(Catalogue.open(role_dirs=[]).files)
    assert {c.expected for c in found} <= slugs
    assert {c.expected for c in cases(HOLDOUT)} <= slugs
    assert not {c.query for c in found} & {c.query for c in cases(HOLDOUT)}
    assert {c.kind for c in found} == {"exact", "prefix", "typo", "abbreviation", "lay", "multi", "section"}


def test_precision_at_1_and_recall_at_3() -> None:
    # The aim was P@1 >= 0.95 and R@3 = 1.0 (0.958 and 0.988 reached). The content audit of
    # December 2026 took out alternative titles no page uses ('Heart doctor', 'ICU', ...), which
    # some lay queries had matched: 0.929 and 0.983 since; with 218 roles, 0.913 and 0.971 (new
    # roles now outrank the one a query was written for, sometimes rightly: 'CBT' finds the CBT
    # therapist). With issue 15's ranking and plain words: 0.94 and 1.0; 0.96 and 1.0 after its
    # third round.
    precision, recall = figures(evaluate())
    assert precision >= 0.955
    assert recall >= 0.99


def test_the_holdout_queries_do_not_get_worse() -> None:
    # Written before the last round of tuning, so lower than the main set: this only catches a
    # ranking change that makes search worse for them (0.67 and 0.83 when written, 0.80 and 0.83
    # after tuning, 0.73 and 0.87 after the content audit removed unsupported alternative titles,
    # 0.53 and 0.80 with 218 roles, where several queries now find a new, closer role first;
    # 0.63 and 0.93 with issue 15's ranking and plain words, 0.67 and 0.97 after its second round,
    # 0.80 and 0.97 after the third).
    precision, recall = figures(evaluate(HOLDOUT))
    assert precision >= 0.795
    assert recall >= 0.965


NEW_ROLES = QUERIES.with_name("new-roles.tsv")


def test_the_queries_for_the_new_roles_do_not_get_worse() -> None:
    # 120 queries written blind for the roles added on 2 December 2026 (from titles and summaries
    # only), before any ranking change: 0.82 and 0.95 when written; 1.0 and 1.0 after issue 15.
    # Never tuned for: the honest figure for the new part of the catalogue.
    found = cases(NEW_ROLES)
    assert len(found) == 120
    precision, recall = figures(evaluate(NEW_ROLES))
    assert precision >= 0.99
    assert recall >= 0.99


BLIND = QUERIES.with_name("blind.tsv")
UNTOUCHED = QUERIES.with_name("blind-untouched.tsv")


def test_the_blind_sets_cover_the_catalogue_and_never_overlap() -> None:
    from careers_cli.catalogue import Catalogue

    tuning, untouched = cases(BLIND), cases(UNTOUCHED)
    assert len(tuning) + len(untouched) >= 300
    assert not {c.query.lower() for c in tuning} & {c.query.lower() for c in untouched}
    slugs = set(Catalogue.open(role_dirs=[]).files)
    answers = {s for c in tuning + untouched for s in c.answers}
    assert answers <= slugs
    assert len({c.expected for c in tuning + untouched}) >= 220  # nearly every role is an answer
    kinds = {"exact", "typo", "abbreviation", "lay", "multi", "filter"}
    assert {c.kind for c in tuning} == {c.kind for c in untouched} == kinds


def test_the_blind_queries_used_while_tuning() -> None:
    # 240 queries written blind for issue 15, before any change: 0.65 and 0.78 before, 0.90 and
    # 0.97 after the first round of tuning, 0.92 and 0.97 after the second, 0.93 and 0.98 after the
    # third (their misses were in view while tuning).
    precision, recall = figures(evaluate(BLIND))
    assert precision >= 0.925
    assert recall >= 0.98


def test_the_untouched_blind_queries() -> None:
    # 116 queries nobody looked at while tuning: 0.61 and 0.76 before issue 15's changes. The
    # figure after is in the README; this only stops it getting worse.
    precision, recall = figures(evaluate(UNTOUCHED))
    assert precision >= UNTOUCHED_FLOOR[0]
    assert recall >= UNTOUCHED_FLOOR[1]


# Measured six times, never looked into: 0.76 and 0.92 midway, 0.78 and 0.90 after tuning,
# 0.78 and 0.91 after a second round of plain words, 0.79 and 0.92 after the second blind set was
# written, 0.83 and 0.93 at the end of the second round of tuning, 0.84 and 0.93 at the end of the
# third.
UNTOUCHED_FLOOR = (0.835, 0.93)


BLIND2 = QUERIES.with_name("blind2.tsv")
UNTOUCHED2 = QUERIES.with_name("blind2-untouched.tsv")


def test_the_second_blind_set_is_apart_from_every_other_set() -> None:
    tuning, untouched = cases(BLIND2), cases(UNTOUCHED2)
    assert (len(tuning), len(untouched)) == (206, 93)
    others = {c.query.lower() for f in (QUERIES, HOLDOUT, NEW_ROLES, BLIND, UNTOUCHED) for c in cases(f)}
    assert not {c.query.lower() for c in tuning + untouched} & others
    assert not {c.query.lower() for c in tuning} & {c.query.lower() for c in untouched}


def test_the_second_blind_set() -> None:
    # 299 queries written blind on 2 December 2026, after the first round of tuning, split by a
    # hash of the query. Before the second round: 0.84 and 0.95 on the 206 used while tuning, 0.85
    # and 0.98 on the 93 never looked into; after it, 0.91 and 0.97, and 0.85 and 0.98 (measured
    # three times: 0.85 and 0.99, 0.84 and 0.98, 0.85 and 0.98). After the third round: 0.96 and
    # 0.98, and 0.87 and 0.97 (one query fewer in the top three than before it).
    precision, recall = figures(evaluate(BLIND2))
    assert precision >= 0.955
    assert recall >= 0.98
    precision, recall = figures(evaluate(UNTOUCHED2))
    assert precision >= 0.87
    assert recall >= 0.965


BLIND3 = QUERIES.with_name("blind3-untouched.tsv")


def test_the_third_blind_set_measured_once() -> None:
    # 120 queries written blind at the end of the second round of tuning and measured once, never
    # looked into: 0.89 and 0.94 with the ranking and content before that round, 0.90 and 0.97
    # after it, 0.93 and 0.97 after the third round. Apart from every other set.
    found = cases(BLIND3)
    assert len(found) == 120
    others = {
        c.query.lower() for f in (QUERIES, HOLDOUT, NEW_ROLES, BLIND, UNTOUCHED, BLIND2, UNTOUCHED2) for c in cases(f)
    }
    assert not {c.query.lower() for c in found} & others
    precision, recall = figures(evaluate(BLIND3))
    assert precision >= 0.92
    assert recall >= 0.97


BLIND4 = QUERIES.with_name("blind4.tsv")
UNTOUCHED4 = QUERIES.with_name("blind4-untouched.tsv")
BLIND5 = QUERIES.with_name("blind5.tsv")
UNTOUCHED5 = QUERIES.with_name("blind5-untouched.tsv")
EARLIER = (QUERIES, HOLDOUT, NEW_ROLES, BLIND, UNTOUCHED, BLIND2, UNTOUCHED2, BLIND3)


def test_the_fourth_and_fifth_blind_sets_are_apart_from_every_other_set() -> None:
    from careers_cli.catalogue import Catalogue

    fourth, fifth = cases(BLIND4) + cases(UNTOUCHED4), cases(BLIND5) + cases(UNTOUCHED5)
    assert (len(cases(BLIND4)), len(cases(UNTOUCHED4)), len(cases(BLIND5)), len(cases(UNTOUCHED5))) == (
        113,
        129,
        90,
        88,
    )
    earlier = {c.query.lower() for f in EARLIER for c in cases(f)}
    assert not {c.query.lower() for c in fourth} & earlier
    assert not {c.query.lower() for c in fifth} & (earlier | {c.query.lower() for c in fourth})
    for tuning, untouched in ((BLIND4, UNTOUCHED4), (BLIND5, UNTOUCHED5)):
        assert not {c.query.lower() for c in cases(tuning)} & {c.query.lower() for c in cases(untouched)}
    slugs = set(Catalogue.open(role_dirs=[]).files)
    assert {s for c in fourth + fifth for s in c.answers} <= slugs


def test_the_fourth_blind_set() -> None:
    # 242 queries written blind in the third round of tuning, split by a hash of the query. Before
    # that round: 0.79 and 0.94 on the 113 looked into, 0.81 and 0.88 on the 129 never looked into;
    # after it, 0.85 and 0.96, and 0.84 and 0.90.
    precision, recall = figures(evaluate(BLIND4))
    assert precision >= 0.845
    assert recall >= 0.955
    precision, recall = figures(evaluate(UNTOUCHED4))
    assert precision >= 0.84
    assert recall >= 0.895


def test_the_fifth_blind_set() -> None:
    # 178 misspelt, abbreviated and informal queries written blind in the third round, split by a
    # hash. Before that round's changes: 0.84 and 0.90 on the 90 looked into, 0.85 and 0.94 on the
    # 88 never looked into; after them, 0.88 and 0.93, and 0.83 and 0.94.
    precision, recall = figures(evaluate(BLIND5))
    assert precision >= 0.875
    assert recall >= 0.93
    precision, recall = figures(evaluate(UNTOUCHED5))
    assert precision >= 0.825
    assert recall >= 0.94
