"""`careers sources` on a terminal: each page with the facts that rest on it, or every role's
pages with the day they were last checked, oldest first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from careers_cli.output.text.widgets import link, t, whole
from careers_cli.output.words import day

if TYPE_CHECKING:
    from careers_cli.commands.sources import AllSources, RoleSources
    from careers_cli.output import Sink


def role_sources(result: RoleSources, out: Sink) -> None:
    out.print(t(result.title, "bold cyan") + Text(f"  ({result.slug})", style="dim"))
    out.print(Text("The pages its facts rest on:"))
    for n, source in enumerate(result.sources, 1):
        facts = [f.label for f in result.facts if source in f.sources]
        out.print(whole(Text(f"{n}. ") + link(source.url, source.url)), soft_wrap=True)
        details = [f"checked {day(source.checked)}", *([source.note] if source.note else [])]
        _indented("; ".join(details), "dim", out)
        _indented(f"for: {', '.join(facts) if facts else 'nothing (every fact names another page)'}", "", out)


def _indented(text: str, style: str, out: Sink) -> None:
    """Text under a numbered address, its wrapped lines indented the same (no trailing spaces)."""
    import textwrap

    for line in textwrap.wrap(text, max(out.console.width - 3, 10), break_long_words=False) or [""]:
        out.print(t(f"   {line}", style))


def all_sources(result: AllSources, out: Sink) -> None:
    """One line a role: the newest check of its facts, the slug, its main page (oldest first)."""
    for role in result.roles:
        more = f"  (+{len(role.sources) - 1} more)" if len(role.sources) > 1 else ""
        line = Text(role.checked, style="green") + Text(f"  {role.slug}  ") + t(role.sources[0].url, "dim")
        out.print(whole(line + Text(more, style="dim")), soft_wrap=True)
