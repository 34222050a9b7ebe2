"""Small Rich pieces the text formatters share: safe Text, bullets, labelled rows, panels, links."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.panel import Panel
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from careers_cli.output.words import clean, safe_url


def t(text: str, style: str | Style = "") -> Text:
    """Untrusted text as Rich Text: never parsed as markup, control characters made visible."""
    return Text(clean(text), style=style)


class Bullets:
    """A bulleted list whose wrapped lines hang under the text, not the bullet.

    Cheaper than a two-column Table.grid, which Rich measures cell by cell on every render.
    """

    def __init__(self, items: Iterable[Text]) -> None:
        self.items = list(items)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(1, options.max_width - 2)
        for item in self.items:
            for i, line in enumerate(item.wrap(console, width)):
                yield Text("• " if i == 0 else "  ") + line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        longest = max((item.cell_len for item in self.items), default=0)
        return Measurement(min(4, options.max_width), min(longest + 2, options.max_width))


def lines(items: Sequence[str]) -> RenderableType:
    """Bullets of plain strings, or a dim dash when there are none."""
    return Bullets(t(i) for i in items) if items else Text("–", style="dim")


NARROW_VALUE = 24  # below this many columns beside the labels, rows are stacked instead


class LabelledRows:
    """Label and value rows; a long value wraps under itself, not under its label."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, RenderableType]] = []

    def add(self, label: str, value: RenderableType) -> None:
        self.rows.append((label, value))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        indent = max(len(label) for label, _ in self.rows) + 2
        if options.max_width - indent < NARROW_VALUE:
            yield from self._stacked(console, options)
            return
        width = max(1, options.max_width - indent)
        for label, value in self.rows:
            rendered = console.render_lines(value, options.update_width(width), pad=False)
            for i, segments in enumerate(rendered):
                head = Text(label.ljust(indent) if i == 0 else " " * indent, style="bold" if i == 0 else "")
                yield from head.render(console)
                if segments:  # drop the space a wrap leaves at the end of a line
                    *body, last = segments
                    yield from body
                    yield Segment(last.text.rstrip(), last.style, last.control)
                yield Segment.line()

    def _stacked(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """On a narrow screen: each label on its own line, its value under it, so that no word
        or figure is cut to fit beside the label."""
        from rich.padding import Padding

        for label, value in self.rows:
            yield Text(label, style="bold")
            yield Padding(value, (0, 0, 0, 2))


def panel(title: str, body: RenderableType) -> Panel:
    return Panel(body, title=t(title, "bold") if title else None, title_align="left", border_style="blue")


def link(name: str, url: str, style: str = "") -> Text:
    """Name and address; the name is a terminal hyperlink where the terminal supports them
    (only for an address made of plain printable characters: the link itself is sent raw)."""
    target = url if safe_url(url) else ""
    text = t(name, Style.parse(style) + Style(link=target) if target else style)
    if url and url != name:
        text += Text(" ") + t(url, Style(dim=True, link=target) if target else Style(dim=True))
    text.overflow = "fold"
    return text


def whole(text: Text) -> Text:
    """A line never broken by Rich (an address or a path stays whole to copy); the terminal
    wraps it if it must."""
    text.no_wrap, text.overflow = True, "ignore"
    return text
