"""`dateline repair`: salvage what can be read of a damaged library into a new one.

Every row that can still be read is copied, row by row, into a new database file (like the
sqlite3 shell's `.recover`, but through SQL): a rowid table is walked in rowid ranges so a
damaged page costs the rows on it, not the rest of the table, and text whose bytes were damaged
keeps its readable part (undecodable bytes become U+FFFD). A file whose header was damaged is
read from a copy with the header put back. Articles that only the search index still holds (a
truncated database) are recovered from it, title and text. The damaged file is kept beside the
new one as `library.sqlite.damaged-<time>`, never deleted, and the index is rebuilt.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .health import DB_NAME, INDEX_DIR, _columns, _open_ro, _tables, _typed, _values
from .model import Progress

__all__ = ["RepairReport", "repair"]

#: Rows fetched per step while salvaging; a step that fails is retried row by row.
SALVAGE_STEP = 256
#: How far ahead `repair` looks for readable rows after an unreadable stretch of rowids.
MAX_SKIP = 1 << 40

ProgressCallback = Callable[[Progress], None]


@dataclass
class RepairReport:
    path: str
    backup: str | None = None
    copied: dict[str, int] = field(default_factory=dict)
    lost: dict[str, int] = field(default_factory=dict)
    repaired_text: int = 0
    from_index: int = 0
    indexed: int = 0
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "library": self.path,
            "backup": self.backup,
            "copied": self.copied,
            "lost": self.lost,
            "rows_with_repaired_text": self.repaired_text,
            "recovered_from_index": self.from_index,
            "indexed": self.indexed,
            "notes": self.notes,
        }


def repair(
    path: str | Path,
    *,
    progress: ProgressCallback | None = None,
    notify: Callable[[str], None] | None = None,
) -> RepairReport:
    """Salvage a library in place: readable rows into a new database, the old one kept as
    `library.sqlite.damaged-<time>`, articles only the index still has recovered from it, and
    the index rebuilt. Holds the writer lock throughout."""
    from .lock import WriterLock

    root = Path(path).expanduser()
    db = root / DB_NAME
    report = RepairReport(str(root))
    if not root.is_dir():
        raise FileNotFoundError(f"no Dateline library at {root}")
    with WriterLock(root, notify=notify, purpose="dateline repair"):
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        new = root / f"{DB_NAME}.repairing"
        _remove_db(new)
        saved = _read_index_documents(root / INDEX_DIR)
        if db.exists() and db.stat().st_size > 0:
            _salvage(db, new, report, progress)
        else:
            report.notes.append("the database was empty or missing: nothing to copy")
            _fresh(new)
        if db.exists():
            backup = root / f"{DB_NAME}.damaged-{stamp}"
            for suffix in ("", "-wal", "-shm"):
                old = Path(str(db) + suffix)
                if old.exists():
                    old.replace(Path(str(backup) + suffix))
            report.backup = str(backup)
        for suffix in ("-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                Path(str(new) + suffix).unlink()
        new.replace(db)
        shutil.rmtree(root / INDEX_DIR, ignore_errors=True)
        from .library import Library

        with Library.open(root) as lib:  # rebuilds the index from the repaired database
            if saved:
                report.from_index = _recover_from_index(lib, saved, progress)
            report.indexed = lib._search.doc_count()
    return report


def _remove_db(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            Path(str(path) + suffix).unlink()


def _fresh(path: Path) -> sqlite3.Connection:
    """A new database with every table a library has (the modules create their own)."""
    from .entities.registry import Registry
    from .store import connect, ensure_schema
    from .stories import StoryIndex

    conn = connect(path)
    ensure_schema(conn)
    Registry(conn)
    StoryIndex(conn)
    conn.close()
    return conn


def _salvage(db: Path, new: Path, report: RepairReport, progress: ProgressCallback | None) -> None:
    from .store import connect

    header = db.open("rb").read(16)
    if header != b"SQLite format 3\x00":
        # A damaged magic string makes SQLite refuse the whole file; the pages behind it are
        # often intact. Read a copy with the magic put back.
        patched = db.with_name(db.name + ".patched")
        shutil.copyfile(db, patched)
        with open(patched, "r+b") as f:
            f.write(b"SQLite format 3\x00")
        report.notes.append("the file's header was damaged; read with the header restored")
        try:
            _salvage(patched, new, report, progress)
        finally:
            _remove_db(patched)
        return
    old = _open_ro(db)
    _fresh(new)
    out = connect(new)
    try:
        _copy_schema(old, out)
        tables = _tables(old) or _tables(out)
        for n, table in enumerate(tables):
            if progress:
                progress(Progress("repair", n, len(tables), table))
            have = _columns(out, table)
            if not have:
                continue
            columns = [c for c in _columns(old, table) if c in have] or have
            copied, lost, fixed = _copy_table(old, out, table, columns)
            report.copied[table] = copied
            report.repaired_text += fixed
            if lost:
                report.lost[table] = lost
        if progress:
            progress(Progress("repair", len(tables), len(tables)))
        # The index is rebuilt from scratch: every article is to be indexed again.
        with contextlib.suppress(sqlite3.Error):
            out.execute("UPDATE articles SET indexed = 0")
    finally:
        old.close()
        out.close()


def _copy_schema(old: sqlite3.Connection, out: sqlite3.Connection) -> None:
    """Tables and indexes the old file has and the new one lacks (other modules' tables)."""
    try:
        rows = old.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL"
            " AND name NOT LIKE 'sqlite_%' ORDER BY type DESC"
        ).fetchall()
        version = old.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError:
        return
    existing = {r[0] for r in out.execute("SELECT name FROM sqlite_master")}
    for _, name, sql in rows:
        if name not in existing:
            with contextlib.suppress(sqlite3.Error):
                out.execute(sql)
    if version:
        out.execute(f"PRAGMA user_version = {int(version)}")


