"""Names the model cut at "and" or at a lowercase connector, joined again. Each test hands
`resolve` the spans the model returns on such text (no model is loaded); the people and bodies
are invented, the places real.
"""

from __future__ import annotations

import pytest

from index.entities import gazetteer
from index.entities.resolve import resolve
from tests.test_entities_error_kinds import at, listed


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    gazetteer.warm()


# A place whose own name holds "and" (`andplaces.py`) -----------------------------------------


@pytest.mark.parametrize(
    ("body", "raw", "name"),
    [
        (
            "Waiting times across Yorkshire and the Humber rose again, said Corin Malby.",
            [("Yorkshire", "GPE"), ("Corin Malby", "PERSON")],
            "Yorkshire and the Humber",
        ),
        (
            "The Office for Kosovo and Metohija in Belgrade rejected the plan on Friday.",
            [("Office for Kosovo", "ORG"), ("Metohija", "GPE"), ("Belgrade", "GPE")],
            "Office for Kosovo and Metohija",
        ),
    ],
)
def test_a_place_named_with_and_is_one_name(body: str, raw: list[tuple], name: str) -> None:
    names = {n for _, n in listed(resolve(body, [at(body, text, label) for text, label in raw]))}
    assert name in names


def test_two_places_listed_with_and_stay_two() -> None:
    body = "Floods hit Kenya and Uganda last week, said Tavish Orme."
    raw = [at(body, "Kenya", "GPE"), at(body, "Uganda", "GPE"), at(body, "Tavish Orme", "PERSON")]
    names = {n for _, n in listed(resolve(body, raw))}
    assert {"Kenya", "Uganda"} <= names


# A foreign name runs on through its lowercase words (`connectors.py`) ------------------------


@pytest.mark.parametrize(
    ("body", "raw", "name"),
    [
        (
            "Pipes burst again, said the utility Toplovod i grijanje, which serves Split.",
            [("Toplovod", "ORG"), ("Split", "GPE")],
            "Toplovod i grijanje",
        ),
        (
            "The hostel is run by Kodomo no Sato Kitaku, a charity, said Emi Haruno.",
            [("Kodomo", "ORG"), ("Emi Haruno", "PERSON")],
            "Kodomo no Sato Kitaku",
        ),
    ],
)
def test_a_foreign_name_runs_through_its_lowercase_words(
    body: str, raw: list[tuple], name: str
) -> None:
    names = {n for _, n in listed(resolve(body, [at(body, text, label) for text, label in raw]))}
    assert name in names


def test_a_foreign_name_stops_at_an_english_word() -> None:
    body = "Toplovod said on Monday that Grendavik a week ago had paid."
    raw = [at(body, "Toplovod", "ORG"), at(body, "Grendavik", "ORG")]
    names = {n for _, n in listed(resolve(body, raw))}
    assert {"Toplovod", "Grendavik"} <= names


# A kind of land or water "of" somewhere is one place (`landforms.py`) -------------------------


@pytest.mark.parametrize(
    ("body", "raw", "name"),
    [
        (
            "Ferries were halted across the Gulf of Chiriquí on Tuesday, said Oriel Pask.",
            [("Chiriquí", "GPE"), ("Oriel Pask", "PERSON")],
            "Gulf of Chiriquí",
        ),
        (
            "Dockers at the Port of Callao walked out, said Ysolde Brack.",
            [("Callao", "GPE"), ("Ysolde Brack", "PERSON")],
            "Port of Callao",
        ),
    ],
)
def test_a_kind_of_land_or_water_of_somewhere_is_one_place(
    body: str, raw: list[tuple], name: str
) -> None:
    names = listed(resolve(body, [at(body, text, label) for text, label in raw]))
    assert ("place", name) in names


def test_a_lowercase_kind_is_only_a_description() -> None:
    body = "Ferries were halted across the gulf of Chiriquí on Tuesday, said Oriel Pask."
    raw = [at(body, "Chiriquí", "GPE"), at(body, "Oriel Pask", "PERSON")]
    assert ("place", "Chiriquí") in listed(resolve(body, raw))
