"""The properties people expect of search (issue 15), each on a few made-up roles so that the
reason a role wins is the property under test, not the built-in content; then filter phrases,
the words that found nothing, and naming a role by a title, through the commands."""

from __future__ import annotations

from pathlib import Path

import pytest

from careers_cli.catalogue import Catalogue
from careers_cli.commands import base, compare, path, search, show
from careers_cli.errors import RoleNotFound
from careers_cli.filters import needs_no_degree
from careers_cli.index import Index
from careers_cli.phrases import NotRecorded, Unwanted, helped, not_recorded, read, unwanted
from careers_cli.search import _closeness, _same_word, _similar_words, find, unmatched


def role(slug: str, title: str, summary: str, plain: tuple[str, ...] = (), working: str = "") -> str:
    plain_words = "".join(f"\n  - {p}" for p in plain) or " []"
    return (
        f"title: {title}\narea: wider-healthcare-team\nsummary: {summary}\nplain_words:{plain_words}\n"
        f"sections:\n  working_life: {working or 'They do this work on most days of the week.'}\nentry_routes: [none-set]\n"
        f"source:\n  url: https://www.healthcareers.nhs.uk/explore-roles/{slug}\n  checked: 2026-12-02\n"
    )


ROLES = {
    "blood-taker": role("blood-taker", "Phlebotomist", "Phlebotomists collect samples.", ("takes blood",)),
    "blood-driver": role("blood-driver", "Driver", "Drivers move blood and post between sites."),
    "talker": role("talker", "Speech therapist", "Therapists help stroke patients talk again."),
    "porter": role("porter", "Porter", "Porters move patients in the hospital.", ("pushes patients",)),
    "pipes": role("pipes", "Plumber", "Plumbers fix leaking pipes.", ("fixes leaks", "drains")),
    "cook": role("cook", "Cook", "Cooks make food in the hospital kitchen.", ("food hygiene",)),
    "cleaner": role(
        "cleaner", "Cleaner", "Cleaners keep the hospital clean.", working="Cleaners keep wards clean; hygiene matters."
    ),
    "physio": role("physio", "Physiotherapist", "Physiotherapists help people move.", ("exercises",)),
    "surgeon": role("surgeon", "Eye surgeon", "Eye surgeons operate on eyes.", ("eye doctor",)),
    "imager": role("imager", "Radiographer", "They take pictures of the inside of the body."),
    "imaging": role("imaging", "Radiography", "Radiography takes pictures of the inside of the body."),
    "chiropodist": role("chiropodist", "Chiropodist", "They treat sore toes."),
    "chiropody-assistant": role("chiropody-assistant", "Chiropody assistant", "They treat sore toes."),
    "ophthalmologist": role(
        "ophthalmologist", "Medical ophthalmologist", "A doctor who treats eye disease with medicines."
    ),
    "paediatrician": role("paediatrician", "Paediatrics", "Doctors for the young.", ("children's doctor",)),
    "child-psychiatrist": role(
        "child-psychiatrist", "Child psychiatry", "Doctors for young minds.", ("mental health doctor for children",)
    ),
}


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    folder: Path = tmp_path_factory.mktemp("roles")
    for slug, text in ROLES.items():
        (folder / f"{slug}.yaml").write_text(text, encoding="utf-8")
    return base.open_catalogue([folder], builtin=False)


@pytest.fixture(scope="module")
def index(catalogue: Catalogue) -> Index:
    return catalogue.index()


def ranked(index: Index, query: str) -> list[str]:
    return [r.doc.slug for r in find(index, query)]


def test_any_word_may_match_and_a_query_with_a_matching_word_finds_something(index: Index) -> None:
    assert ranked(index, "fixes leaking pipes and drains in old buildings")[0] == "pipes"
    assert ranked(index, "xyzzy pipes") == ["pipes"]
    assert unmatched(index, "xyzzy pipes") == ["xyzzy"]
    assert unmatched(index, "pipes") == []


def test_rare_words_weigh_more_than_common_ones(index: Index) -> None:
    # "hospital" is in three summaries, "hygiene" in two roles: the role with the rarer word wins.
    assert ranked(index, "hospital hygiene")[:2] == ["cook", "cleaner"]


def test_covering_more_of_the_query_ranks_higher(index: Index) -> None:
    assert ranked(index, "stroke patients talk")[0] == "talker"
    found = ranked(index, "move patients in the hospital")
    assert found[0] == "porter"  # all three words; the others have one or two
    assert set(found[1:]) <= {"blood-driver", "talker", "cook", "cleaner"}
    # A role with one word of many is cut when others cover much more of the query ...
    assert "porter" not in ranked(index, "stroke patients talk")
    # ... but is shown when it is the best there is.
    assert ranked(index, "patients xyzzy plugh")[0] == "porter"


