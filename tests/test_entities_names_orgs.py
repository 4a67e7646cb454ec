"""Headlines, people the model mistyped, organisations with several names, sport and the words
that introduce an organisation: each test hands `resolve` the spans the model returned (no
model is loaded); people and organisations are invented, places real where the gazetteer is
the point. Found on invented news written for the bench by colleagues (`bench/data/news_*`).
"""

from __future__ import annotations

import pytest

from index.entities import gazetteer
from index.entities.resolve import resolve
from tests.test_entities_error_kinds import at, listed


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
    assert ("place", city.title()) in listed(resolve(body, []))  # "MEXICO CITY" -> "Mexico City"


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


def test_an_unintroduced_one_word_person_in_a_long_article_is_dropped() -> None:
    filler = " ".join(["The council met again on Tuesday to discuss the budget."] * 20)
    body = (
        f"Mayor Ilse Varga and Tomas Brede opened the session. {filler} "
        "Buses run by Coachlink were late again, Brede said."
    )
    raw = [
        at(body, "Ilse Varga", "PERSON"),
        at(body, "Tomas Brede", "PERSON"),
        at(body, "Coachlink", "PERSON"),
        at(body, "Brede", "PERSON", 1),
    ]
    assert listed(resolve(body, raw)) == {("person", "Ilse Varga"), ("person", "Tomas Brede")}


def test_a_short_excerpt_keeps_its_one_word_people() -> None:
    body = "Clinton and allies kept the spotlight on the race. Melania Trump appeared in July."
    raw = [at(body, "Clinton", "PERSON"), at(body, "Melania Trump", "PERSON")]
    assert ("person", "Clinton") in listed(resolve(body, raw))


def test_an_acronym_in_capitals_answers_a_name_only_in_capitals_or_as_no_ones_name() -> None:
    # "MARTA" and "SWIFT" are listed bodies; "Marta" and "Swift" are a given name and a
    # surname first. "Nato", as British news writes NATO, is no one's name.
    assert gazetteer.is_known_org("MARTA") and not gazetteer.is_known_org("Marta")
    assert gazetteer.org_canonical("SWIFT") and gazetteer.org_canonical("Swift") is None
    assert gazetteer.is_known_org("Nato") and gazetteer.org_canonical("Nato")
    body = "Commuter Marta Kowalczyk waited an hour. Marta said MARTA trains ran late."
    raw = [at(body, "Marta Kowalczyk", "PERSON"), at(body, "Marta", "GPE", 1)]
    got = listed(resolve(body, raw))
    assert ("person", "Marta Kowalczyk") in got and ("org", "Marta") not in got


def test_a_firm_or_troupe_named_after_its_founder_is_an_organisation() -> None:
    body = "Dirk Venter Racing topped practice, and the Marlow Street Collective sang after."
    raw = [at(body, "Dirk Venter Racing", "PERSON"), at(body, "Marlow Street Collective", "GPE")]
    got = listed(resolve(body, raw))
    assert {("org", "Dirk Venter Racing"), ("org", "Marlow Street Collective")} <= got


def test_a_name_ending_in_a_newspapers_word_is_an_organisation() -> None:
    body = "The Kivu Beat Wire reported the closure, and the Danube Ledger confirmed it."
    raw = [at(body, "Kivu Beat Wire", "FAC"), at(body, "Danube Ledger", "PERSON")]
    got = listed(resolve(body, raw))
    assert {("org", "Kivu Beat Wire"), ("org", "Danube Ledger")} <= got
