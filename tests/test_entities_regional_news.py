"""Regional and local news, and the health and science desks: people, bodies and places as the
local press writes them (found on the bench's sets AI, AJ and AK). Each test hands `resolve`
the spans the model returned (no model is loaded); people and small organisations are
invented, places real where the gazetteer is the point.
"""

from __future__ import annotations

import pytest

from index.entities import gazetteer
from index.entities.resolve import resolve
from tests.test_entities_error_kinds import at, listed


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    gazetteer.warm()


def test_a_given_name_the_dictionary_holds_still_opens_a_person() -> None:
    # WordNet lists "Ricardo" (the economist) and "Savage"; neither is an everyday word
    # before a surname, so the model's lone "organisation" is someone.
    body = "The play was staged by Ricardo Savage and a cast of twelve."
    raw = [at(body, "Ricardo Savage", "ORG")]
    assert listed(resolve(body, raw)) == {("person", "Ricardo Savage")}


def test_an_engineers_style_is_a_title() -> None:
    body = "Its managing director, Engr. Tunde Bakare, told reporters the firm would appeal."
    raw = [at(body, "Engr", "PERSON")]
    assert listed(resolve(body, raw)) == {("person", "Tunde Bakare")}


def test_a_rank_of_police_is_a_title_before_a_name_the_model_missed() -> None:
    body = "Deputy Superintendent of Police Hari Gurung said the road would open by evening."
    assert listed(resolve(body, [])) == {("person", "Hari Gurung")}


@pytest.mark.parametrize(
    ("body", "town", "form"),
    [
        ("TUPELO, Miss. — The school board voted for later start times.", "TUPELO", "Miss."),
        ("The smelter in Kitimat, B.C., will close in March, the union said.", "Kitimat", "B.C."),
        ("She moved from Tulsa, Okla. to Denver in 2019.", "Tulsa", "Okla."),
    ],
)
def test_a_state_or_province_written_short_after_a_town_is_a_place(
    body: str, town: str, form: str
) -> None:
    names = {name for type_, name in listed(resolve(body, [at(body, town, "GPE")]))}
    assert form in names


def test_a_dateline_with_a_state_written_short_places_its_small_town() -> None:
    body = "WHITBECK, Vt. — The selectboard approved the bridge loan on Tuesday."
    assert listed(resolve(body, [])) == {("place", "Whitbeck"), ("place", "Vt.")}


@pytest.mark.parametrize(
    "body",
    [
        "Miss. Okafor was not in court.",  # no town and comma before it
        "Mass. General Brigham said the trial would start.",  # a sentence's start
    ],
)
def test_a_short_form_needs_a_town_before_it(body: str) -> None:
    names = {name for _, name in listed(resolve(body, []))}
    assert not names & {"Miss.", "Mass."}


def test_a_short_form_after_a_person_is_her_party() -> None:
    body = "The vote went to Ana Ruiz, Ind., by a wide margin."
    names = {name for _, name in listed(resolve(body, [at(body, "Ana Ruiz", "PERSON")]))}
    assert "Ind." not in names


def test_the_models_repeated_label_does_not_outvote_an_age_and_speech() -> None:
    body = (
        "Mairi MacQuarrie opened the bakery on Saturday. MacQuarrie, 29, grew up in Judique. "
        '"It took years," MacQuarrie said. MacQuarrie bakes at night, and MacQuarrie sells out '
        "by noon."
    )
    raw = [at(body, "Mairi MacQuarrie", "ORG")]
    raw += [at(body, "MacQuarrie", "ORG", n) for n in range(1, 5)]
    assert ("person", "Mairi MacQuarrie") in listed(resolve(body, raw))


def test_a_partys_letters_in_brackets_after_a_person_are_no_acronym_of_her_name() -> None:
    body = "At the meeting, Cllr Aoife Ní Bhraonáin (FF) said the waits were unacceptable."
    raw = [at(body, "Aoife Ní Bhraonáin", "ORG")]
    entities = resolve(body, raw)
    assert ("person", "Aoife Ní Bhraonáin") in listed(entities)
    assert all("FF" not in e.aliases for e in entities)


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("Rookie defenceman Brody Kowalchuk scored twice in the 4-3 win.", "Brody Kowalchuk"),
        ("The Cup went to a mare from trainer Dallas Mcilwraith on Saturday.", "Dallas Mcilwraith"),
    ],
)
def test_a_sports_position_or_a_trainer_before_a_name_marks_a_person(body: str, name: str) -> None:
    assert listed(resolve(body, [at(body, name, "ORG")])) == {("person", name)}


@pytest.mark.parametrize(
    ("body", "span", "name"),
    [
        (
            "The crew were handed over to the Kayts Magistrate's Court on Monday.",
            "the Kayts Magistrate's",
            "Kayts Magistrate's Court",
        ),
        (
            "The four were charged before the Babati Resident Magistrate's Court with theft.",
            "the Babati Resident Magistrate's",
            "Babati Resident Magistrate's Court",
        ),
    ],
)
def test_an_office_holders_possessive_names_the_court_after_it(
    body: str, span: str, name: str
) -> None:
    assert ("org", name) in listed(resolve(body, [at(body, span, "ORG")]))


