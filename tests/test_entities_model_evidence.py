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
    assert listed(resolve(body, raw)) == {("place", "LISBON")}


def test_a_bylines_author_is_kept_but_other_short_lines_are_not() -> None:
    body = (
        "Port strike ends\nBy Mara Quist\nLISBON, March 14\nDockers returned to work.\nTerra Nova\n"
    )
    raw = [
        at(body, "Mara Quist", "PERSON"),
        at(body, "LISBON", "GPE"),
        at(body, "Terra Nova", "ORG"),
    ]
    assert listed(resolve(body, raw)) == {("person", "Mara Quist"), ("place", "LISBON")}


def test_an_english_word_in_a_headline_in_capitals_is_no_name() -> None:
    body = "RUGBY - PORTUGAL SUFFER HEAVY DEFEAT IN LISBON\nPortugal lost 40-3 on Saturday."
    raw = [at(body, "DEFEAT", "GPE"), at(body, "LISBON", "GPE"), at(body, "Portugal", "GPE", 0)]
    assert listed(resolve(body, raw)) == {("place", "LISBON"), ("place", "Portugal")}


def test_a_city_in_capitals_is_placed_by_the_gazetteer() -> None:
    body = "AL-AIN , United Arab Emirates 2026-12-06\nThe match ended level."
    raw = [at(body, "AL-AIN", "ORG"), at(body, "United Arab Emirates", "GPE")]
    assert ("place", "AL-AIN") in listed(resolve(body, raw))


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
        ("place", "FARO"),
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


# Headlines -----------------------------------------------------------------------------------
def test_a_person_named_only_in_a_feed_entrys_headline_is_listed() -> None:
    title = "Brannock Meets Ilsabet Vance in Lisbon"
    body = "The two ministers discussed fishing quotas for two hours."
    title_raw = [at(title, "Brannock", "PERSON"), at(title, "Ilsabet Vance", "PERSON")]
    title_raw.append(at(title, "Lisbon", "GPE"))
    found = listed(resolve(body, [], title, title_raw))
    assert found == {("person", "Brannock"), ("person", "Ilsabet Vance"), ("place", "Lisbon")}


@pytest.mark.parametrize("phrase", ["Rose Hill", "Biden Signs", "Prisoner Releases", "Harlow"])
def test_a_headline_phrase_with_english_words_or_a_towns_name_is_not_a_person(phrase: str) -> None:
    title = f"{phrase} Draw Crowds"
    assert listed(resolve("Crowds gathered.", [], title, [at(title, phrase, "PERSON")])) == set()


def test_a_headline_surname_is_the_bodys_person() -> None:
    title = "Vance Resigns"
    body = "Ilsabet Vance resigned on Monday."
    entities = resolve(
        body, [at(body, "Ilsabet Vance", "PERSON")], title, [at(title, "Vance", "PERSON")]
    )
    assert listed(entities) == {("person", "Ilsabet Vance")}


def test_a_well_known_organisation_named_only_in_the_headline_is_listed() -> None:
    title = "Airbnb Cuts Fees for Hosts"
    body = "The company said the change starts in May."
    found = listed(resolve(body, [], title, [at(title, "Airbnb", "ORG")]))
    assert found == {("org", "Airbnb")}


# People the model read as organisations or places -------------------------------------------
def test_an_age_in_apposition_and_an_occupation_mark_a_person() -> None:
    body = (
        "Kenyan runner Tessa Wanjiru broke the record on Sunday. "
        '"It was cold," said Orla Brennick, 67, who watched from a balcony.'
    )
    raw = [at(body, "Tessa Wanjiru", "ORG"), at(body, "Orla Brennick", "ORG")]
    assert listed(resolve(body, raw)) == {("person", "Tessa Wanjiru"), ("person", "Orla Brennick")}


def test_a_round_number_is_no_age() -> None:
    body = "Results gave Osei, of Harbour Forward, 21,384 votes. Harbour Forward celebrated."
    raw = [at(body, "Harbour Forward", "ORG", 0), at(body, "Harbour Forward", "ORG", 1)]
    assert ("org", "Harbour Forward") in listed(resolve(body, raw))


def test_a_surname_joins_a_full_name_the_model_mistyped() -> None:
    body = "Tessa Wanjiru won in Valencia. Wanjiru, 24, trains at altitude."
    raw = [
        at(body, "Tessa Wanjiru", "ORG"),
        at(body, "Valencia", "GPE"),
        at(body, "Wanjiru", "GPE", 1),
    ]
    entities = resolve(body, raw)
    assert listed(entities) == {("person", "Tessa Wanjiru"), ("place", "Valencia")}
    assert len(next(e for e in entities if e.type == "person").mentions) == 2


