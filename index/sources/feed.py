"""RSS 0.9x/1.0/2.0 and Atom feeds, read with feedparser.

feedparser is used rather than our own XML code because real feeds are routinely ill-formed
(truncated downloads, unescaped ampersands, wrong encodings) and its loose parser recovers what a
strict parser would reject. When it had to recover (`bozo`), the entries it salvaged are kept
and the problem becomes a warning; only a feed with nothing salvageable is an error.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin

from ..model import ILL_FORMED_FEED, FeedInfo, InputError, ParsedInput, RawArticle
from ..textclean import sanitize_markup
from . import clean_body, clean_field, make_article, plain_body, title_from

__all__ = ["html_to_text", "parse"]

# Elements whose text is never article text.
_DROP = ("script", "style", "noscript", "iframe", "object", "embed", "svg", "template", "form",
         "button", "figure", "figcaption", "nav", "aside", "footer")  # fmt: skip
# Elements that end a paragraph.
_BLOCKS = frozenset(("p", "div", "section", "article", "header", "main", "blockquote", "pre",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", "tr", "hr",
    "address", "center", "details", "summary"))  # fmt: skip
# ESC and the C1 controls (raw, or as a character reference to ESC): text that needs cleaning
# before a parser sees it.
_TERMINAL_CONTROLS = re.compile(r"[\x1b\x80-\x9f]|&#(?:[xX]0*1[bB]|0*27);")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
#: The end of an RSS item or Atom entry, namespaced or not ("</item>", "</atom:entry>").
_ENTRY_END = re.compile(rb"</(?:[\w.-]+:)?(?:item|entry)\s*>", re.IGNORECASE)
_LOOKS_LIKE_HTML = re.compile(r"<[a-zA-Z/!][^>]*>|&[#a-zA-Z0-9]+;")


def html_to_text(markup: str) -> str:
    """Clean text paragraphs from an HTML fragment: block elements and double `<br>`s become
    paragraph breaks, scripts, styles and figure captions are dropped.

    The markup is sanitized before lxml sees it: lxml rejects control characters when the
    text is written back into the tree (ValueError), and an escape sequence removed whole
    leaves no "[2J" behind, as it would once the parser had dropped only its ESC.
    """
    markup = sanitize_markup(markup or "")
    if not markup.strip():
        return ""
    if not _LOOKS_LIKE_HTML.search(markup):
        return plain_body(markup)
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return clean_body(markup)
    for element in root.xpath("|".join(f"//{tag}" for tag in _DROP)):
        parent = element.getparent()
        if parent is not None:
            element.drop_tree()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        if tag == "br":
            element.tail = "\n" + (element.tail or "")
        elif tag in _BLOCKS:
            element.text = "\n\n" + (element.text or "")
            element.tail = "\n\n" + (element.tail or "")
    return clean_body(root.text_content())


def _detail_text(entry: Any, key: str) -> str:
    """Text of a feedparser field, converting HTML only when the feed says it is HTML."""
    value = entry.get(key) or ""
    detail = entry.get(f"{key}_detail") or {}
    if detail.get("type", "text/html") == "text/plain":
        return plain_body(value)
    return html_to_text(value)


def _title(holder: Any) -> str | None:
    """The title of an entry or of the feed itself, decoded the same way for both: feedparser
    leaves an escaped title's entities ("Quill &amp;amp; Compass" gives "&amp;") and markup
    for HTML, and a feed's name must read as its headlines do."""
    return clean_field(_detail_text(holder, "title")) if holder.get("title") else None


def _body(entry: Any) -> str:
    """The full content when the entry has any, else its summary."""
    contents = [c for c in entry.get("content") or () if (c.get("value") or "").strip()]
    if contents:
        best = max(contents, key=lambda c: len(c.get("value") or ""))
        value = best.get("value") or ""
        return plain_body(value) if best.get("type") == "text/plain" else html_to_text(value)
    return _detail_text(entry, "summary")


def _article(
    entry: Any, origin: str, feed_title: str | None, base_url: str | None
) -> RawArticle | None:
    """One entry as an article; None when it has neither a title nor any text."""
    body = _body(entry)
    title = _title(entry)
    if not body and not title:
        return None
    link = entry.get("link")
    if link and base_url:
        link = urljoin(base_url, link)
    source = feed_title or clean_field((entry.get("source") or {}).get("title"))
    return make_article(
        title=title or title_from(body),
        body=body or title or "",
        origin=origin,
        url=link,
        published=entry.get("published_parsed") or entry.get("updated_parsed"),
        source=source,
        author=entry.get("author"),
    )


