"""Bodies named in Spanish, Portuguese, French or Italian inside English news
(`romanceorgs.py`). Each test hands `resolve` the spans the model returned (no model is
loaded); the bodies are invented, the kinds and connectors real.
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
        # the model stopped at the first lowercase connector
        (
            "Stallholders of the Associação dos Comerciantes do Mercado Velho met the mayor.",
            "Associação",
            "Associação dos Comerciantes do Mercado Velho",
        ),
        # ... or part-way, at a connector of two words
        (
            "The Coordinadora de Pueblos Unidos por el Agua filed the suit in March.",
            "Coordinadora de Pueblos Unidos",
            "Coordinadora de Pueblos Unidos por el Agua",
        ),
        # an elided article, then "et", then a place
        (
            "The Groupement des Pêcheurs et Mareyeurs de l'Île de Gorée asked for quotas.",
            "Groupement des Pêcheurs",
            "Groupement des Pêcheurs et Mareyeurs de l'Île de Gorée",
        ),
    ],
)
def test_a_romance_bodys_name_goes_on_over_its_connectors(body: str, span: str, name: str) -> None:
    assert listed(resolve(body, [at(body, span, "ORG")])) == {("org", name)}


def test_a_romance_body_the_model_missed_is_found_by_its_kind() -> None:
    body = "Families of the missing complained to the Defensoría del Pueblo on Monday."
    assert listed(resolve(body, [])) == {("org", "Defensoría del Pueblo")}


@pytest.mark.parametrize(
    "body",
    [
        # a place's kind is no body's
        "Crowds gathered in the Plaza de Mayo on Thursday night.",
        # a name in brackets after an English one is that body's name at home, not another body
        "The Ombudsman (Defensoría del Pueblo) opened an inquiry on Monday.",
    ],
)
def test_no_romance_body_is_made_of_a_place_or_a_bracketed_name(body: str) -> None:
    # (the square itself is a place the gazetteer may find: "Plaza de Mayo" is no body)
    assert not any(
        t == "org" and (name == "Defensoría del Pueblo" or "Plaza" in name)
        for t, name in listed(resolve(body, []))
    )
