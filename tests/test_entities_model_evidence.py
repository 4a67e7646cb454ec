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


# Spans the way the model's training data writes them (OntoNotes-style newswire) -------------
def test_a_mention_keeps_the_determiner_the_model_put_in_it() -> None:
    body = "The Harbour Pilots Association said the Harbour Pilots Association would appeal."
    raw = [
        at(body, "The Harbour Pilots Association", "ORG"),
        at(body, "the Harbour Pilots Association", "ORG"),
    ]
    (org,) = resolve(body, raw)
    assert org.name == "Harbour Pilots Association"  # the name never carries it
    assert [body[s:e] for s, e in org.mentions] == [
        "The Harbour Pilots Association",
        "the Harbour Pilots Association",
    ]


def test_a_person_never_gets_a_determiner() -> None:
    body = "Only the Ada Kessling I knew would say that."
    raw = [at(body, "the Ada Kessling", "PERSON")]
    (person,) = resolve(body, raw)
    assert [body[s:e] for s, e in person.mentions] == ["Ada Kessling"]


@pytest.mark.parametrize(
    ("span", "name"),
    [
        ("General Tidewater Co.", "General Tidewater Co."),
        ("Pell Brandt & Co.", "Pell Brandt & Co."),
        ("Orrin Vale & Daughters Museum", "Orrin Vale & Daughters Museum"),
        ("Chinese People's Maritime Congress", "Chinese People's Maritime Congress"),
    ],
)
def test_an_organisation_span_stays_whole(span: str, name: str) -> None:
    body = f"Shares of {span} fell 3 percent on Monday, analysts said."
    assert listed(resolve(body, [at(body, span, "ORG")])) == {("org", name)}


def test_an_owner_written_as_a_full_name_is_still_a_person() -> None:
    body = "Investors in Dorran Pike’s Blue Meridian waited."
    raw = [at(body, "Dorran Pike’s Blue Meridian", "ORG")]
    assert listed(resolve(body, raw)) == {("person", "Dorran Pike"), ("org", "Blue Meridian")}


# CoNLL-style wire copy: datelines, bylines, headlines in capitals ------------------------------
def test_a_datelines_place_is_kept() -> None:
    body = "HARBOUR TALKS STALL\nLISBON 2026-03-14\nTalks between the unions and the port resumed."
    raw = [at(body, "LISBON", "GPE")]
    assert listed(resolve(body, raw)) == {("place", "Lisbon")}  # as a reader writes it


def test_a_bylines_author_is_kept_but_other_short_lines_are_not() -> None:
    body = (
        "Port strike ends\nBy Mara Quist\nLISBON, March 14\nDockers returned to work.\nTerra Nova\n"
    )
    raw = [
        at(body, "Mara Quist", "PERSON"),
        at(body, "LISBON", "GPE"),
        at(body, "Terra Nova", "ORG"),
    ]
    assert listed(resolve(body, raw)) == {("person", "Mara Quist"), ("place", "Lisbon")}


def test_an_english_word_in_a_headline_in_capitals_is_no_name() -> None:
    body = "RUGBY - PORTUGAL SUFFER HEAVY DEFEAT IN LISBON\nPortugal lost 40-3 on Saturday."
    raw = [at(body, "DEFEAT", "GPE"), at(body, "LISBON", "GPE"), at(body, "Portugal", "GPE", 0)]
    assert listed(resolve(body, raw)) == {("place", "Lisbon"), ("place", "Portugal")}


def test_a_city_in_capitals_is_placed_by_the_gazetteer() -> None:
    body = "AL-AIN , United Arab Emirates 2026-12-06\nThe match ended level."
    raw = [at(body, "AL-AIN", "ORG"), at(body, "United Arab Emirates", "GPE")]
    assert ("place", "Al-Ain") in listed(resolve(body, raw))


def test_results_tables_keep_their_people_places_and_teams() -> None:
    body = (
        "GOLF - LEADING SCORES AT THE ALGARVE OPEN\n"
        "FARO , Portugal 2026-04-02\n"
        "Leading first-round scores on Thursday ( British unless stated ) :\n"
        "64 Idris Vantongeren\n"
        "66 Colm Ferrity , Aksel Brandvold ( Norway ) , Rory Quennell\n"
        "67 Tobin Marsh , Lachlan Oakes ( Australia )\n"
        "Manchester United 3 2 1 0 8 3 7\n"
    )
    raw = [
        at(body, "GOLF - LEADING SCORES", "ORG"),
        at(body, "FARO", "GPE"),
        at(body, "Portugal", "GPE"),
        at(body, "64 Idris Vantongeren", "PERSON"),
        at(body, "Colm Ferrity", "PERSON"),
        at(body, "Aksel Brandvold", "PERSON"),
        at(body, "Norway", "GPE"),
        at(body, "Rory Quennell", "PERSON"),  # a score on the next line is no version number
        at(body, "Tobin Marsh", "PERSON"),
        at(body, "Lachlan Oakes", "PERSON"),
        at(body, "Australia", "GPE"),  # a nationality closing a line is no photo credit
        at(body, "Manchester United 3 2", "PERSON"),
    ]
    assert listed(resolve(body, raw)) == {
        ("place", "Faro"),
        ("place", "Portugal"),
        ("person", "Idris Vantongeren"),
        ("person", "Colm Ferrity"),
        ("person", "Aksel Brandvold"),
        ("place", "Norway"),
        ("person", "Rory Quennell"),
        ("person", "Tobin Marsh"),
        ("person", "Lachlan Oakes"),
        ("place", "Australia"),
        ("org", "Manchester United"),
    }


