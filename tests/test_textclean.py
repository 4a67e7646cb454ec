"""`sanitize` against real terminal escape sequences and invisible characters."""

from __future__ import annotations

import pytest

from index.textclean import sanitize, sanitize_markup


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("\x1b[31mRed\x1b[0m alert", "Red alert"),  # SGR colour
        ("\x1b[2J\x1b[HCleared", "Cleared"),  # clear screen, cursor home
        ("\x1b]0;owned title\x07Headline", "Headline"),  # OSC set title, BEL-terminated
        ("\x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\", "link"),  # OSC 8 hyperlink
        ("\x1bP1$r0m\x1b\\after DCS", "after DCS"),  # DCS string
        ("\x1b_APC payload\x1b\\visible", "visible"),  # APC string
        ("\x9b2JEight-bit CSI", "Eight-bit CSI"),  # 8-bit CSI
        ("\x9d0;title\x9cEight-bit OSC", "Eight-bit OSC"),  # 8-bit OSC with 8-bit ST
        ("\x1bcReset", "Reset"),  # RIS, a two-byte escape
        ("\x1b(BCharset", "Charset"),  # charset designation
        ("bell\x07 and back\x08space", "bell and backspace"),
        ("tab\tand\nnewline stay", "tab\tand\nnewline stay"),
        ("\x1b]0;never terminated", ""),  # an open string command swallows the rest
    ],
)
def test_escape_sequences_are_removed(dirty: str, clean: str) -> None:
    assert sanitize(dirty) == clean


def test_carriage_returns_become_newlines() -> None:
    # A bare CR would let a line overwrite itself on screen.
    assert sanitize("safe\rspoofed\r\nnext") == "safe\nspoofed\nnext"


def test_bidi_overrides_are_removed() -> None:
    text = "file\u202egpj.exe and \u2066isolated\u2069 \u202aembedded\u202c"
    assert sanitize(text) == "filegpj.exe and isolated embedded"


def test_invisible_characters_and_nbsp_are_normalised() -> None:
    text = "Port\u200bland\u00a0mayor \ufeffsaid\u2060 co\u00adoperate\u202fnow"
    assert sanitize(text) == "Portland mayor said cooperate now"


def test_joiners_that_spell_words_are_kept() -> None:
    # ZWNJ is part of Persian spelling and ZWJ of emoji sequences.
    assert sanitize("می\u200cخواهم 👩\u200d💻") == "می\u200cخواهم 👩\u200d💻"


def test_trailing_spaces_are_stripped_per_line() -> None:
    assert sanitize("first line \u00a0 \nsecond\t\nthird") == "first line\nsecond\nthird"


def test_c0_and_c1_controls_are_removed_but_text_is_kept() -> None:
    assert sanitize("a\x00b\x0bc\x7fd\x85e\x91f") == "abcd\nef"


def test_unicode_is_nfc_normalised() -> None:
    assert sanitize("Caf\u0065\u0301") == "Caf\u00e9"


def test_idempotent() -> None:
    dirty = "\x1b[1mBold\x1b[0m \u202etext\u00a0 \r\nmore\x9b31m"
    once = sanitize(dirty)
    assert sanitize(once) == once


def test_empty() -> None:
    assert sanitize("") == ""


def test_sanitize_markup_removes_whole_sequences_before_a_parser_sees_them() -> None:
    assert sanitize_markup("<h1>Flood in Porto\x1b[2J</h1>") == "<h1>Flood in Porto</h1>"
    # As character references, the sequence goes too; other references are left to the parser.
    assert sanitize_markup("<p>Ana Lopes&#x1b;[31m&#27;</p>&amp;&#233;") == (
        "<p>Ana Lopes</p>&amp;&#233;"
    )
    assert sanitize_markup("<p>Douro\x1b<b>bridge</b></p>") == "<p>Douro<b>bridge</b></p>"
