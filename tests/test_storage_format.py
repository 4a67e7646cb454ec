"""Format 3 (issue 7, disk per article): compressed bodies, mentions packed per article, quotes
as offsets. Round trips, the migration of a format-2 library, and rewrites that must not grow
the file."""

from __future__ import annotations

import json
import random
import sqlite3
from pathlib import Path

import pytest

from index import Library
from index.entities import mentions
from index.store import FORMAT_VERSION, body_text, pack_body
from newsfixtures import ELECTION, TRADE, WATER_A, WATER_B
from test_reliability_storage import read_only

FORMAT_2 = Path(__file__).parent / "fixtures" / "format2" / "library.sql"


# -- bodies -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    ["", "plain", "Türkiye, Mósul and 東京 — “quoted” 🚰\n\nsecond paragraph", "x" * 200_000],
)
def test_a_body_round_trips_through_its_stored_form(text: str) -> None:
    stored = pack_body(text)
    assert isinstance(stored, bytes)
    assert body_text(stored) == text


def test_a_long_body_is_stored_smaller_and_format_2_text_reads_as_is() -> None:
    body = " ".join(WATER_A["body"] for _ in range(3))
    assert len(pack_body(body)) < len(body.encode()) / 2
    assert body_text(body) == body
    assert body_text(None) == ""


def test_a_damaged_body_reads_as_what_can_be_inflated_never_a_crash() -> None:
    stored = pack_body(WATER_A["body"] * 4)
    cut = body_text(stored[: len(stored) // 2])
    assert WATER_A["body"].startswith(cut[:50])
    assert body_text(b"\x00not zlib at all") == ""


# -- mentions ---------------------------------------------------------------------------------
def test_packed_mentions_round_trip_sorted() -> None:
    rng = random.Random(7)
    spans = []
    for _ in range(300):
        start = rng.randrange(0, 1_000_000)
        spans.append((start, start + rng.randrange(1, 80), rng.randrange(1, 2**31)))
    spans.append(spans[0])  # a duplicate stays a duplicate
    assert mentions.unpack(mentions.pack(spans)) == sorted(spans)
    assert mentions.unpack(mentions.pack([(5, 9, 1)])) == [(5, 9, 1)]


def _conn() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    mentions.ensure(conn)
    return conn


def test_mentions_read_back_with_their_text_and_spellings_count_articles() -> None:
    conn = _conn()
    a = [("Mosul", 10, 15, 7), ("al-Jabouri", 40, 50, 8), ("Mosul", 90, 95, 7)]
    b = [("MOSUL", 3, 8, 7), ("Mosul", 20, 25, 7)]
    mentions.write(conn, "a", a)
    mentions.write(conn, "b", b)
    assert mentions.read(conn, "a") == a
    assert mentions.read(conn, "b") == b
    counts = dict(
        conn.execute("SELECT text, articles FROM mention_spellings WHERE alias_id = 7").fetchall()
    )
    assert counts == {"Mosul": 2, "MOSUL": 1}
    mentions.write(conn, "b", [("Mosul", 20, 25, 7)])  # re-assigned: replaced, not added
    assert mentions.read(conn, "b") == [("Mosul", 20, 25, 7)]
    mentions.delete(conn, "a")
    mentions.delete(conn, "b")
    assert mentions.read(conn, "a") == []
    assert conn.execute("SELECT COUNT(*) FROM mention_spellings").fetchone()[0] == 0
    assert conn.execute("SELECT COUNT(*) FROM article_mentions").fetchone()[0] == 0


def test_block_and_undo_take_out_and_put_back_exactly_the_entitys_mentions(
    tmp_path: Path,
) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in (WATER_A, WATER_B)), encoding="utf-8")
    with Library.open(tmp_path / "lib") as lib:
        lib.add([str(src)])
        before = {a.id: lib.article(a.id).mentions for a in lib.articles()}
        assert any(m.entity == "Mosul" for ms in before.values() for m in ms)
        lib.block_entity("Mosul")
        for aid, ms in before.items():
            now = lib.article(aid).mentions
            assert [m for m in ms if m.entity != "Mosul"] == list(now)
        lib.undo_entity_change()
        assert {a.id: lib.article(a.id).mentions for a in lib.articles()} == before


# -- quotes -----------------------------------------------------------------------------------
def test_a_quote_is_read_back_from_the_body_and_goes_when_its_article_is_rewritten(
    tmp_path: Path,
) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(ELECTION), encoding="utf-8")
    with Library.open(tmp_path / "lib") as lib:
        lib.add([str(src)])
        page = lib.entity_page("Nino Beridze")
        assert page.quotes
        body = lib.article(page.quotes[0].article_id).body
        for q in page.quotes:
            assert q.text == body[q.start : q.end]
            assert q.kind in ("direct", "reported")
        # The same URL with an edited body replaces the article: its old quotes go.
        edited = dict(ELECTION, body=ELECTION["body"].replace("trains", "trams"))
        src.write_text(json.dumps(edited), encoding="utf-8")
        lib.add([str(src)])
        again = lib.entity_page("Nino Beridze").quotes
        assert len(again) == len(page.quotes)
        assert any("trams" in q.text for q in again)
        assert not any("trains" in q.text for q in again)


