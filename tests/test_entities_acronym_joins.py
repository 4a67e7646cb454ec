"""An organisation's acronym joins its full name: a hyphenated word giving its first part's
initial only, an acronym holding "-" or "/", a last "and X" the acronym leaves out. Each test
hands `resolve` the spans the model returned (no model is loaded); the bodies are invented.
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
    ("body", "spans", "listing"),
    [
        # a hyphenated word gives its first part's initial only
        (
            "The Inter-Collegiate Rowing Federation set new rules on Monday. Later, IRF officials"
            " said the regatta would go ahead.",
            [("Inter-Collegiate Rowing Federation", 0), ("IRF", 0)],
            {("org", "Inter-Collegiate Rowing Federation")},
        ),
        # an acronym defined in brackets holds "/"
        (
            "The Coastal Farmers Party/Reform (CFP/R) won four seats. The CFP/R leader was"
            " pleased.",
            [("Coastal Farmers Party/Reform", 0), ("CFP/R", 1)],
            {("org", "Coastal Farmers Party/Reform")},
        ),
        # an acronym never defined, with a last part after "-"
        (
            "Lawmakers of the Kilimo Vijana Movement-Tanzania walked out on Friday. Opposition"
            " leader Bakari Mwinyi of the KVM-T said the budget ignored farmers.",
            [("Kilimo Vijana Movement-Tanzania", 0), ("KVM-T", 0)],
            {("org", "Kilimo Vijana Movement-Tanzania")},
        ),
        # a last "and X" the acronym leaves out, defined in brackets ...
        (
            "The Bureau for Fisheries Research and Conservation (BFR) warned of low stocks. BFR"
            " scientists counted the fish.",
            [("Bureau for Fisheries Research and Conservation", 0), ("BFR", 1)],
            {("org", "Bureau for Fisheries Research and Conservation")},
        ),
        # ... or not
        (
            "The Bureau for Fisheries Research and Conservation warned of low stocks on Tuesday."
            " Later, BFR scientists counted the fish.",
            [("Bureau for Fisheries Research and Conservation", 0), ("BFR", 0)],
            {("org", "Bureau for Fisheries Research and Conservation")},
        ),
    ],
)
def test_an_acronym_joins_its_full_name(
    body: str, spans: list[tuple[str, int]], listing: set[tuple[str, str]]
) -> None:
    raw = [at(body, text, "ORG", nth) for text, nth in spans]
    assert listed(resolve(body, raw)) == listing
