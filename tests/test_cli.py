from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import oracle
import pytest
from typer.testing import CliRunner

from careers_cli.cli.app import app

from conftest import FIXTURES

runner = CliRunner()


def run(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env=env)


def test_show_prints_header_and_sections_in_order() -> None:
    result = run("show", "health-records-staff")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("Health records staff  (health-records-staff)\n")
    assert "Agenda for Change band 2: £25,272 a year (2026/27 rates, England,\n              provisional)" in out
    headings = ["Working life", "Entry requirements", "Personal characteristics", "Skills", "Pay and conditions"]
    positions = [out.index(f"─ {h} ─") for h in headings]
    assert positions == sorted(positions)
    assert "Medical secretary/personal assistant (medical-secretarypersonal-assistant)" in out
    assert result.stderr == ""


def test_show_section_limits_the_panels() -> None:
    out = run("show", "health-records-staff", "--section", "skills").stdout
    assert "─ Skills ─" in out and "─ Working life ─" not in out and "Facts checked" not in out


def test_show_unknown_slug_suggests_and_exits_1() -> None:
    result = run("show", "helth-records")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        "Error: No role 'helth-records'. Did you mean: health-records-staff, health-records-and-patient-administration?\n"
    )


def test_show_unknown_section_is_a_usage_error() -> None:
    result = run("show", "health-records-staff", "-s", "salary")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: No section 'salary'. Choose from: working-life,")


def test_show_json_is_the_whole_role() -> None:
    result = run("show", "medical-records-staff", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["slug"] == "health-records-staff"
    assert data["pay"]["bands"] == [{"band": "2", "min": 25272, "max": 25272}]
    assert data["pay"]["year"] == "2026/27" and data["pay"]["status"] == "provisional"
    assert [s["key"] for s in data["sections"]][:2] == ["working_life", "entry_requirements"]
    file = oracle.roles()["health-records-staff"]
    given = file.get("sources") or [file["source"]]
    assert data["source"]["url"] == given[0]["url"] and data["source"]["checked"] == str(given[0]["checked"])
    assert [s["url"] for s in data["sources"]] == [s["url"] for s in given]
    assert data["checked"] == str(max(s["checked"] for s in given))


def test_search_json_is_ranked() -> None:
    result = run("search", "records", "--json")
    data = json.loads(result.stdout)
    assert data[0]["slug"] == "health-records-staff"
    assert {"slug", "title", "score"} <= set(data[0])
    assert [d["score"] for d in data] == sorted((d["score"] for d in data), reverse=True)


def test_search_table_and_no_match() -> None:
    out = run("search", "records", "--limit", "1").stdout
    assert "Health records staff" in out and "health-records-staff" in out and "Human resources" not in out
    miss = run("search", "xyzzy")
    assert (miss.exit_code, miss.stdout) == (0, "")
    assert miss.stderr.startswith("Warning: No roles match 'xyzzy'.")
    assert json.loads(run("search", "xyzzy", "--json").stdout) == []


def test_search_unknown_area_exits_2() -> None:
    result = run("search", "records", "--area", "nowhere")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: No area 'nowhere'. Choose from: allied-health-professionals,")


def test_path_json_tree() -> None:
    data = json.loads(run("path", "health-records-staff", "--json").stdout)
    assert data["slug"] == "health-records-staff"
    first = data["next"][0]
    assert (first["title"], first["slug"], first["note"], first["kind"]) == (
        "Health records team leader",
        None,
        "with experience",
        "up",
    )
    assert first["next"][0]["title"] == "Health records manager"
    assert {"title", "slug", "note", "next"} <= set(first)


def test_path_depth_is_checked() -> None:
    result = run("path", "health-records-staff", "--depth", "0")
    assert result.exit_code == 2


def test_list_is_one_role_a_line_in_a_pipe() -> None:
    lines = run("list").stdout.splitlines()
    assert "health-records-staff\tHealth records staff\twider-healthcare-team\tadministration\t2" in lines
    assert "administrative-management\tAdministrative management\tmanagement\toperational-management\t5,6" in lines
    assert all(line.count("\t") == 4 for line in lines)


def test_list_area_and_json() -> None:
    data = json.loads(run("list", "--area", "Doctors", "--json").stdout)
    assert {d["area"] for d in data} == {"doctors"}
    assert set(data[0]) == {"slug", "title", "area", "subarea", "bands"}


def test_areas_json_counts_roles() -> None:
    data = json.loads(run("areas", "--json").stdout)
    wider = next(a for a in data if a["key"] == "wider-healthcare-team")
    assert wider["roles"] == sum(s["roles"] for s in wider["subareas"])
    assert wider["roles"] >= 4


def test_validate_builtin_is_clean() -> None:
    result = run("validate")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "0 problems" in result.stderr


def test_validate_reports_every_problem_and_exits_1(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES / "invalid")
    result = run("validate", "bad-band.yaml", "unknown-key.yaml")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        'bad-band.yaml:12:11: pay.bands[0]: expected one of 2, 3, 4, 5, 6, 7, 8a, 8b, 8c, 8d, 9, got "11"',
        'bad-band.yaml:12:23: pay.bands[2]: expected one of 2, 3, 4, 5, 6, 7, 8a, 8b, 8c, 8d, 9, got "12"',
        "unknown-key.yaml:2:1: sumary: unknown key 'sumary'; did you mean 'summary'?",
    ]
    assert result.stderr == "Warning: 2 role files checked, 3 problems\n"


