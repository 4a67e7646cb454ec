"""A year of news: `python -m bench.scale [--articles N]` (`make bench-scale`, N = 100,000).

Builds (once, cached — see `bench.scalebuild`) libraries of 1k, 10k and N invented articles
through the real `Library.add` with spaCy NER replaced by a labelled stand-in that returns the
planted names, then prints every figure of issue 7's target list at each size, side by side,
with its growth from the smallest size and whether the target is met at the largest. A second
table runs real spaCy NER on 2k articles against NER alone on the same texts.

The 100k library takes a long time to build the first time (see the build table's articles/s);
later runs reuse it. Figures are medians/percentiles on a shared machine: read the trend.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import scalemeasure as m
from .common import console, pct, print_table
from .newsyear import NewsYear
from .scalebuild import PlantedNER, build, cache_root

MiB = 1024 * 1024

#: (label, target text, how a size's figures give the value, check at the largest size,
#: format). A check of None means "no target: context".
Row = tuple[str, str, Callable[[dict], float | None], Callable[[float], bool] | None, str]


def _p(key: str, p: float) -> Callable[[dict], float | None]:
    return lambda r: pct(r[key], p) if r.get(key) else None


def _v(key: str) -> Callable[[dict], float | None]:
    return lambda r: r.get(key)


ROWS: list[Row] = [
    ("build: Library.add, articles/s (500 per add)", "", _v("build_aps"), None, "{:.0f}"),
    ("distinct names in the corpus", "~20k at 100k", _v("names"), None, "{:.0f}"),
    ("search, query mix, p50 ms", "", _p("search", 50), None, "{:.0f}"),
    ("search, query mix, p95 ms", "≤ 50", _p("search", 95), lambda v: v <= 50, "{:.0f}"),
    ("  same, CPU ms (what load distorts least)", "≤ 50", _p("search_cpu", 95), lambda v: v <= 50,
     "{:.0f}"),
    ("  date range queries, p95 ms", "≤ 50", _p("dates", 95), lambda v: v <= 50, "{:.0f}"),
    ("  date range queries, p95 CPU ms", "≤ 50", _p("dates_cpu", 95), lambda v: v <= 50, "{:.0f}"),
    ("everything newest first, p50 ms", "", _p("opening", 50), None, "{:.0f}"),
    ("everything newest first, p95 ms", "≤ 30", _p("opening", 95), lambda v: v <= 30, "{:.0f}"),
    ("  same, CPU ms", "≤ 30", _p("opening_cpu", 95), lambda v: v <= 30, "{:.0f}"),
    ("more like this, p95 ms", "≤ 100", _p("mlt", 95), lambda v: v <= 100, "{:.0f}"),
    ("  same, CPU ms", "≤ 100", _p("mlt_cpu", 95), lambda v: v <= 100, "{:.0f}"),
    ("Library.open, p50 ms", "≤ 600, flat", _p("open", 50), lambda v: v <= 600, "{:.0f}"),
    ("dateline search --json cold, p50 ms", "≤ 600", _p("cli_wall", 50), lambda v: v <= 600,
     "{:.0f}"),
    ("  same, CPU ms (what load distorts least)", "", _p("cli_cpu", 50), None, "{:.0f}"),
    ("dateline search --json peak RSS MiB", "≤ 150", lambda r: max(r["cli_rss"], default=None)
     if r.get("cli_rss") else None, lambda v: v <= 150, "{:.0f}"),
    ("TUI start → list shown, median ms", "≤ 1000", _p("tui_start", 50), lambda v: v <= 1000,
     "{:.0f}"),
    ("  same, CPU ms", "", _p("tui_start_cpu", 50), None, "{:.0f}"),
    ("TUI keystroke → list, p95 ms", "≤ 100", _p("tui_key", 95), lambda v: v <= 100, "{:.0f}"),
    ("TUI peak RSS MiB", "≤ 400", lambda r: max(r["tui_rss"]) if r.get("tui_rss") else None,
     lambda v: v <= 400, "{:.0f}"),
    ("TUI worst event-loop stall ms", "≤ 50", lambda r: max(r["tui_stall"])
     if r.get("tui_stall") else None, lambda v: v <= 50, "{:.0f}"),
    ("  UI thread: article list rebuild, p95 ms", "", _p("tui_list_ms", 95), None, "{:.0f}"),
    ("  UI thread: entity sidebar rebuild, p95 ms", "", _p("tui_sidebar_ms", 95), None,
     "{:.0f}"),
    ("add 100 articles (stub NER), median s", "", _p("add_big", 50), None, "{:.2f}"),
    ("  ÷ same 100 into an empty library", "≤ 1.5×", _v("add_ratio"), lambda v: v <= 1.5,
     "{:.2f}×"),
    ("  worst add ÷ median add into an empty library", "no big merge", _v("add_worst_ratio"),
     None, "{:.2f}×"),
    ("  CPU, median s", "", _p("add_big_cpu", 50), None, "{:.2f}"),
    ("  CPU ÷ same into an empty library", "", _v("add_cpu_ratio"), None, "{:.2f}×"),
    ("  index segments at rest (after the adds)", "", _v("segments_after"), None, "{:.0f}"),
    ("  background merge between adds, worst s", "", lambda r: max(r["idle_wait"])
     if r.get("idle_wait") else None, None, "{:.1f}"),
    ("  first background merge of the cached library, s", "", _v("consolidate_first_s"), None,
     "{:.0f}"),
    ("add articles with real NER, s", "", _v("ner_add_big"), None, "{:.1f}"),
    ("  ÷ same into an empty library", "≤ 1.5×", _v("ner_add_ratio"), lambda v: v <= 1.5,
     "{:.2f}×"),
    ("full reindex (no NER), s", "≤ 600 at 100k", _v("reindex_s"), lambda v: v <= 600,
     "{:.1f}"),
    ("  reindex per article, ms", "flat", _v("reindex_ms"), None, "{:.2f}"),
    ("disk KB per article", "≤ 15", _v("disk_kb"), lambda v: v <= 15, "{:.1f}"),
]  # fmt: skip


def measure(n: int, args: argparse.Namespace, log: Callable[[str], None]) -> dict[str, Any]:
    root, meta = build(n, root=args.cache, log=log)
    log(f"measuring {n} articles ({root})")
    corpus = NewsYear(meta.get("corpus", n))  # a snapshot holds the first n of a bigger one
    r: dict[str, Any] = {
        "build_aps": meta["articles_per_s"],
        "names": meta["distinct_names"],
        "meta": meta,
        "disk_kb": m.du(root) / n / 1000,
    }
    from index import Library

    with Library.open(root) as lib:
        s = m.searches(lib, corpus, args.repeat)
    r |= {k: s[k] for k in ("search", "dates", "opening", "mlt")}
    r |= {f"{k}_cpu": v for k, v in s["cpu"].items()}
    r["by_kind"] = s["by_kind"]
    r["open"] = m.library_open(root, 5)
    if not args.no_cli:
        cli = m.cli_cold(root, [q for qs in s["queries"].values() for q in qs][:6])
        r["cli_wall"], r["cli_cpu"], r["cli_rss"] = cli["wall"], cli["cpu"], cli["rss"]
    if not args.no_tui:
        mix = s["queries"]
        typed = [mix["words"][0], mix["person:/place:/org:"][0], mix["person:/place:/org:"][2],
                 mix["dates"][1]]  # fmt: skip
        t = m.tui(root, typed, args.tui_runs)
        r["tui_start"] = t["start → list shown"]
        r["tui_start_cpu"] = t["start → list shown, CPU"]
        r["tui_key"] = t["key → list"]
        r["tui_stall"] = t["worst loop stall"]
        r["tui_rss"] = t["rss"]
        r["tui_list_ms"] = t.get("UI: article list rebuild", [])
        r["tui_sidebar_ms"] = t.get("UI: entity sidebar rebuild", [])
    if not args.no_writes:
        w = m.writes(
            root,
            corpus,
            n,
            add_reps=args.add_reps,
            add_size=args.add,
            ner_add=args.ner_add if n >= args.ner_add_from else 0,
            reindex=not args.no_reindex,
        )
        r["add_big"], r["add_empty"] = w["add_big"], w["add_empty"]
        r["add_ratio"] = pct(w["add_big"], 50) / pct(w["add_empty"], 50)
        r["add_worst_ratio"] = max(w["add_big"]) / pct(w["add_empty"], 50)
        r["add_big_cpu"], r["idle_wait"] = w["add_big_cpu"], w["idle_wait"]
        r["add_cpu_ratio"] = pct(w["add_big_cpu"], 50) / pct(w["add_empty_cpu"], 50)
        r["segments_after"] = w["segments_after"]
        r["consolidate_first_s"] = w["consolidate_first_s"]
        if "ner_add_big" in w:
            r["ner_add_big"] = w["ner_add_big"]
            r["ner_add_ratio"] = w["ner_add_big"] / w["ner_add_empty"]
            r["ner_add_count"] = w["ner_add_count"]
        if "reindex_s" in w:
            r["reindex_s"] = w["reindex_s"]
            r["reindex_ms"] = 1000 * w["reindex_s"] / max(1, w["reindex_n"])
        r["fixes"] = w["fixes"]
    return r


def _fmt(value: float | None, form: str) -> str:
    return "—" if value is None else form.format(value)


def print_tables(
    sizes: list[int], results: dict[int, dict[str, Any]], markdown: Path | None = None
) -> None:
    big = sizes[-1]
    headers = ["what", "target", *(f"{n:,}" for n in sizes), f"{big // 1000}k ÷ {sizes[0] // 1000}k",
               "met"]  # fmt: skip
    rows = []
    for label, target, get, check, form in ROWS:
        values = [get(results[n]) for n in sizes]
        first, last = values[0], values[-1]
        growth = f"{last / first:.1f}×" if first and last is not None else ""
        met = "" if check is None or last is None else ("✓ met" if check(last) else "✗ not met")
        rows.append([label, target, *(_fmt(v, form) for v in values), growth, met])
    fixes = results[big].get("fixes", {})
    for name in fixes:
        values = [results[n].get("fixes", {}).get(name) for n in sizes]
        ok = values[-1] == 0  # None: the correction itself failed
        rows.append([f"articles re-indexed: {name}", "0",
                     *(_fmt(v, "{:.0f}") for v in values), "", "✓ met" if ok else "✗ not met"])  # fmt: skip
    print_table(
        f"Dateline at scale — {PlantedNER.LABEL}; medians/percentiles on a shared 2-core machine",
        headers,
        rows,
    )
    if markdown:
        lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
        lines += ["| " + " | ".join(r) + " |" for r in rows]
        markdown.write_text("\n".join(lines) + "\n")
    kinds = results[big]["by_kind"]
    print_table(
        f"Search by kind at {big:,} (first page of {m.PAGE}, facets + highlights), warm",
        ("kind", "n", "p50 ms", "p95 ms", "max ms"),
        [
            [k, str(len(v)), f"{pct(v, 50):.0f}", f"{pct(v, 95):.0f}", f"{max(v):.0f}"]
            for k, v in kinds.items()
        ],
    )
    meta = results[big]["meta"]
    console.print(
        f"corpus at {big:,}: {meta['distinct_names']:,} distinct names, {meta['rewrites']:,} "
        f"rewrites, {meta['mean_words']} words/article on average; build "
        f"{meta['add_seconds'] / 60:.1f} min, per article {meta['first_batches_ms_per_article']:.1f}"
        f" ms (first tenth) → {meta['last_batches_ms_per_article']:.1f} ms (last tenth)"
    )
    if "migrated" in meta:  # bench.scalemigrate: built in an older format, then migrated
        mig = meta["migrated"]
        console.print(
            f"at {big:,}: built in format {mig['from_format']} ({mig['from']}), then migrated by"
            f" Library.open in {mig['wall_s']} s wall, {mig['cpu_s']} s CPU: "
            f"{mig['bytes_before'] / 1e6:,.0f} MB → {mig['bytes_after'] / 1e6:,.0f} MB"
        )


def print_ner(r: dict[str, float]) -> None:
    n = r["count"]

    def row(what: str, wall: float, cpu: float, bound: bool) -> list[str]:
        return [
            what,
            f"{n / wall:.1f}",
            f"{1000 * cpu / n:.1f}",
            f"{cpu / wall:.2f}",
            f"{r['ner_wall'] / wall:.2f}×" if bound else "",
            f"{r['ner_cpu'] / cpu:.2f}×" if bound else "",
            ("✓ met" if r["ner_wall"] / wall >= 0.8 else "✗ not met") if bound else "",
        ]

    rows = [row("spaCy NER alone (bodies + titles)", r["ner_wall"], r["ner_cpu"], False)]
    rows.append(row("Library.add, real NER, 500 per add", r["add_wall"], r["add_cpu"], True))
    if "one_add_wall" in r:
        one = f"Library.add, real NER, all {n:,} in one add"
        rows.append(row(one, r["one_add_wall"], r["one_add_cpu"], True))
    print_table(
        f"Ingest with real spaCy NER, {n:,} articles (target: Library.add ≥ 0.8× the NER-only "
        "bound in wall time; cores busy = CPU s ÷ wall s, of 2)",
        (
            "what",
            "articles/s",
            "CPU ms/article",
            "cores busy",
            "÷ NER bound, wall",
            "÷ NER bound, CPU",
            "≥ 0.8× wall",
        ),
        rows,
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=100_000, help="the largest size (N)")
    parser.add_argument("--sizes", help="comma-separated sizes instead of 1000,10000,N")
    parser.add_argument("--cache", type=Path, default=None, help=f"default {cache_root()}")
    parser.add_argument("--repeat", type=int, default=8, help="timed runs per query")
    parser.add_argument("--tui-runs", type=int, default=3)
    parser.add_argument("--ner-articles", type=int, default=2000, help="real-NER table (0: skip)")
    parser.add_argument("--add", type=int, default=100, help="articles per timed add")
    parser.add_argument("--add-reps", type=int, default=3, help="timed adds (big and empty each)")
    parser.add_argument("--ner-add", type=int, default=100, help="articles added with real NER")
    parser.add_argument("--ner-add-from", type=int, default=0, help="…only at sizes ≥ this")
    parser.add_argument(
        "--snapshot",
        dest="snapshots",
        type=int,
        action="append",
        default=[],
        help="also keep the growing library at this size (repeatable; measure with --sizes)",
    )
    parser.add_argument("--build-only", action="store_true", help="build the libraries, exit")
    parser.add_argument("--no-cli", action="store_true")
    parser.add_argument("--no-tui", action="store_true")
    parser.add_argument("--no-writes", action="store_true", help="skip add/reindex/corrections")
    parser.add_argument("--no-reindex", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    parser.add_argument("--markdown", type=Path, help="also write the main table here")
    parser.add_argument(
        "--from-json",
        type=Path,
        action="append",
        help="print the tables of earlier --json runs (repeatable: their sizes side by side)",
    )
    args = parser.parse_args(argv)
    if args.from_json:
        merged: dict[int, dict[str, Any]] = {}
        ner_saved = None
        for path in args.from_json:
            saved = json.loads(path.read_text())
            merged |= {int(k): v for k, v in saved["sizes"].items()}
            ner_saved = saved.get("ner") or ner_saved
        console.width = max(console.width, 150)
        print_tables(sorted(merged), merged, args.markdown)
        if ner_saved:
            print_ner(ner_saved)
        return
    sizes = (
        sorted({int(x) for x in args.sizes.split(",")})
        if args.sizes
        else sorted({n for n in (1000, 10_000, args.articles) if n <= args.articles})
    )
    started = time.perf_counter()
    console.width = max(console.width, 150)  # the tables, unwrapped, in a log file too

    def log(text: str) -> None:
        console.print(f"[dim]{time.perf_counter() - started:7.0f}s {text}[/dim]")

    for n in sizes:
        build(n, root=args.cache, log=log, snapshots=args.snapshots)
    if args.build_only:
        return
    results: dict[int, dict[str, Any]] = {}
    for n in sizes:
        results[n] = measure(n, args, log)
        if args.json:  # what is measured so far survives a later failure
            args.json.write_text(json.dumps({"sizes": results}, default=str, indent=1))
    print_tables(sizes, results, args.markdown)
    ner = m.real_ner(args.ner_articles) if args.ner_articles else None
    if ner:
        print_ner(ner)
    if args.json:
        args.json.write_text(json.dumps({"sizes": results, "ner": ner}, default=str, indent=1))


if __name__ == "__main__":
    main()
