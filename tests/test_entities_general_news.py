"""General news of the English-speaking world's local and regional desks: councils, courts,
pubs and clubs, suburbs and streets, saints' names and the outlets a page credits (found on the
bench's sets AA and AB). Each test hands `resolve` the spans the model returned (no model is
loaded); people and small organisations are invented, places real where the gazetteer is the
point.
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
    ("span", "streets"),
    [
        ("Bank Street and Castle Street", {"Bank Street", "Castle Street"}),
        ("Mill Lane and Orchard Walk", {"Mill Lane", "Orchard Walk"}),
    ],
)
def test_two_streets_in_one_span_are_two_streets(span: str, streets: set[str]) -> None:
    # one span of the model's; an organisation word ("Bank") opening a street's name
    body = f"Drivers should expect queues on {span} while the bridge is shut."
    assert listed(resolve(body, [at(body, span, "FAC")])) == {("place", s) for s in streets}


def test_a_street_after_on_is_where_the_venue_stands() -> None:
    body = "Ailsa Drummond, who runs the Heron Bar and Rooms on Kirk Street, said trade had fallen."
    found = listed(resolve(body, [at(body, "Rooms on Kirk Street", "ORG")]))
    assert ("place", "Kirk Street") in found, found
    assert not any("Kirk Street" in n for t, n in found if t != "place"), found


@pytest.mark.parametrize(
    ("body", "place"),
    [
        ("The bins were late again, Tarnwick resident Ellen Moyo told the meeting.", "Tarnwick"),
        ("Councillors heard that Kilbarrack residents had waited a week.", "Kilbarrack"),
        # a sentence opening with the plural, before a town the lists know
        ("Residents of Chatsworth blocked the road with burning tyres.", "Chatsworth"),
    ],
)
def test_where_residents_live_is_a_place(body: str, place: str) -> None:
    # the model tagged no place; the people living there say it is one
    raw = [at(body, "Ellen Moyo", "PERSON")] if "Ellen Moyo" in body else []
    assert ("place", place) in listed(resolve(body, raw)), listed(resolve(body, raw))


@pytest.mark.parametrize(
    "body",
    [
        "Local residents told the meeting the bins were late.",
        "Many residents said the water had been off for a week.",
        "UN resident coordinator Ama Owusu said aid would arrive.",
        "How villagers cope without a bridge is the council's worry.",
    ],
)
def test_residents_after_a_word_or_an_acronym_say_nothing(body: str) -> None:
    raw = [at(body, "Ama Owusu", "PERSON")] if "Ama Owusu" in body else []
    assert not any(t == "place" for t, _ in listed(resolve(body, raw)))


def test_a_headline_names_where_its_residents_live() -> None:
    title = "Tarnwick residents to get fortnightly green bins from March"
    body = "The council said collections would start in the spring."
    assert ("place", "Tarnwick") in listed(resolve(body, [], title, []))


def test_a_given_name_and_a_full_name_are_a_couple() -> None:
    # the model read the full name as a place (a town is named Kendal); the given name
    # before "and" says who
    body = "The shop was due to close when owners Terry and Jan Kendal retire next month."
    raw = [at(body, "Terry", "PERSON"), at(body, "Jan Kendal", "GPE")]
    assert listed(resolve(body, raw)) == {("person", "Terry"), ("person", "Jan Kendal")}


@pytest.mark.parametrize(
    ("body", "span", "label"),
    [
        ("The club will hold a farewell dinner at the Kowhai Tavern on Friday.", "Kowhai Tavern", "FAC"),
        ("Local brewer Ravensbourne Fermentation has shut its taproom.", "Ravensbourne Fermentation", "PERSON"),
        ("Breakfast at the Tullow Inn now costs twice what it did.", "Tullow Inn", "FAC"),
    ],
)  # fmt: skip
def test_a_pub_a_brewer_or_an_inn_is_the_business(body: str, span: str, label: str) -> None:
    assert listed(resolve(body, [at(body, span, label)])) == {("org", span)}


def test_a_promenade_is_a_street() -> None:
    body = "The band will play a free concert on Okoro Promenade next month."
    assert listed(resolve(body, [at(body, "Okoro Promenade", "PERSON")])) == {
        ("place", "Okoro Promenade")
    }


@pytest.mark.parametrize(
    ("kind", "other"), [("Theatre", "National Theatre"), ("Pavilion", "Rose Pavilion")]
)
def test_a_venue_after_a_town_the_article_names_is_one_name(kind: str, other: str) -> None:
    # "Kelvin" is used alone, and the kind ends another name: still no person "Grand …"
    body = (
        f"The company moves into the Kelvin Grand {kind}'s studio in April, Kelvin council "
        f"said. Its founder trained at the {other} in London."
    )
    raw = [
        at(body, f"Kelvin Grand {kind}'s", "FAC"),
        at(body, "Kelvin", "GPE", 1),
        at(body, other, "ORG"),
    ]
    found = listed(resolve(body, raw))
    assert any(n == f"Kelvin Grand {kind}" for _, n in found), found
    assert not any(t == "person" for t, _ in found), found
    if kind == "Theatre":  # a theatre is the company that runs it, as most readers list it
        assert ("org", "Kelvin Grand Theatre") in found, found


@pytest.mark.parametrize(
    ("body", "span", "name"),
    [
        (
            "The Harbour Transit Workers Union Local 413, which represents drivers, objected.",
            "Harbour Transit Workers Union Local",
            "Harbour Transit Workers Union Local 413",
        ),
        (
            "Members of Kilwinning Masonic Lodge 27 met on Tuesday.",
            "Kilwinning Masonic Lodge",
            "Kilwinning Masonic Lodge 27",
        ),
    ],
)
def test_a_unions_local_keeps_its_number(body: str, span: str, name: str) -> None:
    # the model left the number out of the name
    assert listed(resolve(body, [at(body, span, "ORG")])) == {("org", name)}


def test_a_romance_article_the_model_tagged_alone_opens_the_name_after_it() -> None:
    # "Las" read as a place, "Pircas" as a person: one mine
    body = "Farmers blocked the road to the Las Pircas copper mine on Thursday."
    raw = [at(body, "Las", "GPE"), at(body, "Pircas", "PERSON")]
    found = listed(resolve(body, raw))
    assert any(n == "Las Pircas" for _, n in found), found
    assert not any(n in ("Las", "Pircas") for _, n in found), found


@pytest.mark.parametrize(
    ("body", "span", "ground", "city"),
    [
        ("The second Test starts at the Wanganui Oval in Auckland on Friday.", "Wanganui Oval in Auckland", "Wanganui Oval", "Auckland"),
        ("Fans queued outside the Kelburn in Brisbane before dawn.", "Kelburn in Brisbane", "Kelburn", "Brisbane"),
    ],
)  # fmt: skip
def test_a_ground_and_the_city_it_stands_in_are_two_places(
    body: str, span: str, ground: str, city: str
) -> None:
    assert listed(resolve(body, [at(body, span, "FAC")])) == {("place", ground), ("place", city)}


def test_a_saints_possessive_is_in_the_name() -> None:
    body = "Crowds filled St Columb's Park. St. Brendan's beat Villanova 71-64 on Saturday."
    found = listed(resolve(body, [at(body, "St. Brendan's", "ORG")]))
    assert any(n == "St Columb's Park" for _, n in found), found
    assert any(n == "St. Brendan's" for _, n in found), found
    assert not any(n in ("St Columb", "St. Brendan") for _, n in found), found


def test_a_saints_possessive_goes_on_with_the_name_after_it() -> None:
    body = "Holders St Kieran's Gaels won the county final on Sunday, their first since 1994."
    found = listed(resolve(body, [at(body, "St Kieran's", "ORG")]))
    assert [n for _, n in found] == ["St Kieran's Gaels"], found


@pytest.mark.parametrize(
    ("body", "span", "type_"),
    [
        # the model's person, only ever "in": a district no list knows
        ("Some growers in Ahenkro Dumase had waited since October for payment.", "Ahenkro Dumase", "place"),
        # what one has in someone, or a possessive, keeps the person
        ("Backbenchers said they had lost confidence in Tobias Renwick.", "Tobias Renwick", "person"),
        ("The change was made in Tobias Renwick's first week.", "Tobias Renwick", "person"),
    ],
)  # fmt: skip
def test_a_full_name_only_ever_placed_is_a_place(body: str, span: str, type_: str) -> None:
    assert listed(resolve(body, [at(body, span, "PERSON")])) == {(type_, span)}


def test_a_town_stays_apart_from_its_municipality() -> None:
    # "X Municipality" is the council; "in X" the town
    body = (
        "In Tårnby, the plant employs 900 people. Mayor Birgit Holm of Tårnby Municipality "
        "welcomed the deal, and shops in Tårnby expect more trade."
    )
    raw = [
        at(body, "Tårnby", "GPE", 0),
        at(body, "Birgit Holm", "PERSON"),
        at(body, "Tårnby Municipality", "GPE"),
        at(body, "Tårnby", "ORG", 2),
    ]
    found = listed(resolve(body, raw))
    assert {("place", "Tårnby"), ("org", "Tårnby Municipality")} <= found, found


@pytest.mark.parametrize(
    ("title", "place"),
    [
        ("East Leeds bus route cut back as roadworks begin", "East Leeds"),
        ("North Belfast Glider stops moved for six weeks", "North Belfast"),
        ("Central Committee votes to delay the congress", None),
    ],
)
def test_a_headline_opening_with_a_part_of_a_big_city(title: str, place: str | None) -> None:
    body = "The council said the works would last six weeks."
    places = {n for t, n in listed(resolve(body, [], title, [])) if t == "place"}
    assert places == ({place} if place else set()), places
