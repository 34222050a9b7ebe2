"""Filters by area, pay band and entry route, shared by search and list. Pure; never prints."""

from __future__ import annotations

from collections.abc import Sequence

import msgspec

from careers_cli.errors import NotFound, UsageError
from careers_cli.index import Summary
from careers_cli.models import ENTRY_ROUTE_LABELS
from careers_cli.suggest import closest, did_you_mean
from careers_cli.visible import one_line


class Filter(msgspec.Struct, frozen=True):
    """Which roles to keep: all the given conditions must hold."""

    area: str | None = None
    bands: frozenset[str] | None = None  # any of the role's bands falls in the range
    entry_routes: frozenset[str] = frozenset()  # every route is one of the role's
    any_entry: frozenset[str] = frozenset()  # at least one of these is ("an apprenticeship")
    no_degree: bool = False  # there is a way in without a degree ("without a degree")
    unbanded: bool = False  # a role with no band on record passes the band condition too

    def unknown_band(self, role: Summary) -> bool:
        """Whether the role passes the band condition only because it has no band on record."""
        return self.unbanded and self.bands is not None and not role.bands

    def __call__(self, role: Summary) -> bool:
        return (
            (self.area is None or role.area == self.area)
            and (self.bands is None or not self.bands.isdisjoint(role.bands) or self.unknown_band(role))
            and self.entry_routes.issubset(role.entry_routes)
            and (not self.any_entry or not self.any_entry.isdisjoint(role.entry_routes))
            and (not self.no_degree or needs_no_degree(role.entry_routes))
        )

    @property
    def active(self) -> bool:
        return (
            self.area is not None
            or self.bands is not None
            or bool(self.entry_routes)
            or bool(self.any_entry)
            or self.no_degree
        )


# Ways in that are not a degree. School results and experience count only for a role with no
# degree or registration way in at all (a receptionist's GCSEs, a practice manager's experience):
# a pharmacist's A levels are what its degree asks for, and an anaesthesia associate's experience
# is as a registered nurse or ODP.
WITHOUT_DEGREE = frozenset({"none-set", "vocational", "apprenticeship"})
_BESIDE_A_DEGREE = frozenset({"gcse", "a-level", "experience"})


def needs_no_degree(routes: Sequence[str]) -> bool:
    """Whether one of a role's ways in needs no degree."""
    have = frozenset(routes)
    return not have.isdisjoint(WITHOUT_DEGREE) or (bool(have) and have <= _BESIDE_A_DEGREE)


def band_range(text: str, *orders: Sequence[str]) -> frozenset[str]:
    """The bands in '4', '3-5', '8a-8c' or 'st1-consultant', in the order of the one scale that
    holds both ends (a range never runs from one scale into another)."""
    low, sep, high = text.strip().lower().partition("-")
    ends = [low, high if sep else low]
    order = next((o for o in orders if all(end in o for end in ends)), None)
    if order is None:
        choices = "; ".join(", ".join(o) for o in orders)
        unknown = next((end for end in ends if not any(end in o for o in orders)), "")
        close = closest(unknown, [b for o in orders for b in o], limit=2) if unknown else []
        hint = f"{did_you_mean(close)} " if close else ""
        raise UsageError(
            f"No band or band range '{one_line(text, 40)}'. {hint}Use a band ({choices}) or a range such as 3-5"
        )
    first, last = order.index(ends[0]), order.index(ends[1])
    if first > last:
        raise UsageError(f"Band range '{text}' runs backwards; write the lower band first, e.g. 3-5")
    return frozenset(order[first : last + 1])


def entry_routes(names: Sequence[str]) -> frozenset[str]:
    """Checked entry routes from the fixed vocabulary."""
    for name in names:
        if name not in ENTRY_ROUTE_LABELS:
            raise NotFound("entry route", name, list(ENTRY_ROUTE_LABELS))
    return frozenset(names)


# -- what a person has, and the ways in it opens (`careers start --have`, `match --have`) -------

# Words people use for what they have, as the entry routes of the role files.
HAVE_WORDS = {
    "nothing": "none-set",
    "none": "none-set",
    "gcses": "gcse",
    "a-levels": "a-level",
    "alevels": "a-level",
    "btec": "vocational",
    "t-level": "vocational",
    "nvq": "vocational",
    "graduate": "degree",
    "bsc": "degree",
    "ba": "degree",
    "masters": "postgraduate",
    "msc": "postgraduate",
    "phd": "postgraduate",
    "doctorate": "postgraduate",
    "registration": "professional-registration",
    "registered": "professional-registration",
}
# Each way in, and what a person needs to have to take it now: GCSEs open an apprenticeship,
# A levels or a vocational level 3 open a degree apprenticeship and degree entry, a degree opens
# a graduate scheme and postgraduate entry. (What a role's own page asks for beyond that, such
# as particular subjects, is in its entry requirements.)
_OPENS: dict[str, frozenset[str]] = {
    "none-set": frozenset({"none-set"}),
    "gcse": frozenset({"none-set", "gcse", "apprenticeship"}),
    "a-level": frozenset({"none-set", "gcse", "apprenticeship", "a-level", "degree-apprenticeship"}),
    "vocational": frozenset({"none-set", "gcse", "apprenticeship", "vocational", "degree-apprenticeship"}),
    "apprenticeship": frozenset({"none-set", "gcse", "apprenticeship"}),
    "degree-apprenticeship": frozenset({"none-set", "gcse", "a-level", "apprenticeship", "degree-apprenticeship"}),
    "degree": frozenset({"none-set", "gcse", "a-level", "apprenticeship", "degree-apprenticeship", "graduate-scheme"}),
    "postgraduate": frozenset(
        {"none-set", "gcse", "a-level", "apprenticeship", "degree-apprenticeship", "graduate-scheme"}
    ),
    "professional-registration": frozenset({"none-set", "professional-registration", "experience"}),
    "experience": frozenset({"none-set", "experience"}),
    "graduate-scheme": frozenset({"none-set", "graduate-scheme"}),
}
# Ways in that start with a course the person can begin now. A degree or postgraduate way in
# stays here even for someone who has one: most roles ask for their own subject.
_STUDY: dict[str, frozenset[str]] = {
    "a-level": frozenset({"degree"}),
    "vocational": frozenset({"degree"}),
    "degree-apprenticeship": frozenset({"degree"}),
    "degree": frozenset({"degree", "postgraduate"}),
    "postgraduate": frozenset({"degree", "postgraduate"}),
}


def have(names: Sequence[str]) -> frozenset[str]:
    """What a person has, from entry route names or everyday words ('gcses', 'a-levels')."""
    found = set()
    for name in names:
        for part in name.split(","):
            word = part.strip().lower().replace(" ", "-")
            if not word:
                continue
            key = HAVE_WORDS.get(word, word)
            if key not in ENTRY_ROUTE_LABELS:
                raise NotFound("qualification", part.strip(), [*ENTRY_ROUTE_LABELS, *HAVE_WORDS])
            found.add(key)
    return frozenset(found)


def open_now(had: frozenset[str]) -> frozenset[str]:
    """The ways in a person can take now: the routes their qualifications meet."""
    return frozenset({"none-set"}).union(*(_OPENS[h] for h in had))


def open_after_study(had: frozenset[str]) -> frozenset[str]:
    """The ways in that begin with a course the person can start now (a degree after A levels)."""
    return frozenset().union(*(_STUDY.get(h, frozenset()) for h in had)) - open_now(had)
