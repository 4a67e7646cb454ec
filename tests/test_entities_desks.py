"""The sport, culture, politics and business desks: festivals, clubs, labels, studios, parties
and firms (found on the bench's sets AD, AE and AG). Each test hands `resolve` the spans the
model returned (no model is loaded); people and small organisations are invented, places real
where the gazetteer is the point.
"""

from __future__ import annotations

import pytest

from index.entities import gazetteer
from index.entities.nonnames import amount
from index.entities.resolve import resolve
from tests.test_entities_error_kinds import at, listed


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    gazetteer.warm()


def test_a_city_before_an_adjective_led_name_is_no_glued_person() -> None:
    # "Festival" alone later once looked like the surname of a person "International Film
    # Festival" glued to "Aswan"; no one's given name is an adjective
    body = (
        "The Aswan International Film Festival opens on Thursday with a debut feature. "
        "Tickets for the Festival go on sale in Aswan next week, organisers said."
    )
    spans = [at(body, "Aswan International Film Festival", "ORG"), at(body, "Aswan", "GPE", 1)]
    found = listed(resolve(body, spans))
    assert not any(t == "person" for t, _ in found), found


def test_a_title_word_opening_a_firm_ending_in_a_plural_stays_in_it() -> None:
    # "Cardinal" is a churchman's title, but no person is named "Lens Partners"
    body = "Osprey Pictures said Cardinal Lens Partners, a London fund, had pulled out."
    found = listed(resolve(body, [at(body, "Cardinal Lens Partners", "ORG")]))
    assert ("org", "Cardinal Lens Partners") in found, found
    assert not any(t == "person" for t, _ in found), found


@pytest.mark.parametrize(
    ("span", "name"),
    [("Jockey Callum Reddy", "Callum Reddy"), ("Farmer Ngaio Hura", "Ngaio Hura")],
)
def test_a_trade_opening_a_sentence_is_no_part_of_the_name(span: str, name: str) -> None:
    body = f"{span} said the going was soft after a week of rain at the course."
    assert listed(resolve(body, [at(body, span, "PERSON")])) == {("person", name)}


def test_nothing_in_a_laws_title_is_a_name() -> None:
    # the model's spans as the small model gives them: a piece of the title with "(Amendment"
    # glued on, and "Bill" a person
    body = (
        "The Marwari Local Councils (Amendment) Bill was tabled by Rekha Dasgupta. Bill "
        "supporters say the Tidewater Harbour Act 2021 left councils short."
    )
    spans = [
        at(body, "The Marwari Local Councils (Amendment", "ORG"),
        at(body, "Bill", "PERSON"),
        at(body, "Rekha Dasgupta", "PERSON"),
        at(body, "Tidewater Harbour", "ORG"),
    ]
    assert listed(resolve(body, spans)) == {("person", "Rekha Dasgupta")}


@pytest.mark.parametrize(
    ("body", "span", "label"),
    [
        ("Investors are wary of consumer AI start-ups in Pune this year.", "AI", "GPE"),
        ("Kinsella misses the first ODI in Harare with a hamstring strain.", "ODI", "ORG"),
        ("The LNG terminal near Mombasa will open in March.", "LNG", "ORG"),
    ],
)
def test_acronyms_of_common_nouns_are_no_names(body: str, span: str, label: str) -> None:
    found = listed(resolve(body, [at(body, span, label)]))
    assert not any(n == span for _, n in found), found


@pytest.mark.parametrize(
    ("body", "span", "label"),
    [
        ("Officers took bribes totalling RM2.3mil to speed up transfers.", "RM2.3mil", "PERSON"),
        ("Shares of Tamarind Mills closed at Rs187.40 in Karachi.", "Rs187.40", "ORG"),
        ("Bomet county's Sh1.4bn hospital tender was frozen.", "Sh1", "GPE"),
    ],
)
def test_an_amount_of_money_is_no_name(body: str, span: str, label: str) -> None:
    found = listed(resolve(body, [at(body, span, label)]))
    assert not any(n.startswith(span[:2]) for _, n in found), found


def test_a_road_known_by_a_letter_and_a_number_is_no_amount() -> None:
    assert not amount("N1", " motorway was closed")
    assert amount("N1", ".2trn budget")


@pytest.mark.parametrize(
    ("body", "span", "name"),
    [
        ("At Kantamanto Market in Accra, traders said prices had settled.", "At Kantamanto Market", "Kantamanto Market"),
        ("Outside Ferris Hall, students queued for tickets on Monday.", "Outside Ferris Hall", "Ferris Hall"),
    ],
)  # fmt: skip
def test_a_preposition_opening_the_sentence_is_no_part_of_the_name(
    body: str, span: str, name: str
) -> None:
    found = listed(resolve(body, [at(body, span, "FAC")]))
    assert any(n == name for _, n in found), found
    assert not any(n == span for _, n in found), found


