"""`dateline check` and `dateline repair`: what is wrong with a library, and saving what is left.

`check` looks at the three things that can go wrong on disk: the SQLite file (structure with
`PRAGMA integrity_check`, then every row read back, because flipped bytes inside a text value
pass the structural check and only fail when the text is decoded), the search index (readable,
and holding as many articles as SQLite), and the locks (who holds the writer lock, and whether
anything still holds Whoosh's own lock, such as a sub-writer orphaned by a crash).

`repair` salvages: every row that can still be read is copied, row by row, into a new database
file (like the sqlite3 shell's `.recover`, but through SQL, skipping what cannot be read); rows
whose text no longer decodes keep their readable parts (undecodable bytes become U+FFFD).
Articles that only the search index still holds (a truncated database) are recovered from it,
with their title and text. The damaged file is kept beside the new one, never deleted, and the
search index is rebuilt from the repaired database.

Also here: `UnavailableIndex`, what a library searches with when its index can be neither read
nor rebuilt (a full disk, a read-only folder): reading still works, searching says why not.
"""

from __future__ import annotations

import contextlib
import errno
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .model import Progress
from .store import REPAIR_HINT

__all__ = [
    "CheckReport",
    "Finding",
    "RepairReport",
    "UnavailableIndex",
    "check",
    "describe_error",
    "repair",
]

DB_NAME = "library.sqlite"
INDEX_DIR = "whoosh"
#: Rows fetched per step while salvaging; a step that fails is retried row by row.
SALVAGE_STEP = 256
#: How far ahead `repair` looks for readable rows after an unreadable stretch of rowids.
MAX_SKIP = 1 << 40

ProgressCallback = Callable[[Progress], None]


# -- messages for errors that reach the user ----------------------------------------------------

_DAMAGE_WORDS = (
    "malformed",
    "not a database",
    "could not decode",
    "disk i/o error",
    "file is encrypted",
    "database corrupt",
)


def describe_error(exc: BaseException) -> str | None:
    """A message for a storage error a command ran into, or None if `exc` is not one.

    Damage points to `dateline check`/`repair`; a read-only library and a full disk say so.
    The SQLite message is not repeated whole: for undecodable text it quotes the raw bytes.
    """
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return "the disk is full: nothing more can be stored until some space is freed."
    if isinstance(exc, OSError) and exc.errno == errno.EROFS:
        return "the library is on a read-only file system: it can be read, not changed."
    if not isinstance(exc, sqlite3.Error):
        return None
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text:
        return "the library is read-only: it can be read, not changed."
    if "full" in text:
        return "the disk is full: nothing more can be stored until some space is freed."
    if any(word in text for word in _DAMAGE_WORDS):
        what = "unreadable text" if "decode" in text else _short(str(exc))
        return f"the library's database is damaged ({what}). {REPAIR_HINT}"
    if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError):
        return f"the library's database is damaged ({_short(str(exc))}). {REPAIR_HINT}"
    return None


def _short(text: str) -> str:
    text = "".join(c if c.isprintable() else "?" for c in text)
    return text if len(text) <= 80 else text[:79] + "…"


# -- an index that cannot be used --------------------------------------------------------------


class IndexUnavailable(Exception):
    """Raised by `UnavailableIndex` for writes; the message says why and what to do."""


class UnavailableIndex:
    """Stands in for `SearchIndex` when the index can be neither read nor rebuilt.

    Listing and reading articles go to SQLite and keep working; a search answers with the
    reason (through `QueryError`, which `Library.search` turns into a result's `error`), so a
    library never looks empty because its index is gone.
    """

    def __init__(self, reason: str) -> None:
        self.reason = reason

    def search(self, *args: Any, **kwargs: Any) -> Any:
        from .query import QueryError

        raise QueryError(self.reason)

    def doc_count(self) -> int:
        return 0

    def add(self, *args: Any, **kwargs: Any) -> int:
        raise IndexUnavailable(self.reason)

    rebuild = add
    delete = add

    def more_like_this(self, *args: Any, **kwargs: Any) -> list[tuple[str, float]]:
        return []

    def highlight_spans(self, *args: Any, **kwargs: Any) -> list[tuple[int, int]]:
        return []

    def close(self) -> None:
        pass


def free_bytes(path: Path) -> int | None:
    try:
        return shutil.disk_usage(path).free
    except OSError:
        return None


