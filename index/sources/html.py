"""HTML article pages, read with trafilatura.

Finding the article in a page (and leaving out menus, teasers, cookie banners and comments) is
a research problem trafilatura has already solved and benchmarks; it also reads the metadata
(title, author, date, canonical URL, site name) from the many places pages hide it. It is
imported inside `parse` because importing it costs about a second.
"""

from __future__ import annotations

from ..model import InputError, ParsedInput
from . import make_article, title_from

__all__ = ["parse"]

#: A page with less text than this is a menu, an index or an error page, not an article.
MIN_WORDS = 15

# Ask htmldate for a full timestamp, not just the day, when the page has one.
_DATE_PARAMS = {
    "extensive_search": True,
    "original_date": True,
    "outputformat": "%Y-%m-%dT%H:%M:%S",
}


def parse(text: str, origin: str, *, base_url: str | None = None) -> ParsedInput:
    """Extract one article from a page; `base_url` is the fallback for its URL."""
    from trafilatura import bare_extraction

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
        published=document.date,
        source=document.sitename or document.hostname,
        author=document.author,
    )
    return ParsedInput(origin=origin, kind="html", articles=(article,))
