"""The reliability bench's single cases: storage faults, hostile feeds, huge inputs.

Each case runs `dateline` in a fresh process against servers on 127.0.0.1 and records, beside
pass or fail, the process's peak RSS and wall time (medians are not taken: one run each).
"""

from __future__ import annotations

import contextlib
import gzip
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .reliability_proc import ROOT, Run, article_ids, dateline, stored_text

sys.path.insert(0, str(ROOT / "tests"))
from httpserver import Reply, conditional, redirect, serve

ESC = "\x1b"
#: What a hostile escape sequence would leave if only its ESC were removed.
PAYLOADS = ("pwned", "]0;", "[2J", "tmux;", "52;c", "8;;file", "hidden-apc", "31m", "c1title")
SEQUENCES = (
    f"{ESC}]0;pwned-title\x07",
    f"{ESC}]8;;file:///etc/passwd{ESC}\\",
    f"{ESC}[2J",
    f"{ESC}Ptmux;{ESC}{ESC}]52;c;aGVsbG8=\x07{ESC}\\",
    f"{ESC}_hidden-apc{ESC}\\",
    "\x9b31m",
    "\x9d0;c1title\x9c",
    "\u202e\u200b\u2066\U000e0041",
)
RSS_LIMIT_MB = 500


@contextlib.contextmanager
def feeds_server(
    articles: list[dict[str, Any]], per_feed: int = 12
) -> Iterator[tuple[list[str], Any]]:
    """Feeds of `per_feed` items each, with ETags, served on 127.0.0.1."""
    with serve() as server:
        urls = []
        for n in range(0, len(articles), per_feed):
            items = "".join(
                f"<item><title>{_x(a['title'])}</title><link>{a['url']}</link>"
                f"<description>{_x(a['body'])}</description></item>"
                for a in articles[n : n + per_feed]
            )
            body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire {n}</title>{items}</channel></rss>'
            urls.append(server.route(f"/feed{n}.rss", conditional(body.encode(), etag=f'"e{n}"')))
        yield urls, server


