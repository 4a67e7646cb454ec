"""People whose names a role or a title before them completes: the model stops a name short
or starts it late, and the words around it (a trade, a title) show where the name really
begins and ends. Each test hands `resolve` the spans the model returned (no model is loaded),
as `extract` does after tagging; people are invented, places real.
"""

from __future__ import annotations

import pytest

from index.entities import gazetteer
from index.entities.resolve import resolve
from tests.test_entities_error_kinds import at, listed


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    gazetteer.warm()


def test_a_listed_surname_after_a_titled_name_no_list_holds_is_taken_back() -> None:
    # the model's span opened with the title and stopped after the given name
    body = "The three were remanded by Chief Magistrate Ravindu Gamage in Kandy on Friday."
    raw = [at(body, "Magistrate Ravindu", "PERSON"), at(body, "Kandy", "GPE")]
    found = listed(resolve(body, raw))
    assert ("person", "Ravindu Gamage") in found
    assert ("person", "Ravindu") not in found


def test_a_trade_in_apposition_makes_a_one_word_name_someone() -> None:
    # the model read the Balinese birth-order name as a town no gazetteer knows
    body = (
        "The subak's canals ran dry in August. Komang, a farmer who has worked the terraces "
        "for 20 years, said the springs had never failed before."
    )
    found = listed(resolve(body, [at(body, "Komang", "GPE")]))
    assert ("person", "Komang") in found


def test_a_bodys_apposition_names_its_kind_not_a_trade() -> None:
    body = "Tani Makmur, a group of farmers from Tabanan, said the springs had failed."
    found = listed(resolve(body, [at(body, "Tani Makmur", "ORG"), at(body, "Tabanan", "GPE")]))
    assert ("person", "Tani Makmur") not in found


def test_a_name_no_list_holds_opening_a_sentence_before_who_chairs_is_someone() -> None:
    # invented: the model tagged nothing in the sentence
    body = (
        "Ferry fares from Poti will rise in spring. Tamuzi Kvaratsia, who chairs the "
        "port's cargo committee, said the increase was modest."
    )
    found = listed(resolve(body, []))
    assert ("person", "Tamuzi Kvaratsia") in found


def test_an_english_word_after_a_trade_opens_the_players_name() -> None:
    # the model began the name one word late: "Given" is an English word and a Zambian name
    body = "Kabwe drew level when midfielder Given Tembo Mwale curled a shot into the far corner."
    raw = [at(body, "Kabwe", "GPE"), at(body, "Tembo Mwale", "PERSON")]
    found = listed(resolve(body, raw))
    assert ("person", "Given Tembo Mwale") in found
    assert ("person", "Tembo Mwale") not in found


def test_an_honorific_after_a_trade_opens_no_name() -> None:
    body = (
        "The church's founder Prophet Elias Mumba Banda led the prayers, and lawyer "
        "Barrister Kunle Adeyemi-Cole spoke for the families."
    )
    raw = [at(body, "Elias Mumba Banda", "PERSON"), at(body, "Kunle Adeyemi-Cole", "PERSON")]
    found = listed(resolve(body, raw))
    assert ("person", "Elias Mumba Banda") in found
    assert ("person", "Kunle Adeyemi-Cole") in found


def test_a_flyhalf_written_as_one_word_is_a_player() -> None:
    # the model read the kicker as a venue and then as a body
    body = (
        "Tonga led at the break after flyhalf Sione Fakatava-Moala kicked two penalties. "
        "Conversions: Fakatava-Moala 2."
    )
    raw = [at(body, "Sione Fakatava-Moala", "FAC"), at(body, "Fakatava-Moala", "ORG", 1)]
    found = listed(resolve(body, raw))
    assert ("person", "Sione Fakatava-Moala") in found
