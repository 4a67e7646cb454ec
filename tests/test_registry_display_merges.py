"""Cross-article merges and display names the registry must not get wrong: one acronym for two
bodies of different countries, and library-wide choices that would override what an article
got right. Invented text throughout."""

from __future__ import annotations

from index.entities.registry import Registry
from test_registry import add


def orgs(reg: Registry) -> set[tuple[str, int]]:
    return {(e.name, e.count) for e in reg.counts("org")}


def test_one_acronym_for_two_bodies_sharing_only_an_everyday_word(reg: Registry) -> None:
    add(
        reg,
        "a1",
        "The National Roads Authority (NRA) of Ireland closed the bridge.",
        ("org", "National Roads Authority", "NRA"),
    )
    add(
        reg,
        "a2",
        "Nepal's Reconstruction Authority (NRA) reopened a school in Gorkha.",
        ("org", "Nepal Reconstruction Authority", "NRA"),
    )
    assert orgs(reg) == {("National Roads Authority", 1), ("Nepal Reconstruction Authority", 1)}


def test_one_acronym_for_names_mostly_alike_is_still_one_body(reg: Registry) -> None:
    add(
        reg,
        "a1",
        "The National Police of Chile (NPC) made arrests.",
        ("org", "National Police of Chile", "NPC"),
    )
    add(
        reg,
        "a2",
        "Chile's National Police Corps (NPC) denied it.",
        ("org", "National Police Corps of Chile", "NPC"),
    )
    assert len(orgs(reg)) == 1


POLICE = "Canberra: the Australian Federal Police (AFP) seized the yacht near Darwin."


def test_a_bare_acronym_in_an_article_that_never_names_the_body_s_country(reg: Registry) -> None:
    add(reg, "a1", POLICE, ("org", "Australian Federal Police", "AFP"))
    add(reg, "a2", "LIMA, Peru (AFP) - Miners marched on Cusco.", ("org", "AFP"))
    assert orgs(reg) == {("Australian Federal Police", 1), ("AFP", 1)}
    # an article that names the country, by its name or its people, means that body
    add(reg, "a3", "Two Australians were charged, AFP said.", ("org", "AFP"))
    add(reg, "a4", "In Australia, AFP officers raided a farm.", ("org", "AFP"))
    assert ("Australian Federal Police", 3) in orgs(reg)


def test_a_body_that_names_no_country_takes_its_bare_acronym_anywhere(reg: Registry) -> None:
    add(
        reg,
        "a1",
        "The International Grain Council (IGC) met in Rome.",
        ("org", "International Grain Council", "IGC"),
    )
    add(reg, "a2", "Nairobi traders cited the IGC outlook.", ("org", "IGC"))
    assert orgs(reg) == {("International Grain Council", 2)}


def test_a_user_s_merge_of_the_bare_acronym_wins(reg: Registry) -> None:
    add(reg, "a1", POLICE, ("org", "Australian Federal Police", "AFP"))
    add(reg, "a2", "Quito police thanked the AFP.", ("org", "AFP"))
    assert len(orgs(reg)) == 2
    reg.merge("Australian Federal Police", "AFP")
    add(reg, "a3", "Bogotá officials briefed the AFP.", ("org", "AFP"))
    assert orgs(reg) == {("Australian Federal Police", 3)}


def test_a_surname_the_article_s_people_bear_stays_a_person(reg: Registry) -> None:
    body = (
        "Lim Hwee Seng chairs the planter; his nephew Lim Kok Tai runs the mill. "
        "Lim said the listing was on track. Lim added that yields rose. Lim smiled."
    )
    add(
        reg,
        "a1",
        body,
        ("person", "Lim Hwee Seng"),
        ("person", "Lim Kok Tai"),
        ("person", "Lim"),
    )
    assert ("Lim", "person", 1) in {(e.name, e.type, e.count) for e in reg.counts()}


def test_a_bare_acronym_seen_first_is_not_taken_by_another_country_s_body(reg: Registry) -> None:
    add(
        reg,
        "a1",
        "LIMA, Peru (AFP) - Miners marched on Cusco.",
        ("place", "Peru"),
        ("place", "Cusco"),
        ("org", "AFP"),
    )
    add(reg, "a2", POLICE, ("org", "Australian Federal Police", "AFP"))
    assert orgs(reg) == {("Australian Federal Police", 1), ("AFP", 1)}
    add(
        reg,
        "a3",
        "Perth, Australia: AFP officers raided a farm.",
        ("place", "Australia"),
        ("org", "AFP"),
    )
    add(reg, "a4", POLICE, ("org", "Australian Federal Police", "AFP"))
    assert ("Australian Federal Police", 3) in orgs(reg)


def test_a_short_form_another_article_wrote_for_a_firm_votes_for_its_type(reg: Registry) -> None:
    add(
        reg,
        "a1",
        "Marula Pay froze accounts. Marula said customers would be paid.",
        ("org", "Marula Pay", "Marula"),
    )
    add(
        reg,
        "a2",
        "Agents in Gulu blamed Marula Pay. Marula owes them money.",
        ("org", "Marula Pay", "Marula"),
    )
    add(reg, "a3", "Marula was a darling of investors. Marula hired fast.", ("place", "Marula"))
    assert ("Marula", "org") in {(e.name, e.type) for e in reg.counts()}
