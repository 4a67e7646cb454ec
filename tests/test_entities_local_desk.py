"""A regional news desk: bushfires, councils, school boards and county sport, where a headline
often names the town its two-line body calls "the town". Each test hands `resolve` the spans the
model returned (no model is loaded); people and small organisations are invented, places real
where the gazetteer is the point.
"""

from __future__ import annotations

import pytest

from index.entities import gazetteer
from index.entities.resolve import resolve
from tests.test_entities_error_kinds import listed


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    gazetteer.warm()


@pytest.mark.parametrize(
    ("title", "place"),
    [
        ("Residents told to leave as grass fire burns near Bunbury", "Bunbury"),
        ("Grass Fire Near Bunbury Forces Evacuations", "Bunbury"),
        ("Measles cases climb in Metro Manila", "Metro Manila"),
        ("Late Okafor header earns a draw at Villa Park", "Villa Park"),
    ],
)
def test_a_place_the_headline_sets_the_story_in_is_listed(title: str, place: str) -> None:
    # the model tagged nothing in the headline; the body calls it only "the town"
    body = "Crews worked through the night, a fire service spokeswoman said."
    assert ("place", place) in listed(resolve(body, [], title, []))


@pytest.mark.parametrize(
    "title",
    [
        "Pay talks stall at Barclays",  # an organisation the lists know
        "Shops shut in Kenyan capital",  # a demonym
        "Hope fades in Reading",  # an English word: may be the verb's object
    ],
)
def test_a_headline_name_after_a_placing_word_must_be_a_place_the_lists_know(title: str) -> None:
    body = "The union said members would meet again next week."
    assert not any(t == "place" for t, _ in listed(resolve(body, [], title, [])))
