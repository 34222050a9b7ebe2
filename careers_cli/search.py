"""Fuzzy, typo-tolerant ranking of roles. Pure functions; never prints.

Each role is split into weighted fields (title, alternative titles, slug, summary, area, section
text). A query word matches index words exactly, as a prefix, or within a small edit distance;
each query word takes its best weighted match in the role, so the words of a query may hit
different fields. A whole-title comparison lets a title match outrank a passing mention.

The Index (index.py) is plain data, so that the catalogue package can keep it in the cache.
"""

from __future__ import annotations

import functools
import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from typing import Any

import msgspec
from rapidfuzz import fuzz, process

from careers_cli.index import (
    FIELDS,
    SECTION,
    STOPWORDS,
    WEIGHTS,
    Index,
    Summary,
    compiled,
    fields_of,
    query_words,
    stem,
    words,
)
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
_FIELD_ORDER = {field: i for i, field in enumerate(FIELDS)}


def find(
    index: Index,
    query: str,
    limit: int = 10,
    keep: Callable[[Summary], bool] | None = None,
    synonyms: Sequence[Sequence[str]] = (),
    unwanted: Sequence[str] = (),
    helped: Sequence[str] = (),
    lower: Callable[[Summary], bool] | None = None,
) -> list[Ranked]:
    """Ranked roles for a query and its rewrites through synonyms; filters alone list roles.
    Roles whose titles name an `unwanted` word ("not a paramedic") rank lower, and so do those
    the person wants to help ("helping the dentist"), below the roles that assist them, and
    those `lower` picks out (kept by the filter only for want of a fact), which filters alone
    do not list."""
    if not words(query):
        if keep is None:
            return []
        kept = [d for d in index.docs if keep(d) and not (lower and lower(d))]
        return [Ranked(d, 0.0, "filter", ()) for d in sorted(kept, key=lambda d: d.title.lower())][:limit]
    memo: dict[str, Term] = {}
    lines: dict[int, list[str]] = {}
    best = {r.doc.slug: r for r in rank(index, query, limit, keep, memo, lines)}
    spelt = corrected(index, query, synonyms)
    others = rewrites(spelt, synonyms)[:MOST_REWRITES]
    for rewrite in [spelt, *others] if spelt != query else others:
        for r in rank(index, rewrite, limit, keep, memo, lines, rewritten=True):
            score = round(r.score * SYNONYM_DISCOUNT, 1)
            if r.doc.slug not in best or best[r.doc.slug].score < score:
                best[r.doc.slug] = Ranked(r.doc, score, r.field, r.terms)
    if unwanted:
        best = {slug: _demoted(r, unwanted) for slug, r in best.items()}
    if helped:
        stems = frozenset(stem(w) for w in query_words(" ".join(helped)))
        best = {slug: _helped(r, stems) for slug, r in best.items()}
    if lower is not None:
        best = {slug: _scaled(r, LOWER_SHARE) if lower(r.doc) else r for slug, r in best.items()}
    # Equal scores: a match in a title before one in the plain words, then by title.
    return sorted(best.values(), key=lambda r: (-r.score, _FIELD_ORDER.get(r.field, 0), r.doc.title.lower()))[:limit]


UNWANTED_SHARE = 0.5  # what is left of the score of a role the query says it does not want


def _demoted(r: Ranked, unwanted: Sequence[str]) -> Ranked:
    """The role ranked lower if one of its titles names a word the person does not want."""
    named = {w for title in r.doc.titles for w in words(title)}
    if not any(_same_word(u, w) for u in unwanted for w in named):
        return r
    return _scaled(r, UNWANTED_SHARE)


LOWER_SHARE = 0.8  # what is left of the score of a role `lower` picks out


def _scaled(r: Ranked, share: float) -> Ranked:
    return Ranked(r.doc, round(r.score * share, 1), r.field, r.terms)


HELPED_SHARE = 0.7  # what is left of the score of the role the person wants to help


def _helped(r: Ranked, stems: frozenset[str]) -> Ranked:
    """The role ranked lower if the query names it as the one to help: one of its titles is
    among the words after "helping the" ("foot doctor" of the podiatrist), and it is not itself
    an assistant's role."""
    if _names_a_helper(r.doc.title):
        return r
    if not any(_title_terms(title) <= stems for title in r.doc.titles):
        return r
    return _scaled(r, HELPED_SHARE)


