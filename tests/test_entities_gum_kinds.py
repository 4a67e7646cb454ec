"""Regression tests for the error kinds found on GUM's Wikinews documents (issue 8), invented text.

Each test hands `resolve` the spans a model returned when it made that kind of mistake (no
model is loaded) and checks what a reader sees: names, types and aliases. People and
organisations are invented; places are real where the gazetteer is the point.
"""

from __future__ import annotations

from index.entities import LocalEntity
from index.entities.resolve import resolve
from tests.test_entities_error_kinds import at, listed, named


def aliases(entities: list[LocalEntity], name: str) -> set[str]:
    return set(named(entities, name).aliases)


# alias not merged: a surname beside names that only use it as a modifier ----------------------
def test_a_surname_joins_the_person_not_the_names_it_modifies() -> None:
    body = (
        "Lionel Quist opened the show on Friday. The Quist Archive lent most of the prints.\n\n"
        "Quist said the Quist Polaroids were his favourite. Quist left early."
    )
    raw = [
        at(body, "Lionel Quist", "PERSON"),
        at(body, "The Quist Archive", "ORG"),
        at(body, "Quist", "PERSON", 2),
        at(body, "Quist Polaroids", "PERSON"),
        at(body, "Quist", "PERSON", 4),
    ]
    found = resolve(body, raw)
    assert "Quist" in aliases(found, "Lionel Quist")
    assert ("org", "Quist Archive") in listed(found)
    assert all(e.name != "Quist" for e in found)


# boundary: an organisation named after a person is not cut into a person ----------------------
def test_an_org_named_after_a_person_keeps_its_tail() -> None:
    body = (
        "Mira Solberg sailed for forty years. The Mira Solberg Coastal Survey Program pays for "
        "two boats.\n\nSince 2010 the Mira Solberg Coastal Survey Program has mapped reefs."
    )
    raw = [
        at(body, "Mira Solberg", "PERSON"),
        at(body, "The Mira Solberg Coastal Survey Program", "ORG"),
        at(body, "the Mira Solberg Coastal Survey Program", "ORG"),
    ]
    found = resolve(body, raw)
    assert ("org", "Mira Solberg Coastal Survey Program") in listed(found)
    assert all(e.name != "Coastal Survey Program" for e in found)


def test_a_full_name_starting_with_a_first_name_used_alone_stays_whole() -> None:
    body = (
        "Tariq Haddad, 14, built the clock. Tariq said he was proud.\n\n"
        "His father, Tariq Yusuf Haddad, thanked the teachers. Haddad met reporters later."
    )
    raw = [
        at(body, "Tariq Haddad", "PERSON"),
        at(body, "Tariq", "PERSON", 1),
        at(body, "Tariq Yusuf Haddad", "PERSON"),
        at(body, "Haddad", "PERSON", 2),
    ]
    found = resolve(body, raw)
    assert ("person", "Tariq Yusuf Haddad") in listed(found)
    assert all(e.name != "Yusuf Haddad" for e in found)


# alias not merged: a shared surname used alone before the second person is introduced ----------
def test_a_shared_surname_goes_to_the_person_met_first() -> None:
    body = (
        "Rhea Kolvik filed the suit in March. Kolvik said the bank ignored her.\n\n"
        "Her brother, Anton Kolvik, joined the case in May."
    )
    raw = [
        at(body, "Rhea Kolvik", "PERSON"),
        at(body, "Kolvik", "PERSON", 1),
        at(body, "Anton Kolvik", "PERSON"),
    ]
    found = resolve(body, raw)
    assert "Kolvik" in aliases(found, "Rhea Kolvik")
    assert "Kolvik" not in aliases(found, "Anton Kolvik")


def test_a_shared_surname_after_both_are_introduced_stays_unlisted() -> None:
    body = "Rhea and Anton Kolvik filed the suit. Rhea Kolvik and Anton Kolvik spoke. Kolvik wept."
    raw = [
        at(body, "Rhea Kolvik", "PERSON"),
        at(body, "Anton Kolvik", "PERSON"),
        at(body, "Kolvik", "PERSON", 3),
    ]
    found = resolve(body, raw)
    assert all(e.name != "Kolvik" and "Kolvik" not in e.aliases for e in found)


