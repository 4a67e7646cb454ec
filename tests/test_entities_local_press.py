"""The local desks of the English-language press outside the English-speaking world, and the
small places and founders' names the longer lists now hold. Each test hands `resolve` the spans
the model returned (no model is loaded); people and small organisations are invented, places
real where the gazetteer is the point.
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
    ("body", "span", "name"),
    [
        (
            "Herder Dulamyn Erdenechimeg, 52, said the snow came early. "
            '"We sold the horses," Erdenechimeg said.',
            "Herder Dulamyn Erdenechimeg",
            "Dulamyn Erdenechimeg",
        ),
        (
            "The choir won the regional title. Principal Tāne Whakaruru said the pupils had "
            "practised for months. Whakaruru thanked the parents.",
            "Principal Tāne Whakaruru",
            "Tāne Whakaruru",
        ),
        (
            "Seamer Kavin Raghunathan took three wickets before lunch. Raghunathan later "
            "said the pitch had helped.",
            "Seamer Kavin Raghunathan",
            "Kavin Raghunathan",
        ),
    ],
)
def test_a_calling_opening_the_sentence_is_no_part_of_the_name(
    body: str, span: str, name: str
) -> None:
    assert listed(resolve(body, [at(body, span, "PERSON")])) == {("person", name)}


@pytest.mark.parametrize(
    ("body", "span"),
    [
        # a given name some list holds stays: "Rose" is a name as well as a flower
        ("Rose Ellen Parry, 61, said the market had moved. Parry sells fruit.", "Rose Ellen Parry"),
        # written mid-sentence too, the first word is part of the name
        (
            "Sugar Ray Okonjo won on points. Fans cheered Sugar Ray Okonjo. Okonjo said little.",
            "Sugar Ray Okonjo",
        ),
        # the surname is never written alone: nothing shows the first word is a calling
        (
            "Principal Tāne Whakaruru said the pupils had practised for months.",
            "Principal Tāne Whakaruru",
        ),
    ],
)
def test_a_name_opening_the_sentence_keeps_its_first_word(body: str, span: str) -> None:
    assert listed(resolve(body, [at(body, span, "PERSON")])) == {("person", span)}


def test_a_founders_school_keeps_its_name_when_a_village_bears_it() -> None:
    # "Ashwell" is a village in Hertfordshire the place lists hold; here a founder's name
    body = "Pupils of Ashwell's Grammar School performed on Friday, the head teacher said."
    raw = [at(body, "Grammar School", "ORG")]
    assert ("org", "Ashwell's Grammar School") in listed(resolve(body, raw))