def test_validate_json_and_missing_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES / "invalid")
    data = json.loads(run("validate", "duplicate-key.yaml", "--json").stdout)
    assert data == [
        {
            "file": "duplicate-key.yaml",
            "line": 10,
            "column": 1,
            "key": "title",
            "message": "duplicate key 'title' (first on line 1); keep one of them",
        }
    ]
    missing = run("validate", "nowhere.yaml")
    assert (missing.exit_code, missing.stderr) == (1, "Error: nowhere.yaml: no such file or folder\n")


def test_user_folder_roles_join_the_catalogue() -> None:
    env = {"CAREERS_DATA_DIR": str(FIXTURES / "roles")}
    result = run("show", "alpha-clerk", "--section", "skills", env=env)
    assert result.exit_code == 0
    # Role text is shown as text: markup in a YAML file is never interpreted.
    assert "[bold]not markup[/bold]" in result.stdout


def test_broken_user_role_warns_but_others_still_work() -> None:
    env = {"CAREERS_DATA_DIR": str(FIXTURES / "invalid")}
    result = run("search", "records", env=env)
    assert result.exit_code == 0
    assert "health-records-staff" in result.stdout
    assert result.stderr.startswith("Warning: ")
    assert "run `careers validate`" in result.stderr


def test_control_characters_are_shown_not_sent() -> None:
    env = {"CAREERS_DATA_DIR": str(FIXTURES / "roles")}
    out = run("show", "gamma-analyst", env=env).stdout
    assert "\x1b" not in out
    assert "\\x1b[31mred\\x1b[0m" in out


def test_no_arguments_shows_help() -> None:
    result = run()
    assert "show" in result.stdout and "search" in result.stdout


def test_version() -> None:
    from careers_cli import __version__

    assert run("--version").stdout == f"careers {__version__}\n"
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)


def _subprocess(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "careers_cli", *args], capture_output=True, text=True, check=False)


def test_module_entry_point_and_broken_pipe() -> None:
    for args in ("show health-records-staff", "show health-records-staff --color auto"):  # both paths
        proc = subprocess.run(
            ["bash", "-o", "pipefail", "-c", f"{sys.executable} -m careers_cli {args} | head -1"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert proc.stdout == "Health records staff  (health-records-staff)\n"
        assert proc.stderr == ""
        assert proc.returncode in (0, 141)  # 0 when it finished writing before head left


@pytest.mark.parametrize(
    "args",
    [
        ["show", "health-records-staff"],
        ["show", "medical-records-staff"],
        ["show", "helth-records"],
        ["show", "../../etc/passwd"],
        ["search", "records"],
        ["search", "helth recrods"],
        ["search", "helth", "recrods"],
        ["search", "zzzzqq"],
    ],
)
def test_plain_show_and_search_skip_typer_but_answer_the_same(args: list[str]) -> None:
    # `--color auto` changes nothing but sends the same command through Typer.
    env = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb"}
    plain = subprocess.run([sys.executable, "-m", "careers_cli", *args], capture_output=True, text=True, env=env)
    typed = subprocess.run(
        [sys.executable, "-m", "careers_cli", *args, "--color", "auto"], capture_output=True, text=True, env=env
    )
    assert (plain.returncode, plain.stdout, plain.stderr) == (typed.returncode, typed.stdout, typed.stderr)
    assert plain.stdout or plain.stderr


def test_search_words_need_no_quotes() -> None:
    assert run("search", "helth", "recrods", "--json").stdout == run("search", "helth recrods", "--json").stdout


def test_the_plain_forms_never_import_typer_or_click() -> None:
    for args in (["show", "health-records-staff"], ["search", "helth", "recrods"]):
        proc = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "careers_cli", *args], capture_output=True, text=True
        )
        imported = {line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines()}
        assert proc.returncode == 0 and "careers_cli.commands" in imported
        assert not imported & {"typer", "click"}


