"""Places the model misses or mistypes for what is written around them: a list the model cut
in the middle, names before the lowercase kind they share ("the Tigris and Euphrates rivers").
Each test runs the public `extract` on an invented story: people, bodies and quotes are
invented, places real.
"""

from __future__ import annotations

import pytest

from index.entities import extract, gazetteer
from index.entities.resolve import resolve
from tests.test_entities_error_kinds import at, listed


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    gazetteer.warm()


def _listed(title: str, body: str) -> set[tuple[str, str]]:
    [entities] = extract([(title, body)])
    return {(e.type, e.name) for e in entities}


def test_a_span_that_stops_inside_a_list_of_towns_holds_one_name_per_part() -> None:
    found = _listed(
        "Show draws record crowd",
        'The showground was packed on Saturday. "We had utes from Junee, Lockhart and Tumut '
        'parked along the fence by nine," said organiser Bev Thorncliffe. Patients from '
        "Landhi, Malir and as far as Thatta use the clinic.",
    )
    names = {name for _, name in found}
    assert not any(", " in name for name in names)
    assert ("place", "Lockhart") in found or ("place", "Malir") in found


def test_a_name_with_a_suffix_after_its_comma_stays_whole() -> None:
    from index.entities.commalists import comma_parts

    body = "Tributes came from Acme, Inc and from Landhi, Malir."
    assert comma_parts(body, body.index("Acme"), body.index(" and")) is None
    start = body.index("Landhi")
    assert comma_parts(body, start, body.index(".")) == [
        (start, start + 6),
        (start + 8, start + 13),
    ]


def test_names_listed_before_a_plural_kind_of_place_are_places() -> None:
    found = _listed(
        "Miners blamed for muddy water",
        "Galamsey crews have turned stretches of the Ankobra and Tano rivers brown, said Kojo "
        "Mensah-Bonsu of the Western Water Watch. Farmers in the Sefwi, Bibiani and Juaboso "
        "districts say their wells are silting up.",
    )
    assert ("place", "Ankobra") in found
    assert ("place", "Tano") in found
    assert ("place", "Juaboso") in found


def test_peoples_and_plain_words_before_a_plural_kind_are_no_places() -> None:
    from index.entities.kindlists import listed_before_kinds

    body = "Aid reached the Kurdish and Arab districts, and the Northern and Eastern provinces."
    assert listed_before_kinds(body) == []


def test_compass_and_ordinal_words_before_a_plural_kind_are_no_places() -> None:
    from index.entities.patterns import place_phrases

    body = (
        "Relief trucks left Lusaka for the Northern and Eastern provinces, where maize prices "
        "have doubled since June, said grain trader Musonda Phiri. Voters in the Second and "
        "Fifth districts and in the Ashanti and Northern regions queued for hours."
    )
    phrases = {body[s:e] for s, e in place_phrases(body)}
    assert "Ashanti" in phrases
    assert not phrases & {"Northern", "Eastern", "Second", "Fifth"}
    found = _listed("Maize prices double", body)
    assert ("place", "Lusaka") in found
    assert not {name for _, name in found} & {"Northern", "Eastern", "Second", "Fifth"}


def test_a_surname_given_as_an_example_of_settlements_is_a_town() -> None:
    from index.entities.kindlists import named_after_kinds

    body = (
        "Union head Marisol Okafor-Tait said the deal pays nurses who move to northern "
        "communities such as Thompson and Gillam. Staff in towns like Brown said little."
    )
    assert [body[s:e] for s, e in named_after_kinds(body)] == ["Thompson", "Gillam"]
    found = _listed("Nurses back pay deal", body)
    assert ("place", "Thompson") in found
    assert ("org", "Thompson") not in found


def test_a_name_before_a_lowercase_kind_of_water_is_a_place() -> None:
    found = _listed(
        "Canal overflows into market",
        "Traders lost stock on Tuesday after the Owode Onirin canal overflowed, said market "
        "leader Bisi Adegoke-Ranti. Engineers said the Sungai Kedah river was also rising.",
    )
    assert ("place", "Owode Onirin") in found


def test_a_name_before_a_lowercase_kind_of_site_is_a_place_unless_a_known_body() -> None:
    from index.entities.kindlists import named_before_site_kinds

    body = (
        "Police were deployed at the Xiquelene terminal on Monday, and students at its "
        "Nakamozu campus protested, as did staff on the Harvard campus."
    )
    spans = named_before_site_kinds(body)
    assert [body[s:e] for s, e in spans] == ["Xiquelene", "Nakamozu"]
    found = _listed("Drivers strike", body)
    assert ("place", "Xiquelene") in found


def test_a_person_shaped_name_among_places_a_preposition_opens_is_a_place() -> None:
    # invented: the model read the mining town as a man, as it reads many towns
    body = (
        "Road trains were parked for a second day on haul roads near Paraburdoo and "
        "Tom Price, the shire's works manager Dale Kimber said on Tuesday."
    )
    raw = [at(body, "Paraburdoo", "GPE"), at(body, "Tom Price", "PERSON")]
    found = listed(resolve(body, raw))
    assert ("place", "Tom Price") in found
    assert ("person", "Tom Price") not in found


def test_a_person_named_beside_a_place_keeps_his_type() -> None:
    body = "Crews from Paraburdoo and Tom Price said the roads were closed."
    raw = [at(body, "Paraburdoo", "GPE"), at(body, "Tom Price", "PERSON")]
    found = listed(resolve(body, raw))
    assert ("person", "Tom Price") in found


def test_a_person_shaped_name_before_its_airport_is_the_place() -> None:
    body = "Two carriers cancelled all flights to Phu Bai airport on Thursday as water rose."
    found = listed(resolve(body, [at(body, "Phu Bai", "PERSON")]))
    assert ("place", "Phu Bai") in found


