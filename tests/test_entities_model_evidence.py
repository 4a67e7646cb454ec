"""The rule layer keeps what the model said unless the article or the gazetteer outweighs it.

Found on CoNLL-style news nobody tuned for (Universal NER's English PUD, `bench/uner_pud.py`):
lone surnames and given names that some town also bears became places, a possessive the model
read as an organisation outvoted the same name read as a person, a given name was cut off its
surnames, and "North Korean" was listed as a place. Each test hands `resolve` the spans the model
returned (no model is loaded); the people and sentences are invented.
"""

from __future__ import annotations

import pytest

from index.entities import gazetteer
from index.entities.resolve import resolve
from tests.test_entities_error_kinds import at, listed


@pytest.mark.parametrize("surname", ["Harlow", "Clinton"])
def test_a_surname_a_small_town_bears_stays_the_persons(surname: str) -> None:
    assert 15_000 < gazetteer.main_city_population(surname) < 100_000
    body = (
        f"The committee heard from {surname} last week. {surname} argued that the budget was small."
    )
    raw = [at(body, surname, "PERSON", 0), at(body, surname, "PERSON", 1)]
    assert listed(resolve(body, raw)) == {("person", surname)}


def test_a_big_city_the_model_calls_a_person_is_still_a_place() -> None:
    body = "Shelling resumed overnight. Aleppo was without power by morning."
    raw = [at(body, "Aleppo", "PERSON")]
    assert listed(resolve(body, raw)) == {("place", "Aleppo")}


def test_a_citys_former_name_does_not_outvote_the_model() -> None:
    # Geonames lists "Stalin" among a city's old names; it is no city's name now.
    assert gazetteer.city_population("Stalin") and not gazetteer.main_city_population("Stalin")
    body = "By 1951 Stalin had begun to distrust the ministry."
    raw = [at(body, "Stalin", "PERSON")]
    assert listed(resolve(body, raw)) == {("person", "Stalin")}


def test_a_pronoun_later_in_the_sentence_marks_a_person() -> None:
    assert 100_000 < gazetteer.main_city_population("Preston") < 1_000_000
    body = "Preston took up rowing in 2004 and his coach kept the logbooks."
    raw = [at(body, "Preston", "PERSON")]
    assert listed(resolve(body, raw)) == {("person", "Preston")}


@pytest.mark.parametrize(
    "body",
    [
        "She moved to Preston, where he had studied. Preston was quiet.",
        "Troops left Preston on Friday, he said.",
    ],
)
def test_a_pronoun_that_belongs_to_someone_else_is_no_cue(body: str) -> None:
    raw = [at(body, "Preston", "PERSON")]
    assert listed(resolve(body, raw)) == {("place", "Preston")}


def test_a_possessive_read_as_an_org_does_not_outvote_the_person() -> None:
    body = (
        "The judge in Brannock’s fraud trial ruled on Monday. He cleared Brannock of all charges."
    )
    raw = [at(body, "Brannock", "ORG", 0), at(body, "Brannock", "PERSON", 1)]
    assert listed(resolve(body, raw)) == {("person", "Brannock")}


def test_a_possessive_org_stays_an_org() -> None:
    body = "Velmora’s profits fell. Analysts expect Velmora to cut jobs."
    raw = [at(body, "Velmora", "ORG", 0), at(body, "Velmora", "ORG", 1)]
    assert listed(resolve(body, raw)) == {("org", "Velmora")}


def test_a_given_name_is_not_cut_off_two_surnames() -> None:
    body = (
        "Marisol Ortega Ruiz, one of the festival's directors, spoke to reporters. "
        '"We have 900 volunteers," Ortega Ruiz said.'
    )
    raw = [at(body, "Marisol Ortega Ruiz", "PERSON"), at(body, "Ortega Ruiz", "PERSON", 1)]
    people = resolve(body, raw)
    assert listed(people) == {("person", "Marisol Ortega Ruiz")}
    assert len(people[0].mentions) == 2


def test_a_place_glued_before_a_person_is_still_cut() -> None:
    body = "Officials in Kenya Amara Osei confirmed the count. Amara Osei said it was final."
    raw = [at(body, "Kenya Amara Osei", "PERSON"), at(body, "Amara Osei", "PERSON", 1)]
    assert listed(resolve(body, raw)) == {("place", "Kenya"), ("person", "Amara Osei")}


@pytest.mark.parametrize(
    "name", ["North Korean", "South African", "Sri Lankan", "New Zealander", "Korean"]
)
def test_demonyms_of_countries_of_several_words(name: str) -> None:
    assert gazetteer.is_demonym(name)


@pytest.mark.parametrize(
    "name", ["North Korea", "South Sudan", "Indian Ocean", "Ocean", "Islander"]
)
def test_places_and_their_words_are_no_demonyms(name: str) -> None:
    assert not gazetteer.is_demonym(name)


def test_a_compound_demonym_is_not_listed() -> None:
    body = "Two golfers bluffed their way into a North Korean golf tournament in Pyongyang."
    raw = [at(body, "North Korean", "NORP"), at(body, "Pyongyang", "GPE")]
    assert listed(resolve(body, raw)) == {("place", "Pyongyang")}
