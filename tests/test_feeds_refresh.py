"""Subscriptions end to end against a real HTTP server on 127.0.0.1, and the background job."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from httpserver import Reply, closed_port, conditional, serve
from index import Library
from index.jobs import run_job
from index.model import Progress
from newsfixtures import RSS

ITEM = """<item><title>Port Said canal tolls rise for container ships</title>
<link>https://niledesk.example/canal-tolls</link><pubDate>Wed, 11 Nov 2026 08:00:00 GMT</pubDate>
<description>&lt;p&gt;The Suez Canal Authority raised tolls for container ships by six percent on
Wednesday, authority chairman Adel Mansour said in Ismailia.&lt;/p&gt;</description></item>"""

OPML = """<?xml version="1.0"?><opml version="2.0"><head><title>mine</title></head><body>
<outline text="Middle East"><outline text="Nile Desk" type="rss" xmlUrl="{url}"/></outline>
</body></opml>"""


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(var, raising=False)


def test_feed_url_subscribes_and_refresh_uses_conditional_get(tmp_path: Path) -> None:
    with serve() as server, Library.open(tmp_path / "lib") as lib:
        url = server.route("/nile.rss", conditional(RSS.encode(), etag='"v1"'))
        report = lib.add([url])
        assert report.added == 2 and not report.failures
        [feed] = lib.feeds()
        assert feed.url == url and feed.title == "Nile Desk"

        again = lib.refresh()
        assert (again.added, again.unchanged, again.failures) == (0, 0, ())
        assert server.requests[-1].headers.get("if-none-match") == '"v1"'

        # the feed changes: a new item is added, the old ones are unchanged
        server.route(
            "/nile.rss",
            conditional(RSS.replace("</channel>", ITEM + "</channel>").encode(), etag='"v2"'),
        )
        changed = lib.refresh()
        assert changed.added == 1 and changed.unchanged == 2
        assert {h.article.title for h in lib.search("person:mansour").hits} == {
            "Port Said canal tolls rise for container ships"
        }


def test_one_broken_feed_never_stops_the_refresh(tmp_path: Path) -> None:
    with serve() as server, Library.open(tmp_path / "lib") as lib:
        good = server.route("/good.rss", Reply(body=RSS.encode()))
        gone = server.route("/gone.rss", Reply(status=404, body=b"no"))
        junk = server.route("/junk.rss", Reply(body=b"\x00\x01\x02 not a feed \xff" * 50))
        dead = f"http://127.0.0.1:{closed_port()}/feed.xml"
        for url in (good, gone, junk, dead):
            lib.add_feed(url)
        report = lib.refresh()
        reasons = {r.origin: r.reason for r in report.failures}
        assert set(reasons) == {gone, junk, dead}
        assert "404" in reasons[gone] and "refused" in reasons[dead]
        assert report.added == 2
        by_url = {f.url: f for f in lib.feeds()}
        assert by_url[gone].last_error and by_url[good].last_error is None


def test_opml_subscribes_with_folder_tags_and_exports(tmp_path: Path) -> None:
    with serve() as server, Library.open(tmp_path / "lib") as lib:
        url = server.route("/nile.rss", Reply(body=RSS.encode()))
        opml = tmp_path / "subs.opml"
        opml.write_text(OPML.format(url=url), encoding="utf-8")
        report = lib.add([str(opml)])
        assert report.results[0].feeds == 1 and report.added == 0
        [feed] = lib.feeds()
        assert feed.tags == ("middle east",)  # as `t` and the tag counts show it
        assert url in lib.export_opml()
        assert lib.refresh().added == 2


def test_add_runs_in_a_background_process(tmp_path: Path, news_inputs: dict[str, Path]) -> None:
    events: list[Progress] = []
    report = run_job(
        "index.jobs:add",
        tmp_path / "lib",
        {"inputs": [str(news_inputs["rss"])], "tags": ["egypt"]},
        on_progress=events.append,
    )
    assert report.added == 2
    assert any(e.stage == "entities" for e in events)
    with Library.open(tmp_path / "lib") as lib:
        hits = lib.search("place:cairo").hits
        assert [h.article.title for h in hits] == ["Cairo metro extension opens to passengers"]
    assert json.dumps(report.to_json())  # the result crossed the process boundary intact


def test_feeds_add_checks_the_feed_once_and_refuses_what_is_no_feed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A 404, a web page and a dead port are refused when subscribing (exit 1, nothing
    stored); a real feed is subscribed under its title, and a second time says so."""
    from reader.cli import main

    lib = ["--library", str(tmp_path / "lib")]
    page = b"<!doctype html><html><head><title>Desk</title></head><body><p>Hello.</p></body></html>"
    with serve() as server:
        good = server.route("/nile.rss", Reply(body=RSS.encode()))
        gone = server.route("/gone.rss", Reply(status=404, body=b"no"))
        html = server.route("/index.html", Reply(body=page, headers={"Content-Type": "text/html"}))
        dead = f"http://127.0.0.1:{closed_port()}/feed.rss"
        for url, why in ((gone, "404"), (html, "web page"), (dead, "")):
            assert main([*lib, "feeds", "add", url]) == 1
            assert why in capsys.readouterr().err
        assert main([*lib, "feeds", "add", good]) == 0
        assert "Nile Desk" in capsys.readouterr().out
        assert main([*lib, "feeds", "add", good]) == 0
        assert "Already subscribed" in capsys.readouterr().out
    with Library.open(tmp_path / "lib") as library:
        assert [(f.url, f.title) for f in library.feeds()] == [(good, "Nile Desk")]


