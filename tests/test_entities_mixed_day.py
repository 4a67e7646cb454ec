"""A general reader's mixed day of news: city pages, schools, transport and firms named in their
own languages. Each test hands `resolve` the spans the model returned (no model is loaded);
people and small organisations are invented, places real where the gazetteer is the point.
Found on invented news written for the bench by colleagues (`bench/data/news_o`).
"""

from __future__ import annotations

import pytest

from index.entities import gazetteer
from index.entities.resolve import resolve
from tests.test_entities_error_kinds import at, listed


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    gazetteer.warm()


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        (
            "Police said the courier worked for a Sinaloa-based cartel, court papers show.",
            "Sinaloa",
        ),
        ("Kazmi wrote for the Urdu-language daily before he joined the ministry.", "Urdu"),
    ],
)
def test_a_name_with_a_lowercase_tail_before_its_kind_is_no_organisation(
    sentence: str, word: str
) -> None:
    # "a Sinaloa-based cartel": the kind after it makes no organisation of an adjective
    raw = [at(sentence, word, "GPE")] if word == "Sinaloa" else []
    found = listed(resolve(sentence, raw))
    assert not any(t == "org" for t, _ in found), found


def test_an_american_school_named_by_its_level_is_an_organisation() -> None:
    body = (
        "The board voted to close Marrow Creek Elementary at the end of the year. "
        "Marrow Creek Elementary opened in 1961."
    )
    raw = [
        at(body, "Marrow Creek Elementary", "PERSON"),
        at(body, "Marrow Creek Elementary", "FAC", 1),
    ]
    assert listed(resolve(body, raw)) == {("org", "Marrow Creek Elementary")}


def test_a_firm_named_energy_in_its_own_language_is_an_organisation() -> None:
    body = "Shares in Wisła Energia rose 12% on their first day of trading in Warsaw."
    raw = [at(body, "Wisła Energia", "PERSON"), at(body, "Warsaw", "GPE")]
    assert ("org", "Wisła Energia") in listed(resolve(body, raw))


@pytest.mark.parametrize(
    ("body", "name", "label"),
    [
        (
            "Flights left Charles de Gaulle airport two hours late on Friday.",
            "Charles de Gaulle",
            "PERSON",
        ),
        (
            "Riders crowded onto the platforms at Vauxhall-Les Ormes station all morning.",
            "Vauxhall-Les Ormes",
            "ORG",
        ),
    ],
)
def test_a_name_before_airport_or_station_is_the_place_whoever_it_honours(
    body: str, name: str, label: str
) -> None:
    assert listed(resolve(body, [at(body, name, label)])) == {("place", name)}


def test_a_person_name_before_airport_still_needs_the_word_right_after_it() -> None:
    body = "Talia Brennock, the airport's new director, said flights would resume."
    assert listed(resolve(body, [at(body, "Talia Brennock", "PERSON")])) == {
        ("person", "Talia Brennock")
    }


def test_a_city_before_lowercase_news_is_still_the_city() -> None:
    # "the latest Bristol news" is news about Bristol, not an outlet named after it
    body = (
        "Eleven bus routes across Bristol and its outskirts could be withdrawn next spring. "
        "Get the latest Bristol news straight to your inbox."
    )
    raw = [at(body, "Bristol", "ORG"), at(body, "Bristol news", "ORG")]
    assert listed(resolve(body, raw)) == {("place", "Bristol")}


def test_a_national_adjective_no_suffix_makes_is_no_place_but_its_country_is() -> None:
    body = (
        "The storm will leave the Philippine area of responsibility on Tuesday. "
        "The Philippines is hit by about 20 storms a year."
    )
    raw = [at(body, "Philippine", "NORP"), at(body, "Philippines", "GPE")]
    assert listed(resolve(body, raw)) == {("place", "Philippines")}
    assert gazetteer.is_demonym("Cypriot") and gazetteer.is_demonym("Pashtuns")
    assert not gazetteer.is_demonym("Philippines") and not gazetteer.is_demonym("Amhara")


def test_a_given_name_the_model_read_as_an_organisation_is_the_articles_person() -> None:
    body = (
        "Orla Brennigan, the singer, has died at 78. "
        '"Orla could silence a room with one note," her guitarist said.'
    )
    raw = [at(body, "Orla Brennigan", "PERSON"), at(body, "Orla", "ORG", 1)]
    assert listed(resolve(body, raw)) == {("person", "Orla Brennigan")}


