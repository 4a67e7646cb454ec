"""OPML subscription lists, in and out.

Reading uses lxml with a parser that resolves no entities, loads no DTD and touches no network,
because an OPML file is someone else's XML (billion-laughs and external-entity attacks are one
`<!DOCTYPE>` away). Folder outlines (outlines without `xmlUrl`) nest feeds; their titles become
the feeds' tags, so a reader's folder structure survives an import.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Any

from ..model import FeedInfo, InputError, ParsedInput
from . import clean_field

__all__ = ["parse", "write_opml"]

_DOCTYPE = re.compile(r"<!DOCTYPE(?:[^\[>]*\[.*?\]\s*>|[^>]*>)", re.IGNORECASE | re.DOTALL)


def _parser() -> Any:
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        recover=True,
        remove_comments=True,
        remove_pis=True,
    )


def _attr(element: Any, *names: str) -> str | None:
    """The first present attribute, matched case-insensitively (`xmlUrl`, `xmlurl`, ...)."""
    lowered = {str(k).lower(): v for k, v in element.attrib.items()}
    for name in names:
        value = lowered.get(name.lower())
        if value and value.strip():
            return value.strip()
    return None


def _readable_kind(url: str) -> bool:
    """Whether `url` is something Dateline can subscribe to: an http(s) URL, or a local feed
    file (a `file://` URL, as `write_opml` writes a local subscription, or a path)."""
    from urllib.parse import urlsplit

    scheme = urlsplit(url).scheme.lower()
    # A one-letter "scheme" is a Windows drive ("C:\\feeds\\x.xml"): a path.
    return scheme in ("http", "https", "file", "") or len(scheme) == 1


def parse(text: str, origin: str) -> ParsedInput:
    """Every outline with an `xmlUrl` becomes a `FeedInfo`; enclosing folders become tags.

    A feed listed twice (in two folders) is kept once with the tags of both. Local feeds
    (`file://` URLs and paths) are kept as written: subscribing checks the file exists.
    """
    from lxml import etree

    warnings: list[str] = []
    # libxml2 still expands internal entities inside attributes, so a DTD is removed before
    # parsing rather than trusted to the parser's settings. OPML never needs one.
    text, dtds = _DOCTYPE.subn("", text, count=1)
    if dtds:
        warnings.append("ignored the document type declaration (OPML needs none)")
    # lxml refuses str input that carries an encoding declaration; the text is decoded already.
    try:
        root = etree.fromstring(text.encode("utf-8"), _parser())
    except etree.XMLSyntaxError as exc:
        raise InputError(origin, f"unreadable OPML: {exc.msg}") from None
    if root is None or not isinstance(root.tag, str) or root.tag.lower() != "opml":
        raise InputError(origin, "not an OPML file: no <opml> root element")
    body = next((c for c in root if isinstance(c.tag, str) and c.tag.lower() == "body"), None)
    if body is None:
        raise InputError(origin, "OPML file without a <body>")

    found: dict[str, FeedInfo] = {}

    def walk(element: Any, tags: tuple[str, ...]) -> None:
        for child in element:
            if not isinstance(child.tag, str) or child.tag.lower() != "outline":
                continue
            title = clean_field(_attr(child, "title", "text"))
            url = _attr(child, "xmlUrl")
            if url:
                if not _readable_kind(url):
                    warnings.append(
                        "skipped a feed that is neither an http(s) URL nor a local file: "
                        f"{clean_field(url)}"
                    )
                    continue
                url = clean_field(url) or url
                old = found.get(url)
                categories = (
                    c.strip().strip("/") for c in (_attr(child, "category") or "").split(",")
                )
                own = tuple(t for t in (clean_field(c) for c in categories) if t)
                merged = tuple(dict.fromkeys((*(old.tags if old else ()), *tags, *own)))
                found[url] = FeedInfo(url=url, title=(old and old.title) or title, tags=merged)
            else:
                walk(child, (*tags, title) if title else tags)

    walk(body, ())
    if not found:
        raise InputError(origin, "no feeds found: no outline has an xmlUrl")
    return ParsedInput(
        origin=origin, kind="opml", feeds=tuple(found.values()), warnings=tuple(warnings)
    )


def write_opml(feeds: Sequence[FeedInfo], title: str = "Dateline subscriptions") -> str:
    """OPML 2.0 for `feeds`, with each feed's first tag as its folder (readers nest one level)
    and all its tags in `category`, so `parse` gives the same tags back.

    Built with lxml so every title and URL is escaped correctly.
    """
    from lxml import etree

    root = etree.Element("opml", version="2.0")
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = title
    etree.SubElement(head, "dateCreated").text = format_datetime(datetime.now(UTC))
    body = etree.SubElement(root, "body")
    folders: dict[str, etree._Element] = {}
    for feed in feeds:
        parent = body
        if feed.tags:
            folder = feed.tags[0]
            if folder not in folders:
                folders[folder] = etree.SubElement(body, "outline", text=folder, title=folder)
            parent = folders[folder]
        name = feed.title or feed.url
        attrs = {"type": "rss", "text": name, "title": name, "xmlUrl": feed.url}
        if feed.tags:
            attrs["category"] = ",".join(feed.tags)
        etree.SubElement(parent, "outline", attrs)
    xml = etree.tostring(root, encoding="unicode", pretty_print=True)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + xml
