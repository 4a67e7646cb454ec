"""Subscriptions met again: an OPML import naming feeds already subscribed, a feed title with
entities, a full-text article refreshed, and the JSON of `feeds add/remove/export` and `add`.
Every feed is served by a real HTTP server on 127.0.0.1 (tests/httpserver.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from httpserver import Reply, conditional, serve
from index import Library
from tests.test_cli_contract import run

WHARF = """<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>
<item><title>Ferry timetable changes at Skerrin quay</title><link>{base}/a/ferry</link>
<pubDate>Thu, 26 Nov 2026 08:00:00 GMT</pubDate>
<description>The Skerrin ferry leaves an hour earlier from Monday, harbour master Ilse Brandvold
said.</description></item>
<item><title>Grain barges wait out the fog</title><link>{base}/a/barges</link>
<pubDate>Fri, 27 Nov 2026 09:00:00 GMT</pubDate>
<description>Six barges waited off Lowmere for the fog to lift, pilot Oren Tallis said.</description>
</item></channel></rss>"""

SAVANNA = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Savanna Post</title><id>urn:savanna</id><updated>2026-11-28T10:00:00Z</updated>
<entry><title>Rains return to the Okavango delta</title><id>urn:savanna:1</id>
<link href="{base}/s/rains"/><updated>2026-11-28T10:00:00Z</updated>
<summary>Guides in Maun said the first rains reached the delta on Saturday.</summary></entry>
<entry><title>Kenyan tea auction prices steady</title><id>urn:savanna:2</id>
<link href="{base}/s/tea"/><updated>2026-11-27T10:00:00Z</updated>
<summary>Prices at the Mombasa tea auction held steady, broker Wanjiru Kamau said.</summary></entry>
</feed>"""

OPML = """<?xml version="1.0"?><opml version="2.0"><head><title>mine</title></head><body>
<outline text="Ports"><outline type="rss" text="The Wharf" xmlUrl="{wharf}"/>
  <outline type="rss" text="Gone feed" xmlUrl="{gone}"/></outline>
<outline text="Africa"><outline type="rss" text="SP" xmlUrl="{savanna}"/></outline>
<outline type="rss" text="Broken" xmlUrl="{broken}"/>
</body></opml>"""


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(var, raising=False)


