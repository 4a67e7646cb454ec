"""Accent folding in the search index (QA 6, A.2): the Turkish dotted "İ" and other letters whose
lower case or decomposition left a combining mark in the indexed word, and the rebuild that
gives an existing library the new folding.

The articles are invented for these tests (real place names).
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from whoosh import index as whoosh_index
from whoosh.analysis import (
    CharsetFilter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
    SubstitutionFilter,
)
from whoosh.fields import TEXT
from whoosh.support.charset import accent_map

from index import Library
from index.searchindex import MARKER, IndexDoc, SearchIndex
from index.searchschema import (
    _STOPWORDS,
    APOSTROPHES,
    SCHEMA_VERSION,
    fields,
    schema,
    text_analyzer,
)
from reader.cli import main
from test_reliability_storage import read_only

IZMIR = IndexDoc(
    id="t1",
    title="İzmir port strike ends",
    body="Dock workers in İzmir and İstanbul ended their strike on Monday, the union said. "
    "Officials in İZMİR confirmed it.",
    published=None,
    source="Aegean Courier",
    url=None,
    story="t1",
)
ISTANBUL = IndexDoc(
    id="t2",
    title="Ferry timetable changes",
    body="Ferries across the Bosphorus in Istanbul will run every ten minutes from Monday. "
    "Straße and Ærø are spelled here for the folding tests.",
    published=None,
    source="Aegean Courier",
    url=None,
    story="t2",
)
_COMBINING = range(0x300, 0x370)


def terms(text: str, **kw: object) -> list[str]:
    return [t.text for t in text_analyzer()(text, **kw)]


def test_the_dotted_capital_i_folds_to_a_plain_i() -> None:
    for word in ("İzmir", "izmir", "IZMIR", "İZMİR", "i\u0307zmir"):
        assert terms(word) == ["izmir"], word
    assert terms("İstanbul") == terms("Istanbul") == terms("ISTANBUL") == ["istanbul"]
    # decomposed text stays one word; ligatures and ß fold to the letters people type
    assert terms("Zu\u0308rich") == terms("Zürich") == ["zurich"]
    assert terms("Straße", no_morph=True) == terms("strasse", no_morph=True) == ["strasse"]
    assert terms("Ærø") == terms("aero") == ["aero"]
    for word in ("İzmir", "İSTANBUL", "i\u0307zmir", "Ἀθῆναι", "Nguyễn"):
        assert not any(ord(c) in _COMBINING for t in terms(word) for c in t), word


def test_a_word_keeps_its_combining_marks() -> None:
    """Devanagari's vowel signs are marks `\\w` leaves out: the words were cut into single
    letters, too short to index, and "दिल्ली" (Delhi) could not be searched at all."""
    assert terms("दिल्ली में बारिश") == ["दिल्ली", "में", "बारिश"]
    assert terms("مُحَمَّد") == terms("محمد") == ["محمد"]  # Arabic's short vowels fold away


def test_words_of_other_scripts_are_found(tmp_path: Path) -> None:
    delhi = IndexDoc("h1", "दिल्ली में बारिश", "दिल्ली में भारी बारिश हुई।", None, None, None, "h1")
    with SearchIndex.open(tmp_path / "ix") as si:
        si.add([delhi])
        for query in ("दिल्ली", "बारिश", '"भारी बारिश"'):
            result = si.search(query, texts=lambda ids: {"h1": delhi.body})
            assert [h.id for h in result.hits] == ["h1"], query
        marked = si.search("बारिश", texts=lambda ids: {"h1": delhi.body}).hits[0].highlight
        assert "**बारिश**" in marked


@pytest.fixture
def ix(tmp_path: Path):
    bodies = {d.id: d.body for d in (IZMIR, ISTANBUL)}
    with SearchIndex.open(tmp_path / "ix") as si:
        si.add([IZMIR, ISTANBUL])

        def search(query: str):
            return si.search(query, texts=lambda ids: {i: bodies[i] for i in ids})

        yield search


def test_every_spelling_of_izmir_finds_it(ix) -> None:
    for query in ("İzmir", "izmir", "IZMIR", "İZMİR", "title:izmir", '"workers in izmir"'):
        result = ix(query)
        assert [h.id for h in result.hits] == ["t1"], query
        assert result.suggestion is None, query
    assert {h.id for h in ix("İstanbul").hits} == {"t1", "t2"}
    assert {h.id for h in ix("strasse").hits} == {"t2"}


def test_the_excerpt_marks_the_dotted_word(ix) -> None:
    highlight = ix("izmir").hits[0].highlight
    assert "**İzmir**" in highlight and "**İZMİR**" in highlight


def test_a_suggestion_carries_no_combining_mark(ix) -> None:
    assert ix("izmr").suggestion == "izmir"
    assert ix("Istanbol").suggestion == "Istanbul"
    for query in ("izmr", "Istanbol", "İzmr"):
        suggestion = ix(query).suggestion or ""
        assert suggestion and not any(ord(c) in _COMBINING for c in suggestion), query


def _old_text_analyzer() -> Any:
    """The title/body analysis of search index version 4: lower case, then the accent map."""
    return (
        RegexTokenizer(rf"\w+(?:[{APOSTROPHES}.]\w+)*")
        | SubstitutionFilter(f"[{APOSTROPHES}]", "")
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | StopFilter(stoplist=_STOPWORDS, minsize=2)
        | StemFilter()
    )


def _library_with_a_version_4_index(tmp_path: Path) -> Path:
    """A library holding the İzmir article, its index as Dateline's index version 4 wrote it:
    "İzmir" indexed as "i̇zmir" (with U+0307)."""
    src = tmp_path / "tr.jsonl"
    src.write_text(
        json.dumps({"title": IZMIR.title, "body": IZMIR.body, "url": "https://x.test/tr1"}),
        encoding="utf-8",
    )
    root = tmp_path / "library"
    with Library.open(root) as lib:
        assert lib.add([str(src)]).added == 1
        assert lib.search("izmir").total == 1
        article = lib.articles()[0]
    folder = root / "whoosh"
    for f in folder.iterdir():
        f.unlink()
    old = schema()
    old.remove("title")
    old.remove("body")
    old.add(
        "title",
        TEXT(analyzer=_old_text_analyzer(), stored=True, field_boost=2.0, spelling=True),
    )
    old.add("body", TEXT(analyzer=_old_text_analyzer(), spelling=True))
    ix = whoosh_index.create_in(str(folder), old)
    with ix.writer() as w:
        w.add_document(**fields(dataclasses.replace(IZMIR, id=article.id, story=article.story)))
    ix.close()
    (folder / MARKER).write_text(json.dumps({"kind": "dateline-search-index", "version": 4}))
    return root


def test_an_index_written_before_the_fix_is_rebuilt_on_open(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _library_with_a_version_4_index(tmp_path)
    # `dateline check` before the first open: an index to rebuild, not a damaged library
    assert main(["--library", str(root), "check", "--json"]) == 0
    found = {f["part"]: f for f in json.loads(capsys.readouterr().out)["findings"]}
    assert found["index"]["ok"] and "rebuilt at the next open" in found["index"]["message"]
    with Library.open(root) as lib:
        assert lib.search("izmir").total == 1
        assert lib.search("IZMIR").total == 1
    marker = json.loads((root / "whoosh" / MARKER).read_text())
    assert marker["version"] == SCHEMA_VERSION > 4


def test_a_read_only_library_searches_its_older_index_as_it_was_written(tmp_path: Path) -> None:
    """It cannot be rebuilt there, and is sound: searched with the analysis it was written
    with (so "İzmir" finds it, "izmir" not yet) rather than not at all."""
    root = _library_with_a_version_4_index(tmp_path)
    with read_only(root), Library.open(root) as lib:
        assert lib.read_only and not lib.index_problem
        found = lib.search("İzmir")
        assert found.error is None and found.total == 1
        assert lib.search("strike").total == 1
    marker = json.loads((root / "whoosh" / MARKER).read_text())
    assert marker["version"] == 4  # untouched
