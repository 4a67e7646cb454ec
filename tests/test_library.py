"""The Library facade end to end: identity, re-adding, stories, search, bad inputs, recovery."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from index import Library, LibraryError
from index.ingest import article_id, canonical_url
from index.model import RawArticle
from newsfixtures import ELECTION, WATER_A, WATER_B


def titles(lib: Library, query: str) -> set[str]:
    return {h.article.title for h in lib.search(query, limit=100).hits}


def test_session_library_counts(library: Library) -> None:
    stats = library.stats()
    # 4 JSONL + 2 from the dump + 2 RSS items.
    assert stats["articles"] == 8
    # The two Mosul water reports are one story.
    assert stats["stories"] == 7


def test_near_duplicates_share_a_story(library: Library) -> None:
    by_title = {a.title: a for a in library.articles()}
    a, b = by_title[WATER_A["title"]], by_title[WATER_B["title"]]
    assert a.story == b.story
    assert a.story_size == b.story_size == 2
    assert by_title[ELECTION["title"]].story != a.story
    assert {x.title for x in library.story(a.story)} == {WATER_A["title"], WATER_B["title"]}


def test_adding_again_changes_nothing(library: Library, news_inputs: dict[str, Path]) -> None:
    report = library.add([str(p) for p in news_inputs.values()])
    assert (report.added, report.updated, report.failures) == (0, 0, ())
    assert report.unchanged == 8
    assert library.stats()["articles"] == 8


def test_changed_article_is_updated_and_copies_are_duplicates(
    library: Library, tmp_path: Path
) -> None:
    changed = dict(WATER_A, body=WATER_A["body"] + "\n\nThe ministry later corrected the figure.")
    copy = dict(ELECTION, url="https://mirror.example/beridze")  # same text, another URL
    f = tmp_path / "more.jsonl"
    f.write_text("\n".join(json.dumps(x) for x in (changed, copy)), encoding="utf-8")
    report = library.add([str(f)])
    assert (report.added, report.updated, report.duplicates) == (0, 1, 1)
    article = library.article(article_id(RawArticle(WATER_A["title"], "", url=WATER_A["url"])))
    assert article is not None and article.body.endswith("corrected the figure.")


def test_identity_is_the_canonical_url() -> None:
    assert (
        canonical_url("HTTPS://Example.org/a/?utm_source=x&b=2#top") == "https://example.org/a?b=2"
    )
    one = RawArticle("T", "body", url="https://example.org/a?utm_medium=rss")
    two = RawArticle("T (updated)", "new body", url="https://example.org/a")
    assert article_id(one) == article_id(two)
    assert article_id(RawArticle("T", "body")) != article_id(RawArticle("T", "other body"))


def test_one_bad_input_never_stops_the_batch(library_path: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    truncated = tmp_path / "cut.rss"
    truncated.write_text('<?xml version="1.0"?><rss version="2.0"><chan', encoding="utf-8")
    good = tmp_path / "good.jsonl"
    good.write_text(
        json.dumps({"title": "Amman hosts water summit", "body": "Ministers from Jordan and "
                    "Iraq met in Amman on Monday to discuss sharing the Yarmouk river."}),
        encoding="utf-8",
    )  # fmt: skip
    missing = tmp_path / "nope.txt"
    with Library.open(library_path) as lib:
        report = lib.add([str(empty), str(binary), str(truncated), str(missing), str(good)])
        failed = {Path(r.origin).name: r.reason for r in report.failures}
        assert set(failed) == {"empty.txt", "photo.txt", "cut.rss", "nope.txt"}
        assert all(failed.values())
        assert report.added == 1
        assert "Amman hosts water summit" in titles(lib, "amman")


def test_search_by_person_place_and_alias(library: Library) -> None:
    water = {WATER_A["title"], WATER_B["title"]}
    assert titles(library, "person:jabouri") >= water
    assert titles(library, 'person:"al-Jabouri"') >= water
    assert titles(library, "place:mosul") >= water
    assert titles(library, "org:nwa") >= water
    assert ELECTION["title"] in titles(library, "person:beridze")
    # accent- and case-insensitive
    assert "Ankara and Athens agree to reopen ferry route" in titles(library, "place:turkiye")
    # the article only ever writes "Türkiye": the gazetteer's other spellings are indexed too
    assert "Ankara and Athens agree to reopen ferry route" in titles(library, "place:turkey")


def test_search_result_contract(library: Library) -> None:
    res = library.search("water", limit=1)
    assert res.total >= 2 and len(res.hits) == 1
    data = res.to_json()
    assert set(data) >= {"query", "total", "suggestion", "hits", "entities"}
    hit = data["hits"][0]
    assert set(hit) >= {"id", "title", "source", "url", "published", "score", "story",
                        "people", "places", "orgs", "highlight"}  # fmt: skip
    assert "**" in hit["highlight"]
    # facet counts cover the whole result set, not just the one hit shown
    places = dict(data["entities"]["places"])
    assert places.get("Mosul", 0) >= 2


def test_malformed_query_is_a_message_not_a_traceback(library: Library) -> None:
    bad_date = library.search("date:2026-13-45")
    assert bad_date.error and "date" in bad_date.error.lower() and bad_date.total == 0
    # an unbalanced quote is either read leniently or explained, but never raises
    lenient = library.search('"unbalanced quote')
    assert lenient.error is None or "quote" in lenient.error.lower()


def test_did_you_mean(library: Library) -> None:
    res = library.search("pipelnie")
    assert res.suggestion is not None and "pipeline" in res.suggestion


def test_did_you_mean_writes_a_signed_word_plain(library: Library) -> None:
    """`--pipelnie` is `pipelnie` (a NOT of a NOT): the suggestion is `pipeline`, not
    `--pipeline`, which reads as an exclusion (QA 5, item 19)."""
    assert library.search("--pipelnie").suggestion == "pipeline"
    assert library.search("+pipelnie water").suggestion == "pipeline water"


def test_flags_persist_and_filter(library_path: Path) -> None:
    with Library.open(library_path) as lib:
        first = lib.articles()[0]
        lib.set_read(first.id)
        lib.set_starred(first.id)
        lib.set_state("last_query", "place:mosul")
    with Library.open(library_path) as lib:
        again = lib.article(first.id)
        assert again is not None and again.read and again.starred
        assert [h.article.id for h in lib.search("is:starred").hits] == [first.id]
        assert first.id not in {h.article.id for h in lib.search("is:unread", limit=100).hits}
        assert lib.get_state("last_query") == "place:mosul"


def test_show_mentions_slice_the_body(library: Library) -> None:
    summary = next(a for a in library.articles() if a.title == WATER_A["title"])
    article = library.article(summary.id)
    assert article is not None and article.mentions
    for m in article.mentions:
        assert article.body[m.start : m.end] == m.text
    assert any(m.entity == "Karim al-Jabouri" for m in article.mentions if m.text == "Jabouri")


def test_more_like_this_finds_the_other_outlet(library: Library) -> None:
    a = next(x for x in library.articles() if x.title == WATER_A["title"])
    similar = library.more_like_this(a.id, limit=3)
    assert similar and similar[0].article.title == WATER_B["title"]


def test_entity_counts_and_timeline(library: Library) -> None:
    people = {e.name: e.count for e in library.entities("person")}
    assert people.get("Karim al-Jabouri") == 2
    assert "Jabouri" not in people  # the surname alone is the same person
    timeline = library.entity_timeline("Karim al-Jabouri", "person")
    assert timeline == [("2026-11-10", 2)]


def test_newer_format_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    Library.open(root).close()
    conn = sqlite3.connect(root / "library.sqlite")
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(LibraryError, match="newer Dateline"):
        Library.open(root)


def test_not_a_library(tmp_path: Path) -> None:
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "library.sqlite").write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(LibraryError, match="not a Dateline library"):
        Library.open(tmp_path / "lib")
    with pytest.raises(LibraryError, match="no Dateline library"):
        Library.open(tmp_path / "missing", create=False)


def test_broken_index_is_rebuilt_from_sqlite(library_path: Path) -> None:
    index_dir = library_path / "whoosh"
    for f in index_dir.iterdir():
        if f.is_file():
            f.write_bytes(b"garbage")
    with Library.open(library_path) as lib:
        assert len(titles(lib, "person:beridze")) == 1


def test_index_package_never_imports_the_ui() -> None:
    code = "import index, sys; print('textual' in sys.modules, 'reader' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def _jsonl(path: Path, *articles: dict) -> Path:
    path.write_text("\n".join(json.dumps(a) for a in articles), encoding="utf-8")
    return path


def test_an_article_whose_ner_fails_is_kept_without_entities(
    library_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import index.entities as entities

    real = entities.extract

    def flaky(pairs, **kw):
        if any("POISON" in body for _, body in pairs):
            raise ValueError("model exploded")
        return real(pairs, **kw)

    monkeypatch.setattr(entities, "extract", flaky)
    src = _jsonl(
        tmp_path / "mixed.jsonl",
        {"title": "Erbil airport adds night flights", "body": "Erbil airport will add night "
         "flights to Istanbul from December, director Hawre Salih said on Monday."},
        {"title": "Sulaymaniyah book fair opens", "body": "POISON The book fair in Sulaymaniyah "
         "opened with 300 publishers, organisers said."},
    )  # fmt: skip
    with Library.open(library_path) as lib:
        report = lib.add([str(src)])
        assert report.added == 2 and not report.failures
        assert any("model exploded" in w for w in report.results[0].warnings)
        assert titles(lib, "sulaymaniyah") == {"Sulaymaniyah book fair opens"}
        assert titles(lib, "person:salih") == {"Erbil airport adds night flights"}
        total = lib.search("", limit=1).total
        assert total == lib.stats()["articles"]


def test_index_failure_loses_nothing_and_catches_up(
    library_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from index.searchindex import SearchIndex

    src = _jsonl(
        tmp_path / "one.jsonl",
        {"title": "Duhok dam repairs finish early", "body": "Engineers finished repairs on the "
         "Duhok dam two weeks early, the irrigation office said on Sunday."},
    )  # fmt: skip

    def broken(self, docs, **kw):
        raise OSError("disk full")

    with monkeypatch.context() as m:
        m.setattr(SearchIndex, "add", broken)
        with Library.open(library_path) as lib:
            report = lib.add([str(src)])
            assert report.added == 1 and "disk full" in " ".join(report.results[0].warnings)
            assert not titles(lib, "duhok")
    with Library.open(library_path) as lib:  # the next open indexes what was left behind
        assert titles(lib, "duhok") == {"Duhok dam repairs finish early"}


def test_damaged_segments_are_rebuilt(library_path: Path) -> None:
    damaged = [
        seg
        for seg in (library_path / "whoosh").iterdir()
        if seg.suffix in (".seg", ".trm", ".pst", ".col")  # compound or separate segment files
    ]
    assert damaged
    for seg in damaged:
        seg.write_bytes(seg.read_bytes()[: seg.stat().st_size // 2])
    with Library.open(library_path) as lib:
        assert titles(lib, "person:beridze") == {ELECTION["title"]}


def test_index_folder_replaced_by_a_file_is_rebuilt(library_path: Path) -> None:
    import shutil

    shutil.rmtree(library_path / "whoosh")
    (library_path / "whoosh").write_text("not an index")
    with Library.open(library_path) as lib:
        assert titles(lib, "person:beridze") == {ELECTION["title"]}


def test_pipes_and_devices_are_refused(library: Library, tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    report = library.add([str(fifo), "/dev/zero"])
    assert len(report.failures) == 2
    assert all("regular file" in (r.reason or "") for r in report.failures)


def test_readding_a_file_of_duplicates_says_so(library: Library, tmp_path: Path) -> None:
    src = _jsonl(tmp_path / "copy.jsonl", dict(ELECTION, url="https://mirror.example/b"))
    first = library.add([str(src)])
    again = library.add([str(src)])
    assert first.duplicates == 1 and again.duplicates == 1 and again.added == 0


def test_an_edit_that_copies_another_article_is_a_duplicate(
    library: Library, tmp_path: Path
) -> None:
    same_as_election = dict(ELECTION, url=WATER_A["url"])  # WATER_A's URL, ELECTION's text
    report = library.add([str(_jsonl(tmp_path / "edit.jsonl", same_as_election))])
    assert (report.updated, report.duplicates) == (0, 1)
    assert library.stats()["articles"] == 8