def test_a_town_that_is_a_word_too_paired_with_a_place_is_found() -> None:
    # invented: the model tagged the first city only
    body = "Detectives searched four homes in Rotterdam and Delft before dawn on Monday."
    found = listed(resolve(body, [at(body, "Rotterdam", "GPE")]))
    assert ("place", "Delft") in found


def test_a_town_after_a_place_and_or_is_found() -> None:
    body = "Shoppers now drive to Gloucester or Hereford for the discount stores."
    found = listed(resolve(body, [at(body, "Gloucester", "GPE")]))
    assert ("place", "Hereford") in found


def test_a_route_from_a_place_ends_at_a_place() -> None:
    # invented: the model read the town at the route's end as a man
    body = "The board will move the maternity ward from Dannevirke to Hastings next year."
    raw = [at(body, "Dannevirke", "GPE"), at(body, "Hastings", "PERSON")]
    found = listed(resolve(body, raw))
    assert ("place", "Hastings") in found


def test_a_route_to_a_full_name_shaped_like_someones_keeps_the_person() -> None:
    # invented: money goes from a town to someone, who is no town
    body = "The ransom was wired from Lagos to Emeka Okafor on Monday, police in Abuja said."
    raw = [
        at(body, "Lagos", "GPE"),
        at(body, "Emeka Okafor", "PERSON"),
        at(body, "Abuja", "GPE"),
    ]
    assert ("person", "Emeka Okafor") in listed(resolve(body, raw))


def test_a_place_span_ending_in_its_kind_takes_the_capitalised_words_before_it() -> None:
    # the model cut the title off a road and the town off a quarter, and read the road as someone
    body = (
        "Traffic backed up on Sheikh Zayed Bin Sultan Road after a water main burst. Hawkers "
        "near Accra Makola Square said trade was slow, and the match moved to Old Kenyatta "
        "Stadium on Sunday."
    )
    raw = [
        at(body, "Zayed Bin Sultan Road", "PERSON"),
        at(body, "Accra", "GPE"),
        at(body, "Makola Square", "FAC"),
        at(body, "Kenyatta Stadium", "PERSON"),
    ]
    found = listed(resolve(body, raw))
    assert ("place", "Sheikh Zayed Bin Sultan Road") in found
    assert ("place", "Accra Makola Square") in found
    assert ("place", "Old Kenyatta Stadium") in found
    assert not {n for t, n in found if n in ("Zayed Bin Sultan Road", "Makola Square")}


def test_a_kind_opening_a_sentence_does_not_take_a_plain_word_before_it() -> None:
    body = "Outside Lakeside Park, the queue ran for a mile, said steward Ola Brennan."
    found = listed(resolve(body, [at(body, "Lakeside Park", "FAC")]))
    assert ("place", "Lakeside Park") in found


def test_a_plain_noun_listed_with_a_name_before_their_plural_kind_is_one_of_them() -> None:
    # "Crater" is an English noun; the list and its kind make it a place
    body = "Exchange shops closed in Aden's Crater and Sheikh Othman districts, traders said."
    raw = [
        at(body, "Aden", "GPE"),
        at(body, "Crater", "PERSON"),
        at(body, "Sheikh Othman", "PERSON"),
    ]
    found = listed(resolve(body, raw))
    assert ("place", "Crater") in found
    assert ("person", "Crater") not in found


def test_settlements_given_as_examples_of_their_kind_are_places() -> None:
    # the model read one village as a body, the other as nobody
    body = (
        "The cyclone cut power to villages such as Namuka, Tavuki and Daku, the Fiji Roads "
        "Authority said, and boats reached islands including Matuku by Tuesday."
    )
    raw = [at(body, "Namuka", "ORG"), at(body, "Fiji Roads Authority", "ORG")]
    found = listed(resolve(body, raw))
    for town in ("Namuka", "Tavuki", "Daku", "Matuku"):
        assert ("place", town) in found
    assert ("org", "Namuka") not in found


def test_a_person_whose_surname_is_a_kind_of_place_takes_no_title_into_a_place() -> None:
    body = "Rovers lost 2-0 at home. Head Coach Brian Field said the squad was tired."
    raw = [at(body, "Rovers", "ORG"), at(body, "Brian Field", "PERSON")]
    found = listed(resolve(body, raw))
    assert ("person", "Brian Field") in found
    assert not {n for t, n in found if "Head" in n}


def test_an_operators_acronym_before_a_station_stays_out_of_its_name() -> None:
    body = "Vendors have sold noodles near the BTS Chong Nonsi Square exit for years, one said."
    found = listed(resolve(body, [at(body, "Chong Nonsi Square", "FAC")]))
    assert ("place", "Chong Nonsi Square") in found


def test_a_day_or_a_month_in_full_opens_no_place_before_its_kind() -> None:
    """ "On Tuesday" + "Victoria Station": the day is when, not part of the station's name
    (the calendar list holds only abbreviations)."""
    for body, span, name, when in [
        (
            "On Tuesday Victoria Station was closed, said Ilse Varga.",
            "Victoria Station",
            "FAC",
            "Tuesday",
        ),
        (
            "Last Friday Marina Bay City hosted the race, said Ilse Varga.",
            "Bay City",
            "GPE",
            "Friday",
        ),
        ("By March Harbour Road was open again, said Ilse Varga.", "Harbour Road", "FAC", "March"),
    ]:
        raw = [at(body, span, name), at(body, "Ilse Varga", "PERSON")]
        found = listed(resolve(body, raw))
        assert any(n.endswith(span) for t, n in found if t == "place"), (body, found)
        assert not any(when in n for _, n in found), (body, found)
