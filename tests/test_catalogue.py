from __future__ import annotations

from pathlib import Path

import pytest

from careers_cli.catalogue import Catalogue, builtin_data_dir
from careers_cli.commands.base import area_key, open_catalogue
from careers_cli.commands.show import section_keys
from careers_cli.errors import DataError, RoleNotFound, UsageError

from conftest import FIXTURES

INVALID = FIXTURES / "invalid"
ROLES = FIXTURES / "roles"


def test_every_shipped_role_validates() -> None:
    catalogue = Catalogue.open(role_dirs=[])
    assert [str(p) for p in catalogue.problems()] == []
    assert len(catalogue.roles()) == len(list((builtin_data_dir() / "roles").glob("*.yaml")))


def test_areas_keep_file_order_and_names() -> None:
    areas = Catalogue.open(role_dirs=[]).areas
    assert list(areas)[:3] == ["allied-health-professionals", "ambulance-service-team", "dental-team"]
    assert areas["wider-healthcare-team"].subarea("administration").name == "Administration"  # type: ignore[union-attr]


@pytest.mark.parametrize("case", sorted(INVALID.glob("*.yaml")), ids=lambda p: p.stem)
def test_invalid_file_gives_exact_messages(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(INVALID)
    catalogue = Catalogue.open(role_dirs=[Path(".")])
    found = [str(p) for p in catalogue.problems(only=[Path(case.name)])]
    expected = case.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    assert expected, "every invalid fixture must expect at least one message"
    assert found == expected


def test_invalid_files_do_not_hide_valid_ones() -> None:
    catalogue = Catalogue.open(role_dirs=[INVALID, ROLES], builtin_roles=False)
    # dangling-link.yaml is a valid file whose links are wrong: it loads, validate reports it.
    assert sorted(r.slug for r in catalogue.roles()) == [
        "alpha-clerk",
        "beta-manager",
        "dangling-link",
        "gamma-analyst",
    ]


def test_broken_role_raises_its_first_problem() -> None:
    catalogue = Catalogue.open(role_dirs=[INVALID])
    with pytest.raises(DataError, match=r"bad-band.yaml:12:11: pay.bands\[0\]") as info:
        catalogue.get("bad-band")
    assert len(info.value.problems) == 2


def test_get_loads_only_the_role_asked_for() -> None:
    catalogue = Catalogue.open(role_dirs=[ROLES], builtin_roles=False)
    role = catalogue.get("alpha-clerk")
    assert role.title == "Alpha clerk"
    assert list(catalogue._roles) == ["alpha-clerk"]


def test_former_slug_resolves_to_the_role() -> None:
    catalogue = Catalogue.open(role_dirs=[ROLES], builtin_roles=False)
    assert catalogue.get("old-alpha").slug == "alpha-clerk"
    assert Catalogue.open(role_dirs=[]).get("medical-records-staff").slug == "health-records-staff"


def test_role_is_built_from_the_file() -> None:
    role = Catalogue.open(role_dirs=[ROLES], builtin_roles=False).get("alpha-clerk")
    assert role.band_keys == ("2", "3")
    assert role.pay is not None and role.pay.range == (25272, 27476)
    assert [s.key for s in role.sections] == ["working_life", "entry_requirements", "skills"]
    assert role.sections[1].text == "No set requirements." and role.sections[1].items == ("GCSEs help",)
    step = role.progression[0]
    assert (step.title, step.kind, step.note, step.next[0].slug) == (
        "Alpha team leader",
        "up",
        "with experience",
        "beta-manager",
    )


@pytest.mark.parametrize("slug", ["nope", "../etc/passwd", "/etc/passwd", "a/b", "", "ALPHA-CLERK"])
def test_unknown_or_unsafe_slugs_are_not_found(slug: str) -> None:
    catalogue = Catalogue.open(role_dirs=[ROLES], builtin_roles=False)
    with pytest.raises(RoleNotFound) as info:
        catalogue.get(slug)
    assert str(info.value).startswith(f"No role '{slug}'.")


def test_not_found_suggests_close_slugs() -> None:
    with pytest.raises(RoleNotFound) as info:
        open_catalogue().get("helth-records")
    assert info.value.suggestions[0] == "health-records-staff"
    assert str(info.value).startswith("No role 'helth-records'. Did you mean: health-records-staff")


def test_missing_folder_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    catalogue = Catalogue.open(role_dirs=[tmp_path / "nowhere"])
    assert [p.message for p in catalogue.problems()] == ["no such folder; check the path"]


def test_later_folder_replaces_a_slug(tmp_path: Path) -> None:
    text = (ROLES / "gamma-analyst.yaml").read_text().replace("Gamma analyst", "Local gamma analyst")
    (tmp_path / "gamma-analyst.yaml").write_text(text)
    catalogue = Catalogue.open(role_dirs=[ROLES, tmp_path], builtin_roles=False)
    assert catalogue.get("gamma-analyst").title == "Local gamma analyst"


@pytest.mark.parametrize(
    ("names", "keys"),
    [
        (["pay"], {"pay_and_conditions"}),
        (["Working life", "skills"], {"working_life", "skills"}),
        (["where-the-role-can-lead"], {"where_the_role_can_lead"}),
        (["organisations"], {"organisations"}),
    ],
)
def test_section_names(names: list[str], keys: set[str]) -> None:
    assert section_keys(names) == keys


def test_unknown_section_lists_the_choices() -> None:
    with pytest.raises(UsageError, match=r"No section 'salary'\. Choose from: working-life, entry-requirements"):
        section_keys(["salary"])


def test_area_by_key_or_name() -> None:
    catalogue = Catalogue.open(role_dirs=[])
    assert area_key(catalogue, "Nursing") == "nursing"
    assert area_key(catalogue, "wider-healthcare-team") == "wider-healthcare-team"
    with pytest.raises(UsageError, match="No area 'nurses'"):
        area_key(catalogue, "nurses")


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("health-records-staff", True),
        ("8a", True),
        ("a", True),
        ("", False),
        ("-a", False),
        ("a-", False),
        ("a--b", False),
        ("A", False),
        ("a/b", False),
        ("..", False),
        ("a_b", False),
        ("abc\n", False),
        ("é", False),
    ],
)
def test_what_a_slug_is(text: str, ok: bool) -> None:
    from careers_cli.catalogue import is_slug

    assert is_slug(text) is ok


def test_a_scale_describes_bands_by_key_and_grades_by_name() -> None:
    scales = Catalogue.open(role_dirs=[]).scales
    afc, doctors = scales["agenda-for-change"], scales["doctors"]
    assert (afc.describe(["5"]), afc.describe(["5", "6"]), afc.describe([])) == (
        "band 5",
        "bands 5, 6",
        "no band given",
    )
    assert afc.describe(["3", "4", "5", "6"]) == "bands 3 to 6"
    assert afc.describe(["2", "4", "5"]) == "bands 2, 4, 5"
    assert doctors.describe(["consultant", "st1"]) == "grades CT1-2/ST1-2 to consultant"
    assert doctors.describe(["fy1"]) == "grade FY1"
