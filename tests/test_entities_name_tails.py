"""The surnames the model left after a name ("Tomás Herrera" of "Tomás Herrera Quintana"), and
the honorifics of the African press ("Hon.", "Ato", "Oba", "Nana"), which are no part of one.
Each test hands `resolve` the spans the model returned (no model is loaded); the people are
invented.
"""

from __future__ import annotations

import pytest

from index.entities import gazetteer
from index.entities.resolve import resolve
from tests.test_entities_error_kinds import at, listed

HEADLINE = "Water bill passes second reading\n"


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    gazetteer.warm()


@pytest.mark.parametrize(
    ("body", "span", "name"),
    [
        # a second surname, written once, as Hispanic news does at first use
        (
            "Deputy Tomás Herrera Quintana said the bill would pass.",
            "Tomás Herrera",
            "Tomás Herrera Quintana",
        ),
        # two given names, then both surnames
        (
            "Committee president Luis Alberto Mamani Flores said the deal was unfair.",
            "Luis Alberto",
            "Luis Alberto Mamani Flores",
        ),
        # a second given name, then a surname the English word index holds ("ochoa")
        (
            "Biologist Lucía Elena Ochoa said the fish had mercury in them.",
            "Lucía",
            "Lucía Elena Ochoa",
        ),
        # a title and a given name: the model stopped before the surname
        (
            "Health Minister Dr Agnes Uwimana said the clinics would reopen.",
            "Dr Agnes",
            "Agnes Uwimana",
        ),
    ],
)
def test_listed_surnames_after_a_name_are_part_of_it(body: str, span: str, name: str) -> None:
    text = HEADLINE + body
    assert listed(resolve(text, [at(text, span, "PERSON")])) == {("person", name)}


@pytest.mark.parametrize(
    ("body", "span"),
    [
        # a weekday is a word, however US news places it
        ("Governor Ana Torres Wednesday announced a review.", "Ana Torres"),
        # on a Title-Case line, capitals set two people's names side by side
        (
            "Related: Luis Alberto Mamani to Face Senate Panel\nThe union walked out.",
            "Luis Alberto",
        ),
        # the name goes on past two more words: not ours to guess where it ends
        ("Tomás Herrera Quintana Flores Mamani spoke first.", "Tomás Herrera"),
    ],
)
def test_a_name_stays_as_the_model_drew_it_when_no_surname_follows(body: str, span: str) -> None:
    text = body if "\n" in body else HEADLINE + body
    assert listed(resolve(text, [at(text, span, "PERSON")])) == {("person", span)}


@pytest.mark.parametrize(
    ("body", "span", "name"),
    [
        (
            "Hon. Adjoa Mensah told the house the road would be finished.",
            "Hon. Adjoa Mensah",
            "Adjoa Mensah",
        ),
        (
            "Ato Tesfaye Bekele, the agency's director, said work had resumed.",
            "Ato Tesfaye Bekele",
            "Tesfaye Bekele",
        ),
        (
            "Oba Adeyemi Olatunde received the governor at his palace.",
            "Oba Adeyemi Olatunde",
            "Adeyemi Olatunde",
        ),
        ("Nana Kofi Asante, chief of the area, urged calm.", "Nana Kofi Asante", "Kofi Asante"),
        # a rank after the name: Senior Advocate of Nigeria
        (
            "Counsel to the petitioner, Adaeze Okonjo-Bello SAN, asked for more time.",
            "Adaeze Okonjo-Bello SAN",
            "Adaeze Okonjo-Bello",
        ),
        (
            '"We lost everything," said Hajj Karim Benslimane Tazi, 68.',
            "Hajj Karim Benslimane Tazi",
            "Karim Benslimane Tazi",
        ),
        (
            "Club president Khun Siriporn Thanakit said shops would close.",
            "Khun Siriporn Thanakit",
            "Siriporn Thanakit",
        ),
        # an Irish police officer's rank
        (
            "Garda Aoife Brannigan told the court the cash was never lodged.",
            "Garda Aoife Brannigan",
            "Aoife Brannigan",
        ),
    ],
)
def test_an_honorific_is_no_part_of_the_name(body: str, span: str, name: str) -> None:
    text = HEADLINE + body
    assert listed(resolve(text, [at(text, span, "PERSON")])) == {("person", name)}


