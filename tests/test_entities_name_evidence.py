"""People the small model reads as organisations or places, found by their given names, and
the words that say a name is an organisation (a legal form among them): each test hands
`resolve` the spans the model returned (no model is loaded). People and organisations are
invented.
"""

from __future__ import annotations

import pytest

from index.entities import personnames
from index.entities.resolve import resolve
from tests.test_entities_error_kinds import at, listed


def test_given_names_come_from_many_languages_but_never_words_or_places() -> None:
    for name in ("Farida", "Ludmila", "Joaquín", "Tomasz", "Renata"):
        assert personnames.given_name(name), name
    # Given names too, but also English words or big places: never evidence on their own.
    for name in ("Grace", "Mark", "Paris", "Victoria", "Jordan", "FARIDA", "farida"):
        assert not personnames.given_name(name), name


@pytest.mark.parametrize("label", ["ORG", "GPE"])
def test_a_given_name_and_a_surname_the_model_mistyped_is_a_person(label: str) -> None:
    body = "The inspection was led by Farida Benslimane on Tuesday in Oran."
    raw = [at(body, "Farida Benslimane", label), at(body, "Oran", "GPE")]
    assert listed(resolve(body, raw)) == {("person", "Farida Benslimane"), ("place", "Oran")}


def test_a_firm_named_after_people_stays_an_organisation_the_model_says_twice() -> None:
    body = "Renata Kowal advised on the deal. Renata Kowal was paid in shares, Renata Kowal said."
    raw = [at(body, "Renata Kowal", "ORG", i) for i in range(3)]
    assert listed(resolve(body, raw)) == {("org", "Renata Kowal")}


def test_a_given_name_and_a_surname_read_as_two_places_are_one_person() -> None:
    body = "Ludmila Ostrakova, a lawyer in Brussels, expects an appeal."
    raw = [at(body, "Ludmila", "GPE"), at(body, "Ostrakova", "GPE"), at(body, "Brussels", "GPE")]
    assert listed(resolve(body, raw)) == {("person", "Ludmila Ostrakova"), ("place", "Brussels")}


def test_a_given_name_the_model_left_off_an_organisation_it_saw_is_the_persons() -> None:
    body = "The returning officer in Kano, Tomasz Ubenwa, said ballots would be reprinted."
    raw = [at(body, "Kano", "GPE"), at(body, "Ubenwa", "ORG")]
    assert listed(resolve(body, raw)) == {("person", "Tomasz Ubenwa"), ("place", "Kano")}


def test_a_name_after_a_role_and_before_said_is_found_by_its_given_name() -> None:
    body = "The verdict came late. His lawyer, Joaquín Arrieta, said he would appeal."
    assert listed(resolve(body, [])) == {("person", "Joaquín Arrieta")}
    # Without a given name the world uses, one mention and a verb of saying are not enough...
    body = "The verdict came late. At noon, Quorvat Arrieta, said he would appeal."
    assert listed(resolve(body, [])) == set()
    # ...but a role the name stands in apposition to is: it says who holds the role.
    body = "The verdict came late. His lawyer, Quorvat Arrieta, said he would appeal."
    assert listed(resolve(body, [])) == {("person", "Quorvat Arrieta")}


@pytest.mark.parametrize(
    "before",
    [
        "Nairobi-based fintech",
        "the banana exporter",
        "the Brussels office of",
        "an analyst at",
        "indie group",
    ],
)
def test_what_introduces_an_organisation(before: str) -> None:
    body = f"The case, said {before} Tavenor Lumen, could set a precedent."
    raw = [at(body, "Tavenor Lumen", "PERSON")]
    found = listed(resolve(body, raw))
    assert ("org", "Tavenor Lumen") in found and ("person", "Tavenor Lumen") not in found


# Organisations the model missed, found by what the sentence calls them -------------------------
@pytest.mark.parametrize(
    ("sentence", "org"),
    [
        ("Regulators fined public broadcaster KTVN on Friday.", "KTVN"),
        ("The app was built by Quillora GmbH, the court heard.", "Quillora GmbH"),
        ("It was founded by former Lantern engineers in Oslo.", "Lantern"),
        ("The speaker, of the centrist Avanzados party, objected.", "Avanzados"),
        ("Exports fell at Frutera del Sur SA last year.", "Frutera del Sur SA"),
    ],
)
def test_an_organisation_the_model_missed_is_found_by_what_it_is_called(
    sentence: str, org: str
) -> None:
    assert ("org", org) in listed(resolve(sentence, []))


