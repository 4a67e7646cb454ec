"""Cold start: how long until a user sees something. `python -m bench.startup`.

Each number is a fresh interpreter (what a user pays), repeated to get percentiles.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

from .common import LATENCY_HEADERS, print_table, summary_row

CASES = {
    "python -c pass (baseline)": "pass",
    "import index": "import index",
    "import index + open empty library": (
        "import tempfile, index; index.Library.open(tempfile.mkdtemp()).close()"
    ),
    "import reader.cli (dateline --help path)": "import reader.cli",
    "import reader.app (TUI code, no spaCy)": "import reader.app",
    "import reader.screens.main (the main screen, loaded as the app mounts)": (
        "import reader.cli, reader.screens.main"
    ),
}


def run(code: str) -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
    return (time.perf_counter() - t) * 1000


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args(argv)
    rows = []
    for name, code in CASES.items():
        run(code)  # first run warms the OS file cache
        rows.append(summary_row(name, [run(code) for _ in range(args.repeat)]))
    heavy = "import sys, index, reader.app, reader.screens.main; print(','.join(m for m in ('spacy', 'trafilatura', 'feedparser') if m in sys.modules))"
    loaded = subprocess.run(
        [sys.executable, "-c", heavy], capture_output=True, text=True
    ).stdout.strip()
    print_table("Cold start (fresh interpreter each run)", LATENCY_HEADERS, rows)
    print(f"heavy modules imported at TUI start: {loaded or 'none'}")


if __name__ == "__main__":
    main()
