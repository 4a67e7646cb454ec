"""Search latency on a synthetic library: `python -m bench.search [--articles N]`.

Builds (once, cached under bench/out/) a library of N synthetic wire articles through the real
`Library.add` pipeline, then times each kind of query from a fresh searcher and a warm one.

`python -m bench.search --scale 1000,10000,100000` instead times `bench.scale`'s query mix by
kind (words, phrases, entities, dates, flags, OR/NOT) on the libraries `bench.scale` cached
(never builds one; `$DATELINE_BENCH_KEY` picks a compatible one), reading them only: p50/p95
in wall and in CPU time of the calling thread, each the median over `--rounds` rounds.
"""

from __future__ import annotations

import argparse
import json
import shutil
import time
from pathlib import Path

from index import Library

from .common import (
    LATENCY_HEADERS,
    print_table,
    summary_row,
    synthetic_articles,
    timed,
    write_jsonl,
)

OUT = Path(__file__).parent / "out"

QUERIES = {
    "one word": "pipeline",
    "two words": "border convoy",
    "phrase": '"review the"',
    "person:": "person:haddad",
    "place:": "place:mosul",
    "person: + place: + word": "person:haddad place:mosul pumps",
    "OR / NOT": "(ferry OR grain) -tariff",
    "date range": "since:2026-02-01 until:2026-03-01",
    "is:unread": "is:unread water",
    "misspelled (did you mean)": "pipelnie",
}


def build(n: int, fresh: bool) -> tuple[Path, float]:
    root = OUT / f"lib-{n}"
    if fresh:
        shutil.rmtree(root, ignore_errors=True)
    if (root / "library.sqlite").exists():
        return root, 0.0
    OUT.mkdir(parents=True, exist_ok=True)
    src = write_jsonl(synthetic_articles(n), OUT / f"articles-{n}.jsonl")
    t = time.perf_counter()
    with Library.open(root) as lib:
        lib.add([str(src)])
    return root, time.perf_counter() - t


def by_kind(sizes: list[int], repeat: int, rounds: int) -> None:
    """`bench.scale`'s query mix by kind on its cached libraries: wall and CPU p50/p95."""
    import statistics

    from .common import pct
    from .newsyear import NewsYear
    from .scalebuild import cache_root, format_key
    from .scalemeasure import PAGE, latencies, query_mix

    key = format_key()
    rows = []
    for n in sizes:
        root = cache_root() / f"lib-{n}-{key}"
        if not (root / "bench-meta.json").exists():
            raise SystemExit(f"{root} is not built: run `python -m bench.scale` first")
        corpus = NewsYear(json.loads((root / "bench-meta.json").read_text()).get("corpus", n))
        mix = query_mix(corpus)
        per: dict[str, list[tuple[float, float, float, float]]] = {}
        with Library.open(root) as lib:
            for _ in range(rounds):
                for kind, queries in mix.items():
                    wall: list[float] = []
                    cpu: list[float] = []
                    for q in queries:
                        wall += latencies(lambda q=q: lib.search(q, limit=PAGE), repeat, cpu)
                    per.setdefault(kind, []).append(
                        (pct(wall, 50), pct(wall, 95), pct(cpu, 50), pct(cpu, 95))
                    )
        for kind, got in per.items():
            med = [statistics.median(g[i] for g in got) for i in range(4)]
            rows.append([f"{n:,}", kind, *(f"{v:.1f}" for v in med)])
    headers = ("articles", "kind", "p50 wall ms", "p95 wall ms", "p50 CPU ms", "p95 CPU ms")
    print_table(
        f"Search by kind (first page of {PAGE}, facets + highlights, warm; medians of "
        f"{rounds} rounds x {repeat} runs a query; shared machine)",
        headers,
        rows,
    )
    print("| " + " | ".join(headers) + " |\n|" + "---|" * len(headers))  # for the README
    for row in rows:
        print("| " + " | ".join(row) + " |")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--fresh", action="store_true", help="rebuild the cached library")
    parser.add_argument("--scale", help="sizes of bench.scale's cached libraries, by kind")
    parser.add_argument("--rounds", type=int, default=3, help="with --scale")
    args = parser.parse_args(argv)
    if args.scale:
        by_kind([int(x) for x in args.scale.split(",")], args.repeat, args.rounds)
        return
    root, took = build(args.articles, args.fresh)
    if took:
        print_table(
            f"Ingest of {args.articles} synthetic articles (NER + registry + stories + index)",
            ("what", "seconds", "articles/s"),
            [["Library.add", f"{took:.1f}", f"{args.articles / took:.1f}"]],
        )
    with Library.open(root) as lib:
        rows = []
        for name, q in QUERIES.items():
            lib.search(q)  # warm the searcher and caches
            rows.append(
                summary_row(f"{name}  [{q}]", timed(lambda q=q: lib.search(q), args.repeat))
            )
        rows.append(summary_row("same, no facets: place:", timed(
            lambda: lib.search("place:mosul", facets=False), args.repeat)))  # fmt: skip
        rows.append(summary_row("everything, date order", timed(
            lambda: lib.search("", sort="date"), args.repeat)))  # fmt: skip
        some = lib.articles()[0].id
        rows.append(summary_row("more like this", timed(
            lambda: lib.more_like_this(some), args.repeat)))  # fmt: skip
        rows.append(summary_row("entities (whole library)", timed(
            lambda: lib.entities(limit=50), args.repeat)))  # fmt: skip
        total = lib.search("").total
        print_table(f"Search latency, {total} articles, warm searcher", LATENCY_HEADERS, rows)


if __name__ == "__main__":
    main()
