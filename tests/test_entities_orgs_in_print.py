"""Organisations as newspapers print them: names written in two halves around a dash, a first
word the model left out, bodies the type vote would file as places or people. Each test hands
`resolve` spans shaped like the model's (no model is loaded); bodies and people are invented,
places real.
"""

from __future__ import annotations

import pytest

from index.entities.resolve import resolve
from tests.test_entities_error_kinds import at, listed, named


# Names written around a dash -----------------------------------------------------------------
def test_an_alliance_written_around_a_dash_is_one_name() -> None:
    body = (
        "Deputies from the Harbour Union – Baltic Green Farmers have questioned the plan. "
        "The ministry said the cost was fair."
    )
    raw = [at(body, "the Harbour Union", "ORG"), at(body, "Baltic Green", "PERSON")]
    raw.append(at(body, "Farmers", "NORP"))
    assert ("org", "Harbour Union – Baltic Green Farmers") in listed(resolve(body, raw))


def test_a_dash_before_a_name_the_article_uses_again_is_a_break() -> None:
    body = (
        "The deal was signed by Korvel Mining – Tarsk Copper will run the smelter. "
        "Tarsk Copper said output would rise."
    )
    raw = [at(body, "Korvel Mining", "ORG"), at(body, "Tarsk Copper", "ORG", 0)]
    raw.append(at(body, "Tarsk Copper", "ORG", 1))
    found = listed(resolve(body, raw))
    assert ("org", "Korvel Mining") in found and ("org", "Tarsk Copper") in found


def test_a_mastheads_dash_joins_nothing() -> None:
    body = "Valley Daily Post — Western Highlands desk\nRains closed 86 schools on Friday."
    raw = [at(body, "Valley Daily Post", "ORG"), at(body, "Western Highlands", "LOC")]
    assert ("org", "Valley Daily Post") in listed(resolve(body, raw))


# Bodies introduced by what they are ----------------------------------------------------------
@pytest.mark.parametrize(
    ("body", "name"),
    [
        (
            "The trade union Tessaro called a strike at two airports. Tessaro wants more pay.",
            "Tessaro",
        ),
        (
            "Lusaka club Tafara will provide four players, the selectors said.",
            "Tafara",
        ),
        (
            "Rania Idrissi, who heads the fishermen's association Al Nour, said boats were idle.",
            "Al Nour",
        ),
        (
            "She is represented by Pieter Vos, whose gallery, Marit Hendriks, sold half.",
            "Marit Hendriks",
        ),
    ],
)
def test_a_union_club_association_or_gallery_before_a_name_makes_it_a_body(
    body: str, name: str
) -> None:
    raw = [at(body, name, "PERSON", i) for i in range(body.count(name))]
    for person in ("Rania Idrissi", "Pieter Vos"):
        if person in body:
            raw.append(at(body, person, "PERSON"))
    assert ("org", name) in listed(resolve(body, raw))


def test_parties_after_two_names_make_the_second_a_party() -> None:
    body = "The Frente Cívico and Avanza parties have called assemblies. Avanza said it would run."
    raw = [at(body, "Frente Cívico", "ORG"), at(body, "Avanza", "PERSON", 0)]
    raw.append(at(body, "Avanza", "PERSON", 1))
    assert ("org", "Avanza") in listed(resolve(body, raw))


# Numbered bodies -----------------------------------------------------------------------------
def test_a_body_of_three_words_keeps_the_ordinal_that_numbers_it() -> None:
    body = (
        "Doctors at the 4th Water District of Thessaly said the wells were clean. "
        "Inspector Lotte Varga disagreed."
    )
    raw = [at(body, "4th Water District of Thessaly", "ORG"), at(body, "Lotte Varga", "PERSON")]
    assert ("org", "4th Water District of Thessaly") in listed(resolve(body, raw))


def test_a_director_at_a_name_works_for_a_body() -> None:
    body = (
        "Ilse Marwood, a director at Kestrel Obani, said the sale was close. "
        "Kestrel Obani declined to comment."
    )
    raw = [at(body, "Ilse Marwood", "PERSON")]
    raw += [at(body, "Kestrel Obani", "PERSON", i) for i in range(2)]
    assert ("org", "Kestrel Obani") in listed(resolve(body, raw))


