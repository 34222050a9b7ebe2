"""Fuzzy, typo-tolerant ranking of roles. Pure functions; never prints.

Each role is split into weighted fields (title, alternative titles, slug, summary, area, section
text). A query word matches index words exactly, as a prefix, or within a small edit distance;
each query word takes its best weighted match in the role, so the words of a query may hit
different fields. A whole-title comparison lets a title match outrank a passing mention.

The Index (index.py) is plain data, so that the catalogue package can keep it in the cache.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from typing import Any

import msgspec
from rapidfuzz import fuzz, process

from careers_cli.index import FIELDS, STOPWORDS, WEIGHTS, Index, Summary, fields_of, stem, words
from careers_cli.models import Role
from careers_cli.suggest import closest

MIN_SCORE = 40.0


class Ranked(msgspec.Struct, frozen=True):
    """A role's place in the results, before its snippet is made."""

    doc: Summary
    score: float
    field: str
    terms: tuple[str, ...]


class Hit(msgspec.Struct, frozen=True):
    role: Summary
    score: float
    field: str
    snippet: str
    terms: tuple[str, ...]


Match = tuple[float, int, str]  # weighted similarity, field number, index word

SYNONYM_DISCOUNT = 0.95  # a match through a synonym ranks a little below the words typed
MOST_REWRITES = 4


def find(
    index: Index,
    query: str,
    limit: int = 10,
    keep: Callable[[Summary], bool] | None = None,
    synonyms: Sequence[Sequence[str]] = (),
) -> list[Ranked]:
    """Ranked roles for a query and its rewrites through synonyms; filters alone list roles."""
    if not words(query):
        if keep is None:
            return []
        kept = [d for d in index.docs if keep(d)]
        return [Ranked(d, 0.0, "filter", ()) for d in sorted(kept, key=lambda d: d.title.lower())][:limit]
    memo: dict[str, dict[int, Match]] = {}
    best = {r.doc.slug: r for r in rank(index, query, limit, keep, memo)}
    for rewrite in rewrites(query, synonyms)[:MOST_REWRITES]:
        for r in rank(index, rewrite, limit, keep, memo):
            score = round(r.score * SYNONYM_DISCOUNT, 1)
            if r.doc.slug not in best or best[r.doc.slug].score < score:
                best[r.doc.slug] = Ranked(r.doc, score, r.field, r.terms)
    return sorted(best.values(), key=lambda r: (-r.score, r.doc.title.lower()))[:limit]


def rewrites(query: str, synonyms: Sequence[Sequence[str]]) -> list[str]:
    """The query with each synonym phrase it holds replaced by each of its equals."""
    typed = words(query)
    out: list[str] = []
    for group in synonyms:
        members = [words(m) for m in group]
        for member in members:
            at = _find_phrase(typed, member)
            if at is not None:
                out += [
                    " ".join(typed[:at] + other + typed[at + len(member) :]) for other in members if other != member
                ]
                break
    return list(dict.fromkeys(out))


def _find_phrase(typed: list[str], phrase: list[str]) -> int | None:
    for i in range(len(typed) - len(phrase) + 1):
        if typed[i : i + len(phrase)] == phrase:
            return i
    return None


def rank(
    index: Index,
    query: str,
    limit: int = 10,
    keep: Callable[[Summary], bool] | None = None,
    memo: dict[str, dict[int, Match]] | None = None,
) -> list[Ranked]:
    """Roles ranked best first (ties by title); an empty or unmatched query gives [].

    `memo` keeps each query word's matches for the next call: a query and its synonym
    rewrites share most of their words."""
    terms = [stem(w) for w in words(query) if w not in STOPWORDS] or [stem(w) for w in words(query)]
    lowered = query.strip().lower()
    if not terms:
        return []
    memo = {} if memo is None else memo
    per_term = [_matches(index, term, memo) for term in terms]
    # Each document's score is the mean over the query words of its best match for each word
    # (a word it lacks adds nothing). Summed word by word: one pass over each word's matches.
    total: dict[int, float] = {}
    for best in per_term:
        for d, match in best.items():
            total[d] = total.get(d, 0.0) + match[0]
    if keep is not None:
        total = {d: v for d, v in total.items() if keep(index.doc(d))}
    if not total:
        return []
    n = len(terms)
    nothing = (0.0, -1, "")
    score = {d: v / n for d, v in total.items()}
    # A whole-title comparison only counts when it is close (below that it is letter noise). It
    # rescues typos that split a word's stem ('dentsit'); it compares whole strings, because
    # token_set_ratio scores any title whose words are a subset of the query at 100 and so let
    # "Secretary" match "doctors secretary" better than "Medical secretary".
    for d, value in _title_scores(index, lowered, score.keys(), fuzz.ratio, cutoff=75).items():
        score[d] = max(score[d], value * 0.97)
    # Closeness to a title (at most 3 points) and an exact title (5) can only reorder roles
    # already within 8 points of the last place shown, so only those are compared.
    floor = max(sorted(score.values(), reverse=True)[min(limit, len(score)) - 1] - 8, MIN_SCORE - 8)
    contenders = {d for d, v in score.items() if v >= floor}
    close = _title_scores(index, lowered, contenders, fuzz.ratio, cutoff=0)
    for d in contenders:
        exact = close.get(d, 0.0) == 100 or query.strip() == index.slugs[d]
        score[d] += close.get(d, 0.0) * 0.03 + (5.0 if exact else 0.0)
    kept = [d for d in contenders if score[d] >= MIN_SCORE]
    kept.sort(key=lambda d: (-score[d], index.names[d]))
    return [_ranked(index, d, round(score[d], 1), [best.get(d, nothing) for best in per_term]) for d in kept[:limit]]