def test_two_of_a_family_paired_by_and_are_both_people() -> None:
    body = "The brothers Ivo Castellan and Teo Castellan pleaded guilty."
    raw = [at(body, "Ivo Castellan", "PERSON"), at(body, "Teo Castellan", "ORG")]
    assert listed(resolve(body, raw)) == {("person", "Ivo Castellan"), ("person", "Teo Castellan")}


# One organisation, several names --------------------------------------------------------------
def test_a_company_by_the_first_word_of_its_registered_name() -> None:
    body = "Velmora Electronics Co. reported record sales. Velmora said demand was strong."
    raw = [at(body, "Velmora Electronics Co.", "ORG"), at(body, "Velmora", "ORG", 1)]
    entities = resolve(body, raw)
    assert listed(entities) == {("org", "Velmora Electronics Co.")}
    assert "Velmora" in entities[0].aliases


def test_a_place_is_not_a_companys_short_name() -> None:
    body = "Valencia CF won again. Fans in Valencia celebrated."
    raw = [at(body, "Valencia CF", "ORG"), at(body, "Valencia", "GPE", 1)]
    assert listed(resolve(body, raw)) == {("org", "Valencia CF"), ("place", "Valencia")}


def test_spellings_of_a_well_known_organisation_are_one() -> None:
    body = (
        "The Centers for Disease Control and Prevention said cases rose. The CDC urged vaccination."
    )
    raw = [
        at(body, "The Centers for Disease Control and Prevention", "ORG"),
        at(body, "CDC", "ORG"),
    ]
    entities = resolve(body, raw)
    assert listed(entities) == {("org", "Centers for Disease Control and Prevention")}


def test_a_headline_short_name_is_the_bodys_organisation() -> None:
    title = "China Warns EU Over Tariffs"
    body = "Beijing said the European Union had ignored the rules."
    raw = [at(body, "Beijing", "GPE"), at(body, "the European Union", "ORG")]
    title_raw = [at(title, "China", "GPE"), at(title, "EU", "ORG")]
    assert listed(resolve(body, raw, title, title_raw)) == {
        ("place", "Beijing"),
        ("org", "European Union"),
        ("place", "China"),
    }


# Sport -----------------------------------------------------------------------------------------
def test_a_towns_team_in_a_match_report_is_an_organisation() -> None:
    body = (
        "Harbourside moved clear after a 2-1 win over Brighton & Hove Albion on Saturday. "
        "Brighton had equalised before half-time. Liverpool, who drew 0-0 at Everton, "
        "slipped to second in the Premier League."
    )
    raw = [
        at(body, "Brighton & Hove Albion", "ORG"),
        at(body, "Brighton", "PERSON", 1),
        at(body, "Liverpool", "GPE"),
        at(body, "Everton", "ORG"),
        at(body, "the Premier League", "ORG"),
    ]
    found = listed(resolve(body, raw))
    assert found >= {
        ("org", "Brighton & Hove Albion"),
        ("org", "Liverpool"),
        ("org", "Everton"),
        ("org", "Premier League"),
    }
    assert ("place", "Brighton") not in found and ("org", "Brighton") not in found


def test_countries_in_a_match_report_stay_places() -> None:
    body = "Brazil beat Chile 2-1 in Santiago on Tuesday."
    raw = [at(body, "Brazil", "GPE"), at(body, "Chile", "GPE"), at(body, "Santiago", "GPE")]
    assert listed(resolve(body, raw)) == {
        ("place", "Brazil"),
        ("place", "Chile"),
        ("place", "Santiago"),
    }


def test_a_town_without_a_result_nearby_stays_a_place() -> None:
    body = "Flooding hit Liverpool and the council opened two shelters."
    assert listed(resolve(body, [at(body, "Liverpool", "GPE")])) == {("place", "Liverpool")}


def test_a_brand_before_its_product_is_the_company() -> None:
    body = "Fake Apple AirPods were seized in the raid."
    assert listed(resolve(body, [at(body, "Apple AirPods", "ORG")])) == {("org", "Apple")}


# Words that introduce or follow an organisation's name ----------------------------------------
@pytest.mark.parametrize(
    ("body", "name", "label"),
    [
        ("State rail operator Velmar suspended services.", "Velmar", "PERSON"),
        ("The score was written by the Glasgow trio Tin Orchard on tour.", "Tin Orchard", "PERSON"),
        (
            "The bill passed with support from the ruling Morena party and its allies.",
            "Morena",
            "LOC",
        ),
        ("The governor told DZKR radio the dam was safe.", "DZKR", "PERSON"),
        ("Duarte, the 22-year-old Pelotas forward, scored twice.", "Pelotas", "GPE"),
    ],
)
def test_an_organisation_introduced_as_one(body: str, name: str, label: str) -> None:
    raw = [at(body, name, label)]
    if "Duarte" in body:
        raw.append(at(body, "Duarte", "PERSON"))
    assert ("org", name) in listed(resolve(body, raw))


