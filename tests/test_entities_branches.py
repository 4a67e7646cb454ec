"""A well-known body's branch in a country is named by the body's name and the country's, with
nothing between: "Human Rights Watch Malawi", "Save the Children South Sudan". The lists know
the body; the country then belongs to the name. Each test hands `resolve` the spans the model
returned (no model is loaded).
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
    ("body", "country", "name"),
    [
        (
            "Human Rights Watch Malawi said the detentions were unlawful.",
            "Malawi",
            "Human Rights Watch Malawi",
        ),
        (
            "Save the Children South Sudan said the clinics had closed.",
            "South Sudan",
            "Save the Children South Sudan",
        ),
    ],
)
def test_a_known_bodys_branch_takes_the_countrys_name(body: str, country: str, name: str) -> None:
    assert listed(resolve(body, [at(body, country, "GPE")])) == {("org", name)}


def test_a_body_working_in_a_country_is_no_branch() -> None:
    body = "Staff of Human Rights Watch in Malawi said the detentions were unlawful."
    raw = [at(body, "Malawi", "GPE")]
    assert listed(resolve(body, raw)) == {("org", "Human Rights Watch"), ("place", "Malawi")}
