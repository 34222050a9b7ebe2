"""The Markdown format: a role as a document, for advisers to print or share."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from careers_cli.models import Role
from careers_cli.output.words import BUILTIN, checked_on, clean, header_facts, safe_url
from careers_cli.visible import one_line

if TYPE_CHECKING:
    from careers_cli.commands.show import Shown
    from careers_cli.output import Formatters, Sink

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|])")


def md(text: str) -> str:
    """Role text as Markdown text: characters Markdown would act on are escaped."""
    return _MD_SPECIAL.sub(r"\\\1", clean(text))


def show(result: Shown, out: Sink) -> None:
    out.write(role_markdown(result.role, result.titles, result.sections, result.origin))


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
        url = f"<{role.source.url}>" if safe_url(role.source.url) else md(role.source.url)
        lines += [f"Facts checked {checked_on(role)} against {url}."]
        if origin != BUILTIN:
            lines += ["", f"From the file `{one_line(origin)}`."]
    return "\n".join(lines).rstrip() + "\n"


FORMATTERS: Formatters = {"show": show}