def _matches(index: Index, term: str, memo: dict[str, dict[int, Match]]) -> dict[int, Match]:
    if term not in memo:
        memo[term] = _best_per_doc(index, term)
    return memo[term]


def _best_per_doc(index: Index, term: str) -> dict[int, Match]:
    """For one query word, each matching document's best (similarity x field weight)."""
    pieces = [
        (sim * WEIGHTS[f], f, word)
        for word, sim in _similar_words(index, term).items()
        for f in range(len(FIELDS))
        if f"{f}{word}" in index.postings
    ]
    best: dict[int, Match] = {}
    # Lowest first, so a better match of the same document overwrites a worse one. dict.update
    # over whole postings keeps this loop out of Python at 10,000 roles.
    for piece in sorted(pieces):
        best.update(dict.fromkeys(index.documents(piece[1], piece[2]), piece))
    return best


def _title_scores(index: Index, lowered: str, docs: Collection[int], scorer: Any, cutoff: float) -> dict[int, float]:
    """Best score of each document's titles against the whole query (only scores >= cutoff)."""
    if len(docs) * 4 < len(index.packed):
        # Titles are stored in document order, so each document's titles are one run of
        # title_owner, found by bisection rather than by a pass over every title.
        owner = index.title_owner
        positions = [i for d in docs for i in range(bisect_left(owner, d), bisect_right(owner, d))]
        titles = [index.titles[i] for i in positions]
    else:
        positions, titles = list(range(len(index.titles))), index.titles
    best: dict[int, float] = {}
    for _, value, i in process.extract(lowered, titles, scorer=scorer, limit=None, score_cutoff=cutoff):
        owner = index.title_owner[positions[i]]
        if owner in docs and value > best.get(owner, -1.0):
            best[owner] = value
    return best


def _similar_words(index: Index, term: str) -> dict[str, float]:
    """Index words close to a query word, with a similarity from 0 to 100."""
    found: dict[str, float] = {}
    if index.has(term):
        found[term] = 100.0
    if len(term) >= 3:
        for word in _prefixed(index.vocabulary, term):
            found.setdefault(word, 92.0)
    if len(term) >= 4:
        # Allow about one typo in four letters: 'recrods', 'helth', 'physioterapist'.
        cutoff = 80.0 if len(term) >= 6 else 75.0
        for word, sim, _ in process.extract(term, index.vocabulary, scorer=fuzz.ratio, score_cutoff=cutoff, limit=20):
            found.setdefault(word, float(sim) * 0.95)
    return found


def _prefixed(vocabulary: list[str], prefix: str) -> Iterator[str]:
    i = bisect_left(vocabulary, prefix)
    while i < len(vocabulary) and vocabulary[i].startswith(prefix):
        yield vocabulary[i]
        i += 1


def _ranked(index: Index, doc_id: int, score: float, best: list[Match]) -> Ranked:
    top = max(best, key=lambda b: b[0])
    stems = tuple(dict.fromkeys(key for _, f, key in best if f >= 0))
    return Ranked(index.doc(doc_id), score, FIELDS[top[1]] if top[1] >= 0 else "title", stems)


def hits(ranked: Iterable[Ranked], role_of: Callable[[str], Role | None]) -> list[Hit]:
    """Results with a snippet of where they matched; only these roles' files are read."""
    out = []
    for r in ranked:
        role = role_of(r.doc.slug)
        shown = Ranked(r.doc, r.score, r.field, _surface(role, r.terms) if role else r.terms)
        out.append(Hit(r.doc, r.score, r.field, _snippet(shown, role), shown.terms))
    return out


def _surface(role: Role, stems: tuple[str, ...]) -> tuple[str, ...]:
    """The words of the role as written that the matched stems stand for ("nurses", "nursing")."""
    wanted = set(stems)
    found = {w for texts in fields_of(role) for text in texts for w in words(text) if stem(w) in wanted}
    return tuple(sorted(found)) or stems


def _snippet(r: Ranked, role: Role | None, width: int = 70) -> str:
    """The title, the matching other titles, or a window of the text that matched."""
    if r.field == "alternative title":
        also = [a for a in r.doc.alternative_titles if any(term in words(a) for term in r.terms)]
        return ", ".join(also) or ", ".join(r.doc.alternative_titles)
    if r.field == "filter" and role is not None:
        return role.summary
    if role is None or r.field not in ("summary", "area", "section"):
        return r.doc.title
    texts = fields_of(role)[FIELDS.index(r.field)]
    for text in texts:
        lowered = text.lower()
        for term in r.terms:
            at = lowered.find(term)
            if at >= 0:
                return _window(text, at, width)
    return role.summary[:width]


def _window(text: str, at: int, width: int) -> str:
    """About `width` characters of `text` around position `at`, cut at word boundaries."""
    start = max(0, at - width // 3)
    if start:
        start = text.find(" ", start, at) + 1 or start
    end = min(len(text), start + width)
    if end < len(text):
        end = text.rfind(" ", at, end) if text.rfind(" ", at, end) > at else end
    piece = " ".join(text[start:end].split())
    return ("…" if start else "") + piece + ("…" if end < len(text) else "")


def suggest_slugs(slug: str, index: Index, synonyms: Sequence[Sequence[str]] = (), limit: int = 3) -> list[str]:
    """Closest role slugs for a slug that names no role: by spelling, then by what the words find."""
    found = find(index, slug.replace("-", " "), limit, synonyms=synonyms)
    # Only strong matches close to the best one: with a hundred roles, some text always matches
    # a little ('social work' would suggest every support worker).
    good = max(75.0, found[0].score - 10) if found else 0.0
    by_text = [r.doc.slug for r in found if r.score >= good]
    return list(dict.fromkeys(closest(slug, index.slugs, limit) + by_text))[:limit]