def _same_word(a: str, b: str) -> bool:
    """One word in two forms: the same stem ("nurse", "nursing"), or five letters or more in common
    at the start ("surgery", "surgeon"), but not "dentist" and "dental"."""
    return stem(a) == stem(b) or (len(a) >= 5 and len(b) >= 5 and a[:5] == b[:5])


def rewrites(query: str, synonyms: Sequence[Sequence[str]]) -> list[str]:
    """The query with each synonym phrase it holds replaced by each of its equals."""
    typed = query_words(query)
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


def corrected(index: Index, query: str, synonyms: Sequence[Sequence[str]]) -> str:
    """The query with each word no role has, misspelt from a one-word synonym, spelt as that
    synonym ("sonografer" as "sonographer", which no role has either but its synonyms do), so
    that its rewrites are found: typos are otherwise forgiven against the roles' words only."""
    typed = query_words(query)
    unknown = [w for w in typed if len(w) >= 5 and w not in STOPWORDS and not index.has(stem(w))]
    if not unknown:
        return query
    spellings = _one_word_synonyms(tuple(tuple(group) for group in synonyms))
    fixed = {}
    for word in unknown:
        found = process.extractOne(word, spellings, scorer=fuzz.ratio, score_cutoff=MISSPELT)
        if found is not None:
            fixed[word] = found[0]
    return " ".join(fixed.get(w, w) for w in typed) if fixed else query


@functools.lru_cache(maxsize=4)
def _one_word_synonyms(synonyms: tuple[tuple[str, ...], ...]) -> list[str]:
    return sorted({m for group in synonyms for m in group if len(words(m)) == 1})


