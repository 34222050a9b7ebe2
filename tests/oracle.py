"""An independent reading of the shipped role files (plain PyYAML, no careers code), so that
filter and count tests check the commands against the data instead of a list that goes stale
each time a role is added."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
BANDS = ["2", "3", "4", "5", "6", "7", "8a", "8b", "8c", "8d", "9"]


def roles() -> dict[str, dict[str, Any]]:
    return {
        p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "data" / "roles").glob("*.yaml"))
    }


def bands(role: dict[str, Any]) -> list[str]:
    pay = role.get("pay") or {}
    return [str(b) for b in pay.get("bands", [])] if pay.get("scale") == "agenda-for-change" else []


def where(low: str | None = None, high: str | None = None, entry: tuple[str, ...] = ()) -> list[str]:
    """Slugs of the roles with a band in low..high (when given) and every entry route, by title."""
    span = set(BANDS[BANDS.index(low) : BANDS.index(high or low) + 1]) if low else None
    found = [
        (role["title"].lower(), slug)
        for slug, role in roles().items()
        if (span is None or span & set(bands(role))) and set(entry) <= set(role["entry_routes"])
    ]
    return [slug for _, slug in sorted(found)]


def starting_in(band: str) -> list[str]:
    """Slugs of the roles whose lowest Agenda for Change band is `band`, by title."""
    found = [(r["title"].lower(), s) for s, r in roles().items() if bands(r) and min(bands(r), key=BANDS.index) == band]
    return [slug for _, slug in sorted(found)]
