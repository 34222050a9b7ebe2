"""The interest match: a person's answers to the 48 questions as six scores, and the roles whose
interest profiles are most alike. Pure; never prints.

Answers are one digit per question in the order they are asked (`asked_order`): 1 dislike a
lot, 2 dislike, 3 not sure, 4 like, 5 like a lot, 0 skipped. A person's score for a type is the
mean of their answers to its eight questions. Roles are ranked by how alike the shapes of the
two profiles are (Pearson's correlation over the six types: what matters is which types stand
out, not how keen someone is overall), and each result says which of the person's strongest
interests the role shares and which answers weighed most.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import msgspec

from careers_cli.errors import UsageError
from careers_cli.index import Summary
from careers_cli.models import INTEREST_TYPES, InterestItem

LIKES = {1: "dislike a lot", 2: "dislike", 3: "not sure", 4: "like", 5: "like a lot"}


def asked_order(items: Sequence[InterestItem]) -> list[InterestItem]:
    """The questions as asked: one of each type in turn (R1 I1 A1 S1 E1 C1 R2 ...), so that no
    run of questions is about one kind of work."""
    by_type = {t: [i for i in items if i.type == t] for t in INTEREST_TYPES}
    rounds = max((len(v) for v in by_type.values()), default=0)
    return [by_type[t][n] for n in range(rounds) for t in INTEREST_TYPES if n < len(by_type[t])]


def parse_answers(text: str, count: int) -> tuple[int, ...]:
    """An answer string ('5421...'): exactly `count` digits from 0 to 5 (spaces ignored)."""
    digits = "".join(text.split())
    wrong = next((i for i, c in enumerate(digits) if c not in "012345"), None)
    if wrong is not None:
        raise UsageError(
            f"Answer {wrong + 1} is '{digits[wrong]}': each answer is a digit, 1 (dislike a lot) to 5 "
            "(like a lot), or 0 for a question skipped"
        )
    if len(digits) != count:
        raise UsageError(
            f"Expected {count} answers, one digit per question, got {len(digits)}; "
            "run `careers match` in a terminal to answer the questions"
        )
    answers = tuple(int(c) for c in digits)
    if not any(answers):
        raise UsageError("Every question was skipped; answer some of them (1 to 5) to get a match")
    return answers


def answer_string(answers: Sequence[int]) -> str:
    return "".join(str(a) for a in answers)


class Profile(msgspec.Struct, frozen=True):
    """A person's six scores (the mean answer, 1 to 5; None when every question of a type was
    skipped) and how many questions were answered."""

    scores: tuple[float | None, ...]
    answered: int

    def top(self, n: int = 2) -> list[str]:
        """The person's strongest types, best first (only those liked: a mean above 3)."""
        known = [(s, i) for i, s in enumerate(self.scores) if s is not None and s > 3]
        return [INTEREST_TYPES[i] for s, i in sorted(known, key=lambda p: (-p[0], p[1]))[:n]]


def profile(answers: Sequence[int], asked: Sequence[InterestItem]) -> Profile:
    sums = dict.fromkeys(INTEREST_TYPES, 0)
    counts = dict.fromkeys(INTEREST_TYPES, 0)
    for answer, item in zip(answers, asked, strict=True):
        if answer:
            sums[item.type] += answer
            counts[item.type] += 1
    scores = tuple(sums[t] / counts[t] if counts[t] else None for t in INTEREST_TYPES)
    return Profile(scores, sum(counts.values()))


class Suggestion(msgspec.Struct, frozen=True):
    doc: Summary
    fit: float  # Pearson's r between the profiles, -1 to 1
    shared: tuple[str, ...]  # the person's strongest types that are among the role's strongest
    liked: tuple[str, ...]  # the keys of the answers that weighed most for this role


def suggest(
    person: Profile, answers: Sequence[int], asked: Sequence[InterestItem], docs: Sequence[Summary], most: int = 10
) -> list[Suggestion]:
    """The roles with a profile, most alike first (ties by title)."""
    known = [i for i, s in enumerate(person.scores) if s is not None]
    if len(known) < 2:
        raise UsageError("Answer questions about at least two kinds of work to get a match")
    mine = [person.scores[i] or 0.0 for i in known]
    fits = []
    for doc in docs:
        if len(doc.interests) != len(INTEREST_TYPES):
            continue
        theirs = [float(doc.interests[i]) for i in known]
        fits.append((_pearson(mine, theirs), doc))
    fits.sort(key=lambda f: (-f[0], f[1].title.lower()))
    return [_suggestion(person, answers, asked, doc, fit) for fit, doc in fits[:most]]


def _suggestion(
    person: Profile, answers: Sequence[int], asked: Sequence[InterestItem], doc: Summary, fit: float
) -> Suggestion:
    strongest = role_top(doc)
    shared = tuple(t for t in person.top(3) if t in strongest)
    # The answers that weighed most: the questions of the role's strongest types the person
    # liked best (at least "like"), the most liked first.
    weighed = sorted(
        (
            (-a, strongest.index(item.type), n, item.key)
            for n, (a, item) in enumerate(zip(answers, asked, strict=True))
            if a >= 4 and item.type in strongest
        ),
    )
    return Suggestion(doc, round(fit, 3), shared, tuple(key for *_, key in weighed[:2]))


def role_top(doc: Summary, n: int = 2) -> list[str]:
    """A role's strongest types, best first (ties in the order R I A S E C)."""
    ranked = sorted(range(len(doc.interests)), key=lambda i: (-doc.interests[i], i))
    return [INTEREST_TYPES[i] for i in ranked[:n]]


def holland_code(scores: Sequence[float | int | None], n: int = 3) -> str:
    known = [(s, i) for i, s in enumerate(scores) if s is not None]
    return "".join(INTEREST_TYPES[i] for s, i in sorted(known, key=lambda p: (-p[0], p[1]))[:n])


def _pearson(a: Sequence[float], b: Sequence[float]) -> float:
    mean_a, mean_b = sum(a) / len(a), sum(b) / len(b)
    da, db = [x - mean_a for x in a], [y - mean_b for y in b]
    spread = math.sqrt(sum(x * x for x in da) * sum(y * y for y in db))
    return sum(x * y for x, y in zip(da, db, strict=True)) / spread if spread else 0.0
