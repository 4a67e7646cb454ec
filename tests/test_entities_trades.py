"""A trade that firms and people share ("the broadcaster …", "publisher …") says nothing of
which one follows: the name's own shape does. Each test hands `resolve` the spans the model
returned (no model is loaded); the people and firms are invented.
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
