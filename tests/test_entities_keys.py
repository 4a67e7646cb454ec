"""Matching keys: spellings of one name share a key, different names do not."""

from __future__ import annotations

import pytest

from index.entities.keys import entity_key, fold, strip_possessive, tokens


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Türkiye", "Turkiye"),
        ("Erdoğan", "Erdogan"),
        ("Hay’at Tahrir al-Sham", "Hayat Tahrir al Sham"),
        ("al-Assad", "Al Assad"),
        ("el-Sisi", "al-Sisi"),
        ("U.S.", "US"),
        ("U.K.", "uk"),
        ("Erdogan's", "Erdogan"),
        ("Assad’s", "Assad"),
        ("Forces’", "Forces"),
        ("Kataib  Hezbollah", "kataib hezbollah"),
        ("ＵＮＩＣＥＦ", "UNICEF"),  # full-width letters (NFKC)
    ],
)
def test_spellings_of_one_name_share_a_key(a: str, b: str) -> None:
    assert entity_key(a) == entity_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Assad", "Bashar al-Assad"), ("Iraq", "Iraqi"), ("US", "USA"), ("Jordan", "Jordana")],
)
def test_different_names_keep_different_keys(a: str, b: str) -> None:
    assert entity_key(a) != entity_key(b)


def test_fold_keeps_word_order_and_drops_punctuation() -> None:
    assert fold("Ministry of Interior (Syria)") == "ministry of interior syria"
    assert tokens("Bashar al-Assad’s") == ["bashar", "al", "assad"]


def test_strip_possessive_only_touches_the_end() -> None:
    assert strip_possessive("People’s Protection Units") == "People’s Protection Units"
    assert strip_possessive("Rudaw’s") == "Rudaw"


@pytest.mark.parametrize(
    "text",
    [
        "Mbeki Road Traders' Association",
        "Okafor's ",  # a possessive before trailing space
        "Okafor`s",  # a backtick for an apostrophe
        "Banda-Phiri & Sons (Pvt) Ltd",
        "Radio 4 Extra",
        "El Kharga El Jadida",
        "rock'n'roll",
        "$5m Fund",  # punctuation fold reads as a space, outside the plain path
        "Kwame Nkrumah Univ. of Sci.",
        "Nii  Armah\tQuaye",
        "-",
        "",
    ],
)
def test_the_plain_ascii_path_gives_folds_key(text: str) -> None:
    """`entity_key` skips `fold` for most ASCII names; it must give the same key."""
    assert entity_key(text) == _folds_key(text)


def test_the_plain_ascii_path_gives_folds_key_on_random_text() -> None:
    """Seeded random ASCII (letters, digits, every punctuation mark, spaces and controls)."""
    import random
    import string

    rng = random.Random(8)
    alphabet = string.ascii_letters + string.digits + string.punctuation + " \t'`"
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert entity_key(text) == _folds_key(text), text


def _folds_key(text: str) -> str:
    """The key `fold` gives, written out here: "el" read as "al"."""
    words = fold(strip_possessive(text)).split()
    return " ".join("al" if w == "el" else w for w in words)
