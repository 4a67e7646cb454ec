"""A body named for two fields joined by "and" is one body: "Centre for Volcanology and
Geological Hazard Mitigation", "Public Works and Spatial Planning Ministry", whether the model
tagged the second part apart or left it out.
Each test hands `resolve` the spans the model returned (no model is loaded); the bodies and
people are invented.
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
    ("body", "spans", "name"),
    [
        # a list of fields after the body's first: the model stopped at the first comma
        (
            "The new dormitory is funded by the Ministry of Schools, Science and Youth.",
            ["Ministry of Schools"],
            "Ministry of Schools, Science and Youth",
        ),
        # with a serial comma, and a field the model drew as a body of its own
        (
            "A letter from the Department of Housing, Labour, and Welfare reached the council.",
            ["Department of Housing", "Labour"],
            "Department of Housing, Labour, and Welfare",
        ),
        # the list opens before the fields the model tagged with the kind of body
        (
            "Halvoria's Hydrology, Seismology and Coastal Survey Agency warned of high tides.",
            ["Seismology and Coastal Survey Agency"],
            "Hydrology, Seismology and Coastal Survey Agency",
        ),
    ],
)
def test_a_list_of_fields_is_part_of_the_bodys_name(body: str, spans: list[str], name: str) -> None:
    raw = [at(body, span, "ORG") for span in spans]
    assert ("org", name) in listed(resolve(body, raw))


@pytest.mark.parametrize(
    ("body", "spans", "expected"),
    [
        # a place in the list is where, not what
        (
            "The Ministry of Health, Kenya and Uganda signed the accord.",
            [("Ministry of Health", "ORG"), ("Kenya", "GPE"), ("Uganda", "GPE")],
            {("org", "Ministry of Health"), ("place", "Kenya"), ("place", "Uganda")},
        ),
        # a sentence's opening word is no field
        (
            "Meanwhile, Fisheries and Wildlife Agency rangers closed the lake.",
            [("Fisheries and Wildlife Agency", "ORG")],
            {("org", "Fisheries and Wildlife Agency")},
        ),
    ],
)
def test_a_list_stays_apart_when_its_items_are_no_fields(
    body: str, spans: list[tuple[str, str]], expected: set[tuple[str, str]]
) -> None:
    raw = [at(body, span, label) for span, label in spans]
    assert listed(resolve(body, raw)) == expected


@pytest.mark.parametrize(
    ("body", "spans", "name"),
    [
        # the model left the second field out of the span
        (
            "The Institute for Seismology and Coastal Hazard Research said the tremor was shallow.",
            ["Institute for Seismology"],
            "Institute for Seismology and Coastal Hazard Research",
        ),
        # a field may be a plural ("Mines", "Fisheries"), which no dictionary lists as a lemma
        (
            "Villagers wrote to the Ministry of Water and Mines about the dam.",
            ["Ministry of Water"],
            "Ministry of Water and Mines",
        ),
        # the model tagged the second field as a body of its own
        (
            "The Directorate of Fisheries and Marine Protection closed the bay on Monday.",
            ["Directorate of Fisheries", "Marine Protection"],
            "Directorate of Fisheries and Marine Protection",
        ),
    ],
)
def test_a_second_field_after_and_is_part_of_the_bodys_name(
    body: str, spans: list[str], name: str
) -> None:
    raw = [at(body, s, "ORG") for s in spans]
    assert listed(resolve(body, raw)) == {("org", name)}


@pytest.mark.parametrize(
    ("body", "spans", "name"),
    [
        # the fields come before the kind of body, and the model cut the name at "and"
        (
            "Residents asked the Coastal Works and Marine Planning Ministry for sandbags.",
            [("Coastal Works", "ORG"), ("Marine Planning Ministry", "ORG")],
            "Coastal Works and Marine Planning Ministry",
        ),
        (
            "She joined the Lakeside Growers Savings and Credit Cooperative in 2019.",
            [("Lakeside Growers Savings", "ORG")],
            "Lakeside Growers Savings and Credit Cooperative",
        ),
        # an irregular plural ("Women") is an English word too
        (
            "She joined the Hillside Women Growers Savings and Credit Cooperative in 2019.",
            [("Hillside Women Growers Savings", "ORG")],
            "Hillside Women Growers Savings and Credit Cooperative",
        ),
    ],
)
def test_fields_before_the_kind_of_body_are_one_name(
    body: str, spans: list[tuple[str, str]], name: str
) -> None:
    raw = [at(body, s, label) for s, label in spans]
    assert listed(resolve(body, raw)) == {("org", name)}


@pytest.mark.parametrize(
    ("body", "spans", "expected"),
    [
        # a body with a name of its own after "and" is another body
        (
            "The Ministry of Fisheries and Oxfam signed the plan.",
            [("Ministry of Fisheries", "ORG"), ("Oxfam", "ORG")],
            {("org", "Ministry of Fisheries"), ("org", "Oxfam")},
        ),
        # a title after "and" opens someone's name, not a field
        (
            "The Agency for Water and Minister Tomas Reyel met on Friday.",
            [("Agency for Water", "ORG"), ("Tomas Reyel", "PERSON")],
            {("org", "Agency for Water"), ("person", "Tomas Reyel")},
        ),
        # a place after "and" is where, not what
        (
            "The Office for Statistics and Kenya agreed the figures.",
            [("Office for Statistics", "ORG"), ("Kenya", "GPE")],
            {("org", "Office for Statistics"), ("place", "Kenya")},
        ),
        # an acronym is a whole name: one span the model drew over two bodies
        (
            "Talks between the NTWU and Transport Ministry officials resumed on Monday.",
            [("NTWU and Transport Ministry", "ORG")],
            {("org", "NTWU"), ("org", "Transport Ministry")},
        ),
        # two firms: a legal form is no kind of body that fields name
        (
            "Kestrel Logistics and Apex Freight Ltd signed the contract.",
            [("Kestrel Logistics", "ORG"), ("Apex Freight Ltd", "ORG")],
            {("org", "Kestrel Logistics"), ("org", "Apex Freight Ltd")},
        ),
        # a name after "and" is a second body, not a field
        (
            "Velmora Textiles and Hartwell Trading Association met the mayor.",
            [("Velmora Textiles", "ORG"), ("Hartwell Trading Association", "ORG")],
            {("org", "Velmora Textiles"), ("org", "Hartwell Trading Association")},
        ),
        # a firm named after someone is no portfolio body: the name stops where the model's did
        (
            "Harlow Partners and Planning Review published the report.",
            [("Harlow Partners", "ORG")],
            {("org", "Harlow Partners")},
        ),
    ],
)
def test_what_follows_and_stays_apart_when_it_is_no_field(
    body: str, spans: list[tuple[str, str]], expected: set[tuple[str, str]]
) -> None:
    raw = [at(body, s, label) for s, label in spans]
    assert listed(resolve(body, raw)) == expected


@pytest.mark.parametrize(
    ("body", "span", "name"),
    [
        (
            "The Presidency of the Council of Ministers said talks would resume.",
            "Council of Ministers",
            "Presidency of the Council of Ministers",
        ),
        (
            "The Secretariat of the Coral Islands Forum published the figures.",
            "Coral Islands Forum",
            "Secretariat of the Coral Islands Forum",
        ),
    ],
)
def test_a_body_named_of_the_one_the_model_tagged_is_one_name(
    body: str, span: str, name: str
) -> None:
    assert listed(resolve(body, [at(body, span, "ORG")])) == {("org", name)}
