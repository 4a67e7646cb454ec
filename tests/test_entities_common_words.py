"""Capitalised common words the model takes for names, and given names it leaves off (issue 8).

Invented text; `resolve` gets the spans a model returned when it made the mistake (no model
runs). The word index comes from the installed spaCy English pipeline (commonwords.py).
"""

from __future__ import annotations

from index.entities import commonwords
from index.entities.resolve import resolve
from tests.test_entities_error_kinds import at, listed, named


def test_the_word_index_knows_plurals_and_words_but_not_given_names() -> None:
    assert commonwords.plural_noun("Forecasters")
    assert commonwords.plural_noun("Hauliers")
    assert not commonwords.plural_noun("Paris")  # a lemma as written
    assert commonwords.is_word("volunteer")
    assert not commonwords.is_word("Oyelaran")


def test_a_plural_noun_that_opens_sentences_is_not_an_entity() -> None:
    body = (
        "Heavy rain hit Florence overnight. Forecasters said the storm would weaken by Monday.\n\n"
        "Queues at the border grew to 14 kilometres. Hauliers said drivers had slept in cabs."
    )
    raw = [
        at(body, "Florence", "GPE"),
        at(body, "Forecasters", "PERSON"),
        at(body, "Hauliers", "ORG"),
    ]
    assert listed(resolve(body, raw)) == {("place", "Florence")}


def test_a_plural_noun_is_no_entity_of_any_type() -> None:
    body = "Pensioners queued outside the bank in Karak, said Delphine Okoro."
    for label in ("PERSON", "ORG"):
        raw = [
            at(body, "Pensioners", label),
            at(body, "Karak", "GPE"),
            at(body, "Delphine Okoro", "PERSON"),
        ]
        assert listed(resolve(body, raw)) == {("place", "Karak"), ("person", "Delphine Okoro")}


def test_a_surname_that_is_a_word_stays_when_written_mid_sentence() -> None:
    body = (
        "The orchard was flooded, said farmer Ruth Baker. Baker said the river rose overnight.\n\n"
        "Stone walls fell too. Stone said nothing more, added Callum Stone."
    )
    raw = [
        at(body, "Ruth Baker", "PERSON"),
        at(body, "Baker", "PERSON", 1),
        at(body, "Stone", "PERSON", 1),
        at(body, "Callum Stone", "PERSON"),
    ]
    found = resolve(body, raw)
    assert "Baker" in named(found, "Ruth Baker").aliases
    assert ("person", "Callum Stone") in listed(found)
    assert all(e.name not in ("Baker", "Stone") for e in found)


def test_a_plural_the_gazetteer_knows_as_a_place_stays() -> None:
    body = "Wales beat the visitors on Saturday. Fans in Cardiff celebrated late."
    raw = [at(body, "Wales", "GPE"), at(body, "Cardiff", "GPE")]
    assert ("place", "Wales") in listed(resolve(body, raw))


def test_a_given_name_the_model_left_off_joins_the_surname() -> None:
    body = (
        "Idunna Vasquela, who ran the depot in Porto, told the court about the ledger.\n\n"
        "Vasquela said she had raised her concerns twice."
    )
    raw = [
        at(body, "Vasquela", "PERSON"),
        at(body, "Porto", "GPE"),
        at(body, "Vasquela", "PERSON", 1),
    ]
    found = resolve(body, raw)
    assert ("person", "Idunna Vasquela") in listed(found)
    assert "Vasquela" in named(found, "Idunna Vasquela").aliases
    assert all(e.name != "Vasquela" for e in found)


def test_a_common_word_or_a_place_before_a_surname_is_not_a_given_name() -> None:
    body = "Meanwhile Vasquela said the depot in Porto would close. Lisbon Vasquela fans cheered."
    raw = [
        at(body, "Vasquela", "PERSON"),
        at(body, "Porto", "GPE"),
        at(body, "Vasquela", "PERSON", 1),
    ]
    names = {name for _, name in listed(resolve(body, raw))}
    assert "Meanwhile Vasquela" not in names
    assert "Lisbon Vasquela" not in names
    assert "Vasquela" in names


def test_what_a_person_is_of_is_an_organisation() -> None:
    body = (
        "Turnout was low. Priya Anand of Harbour Renewal won 4,210 votes against Tomasz Wyle "
        "of Civic Oakvale.\n\nWyle of Civic Oakvale conceded on Sunday."
    )
    raw = [
        at(body, "Priya Anand", "PERSON"),
        at(body, "Harbour Renewal", "ORG"),
        at(body, "Tomasz Wyle", "PERSON"),
        at(body, "Civic Oakvale", "PERSON"),
        at(body, "Wyle", "PERSON", 1),
        at(body, "Civic Oakvale", "PERSON", 1),
    ]
    found = listed(resolve(body, raw))
    assert ("org", "Civic Oakvale") in found
    assert ("person", "Tomasz Wyle") in found


def test_a_place_after_of_stays_a_place() -> None:
    body = "Queen Maren of Norway opened the bridge. Maren praised the engineers."
    raw = [at(body, "Maren", "PERSON"), at(body, "Norway", "GPE"), at(body, "Maren", "PERSON", 1)]
    assert ("place", "Norway") in listed(resolve(body, raw))


