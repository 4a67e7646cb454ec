"""`python -m bench` (or `make bench`): every benchmark, one table after another."""

from __future__ import annotations

import importlib
import sys

BENCHES = ["bench.entities", "bench.search", "bench.startup", "bench.tui", "bench.live"]
BENCHES += ["bench.quotes", "bench.pages"]


def main() -> None:
    for name in BENCHES:
        print(f"\n=== {name}", flush=True)
        try:
            importlib.import_module(name).main([])
        except Exception as exc:  # one broken bench must not hide the others' numbers
            print(f"{name} failed: {exc!r}", file=sys.stderr)


if __name__ == "__main__":
    main()
