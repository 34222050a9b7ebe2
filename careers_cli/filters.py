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
    any_entry: frozenset[str] = frozenset()  # at least one of these is ("without a degree")

    def __call__(self, role: Summary) -> bool:
        return (
            (self.area is None or role.area == self.area)
            and (self.bands is None or not self.bands.isdisjoint(role.bands))
            and self.entry_routes.issubset(role.entry_routes)
            and (not self.any_entry or not self.any_entry.isdisjoint(role.entry_routes))
        )

    @property
    def active(self) -> bool:
        return self.area is not None or self.bands is not None or bool(self.entry_routes) or bool(self.any_entry)


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
