"""What the live library costs: `ChangeWatch.poll` at growing library sizes.

The reader polls every 2 s. A poll with no change reads `PRAGMA data_version` only; after
another connection commits it reads MAX(rowid), COUNT(*) and the unindexed count, and lists
the new ids. Rows are inserted straight into SQLite (no NER): only the watch is measured.

    python -m bench.live [--sizes 1000,10000,100000] [--repeat 200]
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
from pathlib import Path

from bench.common import LATENCY_HEADERS, pct, print_table, summary_row, timed
from index import Library


def _fill(db: Path, start: int, count: int) -> None:
    conn = sqlite3.connect(db)
    with conn:
        conn.executemany(
            "INSERT INTO articles (id, title, body, content_hash, story, added, updated, indexed)"
            " VALUES (?, ?, ?, ?, ?, '2026-11-01T00:00:00+00:00', '2026-11-01T00:00:00+00:00', 1)",
            (
                (f"h{i:012d}", f"Title {i}", "Body text.", f"c{i}", f"s{i}")
                for i in range(start, start + count)
            ),
        )
    conn.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.live")
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    rows, idle = [], {}
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            Library.open(Path(tmp) / "lib").close()
            db = Path(tmp) / "lib" / "library.sqlite"
            _fill(db, 0, size)
            with Library.open(Path(tmp) / "lib") as library:
                watch = library.watch_changes()
                quiet = timed(watch.poll, args.repeat)
                changed = []
                for i in range(min(args.repeat, 50)):
                    _fill(db, size + i, 1)  # another connection adds one article
                    changed += timed(watch.poll, 1)
                watch.close()
            rows.append(summary_row(f"{size:>7,} articles, nothing changed", quiet))
            rows.append(summary_row(f"{size:>7,} articles, 1 added elsewhere", changed))
            idle[size] = pct(quiet, 50)
    print_table(
        "ChangeWatch.poll (ms; noisy shared machine: read the medians)", LATENCY_HEADERS, rows
    )
    base = idle[sizes[0]]
    print_table(
        "Growth of an idle poll with library size (p50 ratio to the smallest)",
        ("articles", "ratio"),
        [(f"{size:,}", f"{idle[size] / base:.2f}" if base else "-") for size in sizes],
    )


if __name__ == "__main__":
    main()
