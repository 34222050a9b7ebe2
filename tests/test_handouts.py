"""Handouts and the plain layout: markdown, html and plain carry every fact the JSON has, the
plain layout draws nothing, html is safe, and --output writes whole files it never clobbers."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import oracle
import pytest
import yaml
from typer.testing import CliRunner

from careers_cli import output
from careers_cli.cli import app as cli_app
from careers_cli.cli.app import app
from careers_cli.models import ENTRY_ROUTE_LABELS
from careers_cli.output.plain import plain

runner = CliRunner()
DRAWING = set("─━│┃┌┐└┘├┤┬┴┼╭╮╯╰═║╔╗╚╝█▌•")
SLUGS = sorted(oracle.roles())


def run(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env=env)


def words(text: str) -> str:
    return " ".join(text.split())


def data(*args: str) -> Any:
    result = run(*args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def money(n: int) -> str:
    return f"£{n:,}"


@pytest.mark.parametrize("slug", SLUGS)
def test_every_fact_of_show_survives_in_the_plain_layout(slug: str) -> None:
    role = data("show", slug)
    result = run("show", slug, "--plain")
    assert result.exit_code == 0
    text = words(result.stdout)
    assert not DRAWING & set(result.stdout)
    facts = [role["title"], role["summary"], *role["alternative_titles"], role["area_name"]]
    facts += [role["subarea_name"]] if role["subarea_name"] else []
    facts += [ENTRY_ROUTE_LABELS[r] for r in role["entry_routes"]]
    facts += [s["heading"] for s in role["sections"]]
    facts += [s["text"] for s in role["sections"] if s["text"]] + [i for s in role["sections"] for i in s["items"]]
    facts += [o["name"] for o in role["organisations"]] + [role["source"]["url"]]
    if role["pay"]:
        facts += [money(role["pay"]["min"]), money(role["pay"]["max"]), role["pay"]["year"], role["pay"]["region"]]
    if role["registration"]:
        facts.append(role["registration"])
    if role["training_length"]:
        facts.append(role["training_length"])
    missing = [f for f in facts if words(f) not in text]
    assert missing == []


def test_every_fact_of_compare_survives_in_the_plain_layout() -> None:
    slugs = ["health-records-staff", "adult-nurse", "paramedic", "training-doctor"]
    found = data("compare", *slugs)
    text = run("compare", *slugs, "--plain").stdout
    assert not DRAWING & set(text)
    blocks = text.split("\n\n")
    for column in found:
        block = blocks[blocks.index(f"{column['title']} ({column['slug']})") + 1]
        facts = [column["area"], *column["leads_to"], *column["key_skills"]]
        facts += [column[k] for k in ("registration", "training_length") if column[k]]
        facts += [ENTRY_ROUTE_LABELS[r] for r in column["entry_routes"]]
        if column["pay"]:
            facts += [money(column["pay"]["min"]), money(column["pay"]["max"]), column["pay"]["year"]]
        if column["hours_per_week"]:
            facts.append(f"{column['hours_per_week']:g} a week")
        assert [f for f in facts if words(f) not in words(block)] == [], column["slug"]
        assert block.splitlines()[0].startswith("Area: ")


def test_every_fact_of_pay_survives_in_the_plain_layout() -> None:
    scale = data("pay")
    text = run("pay", "--plain").stdout
    assert not DRAWING & set(text)
    for band in scale["bands"]:
        line = f"Band {band['band']}: from {money(band['min'])}, to {money(band['max'])}, "
        line += f"roles starting here {len(band['roles_starting'])}"
        assert line in text.splitlines()
    pay_file = yaml.safe_load((oracle.ROOT / "data" / "pay" / "agenda-for-change.yaml").read_text(encoding="utf-8"))
    in_force = next(y for y in pay_file["years"] if y["year"] == scale["year"])
    assert all(s["url"] in text for s in in_force["sources"]) and scale["year"] in text
    assert scale["status"] == "provisional" and "Provisional: " in text


def test_the_plain_layout_is_chosen_by_accessible_and_on_the_fast_path() -> None:
    import subprocess
    import sys

    for env in ({"ACCESSIBLE": "1"}, {"CAREERS_PLAIN": "yes"}):
        proc = subprocess.run(
            [sys.executable, "-m", "careers_cli", "show", "health-records-staff"],
            capture_output=True,
            text=True,
            env={**__import__("os").environ, **env},
            check=False,
        )
        assert proc.returncode == 0
        assert proc.stdout.startswith("Health records staff\n\n")
        assert not DRAWING & set(proc.stdout)
    assert "─ Skills ─" in run("show", "health-records-staff", env={"ACCESSIBLE": "0"}).stdout


def test_plain_lists_keep_their_levels_and_numbers() -> None:
    doc = "# T\n\nIntro.\n\n- one\n  - one a\n- two\n\n1. first\n2. second\n"
    assert plain(doc) == "T\n\nIntro.\n\none\n  one a\ntwo\n\n1. first\n2. second\n"


def test_plain_tables_become_one_line_a_fact() -> None:
    rows = "| Band | From | To |\n|---|---|---|\n| 2 | £1 | £2 |\n"
    assert plain(rows) == "Band 2: from £1, to £2\n"
    corner = "| | A | B |\n|---|---|---|\n| Pay | 1 | 2 |\n| Hours | 3 | 4 |\n"
    assert plain(corner) == "A\n\nPay: 1\nHours: 3\n\nB\n\nPay: 2\nHours: 4\n"


@pytest.mark.parametrize(
    "args",
    [
        ("show", "health-records-staff"),
        ("compare", "health-records-staff", "adult-nurse"),
        ("path", "health-records-staff"),
        ("path", "health-records-staff", "--into"),
        ("path", "health-records-staff", "--to", "administrative-management"),
        ("list", "--area", "dental-team"),
        ("pay",),
        ("pay", "5"),
    ],
)
def test_handouts_in_markdown_html_and_plain(args: tuple[str, ...]) -> None:
    md = run(*args, "--format", "markdown")
    page = run(*args, "--format", "html")
    text = run(*args, "--format", "plain")
    assert (md.exit_code, page.exit_code, text.exit_code) == (0, 0, 0)
    assert md.stdout.startswith("# ")
    heading = md.stdout.splitlines()[0][2:].replace("\\", "")
    assert page.stdout.startswith('<!DOCTYPE html>\n<html lang="en-GB">')
    assert f"<h1>{heading.replace('&', '&amp;')}</h1>" in page.stdout
    assert page.stdout.rstrip().endswith("</html>")
    assert text.stdout.startswith(heading + "\n\n")
    assert "\x1b" not in md.stdout + page.stdout + text.stdout


def test_html_never_passes_role_text_through_as_markup(tmp_path: Path) -> None:
    source = (Path(oracle.ROOT) / "data" / "roles" / "health-records-staff.yaml").read_text(encoding="utf-8")
    hostile = source.replace("title: Health records staff", "title: 'Records <script>alert(1)</script> & *co*'", 1)
    (tmp_path / "health-records-staff.yaml").write_text(hostile, encoding="utf-8")
    page = run("--data-dir", str(tmp_path), "show", "health-records-staff", "-f", "html").stdout
    assert "<script>" not in page
    assert "<title>Records &lt;script&gt;alert(1)&lt;/script&gt; &amp; *co*</title>" in page
    assert "<h1>Records &lt;script&gt;alert(1)&lt;/script&gt; &amp; *co*</h1>" in page


def test_the_format_choices_are_the_ones_each_result_offers() -> None:
    assert list(cli_app.DOCUMENT_FORMATS) == output.offered("show") == output.offered("compare")
    assert list(cli_app.DOCUMENT_FORMATS) == output.offered("tree") == output.offered("routes")
    assert list(cli_app.DOCUMENT_FORMATS) == output.offered("pay") == output.offered("band")
    assert sorted(cli_app.LIST_FORMATS) == sorted(output.offered("list"))
    assert "--format text|plain|markdown|html|json" in run("show", "-h").stdout


def test_format_completes_its_choices() -> None:
    env = {"_CAREERS_COMPLETE": "complete_bash", "COMP_WORDS": "careers compare --format m", "COMP_CWORD": "3"}
    assert runner.invoke(app, [], env=env, prog_name="careers").stdout.split() == ["markdown"]
    env = {"_CAREERS_COMPLETE": "complete_bash", "COMP_WORDS": "careers list -f t", "COMP_CWORD": "3"}
    assert runner.invoke(app, [], env=env, prog_name="careers").stdout.split() == ["text", "tsv"]


def test_a_bad_format_is_one_line_naming_the_choices() -> None:
    result = run("pay", "--format", "pdf")
    assert result.exit_code == 2
    assert result.stderr == "Error: No format 'pdf' for pay. Choose from: text, plain, markdown, html, json\n"
    assert run("show", "health-records-staff", "--format", "html", "--json").exit_code == 2


def test_output_writes_the_format_its_name_asks_for(tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"  # beside the test's own cache folder
    tmp_path.mkdir()
    for name, start in (("a.html", "<!DOCTYPE html>"), ("a.md", "# Health records staff"), ("a.txt", "Health")):
        result = run("show", "health-records-staff", "--output", str(tmp_path / name))
        assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
        assert (tmp_path / name).read_text(encoding="utf-8").startswith(start)
    json.loads(
        (run("compare", "adult-nurse", "paramedic", "-o", str(tmp_path / "c.json")), tmp_path / "c.json")[1].read_text()
    )
    run("path", "adult-nurse", "-o", str(tmp_path / "tree"))  # no known ending: the text layout, uncoloured
    tree = (tmp_path / "tree").read_text(encoding="utf-8")
    assert tree.startswith("Adult nurse (adult-nurse)") and "\x1b" not in tree
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html", "a.md", "a.txt", "c.json", "tree"]


def test_output_never_replaces_a_file_without_force(tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"  # beside the test's own cache folder
    tmp_path.mkdir()
    kept = tmp_path / "notes.yaml"
    kept.write_text("mine\n", encoding="utf-8")
    result = run("show", "health-records-staff", "-o", str(kept))
    assert result.exit_code == 2
    assert result.stderr == f"Error: {kept} already exists: choose another name, or add --force to replace it\n"
    assert kept.read_text(encoding="utf-8") == "mine\n"
    assert run("show", "health-records-staff", "-o", str(kept), "--force", "-f", "markdown").exit_code == 0
    assert kept.read_text(encoding="utf-8").startswith("# Health records staff")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.yaml"]


def test_output_that_fails_leaves_nothing_behind(tmp_path: Path) -> None:
    tmp_path = tmp_path / "out"  # beside the test's own cache folder
    tmp_path.mkdir()
    result = run("show", "no-such-role", "-o", str(tmp_path / "x.html"))
    assert result.exit_code == 1 and list(tmp_path.iterdir()) == []
    result = run("show", "health-records-staff", "-o", str(tmp_path))
    assert (result.exit_code, result.stderr) == (2, f"Error: {tmp_path} is a folder: give --output a file name\n")
    result = run("show", "health-records-staff", "-o", str(tmp_path / "missing" / "x.html"))
    assert result.exit_code == 1
    assert re.fullmatch(r"Error: Cannot write .*x\.html: No such file or directory\n", result.stderr)
    assert list(tmp_path.iterdir()) == []


def test_output_dash_is_the_screen() -> None:
    assert run("pay", "-o", "-", "-f", "markdown").stdout.startswith("# Agenda for Change")


@pytest.mark.parametrize(
    "args",
    [
        ("show", "health-records-staff"),
        ("search", "records"),
        ("path", "health-records-staff"),
        ("compare", "health-records-staff", "adult-nurse"),
        ("list", "--format", "text"),
        ("pay",),
    ],
)
def test_colour_never_carries_a_fact_alone(args: tuple[str, ...]) -> None:
    coloured = run("--color", "always", *args).stdout
    assert "\x1b[" in coloured
    # Colour codes and terminal hyperlinks (whose address is printed as text too) taken away,
    # nothing is lost: every word is in the uncoloured output, in the same place.
    bare = re.sub(r"\x1b\[[0-9;]*m|\x1b\]8;[^\x1b]*\x1b\\", "", coloured)
    assert bare == run("--color", "never", *args).stdout
