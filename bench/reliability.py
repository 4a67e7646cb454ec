"""The reliability bench: `python -m bench.reliability` (or `make bench-reliability`).

Against a temporary library and HTTP servers on 127.0.0.1 that it starts itself, it does what
the adversarial pass of issue 10 did, as many times as asked, and prints one table:
test · tries · passed · what was lost.

* kill -9 of `add`, `refresh`, `reindex` (on a library big enough for Whoosh's two-process
  writer) and `entities merge` at seeded random moments, then the same command again: the
  library must end exactly as a clean run leaves it, with no orphaned process, `dateline check`
  clean and no traceback;
* two writers started together on a new library, and a reader opening and searching while
  a writer adds;
* a full disk (a 1 MB tmpfs, when run as root), damaged SQLite and index files;
* hostile feeds and huge inputs (see `bench.reliability_cases`), with each one's peak RSS.

Network traffic goes only to 127.0.0.1. Timings are medians on a shared machine: noisy.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .common import print_table, synthetic_articles, write_jsonl
from .reliability_proc import Run, article_ids, dateline, healthy, python

HEADERS = ("test", "tries", "passed", "what was lost", "notes")


@dataclass
class Outcome:
    """One row of the table."""

    name: str
    tries: int = 0
    passed: int = 0
    lost: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def record(self, ok: bool, lost: str = "") -> None:
        self.tries += 1
        self.passed += ok
        if lost:
            self.lost.append(lost)

    def row(self) -> list[str]:
        lost = "; ".join(dict.fromkeys(self.lost)) if self.lost else "nothing"
        return [self.name, str(self.tries), str(self.passed), lost[:160], "; ".join(self.notes)]


class Bench:
    def __init__(self, work: Path, tries: int, seed: int) -> None:
        self.work = work
        self.tries = tries
        self.rng = random.Random(seed)
        self.rows: list[Outcome] = []

    def row(self, name: str) -> Outcome:
        outcome = Outcome(name)
        self.rows.append(outcome)
        return outcome

    def dir(self, name: str) -> Path:
        path = Path(tempfile.mkdtemp(prefix=f"{name}-", dir=self.work))
        return path

    # -- kill -9 at a random moment, then the same command again ------------------------------
    def kill_test(
        self,
        name: str,
        prepare: Callable[[Path], None],
        command: list[str],
        expect: Callable[[Path], object],
        *,
        again: list[str] | None = None,
    ) -> None:
        """`prepare(lib)` makes the starting library; a clean run gives the expected state
        (`expect(lib)`); each try kills the command at a random moment within the clean run's
        duration, runs `again` (default: the command) to completion and compares."""
        out = self.row(name)
        clean = self.dir("clean")
        prepare(clean)
        first = dateline(clean, *command)
        if first.returncode not in (0, 1) or first.traceback:
            out.record(False, f"clean run failed: {first.stderr[-200:]}")
            return
        wanted = expect(clean)
        spans = []
        for _ in range(self.tries):
            lib = self.dir("try")
            prepare(lib)
            moment = self.rng.uniform(0.2, max(0.5, first.seconds))
            killed = dateline(lib, *command, kill_after=moment)
            spans.append(moment)
            redo = dateline(lib, *(again or command))
            problems = []
            if killed.orphans:
                problems.append(f"{killed.orphans} orphaned process(es)")
            if redo.traceback or killed.traceback:
                problems.append("traceback")
            if "another Dateline process" in redo.stderr:
                problems.append("the next run had to wait for a dead writer")
            got = expect(lib)
            if got != wanted:
                problems.append(_difference(wanted, got))
            ok_check, why = healthy(lib)
            if not ok_check:
                problems.append(f"check: {why}")
            out.record(not problems, ", ".join(problems))
            shutil.rmtree(lib, ignore_errors=True)
        out.notes.append(
            f"clean run {first.seconds:.1f} s, killed at {min(spans):.1f}–{max(spans):.1f} s"
        )
        shutil.rmtree(clean, ignore_errors=True)

    # -- two writers at once, a reader while writing ------------------------------------------
    def two_writers(self, inputs: list[Path]) -> None:
        out = self.row("two writers at once (new library)")
        for _ in range(max(3, self.tries // 2)):
            lib = self.dir("two")
            results: list[Run] = []

            def add(path: Path, lib: Path = lib, results: list[Run] = results) -> None:
                results.append(dateline(lib, "add", "--json", str(path)))

            threads = [threading.Thread(target=add, args=(p,)) for p in inputs[:2]]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            expected = sum(r.json()["added"] for r in results if r.returncode == 0)
            problems = [f"exit {r.returncode}" for r in results if r.returncode != 0]
            problems += ["traceback"] * any(r.traceback for r in results)
            stored = len(article_ids(lib))
            indexed = dateline(lib, "search", "--json", "--limit", "0", "")
            total = indexed.json()["total"] if indexed.returncode == 0 else -1
            if stored != expected or total != stored:
                problems.append(f"{expected} added, {stored} stored, {total} searchable")
            out.record(not problems, ", ".join(problems))
            shutil.rmtree(lib, ignore_errors=True)

    def reader_while_writing(self, base: Path, new_input: Path) -> None:
        out = self.row("reader opens and searches while a writer adds")
        code = (
            "import sys, time\n"
            "from index import Library\n"
            "errors = 0; n = 0; end = time.monotonic() + float(sys.argv[2])\n"
            "while time.monotonic() < end:\n"
            "    try:\n"
            "        with Library.open(sys.argv[1], create=False) as lib:\n"
            "            lib.search('Mosul'); lib.articles(); n += 1\n"
            "    except Exception as exc:\n"
            "        errors += 1; print(repr(exc), file=sys.stderr)\n"
            "print(n, errors)\n"
        )
        for _ in range(max(2, self.tries // 5)):
            lib = self.dir("rw")
            shutil.copytree(base, lib, dirs_exist_ok=True)
            box: list[Run] = []
            reader = threading.Thread(
                target=lambda box=box, lib=lib: box.append(python(code, str(lib), "8"))
            )
            reader.start()
            writer = dateline(lib, "add", str(new_input))
            reader.join()
            opened, errors = (int(x) for x in box[0].stdout.split()[:2])
            ok = errors == 0 and writer.returncode == 0 and not box[0].traceback
            out.record(ok, f"{errors} reader errors" if errors else "")
            out.notes = [f"{opened} reader opens during one add"]
            shutil.rmtree(lib, ignore_errors=True)


def _difference(wanted: object, got: object) -> str:
    if isinstance(wanted, set) and isinstance(got, set):
        missing, extra = len(wanted - got), len(got - wanted)
        return f"{missing} of {len(wanted)} articles missing" + (
            f", {extra} extra" if extra else ""
        )
    return "state differs from a clean run"


def _copy(src: Path) -> Callable[[Path], None]:
    def prepare(lib: Path) -> None:
        shutil.copytree(src, lib, dirs_exist_ok=True)

    return prepare


def _entities_state(lib: Path) -> object:
    listed = dateline(lib, "entities", "--json", "--type", "person", "--limit", "40")
    if listed.returncode != 0:
        return "entities failed"
    ids = article_ids(lib)
    return (frozenset(ids), tuple((e["name"], e["count"]) for e in listed.json()["entities"]))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Kill, damage and attack a Dateline library.")
    parser.add_argument("--tries", type=int, default=10, help="tries of each kill test (10)")
    parser.add_argument("--quick", action="store_true", help="3 tries, a smaller library")
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--articles", type=int, default=560, help="size of the reindex library")
    parser.add_argument("--skip", nargs="*", default=(), help="groups to skip: kills cases")
    args = parser.parse_args(argv)
    if args.quick:
        args.tries, args.articles = 3, 120
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="dateline-reliability-") as tmp:
        work = Path(tmp)
        bench = Bench(work, args.tries, args.seed)
        print(f"building the test libraries in {work} …", file=sys.stderr, flush=True)
        articles = synthetic_articles(args.articles + 40, seed=args.seed)
        base_input = write_jsonl(articles[: args.articles], work / "base.jsonl")
        small = [
            write_jsonl(
                articles[args.articles + i * 10 : args.articles + (i + 1) * 10],
                work / f"s{i}.jsonl",
            )
            for i in range(4)
        ]
        base = work / "base"
        built = dateline(base, "add", str(base_input))
        if built.returncode != 0:
            print(built.stderr, file=sys.stderr)
            raise SystemExit("could not build the base library")
        print(
            f"base library: {len(article_ids(base))} articles in {built.seconds:.0f} s",
            file=sys.stderr,
        )

        from .reliability_cases import feeds_server, run_cases

        if "kills" not in args.skip:
            bench.kill_test(
                "kill -9 during add (2 inputs, 20 articles)",
                lambda lib: None,
                ["add", *map(str, small[:2])],
                article_ids,
            )
            with feeds_server(articles[:48]) as (urls, _):

                def subscribed(lib: Path) -> None:
                    for url in urls:
                        dateline(lib, "feeds", "add", url)

                bench.kill_test(
                    f"kill -9 during refresh ({len(urls)} feeds)",
                    subscribed,
                    ["refresh"],
                    article_ids,
                )
            bench.kill_test(
                f"kill -9 during reindex ({args.articles} articles)",
                _copy(base),
                ["reindex"],
                lambda lib: (frozenset(article_ids(lib)), _search_total(lib)),
            )
            people = dateline(base, "entities", "--json", "--type", "person", "--limit", "2").json()
            a, b = (e["name"] for e in people["entities"][:2])
            bench.kill_test(
                "kill -9 during entities merge",
                _copy(base),
                ["entities", "merge", a, b, "--type", "person"],
                _entities_state,
            )
            bench.two_writers(small)
            bench.reader_while_writing(base, small[3])
        if "cases" not in args.skip:
            run_cases(bench, base, articles)
        print_table(
            f"Reliability bench (seed {args.seed}, {args.tries} tries per kill test, "
            f"{time.monotonic() - started:.0f} s)",
            HEADERS,
            [o.row() for o in bench.rows],
        )
        lost = sum(o.tries - o.passed for o in bench.rows)
        print(f"{lost} failed tries" if lost else "0 lost, 0 tracebacks, 0 orphans")


def _search_total(lib: Path) -> int:
    found = dateline(lib, "search", "--json", "--limit", "0", "")
    return found.json()["total"] if found.returncode == 0 else -1


if __name__ == "__main__":
    main()
