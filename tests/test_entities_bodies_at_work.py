"""Organisations at work in the news: a firm's registered name the model cut, a firm named in
full and then short, bodies whose names the model cut or glued. Each test hands `resolve` the
spans the model returns on such text (no model is loaded, so the evidence cannot drift with a
batch); bodies and people are invented.
"""

from __future__ import annotations

import pytest

from index.entities import gazetteer
from index.entities.resolve import resolve
from tests.test_entities_error_kinds import at, listed


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    gazetteer.warm()


# A registered name runs to its legal form (`registered.py`) ---------------------------------


@pytest.mark.parametrize(
    ("body", "raw", "name"),
    [
        # the model stopped before the form
        (
            "Workers marched to save Kransberg Alloys (Pty) Ltd, a struggling smelter.",
            [("Kransberg Alloys", "ORG")],
            "Kransberg Alloys (Pty) Ltd",
        ),
        (
            "The club's sponsor, Warmińska Energia sp. z o.o., pledged new money.",
            [("Warmińska Energia", "ORG")],
            "Warmińska Energia sp. z o.o.",
        ),
        # ... at a connector of another language
        (
            "Regulators approved the purchase of Drogarias Vitória do Norte SA on Monday.",
            [("Drogarias Vitória", "ORG")],
            "Drogarias Vitória do Norte SA",
        ),
        # ... after the first word of a sentence's name, read as someone
        (
            "KUALA LUMPUR — Ladang Permai Bhd, the Sabah planter, posted a record profit.",
            [("Permai Bhd", "PERSON")],
            "Ladang Permai Bhd",
        ),
        # two pieces of one name are one name
        (
            "LIMA — Banco Andino Crédito Rural S.A., a farm lender, priced its shares.",
            [("Banco Andino", "PERSON"), ("Crédito Rural S.A.", "ORG")],
            "Banco Andino Crédito Rural S.A.",
        ),
    ],
)
def test_a_registered_name_runs_to_its_legal_form(body: str, raw: list[tuple], name: str) -> None:
    names = listed(resolve(body, [at(body, text, label) for text, label in raw]))
    assert ("org", name) in names


@pytest.mark.parametrize(
    ("body", "raw", "name"),
    [
        # what describes the firm is no part of its name
        (
            "The Quito-based Frutera Andina S.A. chartered the ship.",
            [("Frutera Andina S.A.", "ORG")],
            "Frutera Andina S.A.",
        ),
        (
            "Rival Norvale Chips Inc. reported on Thursday.",
            [("Norvale Chips Inc.", "ORG")],
            "Norvale Chips Inc.",
        ),
        (
            "On Monday Kenya's Tembo Breweries Ltd said sales rose.",
            [("Tembo Breweries Ltd", "ORG")],
            "Tembo Breweries Ltd",
        ),
    ],
)
def test_a_registered_name_starts_after_what_describes_it(
    body: str, raw: list[tuple], name: str
) -> None:
    names = listed(resolve(body, [at(body, text, label) for text, label in raw]))
    assert ("org", name) in names


# A company's short name joins its registered name (`companies.py`) ---------------------------


@pytest.mark.parametrize(
    ("body", "raw", "firm", "short"),
    [
        # both read as people: the registered name is a firm's, its first words the same firm
        (
            "Shares in Tallowmere Cold Storage Pty Ltd fell on Monday. "
            "Tallowmere Cold Storage said it would appeal.",
            [("Tallowmere Cold Storage Pty Ltd", "PERSON"), ("Tallowmere Cold Storage", "PERSON")],
            "Tallowmere Cold Storage Pty Ltd",
            "Tallowmere Cold Storage",
        ),
        # the one word of a firm's name, read as a person
        (
            "The regulator fined Quillnet Pte Ltd on Tuesday. Quillnet said it had paid.",
            [("Quillnet Pte Ltd", "ORG"), ("Quillnet", "PERSON", 1)],
            "Quillnet Pte Ltd",
            "Quillnet",
        ),
        # the name it trades under, before its trade: no legal form needed
        (
            "Members of Ashgrove Ridge Savings voted for the merger. "
            "Ashgrove Ridge keeps its branches, chief executive Hamid Safar said.",
            [
                ("Ashgrove Ridge Savings", "ORG"),
                ("Ashgrove Ridge", "ORG", 1),
                ("Hamid Safar", "PERSON"),
            ],
            "Ashgrove Ridge Savings",
            "Ashgrove Ridge",
        ),
        # of two firms it opens, the holding company, shown by its registered name
        (
            "Brackenfold Freight Holdings Ltd, a haulage group, has called in administrators. Its "
            "subsidiary Brackenfold Haulage Ltd will keep trading. Shares in Brackenfold were suspended.",
            [
                ("Brackenfold Freight Holdings Ltd", "ORG"),
                ("Brackenfold Haulage Ltd", "ORG"),
                ("Brackenfold", "ORG", 2),
            ],
            "Brackenfold Freight Holdings Ltd",
            "Brackenfold",
        ),
    ],
)
def test_a_company_short_name_joins_its_registered_name(
    body: str, raw: list[tuple], firm: str, short: str
) -> None:
    spans = [at(body, r[0], r[1], r[2] if len(r) > 2 else 0) for r in raw]
    names = listed(resolve(body, spans))
    assert ("org", firm) in names
    assert not {n for t, n in names if n == short}


