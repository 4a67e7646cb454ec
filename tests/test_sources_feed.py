"""RSS and Atom feeds: entries to articles, HTML to clean text, salvaging ill-formed feeds."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from index.model import FeedInfo, InputError
from index.sources import parse_bytes
from index.sources.feed import html_to_text

RSS2 = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Harbour Gazette</title>
  <link>https://gazette.example/</link>
  <item>
    <title>Ferry timetable changes for the summer</title>
    <link>/ferries/summer-2025</link>
    <pubDate>Mon, 02 Jun 2025 09:30:00 +0200</pubDate>
    <dc:creator>Ines Moreau</dc:creator>
    <description>Short teaser only.</description>
    <content:encoded><![CDATA[
      <p>The island ferry will sail <b>every hour</b> from June, the operator said.</p>
      <script>alert("x")</script><style>p { color: red }</style>
      <figure><img src="a.jpg"><figcaption>A ferry at the quay (Gazette)</figcaption></figure>
      <p>Captain Rui Alves said the extra crossings needed two more crews.</p>
      Late arrivals<br><br>Night boats stay as they are.
    ]]></content:encoded>
  </item>
  <item>
    <title>Lighthouse open day</title>
    <link>https://gazette.example/lighthouse</link>
    <description>&lt;p&gt;Visitors may climb the lighthouse on Saturday.&lt;/p&gt;</description>
  </item>
</channel>
</rss>
"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Valley Courier</title>
  <link rel="self" href="https://courier.example/atom.xml"/>
  <updated>2025-03-04T10:00:00Z</updated>
  <entry>
    <title type="html">Bridge repairs &amp;lt;finished&amp;gt; early</title>
    <link href="https://courier.example/bridge"/>
    <id>tag:courier.example,2025:bridge</id>
    <updated>2025-03-04T08:15:00-05:00</updated>
    <author><name>Jonas Ek</name></author>
    <content type="html">&lt;p&gt;Crews finished the bridge two weeks early.&lt;/p&gt;&lt;p&gt;Traffic returns on Friday.&lt;/p&gt;</content>
  </entry>
</feed>
"""

RSS1 = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://moor.example/"><title>Moorland Notes</title><link>https://moor.example/</link></channel>
  <item rdf:about="https://moor.example/heather">
    <title>Heather burning season ends</title>
    <link>https://moor.example/heather</link>
    <description>Rangers closed the burning season a week early this year.</description>
    <dc:date>2025-04-01T12:00:00+01:00</dc:date>
  </item>
