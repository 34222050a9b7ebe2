from __future__ import annotations

import itertools

import oracle
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careers_cli.catalogue import Catalogue
from careers_cli.errors import UsageError
from careers_cli.filters import Filter, band_range, entry_routes
from careers_cli.index import Index, query_words, stem, words
from careers_cli.search import find, hits, rank, rewrites

CATALOGUE = Catalogue.open(role_dirs=[])
INDEX = Index.build(CATALOGUE.roles())


def top(query: str, **kwargs: object) -> list[str]:
    return [r.doc.slug for r in find(INDEX, query, synonyms=CATALOGUE.synonyms, **kwargs)]  # type: ignore[arg-type]


def search(query: str, limit: int = 10) -> list:  # type: ignore[type-arg]
    return hits(rank(INDEX, query, limit), CATALOGUE.find)


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("records", "health-records-staff"),
        ("health records staff", "health-records-staff"),
        ("helth recrods", "health-records-staff"),
        ("medical records", "health-records-staff"),
        ("medical secretary", "medical-secretarypersonal-assistant"),
        ("nurse", "adult-nurse"),
        ("nursing", "adult-nurse"),
        ("GP", "general-practitioner"),
        ("paramedic", "paramedic"),
        ("advanced paramedic", "experienced-paramedic"),
        ("human resources", "human-resources-staff"),
        ("finance", "finance-staff"),
        ("IT", "information-and-communication-technology"),
        ("emergency", "emergency-medicine"),
        ("becoming a gp", "general-practitioner"),  # "becoming" is filler, not a word to match
        ("ambulance care assistant", "ambulance-care-assistance-and-patient-transport-service-pts-driver"),
        ("phlebotomist", "phlebotomist"),  # its synonyms' "blood test" is whole in every lab role
    ],
)
def test_the_role_people_mean_ranks_first(query: str, first: str) -> None:
    assert top(query)[0] == first


def test_title_match_outranks_a_passing_mention() -> None:
    found = search("records")
    assert [h.field for h in found[:2]] == ["title", "title"]
    # Plain words ("records results") count for more than the summary, less than a title.
    assert all(h.field in ("plain words", "summary", "section") for h in found[2:])
    assert found[1].score > found[2].score + 8
    assert all(a.score >= b.score for a, b in itertools.pairwise(found))


def test_every_role_is_found_first_by_its_title_and_slug() -> None:
    for role in CATALOGUE.roles():
        assert top(role.title)[0] == role.slug
        assert top(role.slug)[0] == role.slug


def test_area_filter_and_limit() -> None:
    found = top("records", keep=Filter(area="health-informatics"))
    assert found[0] == "health-records-and-patient-administration"
    assert len(found) >= 3
    assert {CATALOGUE.get(slug).area.key for slug in found} == {"health-informatics"}
    assert len(top("staff", limit=2)) == 2


def test_hits_carry_a_snippet_and_the_matched_words() -> None:
    hit = search("records")[2]
    assert "records" in hit.snippet.lower()
    assert "records" in hit.terms


def test_nonsense_and_empty_queries_find_nothing() -> None:
    assert top("xyzzy plugh") == []
    assert top("") == []
    assert top("   ?!  ") == []


def test_stem_joins_word_forms() -> None:
    assert stem("nursing") == stem("nurses") == stem("nurse")
    assert words("A&E, X-ray!") == ["ae", "xray"] == words("a&e x ray")
    assert words("children's co-ordinator isn't") == ["children", "coordinator", "isnt"]
    assert words("it's") == ["its"] and stem("midwives") == stem("midwife")
    # but words the suffix rules would join by accident stay apart
    assert len({stem("caring"), stem("car"), stem("career"), stem("carers")}) == 4
    assert stem("caring") == stem("care") and stem("liver") != stem("living")
    assert stem("shoes") != stem("sho") and stem("enter") != stem("ent") and stem("stories") != stem("stores")
    # A query's American spellings meet the British ones of the role files.
    assert query_words("Pediatric anesthetist, hematology, tumor center") == words(
        "paediatric anaesthetist, haematology, tumour centre"
    )
    # Numbers written out meet the figures of training lengths; "one" stays a word ("no one").
    assert query_words("a two year course, one of ten") == ["a", "2", "year", "course", "one", "of", "10"]
    assert top("2 year nursing apprenticeship")[0] == "nursing-associate"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60), st.integers(min_value=1, max_value=20))
def test_search_never_raises_and_is_sorted(query: str, limit: int) -> None:
    found = rank(INDEX, query, limit=limit)
    assert len(found) <= limit
    scores = [r.score for r in found]
    assert scores == sorted(scores, reverse=True)


@settings(max_examples=50, deadline=None)
@given(st.sampled_from([r.slug for r in CATALOGUE.roles()]), st.text(alphabet=" -", max_size=3))
def test_exact_slug_ranks_first_whatever_the_padding(slug: str, pad: str) -> None:
    assert top(pad + slug + pad)[0] == slug


def test_synonyms_rewrite_phrases_both_ways() -> None:
    groups = [["a&e", "accident and emergency", "emergency department"], ["x-ray", "radiography"]]
    assert rewrites("A&E doctor", groups) == ["accident and emergency doctor", "emergency department doctor"]
    assert rewrites("accident and emergency", groups) == ["ae", "emergency department"]
    assert rewrites("x-ray jobs", groups) == ["radiography jobs"]
    assert rewrites("porter", groups) == []


def test_a_synonym_match_ranks_below_a_typed_match() -> None:
    casualty = find(INDEX, "casualty doctor", synonyms=CATALOGUE.synonyms)
    assert casualty[0].doc.slug == "emergency-medicine"
    direct = find(INDEX, "emergency doctor", synonyms=CATALOGUE.synonyms)
    assert direct[0].score > casualty[0].score


def test_filters_alone_list_matching_roles_by_title() -> None:
    order = [b.key for b in CATALOGUE.scales["agenda-for-change"].bands]
    keep = Filter(bands=band_range("2-4", order), entry_routes=entry_routes(["apprenticeship"]))
    found = find(INDEX, "", keep=keep, limit=500)
    assert [r.doc.slug for r in found] == oracle.where("2", "4", ("apprenticeship",))
    assert all(r.field == "filter" for r in found)


def test_band_ranges() -> None:
    order = ["2", "3", "4", "5", "6", "7", "8a", "8b", "8c", "8d", "9"]
    assert band_range("3-5", order) == {"3", "4", "5"}
    assert band_range("8A", order) == {"8a"}
    assert band_range("7-8b", order) == {"7", "8a", "8b"}
    assert band_range("st3-consultant", order, ["st1", "st3", "consultant"]) == {"st3", "consultant"}
    with pytest.raises(UsageError):
        band_range("9-st1", order, ["st1", "st3", "consultant"])  # one scale to another
    with pytest.raises(UsageError, match="No band or band range '11'"):
        band_range("11", order)
    with pytest.raises(UsageError, match="runs backwards"):
        band_range("5-3", order)
    with pytest.raises(UsageError, match="No entry route 'apprentice'"):
        entry_routes(["apprentice"])
