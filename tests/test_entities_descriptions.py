"""What the words beside a name say it is. A trade that firms and people share ("the
broadcaster …", "publisher …") says nothing of which one follows: the name's own shape does. An
apposition that names a kind of body ("…, a legal-aid group,", "…, a think tank") makes the
name a body, whatever label the model gave it. Each test hands `resolve` the spans the model
returned (no model is loaded); the people and bodies are invented.
"""

from __future__ import annotations

import pytest

from index.entities import gazetteer
from index.entities.resolve import resolve
from tests.test_entities_error_kinds import at, listed


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    gazetteer.warm()


def test_a_broadcaster_with_a_persons_name_is_someone_whatever_the_model_said() -> None:
    body = (
        "The broadcaster Ailbhe Ní Dhuibhir, who made three films about the island, said the "
        "harbour had changed little."
    )
    raw = [at(body, "Ailbhe Ní Dhuibhir", "ORG")]
    assert listed(resolve(body, raw)) == {("person", "Ailbhe Ní Dhuibhir")}


@pytest.mark.parametrize(
    ("body", "span"),
    [
        ("The broadcaster Kestrel Vision said it would appeal the fine.", "Kestrel Vision"),
        ("Shares in the broadcaster Tellura Media fell 4% on Monday.", "Tellura Media"),
    ],
)
def test_a_broadcaster_named_as_no_one_is_is_still_a_firm(body: str, span: str) -> None:
    assert listed(resolve(body, [at(body, span, "ORG")])) == {("org", span)}


@pytest.mark.parametrize(
    ("body", "span"),
    [
        (
            "The petition was filed with the help of Sauti Mtaani, a Mombasa legal-aid group. "
            "Its lawyers said the titles were forged.",
            "Sauti Mtaani",
        ),
        (
            "Velloran Kinsey, a think tank in Leeds, said the cuts would fall on the poorest.",
            "Velloran Kinsey",
        ),
    ],
)
def test_an_apposition_naming_a_body_makes_the_name_a_body(body: str, span: str) -> None:
    assert ("org", span) in listed(resolve(body, [at(body, span, "PERSON")]))


def test_someone_described_by_their_role_in_a_group_stays_someone() -> None:
    body = "Musa Kiprotich, a group leader at the market, said prices had doubled."
    raw = [at(body, "Musa Kiprotich", "PERSON")]
    assert listed(resolve(body, raw)) == {("person", "Musa Kiprotich")}


@pytest.mark.parametrize(
    ("body", "span"),
    [
        ("Rescuers reached the ferry Laut Biru Jaya before dawn.", "Laut Biru Jaya"),
        ("The KMP Laut Biru Jaya sank with 80 people aboard.", "Laut Biru Jaya"),
    ],
)
def test_a_vessel_named_after_its_kind_or_prefix_is_no_entity(body: str, span: str) -> None:
    assert listed(resolve(body, [at(body, span, "PERSON")])) == set()


def test_initials_like_a_ships_prefix_still_open_a_persons_name() -> None:
    # "MS" and "SS" are initials and clubs' prefixes ("SS Lazio") as often as ships': not read so
    body = "MS Raghunathan scored 80 as the side chased down the target."
    raw = [at(body, "MS Raghunathan", "PERSON")]
    assert any(type_ == "person" for type_, _ in listed(resolve(body, raw)))
