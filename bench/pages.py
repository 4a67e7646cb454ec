"""Entity page and story page open times at scale: `python -m bench.pages [--articles N]`.

The pages read tables that `index.pages.record` fills as articles arrive, so what matters is
(a) how long a page takes to open in a big library and (b) what `record` adds to ingestion.

Two ways to get a big library:

* `--library DIR`: a library built elsewhere (e.g. the scale bench's cache under
  ~/.cache/dateline-bench). It is copied to a temporary folder first (never written in place);
  `pages.ensure` then fills the page tables from the stored articles and mentions — itself a
  measure of `record`'s cost per article.
* otherwise N synthetic wire articles (`bench.common.synthetic_articles`, plus three rewrites of
  every 25th article so there are stories to align) are stored through the real registry
  (`Registry.assign`), story ids and `pages.record`, with the mentions planted by string search
  instead of spaCy (NER is timed in `bench.entities`, and is not what the pages cost). Built
  once and cached under bench/out/.

The page functions are timed on the library's SQLite directly: `Library.entity_page` and
`Library.story_page` are these calls plus one line each — except that `Library.entity_page`
counts who an entity is seen with from the search index. `--library DIR --index` copies the
whole library (index included) and adds a table of that: the page through `Library`, and the
exact "seen with" counts alone (`index.pages.cooccur.together`) from the index and from the
page tables, by the entity's size.

`--ingest 1000,10000` measures what the pages add to storing an article, at each size: N
synthetic articles stored as above into a new library, once as this format writes them and once
with format 3's co-occurrence tables written beside (`page_pairs`, `page_tops`, as `record` did
until format 4 dropped them). Per article: CPU ms of the whole store (article row, registry,
`record`; no NER, no search index) and of `record` alone; then the database's size. With
`--library DIR`, the same two ways of filling the page tables of a copy of DIR's database
(`pages.ensure`, from its stored articles and mentions): the scale bench's corpus draws its ~8
entities an article from far more names than the synthetic ~6, so it has more distinct pairs.
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from index import Library, pages
from index.entities import LocalEntity
from index.entities.registry import Registry
from index.pages import cooccur, overlap
from index.pages.entity_page import entity_page, find_entity
from index.pages.story_page import story_page
from index.store import (
    FORMAT_VERSION,
    SUMMARY_COLUMNS,
    connect,
    ensure_schema,
    rows_by_id,
    story_sizes,
    summary_from_row,
    transaction,
)

from .common import (
    FIRST,
    LAST,
    LATENCY_HEADERS,
    ORGS,
    PLACES,
    pct,
    print_table,
    summary_row,
    synthetic_articles,
    timed,
)

OUT = Path(__file__).parent / "out"
REWRITE_EVERY = 25


def _summaries(conn: sqlite3.Connection, registry: Registry):  # type: ignore[no-untyped-def]
    """What `Library._summaries` does, on a bare connection."""

    def summaries(ids):  # type: ignore[no-untyped-def]
        found = rows_by_id(conn, list(ids), SUMMARY_COLUMNS)
        rows = [found[i] for i in ids if i in found]
        names = registry.names([r[0] for r in rows])
        sizes = story_sizes(conn, (r[5] for r in rows))
        return [summary_from_row(r, names.get(r[0]), sizes.get(r[5], 1)) for r in rows]

    return summaries


def _entities(body: str) -> list[LocalEntity]:
    """The synthetic article's people, places and orgs, found by string search."""
    out = []
    for first in FIRST:
        for last in LAST:
            full = f"{first} {last}"
            spans = [(m.start(), m.end()) for m in re.finditer(re.escape(full), body)]
            if not spans:
                continue
            spans += [
                (m.start(), m.end())
                for m in re.finditer(rf"(?<!{re.escape(first)} ){re.escape(last)}\b", body)
            ]
            out.append(LocalEntity("person", full, (last,), tuple(sorted(spans))))
    for type_, names in (("place", PLACES), ("org", ORGS)):
        for name in names:
            spans = [(m.start(), m.end()) for m in re.finditer(rf"\b{re.escape(name)}\b", body)]
            if spans:
                out.append(LocalEntity(type_, name, (), tuple(spans)))  # type: ignore[arg-type]
    return out


def _rewrite(body: str, rng: random.Random) -> str:
    """Another outlet's version: paragraphs reordered, one dropped, numbers changed."""
    paras = body.split("\n\n")
    head, rest = paras[0], paras[1:]
    rng.shuffle(rest)
    if len(rest) > 3:
        rest.pop()
    text = "\n\n".join([head, *rest, "Officials said 12 people had been questioned."])
    return re.sub(r"\bnext week\b", "next month", text)


