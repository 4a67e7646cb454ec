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
