"""OPML: subscriptions in (folders become tags), subscriptions out, hostile XML refused safely."""

from __future__ import annotations

import pytest

from index.model import FeedInfo, InputError
from index.sources import parse_bytes
from index.sources.opml import write_opml

OPML = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>My feeds</title></head>
  <body>
    <outline text="Europe" title="Europe">
      <outline text="Harbour Gazette" type="rss" xmlUrl="https://gazette.example/rss"/>
      <outline text="Local">
        <outline title="Valley Courier" text="ignored" xmlUrl="https://courier.example/atom.xml"/>
      </outline>
    </outline>
    <outline text="Loose Feed" xmlurl="https://loose.example/feed"/>
    <outline text="Twice" xmlUrl="https://gazette.example/rss"/>
    <outline text="Not http" xmlUrl="ftp://files.example/feed.xml"/>
    <outline text="Local copy" xmlUrl="file:///srv/feeds/desk.xml"/>
  </body>
</opml>
"""


def test_outlines_become_feeds_with_folder_tags() -> None:
    parsed = parse_bytes(OPML, "subs.opml")
    assert parsed.kind == "opml"
    assert parsed.articles == ()
    assert parsed.feeds == (
        FeedInfo(url="https://gazette.example/rss", title="Harbour Gazette", tags=("Europe",)),
        FeedInfo(
            url="https://courier.example/atom.xml", title="Valley Courier", tags=("Europe", "Local")
        ),
        FeedInfo(url="https://loose.example/feed", title="Loose Feed"),
        # A local subscription, as `feeds export` writes one: kept (subscribing checks it).
        FeedInfo(url="file:///srv/feeds/desk.xml", title="Local copy"),
    )
    assert parsed.warnings == (
        "skipped a feed that is neither an http(s) URL nor a local file: "
        "ftp://files.example/feed.xml",
    )


def test_opml_is_sniffed_from_content_not_extension() -> None:
    assert parse_bytes(OPML, "export.xml").kind == "opml"


def test_write_then_read_round_trips() -> None:
    feeds = [
        FeedInfo(
            url="https://a.example/rss?x=1&y=2",
            title='Quotes "and" <angles>',
            tags=("News", "Daily"),
        ),
        FeedInfo(url="https://b.example/atom", title=None),
    ]
    xml = write_opml(feeds, title="Test export")
    assert xml.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert "<title>Test export</title>" in xml
    parsed = parse_bytes(xml.encode(), "out.opml")
    assert parsed.feeds == (
        FeedInfo(
            url="https://a.example/rss?x=1&y=2",
            title='Quotes "and" <angles>',
            tags=("News", "Daily"),
        ),
        FeedInfo(url="https://b.example/atom", title="https://b.example/atom"),
    )


def test_entities_are_not_expanded() -> None:
    evil = b"""<?xml version="1.0"?>
<!DOCTYPE opml [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY ext SYSTEM "file:///etc/hostname">]>
<opml version="2.0"><body>
<outline text="&lol2;&ext;" xmlUrl="https://x.example/rss"/>
</body></opml>"""
    parsed = parse_bytes(evil, "evil.opml")
    (feed,) = parsed.feeds
    assert feed.url == "https://x.example/rss"
    assert "lollol" not in (feed.title or "")
    assert parsed.warnings == ("ignored the document type declaration (OPML needs none)",)


def test_opml_without_feeds_is_an_error() -> None:
    with pytest.raises(InputError) as info:
        parse_bytes(
            b'<opml version="2.0"><body><outline text="Empty folder"/></body></opml>', "e.opml"
        )
    assert "no feeds" in info.value.reason