# wrong type: an organisation the model half reads as a location -------------------------------
def test_a_name_the_gazetteer_does_not_place_and_the_model_calls_an_org_is_an_org() -> None:
    body = (
        "She grew up within Quenthism and left at twenty. Members of Quenthism say the "
        "group is gentle.\n\nShe spoke about Quenthism on radio. Quenthism denied her account."
    )
    raw = [
        at(body, "Quenthism", "LOC", 0),
        at(body, "Quenthism", "ORG", 1),
        at(body, "Quenthism", "LOC", 2),
        at(body, "Quenthism", "ORG", 3),
    ]
    assert listed(resolve(body, raw)) == {("org", "Quenthism")}


def test_a_real_place_the_model_sometimes_calls_an_org_stays_a_place() -> None:
    body = (
        "Flooding hit Valencia on Monday. Valencia asked for help. Roads into Valencia closed "
        "and Valencia opened shelters."
    )
    raw = [
        at(body, "Valencia", "GPE", 0),
        at(body, "Valencia", "ORG", 1),
        at(body, "Valencia", "GPE", 2),
        at(body, "Valencia", "ORG", 3),
    ]
    assert listed(resolve(body, raw)) == {("place", "Valencia")}


# alias not merged: acronyms the article never defines -------------------------------------------
def test_an_undefined_acronym_joins_the_one_name_it_abbreviates() -> None:
    body = (
        "The New Harbour Party won six seats. NHP leaders celebrated in Manila.\n\n"
        "The Northern Rivers Authority said N.R.A. crews were ready in Samar."
    )
    raw = [
        at(body, "The New Harbour Party", "ORG"),
        at(body, "NHP", "ORG"),
        at(body, "Manila", "GPE"),
        at(body, "The Northern Rivers Authority", "ORG"),
        at(body, "N.R.A.", "ORG"),
    ]
    found = resolve(body, raw)
    assert "NHP" in aliases(found, "New Harbour Party")
    assert "N.R.A." in aliases(found, "Northern Rivers Authority")
    assert all(e.name not in ("NHP", "N.R.A.") for e in found)


def test_an_acronym_two_names_fit_stays_apart() -> None:
    body = "The Civic Action League and the Coastal Anglers League met. CAL members walked out."
    raw = [
        at(body, "The Civic Action League", "ORG"),
        at(body, "the Coastal Anglers League", "ORG"),
        at(body, "CAL", "ORG"),
    ]
    found = resolve(body, raw)
    assert ("org", "CAL") in listed(found)
    assert all("CAL" not in e.aliases for e in found)


# boundary: caption labels and pro-/anti- prefixes glued on --------------------------------------
def test_a_caption_label_after_a_name_comes_off() -> None:
    body = "The team toured Washington D.C. Image: the team on the steps.\n\nThey flew home."
    raw = [at(body, "Washington D.C. Image", "GPE")]
    assert listed(resolve(body, raw)) == {("place", "Washington D.C.")}


def test_a_pro_place_prefix_before_a_party_comes_off() -> None:
    body = "Pro-Beijing Harbour Alliance candidates won two seats. The Harbour Alliance cheered."
    raw = [at(body, "Pro-Beijing Harbour Alliance", "ORG"), at(body, "Harbour Alliance", "ORG", 1)]
    assert listed(resolve(body, raw)) == {("org", "Harbour Alliance")}


# missed: the bare surname of a person the article introduced by full name ---------------------
def test_the_bare_surname_of_a_full_name_is_found_again() -> None:
    body = (
        "Corwin Aldane, a spokesman for the sheriff, confirmed the arrest. Aldane stated that "
        "the man was released on bail.\n\nAldane declined to comment further."
    )
    raw = [at(body, "Corwin Aldane", "PERSON")]
    found = resolve(body, raw)
    assert listed(found) == {("person", "Corwin Aldane")}
    assert len(named(found, "Corwin Aldane").mentions) == 3