def _x(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _rss(items: str, prolog: str = "") -> bytes:
    return (
        f'<?xml version="1.0"?>{prolog}<rss version="2.0"><channel><title>Hostile</title>'
        f"{items}</channel></rss>"
    ).encode()


def _item(title: str, body: str, n: int = 0) -> str:
    return f"<item><title>{title}</title><link>https://hostile.example/{n}</link><description>{body}</description></item>"


def run_cases(bench: Any, base: Path, articles: list[dict[str, Any]]) -> None:
    _storage(bench, base)
    _hostile_feeds(bench)
    _huge_inputs(bench, articles)


# -- storage --------------------------------------------------------------------------------------


def _copy(bench: Any, base: Path, name: str) -> Path:
    lib = bench.dir(name)
    shutil.copytree(base, lib, dirs_exist_ok=True)
    conn = sqlite3.connect(lib / "library.sqlite")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return lib


def _no_traceback(*runs: Run) -> bool:
    return not any(r.traceback for r in runs)


def _storage(bench: Any, base: Path) -> None:
    want = len(article_ids(base))
    out = bench.row("damaged SQLite: 0 bytes / flipped bytes / bad header, then repair")
    for how in ("truncate", "flip", "header"):
        lib = _copy(bench, base, how)
        db = lib / "library.sqlite"
        data = bytearray(db.read_bytes())
        if how == "truncate":
            data = bytearray()
        elif how == "flip":
            rng = random.Random(64)
            for _ in range(64):  # 64 flipped bytes in the data pages, past the schema page
                data[rng.randrange(len(data) // 4, len(data))] ^= 0xFF
        else:
            data[:16] = b"Not SQLite at al"
        db.write_bytes(bytes(data))
        listed = dateline(lib, "articles", "--json")
        searched = dateline(lib, "search", "Mosul")
        told = all(
            r.returncode == 0 or "dateline repair" in r.stderr or "dateline check" in r.stderr
            for r in (listed, searched)
        )
        silent_empty = listed.returncode == 0 and not listed.json()["articles"]
        repaired = dateline(lib, "repair", "--json")
        after = len(article_ids(lib)) if repaired.returncode == 0 else 0
        ok = _no_traceback(listed, searched, repaired) and told and not silent_empty
        ok = ok and repaired.returncode == 0
        lost = want - after
        out.record(ok, f"{how}: {lost} of {want} articles not recovered" if lost else "")
        out.notes.append(f"{how}: {after}/{want} back")
        shutil.rmtree(lib, ignore_errors=True)

    out = bench.row("damaged search index (garbage segments, no TOC)")
    for how in ("segments", "toc"):
        lib = _copy(bench, base, how)
        for f in (lib / "whoosh").iterdir():
            if how == "segments" and f.suffix in (".seg", ".pst", ".trm"):
                f.write_bytes(os.urandom(256))
            if how == "toc" and f.suffix == ".toc":
                f.unlink()
        found = dateline(lib, "search", "--json", "--limit", "0", "")
        total = found.json()["total"] if found.returncode == 0 else -1
        out.record(
            _no_traceback(found) and total == want,
            f"{how}: {want - total} unsearchable" if total != want else "",
        )
        shutil.rmtree(lib, ignore_errors=True)

    _full_disk(bench)
    _read_only(bench, base)


def _mount(*args: str) -> bool:
    return (
        os.geteuid() == 0 and subprocess.run(["mount", *args], capture_output=True).returncode == 0
    )


def _full_disk(bench: Any) -> None:
    out = bench.row("full disk (1 MB tmpfs) during add, then reading")
    disk = bench.dir("disk")
    if not _mount("-t", "tmpfs", "-o", "size=1m", "tmpfs", str(disk)):
        out.notes.append("skipped: needs root to mount a tmpfs")
        return
    try:
        inputs = []
        for f in range(20):
            path = bench.dir("in") / f"in{f}.jsonl"
            path.write_text(
                "".join(
                    json.dumps(
                        {
                            "title": f"Harbour report {f}-{n}",
                            "body": f"Report {f}-{n}. Anna Nowak said the Ystad ferry left late. "
                            * 30,
                        }
                    )
                    + "\n"
                    for n in range(20)
                )
            )
            inputs.append(str(path))
        lib = disk / "lib"
        added = dateline(lib, "add", "--json", *inputs)
        reported = added.json()["added"] if added.stdout.strip().startswith("{") else -1
        stored = len(article_ids(lib))
        listed = dateline(lib, "articles", "--json")
        shown = len(listed.json()["articles"]) if listed.returncode == 0 else -1
        ok = _no_traceback(added, listed) and reported == stored == shown
        out.record(ok, "" if ok else f"reported {reported}, stored {stored}, listed {shown}")
        out.notes.append(f"{stored} of 400 fit; reported {reported}, listed {shown}")
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)


def _read_only(bench: Any, base: Path) -> None:
    out = bench.row("read-only library: read works, write refused")
    lib = _copy(bench, base, "ro")
    if not (_mount("--bind", str(lib), str(lib)) and _mount("-o", "remount,bind,ro", str(lib))):
        subprocess.run(["umount", "-l", str(lib)], capture_output=True)
        out.notes.append("skipped: needs root for a read-only bind mount")
        return
    try:
        listed = dateline(lib, "articles", "--json")
        searched = dateline(lib, "search", "--json", "Mosul")
        extra = bench.dir("x") / "x.jsonl"
        extra.write_text(
            json.dumps({"title": "Ferry", "body": "The Ystad ferry left late."}) + "\n"
        )
        added = dateline(lib, "add", str(extra))
        ok = (
            listed.returncode == 0
            and searched.returncode == 0
            and added.returncode == 2
            and "read-only" in added.stderr
            and _no_traceback(listed, searched, added)
        )
        out.record(ok, "" if ok else "read or refusal failed")
    finally:
        subprocess.run(["umount", "-l", str(lib)], capture_output=True)


# -- hostile feeds -------------------------------------------------------------------------------


def _bomb(size: int, layers: int) -> bytes:
    comp = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b"<" * 2**20
    data = b"".join(comp.compress(block) for _ in range(size // len(block))) + comp.flush()
    for _ in range(layers - 1):
        data = gzip.compress(data, 9)
    return data


def _slow_body() -> Iterator[bytes]:
    import time

    yield _rss("")[:40]
    for _ in range(120):
        time.sleep(1)
        yield b" "


def _hostile_feeds(bench: Any) -> None:
    escapes = "".join(
        _item(f"Ferry {s}news", f"Sailing {s}today", n) for n, s in enumerate(SEQUENCES)
    )
    xxe = _rss(
        _item("&xxe;", "x &xxe;"), '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    )
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    lol = _rss(_item("&l9;", "&l9;"), f'<!DOCTYPE rss [<!ENTITY l0 "lol">{laughs}]>')
    cases: dict[str, tuple[Any, str]] = {
        "escape sequences in titles and bodies": (
            Reply(body=_rss(escapes).decode().encode("utf-8")),
            "clean",
        ),
        "XXE (external entity file:///etc/passwd)": (Reply(body=xxe), "clean"),
        "entity expansion (billion laughs)": (Reply(body=lol), "clean"),
        "gzip bomb (1 GB, one layer)": (
            Reply(body=_bomb(2**30, 1), headers={"Content-Encoding": "gzip"}),
            "refused",
        ),
        "gzip bomb (1 GB, gzip, gzip)": (
            Reply(body=_bomb(2**30, 2), headers={"Content-Encoding": "gzip, gzip"}),
            "refused",
        ),
        "slow server (1 byte/s)": (Reply(body=_slow_body(), content_length=False), "refused"),
        "hanging server (no answer)": (Reply(body=b"", delay=120), "refused"),
        "redirect loop": (redirect("/loop2"), "refused"),
        "redirect to data:": (redirect("data:text/html,<h1>x</h1>"), "refused"),
        "redirect to javascript:": (redirect("javascript:alert(1)"), "refused"),
        "redirect to file:": (redirect("file:///etc/passwd"), "refused"),
    }
    out = bench.row("hostile feeds (each one: stored clean or refused)")
    peaks = []
    with serve() as server:
        server.route("/loop2", redirect("/case7"))
        for n, (name, (reply, expect)) in enumerate(cases.items()):
            url = server.route(f"/case{n}", reply)
            lib = bench.dir("hostile")
            got = dateline(lib, "add", "--json", url, timeout=120)
            peaks.append((got.peak_mb, name))
            problems = []
            if got.traceback or got.returncode not in (0, 1):
                problems.append(f"exit {got.returncode}")
            if got.peak_mb > RSS_LIMIT_MB:
                problems.append(f"{got.peak_mb:.0f} MB")
            if expect == "refused" and got.returncode != 1:
                problems.append("not refused")
            if (lib / "library.sqlite").exists():
                text = stored_text(lib)
                if any(p in text for p in PAYLOADS) or "root:" in text or ESC in text:
                    problems.append("payload stored")
                if any(ord(c) in range(0x80, 0xA0) or c in "\u202e\u200b\u2066" for c in text):
                    problems.append("control characters stored")
            if got.seconds > 40:
                problems.append(f"took {got.seconds:.0f} s")
            out.record(not problems, f"{name}: {', '.join(problems)}" if problems else "")
    worst = max(peaks)
    out.notes.append(f"peak RSS ≤ {worst[0]:.0f} MB ({worst[1]})")


# -- huge inputs ----------------------------------------------------------------------------------


def _huge_inputs(bench: Any, articles: list[dict[str, Any]]) -> None:
    folder = bench.dir("huge")
    words = " ".join(a["body"] for a in articles[:40]).split()
    rng = random.Random(5)

    def text(n: int) -> str:
        out, size = [], 0
        while size < n:
            sentence = " ".join(rng.choice(words) for _ in range(18)).capitalize() + "."
            out.append(sentence)
            size += len(sentence) + 1
        return " ".join(out)

    body = text(3_500_000)
    cases = {
        "JSONL record with a 3.5 MB body": (
            "body.jsonl",
            json.dumps({"title": "Long report", "body": body}),
        ),
        "JSONL record with a 1 MB title": (
            "title.jsonl",
            json.dumps({"title": body[:1_000_000], "body": "Short."}),
        ),
        "one 49 MB article (plain text)": (
            "one.txt",
            "A very long report\n\n" + (body + "\n") * 14,
        ),
    }
    out = bench.row("huge inputs (peak RSS < 500 MB each)")
    for name, (file, content) in cases.items():
        path = folder / file
        path.write_text(content[: 49 * 2**20])
        lib = bench.dir("h")
        got = dateline(lib, "add", "--json", str(path), timeout=900)
        ok = got.returncode in (0, 1) and not got.traceback and got.peak_mb < RSS_LIMIT_MB
        report = got.json() if got.stdout.startswith("{") else {}
        warnings = [w for r in report.get("inputs", []) for w in r.get("warnings", [])]
        out.record(ok, "" if ok else f"{name}: exit {got.returncode}, {got.peak_mb:.0f} MB")
        cut = " (cut, warned)" if any("cut" in w for w in warnings) else ""
        out.notes.append(f"{file}: {got.peak_mb:.0f} MB, {got.seconds:.0f} s{cut}")
        path.unlink()
    # just over the limit: refused, with the size given precisely
    over = folder / "over.txt"
    with open(over, "wb") as f:
        f.truncate(50 * 2**20 + 1)
    lib = bench.dir("h")
    refused = dateline(lib, "add", "--json", str(over))
    reason = refused.json()["inputs"][0]["reason"] if refused.stdout.startswith("{") else ""
    out.record("52,428,801 bytes" in (reason or ""), "" if reason else "no precise refusal")
    # a big dump, interrupted (Ctrl-C) part way: what was stored stays
    dump = folder / "dump.jsonl"
    dump.write_text(
        "".join(
            json.dumps({"title": f"Bulletin {n}", "body": text(900)}) + "\n" for n in range(5000)
        )
    )
    lib = bench.dir("dump")
    stopped = dateline(lib, "add", str(dump), interrupt_after=40)
    kept = len(article_ids(lib)) if (lib / "library.sqlite").exists() else 0
    row = bench.row("5,000-record dump, Ctrl-C after 40 s")
    row.record(kept > 0 and not stopped.traceback, "" if kept else "nothing kept")
    row.notes.append(f"{kept} stored before Ctrl-C, peak {stopped.peak_mb:.0f} MB")
