"""Where people live and who speaks: the context a court report or a local story gives a name
(found on the bench's development sets). Each test hands `resolve` the spans the model
returned (no model is loaded); people are invented, places real or invented.
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
    ("body", "spans", "place"),
    [
        (
            "Court papers say Tendai Mwaba, 47, of Ibex Hill, took K90,000 from the buyer.",
            [("Tendai Mwaba", "PERSON"), ("Ibex Hill", "PERSON")],
            "Ibex Hill",
        ),
        (
            "The driver, Moses Chileshe, aged 29, of the Kalingalinga Flats, was bailed.",
            [("Moses Chileshe", "PERSON"), ("the Kalingalinga Flats", "PERSON")],
            "Kalingalinga Flats",
        ),
    ],
)
def test_where_someone_lives_after_their_age_is_a_place(
    body: str, spans: list[tuple[str, str]], place: str
) -> None:
    raw = [at(body, text, label) for text, label in spans]
    found = listed(resolve(body, raw))
    assert ("place", place) in found
    assert ("person", place) not in found


def test_an_age_before_an_employer_leaves_the_employer_alone() -> None:
    body = "Ruth Banda, 52, a clerk at Zambezi Freight Holdings, told the court she was paid."
    raw = [at(body, "Ruth Banda", "PERSON"), at(body, "Zambezi Freight Holdings", "ORG")]
    assert ("org", "Zambezi Freight Holdings") in listed(resolve(body, raw))


@pytest.mark.parametrize(
    ("body", "name", "label"),
    [
        (
            "Hotel owners at a meeting at the Old Fort said they would appeal the rules.",
            "Old Fort",
            "LOC",
        ),
        ("Two traders in the Kisumu Lanes said prices had doubled.", "Kisumu Lanes", "LOC"),
        ("Stallholders near the Kamwala Corner said rents had doubled.", "Kamwala Corner", "LOC"),
    ],
)
def test_a_place_after_a_preposition_and_the_does_not_speak(
    body: str, name: str, label: str
) -> None:
    raw = [at(body, "the " + name, label)]
    found = listed(resolve(body, raw))
    assert ("place", name) in found
    assert ("person", name) not in found


def test_someone_after_the_still_speaks() -> None:
    body = "Asked about the delay, the Reverend Amos Phiri said the church had paid in full."
    raw = [at(body, "Amos Phiri", "PERSON")]
    assert ("person", "Amos Phiri") in listed(resolve(body, raw))


def test_residents_of_opening_a_sentence_place_the_name() -> None:
    body = (
        "Residents of Mkwajuni Kati said the borehole had been dry since June. The ward "
        "officer promised a new pump by March."
    )
    raw = [at(body, "Mkwajuni Kati", "ORG")]
    found = listed(resolve(body, raw))
    assert ("place", "Mkwajuni Kati") in found


@pytest.mark.parametrize(
    ("body", "word", "label"),
    [
        (
            "LUSAKA, Nov 29 — Commuters and bus drivers say the road has become impassable.",
            "Commuters",
            "ORG",
        ),
        (
            "Pensioners said payments stopped in May, and they want the minister to answer.",
            "Pensioners",
            "PERSON",
        ),
    ],
)
def test_a_plural_noun_opening_a_sentence_is_no_name(body: str, word: str, label: str) -> None:
    raw = [at(body, word, label, n) for n in range(body.count(word))]
    assert not [e for e in resolve(body, raw) if e.name == word]


@pytest.mark.parametrize(
    ("body", "word"),
    [
        # a known body keeps its name
        ("Socialists said they would vote against the budget.", "Socialists"),
        # written in the middle of a sentence too: the article names it
        (
            "Harriers won the relay. Coach Dan Mwale said the Harriers had trained all winter.",
            "Harriers",
        ),
    ],
)
def test_a_plural_name_the_article_names_stays(body: str, word: str) -> None:
    raw = [at(body, word, "ORG", n) for n in range(body.count(word))]
    assert [e for e in resolve(body, raw) if e.name == word]


@pytest.mark.parametrize(
    ("body", "person"),
    [
        ('"You will hear the falls from town," said tour guide Mwape Lungu.', "Mwape Lungu"),
        ('"Prices doubled overnight," said street hawker Chola Mwansa on Friday.', "Chola Mwansa"),
        ("The pump broke in June, according to resident Agnes Tembo.", "Agnes Tembo"),
    ],
)
def test_a_local_trade_before_a_name_the_model_missed_marks_a_person(
    body: str, person: str
) -> None:
    assert ("person", person) in listed(resolve(body, []))


def test_mama_before_a_womans_name_is_her_style() -> None:
    body = '"The season is passing us by," said fishmonger Mama Esi Aidoo.'
    raw = [at(body, "Mama Esi Aidoo", "PERSON")]
    found = listed(resolve(body, raw))
    assert ("person", "Esi Aidoo") in found
    assert ("person", "Mama Esi Aidoo") not in found


def test_a_firms_trade_before_its_name_leaves_it_a_firm() -> None:
    body = "The group includes the Dutch trader Helder Oil & Gas, which bid for the refinery."
    raw = [at(body, "Helder Oil & Gas", "ORG")]
    assert ("org", "Helder Oil & Gas") in listed(resolve(body, raw))


@pytest.mark.parametrize(
    ("body", "span", "label", "person"),
    [
        (
            "Its leader, Hajia Rahinatu Issah, said the women would earn more.",
            "Hajia Rahinatu Issah",
            "PERSON",
            "Rahinatu Issah",
        ),
        (
            "The imam, Serigne Modou Faye, urged young people to stay.",
            "Serigne Modou Faye",
            "PERSON",
            "Modou Faye",
        ),
        (
            "District Magistrate Rohan Sethi ordered an inquiry into the meal.",
            "District Magistrate Rohan Sethi",
            "ORG",
            "Rohan Sethi",
        ),
        (
            "Provincial Governor Wanjiru Kamau said the road would reopen.",
            "Provincial Governor Wanjiru Kamau",
            "PERSON",
            "Wanjiru Kamau",
        ),
    ],
)
def test_a_style_or_an_offices_level_before_a_name_is_no_part_of_it(
    body: str, span: str, label: str, person: str
) -> None:
    found = listed(resolve(body, [at(body, span, label)]))
    assert ("person", person) in found
    assert not {name for _, name in found} & {span}


def test_an_offices_level_still_opens_a_bodys_name() -> None:
    body = "The District Council met on Monday to approve the budget."
    found = listed(resolve(body, [at(body, "The District Council", "ORG")]))
    assert ("org", "District Council") in found


def test_a_county_named_after_a_title_is_a_place() -> None:
    body = "Rain kept harvesters out of fields in Prince County for more than a week."
    found = listed(resolve(body, [at(body, "Prince County", "GPE")]))
    assert ("place", "Prince County") in found


@pytest.mark.parametrize(
    ("body", "span", "firm"),
    [
        (
            "Harcourt said Wirrinya Bulk Handling would own most of the silos in the region.",
            "Wirrinya Bulk Handling",
            "Wirrinya Bulk Handling",
        ),
        (
            "Payments went to Seri Kenanga Consultancy, a company registered in his wife's name.",
            "Seri Kenanga Consultancy",
            # an honorific before a name closed by a firm's trade is part of the firm's name
            "Seri Kenanga Consultancy",
        ),
        (
            "Workers at Tamarind Reef Construction walked out on Monday over unpaid wages.",
            "Tamarind Reef Construction",
            "Tamarind Reef Construction",
        ),
    ],
)
def test_a_firms_trade_closing_a_name_makes_it_a_firm(body: str, span: str, firm: str) -> None:
    found = listed(resolve(body, [at(body, span, "PERSON")]))
    assert ("org", firm) in found
    assert ("person", firm) not in found


@pytest.mark.parametrize(
    ("body", "person"),
    [
        (
            "Hiroko Tanabe, who heads the nonprofit, said the cafeteria would open at noon.",
            "Hiroko Tanabe",
        ),
        (
            "The square is divided. Stavros Kyriakidis, who has run a kiosk there for 25 years, "
            "said the plan ignored the traders.",
            "Stavros Kyriakidis",
        ),
    ],
)
def test_someone_opening_a_sentence_before_who_and_a_verb_is_a_person(
    body: str, person: str
) -> None:
    assert ("person", person) in listed(resolve(body, []))


def test_a_side_before_who_and_a_plural_verb_is_no_person() -> None:
    body = "The visitors never recovered. Ferencvaros, who lead the table, won 3-1 at home."
    assert ("person", "Ferencvaros") not in listed(resolve(body, []))