def test_a_version_number_still_marks_a_product() -> None:
    body = "Users of Navigo 6 complained. Navigo 6 was patched on Friday."
    raw = [at(body, "Navigo", "PERSON", 0), at(body, "Navigo", "PERSON", 1)]
    assert listed(resolve(body, raw)) == set()


def test_a_photo_credit_closing_a_line_is_still_no_news() -> None:
    body = "Rescuers searched the river on Monday. (Photo: Ilse Varga/Riverside Press)\nMore later."
    raw = [at(body, "Ilse Varga", "PERSON"), at(body, "Riverside Press", "ORG")]
    assert listed(resolve(body, raw)) == set()


def test_a_place_no_gazetteer_knows_that_speaks_is_a_person() -> None:
    body = (
        "In Lisbon the cloth is washed twice, Orlenko explains. "
        "Trade in it has always been political, says Orlenko."
    )
    raw = [at(body, "Lisbon", "GPE"), at(body, "Orlenko", "GPE", 0), at(body, "Orlenko", "GPE", 1)]
    assert listed(resolve(body, raw)) == {("place", "Lisbon"), ("person", "Orlenko")}


def test_a_capital_that_speaks_is_still_a_place() -> None:
    body = "Beijing says the talks will resume. Beijing said so on Monday too."
    raw = [at(body, "Beijing", "GPE", 0), at(body, "Beijing", "GPE", 1)]
    assert listed(resolve(body, raw)) == {("place", "Beijing")}


def test_a_platform_the_model_calls_a_place_is_an_org() -> None:
    body = "The outage took down sites such as Spotify and Reddit for an hour."
    raw = [at(body, "Spotify", "GPE"), at(body, "Reddit", "GPE")]
    assert listed(resolve(body, raw)) == {("org", "Spotify"), ("org", "Reddit")}


@pytest.mark.parametrize("word", ["German", "Czech", "Romans", "San Franciscans"])
def test_a_name_the_model_only_calls_a_group_of_people_is_no_entity(word: str) -> None:
    body = (
        f"The border was crossed by {word} farmers near Passau. Officials said {word} groups left."
    )
    raw = [at(body, word, "NORP", 0), at(body, word, "NORP", 1), at(body, "Passau", "GPE")]
    assert listed(resolve(body, raw)) == {("place", "Passau")}


def test_a_city_the_model_calls_a_group_is_still_a_place() -> None:
    body = "Shelling hit the outskirts of Aleppo overnight."
    assert listed(resolve(body, [at(body, "Aleppo", "NORP")])) == {("place", "Aleppo")}


def test_a_peer_named_after_a_town_is_a_person() -> None:
    body = "Lord Halifax met the minister privately in November."
    assert listed(resolve(body, [at(body, "Halifax", "ORG")])) == {("person", "Halifax")}


def test_tokenised_copy_keeps_possessives_with_their_owner() -> None:
    body = "The judge in Brannock 's trial ruled . He cleared Brannock of all charges ."
    raw = [at(body, "Brannock 's", "ORG"), at(body, "Brannock", "PERSON", 1)]
    people = resolve(body, raw)
    assert listed(people) == {("person", "Brannock")}
    body = "Delegates of the People ’s Republic of China arrived ."
    raw = [at(body, "the People ’s Republic of China", "GPE")]
    assert listed(resolve(body, raw)) == {("place", "People ’s Republic of China")}


def test_two_known_organisations_joined_by_and_are_two() -> None:
    body = "Drivers for Uber and Airbnb hosts protested."
    raw = [at(body, "Uber and Airbnb", "ORG")]
    assert listed(resolve(body, raw)) == {("org", "Uber"), ("org", "Airbnb")}


def test_an_ampersand_between_two_people_parts_them() -> None:
    body = "The show was hosted by Jenny Seaton & Harvey Deegan until 2004."
    raw = [at(body, "Jenny Seaton & Harvey Deegan", "PERSON")]
    assert listed(resolve(body, raw)) == {("person", "Jenny Seaton"), ("person", "Harvey Deegan")}
