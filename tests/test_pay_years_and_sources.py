"""Pay by year (the one in force today, any other with --pay-year, a warning when the newest
has ended) and sources per fact (the list form, what each supports, `careers sources`, and
`validate --older-than`)."""

from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from careers_cli.catalogue.catalogue import _in_force
from careers_cli.cli.app import app
from careers_cli.commands import validate
from careers_cli.errors import UsageError
from careers_cli.models import Band, PayScale, Source

from conftest import FIXTURES

runner = CliRunner()
ALPHA = (FIXTURES / "roles" / "alpha-clerk.yaml").read_text(encoding="utf-8")
SINGLE = "source:\n  url: https://www.healthcareers.nhs.uk/explore-roles/alpha-clerk\n  checked: 2026-11-25\n"
LISTED = (
    "sources:\n"
    "  - url: https://www.healthcareers.nhs.uk/explore-roles/alpha-clerk\n"
    "    checked: 2026-11-25\n"
    "  - url: https://www.nhsemployers.org/alpha\n"
    "    checked: 2026-12-01\n"
    "    supports: [pay, hours, entry_requirements]\n"
    "    note: the pay page\n"
)


def run(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env=env)


def scale(year: str, start: datetime.date, key: str = "afc") -> PayScale:
    return PayScale(
        key, "AfC", "England", year, start, (Source("https://x.example", start),), "band", (Band("5", "Band 5", 1, 2),)
    )


YEARS = {
    "afc": (scale("2026/27", datetime.date(2026, 4, 1)), scale("2025/26", datetime.date(2025, 4, 1))),
    "doctors": (scale("2025/26", datetime.date(2025, 4, 1), "doctors"),),
}


def test_the_year_in_force_is_the_newest_begun() -> None:
    assert _in_force(YEARS, None, datetime.date(2026, 4, 1))["afc"].year == "2026/27"
    assert _in_force(YEARS, None, datetime.date(2026, 3, 31))["afc"].year == "2025/26"  # announced, not begun
    assert _in_force(YEARS, None, datetime.date(2026, 12, 2))["doctors"].year == "2025/26"


def test_a_pay_year_asked_for_or_the_newest_before_it() -> None:
    chosen = _in_force(YEARS, "2025/26", datetime.date(2026, 12, 2))
    assert (chosen["afc"].year, chosen["doctors"].year) == ("2025/26", "2025/26")
    assert _in_force(YEARS, "2026/27")["doctors"].year == "2025/26"  # no doctors' table for it yet
    with pytest.raises(UsageError, match=r"^No pay year '2024/25'\. Choose from: 2026/27, 2025/26$"):
        _in_force(YEARS, "2024/25")


def test_pay_year_on_the_command_line_and_in_the_environment() -> None:
    now = run("show", "health-records-staff").stdout
    assert "£25,272 a year (2026/27 rates, England," in now
    before = run("--pay-year", "2025/26", "show", "health-records-staff").stdout
    assert "Agenda for Change band 2: £24,465 a year (2025/26 rates, England)" in before
    assert run("show", "health-records-staff", "--pay-year", "2025/26").stdout == before  # after the command too
    proc = subprocess.run(  # the fast path reads the environment as well
        [sys.executable, "-m", "careers_cli", "show", "health-records-staff"],
        capture_output=True,
        text=True,
        env={**os.environ, "CAREERS_PAY_YEAR": "2025/26"},
        check=True,
    )
    assert "£24,465 a year (2025/26 rates, England)" in proc.stdout
    pay = json.loads(run("--pay-year", "2025/26", "pay", "--json").stdout)
    assert (pay["year"], pay["status"], pay["bands"][0]["min"], pay["other_years"]) == (
        "2025/26",
        "confirmed",
        24465,
        ["2026/27"],
    )
    result = run("--pay-year", "1999/00", "pay")
    assert (result.exit_code, result.stderr) == (2, "Error: No pay year '1999/00'. Choose from: 2026/27, 2025/26\n")


def test_every_figure_names_its_year() -> None:
    path = run("path", "health-records-staff").stdout
    assert path.rstrip().endswith("Pay: Agenda for Change 2026/27 rates, England, provisional.")
    compare = run("compare", "health-records-staff", "training-doctor", "--plain").stdout
    assert "(2026/27, provisional)" in compare and "(2025/26)" in compare  # doctors' newest is 2025/26
    pay = run("pay").stdout
    assert pay.startswith("Agenda for Change, England, 2026/27 (from 1 April 2026)\nProvisional: ")
    assert "Other years: 2025/26 (careers pay --pay-year YEAR)" in pay


