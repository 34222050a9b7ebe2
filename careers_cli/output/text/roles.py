"""`show` on a terminal: the header, then one panel per section."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.text import Text

from careers_cli.models import Role
from careers_cli.output.text.widgets import Bullets, LabelledRows, link, panel, t, whole
from careers_cli.output.words import BUILTIN, checked_on, clean, header_facts, one_plain_source, sources_described

if TYPE_CHECKING:
    from careers_cli.commands.show import Shown
    from careers_cli.output import Sink


def show(result: Shown, out: Sink) -> None:
    parts = role_panels(result.role, result.titles, result.sections, result.origin)
    # One print for the body (each print has a fixed cost), up to the first unbreakable line (an
    # address, a path); each part after it on its own, the unbreakable ones never wrapped.
    first = next((i for i, p in enumerate(parts) if isinstance(p, Text) and p.no_wrap), len(parts))
    out.print(Group(*parts[:first]))
    for part in parts[first:]:
        out.print(part, soft_wrap=bool(isinstance(part, Text) and part.no_wrap))


def role_header(role: Role) -> RenderableType:
    rows = LabelledRows()
    for name, value in header_facts(role):
        rows.add(name, t(value))
    title = Text(clean(role.title), style="bold cyan") + Text(f"  ({role.slug})", style="dim")
    return Group(title, t(role.summary), Text(), rows)


def section_body(text: str, items: tuple[str, ...]) -> RenderableType:
    parts: list[RenderableType] = [t(text)] if text else []
    if items:
        parts.append(Bullets(t(item) for item in items))
    return Group(*parts)


def role_panels(
    role: Role, titles: dict[str, str], wanted: frozenset[str] | None, origin: str = BUILTIN
) -> list[RenderableType]:
    """The header, then one panel per section in order; `wanted` limits the sections."""
    panels: list[RenderableType] = [role_header(role)]
    for section in role.sections:
        if wanted is None or section.key in wanted:
            panels.append(panel(section.heading, section_body(section.text, section.items)))
    if role.organisations and (wanted is None or "organisations" in wanted):
        panels.append(panel("Organisations", Bullets(link(o.name, o.url) for o in role.organisations)))
    if role.related and (wanted is None or "related" in wanted):
        related = Bullets(t(titles.get(s, s)) + Text(f" ({s})", style="dim") for s in role.related)
        panels.append(panel("Related roles", related))
    if role.progression and wanted is None:
        panels.append(Text(f"Routes onward: careers path {role.slug}", style="dim"))
    if wanted is None or "source" in wanted:
        if one_plain_source(role):
            panels.append(Text(f"Facts checked {checked_on(role)} against:", style="dim"))
            panels.append(whole(link(role.source.url, role.source.url, "dim")))
        else:
            panels.append(
                Text(f"Facts checked against these pages (the newest check {checked_on(role)}):", style="dim")
            )
            for url, what in sources_described(role.sources):
                panels.append(whole(link(url, url, "dim")))
                panels.append(Text(f"  {what}", style="dim"))
        if origin != BUILTIN:
            panels.append(whole(Text("From your file: ", style="dim") + t(origin, "magenta")))
    return panels