@pytest.mark.parametrize(
    ("body", "spans", "name"),
    [
        # the model read the surname and the rank as a body, and left the given name out
        (
            "His counsel, Chinedu Okafor-Eze SAN, said the appeal was filed.",
            [("Okafor-Eze SAN", "ORG")],
            "Chinedu Okafor-Eze",
        ),
        # a rank of two words, the model's body of the first
        (
            "Harbour chairman Rear Admiral Tanvir Hossain Kabir said ships would wait.",
            [("Rear Admiral", "ORG"), ("Tanvir Hossain Kabir", "PERSON")],
            "Tanvir Hossain Kabir",
        ),
    ],
)
def test_a_rank_the_model_read_as_a_body_is_no_name(
    body: str, spans: list[tuple[str, str]], name: str
) -> None:
    text = HEADLINE + body
    assert listed(resolve(text, [at(text, s, label) for s, label in spans])) == {("person", name)}


def test_a_given_name_no_dictionary_holds_opens_a_paragraph_and_the_name() -> None:
    # a town is named Isabel too; a paragraph's first word is still the name's
    body = "Isabel Serrano Fuentes, the coalition's candidate, spoke first.\n\nSerrano said no."
    found = listed(resolve(HEADLINE + body, [at(HEADLINE + body, "Serrano Fuentes", "PERSON")]))
    assert found == {("person", "Isabel Serrano Fuentes")}, found


@pytest.mark.parametrize(
    ("body", "spans", "name"),
    [
        # the model read the given name as a body, and tagged the rest as a person
        (
            "The state's transport secretary, Rafael Henrique Moreira Lins, said the road shut.",
            [("Rafael", "ORG"), ("Henrique Moreira Lins", "PERSON")],
            "Rafael Henrique Moreira Lins",
        ),
        # ... or read the given name as a body and left the surnames out
        (
            "The governor, Julián Gómez Arango, ordered a review of the permits.",
            [("Julián", "ORG")],
            "Julián Gómez Arango",
        ),
    ],
)
def test_a_given_name_read_as_something_else_opens_the_persons_name(
    body: str, spans: list[tuple[str, str]], name: str
) -> None:
    text = HEADLINE + body
    assert listed(resolve(text, [at(text, s, label) for s, label in spans])) == {("person", name)}


def test_two_given_names_before_the_surnames_the_model_tagged_are_the_persons() -> None:
    body = HEADLINE + "The ruling was drafted by Justice María Elena Robles Ortega on Friday."
    raw = [at(body, "Robles Ortega", "PERSON")]
    assert listed(resolve(body, raw)) == {("person", "María Elena Robles Ortega")}


def test_a_given_name_a_dictionary_also_holds_opens_the_persons_name() -> None:
    # "paul" is a lemma (the saint), but the lists hold it as a given name
    body = HEADLINE + "The Mines Minister Paul Mutale Kabwe, who attended, said so."
    raw = [at(body, "Mutale Kabwe", "PERSON")]
    assert listed(resolve(body, raw)) == {("person", "Paul Mutale Kabwe")}


@pytest.mark.parametrize(
    "span", ["Garda Síochána", "Garda National Bureau of Criminal Investigation"]
)
def test_a_body_a_rank_opens_keeps_it(span: str) -> None:
    body = f"The {span} said a file had been sent to the prosecutor."
    assert listed(resolve(HEADLINE + body, [at(HEADLINE + body, span, "ORG")])) == {("org", span)}


def test_a_title_after_a_town_the_model_glued_on_is_no_part_of_the_name() -> None:
    # "Port Antonio" is used alone, so the span is cut after it; the title goes too
    body = (
        "Works start in Port Antonio next week. Mayor of Port Antonio Councillor Delroy "
        "Hinds-Barrett said the market would reopen. Hinds-Barrett thanked the vendors."
    )
    span = "Port Antonio Councillor Delroy Hinds-Barrett"
    raw = [at(body, "Port Antonio", "GPE"), at(body, span, "ORG")]
    found = listed(
        resolve(HEADLINE + body, [(s + len(HEADLINE), e + len(HEADLINE), lab) for s, e, lab in raw])
    )
    assert ("person", "Delroy Hinds-Barrett") in found, found


@pytest.mark.parametrize("seat", ["MLA", "MP", "TD"])
def test_a_seat_in_capitals_before_a_name_marks_the_person(seat: str) -> None:
    # the model tagged nothing but the party
    body = f"The grant was cut in October. SDLP {seat} Orlaith Devenney raised it on Tuesday."
    found = listed(resolve(HEADLINE + body, [at(HEADLINE + body, "SDLP", "ORG")]))
    assert ("person", "Orlaith Devenney") in found, found
