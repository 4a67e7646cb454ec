"""`bench.scale` runs end to end on a tiny library (figures are printed, never asserted)."""

from __future__ import annotations

import json
from pathlib import Path

from bench import scale
from bench.newsyear import NewsYear
from bench.scalebuild import PlantedNER, build


def test_corpus_plants_the_names_it_reports() -> None:
    corpus = NewsYear(300)
    articles = list(corpus.articles())
    assert len(articles) == 300
    rewrites = [a for a in articles if a.rewrite_of is not None]
    assert 10 <= len(rewrites) <= 60  # about one in ten
    for a in articles[:50]:
        assert a.mentions
        for start, end, label in a.mentions:
            assert label in {"PERSON", "GPE", "ORG"}
            assert a.body[start:end].strip() == a.body[start:end] != ""
        for start, end, _ in a.title_mentions:
            assert a.title[start:end] in a.names


def test_stand_in_answers_only_texts_it_was_given() -> None:
    a = next(NewsYear(50).articles())
    ner = PlantedNER()
    ner.plant([a])
    assert list(ner.pipe([a.body, "Nothing planted here."])) == [a.mentions, []]


def test_bench_scale_end_to_end(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "figures.json"
    scale.main(
        ["--sizes", "60", "--cache", str(tmp_path / "cache"), "--repeat", "1", "--tui-runs",
         "1", "--add", "5", "--add-reps", "1", "--ner-add", "0", "--ner-articles", "0", "--json",
         str(out)]
    )  # fmt: skip
    printed = capsys.readouterr().out
    assert "search, query mix, p95 ms" in printed
    assert "articles re-indexed" in printed
    figures = json.loads(out.read_text())["sizes"]["60"]
    assert figures["meta"]["stored"] == 60
    assert len(figures["search"]) >= 10 and figures["tui_key"] and figures["cli_wall"]
    # A second run reuses the cached library instead of building it again.
    root, meta = build(60, root=tmp_path / "cache")
    assert meta["stored"] == 60 and root.name.startswith("lib-60-")


def test_scalemigrate_migrates_a_copy_and_leaves_the_original(tmp_path: Path) -> None:
    """An older-format cached library is copied, migrated by `Library.open`, and labelled."""
    import sqlite3

    from bench.scalebuild import format_key
    from bench.scalemigrate import migrate
    from index.store import FORMAT_VERSION

    old = tmp_path / "cache" / "lib-4-oldformat"
    old.mkdir(parents=True)
    conn = sqlite3.connect(old / "library.sqlite", isolation_level=None)
    fixture = Path(__file__).parent / "fixtures" / "format2" / "library.sql"
    conn.executescript(fixture.read_text(encoding="utf-8"))
    conn.close()
    (old / "bench-meta.json").write_text(json.dumps({"articles": 4, "corpus": 4}))
    original = (old / "library.sqlite").read_bytes()
    got = migrate(old, tmp_path / "new")
    target = tmp_path / "new" / f"lib-4-{format_key()}"
    assert got["target"] == str(target) and got["from_format"] == 2
    meta = json.loads((target / "bench-meta.json").read_text())
    assert meta["migrated"]["from"] == "lib-4-oldformat" and meta["corpus"] == 4
    conn = sqlite3.connect(target / "library.sqlite")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == FORMAT_VERSION
    conn.close()
    assert (old / "library.sqlite").read_bytes() == original