def test_a_given_name_that_is_an_english_word_read_as_an_organisation_stays_apart() -> None:
    # "Hope" is a charity as often as a given name: the model's organisation is not overruled
    body = "Hope Castellane founded the shelter. Hope runs it with nine volunteers."
    raw = [at(body, "Hope Castellane", "PERSON"), at(body, "Hope", "ORG", 1)]
    assert ("person", "Hope Castellane") in listed(resolve(body, raw))
    assert ("org", "Hope") in listed(resolve(body, raw))


def test_a_given_name_before_a_surname_the_dictionary_also_holds_is_someone() -> None:
    # WordNet lists "Delorme" (an architect), so the surname looks like a word; the given name
    # "Chloe", which is none, settles it against the model's organisation
    body = "The film starred the then-unknown Chloe Delorme as the fisherman's daughter."
    assert listed(resolve(body, [at(body, "Chloe Delorme", "ORG")])) == {
        ("person", "Chloe Delorme")
    }


def test_a_given_name_that_is_a_word_before_a_word_surname_is_not_enough() -> None:
    body = "Volunteers repainted Grace Church before the festival."
    assert ("person", "Grace Church") not in listed(
        resolve(body, [at(body, "Grace Church", "ORG")])
    )


def test_a_party_named_by_the_plural_of_its_members_is_an_organisation() -> None:
    body = "Chancellor Ilse Brandauer needs the Greens to govern. The Greens said they would talk."
    raw = [
        at(body, "Ilse Brandauer", "PERSON"),
        at(body, "Greens", "NORP"),
        at(body, "Greens", "NORP", 1),
    ]
    assert listed(resolve(body, raw)) == {("person", "Ilse Brandauer"), ("org", "Greens")}


@pytest.mark.parametrize("acronym", ["MVP", "VAT", "IPO"])
def test_an_acronym_of_a_common_noun_is_no_organisation(acronym: str) -> None:
    body = f"Dae-jung Ro, 26, was the {acronym} story of the season, the paper said."
    raw = [at(body, "Dae-jung Ro", "PERSON"), at(body, acronym, "ORG")]
    assert listed(resolve(body, raw)) == {("person", "Dae-jung Ro")}


def test_a_list_the_model_tagged_as_one_name_is_each_of_its_names() -> None:
    body = "Leaders of firms such as Spotify, Qorvant, Delmaris and Snapchat will attend."
    raw = [at(body, "Qorvant, Delmaris and Snapchat", "ORG")]
    assert listed(resolve(body, raw)) >= {
        ("org", "Qorvant"),
        ("org", "Delmaris"),
        ("org", "Snapchat"),
    }


def test_a_firms_name_of_several_names_joined_by_an_ampersand_stays_whole() -> None:
    body = "The families were represented by Langat, Omondi & Co. Advocates, the court heard."
    raw = [at(body, "Langat, Omondi & Co. Advocates", "ORG")]
    assert listed(resolve(body, raw)) == {("org", "Langat, Omondi & Co. Advocates")}


def test_an_english_word_labelling_a_line_is_no_name_but_a_place_is() -> None:
    body = (
        "The runoff is on Sunday.\n"
        "Newsletter: Get our Americas briefing every weekday morning.\n"
        "Kenya: police say two were hurt."
    )
    raw = [at(body, "Newsletter", "ORG"), at(body, "Kenya", "GPE")]
    assert listed(resolve(body, raw)) == {("place", "Kenya")}


@pytest.mark.parametrize(
    ("body", "found", "name"),
    [
        (
            "Mayor Ma. Luzviminda Ocampo-Reyes ordered the evacuation.",
            "Luzviminda Ocampo-Reyes",
            "Ma. Luzviminda Ocampo-Reyes",
        ),
        (
            "Police chief Md. Rafiqul Karim said the roads were closed.",
            "Rafiqul Karim",
            "Md. Rafiqul Karim",
        ),
    ],
)
def test_an_abbreviated_given_name_before_a_name_is_part_of_it(
    body: str, found: str, name: str
) -> None:
    # Filipino "Ma." (María), Bangladeshi "Md." (Mohammad): the model leaves them out
    assert listed(resolve(body, [at(body, found, "PERSON")])) == {("person", name)}