def test_a_strait_of_names_a_place() -> None:
    body = "The tanker was seized in the Strait of Hormuz on Friday."
    raw = [at(body, "the Strait of Hormuz", "LOC")]
    assert listed(resolve(body, raw)) == {("place", "Strait of Hormuz")}
    title = "Iran Seizes Tanker Near Hormuz"
    found = listed(resolve(body, raw, title, [at(title, "Hormuz", "PERSON")]))
    # The headline's "Hormuz" is the body's place; its country is listed too.
    assert found == {("place", "Strait of Hormuz"), ("place", "Iran")}


def test_a_name_the_model_cut_in_two_is_one_person() -> None:
    body = "Senator María Fernanda Ochoa Garza drafted the bill. Ochoa Garza said it would pass."
    raw = [
        at(body, "María Fernanda", "PERSON"),
        at(body, "Ochoa Garza", "PERSON", 0),
        at(body, "Ochoa Garza", "PERSON", 1),
    ]
    assert listed(resolve(body, raw)) == {("person", "María Fernanda Ochoa Garza")}


def test_a_courts_name_goes_on_past_its_last_word() -> None:
    body = "He will appeal to the U.S. Court of Appeals for the 11th Circuit next month."
    raw = [at(body, "the U.S. Court of Appeals", "ORG"), at(body, "the 11th Circuit", "ORG")]
    assert listed(resolve(body, raw)) == {("org", "U.S. Court of Appeals for the 11th Circuit")}


def test_a_word_and_an_organisation_the_model_tagged_in_part() -> None:
    body = "The vaccine must be cleared by the Pharmacy and Poisons Board before June."
    raw = [at(body, "Poisons Board", "ORG")]
    assert listed(resolve(body, raw)) == {("org", "Pharmacy and Poisons Board")}


def test_two_organisations_joined_by_and_stay_two() -> None:
    body = "Shares of Velmora rose after a deal with the Harbour and Rail Board."
    raw = [at(body, "Velmora", "ORG"), at(body, "Rail Board", "ORG")]
    assert ("org", "Velmora") in listed(resolve(body, raw))


def test_a_fixture_against_a_town_names_its_team() -> None:
    body = "The club postponed Saturday's league match against Sevilla after the storm."
    assert listed(resolve(body, [at(body, "Sevilla", "GPE")])) == {("org", "Sevilla")}


@pytest.mark.parametrize(
    "opening", ["MEXICO CITY (AP) — The Senate", "ACCRA, Ghana — The Senate", "LIMA - The Senate"]
)
def test_a_dateline_in_capitals_names_its_city(opening: str) -> None:
    body = f"{opening} approved the water law on Tuesday."
    city = opening.split(" (")[0].split(",")[0].split(" -")[0].split(" —")[0]
    assert ("place", city) in listed(resolve(body, []))


def test_a_paragraph_opening_in_capitals_that_is_no_place_is_not_one() -> None:
    body = "BREAKING - The Senate approved the water law on Tuesday."
    assert listed(resolve(body, [])) == set()


def test_a_name_after_a_title_is_a_person_even_when_the_model_missed_it() -> None:
    body = "Chief Minister Ravi Anand Mishra of the ruling alliance will serve again. Mishra thanked voters."
    found = resolve(body, [])
    assert [(e.type, e.name, e.aliases) for e in found] == [
        ("person", "Ravi Anand Mishra", ("Mishra",))
    ]


def test_a_capitalised_company_before_a_name_is_no_descriptor() -> None:
    body = "He met a friend from The Rocket Record Company, Kiki Dee, to record a duet."
    raw = [at(body, "The Rocket Record Company", "ORG"), at(body, "Kiki Dee", "PERSON")]
    assert ("person", "Kiki Dee") in listed(resolve(body, raw))


@pytest.mark.parametrize("unit", ["BBC World Service", "CNN Style", "UN Environment"])
def test_a_part_of_a_well_known_organisation_is_no_product(unit: str) -> None:
    body = f"The report aired on {unit} on Monday."
    assert listed(resolve(body, [at(body, unit, "ORG")])) == {("org", unit)}