def synonyms_of(word: str, synonyms: Sequence[Sequence[str]]) -> list[str]:
    """What a word means, from the synonym groups it is in ('sonographer': 'ultrasound', ...)."""
    stems = [stem(w) for w in words(word)]
    return [
        m
        for group in synonyms
        if word in (w.lower() for w in group)
        for m in group
        if [stem(w) for w in words(m)] != stems  # not "sonographers" for "sonographer"
    ]


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
    memo: dict[str, Term] | None = None,
    lines: dict[int, list[str]] | None = None,
    rewritten: bool = False,
) -> list[Ranked]:
    """Roles ranked best first (ties by title); an empty or unmatched query gives [].

    `memo` keeps each query word's matches, and `lines` each role's decoded lines, for the
    next call: a query and its synonym rewrites share most of their words and roles."""
    terms = query_terms(query)
    lowered = query.strip().lower()
    if not terms:
        return []
    memo = {} if memo is None else memo
    lines = {} if lines is None else lines
    spelt = {stem(w): w for w in query_words(query)}  # each stem as typed, for typos
    matched = [_matches(index, term, memo, spelt.get(term, term)) for term in terms]
    per_term = [m.best for m in matched]
    # Rarity counts the roles that have the word other than in passing (in a section): "doctor"
    # is in the text of most files but names only the doctors' roles.
    weights = [_rarity(len(index), sum(m[1] != SECTION for m in best.values())) if best else 0.0 for best in per_term]
    if not any(weights):
        return []
    # A document's score is the share of the query it covers, each word weighted by how rare it
    # is in the catalogue ("blood" counts for more than "hospital") and by how good its match is
    # (a title over a passing mention). A word nothing has does not count against anyone. First
    # from each word's best field alone (whole postings at once), then, for the few hundred best,
    # over all their fields.
    total: dict[int, float] = {}
    for weight, best in zip(weights, per_term, strict=True):
        for d, match in best.items():
            total[d] = total.get(d, 0.0) + weight * match[0]
    if keep is not None:
        total = {d: v for d, v in total.items() if keep(index.doc(d))}
    if not total:
        return []
    whole = sum(weights)
    running = sorted(total, key=total.__getitem__, reverse=True)[: max(REFINED, limit * 3)]
    mean = index.mean_section_words
    score = {
        d: 100 * sum(w * _refined(index, m, d, mean) for w, m in zip(weights, matched, strict=True)) / whole
        for d in running
    }
    # A whole-title comparison only counts when it is close (below that it is letter noise). It
    # rescues typos that split a word's stem ('dentsit'); it compares whole strings, because
    # token_set_ratio scores any title whose words are a subset of the query at 100 and so let
    # "Secretary" match "doctors secretary" better than "Medical secretary".
    # Only for a query with a word the catalogue does not know: "nicu nurse" is not a misspelt
    # "theatre nurse".
    if any(not index.has(term) for term in terms):
        for d, value in _title_scores(index, lowered, score.keys(), fuzz.ratio, cutoff=75).items():
            score[d] = max(score[d], value * 0.97)
    # Closeness to a title (at most 3 points), an exact title (5), words standing together as in
    # the query (up to NEARBY) and an entry the query holds whole (up to ENTRY) only reorder roles
    # close to the last place shown.
    # Only the best few dozen are compared, so a query of common words stays fast at 10,000 roles.
    order = sorted(score, key=score.__getitem__, reverse=True)
    floor = max(score[order[min(limit, len(order)) - 1]] - 8 - NEARBY - ENTRY, 0.0)
    contenders = {d for d in order[: limit + CONTENDERS] if score[d] >= floor}
    close = _title_scores(index, lowered, contenders, fuzz.ratio, cutoff=0)
    said = query_words(query)
    asks_helper = bool(_HELPING.intersection(said))
    weight_of = {t: w / whole for t, w in zip(terms, weights, strict=True)}
    # A misspelt word stands for the word it is closest to ("blud" for "blood"), so that "takes
    # blud" holds the phlebotomist's "takes blood" whole.
    for term, m in zip(terms, matched, strict=True):
        if m.meant and m.meant != term:
            weight_of.setdefault(m.meant, weight_of[term])
    typed = set(weight_of)
    misspelt = [w for w in said if len(w) >= 5 and not index.has(stem(w))]
    for d in contenders:
        exact = close.get(d, 0.0) == 100 or _exactly(index, d, said)
        near = _nearby(_lines(index, d, lines), [best.get(d) for best in per_term], weights) if len(terms) > 1 else 0.0
        named = NAMED if _named_in(index, d, typed) or _misspells_title(index, d, misspelt) else 0.0
        helping = HELPER * (1.0 if asks_helper else -1.0) if _is_helper(index, d) else 0.0
        # (Not for a rewrite through synonyms: "phlebotomist" would find "blood test" whole in
        # the plain words of every laboratory role.)
        held = _whole_entry(_lines(index, d, lines), typed, weight_of) if len(terms) > 1 and not rewritten else 0.0
        score[d] += close.get(d, 0.0) * 0.03 + (5.0 if exact else 0.0) + NEARBY * near + named + helping + ENTRY * held
    # Weak matches are noise beside a strong one, but when nothing matches well the best of
    # what there is is still shown: a query with a matching word never finds nothing.
    top = max(score[d] for d in contenders)
    good = min(MIN_SCORE, top * 0.5)
    kept = [d for d in contenders if score[d] >= good]
    kept.sort(key=lambda d: (-score[d], index.names[d]))
    nothing = (0.0, -1, "")
    return [_ranked(index, d, round(score[d], 1), [best.get(d, nothing) for best in per_term]) for d in kept[:limit]]


NAMED = 6.0  # points for a role whose whole title of two words or more is in the query
# Assistant and support roles sit beside the profession they help, with many of its words: a
# query that asks for help ("helping the podiatrist", "assistant") prefers them, one that does
# not ("feet", "hearing tests") prefers the profession, by HELPER points either way.
HELPER = 2.0
_HELPING = frozenset(
    "assistant assistants assist assisting assists help helping helps helper support supporting aide auxiliary".split()
)
_HELPER_TITLE = frozenset("assistant assistants support helper auxiliary".split())


# Points for a role with one title, other title or plain-words entry that the query holds whole
# ("children's doctor" in "doctor for children"; "takes blood" in "taking blood off people"), in
# proportion to the share of the query's weight the entry covers: one short entry that says just
# what was asked beats a long one that also mentions it ("mental health doctor for children"). A
# title counts when it holds the whole query, too ("medical records" in "Medical records staff").
ENTRY = 10.0
_ENTRY_FIELDS = frozenset("013")  # the field numbers of title, other title and plain words
_TITLE_FIELDS = frozenset("01")


def _whole_entry(lines: list[str], typed: set[str], weight_of: dict[str, float]) -> float:
    """The largest share of the query's weight that one of the role's short entries covers, where
    the query holds all of the entry (or, for a title, the title all of the query)."""
    best = 0.0
    for line in lines:
        field = line[1]  # (lines are " 3 tak blood ")
        if field not in _ENTRY_FIELDS:
            continue
        stems = line.split()[1:]
        if typed.issuperset(stems) or (field in _TITLE_FIELDS and typed.issubset(stems)):
            best = max(best, sum(weight_of.get(s, 0.0) for s in set(stems)))
    return best