def _copy_table(
    old: sqlite3.Connection, out: sqlite3.Connection, table: str, columns: list[str]
) -> tuple[int, int, int]:
    """Copy what can be read; (rows copied, rows known lost, rows whose text was repaired)."""
    cols = ", ".join(f'"{c}"' for c in columns)
    insert = f'INSERT OR IGNORE INTO "{table}" ({cols}) VALUES ({", ".join("?" * len(columns))})'
    copied = fixed = lost = 0
    old.text_factory = bytes
    out.execute("BEGIN")
    try:
        for row, broken in _readable_rows(old, table, _typed(columns)):
            if row is None:
                lost += broken
                continue
            values, repaired = _values(row)
            try:
                out.execute(insert, values)
            except sqlite3.Error:
                lost += 1
                continue
            copied += 1
            fixed += repaired
        out.execute("COMMIT")
    except BaseException:
        out.execute("ROLLBACK")
        raise
    finally:
        old.text_factory = str
    return copied, lost, fixed


def _readable_rows(
    old: sqlite3.Connection, table: str, cols: str
) -> Iterator[tuple[tuple[Any, ...] | None, int]]:
    """Rows of `table` in rowid order, stepping over what cannot be read.

    Yields `(row, 0)` for each readable row and `(None, n)` for a stretch known to be lost (n
    rows, or 1 for "some"). A rowid table is walked by rowid ranges so that a damaged page
    costs the rows on it, not the rest of the table; a WITHOUT ROWID table is read until the
    first unreadable row.
    """
    try:
        old.execute(f'SELECT rowid FROM "{table}" LIMIT 1').fetchall()
        has_rowid = True
    except sqlite3.OperationalError:
        has_rowid = False
    except sqlite3.DatabaseError:
        has_rowid = True
    if not has_rowid:
        try:
            for row in old.execute(f'SELECT {cols} FROM "{table}"'):
                yield row, 0
        except sqlite3.DatabaseError:
            yield None, 1
        return
    last = -(1 << 63)
    while True:
        try:
            rows = old.execute(
                f'SELECT rowid, {cols} FROM "{table}" WHERE rowid > ? ORDER BY rowid LIMIT ?',
                (last, SALVAGE_STEP),
            ).fetchall()
        except sqlite3.DatabaseError:
            rows = None
        if rows is not None:
            if not rows:
                return
            for row in rows:
                yield row[1:], 0
            last = rows[-1][0]
            continue
        # Something in the next step cannot be read: go one row at a time, then skip ahead.
        step = 1
        while True:
            try:
                row = old.execute(
                    f'SELECT rowid, {cols} FROM "{table}" WHERE rowid > ? ORDER BY rowid LIMIT 1',
                    (last,),
                ).fetchone()
            except sqlite3.DatabaseError:
                row = ()
            if row is None:
                return
            if row:
                yield row[1:], 0
                last = row[0]
                break
            try:  # is the row right after `last` itself readable?
                exact = old.execute(
                    f'SELECT rowid, {cols} FROM "{table}" WHERE rowid = ?', (last + 1,)
                ).fetchone()
            except sqlite3.DatabaseError:
                exact = None
                yield None, 1
            if exact:
                yield exact[1:], 0
            last += step
            step = min(step * 2, MAX_SKIP)
            if last > (1 << 62):
                return


def _read_index_documents(folder: Path) -> list[dict[str, str]]:
    """Stored fields (id, title, body) of every document the old index can still give."""
    from .searchindex import IndexUnreadable, SearchIndex

    if not folder.exists():
        return []
    try:
        ix = SearchIndex.open(folder)
    except (IndexUnreadable, OSError):
        return []
    docs: list[dict[str, str]] = []
    try:
        with ix._ix.searcher() as searcher:
            for stored in searcher.all_stored_fields():
                if stored.get("id") and (stored.get("body") or stored.get("title")):
                    docs.append(
                        {
                            "id": str(stored["id"]),
                            "title": str(stored.get("title") or ""),
                            "body": str(stored.get("body") or ""),
                        }
                    )
    except Exception:  # a damaged index gives what it gave before failing
        pass
    finally:
        with contextlib.suppress(Exception):
            ix.close()
    return docs


def _recover_from_index(
    lib: Any, docs: list[dict[str, str]], progress: ProgressCallback | None
) -> int:
    """Add back the articles only the old index held; returns how many were stored."""
    from .ingest import ingest
    from .model import RawArticle

    have = {r[0] for r in lib._conn.execute("SELECT id FROM articles")}
    missing = [d for d in docs if d["id"] not in have]
    if not missing:
        return 0
    raws = [
        RawArticle(
            title=d["title"] or d["body"][:80], body=d["body"] or d["title"], origin="repair"
        )
        for d in missing
    ]
    counts = ingest(lib._conn, lib._registry, lib._stories, lib._search, [raws], progress)
    return sum(c.added + c.updated for c in counts)
