"""Scheduled refreshes honour a feed's own refresh hint (<ttl>, sy:updatePeriod), against a
real HTTP server on 127.0.0.1; a refresh the user asks for fetches every feed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from httpserver import conditional, serve
from index import Library
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
