"""`dateline check` and `dateline repair`: what is wrong with a library, and saving what is left.

`check` looks at the three things that can go wrong on disk: the SQLite file (structure with
`PRAGMA integrity_check`, then every row read back, because flipped bytes inside a text value
pass the structural check and only fail when the text is decoded), the search index (readable,
and holding as many articles as SQLite), and the locks (who holds the writer lock, and whether
anything still holds Whoosh's own lock, such as a sub-writer orphaned by a crash).

`repair` (in `index.repair`) salvages what can be read into a new database and rebuilds the
index. What a library searches with when its index can be neither read nor rebuilt is in
`index.unavailable`.
"""

from __future__ import annotations

import contextlib
import errno
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .model import Progress
from .store import REPAIR_HINT

__all__ = [
    "CheckReport",
    "Finding",
    "check",
    "describe_error",
]

DB_NAME = "library.sqlite"
INDEX_DIR = "whoosh"

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


def _typed(columns: list[str]) -> str:
    """Each column with its storage class: TEXT must decode, a BLOB is bytes by design."""
    return ", ".join(f'typeof("{c}"), "{c}"' for c in columns)


def _values(row: tuple[Any, ...]) -> tuple[list[Any], bool]:
    """Column values from a `_typed` row read with `text_factory=bytes`; TEXT is decoded,
    undecodable bytes replaced (and reported by the flag)."""
    values = []
    repaired = False
    for kind, value in zip(row[0::2], row[1::2], strict=True):
        if kind in (b"text", "text") and isinstance(value, bytes):
            try:
                value = value.decode("utf-8")
            except UnicodeDecodeError:
                from .textclean import sanitize

                value = sanitize(value.decode("utf-8", "replace"))
                repaired = True
        values.append(value)
    return values, repaired


def _scan(conn: sqlite3.Connection, table: str) -> tuple[int, int]:
    """(readable rows, unreadable rows or 1 for "the rest") of a table, decoding all text."""
    good = bad = 0
    columns = _columns(conn, table)
    if not columns:
        return 0, 1
    conn.text_factory = bytes
    try:
        cursor = conn.execute(f'SELECT {_typed(columns)} FROM "{table}"')
        for row in cursor:
            if _values(row)[1]:
                bad += 1
            else:
                good += 1
    except sqlite3.DatabaseError:
        bad += 1
    finally:
        conn.text_factory = str
    return good, bad


def _check_index(root: Path, articles: int | None, findings: list[Finding]) -> None:
    from .searchindex import IndexOtherVersion, IndexUnreadable, SearchIndex

    folder = root / INDEX_DIR
    if not folder.exists() or not any(folder.iterdir()):
        findings.append(
            Finding("index", False, "missing (it is rebuilt the next time the library is opened)")
        )
        return
    try:
        ix = _open_index_read_only(folder, SearchIndex)
    except IndexOtherVersion as exc:  # after an upgrade: nothing is wrong with the library
        findings.append(Finding("index", True, f"{exc}; rebuilt at the next open"))
        return
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
    from .consolidate import running

    # a background merge holds the lock too, and ends as soon as a writer wants it
    strangers = [pid for pid in holders if pid not in (mine, running(root / INDEX_DIR))]
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


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    try:
        return [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
    except sqlite3.DatabaseError:
        return []