def _is_helper(index: Index, d: int) -> bool:
    return _names_a_helper(index.names[d])


def _names_a_helper(title: str) -> bool:
    return bool(_HELPER_TITLE.intersection(words(title)))


def _exactly(index: Index, d: int, said: list[str]) -> bool:
    """Whether the query is one of the role's titles or its slug, whatever the case, spaces,
    hyphens and punctuation ("-phlebotomist-", "Children's nurse")."""
    if said == index.slugs[d].split("-"):
        return True
    return any(_title_words(title) == said or _title_words(_bare(title)) == said for title in _titles_of(index, d))


def _bare(title: str) -> str:
    """A title without its bracketed abbreviation: "Ambulance care assistant (ACA)" is named by
    "ambulance care assistant" as much as by its whole."""
    return compiled(_BRACKETED).sub(" ", title) if "(" in title else title


_BRACKETED = r"\s*\([^)]*\)"


@functools.lru_cache(maxsize=1 << 12)  # a query and its rewrites compare the same titles
def _title_words(title: str) -> list[str]:
    return query_words(title)


@functools.lru_cache(maxsize=1 << 12)
def _title_terms(title: str) -> frozenset[str]:
    return frozenset(query_terms(title))


def _named_in(index: Index, d: int, typed: set[str]) -> bool:
    """Whether every word of one of the role's longer titles is among the query's words:
    "nurse in the operating theatre" names the theatre nurse, whatever else it says."""
    for title in _titles_of(index, d):
        stems = _title_terms(title)
        if len(stems) >= 2 and typed.issuperset(stems):
            return True
    return False


def _misspells_title(index: Index, d: int, misspelt: list[str]) -> bool:
    """Whether a word the catalogue does not know is a misspelling of one of the role's one-word
    titles, as typed, before stemming ("radiografer" of "Radiographer", not of "Radiography")."""
    return bool(misspelt) and any(
        fuzz.ratio(word, title) >= MISSPELT for title in _titles_of(index, d) if " " not in title for word in misspelt
    )


MISSPELT = 85.0  # how close a typed word must be to a one-word title to name it


def _titles_of(index: Index, d: int) -> list[str]:
    """Document `d`'s title and other titles, lower-cased: one run of `titles`, found by bisection."""
    owner = index.title_owner
    return index.titles[bisect_left(owner, d) : bisect_right(owner, d)]


def query_terms(query: str) -> list[str]:
    """The stems a query searches for: its words less those that say nothing of the job."""
    typed = query_words(query)
    return [stem(w) for w in typed if w not in STOPWORDS] or [stem(w) for w in typed]


def unmatched(index: Index, query: str) -> list[str]:
    """The words of a query that no role has, in any spelling search accepts."""
    typed = [w for w in query_words(query) if w not in STOPWORDS] or query_words(query)
    return list(dict.fromkeys(w for w in typed if not _similar_words(index, stem(w), w)))


def _rarity(n: int, df: int) -> float:
    """How much a word says about which role is meant: BM25's inverse document frequency."""
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


CONTENDERS = 15  # roles beyond the last place shown that may still move up into it
REFINED = 60  # roles scored over all their fields (the rest are too far behind to catch up)
NEARBY = 16.0  # points for query words that stand next to each other in one sentence of a role
_WINDOW = 3  # "next to each other": at most this many words apart


def _nearby(lines: list[str], best: list[Match | None], weights: list[float]) -> float:
    """The weighted share of the query's neighbouring word pairs that also stand close together
    in one sentence or title of the document, from 0 to 1: most for the next word in the same
    order ("takes blood"), less further apart or the other way round."""
    found = whole = 0.0
    for i in range(len(best) - 1):
        weight = weights[i] + weights[i + 1]
        whole += weight
        a, b = best[i], best[i + 1]
        if a is not None and b is not None and a[2] != b[2]:
            # Only the lines holding both words are split (a substring test is far cheaper), and
            # together in a title or the plain words counts for more than in a passing sentence.
            both = (line for line in lines if f" {a[2]} " in line and f" {b[2]} " in line)
            near = (WEIGHTS[int(line[1])] * _closeness(line.split(), a[2], b[2]) for line in both)
            found += weight * max(near, default=0.0)
    return found / whole if whole else 0.0


