"""Phrases in a search that are really filters: "band 5", "without a degree", "apprenticeship".

People type what `--band` and `--entry` do as words. Each phrase found is taken out of the
query and turned into a condition, with a sentence saying what was understood, so the search
for "band 5 lab jobs" is "lab" among the roles at band 5. Pure; never prints.
"""

from __future__ import annotations

import re

import msgspec

from careers_cli.index import STOPWORDS, compiled, words

APPRENTICESHIP = frozenset({"apprenticeship", "degree-apprenticeship"})

_BAND = r"\b(?:afc\s+|agenda\s+for\s+change\s+)?bands?\s*(\d[a-d]?)(?:\s*(?:-|to|or)\s*(\d[a-d]?))?\b"
_NO_DEGREE = (
    r"\b(?:no|without(?:\s+an?)?|non|(?:do\s*n[o']?t|does\s*n[o']?t|not)\s+(?:need|needing|require|requiring)\s+an?)"
    r"[\s-]+(?:uni(?:versity)?\s+)?degrees?(?:[\s-]+(?:needed|required))?\b"
)
_NO_UNIVERSITY = r"\b(?:without|no|not|never)\s+(?:going\s+to\s+|doing\s+|attending\s+)?uni(?:versity)?\b"
_NO_QUALIFICATIONS = (
    r"\b(?:no|without(?:\s+any)?|(?:do\s*n[o']?t|not)\s+(?:need|needing)(?:\s+any)?)\s+"
    r"(?:qualifications?|quals|gcses?|formal\s+qualifications?)(?:\s+(?:needed|required))?\b"
)
_DEGREE_APPRENTICESHIP = r"\bdegree[\s-]+apprentice(?:ship)?s?\b"
_APPRENTICESHIP = r"\bapprentice(?:ship)?s?\b"


# The patterns are compiled on first use (index.compiled): most queries hold none of these
# phrases, and a plain substring check decides.
_FILTER_HINTS = ("band", "degree", "uni", "qual", "gcse", "apprentic")


class Understood(msgspec.Struct, frozen=True):
    """What a query's filter phrases ask for, and the query without them."""

    query: str  # the words left to search for ("" when only filler words are left)
    band: str | None = None  # "5" or "5-6", for filters.band_range
    any_entry: frozenset[str] = frozenset()  # the role must have at least one of these routes
    no_degree: bool = False  # and a way in without a degree (filters.needs_no_degree)
    said: tuple[str, ...] = ()  # each condition in words: "roles at band 5"
    phrases: tuple[str, ...] = ()  # the phrases as typed: "band 5"


def read(query: str) -> Understood:
    """The filter phrases of a query, taken out of it."""
    text = query.lower()
    if not any(hint in text for hint in _FILTER_HINTS):
        return Understood(query)
    band = None
    routes: frozenset[str] = frozenset()
    no_degree = False
    said: list[str] = []
    phrases: list[str] = []

    def take(pattern: str) -> re.Match[str] | None:
        nonlocal text
        found = compiled(pattern).search(text)
        if found:
            phrases.append(" ".join(found[0].split()))
            text = text[: found.start()] + " " + text[found.end() :]
        return found

    if found := take(_BAND):
        band = found[1] + (f"-{found[2]}" if found[2] else "")
        said.append(f"roles at band {found[1]}" + (f" to {found[2]}" if found[2] else ""))
    if take(_NO_QUALIFICATIONS):
        routes = frozenset({"none-set"})
        said.append("roles with a way in that asks for no set qualifications")
    elif take(_NO_DEGREE) or take(_NO_UNIVERSITY):
        no_degree = True
        said.append("roles with a way in that needs no degree")
    if take(_DEGREE_APPRENTICESHIP):
        routes = frozenset({"degree-apprenticeship"})
        said.append("roles with a degree apprenticeship")
    elif take(_APPRENTICESHIP):
        # (without a degree: an apprenticeship that is not a degree one)
        routes = frozenset({"apprenticeship"}) if no_degree else (routes & APPRENTICESHIP) or APPRENTICESHIP
        said.append("roles with an apprenticeship")
    if not phrases:
        return Understood(query)
    left = " ".join(text.split())
    if all(w in STOPWORDS for w in words(left)):
        left = ""  # "band 5 jobs": nothing but the filter
    return Understood(left, band, routes, no_degree, tuple(said), tuple(phrases))


