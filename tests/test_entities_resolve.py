"""Within-article resolution, driven by hand-made NER spans so each rule is tested alone.

The spans stand in for what a model might return, mistakes included (a town tagged as a
person, a country as a person); no model is loaded here.
"""

from __future__ import annotations

import pytest

from index.entities import LocalEntity
from index.entities.resolve import resolve


def spans(body: str, *tagged: tuple[str, str]) -> list[tuple[int, int, str]]:
    """Every occurrence of each (text, label) in `body`, as raw NER spans."""
    out = []
    for text, label in tagged:
        pos = body.find(text)
        assert pos != -1, text
        while pos != -1:
            out.append((pos, pos + len(text), label))
            pos = body.find(text, pos + len(text))
    return sorted(out)


def by_name(entities: list[LocalEntity]) -> dict[str, LocalEntity]:
    return {e.name: e for e in entities}


def assert_offsets_slice(body: str, entities: list[LocalEntity]) -> None:
    for e in entities:
        assert e.mentions, e
        for start, end in e.mentions:
            text = body[start:end]
            if e.type != "person" and text.startswith(("the ", "The ")):
                text = text[4:]  # the model's determiner stays in the span, never in a name
            assert text in (e.name, *e.aliases), (e, text)


def test_surname_links_to_the_unique_full_name() -> None:
    body = (
        "Interior Minister Salim Haddad visited Mosul on Monday.\n\n"
        "Haddad said the checkpoints would stay. Haddad’s office later confirmed it."
    )
    raw = spans(body, ("Salim Haddad", "PERSON"), ("Haddad", "PERSON"), ("Mosul", "GPE"))
    raw = [r for r in raw if not (r[1] - r[0] == 6 and body[r[0] - 6 : r[0]] == "Salim ")]
    entities = resolve(body, raw)
    people = [e for e in entities if e.type == "person"]
    assert [p.name for p in people] == ["Salim Haddad"]
    assert "Haddad" in people[0].aliases
    assert len(people[0].mentions) == 3
    assert_offsets_slice(body, entities)


def test_a_surname_two_people_share_is_left_alone() -> None:
    body = (
        "Lawyers for Mona Karimi and Yusuf Karimi filed the appeal.\n\n"
        "Karimi said the family would keep fighting."
    )
    raw = spans(body, ("Mona Karimi", "PERSON"), ("Yusuf Karimi", "PERSON"))
    raw.append((body.rindex("Karimi"), body.rindex("Karimi") + 6, "PERSON"))
    entities = by_name(resolve(body, raw))
    assert set(entities) == {"Mona Karimi", "Yusuf Karimi"}
    bare = (body.rindex("Karimi"), body.rindex("Karimi") + 6)
    assert all(bare not in e.mentions for e in entities.values())


def test_acronym_in_parentheses_becomes_an_alias_and_later_uses_link() -> None:
    body = (
        "Officials of the Kurdistan Regional Government (KRG) met on Sunday.\n\n"
        "A KRG spokesman said talks would resume."
    )
    raw = spans(body, ("the Kurdistan Regional Government", "ORG"))
    [krg] = [e for e in resolve(body, raw) if e.type == "org"]
    assert krg.name == "Kurdistan Regional Government"
    assert krg.aliases == ("KRG",)
    assert len(krg.mentions) == 3
    assert_offsets_slice(body, [krg])


def test_acronym_definition_absorbs_model_fragments() -> None:
    body = "Fighters of Hay’at Tahrir al-Sham (HTS) entered the city. HTS later withdrew."
    raw = spans(body, ("Hay’at", "ORG"), ("al-Sham", "PERSON"), ("HTS", "ORG"))
    [hts] = resolve(body, raw)
    assert (hts.type, hts.name, hts.aliases) == ("org", "Hay’at Tahrir al-Sham", ("HTS",))


