"""The measurements behind `bench.scale`, one library size at a time.

Each function returns plain numbers (ms, s, bytes, counts); `bench.scale` turns them into the
table. Latencies are taken warm (after one pass) unless the name says cold; on a shared machine
read medians and trends rather than single figures.
"""

from __future__ import annotations

import contextlib
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from .common import pct
from .newsyear import TOPICS, Article, NewsYear
from .peak import PEAK
from .scalebuild import PlantedNER, add_articles, disk_bytes

#: The reader's page: what the TUI asks for (first page, facets, highlights).
PAGE = 100


def query_mix(corpus: NewsYear) -> dict[str, list[str]]:
    """A realistic mix by kind, drawn from the corpus's own names and words."""
    people, places, orgs = corpus.people.items, corpus.places.items, corpus.orgs.items
    top, mid = people[0], people[min(len(people) - 1, 120)]
    year = corpus.start.year
    q = lambda s: f'"{s}"' if " " in s else s  # noqa: E731
    return {
        "words": ["drought", "border convoy", corpus.rare.items[150], "inflation wages budget"],
        "phrase": ['"told reporters"', '"came too late"'],
        "person:/place:/org:": [
            f"person:{top.split()[-1].lower()}",
            f"person:{q(mid)}",
            f"place:{q(places[0])}",
            f"org:{q(orgs[0])}",
            f"person:{q(top)} place:{q(places[1])} {TOPICS['water'].split()[0]}",
        ],
        "dates": [f"since:{year}-03-01 until:{year}-03-31", f"since:{year}-10-01 ceasefire"],
        "flags": ["is:unread drought", "is:starred", "is:unread"],
        "OR / NOT": ["(ferry OR grain) -tariff", f"inflation -person:{q(top)}"],
        "did you mean": ["drougth"],
    }


def latencies(fn: Callable[[], object], repeat: int, cpu: list[float] | None = None) -> list[float]:
    """Wall ms of `repeat` warm calls; the calling thread's CPU ms of each go to `cpu`.

    CPU time (`time.thread_time`) leaves out the time spent waiting for a core, which on a
    machine shared with other work is most of the difference from an idle machine.
    """
    fn()  # warm
    out = []
    for _ in range(repeat):
        c, t = time.thread_time(), time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
        if cpu is not None:
            cpu.append((time.thread_time() - c) * 1000)
    return out


def searches(lib: Any, corpus: NewsYear, repeat: int) -> dict[str, Any]:
    mix = query_mix(corpus)
    by_kind: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {"search": [], "dates": [], "opening": [], "mlt": []}
    for kind, queries in mix.items():
        for query in queries:
            got = lib.search(query, limit=PAGE)
            if got.error:
                raise RuntimeError(f"bench query {query!r} failed: {got.error}")
            taken = latencies(
                lambda query=query: lib.search(query, limit=PAGE), repeat, cpu["search"]
            )
            by_kind.setdefault(kind, []).extend(taken)
            if kind == "dates":
                cpu["dates"] += cpu["search"][-repeat:]
    every = [x for xs in by_kind.values() for x in xs]
    opening = latencies(lambda: lib.search("", limit=PAGE, sort="date"), repeat * 2, cpu["opening"])
    some = [h.article.id for h in lib.search("drought", limit=10).hits]
    mlt: list[float] = []
    for aid in some:
        mlt += latencies(lambda aid=aid: lib.more_like_this(aid), 2, cpu["mlt"])
    return {
        "search": every,
        "by_kind": by_kind,
        "dates": by_kind["dates"],
        "opening": opening,
        "mlt": mlt,
        "cpu": cpu,
        "queries": mix,
    }


def library_open(path: Path, repeat: int) -> list[float]:
    from index import Library

    return latencies(lambda: Library.open(path).close(), repeat)


def _children_cpu() -> float:
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return kids.ru_utime + kids.ru_stime


def _run_child(argv: list[str]) -> tuple[float, float, float, str]:
    """Wall ms, CPU ms, peak RSS MiB (the child reports it on stderr) and stdout of a process.

    CPU time is what a shared machine distorts least: read it beside the wall time.
    """
    cpu, t = _children_cpu(), time.perf_counter()
    proc = subprocess.run(argv, capture_output=True, text=True)
    wall, cpu = (time.perf_counter() - t) * 1000, (_children_cpu() - cpu) * 1000
    if proc.returncode:
        raise RuntimeError(f"{argv[:4]}… exited {proc.returncode}: {proc.stderr[-800:]}")
    peaks = [ln.split()[1] for ln in proc.stderr.splitlines() if ln.startswith(PEAK)]
    rss = int(peaks[-1]) / 1024 if peaks else float("nan")
    return wall, cpu, rss, proc.stdout


