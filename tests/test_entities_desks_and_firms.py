"""Courts, councils and firms on the desks of the English-language press, and the names they
use (found on the bench's development sets). Each test hands `resolve` the spans the model
returned (no model is loaded); people and small organisations are invented, places real
where the gazetteer is the point.
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
    ("body", "spans", "name"),
    [
        (
            "Separately, the Senate's Lands and Fisheries Oversight Committee will meet.",
            [("Senate", "ORG"), ("Fisheries Oversight Committee", "ORG")],
            "Lands and Fisheries Oversight Committee",
        ),
        (
            "The Kelantan-Pattani and Tumpat Survey Agency said the readings were late.",
            [("The Kelantan-Pattani", "ORG"), ("Tumpat Survey Agency", "ORG")],
            "Kelantan-Pattani and Tumpat Survey Agency",
        ),
        (
            "A clerk at the Seberang Barat District and Land Office was charged on Monday.",
            [("the Seberang Barat District", "ORG"), ("Land Office", "ORG")],
            "Seberang Barat District and Land Office",
        ),
    ],
)
def test_a_bodys_name_the_model_cut_at_and_opens_after_the(
    body: str, spans: list[tuple[str, str]], name: str
) -> None:
    raw = [at(body, text, label) for text, label in spans]
    assert ("org", name) in listed(resolve(body, raw))


def test_two_bodies_joined_by_and_stay_two() -> None:
    body = "Patients were moved from the Mombasa Hospital and Coast Health Service on Friday."
    raw = [at(body, "the Mombasa Hospital", "ORG"), at(body, "Coast Health Service", "ORG")]
    names = {name for _, name in listed(resolve(body, raw))}
    assert "Coast Health Service" in names
    assert not any(" and " in name for name in names)


@pytest.mark.parametrize("firm", ["Kwanza Pipe Works (Pty) Ltd", "Marula Agro Chemicals (Pvt) Ltd"])
def test_a_legal_form_in_brackets_stays_in_the_firms_name(firm: str) -> None:
    body = f"The tender went to {firm} although it had scored lowest."
    assert listed(resolve(body, [at(body, firm, "ORG")])) == {("org", firm)}


@pytest.mark.parametrize(
    ("body", "spans", "place"),
    [
        (
            "The Member of Parliament for Nkawie West, Kofi Asante-Bediako, asked for a road.",
            [("Parliament", "ORG"), ("Nkawie West", "ORG"), ("Kofi Asante-Bediako", "PERSON")],
            "Nkawie West",
        ),
        (
            "Grace Mhango, the MP for Nkawie, asked for a road.",
            [("Grace Mhango", "PERSON"), ("Nkawie", "ORG")],
            "Nkawie",
        ),
    ],
)
def test_a_seats_constituency_is_a_place(
    body: str, spans: list[tuple[str, str]], place: str
) -> None:
    entities = listed(resolve(body, [at(body, text, label) for text, label in spans]))
    assert ("place", place) in entities
    assert not any("for" in name for _, name in entities)


@pytest.mark.parametrize("label", ["GPE", "PERSON"])
def test_a_city_named_as_its_corporation_is_its_council(label: str) -> None:
    body = "The City of Kabwe said the market would reopen once the stalls were rebuilt."
    assert ("org", "City of Kabwe") in listed(resolve(body, [at(body, "City of Kabwe", label)]))


def test_a_place_the_gazetteer_knows_by_such_a_name_stays_a_place() -> None:
    body = "Bankers in the City of London said the market would reopen."
    entities = listed(resolve(body, [at(body, "the City of London", "GPE")]))
    assert ("place", "City of London") in entities


@pytest.mark.parametrize("firm", ["Hoshino Cutlery K.K.", "Brenta Valvole S.p.A."])
def test_a_legal_form_written_with_dots_makes_a_firm(firm: str) -> None:
    body = f"Exports rose, {firm} told shareholders on Friday."
    assert ("org", firm) in listed(resolve(body, [at(body, firm, "PERSON")]))


def test_a_groups_firm_named_after_it_keeps_its_whole_name() -> None:
    body = (
        "Steppe Rail JSC, known as SRJ, will sell a stake in SRJ Container Lines JSC to a "
        "Gulf investor. SRJ said the money would pay for new track."
    )
    raw = [
        at(body, "Steppe Rail JSC", "ORG"),
        at(body, "SRJ", "ORG"),
        at(body, "SRJ Container Lines JSC", "ORG"),
    ]
    names = {name for _, name in listed(resolve(body, raw))}
    assert "SRJ Container Lines JSC" in names
    assert "Container Lines JSC" not in names


def test_a_known_bodys_name_before_a_legal_form_opens_a_firm_no_product() -> None:
    body = "An investor will buy a stake in KTZ Container Express JSC, a freight arm."
    raw = [at(body, "KTZ Container Express JSC", "ORG")]
    assert ("org", "KTZ Container Express JSC") in listed(resolve(body, raw))