def test_a_confederation_is_a_body_whatever_title_word_opens_it() -> None:
    # "General" is a rank, but "General Confederation of Labour" is a union's name
    body = "The General Confederation of Labour called a 24-hour strike in Rosario."
    found = listed(resolve(body, [at(body, "General Confederation of Labour", "ORG")]))
    assert ("org", "General Confederation of Labour") in found, found


@pytest.mark.parametrize(
    ("body", "span", "name"),
    [
        ("Datuk Seri Azlan Hashim said profit had doubled.", "Seri Azlan Hashim", "Azlan Hashim"),
    ],
)  # fmt: skip
def test_a_malay_honorific_is_no_part_of_the_name(body: str, span: str, name: str) -> None:
    assert ("person", name) in listed(resolve(body, [at(body, span, "PERSON")]))


def test_a_staff_byline_and_a_slash_credit_are_furniture() -> None:
    body = (
        "KENJI MORIYAMA, Staff writer\n"
        "Dock workers at Nagoya walked out on Monday, the union said.\n"
        "Photo: Cranes idle at the port. HARBOUR TIMES FILE PHOTO / Aiko Senda\n"
    )
    spans = [
        at(body, "KENJI", "ORG"),
        at(body, "Nagoya", "GPE"),
        at(body, "HARBOUR TIMES", "ORG"),
        at(body, "Aiko Senda", "PERSON"),
    ]
    assert listed(resolve(body, spans)) == {("place", "Nagoya")}


def test_a_terminal_is_a_place_and_its_operator_a_firm() -> None:
    body = (
        "Cranes stood idle at the Patenga Bulk Terminal on Tuesday, while Karnaphuli Gateway "
        "Terminal Ltd said its own berths were working."
    )
    spans = [
        at(body, "the Patenga Bulk Terminal", "ORG"),
        at(body, "Karnaphuli Gateway Terminal Ltd", "ORG"),
    ]
    found = listed(resolve(body, spans))
    assert ("place", "Patenga Bulk Terminal") in found, found
    assert ("org", "Karnaphuli Gateway Terminal Ltd") in found, found


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("Shares in Tamarind Mills Limited rose 4 per cent after the results.", "Tamarind Mills Limited"),
        ("Analysts at Kenanga Sawit Bhd expect palm oil prices to ease.", "Kenanga Sawit Bhd"),
        ("Mercado Vasco Ramos, a family-run Porto supermarket, cut prices.", "Mercado Vasco Ramos"),
        ("Its biggest client is agritech Safra Nova, which farms soy in Bahia.", "Safra Nova"),
    ],
)  # fmt: skip
def test_a_legal_form_a_trade_or_an_apposition_marks_a_missed_firm(body: str, name: str) -> None:
    # the model tagged nothing: the sentence alone says these are firms
    assert ("org", name) in listed(resolve(body, []))


def test_a_watch_is_a_body_and_an_apposed_group_too() -> None:
    body = (
        "Tagum River Watch, a citizens' group in Davao del Norte, said the dike had failed. "
        "Bukid Kita, a farmers' group, backed the complaint."
    )
    found = listed(resolve(body, [at(body, "Tagum River Watch", "PERSON")]))
    assert ("org", "Tagum River Watch") in found, found
    assert ("org", "Bukid Kita") in found, found


def test_a_bhavan_is_a_building() -> None:
    body = "The new ministers took their oaths at Rashtrapati Bhavan in Delhi on Sunday."
    found = listed(
        resolve(body, [at(body, "Rashtrapati Bhavan", "PERSON"), at(body, "Delhi", "GPE")])
    )
    assert ("place", "Rashtrapati Bhavan") in found, found


def test_what_a_family_calls_its_own_is_no_name() -> None:
    body = '"The whole street came over. Mum cried. Dad pretended he did not," said Sione Havili.'
    spans = [at(body, "Dad", "PERSON"), at(body, "Sione Havili", "PERSON")]
    assert listed(resolve(body, spans)) == {("person", "Sione Havili")}


@pytest.mark.parametrize(
    ("body", "span", "label", "name"),
    [
        ("The final is at the Queen's Park Oval in January.", "Park Oval", "FAC", "Queen's Park Oval"),
        ("She trained at King's College Hospital in London.", "College Hospital", "ORG", "King's College Hospital"),
    ],
)  # fmt: skip
def test_a_royal_possessive_opens_the_name_after_it(
    body: str, span: str, label: str, name: str
) -> None:
    found = listed(resolve(body, [at(body, span, label)]))
    assert any(n == name for _, n in found), found


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("Analysts at Jatobá Asset Management in Rio de Janeiro expect a strong debut.", "Rio de Janeiro"),
        ("At Kantamanto Market, traders said prices had settled.", "Kantamanto Market"),
    ],
)  # fmt: skip
def test_places_the_model_missed_are_read_whole(body: str, name: str) -> None:
    # no span from the model: the gazetteer reads the capitalised runs, across a Romance
    # particle and without the preposition opening the sentence
    assert ("place", name) in listed(resolve(body, []))