# Names the model cut short -------------------------------------------------------------------
def test_an_acronym_written_as_a_word_spells_the_whole_name_before_it() -> None:
    body = (
        "The Northern Cape Hotel, Catering and Allied Workers Union (Nchcawu) said it would "
        "fight the job cuts. Organiser Thandeka Mbhele called the offer an insult."
    )
    raw = [at(body, "Allied Workers Union", "ORG"), at(body, "Thandeka Mbhele", "PERSON")]
    found = listed(resolve(body, raw))
    assert ("org", "Northern Cape Hotel, Catering and Allied Workers Union") in found
    assert ("org", "Allied Workers Union") not in found


def test_two_initialisms_a_slash_joins_stay_in_the_unions_name() -> None:
    body = (
        "The Gujarat State BPO/KPO Staff Union (GSKU) said members were told to resign. "
        "Priyanka Desai, a GSKU organiser, said talks had failed."
    )
    raw = [at(body, "Priyanka Desai", "PERSON")]
    found = listed(resolve(body, raw))
    assert ("org", "Gujarat State BPO/KPO Staff Union") in found
    assert ("org", "Staff Union") not in found


def test_a_names_first_word_opening_the_sentence_is_the_names() -> None:
    body = (
        "Larkspur Digital, the Lisbon-based payments firm, will cut 40 jobs. "
        "Chief executive Odile Marchetti said Larkspur would keep its Porto office."
    )
    raw = [at(body, "Digital", "ORG"), at(body, "Larkspur", "GPE", 1)]
    raw.append(at(body, "Odile Marchetti", "PERSON"))
    found = listed(resolve(body, raw))
    assert ("org", "Larkspur Digital") in found and ("org", "Digital") not in found


def test_an_owners_s_ends_the_owner_before_its_committees_fields() -> None:
    body = (
        "Separately, the County Assembly's Budget and Public Accounts Committee, chaired by Odhiambo "
        "Kiprono, said it would summon the minister."
    )
    raw = [at(body, "the County Assembly's Budget", "ORG")]
    raw.append(at(body, "Public Accounts Committee", "ORG"))
    raw.append(at(body, "Odhiambo Kiprono", "PERSON"))
    found = listed(resolve(body, raw))
    assert ("org", "Budget and Public Accounts Committee") in found
    assert ("org", "County Assembly") in found


def test_a_place_found_right_before_a_bodys_name_opens_it() -> None:
    body = (
        "The Doi Inthanon Clean Air Network, a civic group, will march on Sunday. "
        "Organiser Aline Uwase said farmers kept burning stubble."
    )
    found = listed(resolve(body, [at(body, "Aline Uwase", "PERSON")]))
    assert ("org", "Doi Inthanon Clean Air Network") in found
    assert ("org", "Clean Air Network") not in found


def test_a_title_word_inside_a_bodys_name_is_the_start_of_its_name() -> None:
    # invented: "Justice" is a judge's title, but here no name follows it
    body = (
        "The case was brought by tenants and the River Justice Collective, a charity that "
        "tracks water cuts in Gqeberha."
    )
    raw = [at(body, "Collective", "PERSON"), at(body, "Gqeberha", "GPE")]
    found = listed(resolve(body, raw))
    assert ("org", "River Justice Collective") in found
    assert ("org", "Collective") not in found


def test_a_place_and_its_level_word_before_a_bodys_name_open_it() -> None:
    body = (
        "Tran Bao Ngoc, a lecturer at the Ho Chi Minh City Institute of Marine Studies, said "
        "the tide gauges were old."
    )
    raw = [at(body, "Tran Bao Ngoc", "PERSON"), at(body, "Institute of Marine Studies", "ORG")]
    found = listed(resolve(body, raw))
    assert ("org", "Ho Chi Minh City Institute of Marine Studies") in found
    assert ("org", "Institute of Marine Studies") not in found