def _pay_data(tmp_path: Path, text: str) -> Path:
    """A copy of the built-in data folder with one pay file replaced."""
    import shutil

    from careers_cli.catalogue import builtin_data_dir

    data = tmp_path / "data"
    shutil.copytree(builtin_data_dir(), data, ignore=shutil.ignore_patterns("roles"))
    (data / "roles").mkdir()
    (data / "pay" / "doctors.yaml").write_text(text, encoding="utf-8")
    return data


def test_pay_files_are_checked(tmp_path: Path) -> None:
    from careers_cli.catalogue import Catalogue
    from careers_cli.errors import DataError

    text = (
        "name: Doctors' pay\nregion: England\nunit: grade\nyears:\n"
        "  - year: 2025/26\n    applies_from: 2025-04-01\n    sources: [{url: 'https://a.example', checked: 2026-01-01}]\n"
        "    bands: {fy1: {label: FY1, min: 2, max: 1}}\n"
        "  - year: 2026/27\n    applies_from: 2026-04-01\n    sources: []\n    bands: {fy1: {min: 1, max: 1}}\n"
    )
    data = _pay_data(tmp_path, text)
    with pytest.raises(DataError) as caught:
        _ = Catalogue(data, [data / "roles"], use_cache=False).scales
    assert [
        f"{p.line}: {p.key}: {p.message}" if p.key else f"{p.line}: {p.message}" for p in caught.value.problems
    ] == [
        "8: years[0].bands.fy1: the lowest pay (£2) is above the highest (£1)",
        "10: years[1].applies_from: pay years go newest first: this one is not older than the one above",
        "11: years[1].sources: expected at least one source: the pages the figures come from",
    ]


def test_validate_warns_when_the_newest_pay_year_has_ended() -> None:
    checked = validate.run([], today=datetime.date(2027, 4, 1))
    warnings = [n.text for n in checked.notes if n.level == "warning"]
    assert "data/pay/agenda-for-change.yaml: its newest pay year, 2026/27, ended on 2027-03-31: " in warnings[0]
    assert "data/pay/doctors.yaml: its newest pay year, 2025/26, ended on 2026-03-31: " in warnings[1]
    quiet = validate.run([], today=datetime.date(2026, 3, 1))
    assert [n.level for n in quiet.notes] == ["info"]  # nothing ended yet, no problem


def _role(tmp_path: Path, sources: str) -> Path:
    folder = tmp_path / "mine"
    folder.mkdir(exist_ok=True)
    (folder / "alpha-clerk.yaml").write_text(ALPHA.replace(SINGLE, sources), encoding="utf-8")
    for other in ("beta-manager", "gamma-analyst"):
        (folder / f"{other}.yaml").write_text((FIXTURES / "roles" / f"{other}.yaml").read_text(encoding="utf-8"))
    return folder


def test_a_role_with_a_source_per_group_of_facts(tmp_path: Path) -> None:
    folder = _role(tmp_path, LISTED)
    assert run("validate", str(folder)).exit_code == 0
    shown = run("--data-dir", str(folder), "show", "alpha-clerk", "--section", "source").stdout
    assert shown.endswith(
        "Facts checked against these pages (the newest check 1 December 2026):\n"
        "https://www.healthcareers.nhs.uk/explore-roles/alpha-clerk\n"
        "  the other facts; checked 25 November 2026\n"
        "https://www.nhsemployers.org/alpha\n"
        "  pay band, hours, entry requirements; checked 1 December 2026; the pay page\n"
        f"From your file: {folder / 'alpha-clerk.yaml'}\n"
    )
    data = json.loads(run("--data-dir", str(folder), "show", "alpha-clerk", "--json").stdout)
    assert data["checked"] == "2026-12-01"
    assert data["sources"][1] == {
        "url": "https://www.nhsemployers.org/alpha",
        "checked": "2026-12-01",
        "supports": ["pay", "hours", "entry_requirements"],
        "note": "the pay page",
    }
    assert data["source"] == data["sources"][0]


