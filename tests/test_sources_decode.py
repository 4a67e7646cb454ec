"""Encoding detection and the refusal of binary or undecodable input."""

from __future__ import annotations

import codecs

import pytest

from index.model import InputError
from index.sources import parse_bytes
from index.sources.decode import declared_encoding, decode, is_binary

TEXT = (
    "Café Owners in Nîmes Protest Terrace Tax\n\n"
    "Owners of forty cafés in Nîmes closed their terraces for an hour on Monday — a “silent "
    "protest” against the city’s new tax on outdoor seating, organiser Élodie Garnier said.\n"
)


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"),
        TEXT.encode("utf-16-le"),  # no BOM: recognised by its NUL pattern
        TEXT.encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf32-bom", "utf16le-nobom", "cp1252"],
)
def test_encodings_decode_to_the_same_text(data: bytes) -> None:
    assert decode(data, "x.txt") == TEXT


def test_short_cp1252_text_is_not_mistaken_for_a_sibling_code_page() -> None:
    # charset-normalizer alone ranks cp1250 first here, which would turn "ï" into "ď".
    assert decode("naïve façade — “quoted”".encode("cp1252"), "x") == "naïve façade — “quoted”"


def test_windows_line_ends_are_normalised() -> None:
    assert decode(b"one\r\ntwo\rthree\n", "x") == "one\ntwo\nthree\n"


def test_declared_charset_is_used_when_utf8_fails() -> None:
    data = "Привет из Казани, где сегодня открылась новая библиотека.".encode("koi8-r")
    assert decode(data, "x", declared="koi8-r").startswith("Привет из Казани")


def test_declared_encoding_sources() -> None:
    assert declared_encoding(b"<p>x</p>", "text/html; charset=ISO-8859-2") == "ISO-8859-2"
    assert (
        declared_encoding(b'<?xml version="1.0" encoding="windows-1251"?><rss/>') == "windows-1251"
    )
    assert declared_encoding(b'<html><head><meta charset="shift_jis">') == "shift_jis"
    assert declared_encoding(b"plain text") is None


def test_parse_bytes_reads_a_cp1252_dump() -> None:
    (article,) = parse_bytes(TEXT.encode("cp1252"), "legacy.txt").articles
    assert article.title == "Café Owners in Nîmes Protest Terrace Tax"
    assert "“silent protest”" in article.body


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)),
        b"%PDF-1.7\n" + bytes(range(256)),
        b"PK\x03\x04" + b"\x00" * 40,
        b"some words\x00\x00\x01\x02 then more words",
        bytes([1, 2, 3, 4, 5, 6, 14, 15, 16]) * 20 + b"a few letters",
    ],
    ids=["png", "pdf", "zip", "nul-bytes", "control-bytes"],
)
def test_binary_is_refused(data: bytes) -> None:
    assert is_binary(data)
    with pytest.raises(InputError) as info:
        parse_bytes(data, "photo.jpg")
    assert info.value.reason == "binary file, not text"
    assert info.value.origin == "photo.jpg"


def test_text_with_terminal_colour_codes_is_not_binary() -> None:
    assert not is_binary(b"\x1b[1mBold headline\x1b[0m and some ordinary words after it")


@pytest.mark.parametrize("data", [b"", b"   \n\n\t  \r\n"])
def test_empty_is_refused(data: bytes) -> None:
    with pytest.raises(InputError) as info:
        parse_bytes(data, "empty.txt")
    assert info.value.reason == "empty file"


def test_truncated_utf16_is_salvaged() -> None:
    data = codecs.BOM_UTF16_LE + "Headline of an article".encode("utf-16-le")[:-1]
    assert decode(data, "cut.txt").startswith("Headline of an articl")


def test_bom_in_front_of_legacy_text_falls_back_to_guessing() -> None:
    data = codecs.BOM_UTF8 + "Zürich café “reopens” after the long winter".encode("cp1252")
    assert decode(data, "x") == "Zürich café “reopens” after the long winter"


def test_bytes_no_encoding_explains_are_refused() -> None:
    # High bytes with no pattern, including ones cp1252 leaves undefined (0x81, 0x8d, ...).
    data = b"Headline " + bytes(range(0x80, 0x100)) * 2 + b" end"
    with pytest.raises(InputError) as info:
        parse_bytes(data, "garbled.txt")
    assert info.value.reason.startswith("cannot decode the text")
