"""HTML article pages through trafilatura: text, title, author, date, canonical URL, site."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from index.model import InputError
from index.sources import parse_bytes

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Glassworks Reopens in Murano | Lagoon Post</title>
<meta property="og:title" content="Glassworks Reopens in Murano">
<meta property="og:site_name" content="Lagoon Post">
<meta name="author" content="Chiara Bellini">
<meta property="article:published_time" content="2025-05-12T08:30:00+02:00">
<link rel="canonical" href="https://lagoon.example/2025/05/glassworks">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Glassworks Reopens in Murano</h1>
<p>A glassworks that had been shut for eleven years on the island of Murano lit its furnaces
again on Monday, bringing back thirty jobs to a trade that has shrunk for decades.</p>
<p>The new owner, Matteo Fabbri, said he had bought the building at auction last winter and
spent most of the spring repairing the roof and the old brick kilns.</p>
<p>“The furnace is the heart of the place, and it was cold for too long,” Fabbri told a small
crowd of neighbours who came to watch the first piece being blown.</p>
<p>The first orders, mostly chandeliers for hotels in Venice, will be delivered in July.</p>
</article>
<footer>Copyright Lagoon Post. All rights reserved.</footer>
<script>var tracking = "\\u001b[31m";</script>
</body></html>
"""


def test_article_page() -> None:
    parsed = parse_bytes(PAGE.encode(), "glassworks.html")
    assert parsed.kind == "html"
    (article,) = parsed.articles
    assert article.title == "Glassworks Reopens in Murano"
    assert article.author == "Chiara Bellini"
    assert article.source == "Lagoon Post"
    assert article.url == "https://lagoon.example/2025/05/glassworks"
    assert article.published is not None
    assert article.published.date() == datetime(2025, 5, 12, tzinfo=UTC).date()
    paragraphs = article.body.split("\n\n")
    assert paragraphs[0].startswith("A glassworks that had been shut")
    assert (
        paragraphs[-1]
        == "The first orders, mostly chandeliers for hotels in Venice, will be delivered in July."
    )
    assert "Home" not in article.body and "tracking" not in article.body
    assert "All rights reserved" not in article.body


def test_base_url_is_the_fallback_url() -> None:
    page = PAGE.replace(
        '<link rel="canonical" href="https://lagoon.example/2025/05/glassworks">', ""
    )
    (article,) = parse_bytes(
        page.encode(),
        "https://lagoon.example/a?ref=rss",
        base_url="https://lagoon.example/a?ref=rss",
    ).articles
    assert article.url == "https://lagoon.example/a?ref=rss"


def test_page_without_an_article_is_an_error() -> None:
    empty = b"<!DOCTYPE html><html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    with pytest.raises(InputError) as info:
        parse_bytes(empty, "menu.html")
    assert "no article text" in info.value.reason


def test_declared_publication_time_wins_with_its_time() -> None:
    """htmldate drops the time; the page's own metadata keeps it (a date far ahead is not
    believed: tests/test_future_dates.py)."""
    page = (
        "<html><head><title>Harbour reopens</title>"
        '<meta property="article:published_time" content="2025-03-04T18:45:00-05:00">'
        "</head><body><article><h1>Harbour reopens</h1>"
        "<p>The harbour at Tartus reopened to fishing boats on Thursday after divers cleared "
        "two wrecks from the channel, port director Walid Sabbagh said.</p>"
        "<p>Sabbagh said the first catch would reach the market in Latakia by the weekend.</p>"
        "</article></body></html>"
    )
    [article] = parse_bytes(page.encode(), "harbour.html").articles
    assert article.published == datetime(2025, 3, 4, 23, 45, tzinfo=UTC)


def test_escape_sequences_in_title_and_site_name_leave_no_residue() -> None:
    """lxml drops a raw ESC but keeps "[2J"; the page is sanitized before it is parsed."""
    page = (
        "<html><head><title>Tram line to Ghent\x1b[2J opens</title>"
        '<meta property="og:site_name" content="Leie \x1b[31mCourier">'
        '<meta property="article:published_time" content="2025-09-01T07:00:00+02:00">'
        "</head><body><article><h1>Tram line to Ghent opens\x1b[2J</h1>"
        "<p>The new tram line from the station to the old harbour in Ghent carried its first "
        "passengers on Monday, city alderman Pieter Claes said at the opening.</p>"
        "<p>Claes said trams would run every seven minutes during the morning rush.\x1b[5m</p>"
        "</article></body></html>"
    )
    [article] = parse_bytes(page.encode(), "tram.html").articles
    assert article.title == "Tram line to Ghent opens"
    assert article.source == "Leie Courier"
    assert "[" not in article.body
    assert article.published == datetime(2025, 9, 1, 5, 0, tzinfo=UTC)
