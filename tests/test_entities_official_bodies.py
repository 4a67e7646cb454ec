"""Official bodies, associations and firms whose long names the model cut or missed: a Romance
body's name that goes on after its kind (`romanceorgs.py`). Each test hands `resolve` the spans
the model returned (no model is loaded); the bodies and people are invented.
"""

from __future__ import annotations

import pytest

from index.entities import gazetteer
from index.entities.resolve import resolve
from tests.test_entities_error_kinds import at, listed


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    gazetteer.warm()


@pytest.mark.parametrize(
    ("body", "span", "name"),
    [
        # the words after the kind say which body, before any connector
        (
            "The Dirección Regional Antinarcóticos contra el Tráfico Ilícito seized the boat.",
            "Dirección",
            "Dirección Regional Antinarcóticos contra el Tráfico Ilícito",
        ),
        # ... or after the connector the model stopped at
        (
            "A petition by the Asociación de Pescadores Artesanales reached the mayor on Friday.",
            "Asociación de Pescadores",
            "Asociación de Pescadores Artesanales",
        ),
        # "a" joins two parts of one name
        (
            "The Servicio Estatal de Protección a Testigos y Víctimas said it had moved them.",
            "Servicio Estatal de Protección a Testigos y Víctimas",
            "Servicio Estatal de Protección a Testigos y Víctimas",
        ),
    ],
)
def test_a_romance_bodys_name_goes_on_after_its_kind(body: str, span: str, name: str) -> None:
    assert ("org", name) in listed(resolve(body, [at(body, span, "ORG")]))


@pytest.mark.parametrize(
    ("body", "raw", "name"),
    [
        # the words after the kind, then a connector; what the model drew inside is the name's
        (
            "Rocío Tamayo told the Fiscalía Especializada de la Provincia that she had paid.",
            [("Rocío Tamayo", "PERSON"), ("la Provincia", "GPE")],
            "Fiscalía Especializada de la Provincia",
        ),
        # "pro" and "contra" join a body to its cause
        (
            "The Comité pro Defensa del Río Blanco called a strike in Arequipa.",
            [("Río Blanco", "LOC"), ("Arequipa", "GPE")],
            "Comité pro Defensa del Río Blanco",
        ),
    ],
)
def test_a_romance_body_the_model_missed_takes_what_it_drew_inside(
    body: str, raw: list[tuple[str, str]], name: str
) -> None:
    assert ("org", name) in listed(resolve(body, [at(body, t, label) for t, label in raw]))


def test_an_english_word_opening_a_name_takes_no_words_after_it() -> None:
    body = "The Red Cross Volunteers handed out water in Arequipa."
    raw = [at(body, "Red Cross", "ORG"), at(body, "Arequipa", "GPE")]
    assert ("org", "Red Cross") in listed(resolve(body, raw))


@pytest.mark.parametrize(
    ("body", "raw", "name"),
    [
        # a board named for a place whose own name holds "and"
        (
            "Fines were handed down on Friday. Antigua and Barbuda Football Board secretary"
            " Carla Joseph said the club would appeal.",
            [("Antigua", "GPE"), ("Barbuda Football Board", "ORG"), ("Carla Joseph", "PERSON")],
            "Antigua and Barbuda Football Board",
        ),
        # the town opening it, whatever the model read it as, then two fields joined by "and"
        (
            "Crowds were up by a third. Coffs Harbour Agricultural and Horticultural Society"
            " president Ross Pyke said so.",
            [
                ("Coffs Harbour", "PERSON"),
                ("Horticultural Society", "ORG"),
                ("Ross Pyke", "PERSON"),
            ],
            "Coffs Harbour Agricultural and Horticultural Society",
        ),
    ],
)
def test_a_bodys_name_the_model_cut_at_and_takes_the_words_before(
    body: str, raw: list[tuple[str, str]], name: str
) -> None:
    assert ("org", name) in listed(resolve(body, [at(body, t, label) for t, label in raw]))


def test_two_bodies_joined_by_and_stay_two() -> None:
    body = "Kestrel Rowing Club and Tamworth Cricket Board signed the deal on Monday."
    raw = [("Kestrel Rowing Club", "ORG"), ("Tamworth Cricket Board", "ORG")]
    found = listed(resolve(body, [at(body, t, label) for t, label in raw]))
    assert {("org", "Kestrel Rowing Club"), ("org", "Tamworth Cricket Board")} <= found


@pytest.mark.parametrize(
    ("body", "raw", "name"),
    [
        # the place a council serves, before the level it serves and its kind
        (
            "KENEMA — Kenema District Council on Tuesday opened a new clinic, Fatmata Sesay said.",
            [("KENEMA", "GPE"), ("District Council", "ORG"), ("Fatmata Sesay", "PERSON")],
            "Kenema District Council",
        ),
    ],
)
def test_a_council_named_by_its_level_takes_its_place(
    body: str, raw: list[tuple[str, str]], name: str
) -> None:
    assert ("org", name) in listed(resolve(body, [at(body, t, label) for t, label in raw]))


def test_a_level_and_kind_after_a_word_that_is_no_place_stay_alone() -> None:
    body = "Two weeks ago District Council staff were suspended, Fatmata Sesay said."
    raw = [("District Council", "ORG"), ("Fatmata Sesay", "PERSON")]
    assert ("org", "District Council") in listed(
        resolve(body, [at(body, t, label) for t, label in raw])
    )


def test_a_body_of_a_place_is_named_for_it() -> None:
    body = "The Catholic Archdiocese of Kericho's Litein parish and the council met on Monday."
    raw = [("The Catholic Archdiocese", "ORG"), ("Kericho", "ORG")]
    found = listed(resolve(body, [at(body, t, label) for t, label in raw]))
    assert ("org", "Catholic Archdiocese of Kericho") in found