def test_a_festival_is_no_entity() -> None:
    body = "Voting was delayed until after Chhath in Patna."
    raw = [at(body, "Chhath", "PERSON"), at(body, "Patna", "GPE")]
    assert listed(resolve(body, raw)) == {("place", "Patna")}


# Wire copy, scorecards and registered names ----------------------------------------------------
def test_a_country_inside_a_headline_phrase_is_listed() -> None:
    title = "Tana River Bursts Banks as Kenya Floods Displace 40,000"
    body = "Rivers rose through the weekend, officials said."
    title_raw = [at(title, "Tana River", "LOC"), at(title, "Kenya Floods", "ORG")]
    assert ("place", "Kenya") in listed(resolve(body, [], title, title_raw))


@pytest.mark.parametrize(
    ("body", "place"),
    [
        ("Accra-born writer Kofi Mensimah won the prize.", "Accra"),
        ("KARACHI: The river rose again on Sunday.", "KARACHI"),
        ("He had flown home to Christchurch for the birth.", "Christchurch"),
    ],
)
def test_places_the_model_misses_in_wire_copy(body: str, place: str) -> None:
    assert ("place", place) in listed(resolve(body, []))


def test_a_mid_sized_city_without_a_place_word_before_it_is_not_guessed() -> None:
    body = "Christchurch scored twice before the break."
    assert listed(resolve(body, [])) == set()


def test_a_place_before_a_title_is_no_part_of_the_name() -> None:
    body = "Garissa Governor Abdullahi Farah Noor said the road was cut. Noor left Garissa."
    raw = [
        at(body, "Garissa Governor Abdullahi Farah Noor", "PERSON"),
        at(body, "Garissa", "GPE", 1),
    ]
    assert listed(resolve(body, raw)) == {("person", "Abdullahi Farah Noor"), ("place", "Garissa")}


def test_an_initial_and_surname_in_a_scorecard_is_the_full_name() -> None:
    body = (
        "Hamza Belloumi hit a century. Scores: Pakistan 245-4 (H. Belloumi 112*, R. Akhtarov 61)."
    )
    raw = [at(body, "Hamza Belloumi", "PERSON"), at(body, "H. Belloumi", "PERSON")]
    people = [e for e in resolve(body, raw) if e.type == "person"]
    assert [(p.name, len(p.mentions)) for p in people] == [("Hamza Belloumi", 2)]


def test_a_given_name_alone_joins_its_full_name_but_a_river_does_not() -> None:
    body = "Singer Gethin Rowlands, 29, wrote it. Gethin said the band was nervous."
    raw = [at(body, "Gethin Rowlands", "GPE"), at(body, "Gethin", "PERSON", 1)]
    assert listed(resolve(body, raw)) == {("person", "Gethin Rowlands")}
    body = "Villages along the Danube flooded. The Danube Daily newspaper reported it."
    raw = [at(body, "Danube", "PERSON"), at(body, "Danube Daily", "ORG")]
    assert ("org", "Danube Daily") in listed(resolve(body, raw))


def test_a_companys_distinctive_word_alone_is_the_company() -> None:
    body = "Shares of SK Velnix Inc. rose. Velnix said demand was strong."
    raw = [at(body, "SK Velnix Inc.", "ORG"), at(body, "Velnix", "PERSON", 1)]
    assert listed(resolve(body, raw)) == {("org", "SK Velnix Inc.")}


def test_a_hospital_named_after_a_queen_is_an_organisation() -> None:
    body = "Patients were moved to Queen Elizabeth Central Hospital in Blantyre."
    raw = [at(body, "Queen Elizabeth Central Hospital", "ORG"), at(body, "Blantyre", "GPE")]
    found = listed(resolve(body, raw))
    assert ("org", "Queen Elizabeth Central Hospital") in found


def test_a_city_named_after_a_person_is_a_place() -> None:
    body = (
        "Ride-hailing drivers in Ho Chi Minh City protested. Ho Chi Minh City officials met them."
    )
    raw = [at(body, "Ho Chi Minh City", "PERSON", 0), at(body, "Ho Chi Minh City", "PERSON", 1)]
    assert listed(resolve(body, raw)) == {("place", "Ho Chi Minh City")}


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("Fluxa's chief executive, Jonas Weid, 31, called it unfair.", "Fluxa"),
        ("Vaccines are funded by Gavi, the Vaccine Alliance, which buys doses.", "Gavi"),
        ("The office, the Kartellbund, opened its own case.", "Kartellbund"),
    ],
)
def test_what_only_an_organisation_has_marks_one(body: str, name: str) -> None:
    found = listed(resolve(body, [at(body, name, "PERSON")]))
    assert ("person", name) not in found


