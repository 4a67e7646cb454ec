"""Libraries of any size for `bench.scale`, built once through the real `Library.add` and cached.

Everything is Dateline's real code — source parsing, the entity resolution layer, the registry,
stories, SQLite and Whoosh — except spaCy's NER, which is replaced by `PlantedNER`, a clearly
labelled STAND-IN that returns the names the corpus generator planted in each text. It is
swapped in at the narrowest point, `index.entities.ner.pipe`, so everything after the model
(cleaning, resolution, the cross-article registry) still runs. Real NER is timed on its own
in `bench.scale`'s second table.

A cached library lives under `~/.cache/dateline-bench/` (or `$DATELINE_BENCH_CACHE`), keyed by
its size and by a fingerprint of the on-disk format (Dateline's `FORMAT_VERSION`, the SQLite
schema and the Whoosh schema of a fresh library, and the corpus version), so a library written
by an older format is rebuilt rather than measured.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import random
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from .newsyear import CORPUS_VERSION, Article, NewsYear, Span

#: Articles per `Library.add` call: a big feed refresh or a day's import, not one giant file.
BATCH = 500
#: Share of articles marked read, and starred, after the build.
READ_SHARE = 0.70
STAR_SHARE = 0.01
#: Bump when the build procedure changes what a cached library holds.
BUILD_VERSION = 1


def cache_root() -> Path:
    env = os.environ.get("DATELINE_BENCH_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "dateline-bench"


class PlantedNER:
    """STAND-IN for spaCy NER: returns the spans the corpus planted in each known text.

    Texts it was not told about get no entities (as a text with no names would).
    """

    LABEL = "NER stand-in (planted mentions, not spaCy)"

    def __init__(self) -> None:
        self._spans: dict[str, list[Span]] = {}

    def plant(self, articles: Iterable[Article]) -> None:
        for a in articles:
            self._spans[a.body] = a.mentions
            self._spans[a.title] = a.title_mentions

    def clear(self) -> None:
        self._spans.clear()

    def pipe(self, texts: Iterable[str], **_: Any) -> Iterator[list[Span]]:
        for text in texts:
            yield list(self._spans.get(text, ()))

    @contextlib.contextmanager
    def installed(self) -> Iterator[PlantedNER]:
        from index.entities import ner

        real = ner.pipe
        ner.pipe = self.pipe  # type: ignore[assignment]
        try:
            yield self
        finally:
            ner.pipe = real  # type: ignore[assignment]


def format_key() -> str:
    """A short fingerprint of what a library on disk looks like for this checkout.

    `$DATELINE_BENCH_KEY` overrides it: to measure a library built by an earlier checkout whose
    format you know to be compatible (say so beside the figures).
    """
    if os.environ.get("DATELINE_BENCH_KEY"):
        return os.environ["DATELINE_BENCH_KEY"]
    from index import Library

    parts: list[str] = [f"corpus={CORPUS_VERSION}", f"build={BUILD_VERSION}"]
    with contextlib.suppress(ImportError, AttributeError):
        from index.store import FORMAT_VERSION

        parts.append(f"format={FORMAT_VERSION}")
    with tempfile.TemporaryDirectory() as tmp:
        Library.open(tmp).close()
        for db in sorted(Path(tmp).glob("*.sqlite")):
            conn = sqlite3.connect(db)
            rows = conn.execute(
                "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name"
            ).fetchall()
            conn.close()
            parts += [repr(r) for r in rows]
    with contextlib.suppress(ImportError, AttributeError, TypeError):
        from index import searchindex

        parts.append(f"index={getattr(searchindex, 'SCHEMA_VERSION', '?')}")
        s = searchindex.schema()
        parts += [
            f"{name}:{type(s[name]).__name__}:{type(getattr(s[name], 'format', None)).__name__}"
            for name in sorted(s.names())
        ]
    return hashlib.sha1("\n".join(parts).encode()).hexdigest()[:10]


def write_batch(articles: Sequence[Article], path: Path) -> Path:
    path.write_text(
        "\n".join(json.dumps(a.record(), ensure_ascii=False) for a in articles) + "\n",
        encoding="utf-8",
    )
    return path


def batched(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def add_articles(
    lib: Any, articles: Sequence[Article], workdir: Path, ner: PlantedNER | None
) -> float:
    """Add `articles` in one `Library.add` call (JSONL, as an import would); seconds taken."""
    path = write_batch(articles, workdir / "batch.jsonl")
    if ner is not None:
        ner.plant(articles)
    try:
        t = time.perf_counter()
        report = lib.add([str(path)])
        took = time.perf_counter() - t
    finally:
        if ner is not None:
            ner.clear()
    failed = [r for r in report.results if r.failed]
    if failed:
        raise RuntimeError(f"bench batch failed: {failed[0]}")
    return took


def disk_bytes(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file())


def _find(base: Path, n: int, key: str) -> Path | None:
    """A finished library of `n` articles: built for `n`, or a snapshot of a bigger build."""
    for path in [base / f"lib-{n}-{key}", *sorted(base.glob(f"lib-*-{key}.at-{n}"))]:
        if (path / "bench-meta.json").exists():
            return path
    return None


def _mark_flags(root: Path, seed: int) -> tuple[int, float]:
    """Mark READ_SHARE of the articles read and STAR_SHARE starred, as a year of use would."""
    from index import Library

    with Library.open(root) as lib:
        ids = [a.id for a in lib.articles()]
        rng = random.Random(seed)
        t = time.perf_counter()
        for aid in ids:
            if rng.random() < READ_SHARE:
                lib.set_read(aid, True)
            if rng.random() < STAR_SHARE:
                lib.set_starred(aid, True)
    return len(ids), time.perf_counter() - t


def _finish(partial: Path, target: Path, meta: dict[str, Any]) -> None:
    stored, meta["flags_seconds"] = _mark_flags(partial, meta["articles"])
    meta["stored"] = stored
    (partial / "bench-meta.json").write_text(json.dumps(meta, indent=1))
    shutil.rmtree(target, ignore_errors=True)
    partial.rename(target)


def build(
    n: int, *, root: Path | None = None, log: Any = print, snapshots: Sequence[int] = ()
) -> tuple[Path, dict[str, Any]]:
    """The cached library of `n` articles (built now if missing) and its build figures.

    `snapshots`: sizes at which a copy of the growing library is kept as well (the first k
    articles of the year — how a library of k articles grows), so a long build that cannot
    finish still leaves libraries to measure.
    """
    from index import Library

    base = root or cache_root()
    key = format_key()
    found = _find(base, n, key)
    if found is not None:
        return found, json.loads((found / "bench-meta.json").read_text())
    target = base / f"lib-{n}-{key}"
    partial = target.with_name(target.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    work = Path(tempfile.mkdtemp(prefix="dateline-bench-"))
    corpus = NewsYear(n)
    times: list[float] = []
    names: set[str] = set()
    rewrites = words = done = prev = 0
    started = time.perf_counter()
    ner = PlantedNER()

    def meta(size: int) -> dict[str, Any]:
        add_s = sum(times)
        tenth = max(1, len(times) // 10)
        return {
            "articles": size,
            "corpus": n,
            "distinct_names": len(names),
            "rewrites": rewrites,
            "mean_words": round(words / max(1, size)),
            "add_seconds": add_s,
            "articles_per_s": size / add_s if add_s else 0.0,
            "first_batches_ms_per_article": 1000 * sum(times[:tenth]) / (tenth * BATCH),
            "last_batches_ms_per_article": 1000 * sum(times[-tenth:]) / (tenth * BATCH),
            "wall_seconds": time.perf_counter() - started,
            "ner": PlantedNER.LABEL,
        }

    lib = Library.open(partial)
    try:
        with ner.installed():
            for batch in batched(corpus.articles(), BATCH):
                times.append(add_articles(lib, batch, work, ner))
                for a in batch:
                    names |= a.names
                    rewrites += a.rewrite_of is not None
                    words += len(a.body.split())
                prev, done = done, done + len(batch)
                if len(times) % 10 == 0 or done >= n:
                    log(
                        f"  built {done}/{n} articles, last batch "
                        f"{times[-1]:.1f} s ({len(batch) / times[-1]:.0f} articles/s)"
                    )
                if done < n and any(prev < k <= done for k in snapshots):
                    lib.close()
                    snap = base / f"lib-{n}-{key}.at-{done}"
                    copy = snap.with_name(snap.name + ".partial")
                    shutil.rmtree(copy, ignore_errors=True)
                    shutil.copytree(partial, copy)
                    _finish(copy, snap, meta(done))
                    log(f"  snapshot of the first {done} articles: {snap}")
                    lib = Library.open(partial)
    finally:
        lib.close()
        shutil.rmtree(work, ignore_errors=True)
    _finish(partial, target, meta(n))
    return target, json.loads((target / "bench-meta.json").read_text())