# "but not a paramedic", "isn't a dentist", "doesn't do surgery", "rather than nursing": the
# words after a negation name what the person does not want. They are searched for no more, and
# roles whose titles they name rank lower. Filter phrases ("without a degree") are read first.
_NEGATION = (
    r"\b(?:not|never|no|without|isn'?t|aren'?t|doesn'?t|don'?t|dont|won'?t|can'?t|cannot|"
    r"rather\s+than|instead\s+of|other\s+than|apart\s+from|except)\s+([^,.;!?]*)"
)
_NEGATION_HINTS = frozenset(
    "not never no without isnt arent doesnt dont wont cant cannot rather instead other apart except".split()
)
# Where what is not wanted ends: the next clause ("but", "and", "who", ...).
_CLAUSE_END = r"\b(?:but|and|or|who|which|that|so|because|where|though|although|more|just)\b"
# Words between a negation and what it negates ("not a", "doesn't do", "don't want to be").
_LEAD_IN = frozenset(
    "a an the be being become becoming do doing want wanting to as like involve involving need needing "
    "go going work working have having any my with really".split()
)
MOST_UNWANTED = 3  # "not a paramedic", "no night shifts", "isn't a hospital doctor": a few words


class Unwanted(msgspec.Struct, frozen=True):
    """What a query says the person does not want, and the query without it."""

    query: str
    words: tuple[str, ...] = ()  # as typed: ("paramedic",)
    phrase: str = ""  # "not a paramedic"


def unwanted(query: str) -> Unwanted:
    """The first negated phrase of a query, taken out of it (the query unchanged if it has none,
    or if nothing would be left to search for)."""
    text = query.lower()
    found = compiled(_NEGATION).search(text) if _NEGATION_HINTS.intersection(words(text)) else None
    if found is None:
        return Unwanted(query)
    rest = found[1]
    if end := compiled(_CLAUSE_END).search(rest):
        rest = rest[: end.start()]
    said = words(rest)
    while said and said[0] in _LEAD_IN:
        said = said[1:]
    named = tuple(w for w in said[:MOST_UNWANTED] if w not in STOPWORDS)
    if not named:
        return Unwanted(query)
    cut = found.start(1) + len(rest)
    left = " ".join((text[: found.start()] + " " + text[cut:]).split())
    if all(w in STOPWORDS for w in words(left)):
        return Unwanted(query)  # "not a nurse" alone: nothing else to go on
    if _NO_JOB_NAMED.issuperset(named):
        return Unwanted(left)  # "no experience needed": not a job to rank lower, nor to search for
    return Unwanted(left, named, " ".join(text[found.start() : cut].split()))


# What "no ..." can say that names no job: a person without experience is asking for a first job,
# which the words of no role file describe ("no experience" would find "experienced paramedic").
_NO_JOB_NAMED = frozenset("experience previous prior needed required necessary".split())


# "assisting the dentist", "helping the foot doctor", "support the physio": the person named
# after a helping word is not the job asked for, their assistant is. Those words are still
# searched for (they find the assistant's role); the helped role itself ranks lower.
_HELPED = (
    r"\b(?:assist(?:s|ing)?|help(?:s|ing)?|support(?:s|ing)?|alongside|(?:assistant|helper)\s+to)\s+"
    r"(?:out\s+)?(?:the|a|an|our|your)\s+([^,.;!?]*)"
)
_HELPED_HINTS = frozenset(
    "assist assists assisting help helps helping support supports supporting alongside assistant helper".split()
)
# Where the helped person's name ends: a word that starts what they do or where ("the dentist
# during check ups", "the physio in a gym", "the doctor with patients").
_HELPED_END = (
    r"\b(?:with|in|on|at|during|for|to|when|while|who|and|or|but|by|from|of|so|because|as|do|does|doing|"
    r"give|giving|take|taking|look|looking|care|caring|run|running)\b"
)
MOST_HELPED = 3


def helped(query: str) -> tuple[str, ...]:
    """The words naming whom the person wants to help, as typed ("foot", "doctor"), or ()."""
    text = query.lower()
    if not _HELPED_HINTS.intersection(words(text)):
        return ()
    found = compiled(_HELPED).search(text)
    if found is None:
        return ()
    rest = found[1]
    if end := compiled(_HELPED_END).search(rest):
        rest = rest[: end.start()]
    return tuple(w for w in words(rest)[:MOST_HELPED] if w not in STOPWORDS)


# What people ask for that no role file records: which posts are part time or flexible. Searched
# for as words, "part time" finds the roles whose training can be studied part time; so it is
# taken out and the output says why.
_NOT_RECORDED = r"\b(?:part[\s-]*time|full[\s-]*time|flexible\s+(?:hours|working)|job[\s-]*shar(?:e|ing))\b"
_NOT_RECORDED_HINTS = ("time", "flexible", "job")


class NotRecorded(msgspec.Struct, frozen=True):
    """A query without the phrase it holds that the role files do not record."""

    query: str
    phrase: str = ""  # "part time"


def not_recorded(query: str) -> NotRecorded:
    """The query less a phrase such as "part time" (unchanged if it has none, or nothing else)."""
    text = query.lower()
    found = compiled(_NOT_RECORDED).search(text) if any(h in text for h in _NOT_RECORDED_HINTS) else None
    if found is None:
        return NotRecorded(query)
    left = " ".join((text[: found.start()] + " " + text[found.end() :]).split())
    if all(w in STOPWORDS for w in words(left)):
        return NotRecorded(query)
    return NotRecorded(left, " ".join(found[0].split()))