def test_a_nickname_before_a_lowercase_particle_stays_in_the_name() -> None:
    body = 'Guard Jerome "Jojo" dela Paz scored 31 points. Dela Paz was named best player.'
    raw = [at(body, "Jerome", "GPE"), at(body, "Paz", "ORG"), at(body, "Dela Paz", "PERSON")]
    assert ("person", "Jerome dela Paz") in listed(resolve(body, raw))


def test_a_town_named_like_a_titled_person_is_the_town_where_a_sentence_places_it() -> None:
    body = "The teams meet again on Saturday in Prince George. Prince George, 12, was not there."
    raw = [at(body, "George", "PERSON"), at(body, "George", "PERSON", 1)]
    found = listed(resolve(body, raw))
    assert ("place", "Prince George") in found


@pytest.mark.parametrize("part", ["Court", "Gate", "Platform"])
def test_a_part_of_a_ground_known_by_a_number_is_no_name(part: str) -> None:
    body = f"Ilsa Marwood won 6-4 3-6 7-5 on {part} 12 on Tuesday."
    raw = [at(body, "Ilsa Marwood", "PERSON"), at(body, part, "ORG")]
    assert listed(resolve(body, raw)) == {("person", "Ilsa Marwood")}


def test_a_party_whose_plural_looks_like_a_demonym_is_kept_and_its_names_are_one() -> None:
    body = (
        "Republicans on the committee blocked the nominee. The Conservatives held the seat, "
        "and the Tories' majority grew."
    )
    raw = [
        at(body, "Republicans", "NORP"),
        at(body, "Conservatives", "NORP"),
        at(body, "Tories", "NORP"),
    ]
    found = resolve(body, raw)
    assert ("org", "Republicans") in listed(found)
    assert len([e for e in found if e.name in ("Conservatives", "Tories")]) == 1


def test_a_feeds_footer_repeating_its_headline_adds_none_of_its_title_case_spans() -> None:
    body = (
        "Armenia and Azerbaijan on Wednesday opened a crossing near Ijevan.\n\n"
        "The post Armenia and Azerbaijan Open First Border Crossing Near Ijevan appeared first "
        "on Caucasus Ledger."
    )
    raw = [
        at(body, "Armenia", "GPE"),
        at(body, "Azerbaijan", "GPE"),
        at(body, "Ijevan", "GPE"),
        at(body, "Azerbaijan Open First Border Crossing Near Ijevan", "ORG"),
    ]
    found = listed(resolve(body, raw))
    assert not any("Open First" in name for _, name in found), found
    assert ("place", "Armenia") in found


@pytest.mark.parametrize(
    ("prize", "label"),
    [("Golden Bear", "ORG"), ("Caulfield Cup", "ORG"), ("Kerala State Film Awards", "ORG")],
)
def test_a_prize_or_a_cup_is_no_entity(prize: str, label: str) -> None:
    body = f"Tamsin Orrell's film won the {prize} on Saturday."
    raw = [at(body, "Tamsin Orrell", "PERSON"), at(body, prize, label)]
    assert listed(resolve(body, raw)) == {("person", "Tamsin Orrell")}


def test_a_market_index_is_no_entity_but_a_side_before_its_score_is() -> None:
    body = (
        "The BIST 100 fell 2% in Istanbul. Earlier, Pecos Valley Academy 35-28 Mesquite "
        "Ridge, the paper reported."
    )
    raw = [
        at(body, "BIST", "ORG"),
        at(body, "Istanbul", "GPE"),
        at(body, "Pecos Valley Academy", "ORG"),
    ]
    found = listed(resolve(body, raw))
    assert ("org", "BIST") not in found and ("org", "Pecos Valley Academy") in found


def test_a_city_stays_a_place_beside_the_municipality_that_governs_it() -> None:
    body = (
        "The City of Cape Town said water restrictions would ease. Residents of Cape Town "
        "have cut use by half."
    )
    raw = [at(body, "City of Cape Town", "ORG"), at(body, "Cape Town", "GPE", 1)]
    found = listed(resolve(body, raw))
    assert ("place", "Cape Town") in found and ("org", "City of Cape Town") in found