def test_opml_naming_feeds_already_subscribed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Finding 5: new subscriptions are counted apart from the ones already there; those keep
    their own titles and gain the folder tags, their articles too (lower-cased, as `t` does)."""
    lib = ["--library", str(tmp_path / "lib")]
    with serve() as server:
        base = server.url("")
        wharf = server.route("/wharf.rss", Reply(body=WHARF.format(title="The Wharf Log",
                                                                   base=base).encode()))  # fmt: skip
        savanna = server.route(
            "/savanna.atom",
            Reply(body=SAVANNA.format(base=base).encode(),
                  headers={"Content-Type": "application/atom+xml"}),
        )  # fmt: skip
        broken = server.route("/broken.rss", Reply(status=500, body=b"boom"))
        gone = server.url("/gone.rss")  # the server answers 404
        assert run(capsys, *lib, "add", wharf, savanna)[0] == 0
        opml = tmp_path / "subs.opml"
        opml.write_text(OPML.format(wharf=wharf, gone=gone, savanna=savanna, broken=broken))
        code, out, err = run(capsys, *lib, "add", str(opml))
        assert code == 0
        assert (
            "subscribed to 2 new feeds, 2 already subscribed (tags added to 2); "
            "new feeds are fetched by the next `dateline refresh`"
        ) in err
        code, out, _ = run(capsys, *lib, "add", str(opml), "--json")  # the same file again
        [item] = json.loads(out)["inputs"]
        assert (item["kind"], item["feeds"], item["already_subscribed"]) == ("opml", 0, 4)
        with Library.open(tmp_path / "lib") as library:
            by_url = {f.url: f for f in library.feeds()}
            assert by_url[savanna].title == "Savanna Post"  # not the OPML's "SP"
            assert by_url[savanna].tags == ("africa",) and by_url[wharf].tags == ("ports",)
            assert by_url[gone].title == "Gone feed"  # a label while the feed has no title
            assert library.search("tag:africa").total == 2
            assert library.search("tag:Ports").total == 2
            assert [(t.tag, t.total) for t in library.tag_counts()] == [("africa", 2), ("ports", 2)]
            # The next refresh fetches the new ones and names what fails.
            report = library.refresh()
            assert {r.origin for r in report.failures} == {gone, broken}
        # A feed URL added again is no new subscription, and keeps its tags.
        code, out, _ = run(capsys, *lib, "add", savanna, "--json")
        [item] = json.loads(out)["inputs"]
        assert (item["feeds"], item["already_subscribed"]) == (0, 1)
    with Library.open(tmp_path / "lib") as library:
        assert {f.url: f.tags for f in library.feeds()}[savanna] == ("africa",)


def test_an_opml_label_gives_way_to_the_feeds_own_title_and_a_rename_stays(
    tmp_path: Path,
) -> None:
    with serve() as server, Library.open(tmp_path / "lib") as library:
        base = server.url("")
        wharf = server.route("/wharf.rss", conditional(
            WHARF.format(title="The Wharf Log", base=base).encode(), etag='"1"'))  # fmt: skip
        savanna = server.route("/savanna.atom", Reply(body=SAVANNA.format(base=base).encode()))
        opml = tmp_path / "subs.opml"
        opml.write_text(OPML.format(wharf=wharf, gone=server.url("/g"), savanna=savanna,
                                    broken=server.url("/b")))  # fmt: skip
        library.add([str(opml)])
        library.rename_feed(savanna, "My Savanna")
        library.refresh()
        titles = {f.url: f.title for f in library.feeds()}
        assert titles[wharf] == "The Wharf Log" and titles[savanna] == "My Savanna"
        # The feed renames itself: its own title follows; the user's name never changes.
        server.route("/wharf.rss", conditional(
            WHARF.format(title="Wharf Log Daily", base=base).encode(), etag='"2"'))  # fmt: skip
        library.refresh()
        titles = {f.url: f.title for f in library.feeds()}
        assert titles[wharf] == "Wharf Log Daily" and titles[savanna] == "My Savanna"


def test_feed_titles_are_decoded_like_item_titles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Finding 10, including a library that stored the undecoded title before the fix."""
    escaped = WHARF.replace("Grain barges wait", "Grain &amp;amp; salt barges wait")
    with serve() as server:
        base = server.url("")
        url = server.route("/quill.rss", conditional(
            escaped.format(title="Quill &amp;amp; Compass", base=base).encode(), etag='"1"'))  # fmt: skip
        with Library.open(tmp_path / "lib") as library:
            library.add([url])
            [feed] = library.feeds()
            assert feed.title == "Quill & Compass"
            sources = {a.title: a.source for a in library.articles()}
            assert sources == {
                "Ferry timetable changes at Skerrin quay": "Quill & Compass",
                "Grain & salt barges wait out the fog": "Quill & Compass",
            }
            assert 'text="Quill &amp; Compass"' in library.export_opml()
            # An older library: the title and the sources as they were stored before.
            with library._conn:
                library._conn.execute("UPDATE feeds SET title = ?, title_from = NULL",
                                      ("Quill &amp; Compass",))  # fmt: skip
                library._conn.execute("UPDATE articles SET source = ?", ("Quill &amp; Compass",))
            server.route("/quill.rss", conditional(
                escaped.format(title="Quill &amp;amp; Compass", base=base).encode(), etag='"2"'))  # fmt: skip
            report = library.refresh()
            assert (report.added, report.updated, report.unchanged) == (0, 0, 2)
            assert [f.title for f in library.feeds()] == ["Quill & Compass"]
            assert {a.source for a in library.articles()} == {"Quill & Compass"}
            assert {h.article.source for h in library.search("skerrin").hits} == {"Quill & Compass"}
        code, out, _ = run(capsys, "--library", str(tmp_path / "lib"), "search", "fog", "--json")
        assert code == 0 and json.loads(out)["hits"][0]["source"] == "Quill & Compass"


FULL_PAGE = """<!doctype html><html><head><title>Ferry timetable changes</title></head><body>
<article><h1>Ferry timetable changes at Skerrin quay</h1>
<p>The Skerrin ferry leaves an hour earlier from Monday, harbour master Ilse Brandvold said on
Thursday, so that the last crossing of the day lands before the tide turns at the bar.</p>
<p>Brandvold said the change follows a winter of late crossings. "We lost too many evenings
to the bar," she told islanders at a meeting in the village hall on Wednesday night.</p>
<p>The new timetable runs until the end of March, when the summer sailings begin again.</p>
</article></body></html>"""


def test_an_article_with_its_full_text_is_unchanged_when_its_entry_is(tmp_path: Path) -> None:
    """Finding 6: the feed sent again as it was (a new ETag, same entries) changes nothing;
    an entry that really changed is updated once, its full text kept."""
    with serve() as server, Library.open(tmp_path / "lib") as library:
        base = server.url("")
        server.route("/a/ferry", Reply(body=FULL_PAGE.encode(),
                                       headers={"Content-Type": "text/html"}))  # fmt: skip
        feed = WHARF.format(title="The Wharf Log", base=base)
        url = server.route("/wharf.rss", conditional(feed.encode(), etag='"1"'))
        library.add([url])
        ferry = next(a.id for a in library.articles() if a.title.startswith("Ferry"))
        library.fetch_full_text(ferry)
        for tag in ('"2"', '"3"'):  # like `touch` on a served file: fetched again, same entries
            server.route("/wharf.rss", conditional(feed.encode(), etag=tag))
            report = library.refresh_with_full_text()
            assert (report.added, report.updated, report.unchanged) == (0, 0, 2)
        article = library.article(ferry)
        assert article is not None and "summer sailings" in article.body
        changed = feed.replace("an hour earlier", "ninety minutes earlier")
        for tag, updated in (('"4"', 1), ('"5"', 0)):
            server.route("/wharf.rss", conditional(changed.encode(), etag=tag))
            report = library.refresh_with_full_text()
            assert (report.updated, report.unchanged) == (updated, 2 - updated)
        article = library.article(ferry)
        assert article is not None and "summer sailings" in article.body


