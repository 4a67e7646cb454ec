"""HTML article pages, read with trafilatura.

Finding the article in a page (and leaving out menus, teasers, cookie banners and comments) is
a research problem trafilatura has already solved and benchmarks; it also reads the metadata
(title, author, date, canonical URL, site name) from the many places pages hide it. It is
imported inside `parse` because importing it costs about a second.
"""

from __future__ import annotations

import json
from datetime import datetime

from ..model import InputError, ParsedInput
from ..textclean import sanitize_markup
from . import make_article, parse_date, title_from

__all__ = ["parse"]

#: A page with less text than this is a menu, an index or an error page, not an article.
MIN_WORDS = 15

# Ask htmldate for a full timestamp, not just the day, when the page has one.
_DATE_PARAMS = {
    "extensive_search": True,
    "original_date": True,
    "outputformat": "%Y-%m-%dT%H:%M:%S",
}


_DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "datePublished",
    "date",
    "pubdate",
    "publishdate",
    "dc.date.issued",
    "dc.date",
    "sailthru.date",
)


def published_from_markup(text: str) -> datetime | None:
    """The publication time a page declares in its metadata, with its time and offset.

    Read before trafilatura's date guesser (htmldate) because that one keeps only the day when
    asked for the original date and refuses any date after the machine's "today", so an article
    from a feed in another time zone, or a clock that is behind, loses its date.
    """
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(text)
    except (ValueError, SyntaxError):  # lxml.etree.ParserError is a ValueError
        return None
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _DATE_META:
            found = parse_date(meta.get("content"))
            if found:
                return found
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict) and item.get("datePublished"):
                found = parse_date(str(item["datePublished"]))
                if found:
                    return found
    for node in tree.xpath("//time[@datetime]")[:1]:
        return parse_date(node.get("datetime"))
    return None


def parse(text: str, origin: str, *, base_url: str | None = None) -> ParsedInput:
    """Extract one article from a page; `base_url` is the fallback for its URL.

    The page is sanitized before anything parses it: lxml and trafilatura drop a raw ESC but
    keep the rest of its sequence, so "[2J" would reach the title where sanitize no longer
    sees an escape sequence.
    """
    from trafilatura import bare_extraction

    text = sanitize_markup(text)
    try:
        document = bare_extraction(
            text,
            url=base_url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            favor_precision=True,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as exc:  # trafilatura raises many kinds on malformed pages
        raise InputError(origin, f"cannot read the page: {exc}") from None
    body = document.text if document is not None else None
    if not body or not body.strip():
        raise InputError(origin, "no article text found in this HTML page")
    # trafilatura puts one paragraph (or list item, or heading) per line.
    paragraphs = [line.strip() for line in body.split("\n") if line.strip()]
    title = document.title or None
    if title and paragraphs and " ".join(paragraphs[0].split()) == " ".join(title.split()):
        paragraphs = paragraphs[1:]  # the page's <h1>, already the title
    words = sum(len(p.split()) for p in paragraphs)
    if words < MIN_WORDS:
        raise InputError(
            origin, f"no article text found in this HTML page (only {words} words of text)"
        )
    body = "\n\n".join(paragraphs)
    title = title or title_from(body)
    article = make_article(
        title=title,
        body=body,
        origin=origin,
        url=document.url or base_url,
        published=published_from_markup(text) or parse_date(document.date),
        source=document.sitename or document.hostname,
        author=document.author,
    )
    return ParsedInput(origin=origin, kind="html", articles=(article,))
