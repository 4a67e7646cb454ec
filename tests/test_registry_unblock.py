"""`Registry.unblock`: a block taken back whenever it was made, as a correction of its own."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest

from index.entities.registry import AmbiguousName, EntityError, Registry
from tests.test_registry import add, snapshot

IDS = ["a1", "a2", "a3"]


@pytest.fixture
def reg() -> Iterator[Registry]:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    registry = Registry(conn)
    add(registry, "a1", "Lisbon voted. Tavo Renk spoke.", ("place", "Lisbon"), ("person", "Tavo Renk"))  # fmt: skip
    add(registry, "a2", "Rain in Lisbon. Lisboa flooded.", ("place", "Lisbon", "Lisboa"))
    add(registry, "a3", "Mira Osk said no.", ("person", "Mira Osk"))
    yield registry
    conn.close()


def test_unblock_after_other_corrections_gives_everything_back(reg: Registry) -> None:
    before = snapshot(reg, IDS)
    reg.block("Lisbon")
    reg.merge("Tavo Renk", "Mira Osk")
    reg.rename("Tavo Renk", "Tavo R. Renk")
    assert [b.name for b in reg.blocked()] == ["Lisbon"]
    assert (reg.blocked()[0].count, reg.blocked()[0].aliases) == (2, ("Lisboa",))
    message, affected = reg.unblock("lisboa")  # any of its names
    assert message == 'Unblocked "Lisbon" (place): back in 2 articles'
    assert affected == {"a1", "a2"}
    assert reg.blocked() == [] and reg.blocked_names() == []
    reg.undo()  # the unblock: blocked again
    assert [b.name for b in reg.blocked()] == ["Lisbon"]
    assert "Lisbon" not in {e.name for e in reg.counts()}
    reg.unblock("Lisbon")
    reg.undo()
    for _ in range(3):  # the rename, the merge, the block
        reg.undo()
    assert snapshot(reg, IDS) == before
    assert reg.undo() is None


def test_after_an_unblock_later_articles_count_the_name_again(reg: Registry) -> None:
    reg.block("Lisbon")
    add(reg, "a4", "Lisbon again.", ("place", "Lisbon"))
    assert "Lisbon" not in {e.name for e in reg.counts()}
    reg.unblock("Lisbon")
    add(reg, "a5", "Lisbon once more.", ("place", "Lisbon"))
    assert {e.name: e.count for e in reg.counts("place")} == {"Lisbon": 3}


def test_unblock_gives_back_only_articles_still_there(reg: Registry) -> None:
    reg.block("Lisbon")
    reg.forget("a2")
    message, affected = reg.unblock("Lisbon", present=lambda ids: set(ids) - {"a2"})
    assert message == 'Unblocked "Lisbon" (place): back in 1 article'
    assert affected == {"a1"} and reg.mentions("a2") == []


def test_unblock_names_what_is_and_is_not_blocked(reg: Registry) -> None:
    with pytest.raises(EntityError, match=r'"Tavo Renk" is not blocked: "Tavo Renk" is a person'):
        reg.unblock("Tavo Renk")
    with pytest.raises(EntityError, match=r"Nothing is blocked\."):
        reg.unblock("Porto")
    reg.block("Lisbon")
    with pytest.raises(EntityError, match=r'marked "not an entity"\. Blocked: "Lisbon"\.'):
        reg.unblock("Porto")


def test_two_blocked_entities_of_one_name_are_told_apart_by_type(reg: Registry) -> None:
    add(reg, "a4", "Tavo Renk joined Quarry.", ("org", "Quarry"))
    add(reg, "a5", "Quarry Vell spoke.", ("person", "Quarry Vell", "Quarry"))
    reg.block("Quarry", "org")
    reg.block("Quarry Vell")
    with pytest.raises(AmbiguousName):
        reg.unblock("Quarry")
    assert reg.unblock("Quarry", "org")[0] == 'Unblocked "Quarry" (org): back in 1 article'
