"""How a person's name is found and cut: the titles, trades and particles around it, and the
names of places and gatherings that only look like a person's (found on the bench's
development sets). Each test hands `resolve` the spans the model returned (no model is
loaded); people are invented, places real or invented.
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
        ("Rahim Town traders blocked the road on Tuesday.", "Rahim Town"),
        ("Power returned to Felix Estates late on Sunday.", "Felix Estates"),
        ("The Mallow Arts Festival moves to October next year.", "Arts Festival"),
        ("Crowds at the Dunmore Show broke the record set in 2019.", "Dunmore Show"),
    ],
)
def test_a_name_closing_with_a_kind_of_place_or_gathering_is_no_person(
    body: str, name: str
) -> None:
    found = listed(resolve(body, [at(body, name, "PERSON")]))
    assert ("person", name) not in found


def test_a_titled_name_closing_with_such_a_word_stays_a_person() -> None:
    # a title before it settles it, whatever the last word is
    body = "Mayor Kofi Town said the market would reopen. Town said the council would pay."
    found = listed(resolve(body, [at(body, "Mayor Kofi Town", "PERSON")]))
    assert ("person", "Kofi Town") in found