# -- broken feeds stay visible (QA 4, items 7 and 8) ----------------------------------------------
CUT_HEAD = '<?xml version="1.0"?><rss version="2.0"><channel><title>Cut Wire</title>'
CUT_ITEMS = "".join(
    f"<item><title>Grain convoy {i} reaches Odesa</title><link>https://cut.example/{i}</link>"
    f"<description>The grain convoy {i} reached Odesa on Monday, port officials said."
    "</description></item>"
    for i in range(3)
)
CUT_TAIL = "<item><title>Half a sto"


def test_an_ill_formed_feed_stays_marked_across_not_modified_refreshes(tmp_path: Path) -> None:
    cut = (CUT_HEAD + CUT_ITEMS + CUT_TAIL).encode()
    with serve() as server, Library.open(tmp_path / "lib") as lib:
        url = server.route("/cut.rss", conditional(cut, etag='"v1"'))
        lib.add_feed(url)
        first = lib.refresh()
        assert first.added == 3 and not first.failures
        assert any(w.startswith("ill-formed feed") for w in first.results[0].warnings)
        marked = lib.feeds()[0].last_error
        assert marked and marked.startswith("ill-formed feed") and "kept 3 entries" in marked

        assert lib.refresh().results[0].warnings == ()  # a 304: the same broken document
        assert server.requests[-1].headers.get("if-none-match") == '"v1"'
        assert lib.feeds()[0].last_error == marked

        # A failed fetch says why; the next 304 brings the feed's own state back.
        server.route("/cut.rss", Reply(status=503, body=b"busy"))
        lib.refresh()
        assert "503" in (lib.feeds()[0].last_error or "")
        server.route("/cut.rss", conditional(cut, etag='"v1"'))
        lib.refresh()
        assert lib.feeds()[0].last_error == marked

        # Mended: a good copy clears it.
        good = (CUT_HEAD + CUT_ITEMS + "</channel></rss>").encode()
        server.route("/cut.rss", conditional(good, etag='"v2"'))
        lib.refresh()
        assert lib.feeds()[0].last_error is None
        lib.refresh()
        assert lib.feeds()[0].last_error is None


