"""Issue 10, items 5 to 10: resource limits, hostile content, edge cases of input.

Servers are real (127.0.0.1), files are real; memory is measured with tracemalloc, which is a
size bound, not a timing assertion.
"""

from __future__ import annotations

import gzip
import json
import os
import tracemalloc
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from httpserver import Reply, conditional, redirect, serve
from index import Library
from index.fetch import FetchError, fetch
from index.model import Progress
from index.sources import FIELD_LIMITS, parse_bytes
from index.textclean import sanitize
from newsfixtures import ELECTION, RSS, WATER_A
from reader.cli import main

ESC = "\x1b"


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(var, raising=False)


# -- item 5: limits -------------------------------------------------------------------------------


def _gzip_stream(total: int) -> bytes:
    """gzip of `total` zero bytes, made without holding them."""
    comp = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = b"\0" * 2**20
    parts = [comp.compress(block) for _ in range(total // len(block))]
    return b"".join([*parts, comp.flush()])


def test_stacked_gzip_bomb_is_refused_with_bounded_memory() -> None:
    inner = _gzip_stream(256 * 2**20)  # 256 MB of zeros, about 250 KB
    bomb = gzip.compress(inner, 9)  # a few KB on the wire
    assert len(bomb) < 50_000
    with serve() as server:
        url = server.route("/x", Reply(body=bomb, headers={"Content-Encoding": "gzip, gzip"}))
        tracemalloc.start()
        try:
            with pytest.raises(FetchError, match="larger than 1 MB"):
                fetch(url, max_bytes=2**20)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    # httpx inflated each chunk whole: ~256 MB before the limit could look at it
    assert peak < 16 * 2**20


def test_stacked_encodings_still_decode() -> None:
    body = RSS.encode()
    with serve() as server:
        twice = server.route(
            "/2",
            Reply(
                body=gzip.compress(gzip.compress(body)), headers={"Content-Encoding": "gzip, gzip"}
            ),
        )
        deflated = server.route(
            "/d", Reply(body=zlib.compress(body), headers={"Content-Encoding": "deflate"})
        )
        raw = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
        raw_deflate = server.route(
            "/r",
            Reply(body=raw.compress(body) + raw.flush(), headers={"Content-Encoding": "deflate"}),
        )
        members = server.route(
            "/m",
            Reply(
                body=gzip.compress(body[:100]) + gzip.compress(body[100:]),
                headers={"Content-Encoding": "gzip"},
            ),
        )
        for url in (twice, deflated, raw_deflate, members):
            assert fetch(url).content == body
        odd = server.route("/b", Reply(body=body, headers={"Content-Encoding": "br"}))
        with pytest.raises(FetchError, match="unsupported Content-Encoding"):
            fetch(odd)


def test_long_fields_are_cut_with_a_warning() -> None:
    record = {
        "title": "Gdansk " * 200_000,
        "author": "Anna " * 1000,
        "source": "Baltic " * 1000,
        "url": "https://balticwire.example/" + "a" * 5000,
        "body": "The ferry to Ystad left late. " * 10,
    }
    got = parse_bytes(json.dumps(record).encode(), "big.jsonl")
    [article] = got.articles
    assert len(article.title) <= FIELD_LIMITS["title"] and article.title.endswith("…")
    assert len(article.author or "") <= FIELD_LIMITS["author"]
    assert len(article.source or "") <= FIELD_LIMITS["source"]
    assert article.url is None  # half a URL points elsewhere: dropped, not cut
    text = " | ".join(got.warnings)
    assert "title longer than 500 characters cut" in text and "1,399,999" in text
    assert "url" in text and "author" in text


def test_ner_batches_are_bounded_by_characters(monkeypatch: pytest.MonkeyPatch) -> None:
    """spaCy's memory grows with the characters in one batch (2.4 GB for a 3.5 MB body)."""
    from index.entities import ner

    batches: list[int] = []

    class Doc:
        ents = ()

    class Recorder:
        def pipe(self, items: list[tuple[str, object]], **kwargs: object) -> Iterator[object]:
            batches.append(sum(len(text) for text, _ in items))
            for _, context in items:
                yield Doc(), context

    monkeypatch.setattr(ner, "load", lambda model=None: Recorder())
    long_text = ("The ferry to Ystad left late. " * 40 + "\n\n") * 3000  # ~3.6 MB
    assert list(ner.pipe([long_text, "short one"])) == [[], []]
    assert max(batches) <= ner.BATCH_CHARS
    assert sum(batches) == len(long_text) + len("short one")


def test_a_big_dump_is_stored_in_batches_and_an_interrupt_keeps_them(tmp_path: Path) -> None:
    records = [
        {"title": f"Ferry notice {n}", "body": f"Notice {n}: the Ystad ferry sails at {n % 24}h."}
        for n in range(700)
    ]
    path = tmp_path / "dump.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    seen: list[Progress] = []

    def interrupt_after_two_batches(event: Progress) -> None:
        seen.append(event)
        if event.stage == "stored" and event.done >= 512:
            raise KeyboardInterrupt

    with Library.open(tmp_path / "lib") as lib:
        with pytest.raises(KeyboardInterrupt):
            lib.add([str(path)], progress=interrupt_after_two_batches)
        # before the fix the whole input was one batch: nothing stored until all of it was
        assert lib.stats()["articles"] == 512
        stored = [e for e in seen if e.stage == "stored"]
        assert [e.done for e in stored] == [256, 512] and stored[0].total == 700
        again = lib.add([str(path)])  # not recorded as read: read again, finishing the job
        assert (again.added, again.unchanged) == (188, 512)
        assert lib.search("").total == 700


def test_the_size_refusal_is_precise(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from index import sources

    limit = 50 * 2**20
    monkeypatch.setattr(sources, "MAX_BYTES", limit)
    path = tmp_path / "huge.txt"
    with open(path, "wb") as f:
        f.truncate(limit + 1)  # sparse: no 50 MB written
    report = Library.open(tmp_path / "lib").add([str(path)])
    reason = report.failures[0].reason or ""
    assert "52,428,801 bytes" in reason and "52,428,800 bytes" in reason
    assert "50.000001 MB" in reason  # not "50 MB; the limit is 50 MB"


# -- items 6 and 7: hostile content ---------------------------------------------------------------

SEQUENCES = {
    "osc title": f"{ESC}]0;pwned-title\x07",
    "osc hyperlink": f"{ESC}]8;;file:///etc/passwd{ESC}\\",
    "csi clear": f"{ESC}[2J",
    "tmux passthrough": f"{ESC}Ptmux;{ESC}{ESC}]52;c;aGVsbG8=\x07{ESC}\\",
    "apc": f"{ESC}_hidden payload{ESC}\\",
    "pm": f"{ESC}^private{ESC}\\",
    "sos": f"{ESC}Xstart of string{ESC}\\",
    "c1 csi": "\x9b31m",
    "c1 osc": "\x9d0;c1-title\x9c",
    "c1 dcs": "\x90q#0;2;0;0;0\x9c",
}
LEFTOVERS = (
    "pwned",
    "passwd",
    "[2J",
    "tmux",
    "52;c",
    "hidden",
    "private",
    "start of",
    "31m",
    "c1-title",
    "#0;2",
)


@pytest.mark.parametrize("name", SEQUENCES)
def test_whole_escape_sequences_are_removed(name: str) -> None:
    seq = SEQUENCES[name]
    cleaned = sanitize(f"Ferry {seq}news")
    assert cleaned == "Ferry news", cleaned
    assert not any(bit in cleaned for bit in LEFTOVERS)


@pytest.mark.parametrize("name", SEQUENCES)
def test_escape_sequences_in_a_feed_leave_no_payload(name: str) -> None:
    seq = SEQUENCES[name]
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Baltic</title>'
        f"<item><title>Ferry {seq}news</title><description>Sailing {seq}today</description>"
        "<link>https://baltic.example/a</link></item></channel></rss>"
    )
    [article] = parse_bytes(feed.encode("utf-8"), "f.rss").articles
    text = article.title + " " + article.body
    assert not any(bit in text for bit in LEFTOVERS), text
    assert article.title == "Ferry news"


INVISIBLE = "\u200e\u200f\u061c\U000e0041\U000e007f\u200b\u2060\ufeff\u00ad\u202e\u2066\u2069"


def test_invisible_and_direction_characters_are_not_stored(tmp_path: Path) -> None:
    record = {
        "title": f"Ystad{INVISIBLE} ferry",
        "body": f"The ferry{INVISIBLE} left late.",
        "author": f"Anna{INVISIBLE} Nowak",
    }
    [article] = parse_bytes(json.dumps(record).encode(), "x.jsonl").articles
    assert (article.title, article.body, article.author) == (
        "Ystad ferry",
        "The ferry left late.",
        "Anna Nowak",
    )


def _raw_has_no_invisible(text: str) -> bool:
    import unicodedata

    return all(c == "\n" or unicodedata.category(c) not in ("Cc", "Cf") for c in text)


def test_json_output_escapes_echoed_queries_and_input_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "lib"
    name = tmp_path / f"ferry{ESC}[31m\u202e.jsonl"
    name.write_text(json.dumps(WATER_A) + "\n")
    assert main(["--library", str(root), "add", "--json", str(name)]) == 0
    out = capsys.readouterr().out
    assert _raw_has_no_invisible(out)
    [result] = json.loads(out)["inputs"]
    assert result["input"] == str(name)  # escaped in the JSON text, exact once decoded
    query = "Mosul\x9b2J\u202e\u200b"
    main(["--library", str(root), "search", "--json", query])
    out = capsys.readouterr().out
    assert _raw_has_no_invisible(out)
    assert json.loads(out)["query"] == query


# -- items 8 and 9: redirects to other schemes, subscriptions that stop being feeds ------------------


@pytest.mark.parametrize(
    ("location", "scheme"),
    [("data:text/html,<script>alert(1)</script>", "data"), ("javascript:alert(1)", "javascript")],
)
def test_a_redirect_to_a_non_http_url_keeps_the_feed(
    tmp_path: Path, location: str, scheme: str
) -> None:
    with serve() as server, Library.open(tmp_path / "lib") as lib:
        url = server.route("/nile.rss", conditional(RSS.encode(), etag='"v1"'))
        assert lib.add([url]).added == 2
        server.route("/nile.rss", redirect(location))
        report = lib.refresh()
        reason = f"redirected to a non-http(s) URL ({scheme}:)"
        assert report.failures[0].reason == reason
        [feed] = lib.feeds()
        assert feed.last_error == reason and feed.etag == '"v1"'  # the last good state
        assert lib.stats()["articles"] == 2


@pytest.mark.parametrize(
    ("body", "content_type", "words"),
    [
        (
            b"<!doctype html><html><head><title>Parked</title></head><body><article><p>"
            + b"This domain is parked and for sale, contact the registrar for details. " * 5
            + b"</p></article></body></html>",
            "text/html",
            "web page",
        ),
        (
            b'<?xml version="1.0"?><opml version="2.0"><body>'
            b'<outline type="rss" xmlUrl="https://baltic.example/a.rss" text="A"/></body></opml>',
            "text/x-opml",
            "OPML",
        ),
    ],
)
def test_a_subscription_that_no_longer_serves_a_feed_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], body: bytes, content_type: str, words: str
) -> None:
    root = tmp_path / "lib"
    with serve() as server:
        url = server.route("/nile.rss", Reply(body=RSS.encode()))
        with Library.open(root) as lib:
            lib.add([url])
            server.route("/nile.rss", Reply(body=body, headers={"Content-Type": content_type}))
            for _ in range(2):
                report = lib.refresh()
                assert report.added == 0 and report.failures
            assert lib.stats()["articles"] == 2  # the page was not stored as an article
            [feed] = lib.feeds()
            assert feed.last_error and words in feed.last_error
        assert main(["--library", str(root), "feeds", "list", "--json"]) == 0
        [listed] = json.loads(capsys.readouterr().out)["feeds"]
        assert words in listed["last_error"]


# -- item 10: file names that start with a dash ---------------------------------------------------


def test_add_a_file_whose_name_starts_with_a_dash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("-ferry.jsonl").write_text(json.dumps(ELECTION) + "\n")
    root = str(tmp_path / "lib")
    assert main(["--library", root, "add", "-ferry.jsonl"]) == 2
    err = capsys.readouterr().err
    assert "dateline add -- -ferry.jsonl" in err
    assert main(["--library", root, "add", "--json", "--", "-ferry.jsonl"]) == 0
    assert json.loads(capsys.readouterr().out)["added"] == 1
    assert os.path.exists(root)