def test_a_match_in_the_plain_words_outranks_one_in_a_passing_sentence(index: Index) -> None:
    assert ranked(index, "hygiene") == ["cook", "cleaner"]


def test_words_together_as_typed_rank_higher(index: Index) -> None:
    # Both roles have "blood"; only one says "takes blood" as a phrase.
    assert ranked(index, "person who takes blood")[0] == "blood-taker"
    assert _closeness("3 tak blood".split(), "tak", "blood") == 1.0
    assert _closeness("3 blood tak".split(), "tak", "blood") == 0.5
    assert _closeness("3 tak a b c blood".split(), "tak", "blood") == 0.0


def test_typos_are_forgiven_only_for_words_the_catalogue_does_not_know(index: Index) -> None:
    assert ranked(index, "plumbr")[0] == "pipes"
    assert ranked(index, "fisio")[0] == "physio"  # by sound
    assert all(sim in (100.0, 80.0) for sim in _similar_words(index, "cook").values())  # known: no typos
    assert ranked(index, "qwerty") == []


def test_filler_words_alone_are_still_searched(index: Index) -> None:
    assert ranked(index, "the porter")[0] == "porter"


@pytest.mark.parametrize(
    ("query", "left", "band", "routes", "no_degree"),
    [
        ("band 5 jobs", "", "5", frozenset(), False),
        ("lab jobs bands 6 to 7", "lab jobs", "6-7", frozenset(), False),
        ("nursing without a degree", "nursing", None, frozenset(), True),
        ("jobs that don't need a degree", "", None, frozenset(), True),
        ("become a nurse without going to uni", "become a nurse", None, frozenset(), True),
        ("lab work no university", "lab work", None, frozenset(), True),
        ("apprenticeship without a degree", "", None, frozenset({"apprenticeship"}), True),
        ("universal credit", "universal credit", None, frozenset(), False),
        ("no qualifications hospital job", "hospital job", None, frozenset({"none-set"}), False),
        (
            "apprenticeship in pharmacy",
            "in pharmacy",
            None,
            frozenset({"apprenticeship", "degree-apprenticeship"}),
            False,
        ),
        ("degree apprenticeship nursing", "nursing", None, frozenset({"degree-apprenticeship"}), False),
        ("food hygiene", "food hygiene", None, frozenset(), False),
    ],
)
def test_filter_phrases_are_read_out_of_the_query(
    query: str, left: str, band: str | None, routes: frozenset[str], no_degree: bool
) -> None:
    understood = read(query)
    assert (understood.query, understood.band, understood.any_entry, understood.no_degree) == (
        left,
        band,
        routes,
        no_degree,
    )
    assert bool(understood.said) == (band is not None or bool(routes) or no_degree)


@pytest.mark.parametrize(
    ("routes", "without"),
    [
        (["none-set"], True),
        (["gcse"], True),  # a receptionist's GCSEs are the way in
        (["a-level", "degree", "professional-registration"], False),  # a pharmacist's A levels lead to the degree
        (["gcse", "degree-apprenticeship"], False),
        (["apprenticeship", "degree"], True),
        (["experience", "gcse"], True),
        (["experience", "postgraduate", "professional-registration"], False),
        (["degree", "postgraduate"], False),
    ],
)
def test_a_way_in_without_a_degree_is_not_the_school_results_a_degree_asks_for(
    routes: list[str], without: bool
) -> None:
    assert needs_no_degree(routes) is without


BUILTIN = base.open_catalogue([])


def test_a_filter_phrase_filters_and_says_so() -> None:
    found = search.run(BUILTIN, "band 5 jobs", limit=50)
    assert found.hits and all("5" in h.role.bands for h in found.hits)
    assert [n.text for n in found.notes] == ["Showing roles at band 5 (from 'band 5')."]
    lab = search.run(BUILTIN, "nursing without a degree", limit=10)
    assert lab.hits and all(needs_no_degree(h.role.entry_routes) for h in lab.hits)
    doctors = search.run(BUILTIN, "doctor without a degree", limit=10)
    assert "training-doctor" not in [h.role.slug for h in doctors.hits]
    assert lab.notes[0].text == "Showing roles with a way in that needs no degree (from 'without a degree')."


def test_a_filter_no_match_survives_shows_every_match_of_the_words() -> None:
    found = search.run(BUILTIN, "neurosurgery without a degree", limit=3)
    assert found.hits[0].role.slug == "neurosurgery"
    assert found.notes[0].text.startswith("No role matches 'neurosurgery' and is one of the roles with a way in")