def rebuild_space_needed(root: Path) -> int:
    """A rough lower bound of the disk space a rebuild of the index needs: the index is about
    the size of the text it holds, and a rebuild writes the new one before dropping the old."""
    try:
        size = (root / DB_NAME).stat().st_size
    except OSError:
        size = 0
    return size + 2**20


# -- check ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """One line of a check: `part` ("database", "index", "locks"), ok or not, and what was seen."""

    part: str
    ok: bool
    message: str

    def to_json(self) -> dict[str, Any]:
        return {"part": self.part, "ok": self.ok, "message": self.message}


@dataclass(frozen=True)
class CheckReport:
    path: str
    findings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        return all(f.ok for f in self.findings)

    def to_json(self) -> dict[str, Any]:
        return {
            "library": self.path,
            "ok": self.ok,
            "findings": [f.to_json() for f in self.findings],
        }


def _open_ro(db: Path) -> sqlite3.Connection:
    from urllib.parse import quote

    uri = "file:" + quote(str(db.resolve()))
    try:
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None)
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None)
        return conn


def check(path: str | Path, *, progress: ProgressCallback | None = None) -> CheckReport:
    """Look at a library without changing anything (not even the index)."""
    root = Path(path).expanduser()
    findings: list[Finding] = []
    db = root / DB_NAME
    if not db.exists():
        findings.append(Finding("database", False, f"no database at {db}"))
        return CheckReport(str(root), tuple(findings))
    if progress:
        progress(Progress("check", 0, 3, "database"))
    articles = _check_database(db, findings)
    if progress:
        progress(Progress("check", 1, 3, "search index"))
    _check_index(root, articles, findings)
    if progress:
        progress(Progress("check", 2, 3, "locks"))
    _check_locks(root, findings)
    if progress:
        progress(Progress("check", 3, 3))
    return CheckReport(str(root), tuple(findings))


def _check_database(db: Path, findings: list[Finding]) -> int | None:
    """Structure, then every row of every table read back; returns the article count."""
    size = db.stat().st_size
    if size == 0:
        findings.append(Finding("database", False, "the database file is empty (0 bytes)"))
        return None
    try:
        conn = _open_ro(db)
    except sqlite3.Error as exc:
        findings.append(Finding("database", False, f"cannot be opened: {_short(str(exc))}"))
        return None
    try:
        try:
            rows = conn.execute("PRAGMA integrity_check(20)").fetchall()
            problems = [str(r[0]) for r in rows if r[0] != "ok"]
        except sqlite3.DatabaseError as exc:
            problems = [str(exc)]
        if problems:
            shown = "; ".join(_short(p) for p in problems[:3])
            more = f" (+{len(problems) - 3} more)" if len(problems) > 3 else ""
            findings.append(Finding("database", False, f"structure damaged: {shown}{more}"))
        else:
            findings.append(Finding("database", True, "structure intact (integrity_check ok)"))
        unreadable: dict[str, int] = {}
        count = None
        for table in _tables(conn):
            good, bad = _scan(conn, table)
            if bad:
                unreadable[table] = bad
            if table == "articles":
                count = good + bad
        if unreadable:
            listed = ", ".join(f"{t}: {n}" for t, n in unreadable.items())
            findings.append(Finding("database", False, f"rows that cannot be read: {listed}"))
        elif not problems:
            findings.append(
                Finding("database", True, f"every row readable ({count or 0} articles)")
            )
        return count
    finally:
        conn.close()