def test_fields_listed_with_commas_before_a_bodys_kind_are_one_name() -> None:
    body = (
        "The Hydrology, Seismology and Oceanography Agency warned of swells on Tuesday. "
        "Forecaster Imelda Vranjes said boats should stay in port."
    )
    raw = [at(body, "The Hydrology, Seismology and Oceanography Agency", "ORG")]
    raw.append(at(body, "Imelda Vranjes", "PERSON"))
    found = listed(resolve(body, raw))
    assert ("org", "Hydrology, Seismology and Oceanography Agency") in found
    assert ("org", "Oceanography Agency") not in found


def test_a_kind_word_tagged_alone_takes_the_name_it_governs() -> None:
    body = (
        "The march was organised by Alliance for the Old Harbour, a residents' group founded "
        "in 2019. Organiser Petra Lindqvist said 2,000 people came."
    )
    raw = [at(body, "Alliance", "ORG"), at(body, "Petra Lindqvist", "PERSON")]
    found = listed(resolve(body, raw))
    assert ("org", "Alliance for the Old Harbour") in found
    assert ("org", "Alliance") not in found


def test_an_acronym_in_another_alphabets_capitals_is_the_names_alias() -> None:
    body = (
        "The Izmir Chamber of Bakers and Confectioners (İFOB) said bread prices would rise. "
        "Bakers in Izmir will meet the governor on Monday."
    )
    raw = [at(body, "The Izmir Chamber of Bakers and Confectioners (İFOB", "ORG")]
    raw.append(at(body, "Izmir", "GPE", 1))
    found = listed(resolve(body, raw))
    assert ("org", "Izmir Chamber of Bakers and Confectioners") in found
    assert ("org", "İFOB") not in found


# Labels glued to a name ----------------------------------------------------------------------
def test_a_captions_label_is_no_part_of_the_name_after_it() -> None:
    body = (
        "Dockers walked out at dawn, the Tarlow Stevedores union said.\n"
        "Photo: Tarlow Stevedores members outside the gates. (Photo: Lena Brandt)\n"
        "Also on Harbour Radio Live: Tarlow Stevedores to vote on offer"
    )
    raw = [at(body, "Tarlow Stevedores", "ORG", 0), at(body, "Photo: Tarlow Stevedores", "ORG")]
    raw.append(at(body, "Harbour Radio Live: Tarlow Stevedores", "ORG"))
    found = listed(resolve(body, raw))
    assert ("org", "Tarlow Stevedores") in found
    assert not any(":" in name for _, name in found)


# Bodies a description beside the name makes --------------------------------------------------
def test_a_description_at_a_names_other_place_makes_it_a_body() -> None:
    body = (
        "About 400 workers at tile maker Cerámicas del Norte walked out on Monday. "
        "Cerámicas del Norte, which supplies builders across Nuevo León, said talks would resume."
    )
    raw = [at(body, "Cerámicas del Norte", "PERSON", 0), at(body, "Nuevo León", "GPE")]
    found = listed(resolve(body, raw))
    assert ("org", "Cerámicas del Norte") in found


def test_a_description_after_a_body_the_model_tagged_outweighs_a_place_in_its_name() -> None:
    body = (
        "The appeal was lodged by Wagony Slaskie Tabor, a Katowice-based wagon maker that lost "
        "the tender by two points."
    )
    raw = [at(body, "Wagony Slaskie Tabor", "ORG"), at(body, "Katowice", "GPE")]
    found = listed(resolve(body, raw))
    assert ("org", "Wagony Slaskie Tabor") in found


# A body and its acronym ------------------------------------------------------------------------
def test_an_acronym_the_article_defines_stays_with_its_own_full_name() -> None:
    body = (
        "The Lahore Housing Cooperative (LHC) has frozen new plots, its secretary Nadeem "
        "Afridi-Raza said. Buyers went to the Lahore High Court on Monday. The LHC said refunds "
        "would follow."
    )
    raw = [at(body, "The Lahore Housing Cooperative", "ORG"), at(body, "LHC", "ORG", 0)]
    raw += [at(body, "Lahore High Court", "ORG"), at(body, "LHC", "ORG", 1)]
    raw.append(at(body, "Nadeem Afridi-Raza", "PERSON"))
    found = resolve(body, raw)
    assert named(found, "Lahore Housing Cooperative").aliases == ("LHC",)
    assert ("org", "Lahore High Court") in listed(found)
