"""Each command called as a plain function: values in, a result record out, no terminal."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from careers_cli.commands import areas, base, compare, list_roles, new, path, pay, schema, search, show, validate
from careers_cli.errors import ExitCode, NotFound, RoleNotFound, UsageError

from conftest import FIXTURES

GRAPH = FIXTURES / "graph"


@pytest.fixture(scope="module")
def catalogue():  # type: ignore[no-untyped-def]
    return base.open_catalogue()


def test_show_returns_the_role_and_its_linked_titles(catalogue, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    result = show.run(catalogue, "medical-records-staff", ["skills", "pay"])
    assert result.role.slug == "health-records-staff"
    assert result.sections == {"skills", "pay_and_conditions"}
    assert result.titles["medical-secretarypersonal-assistant"] == "Medical secretary/personal assistant"
    assert (result.origin, result.exit_code, result.notes) == ("built-in", ExitCode.OK, ())
    assert capsys.readouterr() == ("", "")  # a command never prints


def test_search_ranks_and_filters(catalogue) -> None:  # type: ignore[no-untyped-def]
    found = search.run(catalogue, "records", limit=3)
    assert found.hits[0].role.slug == "health-records-staff"
    assert len(found.hits) == 3
    kept = search.run(catalogue, "", limit=500, band="2-4", entry=["apprenticeship"])
    assert kept.hits and all(set(h.role.bands) & {"2", "3", "4"} for h in kept.hits)
    with pytest.raises(UsageError, match="Give words to search for"):
        search.run(catalogue, "  ")


def test_path_gives_a_tree_or_routes() -> None:
    graph = base.open_catalogue([GRAPH])
    tree = path.run(graph, "start", depth=1)
    assert isinstance(tree, path.Tree) and not tree.into and tree.root.slug == "start"
    routes = path.run(graph, "start", to="goal")
    assert isinstance(routes, path.Routes)
    assert [[s.slug for s in r] for r in routes.routes] == [["start", "left", "goal"], ["start", "right", "goal"]]
    none = path.run(graph, "island", to="goal")
    assert isinstance(none, path.Routes) and none.routes == () and [s for s, _ in none.nearest][:2] == ["left", "right"]
    with pytest.raises(UsageError, match="not both"):
        path.run(graph, "goal", into=True, to="start")


def test_compare_pay_list_and_areas(catalogue) -> None:  # type: ignore[no-untyped-def]
    compared = compare.run(catalogue, ["health-records-staff", "adult-nurse"])
    assert [c.slug for c in compared.columns] == ["health-records-staff", "adult-nurse"]
    scale = pay.run(catalogue)
    assert isinstance(scale, pay.Scale) and scale.scale.key == "agenda-for-change"
    band = pay.run(catalogue, "5")
    assert isinstance(band, pay.BandRoles) and band.count.band.key == "5"
    with pytest.raises(NotFound, match=r"No band '10' in Agenda for Change\. Choose from: 2, 3"):
        pay.run(catalogue, "10")
    listed = list_roles.run(catalogue, area="nursing")
    assert listed.roles and {r.area for r in listed.roles} == {"nursing"} and listed.origins is None
    counted = areas.run(catalogue)
    assert sum(row.roles for row in counted.rows) == len(catalogue.index().docs)


def test_validate_returns_problems_and_its_exit_code() -> None:
    checked = validate.run([FIXTURES / "invalid" / "bad-band.yaml"])
    assert (checked.files, len(checked.problems), checked.exit_code) == (1, 2, ExitCode.ERROR)
    assert [n.text for n in checked.notes] == ["1 role file checked, 2 problems"]
    clean = validate.run([])
    assert (clean.problems, clean.exit_code) == ((), ExitCode.OK)


def test_new_writes_once_and_schema_is_the_shipped_file(tmp_path: Path, catalogue) -> None:  # type: ignore[no-untyped-def]
    written = new.run(catalogue, "play-worker", [tmp_path])
    assert written.path == tmp_path / "play-worker.yaml" and written.path.is_file()
    with pytest.raises(Exception, match="already exists"):
        new.run(catalogue, "play-worker", [tmp_path])
    assert schema.run().text.startswith("{\n")


def test_one_did_you_mean_for_every_kind_of_name(catalogue) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(RoleNotFound, match=r"Did you mean: health-records-staff"):
        show.run(catalogue, "helth-records-staff")
    with pytest.raises(NotFound, match=r"No section 'skils'\. Did you mean: skills\? Choose from:"):
        show.run(catalogue, "health-records-staff", ["skils"])
    with pytest.raises(NotFound, match=r"No area 'nursng'\. Did you mean: nursing\? Choose from:"):
        list_roles.run(catalogue, area="nursng")
    with pytest.raises(NotFound, match=r"No band 'consultnt' in Doctors' pay\. Did you mean: consultant\?"):
        pay.run(catalogue, "consultnt", scale="doctors")
    with pytest.raises(UsageError, match=r"No band or band range 'st3x'\. Did you mean: st3\?"):
        list_roles.run(catalogue, band="st3x")


def test_an_unknown_command_is_offered_the_closest() -> None:
    proc = subprocess.run([sys.executable, "-m", "careers_cli", "shw", "x"], capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.startswith("Error: No command 'shw'. Did you mean: show? Choose from: show, search, path")