def test_an_office_holders_possessive_before_a_plain_noun_stays_out() -> None:
    body = "The Kayts Magistrate's ruling was appealed on Monday."
    names = {n for _, n in listed(resolve(body, [at(body, "The Kayts Magistrate's", "ORG")]))}
    assert not any("ruling" in n for n in names)


def test_a_pakistani_lawmakers_seat_is_a_title() -> None:
    body = "MPA Shakeel Ahmad Warsi of the ruling party said the feeder would be repaired."
    raw = [at(body, "MPA Shakeel", "ORG"), at(body, "Ahmad Warsi", "PERSON")]
    assert ("person", "Shakeel Ahmad Warsi") in listed(resolve(body, raw))


def test_a_village_a_sentence_places_twice_is_no_organisation_however_labelled() -> None:
    body = (
        "Farmers in Dhikurpokhari said the trucks could not pass. Kamala Rai, who grows "
        "cabbage in Dhikurpokhari, said she had lost a week's harvest."
    )
    raw = [at(body, "Dhikurpokhari", "ORG"), at(body, "Dhikurpokhari", "ORG", 1)]
    raw.append(at(body, "Kamala Rai", "PERSON"))
    assert ("place", "Dhikurpokhari") in listed(resolve(body, raw))


def test_a_chiefdom_after_a_name_places_it_even_after_a_person_and_of() -> None:
    body = "Paramount Chief Hawa Sandi of Ngolahun chiefdom welcomed the new road."
    raw = [at(body, "Hawa Sandi", "PERSON"), at(body, "Ngolahun", "GPE")]
    assert ("place", "Ngolahun") in listed(resolve(body, raw))


def test_a_junction_is_a_place_whatever_the_model_says() -> None:
    body = "Drivers parked their buses at Obuasi Junction and refused to load passengers."
    raw = [at(body, "Obuasi Junction", "ORG")]
    assert listed(resolve(body, raw)) == {("place", "Obuasi Junction")}


@pytest.mark.parametrize(
    ("body", "name"),
    [
        (
            "The boreholes were funded by Water Aid Kasungu and the district council.",
            "Water Aid Kasungu",
        ),
        ("Dynamo Ndokoti booked a place in the regional cup final on Sunday.", "Dynamo Ndokoti"),
    ],
)
def test_aid_and_dynamo_make_an_organisation(body: str, name: str) -> None:
    assert listed(resolve(body, [at(body, name, "PERSON")])) == {("org", name)}


def test_mwalimu_is_an_honorific() -> None:
    body = "The SACCO is chaired by Mwalimu Zawadi Kiprono, a retired teacher from Njoro."
    raw = [at(body, "Mwalimu Zawadi Kiprono", "PERSON"), at(body, "Njoro", "GPE")]
    assert ("person", "Zawadi Kiprono") in listed(resolve(body, raw))


def test_roads_known_by_a_number_are_places() -> None:
    body = (
        "Crews closed 6th Street on Tuesday, and traffic on 2nd Avenue East backed up. "
        "The peach stands along U.S. 290 are busy, Route 9 flooded, and the new bakery "
        "sits on 100 Avenue."
    )
    raw = [at(body, "Avenue East", "FAC"), at(body, "U.S.", "GPE"), at(body, "100 Avenue", "FAC")]
    assert listed(resolve(body, raw)) == {
        ("place", "6th Street"),
        ("place", "2nd Avenue East"),
        ("place", "U.S. 290"),
        ("place", "Route 9"),
        ("place", "100 Avenue"),
    }


def test_a_longer_name_holding_a_numbered_road_keeps_it() -> None:
    body = "The 6th Street Bridge Authority approved the tolls on Monday."
    raw = [at(body, "The 6th Street Bridge Authority", "ORG")]
    assert ("place", "6th Street") not in listed(resolve(body, raw))


@pytest.mark.parametrize(
    ("body", "span", "label"),
    [
        ("The study links long Covid fatigue to muscle changes.", "Covid", "PERSON"),
        ("Volunteers joined the TB vaccine trial in Khayelitsha.", "TB", "ORG"),
    ],
)
def test_a_disease_is_no_name(body: str, span: str, label: str) -> None:
    assert span not in {name for _, name in listed(resolve(body, [at(body, span, label)]))}


@pytest.mark.parametrize(
    ("body", "span", "name"),
    [
        (
            "An Ogun State High Court on Tuesday halted the demolition.",
            "An Ogun State High Court",
            "Ogun State High Court",
        ),
        (
            "Police said an Ogun State High Court had halted it.",
            "an Ogun State High Court",
            "Ogun State High Court",
        ),
        ("An Post said the parcels would arrive on Friday.", "An Post", "An Post"),
        (
            "An Bord Pleanála granted permission for the wind farm.",
            "An Bord Pleanála",
            "An Bord Pleanála",
        ),
    ],
)
def test_an_opening_article_is_cut_but_never_the_irish_one(body: str, span: str, name: str) -> None:
    assert listed(resolve(body, [at(body, span, "ORG")])) == {("org", name)}