def test_a_region_a_sentence_places_is_no_people() -> None:
    # the model's "NORP" for a province: "in" places it, and the lists hold it as a region
    body = "The bonds will fund new townships in Laguna and a mall near the airport."
    assert ("place", "Laguna") in listed(resolve(body, [at(body, "Laguna", "NORP")]))


def test_a_language_compound_is_no_place() -> None:
    body = "The company will stage its Tamil-language Othello in Jaffna next spring."
    found = listed(resolve(body, [at(body, "Tamil-language", "GPE"), at(body, "Jaffna", "GPE")]))
    assert found == {("place", "Jaffna")}, found


def test_a_title_that_is_a_surname_closes_a_name() -> None:
    body = "Chief executive Farhan Sheikh told analysts the mill would run at full capacity."
    found = listed(resolve(body, [at(body, "Farhan Sheikh", "PERSON")]))
    assert ("person", "Farhan Sheikh") in found, found


def test_a_commodore_is_a_rank() -> None:
    body = '"We lose a day," said Commodore Faruk Hossain, the port authority\'s harbour member.'
    found = listed(resolve(body, [at(body, "Commodore Faruk Hossain", "PERSON")]))
    assert ("person", "Faruk Hossain") in found, found


def test_a_citys_possessive_is_no_part_of_the_body_after_it() -> None:
    body = "Related: Multan's Shalimar Hall plans a winter theatre season with six new plays."
    found = listed(resolve(body, [at(body, "Multan's Shalimar Hall", "ORG")]))
    assert not any("Multan" in n and "Shalimar" in n for _, n in found), found
    assert ("place", "Multan") in found, found


def test_a_plural_possessive_goes_on_to_the_body_it_names() -> None:
    body = "The strike was called by the Mongla Dock Workers' Unity Council on Sunday."
    found = listed(resolve(body, [at(body, "the Mongla Dock Workers'", "ORG")]))
    assert ("org", "Mongla Dock Workers' Unity Council") in found, found


def test_a_currency_code_before_a_number_is_no_body() -> None:
    body = "The chamber offered loans of up to EGP 200,000 to traders whose shops burned."
    assert listed(resolve(body, [at(body, "EGP", "ORG")])) == set()


def test_a_place_kind_the_model_read_as_a_body_takes_the_name_after_it() -> None:
    body = "Floodwaters reached the second floors of houses in Barangay Malinta on Tuesday."
    found = listed(resolve(body, [at(body, "Barangay", "ORG")]))
    assert ("place", "Barangay Malinta") in found, found


def test_a_royal_possessive_never_takes_in_a_place_of_its_own() -> None:
    body = "The Prince's London home was sold to a property fund last year."
    assert ("place", "London") in listed(resolve(body, [at(body, "London", "GPE")]))


def test_a_groups_possessive_never_takes_in_a_body_of_the_state() -> None:
    body = "The Greens' Senate spokesperson, Mara Quist, opposed the budget."
    spans = [at(body, "The Greens'", "ORG"), at(body, "Senate", "ORG")]
    found = listed(resolve(body, spans))
    assert not any("Greens' Senate" in n for _, n in found), found


def test_whose_law_it_is_stays_a_name() -> None:
    body = "The EU AI Act takes effect in August, and Kenya Finance Bill protests go on."
    spans = [at(body, "EU", "ORG"), at(body, "Kenya", "GPE")]
    found = listed(resolve(body, spans))
    assert {("org", "EU"), ("place", "Kenya")} <= found, found


def test_a_person_apposed_to_a_group_is_no_body() -> None:
    body = "Abu Hamza Sadiq, a spokesman for the group, said the convoy had been stopped."
    assert not any(t == "org" for t, _ in listed(resolve(body, [])))


def test_prose_after_a_slash_is_no_credit() -> None:
    body = "The firm sold its Image/Video unit to Lumen Partners, it said on Monday."
    found = listed(resolve(body, [at(body, "Lumen Partners", "ORG")]))
    assert ("org", "Lumen Partners") in found, found


def test_a_town_opening_with_in_is_read_whole_mid_sentence() -> None:
    body = "Gas output at In Salah resumed on Monday after a week-long strike."
    assert ("place", "In Salah") in listed(resolve(body, []))


@pytest.mark.parametrize(
    ("span", "name"), [("Pol Col Anan Srisuk", "Anan Srisuk"), ("Pol Pot", "Pol Pot")]
)
def test_a_thai_police_rank_is_no_part_of_the_name(span: str, name: str) -> None:
    body = f"{span} said the drivers would be fined from Monday."
    assert listed(resolve(body, [at(body, span, "PERSON")])) == {("person", name)}