def test_a_lone_word_paired_with_a_place_and_opening_in_is_a_place() -> None:
    body = (
        "Convoys travelled from Amman to Madaba and Qasrawa after the road was cleared.\n\n"
        "In Qasrawa, shopkeeper Idris Nahhal said the water had reached the roofs."
    )
    raw = [
        at(body, "Amman", "GPE"),
        at(body, "Madaba", "GPE"),
        at(body, "Qasrawa", "PERSON"),
        at(body, "Qasrawa", "PERSON", 1),
        at(body, "Idris Nahhal", "PERSON"),
    ]
    found = listed(resolve(body, raw))
    assert ("place", "Qasrawa") in found
    assert ("person", "Idris Nahhal") in found


def test_two_people_paired_stay_people() -> None:
    body = "Talks between Orsolya Venn and Kaito Brume broke down. Venn and Brume met again."
    raw = [
        at(body, "Orsolya Venn", "PERSON"),
        at(body, "Kaito Brume", "PERSON"),
        at(body, "Venn", "PERSON", 1),
        at(body, "Brume", "PERSON", 1),
    ]
    found = listed(resolve(body, raw))
    assert found == {("person", "Orsolya Venn"), ("person", "Kaito Brume")}


def test_a_given_name_misspelt_once_is_the_same_person() -> None:
    body = (
        "Marisol Quenby, a nurse, said the ward was full. Later Marisal Quenby added that "
        "staff were tired. Quenby said she would stay."
    )
    raw = [
        at(body, "Marisol Quenby", "PERSON"),
        at(body, "Marisal Quenby", "PERSON"),
        at(body, "Quenby", "PERSON", 2),
    ]
    found = resolve(body, raw)
    people = [e for e in found if e.type == "person"]
    assert len(people) == 1
    assert {"Marisal Quenby", "Quenby"} <= {people[0].name, *people[0].aliases}


def test_two_short_given_names_one_letter_apart_stay_two_people() -> None:
    body = "Jon Tarrow and his sister Jan Tarrow run the mill. Jon Tarrow said it would close."
    raw = [
        at(body, "Jon Tarrow", "PERSON"),
        at(body, "Jan Tarrow", "PERSON"),
        at(body, "Jon Tarrow", "PERSON", 1),
    ]
    found = listed(resolve(body, raw))
    assert {("person", "Jon Tarrow"), ("person", "Jan Tarrow")} <= found


def test_a_landmark_the_model_missed_is_a_place() -> None:
    body = (
        "Crowds gathered outside Amman's Grand Mosque on Friday. Commuters were told to walk "
        "from Rainbow Street or Qadisha Station instead. The Church said it would help."
    )
    raw = [at(body, "Amman", "GPE")]
    found = listed(resolve(body, raw))
    assert {
        ("place", "Grand Mosque"),
        ("place", "Rainbow Street"),
        ("place", "Qadisha Station"),
    } <= found
    assert all("Church" not in name for _, name in found)


def test_an_org_written_with_two_versions_is_a_product_line() -> None:
    body = (
        "Vantorix Navigator 7 is ten years old. Users of Navigator 7 were urged to move to "
        "Navigator 9, which Vantorix released in March."
    )
    raw = [
        at(body, "Vantorix", "ORG"),
        at(body, "Navigator", "ORG"),
        at(body, "Vantorix", "ORG", 1),
    ]
    found = listed(resolve(body, raw))
    assert ("org", "Vantorix") in found
    assert all(name != "Navigator" and name != "Vantorix Navigator" for _, name in found)


def test_an_org_with_scores_or_one_number_stays_an_org() -> None:
    body = (
        "Harwick Rovers 3 – 1 Dunmore Athletic. Later Harwick Rovers 2 – 2 Elmcroft Town.\n\n"
        "Quillon Systems 5 said profits rose; Quillon Systems hired staff."
    )
    raw = [
        at(body, "Harwick Rovers", "ORG"),
        at(body, "Dunmore Athletic", "ORG"),
        at(body, "Harwick Rovers", "ORG", 1),
        at(body, "Elmcroft Town", "ORG"),
        at(body, "Quillon Systems", "ORG"),
        at(body, "Quillon Systems", "ORG", 1),
    ]
    found = listed(resolve(body, raw))
    assert {("org", "Harwick Rovers"), ("org", "Quillon Systems")} <= found


def test_followers_and_fears_of_creeds_are_no_names_but_a_surname_in_ist_stays() -> None:
    body = (
        "Critics of Veltharism met in Oslo. A former Veltharist, Henrik Lindqvist, said "
        "Velthophobia was rising. Lindqvist left the movement in 2019."
    )
    raw = [
        at(body, "Veltharism", "ORG"),
        at(body, "Oslo", "GPE"),
        at(body, "Veltharist", "ORG"),
        at(body, "Henrik Lindqvist", "PERSON"),
        at(body, "Velthophobia", "ORG"),
        at(body, "Lindqvist", "PERSON", 1),
    ]
    found = listed(resolve(body, raw))
    assert {("place", "Oslo"), ("person", "Henrik Lindqvist")} <= found
    assert not {name for _, name in found} & {"Veltharist", "Velthophobia"}


def test_a_rank_after_a_name_is_no_organisation() -> None:
    body = "For the defence, Orla Brennick, QC, said the Dunmere Trust had acted lawfully."
    raw = [
        at(body, "Orla Brennick", "PERSON"),
        at(body, "QC", "ORG"),
        at(body, "Dunmere Trust", "ORG"),
    ]
    assert listed(resolve(body, raw)) == {("person", "Orla Brennick"), ("org", "Dunmere Trust")}