def test_type_is_voted_with_gazetteer_and_context() -> None:
    body = (
        "Reinforcements reached the border town of Al-Qaim on Monday.\n\n"
        "Convoys left Al-Qaim at dawn, and Aleppo was quiet, said Rania Matar, a local official."
    )
    raw = spans(body, ("Al-Qaim", "PERSON"), ("Aleppo", "NORP"), ("Rania Matar", "PERSON"))
    entities = by_name(resolve(body, raw))
    assert entities["Al-Qaim"].type == "place"
    assert entities["Aleppo"].type == "place"
    assert entities["Rania Matar"].type == "person"


def test_org_words_and_enumerations_make_militias_orgs() -> None:
    body = "Leaders of Saraya al-Nour, Al-Fajr and Kataib al-Wadi denied sending fighters."
    raw = spans(
        body, ("Saraya al-Nour", "PERSON"), ("Al-Fajr", "PERSON"), ("Kataib al-Wadi", "PERSON")
    )
    entities = by_name(resolve(body, raw))
    assert {e.type for e in entities.values()} == {"org"}
    assert set(entities) == {"Saraya al-Nour", "Al-Fajr", "Kataib al-Wadi"}


def test_demonyms_are_not_places() -> None:
    body = "Syrian and Iraqi officials met in Baghdad. Iraqis voted on Sunday."
    raw = spans(body, ("Syrian", "NORP"), ("Iraqi", "GPE"), ("Baghdad", "GPE"), ("Iraqis", "NORP"))
    assert [(e.type, e.name) for e in resolve(body, raw)] == [("place", "Baghdad")]


def test_country_spellings_are_one_canonical_place() -> None:
    body = "Türkiye said on Monday that Turkey would reopen the crossing. The U.S. welcomed it."
    raw = spans(body, ("Türkiye", "PERSON"), ("Turkey", "GPE"), ("U.S.", "GPE"))
    entities = by_name(resolve(body, raw))
    assert entities["Türkiye"].type == "place"
    assert entities["Türkiye"].aliases == ("Turkey",)
    assert len(entities["Türkiye"].mentions) == 2
    assert entities["United States"].aliases == ("U.S.",)
    assert_offsets_slice(body, list(entities.values()))


def test_title_glued_to_a_name_is_cut_where_the_article_shows_the_seam() -> None:
    body = (
        "Member of the Supreme Water Council Laila Nasser spoke first.\n\n"
        "Laila Nasser said the dams were full."
    )
    raw = spans(body, ("the Supreme Water Council Laila Nasser", "ORG"))
    raw.append((body.rindex("Laila Nasser"), body.rindex("Laila Nasser") + 12, "PERSON"))
    entities = by_name(resolve(body, raw))
    assert entities["Supreme Water Council"].type == "org"
    assert entities["Laila Nasser"].type == "person"
    assert len(entities["Laila Nasser"].mentions) == 2
    assert_offsets_slice(body, list(entities.values()))


def test_stray_lines_never_become_entities() -> None:
    body = "TT\n\nThe mayor of Basra, Hadi Jaber, opened the bridge."
    raw = spans(body, ("TT", "ORG"), ("Basra", "GPE"), ("Hadi Jaber", "PERSON"))
    assert {e.name for e in resolve(body, raw)} == {"Basra", "Hadi Jaber"}


def test_headline_only_names_need_the_gazetteer() -> None:
    title = "Ankara Says Prisoner Releases Will Continue"
    body = "The foreign ministry said on Tuesday that talks would go on."
    title_raw = [(0, 6, "GPE"), (12, 29, "ORG")]
    entities = resolve(body, [], title, title_raw)
    assert [(e.type, e.name, e.mentions) for e in entities] == [("place", "Ankara", ())]


