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
from collections.abc import Iterable, Sequence, Sized
from itertools import accumulate

import msgspec

from careers_cli.errors import ProblemRecord
from careers_cli.models import Role, Step

FIELDS = ("title", "alternative title", "slug", "plain words", "summary", "area", "section")
# How much a match in each field counts. The plain words are everyday paraphrases, many to a
# role, and the summary is the one sentence that says what the job is: a word in either counts
# about the same (with the plain words at 0.85 and the summary at 0.6, one plain-words entry of a
# neighbouring role outranked the summary that defines the role asked for).
WEIGHTS = (1.0, 0.95, 0.9, 0.75, 0.7, 0.7, 0.45)
SECTION = FIELDS.index("section")
# Words that say nothing about which job is meant ("someone who works with ..."). Not "it":
# people search for IT jobs. Dropped only when the query has other words.
STOPWORDS = frozenset(
    "a an and are as at be by can do does doing did done for from how i in into is its like me my of on or that "
    "the their them they to want what where which who with would you your someone somebody person no not any "
    "people job jobs role roles career careers work working works "
    # How parents and school leavers put it ("my son likes computers, could he ..."): "son" would
    # find "song". (Not "nhs": "NHS graduate scheme".)
    "wants wanted likes loves enjoys son daughter he she his her him we our us could should will might "
    # and what they ask about a job rather than say of it ("what grades does she need", "what next",
    # "becoming a GP": the training doctor's "train to become a GP" is not what was asked)
    "need grades next become becoming becomes "
    # and words that place or join others but name nothing ("taking blood off people")
    "off out up about after over around under through during before also just really very so some "
    "lots lot more most all there here when then than this these those but though although yet".split()
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
_APOSTROPHE = r"(?<=[a-z])['\u2019](?:s\b)?(?=[a-z]|\b)"
_ITS = r"\bit['\u2019]s\b"  # "it's" is "its", not the IT of IT jobs
# Words written apart, with a hyphen or not, that people also write as one: "x-ray", "x ray" and
# "xray"; "co-ordinator" and "coordinator".
_JOINED = r"\b(x|co)[\s-]+(rays?|ordinat\w*|operat\w*)\b"
_JOINED_HINTS = ("x ", "x-", "co ", "co-")


@functools.cache
def compiled(pattern: str) -> re.Pattern[str]:
    """A pattern compiled on first use: compiling every pattern of search on every run costs more
    than a search's ranking, and most texts and queries need none of them."""
    return re.compile(pattern)


# American spellings of medical words in a query, as the role files (in British English) write
# them: "pediatric" is "paediatric", "anesthetist" "anaesthetist", "tumor" "tumour".
_US_STARTS = (
    ("anesth", "anaesth"),
    ("hema", "haema"),
    ("hemo", "haemo"),
    ("pediatr", "paediatr"),
    ("orthoped", "orthopaed"),
    ("gynec", "gynaec"),
    ("esophag", "oesophag"),
    ("leukem", "leukaem"),
    ("anemi", "anaemi"),
    ("diarrhea", "diarrhoea"),
)
_US_WORDS = {
    "tumor": "tumour",
    "tumors": "tumours",
    "labor": "labour",
    "behavior": "behaviour",
    "behavioral": "behavioural",
    "counselor": "counsellor",
    "counselors": "counsellors",
    "counseling": "counselling",
    "center": "centre",
    "centers": "centres",
    "aging": "ageing",
    "program": "programme",
    "programs": "programmes",
}
# Numbers written out, in figures as the training lengths give them: "a 2 year course" meets "two
# years". (Not "one": "no one", "one of".)
_NUMBERS = {w: str(n) for n, w in enumerate("two three four five six seven eight nine ten".split(), start=2)}
_SPELT = {**_US_WORDS, **_NUMBERS}


_US_PREFIXES = tuple(us for us, _ in _US_STARTS)


def _usual(word: str) -> str:
    """The word as the role files spell it: British, and numbers in figures."""
    if word in _SPELT:
        return _SPELT[word]
    if not word.startswith(_US_PREFIXES):  # (one call for the many words that are British)
        return word
    for us, uk in _US_STARTS:
        if word.startswith(us):
            return uk + word[len(us) :]
    return word


def words(text: str) -> list[str]:
    """Lower-case words of a text; '&' is dropped so "A&E" is one word, "ae", an apostrophe inside
    a word too ("isn't" is "isnt"), and a possessive's "'s" ("children's" is "children")."""
    lowered = text.lower().replace("&", "")
    # (Each substitution only where it can apply: this runs for every text of every role shown.)
    if "'" in lowered or "\u2019" in lowered:
        lowered = compiled(_APOSTROPHE).sub("", compiled(_ITS).sub("its", lowered))
    if any(hint in lowered for hint in _JOINED_HINTS):
        lowered = compiled(_JOINED).sub(r"\1\2", lowered)
    return _WORD.findall(lowered)


def query_words(query: str) -> list[str]:
    """The words of what someone typed, American spellings made British like the role files' and
    numbers in figures ("two" is "2").
    For queries, and for the index when it is built ("Anesthesiologist", an other title, is
    indexed as the query would spell it); not while searching, where it would cost more than the
    search for every text of every role shown, and the role files are in British English."""
    return [_usual(w) for w in words(query)]


# Forms the suffix rules would get wrong: a nursery is not a nurse ("nurs"), and midwives are
# midwives ("midwiv" would miss "midwife"); care is not a car, a career or a carer, a liver is not
# living, stores are not stories, shoes are not an SHO, to enter is not ENT, an evening is not
# "even", and "quite" is not "quit".
_UNCHANGED = {
    "nursery": "nurser",
    "nurseries": "nurser",
    "midwives": "midwif",
    "midwive": "midwif",
    **dict.fromkeys(("care", "cares", "caring", "cared"), "care"),
    **dict.fromkeys(("career", "careers"), "career"),
    **dict.fromkeys(("carer", "carers"), "carer"),
    **dict.fromkeys(("liver", "livers"), "liver"),
    **dict.fromkeys(("story", "stories"), "story"),
    **dict.fromkeys(("shoe", "shoes"), "shoe"),
    **dict.fromkeys(("enter", "enters", "entering", "entered"), "enter"),
    **dict.fromkeys(("evening", "evenings"), "evening"),
    "quite": "quite",
}


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


class Index(msgspec.Struct, frozen=True, dict=True):
    """Postings and summaries, stored as a few packed blobs that are decoded only when a command
    asks for them: at 10,000 roles, decoding lists of a million small objects cost more than the
    search itself, and a search needs a few dozen roles' summaries and lines.

    The blobs of numbers are uint32 arrays; each `..._ends` array gives where every item of its
    blob ends. `postings` holds, for vocabulary word `i` and field number `f`, the numbers of the
    documents with the word in that field, ending at `posting_ends[i * len(FIELDS) + f]`.
    """

    key: str
    slugs: list[str]
    vocabulary: list[str]  # every stemmed word, sorted
    problems: list[ProblemRecord]  # files left out of the index, for a warning
    summaries: memoryview  # each Summary encoded alone, one after another
    summary_ends: memoryview
    postings: memoryview
    posting_ends: memoryview
    packed_names: memoryview  # lower-cased main titles, to order ties without decoding summaries
    packed_titles: memoryview  # every title and other title, lower-cased, for whole-title matching
    packed_title_owner: memoryview  # the document each of `titles` belongs to
    packed_section_words: memoryview  # how many different words each document's sections have
    mean_section_words: float
    texts: memoryview  # each document's short texts as lines of stems, one encoded list after another
    text_ends: memoryview
    packed_spellings: memoryview  # every word as the role files spell it, sorted, for typos

    @classmethod
    def build(cls, roles: Iterable[Role], key: str = "", problems: Iterable[ProblemRecord] = ()) -> Index:
        docs: list[Summary] = []
        grouped: dict[str, list[list[int]]] = defaultdict(lambda: [[] for _ in FIELDS])  # word -> field -> docs
        section_words: list[int] = []
        texts: list[bytes] = []
        spellings: set[str] = set()
        for doc_id, role in enumerate(roles):
            docs.append(Summary.of(role))
            fields = fields_of(role)
            for field_no, field_texts in enumerate(fields):
                spelt = {w for text in field_texts for w in query_words(text)}
                spellings |= spelt
                for key_word in {stem(w) for w in spelt}:
                    grouped[key_word][field_no].append(doc_id)
            section_words.append(len({w for text in fields[SECTION] for w in words(text)}))
            texts.append(msgspec.msgpack.encode(stemmed_lines(fields)))
        vocabulary = sorted(grouped)
        titles = [(t.lower(), d) for d, doc in enumerate(docs) for t in doc.titles]
        summaries = [msgspec.msgpack.encode(d) for d in docs]
        return cls(
            key,
            [d.slug for d in docs],
            vocabulary,
            list(problems),
            memoryview(b"".join(summaries)),
            _ends(summaries),
            _uint32(d for w in vocabulary for ids in grouped[w] for d in ids),
            _ends([ids for w in vocabulary for ids in grouped[w]]),
            memoryview(msgspec.msgpack.encode([d.title.lower() for d in docs])),
            memoryview(msgspec.msgpack.encode([t for t, _ in titles])),
            _uint32(d for _, d in titles),
            _uint32(section_words),
            sum(section_words) / len(section_words) if section_words else 1.0,
            memoryview(b"".join(texts)),
            _ends(texts),
            memoryview(msgspec.msgpack.encode(sorted(spellings))),
        )

    def __len__(self) -> int:
        return len(self.slugs)

    @property
    def docs(self) -> list[Summary]:
        """Every summary (decoded now: at 10,000 roles this is the costly part of the index)."""
        return _SUMMARIES.decode(_array_head(len(self.slugs)) + self.summaries)

    def doc(self, i: int) -> Summary:
        return _SUMMARY.decode(_piece(self.summaries, self._summary_ends, i))

    def lines(self, i: int) -> list[str]:
        """Document `i`'s short texts and sentences, each as its field's number and its stems."""
        return _STRINGS.decode(_piece(self.texts, self._text_ends, i))

    def has(self, word: str) -> bool:
        return self._position(word) is not None

    def found_in(self, word: str) -> list[tuple[int, array[int]]]:
        """Each field number that has `word` (an index word), with the documents that have it there."""
        at = self._position(word)
        if at is None:
            return []
        ends, first = self._posting_ends, at * len(FIELDS)
        found = []
        for field_no in range(len(FIELDS)):
            start, end = ends[first + field_no - 1] if first + field_no else 0, ends[first + field_no]
            if end > start:
                found.append((field_no, self._postings[start:end]))
        return found

    def _position(self, word: str) -> int | None:
        at = bisect_left(self.vocabulary, word)
        return at if at < len(self.vocabulary) and self.vocabulary[at] == word else None

    @functools.cached_property
    def names(self) -> list[str]:
        return _STRINGS.decode(self.packed_names)

    @functools.cached_property
    def titles(self) -> list[str]:
        return _STRINGS.decode(self.packed_titles)

    @functools.cached_property
    def title_owner(self) -> array[int]:
        return _numbers(self.packed_title_owner)

    @functools.cached_property
    def spellings(self) -> list[str]:
        """Every word of the role files as spelt there (decoded only for a query with a typo)."""
        return _STRINGS.decode(self.packed_spellings)

    @functools.cached_property
    def section_words(self) -> array[int]:
        return _numbers(self.packed_section_words)

    @functools.cached_property
    def _summary_ends(self) -> array[int]:
        return _numbers(self.summary_ends)

    @functools.cached_property
    def _text_ends(self) -> array[int]:
        return _numbers(self.text_ends)

    @functools.cached_property
    def _posting_ends(self) -> array[int]:
        return _numbers(self.posting_ends)

    @functools.cached_property
    def _postings(self) -> array[int]:
        return _numbers(self.postings)


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
                stems = [stem(w) for w in query_words(sentence) if w not in STOPWORDS]
                if stems:
                    lines.append(" ".join([str(field_no), *stems]))  # the field first: "3 tak blood"
    return lines


_SUMMARY = msgspec.msgpack.Decoder(Summary)
_SUMMARIES = msgspec.msgpack.Decoder(list[Summary])
_STRINGS = msgspec.msgpack.Decoder(list[str])


def _ends(items: Sequence[Sized]) -> memoryview:
    """Where each item ends when the items are laid one after another, as uint32."""
    return _uint32(accumulate(len(item) for item in items))


def _uint32(numbers: Iterable[int]) -> memoryview:
    return memoryview(array("I", numbers).tobytes())


def _numbers(blob: memoryview) -> array[int]:
    """A blob of uint32 as an array (the blobs are views into the cache file's bytes, which
    msgspec decodes without copying, so a 24 MB index is not held twice)."""
    found = array("I")
    found.frombytes(blob)
    return found


def _piece(blob: memoryview, ends: array[int], i: int) -> memoryview:
    """Item `i` of a blob laid out by `_ends`, without copying it."""
    return blob[ends[i - 1] if i else 0 : ends[i]]


def _array_head(n: int) -> bytes:
    """The header of a msgpack array of `n` items, so encoded items laid one after another
    decode as one list in a single call."""
    if n < 16:
        return bytes([0x90 | n])
    return b"\xdc" + n.to_bytes(2, "big") if n < 65536 else b"\xdd" + n.to_bytes(4, "big")