def _tables(conn: sqlite3.Connection) -> list[str]:
    try:
        return [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
    except sqlite3.DatabaseError:
        return []


def _scan(conn: sqlite3.Connection, table: str) -> tuple[int, int]:
    """(readable rows, unreadable rows or 1 for "the rest") of a table, decoding all text."""
    good = bad = 0
    conn.text_factory = bytes
    try:
        cursor = conn.execute(f'SELECT * FROM "{table}"')
        for row in cursor:
            try:
                for value in row:
                    if isinstance(value, bytes):
                        value.decode("utf-8")
                good += 1
            except UnicodeDecodeError:
                bad += 1
    except sqlite3.DatabaseError:
        bad += 1
    finally:
        conn.text_factory = str
    return good, bad


def _check_index(root: Path, articles: int | None, findings: list[Finding]) -> None:
    from .searchindex import IndexUnreadable, SearchIndex

    folder = root / INDEX_DIR
    if not folder.exists() or not any(folder.iterdir()):
        findings.append(
            Finding("index", False, "missing (it is rebuilt the next time the library is opened)")
        )
        return
    try:
        ix = _open_index_read_only(folder, SearchIndex)
    except IndexUnreadable as exc:
        findings.append(
            Finding("index", False, f"unreadable, rebuilt at the next open ({_short(str(exc))})")
        )
        return
    try:
        docs = ix.doc_count()
        ix.search("", limit=1, facets=True)
    except Exception as exc:  # Whoosh raises many kinds on damaged segments
        findings.append(
            Finding("index", False, f"damaged segments, rebuilt at the next open ({exc})")
        )
        return
    finally:
        with contextlib.suppress(Exception):
            ix.close()
    if articles is not None and docs != articles:
        findings.append(
            Finding(
                "index",
                False,
                f"holds {docs} articles, the database {articles} "
                "(it catches up at the next open; `dateline reindex` rebuilds it)",
            )
        )
    else:
        findings.append(Finding("index", True, f"readable ({docs} articles)"))


def _open_index_read_only(folder: Path, cls: Any) -> Any:
    """`SearchIndex.open` never creates here: a missing index is handled by the caller."""
    return cls.open(folder)


def _check_locks(root: Path, findings: list[Finding]) -> None:
    from .lock import holder

    who = holder(root)
    if who is None:
        findings.append(Finding("locks", True, "no writer lock recorded"))
    elif who.alive:
        findings.append(
            Finding("locks", True, f"a Dateline process is writing now ({who.describe()})")
        )
    else:
        findings.append(
            Finding(
                "locks", True, f"free (last held by {who.describe()}; a dead holder never blocks)"
            )
        )
    lock = root / INDEX_DIR / "WRITELOCK"
    holders = _flock_holders(lock)
    mine = who.pid if who is not None and who.alive else None
    strangers = [pid for pid in holders if pid != mine]
    if strangers and mine is None:
        described = ", ".join(_describe_pid(pid) for pid in strangers)
        findings.append(
            Finding(
                "locks",
                False,
                f"the search index lock is held by {described} while no Dateline writer "
                "is running: stop that process (e.g. `kill PID`) so writers can proceed",
            )
        )
    else:
        findings.append(Finding("locks", True, "search index lock: not held by a stray process"))


def _flock_holders(path: Path) -> list[int]:
    """PIDs holding a flock on `path`, from /proc/locks (Linux); empty elsewhere."""
    try:
        inode = path.stat().st_ino
        lines = Path("/proc/locks").read_text().splitlines()
    except OSError:
        return []
    pids = []
    for line in lines:
        parts = line.split()
        # "1: FLOCK  ADVISORY  WRITE 1234 08:01:5678 0 EOF" (blocked waiters carry "->")
        if len(parts) >= 6 and parts[1] == "FLOCK" and "->" not in parts:
            with contextlib.suppress(ValueError):
                if int(parts[5].rsplit(":", 1)[-1]) == inode:
                    pids.append(int(parts[4]))
    return sorted(set(pids))


def _describe_pid(pid: int) -> str:
    try:
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        ppid = next(
            line.split()[1]
            for line in Path(f"/proc/{pid}/status").read_text().splitlines()
            if line.startswith("PPid:")
        )
    except (OSError, StopIteration):
        return f"pid {pid}"
    orphan = " — an orphan" if ppid == "1" else ""
    return f"pid {pid} ({_short(cmd.strip())}, parent {ppid}{orphan})"


# -- repair -----------------------------------------------------------------------------------


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


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    try:
        return [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
    except sqlite3.DatabaseError:
        return []


def _decode(value: Any) -> tuple[Any, bool]:
    if not isinstance(value, bytes):
        return value, False
    try:
        return value.decode("utf-8"), False
    except UnicodeDecodeError:
        from .textclean import sanitize

        return sanitize(value.decode("utf-8", "replace")), True


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
        for row, broken in _readable_rows(old, table, cols):
            if row is None:
                lost += broken
                continue
            values = []
            repaired = False
            for v in row:
                value, was_fixed = _decode(v)
                values.append(value)
                repaired |= was_fixed
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
