"""Organisations as newspapers print them: names written in two halves around a dash, a first
word the model left out, bodies the type vote would file as places or people. Each test hands
`resolve` spans shaped like the model's (no model is loaded); bodies and people are invented,
places real.
"""

from __future__ import annotations

from index.entities.resolve import resolve
from tests.test_entities_error_kinds import at, listed


# Names written around a dash -----------------------------------------------------------------
def test_an_alliance_written_around_a_dash_is_one_name() -> None:
    body = (
        "Deputies from the Harbour Union – Baltic Green Farmers have questioned the plan. "
        "The ministry said the cost was fair."
    )
    raw = [at(body, "the Harbour Union", "ORG"), at(body, "Baltic Green", "PERSON")]
    raw.append(at(body, "Farmers", "NORP"))
    assert ("org", "Harbour Union – Baltic Green Farmers") in listed(resolve(body, raw))


def test_a_dash_before_a_name_the_article_uses_again_is_a_break() -> None:
    body = (
        "The deal was signed by Korvel Mining – Tarsk Copper will run the smelter. "
        "Tarsk Copper said output would rise."
    )
    raw = [at(body, "Korvel Mining", "ORG"), at(body, "Tarsk Copper", "ORG", 0)]
    raw.append(at(body, "Tarsk Copper", "ORG", 1))
    found = listed(resolve(body, raw))
    assert ("org", "Korvel Mining") in found and ("org", "Tarsk Copper") in found


def test_a_mastheads_dash_joins_nothing() -> None:
    body = "Valley Daily Post — Western Highlands desk\nRains closed 86 schools on Friday."
    raw = [at(body, "Valley Daily Post", "ORG"), at(body, "Western Highlands", "LOC")]
    assert ("org", "Valley Daily Post") in listed(resolve(body, raw))
