"""A rename or alias to a name an entity of another type holds: refused with the ways forward,
or, forced, two entities of one name that the library-wide type vote leaves alone."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest

from index.entities.registry import NameTaken, Registry
from index.model import EntityCount
from test_registry import add

TABLES = ("entities", "entity_aliases", "entity_tokens", "entity_blocks", "entity_user_types")


@pytest.fixture
def reg() -> Iterator[Registry]:
    """A person and a place whose name the person is about to be given."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    r = Registry(conn)
    add(r, "a1", "Ann Kestrel sailed home.", ("person", "Ann Kestrel"))
    add(r, "a2", "Ferries left Kestrel Bay.", ("place", "Kestrel Bay"))
    yield r
    conn.close()


def rows(reg: Registry) -> dict[str, list[tuple[object, ...]]]:
    """Every row a correction may change, to check that undo restores them exactly."""
    return {t: sorted(reg.conn.execute(f"SELECT * FROM {t}").fetchall()) for t in TABLES}


def typed(reg: Registry) -> set[tuple[str, str, int]]:
    return {(e.name, e.type, e.count) for e in reg.counts()}


@pytest.mark.parametrize("kind", ["rename", "alias"])
def test_another_types_name_is_refused_with_the_ways_forward(reg: Registry, kind: str) -> None:
    before = rows(reg)
    with pytest.raises(NameTaken) as caught:
        getattr(reg, kind)("Ann Kestrel", "kestrel  bay")
    message = str(caught.value)
    assert message.startswith('There is already a place called "Kestrel Bay" (1 article).')
    assert 'dateline entities merge "Kestrel Bay" "Ann Kestrel"' in message
    assert 'dateline entities retype "Kestrel Bay" person --type place' in message
    anyway = "rename anyway" if kind == "rename" else "add the alias anyway"
    assert f"{anyway} with --force" in message
    assert caught.value.holders == [EntityCount("Kestrel Bay", "place", 1)]
    assert caught.value.entity == EntityCount("Ann Kestrel", "person", 1)
    assert rows(reg) == before  # refused: nothing changed, nothing to undo
    assert reg.undo() is None


@pytest.mark.parametrize("kind", ["rename", "alias"])
def test_forced_homonym_is_kept_apart_and_undo_restores_every_row(reg: Registry, kind: str) -> None:
    before = rows(reg)
    message, affected = getattr(reg, kind)("Ann Kestrel", "Kestrel Bay", force=True)
    assert message.endswith('; kept apart from the place "Kestrel Bay"')
    assert affected == {"a1"}
    pinned = reg.conn.execute("SELECT type, pinned FROM entities WHERE key = 'kestrel bay'")
    assert ("place", 1) in pinned.fetchall()  # the vote must not merge it away
    undone = {
        "rename": 'Renamed "Kestrel Bay" back to "Ann Kestrel" (undid the rename)',
        "alias": '"Kestrel Bay" no longer means "Ann Kestrel" (undid the alias)',
    }[kind]
    assert reg.undo() == (undone, {"a1", "a2"})
    assert rows(reg) == before


def test_forced_rename_survives_the_next_articles_type_vote(reg: Registry) -> None:
    """The next article votes "person" for the shared name, heavily: unpinned, the place
    would be retyped and merged into the renamed person."""
    reg.rename("Ann Kestrel", "Kestrel Bay", force=True)
    assert typed(reg) == {("Kestrel Bay", "person", 1), ("Kestrel Bay", "place", 1)}
    body = "Kestrel Bay waved. Kestrel Bay smiled. Kestrel Bay spoke. Kestrel Bay left."
    add(reg, "a3", body, ("person", "Kestrel Bay"))
    assert typed(reg) == {("Kestrel Bay", "person", 2), ("Kestrel Bay", "place", 1)}
    # One name, one type per article: the name's mentions go where the vote (now "person")
    # says, but the place keeps its type and its articles.
    add(reg, "a4", "Storms reached Kestrel Bay.", ("place", "Kestrel Bay"))
    assert typed(reg) == {("Kestrel Bay", "person", 3), ("Kestrel Bay", "place", 1)}
    # The user's rename is still the person's name, and its old name still finds it.
    add(reg, "a5", "Ann Kestrel returned.", ("person", "Ann Kestrel"))
    assert [(m.text, m.entity, m.type) for m in reg.mentions("a5")] == [
        ("Ann Kestrel", "Kestrel Bay", "person")
    ]
