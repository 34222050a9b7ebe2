"""The phrases every format shares (pay, bands, header facts), as plain strings. No Rich here."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from careers_cli.models import (
    ENTRY_ROUTE_LABELS,
    SUPPORTS,
    Area,
    Band,
    InterestItem,
    InterestType,
    Pay,
    PayScale,
    Role,
    Source,
)
from careers_cli.visible import visible

if TYPE_CHECKING:
    from careers_cli.commands.compare import Facts
    from careers_cli.commands.start import Reach
    from careers_cli.interests import Suggestion
    from careers_cli.routes import Node

KIND_LABELS = {"up": "step up", "sideways": "change of field", "specialist": "specialist"}
BUILTIN = "built-in"


def clean(text: str) -> str:
    """Role text with control and invisible characters (ANSI escapes, bidi overrides) made
    visible and harmless; tabs and newlines kept."""
    return visible(text)


_NOT_RAW = frozenset(' "<>\\^`{|}')


def safe_url(url: str) -> bool:
    """Whether an address can be written raw (a terminal hyperlink, a Markdown link): http(s),
    printable ASCII, no space, quote or angle bracket."""
    return url.startswith(("https://", "http://")) and url.isascii() and url.isprintable() and not _NOT_RAW & set(url)


def money(amount: int) -> str:
    return f"£{amount:,}"


def money_range(bands: Sequence[Band]) -> str:
    low, high = min(b.min for b in bands), max(b.max for b in bands)
    return money(low) if low == high else f"{money(low)} to {money(high)}"


def pay_line(pay: Pay) -> str:
    low, high = pay.range
    amount = money(low) if low == high else f"{money(low)} to {money(high)}"
    scale = pay.scale
    which = scale.describe([b.key for b in pay.bands])
    return f"{scale.name} {which}: {amount} a year ({year_words(scale)})"


def year_words(scale: PayScale) -> str:
    """'2026/27 rates, England', with ', provisional' while not read from the official table."""
    return f"{scale.year} rates, {scale.region}" + (", provisional" if scale.status == "provisional" else "")


def day(date: datetime.date) -> str:
    return f"{date.day} {date:%B %Y}"


def sources_described(sources: Sequence[Source], facts: bool = True) -> list[tuple[str, str]]:
    """Each source's address and what rests on it: 'pay band, hours; checked 2 December 2026'
    (a pay table's sources, facts=False, by their notes alone)."""
    described = []
    for s in sources:
        named = ", ".join(SUPPORTS[k] for k in s.supports) or ("every fact" if len(sources) == 1 else "the other facts")
        parts = [named] if facts else []
        described.append((s.url, "; ".join([*parts, f"checked {day(s.checked)}", *([s.note] if s.note else [])])))
    return described


def one_plain_source(role: Role) -> bool:
    """A role with one page for everything, shown as before: 'Facts checked DAY against URL'."""
    return len(role.sources) == 1 and not role.source.supports and not role.source.note


def header_facts(role: Role) -> list[tuple[str, str]]:
    """The header's label and value rows, shared by the terminal and Markdown forms."""
    facts = [("Also called", ", ".join(role.alternative_titles))] if role.alternative_titles else []
    facts.append(("Area", role.area_label))
    if role.pay:
        facts.append(("Pay", pay_line(role.pay)))
        if role.pay.hours_per_week:
            facts.append(("Hours", f"{role.pay.hours_per_week:g} a week"))
    facts.append(("Entry routes", ", ".join(ENTRY_ROUTE_LABELS[r] for r in role.entry_routes)))
    if role.registration:
        facts.append(("Registration", role.registration))
    if role.training_length:
        facts.append(("Training", role.training_length))
    return facts


def checked_on(role: Role) -> str:
    return day(role.checked)


def bands_text(keys: Sequence[str], scale: PayScale | None = None) -> str:
    """The bands alone, for a column headed Band: '3, 4', '3 to 8c', 'ST1-2 to consultant'."""
    if scale is not None and keys:
        return scale.describe(keys).split(" ", 1)[1]
    return ", ".join(keys) or "–"


def bands_label(keys: Sequence[str], scale: PayScale | None = None) -> str:
    """'band 2', 'bands 3, 5', 'bands 3 to 8c', 'grades FY1 to FY2' or 'no band given'."""
    if scale is not None and keys:
        return scale.describe(keys)
    return f"band{'s' * (len(keys) > 1)} {', '.join(keys)}" if keys else "no band given"


def band_objects(scales: dict[str, PayScale], scale: str | None, keys: Sequence[str]) -> list[Band]:
    """The Band records for a summary's band keys (none when the scale is unknown)."""
    found = scales.get(scale or "")
    return [b for b in (found.band(k) for k in keys) if b is not None] if found else []


def area_name(areas: dict[str, Area], key: str) -> str:
    return areas[key].name if key in areas else key


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' * (count != 1)}"


def compare_pay(f: Facts) -> str:
    """A compared role's pay in words: 'bands 5, 6: £31,049 to £47,810 (2025/26)'."""
    if f.pay_min is None or f.pay_max is None:
        return "no band given"
    amount = money(f.pay_min) if f.pay_min == f.pay_max else f"{money(f.pay_min)} to {money(f.pay_max)}"
    return f"{f.pay_label}: {amount} ({f.pay_year}{', provisional' * (f.pay_status == 'provisional')})"


# The facts `compare` sets side by side, in words (the document formats; text draws its own cells).
COMPARE_ROWS: list[tuple[str, Callable[[Facts], str]]] = [
    ("Area", lambda f: f.area),
    ("Pay", compare_pay),
    ("Hours", lambda f: f"{f.hours:g} a week" if f.hours else ""),
    ("Entry routes", lambda f: ", ".join(ENTRY_ROUTE_LABELS[r] for r in f.entry_routes)),
    ("Registration", lambda f: f.registration or ""),
    ("Training", lambda f: f.training or ""),
    ("Can lead to", lambda f: "; ".join(f.leads_to)),
    ("Key skills", lambda f: "; ".join(f.skills)),
]


def pay_years_line(scales: dict[str, PayScale], used: Iterable[str | None]) -> str:
    """Which pay year the figures of a tree or route are: 'Pay: Agenda for Change 2026/27 rates,
    England, provisional.' ('' when no step has pay)."""
    named = [scales[k] for k in dict.fromkeys(k for k in used if k) if k in scales]
    return f"Pay: {'; '.join(f'{s.name} {year_words(s)}' for s in named)}." if named else ""


def scales_in(node: Node) -> Iterator[str | None]:
    """The pay scale of every step of a tree that has bands."""
    if node.bands:
        yield node.scale
    for child in node.next:
        yield from scales_in(child)


def match_reason(s: Suggestion, types: dict[str, InterestType], asked: Sequence[InterestItem]) -> str:
    """Why a role is suggested, in one line: the interests shared, the answers that weighed most."""
    from careers_cli.interests import role_top

    names = [types[t].name for t in s.shared]
    theirs = [types[t].name for t in role_top(s.doc)]
    why = (
        f"shares your strongest interest{'s' if len(names) > 1 else ''}: {' and '.join(names)}"
        if names
        else f"mostly {' and '.join(theirs)} work, the closest to the shape of your answers"
    )
    texts = {i.key: i.text for i in asked}
    liked = [f"'{texts[k]}'" for k in s.liked]
    return why + (f"; you liked {' and '.join(liked)}" if liked else "")


def profiles_words(profiled: dict[str, int]) -> str:
    """Where the roles' interest profiles came from: '228 roles by the editors' rubric'."""
    source = {"onet": "from O*NET's interest data", "rubric": "by the editors' rubric (docs/interest-rubric.md)"}
    return ", ".join(f"{plural(n, 'role')} {source.get(b, b)}" for b, n in sorted(profiled.items())) or "none yet"


def band_change(reach: Reach, scales: dict[str, PayScale]) -> str:
    """'band 2 to bands 4 to 8b' for a move between roles on one scale; '' otherwise."""
    if not reach.from_bands or not reach.bands:
        return ""
    scale = scales.get(reach.scale or "")
    return f"{bands_label(reach.from_bands, scale)} to {bands_label(reach.bands, scale)}"