def test_a_firm_short_name_stays_apart_from_a_body_of_its_own() -> None:
    """ "Harwick" beside "Harwick Pharma" and the "Harwick Foundation": the foundation is no
    part of the firm, so the short name is the firm's."""
    body = (
        "Harwick Pharma agreed to buy the lab. The Harwick Foundation owns most of it. "
        "Harwick said the deal would close in March."
    )
    raw = [
        at(body, "Harwick Pharma", "ORG"),
        at(body, "Harwick Foundation", "ORG"),
        at(body, "Harwick", "ORG", 2),
    ]
    names = listed(resolve(body, raw))
    assert ("org", "Harwick Foundation") in names
    assert ("org", "Harwick Pharma") in names
    assert ("org", "Harwick") not in names


def test_a_place_is_not_a_firm_short_name() -> None:
    """A town the lists hold stays a town beside a firm named after it."""
    body = "Nairobi Bottlers Ltd opened a plant. Traffic in Nairobi was slow on Monday."
    raw = [at(body, "Nairobi Bottlers Ltd", "ORG"), at(body, "Nairobi", "GPE", 1)]
    names = listed(resolve(body, raw))
    assert ("place", "Nairobi") in names


# An abbreviation someone owns is a common noun (`abbreviations.py`) ----------------------------


@pytest.mark.parametrize(
    "body",
    [
        "Tomasz Rybak, 61, saw his GP in Penrith within a week. GP surgeries are full.",
        "Ward member and local GP Dr Efua Mensah said the clinic was short of staff.",
    ],
)
def test_an_owned_abbreviation_is_no_body(body: str) -> None:
    raw = [at(body, "GP", "ORG", i) for i in range(body.count("GP"))]
    assert ("org", "GP") not in listed(resolve(body, raw))


def test_an_abbreviation_before_a_noun_stays_a_body() -> None:
    """ "his NPP colleagues": a body's acronym as a modifier is still the body."""
    body = "Kwesi Amankwah told his NPP colleagues to vote. The NPP denied it."
    raw = [
        at(body, "NPP", "ORG", 0),
        at(body, "NPP", "ORG", 1),
        at(body, "Kwesi Amankwah", "PERSON"),
    ]
    assert ("org", "NPP") in listed(resolve(body, raw))


# A firm's line or its own language's word for what it is closes its name ------------------


@pytest.mark.parametrize(
    ("body", "raw", "name"),
    [
        (
            "The stake went to Halvorsen Ridge Partners, in a deal struck in Oslo.",
            [("Halvorsen Ridge Partners", "PERSON")],
            "Halvorsen Ridge Partners",
        ),
        (
            "The deal was financed by Tamsworth Quarry Financial over ten years.",
            [("Tamsworth Quarry Financial", "PERSON")],
            "Tamsworth Quarry Financial",
        ),
        (
            "Prices were set after talks with Pardal Norte Consultores in Rosario.",
            [("Pardal Norte Consultores", "PERSON")],
            "Pardal Norte Consultores",
        ),
        (
            "The complaint was filed by the Ranipur Mazdoor Sangh on Tuesday.",
            [("Ranipur Mazdoor Sangh", "PERSON")],
            "Ranipur Mazdoor Sangh",
        ),
    ],
)
def test_a_trade_or_a_foreign_body_word_closes_a_firms_name(
    body: str, raw: list[tuple], name: str
) -> None:
    names = listed(resolve(body, [at(body, text, label) for text, label in raw]))
    assert ("org", name) in names


# A name the model read as someone that the sentence says is a body (`describedbodies.py`) --


