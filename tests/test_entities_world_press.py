"""The national and local press of East Asia, the Middle East and Latin America, and the
offices and bodies it names (found on the bench's sets AN, AO and AP). Each test hands
`resolve` the spans the model returned (no model is loaded); people and small organisations
are invented, places real where the gazetteer is the point.
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
        (
            "Flood victims appealed to the Office of the Prime Minister for tents.",
            "Office of the Prime",
            "Office of the Prime Minister",
        ),
        (
            "A spokesman for the Office of the Chief Justice said the hearing would wait.",
            "Office of the Chief Justice",
            "Office of the Chief Justice",
        ),
    ],
)
def test_an_office_is_named_by_its_holders_whole_title(body: str, span: str, name: str) -> None:
    assert listed(resolve(body, [at(body, span, "ORG")])) == {("org", name)}


def test_a_title_after_a_body_of_somewhere_is_still_cut() -> None:
    body = "The Bank of England Governor warned of slower growth."
    raw = [at(body, "Bank of England Governor", "ORG")]
    assert listed(resolve(body, raw)) == {("org", "Bank of England")}


def test_a_dateline_city_stays_apart_from_the_region_named_after_it() -> None:
    body = (
        "NAKURU, Kenya — Traders in Nakuru closed their stalls on Monday. The Nakuru County "
        "government said the market would reopen."
    )
    raw = [at(body, "NAKURU", "GPE"), at(body, "Kenya", "GPE"), at(body, "Nakuru", "GPE")]
    raw.append(at(body, "Nakuru County", "GPE"))
    assert {("place", "Nakuru"), ("place", "Nakuru County")} <= listed(resolve(body, raw))


def test_a_region_written_alone_is_still_the_region() -> None:
    body = "Floods hit Nakuru County on Monday. Nakuru has had rain for a week."
    raw = [at(body, "Nakuru County", "GPE"), at(body, "Nakuru", "GPE")]
    assert listed(resolve(body, raw)) == {("place", "Nakuru County")}


@pytest.mark.parametrize(
    ("body", "span", "name"),
    [
        (
            "The wells ran dry. Shopowner Marisol Quintero Baca said guests left early.",
            "Shopowner Marisol Quintero Baca",
            "Marisol Quintero Baca",
        ),
        (
            "Restaurateur Tomás Ibarra Lugo expects crowds all month.",
            "Restaurateur Tomás Ibarra Lugo",
            "Tomás Ibarra Lugo",
        ),
        (
            "Coffee-grower Anselmo Duarte Vidal said the harvest was small.",
            "Coffee-grower Anselmo Duarte Vidal",
            "Anselmo Duarte Vidal",
        ),
    ],
)
def test_an_agent_noun_opening_a_sentence_is_no_part_of_the_name(
    body: str, span: str, name: str
) -> None:
    assert listed(resolve(body, [at(body, span, "PERSON")])) == {("person", name)}


def test_an_article_before_a_word_no_list_calls_a_name_is_no_person_shape() -> None:
    body = "The utility said the El Cuchillo and Cerro Prieto reservoirs were low."
    raw = [at(body, "El Cuchillo", "ORG")]
    assert ("person", "El Cuchillo") not in listed(resolve(body, raw))


def test_an_article_led_surname_that_speaks_is_someone() -> None:
    body = "El Harrak said the labour code would be rewritten."
    raw = [at(body, "El Harrak", "ORG")]
    assert listed(resolve(body, raw)) == {("person", "El Harrak")}


def test_a_given_name_spelt_as_an_article_still_opens_a_person() -> None:
    body = "The former vice president Al Gore spoke in Nairobi on Monday."
    raw = [at(body, "Al Gore", "PERSON"), at(body, "Nairobi", "GPE")]
    assert ("person", "Al Gore") in listed(resolve(body, raw))


@pytest.mark.parametrize(
    ("body", "span"),
    [
        ("Officials said the Taleqan dam held a tenth of its water.", "Taleqan"),
        ("Gold traders in the Qaysari bazaar said prices rose.", "Qaysari"),
    ],
)
def test_a_dam_or_a_bazaar_after_a_name_makes_it_a_place(body: str, span: str) -> None:
    # the place takes its lowercase kind with it ("Taleqan dam"), as news names it
    kind = body[body.index(span) + len(span) :].split()[0]
    assert listed(resolve(body, [at(body, span, "PERSON")])) == {("place", f"{span} {kind}")}


def test_someone_crossing_a_border_stays_someone() -> None:
    body = "Witnesses described Garcia crossing the border on foot near Tijuana."
    raw = [at(body, "Garcia", "PERSON"), at(body, "Tijuana", "GPE")]
    assert ("person", "Garcia") in listed(resolve(body, raw))


def test_a_vietnamese_name_is_a_persons_shape() -> None:
    body = "Photo by staff\nDang Thi Thu Hoa, a parent in District 7, said the class had 50 pupils."
    raw = [at(body, "Dang Thi Thu Hoa", "ORG")]
    assert ("person", "Dang Thi Thu Hoa") in listed(resolve(body, raw))


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("Tran Van Thoi Street", "PERSON"),
        ("Ho Thi Ky Market", "PERSON"),
        ("Vo Thi Sau Ward", "FAC"),
    ],
)
def test_a_vietnamese_street_market_or_ward_is_no_persons_shape(name: str, label: str) -> None:
    body = f"{name} was flooded on Monday."
    assert ("person", name) not in listed(resolve(body, [at(body, name, label)]))


def test_a_vietnamese_surname_left_before_the_middle_name_opens_the_name() -> None:
    # The surname is also in a street's name, which is no reason to leave it out.
    body = (
        "Vo Thi Lan Anh, the school's head, said classes would move to Vo Van Kiet Street "
        "while the roof is repaired."
    )
    raw = [at(body, "Thi Lan Anh", "PERSON"), at(body, "Vo Van Kiet Street", "FAC")]
    assert ("person", "Vo Thi Lan Anh") in listed(resolve(body, raw))


@pytest.mark.parametrize(
    ("span", "name"),
    [("U Aung Myo Lwin", "Aung Myo Lwin"), ("Daw Nilar Thein", "Nilar Thein")],
)
def test_an_honorific_of_myanmar_is_no_part_of_the_name(span: str, name: str) -> None:
    body = f"Township official {span} said the stalls would be rebuilt."
    assert listed(resolve(body, [at(body, span, "PERSON")])) == {("person", name)}


@pytest.mark.parametrize("name", ["Ko Min-seo", "Ko Min Seo"])
def test_a_korean_surname_spelt_as_an_honorific_stays(name: str) -> None:
    body = f"{name} finished two shots clear in Incheon."
    raw = [at(body, name, "PERSON"), at(body, "Incheon", "GPE")]
    assert ("person", name) in listed(resolve(body, raw))


def test_a_hyphenated_field_after_and_goes_on_with_the_bodys_name() -> None:
    body = "The Samoa Human Rights and Anti-Corruption Commission said it would study the bill."
    raw = [at(body, "Samoa Human Rights", "ORG"), at(body, "Anti-Corruption Commission", "ORG")]
    assert listed(resolve(body, raw)) == {
        ("org", "Samoa Human Rights and Anti-Corruption Commission")
    }


def test_two_firms_each_closed_by_its_legal_form_are_two() -> None:
    body = "The permits went to Bukit Hijau Realty Sdn Bhd and Laut Biru Marine Sdn Bhd in May."
    raw = [at(body, "Bukit Hijau Realty Sdn Bhd and Laut Biru Marine Sdn Bhd", "ORG")]
    assert listed(resolve(body, raw)) == {
        ("org", "Bukit Hijau Realty Sdn Bhd"),
        ("org", "Laut Biru Marine Sdn Bhd"),
    }


@pytest.mark.parametrize(
    ("body", "span"),
    [
        ("Cruise passengers land at Nuku Wharf every Tuesday.", "Nuku Wharf"),
        ("Qaisariya Souq was packed with shoppers on Friday.", "Qaisariya Souq"),
    ],
)
def test_a_wharf_or_a_souq_closing_a_name_is_a_place(body: str, span: str) -> None:
    assert listed(resolve(body, [at(body, span, "PERSON")])) == {("place", span)}


def test_a_place_cut_at_its_connector_takes_the_rest_of_its_name() -> None:
    body = "Families in the hills above Viña del Mar still live in tents."
    raw = [at(body, "Viña", "GPE")]
    assert listed(resolve(body, raw)) == {("place", "Viña del Mar")}


@pytest.mark.parametrize(
    ("span", "name"),
    [("Sayyed Hadi Moussawi", "Hadi Moussawi"), ("Kak Rebwar Hama Salih", "Rebwar Hama Salih")],
)
def test_a_sayyed_or_a_kurdish_kak_is_a_title(span: str, name: str) -> None:
    body = f"The deal was signed by {span} on Sunday."
    assert listed(resolve(body, [at(body, span, "PERSON")])) == {("person", name)}


@pytest.mark.parametrize("name", ["Jamil Sayyed", "Subhash Kak", "Sayyid Qutb"])
def test_a_sayyed_or_a_kak_closing_a_name_or_before_one_word_stays(name: str) -> None:
    body = f"The deal was signed by {name} on Sunday."
    assert listed(resolve(body, [at(body, name, "PERSON")])) == {("person", name)}


def test_a_malay_fathers_name_of_two_words_stays_in_the_name() -> None:
    body = "Judge Suraya binti Abdul Rahim fined the clerk on Tuesday."
    raw = [at(body, "Suraya", "PERSON"), at(body, "Abdul Rahim", "PERSON")]
    assert listed(resolve(body, raw)) == {("person", "Suraya binti Abdul Rahim")}


def test_a_place_a_comma_and_a_full_name_read_as_one_are_two() -> None:
    body = "The mayor of Cobán, Ana Lucía Tzul, said the river had burst its banks."
    raw = [at(body, "Cobán, Ana Lucía Tzul", "ORG")]
    assert listed(resolve(body, raw)) == {("place", "Cobán"), ("person", "Ana Lucía Tzul")}


def test_a_full_name_read_as_a_body_keeps_the_given_name_used_alone() -> None:
    body = (
        "The teacher who died, Marisela Yanet Ospina, had taught there for years. "
        "Her sister, Nubia Ospina, said Marisela never missed a day."
    )
    raw = [at(body, "Marisela Yanet Ospina", "ORG"), at(body, "Nubia Ospina", "PERSON")]
    raw.append(at(body, "Marisela", "PERSON", 1))
    assert ("person", "Marisela Yanet Ospina") in listed(resolve(body, raw))


def test_a_village_office_before_its_holder_is_no_place() -> None:
    body = 'Barangay Captain Rodolfo "Dodong" Abellana received the order on Friday.'
    raw = [at(body, "Barangay", "ORG"), at(body, "Rodolfo", "PERSON")]
    assert ("place", "Barangay Captain Rodolfo") not in listed(resolve(body, raw))


def test_a_fort_the_gazetteer_does_not_know_is_a_place() -> None:
    body = "Tourists visited Fort Aguada in Goa on Sunday."
    raw = [at(body, "Fort Aguada", "PERSON"), at(body, "Goa", "GPE")]
    assert ("place", "Fort Aguada") in listed(resolve(body, raw))


def test_a_place_is_not_the_body_named_after_it() -> None:
    body = (
        "The Cámara de Comercio de Santa Cruz asked for diesel. "
        "Farmers in Santa Cruz said they would plant less."
    )
    raw = [at(body, "Cámara de Comercio de Santa Cruz", "ORG"), at(body, "Santa Cruz", "GPE", 1)]
    assert ("place", "Santa Cruz") in listed(resolve(body, raw))


def test_a_leading_sayyed_is_not_taken_back_as_a_given_name() -> None:
    body = "Cleric Sayyed Hadi al-Moussawi said talks had failed. Al-Moussawi spoke from Tyre."
    raw = [at(body, "Sayyed Hadi al-Moussawi", "PERSON"), at(body, "Al-Moussawi", "PERSON")]
    raw.append(at(body, "Tyre", "GPE"))
    assert ("person", "Hadi al-Moussawi") in listed(resolve(body, raw))


def test_a_vietnamese_given_name_that_is_a_place_word_stays_a_name() -> None:
    body = "Tran Van Bay, a fisherman, said the storm sank his boat."
    raw = [at(body, "Tran Van Bay", "PERSON")]
    assert listed(resolve(body, raw)) == {("person", "Tran Van Bay")}


def test_a_barangay_named_after_a_judge_stays_whole() -> None:
    body = "Fire razed 40 houses in Barangay Judge Pedro Lacson on Sunday."
    raw = [at(body, "Barangay", "ORG"), at(body, "Pedro Lacson", "PERSON")]
    assert ("place", "Barangay Judge Pedro Lacson") in listed(resolve(body, raw))


def test_a_barangay_captain_of_her_barangay_leaves_it_a_place() -> None:
    body = "Barangay Captain Lorna Reyes of Barangay Malinis said 200 families left."
    raw = [at(body, "Barangay", "ORG"), at(body, "Lorna Reyes", "PERSON")]
    raw.append(at(body, "Barangay Malinis", "ORG"))
    assert listed(resolve(body, raw)) == {("person", "Lorna Reyes"), ("place", "Barangay Malinis")}


def test_two_firms_with_dotted_legal_forms_are_two() -> None:
    body = "Banco Cordillera S.A. and Seguros Andinos S.A. signed the deal."
    raw = [at(body, "Banco Cordillera S.A. and Seguros Andinos S.A.", "ORG")]
    assert listed(resolve(body, raw)) == {
        ("org", "Banco Cordillera S.A."),
        ("org", "Seguros Andinos S.A."),
    }