def _closeness(line: list[str], a: str, b: str) -> float:
    """1 when `b` follows `a` in `line`, less the further apart they are, half in reverse order."""
    at = [k for k, w in enumerate(line) if w == a]
    if not at:
        return 0.0
    best = 0.0
    for k, w in enumerate(line):
        if w == b:
            for m in at:
                gap = k - m
                if 0 < gap <= _WINDOW:
                    best = max(best, 1.0 / gap)
                elif 0 < -gap <= _WINDOW:
                    best = max(best, 0.5 / -gap)
    return best


def _lines(index: Index, d: int, memo: dict[int, list[str]]) -> list[str]:
    """Document `d`'s lines with a space at each end (for whole-word substring tests), decoded
    once for a query and its rewrites."""
    if d not in memo:
        memo[d] = [f" {line} " for line in index.lines(d)]
    return memo[d]


def _matches(index: Index, term: str, memo: dict[str, Term], typed: str) -> Term:
    if term not in memo:
        memo[term] = _best_per_doc(index, term, typed)
    return memo[term]


class Term(msgspec.Struct, frozen=True):
    """One query word's matches: each document's best (similarity x field weight, best field,
    index word), and its best value in each field, for `refined`."""

    best: dict[int, Match]
    per_field: dict[int, dict[int, float]]
    meant: str = ""  # the index word closest to the query word ("blood" for "blud")


def _best_per_doc(index: Index, term: str, typed: str) -> Term:
    similar = _similar_words(index, term, typed)
    pieces = sorted(
        ((sim / 100 * WEIGHTS[f], f, word), docs) for word, sim in similar.items() for f, docs in index.found_in(word)
    )
    best: dict[int, Match] = {}
    per_field: dict[int, dict[int, float]] = {}
    # Lowest first, so a better match of the same document overwrites a worse one. dict.update
    # over whole postings keeps this loop out of Python at 10,000 roles.
    for piece, docs in pieces:
        found = dict.fromkeys(docs, piece)
        best.update(found)
        per_field.setdefault(piece[1], {}).update(dict.fromkeys(found, piece[0]))
    return Term(best, per_field, max(similar, key=similar.__getitem__) if similar else "")


def _refined(index: Index, term: Term, d: int, mean_section: float) -> float:
    """A document's match of a word over all its fields: the best field counts in full and the
    others close part of the gap to 1 (a noisy-or, damped so that several passing mentions never
    add up to a title); a section's weight shrinks as the document's sections grow (BM25's
    length normalisation). Worked out only for the documents in the running."""
    top, missing = 0.0, 1.0
    for f, values in term.per_field.items():
        value = values.get(d)
        if value is None:
            continue
        if f == SECTION:
            value /= 1 - LENGTH + LENGTH * max(index.section_words[d], 1) / mean_section
        missing *= 1 - value
        top = max(top, value)
    return top + OTHER_FIELDS * (1 - top) * (1 - missing / (1 - top or 1))


OTHER_FIELDS = 0.5  # how much of the gap to a perfect match the word's other fields may close


LENGTH = 0.3  # BM25's b for section text: how much a long file's passing mentions are discounted


def _title_scores(index: Index, lowered: str, docs: Collection[int], scorer: Any, cutoff: float) -> dict[int, float]:
    """Best score of each document's titles against the whole query (only scores >= cutoff)."""
    if len(docs) * 4 < len(index):
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


def _similar_words(index: Index, term: str, typed: str = "") -> dict[str, float]:
    """Index words close to a query word (`term`, its stem; `typed`, as typed), with a similarity
    from 0 to 100. Misspellings are looked for only for a word the catalogue does not know, and
    never for a short one: "care" must not find "core", but "physioterapist" should find the
    physiotherapist."""
    found: dict[str, float] = {}
    known = index.has(term)
    if known:
        found[term] = 100.0
    if len(term) >= (PREFIX_KNOWN_MIN if known else 3):
        for word in _prefixed(index.vocabulary, term):
            found.setdefault(word, 80.0 if known else 92.0)
    # The light stemmer can leave two forms of a word a letter or two apart ("delivering" gives
    # "deliver", "delivers" gives "deliv"): a known word one or two letters shorter also counts.
    for cut in (1, 2):
        if len(term) - cut >= 5 and index.has(term[:-cut]):
            found.setdefault(term[:-cut], 88.0)
    if known:
        return found
    if len(term) >= 4:
        # Allow about one typo in four letters: 'recrods', 'helth', 'physioterapist'.
        cutoff = 80.0 if len(term) >= 6 else 75.0
        for word, sim, _ in process.extract(term, index.vocabulary, scorer=fuzz.ratio, score_cutoff=cutoff, limit=20):
            # A short word is never what a longer one was meant to be ("wer"), and a short typo
            # keeps its first letters ("nurce" is a nurse; "plugh" is not "laugh").
            if len(word) >= 4 and (len(term) > 5 or word[: _KEPT[len(term)]] == term[: _KEPT[len(term)]]):
                found.setdefault(word, float(sim) * 0.95)
    for word, sim in _respelt(index, typed or term).items():
        found[word] = max(found.get(word, 0.0), sim)
    if len(term) >= 4 and not found:
        found = _sounding(index.vocabulary, term)
    return found


