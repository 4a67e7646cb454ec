"""Library-wide types, `retype`, `block` and cross-type merges in the registry (invented names;
real places only where the gazetteer is the point)."""

from __future__ import annotations

import pytest

from index.entities.registry import AmbiguousName, EntityError, Registry
from index.entities.typevote import decide
from tests.test_registry import add, listing, snapshot


# -- one name, one type ------------------------------------------------------------------------
def test_a_short_item_never_makes_a_big_city_a_person(reg: Registry) -> None:
    add(reg, "a1", "Aleppo said nothing.", ("person", "Aleppo"))
    assert listing(reg) == {("Aleppo", "place", 1)}


def test_a_later_article_corrects_an_earlier_typing(reg: Registry) -> None:
    add(reg, "a1", "Corvel Brant spoke.", ("person", "Corvel Brant"))
    assert listing(reg) == {("Corvel Brant", "person", 1)}
    body = "Corvel Brant shares fell. Corvel Brant cut jobs. Corvel Brant hired."
    add(reg, "a2", body, ("org", "Corvel Brant"))
    add(reg, "a3", body, ("org", "Corvel Brant"))
    assert listing(reg) == {("Corvel Brant", "org", 3)}
    assert {m.type for m in reg.mentions("a1")} == {"org"}


def test_forgotten_articles_stop_voting(reg: Registry) -> None:
    body = "Tessaly Marr spoke. Tessaly Marr left. Tessaly Marr came back."
    add(reg, "a1", body, ("org", "Tessaly Marr"))
    reg.forget("a1")
    add(reg, "a2", "Tessaly Marr spoke.", ("person", "Tessaly Marr"))
    assert listing(reg) == {("Tessaly Marr", "person", 1)}


def test_decide_weighs_articles_and_gazetteer() -> None:
    assert decide("Quorvath", {"person": 1.0, "org": 2.5}) == "org"
    assert decide("Syria", {"person": 40.0}) == "place"
    assert decide("Quorvath", {"org": 9.0}, user="person") == "person"


# -- retype --------------------------------------------------------------------------------------
def test_retype_is_final_undoable_and_followed_by_new_articles(reg: Registry) -> None:
    add(reg, "a1", "Dunmere Holt spoke.", ("person", "Dunmere Holt"))
    before = snapshot(reg, ["a1"])
    message, affected = reg.retype("Dunmere Holt", "org")
    assert message == 'Retyped "Dunmere Holt" from person to org (1 article)'
    assert affected == {"a1"}
    body = "Dunmere Holt said. Dunmere Holt added. Dunmere Holt left."
    add(reg, "a2", body, ("person", "Dunmere Holt"))
    assert listing(reg) == {("Dunmere Holt", "org", 2)}
    reg.forget("a2")
    undone = reg.undo()
    assert undone is not None
    assert undone[0] == 'Retyped "Dunmere Holt" back from org to person (undid the retype)'
    assert snapshot(reg, ["a1"]) == before


def test_retype_refuses_no_change_and_unknown_types(reg: Registry) -> None:
    add(reg, "a1", "Ostrel Vane met.", ("person", "Ostrel Vane"))
    reg.retype("Ostrel Vane", "person")  # the model's type, now the user's
    with pytest.raises(EntityError, match="already a person"):
        reg.retype("Ostrel Vane", "person")
    with pytest.raises(EntityError, match="Unknown type"):
        reg.retype("Ostrel Vane", "animal")  # type: ignore[arg-type]


# -- block ---------------------------------------------------------------------------------------
def test_block_removes_now_and_later_and_undo_restores(reg: Registry) -> None:
    add(reg, "a1", "Brellmas came early. Brellmas lights.", ("org", "Brellmas"))
    add(reg, "a2", "Kiro Lanst met Brellmas.", ("person", "Kiro Lanst"), ("org", "Brellmas"))
    before = snapshot(reg, ["a1", "a2"])
    message, affected = reg.block("Brellmas")
    assert message == '"Brellmas" is not an entity: removed from 2 articles'
    assert affected == {"a1", "a2"}
    assert listing(reg) == {("Kiro Lanst", "person", 1)}
    assert reg.blocked_names() == ["Brellmas"]
    add(reg, "a3", "Brellmas again.", ("person", "Brellmas"))
    assert listing(reg) == {("Kiro Lanst", "person", 1)}
    reg.forget("a3")
    reg.undo()
    assert snapshot(reg, ["a1", "a2"]) == before
    assert reg.blocked_names() == []


# -- merging spellings across types --------------------------------------------------------------
def test_merge_two_spellings_typed_differently(reg: Registry) -> None:
    add(reg, "a1", "Jabhat Qoren fighters.", ("org", "Jabhat Qoren"))
    add(reg, "a2", "Jabhet Qoren said.", ("person", "Jabhet Qoren"))
    before = snapshot(reg, ["a1", "a2"])
    message, _ = reg.merge("Jabhat Qoren", "Jabhet Qoren")
    assert message.startswith('Merged "Jabhet Qoren" into "Jabhat Qoren" (org, 2 articles)')
    assert listing(reg) == {("Jabhat Qoren", "org", 2)}
    reg.undo()
    assert snapshot(reg, ["a1", "a2"]) == before