@pytest.mark.parametrize(
    ("body", "span", "label", "name"),
    [
        (
            "The Bursa Amateur Referees Association said attacks had tripled.",
            "Amateur Referees Association",
            "ORG",
            "Bursa Amateur Referees Association",
        ),
        (
            "Warman lead the Prairie Senior Hockey League by four points.",
            "Hockey League",
            "PERSON",
            "Prairie Senior Hockey League",
        ),
    ],
)
def test_the_words_between_the_and_a_bodys_name_open_it(
    body: str, span: str, label: str, name: str
) -> None:
    assert ("org", name) in listed(resolve(body, [at(body, span, label)]))


def test_a_country_between_the_and_a_bodys_name_stays_out() -> None:
    body = "The deal was referred to the UK Competition and Markets Authority on Monday."
    raw = [at(body, "Competition and Markets Authority", "ORG")]
    assert ("org", "Competition and Markets Authority") in listed(resolve(body, raw))


@pytest.mark.parametrize(
    ("body", "country"),
    [
        ("The U.S. 10-year Treasury yield rose on Friday.", "U.S."),
        ("Under the U.S. 2024 farm bill, growers get more.", "U.S."),
        ("Fans say the U.S. 2026 World Cup sold out.", "U.S."),
    ],
)
def test_numbers_after_a_country_are_no_roads(body: str, country: str) -> None:
    assert ("place", "United States") in listed(resolve(body, [at(body, country, "GPE")]))


def test_a_form_or_a_placing_with_a_number_is_no_road() -> None:
    body = "She filed an I-130 petition and came 2nd Place in the bake-off."
    assert not any(any(c.isdigit() for c in name) for _, name in listed(resolve(body, [])))


def test_a_zone_after_a_rank_of_police_is_no_one() -> None:
    body = "The Deputy Inspector General of Police Northern Zone said the roads were safe."
    assert not any(type_ == "person" for type_, _ in listed(resolve(body, [])))


@pytest.mark.parametrize(
    ("body", "span", "label"),
    [
        ("World champion An Se-young won the final.", "An Se-young", "PERSON"),
        ("She is head of A Plus Academy in Croydon.", "A Plus Academy", "ORG"),
    ],
)
def test_a_capitalised_a_or_an_inside_a_sentence_is_part_of_the_name(
    body: str, span: str, label: str
) -> None:
    assert span in {name for _, name in listed(resolve(body, [at(body, span, label)]))}


def test_a_deans_style_is_cut_with_the_title() -> None:
    body = "The guild thanked the dean, the Very Rev Graham Doyle, for hosting the show."
    raw = [at(body, "the Very Rev Graham Doyle", "FAC")]
    assert listed(resolve(body, raw)) == {("person", "Graham Doyle")}


def test_who_after_a_full_name_the_model_missed_marks_a_person() -> None:
    body = "In Athlone, Ciarán Mulvey, who was upgraded to a H2 in biology, said he was relieved."
    assert ("person", "Ciarán Mulvey") in listed(resolve(body, [at(body, "Athlone", "GPE")]))


def test_an_archdiocese_keeps_its_see() -> None:
    body = "The boreholes were blessed by the Catholic Archdiocese of Blantyre on Sunday."
    raw = [at(body, "the Catholic Archdiocese", "ORG"), at(body, "Blantyre", "GPE")]
    assert listed(resolve(body, raw)) == {("org", "Catholic Archdiocese of Blantyre")}


def test_paramount_qualifies_a_chiefs_title() -> None:
    body = "Paramount Chief Hawa Sandi welcomed the road, saying it would save lives."
    raw = [at(body, "Paramount", "ORG"), at(body, "Hawa Sandi", "PERSON")]
    assert listed(resolve(body, raw)) == {("person", "Hawa Sandi")}


def test_a_body_placed_in_a_few_of_many_sentences_stays_a_body() -> None:
    body = (
        "She grew up within Quenthism and left at twenty. Members of Quenthism say the "
        "group is gentle.\n\nShe spoke about Quenthism on radio. Quenthism denied her account. "
        "Few stay in Quenthism long."
    )
    labels = ("LOC", "ORG", "LOC", "ORG", "LOC")
    raw = [at(body, "Quenthism", label, n) for n, label in enumerate(labels)]
    assert listed(resolve(body, raw)) == {("org", "Quenthism")}


def test_a_partys_constituency_office_leaves_the_party_a_body() -> None:
    body = "The Labour constituency office in Hartlepool was closed on Friday."
    raw = [at(body, "Labour", "ORG"), at(body, "Hartlepool", "GPE")]
    assert ("org", "Labour") in listed(resolve(body, raw))
