"""Every correction's undo says what the undo did, not the correction's own words again (QA pass
5: after a block, `undo` printed `Undid: "Lisbon" is not an entity: removed from 2 articles`,
which reads like the block itself)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator

import pytest

from index.entities.registry import Registry
from tests.test_registry import add


@pytest.fixture
def reg() -> Iterator[Registry]:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    registry = Registry(conn)
    add(registry, "a1", "Lisbon voted. Tavo Renk spoke.", ("place", "Lisbon"), ("person", "Tavo Renk"))  # fmt: skip
    add(registry, "a2", "Rain in Lisbon.", ("place", "Lisbon"))
    add(registry, "a3", "Mira Osk said no.", ("person", "Mira Osk"))
    yield registry
    conn.close()


def test_the_undo_of_a_block_says_the_name_is_back(reg: Registry) -> None:
    reg.block("Lisbon")
    assert reg.undo() == (
        'Unblocked "Lisbon": back in 2 articles (undid the block)',
        {"a1", "a2"},
    )


@pytest.mark.parametrize(
    ("correct", "undone"),
    [
        (
            lambda r: r.merge("Tavo Renk", "Mira Osk"),
            'Separated "Mira Osk" from "Tavo Renk" again (undid the merge)',
        ),
        (
            lambda r: r.rename("Tavo Renk", "Tavo Renko"),
            'Renamed "Tavo Renko" back to "Tavo Renk" (undid the rename)',
        ),
        (
            lambda r: r.alias("Tavo Renk", "TR"),
            '"TR" no longer means "Tavo Renk" (undid the alias)',
        ),
        (
            lambda r: r.retype("Tavo Renk", "org"),
            'Retyped "Tavo Renk" back from org to person (undid the retype)',
        ),
        (
            lambda r: r.retype("Lisbon", "place"),
            '"Lisbon" is no longer final as a place (undid the retype)',
        ),
    ],
)
def test_each_undo_says_what_it_did(reg: Registry, correct, undone: str) -> None:  # type: ignore[no-untyped-def]
    correct(reg)
    message = reg.undo()
    assert message is not None and message[0] == undone


def test_the_undo_of_a_split_merges_back(reg: Registry) -> None:
    reg.merge("Tavo Renk", "Mira Osk")
    reg.split("Tavo Renk", "Mira Osk")
    message = reg.undo()
    assert message is not None
    assert message[0] == 'Merged "Mira Osk" back into "Tavo Renk" (undid the split)'


def test_an_undo_log_written_before_undo_words_still_names_what_it_undid(reg: Registry) -> None:
    """A library's older log rows have no "say" step: the undo names the correction."""
    message, _ = reg.block("Lisbon")
    row = reg.conn.execute("SELECT id, ops FROM entity_undo").fetchone()
    ops = [op for op in json.loads(row[1]) if op[0] != "say"]
    reg.conn.execute("UPDATE entity_undo SET ops = ? WHERE id = ?", (json.dumps(ops), row[0]))
    assert reg.undo() == (f"Undid: {message}", {"a1", "a2"})
