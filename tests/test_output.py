"""The output package as a unit: formats from one table, every symbol with an ASCII form."""

from __future__ import annotations

import importlib
import io
import tokenize
from pathlib import Path

import pytest

from careers_cli import output
from careers_cli.commands import base, show
from careers_cli.errors import UsageError
from careers_cli.output.env import ASCII_FORMS, Environment

PACKAGE = Path(output.__file__).parent.parent
DATA = PACKAGE.parent / "data"


def drawn_characters() -> set[str]:
    """Every non-ASCII character in a string of the code, and in the built-in data files."""
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        with path.open("rb") as f:
            for token in tokenize.tokenize(f.readline):
                if token.type == tokenize.STRING:
                    found |= {c for c in token.string if ord(c) > 127}
    for path in DATA.rglob("*.yaml"):
        found |= {c for c in path.read_text(encoding="utf-8") if ord(c) > 127}
    return found


def test_every_symbol_we_draw_has_an_ascii_form() -> None:
    rich_draws_these_itself = set("─│╭╮╰╯├└┌┐┘┬┴┼━")
    assert drawn_characters() - set(ASCII_FORMS) - rich_draws_these_itself == set()
    assert all(form.isascii() for form in ASCII_FORMS.values())


def test_an_ascii_stream_gets_every_form() -> None:
    buffer = io.BytesIO()
    stream = io.TextIOWrapper(buffer, encoding="ascii")
    env = Environment(stdout=stream)
    assert env.ascii_only
    env.stdout.write("".join(ASCII_FORMS))
    stream.flush()
    assert buffer.getvalue().decode("ascii") == "".join(ASCII_FORMS.values())


def test_every_format_module_has_a_table_and_every_kind_a_text_form() -> None:
    kinds = {cls.kind for cls in _results(base.Result)}
    tables = {f: importlib.import_module(f"careers_cli.output.{m}").FORMATTERS for f, m in output.FORMATS.items()}
    assert set(tables["text"]) == kinds
    assert set(tables["json"]) == kinds - {"new", "schema"}
    assert all(set(table) <= kinds for table in tables.values())
    for fmt, table in tables.items():
        assert all(callable(output.formatter(kind, fmt)) for kind in table)  # each "module:name" resolves


def _results(cls: type) -> list[type]:
    import careers_cli.commands.areas
    import careers_cli.commands.compare
    import careers_cli.commands.list_roles
    import careers_cli.commands.match
    import careers_cli.commands.new
    import careers_cli.commands.path
    import careers_cli.commands.pay
    import careers_cli.commands.schema
    import careers_cli.commands.search
    import careers_cli.commands.shortlist
    import careers_cli.commands.sources
    import careers_cli.commands.start
    import careers_cli.commands.validate  # noqa: F401

    out = []
    for sub in cls.__subclasses__():
        out += [sub, *_results(sub)]
    return out


def test_a_format_a_result_does_not_offer_is_a_usage_error() -> None:
    result = show.run(base.open_catalogue(), "health-records-staff")
    with pytest.raises(UsageError, match=r"No format 'tsv' for show\. Choose from: text, plain, markdown, html, json$"):
        output.emit(result, "tsv", Environment(stdout=io.StringIO()))


def test_emit_writes_to_the_streams_it_is_given() -> None:
    out, err = io.StringIO(), io.StringIO()
    env = Environment(color="never", stdout=out, stderr=err)
    output.emit(show.run(base.open_catalogue(), "health-records-staff", ["skills"]), "markdown", env)
    assert out.getvalue().startswith("# Health records staff\n")
    assert "## Skills" in out.getvalue() and "## Working life" not in out.getvalue()
    assert err.getvalue() == ""
