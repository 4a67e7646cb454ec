"""`expand` (files, folders, globs, URLs) and `parse_path` (reading files, refusing bad ones)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import index.sources as sources
from index.model import InputError
from index.sources import expand, parse_path

ARTICLE = (
    "Bridge Reopens After Repairs\n\n"
    "The old stone bridge in Mostar reopened to walkers on Sunday after three months of repairs.\n"
)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for rel in ["a.txt", "sub/b.txt", "sub/deeper/c.xml", "sub/.hidden.txt", ".git/d.txt", "z.txt"]:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(ARTICLE)
    return tmp_path


def test_folder_is_walked_recursively_sorted_without_hidden(tree: Path) -> None:
    assert expand([str(tree)]) == [
        str(tree / "a.txt"),
        str(tree / "sub/b.txt"),
        str(tree / "sub/deeper/c.xml"),
        str(tree / "z.txt"),
    ]


def test_globs_urls_and_files_keep_their_order(tree: Path) -> None:
    url = "https://news.example/feed.xml"
    got = expand([str(tree / "z.txt"), url, str(tree / "**/*.xml"), str(tree / "sub/*.txt")])
    assert got == [
        str(tree / "z.txt"),
        url,
        str(tree / "sub/deeper/c.xml"),
        str(tree / "sub/b.txt"),
    ]


def test_a_file_named_twice_is_listed_once(tree: Path) -> None:
    assert expand([str(tree / "a.txt"), str(tree / "*.txt")]) == [
        str(tree / "a.txt"),
        str(tree / "z.txt"),
    ]


def test_relative_and_absolute_spellings_of_a_file_are_read_once(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tree)
    got = expand(["a.txt", str(tree / "a.txt"), "./sub/../a.txt", str(tree / "sub")])
    assert got == ["a.txt", str(tree / "sub/b.txt"), str(tree / "sub/deeper/c.xml")]


def test_a_linked_folder_inside_a_folder_is_reported_not_followed(tree: Path) -> None:
    (tree / "sub" / "loop").symlink_to(tree, target_is_directory=True)
    (tree / "sub" / "gone.txt").symlink_to(tree / "nowhere.txt")
    got = expand([str(tree / "sub")])
    assert got[0] == str(tree / "sub/b.txt")
    assert got[1] == str(tree / "sub/deeper/c.xml")
    gone, link = got[2], got[3]  # sorted by name, like the files
    assert isinstance(gone, InputError) and gone.origin == str(tree / "sub/gone.txt")
    assert gone.reason.startswith("no such file or folder")
    assert isinstance(link, InputError) and link.origin == str(tree / "sub/loop")
    assert link.reason == "symbolic link to a folder, not followed (add it directly)"
    assert len(got) == 4
    # A recursive glob does not follow the link either (glob.glob would, round and round).
    assert expand([str(tree / "sub/**/*.xml")]) == [str(tree / "sub/deeper/c.xml")]


def test_url_scheme_is_lower_cased() -> None:
    got = expand(["HTTPS://News.Example/Feed.xml", "Http://news.example/a?Q=1"])
    assert got == ["https://News.Example/Feed.xml", "http://news.example/a?Q=1"]


def test_missing_path_and_empty_glob_are_errors_in_place(tree: Path) -> None:
    missing, empty = str(tree / "nope.txt"), str(tree / "*.rss")
    got = expand([missing, str(tree / "a.txt"), empty])
    assert [type(g) for g in got] == [InputError, str, InputError]
    assert [(e.origin, e.reason) for e in (got[0], got[2])] == [
        (missing, "no such file or folder"),
        (empty, "the pattern matched no file"),  # QA 5: not "no such file or folder"
    ]


def test_parse_path_reads_a_file(tree: Path) -> None:
    parsed = parse_path(tree / "a.txt")
    assert parsed.origin == str(tree / "a.txt")
    (article,) = parsed.articles
    assert article.title == "Bridge Reopens After Repairs"
    assert article.origin == str(tree / "a.txt")


def test_parse_path_missing(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        parse_path(tmp_path / "gone.txt")
    assert info.value.reason == "no such file or folder"


def test_parse_path_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        parse_path(tmp_path)
    assert "folder" in info.value.reason


def test_parse_path_refuses_a_file_over_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.txt"
    big.write_text(ARTICLE * 10)
    monkeypatch.setattr(sources, "MAX_BYTES", 100)
    with pytest.raises(InputError) as info:
        parse_path(big)
    assert "too large" in info.value.reason


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read anything")
def test_parse_path_unreadable(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(ARTICLE)
    locked.chmod(0)
    with pytest.raises(InputError) as info:
        parse_path(locked)
    assert info.value.reason == "permission denied"


@pytest.mark.parametrize(
    ("text", "hint", "kind"),
    [
        ('<?xml version="1.0"?>\n<!-- c -->\n<rss version="2.0">', None, "feed"),
        ('<feed xmlns="http://www.w3.org/2005/Atom">', None, "feed"),
        ("<rdf:RDF xmlns:rdf='x'>", None, "feed"),
        ('<?xml version="1.0"?>\n<!DOCTYPE opml [<!ENTITY a "b">]>\n<opml>', None, "opml"),
        ("<!DOCTYPE html>\n<html><body>", None, "html"),
        ("<div><p>fragment</p></div>", None, "html"),
        ('{"title": "x"}\n{"title": "y"}', None, "jsonl"),
        ('[{"title": "x"}]', None, "jsonl"),
        ("{Braces} Open a Headline\n\nThen text.", None, "text"),
        ("Headline\n\nBody text.", "html", "text"),
    ],
)
def test_sniff(text: str, hint: str | None, kind: str) -> None:
    assert sources.sniff(text, hint) == kind


def test_parse_date_forms() -> None:
    from datetime import UTC, datetime

    want = datetime(2024, 12, 2, 9, 0, tzinfo=UTC)
    assert sources.parse_date("2024-12-02T10:00:00+01:00") == want
    assert sources.parse_date("2024-12-02T09:00:00Z") == want
    assert sources.parse_date("Mon, 02 Dec 2024 10:00:00 +0100") == want
    assert sources.parse_date(want.timetuple()) == want
    assert sources.parse_date("2024-12-02T09:00:00") == want  # naive taken as UTC
    for bad in ("", "soon", "2024-13-45", "Mon, 99 Foo 2024", None, object()):
        assert sources.parse_date(bad) is None


def test_parse_date_out_of_range_is_none() -> None:
    """Valid as written, but outside what a datetime holds once shifted to UTC."""
    assert sources.parse_date("9999-12-31T23:59:59-05:00") is None
    assert sources.parse_date("0001-01-01T00:00:00+01:00") is None
