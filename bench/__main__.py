"""`python -m bench` (or `make bench`): every benchmark, one table after another."""

from __future__ import annotations

import importlib
import sys

BENCHES = ["bench.entities", "bench.search", "bench.startup", "bench.tui", "bench.live"]
BENCHES += ["bench.quotes", "bench.pages", "bench.scale"]
#: Arguments per bench. `bench.scale` runs at 1k only here: its 100k library takes hours to
#: build the first time; `make bench-scale` runs the full 1k / 10k / 100k comparison.
ARGS = {"bench.scale": ["--sizes", "1000", "--ner-articles", "0", "--ner-add", "0"]}


def main() -> None:
    for name in BENCHES:
        print(f"\n=== {name}", flush=True)
        try:
            importlib.import_module(name).main(ARGS.get(name, []))
        except Exception as exc:  # one broken bench must not hide the others' numbers
            print(f"{name} failed: {exc!r}", file=sys.stderr)


if __name__ == "__main__":
    main()