def test_feeds_add_remove_export_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lib = ["--library", str(tmp_path / "lib")]
    with serve() as server:
        url = server.route("/wharf.rss", Reply(body=WHARF.format(
            title="The Wharf Log", base=server.url("")).encode()))  # fmt: skip
        code, out, _ = run(capsys, *lib, "feeds", "add", url, "--json")
        data = json.loads(out)
        assert code == 0 and data["new"] is True and data["feed"]["title"] == "The Wharf Log"
        assert set(data["feed"]) == {"url", "title", "tags", "last_fetched", "last_error"}
        code, out, _ = run(capsys, *lib, "feeds", "add", url, "--json")
        assert code == 0 and json.loads(out)["new"] is False
        code, out, _ = run(capsys, *lib, "feeds", "add", server.url("/nope.rss"), "--json")
        assert code == 1 and "404" in json.loads(out)["error"]
    code, out, _ = run(capsys, *lib, "feeds", "export", "--json")
    data = json.loads(out)
    assert code == 0 and data["feeds"] == 1 and url in data["opml"]
    code, out, _ = run(capsys, *lib, "feeds", "remove", url, "--json")
    assert code == 0 and json.loads(out) == {"url": url, "removed": True}
    code, out, _ = run(capsys, *lib, "feeds", "remove", url, "--json")
    assert code == 1 and json.loads(out) == {"url": url, "removed": False}


def test_add_json_names_the_kind_of_failed_inputs_and_unreadable_dates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Finding 15: a failed input says what it was found to be ("unknown" when nothing was
    read); a JSON line whose date cannot be read is kept, with a warning naming its line."""
    lines = tmp_path / "wire.jsonl"
    lines.write_text(
        json.dumps({"title": "Lowmere lock reopens", "body": "The lock reopened on Monday."})
        + "\n"
        + json.dumps(
            {
                "title": "Tallis pilots the first barge",
                "published": "not a date",
                "body": "Pilot Oren Tallis took the first barge through.",
            }
        )
        + "\n"
    )
    empty = tmp_path / "empty.jsonl"
    empty.write_text('{"title": 5}\n')
    missing = tmp_path / "missing.txt"
    code, out, _ = run(capsys, "--library", str(tmp_path / "lib"), "add", str(lines), str(empty),
                       str(missing), "--json")  # fmt: skip
    data = json.loads(out)
    assert code == 1 and data["added"] == 2
    kinds = {Path(r["input"]).name: r["kind"] for r in data["inputs"]}
    assert kinds == {"wire.jsonl": "jsonl", "empty.jsonl": "jsonl", "missing.txt": "unknown"}
    [wire] = [r for r in data["inputs"] if r["input"] == str(lines)]
    assert wire["warnings"] == [
        "line 2: 'published' is not a date (\"not a date\"); kept without a date"
    ]
    code, _, err = run(capsys, "--library", str(tmp_path / "lib2"), "add", str(lines))
    assert code == 0 and f"{lines}: line 2: 'published' is not a date" in err


def test_counts_of_feeds_agree_with_their_noun(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "1 new feed", "2 new feeds", "1 subscription": never "feed(s)"."""
    from index.model import InputResult
    from reader.cli_progress import subscriptions_note

    one = subscriptions_note(InputResult("subs.opml", kind="opml", feeds=1))
    assert one == "subscribed to 1 new feed; the new feed is fetched by the next `dateline refresh`"
    two = subscriptions_note(InputResult("subs.opml", kind="opml", feeds=2, known_feeds=1))
    assert two == (
        "subscribed to 2 new feeds, 1 already subscribed; "
        "new feeds are fetched by the next `dateline refresh`"
    )
    assert subscriptions_note(InputResult("news.rss", kind="feed", feeds=1)) == (
        "subscribed to 1 new feed"
    )
    lib = ["--library", str(tmp_path / "lib")]
    for n, title in ((1, "1 subscription"), (2, "2 subscriptions")):
        url = f"https://harbour.example/{n}.rss"
        assert run(capsys, *lib, "feeds", "add", url, "--no-check")[0] == 0
        code, out, _ = run(capsys, *lib, "feeds", "list")
        assert code == 0 and title in out and "(s)" not in out
