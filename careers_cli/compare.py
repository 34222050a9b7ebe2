"""The facts that `compare` puts side by side, and the pay scale summary for `pay`. Pure."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import msgspec

from careers_cli.index import Summary
from careers_cli.models import Band, PayScale, Role

KEY_SKILLS = 5


class Facts(msgspec.Struct, frozen=True):
    """One role's column in a comparison."""

    slug: str
    title: str
    area: str
    bands: tuple[str, ...]
    pay_label: str | None  # 'bands 5, 6' or 'grades ST1-2 to consultant'
    pay_min: int | None
    pay_max: int | None
    pay_year: str | None
    hours: float | None
    entry_routes: tuple[str, ...]  # keys of the vocabulary
    registration: str | None
    training: str | None
    leads_to: tuple[str, ...]
    skills: tuple[str, ...]


def facts(role: Role, title_of: Callable[[str], str | None]) -> Facts:
    """The comparable facts of a role; `title_of` names linked roles."""
    low, high = role.pay.range if role.pay else (None, None)
    leads = tuple(s.title or title_of(s.slug or "") or s.slug or "" for s in role.progression)
    skills = next((s.items for s in role.sections if s.key == "skills" and s.items), ())
    return Facts(
        role.slug,
        role.title,
        role.area_label,
        role.band_keys,
        role.pay.scale.describe(role.band_keys) if role.pay else None,
        low,
        high,
        role.pay.scale.year if role.pay else None,
        role.pay.hours_per_week if role.pay else None,
        role.entry_routes,
        role.registration,
        role.training_length,
        leads,
        skills[:KEY_SKILLS],
    )


class BandCount(msgspec.Struct, frozen=True):
    band: Band
    starting: tuple[Summary, ...]  # roles whose lowest band is this one


def start_bands(scale: PayScale, docs: Iterable[Summary]) -> list[BandCount]:
    """Each band of the scale with the catalogue roles that start in it."""
    order = [b.key for b in scale.bands]
    starting: dict[str, list[Summary]] = {key: [] for key in order}
    for doc in docs:
        if doc.scale == scale.key and doc.bands:
            starting[min(doc.bands, key=order.index)].append(doc)
    return [BandCount(b, tuple(sorted(starting[b.key], key=lambda d: d.title.lower()))) for b in scale.bands]