def test_rewriting_articles_again_and_again_does_not_grow_the_file(tmp_path: Path) -> None:
    """Rows are replaced in place and freed pages reused: no VACUUM is ever needed."""
    src = tmp_path / "in.jsonl"
    root = tmp_path / "lib"
    arts = [WATER_A, ELECTION, TRADE]

    def rewrite(k: int) -> None:
        edited = [
            dict(a, body=a["body"] + f"\n\nUpdate {k}: officials gave no details.") for a in arts
        ]
        src.write_text("\n".join(json.dumps(a) for a in edited), encoding="utf-8")
        lib.add([str(src)])

    def pages() -> int:
        conn = sqlite3.connect(root / "library.sqlite")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        n = (
            conn.execute("PRAGMA page_count").fetchone()[0]
            - conn.execute("PRAGMA freelist_count").fetchone()[0]
        )
        conn.close()
        return int(n)

    with Library.open(root) as lib:
        for k in range(3):
            rewrite(k)
        settled = pages()
        for k in range(3, 15):
            rewrite(k)
        assert len(lib.articles()) == 3
        assert pages() <= settled + 2


# -- migration from format 2 ------------------------------------------------------------------
def _format_2_library(root: Path) -> sqlite3.Connection:
    """The fixture: SQLite of a library written by Dateline format 2 (four articles, a read
    and a starred one, and "Izmir" blocked, so its undo log holds format-2 mention rows)."""
    root.mkdir()
    conn = sqlite3.connect(root / "library.sqlite", isolation_level=None)
    conn.executescript(FORMAT_2.read_text(encoding="utf-8"))
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    return conn


