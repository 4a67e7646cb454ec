"""How a person's name is found and cut: the titles, trades and particles around it, and the
names of places and gatherings that only look like a person's (found on the bench's
development sets). Each test hands `resolve` the spans the model returned (no model is
loaded); people are invented, places real or invented.
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
    ("body", "name"),
    [
        ("Rahim Town traders blocked the road on Tuesday.", "Rahim Town"),
        ("Power returned to Felix Estates late on Sunday.", "Felix Estates"),
        ("The Mallow Arts Festival moves to October next year.", "Arts Festival"),
        ("Crowds at the Dunmore Show broke the record set in 2019.", "Dunmore Show"),
        ("Pupils of Kasama Hill Secondary won the quiz on Friday.", "Kasama Hill Secondary"),
    ],
)
def test_a_name_closing_with_a_kind_of_place_or_gathering_is_no_person(
    body: str, name: str
) -> None:
    found = listed(resolve(body, [at(body, name, "PERSON")]))
    assert ("person", name) not in found


def test_a_titled_name_closing_with_such_a_word_stays_a_person() -> None:
    # a title before it settles it, whatever the last word is
    body = "Mayor Kofi Town said the market would reopen. Town said the council would pay."
    found = listed(resolve(body, [at(body, "Mayor Kofi Town", "PERSON")]))
    assert ("person", "Kofi Town") in found


def test_a_calling_before_a_title_is_no_part_of_the_name() -> None:
    body = "Pensioner Mrs Thandeka Pillay, 81, said she had carried water for a week."
    raw = [at(body, "Pensioner Mrs Thandeka Pillay", "ORG")]
    assert ("person", "Thandeka Pillay") in listed(resolve(body, raw))


def test_a_calling_before_no_title_still_names_a_body() -> None:
    body = "Teacher Training College Mutare will admit 300 students in January."
    raw = [at(body, "Teacher Training College Mutare", "ORG")]
    assert ("org", "Teacher Training College Mutare") in listed(resolve(body, raw))


def test_a_surname_shaped_like_a_peoples_name_survives_its_title() -> None:
    # "Lombardi" reads like a people's name ("Lombard-i"), but the lists hold it as a surname
    body = "Judge Lombardi adjourned the case to March. Lombardi gave no reasons."
    raw = [at(body, "Judge Lombardi", "PERSON"), at(body, "Lombardi", "PERSON", 1)]
    assert ("person", "Lombardi") in listed(resolve(body, raw))


def test_a_lone_people_word_the_lists_hold_as_a_surname_is_still_no_name() -> None:
    body = "CNV, the Christian union, said it was in talks with the city."
    raw = [at(body, "CNV", "ORG"), at(body, "Christian", "NORP")]
    assert not any(name.startswith("Christian") for _, name in listed(resolve(body, raw)))


@pytest.mark.parametrize(
    ("body", "span", "name"),
    [
        ("The group was founded by Aunty Mere Tawhiri in 1994.", "Aunty Mere Tawhiri", "Mere Tawhiri"),
        ("Traders led by Madam Esther Kollie say the site floods.", "Madam Esther Kollie", "Esther Kollie"),
        ("Union chairman Malam Bello Garba said teachers would strike.", "Malam Bello Garba", "Bello Garba"),
        ("Vereador Paulo Mendes Filho called for an inquiry.", "Vereador Paulo Mendes Filho", "Paulo Mendes Filho"),
        ("Community leader Dona Zefinha said the school would reopen.", "Dona Zefinha", "Zefinha"),
        ("Rwot Ocen Lakwo, a clan chief, said the land was theirs.", "Rwot Ocen Lakwo", "Ocen Lakwo"),
    ],
)  # fmt: skip
def test_a_local_honorific_is_no_part_of_the_name(body: str, span: str, name: str) -> None:
    found = listed(resolve(body, [at(body, span, "PERSON")]))
    assert ("person", name) in found


def test_a_double_barrelled_surname_after_a_title_and_a_given_name_is_kept() -> None:
    body = '"We need more beds," said Dr. Rose-Dieula Saint-Fleur, who runs the clinic.'
    raw = [at(body, "Rose-Dieula", "PERSON")]
    assert ("person", "Rose-Dieula Saint-Fleur") in listed(resolve(body, raw))


def test_a_place_after_an_untitled_given_name_stays_apart() -> None:
    body = "For Rose-Dieula Saint-Marc was home, her brother said."
    raw = [at(body, "Rose-Dieula", "PERSON")]
    assert ("person", "Rose-Dieula Saint-Marc") not in listed(resolve(body, raw))


def test_given_names_before_a_particle_join_the_surname_the_model_found() -> None:
    body = '"They owe us answers," said public defender Maria Júlia dos Reis Prado.'
    raw = [at(body, "Júlia", "ORG"), at(body, "Reis Prado", "PERSON")]
    found = listed(resolve(body, raw))
    assert ("person", "Maria Júlia dos Reis Prado") in found
    assert ("org", "Júlia") not in found


def test_a_title_before_a_particle_is_not_a_given_name() -> None:
    body = "Judge van Rensburg adjourned the case. Van Rensburg gave no reasons."
    raw = [at(body, "Rensburg", "PERSON"), at(body, "Van Rensburg", "PERSON")]
    assert not any(name.startswith("Judge") for _, name in listed(resolve(body, raw)))


def test_a_nickname_in_single_quotes_keeps_the_person_whole() -> None:
    body = "Her rival, Councillor Desmond 'Tallboy' Braithwaite, said vendors were suffering."
    raw = [
        at(body, "Councillor Desmond '", "PERSON"),
        at(body, "Tallboy", "PERSON"),
        at(body, "Braithwaite", "ORG"),
    ]
    found = listed(resolve(body, raw))
    assert ("person", "Desmond 'Tallboy' Braithwaite") in found
    assert ("person", "Desmond") not in found


def test_a_quotation_in_single_quotes_joins_no_names() -> None:
    body = "Critics call Kenya 'Silicon' Savannah a slogan, Otieno said."
    raw = [at(body, "Kenya", "GPE"), at(body, "Otieno", "PERSON")]
    assert not any("'" in name for _, name in listed(resolve(body, raw)))


def test_a_written_by_line_is_a_byline() -> None:
    body = "Business & Economy\nWritten by Chantal Uwase Mugenzi\n\nMoto riders in Kigali switched."
    raw = [at(body, "Business & Economy\nWritten", "ORG"), at(body, "Kigali", "GPE")]
    found = listed(resolve(body, raw))
    assert ("org", "Written") not in found
    assert ("place", "Kigali") in found


def test_a_written_by_line_keeps_its_author_for_the_resolver() -> None:
    body = "Written by Chantal Mugenzi\n\nMoto riders in Kigali switched to electric bikes."
    raw = [at(body, "Chantal Mugenzi", "PERSON")]
    assert ("person", "Chantal Mugenzi") in listed(resolve(body, raw))


def test_attorney_at_law_before_a_name_is_a_title() -> None:
    body = "Counsel for the suspect, Attorney-at-Law Kasun Wijeratne, said his client was innocent."
    found = listed(resolve(body, []))
    assert ("person", "Kasun Wijeratne") in found


def test_a_title_and_a_given_name_before_a_surname_the_model_misread_make_the_person() -> None:
    body = "The MP for Dedza East, Hon. Mercy Chikondi Tembo, said she would ask for funds."
    raw = [at(body, "Tembo", "ORG")]
    assert ("person", "Mercy Chikondi Tembo") in listed(resolve(body, raw))


def test_a_title_before_a_word_that_is_no_given_name_takes_no_piece() -> None:
    body = "The award went to Captain Marvel Studios, Tembo said."
    raw = [at(body, "Studios", "ORG"), at(body, "Tembo", "PERSON")]
    assert ("person", "Marvel Studios") not in listed(resolve(body, raw))


@pytest.mark.parametrize(
    ("body", "name"),
    [
        (
            "Bishop Ncube Dlodlo died on Friday, aged 88. He is survived by his wife, "
            "Nomvula, four children and 11 grandchildren. Bulawayo mourned him.",
            "Nomvula",
        ),
        (
            '"They came in shooting," said a vendor who gave only her first name, Rosimeire, '
            "outside a pharmacy in Salvador. Police declined to comment.",
            "Rosimeire",
        ),
    ],
)
def test_someone_introduced_by_one_name_as_a_relative_or_by_choice_is_a_person(
    body: str, name: str
) -> None:
    # a long article that names its people in full, where a lone word needs more to be someone
    long = body + " Ana Ruiz and Tomás Vidal spoke." + " The council met on Monday." * 45
    raw = [
        at(long, name, "PERSON"),
        at(long, "Ana Ruiz", "PERSON"),
        at(long, "Tomás Vidal", "PERSON"),
    ]
    assert ("person", name) in listed(resolve(long, raw))


def test_sons_listed_by_first_name_are_not_made_people() -> None:
    # other articles' people of the same given name would claim them across the library
    body = "He is survived by his sons, Colm and Tomás." + " Ana Ruiz and Tomás Vidal spoke."
    long = body + " The council met on Monday." * 45
    raw = [
        at(long, "Colm", "PERSON"),
        at(long, "Ana Ruiz", "PERSON"),
        at(long, "Tomás Vidal", "PERSON"),
    ]
    assert ("person", "Colm") not in listed(resolve(long, raw))


def test_a_balinese_name_the_model_missed_keeps_its_opening_i() -> None:
    body = "The head of the banjar, I Wayan Sudarsana, said the parade would not pass the temple."
    assert ("person", "I Wayan Sudarsana") in listed(resolve(body, []))
