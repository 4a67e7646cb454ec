"""Cross-article merges and display names the registry must not get wrong: one acronym for two
bodies of different countries, and library-wide choices that would override what an article
got right. Invented text throughout."""

from __future__ import annotations

from dataclasses import replace

from index.entities import LocalEntity, extract
from index.entities.matches import plays
from index.entities.registry import Registry
from test_registry import add, local


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


# -- a club and its town under one name -------------------------------------------------------
MATCH = "Castres beat Brive 31-17 at home on Saturday, and Castres climb to fifth."
FERRY = "A new bus line links Castres with Toulouse from March."


def club(body: str, name: str) -> LocalEntity:
    """The extractor's organisation for a name the article shows playing."""
    return replace(local(body, "org", name), evidence=True, team=True)


def typed(reg: Registry) -> set[tuple[str, str, int]]:
    return {(e.name, e.type, e.count) for e in reg.counts()}


def test_a_club_named_for_its_town_stays_the_club_in_its_match_report(reg: Registry) -> None:
    add(reg, "a1", FERRY, ("place", "Castres"), ("place", "Toulouse"))
    reg.assign("a2", [club(MATCH, "Castres")], MATCH)
    add(reg, "a3", "Flooding closed two roads near Castres.", ("place", "Castres"))
    assert {("Castres", "org", 1), ("Castres", "place", 2)} <= typed(reg)
    assert reg.names(["a2"])["a2"]["org"] == ["Castres"]
    assert reg.names(["a2"])["a2"]["place"] == []


def test_a_club_seen_first_is_not_folded_into_the_town_later(reg: Registry) -> None:
    reg.assign("a1", [club(MATCH, "Castres")], MATCH)
    add(reg, "a2", FERRY, ("place", "Castres"), ("place", "Toulouse"))
    add(reg, "a3", "Castres voted for a new mayor.", ("org", "Castres"))  # no match: the vote
    assert {("Castres", "org", 1), ("Castres", "place", 2)} <= typed(reg)


def test_match_reports_do_not_make_the_town_the_club(reg: Registry) -> None:
    for aid in ("a1", "a2", "a3"):
        reg.assign(aid, [club(MATCH, "Castres")], MATCH)
    add(reg, "a4", FERRY, ("place", "Castres"), ("place", "Toulouse"))
    assert {("Castres", "org", 3), ("Castres", "place", 1)} <= typed(reg)


def test_a_user_s_merge_of_the_club_into_the_town_wins_until_undone(reg: Registry) -> None:
    add(reg, "a1", FERRY, ("place", "Castres"), ("place", "Toulouse"))
    reg.assign("a2", [club(MATCH, "Castres")], MATCH)
    reg.merge("Castres", "Castres", "place")  # the user: one entity, the town
    assert ("Castres", "place", 2) in typed(reg)
    reg.assign("a3", [club(MATCH, "Castres")], MATCH)
    assert ("Castres", "place", 3) in typed(reg)
    assert not any(t == "org" for _n, t, _c in typed(reg))
    reg.undo()
    assert {("Castres", "org", 1), ("Castres", "place", 2)} <= typed(reg)
    reg.assign("a4", [club(MATCH, "Castres")], MATCH)
    assert ("Castres", "org", 2) in typed(reg)


def test_a_user_s_type_for_the_name_is_final_over_a_match_report(reg: Registry) -> None:
    add(reg, "a1", FERRY, ("place", "Castres"), ("place", "Toulouse"))
    reg.retype("Castres", "place")
    reg.assign("a2", [club(MATCH, "Castres")], MATCH)
    assert ("Castres", "place", 2) in typed(reg)


def test_a_fixture_to_come_is_not_yet_a_club_apart_from_its_town() -> None:
    body = "They will meet Castres in the final after a 21-14 win. Castres beat Pau 9-3."
    at = body.index("Castres")
    assert not plays(body, at, at + len("Castres"))
    at = body.rindex("Castres")
    assert plays(body, at, at + len("Castres"))


# -- a body inside another body's name ---------------------------------------------------------
def _orgs_of(title: str, body: str) -> dict[str, tuple[str, ...]]:
    (found,) = extract([(title, body)])
    return {e.name: e.aliases for e in found if e.type == "org"}


