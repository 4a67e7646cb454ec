"""Reading inputs: files, folders and globs in; `ParsedInput` values out.

`expand` turns what the user typed into concrete inputs, `parse_path` / `parse_bytes` turn one
input into articles. The format is sniffed from the content, because file names lie (a feed
saved as `.txt`, an HTML page saved as `.xml`); the extension and the HTTP content type only
break ties. Each format lives in its own module and is imported only when an input needs it,
so importing `index.sources` stays cheap (trafilatura alone takes about a second).

Every article leaves here with its `origin` set and every string passed through
`index.textclean.sanitize`: the rest of Dateline may treat them as clean.
"""

from __future__ import annotations

import email.utils
import json
import os
import re
import stat
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..model import InputError, ParsedInput, RawArticle
from ..textclean import sanitize
from .inputs import NO_SUCH, expand
from .wrapping import paragraphs

__all__ = [
    "FIELD_LIMITS",
    "MAX_BYTES",
    "cap_fields",
    "clean_body",
    "clean_field",
    "expand",
    "kind_of",
    "make_article",
    "parse_bytes",
    "parse_date",
    "parse_path",
    "plain_body",
    "read_file",
    "sniff",
    "title_from",
]

#: Inputs larger than this are refused: no news article is 50 MB, and reading one would stall.
MAX_BYTES = 50 * 1024 * 1024

#: The longest value each field keeps; longer ones are cut, with a warning. A headline of a
#: million characters is an attack or a broken export, and every later step (NER, story
#: matching, the index, every list row) pays for its length.
FIELD_LIMITS = {"title": 500, "author": 200, "source": 200, "url": 2048, "body": 1_000_000}


# -- one input -> ParsedInput -----------------------------------------------------------------

_EXTENSION_HINTS = {
    ".rss": "feed",
    ".atom": "feed",
    ".rdf": "feed",
    ".xml": "feed",
    ".opml": "opml",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".txt": "text",
    ".text": "text",
}

_TYPE_HINTS = (
    ("opml", "opml"),
    ("rss", "feed"),
    ("atom", "feed"),
    ("rdf", "feed"),
    ("html", "html"),
    ("ndjson", "jsonl"),
    ("jsonl", "jsonl"),
    ("json", "jsonl"),
    ("xml", "feed"),
    ("text/plain", "text"),
)

# The root element, after any XML declaration, comments, processing instructions and doctype.
_PROLOG = re.compile(
    r"^(?:\s+|<\?.*?\?>|<!--.*?-->|<!doctype[^>\[]*(?:\[.*?\])?\s*>)*", re.IGNORECASE | re.DOTALL
)
_ROOT = re.compile(r"<([a-zA-Z][\w.:-]*)")
_HTML_TAGS = {"html", "head", "body", "div", "article", "p", "section", "main", "meta", "title"}


def _hint(origin: str, content_type: str | None) -> str | None:
    if content_type:
        mime = content_type.split(";")[0].strip().lower()
        for needle, kind in _TYPE_HINTS:
            if needle in mime:
                return kind
    suffix = Path(origin.split("?")[0]).suffix.lower()
    return _EXTENSION_HINTS.get(suffix)


def sniff(text: str, hint: str | None = None) -> str:
    """The kind of input `text` is: "feed", "opml", "html", "jsonl" or "text".

    The root element decides for markup (`<rss>`, `<rdf:RDF>` and `<feed>` are feeds,
    `<opml>` is OPML, `<html>` or a doctype html is a page); JSON Lines must start with a line
    that parses as a JSON object (or the whole text is a JSON array). Anything else is a
    plain-text dump, unless the hint says it is markup.
    """
    head = text[:8192].lstrip("\ufeff")
    stripped = head.lstrip()
    if stripped.startswith("<"):
        if re.match(r"\s*<!doctype\s+html", head, re.IGNORECASE):
            return "html"
        body = head[_PROLOG.match(head).end() :]  # type: ignore[union-attr]
        root = _ROOT.match(body)
        name = root.group(1).lower() if root else ""
        local = name.rsplit(":", 1)[-1]
        if local in {"rss", "feed", "rdf"}:
            return "feed"
        if local == "opml":
            return "opml"
        if local in _HTML_TAGS:
            return "html"
        if hint in {"feed", "opml", "html"}:
            return hint
        return "feed" if name else "html"
    if stripped.startswith(("{", "[")):
        first = stripped.split("\n", 1)[0].strip()
        try:
            if isinstance(json.loads(first), dict):
                return "jsonl"
        except (ValueError, RecursionError):  # RecursionError: brackets nested thousands deep
            pass
        if stripped.startswith("[") or hint == "jsonl":
            return "jsonl"
    return "text"