def _old_mentions(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    rows = conn.execute(
        'SELECT m.article_id, m.text, m.start, m."end", e.type, e.name FROM entity_mentions m'
        " JOIN entity_aliases a ON a.id = m.alias_id JOIN entities e ON e.id = a.entity_id"
        ' ORDER BY m.article_id, m.start, m."end", e.name'
    )
    out: dict[str, list[tuple]] = {}
    for aid, *rest in rows:
        out.setdefault(aid, []).append(tuple(rest))
    return out


def test_a_format_2_library_migrates_and_keeps_everything(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    conn = _format_2_library(root)
    bodies = dict(conn.execute("SELECT id, body FROM articles"))
    flags = conn.execute("SELECT id, read, starred FROM articles ORDER BY id").fetchall()
    old_mentions = _old_mentions(conn)
    old_quotes = sorted(conn.execute("SELECT article_id, text, kind, cue FROM page_quotes"))
    conn.close()
    assert len(bodies) == 4 and old_quotes and sum(map(len, old_mentions.values())) > 20

    with Library.open(root) as lib:
        for aid, body in bodies.items():
            article = lib.article(aid)
            assert article is not None and article.body == body
            got = [(m.text, m.start, m.end, m.type, m.entity) for m in article.mentions]
            assert got == old_mentions.get(aid, [])
        quotes = sorted(
            (q.article_id, q.text, q.kind, q.cue)
            for e in lib.entities()
            for q in lib.entity_page(e.name, e.type).quotes
        )
        assert quotes == old_quotes
        assert lib.search("pipeline").total == 2  # the index (absent) was built from SQLite
        assert lib.search("is:starred").total == 1
        # The undo log written by format 2 still undoes: Izmir comes back with its mentions.
        assert "Izmir" not in {e.name for e in lib.entities()}
        lib.undo_entity_change()
        izmir = [
            m for ms in (lib.article(a).mentions for a in bodies) for m in ms if m.entity == "Izmir"
        ]
        assert [m.text for m in izmir] == ["Izmir", "Izmir"]
        # And it keeps working: a new article, with an entity the library knows.
        new = {
            "title": "Basra port reopens after dredging",
            "body": "Karim al-Jabouri said in Basra on Monday that the port had reopened. "
            '"Ships are moving again," al-Jabouri told reporters.',
            "url": "https://example.org/basra-port",
            "published": "2026-11-20T09:00:00+00:00",
        }
        src = tmp_path / "b.jsonl"
        src.write_text(json.dumps(new), "utf-8")
        lib.add([str(src)])
        assert len(lib.articles()) == 5
        assert lib.search("dredging").total == 1
        jabouri = lib.entity_page("Karim al-Jabouri")
        assert jabouri.articles == 3 and len(jabouri.quotes) > 1
        # A migrated article rewritten (same URL): its old page rows go, the new ones come.
        edited = dict(WATER_A, body=WATER_A["body"].replace("forty years", "four decades"))
        src.write_text(json.dumps(edited), "utf-8")
        assert lib.add([str(src)]).results[0].updated == 1
        again = lib.entity_page("Karim al-Jabouri")
        assert again.articles == 3 and len(again.quotes) == len(jabouri.quotes)
        assert again.sources == jabouri.sources

    conn = sqlite3.connect(root / "library.sqlite")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == FORMAT_VERSION
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert not tables & {"entity_mentions", "page_quotes_article", "page_entities_article"}
    assert not tables & {"page_pairs", "page_tops"}  # format 4 (test_pages_together)
    assert {r[0] for r in conn.execute("SELECT DISTINCT typeof(at) FROM page_entities")} == {
        "integer"
    }
    assert conn.execute("SELECT COUNT(*) FROM page_articles WHERE forms IS NULL").fetchone()[0] == 0
    assert (
        conn.execute("SELECT COUNT(*) FROM articles WHERE typeof(body) != 'blob'").fetchone()[0]
        == 0
    )
    still = conn.execute("SELECT id, read, starred FROM articles ORDER BY id").fetchall()
    assert set(flags) <= set(still)
    conn.close()


def test_a_read_only_format_2_library_is_read_as_it_is(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    conn = _format_2_library(root)
    some = conn.execute("SELECT id, body FROM articles ORDER BY id LIMIT 1").fetchone()
    old_mentions = _old_mentions(conn)
    conn.close()
    with read_only(root), Library.open(root) as lib:
        assert lib.read_only
        article = lib.article(some[0])
        assert article is not None and article.body == some[1]
        got = [(m.text, m.start, m.end, m.type, m.entity) for m in article.mentions]
        assert got == old_mentions.get(some[0], [])
        assert lib.entity_page("Karim al-Jabouri").quotes


# -- story keys -------------------------------------------------------------------------------
def test_a_members_band_keys_are_recomputed_from_its_stored_signature() -> None:
    from index.minhash import band_keys, keys_of_sig, shingles, signature

    mh = signature(shingles(WATER_A["title"], WATER_A["body"]))
    assert keys_of_sig(mh.hashvalues.astype("<u4").tobytes()) == band_keys(mh)


def test_forgetting_a_member_without_stored_keys_removes_all_its_keys() -> None:
    from index.stories import StoryIndex

    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.executescript("CREATE TABLE articles (id TEXT PRIMARY KEY, title TEXT, body BLOB)")
    stories = StoryIndex(conn)
    stories.assign("a", WATER_A["title"], WATER_A["body"], None)
    assert conn.execute("SELECT keys FROM story_members").fetchone()[0] == b""
    assert conn.execute("SELECT COUNT(*) FROM story_keys").fetchone()[0] > 10
    stories.forget("a")
    assert conn.execute("SELECT COUNT(*) FROM story_keys").fetchone()[0] == 0


def test_quote_rows_copied_in_from_format_2_are_converted() -> None:
    """`dateline repair` of a format-2 file copies its quote rows into this format's table."""
    from index.pages.record import SCHEMA, migrate_quotes

    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.executescript(SCHEMA)
    conn.execute(
        "INSERT INTO page_quotes VALUES (3, '2026-11-10T08:30:00', 'a', 5, 9, 0, 20,"
        " 'reported', 'said')"
    )
    assert migrate_quotes(conn) == 1
    assert conn.execute("SELECT at, kind FROM page_quotes").fetchall() == [(1794299400, 1)]


def test_the_upgrade_is_announced_before_it_runs_and_only_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A minute of migration at 100k must not look like a hang: the CLI says it is upgrading."""
    from reader.cli import main

    root = tmp_path / "lib"
    _format_2_library(root).close()
    assert main(["--library", str(root), "search", "", "--json"]) == 0
    said = capsys.readouterr().err
    assert f"Upgrading the library from format 2 to {FORMAT_VERSION}, once (about a minute" in said
    assert main(["--library", str(root), "search", "", "--json"]) == 0
    assert "Upgrading" not in capsys.readouterr().err


def test_a_column_another_process_just_added_is_no_error(tmp_path: Path) -> None:
    """Two processes opening a new library at once both see a later column missing; the
    second one's ALTER must not fail (seen once as "duplicate column name: title_from")."""
    import sqlite3

    from index.migration import add_column
    from index.store import connect, ensure_schema

    path = tmp_path / "library.sqlite"
    first, second = connect(path), connect(path)
    ensure_schema(first)
    add_column(second, "feeds", "title_from", "TEXT")  # already there: nothing to do
    with pytest.raises(sqlite3.OperationalError):
        add_column(second, "no_such_table", "x", "TEXT")  # other errors still surface
    first.close()
    second.close()