def test_careers_sources_says_which_page_each_fact_rests_on(tmp_path: Path) -> None:
    folder = _role(tmp_path, LISTED)
    out = run("--data-dir", str(folder), "sources", "alpha-clerk").stdout
    assert out == (
        "Alpha clerk  (alpha-clerk)\n"
        "The pages its facts rest on:\n"
        "1. https://www.healthcareers.nhs.uk/explore-roles/alpha-clerk\n"
        "   checked 25 November 2026\n"
        "   for: title, other titles, summary, entry routes, where it leads, related\n"
        "   roles, organisations, working life, skills\n"
        "2. https://www.nhsemployers.org/alpha\n"
        "   checked 1 December 2026; the pay page\n"
        "   for: pay band, hours, entry requirements\n"
    )
    data = json.loads(run("--data-dir", str(folder), "sources", "alpha-clerk", "--json").stdout)
    facts = {f["fact"]: f["sources"] for f in data["facts"]}
    assert facts["pay"] == ["https://www.nhsemployers.org/alpha"]
    assert facts["working_life"] == ["https://www.healthcareers.nhs.uk/explore-roles/alpha-clerk"]
    listed = json.loads(run("--data-dir", str(folder), "--no-builtin", "sources", "--json").stdout)
    assert [(r["slug"], r["checked"]) for r in listed] == [
        ("beta-manager", "2026-11-25"),
        ("gamma-analyst", "2026-11-25"),
        ("alpha-clerk", "2026-12-01"),
    ]


@pytest.mark.parametrize(
    ("sources", "message"),
    [
        (SINGLE + LISTED, "sources: give `source` (one page) or `sources` (a list), not both"),
        (
            LISTED.replace("entry_requirements]", "entry_requirments]"),
            "sources[1].supports[2]: no fact 'entry_requirments'; did you mean entry_requirements? (a source "
            "supports a key of the role file, such as pay or entry_routes, or a section, such as working_life)",
        ),
        (
            LISTED.replace(
                "https://www.nhsemployers.org/alpha", "https://www.healthcareers.nhs.uk/explore-roles/alpha-clerk"
            ),
            "sources[1].url: this page is already source [0]; list what it supports there",
        ),
        (
            LISTED.replace("2026-12-01", "2999-01-01"),
            "sources[1].checked: 2999-01-01 is in the future; give the day you checked the facts",
        ),
    ],
)
def test_sources_are_checked(tmp_path: Path, sources: str, message: str) -> None:
    folder = _role(tmp_path, sources)
    result = run("validate", str(folder / "alpha-clerk.yaml"))
    assert result.exit_code == 1
    assert [line.split(": ", 1)[1] for line in result.stdout.splitlines()] == [message]


def test_validate_older_than_lists_roles_to_check_again(tmp_path: Path) -> None:
    folder = _role(tmp_path, LISTED)
    checked = validate.run([folder], older_than="12m", today=datetime.date(2027, 11, 27))
    assert [(p.path.name, p.line, p.key, p.message) for p in checked.problems] == [
        ("beta-manager.yaml", p.line, "source", "facts last checked 2026-11-25, more than 12m ago: check them again")
        for p in checked.problems[:1]
    ] + [
        (
            "gamma-analyst.yaml",
            checked.problems[1].line,
            "source",
            "facts last checked 2026-11-25, more than 12m ago: check them again",
        )
    ]
    assert checked.exit_code == 1
    assert validate.run([folder], older_than="2y", today=datetime.date(2027, 11, 27)).problems == ()
    for bad in ("12", "m", "0d", "twelve months", "-3d"):
        with pytest.raises(UsageError, match=r"^No age '.*': give a number and a unit, such as 12m, 90d, 6w or 2y$"):
            validate.parse_age(bad)
    assert run("validate", "--older-than", "soon").exit_code == 2


def test_a_moved_subarea_keeps_working_in_user_files_and_area(tmp_path: Path) -> None:
    # Estates services moved from the wider healthcare team into the site's newer estates and
    # facilities area; areas.yaml keeps the old key as `former`.
    folder = tmp_path / "mine"
    folder.mkdir()
    old = (FIXTURES / "roles" / "alpha-clerk.yaml").read_text(encoding="utf-8")
    old = old.replace("subarea: administration", "subarea: estates-services")
    old = old.replace("related: [beta-manager]\n", "").replace(
        "    next:\n      - role: beta-manager\n        kind: up\n", ""
    )
    old = old.replace("  - role: gamma-analyst\n    kind: sideways\n", "")
    (folder / "alpha-clerk.yaml").write_text(old, encoding="utf-8")
    assert run("validate", str(folder)).exit_code == 0
    data = json.loads(run("--data-dir", str(folder), "show", "alpha-clerk", "--json").stdout)
    assert (data["area"], data["subarea"]) == ("estates-and-facilities", "estates-services")
    listed = run(
        "--data-dir", str(folder), "list", "--area", "wider-healthcare-team/estates-services", "--format", "tsv"
    )
    assert listed.exit_code == 0
    assert {line.split("\t")[0] for line in listed.stdout.splitlines()} >= {"alpha-clerk", "electrician", "plumber"}
    assert {line.split("\t")[2] for line in listed.stdout.splitlines()} == {"estates-and-facilities"}
