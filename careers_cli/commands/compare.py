"""`careers compare A B [C D]`: the facts of two to four roles side by side."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import msgspec

from careers_cli.catalogue import Catalogue
from careers_cli.commands.base import Result, folder_notes, named, titled
from careers_cli.errors import RoleNotFound, UsageError
from careers_cli.models import Role

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
    pay_status: str = "confirmed"  # or "provisional": the scale's figures are not final


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
        pay_status=role.pay.scale.status if role.pay else "confirmed",
    )


class Compared(Result, frozen=True, kw_only=True):
    kind = "compare"
    columns: tuple[Facts, ...]


def run(catalogue: Catalogue, slugs: Sequence[str]) -> Compared:
    if not 2 <= len(slugs) <= 4:
        raise UsageError(f"Compare takes two to four roles, got {len(slugs)}")
    missing = [s for s in slugs if catalogue.resolve(s) is None and len(titled(catalogue, s)) != 1]
    if len(missing) > 1:
        raise RoleNotFound(missing[0], (), also=missing[1:])
    found = [named(catalogue, s) for s in slugs]
    roles = [role for role, _ in found]
    said = tuple(note for _, notes in found for note in notes)
    twice = [r.slug for i, r in enumerate(roles) if r.slug in [x.slug for x in roles[:i]]]
    if twice:
        raise UsageError(f"'{twice[0]}' is given twice; compare different roles")
    return Compared(
        notes=folder_notes(catalogue) + said,
        columns=tuple(facts(r, lambda s: known.title if (known := catalogue.find(s)) else None) for r in roles),
    )
