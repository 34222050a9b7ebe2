"""Fuzzy, typo-tolerant ranking of roles. Pure functions; never prints.

Each role is split into weighted fields (title, alternative titles, summary, section text). A
query word matches index words exactly, as a prefix, or within a small edit distance; each
query word takes its best weighted match in the role, so the words of a query may hit
different fields. A whole-title comparison lets a title match outrank a passing mention.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from careers_cli.models import Role

if TYPE_CHECKING:
    from careers_cli.catalogue import Catalogue

WEIGHTS = {"title": 1.0, "alternative title": 0.95, "slug": 0.9, "summary": 0.6, "area": 0.7, "section": 0.45}
# A light suffix stripper: "nursing", "nurses" and "nurse" meet at "nurs"; "records" at "record".
_SUFFIXES = ("ists", "ist", "ing", "ers", "er", "ies", "es", "s", "e", "y")
MIN_SCORE = 40.0
STOPWORDS = frozenset("a an and as at be by for from how i in into is it me my of on or the to what with".split())
_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    """Lower-case words of a text; '&' is kept as 'and' so "A&E" stays one idea."""
    return _WORD.findall(text.lower().replace("&", ""))


def stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


@dataclass(frozen=True)
class Hit:
    role: Role
    score: float
    field: str
    snippet: str
    terms: tuple[str, ...]


@dataclass
class _Doc:
    role: Role
    titles: list[str]
    texts: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class Index:
    """Words -> where they occur, with the best field weight per role."""

    docs: list[_Doc]
    postings: dict[str, dict[int, tuple[float, str]]]
    vocabulary: list[str]
    surface: dict[str, set[str]]

    @classmethod
    def build(cls, roles: Iterable[Role]) -> Index:
        docs: list[_Doc] = []
        postings: dict[str, dict[int, tuple[float, str]]] = defaultdict(dict)
        surface: dict[str, set[str]] = defaultdict(set)
        for i, role in enumerate(roles):
            doc = _document(role)
            docs.append(doc)
            for name, texts in doc.texts.items():
                weight = WEIGHTS[name]
                for word in {w for t in texts for w in words(t)}:
                    key = stem(word)
                    surface[key].add(word)
                    if postings[key].get(i, (0.0, ""))[0] < weight:
                        postings[key][i] = (weight, name)
        return cls(docs, dict(postings), sorted(postings), dict(surface))


def _document(role: Role) -> _Doc:
    sections = [s.text for s in role.sections] + [item for s in role.sections for item in s.items]
    texts = {
        "title": [role.title],
        "alternative title": list(role.alternative_titles),
        "slug": [role.slug.replace("-", " ")],
        "summary": [role.summary],
        "area": [role.area.name] + ([role.subarea.name] if role.subarea else []),
        "section": sections,
    }
    return _Doc(role, [role.title, *role.alternative_titles], texts)


def search(index: Index, query: str, limit: int = 10, area: str | None = None) -> list[Hit]:
    """Roles ranked best first (ties by title); an empty or unmatched query gives []."""
    terms = [stem(w) for w in words(query) if w not in STOPWORDS] or [stem(w) for w in words(query)]
    if not terms:
        return []
    matches = [_similar_words(index, t) for t in terms]
    scores: dict[int, list[tuple[float, str, str]]] = defaultdict(lambda: [(0.0, "", "")] * len(terms))
    for qi, similar in enumerate(matches):
        for word, sim in similar.items():
            for doc_id, (weight, name) in index.postings[word].items():
                if area is not None and index.docs[doc_id].role.area.key != area:
                    continue
                value = sim * weight
                if value > scores[doc_id][qi][0]:
                    scores[doc_id][qi] = (value, name, word)
    hits = [_hit(index, index.docs[i], query, best) for i, best in scores.items()]
    hits = [h for h in hits if h.score >= MIN_SCORE]
    hits.sort(key=lambda h: (-h.score, h.role.title.lower()))
    return hits[:limit]


def _similar_words(index: Index, term: str) -> dict[str, float]:
    """Index words close to a query word, with a similarity from 0 to 100."""
    found: dict[str, float] = {}
    if term in index.postings:
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


def _prefixed(vocabulary: Sequence[str], prefix: str) -> Iterable[str]:
    from bisect import bisect_left

    i = bisect_left(vocabulary, prefix)
    while i < len(vocabulary) and vocabulary[i].startswith(prefix):
        yield vocabulary[i]
        i += 1


def _hit(index: Index, doc: _Doc, query: str, best: list[tuple[float, str, str]]) -> Hit:
    word_score = sum(v for v, _, _ in best) / len(best)
    title_score = max(fuzz.token_set_ratio(query.lower(), t.lower()) for t in doc.titles)
    exact = any(query.strip().lower() == t.lower() for t in doc.titles) or query.strip() == doc.role.slug
    # Among equal matches, the title closest to the whole query wins ("records" -> the
    # shortest title that holds it), worth at most 3 points.
    closeness = max(fuzz.ratio(query.lower(), t.lower()) for t in doc.titles) * 0.03
    # A whole-title comparison only counts when it is close: below that it is letter noise.
    title_part = title_score * 0.97 if title_score >= 75 else 0.0
    score = max(word_score, title_part) + closeness + (5.0 if exact else 0.0)
    top = max(best, key=lambda b: b[0])
    found = tuple(dict.fromkeys(w for _, _, key in best if key for w in sorted(index.surface[key])))
    return Hit(doc.role, round(score, 1), top[1], _snippet(doc, top[1], found), found)


def _snippet(doc: _Doc, name: str, terms: tuple[str, ...], width: int = 70) -> str:
    """The sentence of the best field that holds a matched word, cut to about `width`."""
    if name in ("title", "slug", ""):
        return doc.role.title
    if name == "alternative title":
        also = [a for a in doc.role.alternative_titles if any(term in words(a) for term in terms)]
        return ", ".join(also) or ", ".join(doc.role.alternative_titles)
    for text in doc.texts[name]:
        lowered = text.lower()
        for term in terms:
            at = lowered.find(term)
            if at >= 0:
                return _window(text, at, width)
    return doc.role.summary[:width]


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


def suggest_slugs(slug: str, catalogue: Catalogue, limit: int = 3) -> list[str]:
    """Closest role slugs for a slug that names no role: 'Did you mean ...?'."""
    index = Index.build(catalogue.roles())
    by_text = [h.role.slug for h in search(index, slug.replace("-", " "), limit=limit) if h.score >= 60]
    by_slug = [
        s for s, score, _ in process.extract(slug, list(catalogue.files), scorer=fuzz.ratio, limit=limit) if score >= 60
    ]
    return list(dict.fromkeys(by_slug + by_text))[:limit]