@pytest.mark.parametrize(
    "sentence",
    [
        "Members of the ruling party met in Lima.",  # no name after the description
        "The broadcaster Said it would appeal.",  # a word, not a name
        "Voters of the Kenyan party stayed home.",  # a demonym
    ],
)
def test_a_description_without_a_name_adds_nothing(sentence: str) -> None:
    assert {t for t, _ in listed(resolve(sentence, []))} <= {"place"}


def test_a_club_a_player_was_signed_from_is_an_organisation() -> None:
    body = "The striker, signed from Benfica in August, scored twice."
    assert listed(resolve(body, [at(body, "Benfica", "GPE")])) == {("org", "Benfica")}


def test_a_bodys_own_committee_is_named_apart_from_it() -> None:
    body = "The Senate's Committee for Coastal Affairs met on Monday."
    raw = [at(body, "The Senate's Committee for Coastal Affairs", "ORG")]
    assert listed(resolve(body, raw)) == {
        ("org", "Senate"),
        ("org", "Committee for Coastal Affairs"),
    }


def test_the_title_the_model_left_off_an_attorney_generals_office_is_put_back() -> None:
    body = "Charges were filed, the Attorney General's Office said on Tuesday."
    raw = [at(body, "General's Office", "ORG")]
    assert listed(resolve(body, raw)) == {("org", "Attorney General's Office")}


@pytest.mark.parametrize("name", ["Glass Lanterns", "Vantor SM"])
def test_a_name_no_person_bears_is_not_a_person(name: str) -> None:
    body = f"The deal with {name} was signed in Hanoi on Monday."
    found = listed(resolve(body, [at(body, name, "PERSON"), at(body, "Hanoi", "GPE")]))
    assert found == {("place", "Hanoi")}  # a film, a product or a firm: nothing says which
    body = f"The deal with the start-up {name} was signed in Hanoi on Monday."
    found = listed(resolve(body, [at(body, name, "PERSON"), at(body, "Hanoi", "GPE")]))
    assert found == {("org", name), ("place", "Hanoi")}


@pytest.mark.parametrize("name", ["Tiger Woods", "Sarah Young", "Bill Gold", "Jack Nicklaus"])
def test_surnames_and_given_names_that_are_words_stay_people(name: str) -> None:
    assert not personnames.unlike_a_person(name)
    body = f"The deal with {name} was signed in Hanoi on Monday."
    found = listed(resolve(body, [at(body, name, "PERSON"), at(body, "Hanoi", "GPE")]))
    assert ("person", name) in found


@pytest.mark.parametrize("name", ["Barangay Sampaloc", "Kanagawa Prefecture", "Sumy Oblast"])
def test_administrative_words_of_many_countries_make_a_place(name: str) -> None:
    body = f"Floods reached {name} overnight, officials said."
    assert listed(resolve(body, [at(body, name, "ORG")])) == {("place", name)}


# Name parts the model left outside its span ---------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "span", "label", "name"),
    [
        ("Union leader Kang Min-jae said talks failed.", "Kang Min", "PERSON", "Kang Min-jae"),
        ("Cllr Gwilym ap Rhydderch said the school would close.", "Gwilym", "PERSON",
         "Gwilym ap Rhydderch"),
        ('"It is unfair," said Mehmet Ali Tunçel, a lawyer.', "Ali Tunçel", "PERSON",
         "Mehmet Ali Tunçel"),
        ("The governor, Stephen Kimani Mwang'e, said the county agreed.", "Stephen Kimani",
         "PERSON", "Stephen Kimani Mwang'e"),
    ],
)  # fmt: skip
def test_name_parts_the_model_left_out_are_put_back(
    sentence: str, span: str, label: str, name: str
) -> None:
    assert listed(resolve(sentence, [at(sentence, span, label)])) == {("person", name)}


def test_a_hyphenated_adjective_stays_outside_the_name() -> None:
    body = "The Ortega-led coalition won, Dario Ortega said."
    raw = [at(body, "Ortega", "PERSON"), at(body, "Dario Ortega", "PERSON")]
    assert listed(resolve(body, raw)) == {("person", "Dario Ortega")}