@pytest.mark.parametrize(
    ("body", "raw", "name"),
    [
        (
            "The council hired a private contractor, Velora Tranzit, to run the buses.",
            [("Velora Tranzit", "PERSON")],
            "Velora Tranzit",
        ),
        (
            "The claim was first reported by the Tajik news site Oyandai Nav on Monday.",
            [("Oyandai Nav", "PERSON")],
            "Oyandai Nav",
        ),
        (
            "Kestrovo Bygg, the state company building the tunnel, said work would resume.",
            [("Kestrovo Bygg", "PERSON")],
            "Kestrovo Bygg",
        ),
        (
            "Dunmore Arts, which runs the town's two theatres, said tickets were sold out.",
            [("Dunmore Arts", "PERSON")],
            "Dunmore Arts",
        ),
    ],
)
def test_a_described_body_is_no_person(body: str, raw: list[tuple], name: str) -> None:
    names = listed(resolve(body, [at(body, text, label) for text, label in raw]))
    assert ("org", name) in names


@pytest.mark.parametrize(
    ("body", "raw", "name"),
    [
        # a body's role-holder, named after it
        (
            "The head of the Ostrava Water Agency, Ni Made Sukerti, said the pipes would hold.",
            [("Ostrava Water Agency", "ORG"), ("Ni Made Sukerti", "PERSON")],
            "Ni Made Sukerti",
        ),
        # a given name first is someone's
        (
            "The fund was started by a local investor, Marta Quiroga, in 2019.",
            [("Marta Quiroga", "PERSON")],
            "Marta Quiroga",
        ),
    ],
)
def test_a_person_beside_a_body_stays_a_person(body: str, raw: list[tuple], name: str) -> None:
    names = listed(resolve(body, [at(body, text, label) for text, label in raw]))
    assert ("person", name) in names


# A town's side, by its players or by a plural verb (`matches.club_context`) ----------------


@pytest.mark.parametrize(
    ("body", "raw", "name"),
    [
        (
            "Selectors have named Southland lock Rawiri Tane in the squad for the tour.",
            [("Southland", "GPE"), ("Rawiri Tane", "PERSON")],
            "Southland",
        ),
        (
            "Ballyragget are through to the county final after a 2-14 to 1-12 win. "
            "Their fans travelled from Kilkenny.",
            [("Ballyragget", "GPE"), ("Kilkenny", "GPE")],
            "Ballyragget",
        ),
    ],
)
def test_a_town_named_by_its_players_or_a_plural_verb_is_its_side(
    body: str, raw: list[tuple], name: str
) -> None:
    names = listed(resolve(body, [at(body, text, label) for text, label in raw]))
    assert ("org", name) in names


# What a body is "of" never ends in an adjective: the name runs past "and" (`andnames.py`) ---


@pytest.mark.parametrize(
    ("body", "raw", "name"),
    [
        (
            "She sits in the provincial Chamber of Customary and Kalinga Elders since 2019.",
            [("Chamber of Customary", "ORG")],
            "Chamber of Customary and Kalinga Elders",
        ),
        (
            "A director at the Office for Oceanic and Atmospheric Research said so on Friday.",
            [("Office for Oceanic", "ORG")],
            "Office for Oceanic and Atmospheric Research",
        ),
    ],
)
def test_a_body_of_an_adjective_runs_past_and(body: str, raw: list[tuple], name: str) -> None:
    names = listed(resolve(body, [at(body, text, label) for text, label in raw]))
    assert ("org", name) in names


def test_a_name_ending_in_an_adjective_stays_apart_from_the_next() -> None:
    body = "Pupils from Maple Ridge Elementary and Cedar Park Academy joined the march."
    raw = [("Maple Ridge Elementary", "ORG"), ("Cedar Park Academy", "ORG")]
    names = listed(resolve(body, [at(body, text, label) for text, label in raw]))
    assert ("org", "Maple Ridge Elementary") in names


@pytest.mark.parametrize(
    "before",
    [
        "The claim was first reported by the Tajik news site ",
        "They hired a private contractor, ",
        "Funding came from an NGO ",
        "Funding came from an NGO,\n",
        "She set up a non-profit, ",
        "He sold it to its parent ",
        "He sold it to a small Co-operative ",
        "The head of the agency, ",  # a role-holder: the pattern's look-behind says no
        "She met the chairman, ",
        "It was the firm’s ",
        "Shares of the ORGANISATION ",
        "",
        "a firm,",  # no space before the name: no match
    ],
)
def test_the_described_pre_check_reads_what_the_pattern_reads(before: str) -> None:
    from index.entities import describedbodies as d

    body = before + "Velora Tranzit said."
    start = len(before)
    expected = d._BEFORE.search(body, max(0, start - 60), start) is not None
    assert d._before(body, start) is expected
