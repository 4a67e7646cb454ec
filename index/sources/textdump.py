"""Plain-text news dumps: text copied or scraped from news pages, one or several articles a file.

Such dumps carry the page's furniture along with the article. The shapes handled here, each
with the rule that deals with it:

* **Several articles in one file.** A new article starts at a *headline-like* line (2-25
  words, starts with a capital, digit or quote, does not end like a sentence, is not a caption
  or boilerplate) that is followed by real text and comes after the current article already has
  a body, when one of these also holds:
  (a) it follows two or more blank lines;
  (b) the same line repeats within the next few lines (pages print the headline twice: once
      above the photo, once above the text);
  (c) boilerplate ("Share", "Related", a copyright line ...) came between the last paragraph
      and it: the previous article's page ended there.
  A line equal to the current headline is never a boundary: it is the repeat.
* **The headline repeated** inside the article: dropped; the first one is the `title`.
* **Photo captions**, usually printed twice back-to-back and ending in a credit such as
  "(AFP)" or "(Reuters/Jane Doe)": a line repeated back-to-back before the first paragraph of
  text, or any line of six or more words that ends in a parenthesised credit, or a line
  starting "Photo:" is a caption; every copy of it is dropped.
* **Stray lines** left by page widgets: one or two characters ("TT"), a lone number ("20"),
  symbols only, or a single word that is not a sentence. Dropped.
* **Boilerplate**: share bars, comment boxes ("Add a comment", "Your email address will not be
  published"), "Read more" / "Related" link lists, copyright lines, "Source: X" (which also
  names the `source`). Dropped; after an unmistakable comment-box line the rest of the article
  is the comment form and is dropped too, and after "Related"/"Read more" the headline-like
  lines of the link list are dropped up to the next real paragraph.
* **Repeated text**: the whole body, or its first paragraph, printed twice. Every paragraph is
  kept once, at its first place; a paragraph that is a shortened copy of a later one (a
  standfirst, or one ending in "…") is dropped in favour of the longer one.
* **Paragraph breaks**: blank lines or single newlines both separate paragraphs (scraped text
  puts one paragraph on each line). Text hard-wrapped at a fixed width (lines of similar
  length, mostly broken mid-sentence) is first rejoined into paragraphs.
* **Bylines and datelines** ("By Jane Doe", "Published: 3 March 2025") above the first
  paragraph: they become `author` and `published` instead of text.
* **No-break spaces and trailing spaces** at line ends: removed by `sanitize`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import pairwise

from ..model import InputError, ParsedInput, RawArticle
from ..textclean import sanitize
from . import make_article, parse_date, title_from
from .dumplines import (
    boilerplate,
    is_credit_caption,
    is_headline,
    is_paragraph,
    is_stray,
    line_key,
    source_of,
    word_count,
)
from .wrapping import lines_of

__all__ = ["parse", "split_articles"]

#: How many following non-blank lines a repeated headline may lie in (rule b).
REPEAT_WINDOW = 12

# -- splitting a file into articles ------------------------------------------------------------


@dataclass(frozen=True)
class _Line:
    index: int
    text: str
    blanks_before: int


def _content_lines(lines: list[str]) -> list[_Line]:
    out: list[_Line] = []
    blanks = 0
    for index, text in enumerate(lines):
        if not text:
            blanks += 1
            continue
        out.append(_Line(index, text, blanks))
        blanks = 0
    return out


def _is_noise(line: str) -> bool:
    return is_stray(line) or boilerplate(line) is not None or is_credit_caption(line)


def _next_is_text(content: list[_Line], at: int) -> bool:
    """Whether real text follows line `at`, skipping noise, captions and repeats of it."""
    key = line_key(content[at].text)
    end = min(len(content), at + 1 + REPEAT_WINDOW)
    for i in range(at + 1, end):
        text = content[i].text
        k = line_key(text)
        doubled = line_key(content[i - 1].text) == k or (
            i + 1 < len(content) and line_key(content[i + 1].text) == k
        )
        if k == key or _is_noise(text) or byline_of(text) or date_of(text):
            continue  # a byline or dateline under a headline belongs to its article
        if is_paragraph(text):
            return True
        if not doubled:  # a caption printed twice back-to-back is skipped like any caption
            return False
    return False


def _repeats_soon(content: list[_Line], at: int) -> bool:
    key = line_key(content[at].text)
    return any(line_key(item.text) == key for item in content[at + 1 : at + 1 + REPEAT_WINDOW])


def split_articles(lines: list[str]) -> list[list[str]]:
    """Split a dump's lines (stripped, "" for blank) into one list of lines per article.

    Each article's list starts with its headline (when it has one). See the module docstring
    for the rules.
    """
    content = _content_lines(lines)
    # The first article starts at the first line that is not widget noise.
    start = next((i for i, item in enumerate(content) if not _is_noise(item.text)), None)
    if start is None:
        return []
    starts = [start]
    title = line_key(content[start].text)
    has_body = False
    furniture_since_text = False
    for at in range(start + 1, len(content)):
        text = content[at].text
        key = line_key(text)
        if key == title:
            continue
        if (
            has_body
            and is_headline(text)
            and (
                content[at].blanks_before >= 2 or furniture_since_text or _repeats_soon(content, at)
            )
            and _next_is_text(content, at)
        ):
            starts.append(at)
            title, has_body, furniture_since_text = key, False, False
            continue
        if is_paragraph(text):
            has_body, furniture_since_text = True, False
        elif boilerplate(text):
            furniture_since_text = True
    bounds = [content[s].index for s in starts] + [len(lines)]
    return [lines[a:b] for a, b in pairwise(bounds)]


# -- cleaning one article ----------------------------------------------------------------------


def _has_title(line: str) -> bool:
    """Whether an article's first line is its headline rather than its first paragraph."""
    return (
        not _is_noise(line)
        and word_count(line) <= 30
        and not (word_count(line) >= 15 and re.search(r"[.!?\"”]$", line))
    )