def test_a_place_cut_at_a_hyphen_is_whole_again() -> None:
    body = "Crowds gathered in Weston-super-Mare on Sunday."
    assert listed(resolve(body, [at(body, "Weston", "GPE")])) == {("place", "Weston-super-Mare")}


def test_the_first_of_two_surnames_alone_is_the_same_person() -> None:
    body = "Prosecutor Fernanda Salcedo Arroyo filed charges. Salcedo said more would follow."
    raw = [at(body, "Fernanda Salcedo Arroyo", "PERSON"), at(body, "Salcedo", "PERSON", 1)]
    entities = resolve(body, raw)
    assert listed(entities) == {("person", "Fernanda Salcedo Arroyo")}
    assert len(entities[0].mentions) == 2


def test_an_irish_name_with_its_particle_is_a_person() -> None:
    body = "The penalty was kicked by Cian Mac Giolla Bhríde in the last minute."
    raw = [at(body, "Cian Mac Giolla Bhríde", "ORG")]
    assert listed(resolve(body, raw)) == {("person", "Cian Mac Giolla Bhríde")}


@pytest.mark.parametrize(
    "name", ["Oriel Editions", "Tarn Lithium", "Selvo Farma", "Pinto Advogados"]
)
def test_what_a_company_does_closing_its_name_makes_it_an_organisation(name: str) -> None:
    body = f"Shares in {name} rose on Monday."
    assert listed(resolve(body, [at(body, name, "PERSON")])) == {("org", name)}


def test_a_list_takes_the_type_its_evidenced_member_has() -> None:
    body = "After an auction against Corvane, Tessaly and Marrow Editions, the rights went to Oslo."
    raw = [
        at(body, "Corvane", "PERSON"),
        at(body, "Tessaly", "GPE"),
        at(body, "Marrow Editions", "PERSON"),
        at(body, "Oslo", "GPE"),
    ]
    assert listed(resolve(body, raw)) == {
        ("org", "Corvane"),
        ("org", "Tessaly"),
        ("org", "Marrow Editions"),
        ("place", "Oslo"),
    }


def test_its_after_a_name_marks_an_organisation() -> None:
    body = "Moody's cut the rating on Friday, while Quenby affirmed its outlook."
    raw = [at(body, "Quenby", "PERSON")]
    assert ("org", "Quenby") in listed(resolve(body, raw))


def test_a_capital_that_speaks_is_its_government() -> None:
    body = "Ankara said the foreign minister had offered to mediate."
    assert listed(resolve(body, [at(body, "Ankara", "PERSON")])) == {("place", "Ankara")}


@pytest.mark.parametrize(
    ("body", "span", "expected"),
    [
        # the slash of a legal form is part of the registered name
        (
            "Shares in Hallberg Shipping A/S rose after the order.",
            "Hallberg Shipping A/S",
            {("org", "Hallberg Shipping A/S")},
        ),
        (
            "Vendas Rocha S/A filed its accounts late.",
            "Vendas Rocha S/A",
            {("org", "Vendas Rocha S/A")},
        ),
        # any other slash between two names still parts them
        (
            "The Kestrel/Apexa merger was cleared on Friday.",
            "Kestrel/Apexa",
            {("org", "Kestrel"), ("org", "Apexa")},
        ),
    ],
)
def test_a_legal_forms_slash_keeps_the_name_whole(
    body: str, span: str, expected: set[tuple[str, str]]
) -> None:
    assert listed(resolve(body, [at(body, span, "ORG")])) == expected


@pytest.mark.parametrize(
    ("body", "spans", "name"),
    [
        # the model read the last words as someone; the legal form opens a company's name
        (
            "The ferry was run by PT Samudra Jaya Lestari, which said it would cooperate.",
            [("Jaya Lestari", "PERSON")],
            "PT Samudra Jaya Lestari",
        ),
        ("Fuel came from PJSC Volzhskaya Neft under a new contract.", [], "PJSC Volzhskaya Neft"),
    ],
)
def test_a_legal_form_opening_a_name_makes_it_a_company(
    body: str, spans: list[tuple[str, str]], name: str
) -> None:
    raw = [at(body, s, label) for s, label in spans]
    assert listed(resolve(body, raw)) == {("org", name)}


def test_a_time_zone_is_no_legal_form() -> None:
    body = "The launch window opens at 9am PT Friday, the agency said."
    assert listed(resolve(body, [])) == set()