def build(n: int) -> tuple[Path, float, int]:
    """A cached synthetic library of about `n` articles; returns (path, record ms total, n)."""
    root = OUT / f"pages-{n}"
    db = root / "library.sqlite"
    if db.exists():
        return root, 0.0, 0
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    stored, _, recording = _store(db, n)
    return root, recording * 1000, stored


def _store(db: Path, n: int, format3: bool = False) -> tuple[int, float, float]:
    """Store about `n` synthetic articles in a new library at `db`, with format 3's
    co-occurrence tables written too when `format3`: (articles, CPU s in all, CPU s in record)."""
    conn = connect(db)
    ensure_schema(conn)
    registry = Registry(conn)
    pages.ensure(conn)
    if format3:
        conn.executescript(_FORMAT_3_TABLES)
    rng = random.Random(11)
    recording = 0.0
    stored = 0
    articles = synthetic_articles(n)
    began = time.process_time()
    for start in range(0, len(articles), 500):
        with transaction(conn):
            for i, a in enumerate(articles[start : start + 500], start):
                versions = [(f"s{i}", a["body"], a["source"])]
                if i % REWRITE_EVERY == 0:
                    versions += [
                        (f"s{i}r{k}", _rewrite(a["body"], rng), src)
                        for k, src in enumerate(("Tigris Courier", "Amman Evening Post", "Wire"))
                    ]
                for aid, body, source in versions:
                    conn.execute(
                        "INSERT INTO articles (id, title, body, url, published, source, tags,"
                        " content_hash, story, added, updated) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                        (aid, a["title"], body, a["url"] + aid, a["published"], source, "[]",
                         aid, f"s{i}", a["published"], a["published"]),
                    )  # fmt: skip
                    mentions = registry.assign(aid, _entities(body), body)
                    t = time.process_time()
                    pages.record(conn, aid, body, mentions, source, None)
                    if format3:
                        _format3_cooccurrence(conn, aid)
                    recording += time.process_time() - t
                    stored += 1
    total = time.process_time() - began
    # Dates as published, not "now": record() was given None above to time the same path.
    with transaction(conn):
        conn.execute(
            "UPDATE page_articles SET at = (SELECT published FROM articles a"
            " WHERE a.id = page_articles.article_id)"
        )
    conn.close()
    return stored, total, recording


# -- what format 3 wrote beside the pages (for --ingest's "before") ---------------------------
_FORMAT_3_TABLES = """
CREATE TABLE IF NOT EXISTS page_tops (form INTEGER PRIMARY KEY, n INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS page_pairs (
    a INTEGER NOT NULL, b INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (a, b)
) WITHOUT ROWID;
"""


def _format3_cooccurrence(conn: sqlite3.Connection, article_id: str) -> None:
    """The rows `record` added to `page_tops` and `page_pairs` up to format 3: its ten most
    mentioned entities (each under its most mentioned form), counted alone and in pairs."""
    best: dict[int, tuple[int, int, float]] = {}  # entity -> (mentions, form, first)
    total: dict[int, int] = {}
    for eid, fid, n, first in conn.execute(
        "SELECT a.entity_id, l.alias_id, l.mentions, COALESCE(l.first, 1e12) FROM entity_articles l"
        " JOIN entity_aliases a ON a.id = l.alias_id WHERE l.article_id = ?",
        (article_id,),
    ):
        total[eid] = total.get(eid, 0) + n
        have = best.get(eid)
        if have is None or (n, -first, -fid) > (have[0], -have[2], -have[1]):
            best[eid] = (n, fid, min(first, have[2]) if have else first)
    ranked = sorted(best, key=lambda e: (-total[e], best[e][2], e))
    top = sorted(best[e][1] for e in ranked[:10])
    conn.executemany(
        "INSERT INTO page_tops (form, n) VALUES (?, 1) ON CONFLICT(form) DO UPDATE SET n = n + 1",
        [(f,) for f in top],
    )
    conn.executemany(
        "INSERT INTO page_pairs (a, b, n) VALUES (?, ?, 1)"
        " ON CONFLICT(a, b) DO UPDATE SET n = n + 1",
        [p for a, b in itertools.combinations(top, 2) for p in ((a, b), (b, a))],
    )


def _sizes(db: Path) -> tuple[int, int]:
    """(bytes in use in the database, bytes of the co-occurrence tables), WAL checkpointed."""
    conn = connect(db)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        used = conn.execute(
            "SELECT (page_count - freelist_count) * page_size"
            " FROM pragma_page_count, pragma_freelist_count, pragma_page_size"
        ).fetchone()[0]
        pairs = conn.execute(
            "SELECT COALESCE(SUM(pgsize), 0) FROM dbstat"
            " WHERE name IN ('page_pairs', 'page_tops', 'sqlite_autoindex_page_tops_1')"
        ).fetchone()[0]
    finally:
        conn.close()
    return int(used), int(pairs)