def _captions(lines: list[str]) -> set[str]:
    """Keys of caption lines: credit-ending lines, and lines printed twice back-to-back (no
    blank line between) before the first paragraph of text. A lead paragraph repeated after a
    blank line is not a caption: it is deduplicated later and kept once."""
    keys: set[str] = set()
    seen_text = False
    for i, line in enumerate(lines):
        if not line:
            continue
        key = line_key(line)
        if is_credit_caption(line):
            keys.add(key)
            continue
        doubled = i + 1 < len(lines) and line_key(lines[i + 1]) == key
        if doubled and not seen_text:
            keys.add(key)
        elif is_paragraph(line) and key not in keys:
            seen_text = True
    return keys


_BYLINE = re.compile(r"^(?:by|written by|words by)\s+(\S.{1,60})$", re.IGNORECASE)
_DATE_PREFIX = re.compile(r"^(?:published|updated|posted|last updated)(?: on| at)?\s*:?\s*", re.I)
_DATE_FORMATS = (
    "%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%A, %B %d, %Y", "%A %d %B %Y",
    "%A, %d %B %Y", "%Y-%m-%d", "%Y-%m-%d %H:%M", "%d.%m.%Y", "%d.%m.%Y %H:%M",
    "%B %d, %Y %H:%M", "%d %B %Y %H:%M",
)  # fmt: skip


def byline_of(line: str) -> str | None:
    """The name in a "By Jane Doe" line near the top of an article."""
    match = _BYLINE.match(line)
    if not match or word_count(match.group(1)) > 8 or not match.group(1)[:1].isupper():
        return None
    return match.group(1).rstrip(".")


def date_of(line: str) -> datetime | None:
    """The date of a dateline such as "Published: 3 March 2025" or "March 3, 2025 14:05"."""
    text = _DATE_PREFIX.sub("", line).strip().rstrip(".")
    if word_count(text) > 6 or not re.search(r"\d", text):
        return None
    text = re.sub(r"\s*[|·-]\s*(?=\d{1,2}:\d{2})", " ", text)  # "2.3.2025 - 10:15"
    parsed = parse_date(text)
    if parsed:
        return parsed
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).replace(tzinfo=UTC)
        except ValueError:
            continue
    return None


@dataclass(frozen=True)
class _Body:
    paragraphs: list[str]
    source: str | None = None
    author: str | None = None
    published: datetime | None = None


def _paragraphs(lines: list[str], title_key: str | None) -> _Body:
    """The article's real paragraphs in order, with what its furniture told: a "Source:"
    line, and a byline or dateline above the first paragraph."""
    captions = _captions(lines)
    source: str | None = None
    author: str | None = None
    published: datetime | None = None
    kept: list[str] = []
    in_links = False
    for line in lines:
        if not line:
            continue
        key = line_key(line)
        if key == title_key or key in captions:
            continue
        if not kept:
            if not author and (name := byline_of(line)):
                author = name
                continue
            if not published and (when := date_of(line)):
                published = when
                continue
        if is_stray(line):
            continue
        kind = boilerplate(line)
        if kind == "comments":
            break
        if kind == "links":
            in_links = True
            continue
        if kind == "source":
            source = source or source_of(line)
            continue
        if kind:
            continue
        if in_links:
            if not is_paragraph(line):
                continue
            in_links = False
        kept.append(line)
    return _Body(_dedupe(kept), source, author, published)


def _dedupe(paragraphs: list[str]) -> list[str]:
    """Each paragraph once, at its first place; shortened copies give way to the full one.

    The prefix test runs on a sorted list (bisect), so a huge one-article dump stays linear-ish.
    """
    keys = [line_key(p) for p in paragraphs]
    ordered = sorted(set(keys))
    out: list[str] = []
    seen: set[str] = set()
    for paragraph, key in zip(paragraphs, keys, strict=True):
        if key in seen:
            continue
        if word_count(key) >= 8 and _has_longer(ordered, key.rstrip(".… "), key):
            continue
        seen.add(key)
        out.append(paragraph)
    return out


def _has_longer(ordered: list[str], stem: str, key: str) -> bool:
    """Whether a key other than `key` in the sorted `ordered` starts with `stem`."""
    at = bisect_left(ordered, stem)
    while at < len(ordered) and ordered[at].startswith(stem):
        if ordered[at] != key:
            return True
        at += 1
    return False


def _articles(text: str, origin: str) -> Iterator[RawArticle]:
    for chunk in split_articles(lines_of(sanitize(text))):
        first = next(line for line in chunk if line)
        title = first if _has_title(first) else None
        body_lines = chunk[chunk.index(first) + 1 :] if title else chunk
        found = _paragraphs(body_lines, line_key(title) if title else None)
        if not found.paragraphs:
            continue
        body = "\n\n".join(found.paragraphs)
        yield make_article(
            title=title or title_from(body),
            body=body,
            origin=origin,
            source=found.source,
            author=found.author,
            published=found.published,
        )


def parse(text: str, origin: str) -> ParsedInput:
    """Split a plain-text dump into clean articles; `InputError` when none has any text."""
    articles = tuple(_articles(text, origin))
    if not articles:
        raise InputError(origin, "no articles found: the text holds no paragraph of article text")
    return ParsedInput(origin=origin, kind="text", articles=articles)
