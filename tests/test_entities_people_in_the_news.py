"""People in the news whose names the rule layer cut, glued or mistyped on the bench's
development sets: the honorifics that became family names, and other shapes of names the
small model reads badly. Each test hands `resolve` the spans the model returned (no model is
loaded), as `extract` does after tagging; people are invented, places real.
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
        (
            "The clinic's new head, Dr Farzana Shaikh, said the ward would reopen in March.",
            "Farzana Shaikh",
        ),
        (
            "Their spokeswoman, Zubeida Rashid Haji, said the traders would go to court.",
            "Zubeida Rashid Haji",
        ),
    ],
)
def test_an_honorific_that_is_a_family_name_closes_a_persons_name(body: str, name: str) -> None:
    found = listed(resolve(body, [at(body, name, "PERSON")]))
    assert ("person", name) in found


def test_a_title_before_a_name_is_still_cut() -> None:
    body = "Pilgrims waited for hours to greet Grand Sheikh Tariq Almasi in Lahore on Friday."
    found = listed(resolve(body, [at(body, "Grand Sheikh Tariq Almasi", "PERSON")]))
    assert ("person", "Tariq Almasi") in found
