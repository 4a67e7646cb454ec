"""`index.fetch` against a real HTTP server on 127.0.0.1 (see `httpserver.py`)."""

from __future__ import annotations

import gzip
import pickle
import socket
import time
from collections.abc import Iterator

import httpx
import pytest

from httpserver import LocalServer, Reply, closed_port, conditional, redirect, serve
from index.fetch import FetchError, FetchRequest, FetchResult, _reason, fetch, fetch_many

FEED = b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>'


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """httpx honours *_PROXY variables; loopback tests must never go through a proxy."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with serve() as running:
        yield running


def reason_of(url: str, **kwargs: object) -> str:
    with pytest.raises(FetchError) as caught:
        fetch(url, **kwargs)  # type: ignore[arg-type]
    assert caught.value.url == url
    return caught.value.reason


# -- conditional GET ---------------------------------------------------------------------------


def test_etag_then_not_modified(server: LocalServer) -> None:
    url = server.route("/feed.xml", conditional(FEED, etag='"v1"'))

    first = fetch(url)
    assert first == FetchResult(
        url=url,
        status=200,
        content=FEED,
        content_type="application/rss+xml; charset=utf-8",
        etag='"v1"',
        last_modified=None,
        not_modified=False,
    )
    second = fetch(url, etag=first.etag)
    assert second.not_modified
    assert second.status == 304
    assert second.content is None
    assert second.etag == '"v1"'

    sent = server.requests
    assert "if-none-match" not in sent[0].headers
    assert sent[1].headers["if-none-match"] == '"v1"'
    assert sent[0].headers["user-agent"] == "Dateline/0.1 (+terminal news reader)"


def test_last_modified_then_not_modified(server: LocalServer) -> None:
    stamp = "Mon, 02 Dec 2024 10:00:00 GMT"
    url = server.route("/feed.xml", conditional(FEED, last_modified=stamp))

    first = fetch(url)
    assert (first.content, first.last_modified, first.etag) == (FEED, stamp, None)
    second = fetch(url, last_modified=stamp)
    assert second.not_modified and second.content is None
    assert second.last_modified == stamp
    assert server.requests[1].headers["if-modified-since"] == stamp


def test_changed_resource_is_fetched_again(server: LocalServer) -> None:
    url = server.route("/feed.xml", conditional(FEED, etag='"v2"'))
    result = fetch(url, etag='"v1"')
    assert not result.not_modified
    assert (result.content, result.etag) == (FEED, '"v2"')


def test_bare_304_keeps_the_validators_that_were_sent(server: LocalServer) -> None:
    url = server.route("/feed.xml", Reply(status=304))
    result = fetch(url, etag='"abc"', last_modified="Mon, 02 Dec 2024 10:00:00 GMT")
    assert result.not_modified
    assert result.etag == '"abc"'
    assert result.last_modified == "Mon, 02 Dec 2024 10:00:00 GMT"


def test_gzip_body_is_decoded(server: LocalServer) -> None:
    url = server.route(
        "/feed.xml", Reply(body=gzip.compress(FEED), headers={"Content-Encoding": "gzip"})
    )
    assert fetch(url).content == FEED
    assert "gzip" in server.requests[0].headers["accept-encoding"]


def test_corrupt_gzip_is_an_error(server: LocalServer) -> None:
    url = server.route("/x", Reply(body=b"not gzip at all", headers={"Content-Encoding": "gzip"}))
    assert "could not be decoded" in reason_of(url)


# -- redirects ---------------------------------------------------------------------------------


def test_redirect_chain_within_the_limit(server: LocalServer) -> None:
    server.route("/a", redirect(server.url("/b"), 301))
    server.route("/b", redirect("/c", 307))  # a relative Location
    server.route("/c", redirect(server.url("/final"), 308))
    final = server.route("/final", Reply(body=FEED))

    result = fetch(server.url("/a"), max_redirects=3)
    assert (result.url, result.content) == (final, FEED)
    assert [r.path for r in server.requests] == ["/a", "/b", "/c", "/final"]


def test_redirect_chain_beyond_the_limit(server: LocalServer) -> None:
    for hop in range(4):
        server.route(f"/r{hop}", redirect(server.url(f"/r{hop + 1}")))
    server.route("/r4", Reply(body=FEED))

    assert reason_of(server.url("/r0"), max_redirects=3) == "too many redirects (more than 3)"
    assert len(server.requests) == 4  # the first request and three redirects, no more


def test_redirect_loop_is_bounded(server: LocalServer) -> None:
    url = server.route("/loop", redirect("/loop"))
    assert reason_of(url) == "too many redirects (more than 5)"
    assert len(server.requests) == 6


def test_redirect_to_another_scheme_is_refused(server: LocalServer) -> None:
    url = server.route("/away", redirect("file:///etc/passwd"))
    reason = reason_of(url)
    assert reason == "redirected to a non-http(s) URL (file:)"


# -- size limit --------------------------------------------------------------------------------


def test_body_at_the_limit_is_fine(server: LocalServer) -> None:
    url = server.route("/x", Reply(body=b"x" * 1024))
    assert fetch(url, max_bytes=1024).content == b"x" * 1024


def test_body_over_the_limit(server: LocalServer) -> None:
    url = server.route("/x", Reply(body=b"x" * 1025))
    assert reason_of(url, max_bytes=1024) == "response larger than 1 KB"


def test_declared_length_over_the_limit_is_refused_before_reading(server: LocalServer) -> None:
    # The header lies (the body is tiny); the declared size alone is reason enough.
    url = server.route("/x", Reply(body=b"tiny", content_length=11 * 2**20))
    assert reason_of(url) == "response larger than 10 MB"


def test_body_over_the_limit_without_content_length(server: LocalServer) -> None:
    chunks = [b"y" * 1000] * 50  # 50 kB, the end marked only by closing the connection
    url = server.route("/x", Reply(body=chunks, content_length=False))
    assert reason_of(url, max_bytes=10_000) == "response larger than 10000 bytes"


def test_body_without_content_length_under_the_limit(server: LocalServer) -> None:
    url = server.route("/x", Reply(body=[b"ab", b"cd"], content_length=False))
    assert fetch(url).content == b"abcd"


def test_gzip_bomb_is_stopped_at_the_decoded_size(server: LocalServer) -> None:
    bomb = gzip.compress(b"\0" * 2_000_000)  # a few kB on the wire, honest Content-Length
    url = server.route("/x", Reply(body=bomb, headers={"Content-Encoding": "gzip"}))
    assert len(bomb) < 100_000
    assert reason_of(url, max_bytes=100_000) == "response larger than 100000 bytes"


# -- time limit --------------------------------------------------------------------------------


def test_slow_server_times_out(server: LocalServer) -> None:
    url = server.route("/slow", Reply(body=FEED, delay=5))
    assert reason_of(url, timeout=0.5) == "timed out after 0.5 s"


def trickle() -> Iterator[bytes]:
    for _ in range(40):  # at most 4 s, and the server stops it sooner
        time.sleep(0.1)
        yield b"."


def test_trickling_body_is_bounded_by_the_whole_fetch_deadline(server: LocalServer) -> None:
    # Every read gets a byte well within the timeout; only the overall deadline stops it.
    url = server.route("/trickle", Reply(body=trickle(), content_length=False))
    assert reason_of(url, timeout=0.5) == "timed out after 0.5 s"


# -- errors ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "reason"), [(404, "HTTP 404 Not Found"), (500, "HTTP 500 Internal Server Error")]
)
def test_http_errors(server: LocalServer, status: int, reason: str) -> None:
    url = server.route("/x", Reply(status=status, body=b"oops"))
    assert reason_of(url) == reason


def test_unrouted_path_is_404(server: LocalServer) -> None:
    assert reason_of(server.url("/nothing-here")) == "HTTP 404 Not Found"


def test_connection_refused() -> None:
    assert reason_of(f"http://127.0.0.1:{closed_port()}/feed") == "connection refused"


@pytest.mark.parametrize(
    "url", ["ftp://127.0.0.1/feed.xml", "file:///etc/passwd", "javascript:alert(1)", "feed.xml"]
)
def test_only_http_and_https(url: str) -> None:
    assert reason_of(url) == "only http and https URLs can be fetched"


def test_url_without_host() -> None:
    assert "not a valid URL" in reason_of("http:///feed.xml")


def test_unresolvable_host_reason() -> None:
    # Resolving a real name would leave loopback, so the OS error is built the way httpx
    # wraps it (httpx error <- httpcore error <- socket.gaierror).
    try:
        try:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        except socket.gaierror as os_error:
            raise httpx.ConnectError(str(os_error)) from os_error
    except httpx.ConnectError as exc:
        assert _reason(exc, 15.0) == "could not resolve host"


def test_fetch_error_survives_pickling() -> None:
    error = pickle.loads(pickle.dumps(FetchError("http://x/", "connection refused")))
    assert (error.url, error.reason, str(error)) == (
        "http://x/",
        "connection refused",
        "http://x/: connection refused",
    )


# -- many at once ------------------------------------------------------------------------------


def test_fetch_many_mixes_good_and_bad(server: LocalServer) -> None:
    good = server.route("/good.xml", Reply(body=FEED))
    same = server.route("/same.xml", conditional(FEED, etag='"s"'))
    missing = server.route("/missing.xml", Reply(status=404))
    slow = server.route("/slow.xml", Reply(body=FEED, delay=10))
    refused = f"http://127.0.0.1:{closed_port()}/feed.xml"
    other = "ftp://127.0.0.1/feed.xml"
    requests = [
        FetchRequest(good),
        FetchRequest(same, etag='"s"'),
        FetchRequest(missing),
        FetchRequest(slow),
        FetchRequest(refused),
        FetchRequest(other),
        FetchRequest(good),  # asked twice, fetched once
    ]
    seen: list[str] = []

    results = fetch_many(
        requests, max_workers=3, timeout=1.0, on_done=lambda url, _outcome: seen.append(url)
    )

    assert list(results) == [good, same, missing, slow, refused, other]
    assert sorted(seen) == sorted(results)
    ok = results[good]
    assert isinstance(ok, FetchResult) and ok.content == FEED
    cached = results[same]
    assert isinstance(cached, FetchResult) and cached.not_modified
    reasons = {url: r.reason for url, r in results.items() if isinstance(r, FetchError)}
    assert reasons == {
        missing: "HTTP 404 Not Found",
        slow: "timed out after 1 s",
        refused: "connection refused",
        other: "only http and https URLs can be fetched",
    }
    assert [r.path for r in server.requests].count("/good.xml") == 1


def test_fetch_many_of_nothing() -> None:
    assert fetch_many([]) == {}