_INGEST_HEADERS = ("articles", "format", "store ms", "record ms", "DB MB", "KB/art", "pairs MB")
#: format 3 wrote `page_pairs` and `page_tops` beside the pages; format 4 does not.
_MODES = (("4", False), ("3", True))


def _ingest_row(n: int, label: str, total_s: float | None, record_s: float, db: Path) -> list[str]:
    used, pairs = _sizes(db)
    return [
        f"{n:,}",
        label,
        "—" if total_s is None else f"{total_s * 1000 / n:.2f}",
        f"{record_s * 1000 / n:.2f}",
        f"{used / 1e6:.1f}",
        f"{used / 1e3 / n:.2f}",
        f"{pairs / 1e6:.2f}",
    ]


def _time_ingest(sizes: list[int]) -> None:
    """Store each size twice, format 4 and format 3's way, into new libraries."""
    with tempfile.TemporaryDirectory(prefix="dateline-pages-") as tmp:
        _store(Path(tmp) / "library.sqlite", 100)  # warm: imports, compiled patterns
    rows = []
    for n in sizes:
        for label, format3 in _MODES:
            with tempfile.TemporaryDirectory(prefix="dateline-pages-") as tmp:
                db = Path(tmp) / "library.sqlite"
                stored, total_s, record_s = _store(db, n, format3)
                rows.append(_ingest_row(stored, label, total_s, record_s, db))
    print_table(
        "Storing an article, CPU ms per article (store: article row, registry, record; record"
        " alone), the database's size and format 3's page_pairs + page_tops in it",
        _INGEST_HEADERS,
        rows,
    )