def test_an_option_wins_over_a_phrase() -> None:
    found = search.run(BUILTIN, "band 5 nurse", limit=20, band="4")
    assert found.hits and all("4" in h.role.bands for h in found.hits)
    assert not any("band 5" in n.text for n in found.notes)


def test_the_words_no_role_has_are_named() -> None:
    found = search.run(BUILTIN, "xyzzy plumber")
    assert found.hits[0].role.slug == "plumber"
    assert [n.text for n in found.notes] == ["No role has the word 'xyzzy'; searched for the rest."]


def test_a_role_is_named_by_a_title_only_one_role_carries() -> None:
    shown = show.run(BUILTIN, "physio")
    assert shown.role.slug == "physiotherapist"
    assert shown.notes[-1].text == "'physio' is another name for Physiotherapist (physiotherapist)"
    assert path.run(BUILTIN, "odp", depth=1).root.slug == "operating-department-practitioner"  # type: ignore[union-attr]
    both = compare.run(BUILTIN, ["physio", "ODP"])
    assert [c.slug for c in both.columns] == ["physiotherapist", "operating-department-practitioner"]


def test_a_title_several_roles_carry_lists_them() -> None:
    with pytest.raises(RoleNotFound) as raised:
        show.run(BUILTIN, "PA")
    assert str(raised.value) == (
        "'PA' is a name of 2 roles: medical-secretarypersonal-assistant, physician-associate. Give one of these slugs."
    )
    assert raised.value.suggestions == ("medical-secretarypersonal-assistant", "physician-associate")
    # A role's own title wins over another role's other title.
    assert show.run(BUILTIN, "cardiographer").role.slug == "cardiographer"


@pytest.mark.parametrize(
    ("query", "left", "named"),
    [
        ("does fillings but isn't a dentist", "does fillings but", ("dentist",)),
        ("attending 999 calls but not a paramedic", "attending 999 calls but", ("paramedic",)),
        ("eye doctor who doesnt do surgery", "eye doctor who", ("surgery",)),
        ("i don't want to be a nurse but like caring", "i but like caring", ("nurse",)),
        ("science job rather than medicine, in a lab", "science job , in a lab", ("medicine",)),
        ("not a nurse", "not a nurse", ()),  # nothing else to search for: left as typed
        ("nursing", "nursing", ()),
    ],
)
def test_what_a_query_does_not_want_is_read_out_of_it(query: str, left: str, named: tuple[str, ...]) -> None:
    found = unwanted(query)
    assert (found.query, found.words) == (left, named)


def test_roles_named_by_what_is_not_wanted_rank_lower(index: Index) -> None:
    assert ranked(index, "eye doctor")[0] == "surgeon"  # its plain words say "eye doctor"
    demoted = [r.doc.slug for r in find(index, "eye doctor", unwanted=("surgery",))]
    assert demoted[:2] == ["ophthalmologist", "surgeon"]  # "surgery" names the Eye surgeon: same word
    # Only the same word, or five letters alike at the start, counts: "dentist" is not "dental".
    assert _same_word("surgery", "surgeon") and _same_word("nurse", "nursing")
    assert not _same_word("dentist", "dental") and not _same_word("eyebrows", "eye")


def test_a_negated_phrase_is_said_and_searched_for_no_more() -> None:
    found = search.run(BUILTIN, "does fillings but isn't a dentist", limit=5)
    assert found.hits[0].role.slug == "dental-therapist"
    assert "dentist" in [h.role.slug for h in found.hits]  # lower, not gone
    assert [n.text for n in found.notes] == ["Roles called 'dentist' are ranked lower (from 'isn't a dentist')."]


def test_a_query_that_asks_for_help_prefers_the_assistant_and_one_that_does_not_the_profession(index: Index) -> None:
    # The two roles say the same; only the query's asking for a helper tells them apart.
    assert ranked(index, "sore toes")[:2] == ["chiropodist", "chiropody-assistant"]
    assert ranked(index, "helping with sore toes")[:2] == ["chiropody-assistant", "chiropodist"]


def test_a_misspelt_one_word_title_names_its_role_before_stemming(index: Index) -> None:
    # "radiographer" and "radiography" share a stem; the word as typed is closer to one title.
    scores = {r.doc.slug: r.score for r in find(index, "radiografer")}
    assert scores["imager"] > scores["imaging"]  # not a tie broken by name
    assert ranked(index, "radiografy")[:2] == ["imaging", "imager"]


