"""The JSON format: the documented, stable `--json` contract (see the README).

Each result kind has a function that turns it into plain data; `FORMATTERS` writes that data as
indented JSON on stdout and nothing else (ASCII escapes on a stream that cannot take UTF-8).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import msgspec

from careers_cli.errors import Problem
from careers_cli.models import Area, Pay, Role, Source, Step
from careers_cli.output import jsonshapes as js
from careers_cli.output.words import band_change, match_reason, profiles_words

if TYPE_CHECKING:  # only for annotations: keeps rapidfuzz off the start-up path of `show`
    from careers_cli.commands.areas import Areas
    from careers_cli.commands.compare import Facts
    from careers_cli.commands.list_roles import Listed
    from careers_cli.commands.match import Matched
    from careers_cli.commands.pay import BandCount, Scale
    from careers_cli.commands.start import Start
    from careers_cli.index import Summary
    from careers_cli.output import Formatter, Formatters, Sink
    from careers_cli.routes import Node, RouteStep
    from careers_cli.search import Hit


def role(r: Role) -> js.RoleOut:
    return js.RoleOut(
        slug=r.slug,
        title=r.title,
        alternative_titles=list(r.alternative_titles),
        plain_words=list(r.plain_words),
        former_slugs=list(r.former_slugs),
        area=r.area.key,
        area_name=r.area.name,
        subarea=r.subarea.key if r.subarea else None,
        subarea_name=r.subarea.name if r.subarea else None,
        summary=r.summary,
        sections=[js.SectionOut(s.key, s.heading, s.text, list(s.items)) for s in r.sections],
        pay=pay(r.pay) if r.pay else None,
        entry_routes=list(r.entry_routes),
        registration=r.registration,
        training_length=r.training_length,
        progression=[step(s) for s in r.progression],
        related=list(r.related),
        organisations=[js.OrganisationOut(o.name, o.url or None) for o in r.organisations],
        source=source(r.source),
        sources=[source(s) for s in r.sources],
        checked=r.checked.isoformat(),
        file=str(r.path),
    )


def source(s: Source) -> js.SourceOut:
    return js.SourceOut(url=s.url, checked=s.checked.isoformat(), supports=list(s.supports), note=s.note or None)


def pay(p: Pay) -> js.PayOut:
    low, high = p.range
    return js.PayOut(
        scale=p.scale.key,
        scale_name=p.scale.name,
        year=p.scale.year,
        region=p.scale.region,
        status=p.scale.status,  # type: ignore[arg-type]
        bands=[js.BandPay(b.key, b.min, b.max) for b in p.bands],
        min=low,
        max=high,
        hours_per_week=p.hours_per_week,
    )


def step(s: Step) -> js.StepOut:
    return js.StepOut(s.title, s.slug, s.note or None, s.kind, [step(n) for n in s.next])  # type: ignore[arg-type]


def hit(h: Hit) -> js.HitOut:
    return js.HitOut(
        slug=h.role.slug,
        title=h.role.title,
        score=h.score,
        area=h.role.area,
        bands=list(h.role.bands),
        matched_field=h.field,
        matched_words=list(h.terms),
        snippet=h.snippet,
    )


def listed(r: Summary, origins: dict[str, str] | None = None) -> js.ListedOut:
    where = origins[r.slug] if origins else msgspec.UNSET
    return js.ListedOut(r.slug, r.title, r.area, r.subarea, list(r.bands), where)


def area(a: Area, count: int, per_subarea: dict[str, int]) -> js.AreaOut:
    subareas = [js.SubareaOut(s.key, s.name, per_subarea.get(s.key, 0)) for s in a.subareas]
    return js.AreaOut(a.key, a.name, a.url or None, count, subareas)


def node(n: Node) -> js.NodeOut:
    kind: Any = n.kind
    return js.NodeOut(
        n.title, n.slug, n.note or None, kind, list(n.bands), n.repeat, n.shown, [node(c) for c in n.next]
    )


def problem(p: Problem) -> js.ProblemOut:
    return js.ProblemOut(str(p.path), p.line, p.column, p.key or None, p.message)


def route(stops: Sequence[RouteStep]) -> list[js.RouteStopOut]:
    kinds: list[Any] = [s.kind for s in stops]
    return [
        js.RouteStopOut(s.slug, s.title, list(s.bands), s.note or None, k) for s, k in zip(stops, kinds, strict=True)
    ]


def facts(f: Facts) -> js.FactsOut:
    paid = f.pay_min is not None and f.pay_max is not None and f.pay_year is not None
    return js.FactsOut(
        slug=f.slug,
        title=f.title,
        area=f.area,
        bands=list(f.bands),
        pay=js.FactsPay(f.pay_min, f.pay_max, f.pay_year, f.pay_status) if paid else None,  # type: ignore[arg-type]
        hours_per_week=f.hours,
        entry_routes=list(f.entry_routes),
        registration=f.registration,
        training_length=f.training,
        leads_to=list(f.leads_to),
        key_skills=list(f.skills),
    )


def band_count(c: BandCount) -> js.BandCountOut:
    starting = [js.RoleRef(d.slug, d.title) for d in c.starting]
    return js.BandCountOut(c.band.key, c.band.label, c.band.min, c.band.max, starting)


def _scale(r: Scale) -> js.ScaleOut:
    scale = r.scale
    bands = [band_count(c) for c in r.counts]
    status: Any = scale.status
    return js.ScaleOut(
        scale=scale.key,
        name=scale.name,
        year=scale.year,
        region=scale.region,
        applies_from=scale.applies_from.isoformat(),
        status=status,
        note=scale.note or None,
        checked=scale.checked.isoformat(),
        source=source(scale.source),
        sources=[source(s) for s in scale.sources],
        other_years=list(r.other_years),
        bands=bands,
    )


def _listed(r: Listed) -> list[js.ListedOut]:
    return [listed(role, r.origins) for role in r.roles]


def _areas(r: Areas) -> list[js.AreaOut]:
    return [area(row.area, row.roles, row.per_subarea) for row in r.rows]


def _listed_role(r: Role) -> js.ListedOut:
    from careers_cli.index import Summary

    return listed(Summary.of(r))


def _match(r: Matched) -> js.MatchOut:
    from careers_cli.commands.match import NOTICE
    from careers_cli.interests import holland_code

    interests = [
        js.InterestScoreOut(key, r.types[key].name, None if s is None else round(s, 2))
        for key, s in zip(r.types, r.person.scores, strict=True)
    ]
    found = [
        js.SuggestionOut(
            s.doc.slug,
            s.doc.title,
            s.doc.area,
            list(s.doc.bands),
            s.fit,
            list(s.doc.interests),
            s.doc.interest_basis or "",
            list(s.shared),
            [next(i.text for i in r.asked if i.key == k) for k in s.liked],
            match_reason(s, r.types, r.asked),
        )
        for s in r.suggestions
    ]
    notice = f"{NOTICE} Interest profiles: {profiles_words(r.profiled)}."
    return js.MatchOut(
        r.answers, interests, holland_code(r.person.scores), r.person.answered, found, list(r.filters), notice
    )


def _start(r: Start) -> js.StartOut:
    groups = [
        js.StartGroupOut(
            g.key,
            g.title,
            [js.ReachOut(x.slug, x.title, list(x.bands), x.how, band_change(x, r.scales) or None) for x in g.roles],
            g.more,
        )
        for g in r.groups
    ]
    return js.StartOut(list(r.had), r.origin, groups)


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
    "sources": lambda r: js.RoleSourcesOut(
        r.slug,
        r.title,
        [js.FactOut(f.key, f.label, [s.url for s in f.sources]) for f in r.facts],
        [source(s) for s in r.sources],
    ),
    "match": _match,
    "start": _start,
    "shortlist": lambda r: [_listed_role(x) for x in r.roles],
    "shortlist-export": lambda r: [role(x) for x in r.roles],
    "source-list": lambda r: [
        js.CheckedOut(c.slug, c.title, c.checked, [source(s) for s in c.sources]) for c in r.roles
    ],
}


_UNSAFE = re.compile("[\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2069\ufeff]")


def _writer(data: Callable[[Any], Any]) -> Formatter:
    def write(result: Any, out: Sink) -> None:
        import json  # here, not at the top: only --json needs it, and every import costs start-up

        text = json.dumps(msgspec.to_builtins(data(result)), ensure_ascii=out.env.ascii_only, indent=2)
        # JSON leaves DEL, the C1 controls and invisible format characters raw; a terminal
        # may act on them, so they are written as \u escapes (still the same JSON).
        out.write(_UNSAFE.sub(lambda m: f"\\u{ord(m[0]):04x}", text) + "\n")

    return write


FORMATTERS: Formatters = {kind: _writer(data) for kind, data in _DATA.items()}