SPELT = 85.0  # how close a typed word must be to a word of the role files to be its misspelling


def _respelt(index: Index, typed: str) -> dict[str, float]:
    """The stems of the role files' words that the word as typed misspells. Compared before
    stemming, because a typo can hide a suffix from the stemmer: "drver" stems to "drv", far
    from "driv", but is one letter from "driver"."""
    if len(typed) < 5:
        return {}
    found: dict[str, float] = {}
    for word, sim, _ in process.extract(typed, index.spellings, scorer=fuzz.ratio, score_cutoff=SPELT, limit=5):
        if word[0] == typed[0] and index.has(key := stem(word)):
            found[key] = max(found.get(key, 0.0), float(sim) * 0.95)
    return found


# How many first letters a short unknown word keeps in a typo: four-letter stems one letter apart
# are mostly other words ("sist", of "sister", is not "suit"), but "nurc" is "nurs".
_KEPT = {4: 2, 5: 1}

# A known word of three letters finds only itself: "off" is not "office", nor "car" "care".
PREFIX_KNOWN_MIN = 4


# Spellings of one sound, in the order they are applied: "tia" and "cia" sound "sha" (dietitian,
# physician), "oo" is "u" ("blud"), "z" is "s" ("fizio").
_SOUNDS = (
    ("tia", "sha"),
    ("tio", "sho"),
    ("cia", "sha"),
    ("ph", "f"),
    ("ck", "k"),
    ("ch", "k"),
    ("y", "i"),
    ("ae", "e"),
    ("oe", "e"),
    ("oo", "u"),
    ("kn", "n"),
    ("wr", "r"),
    ("z", "s"),
)


def _sound(word: str) -> str:
    """A word as it might be spelled from its sound: 'physio' and 'fisio' meet at 'fisio'."""
    word = word[1:] if word.startswith(("ps", "pn")) else word
    for a, b in _SOUNDS:
        word = word.replace(a, b)
    return "".join(c for i, c in enumerate(word) if i == 0 or c != word[i - 1])


_SOUNDS_OF: list[tuple[list[str], list[str]]] = []  # the last vocabulary and its sounds


def _sounds_of(vocabulary: list[str]) -> list[str]:
    """The sound of every word of the vocabulary, worked out once for all the words of a query
    that need it (a query of many unknown words had spent seconds on it)."""
    if not _SOUNDS_OF or _SOUNDS_OF[0][0] is not vocabulary:
        _SOUNDS_OF[:] = [(vocabulary, [_sound(w) for w in vocabulary])]
    return _SOUNDS_OF[0][1]


def _sounding(vocabulary: list[str], term: str) -> dict[str, float]:
    """Index words that sound like a word spelled as it is said ('fisio', 'sikiatrist'); looked
    for only when nothing else matched, as it compares the whole vocabulary."""
    sounds = _sounds_of(vocabulary)
    heard = _sound(term)
    found = process.extract(heard, sounds, scorer=fuzz.ratio, score_cutoff=90, limit=5)
    return {vocabulary[i]: float(sim) * 0.9 for _, sim, i in found}


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
    if r.field == "plain words" and role is not None:
        said = [p for p in role.plain_words if any(term in words(p) for term in r.terms)]
        return ", ".join(said) or role.summary[:70]
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
    # Only names: a slug is a name, and a role that merely mentions the words is not what was meant.
    by_text = [r.doc.slug for r in found if r.score >= good and r.field in ("title", "alternative title", "slug")]
    return list(dict.fromkeys(closest(slug, index.slugs, limit) + by_text))[:limit]
