"""People whose names a role or a title before them completes: the model stops a name short
or starts it late, and the words around it (a trade, a title) show where the name really
begins and ends. Each test hands `resolve` the spans the model returned (no model is loaded),
as `extract` does after tagging; people are invented, places real.
"""

from __future__ import annotations

import pytest

from index.entities import gazetteer
from index.entities.resolve import resolve
from tests.test_entities_error_kinds import at, listed


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    gazetteer.warm()


def test_a_listed_surname_after_a_titled_name_no_list_holds_is_taken_back() -> None:
    # the model's span opened with the title and stopped after the given name
    body = "The three were remanded by Chief Magistrate Ravindu Gamage in Kandy on Friday."
    raw = [at(body, "Magistrate Ravindu", "PERSON"), at(body, "Kandy", "GPE")]
    found = listed(resolve(body, raw))
    assert ("person", "Ravindu Gamage") in found
    assert ("person", "Ravindu") not in found
