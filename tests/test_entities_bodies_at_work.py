"""Organisations at work in the news: a firm's registered name the model cut, a firm named in
full and then short, bodies whose names the model cut or glued. Each test hands `resolve` the
spans the model returns on such text (no model is loaded, so the evidence cannot drift with a
batch); bodies and people are invented.
"""

from __future__ import annotations

import pytest

from index.entities import gazetteer
from index.entities.resolve import resolve
from tests.test_entities_error_kinds import at, listed


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    gazetteer.warm()


# A registered name runs to its legal form (`registered.py`) ---------------------------------


@pytest.mark.parametrize(
    ("body", "raw", "name"),
    [
        # the model stopped before the form
        (
            "Workers marched to save Kransberg Alloys (Pty) Ltd, a struggling smelter.",
            [("Kransberg Alloys", "ORG")],
            "Kransberg Alloys (Pty) Ltd",
        ),
        (
            "The club's sponsor, Warmińska Energia sp. z o.o., pledged new money.",
            [("Warmińska Energia", "ORG")],
            "Warmińska Energia sp. z o.o.",
        ),
        # ... at a connector of another language
        (
            "Regulators approved the purchase of Drogarias Vitória do Norte SA on Monday.",
            [("Drogarias Vitória", "ORG")],
            "Drogarias Vitória do Norte SA",
        ),
        # ... after the first word of a sentence's name, read as someone
        (
            "KUALA LUMPUR — Ladang Permai Bhd, the Sabah planter, posted a record profit.",
            [("Permai Bhd", "PERSON")],
            "Ladang Permai Bhd",
        ),
        # two pieces of one name are one name
        (
            "LIMA — Banco Andino Crédito Rural S.A., a farm lender, priced its shares.",
            [("Banco Andino", "PERSON"), ("Crédito Rural S.A.", "ORG")],
            "Banco Andino Crédito Rural S.A.",
        ),
    ],
)
def test_a_registered_name_runs_to_its_legal_form(body: str, raw: list[tuple], name: str) -> None:
    names = listed(resolve(body, [at(body, text, label) for text, label in raw]))
    assert ("org", name) in names


@pytest.mark.parametrize(
    ("body", "raw", "name"),
    [
        # what describes the firm is no part of its name
        (
            "The Quito-based Frutera Andina S.A. chartered the ship.",
            [("Frutera Andina S.A.", "ORG")],
            "Frutera Andina S.A.",
        ),
        (
            "Rival Norvale Chips Inc. reported on Thursday.",
            [("Norvale Chips Inc.", "ORG")],
            "Norvale Chips Inc.",
        ),
        (
            "On Monday Kenya's Tembo Breweries Ltd said sales rose.",
            [("Tembo Breweries Ltd", "ORG")],
            "Tembo Breweries Ltd",
        ),
    ],
)
def test_a_registered_name_starts_after_what_describes_it(
    body: str, raw: list[tuple], name: str
) -> None:
    names = listed(resolve(body, [at(body, text, label) for text, label in raw]))
    assert ("org", name) in names
