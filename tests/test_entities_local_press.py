"""The local desks of the English-language press outside the English-speaking world, and the
small places and founders' names the longer lists now hold. Each test hands `resolve` the spans
the model returned (no model is loaded); people and small organisations are invented, places
real where the gazetteer is the point.
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
            "Herder Dulamyn Erdenechimeg, 52, said the snow came early. "
            '"We sold the horses," Erdenechimeg said.',
            "Herder Dulamyn Erdenechimeg",
            "Dulamyn Erdenechimeg",
        ),
        (
            "The choir won the regional title. Principal Tāne Whakaruru said the pupils had "
            "practised for months. Whakaruru thanked the parents.",
            "Principal Tāne Whakaruru",
            "Tāne Whakaruru",
        ),
        (
            "Seamer Kavin Raghunathan took three wickets before lunch. Raghunathan later "
            "said the pitch had helped.",
            "Seamer Kavin Raghunathan",
            "Kavin Raghunathan",
        ),
        # named once: the rest is shaped like a person's name, which is enough
        (
            "Principal Tāne Whakaruru said the pupils had practised for months.",
            "Principal Tāne Whakaruru",
            "Tāne Whakaruru",
        ),
    ],
)
def test_a_calling_opening_the_sentence_is_no_part_of_the_name(
    body: str, span: str, name: str
) -> None:
    assert listed(resolve(body, [at(body, span, "PERSON")])) == {("person", name)}


@pytest.mark.parametrize(
    ("body", "span"),
    [
        # a given name some list holds stays: "Rose" is a name as well as a flower
        ("Rose Ellen Parry, 61, said the market had moved. Parry sells fruit.", "Rose Ellen Parry"),
        # written mid-sentence too, the first word is part of the name
        (
            "Sugar Ray Okonjo won on points. Fans cheered Sugar Ray Okonjo. Okonjo said little.",
            "Sugar Ray Okonjo",
        ),
        # nouns that open given names in many places are no callings
        ("Gift Tendai Moyo, 34, said the rains were late. Moyo farms maize.", "Gift Tendai Moyo"),
        (
            "Memory Chanda Phiri opened the clinic on Monday. Phiri thanked the donors.",
            "Memory Chanda Phiri",
        ),
    ],
)
def test_a_name_opening_the_sentence_keeps_its_first_word(body: str, span: str) -> None:
    assert listed(resolve(body, [at(body, span, "PERSON")])) == {("person", span)}


def test_a_founders_school_keeps_its_name_when_a_village_bears_it() -> None:
    # "Ashwell" is a village in Hertfordshire the place lists hold; here a founder's name
    body = "Pupils of Ashwell's Grammar School performed on Friday, the head teacher said."
    raw = [at(body, "Grammar School", "ORG")]
    assert ("org", "Ashwell's Grammar School") in listed(resolve(body, raw))


@pytest.mark.parametrize(
    ("body", "raw", "place"),
    [
        (
            "The storm reached Roxas City before dawn. Schools in Roxas stayed shut.",
            [("Roxas City", "GPE"), ("Roxas", "GPE")],
            "Roxas City",
        ),
        (
            "Ash from Mount Merapi fell on farms. Merapi has erupted twice this year.",
            [("Mount Merapi", "LOC"), ("Merapi", "PERSON")],
            "Mount Merapi",
        ),
        (
            "Miners in Greater Sudbury walked out. Shops in Sudbury closed early.",
            [("Greater Sudbury", "GPE"), ("Sudbury", "GPE")],
            "Greater Sudbury",
        ),
    ],
)
def test_a_place_and_its_full_name_are_one_place(
    body: str, raw: list[tuple[str, str]], place: str
) -> None:
    found = listed(resolve(body, [at(body, text, label) for text, label in raw]))
    assert {p for p in found if p[0] == "place"} == {("place", place)}, found


def test_a_headline_place_with_its_kind_is_the_bodys_place() -> None:
    title = "Gunmen attack aid convoy in Niger's Tillabéri Region"
    body = "Two drivers were killed near Ouallam in the Tillabéri region, officials said."
    raw = [at(body, "Ouallam", "GPE"), at(body, "Tillabéri", "GPE")]
    title_raw = [at(title, "Niger", "GPE"), at(title, "Tillabéri Region", "LOC")]
    found = listed(resolve(body, raw, title, title_raw))
    assert ("place", "Tillabéri Region") not in found
    assert {("place", "Tillabéri"), ("place", "Niger"), ("place", "Ouallam")} <= found


@pytest.mark.parametrize(
    ("body", "raw", "names"),
    [
        # a country is not its capital city
        (
            "Flights from Mexico City resumed as Mexico reopened its airspace.",
            [("Mexico City", "GPE"), ("Mexico", "GPE")],
            {("place", "Mexico City"), ("place", "Mexico")},
        ),
        # a surname is never a county
        (
            "Voters in Jackson County backed the levy, said Tamsin Jackson. Jackson welcomed it.",
            [("Jackson County", "GPE"), ("Tamsin Jackson", "PERSON"), ("Jackson", "PERSON", 2)],
            {("place", "Jackson County"), ("person", "Tamsin Jackson")},
        ),
        # a province is not its namesake city
        (
            "Snow closed roads in Quebec City. Quebec will hold its election in the spring.",
            [("Quebec City", "GPE"), ("Quebec", "GPE")],
            {("place", "Quebec City"), ("place", "Quebec")},
        ),
        # someone named like the mountain stays someone
        (
            "Police in Mount Vernon said the road was shut. Vernon, the mayor, said little.",
            [("Mount Vernon", "GPE"), ("Vernon", "PERSON")],
            {("place", "Mount Vernon"), ("person", "Vernon")},
        ),
    ],
)
def test_a_place_stays_apart_from_what_only_shares_its_name(
    body: str, raw: list[tuple], names: set[tuple[str, str]]
) -> None:
    assert listed(resolve(body, [at(body, *r) for r in raw])) == names


def test_a_towns_school_is_the_towns() -> None:
    # only a founder's school takes "Grammar" after the possessive; Keswick is a town
    body = "Parents at Keswick's Primary School met the council on Friday, a spokesman said."
    raw = [at(body, "Keswick", "GPE"), at(body, "Primary School", "ORG")]
    assert ("org", "Keswick's Primary School") not in listed(resolve(body, raw))


@pytest.mark.parametrize(
    ("body", "span", "name"),
    [
        (
            "Zia ur Rehman, a ward councillor, said the drains overflowed. Rehman blamed the "
            "contractor.",
            "Zia ur Rehman",
            "Zia ur Rehman",
        ),
        (
            "Naveed ul Haq runs a tyre shop on the main road. Haq said trade had halved.",
            "Naveed ul Haq",
            "Naveed ul Haq",
        ),
    ],
)
def test_a_name_with_a_lowercase_urdu_particle_is_one_name(body: str, span: str, name: str) -> None:
    # "ur", "ul", "ud" join a South Asian name's parts; the list shows the whole name
    found = listed(
        resolve(body, [at(body, span, "PERSON"), at(body, name.split()[-1], "PERSON", 1)])
    )
    assert found == {("person", name)}, found


@pytest.mark.parametrize(
    ("body", "span"),
    [
        ("Hawkers along Lebuh Seruni were told to move by March.", "Lebuh Seruni"),
        ("The bus now turns off Yeşilbahçe Caddesi before the bridge.", "Yeşilbahçe Caddesi"),
        ("Stallholders on Avenida Tomé Falcão asked for a rent freeze.", "Avenida Tomé Falcão"),
    ],
)
def test_a_street_named_in_its_own_language_is_a_place(body: str, span: str) -> None:
    # the model read each as someone's name; the street word says where
    assert listed(resolve(body, [at(body, span, "PERSON")])) == {("place", span)}


@pytest.mark.parametrize("street", ["Yasmin Adel Street", "Tomasz Nowak Street"])
def test_a_street_named_after_someone_in_full_is_a_place(street: str) -> None:
    # nothing in the sentence places it: the name's last word does
    body = f"Traders said {street} had flooded twice this year."
    assert listed(resolve(body, [at(body, street, "PERSON")])) == {("place", street)}


@pytest.mark.parametrize("street", ["Queen Amira Street", "King Tamer Road"])
def test_a_street_named_after_a_royal_keeps_the_title(street: str) -> None:
    body = f"Traders said trade on {street} had dropped since the works began."
    assert listed(resolve(body, [at(body, street, "FAC")])) == {("place", street)}


@pytest.mark.parametrize(
    ("body", "span", "name"),
    [
        (
            "Regent I Ketut Darmaputra said the crossing would reopen.",
            "Ketut Darmaputra",
            "I Ketut Darmaputra",
        ),
        (
            "The head nurse, Ni Luh Sekarwati, said 12 were treated.",
            "Luh Sekarwati",
            "Ni Luh Sekarwati",
        ),
    ],
)
def test_a_balinese_name_keeps_its_i_or_ni(body: str, span: str, name: str) -> None:
    assert listed(resolve(body, [at(body, span, "PERSON")])) == {("person", name)}


@pytest.mark.parametrize(
    ("body", "span", "name"),
    [
        ("Stallholders in Souq Al Marfa said rents had doubled.", "Al Marfa", "Souq Al Marfa"),
        (
            "Traffic on Jalan Tanjung Rambai was diverted overnight.",
            "Tanjung Rambai",
            "Jalan Tanjung Rambai",
        ),
    ],
)
def test_a_kind_word_before_a_name_the_model_tagged_alone_is_part_of_the_place(
    body: str, span: str, name: str
) -> None:
    assert listed(resolve(body, [at(body, span, "PERSON")])) == {("place", name)}


def test_a_saint_before_a_name_is_never_taken_for_a_kind_word() -> None:
    body = "Coach Ian St Clair said the side had trained well."
    raw = [at(body, "Ian St Clair", "PERSON")]
    assert listed(resolve(body, raw)) == {("person", "Ian St Clair")}


@pytest.mark.parametrize(
    ("body", "span", "place"),
    [
        # the model tagged the country alone; the street's kind follows, capitalised
        ("Waste blocked Syria Street for nearly two weeks.", "Syria", "Syria Street"),
        # the model tagged the kind word alone; the street's name follows
        ("His office on Jalan Bukit Mertajam opens at nine.", "Jalan", "Jalan Bukit Mertajam"),
    ],
)
def test_a_street_the_model_tagged_in_part_is_the_whole_street(
    body: str, span: str, place: str
) -> None:
    assert listed(resolve(body, [at(body, span, "GPE")])) == {("place", place)}


def test_a_title_case_line_sets_no_street() -> None:
    body = "Related: Crash Shuts Kenya Road in Rush Hour\nPolice said more people died."
    assert ("place", "Kenya Road") not in listed(resolve(body, [at(body, "Kenya", "GPE")]))


@pytest.mark.parametrize("name", ["Vordingborg Municipality", "Municipality of Temuco"])
def test_a_municipality_by_its_name_is_the_council(name: str) -> None:
    body = f"The {name} approved the budget for the ferry on Monday."
    assert listed(resolve(body, [at(body, name, "GPE")])) == {("org", name)}


def test_a_kind_word_takes_in_the_town_the_street_is_named_after() -> None:
    body = "His office on Jalan Bukit Mertajam opens at nine."
    raw = [at(body, "Jalan", "GPE"), at(body, "Bukit Mertajam", "GPE")]
    assert listed(resolve(body, raw)) == {("place", "Jalan Bukit Mertajam")}


@pytest.mark.parametrize(("name", "street"), [("Brīvības", "iela"), ("Pilies", "gatvė")])
def test_a_baltic_street_keeps_its_lowercase_kind(name: str, street: str) -> None:
    body = f"The café on {name} {street} reopened on Monday after the repairs."
    assert listed(resolve(body, [at(body, name, "GPE")])) == {("place", f"{name} {street}")}


@pytest.mark.parametrize("opening", ["Sections of", "Parts of", "Residents of"])
def test_a_part_or_the_people_of_a_place_is_no_part_of_its_name(opening: str) -> None:
    body = f"The bureau said so on Friday. {opening} Minquan Road will be shut from 8am."
    span = f"{opening} Minquan Road"
    assert listed(resolve(body, [at(body, span, "ORG")])) == {("place", "Minquan Road")}