def test_a_unit_of_a_body_is_not_the_body() -> None:
    body = (
        "Officers of the Special Protection Department of the Interior Ministry detained "
        "twelve students on Monday, lawyer Nadia Berisha said. The Interior Ministry "
        "declined to comment. The Delegation of the European Union said it was concerned, "
        "and the European Union called for calm."
    )
    found = _orgs_of("Students detained in Tirana", body)
    assert "Interior Ministry" in found and "European Union" in found
    assert not any("Interior Ministry" in a or "European Union" in a for a in found.values())


def test_a_university_of_a_town_is_not_the_polytechnic_university_of_it() -> None:
    body = (
        "Engineers from the Polytechnic University of Tirana drew up the plan, and "
        "lecturers at the University of Tirana opposed it. Professor Arben Kola of the "
        "University of Tirana said the park was the city's last."
    )
    found = _orgs_of("Architects split over park towers", body)
    assert "University of Tirana" in found and "Polytechnic University of Tirana" in found


def test_a_group_named_of_a_place_is_not_the_place() -> None:
    body = (
        "The Friends of the Abbey Gardens, a volunteer group, want the Abbey Gardens "
        "fountain repaired. Volunteers with the Friends of the Abbey Gardens met on Angel "
        "Hill in Bury St Edmunds. The Abbey Gardens reopen on Monday."
    )
    (found,) = extract([("Volunteers plan fountain repair", body)])
    names = {e.name: e.aliases for e in found}
    assert "Abbey Gardens" in names and "Friends of the Abbey Gardens" in names
    assert "Abbey Gardens" not in names["Friends of the Abbey Gardens"]


def test_a_towns_body_is_written_short_as_its_kind_of_body() -> None:
    # invented: a town's name before the body's kind is where it is, no other body
    body = (
        "The Kisumu Ministry of Health opened a clinic on Monday. The Ministry of Health said "
        "40 nurses would staff it."
    )
    found = _orgs_of("Clinic opens", body)
    assert "Kisumu Ministry of Health" in found and "Ministry of Health" not in found


def test_a_company_is_not_the_fund_named_after_it() -> None:
    # invented: a listed company, and a fund its staff own, named after it
    body = (
        "Safaricom raised its full-year profit forecast on Thursday, citing stronger mobile "
        "money volumes. Chief executive Wanjiru Kamau said demand had held up. Units in the "
        "Safaricom Staff Pension Fund rose 2 percent in Nairobi trading."
    )
    found = _orgs_of("Safaricom lifts forecast", body)
    assert "Safaricom" in found and "Safaricom Staff Pension Fund" in found
    assert "Safaricom" not in found["Safaricom Staff Pension Fund"]


def test_a_lone_short_form_retyped_to_a_firm_joins_the_firm(reg: Registry) -> None:
    # invented: the first article reads the firm's short name as a place; later ones write
    # it for the firm, so the library retypes it, and it is that firm, not a second one
    add(
        reg,
        "a1",
        "Customers of Marula Pay queued in Gulu. Marula said refunds would start soon.",
        ("org", "Marula Pay"),
        ("place", "Marula"),
    )
    body = "Agents blamed Marula Pay. Marula owes them money."
    add(reg, "a2", body, ("org", "Marula Pay", "Marula"))
    add(reg, "a3", "Marula hired fast and Marula grew.", ("org", "Marula"))
    listed = reg.names(["a1"])["a1"]
    assert listed["org"] == ["Marula Pay"] and listed["place"] == []


def test_a_given_name_retyped_to_a_person_joins_the_one_its_articles_name(reg: Registry) -> None:
    # invented: two articles read a man's given name alone as a place, beside his full name;
    # once a third makes the name a person, it is him in those two, not a second person
    for aid in ("a1", "a2"):
        body = "Contractor Rahmat Hafiz Osman denied the claims. Rahmat left the court."
        add(reg, aid, body, ("person", "Rahmat Hafiz Osman"), ("place", "Rahmat"))
    body = "Rahmat told reporters he had paid the invoices."
    reg.assign("a3", [replace(local(body, "person", "Rahmat"), evidence=True)], body)
    listed = reg.names(["a1", "a2"])
    for aid in ("a1", "a2"):
        assert listed[aid]["person"] == ["Rahmat Hafiz Osman"] and listed[aid]["place"] == []