def test_a_body_for_a_place_is_only_somewhere() -> None:
    body = "The money went to the Kestrel Foundation for Kisumu schools, Achieng Odhiambo said."
    raw = [("the Kestrel Foundation", "ORG"), ("Kisumu", "GPE"), ("Achieng Odhiambo", "PERSON")]
    found = listed(resolve(body, [at(body, t, label) for t, label in raw]))
    assert {("org", "Kestrel Foundation"), ("place", "Kisumu")} <= found


@pytest.mark.parametrize(
    ("body", "raw", "name"),
    [
        # a savings and credit cooperative, written in capitals after its members' possessive
        (
            "Wanjiru Kamau had borrowed from Kapsabet Women's SACCO to restock her stall.",
            [("Wanjiru Kamau", "PERSON"), ("Kapsabet Women's", "ORG")],
            "Kapsabet Women's SACCO",
        ),
        # the members' possessive inside a society's name is no owner's
        (
            "Officials of the Cape Coast Fishermen's Cooperative Society said catches had fallen.",
            [("Cape Coast", "PERSON")],
            "Cape Coast Fishermen's Cooperative Society",
        ),
    ],
)
def test_a_cooperative_named_for_its_members_is_whole(
    body: str, raw: list[tuple[str, str]], name: str
) -> None:
    assert ("org", name) in listed(resolve(body, [at(body, t, label) for t, label in raw]))


def test_a_places_possessive_before_an_institution_is_its_owner() -> None:
    body = "Officials said Kilifi's County Assembly would meet on Monday."
    found = listed(resolve(body, [at(body, "Kilifi", "GPE")]))
    assert not any("Kilifi's" in name for _, name in found)


def test_a_kind_of_body_right_after_the_name_is_part_of_it() -> None:
    body = "Pumps arrived through the Nordic Flood Response Mechanism on Tuesday, Ana Vuković said."
    raw = [("the Nordic Flood Response", "ORG"), ("Ana Vuković", "PERSON")]
    found = listed(resolve(body, [at(body, t, label) for t, label in raw]))
    assert ("org", "Nordic Flood Response Mechanism") in found


def test_a_product_after_a_company_is_no_part_of_its_name() -> None:
    body = "Sales of the Kestrel Watch rose in March, Ana Vuković said."
    raw = [("Kestrel", "ORG"), ("Ana Vuković", "PERSON")]
    found = listed(resolve(body, [at(body, t, label) for t, label in raw]))
    assert ("org", "Kestrel Watch") not in found


def test_the_osce_spelt_the_american_way_is_whole() -> None:
    body = (
        "The Organization for Security and Cooperation in Europe said on Monday that it would"
        " send observers, Dilnoza Karimova said."
    )
    raw = [
        ("The Organization for Security and Cooperation", "ORG"),
        ("Europe", "LOC"),
        ("Dilnoza Karimova", "PERSON"),
    ]
    found = listed(resolve(body, [at(body, t, label) for t, label in raw]))
    assert ("org", "Organization for Security and Cooperation in Europe") in found


def test_a_radio_stations_fm_is_part_of_its_name() -> None:
    body = "Nana Kwesi Arhin told Harbour FM that the boats had stayed ashore."
    raw = [("Nana Kwesi Arhin", "PERSON"), ("Harbour", "ORG")]
    found = listed(resolve(body, [at(body, t, label) for t, label in raw]))
    assert ("org", "Harbour FM") in found


def test_a_body_described_then_known_as_a_short_name_is_one() -> None:
    body = (
        "Aguas del Valle Central, the state-owned utility known as Aguaval, said supply would"
        " be cut from Monday, Rosa Elvira Paz said. Aguaval did not say for how long."
    )
    raw = [
        ("Aguas del Valle Central", "ORG", 0),
        ("Aguaval", "ORG", 0),
        ("Rosa Elvira Paz", "PERSON", 0),
        ("Aguaval", "ORG", 1),
    ]
    found = resolve(body, [at(body, t, label, n) for t, label, n in raw])
    assert [e.aliases for e in found if e.name == "Aguas del Valle Central"] == [("Aguaval",)]


def test_an_owner_of_something_known_as_a_name_is_not_that_name() -> None:
    body = "Peter Otieno, owner of the farm known as Greenhills, said the dam had burst."
    raw = [("Peter Otieno", "PERSON"), ("Greenhills", "GPE")]
    found = resolve(body, [at(body, t, label) for t, label in raw])
    assert [e.aliases for e in found if e.name == "Peter Otieno"] == [()]


@pytest.mark.parametrize(
    ("body", "span"),
    [
        ("Cabinet Secretary Ruth Wanjala opened the new dam at Kiambere on Monday.", "Cabinet"),
        (
            "Grace Phiri, a Member of Parliament for Kasungu, said the road was unsafe.",
            "Parliament",
        ),
        ("Two Members of the Parliament were absent from the vote.", "Parliament"),
    ],
)
def test_a_body_named_inside_a_title_is_no_mention_of_it(body: str, span: str) -> None:
    assert ("org", span) not in listed(resolve(body, [at(body, span, "ORG")]))


@pytest.mark.parametrize(
    ("body", "span"),
    [
        ("The plan goes to Cabinet next week, the spokesman said.", "Cabinet"),
        ("Parliament passed the bill by 112 votes to 40 on Thursday.", "Parliament"),
    ],
)
def test_the_body_acting_on_its_own_stays(body: str, span: str) -> None:
    assert ("org", span) in listed(resolve(body, [at(body, span, "ORG")]))
