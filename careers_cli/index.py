"""The search index: plain data built from roles, kept in the cache by the catalogue package.

Each role is split into weighted fields (title, alternative titles, slug, plain words, summary,
area, section text); every word, lightly stemmed, points at the roles it occurs in with the best
field it occurs in. Each role also keeps its words in order (for "words close together") and the
size of its section text (so that a long file does not win by having more words). Building needs
no fuzzy-matching library, so loading it keeps start-up light.
"""

from __future__ import annotations

import functools
import re
from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable

import msgspec

from careers_cli.errors import ProblemRecord
from careers_cli.models import Role, Step

FIELDS = ("title", "alternative title", "slug", "plain words", "summary", "area", "section")
WEIGHTS = (1.0, 0.95, 0.9, 0.85, 0.6, 0.7, 0.45)
SECTION = FIELDS.index("section")
# Words that say nothing about which job is meant ("someone who works with ..."). Not "it":
# people search for IT jobs. Dropped only when the query has other words.
STOPWORDS = frozenset(
    "a an and are as at be by can do does for from how i in into is it's like me my of on or that "
    "the their them they to want what where which who with would you your someone somebody person no not any "
    "people job jobs role roles career careers work working works".split()
)
# A light suffix stripper: "nursing", "nurses" and "nurse" meet at "nurs"; "records" at "record".
# Each suffix with the shortest stem it may leave: "ery" needs four letters, so that "midwifery"
# meets "midwife" at "midwif" and "surgery" gives "surg", but "artery" does not become "art".
# Changing how words are stemmed changes the cached index: tests/test_cache.py fails until
# catalogue/store.py's VERSION and SHAPES_DIGEST follow.
_SUFFIXES = (
    ("ists", 3),
    ("ist", 3),
    ("ery", 4),
    ("ing", 3),
    ("ers", 3),
    ("er", 3),
    ("es", 3),
    ("s", 3),
    ("e", 3),
    ("y", 4),  # "therapy" to "therap", but "army" stays "army" (not "arm")
)
_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    """Lower-case words of a text; '&' is dropped so "A&E" is one word, "ae"."""
    return _WORD.findall(text.lower().replace("&", ""))


_UNCHANGED = {"nursery": "nurser", "nurseries": "nurser"}  # not "nurs": a nursery is not a nurse


@functools.lru_cache(maxsize=1 << 16)  # the same few thousand words come back again and again
def stem(word: str) -> str:
    if word in _UNCHANGED:
        return _UNCHANGED[word]
    if word.endswith("ies") and len(word) > 5:
        word = word[:-3] + "y"  # "babies" meets "baby", "therapies" meets "therapy"
    for suffix, shortest in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= shortest:
            return word[: -len(suffix)]
    return word


class StepRecord(msgspec.Struct, array_like=True, frozen=True):
    """One progression step, flattened: `parent` is the number of the step it follows, or -1."""

    title: str | None
    slug: str | None
    note: str
    kind: str | None
    parent: int


def flatten(steps: Iterable[Step], parent: int = -1, out: list[StepRecord] | None = None) -> list[StepRecord]:
    """A role's progression tree as a list in pre-order, each step pointing at its parent."""
    out = [] if out is None else out
    for step in steps:
        out.append(StepRecord(step.title, step.slug, step.note, step.kind, parent))
        flatten(step.next, len(out) - 1, out)
    return out


class Summary(msgspec.Struct, array_like=True, frozen=True):
    """What list, areas, search and the route graph use of a role, kept in the index."""

    slug: str
    title: str
    alternative_titles: tuple[str, ...]
    area: str
    subarea: str | None
    bands: tuple[str, ...]
    scale: str | None  # the pay scale the bands belong to
    entry_routes: tuple[str, ...]
    former_slugs: tuple[str, ...]
    path: str
    steps: tuple[StepRecord, ...]
    interests: tuple[int, ...] = ()  # the 1-7 scores in the order of models.INTEREST_TYPES
    interest_basis: str | None = None  # "onet" or "rubric"

    @classmethod
    def of(cls, r: Role) -> Summary:
        sub = r.subarea.key if r.subarea else None
        return cls(
            r.slug,
            r.title,
            r.alternative_titles,
            r.area.key,
            sub,
            r.band_keys,
            r.pay.scale.key if r.pay else None,
            r.entry_routes,
            r.former_slugs,
            str(r.path),
            tuple(flatten(r.progression)),
            r.interests.scores if r.interests else (),
            r.interests.basis if r.interests else None,
        )

    @property
    def titles(self) -> tuple[str, ...]:
        return (self.title, *self.alternative_titles)


