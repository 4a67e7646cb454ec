"""Scheduled refreshes honour a feed's own refresh hint (<ttl>, sy:updatePeriod) and its
server's (Cache-Control max-age, Expires), against a real HTTP server on 127.0.0.1; a refresh
the user asks for fetches every feed."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from httpserver import Reply, Request, conditional, serve
from index import Library
from index.fetch import fetch
from index.freshness import MAX_AGE_CAP, max_age_seconds
from index.schedule import MAX_TTL_SECONDS, hint_seconds
from reader.cli import main


def rss(ttl: str, title: str = "Canal closes for dredging") -> bytes:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Canal Desk</title>'
        f"{ttl}<item><title>{title}</title><link>https://canaldesk.example/{len(title)}</link>"
        "<description>The canal in Leiden closes for two weeks of dredging, the water board "
        "said.</description></item></channel></rss>"
    ).encode()


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(var, raising=False)


def test_hints() -> None:
    assert hint_seconds(b"<rss><channel><ttl>45</ttl>") == 45 * 60
    assert hint_seconds(b"<rss><channel><ttl>999999</ttl>") == MAX_TTL_SECONDS
    sy = b"<sy:updatePeriod>hourly</sy:updatePeriod><sy:updateFrequency>4</sy:updateFrequency>"
    assert hint_seconds(sy) == 900
    assert hint_seconds(b"<rss><channel><title>x</title>") is None


def test_due_only_skips_a_feed_inside_its_ttl(tmp_path: Path) -> None:
    with serve() as server, Library.open(tmp_path / "lib") as library:
        slow = server.route("/slow.rss", conditional(rss("<ttl>60</ttl>"), etag='"s"'))
        eager = server.route(
            "/eager.rss", conditional(rss("", "Harbour bridge repainted"), etag='"e"')
        )
        library.add_feed(slow)
        library.add_feed(eager)
        first = library.refresh_with_full_text(due_only=True)
        assert first.added == 2
        before = len(server.requests)
        library.refresh_with_full_text(due_only=True)
        asked = [r.path for r in server.requests[before:]]
        assert asked == ["/eager.rss"]  # the feed with a one-hour ttl was left alone
        before = len(server.requests)
        library.refresh_with_full_text()  # asked for by the user: every feed
        assert sorted(r.path for r in server.requests[before:]) == ["/eager.rss", "/slow.rss"]


def test_cli_refresh_due(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with serve() as server:
        url = server.route("/slow.rss", conditional(rss("<ttl>30</ttl>"), etag='"s"'))
        lib = ["--library", str(tmp_path / "lib")]
        assert main(["feeds", "add", url, *lib]) == 0
        assert main(["refresh", "--due", "--json", *lib]) == 0
        capsys.readouterr()
        count = len(server.requests)
        assert main(["refresh", "--due", "--json", *lib]) == 0
        assert json.loads(capsys.readouterr().out)["failed"] == 0
        assert len(server.requests) == count


def test_max_age_from_headers() -> None:
    assert max_age_seconds({"Cache-Control": "public, max-age=600"}) == 600
    assert max_age_seconds({"Cache-Control": 'max-age="90", must-revalidate'}) == 90
    assert max_age_seconds({"Cache-Control": "max-age=99999999"}) == MAX_AGE_CAP
    assert max_age_seconds({"Cache-Control": "no-cache, max-age=600"}) is None
    assert max_age_seconds({"Cache-Control": "no-store"}) is None
    assert max_age_seconds({"Cache-Control": "max-age=0"}) is None
    assert max_age_seconds({"Cache-Control": "s-maxage=600"}) is None
    assert max_age_seconds({}) is None
    dated = {"Date": "Sun, 01 Mar 2026 10:00:00 GMT", "Expires": "Sun, 01 Mar 2026 10:20:00 GMT"}
    assert max_age_seconds(dated) == 1200
    assert max_age_seconds({**dated, "Cache-Control": "max-age=60"}) == 60  # max-age wins
    assert max_age_seconds({**dated, "Expires": "0"}) is None
    assert max_age_seconds({**dated, "Expires": "Sun, 01 Mar 2026 09:00:00 GMT"}) is None


def cached(body: bytes, cache_control: str, etag: str) -> Callable[[Request], Reply]:
    """`conditional`, with a Cache-Control header on the 200 and the 304 alike."""
    inner = conditional(body, etag=etag)

    def reply(request: Request) -> Reply:
        got = inner(request)
        return replace(got, headers={**got.headers, "Cache-Control": cache_control})

    return reply


def test_due_only_honours_cache_control(tmp_path: Path) -> None:
    with serve() as server, Library.open(tmp_path / "lib") as library:
        fresh = server.route("/fresh.rss", cached(rss(""), "public, max-age=3600", '"f"'))
        nocache = server.route(
            "/nocache.rss", cached(rss("", "Harbour bridge repainted"), "no-cache", '"n"')
        )
        library.add_feed(fresh)
        library.add_feed(nocache)
        assert library.refresh_with_full_text(due_only=True).added == 2
        before = len(server.requests)
        library.refresh_with_full_text(due_only=True)
        asked = [r.path for r in server.requests[before:]]
        assert asked == ["/nocache.rss"]  # fresh for an hour by its Cache-Control: not fetched
        before = len(server.requests)
        library.refresh_with_full_text()  # asked for by the user: every feed, both 304s
        assert sorted(r.path for r in server.requests[before:]) == ["/fresh.rss", "/nocache.rss"]
        # The 304 repeated max-age, so the feed is still left alone; once the server stops
        # saying so, the next scheduled refresh fetches it again.
        before = len(server.requests)
        library.refresh_with_full_text(due_only=True)
        assert [r.path for r in server.requests[before:]] == ["/nocache.rss"]
        server.route("/fresh.rss", conditional(rss(""), etag='"f"'))
        library.refresh_with_full_text()
        before = len(server.requests)
        library.refresh_with_full_text(due_only=True)
        assert sorted(r.path for r in server.requests[before:]) == ["/fresh.rss", "/nocache.rss"]


def test_fetch_exposes_max_age() -> None:
    with serve() as server:
        url = server.route("/feed.rss", cached(rss(""), "max-age=120", '"x"'))
        assert fetch(url).max_age == 120
        assert fetch(url, etag='"x"').max_age == 120  # a 304 carries it too
        plain = server.route("/plain.rss", conditional(rss(""), etag='"p"'))
        assert fetch(plain).max_age is None