def parse_bytes(
    data: bytes,
    origin: str,
    *,
    content_type: str | None = None,
    base_url: str | None = None,
) -> ParsedInput:
    """Parse one input's bytes into articles, or raise `InputError` saying why not."""
    from .decode import declared_encoding, decode
    from .future import clamp_future

    text = decode(data, origin, declared=declared_encoding(data, content_type))
    kind = sniff(text, _hint(base_url or origin, content_type))
    try:
        # Read now: a date far ahead of now is not believed (`future`), whatever the format.
        return clamp_future(_parse_as(kind, data, text, origin, base_url))
    except InputError as exc:
        exc.kind = exc.kind or kind  # `add --json` names what the failed input was found to be
        raise


def kind_of(data: bytes, origin: str) -> str:
    """What an input's bytes are, as `parse_bytes` would find (`feed`, `opml`, `html`,
    `jsonl`, `text`), without parsing them; "unknown" when they cannot be decoded."""
    from .decode import decode

    try:
        return sniff(decode(data, origin), _hint(origin, None))
    except InputError:
        return "unknown"


def _parse_as(kind: str, data: bytes, text: str, origin: str, base_url: str | None) -> ParsedInput:
    if kind == "feed":
        from . import feed

        return cap_fields(feed.parse(data, origin, base_url=base_url, text=text))
    if kind == "opml":
        from . import opml

        return opml.parse(text, origin)
    if kind == "html":
        from . import html

        return cap_fields(html.parse(text, origin, base_url=base_url))
    if kind == "jsonl":
        from . import jsonl

        return cap_fields(jsonl.parse(text, origin))
    from . import textdump

    return cap_fields(textdump.parse(text, origin))


def _cut(text: str, limit: int) -> str:
    """`text` shortened to at most `limit` characters, at a word boundary when one is near."""
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    space = head.rfind(" ")
    if space > limit * 3 // 4:
        head = head[:space]
    return head.rstrip() + "…"


def cap_fields(parsed: ParsedInput) -> ParsedInput:
    """Cut every field longer than `FIELD_LIMITS`, with one warning per field saying how many
    articles were cut and how long the longest value was. URLs are dropped rather than cut
    (half a URL points somewhere else)."""
    import dataclasses

    over: dict[str, list[int]] = {}
    articles = []
    for article in parsed.articles:
        changes: dict[str, Any] = {}
        for name, limit in FIELD_LIMITS.items():
            value = getattr(article, name)
            if value is not None and len(value) > limit:
                over.setdefault(name, []).append(len(value))
                changes[name] = None if name == "url" else _cut(value, limit)
        articles.append(dataclasses.replace(article, **changes) if changes else article)
    if not over:
        return parsed
    warnings = list(parsed.warnings)
    for name, lengths in over.items():
        limit = FIELD_LIMITS[name]
        which = "1 article" if len(lengths) == 1 else f"{len(lengths)} articles"
        what = "dropped" if name == "url" else f"cut to {limit:,} characters"
        warnings.append(
            f"{which}: {name} longer than {limit:,} characters {what} "
            f"(the longest had {max(lengths):,})"
        )
    return dataclasses.replace(parsed, articles=tuple(articles), warnings=tuple(warnings))


def size_text(size: int, limit: int) -> str:
    """A byte count in MB precise enough to differ from `limit`'s ("50.0001 MB", not "50 MB")."""
    mib = 1024 * 1024
    for digits in range(1, 7):
        shown, cap = f"{size / mib:.{digits}f}", f"{limit / mib:.{digits}f}"
        if shown != cap:
            return f"{shown} MB"
    return f"{size:,} bytes"


def parse_path(path: str | Path) -> ParsedInput:
    """Read a file (at most `MAX_BYTES`) and parse it; every failure is an `InputError`."""
    return parse_bytes(read_file(path), str(path))


