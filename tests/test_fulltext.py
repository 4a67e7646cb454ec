"""Full text on demand (issue 9): fetch the article's page from a real server on 127.0.0.1,
store it beside the summary, re-extract entities, re-index; per-feed setting; errors."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from httpserver import Reply, conditional, serve
from index import Library
from index.fulltext import FullTextError
from reader.app import DatelineApp
from reader.config import Config
from reader.screens.main import MainScreen
from tui_fixtures import anyio_backend_fixture, settle, wait_for_workers  # noqa: F401 (a fixture)

SUMMARY = "Engineers in Trondheim tested a new tidal turbine this week."
PAGE = """<!doctype html><html><head><title>Trondheim tests a tidal turbine</title>
<meta property="og:title" content="Trondheim tests a tidal turbine"></head><body>
<header><nav>Home | News | Weather</nav></header>
<article><h1>Trondheim tests a tidal turbine</h1>
<p>Engineers in Trondheim tested a new tidal turbine in the fjord this week, the city's energy
company said on Thursday, after two years of design work and a winter of delays.</p>
<p>Project lead Sigrid Aalberg said the turbine produced more power than expected during the
spring tides. "The fjord is a better engine than we hoped," Aalberg told reporters at the quay.</p>
<p>The company plans to install four more turbines before the end of next year if the trial
continues to go well, and to sell the power to the regional grid.</p>
</article><footer>Share this article · Comments</footer></body></html>"""


def feed(base: str, *items: tuple[str, str]) -> bytes:
    body = "".join(
        f"<item><title>{title}</title><link>{base}{path}</link>"
        f"<description>{SUMMARY if path == '/turbine.html' else title + '. A short item.'}"
        "</description><pubDate>Thu, 12 Nov 2026 08:00:00 GMT</pubDate></item>"
        for title, path in items
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Fjord Energy</title>'
        f"{body}</channel></rss>"
    ).encode()


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(var, raising=False)


@pytest.fixture(name="site")
def site_fixture(tmp_path: Path):  # type: ignore[no-untyped-def]
    with serve() as server:
        base = server.url("")
        server.route(
            "/turbine.html", Reply(body=PAGE.encode(), headers={"Content-Type": "text/html"})
        )
        server.route("/gone.html", Reply(status=404, body=b"gone"))
        url = server.route("/fjord.rss", conditional(feed(
            base, ("Trondheim tests a tidal turbine", "/turbine.html"),
            ("Ferry to Munkholmen resumes", "/gone.html"),
        ), etag='"1"'))  # fmt: skip
        with Library.open(tmp_path / "lib") as library:
            assert library.add([url]).added == 2
        yield tmp_path / "lib", server, url, base


def article_id(library: Library, title: str) -> str:
    return next(a.id for a in library.articles() if a.title.startswith(title))


def test_full_text_replaces_the_summary_and_the_index_follows(site) -> None:  # type: ignore[no-untyped-def]
    library_path, *_ = site
    with Library.open(library_path) as library:
        turbine = article_id(library, "Trondheim")
        assert library.search("aalberg").total == 0
        done = library.fetch_full_text(turbine)
        assert done.body_chars > done.summary_chars == len(SUMMARY)
        article = library.article(turbine)
        assert article is not None and "spring tides" in article.body
        assert "Share this article" not in article.body and "Home | News" not in article.body
        assert "Sigrid Aalberg" in article.people  # entities extracted again
        assert [h.article.id for h in library.search("aalberg").hits] == [turbine]
        from index import fulltext

        assert fulltext.stored(library._conn, turbine) == (SUMMARY, article.body)
        # An unreachable page is a clear error and the summary stays.
        gone = article_id(library, "Ferry")
        before = library.article(gone)
        with pytest.raises(FullTextError, match="could not be fetched"):
            library.fetch_full_text(gone)
        assert library.article(gone) == before


def test_a_feed_can_ask_for_full_text_and_keeps_it(site) -> None:  # type: ignore[no-untyped-def]
    library_path, server, url, base = site
    with Library.open(library_path) as library:
        library.set_feed_full_text(url, True)
        server.route("/second.html", Reply(body=PAGE.replace("Trondheim tests", "Bodo tests").encode(),
                                            headers={"Content-Type": "text/html"}))  # fmt: skip
        server.route("/fjord.rss", conditional(feed(
            base, ("Trondheim tests a tidal turbine", "/turbine.html"),
            ("Ferry to Munkholmen resumes", "/gone.html"), ("Bodo tests a turbine", "/second.html"),
        ), etag='"2"'))  # fmt: skip
        report = library.refresh_with_full_text()
        assert report.added == 1
        bodo = library.article(article_id(library, "Bodo"))
        assert bodo is not None and "spring tides" in bodo.body
        # The feed changes again and carries the summary: the full text comes back.
        library.fetch_full_text(article_id(library, "Trondheim"))
        server.route("/fjord.rss", conditional(feed(
            base, ("Trondheim tests a tidal turbine", "/turbine.html"),
            ("Ferry to Munkholmen resumes", "/gone.html"), ("Bodo tests a turbine", "/second.html"),
            ("Harbour crane replaced", "/gone.html"),
        ), etag='"3"'))  # fmt: skip
        library.refresh_with_full_text()
        trondheim = library.article(article_id(library, "Trondheim"))
        assert trondheim is not None and "spring tides" in trondheim.body


@pytest.mark.anyio
@pytest.mark.parametrize("size", ((80, 24), (120, 40), (160, 50)))
async def test_full_text_key_in_the_reader(site, size) -> None:  # type: ignore[no-untyped-def]
    library_path, *_ = site
    app = DatelineApp(library_path, config=Config())
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        with Library.open(library_path) as library:
            turbine = article_id(library, "Trondheim")
            gone = article_id(library, "Ferry")
        screen.show_article(turbine)
        await settle(pilot)
        await pilot.press("t")
        for _ in range(3):
            await wait_for_workers(app)
            await settle(pilot)
        assert screen.reading is not None and "spring tides" in screen.reading.article.body
        assert any("Full text stored" in str(n.message) for n in app._notifications)
        screen.show_article(gone)
        await settle(pilot)
        await pilot.press("t")
        await pilot.pause()
        deadline = time.monotonic() + 60
        while screen.has_class("-job") and time.monotonic() < deadline:
            await pilot.pause(0.2)
        await pilot.pause(0.2)
        assert any("could not be fetched" in str(n.message) for n in app._notifications)
        assert screen.reading is not None and screen.reading.article.body.startswith("Ferry")
