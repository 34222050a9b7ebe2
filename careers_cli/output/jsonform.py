"""The JSON format: the documented, stable `--json` contract (see the README).

Each result kind has a function that turns it into plain data; `FORMATTERS` writes that data as
indented JSON on stdout and nothing else (ASCII escapes on a stream that cannot take UTF-8).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from careers_cli.errors import Problem
from careers_cli.models import Area, Pay, Role, Step

if TYPE_CHECKING:  # only for annotations: keeps rapidfuzz off the start-up path of `show`
    from careers_cli.commands.areas import Areas
    from careers_cli.commands.compare import Facts
    from careers_cli.commands.list_roles import Listed
    from careers_cli.commands.pay import BandCount, Scale
    from careers_cli.index import Summary
    from careers_cli.output import Formatter, Formatters, Sink
    from careers_cli.routes import Node, RouteStep
    from careers_cli.search import Hit


def role(r: Role) -> dict[str, Any]:
    return {
        "slug": r.slug,
        "title": r.title,
        "alternative_titles": list(r.alternative_titles),
        "former_slugs": list(r.former_slugs),
        "area": r.area.key,
        "area_name": r.area.name,
        "subarea": r.subarea.key if r.subarea else None,
        "subarea_name": r.subarea.name if r.subarea else None,
        "summary": r.summary,
        "sections": [{"key": s.key, "heading": s.heading, "text": s.text, "items": list(s.items)} for s in r.sections],
        "pay": pay(r.pay) if r.pay else None,
        "entry_routes": list(r.entry_routes),
        "registration": r.registration,
        "training_length": r.training_length,
        "progression": [step(s) for s in r.progression],
        "related": list(r.related),
        "organisations": [{"name": o.name, "url": o.url or None} for o in r.organisations],
        "source": {"url": r.source.url, "checked": r.source.checked.isoformat()},
        "file": str(r.path),
    }


def pay(p: Pay) -> dict[str, Any]:
    low, high = p.range
    return {
        "scale": p.scale.key,
        "scale_name": p.scale.name,
        "year": p.scale.year,
        "region": p.scale.region,
        "bands": [{"band": b.key, "min": b.min, "max": b.max} for b in p.bands],
        "min": low,
        "max": high,
        "hours_per_week": p.hours_per_week,
    }


def step(s: Step) -> dict[str, Any]:
    return {"title": s.title, "slug": s.slug, "note": s.note or None, "kind": s.kind, "next": [step(n) for n in s.next]}


def hit(h: Hit) -> dict[str, Any]:
    return {
        "slug": h.role.slug,
        "title": h.role.title,
        "score": h.score,
        "area": h.role.area,
        "bands": list(h.role.bands),
        "matched_field": h.field,
        "matched_words": list(h.terms),
        "snippet": h.snippet,
    }


def listed(r: Summary, origins: dict[str, str] | None = None) -> dict[str, Any]:
    item = {"slug": r.slug, "title": r.title, "area": r.area, "subarea": r.subarea, "bands": list(r.bands)}
    return {**item, "source": origins[r.slug]} if origins else item


def area(a: Area, count: int, per_subarea: dict[str, int]) -> dict[str, Any]:
    subareas = [{"key": s.key, "name": s.name, "roles": per_subarea.get(s.key, 0)} for s in a.subareas]
    return {"key": a.key, "name": a.name, "url": a.url or None, "roles": count, "subareas": subareas}


def node(n: Node) -> dict[str, Any]:
    return {
        "title": n.title,
        "slug": n.slug,
        "note": n.note or None,
        "kind": n.kind,
        "bands": list(n.bands),
        "repeat": n.repeat,
        "shown_above": n.shown,
        "next": [node(c) for c in n.next],
    }


def problem(p: Problem) -> dict[str, Any]:
    return {"file": str(p.path), "line": p.line, "column": p.column, "key": p.key or None, "message": p.message}


def route(stops: Sequence[RouteStep]) -> list[dict[str, Any]]:
    return [
        {"slug": s.slug, "title": s.title, "bands": list(s.bands), "note": s.note or None, "kind": s.kind}
        for s in stops
    ]


def facts(f: Facts) -> dict[str, Any]:
    return {
        "slug": f.slug,
        "title": f.title,
        "area": f.area,
        "bands": list(f.bands),
        "pay": {"min": f.pay_min, "max": f.pay_max, "year": f.pay_year} if f.pay_min is not None else None,
        "hours_per_week": f.hours,
        "entry_routes": list(f.entry_routes),
        "registration": f.registration,
        "training_length": f.training,
        "leads_to": list(f.leads_to),
        "key_skills": list(f.skills),
    }


def band_count(c: BandCount) -> dict[str, Any]:
    return {
        "band": c.band.key,
        "label": c.band.label,
        "min": c.band.min,
        "max": c.band.max,
        "roles_starting": [{"slug": d.slug, "title": d.title} for d in c.starting],
    }


def _scale(r: Scale) -> dict[str, Any]:
    return {
        "scale": r.scale.key,
        "name": r.scale.name,
        "year": r.scale.year,
        "bands": [band_count(c) for c in r.counts],
    }


def _listed(r: Listed) -> list[dict[str, Any]]:
    return [listed(role, r.origins) for role in r.roles]


def _areas(r: Areas) -> list[dict[str, Any]]:
    return [area(row.area, row.roles, row.per_subarea) for row in r.rows]


_DATA: dict[str, Callable[[Any], Any]] = {
    "show": lambda r: role(r.role),
    "search": lambda r: [hit(h) for h in r.hits],
    "list": _listed,
    "areas": _areas,
    "tree": lambda r: node(r.root),
    "routes": lambda r: [route(stops) for stops in r.routes],
    "compare": lambda r: [facts(c) for c in r.columns],
    "pay": _scale,
    "band": lambda r: band_count(r.count),
    "validate": lambda r: [problem(p) for p in r.problems],
}


_UNSAFE = re.compile("[\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2069\ufeff]")


def _writer(data: Callable[[Any], Any]) -> Formatter:
    def write(result: Any, out: Sink) -> None:
        import json  # here, not at the top: only --json needs it, and every import costs start-up

        text = json.dumps(data(result), ensure_ascii=out.env.ascii_only, indent=2)
        # JSON leaves DEL, the C1 controls and invisible format characters raw; a terminal
        # may act on them, so they are written as \u escapes (still the same JSON).
        out.write(_UNSAFE.sub(lambda m: f"\\u{ord(m[0]):04x}", text) + "\n")

    return write


FORMATTERS: Formatters = {kind: _writer(data) for kind, data in _DATA.items()}