def test_an_ill_formed_feed_with_nothing_to_read_is_not_called_empty(tmp_path: Path) -> None:
    with serve() as server, Library.open(tmp_path / "lib") as lib:
        url = server.route("/cut0.rss", conditional((CUT_HEAD + CUT_TAIL).encode(), etag='"a"'))
        lib.add_feed(url)
        warnings = lib.refresh().results[0].warnings
        assert not any("no entries yet" in w for w in warnings)
        assert any("no entry could be read" in w for w in warnings)
        lib.refresh()
        assert "no entry could be read" in (lib.feeds()[0].last_error or "")
        # A well-formed feed without entries is only empty.
        empty = server.route("/empty.rss", Reply(body=(CUT_HEAD + "</channel></rss>").encode()))
        lib.add_feed(empty)
        report = {r.origin: r for r in lib.refresh().results}
        assert report[empty].warnings == ("the feed has no entries yet",)
        assert {f.url: f.last_error for f in lib.feeds()}[empty] is None


def test_feeds_add_of_a_feed_with_nothing_to_read_warns_and_records_the_fetch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.cli import main

    lib = ["--library", str(tmp_path / "lib")]
    garbage = tmp_path / "garbage.xml"
    garbage.write_text(CUT_HEAD + CUT_TAIL)
    assert main([*lib, "feeds", "add", str(garbage)]) == 0
    said = capsys.readouterr()
    assert "Subscribed to" in said.out
    # The plain-text answer warns as --json shows it (the exit status stays 0).
    assert "warning: ill-formed feed" in said.err and "no entry could be read" in said.err
    with serve() as server:
        url = server.route("/cut0.rss", Reply(body=(CUT_HEAD + CUT_TAIL).encode()))
        assert main([*lib, "feeds", "add", url, "--json"]) == 0
        added = json.loads(capsys.readouterr().out)["feed"]
        assert "no entry could be read" in added["last_error"] and added["last_fetched"]
    assert main([*lib, "feeds", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["feeds"]
    assert len(listed) == 2
    for feed in listed:
        assert feed["last_fetched"] is not None
        assert feed["last_error"].startswith("ill-formed feed") and "no entry" in feed["last_error"]


def test_feeds_add_of_a_partly_readable_feed_warns_and_a_good_one_does_not(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.cli import main

    lib = ["--library", str(tmp_path / "lib")]
    with serve() as server:
        cut = server.route("/cut.rss", Reply(body=(CUT_HEAD + CUT_ITEMS + CUT_TAIL).encode()))
        good = server.route("/good.rss", Reply(body=RSS.encode()))
        assert main([*lib, "feeds", "add", cut]) == 0
        said = capsys.readouterr()
        assert "Subscribed to" in said.out
        assert "warning: ill-formed feed" in said.err and "kept 3 entries" in said.err
        assert main([*lib, "feeds", "add", good]) == 0
        said = capsys.readouterr()
        assert "Subscribed to" in said.out and "warning" not in said.err
        assert main([*lib, "feeds", "add", cut]) == 0  # already subscribed: said once is enough
        said = capsys.readouterr()
        assert "Already subscribed" in said.out and "warning" not in said.err


def test_a_feed_that_turned_into_a_web_page_says_so_whatever_the_page(tmp_path: Path) -> None:
    article = "<p>" + " ".join(["The harbour authority reopened the northern quay."] * 12) + "</p>"
    pages = {
        "/story.rss": f"<!doctype html><html><head><title>Desk</title></head><body>{article}",
        "/bare.rss": "<!doctype html><html><head><title>Desk</title></head><body><p>Hi.</p>",
    }
    with serve() as server, Library.open(tmp_path / "lib") as lib:
        for path, body in pages.items():
            page = (body + "</body></html>").encode()
            lib.add_feed(
                server.route(path, Reply(body=page, headers={"Content-Type": "text/html"}))
            )
        reasons = {r.reason for r in lib.refresh().failures}
        assert reasons == {"the feed URL now serves a web page, not a feed"}
        assert {f.last_error for f in lib.feeds()} == reasons
