"""`careers match`, `start` and `shortlist` on a terminal: for people who don't know what they
want yet. Suggestions with a reason each, what is open from here, the list they keep."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group
from rich.text import Text

from careers_cli.output.text.widgets import t
from careers_cli.output.words import area_name, band_change, bands_label, match_reason, profiles_words

if TYPE_CHECKING:
    from careers_cli.commands.match import Matched
    from careers_cli.commands.shortlist import Exported, Shortlist
    from careers_cli.commands.start import Start
    from careers_cli.output import Sink


def match(result: Matched, out: Sink) -> None:
    from rich.table import Table

    person = result.person
    ranked = sorted(
        ((s, key) for s, key in zip(person.scores, result.types, strict=True) if s is not None),
        key=lambda p: -p[0],
    )
    scores = ", ".join(f"{result.types[key].name} {score:.1f}" for score, key in ranked)
    out.print(Text("Your interests (1 dislike a lot to 5 like a lot): ", style="bold") + Text(scores))
    if result.filters:
        out.print(t("Only " + "; ".join(result.filters) + ".", "dim"))
    if not result.suggestions:
        out.warn("No role with an interest profile fits these filters; try fewer of them.")
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", style="dim", no_wrap=True)
    grid.add_column()
    for rank, s in enumerate(result.suggestions, 1):
        head = t(s.doc.title, "bold") + Text(f" ({s.doc.slug})", style="dim")
        head.overflow = "fold"
        where = area_name(result.areas, s.doc.area)
        facts = t(f"{where} · {bands_label(s.doc.bands, result.scales.get(s.doc.scale or ''))}", "green")
        grid.add_row(f"{rank}.", Group(head, facts, t(match_reason(s, result.types, result.asked))))
    out.print(grid)
    out.print(t(_notice(result), "italic"))
    out.print(
        Text("Your answers: ", style="bold")
        + Text(result.answers)
        + Text("  (", style="dim")
        + t(f"careers match --answers {result.answers}", "dim")
        + Text(" gives this list again)", style="dim"),
        soft_wrap=True,
    )


def _notice(result: Matched) -> str:
    from careers_cli.commands.match import NOTICE

    return f"{NOTICE} Interest profiles: {profiles_words(result.profiled)}."


def start(result: Start, out: Sink) -> None:
    from rich.table import Table

    if not any(g.roles for g in result.groups):
        out.warn("No role found from there; try other qualifications, or `careers list`.")
        return
    for group in result.groups:
        if not group.roles:
            continue
        shown = len(group.roles)
        count = f"{shown} of {shown + group.more}" if group.more else str(shown)
        out.print(t(f"{group.title} ({count})", "bold"))
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column()
        for reach in group.roles:
            head = t(reach.title) + Text(f" ({reach.slug})", style="dim")
            head.overflow = "fold"
            rows = [head]
            detail = [x for x in (band_change(reach, result.scales), reach.how) if x]
            if detail:
                rows.append(t(" · ".join(detail), "dim"))
            grid.add_row("•", Group(*rows))
        out.print(grid)
        if group.more:
            out.print(t(f"   … and {group.more} more: use --limit {shown + group.more} or --area", "dim"))


def shortlist(result: Shortlist, out: Sink) -> None:
    if not result.roles:
        out.warn("Your shortlist is empty; add roles with `careers shortlist add SLUG`.")
        return
    for n, role in enumerate(result.roles, 1):
        head = Text(f"{n}. ") + t(role.title, "bold") + Text(f" ({role.slug})", style="dim")
        out.print(
            head
            + t(f"  {role.area.name} · {bands_label(role.band_keys, role.pay.scale if role.pay else None)}", "green")
        )


def exported(result: Exported, out: Sink) -> None:
    from careers_cli.output.markdown import shortlist_markdown

    out.write(shortlist_markdown(result))