def test_a_persons_spokesman_is_still_a_persons() -> None:
    body = "Ivo Castellan's spokesman said Castellan would not comment."
    raw = [at(body, "Ivo Castellan", "PERSON"), at(body, "Castellan", "PERSON", 1)]
    assert listed(resolve(body, raw)) == {("person", "Ivo Castellan")}


@pytest.mark.parametrize(
    "name",
    ["Grupo Financiero Velmar SA", "Türkiye Varlık Bankası AŞ", "Creative Wales", "Yiaga Africa"],
)
def test_names_no_person_has_are_organisations(name: str) -> None:
    body = f"Analysts said {name} would grow this year."
    assert listed(resolve(body, [at(body, name, "PERSON")])) == {("org", name)}


@pytest.mark.parametrize("name", ["South East Asia", "State of Texas", "East Africa"])
def test_a_region_ending_in_a_place_is_no_organisation(name: str) -> None:
    body = f"Refugees reached {name} by boat."
    assert ("org", name) not in listed(resolve(body, [at(body, name, "GPE")]))


def test_a_bands_singer_marks_the_band() -> None:
    body = "Paper Gulls' singer, Gethin Rowe, 29, said the band had never written for film."
    raw = [at(body, "Paper Gulls", "PERSON"), at(body, "Gethin Rowe", "PERSON")]
    assert listed(resolve(body, raw)) == {("org", "Paper Gulls"), ("person", "Gethin Rowe")}


@pytest.mark.parametrize("name", ["Guddu Barrage", "Civic Hall", "Zamzam camp", "Aberdare Ranges"])
def test_a_building_or_landscape_word_makes_a_place(name: str) -> None:
    body = f"Water levels rose near {name} on Sunday."
    assert ("person", name) not in listed(resolve(body, [at(body, name, "PERSON")]))


def test_a_full_name_with_runs_after_it_is_no_product() -> None:
    body = "He added 131 with wicketkeeper Rizal Akhtarov (61) before the finish."
    raw = [at(body, "Rizal Akhtarov", "PERSON")]
    assert listed(resolve(body, raw)) == {("person", "Rizal Akhtarov")}


def test_a_name_after_any_capitalised_title_is_a_person() -> None:
    body = (
        "Prosecutor Diego Salcedo told the court the cargo was seized. Salcedo asked for 12 years."
    )
    assert ("person", "Diego Salcedo") in listed(resolve(body, []))


@pytest.mark.parametrize("region", ["Sindh", "Lancashire", "Khyber Pakhtunkhwa"])
def test_a_province_or_county_the_model_calls_an_org_is_a_place(region: str) -> None:
    assert gazetteer.is_region(region)
    body = f"Floods displaced thousands across {region} this week."
    assert listed(resolve(body, [at(body, region, "ORG")])) == {("place", region)}


def test_a_person_named_like_a_region_stays_a_person() -> None:
    # A region (here a Swiss canton) that no city or country shares its name with only
    # breaks a tie against the model's "person".
    assert gazetteer.is_region("Valais") and not gazetteer.city_population("Valais")
    body = "The court heard Valais describe the night. Valais wept."
    raw = [at(body, "Valais", "PERSON", 0), at(body, "Valais", "PERSON", 1)]
    assert listed(resolve(body, raw)) == {("person", "Valais")}


def test_a_title_span_beside_a_name_is_not_joined_to_it() -> None:
    body = "Garissa Governor Abdi Warsame Noor said the road was cut. Noor left Garissa."
    raw = [
        at(body, "Garissa Governor", "PERSON"),
        at(body, "Abdi Warsame Noor", "PERSON"),
        at(body, "Garissa", "GPE", 1),
    ]
    found = listed(resolve(body, raw))
    assert ("person", "Abdi Warsame Noor") in found and ("place", "Garissa") in found


@pytest.mark.parametrize("role", ["Opener", "Skipper", "Wicketkeeper"])
def test_a_sports_role_before_a_name_is_no_part_of_it(role: str) -> None:
    body = f"{role} Haris Belal made 112. Belal, 23, was named player of the match."
    raw = [at(body, f"{role} Haris Belal", "PERSON"), at(body, "Belal", "PERSON", 1)]
    assert listed(resolve(body, raw)) == {("person", "Haris Belal")}


def test_korea_alone_is_the_south_and_boe_the_bank_of_england() -> None:
    assert gazetteer.country("Korea") == "South Korea"
    body = "The Bank of England held rates. The BoE said inflation would ease."
    raw = [at(body, "The Bank of England", "ORG"), at(body, "BoE", "ORG")]
    assert listed(resolve(body, raw)) == {("org", "Bank of England")}