def test_merge_two_spellings_with_one_key_by_their_written_names(reg: Registry) -> None:
    add(reg, "a1", "Hay’at Varneh fighters.", ("org", "Hay’at Varneh"))
    reg.retype("Hay’at Varneh", "org")  # a user-typed org
    add(reg, "a2", "Hayat Varneh said.", ("person", "Hayat Varneh"))
    assert listing(reg) == {("Hay’at Varneh", "org", 2)}  # the user's type decides
    with pytest.raises(EntityError, match="already the same org"):
        reg.merge("Hay’at Varneh", "Hayat Varneh")


def test_ambiguous_names_carry_their_candidates(reg: Registry) -> None:
    add(reg, "a1", "Lio Sarne (LS) met.", ("person", "Lio Sarne", "LS"))
    add(reg, "a2", "Lake Sarn (LS) froze.", ("place", "Lake Sarn", "LS"))
    with pytest.raises(AmbiguousName) as caught:
        reg.block("LS")
    assert sorted(c.type for c in caught.value.candidates) == ["person", "place"]
    assert [c.name for c in reg.candidates("LS")] == ["Lake Sarn", "Lio Sarne"]


# -- names across articles -------------------------------------------------------------------------
def test_display_name_is_the_spelling_most_articles_write(reg: Registry) -> None:
    add(reg, "a1", "Hay’at Varqa al-Nour attacked.", ("org", "Hay’at Varqa al-Nour"))
    add(reg, "a2", "Hayat Varqa al-Nour denied it.", ("org", "Hayat Varqa al-Nour"))
    add(reg, "a3", "Hayat Varqa al-Nour withdrew.", ("org", "Hayat Varqa al-Nour"))
    assert listing(reg) == {("Hayat Varqa al-Nour", "org", 3)}
    reg.rename("Hayat Varqa al-Nour", "HVN Front")
    add(reg, "a4", "Hayat Varqa al-Nour again.", ("org", "Hayat Varqa al-Nour"))
    assert listing(reg) == {("HVN Front", "org", 4)}  # a user's name always wins


def test_display_name_is_the_full_form_most_articles_write(reg: Registry) -> None:
    add(
        reg,
        "a1",
        "Reuben Tamata Kalo lost the vote. Kalo said little.",
        ("person", "Reuben Tamata Kalo", "Kalo"),
    )
    for aid in ("a2", "a3"):
        add(reg, aid, "Reuben Kalo resigned. Kalo left.", ("person", "Reuben Kalo", "Kalo"))
    assert listing(reg) == {("Reuben Kalo", "person", 3)}
    add(reg, "a4", "Reuben Tamata Kalo spoke again.", ("person", "Reuben Tamata Kalo"))
    add(reg, "a5", "Reuben Tamata Kalo voted.", ("person", "Reuben Tamata Kalo"))
    assert listing(reg) == {("Reuben Tamata Kalo", "person", 5)}  # now the most written


def test_a_part_or_another_name_never_becomes_the_display_name(reg: Registry) -> None:
    add(
        reg,
        "a1",
        "Mariela Soto Vargas spoke. Soto Vargas left.",
        ("person", "Mariela Soto Vargas", "Soto Vargas"),
    )
    for aid in ("a2", "a3"):
        add(reg, aid, "Soto Vargas, the minister, left.", ("person", "Soto Vargas"))
    [(name, _, count)] = listing(reg)
    assert (name, count) == ("Mariela Soto Vargas", 3)


def test_transliterations_of_a_rare_name_are_one_entity(reg: Registry) -> None:
    add(reg, "a1", "Marko Verbitsky spoke.", ("person", "Marko Verbitsky"))
    add(reg, "a2", "Marko Verbitskiy left.", ("person", "Marko Verbitskiy"))
    [(name, type_, count)] = listing(reg)
    assert name in ("Marko Verbitsky", "Marko Verbitskiy") and (type_, count) == ("person", 2)


def test_short_or_different_names_are_never_variants(reg: Registry) -> None:
    add(reg, "a1", "Omar Hassan spoke.", ("person", "Omar Hassan"))
    add(reg, "a2", "Omar Hasan left.", ("person", "Omar Hasan"))
    add(reg, "a3", "Lena Verbitsky spoke.", ("person", "Lena Verbitsky"))
    add(reg, "a4", "Marko Verbitskiy left.", ("person", "Marko Verbitskiy"))
    assert len(listing(reg)) == 4


def test_an_article_with_evidence_outweighs_a_towns_name(reg: Registry) -> None:
    """One match report's "Preston, who drew 1-1" names the team, however the gazetteer knows
    Preston; the same typing on the model's word alone does not out-vote the town."""
    from dataclasses import replace

    from index.entities import LocalEntity

    body = "Preston, who drew 1-1 at home, stayed fourth."
    weak = LocalEntity("org", "Preston", (), ((0, 7),))
    reg.assign("a1", [weak], body)
    assert listing(reg) == {("Preston", "place", 1)}
    reg.assign("a1", [replace(weak, evidence=True)], body)
    assert listing(reg) == {("Preston", "org", 1)}
