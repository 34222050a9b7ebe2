"""`compare` and `pay` on a terminal: facts side by side, pay bars on one scale, pay tables."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.text import Text

from careers_cli.models import ENTRY_ROUTE_LABELS
from careers_cli.output.text.widgets import LabelledRows, lines, link, panel, t, whole
from careers_cli.output.words import area_name, day, money, money_range, sources_described

if TYPE_CHECKING:
    from careers_cli.commands.compare import Compared, Facts
    from careers_cli.commands.pay import BandRoles, Scale
    from careers_cli.output import Sink

BAR = 30  # width of a pay bar, in cells


def compare(result: Compared, out: Sink) -> None:
    """One column per role and one row per fact; stacked blocks when the terminal is narrow."""
    from rich import box
    from rich.table import Table

    columns = result.columns
    rows = [(name, [value(f) for f in columns]) for name, value in _FACT_ROWS]
    if out.console.width >= 22 + 26 * len(columns):
        table = Table(show_lines=True, box=box.SQUARE)
        table.add_column("", style="bold", no_wrap=True)
        for f in columns:
            table.add_column(t(f.title, "bold cyan") + Text(f"\n{f.slug}", style="dim"), ratio=1)
        for name, values in rows:
            table.add_row(name, *values)
        out.print(table)
    else:
        for i, f in enumerate(columns):
            block = LabelledRows()
            for name, values in rows:
                block.add(name, values[i])
            heading = f"{f.title} ({f.slug})"
            if len(heading) + 6 <= out.console.width:
                out.print(panel(heading, block))
            else:  # a panel's title is cut to fit; a line of text wraps between words
                out.print(t(f.title, "bold cyan") + Text(f" ({f.slug})", style="dim"))
                out.print(panel("", block))
    out.print(pay_bars(columns))


def _pay_cell(f: Facts) -> Text:
    if f.pay_min is None or f.pay_max is None:
        return Text("no band given", style="dim")
    amount = money(f.pay_min) if f.pay_min == f.pay_max else f"{money(f.pay_min)} to {money(f.pay_max)}"
    return t(f"{f.pay_label}\n{amount} ({f.pay_year}{', provisional' * (f.pay_status == 'provisional')})")


def _or_dash(value: str | None) -> Text:
    return t(value) if value else Text("–", style="dim")


_FACT_ROWS: list[tuple[str, Callable[[Facts], RenderableType]]] = [
    ("Area", lambda f: t(f.area)),
    ("Pay", _pay_cell),
    ("Hours", lambda f: _or_dash(f"{f.hours:g} a week" if f.hours else None)),
    ("Entry routes", lambda f: lines([ENTRY_ROUTE_LABELS[r] for r in f.entry_routes])),
    ("Registration", lambda f: _or_dash(f.registration)),
    ("Training", lambda f: _or_dash(f.training)),
    ("Can lead to", lambda f: lines(f.leads_to)),
    ("Key skills", lambda f: lines(f.skills)),
]


def pay_bars(columns: Sequence[Facts]) -> RenderableType:
    """Each role's pay range as a bar on one £ scale shared by all, so differences are seen."""
    from rich.table import Table

    paid = [(f, f.pay_min, f.pay_max) for f in columns if f.pay_min is not None and f.pay_max is not None]
    if not paid:
        return Text("No pay bands to draw.", style="dim")
    low, high = min(p[1] for p in paid), max(p[2] for p in paid)
    span = max(high - low, 1)
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, overflow="ellipsis", max_width=28)
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True)
    for f in columns:
        if f.pay_min is None or f.pay_max is None:
            grid.add_row(t(f.title), Text(" " * BAR + "│", style="dim"), Text("no band given", style="dim"))
            continue
        start = round((f.pay_min - low) / span * (BAR - 1))
        end = max(start + 1, round((f.pay_max - low) / span * (BAR - 1)) + 1)
        bar = Text(" " * start) + Text("█" * (end - start), style="green") + Text(" " * (BAR - end) + "│", style="dim")
        amount = money(f.pay_min) if f.pay_min == f.pay_max else f"{money(f.pay_min)}–{money(f.pay_max)}"
        grid.add_row(t(f.title), bar, t(amount))
    scale = Text(f"{money(low)}".ljust(BAR - len(money(high))) + money(high), style="dim")
    grid.add_row("", scale, "")
    return Group(Text("Pay a year, on one scale", style="bold"), grid)


def pay_scale(result: Scale, out: Sink) -> None:
    scale = result.scale
    out.print(Text(f"{scale.name}, {scale.region}, {scale.year} (from {day(scale.applies_from)})", style="bold"))
    if scale.status == "provisional":
        out.print(t(f"Provisional: {scale.note}.", "yellow"))
    if out.console.width < NARROW_TABLE:
        _pay_lines(result, out)
    else:
        out.print(_pay_table(result))
    out.print(Text(f"Checked {day(scale.checked)} against:", style="dim"))
    for url, what in sources_described(scale.sources, facts=False):
        out.print(whole(link(url, url, "dim")), soft_wrap=True)
        out.print(t(f"  {what}", "dim"))
    if result.other_years:
        out.print(Text(f"Other years: {', '.join(result.other_years)} (careers pay --pay-year YEAR)", style="dim"))


NARROW_TABLE = 48  # below this width the table would cut its figures: one band a few lines instead


def _pay_lines(result: Scale, out: Sink) -> None:

    for c in result.counts:
        name = _band_name(result.scale.unit, c.band.key, c.band.label)
        head = f"{result.scale.unit.capitalize()} {name}" if result.scale.unit == "band" else name
        out.print(Text(head, style="bold"))
        out.print(
            Text(f"  {money_range([c.band])} a year; {len(c.starting)} role{'s' * (len(c.starting) != 1)} start here")
        )


def _pay_table(result: Scale) -> RenderableType:
    from rich import box
    from rich.table import Table

    scale = result.scale
    table = Table(show_edge=False, pad_edge=False, box=box.SIMPLE_HEAD)
    table.add_column(scale.unit.capitalize())
    table.add_column("From", justify="right")
    table.add_column("To", justify="right")
    table.add_column("Roles starting here", justify="right")
    for c in result.counts:
        table.add_row(
            _band_name(scale.unit, c.band.key, c.band.label), money(c.band.min), money(c.band.max), str(len(c.starting))
        )
    return table


def _band_name(unit: str, key: str, label: str) -> str:
    """A band by its key ('5'); a grade by its label, with the key when they differ."""
    if unit == "band":
        return key
    return label if label.lower() == key else f"{label} ({key})"


def band_roles(result: BandRoles, out: Sink) -> None:
    scale, count = result.scale, result.count
    head = f"{scale.name} {scale.describe([count.band.key])}: {money_range([count.band])} a year ({scale.year})"
    out.print(Text(head, style="bold"))
    if not count.starting:
        out.print(Text("No role in the catalogue starts in this band.", style="dim"))
    for doc in count.starting:
        area = area_name(result.areas, doc.area)
        out.print(Text("• ") + t(doc.title) + Text(f" ({doc.slug})", style="dim") + t(f"  {area}"))