def _entries(n: int) -> str:
    return f"{n} entry" if n == 1 else f"{n} entries"


def _problem(exc: BaseException | None) -> str:
    if exc is None:
        return "ill-formed feed"
    message = clean_field(getattr(exc, "getMessage", lambda: str(exc))()) or type(exc).__name__
    line = getattr(exc, "getLineNumber", lambda: None)()
    return f"{message} (line {line})" if line else message


def parse(
    data: bytes,
    origin: str,
    *,
    base_url: str | None = None,
    text: str | None = None,
) -> ParsedInput:
    """Parse a feed's bytes. `base_url` is where it was fetched from: it resolves relative
    links and makes the feed a subscription (`ParsedInput.feeds`)."""
    import feedparser

    if text is not None and _TERMINAL_CONTROLS.search(text):
        # feedparser maps C1 controls to cp1252 letters ("\x9b31m" becomes "›31m") and XML
        # parsers drop a raw ESC but keep the rest of its sequence: clean the markup first.
        data = _XML_DECLARATION.sub("", sanitize_markup(text), count=1).encode("utf-8")
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=True)
    if not parsed.entries and parsed.bozo and text is not None:
        # feedparser trusts the XML declaration; our own decoding may have done better.
        retry = feedparser.parse(re.sub(r"^\s*<\?xml[^>]*\?>", "", text))
        if retry.entries:
            parsed = retry
    feed_title = _title(parsed.feed)
    exc = parsed.get("bozo_exception") if parsed.bozo else None
    if parsed.bozo and not parsed.entries:
        raise InputError(
            origin, f"truncated or ill-formed feed, nothing to salvage: {_problem(exc)}"
        )
    if not parsed.get("version") and not parsed.entries:
        raise InputError(origin, "not a feed: no RSS or Atom content found")

    articles: list[RawArticle] = []
    warnings: list[str] = []
    skipped = 0
    entries = list(parsed.entries)
    if parsed.bozo and len(_ENTRY_END.findall(data)) < len(entries):
        # The file ends inside its last entry: what feedparser salvaged of it is a fragment
        # (a title whose text was cut, or text without its link), stored it would be a
        # permanent junk article. The next refresh of a good copy brings the whole entry.
        cut = entries.pop()
        if cut.get("title") or cut.get("summary") or cut.get("content"):
            number = len(entries) + 1
            warnings.append(f"dropped entry {number}: the feed ends in the middle of it")
    for number, entry in enumerate(entries, 1):
        try:
            article = _article(entry, origin, feed_title, base_url)
        except Exception as error:  # one hostile entry must not cost the rest of the feed
            warnings.append(f"skipped entry {number}: cannot read it ({_problem(error)})")
            continue
        if article is None:
            skipped += 1
        else:
            articles.append(article)

    problem = None
    if type(exc).__name__ == "CharacterEncodingOverride":
        warnings.append(f"the feed's declared encoding was wrong; read as {parsed.encoding}")
    elif parsed.bozo:
        # An empty entry at the end of a broken feed is the cut-off one: no separate warning.
        kept = f"kept {_entries(len(articles))} that" if articles else "no entry"
        problem = f"{ILL_FORMED_FEED}{_problem(exc)}; {kept} could be read"
        warnings.append(problem)
    elif skipped:
        warnings.append(f"skipped {_entries(skipped)} with neither a title nor any text")

    feeds: tuple[FeedInfo, ...] = ()
    if base_url:
        feeds = (FeedInfo(url=base_url, title=feed_title),)
    if not articles:
        if not entries and feeds and problem is None:
            # A subscription whose feed is empty right now is still a good subscription (an
            # ill-formed one is not "empty": `problem` says what it is).
            warnings.append("the feed has no entries yet")
        elif not feeds:
            # Entries that were there but unusable are named by the warnings.
            why = warnings[0] if parsed.entries and warnings else "the feed has no entries"
            raise InputError(origin, f"no articles found: {why}")
    return ParsedInput(
        origin=origin,
        kind="feed",
        articles=tuple(articles),
        warnings=tuple(warnings),
        feeds=feeds,
        problem=problem,
    )