@pytest.mark.parametrize(
    ("query", "named"),
    [
        ("assisting the dentist during check ups and fillings", ("dentist",)),
        ("helping the foot doctor with patients", ("foot", "doctor")),
        ("help the nurses on a ward", ("nurses",)),
        ("assistant to the chief exec", ("chief", "exec")),
        ("helping people give up smoking", ()),  # no one named: people are helped
        ("foot doctor", ()),
    ],
)
def test_whom_the_person_wants_to_help_is_read_out_of_the_query(query: str, named: tuple[str, ...]) -> None:
    assert helped(query) == named


def test_the_role_the_person_wants_to_help_ranks_below_its_assistant(index: Index) -> None:
    assert ranked(index, "sore toes")[:2] == ["chiropodist", "chiropody-assistant"]
    assert [r.doc.slug for r in find(index, "sore toes", helped=("chiropodist",))][:2] == [
        "chiropody-assistant",
        "chiropodist",
    ]
    # An assistant's role is never the one helped, even when the words name it.
    assert find(index, "sore toes", helped=("chiropody", "assistant"))[0].doc.slug == "chiropody-assistant"


def test_an_entry_the_query_holds_whole_outranks_a_longer_one_that_mentions_it(index: Index) -> None:
    # Both roles have "doctor" and "children" in their plain words; only one says just that.
    assert ranked(index, "doctor for children")[:2] == ["paediatrician", "child-psychiatrist"]
    assert ranked(index, "mental health doctor for children")[0] == "child-psychiatrist"


@pytest.mark.parametrize(
    ("query", "left", "phrase"),
    [
        ("part time cleaning job", "cleaning job", "part time"),
        ("Part-time physio", "physio", "part-time"),
        ("flexible hours admin", "admin", "flexible hours"),
        ("part time jobs", "part time jobs", ""),  # nothing else to search for
        ("time management", "time management", ""),
    ],
)
def test_what_no_role_file_records_is_taken_out_of_the_query(query: str, left: str, phrase: str) -> None:
    assert not_recorded(query) == NotRecorded(left, phrase)


def test_what_no_role_file_records_is_said_and_no_experience_is_no_job_to_rank_lower() -> None:
    found = search.run(BUILTIN, "part time cleaning job no experience", limit=3)
    assert found.hits[0].role.slug == "domestic-services-staff"
    assert [n.text for n in found.notes] == [
        "The role files do not say which posts are part time; searched without it."
    ]
    assert unwanted("porter no experience needed") == Unwanted("porter")


def test_a_band_in_the_words_keeps_the_roles_with_no_band_on_record_lower_down() -> None:
    found = search.run(BUILTIN, "band 2 waiting list admin", limit=5)
    slugs = [h.role.slug for h in found.hits]
    assert "health-records-and-patient-administration" in slugs  # its pages give no band
    assert all(h.role.bands == () or "2" in h.role.bands for h in found.hits)
    assert [n.text for n in found.notes] == [
        "Showing roles at band 2 (from 'band 2').",
        "Roles with no band on record are shown too, ranked lower.",
    ]
    # --band is a strict filter, and a band alone lists only the roles at that band.
    strict = search.run(BUILTIN, "waiting list admin", limit=5, band="2")
    assert all("2" in h.role.bands for h in strict.hits)
    listed = search.run(BUILTIN, "band 2 jobs", limit=100)
    assert listed.hits and all("2" in h.role.bands for h in listed.hits)


def test_a_misspelt_synonym_is_read_as_it_and_the_note_says_what_was_searched_for() -> None:
    # No role file has "sonographer"; the synonyms say it means ultrasound.
    found = search.run(BUILTIN, "sonografer", limit=3)
    assert found.hits and all("ultrasound" in h.snippet.lower() for h in found.hits)
    assert [n.text for n in found.notes] == [
        "No role has the word 'sonografer' (read as 'sonographer'); searched for 'ultrasound'."
    ]
    plain = search.run(BUILTIN, "sonographer", limit=3)
    assert [h.role.slug for h in plain.hits] == [h.role.slug for h in found.hits]
    assert [n.text for n in plain.notes] == ["No role has the word 'sonographer'; searched for 'ultrasound'."]


def test_a_pasted_page_is_searched_by_its_first_words_and_the_note_stays_short() -> None:
    pasted = " ".join(["porter"] + [f"zq{'x' * (i % 7)}v{i}" for i in range(60)])
    found = search.run(BUILTIN, pasted, limit=3)
    assert found.hits[0].role.slug == "porter"
    first, missing = (n.text for n in found.notes)
    assert first == "Searched for the first 40 words of 61."
    assert missing.startswith("No role has the words 'zqv0', ") and missing.endswith(
        " and 34 more; searched for the rest."
    )
