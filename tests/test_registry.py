"""The cross-article entity registry: resolution rules, reads, and undoable user corrections."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from index.entities import LocalEntity
from index.entities.registry import AmbiguousName, EntityError, Registry
from index.model import EntityCount, EntityType


def local(body: str, type_: EntityType, name: str, *aliases: str) -> LocalEntity:
    """A LocalEntity whose mentions are every occurrence of its name and aliases in `body`,
    longest form first, as an extractor would give them."""
    spans: list[tuple[int, int]] = []
    for form in sorted({name, *aliases}, key=len, reverse=True):
        for m in re.finditer(rf"\b{re.escape(form)}\b", body):
            if not any(s < m.end() and m.start() < e for s, e in spans):
                spans.append((m.start(), m.end()))
    return LocalEntity(type_, name, tuple(aliases), tuple(sorted(spans)))


def listing(reg: Registry) -> set[tuple[str, str, int]]:
    """(name, type, count) of every entity, the shape most registry tests compare."""
    return {(e.name, e.type, e.count) for e in reg.counts()}


def add(reg: Registry, aid: str, body: str, *ents: tuple[str, ...]) -> None:
    """Assign an article; each entity is (type, name, *aliases)."""
    reg.assign(aid, [local(body, e[0], e[1], *e[2:]) for e in ents], body)  # type: ignore[arg-type]


def people(reg: Registry) -> dict[str, int]:
    return {e.name: e.count for e in reg.counts("person")}


def snapshot(reg: Registry, ids: list[str]) -> tuple[object, ...]:
    """Everything a user can see, to check that undo restores it exactly."""
    return (
        reg.counts(),
        reg.names(ids),
        [reg.mentions(i) for i in ids],
        [reg.terms(i) for i in ids],
    )


# -- same key across articles --------------------------------------------------------------------
def test_same_key_across_spelling_variants(reg: Registry) -> None:
    add(reg, "a1", "Hay’at Tahrir al-Sham took the city.", ("org", "Hay’at Tahrir al-Sham"))
    add(reg, "a2", "Hay'at Tahrir al-Sham denied it.", ("org", "Hay'at Tahrir al-Sham"))
    add(reg, "a3", "Flights to Türkiye resumed.", ("place", "Türkiye"))
    add(reg, "a4", "Turkiye said so.", ("place", "Turkiye"))
    add(reg, "a5", "Bashar al-Assad fled.", ("person", "Bashar al-Assad"))
    add(reg, "a6", "Bashar Al-Assad spoke.", ("person", "Bashar Al-Assad"))
    assert [(e.name, e.count) for e in reg.counts("org")] == [("Hay’at Tahrir al-Sham", 2)]
    assert [(e.name, e.count) for e in reg.counts("place")] == [("Türkiye", 2)]
    assert people(reg) == {"Bashar al-Assad": 2}


def test_same_key_different_type_is_one_entity_of_the_country_type(reg: Registry) -> None:
    add(reg, "a1", "Georgia voted.", ("place", "Georgia"))
    add(reg, "a2", "Georgia sang.", ("person", "Georgia"))
    assert {(e.name, e.type, e.count) for e in reg.counts()} == {("Georgia", "place", 2)}


# -- containment ---------------------------------------------------------------------------------
def test_bare_surname_joins_unique_full_name_through_rare_token(reg: Registry) -> None:
    add(reg, "a1", "Bashar al-Assad fled to Moscow.", ("person", "Bashar al-Assad"))
    add(reg, "a2", "Assad was not seen.", ("person", "Assad"))
    assert people(reg) == {"Bashar al-Assad": 2}
    assert [m.entity for m in reg.mentions("a2")] == ["Bashar al-Assad"]


def test_full_name_absorbs_earlier_bare_surname(reg: Registry) -> None:
    add(reg, "a1", "Assad was not seen.", ("person", "Assad"))
    add(reg, "a2", "Bashar al-Assad fled to Moscow.", ("person", "Bashar al-Assad"))
    assert people(reg) == {"Bashar al-Assad": 2}
    assert reg.mentions("a1")[0].entity == "Bashar al-Assad"


def test_shared_surname_is_left_alone(reg: Registry) -> None:
    add(reg, "a1", "Ahmed Karimi spoke.", ("person", "Ahmed Karimi", "Karimi"))
    add(reg, "a2", "Leila Karimi replied.", ("person", "Leila Karimi", "Karimi"))
    add(reg, "a3", "Karimi declined to comment.", ("person", "Karimi"))
    assert people(reg) == {"Ahmed Karimi": 1, "Leila Karimi": 1, "Karimi": 1}
    # Another bare "Karimi" goes to the bare entity, not to either full name.
    add(reg, "a4", "Karimi again.", ("person", "Karimi"))
    assert people(reg)["Karimi"] == 2


def test_particle_is_never_a_rare_token(reg: Registry) -> None:
    add(reg, "a1", "Abu Bakr al-Baghdadi was killed.", ("person", "Abu Bakr al-Baghdadi"))
    add(reg, "a2", "Al said nothing.", ("person", "Al"))
    assert people(reg) == {"Abu Bakr al-Baghdadi": 1, "Al": 1}


def test_places_and_orgs_are_not_merged_by_containment(reg: Registry) -> None:
    add(reg, "a1", "Kataib Hezbollah fired.", ("org", "Kataib Hezbollah"))
    add(reg, "a2", "Hezbollah denied it.", ("org", "Hezbollah"))
    add(reg, "a3", "Aleppo Governorate.", ("place", "Aleppo Governorate"))
    add(reg, "a4", "In Aleppo.", ("place", "Aleppo"))
    assert len(reg.counts("org")) == 2
    assert len(reg.counts("place")) == 2


# -- acronyms ------------------------------------------------------------------------------------
HTS_FULL = "Hayat Tahrir al-Sham (HTS) advanced. HTS said."


def test_acronym_alias_matches_bare_acronym_later(reg: Registry) -> None:
    add(reg, "a1", HTS_FULL, ("org", "Hayat Tahrir al-Sham", "HTS"))
    add(reg, "a2", "HTS fighters arrived.", ("org", "HTS"))
    assert [(e.name, e.count) for e in reg.counts("org")] == [("Hayat Tahrir al-Sham", 2)]
    assert reg.mentions("a2")[0].entity == "Hayat Tahrir al-Sham"


def test_bare_acronym_first_then_full_name_takes_the_display(reg: Registry) -> None:
    add(reg, "a1", "HTS fighters arrived.", ("org", "HTS"))
    add(reg, "a2", HTS_FULL, ("org", "Hayat Tahrir al-Sham", "HTS"))
    assert [(e.name, e.count) for e in reg.counts("org")] == [("Hayat Tahrir al-Sham", 2)]


def test_article_linking_two_existing_entities_merges_them(reg: Registry) -> None:
    add(reg, "a1", "HTS fighters arrived.", ("org", "HTS"))
    add(reg, "a2", "Hayat Tahrir al-Sham advanced.", ("org", "Hayat Tahrir al-Sham"))
    assert len(reg.counts("org")) == 2
    add(reg, "a3", HTS_FULL, ("org", "Hayat Tahrir al-Sham", "HTS"))
    assert [(e.name, e.count) for e in reg.counts("org")] == [("Hayat Tahrir al-Sham", 3)]


def test_one_acronym_for_two_bodies_with_no_word_in_common_merges_nothing(reg: Registry) -> None:
    add(
        reg,
        "a1",
        "Kathmandu Metropolitan City (KMC) fined them.",
        ("org", "Kathmandu Metropolitan City", "KMC"),
    )
    add(
        reg,
        "a2",
        "Kandy Municipal Council (KMC) will reopen it.",
        ("org", "Kandy Municipal Council", "KMC"),
    )
    assert {(e.name, e.count) for e in reg.counts("org")} == {
        ("Kathmandu Metropolitan City", 1),
        ("Kandy Municipal Council", 1),
    }
    add(
        reg,
        "a3",
        "Central Election Commission (CEC) met.",
        ("org", "Central Election Commission", "CEC"),
    )
    add(
        reg,
        "a4",
        "Central Election Commission of Kyrgyzstan (CEC) met.",
        ("org", "Central Election Commission of Kyrgyzstan", "CEC"),
    )
    assert len(reg.counts("org")) == 3  # a body's longer name is still that body
    add(
        reg,
        "a5",
        "Kurdistan Workers' Party (PKK) fighters.",
        ("org", "Kurdistan Workers' Party", "PKK"),
    )
    add(
        reg,
        "a6",
        "Partiya Karkeren Kurdistane (PKK) said.",
        ("org", "Partiya Karkeren Kurdistane", "PKK"),
    )
    assert len(reg.counts("org")) == 4  # one party in two tongues: "Kurdistan", "Kurdistane"


# -- reads -------------------------------------------------------------------------------------
def test_counts_order_filters_and_limit(reg: Registry) -> None:
    add(reg, "a1", "Aleppo and Idlib.", ("place", "Aleppo"), ("place", "Idlib"))
    add(reg, "a2", "Aleppo again.", ("place", "Aleppo"))
    add(reg, "a3", "Aleppo, Homs.", ("place", "Aleppo"), ("place", "Homs"), ("person", "Ali Omar"))
    assert [(e.name, e.count) for e in reg.counts("place")] == [
        ("Aleppo", 3),
        ("Homs", 1),
        ("Idlib", 1),
    ]
    assert [e.name for e in reg.counts(limit=1)] == ["Aleppo"]
    assert [(e.name, e.count) for e in reg.counts("place", article_ids={"a1", "a2"})] == [
        ("Aleppo", 2),
        ("Idlib", 1),
    ]
    assert [e.name for e in reg.counts("person")] == ["Ali Omar"]
    assert reg.counts(article_ids=[]) == []


def test_names_most_mentioned_first_and_every_article_present(reg: Registry) -> None:
    body = "Homs first. Aleppo, Aleppo and Aleppo. Homs. Idlib."
    add(reg, "a1", body, ("place", "Homs"), ("place", "Idlib"), ("place", "Aleppo"))
    names = reg.names(["a1", "missing"])
    assert names["a1"]["place"] == ["Aleppo", "Homs", "Idlib"]
    assert names["a1"]["person"] == []
    assert names["missing"] == {"person": [], "place": [], "org": []}


def test_terms_include_every_alias(reg: Registry) -> None:
    add(reg, "a1", HTS_FULL, ("org", "Hayat Tahrir al-Sham", "HTS"))
    add(reg, "a2", "Bashar al-Assad left. Assad flew.", ("person", "Bashar al-Assad", "Assad"))
    add(reg, "a3", "Assad was gone.", ("person", "Assad"))
    assert set(reg.terms("a1")["org"]) == {"Hayat Tahrir al-Sham", "HTS"}
    assert set(reg.terms("a3")["person"]) == {"Bashar al-Assad", "Assad"}
    assert reg.terms("a3")["place"] == []


def test_mentions_text_offsets_and_order(reg: Registry) -> None:
    body = "Assad met Putin. Later Bashar al-Assad left Damascus."
    ents = [
        local(body, "place", "Damascus"),
        local(body, "person", "Bashar al-Assad", "Assad"),
        local(body, "person", "Vladimir Putin", "Putin"),
    ]
    got = reg.assign("a1", ents, body)
    assert got == reg.mentions("a1")
    assert [(m.text, m.entity, m.type) for m in got] == [
        ("Assad", "Bashar al-Assad", "person"),
        ("Putin", "Vladimir Putin", "person"),
        ("Bashar al-Assad", "Bashar al-Assad", "person"),
        ("Damascus", "Damascus", "place"),
    ]
    assert all(body[m.start : m.end] == m.text for m in got)


def test_assign_replaces_and_forget_removes(reg: Registry) -> None:
    add(reg, "a1", "Homs.", ("place", "Homs"))
    add(reg, "a1", "Idlib.", ("place", "Idlib"))
    assert [e.name for e in reg.counts()] == ["Idlib"]
    assert [m.text for m in reg.mentions("a1")] == ["Idlib"]
    assert reg.find("Homs") == []  # nothing mentions it any more: it is gone
    reg.forget("a1")
    assert reg.counts() == [] and reg.mentions("a1") == []


def test_forms_only_forgotten_articles_taught_are_forgotten(reg: Registry) -> None:
    add(reg, "a1", "Bashar al-Assad; Assad.", ("person", "Bashar al-Assad", "Assad"))
    add(reg, "a2", "Bashar al-Assad; President Assad.", ("person", "Bashar al-Assad", "Assad"))
    add(reg, "a1", "Bashar al-Assad; Bashar.", ("person", "Bashar al-Assad", "Bashar"))
    assert reg.counts()[0].aliases == ("Assad", "Bashar")
    reg.forget("a2")
    assert reg.counts()[0].aliases == ("Bashar",)
    assert reg.terms("a1")["person"] == ["Bashar al-Assad", "Bashar"]


def test_changed_articles_reports_automatic_renames_and_merges(reg: Registry) -> None:
    add(reg, "a1", "HTS fighters arrived.", ("org", "HTS"))
    add(reg, "a2", "Hayat Tahrir al-Sham advanced.", ("org", "Hayat Tahrir al-Sham"))
    add(reg, "a3", "Damascus.", ("place", "Damascus"))
    assert reg.changed_articles() == set()
    add(reg, "a4", HTS_FULL, ("org", "Hayat Tahrir al-Sham", "HTS"))  # merges a1's entity
    assert reg.changed_articles() == {"a1", "a2", "a4"}
    assert reg.changed_articles() == set()
    add(reg, "a5", "Assad.", ("person", "Assad"))
    add(reg, "a6", "Bashar al-Assad.", ("person", "Bashar al-Assad"))  # a better display name
    assert reg.changed_articles() == {"a5", "a6"}


def test_ingestion_lookups_use_indexes(reg: Registry, conn: sqlite3.Connection) -> None:
    """assign() runs once per article over tens of thousands: no statement may scan a table."""
    add(reg, "a1", "Bashar al-Assad; Assad. HTS.", ("person", "Bashar al-Assad", "Assad"))
    seen: list[str] = []
    conn.set_trace_callback(seen.append)
    add(reg, "a2", "Assad and Karimi. HTS.", ("person", "Assad"), ("person", "Karimi"))
    add(reg, "a3", HTS_FULL, ("org", "Hayat Tahrir al-Sham", "HTS"))
    add(reg, "a1", "Ahmed Karimi.", ("person", "Ahmed Karimi"))
    conn.set_trace_callback(None)
    scans = []
    for sql in dict.fromkeys(seen):
        if sql.lstrip().split()[0].upper() in ("SELECT", "UPDATE", "DELETE"):
            for row in conn.execute("EXPLAIN QUERY PLAN " + sql):
                # Tables by name or by a one-letter alias ("SCAN m"); json_each is no table.
                if re.match(r"SCAN (entities|entity_\w+|[a-z]\b)", row[3]):
                    scans.append((row[3], sql))
    assert len(seen) > 20 and scans == []


def test_find_exact_first_then_containment(reg: Registry) -> None:
    add(reg, "a1", "Bashar al-Assad.", ("person", "Bashar al-Assad"))
    add(reg, "a2", "Asma al-Assad.", ("person", "Asma al-Assad"))
    add(reg, "a3", "Assad.", ("person", "Assad"))  # "assad" is no longer rare: its own entity
    add(reg, "a4", "Assad.", ("person", "Assad"))
    assert [e.name for e in reg.find("assad")] == ["Assad", "Asma al-Assad", "Bashar al-Assad"]
    assert reg.articles_of("al-Assad", "person") == {"a1", "a2", "a3", "a4"}
    assert reg.articles_of("bashar al assad") == {"a1"}
    assert reg.find("Assad", "place") == []


def test_state_survives_a_new_registry_on_the_same_database(tmp_path: Path) -> None:
    db = tmp_path / "lib.sqlite"
    with sqlite3.connect(db) as c:
        add(Registry(c), "a1", "Bashar al-Assad.", ("person", "Bashar al-Assad"))
    c.close()
    with sqlite3.connect(db) as c:
        again = Registry(c)
        add(again, "a2", "Assad.", ("person", "Assad"))
        assert people(again) == {"Bashar al-Assad": 2}
    c.close()


# -- user corrections ----------------------------------------------------------------------------
@pytest.fixture
def syria(reg: Registry) -> Registry:
    add(reg, "a1", "Bashar al-Assad left. Assad flew.", ("person", "Bashar al-Assad", "Assad"))
    add(reg, "a2", "Hafez Assad ruled.", ("person", "Hafez Assad"))
    add(reg, "a3", HTS_FULL, ("org", "Hayat Tahrir al-Sham", "HTS"))
    add(reg, "a4", "Tahrir al-Sham forces.", ("org", "Tahrir al-Sham"))
    return reg


IDS = ["a1", "a2", "a3", "a4", "a5"]


def test_merge_and_undo(syria: Registry) -> None:
    before = snapshot(syria, IDS)
    message, affected = syria.merge("Hayat Tahrir al-Sham", "Tahrir al-Sham")
    assert "Merged" in message and "Hayat Tahrir al-Sham" in message
    assert affected == {"a3", "a4"}
    assert [(e.name, e.count) for e in syria.counts("org")] == [("Hayat Tahrir al-Sham", 2)]
    assert syria.mentions("a4")[0].entity == "Hayat Tahrir al-Sham"
    assert "Tahrir al-Sham" in syria.terms("a3")["org"]
    undone = syria.undo()
    assert undone is not None
    assert (
        undone[0]
        == 'Separated "Tahrir al-Sham" from "Hayat Tahrir al-Sham" again (undid the merge)'
    )
    assert undone[1] == {"a3", "a4"}
    assert snapshot(syria, IDS) == before
    assert syria.undo() is None


def test_merge_is_remembered_for_new_articles(syria: Registry) -> None:
    syria.merge("Hayat Tahrir al-Sham", "Tahrir al-Sham")
    add(syria, "a5", "Tahrir al-Sham again.", ("org", "Tahrir al-Sham"))
    assert syria.mentions("a5")[0].entity == "Hayat Tahrir al-Sham"


def test_rename_mentions_follow_and_new_articles_still_resolve(syria: Registry) -> None:
    before = snapshot(syria, IDS)
    message, affected = syria.rename("bashar al assad", "Bashar Hafez al-Assad")
    assert message == 'Renamed "Bashar al-Assad" to "Bashar Hafez al-Assad" (person)'
    assert affected == {"a1"}
    assert {m.entity for m in syria.mentions("a1")} == {"Bashar Hafez al-Assad"}
    add(syria, "a5", "Bashar al-Assad again.", ("person", "Bashar al-Assad"))
    assert syria.mentions("a5")[0].entity == "Bashar Hafez al-Assad"
    # The user's name wins over the automatic "longest form" choice.
    add(syria, "a6", "Bashar Hafez al-Assad III.", ("person", "Bashar Hafez al-Assad III"))
    assert "Bashar Hafez al-Assad III" not in people(syria)
    syria.forget("a5")
    syria.forget("a6")
    syria.undo()
    assert snapshot(syria, IDS) == before


def test_a_rename_whose_old_name_is_part_of_the_new_holds_for_new_articles(reg: Registry) -> None:
    """ "Hague" renamed "The Hague": the old name is a part of the new one, and parts alone
    resolve nowhere; the rename keeps it a form the user vouched for, and undo takes it back."""
    add(reg, "a1", "Talks opened in Hague on Monday.", ("place", "Hague"))
    before = snapshot(reg, ["a1"])
    reg.rename("Hague", "The Hague")
    add(reg, "a2", "Judges in Hague set a hearing.", ("place", "Hague"))
    assert {e.name: e.count for e in reg.counts("place")} == {"The Hague": 2}
    reg.forget("a2")
    reg.undo()
    assert snapshot(reg, ["a1"]) == before


def test_rename_onto_another_entity_suggests_merge(syria: Registry) -> None:
    with pytest.raises(EntityError, match="merge"):
        syria.rename("Bashar al-Assad", "Hafez Assad")


def test_split_and_undo(syria: Registry) -> None:
    before = snapshot(syria, IDS)
    message, affected = syria.split("Hayat Tahrir al-Sham", "HTS")
    assert message.startswith('Split "HTS" from "Hayat Tahrir al-Sham"')
    assert affected == {"a3"}
    assert {e.name: e.count for e in syria.counts("org")} == {
        "Hayat Tahrir al-Sham": 1,
        "HTS": 1,
        "Tahrir al-Sham": 1,
    }
    assert [(m.text, m.entity) for m in syria.mentions("a3")] == [
        ("Hayat Tahrir al-Sham", "Hayat Tahrir al-Sham"),
        ("HTS", "HTS"),
        ("HTS", "HTS"),
    ]
    assert syria.find("hts") == [EntityCount("HTS", "org", 1, ())]
    assert syria.find("Hayat Tahrir al-Sham")[0].aliases == ()
    undone = 'Merged "HTS" back into "Hayat Tahrir al-Sham" (undid the split)'
    assert syria.undo() == (undone, {"a3"})
    assert snapshot(syria, IDS) == before


def test_splitting_the_name_a_merge_brought_in_brings_back_that_entity(reg: Registry) -> None:
    # QA: a person renamed, then merged into another; splitting the new name off gave an empty
    # entity (the renamed name carried no mention) while its articles stayed with the target.
    add(reg, "j1", "Abu Mohammed al-Jolani spoke.", ("person", "Abu Mohammed al-Jolani"))
    add(reg, "j2", "Abu Mohammed al-Jolani left.", ("person", "Abu Mohammed al-Jolani"))
    add(reg, "b1", "Bashar al-Assad flew.", ("person", "Bashar al-Assad"))
    reg.rename("Abu Mohammed al-Jolani", "Ahmed al-Sharaa")
    reg.merge("Bashar al-Assad", "Ahmed al-Sharaa")
    assert people(reg) == {"Bashar al-Assad": 3}
    before = snapshot(reg, ["j1", "j2", "b1"])
    message, affected = reg.split("Bashar al-Assad", "Ahmed al-Sharaa")
    assert (
        message == 'Split "Ahmed al-Sharaa" from "Bashar al-Assad": now its own person (2 articles)'
    )
    assert affected == {"j1", "j2", "b1"}
    assert people(reg) == {"Bashar al-Assad": 1, "Ahmed al-Sharaa": 2}
    assert {m.entity for m in reg.mentions("j1")} == {"Ahmed al-Sharaa"}
    assert reg.find("Abu Mohammed al-Jolani")[0].name == "Ahmed al-Sharaa"
    assert reg.find("Bashar al-Assad")[0].aliases == ()
    # Undo puts it back inside Assad, then the merge's own undo parts them as before it.
    assert reg.undo() is not None
    assert snapshot(reg, ["j1", "j2", "b1"]) == before
    reg.undo()
    assert people(reg) == {"Bashar al-Assad": 1, "Ahmed al-Sharaa": 2}
    # A form that was never a merged entity's name still splits alone.
    reg.merge("Bashar al-Assad", "Ahmed al-Sharaa")
    reg.split("Bashar al-Assad", "Abu Mohammed al-Jolani")
    assert people(reg) == {"Bashar al-Assad": 1, "Abu Mohammed al-Jolani": 2}


def test_split_is_not_undone_by_later_articles(syria: Registry) -> None:
    syria.split("Bashar al-Assad", "Assad")
    add(syria, "a5", "Assad spoke.", ("person", "Assad"))
    add(syria, "a6", "Bashar al-Assad met Assad.", ("person", "Bashar al-Assad", "Assad"))
    counts = people(syria)
    assert counts["Bashar al-Assad"] == 2 and counts["Assad"] == 3
    assert [(m.text, m.entity) for m in syria.mentions("a6")] == [
        ("Bashar al-Assad", "Bashar al-Assad"),
        ("Assad", "Assad"),
    ]
    # Undo puts every "Assad" form back, those later articles brought too.
    syria.undo()
    assert {m.entity for m in syria.mentions("a5")} == {"Bashar al-Assad"}


def test_split_unknown_alias_lists_the_aliases(syria: Registry) -> None:
    with pytest.raises(EntityError, match=r'no alias "ISIS".*"HTS"'):
        syria.split("Hayat Tahrir al-Sham", "ISIS")
    with pytest.raises(EntityError, match="rename"):
        syria.split("Hayat Tahrir al-Sham", "hayat tahrir al sham")


def test_alias_merges_namesakes_and_teaches_future_articles(reg: Registry) -> None:
    add(reg, "a1", "Ahmed Karimi spoke.", ("person", "Ahmed Karimi"))
    add(reg, "a2", "Leila Karimi replied.", ("person", "Leila Karimi"))
    add(reg, "a3", "Karimi declined.", ("person", "Karimi"))
    before = snapshot(reg, ["a1", "a2", "a3", "a4"])
    message, affected = reg.alias("Ahmed Karimi", "Karimi")
    assert message == '"Karimi" now means "Ahmed Karimi" (person); merged "Karimi"'
    assert affected == {"a1", "a3"}
    assert people(reg) == {"Ahmed Karimi": 2, "Leila Karimi": 1}
    # "karimi" is not a rare token, but the user vouched for the alias.
    add(reg, "a4", "Karimi again.", ("person", "Karimi"))
    assert reg.mentions("a4")[0].entity == "Ahmed Karimi"
    reg.forget("a4")
    undone = '"Karimi" no longer means "Ahmed Karimi"; separated "Karimi" again (undid the alias)'
    assert reg.undo() == (undone, {"a1", "a3"})
    assert snapshot(reg, ["a1", "a2", "a3", "a4"]) == before


def test_corrections_undo_in_reverse_order(syria: Registry) -> None:
    before = snapshot(syria, IDS)
    syria.merge("Hayat Tahrir al-Sham", "Tahrir al-Sham")
    syria.rename("Hayat Tahrir al-Sham", "Hay’at Tahrir al-Sham")
    syria.split("Hay’at Tahrir al-Sham", "Tahrir al-Sham")
    assert {e.name for e in syria.counts("org")} == {"Hay’at Tahrir al-Sham", "Tahrir al-Sham"}
    for _ in range(3):
        assert syria.undo() is not None
    assert syria.undo() is None
    assert snapshot(syria, IDS) == before


# -- errors --------------------------------------------------------------------------------------
def test_unknown_name_suggests_close_names(syria: Registry) -> None:
    with pytest.raises(EntityError, match=r'No entity called "Bashar al-Asad"\. Did you mean '):
        syria.merge("Bashar al-Asad", "Hafez Assad")
    with pytest.raises(EntityError, match=r'No person called.*"Bashar al-Assad"'):
        syria.rename("Bashar al-Asad", "x", "person")
    with pytest.raises(EntityError, match="No place called"):
        syria.articles_of("Assad", "place")


def test_ambiguous_name_asks_for_a_type(reg: Registry) -> None:
    add(reg, "a1", "Pell Orvane (PO) met.", ("person", "Pell Orvane", "PO"))
    add(reg, "a2", "Port Orsk (PO) opened.", ("place", "Port Orsk", "PO"))
    with pytest.raises(AmbiguousName, match=r"ambiguous.*type") as caught:
        reg.rename("PO", "Orsk")
    assert {(c.name, c.type, c.count) for c in caught.value.candidates} == {
        ("Pell Orvane", "person", 1),
        ("Port Orsk", "place", 1),
    }
    message, _ = reg.rename("PO", "Orsk", "place")
    assert "(place)" in message


def test_a_part_of_names_lists_the_entities_it_is_part_of(reg: Registry) -> None:
    """A correction never guesses which "Vardanyan" was meant; it lists each one it is part of
    with type and count, like `dateline entity` does, even when only one fits the type."""
    add(reg, "a1", "Tigran Vardanyan spoke.", ("person", "Tigran Vardanyan"))
    add(reg, "a2", "Vardanyan Freight grew.", ("org", "Vardanyan Freight"))
    with pytest.raises(AmbiguousName, match=r'exactly "Vardanyan".*part of') as caught:
        reg.retype("Vardanyan", "place")
    assert {(c.name, c.type) for c in caught.value.candidates} == {
        ("Tigran Vardanyan", "person"),
        ("Vardanyan Freight", "org"),
    }
    with pytest.raises(AmbiguousName) as caught:
        reg.block("Vardanyan", "org")
    assert [(c.name, c.type, c.count) for c in caught.value.candidates] == [
        ("Vardanyan Freight", "org", 1)
    ]


def test_merge_refuses_itself(syria: Registry) -> None:
    with pytest.raises(EntityError, match="already the same"):
        syria.merge("Bashar al-Assad", "Assad")


# -- display names from wire copy ------------------------------------------------------------------
def test_a_datelines_capitals_never_become_the_display_name(reg: Registry) -> None:
    """Extraction lists the dateline "LIMA —" as "Lima"; the registry counts the spelling the
    article wrote, "LIMA", but a reader's sidebar must not shout it."""
    add(reg, "a1", "LIMA — Congress met.", ("place", "Lima", "LIMA"))
    add(reg, "a2", "LIMA — Markets rose.", ("place", "Lima", "LIMA"))
    assert {e.name for e in reg.counts("place")} == {"Lima"}
    add(reg, "a3", "NATO met in Brussels.", ("org", "NATO"))
    assert {e.name for e in reg.counts("org")} == {"NATO"}  # an acronym stays as written


def test_an_acronym_is_no_city_by_some_citys_code(reg: Registry) -> None:
    add(reg, "a1", "Shares of BP fell.", ("org", "BP"))
    add(reg, "a2", "BP said output rose.", ("org", "BP"))
    assert {(e.name, e.type) for e in reg.counts()} == {("BP", "org")}