def test_plain_show_through_the_script_imports_only_what_it_needs() -> None:
    # Through the console script, as people run it (python -m imports more on its own).
    script = Path(sys.executable).parent / "careers"
    subprocess.run([str(script), "show", "health-records-staff"], capture_output=True, check=True)  # caches warm
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", str(script), "show", "health-records-staff"],
        capture_output=True,
        text=True,
    )
    imported = {line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines()}
    # (the last lines of -X importtime may be cut by the fast exit: an early module is the witness)
    assert proc.returncode == 0 and "careers_cli.output.text.widgets" in imported
    assert imported & {"typer", "markdown_it", "json", "rapidfuzz", "yaml"} == set()


def test_errors_never_show_a_traceback() -> None:
    proc = _subprocess("show", "../../etc/passwd")
    assert proc.returncode == 1
    assert proc.stderr.startswith("Error: No role '../../etc/passwd'.")
    assert "Traceback" not in proc.stderr


def test_ctrl_c_exits_130_quietly(monkeypatch: pytest.MonkeyPatch) -> None:
    from careers_cli import catalogue

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(catalogue.Catalogue, "open", interrupted)
    result = run("list")
    assert (result.exit_code, result.stdout, result.stderr) == (130, "", "")


def test_list_into_head_ends_cleanly(tmp_path: Path) -> None:
    # Enough roles that the output overflows the pipe buffer, so the reader really goes away.
    sys.path.insert(0, str(Path(__file__).parent.parent / "bench"))
    from bench import write_roles

    write_roles(tmp_path, 1500)
    proc = subprocess.run(
        f"{sys.executable} -m careers_cli list | head -1",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "CAREERS_DATA_DIR": str(tmp_path)},
    )
    assert proc.stdout.count("\n") == 1 and proc.stdout.count("\t") == 4
    assert proc.stderr == ""


def test_search_filters_without_a_query() -> None:
    data = json.loads(run("search", "--band", "2-4", "--entry", "apprenticeship", "--limit", "500", "--json").stdout)
    assert [d["slug"] for d in data] == oracle.where("2", "4", ("apprenticeship",))
    assert len(data) >= 5
    assert run("search").exit_code == 2
    bad = run("search", "x", "--band", "12")
    assert (bad.exit_code, bad.stderr.splitlines()[0]) == (
        2,
        "Error: No band or band range '12'. Use a band (2, 3, 4, 5, 6, 7, 8a, 8b, 8c, 8d, 9; fy1, fy2, st1, st3, st6, gp, consultant) or a range such as 3-5",
    )


def test_list_filters_all_must_hold() -> None:
    lines = run("list", "--band", "5").stdout.splitlines()
    assert sorted(line.split("\t")[0] for line in lines) == sorted(oracle.where("5"))
    both = run("list", "--entry", "degree", "--entry", "professional-registration").stdout.splitlines()
    assert {line.split("\t")[0] for line in both} == set(oracle.where(entry=("degree", "professional-registration")))
    assert len(both) >= 20


GRAPH_ENV = {"CAREERS_DATA_DIR": str(FIXTURES / "graph")}


def test_path_to_lists_tied_shortest_routes() -> None:
    data = json.loads(run("path", "start", "--to", "goal", "--json", env=GRAPH_ENV).stdout)
    assert [[s["slug"] for s in route] for route in data] == [["start", "left", "goal"], ["start", "right", "goal"]]
    assert data[1][2] == {
        "slug": "goal",
        "title": "Goal role",
        "bands": ["5", "6"],
        "note": "with a degree",
        "kind": "up",
    }


def test_path_to_without_a_route_names_the_nearest() -> None:
    result = run("path", "island", "--to", "goal", env=GRAPH_ENV)
    assert result.exit_code == 0
    assert (
        result.stdout.splitlines()[0]
        == "No route from Island role to Goal role over the progression links of the catalogue."
    )
    assert "Nearest roles that lead to Goal role: Left role (left), Right role (right)" in " ".join(
        result.stdout.split()
    )
    assert json.loads(run("path", "island", "--to", "goal", "--json", env=GRAPH_ENV).stdout) == []