</rdf:RDF>
"""

RSS091 = b"""<?xml version="1.0"?>
<rss version="0.91"><channel><title>Old Town Crier</title><link>https://crier.example/</link>
<item><title>Market bell recast</title><link>https://crier.example/bell</link>
<description>The cracked market bell has been recast at a foundry in Delft.</description></item>
</channel></rss>
"""


def test_rss2_entry_uses_full_content_as_clean_paragraphs() -> None:
    parsed = parse_bytes(RSS2, "gazette.rss")
    assert parsed.kind == "feed"
    assert parsed.feeds == ()  # a local file is not a subscription
    first, second = parsed.articles
    assert first.title == "Ferry timetable changes for the summer"
    assert first.body.split("\n\n") == [
        "The island ferry will sail every hour from June, the operator said.",
        "Captain Rui Alves said the extra crossings needed two more crews.",
        "Late arrivals",
        "Night boats stay as they are.",
    ]
    assert first.source == "Harbour Gazette"
    assert first.author == "Ines Moreau"
    assert first.published == datetime(2025, 6, 2, 7, 30, tzinfo=UTC)
    assert first.origin == "gazette.rss"
    assert second.body == "Visitors may climb the lighthouse on Saturday."
    assert second.published is None


def test_feed_from_a_url_is_a_subscription_with_absolute_links() -> None:
    parsed = parse_bytes(
        RSS2,
        "https://gazette.example/rss",
        content_type="application/rss+xml",
        base_url="https://gazette.example/rss",
    )
    assert parsed.feeds == (FeedInfo(url="https://gazette.example/rss", title="Harbour Gazette"),)
    assert parsed.articles[0].url == "https://gazette.example/ferries/summer-2025"


def test_atom_entry() -> None:
    (article,) = parse_bytes(ATOM, "courier.atom").articles
    assert article.title == "Bridge repairs <finished> early"
    assert (
        article.body == "Crews finished the bridge two weeks early.\n\nTraffic returns on Friday."
    )
    assert article.url == "https://courier.example/bridge"
    assert article.author == "Jonas Ek"
    assert article.source == "Valley Courier"
    assert article.published == datetime(2025, 3, 4, 13, 15, tzinfo=UTC)


@pytest.mark.parametrize(
    ("data", "title"), [(RSS1, "Heather burning season ends"), (RSS091, "Market bell recast")]
)
def test_rss_1_0_and_0_91(data: bytes, title: str) -> None:
    (article,) = parse_bytes(data, "feed.xml").articles
    assert article.title == title
    assert article.body.endswith(".")


def test_feed_saved_with_a_misleading_extension_is_still_a_feed() -> None:
    assert parse_bytes(RSS091, "saved-page.txt").kind == "feed"


def test_truncated_feed_keeps_complete_entries_and_warns() -> None:
    cut = RSS2[: RSS2.index(b"<title>Lighthouse")]
    parsed = parse_bytes(cut, "cut.rss")
    assert [a.title for a in parsed.articles] == ["Ferry timetable changes for the summer"]
    assert "kept 1 entry" in parsed.warnings[0]
    assert len(parsed.warnings) == 1
    assert parsed.warnings[0].startswith("ill-formed feed")


def test_feed_with_nothing_salvageable_is_an_error() -> None:
    with pytest.raises(InputError) as info:
        parse_bytes(b'<?xml version="1.0"?>\n<rss version="2.0"><chann', "stub.rss")
    assert "nothing to salvage" in info.value.reason


def test_well_formed_feed_without_entries() -> None:
    empty = b'<rss version="2.0"><channel><title>Quiet Desk</title></channel></rss>'
    with pytest.raises(InputError) as info:
        parse_bytes(empty, "quiet.rss")
    assert "no articles" in info.value.reason
    # Fetched from a URL, an empty feed is still a valid subscription.
    parsed = parse_bytes(empty, "https://q.example/rss", base_url="https://q.example/rss")
    assert parsed.articles == () and parsed.feeds[0].title == "Quiet Desk"


def test_hostile_feed_text_is_sanitized() -> None:
    feed = (
        '<rss version="2.0"><channel><title>Evil&#x1b;]0;x&#x7;Feed</title><item>'
        "<title>Headline\u202e reversed</title>"
        "<description>Body with \u00a0nbsp and a bell\u0007.</description></item></channel></rss>"
    ).encode()
    (article,) = parse_bytes(feed, "evil.rss").articles
    assert article.title == "Headline reversed"
    assert article.body == "Body with nbsp and a bell."
    assert "\x1b" not in (article.source or "") and "\x07" not in (article.source or "")


def test_html_to_text_keeps_paragraphs_and_text_only() -> None:
    html = "<div><h2>Heading</h2><p>One<br>line</p><ul><li>first</li><li>second</li></ul></div>"
    assert html_to_text(html) == "Heading\n\nOne line\n\nfirst\n\nsecond"
    assert html_to_text("Plain words &lt;kept&gt; as text") == "Plain words <kept> as text"
    assert html_to_text("5 < 6 and plain") == "5 < 6 and plain"


def test_html_to_text_survives_control_characters() -> None:
    """lxml refuses control characters written back into its tree; they must never get there."""
    raw = "<p>Ferry to Vis cancelled</p>\x1b[2J<p>Crews wait in Split.</p>"
    referenced = "<p>Ferry to Vis cancelled</p>&#x1b;[2J&#27;<p>Crews wait in Split.</p>"
    for markup in (raw, referenced):
        assert html_to_text(markup) == "Ferry to Vis cancelled\n\nCrews wait in Split."


def test_an_entry_with_escaped_markup_and_a_control_character_keeps_the_feed() -> None:
    feed = (
        b'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Quay Post'
        b"</title><item><title>Night ferry delayed</title><description>Marta Kovac said the "
        b"night ferry left Zadar late. &lt;p&gt;Fog&lt;/p&gt;&#x1b;</description></item>"
        b"<item><title>Harbour fees rise</title><description>Fees in Zadar rise in May."
        b"</description></item></channel></rss>"
    )
    articles = parse_bytes(feed, "quay.rss").articles
    assert [a.title for a in articles] == ["Night ferry delayed", "Harbour fees rise"]
    assert articles[0].body == "Marta Kovac said the night ferry left Zadar late.\n\nFog"


def test_one_entry_that_cannot_be_read_is_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    from index.sources import feed as feed_module

    real = feed_module.html_to_text

    def fragile(markup: str) -> str:
        if "poison" in markup:
            raise ValueError("lxml gave up")
        return real(markup)

    monkeypatch.setattr(feed_module, "html_to_text", fragile)
    feed = (
        b'<rss version="2.0"><channel><title>Quay Post</title>'
        b"<item><title>Market day moved</title><description>&lt;p&gt;poison&lt;/p&gt;"
        b"</description></item>"
        b"<item><title>Bridge lights fixed</title><description>&lt;p&gt;The lights on the "
        b"Zadar footbridge work again.&lt;/p&gt;</description></item></channel></rss>"
    )
    parsed = parse_bytes(feed, "quay.rss")
    assert [a.title for a in parsed.articles] == ["Bridge lights fixed"]
    assert parsed.warnings == ("skipped entry 1: cannot read it (lxml gave up)",)


@pytest.mark.parametrize("cut_before", [b"</link>", b"the lighthouse on"])
def test_the_entry_a_truncated_feed_ends_in_is_dropped_not_stored_as_a_fragment(
    cut_before: bytes,
) -> None:
    """Cut inside the second item (in its link, or in the middle of its text): the first item is
    kept, the fragment of the second is dropped with a warning that names it."""
    second = RSS2.index(b"<title>Lighthouse")
    cut = RSS2[: RSS2.index(cut_before, second)]
    parsed = parse_bytes(cut, "cut.rss")
    assert [a.title for a in parsed.articles] == ["Ferry timetable changes for the summer"]
    assert any("dropped entry 2" in w for w in parsed.warnings), parsed.warnings


def test_plain_text_summaries_keep_their_lines_but_not_the_xml_layout() -> None:
    # Layout newlines of a pretty-printed feed rejoin a sentence; a label line stays apart.
    assert html_to_text(
        "WORLD\nBy Amal Reyes\n  Talks resumed in\n  Geneva on Monday,\n  officials said."
    ) == ("WORLD\n\nBy Amal Reyes\n\nTalks resumed in Geneva on Monday, officials said.")