#: `dateline …` that prints its peak RSS when done: the CLI exactly as the script runs it.
_CLI = (
    "import sys\n"
    "from reader.cli import main\n"
    "code = main(sys.argv[1:])\n"
    "from bench.peak import PEAK, peak_rss_kib\n"
    "print(PEAK, peak_rss_kib(), file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def _dateline() -> list[str]:
    return [sys.executable, "-c", _CLI]


def cli_cold(path: Path, queries: list[str]) -> dict[str, list[float]]:
    got: dict[str, list[float]] = {"wall": [], "cpu": [], "rss": []}
    argv = [*_dateline(), "--library", str(path), "search"]
    _run_child([*argv, queries[0], "--json"])  # the OS file cache warm, as on a used machine
    for query in queries:
        wall, cpu, rss, out = _run_child([*argv, query, "--json"])
        json.loads(out)
        got["wall"].append(wall)
        got["cpu"].append(cpu)
        got["rss"].append(rss)
    return got


def tui(path: Path, queries: list[str], runs: int) -> dict[str, list[float]]:
    from bench.tui import forget_last_query

    got: dict[str, list[float]] = {"rss": []}
    for _ in range(runs):
        forget_last_query(path)
        argv = [sys.executable, "-m", "bench.tui", "--library", str(path), "--json", "--runs", "1"]
        for q in queries:
            argv += ["--query", q]
        argv += ["--t0", repr(time.time())]
        _, _, rss, out = _run_child(argv)
        for name, values in json.loads(out).items():
            got.setdefault(name, []).extend(values)
        got["rss"].append(rss)
    forget_last_query(path)
    return got


def _cpu() -> float:
    me, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


@contextlib.contextmanager
def _counting_index_writes(lib: Any) -> Iterator[list[int]]:
    """Count documents the search index is asked to (re)write while the block runs."""
    written = [0]
    search = lib._search  # the bench looks inside: the count is what the target is about
    saved = {}
    for name in ("add", "update", "update_docs", "rebuild", "reindex_ids"):
        method = getattr(search, name, None)
        if method is None:
            continue
        saved[name] = method

        def counted(docs: Any = (), *args: Any, _m: Any = method, **kw: Any) -> Any:
            docs = list(docs)
            written[0] += len(docs)
            return _m(docs, *args, **kw)

        setattr(search, name, counted)
    try:
        yield written
    finally:
        for name in saved:
            delattr(search, name)


def _respell(name: str) -> str:
    """A new spelling of a name, the same length: its last plain vowel accented."""
    accents = {"a": "á", "e": "é", "i": "í", "o": "ó", "u": "ú"}
    for i in range(len(name) - 1, -1, -1):
        if name[i] in accents:
            return name[:i] + accents[name[i]] + name[i + 1 :]
    return name + "h"


def writes(
    root: Path,
    corpus: NewsYear,
    held: int,
    *,
    add_reps: int,
    add_size: int,
    ner_add: int,
    reindex: bool,
) -> dict:
    """Adding, reindexing and correcting, on a throw-away copy of a library of `held` articles
    (the first `held` of `corpus`)."""
    from index import Library, consolidate

    out: dict[str, Any] = {}
    stubbed = add_size * add_reps
    extra = list(corpus.articles(held, held + stubbed + ner_add + 1 + add_size))
    stub_sets = [extra[i * add_size : (i + 1) * add_size] for i in range(add_reps)]
    ner_set = extra[stubbed : stubbed + ner_add]
    spelling = extra[stubbed + ner_add]
    warm_set = extra[stubbed + ner_add + 1 :]
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
        work = Path(tmp)
        copy = work / "copy"
        shutil.copytree(root, copy)
        ner = PlantedNER()
        with Library.open(copy) as lib:
            # One untimed add into a throw-away library first: what a process pays once
            # (imports such as datasketch's scipy, the gazetteer, caches) is no library's size.
            # Then big and empty alternate, so a busy moment of a shared machine hits both.
            with ner.installed(), Library.open(work / "warm-up") as warm:
                add_articles(warm, warm_set, work, ner)
            # The library at rest: what background consolidation leaves between adds (a
            # library built before it existed first gets its tiers merged, untimed here).
            folder = copy / "whoosh"
            t = time.perf_counter()
            lib._search.consolidate(background=False)
            out["consolidate_first_s"] = time.perf_counter() - t
            out["segments_before"] = lib._search.segment_count()
            for k in ("add_big", "add_empty", "add_big_cpu", "add_empty_cpu", "idle_wait"):
                out[k] = []
            for i, s in enumerate(stub_sets):
                # Between adds the library is idle: the background merge an add started runs
                # to its end (how long it took is reported, not counted in any add).
                out["idle_wait"].append(consolidate.wait(folder))
                with ner.installed():
                    cpu = _cpu()
                    out["add_big"].append(add_articles(lib, s, work, ner))
                    out["add_big_cpu"].append(_cpu() - cpu)
                with ner.installed(), Library.open(work / f"empty{i}") as empty:
                    cpu = _cpu()
                    out["add_empty"].append(add_articles(empty, s, work, ner))
                    out["add_empty_cpu"].append(_cpu() - cpu)
                print(
                    f"  add {i + 1}: big {out['add_big'][-1]:.2f} s wall"
                    f" {out['add_big_cpu'][-1]:.2f} s CPU · empty {out['add_empty'][-1]:.2f} s"
                    f" wall {out['add_empty_cpu'][-1]:.2f} s CPU · background merge before it"
                    f" {out['idle_wait'][-1]:.1f} s",
                    file=sys.stderr,
                )
            out["idle_wait"].append(consolidate.wait(folder))
            out["segments_after"] = lib._search.segment_count()
            if ner_add:
                from index.entities import ner as spacy_ner

                list(spacy_ner.pipe(["Warm-up text about Ankara."]))
                with Library.open(work / "empty-ner") as empty:
                    out["ner_add_empty"] = add_articles(empty, ner_set, work, None)
                out["ner_add_big"] = add_articles(lib, ner_set, work, None)
                out["ner_add_count"] = len(ner_set)
            # Corrections: how many articles the index re-writes for each.
            people = [e.name for e in lib.entities("person", limit=40)]
            places = [e.name for e in lib.entities("place", limit=5)]
            fixes: dict[str, int | None] = {}
            corrections = {
                "rename a top person": lambda: lib.rename_entity(
                    people[0], people[0] + " Jr", type_="person"
                ),
                "merge two people": lambda: lib.merge_entities(
                    people[1], people[-1], type_="person"
                ),
            }
            for what, correct in corrections.items():
                with _counting_index_writes(lib) as n:
                    try:
                        correct()
                    except Exception as exc:  # a refused correction is a figure, not a crash
                        print(f"  {what} failed: {exc}", file=sys.stderr)
                        n[0] = -1
                fixes[what] = None if n[0] < 0 else n[0]
            variant = _respell(places[0])
            moved = Article(**{**spelling.__dict__})
            moved.body = spelling.body + f"\n\nReporters in {variant} said little."
            start = len(spelling.body) + len("\n\nReporters in ")
            moved.mentions = [*spelling.mentions, (start, start + len(variant), "GPE")]
            with ner.installed(), _counting_index_writes(lib) as n:
                add_articles(lib, [moved], work, ner)
            fixes["new spelling of a top place"] = n[0] - 1  # less the new article itself
            out["fixes"] = fixes
            if reindex:
                t = time.perf_counter()
                count = lib.reindex()
                out["reindex_s"] = time.perf_counter() - t
                out["reindex_n"] = count
            consolidate.preempt(folder)  # the copy is about to be deleted
            consolidate.wait(folder, timeout=10.0)
    return out


def _reap_children(timeout: float = 10.0) -> None:
    """Wait for child processes the back end left exiting (its NER helper), so that
    RUSAGE_CHILDREN includes their CPU time."""
    import multiprocessing

    deadline = time.monotonic() + timeout
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)


