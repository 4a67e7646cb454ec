"""Turning article data into Rich `Text`: sanitized, never parsed as markup.

Everything the reader shows that came from an article or a feed passes through here. Text is
built with `Text(...)`/`Text.append`, so "[bold]" in a headline shows as those characters, and
`index.textclean.sanitize` strips escape sequences and control characters first.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from rich.text import Text

from index.entities.keys import determiner
from index.model import ArticleSummary, EntityType, Mention
from index.textclean import sanitize

#: How an entity mention is drawn in the reader, by type.
MENTION_STYLES: dict[EntityType, str] = {
    "person": "bold #4fb3d9",
    "place": "bold #7cc47c",
    "org": "bold #d98fd9",
}
#: Matched search words in the reader.
HIGHLIGHT_STYLE = "bold #1a1a1a on #e5c07b"
TYPE_LABELS: dict[EntityType, str] = {"person": "People", "place": "Places", "org": "Organizations"}
TYPE_SHORT: dict[EntityType, str] = {"person": "person", "place": "place", "org": "org"}


def one_line(text: str | None) -> str:
    """Sanitized text on a single line (headlines, sources, names)."""
    return " ".join(sanitize(text or "").split())


def plain(text: str | None, style: str = "") -> Text:
    """A single-line `Text` of hostile input: sanitized, no markup."""
    return Text(one_line(text), style=style, end="")


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """ "1 source", "3 sources": every count shown to a user agrees with its noun."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def report_counts(report: Any) -> str:
    """`AddReport.summary`'s five counts, each agreeing with its noun: the demo's build said
    "1 duplicates" (QA 6)."""
    return (
        f"{report.added} added, {report.updated} updated, {report.unchanged} unchanged, "
        f"{counted(report.duplicates, 'duplicate')}, {len(report.failures)} failed"
    )


def add_summary(report: Any) -> str:
    """An add's or a refresh's counts (`AddReport.summary`), with what the feeds that brought
    nothing did: a refresh whose feeds all answered "not modified" read "0 added, 0 updated,
    0 unchanged, 0 duplicates, 0 failed", five zeros that say nothing of the feeds, and one
    failed feed among 22 quiet ones hid them all the same. A feed's result with no count, no
    warning and no failure is one that was not modified; `not_due` marks one a scheduled
    refresh (`--due`) did not fetch."""
    not_due = sum(1 for r in report.results if getattr(r, "not_due", False))
    quiet = [
        r
        for r in report.results
        if r.kind == "feed"
        and not getattr(r, "not_due", False)
        and not (r.failed or r.warnings or r.added or r.updated or r.unchanged or r.duplicates)
    ]
    feeds = [counted(len(quiet), "feed") + " not modified"] if quiet else []
    if not_due:
        feeds.append(
            f"{not_due} not due yet" if feeds else counted(not_due, "feed") + " not due yet"
        )
    if report.added or report.updated or report.failures or not feeds:
        counts = report_counts(report)
        return f"{counts} ({', '.join(feeds)})" if feeds else counts
    said = [f"{report.unchanged} unchanged"] if report.unchanged else []
    said += [counted(report.duplicates, "duplicate")] if report.duplicates else []
    return f"No new articles ({', '.join(said + feeds)})."


def body_text(
    body: str,
    *,
    mentions: Sequence[Mention] = (),
    highlights: Iterable[tuple[int, int]] = (),
) -> Text:
    """The article body with entity mentions coloured and search words highlighted.

    The spans are character offsets into `body`. The back end stores clean bodies, so
    sanitizing changes nothing and the offsets hold; if it ever does change something, the
    spans no longer point at the right words and the body is shown sanitized but unstyled
    rather than styled wrongly.
    """
    clean = sanitize(body)
    text = Text(clean, end="")
    if clean != body:
        return text
    size = len(clean)
    for mention in mentions:
        start = mention.start
        if not determiner(mention.entity):
            start += determiner(mention.text)  # the model's "the" is in the span: colour the name
        if 0 <= start < mention.end <= size:
            text.stylize(MENTION_STYLES.get(mention.type, "bold"), start, mention.end)
    for start, end in highlights:
        if 0 <= start < end <= size:
            text.stylize(HIGHLIGHT_STYLE, start, end)
    return text


def when(published: datetime | None, seen: datetime | str | None, *, time: bool = False) -> str:
    """When an article is from, said one way everywhere (the list, the reader, an entity page's
    articles and quotes, a story page): its published date, or for an undated article (a text
    dump) "seen DATE", when Dateline first stored it; "" when neither is known. An undated
    article showed as "seen DATE", "—", a bare date that looked published, and "published —"
    in four places (QA 6). `seen` may be an ISO date already cut to the day."""
    shape = "%Y-%m-%d %H:%M" if time else "%Y-%m-%d"
    if published is not None:
        return published.strftime(shape)
    if isinstance(seen, datetime):
        return "seen " + seen.strftime(shape)
    return f"seen {seen}" if seen else ""


def version_when(published: datetime | None, first_seen: datetime | None) -> tuple[str, str]:
    """A story page version's two lines of when (the TUI's column head; the CLI joins them):
    published and first seen, or for an undated version "undated" and "seen …" as `when`
    says it, where it read "published —"."""
    seen = first_seen.strftime("%Y-%m-%d %H:%M") if first_seen else "—"
    if published is None:
        return "undated", f"seen {seen}" if first_seen else ""
    return f"published  {published.strftime('%Y-%m-%d %H:%M')}", f"first seen {seen}"


def article_date(article: ArticleSummary) -> str:
    """The date a list row or byline shows (`when`)."""
    return when(article.published, article.seen)


def short_date(article: ArticleSummary) -> str:
    """`article_date` for a narrow list: "14 May 25" (the day first, never cut), "~" before
    a date Dateline first saw the article rather than its published date."""
    if article.published is not None:
        return article.published.strftime("%d %b %y")
    if article.seen is not None:
        return "~" + article.seen.strftime("%d %b %y")
    return ""