@pytest.mark.parametrize(
    ("title", "title_raw"),
    [
        # the model's headline place, inside the body's organisation
        ("Athletics Kenya names squad for Bathurst", [(10, 15, "GPE")]),
        # no label at all: a country found in the headline's capitalised run
        ("Rwanda Biomedical Centre Opens Second Clinic in Musanze", []),
    ],
)
def test_a_headline_place_inside_a_body_name_is_no_place_of_its_own(
    title: str, title_raw: list[tuple[int, int, str]]
) -> None:
    body = "Officials of Athletics Kenya and the Rwanda Biomedical Centre met on Monday."
    raw = spans(body, ("Athletics Kenya", "ORG"), ("Rwanda Biomedical Centre", "ORG"))
    names = {(e.type, e.name) for e in resolve(body, raw, title, title_raw)}
    assert not {("place", "Kenya"), ("place", "Rwanda")} & names, names
    # the same country named on its own in the headline is still listed
    title = "Athletics Kenya names squad as Kenya hosts the trials"
    names = {(e.type, e.name) for e in resolve(body, raw, title, [(31, 36, "GPE")])}
    assert ("place", "Kenya") in names, names


def test_a_common_word_starting_a_sentence_is_not_a_name() -> None:
    body = "Turnout was low. Officials blamed the rain for the low turnout in Mosul."
    raw = spans(body, ("Turnout", "PERSON"), ("Mosul", "GPE"))
    assert [e.name for e in resolve(body, raw)] == ["Mosul"]


def test_missed_occurrences_of_a_kept_name_are_found() -> None:
    body = "Nadia Rahim arrived in Tikrit. Later Nadia Rahim left Tikrit by road."
    raw = [(0, 11, "PERSON"), (23, 29, "GPE")]
    entities = by_name(resolve(body, raw))
    assert len(entities["Nadia Rahim"].mentions) == 2
    assert len(entities["Tikrit"].mentions) == 2


def test_landmark_suffixes_make_places_unless_context_says_person() -> None:
    body = (
        "Traffic on Chain Bridge stopped for an hour on Tuesday, and police closed Margaret "
        "Bridge as crowds filled Kossuth Square.\n\n"
        "Ms Odile Bridge, a councillor, said the closures were needed."
    )
    raw = spans(
        body,
        ("Chain Bridge", "ORG"),
        ("Margaret Bridge", "PERSON"),
        ("Kossuth Square", "ORG"),
        ("Odile Bridge", "PERSON"),
    )
    entities = by_name(resolve(body, raw))
    assert entities["Chain Bridge"].type == "place"
    assert entities["Margaret Bridge"].type == "place"
    assert entities["Kossuth Square"].type == "place"
    assert entities["Odile Bridge"].type == "person"
    assert_offsets_slice(body, list(entities.values()))


def test_saint_prefixed_names_are_places() -> None:
    body = "Commuters crowded Sao Bento on Monday. Trains to San Telmo were cancelled."
    raw = spans(body, ("Sao Bento", "PERSON"), ("San Telmo", "PERSON"))
    entities = by_name(resolve(body, raw))
    assert entities["Sao Bento"].type == "place"
    assert entities["San Telmo"].type == "place"


def test_islands_and_archipelagos_tagged_as_orgs_are_places() -> None:
    body = "Wildfires spread across Crete on Sunday. Ferries to the Cyclades were cancelled."
    raw = spans(body, ("Crete", "ORG"), ("Cyclades", "ORG"))
    entities = by_name(resolve(body, raw))
    assert entities["Crete"].type == "place"
    assert entities["Cyclades"].type == "place"


def test_a_city_after_of_does_not_speak() -> None:
    """In "the Port Authority of Valencia said", the authority speaks, not Valencia: the city
    is the end of the authority's name, and no person."""
    body = "Dockers voted to end the strike.\n\nThe Port Authority of Valencia said work resumed."
    raw = spans(body, ("Port Authority", "ORG"), ("Valencia", "PERSON"))
    entities = by_name(resolve(body, raw))
    assert entities["Port Authority of Valencia"].type == "org"
    assert "Valencia" not in entities