def test_a_surname_that_is_also_a_common_word_is_not_found_again() -> None:
    body = "Mara Hope spoke first. Hope said the vote was close, and there is little hope left."
    raw = [at(body, "Mara Hope", "PERSON")]
    assert len(named(resolve(body, raw), "Mara Hope").mentions) == 1


# not an entity: products the model calls people or places ---------------------------------------
def test_products_are_not_people_or_places() -> None:
    body = (
        "Users of QX7 should upgrade, the company said. Nearly a third still run Lumora 6, "
        "and Lumora users face new risks.\n\nThe Vessa browser gained share, while Vessa "
        "rivals slipped. The firm is based in Oslo."
    )
    raw = [
        at(body, "QX7", "GPE"),
        at(body, "Lumora", "PERSON", 0),
        at(body, "Lumora", "PERSON", 1),
        at(body, "Vessa", "PERSON", 0),
        at(body, "Vessa", "PERSON", 1),
        at(body, "Oslo", "GPE"),
    ]
    assert listed(resolve(body, raw)) == {("place", "Oslo")}


def test_a_person_with_a_number_after_the_name_in_a_list_stays() -> None:
    body = "Dr Ilse Varn, 52, led the team. Ilse Varn said the results were clear."
    raw = [at(body, "Ilse Varn", "PERSON", 0), at(body, "Ilse Varn", "PERSON", 1)]
    assert listed(resolve(body, raw)) == {("person", "Ilse Varn")}


# wrong type: a programme's name is an organisation word ----------------------------------------
def test_a_programme_is_an_org() -> None:
    body = "The Harrow Valley Literacy Program opened a library. The program is free."
    raw = [at(body, "The Harrow Valley Literacy Program", "PERSON")]
    assert listed(resolve(body, raw)) == {("org", "Harrow Valley Literacy Program")}


# missed: widely reported organisations the model did not tag ---------------------------------
def test_a_known_org_the_model_missed_is_found() -> None:
    body = "The boy got messages from Facebook and an invitation to visit Google in Zurich."
    raw = [at(body, "Zurich", "GPE")]
    assert listed(resolve(body, raw)) == {
        ("org", "Facebook"),
        ("org", "Google"),
        ("place", "Zurich"),
    }


def test_a_known_org_name_used_as_a_word_or_a_surname_is_not_found() -> None:
    body = "Ada Bloomberg ate an apple. Apple trees grew. Bloomberg said so."
    raw = [at(body, "Ada Bloomberg", "PERSON")]
    assert listed(resolve(body, raw)) == {("person", "Ada Bloomberg")}


# alias not merged: an acronym of the name in another language -----------------------------------
def test_a_foreign_acronym_in_parentheses_after_an_org_is_its_alias() -> None:
    body = (
        "Brazil's Securities and Exchange Commission (CVM) opened a probe on Tuesday.\n\n"
        "The CVM said it would question the firm's auditors."
    )
    raw = [
        at(body, "Brazil", "GPE"),
        at(body, "Securities and Exchange Commission", "ORG"),
        at(body, "CVM", "ORG", 1),
    ]
    found = resolve(body, raw)
    assert "CVM" in aliases(found, "Securities and Exchange Commission")
    assert len(named(found, "Securities and Exchange Commission").mentions) == 3
    assert all(e.name != "CVM" for e in found)


# wrong type: small places the gazetteer does not know, placed by the sentence ----------------
def test_place_nouns_and_directions_place_unknown_names() -> None:
    body = (
        "Volunteers stood outside a shelter in the Brennock neighbourhood on Friday. Hotels in "
        "the Qaravel and Sutesh districts were evacuated.\n\nFamilies in villages around "
        "Tammuz Kheri still live in tents, and farms in the south of Ostrava Mala flooded."
    )
    raw = [
        at(body, "Brennock", "PERSON"),
        at(body, "Qaravel", "ORG"),
        at(body, "Sutesh", "ORG"),
        at(body, "Tammuz Kheri", "PERSON"),
        at(body, "Ostrava Mala", "ORG"),
    ]
    assert listed(resolve(body, raw)) == {
        ("place", "Brennock"),
        ("place", "Qaravel"),
        ("place", "Sutesh"),
        ("place", "Tammuz Kheri"),
        ("place", "Ostrava Mala"),
    }


