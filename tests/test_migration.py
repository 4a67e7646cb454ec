"""A library written by format 1 still opens: stories migrate, the index is rebuilt, nothing lost."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

from index import Library
from index.store import FORMAT_VERSION, body_text
from index.stories import band_keys, bands_rows, shingles, signature
from newsfixtures import WATER_A, WATER_B


def _as_format_1(root: Path) -> None:
    """Rewrite a library's story tables the way format 1 stored them."""
    conn = sqlite3.connect(root / "library.sqlite", isolation_level=None)
    rows = conn.execute("SELECT id, title, body FROM articles").fetchall()
    conn.execute("DROP TABLE story_members")
    conn.execute("DROP TABLE story_keys")
    conn.execute("CREATE TABLE story_bands (band INTEGER, hash BLOB, article_id TEXT)")
    _, r = bands_rows()
    for aid, title, body in rows:
        values = signature(shingles(title, body_text(body))).hashvalues
        for i in range(len(band_keys(signature(["x"])))):
            digest = hashlib.blake2b(values[i * r : (i + 1) * r].tobytes(), digest_size=12)
            conn.execute("INSERT INTO story_bands VALUES (?, ?, ?)", (i, digest.digest(), aid))
    conn.execute("PRAGMA user_version = 1")
    conn.close()


def test_a_format_1_library_migrates_and_keeps_grouping(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    first = tmp_path / "a.jsonl"
    first.write_text(json.dumps(WATER_A), encoding="utf-8")
    with Library.open(root) as lib:
        lib.add([str(first)])
    _as_format_1(root)
    (root / "whoosh" / "dateline-index.json").write_text(
        '{"kind": "dateline-search-index", "version": 1}'
    )
    second = tmp_path / "b.jsonl"
    second.write_text(json.dumps(WATER_B), encoding="utf-8")
    with Library.open(root) as lib:
        assert lib.search("pipeline").total == 1  # the old index was rebuilt from SQLite
        lib.add([str(second)])
        stories = {a.story for a in lib.articles()}
        assert len(stories) == 1  # the rewrite found the migrated article's bands
        assert lib.search("pipeline").total == 2
    conn = sqlite3.connect(root / "library.sqlite")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == FORMAT_VERSION
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "story_bands" not in tables
    assert conn.execute("SELECT COUNT(*) FROM story_members").fetchone()[0] == 2
    # the migrated member got its signature when the rewrite compared itself with it
    assert conn.execute("SELECT COUNT(*) FROM story_members WHERE sig IS NULL").fetchone()[0] == 0
    conn.close()
