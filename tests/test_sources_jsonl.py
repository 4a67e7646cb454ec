"""JSON Lines: one article a line; a bad line is a warning, not a failure."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from index.model import InputError
from index.sources import parse_bytes


def _lines(*records: object) -> bytes:
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records).encode()


def test_fields_and_date_formats() -> None:
    data = _lines(
        {
            "title": "Orchard harvest starts early",
            "body": "Growers near Kent began picking on Monday.\n\nThe warm spring helped.",
            "url": "https://farm.example/harvest",
            "published": "2025-08-04T06:00:00+02:00",
            "source": "Farm Weekly",
            "author": "Noor Haddad",
        },
        {
            "title": "Second",
            "text": "Body from the text field.",
            "published": "Tue, 05 Aug 2025 10:00:00 GMT",
        },
        {"title": "Third", "content": "Body from the content field.", "published": "2025-08-06"},
        {"title": "Fourth", "body": "A date nobody can read.", "published": "last Tuesday-ish"},
    )
    parsed = parse_bytes(data, "export.jsonl")
    # An unreadable date costs the date, not the article, and says so with its line.
    assert parsed.kind == "jsonl" and parsed.warnings == (
        "line 4: 'published' is not a date (\"last Tuesday-ish\"); kept without a date",
    )
    first, second, third, fourth = parsed.articles
    assert first.body == "Growers near Kent began picking on Monday.\n\nThe warm spring helped."
    assert first.published == datetime(2025, 8, 4, 4, 0, tzinfo=UTC)
    assert (first.url, first.source, first.author) == (
        "https://farm.example/harvest",
        "Farm Weekly",
        "Noor Haddad",
    )
    assert second.body == "Body from the text field."
    assert second.published == datetime(2025, 8, 5, 10, 0, tzinfo=UTC)
    assert third.published == datetime(2025, 8, 6, tzinfo=UTC)
    assert fourth.published is None
    assert all(a.origin == "export.jsonl" for a in parsed.articles)


def test_bad_lines_become_warnings_and_the_rest_is_kept() -> None:
    data = _lines(
        {"title": "Good one", "body": "Kept."},
        '{"title": "cut off',
        "[1, 2, 3]",
        {"url": "https://x.example/only-a-url"},
        {"title": "Good two", "body": "Also kept."},
    )
    parsed = parse_bytes(data, "mixed.jsonl")
    assert [a.title for a in parsed.articles] == ["Good one", "Good two"]
    assert [w.split(":")[0] for w in parsed.warnings] == ["line 2", "line 3", "line 4"]
    assert "not valid JSON" in parsed.warnings[0]


def test_no_valid_line_is_an_error() -> None:
    with pytest.raises(InputError) as info:
        parse_bytes(b'{"broken": \n{"also": "no title or body"}\n', "bad.jsonl")
    assert "no articles" in info.value.reason


def test_a_json_array_of_articles_is_accepted() -> None:
    data = json.dumps([{"title": "From an array", "body": "Exporters write arrays."}], indent=2)
    (article,) = parse_bytes(data.encode(), "dump.json").articles
    assert article.title == "From an array"


def test_strings_are_sanitized() -> None:
    data = _lines(
        {"title": "\x1b[5mBlink\x1b[0m title", "body": "Text\u202e here", "author": "A\x07B"}
    )
    (article,) = parse_bytes(data, "x.jsonl").articles
    assert (article.title, article.body, article.author) == ("Blink title", "Text here", "AB")


def test_out_of_range_date_keeps_the_article_without_a_date() -> None:
    data = _lines(
        {"title": "Canal reopens in Utrecht", "body": "Boats returned to the Oudegracht.",
         "published": "9999-12-31T23:59:59-05:00"},
        {"title": "Lock keeper retires", "body": "Henk Visser kept the lock for forty years.",
         "published": "0001-01-01T00:00:00+01:00"},
    )  # fmt: skip
    parsed = parse_bytes(data, "canal.jsonl")
    assert [a.title for a in parsed.articles] == ["Canal reopens in Utrecht", "Lock keeper retires"]
    assert [a.published for a in parsed.articles] == [None, None]


def test_a_line_nested_too_deep_for_json_is_a_warning() -> None:
    deep = '{"title": "Deep", "body": ' + "[" * 50_000 + "]" * 50_000 + "}"
    data = _lines(deep, {"title": "Ferry fares frozen", "body": "Fares to Texel stay the same."})
    parsed = parse_bytes(data, "deep.jsonl")
    assert [a.title for a in parsed.articles] == ["Ferry fares frozen"]
    assert parsed.warnings == ("line 1: not usable JSON (nested too deeply)",)


def test_one_paragraph_a_line_keeps_its_lines_apart() -> None:
    """A scraper's export writes the section label, byline and dateline on lines of their
    own: run together they would read "ARTS By Lena Vask OSLO" and the entity extractor would
    take that for one name."""
    body = "ARTS\nBy Lena Vask\nOSLO, March 2 — The museum reopened.\nVisitors queued for hours."
    (article,) = parse_bytes(_lines({"title": "Museum reopens", "body": body}), "x.jsonl").articles
    assert article.body.split("\n\n") == [
        "ARTS",
        "By Lena Vask",
        "OSLO, March 2 — The museum reopened.",
        "Visitors queued for hours.",
    ]


def test_a_sentence_broken_across_lines_is_rejoined() -> None:
    body = "The council voted to close the library,\nciting a budget gap of about\nthree million."
    (article,) = parse_bytes(_lines({"title": "Library", "body": body}), "x.jsonl").articles
    assert article.body == (
        "The council voted to close the library, citing a budget gap of about three million."
    )


def test_hard_wrapped_text_is_unwrapped_into_paragraphs() -> None:
    wrapped = (
        "The harbour board met on Tuesday to discuss the\n"
        "dredging contract, which has been delayed twice\n"
        "since the spring because of a dispute over the\n"
        "price of fuel and the size of the crews.\n"
        "\n"
        "Members will vote again in June once the new\n"
        "figures are in, the chair told reporters.\n"
    )
    (article,) = parse_bytes(_lines({"title": "Dredging", "body": wrapped}), "x.jsonl").articles
    assert len(article.body.split("\n\n")) == 2
    assert "the dredging contract" in article.body


def test_list_items_and_table_rows_stay_lines_of_their_own() -> None:
    body = (
        "The council met on Tuesday. It decided:\n- new cycle lanes on Mill Road\n"
        "- a 3% rise in parking charges in Fenby\n- closing the Marsh library on Mondays\n"
        "Councillor Ada Quill said the package was fair."
    )
    (article,) = parse_bytes(_lines({"title": "Council", "body": body}), "x.jsonl").articles
    assert article.body.split("\n\n") == [
        "The council met on Tuesday. It decided:",
        "- new cycle lanes on Mill Road",
        "- a 3% rise in parking charges in Fenby",
        "- closing the Marsh library on Mondays",
        "Councillor Ada Quill said the package was fair.",
    ]
    table = (
        "RESULTS\nHarbour Rovers 2 Kestrel Town 1\nMillbrook United 0 Portmarrick 0\n"
        "Saltmere City 3 Ferrow Vale 2\nDunmore Wanderers 1 Crail Rangers 1\nLowfield 4 Brackton 0"
    )
    (article,) = parse_bytes(_lines({"title": "Results", "body": table}), "x.jsonl").articles
    assert len(article.body.split("\n\n")) == 6
