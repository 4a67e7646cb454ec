"""Venues, villages and districts: the sites and localities a local story names, and the words
around them that say so (found on the bench's development sets). Each test hands `resolve` the
spans the model returned (no model is loaded); people are invented, places real or invented.
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
    ("body", "name"),
    [
        ("Fish smokers at Anyanui said the catch had fallen by half since August.", "Anyanui"),
        ("The new clinics at Lumbadzi were set up with tents and beds.", "Lumbadzi"),
    ],
)
def test_one_word_at_or_from_which_someone_stands_is_a_village(body: str, name: str) -> None:
    found = listed(resolve(body, [at(body, name, "ORG")]))
    assert ("place", name) in found
    assert ("org", name) not in found


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("The quarterback turned down offers from Ole Miss and Auburn on Friday.", "Ole"),
        ("Nurses were using water from JoJo tanks on the roof, a nurse said.", "JoJo"),
        (
            "Vanderbilt Medical Centre treated him for weeks. A therapist at Vanderbilt said so.",
            "Vanderbilt",
        ),
    ],
)
def test_a_word_that_opens_a_longer_name_or_a_coinage_is_no_village(body: str, name: str) -> None:
    raw = [at(body, name, "ORG", -1)]
    assert ("place", name) not in listed(resolve(body, raw))


def test_a_headlines_river_is_the_bodys_river_with_its_kind() -> None:
    title = "Drina bursts its banks near Foča"
    body = "The Drina River rose two metres overnight, officials in Foča said on Sunday."
    raw = [at(body, "Drina River", "LOC"), at(body, "Foča", "GPE")]
    title_raw = [at(title, "Drina", "GPE"), at(title, "Foča", "GPE")]
    found = listed(resolve(body, raw, title, title_raw))
    assert ("place", "Drina River") in found
    assert ("place", "Drina") not in found


def test_a_headlines_town_is_no_river_when_the_body_names_its_bodies() -> None:
    title = "Drina families feel the pinch as prices rise"
    body = (
        "Flood water from the Drina River reached the school. The Drina Town Council said on "
        "Monday that the food bank was running low."
    )
    raw = [at(body, "Drina River", "LOC"), at(body, "Drina Town Council", "ORG")]
    title_raw = [at(title, "Drina", "GPE")]
    assert ("place", "Drina") in listed(resolve(body, raw, title, title_raw))


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("Engineers said the Lusiwasi pump station had failed on Friday night.", "Lusiwasi"),
        ("Traffic backed up from the Mbelele roundabout to the city centre.", "Mbelele"),
        ("Lorries queued for a week at the Mwami turnoff before the border.", "Mwami"),
    ],
)
def test_works_and_crossings_named_after_where_they_stand_place_the_name(
    body: str, name: str
) -> None:
    found = listed(resolve(body, [at(body, name, "ORG")]))
    assert ("place", name) in found
    assert ("org", name) not in found


def test_a_known_company_before_its_mine_stays_the_company() -> None:
    body = "Workers at the Glencore mine walked out on Monday over unpaid bonuses."
    assert ("org", "Glencore") in listed(resolve(body, [at(body, "Glencore", "ORG")]))


def test_a_provinces_dotted_short_form_in_a_headline_is_a_place() -> None:
    title = "P.E.I. mussel farmers count losses after storm"
    body = "Growers near Souris said a third of their lines were torn loose on Sunday night."
    raw = [at(body, "Souris", "GPE")]
    assert ("place", "P.E.I.") in listed(resolve(body, raw, title, []))


def test_an_era_in_a_headline_is_no_province() -> None:
    title = "Farmstead from 400 B.C. found under Souris car park"
    body = "Archaeologists near Souris said the farmstead was older than they had thought."
    raw = [at(body, "Souris", "GPE")]
    assert ("place", "B.C.") not in listed(resolve(body, raw, title, []))


@pytest.mark.parametrize(
    "name", ["Kalimba Lifestyle Shopping Centre", "Mpongwe Civic Centre", "Lusaka Events Centre"]
)
def test_a_hall_or_a_mall_named_by_its_kind_is_a_place(name: str) -> None:
    body = f"Minibus drivers said their routes to {name} would become longer from Monday."
    found = listed(resolve(body, [at(body, name, "ORG")]))
    assert ("place", name) in found


def test_a_health_centre_stays_the_body_that_runs_it() -> None:
    body = "Minibus drivers said their routes to Mpongwe Health Centre would become longer."
    raw = [at(body, "Mpongwe Health Centre", "ORG")]
    assert ("org", "Mpongwe Health Centre") in listed(resolve(body, raw))


def test_a_name_ending_in_town_is_a_place() -> None:
    body = "Shopkeepers in Qasim Town blocked the road on Friday. Qasim Town traders said so."
    raw = [at(body, "Qasim Town", "PERSON"), at(body, "Qasim Town", "PERSON", 1)]
    found = listed(resolve(body, raw))
    assert ("place", "Qasim Town") in found
    assert ("person", "Qasim Town") not in found


def test_a_towns_side_stays_the_side() -> None:
    body = "Ipswich Town beat Luton 2-1 on Saturday to climb to fourth in the table."
    raw = [at(body, "Ipswich Town", "ORG"), at(body, "Luton", "GPE")]
    assert ("org", "Ipswich Town") in listed(resolve(body, raw))


@pytest.mark.parametrize(
    ("body", "names", "label"),
    [
        (
            "Councillors toured Kandeni, Mvumbi and Tsalani informal settlements on Monday.",
            ("Kandeni", "Mvumbi", "Tsalani"),
            "PERSON",
        ),
        (
            "Levels at the Mwenda and Upper Kaswa dams fell below a fifth.",
            ("Mwenda", "Upper Kaswa"),
            "ORG",
        ),
        (
            "Farmers in Nyakiga and Rubona sectors lost most of the crop.",
            ("Nyakiga", "Rubona"),
            "PERSON",
        ),
    ],
)
def test_names_listed_before_a_plural_kind_of_locality_are_places(
    body: str, names: tuple[str, ...], label: str
) -> None:
    found = listed(resolve(body, [at(body, name, label) for name in names]))
    for name in names:
        assert ("place", name) in found, (name, found)


def test_bodies_listed_before_a_plural_kind_stay_bodies() -> None:
    body = "Glencore and Anglo American mines were shut for the inspection, the ministry said."
    found = listed(resolve(body, [at(body, "Glencore", "ORG"), at(body, "Anglo American", "ORG")]))
    assert ("org", "Glencore") in found and ("org", "Anglo American") in found


@pytest.mark.parametrize(
    ("body", "first", "town"),
    [
        ("Tea growers said picking had stopped on farms in Kericho and Nandi.", "Kericho", "Nandi"),
        (
            "Turnout was highest in Nalanda and Gaya, the commission said on Friday.",
            "Nalanda",
            "Gaya",
        ),
    ],
)
def test_a_town_after_a_place_and_and_is_a_place(body: str, first: str, town: str) -> None:
    assert ("place", town) in listed(resolve(body, [at(body, first, "GPE")]))


def test_a_town_after_a_person_and_and_is_no_place() -> None:
    body = "Officers questioned Amos Kiprop and Nandi on Friday."
    assert ("place", "Nandi") not in listed(resolve(body, [at(body, "Amos Kiprop", "PERSON")]))
