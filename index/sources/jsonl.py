"""JSON Lines: one article per line, the format scripts and scrapers find easiest to write.

Fields: `title`, `body` (or `text` / `content`), `url` (or `link`), `published` (or `date`;
ISO 8601, RFC 822 or a Unix timestamp; one that is none of these is a warning and the article
is kept undated), `source`, `author`. A bad line is reported as "line N: reason" and skipped, so one broken record never costs the rest of the file. A file
holding a single JSON array of such objects is accepted too, since exporters often write that.
"""

from __future__ import annotations

import json
from typing import Any

from ..model import InputError, ParsedInput, RawArticle
from . import clean_field, make_article, parse_date, plain_body, title_from

__all__ = ["parse"]

_BODY_KEYS = ("body", "text", "content")
_URL_KEYS = ("url", "link")
_DATE_KEYS = ("published", "date", "published_at", "pubDate")
_TOO_DEEP = "not usable JSON (nested too deeply)"


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = record.get(key)
        if value not in (None, ""):
            return value
    return None


def _article(record: Any, origin: str, notes: list[str] | None = None) -> RawArticle:
    """One record as an article; raises ValueError with the reason a record is unusable.
    A date that cannot be read loses only the date, said in `notes`: the article is kept,
    and the user learns why it lists as undated."""
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, got {type(record).__name__}")
    body_value = _first(record, _BODY_KEYS)
    if body_value is not None and not isinstance(body_value, str):
        raise ValueError("'body' is not a string")
    body = plain_body(body_value or "")
    title = clean_field(record.get("title")) if isinstance(record.get("title"), str) else None
    if not body and not title:
        raise ValueError("no title and no body")
    author = record.get("author")
    if isinstance(author, list):
        author = ", ".join(str(a) for a in author if a)
    date = _first(record, _DATE_KEYS)
    if date is not None and parse_date(date) is None and notes is not None:
        key = next(k for k in _DATE_KEYS if record.get(k) not in (None, ""))
        shown = clean_field(json.dumps(date, ensure_ascii=False)) or ""
        notes.append(f"{key!r} is not a date ({shown[:60]}); kept without a date")
    return make_article(
        title=title or title_from(body),
        body=body or title or "",
        origin=origin,
        url=_first(record, _URL_KEYS),
        published=date,
        source=record.get("source") if isinstance(record.get("source"), str) else None,
        author=author if isinstance(author, str) else None,
    )


def _take(
    record: Any, origin: str, where: str, articles: list[RawArticle], warnings: list[str]
) -> None:
    """Keep `record` as an article, or warn why not; a date it loses is a warning too. `where`
    names the record for the user: "line 3" of JSON Lines, "item 3" of a JSON array."""
    notes: list[str] = []
    try:
        articles.append(_article(record, origin, notes))
    except ValueError as exc:
        warnings.append(f"{where}: {exc}")
    warnings.extend(f"{where}: {note}" for note in notes)


def _problem(exc: json.JSONDecodeError) -> str:
    return f"not valid JSON ({exc.msg} at column {exc.colno})"


def parse(text: str, origin: str) -> ParsedInput:
    """Parse JSON Lines (or one JSON array); raises `InputError` when no line is usable."""
    articles: list[RawArticle] = []
    warnings: list[str] = []
    stripped = text.strip()
    if stripped.startswith("["):
        try:
            records = json.loads(stripped)
        except (json.JSONDecodeError, RecursionError):
            records = None
        if isinstance(records, list):
            for number, record in enumerate(records, 1):
                _take(record, origin, f"item {number}", articles, warnings)
            return _result(origin, articles, warnings)
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            warnings.append(f"line {number}: {_problem(exc)}")
            continue
        except RecursionError:
            # json gives up on thousands of nested brackets; one such line is not the file.
            warnings.append(f"line {number}: {_TOO_DEEP}")
            continue
        _take(record, origin, f"line {number}", articles, warnings)
    return _result(origin, articles, warnings)


def _result(origin: str, articles: list[RawArticle], warnings: list[str]) -> ParsedInput:
    if not articles:
        detail = f" ({warnings[0]})" if warnings else ""
        raise InputError(origin, f"no articles found: no usable JSON line{detail}")
    return ParsedInput(
        origin=origin, kind="jsonl", articles=tuple(articles), warnings=tuple(warnings)
    )