def read_file(path: str | Path) -> bytes:
    """A regular file's bytes, at most `MAX_BYTES`; every failure is an `InputError`.

    Pipes and devices are refused before reading: their size reads as 0 and a read would
    wait, or grow, for ever.
    """
    origin = str(path)
    p = Path(os.path.expanduser(origin))
    try:
        if p.is_dir():
            raise InputError(origin, "is a folder, not a file")
        info = p.stat()
        if not stat.S_ISREG(info.st_mode):
            raise InputError(origin, "not a regular file (a device, pipe or socket)")
        size = info.st_size
        if size > MAX_BYTES:
            raise InputError(
                origin,
                f"file too large ({size_text(size, MAX_BYTES)}, {size:,} bytes; the limit is "
                f"{MAX_BYTES / 1024 / 1024:g} MB, {MAX_BYTES:,} bytes)",
            )
        return p.read_bytes()
    except FileNotFoundError:
        raise InputError(origin, NO_SUCH) from None
    except PermissionError:
        raise InputError(origin, "permission denied") from None
    except OSError as exc:
        raise InputError(origin, f"cannot read: {exc.strerror or exc}") from None


# -- helpers the format modules share ---------------------------------------------------------


def parse_date(value: object) -> datetime | None:
    """A timezone-aware UTC datetime from ISO 8601, RFC 822, a `time.struct_time` (as
    feedparser gives, already UTC) or a datetime; None for anything unreadable or outside
    the range a datetime can hold once shifted to UTC.

    A date without a time zone is taken as UTC: a guess, but a stable one.
    """
    if value is None or value == "":
        return None
    try:
        if isinstance(value, datetime):
            dt = value
        elif isinstance(value, tuple) or hasattr(value, "tm_year"):
            y, mo, d, h, mi, sec = (int(x) for x in tuple(value)[:6])  # type: ignore[arg-type, var-annotated]
            dt = datetime(y, mo, d, h, mi, sec, tzinfo=UTC)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            dt = datetime.fromtimestamp(value, UTC)
        elif isinstance(value, str):
            text = value.strip()
            try:
                dt = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
            except ValueError:
                parsed = email.utils.parsedate_to_datetime(text)
                if parsed is None:
                    return None
                dt = parsed
        else:
            return None
        if dt.tzinfo is None:
            dt = dt.replace(tzinfo=UTC)
        # Inside the try: near year 1 or 9999 the shift to UTC leaves datetime's range
        # ("9999-12-31T23:59:59-05:00" is in the year 10000 in UTC) and raises OverflowError.
        return dt.astimezone(UTC)
    except (ValueError, TypeError, OverflowError, IndexError, OSError):
        return None


def clean_field(value: object) -> str | None:
    """A sanitized one-line string, or None when empty: for titles, authors and sources."""
    if value is None:
        return None
    text = " ".join(sanitize(str(value)).split())
    return text or None


def clean_body(text: str) -> str:
    """Sanitize a body and normalise its layout to paragraphs separated by one blank line."""
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n", sanitize(text)))
    return "\n\n".join(p for p in paragraphs if p)


def plain_body(text: str) -> str:
    """A plain-text body (JSON Lines, a text/plain feed entry) as paragraphs: one per line
    unless the text is hard-wrapped (see `wrapping`); HTML's line breaks are mere layout and
    go through `clean_body` instead."""
    return "\n\n".join(paragraphs(sanitize(text)))


def title_from(body: str, limit: int = 100) -> str:
    """A title for an article that came without one: its first sentence, shortened at a word
    boundary. Better than "Untitled" in a list of fifty articles."""
    first = " ".join(body.split("\n\n", 1)[0].split())
    match = re.match(r"(.+?[.!?])(?:\s|$)", first)
    sentence = match.group(1) if match else first
    if len(sentence) <= limit:
        return sentence
    return sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def make_article(
    *,
    title: object,
    body: str,
    origin: str,
    url: object = None,
    published: object = None,
    source: object = None,
    author: object = None,
    tags: Sequence[str] = (),
) -> RawArticle:
    """A `RawArticle` with every string sanitized; the one way the format modules build one."""
    return RawArticle(
        title=clean_field(title) or "",
        body=clean_body(body),
        url=clean_field(url),
        published=parse_date(published),
        source=clean_field(source),
        author=clean_field(author),
        origin=sanitize(origin),
        tags=tuple(t for t in (clean_field(t) for t in tags) if t),
    )
