"""Bring a cached bench library of an older format to this checkout's, by migrating a copy.

`python -m bench.scalemigrate lib-100000-ab90e937c0` copies that library (never writing into
it) to `lib-100000-<this format's key>` in the same cache (or `--to CACHE`), opens it with
`Library.open` — which migrates it, as a user's library would be on the first open after an
upgrade — and prints the migration's wall and CPU time and the size before and after. The
copy's `bench-meta.json` keeps the original build figures and says it was migrated, so
`bench.scale` can measure it without a rebuild (40+ minutes of both cores at 100,000).
"""

from __future__ import annotations

import argparse
import json
import shutil
import time
from pathlib import Path

from .scalebuild import cache_root, disk_bytes, format_key


def migrate(source: Path, target_cache: Path) -> dict[str, float | str]:
    from index import Library
    from index.store import connect

    meta = json.loads((source / "bench-meta.json").read_text())
    n = int(meta["articles"])
    target = target_cache / f"lib-{n}-{format_key()}"
    if target.exists():
        raise SystemExit(f"{target} exists already; remove it to migrate again")
    partial = target.with_name(target.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    shutil.copytree(source, partial, ignore=shutil.ignore_patterns("writer.lock"))
    conn = connect(partial / "library.sqlite")
    old_format = int(conn.execute("PRAGMA user_version").fetchone()[0])
    conn.close()
    before = disk_bytes(partial)
    wall, cpu = time.perf_counter(), time.process_time()
    Library.open(partial).close()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    after = disk_bytes(partial)
    meta["migrated"] = {
        "from": source.name,
        "from_format": old_format,
        "wall_s": round(wall, 1),
        "cpu_s": round(cpu, 1),
        "bytes_before": before,
        "bytes_after": after,
    }
    (partial / "bench-meta.json").write_text(json.dumps(meta, indent=1))
    (partial / "writer.lock").unlink(missing_ok=True)
    partial.rename(target)
    return {"target": str(target), **meta["migrated"]}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("library", help="a cached library's folder name or path")
    parser.add_argument("--cache", type=Path, default=None, help=f"default {cache_root()}")
    parser.add_argument("--to", type=Path, default=None, help="cache to put the copy in")
    args = parser.parse_args(argv)
    base = args.cache or cache_root()
    source = Path(args.library) if Path(args.library).is_dir() else base / args.library
    got = migrate(source, args.to or base)
    print(
        f"{got['target']}: format {got['from_format']} migrated in {got['wall_s']} s wall, "
        f"{got['cpu_s']} s CPU; {int(got['bytes_before']) / 1e6:,.0f} MB → "
        f"{int(got['bytes_after']) / 1e6:,.0f} MB"
    )


if __name__ == "__main__":
    main()