def test_a_direction_before_a_known_region_is_a_place() -> None:
    body = "The road is the main link between Armenia and the South Caucasus ports."
    raw = [at(body, "Armenia", "GPE"), at(body, "the South Caucasus", "ORG")]
    assert listed(resolve(body, raw)) == {("place", "Armenia"), ("place", "South Caucasus")}


# alias not merged: an org's name cut where its qualifier starts ---------------------------------
def test_an_org_written_without_its_qualifier_joins_the_full_name() -> None:
    body = (
        "The Ardent Foundation for the Coastal Arts gave two grants. A spokesman for the Ardent "
        "Foundation said more would follow."
    )
    raw = [
        at(body, "The Ardent Foundation for the Coastal Arts", "ORG"),
        at(body, "the Ardent Foundation", "ORG"),
    ]
    found = resolve(body, raw)
    assert listed(found) == {("org", "Ardent Foundation for the Coastal Arts")}


# boundary: roles, modifiers and demonyms glued on -----------------------------------------------
def test_titles_and_trailing_demonyms_come_off() -> None:
    body = (
        "A Lakemoor County Sheriff spokesman declined to comment. Emeritus Professor Halvard "
        "Brisk said the Velmar Institute on French television was wrong.\n\nThe Shadow Home "
        "Secretary, Oona Delacroix, agreed with Brisk."
    )
    raw = [
        at(body, "Lakemoor County Sheriff", "ORG"),
        at(body, "Emeritus", "ORG"),
        at(body, "Halvard Brisk", "PERSON"),
        at(body, "the Velmar Institute on French", "ORG"),
        at(body, "Shadow Home", "ORG"),
        at(body, "Oona Delacroix", "PERSON"),
    ]
    assert listed(resolve(body, raw)) == {
        ("place", "Lakemoor County"),
        ("person", "Halvard Brisk"),
        ("org", "Velmar Institute"),
        ("person", "Oona Delacroix"),
    }


def test_a_span_run_across_a_lowercase_the_is_two_names() -> None:
    body = (
        "Orrin Vale left the group in June. According to Vale the Brightwell Society office "
        "kept his papers.\n\nVale said he wants them back."
    )
    raw = [
        at(body, "Orrin Vale", "PERSON"),
        at(body, "Vale the Brightwell Society", "ORG"),
        at(body, "Vale", "PERSON", 2),
    ]
    found = resolve(body, raw)
    assert listed(found) == {("person", "Orrin Vale"), ("org", "Brightwell Society")}
    assert len(named(found, "Orrin Vale").mentions) == 3


# wrong type: a denomination's church is an institution ------------------------------------------
def test_a_denomination_church_is_an_org_and_a_named_church_a_place() -> None:
    body = (
        "The Greek Orthodox Church criticised the plan. Mourners gathered at St Brannoc's "
        "Church in Dublin."
    )
    raw = [
        at(body, "The Greek Orthodox Church", "ORG"),
        at(body, "St Brannoc's Church", "ORG"),
        at(body, "Dublin", "GPE"),
    ]
    assert listed(resolve(body, raw)) == {
        ("org", "Greek Orthodox Church"),
        ("place", "St Brannoc's Church"),
        ("place", "Dublin"),
    }


# wrong merge: a direction makes another place -------------------------------------------------
def test_a_place_does_not_join_the_place_a_direction_makes_of_it() -> None:
    body = "He moved to Los Angeles in 2009. Officers later went to the East Los Angeles station."
    raw = [at(body, "Los Angeles", "GPE"), at(body, "the East Los Angeles", "LOC")]
    assert listed(resolve(body, raw)) == {("place", "Los Angeles"), ("place", "East Los Angeles")}


def test_a_briton_is_a_demonym_not_a_person() -> None:
    body = "A Briton was among the injured in Antalya, the embassy said."
    raw = [at(body, "Briton", "PERSON"), at(body, "Antalya", "GPE")]
    assert listed(resolve(body, raw)) == {("place", "Antalya")}
