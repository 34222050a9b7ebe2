"""The Markdown format: roles, routes, comparisons and pay as documents advisers print or share.

Each result becomes one Markdown document (DOCUMENTS); the html and plain formats render the
same documents, so every format of a handout carries the same facts."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from careers_cli.models import Band, PayScale, Role, Step
from careers_cli.output.words import (
    BUILTIN,
    COMPARE_ROWS,
    KIND_LABELS,
    area_name,
    band_objects,
    bands_label,
    checked_on,
    clean,
    day,
    header_facts,
    money,
    money_range,
    one_plain_source,
    pay_years_line,
    plural,
    safe_url,
    scales_in,
    sources_described,
)
from careers_cli.visible import one_line

if TYPE_CHECKING:
    from careers_cli.commands.compare import Compared
    from careers_cli.commands.list_roles import Listed
    from careers_cli.commands.path import Routes, Tree
    from careers_cli.commands.pay import BandRoles, Scale
    from careers_cli.commands.shortlist import Exported
    from careers_cli.output import Formatter, Formatters, Sink
    from careers_cli.routes import Node

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|])")


def md(text: str) -> str:
    """Role text as Markdown text: characters Markdown would act on are escaped."""
    return _MD_SPECIAL.sub(r"\\\1", clean(text))


def role_markdown(role: Role, titles: dict[str, str], wanted: frozenset[str] | None, origin: str = BUILTIN) -> str:
    lines = [f"# {md(one_line(role.title))}", "", md(role.summary), ""]
    lines += [f"- **{name}:** {md(value)}" for name, value in header_facts(role)] + [""]
    for section in role.sections:
        if wanted is None or section.key in wanted:
            lines += [f"## {section.heading}", ""]
            lines += [md(section.text), ""] if section.text else []
            lines += [f"- {md(item)}" for item in section.items] + ([""] if section.items else [])
    if role.organisations and (wanted is None or "organisations" in wanted):
        lines += ["## Organisations", ""]
        lines += [
            f"- [{md(o.name)}]({o.url})" if safe_url(o.url) else f"- {md(o.name)} {md(o.url)}".rstrip()
            for o in role.organisations
        ] + [""]
    if role.related and (wanted is None or "related" in wanted):
        lines += ["## Related roles", ""]
        lines += [f"- {md(titles.get(s, s))} (`{s}`)" for s in role.related] + [""]
    if wanted is None or "source" in wanted:
        if one_plain_source(role):
            lines += [f"Facts checked {checked_on(role)} against {_address(role.source.url)}."]
        else:
            lines += ["## Sources", ""]
            lines += [f"- {_address(url)}: {md(what)}" for url, what in sources_described(role.sources)]
        if origin != BUILTIN:
            lines += ["", f"From the file `{one_line(origin)}`."]
    return "\n".join(lines).rstrip() + "\n"


# --- the other results, as documents an adviser can print or send -------------------------------


def _step(
    title: str,
    slug: str | None,
    bands: Sequence[Band],
    note: str,
    kind: str | None,
    scale: PayScale | None,
    extra: Sequence[str] = (),
) -> str:
    """A step of a route in one line: the role in bold with its slug, its pay, then the move."""
    words = [f"**{md(one_line(title))}**" + (f" (`{slug}`)" if slug else "")]
    if bands:
        words.append(f"{bands_label([b.key for b in bands], scale)}, {money_range(bands)}")
    details = ([KIND_LABELS[kind]] if kind else []) + ([md(note)] if note else [])
    words += [", ".join(details)] if details else []
    return "; ".join([*words, *extra])


def tree_markdown(result: Tree) -> str:
    root = result.root
    heading = f"What leads to {root.title}" if result.into else f"Where {root.title} can lead"
    lines = [f"# {md(one_line(heading))}", ""]

    def label(node: Node) -> str:
        extra = ["already on this route"] if node.repeat else []
        extra += [f"{'what leads to it' if result.into else 'where it leads'} is shown above"] if node.shown else []
        scale = result.scales.get(node.scale or "")
        return _step(
            node.title,
            node.slug,
            band_objects(result.scales, node.scale, node.bands),
            node.note,
            node.kind,
            scale,
            extra,
        )

    def grow(node: Node, depth: int) -> None:
        for child in node.next:
            lines.append(f"{'  ' * depth}- {label(child)}")
            grow(child, depth + 1)

    lines += [label(root), ""]
    if not root.next:
        lines.append(md(f"No role in the catalogue {'leads to' if result.into else 'follows from'} {root.title} yet."))
    grow(root, 0)
    years = pay_years_line(result.scales, scales_in(root))
    lines += ["", md(years)] if years else []
    return "\n".join(lines).rstrip() + "\n"


def routes_markdown(result: Routes) -> str:
    lines = [f"# {md(one_line(f'Routes from {result.start} to {result.goal}'))}", ""]
    if not result.routes:
        lines.append(md(f"No route from {result.start} to {result.goal} over the progression links of the catalogue."))
        if result.nearest:
            names = ", ".join(f"{md(title)} (`{slug}`)" for slug, title in result.nearest)
            lines += ["", f"Nearest roles that lead to {md(result.goal)}: {names}"]
        return "\n".join(lines) + "\n"
    count = plural(len(result.routes), "shortest route")
    if result.more:
        count = f"{len(result.routes)} of the shortest routes (there are more: --most N shows more)"
    lines += [f"{count}, {plural(len(result.routes[0]) - 1, 'move')}.", ""]
    for n, route in enumerate(result.routes, 1):
        lines += [f"## Route {n}", ""]
        for i, stop in enumerate(route, 1):
            bands = band_objects(result.scales, stop.scale, stop.bands)
            scale = result.scales.get(stop.scale or "")
            lines.append(f"{i}. {_step(stop.title, stop.slug, bands, stop.note, stop.kind, scale)}")
        lines.append("")
    years = pay_years_line(result.scales, (s.scale for route in result.routes for s in route if s.bands))
    lines += [md(years)] if years else []
    return "\n".join(lines).rstrip() + "\n"


def _address(url: str) -> str:
    return f"<{url}>" if safe_url(url) else md(url)


def _cell(text: str) -> str:
    """Text for a table cell: one line, Markdown escaped (a | would end the cell)."""
    return md(one_line(text)) or "–"


def compare_markdown(result: Compared) -> str:
    columns = result.columns
    title = ", ".join(f.title for f in columns)
    lines = [f"# {md(one_line(f'Comparing {title}'))}", ""]
    lines.append("| | " + " | ".join(f"{_cell(f.title)} (`{f.slug}`)" for f in columns) + " |")
    lines.append("|---" * (len(columns) + 1) + "|")
    for name, value in COMPARE_ROWS:
        lines.append(f"| {name} | " + " | ".join(_cell(value(f)) for f in columns) + " |")
    return "\n".join(lines) + "\n"


def pay_markdown(result: Scale) -> str:
    scale = result.scale
    head = f"{scale.name}, {scale.region}, {scale.year}"
    lines = [f"# {md(head)}", "", f"In force from {day(scale.applies_from)}.", ""]
    lines += [f"Provisional: {md(scale.note)}.", ""] if scale.status == "provisional" else []
    unit = scale.unit.capitalize()
    lines += [f"| {unit} | From | To | Roles starting here |", "|---|---:|---:|---:|"]
    for c in result.counts:
        name = c.band.key if scale.unit == "band" else c.band.label
        lines.append(f"| {_cell(name)} | {money(c.band.min)} | {money(c.band.max)} | {len(c.starting)} |")
    lines += ["", f"Checked {day(scale.checked)} against:", ""]
    lines += [f"- {_address(url)}: {md(what)}" for url, what in sources_described(scale.sources, facts=False)]
    return "\n".join(lines) + "\n"


def band_markdown(result: BandRoles) -> str:
    scale, count = result.scale, result.count
    head = f"{scale.name} {scale.describe([count.band.key])}: {money_range([count.band])} a year ({scale.year})"
    lines = [f"# {md(head)}", ""]
    if not count.starting:
        lines.append("No role in the catalogue starts in this band.")
    lines += [f"- {md(d.title)} (`{d.slug}`), {md(area_name(result.areas, d.area))}" for d in count.starting]
    return "\n".join(lines) + "\n"


def list_markdown(result: Listed) -> str:
    lines = ["# NHS roles", ""]
    for area in result.areas.values():
        members = [r for r in result.roles if r.area == area.key]
        if not members:
            continue
        lines += [f"## {md(area.name)}", ""]
        known = {sub.key for sub in area.subareas}
        for group in (*area.subareas, None):
            key = group.key if group else None
            inside = [r for r in members if r.subarea == key or (group is None and r.subarea not in known)]
            if group and inside:
                lines += [f"### {md(group.name)}", ""]
            for r in inside:
                facts = [bands_label(r.bands, result.scales.get(r.scale or ""))]
                facts += [f"from {md(result.origins[r.slug])}"] if result.origins else []
                lines.append(f"- {md(r.title)} (`{r.slug}`), {', '.join(facts)}")
            lines += [""] if inside else []
    if not result.roles:
        lines.append("No role matches.")
    return "\n".join(lines).rstrip() + "\n"


def shortlist_markdown(result: Exported) -> str:
    """The shortlist as a handout: each role's summary, pay and ways in, where it leads, and the
    pages its facts were checked against, with their dates."""
    lines = ["# My shortlist of NHS roles", ""]
    lines += [f"{len(result.roles)} roles, in the order I chose them.", ""]
    for role in result.roles:
        doc = role_markdown(role, result.titles, frozenset({"source"}))
        # One level down, so each role is a section of the handout.
        lines += [("#" + line) if line.startswith("#") else line for line in doc.splitlines()]
        onward = [_onward(step, result.titles) for step in role.progression]
        if onward:
            lines += ["", "### Where it can lead", ""] + [f"- {line}" for line in onward]
        lines += [""]
    return "\n".join(lines).rstrip() + "\n"


def _onward(step: Step, titles: dict[str, str]) -> str:
    name = titles.get(step.slug, step.slug) if step.slug else step.title or ""
    words = [f"**{md(one_line(name))}**" + (f" (`{step.slug}`)" if step.slug else "")]
    details = ([KIND_LABELS[step.kind]] if step.kind else []) + ([md(step.note)] if step.note else [])
    return "; ".join(words + ([", ".join(details)] if details else []))


# kind -> the function giving its Markdown (html.py and plain.py render the same documents).
DOCUMENTS: dict[str, Callable[[Any], str]] = {
    "show": lambda r: role_markdown(r.role, r.titles, r.sections, r.origin),
    "tree": tree_markdown,
    "routes": routes_markdown,
    "compare": compare_markdown,
    "pay": pay_markdown,
    "band": band_markdown,
    "list": list_markdown,
    "shortlist-export": shortlist_markdown,
}


def formatters(finish: Callable[[str, Sink], str] = lambda text, _out: text) -> Formatters:
    """A format's table over the documents: each result's Markdown, turned by `finish` into
    what the format writes (html.py makes a page of it, plain.py lines of text)."""

    def writer(render: Callable[[Any], str]) -> Formatter:
        return lambda result, out: out.write(finish(render(result), out))

    return {kind: writer(render) for kind, render in DOCUMENTS.items()}


FORMATTERS = formatters()