def _time_refill(library: Path) -> None:
    """Fill the page tables of a copy of `library`'s database anew, format 4 and 3's way."""
    rows = []
    for label, format3 in _MODES:
        with tempfile.TemporaryDirectory(prefix="dateline-pages-") as tmp:
            db = Path(tmp) / "library.sqlite"
            for name in ("library.sqlite", "library.sqlite-wal"):
                if (library / name).exists():
                    shutil.copy2(library / name, Path(tmp) / name)
            conn = connect(db)
            old = conn.execute("PRAGMA user_version").fetchone()[0]
            wall = time.perf_counter()
            ensure_schema(conn)  # this format: a format-3 library drops its pairs here
            wall = time.perf_counter() - wall
            if not format3 and old < FORMAT_VERSION:
                freed = conn.execute(
                    "SELECT freelist_count * page_size FROM pragma_freelist_count, pragma_page_size"
                ).fetchone()[0]
                print(
                    f"{library.name}: format {old} -> {FORMAT_VERSION} at open in"
                    f" {wall * 1000:.0f} ms; {freed / 1e6:.1f} MB left free for the next articles"
                )
            conn.execute("DELETE FROM page_meta")  # outdated: `ensure` fills the pages again
            t = time.process_time()
            n = pages.ensure(conn)
            if format3:  # what `record` wrote beside, in the same order
                conn.executescript(_FORMAT_3_TABLES)
                with transaction(conn):
                    for (aid,) in conn.execute("SELECT id FROM articles ORDER BY rowid").fetchall():
                        _format3_cooccurrence(conn, aid)
            took = time.process_time() - t
            conn.close()
            # The rewritten page rows leave free pages behind: compact before measuring.
            vacuum = connect(db)
            vacuum.execute("VACUUM")
            vacuum.close()
            rows.append(_ingest_row(n, label, None, took, db))
    print_table(
        f"Filling the page tables of {library.name} anew (pages.ensure), CPU ms per article;"
        " the database's size after VACUUM and format 3's page_pairs + page_tops in it",
        _INGEST_HEADERS,
        rows,
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--library", type=Path, help="time an existing library (copied first)")
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument(
        "--index", action="store_true", help="with --library: also time the index's counts"
    )
    parser.add_argument(
        "--ingest",
        nargs="?",
        const="1000,10000",
        help="sizes (default 1000,10000): what the pages add to storing an article, format 4"
        " against format 3; with --library, to filling that library's pages",
    )
    args = parser.parse_args(argv)
    if args.ingest is not None:
        if args.library:
            _time_refill(args.library)
        else:
            _time_ingest([int(x) for x in args.ingest.split(",")])
        return
    tmp = None
    if args.library and args.index:
        _time_seen_with(args.library, args.repeat)
        return
    if args.library:
        tmp = Path(tempfile.mkdtemp(prefix="dateline-pages-"))
        for name in ("library.sqlite", "library.sqlite-wal"):
            if (args.library / name).exists():
                shutil.copy2(args.library / name, tmp / name)
        conn = connect(tmp / "library.sqlite")
        t = time.perf_counter()
        filled = pages.ensure(conn)
        fill_ms = (time.perf_counter() - t) * 1000
        print(f"pages.ensure filled {filled} articles in {fill_ms / 1000:.1f} s"
              f" ({fill_ms / max(filled, 1):.2f} ms per article: record's cost, mentions read back)")  # fmt: skip
    else:
        root, record_ms, stored = build(args.articles)
        if stored:
            print(f"built {stored} articles; pages.record {record_ms / stored:.2f} ms per article")
        conn = connect(root / "library.sqlite")
    try:
        _time(conn, args.repeat)
    finally:
        conn.close()
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


def _time(conn: sqlite3.Connection, repeat: int) -> None:
    registry = Registry(conn)
    summaries = _summaries(conn, registry)
    total = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    counts = registry.counts()
    if not counts:
        print("no entities: nothing to time")
        return
    picks = {
        "entity page, most articles": counts[0],
        "entity page, median entity": counts[len(counts) // 2],
        "entity page, rarest": counts[-1],
    }
    rows = []
    for label, ec in picks.items():

        def open_page(ec=ec):  # type: ignore[no-untyped-def]
            return entity_page(conn, find_entity(conn, registry, ec.name, ec.type), summaries)

        open_page()  # warm the page cache once, as a second visit would be
        rows.append(summary_row(f"{label} ({ec.count} articles)", timed(open_page, repeat)))
    stories = conn.execute(
        "SELECT story, COUNT(*) AS n FROM articles GROUP BY story HAVING n > 1"
        " ORDER BY n DESC, story LIMIT 20"
    ).fetchall()
    if stories:
        biggest = stories[0]
        story_page(conn, biggest[0], summaries)
        rows.append(
            summary_row(
                f"story page, biggest ({biggest[1]} versions)",
                timed(lambda: story_page(conn, biggest[0], summaries), repeat),
            )
        )
        cycle = iter([s for s, _ in stories] * repeat)
        rows.append(
            summary_row(
                f"story page, {len(stories)} stories in turn",
                timed(lambda: story_page(conn, next(cycle), summaries), repeat),
            )
        )
    print_table(f"Page open times, {total} articles (ms)", LATENCY_HEADERS, rows)


def _cpu_timed(fn, repeat: int) -> list[float]:  # type: ignore[no-untyped-def]
    """CPU ms per call: what a loaded shared machine distorts least."""
    samples = []
    for _ in range(repeat):
        t = time.process_time()
        fn()
        samples.append((time.process_time() - t) * 1000)
    return samples


def _time_seen_with(library: Path, repeat: int) -> None:
    """The entity page through `Library` (search index included), and "seen with" alone."""
    with tempfile.TemporaryDirectory(prefix="dateline-pages-") as tmp:
        root = Path(tmp) / "lib"
        shutil.copytree(library, root)
        with Library.open(root) as lib:
            conn = lib._conn
            sizes = conn.execute(
                "SELECT a.entity_id, SUM(d.n) AS s FROM page_days d JOIN entity_aliases a"
                " ON a.id = d.form GROUP BY a.entity_id ORDER BY s DESC"
            ).fetchall()
            picks = [sizes[i] for i in (0, 5, 50, len(sizes) // 10, len(sizes) // 2)]
            rows = []
            for eid, n in picks:
                name, type_ = conn.execute(
                    "SELECT name, type FROM entities WHERE id = ?", (eid,)
                ).fetchone()
                forms = overlap.forms_of(conn, eid)
                lib.entity_page(name, type_)  # warm, as the sidebar's facets keep the index
                page = timed(lambda: lib.entity_page(name, type_), repeat)  # noqa: B023
                cpu = _cpu_timed(lambda: lib.entity_page(name, type_), repeat)  # noqa: B023
                index = timed(lambda: cooccur.together(conn, eid, forms, lib._search), repeat)  # noqa: B023
                tables = timed(lambda: cooccur.together(conn, eid, forms), max(repeat // 4, 3))  # noqa: B023
                rows.append([f"{n:,}", *(f"{pct(p, q):.1f}" for p, q in ((page, 50), (page, 95), (cpu, 50), (index, 50), (tables, 50)))])  # fmt: skip
            total = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    print_table(
        f"Entity page and its exact 'seen with' counts, {total:,} articles (ms)",
        (
            "entity's articles",
            "page p50",
            "page p95",
            "page CPU p50",
            "seen with: index p50",
            "page tables p50",
        ),
        rows,
    )


if __name__ == "__main__":
    main()
