"""Cross-article linking of bare surnames: only through a token that is rare (issue 8).

The towns are real (the gazetteer is the point) and under 100,000 people, so the type vote
keeps the names people; the people are invented.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest

from index.entities.registry import Registry
from tests.test_registry import add, people


@pytest.fixture
def reg() -> Iterator[Registry]:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    yield Registry(conn)
    conn.close()


def test_a_surname_a_town_bears_does_not_join_another_article_s_person(reg: Registry) -> None:
    add(reg, "a1", "Delia Marshall led the march.", ("person", "Delia Marshall"))
    add(reg, "a2", "Marshall ruled on Monday.", ("person", "Marshall"))
    assert people(reg) == {"Delia Marshall": 1, "Marshall": 1}


def test_a_full_name_does_not_absorb_a_bare_common_surname(reg: Registry) -> None:
    add(reg, "a1", "Dalton ruled on Monday.", ("person", "Dalton"))
    add(reg, "a2", "Mabel Dalton led the march.", ("person", "Mabel Dalton"))
    assert people(reg) == {"Dalton": 1, "Mabel Dalton": 1}


def test_a_rare_surname_still_joins_across_articles(reg: Registry) -> None:
    add(reg, "a1", "Vasyl Zorenko led the march.", ("person", "Vasyl Zorenko"))
    add(reg, "a2", "Zorenko spoke on Monday.", ("person", "Zorenko"))
    assert people(reg) == {"Vasyl Zorenko": 2}


def test_a_token_another_type_owns_is_not_rare(reg: Registry) -> None:
    add(reg, "a1", "The Brightwater Trust paid.", ("org", "Brightwater Trust"))
    add(reg, "a2", "Odile Brightwater led the march.", ("person", "Odile Brightwater"))
    add(reg, "a3", "Brightwater spoke on Monday.", ("person", "Brightwater"))
    assert people(reg) == {"Odile Brightwater": 1, "Brightwater": 1}


def test_an_everyday_word_alias_does_not_join_two_articles_entities(reg: Registry) -> None:
    # two bills' pieces the model read as bodies, each with an "Amendment" alias
    add(reg, "a1", "The Harbour Dues (Amendment) passed.", ("org", "Harbour Dues", "Amendment"))
    add(reg, "a2", "The Seed Trade (Amendment) passed.", ("org", "Seed Trade", "Amendment"))
    assert {e.name: e.count for e in reg.counts("org")} == {"Harbour Dues": 1, "Seed Trade": 1}


def test_an_acronym_alias_still_joins_them(reg: Registry) -> None:
    add(reg, "a1", "The Harbour Dues Board (HDB) met.", ("org", "Harbour Dues Board", "HDB"))
    add(reg, "a2", "The Harbour Board (HDB) met.", ("org", "Harbour Board", "HDB"))
    assert [e.count for e in reg.counts("org")] == [2]


def test_a_given_name_alone_does_not_join_another_article_s_full_name(reg: Registry) -> None:
    add(reg, "a1", "Tomás Echeverría led the march.", ("person", "Tomás Echeverría"))
    add(reg, "a2", "She is survived by her son, Tomás.", ("person", "Tomás"))
    assert people(reg) == {"Tomás Echeverría": 1, "Tomás": 1}


def test_a_full_name_does_not_absorb_another_article_s_given_name(reg: Registry) -> None:
    add(reg, "a1", "She is survived by her son, Tomás.", ("person", "Tomás"))
    add(reg, "a2", "Tomás Echeverría led the march.", ("person", "Tomás Echeverría"))
    assert people(reg) == {"Tomás Echeverría": 1, "Tomás": 1}


def test_a_surname_written_first_still_joins_across_articles(reg: Registry) -> None:
    add(reg, "a1", "Hong Dae-hyun inspected the site.", ("person", "Hong Dae-hyun"))
    add(reg, "a2", "Hong spoke on Monday.", ("person", "Hong"))
    assert people(reg) == {"Hong Dae-hyun": 2}