class Index(msgspec.Struct, frozen=True):
    """Postings and summaries.

    `postings` maps a field number and a stemmed word ("0nurs" for titles) to the numbers of the
    documents that have the word in that field, packed as uint32.
    """

    key: str
    packed: list[msgspec.Raw]  # each Summary encoded alone, decoded only when needed
    slugs: list[str]
    names: list[str]  # lower-cased main titles, to order ties without decoding summaries
    postings: dict[str, bytes]
    vocabulary: list[str]
    problems: list[ProblemRecord]  # files left out of the index, for a warning
    titles: list[str]  # every title and other title, lower-cased, for whole-title matching
    title_owner: list[int]  # the document each of `titles` belongs to
    section_words: list[int]  # how many different words each document's sections have
    texts: list[msgspec.Raw]  # each document's short texts as lines of stems, decoded when needed

    @classmethod
    def build(cls, roles: Iterable[Role], key: str = "", problems: Iterable[ProblemRecord] = ()) -> Index:
        docs: list[Summary] = []
        grouped: dict[str, list[int]] = defaultdict(list)  # field number and word -> documents
        section_words: list[int] = []
        texts: list[msgspec.Raw] = []
        for doc_id, role in enumerate(roles):
            docs.append(Summary.of(role))
            fields = fields_of(role)
            for field_no, field_texts in enumerate(fields):
                for key_word in {stem(w) for text in field_texts for w in words(text)}:
                    grouped[f"{field_no}{key_word}"].append(doc_id)
            section_words.append(len({w for text in fields[SECTION] for w in words(text)}))
            texts.append(msgspec.Raw(msgspec.msgpack.encode(stemmed_lines(fields))))
        postings = {key: array("I", ids).tobytes() for key, ids in grouped.items()}
        titles = [(t.lower(), d) for d, doc in enumerate(docs) for t in doc.titles]
        return cls(
            key,
            [msgspec.Raw(msgspec.msgpack.encode(d)) for d in docs],
            [d.slug for d in docs],
            [d.title.lower() for d in docs],
            postings,
            sorted({key[1:] for key in grouped}),  # field numbers are one digit
            list(problems),
            [t for t, _ in titles],
            [d for _, d in titles],
            section_words,
            texts,
        )

    @property
    def docs(self) -> list[Summary]:
        """Every summary (decoded now: at 10,000 roles this is the costly part of the index)."""
        return _SUMMARIES.decode(b"\x90" if not self.packed else _as_array(self.packed))

    def lines(self, i: int) -> list[str]:
        """Document `i`'s short texts and sentences, each as its stems joined by spaces."""
        return _LINES.decode(self.texts[i])

    def has(self, word: str) -> bool:
        at = bisect_left(self.vocabulary, word)
        return at < len(self.vocabulary) and self.vocabulary[at] == word

    def doc(self, i: int) -> Summary:
        return _SUMMARY.decode(self.packed[i])

    def documents(self, field_no: int, word: str) -> array[int]:
        """Numbers of the documents that have `word` in field `field_no`."""
        found = array("I")
        packed = self.postings.get(f"{field_no}{word}")
        if packed:
            found.frombytes(packed)
        return found


def fields_of(role: Role) -> tuple[list[str], ...]:
    """The texts of a role in the order of FIELDS."""
    sections = [s.text for s in role.sections] + [item for s in role.sections for item in s.items]
    area = [role.area.name] + ([role.subarea.name] if role.subarea else [])
    return (
        [role.title],
        list(role.alternative_titles),
        [role.slug.replace("-", " ")],
        list(role.plain_words),
        [role.summary],
        area,
        sections,
    )


_SENTENCE = re.compile(r"(?<=[.!?;:])\s+")


def stemmed_lines(fields: tuple[list[str], ...]) -> list[str]:
    """Every text of a role, split into sentences, as its field's number and its stems joined by
    spaces: enough to tell whether two words of a query stand close together, and where."""
    lines = []
    for field_no, texts in enumerate(fields):
        for text in texts:
            for sentence in _SENTENCE.split(text):
                stems = [stem(w) for w in words(sentence) if w not in STOPWORDS]
                if stems:
                    lines.append(" ".join([str(field_no), *stems]))  # the field first: "3 tak blood"
    return lines


_SUMMARY = msgspec.msgpack.Decoder(Summary)
_SUMMARIES = msgspec.msgpack.Decoder(list[Summary])
_LINES = msgspec.msgpack.Decoder(list[str])


def _as_array(packed: list[msgspec.Raw]) -> bytes:
    """One msgpack array holding the already-encoded summaries, for a single fast decode."""
    n = len(packed)
    head = (
        bytes([0x90 | n])
        if n < 16
        else (b"\xdc" + n.to_bytes(2, "big") if n < 65536 else b"\xdd" + n.to_bytes(4, "big"))
    )
    return head + b"".join(bytes(p) for p in packed)
