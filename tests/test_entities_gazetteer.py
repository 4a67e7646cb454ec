"""Gazetteer evidence: canonical countries, cities, demonyms, organisation words."""

from __future__ import annotations

import pytest

from index.entities import gazetteer


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Turkey", "Türkiye"),
        ("Türkiye", "Türkiye"),
        ("Turkiye", "Türkiye"),
        ("U.S.", "United States"),
        ("US", "United States"),
        ("United States", "United States"),
        ("Britain", "United Kingdom"),
        ("UK", "United Kingdom"),
        ("Russia", "Russia"),
    ],
)
def test_country_aliases_map_to_one_display_name(written: str, canonical: str) -> None:
    assert gazetteer.country(written) == canonical


def test_cities_come_from_geonames() -> None:
    assert gazetteer.city_population("Aleppo") > 1_000_000
    assert gazetteer.city_population("Hama") > 100_000
    assert gazetteer.city_population("Al-Qaim") > 15_000  # "Al Qā’im" in geonames
    assert gazetteer.city_population("Qais al-Mohamadawi") == 0
    assert gazetteer.country("Aleppo") is None


@pytest.mark.parametrize(
    "word", ["Iraqi", "Syrian", "Syrians", "Iraqis", "Turkish", "Kurdish", "Lebanese", "Iranian"]
)
def test_demonyms_are_recognised(word: str) -> None:
    assert gazetteer.is_demonym(word)


@pytest.mark.parametrize("word", ["Iraq", "Jordan", "Indiana", "Aleppo", "Soufan", "Syrian Army"])
def test_places_and_names_are_not_demonyms(word: str) -> None:
    assert not gazetteer.is_demonym(word)


def test_regions_and_known_orgs() -> None:
    assert gazetteer.is_place("Gaza Strip")
    assert gazetteer.is_place("Kurdistan Region")
    assert gazetteer.is_known_org("al-Qaeda")
    assert gazetteer.is_known_org("Al Qaeda")
    assert not gazetteer.is_known_org("Hassan Soufan")


@pytest.mark.parametrize(
    "name",
    ["Crete", "Cyclades", "Sicily", "Aegean Sea", "Danube", "Catalonia", "Alps", "Scotland"],
)
def test_islands_seas_rivers_and_regions_are_places(name: str) -> None:
    assert gazetteer.is_place(name)


def test_the_prefix_trie_matches_like_a_longest_first_alternation() -> None:
    import re

    from index.entities.trie import trie_pattern

    names = ["Bank", "Bank of Japan", "Bank of Jamaica", "Banco", "BNP Paribas", "BNP", "Ba"]
    text = "Bank of Japan, Bank of Jam, Banco Sabadell, BNP Paribas SA, BNP, Bankers, Ba."
    edge = r"(?<![\w.-])(?:{})(?![\w-]|\.\w)"
    trie = re.compile(edge.format(trie_pattern(names)))
    plain = re.compile(edge.format("|".join(map(re.escape, sorted(names, key=len, reverse=True)))))
    assert [m.group() for m in trie.finditer(text)] == [m.group() for m in plain.finditer(text)]
    assert [m.group() for m in trie.finditer(text)] == [
        "Bank of Japan",
        "Bank",
        "Banco",
        "BNP Paribas",
        "BNP",
        "Ba",
    ]


def test_regions_are_known_by_the_names_english_news_uses() -> None:
    from index.entities import gazetteer

    for name in ("Jiangsu", "Gyeonggi", "North Kivu", "South Kivu", "Andhra Pradesh"):
        assert gazetteer.is_region(name), name
    for name in ("Congo", "Bosnia", "Soviet Union", "Java"):
        assert gazetteer.is_place(name), name


def test_a_citys_airport_code_is_no_name_of_it() -> None:
    # GeoNames lists codes among a city's other names ("THE" for Teresina): as keys they made
    # places of "The" and "For", and teams of "The Chiefs".
    assert gazetteer.city_population("The") == 0
    assert gazetteer.city_population("Rio") > 1_000_000  # a real short name stays


def test_the_literal_matcher_finds_what_the_longest_first_alternation_finds() -> None:
    import re

    from index.entities.literals import LiteralNames

    names = ["Bank", "Bank of Japan", "Bank of Jamaica", "Banco", "BNP Paribas", "BNP", "Ba"]
    names += ["Apple", "Apple Inc.", "Zürich FC", "e.on"]
    text = (
        "Bank of Japan, Bank of Jam, Banco Sabadell, BNP Paribas SA, BNP, Bankers, Ba. "
        "Apple.com and Apple Inc. and non-Apple and Apple-made; Zürich FC won. XBank"
    )
    edge = r"(?<![\w.-])(?:{})(?![\w-]|\.\w)"
    plain = re.compile(edge.format("|".join(map(re.escape, sorted(names, key=len, reverse=True)))))
    found = LiteralNames(names)
    assert [(x.start, x.end) for x in found.finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]
    start = text.index("Apple Inc.")
    # bounded: at the bound a name may end ("Apple" of "Apple Inc." cut before " Inc.")
    for end in (start + 5, start + 10, start + 8):
        ours = found.match(text, start, end)
        theirs = plain.match(text, start, end)
        assert (ours.end if ours else None) == (theirs.end() if theirs else None)
    assert LiteralNames([]).match(text, 0, 5) is None
    assert list(LiteralNames([]).finditer(text)) == []


@pytest.mark.parametrize(
    ("word", "demonym"),
    [
        ("North Korean", True),
        ("South Sudanese", True),
        ("New Zealander", True),
        ("Sri Lankan", True),
        ("North Korea", False),
        ("South Sudan", False),
        ("North Koreaville", False),
        ("Afghan", True),
        ("Korean", True),
        ("Koreatown", False),
    ],
)
def test_demonyms_of_several_word_countries_by_their_head(word: str, demonym: bool) -> None:
    # the several-word countries are looked up by their head words, the stems found once
    assert gazetteer.is_demonym(word) is demonym


def test_the_literal_matcher_scans_each_text_once_and_never_mixes_texts() -> None:
    from index.entities.literals import LiteralNames

    found = LiteralNames(["Velmora Bank", "Velmora", "Ostrik Group"])
    one = "Velmora Bank Cards and Ostrik Group Phones were sold."
    two = "Ostrik Group and Velmora Bank, said Ostrik."
    for _ in range(2):  # each text after the other, and again: the last scan is per text
        hit = found.match(one, 0, one.index(" Cards"))
        assert hit is not None and hit.text == "Velmora Bank"
        assert found.match(two, 0, 6) is None  # "Ostrik" alone is no name it holds
        hit = found.match(two, two.index("Velmora"), two.index(","))
        assert hit is not None and hit.text == "Velmora Bank"
        assert [x.text for x in found.finditer(one)] == ["Velmora Bank", "Ostrik Group"]
        hit = found.match(one, one.index("Velmora"), one.index(" Bank"))
        assert hit is not None and hit.text == "Velmora"  # bounded by `end`
