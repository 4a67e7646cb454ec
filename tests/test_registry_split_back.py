"""A split after a merge gives back what the merge brought in, nothing of the survivor's own
(QA pass 5: merging "Ferreira" into "Ana Ferreira", whose own bare-surname alias was also
"Ferreira", then splitting "Ferreira" off took Ana Ferreira's own articles with it)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest

from index.entities.registry import Registry
from tests.test_registry import add, people, snapshot

IDS = ["a1", "a2", "b1", "b2"]


@pytest.fixture
def reg() -> Iterator[Registry]:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    registry = Registry(conn)
    # Ana Quelhas, written "Quelhas" on second mention; and a separate "Quelhas", first read
    # as a place and retyped by the user (so never merged automatically).
    add(registry, "a1", "Ana Quelhas spoke. Quelhas told reporters.", ("person", "Ana Quelhas", "Quelhas"))  # fmt: skip
    add(registry, "a2", "Ana Quelhas left. Quelhas said no.", ("person", "Ana Quelhas", "Quelhas"))  # fmt: skip
    add(registry, "b1", "Quelhas scored twice.", ("place", "Quelhas"))
    add(registry, "b2", "A goal for Quelhas.", ("place", "Quelhas"))
    registry.retype("Quelhas", "person")
    yield registry
    conn.close()


def test_split_after_merge_leaves_the_survivors_own_alias(reg: Registry) -> None:
    before = snapshot(reg, IDS)
    assert people(reg) == {"Ana Quelhas": 2, "Quelhas": 2}
    reg.merge("Ana Quelhas", "Quelhas")
    assert people(reg) == {"Ana Quelhas": 4}
    message, _ = reg.split("Ana Quelhas", "Quelhas")
    assert message == 'Split "Quelhas" from "Ana Quelhas": now its own person (2 articles)'
    assert people(reg) == {"Ana Quelhas": 2, "Quelhas": 2}
    assert reg.find("Ana Quelhas")[0].aliases == ("Quelhas",)  # its own alias stays
    assert {m.entity for m in reg.mentions("a1")} == {"Ana Quelhas"}
    assert {m.entity for m in reg.mentions("b1")} == {"Quelhas"}
    assert snapshot(reg, IDS) == before
    # Read again (a refreshed entry), Ana Quelhas's article keeps its "Quelhas": the split left
    # no block on the survivor's own alias.
    add(reg, "a1", "Ana Quelhas spoke. Quelhas told reporters.", ("person", "Ana Quelhas", "Quelhas"))  # fmt: skip
    assert people(reg) == {"Ana Quelhas": 2, "Quelhas": 2}
    assert {m.entity for m in reg.mentions("a1")} == {"Ana Quelhas"}
    # Undo the split, then the merge: as before either.
    reg.undo()
    assert people(reg) == {"Ana Quelhas": 4}
    reg.undo()
    assert snapshot(reg, IDS) == before


def test_split_after_the_reverse_merge_gives_back_the_whole_entity(reg: Registry) -> None:
    before = snapshot(reg, IDS)
    reg.merge("Quelhas", "Ana Quelhas")
    assert people(reg) == {"Quelhas": 4}
    reg.split("Quelhas", "Ana Quelhas")
    assert people(reg) == {"Ana Quelhas": 2, "Quelhas": 2}
    assert snapshot(reg, IDS) == before