def test_path_into_and_its_errors() -> None:
    data = json.loads(run("path", "goal", "--into", "--json", env=GRAPH_ENV).stdout)
    assert [c["title"] for c in data["next"]] == ["Left role", "Right role", "Team lead"]
    both = run("path", "goal", "--into", "--to", "start", env=GRAPH_ENV)
    assert (both.exit_code, both.stderr) == (2, "Error: Use --into or --to, not both\n")
    unknown = run("path", "start", "--to", "gaol", env=GRAPH_ENV)
    assert unknown.exit_code == 1 and unknown.stderr.startswith("Error: No role 'gaol'. Did you mean: goal")


def test_compare_json_and_counts() -> None:
    data = json.loads(run("compare", "health-records-staff", "adult-nurse", "--json").stdout)
    assert [d["slug"] for d in data] == ["health-records-staff", "adult-nurse"]
    assert data[0]["pay"] == {"min": 25272, "max": 25272, "year": "2026/27", "status": "provisional"}
    assert data[1]["registration"] == "Nursing and Midwifery Council (NMC)"
    assert run("compare", "health-records-staff").exit_code == 2
    assert run("compare", "a", "b", "c", "d", "e").exit_code == 2
    typo = run("compare", "health-records-staff", "adlt-nurse")
    assert typo.stderr.startswith("Error: No role 'adlt-nurse'. Did you mean: adult-nurse")


def test_pay_counts_roles_by_starting_band() -> None:
    data = json.loads(run("pay", "--json").stdout)
    assert data["year"] == "2026/27"
    bands = {b["band"]: b for b in data["bands"]}
    assert (bands["2"]["min"], bands["9"]["max"]) == (25272, 129783)
    assert [r["slug"] for r in bands["5"]["roles_starting"]] == oracle.starting_in("5")
    assert sum(len(b["roles_starting"]) for b in data["bands"]) == len(oracle.where("2", "9"))
    five = json.loads(run("pay", "5", "--json").stdout)
    assert five["band"] == "5"
    assert run("pay", "10").exit_code == 2


def test_unknown_slug_without_a_close_match_suggests_a_search() -> None:
    result = run("show", "social work")
    assert (result.exit_code, result.stderr) == (1, "Error: No role 'social work'. Try: careers search 'social work'\n")


def test_compare_refuses_the_same_role_twice() -> None:
    result = run("compare", "health-records-staff", "medical-records-staff")
    assert (result.exit_code, result.stderr) == (
        2,
        "Error: 'health-records-staff' is given twice; compare different roles\n",
    )


def test_doctors_are_paid_on_their_own_scale_shown_by_grade() -> None:
    show = run("show", "anaesthesia", env={"COLUMNS": "200"})
    assert (
        "Doctors' pay grades CT1-2/ST1-2 to consultant: £52,656 to £145,478 a year (2025/26 rates, England)"
        in show.stdout
    )
    data = json.loads(run("pay", "--scale", "doctors", "--json").stdout)
    grades = {b["band"]: b for b in data["bands"]}
    assert (grades["fy1"]["label"], grades["fy1"]["min"], grades["consultant"]["max"]) == ("FY1", 38831, 145478)
    assert [r["slug"] for r in grades["fy1"]["roles_starting"]] == ["training-doctor"]
    doctors = {s for s, r in oracle.roles().items() if r["area"] == "doctors" and r.get("pay")}  # some give no grade
    assert {r["slug"] for b in data["bands"] for r in b["roles_starting"]} == doctors
    listed = run("list", "--band", "st6-consultant").stdout.splitlines()
    assert {line.split("\t")[0] for line in listed} < doctors
    assert run("pay", "st1").exit_code == 2  # a grade of another scale


def test_a_closed_pipe_through_the_installed_script_in_a_clean_environment() -> None:
    # pipx runs the script with `python -E`: nothing from the environment hides a late flush.
    script = Path(sys.executable).parent / "careers"
    for args in ("list", "list --color never", "show health-records-staff --no-pager"):
        proc = subprocess.run(
            [
                "env",
                "-i",
                "PATH=/usr/bin:/bin",
                "bash",
                "-o",
                "pipefail",
                "-c",
                f"{sys.executable} -E {script} {args} | head -c 10 >/dev/null",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        assert (proc.returncode, proc.stderr) in ((141, ""), (0, "")), args