def real_ner(count: int, batch: int = 500) -> dict[str, float]:
    """Real spaCy NER: `Library.add` on `count` articles vs NER alone on the same texts."""
    from index import Library
    from index.entities import ner

    arts = list(NewsYear(count, seed=99).articles())
    texts = [a.body for a in arts] + [a.title for a in arts]
    list(ner.pipe(["Warm-up text about Ankara and Leila Haddad."]))  # model load not counted
    cpu, t = _cpu(), time.perf_counter()
    for _ in ner.pipe(texts):
        pass
    ner_wall, ner_cpu = time.perf_counter() - t, _cpu() - cpu
    out = {"count": count, "ner_wall": ner_wall, "ner_cpu": ner_cpu}
    # In adds of `batch` (a feed refresh), then all in one add (an import: big enough for the
    # back end to extract the next group's entities in a second process).
    for name, size in (("add", batch), ("one_add", count)):
        with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
            work = Path(tmp)
            with Library.open(work / "lib") as lib:
                cpu, t = _cpu(), time.perf_counter()
                for i in range(0, count, size):
                    add_articles(lib, arts[i : i + size], work, None)
                wall = time.perf_counter() - t
                _reap_children()  # a helper process's CPU counts once it has been waited for
                out[f"{name}_wall"], out[f"{name}_cpu"] = wall, _cpu() - cpu
    return out


def summary(samples: list[float]) -> tuple[float, float]:
    return pct(samples, 50), pct(samples, 95)


def du(root: Path) -> int:
    return disk_bytes(root)
