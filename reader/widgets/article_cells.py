"""The article list's cells that show an article's flags and title."""

from __future__ import annotations

from rich.text import Text

from index.model import ArticleSummary

from ..render import plain


def marks_cell(article: ArticleSummary) -> Text:
    """The unread dot and the star."""
    text = Text(end="")
    text.append("●" if not article.read else " ", style="bold #5fafff")
    text.append("★" if article.starred else " ", style="bold #e5c07b")
    return text


def title_cell(article: ArticleSummary, depth: int) -> Text:
    """The title, bold while unread, after "+N" for a story's other sources (depth 0) or a
    branch mark for one of those sources (depth 1)."""
    text = Text(end="", no_wrap=True, overflow="ellipsis")
    if depth:
        text.append("  └ ", style="dim")
    elif article.story_size > 1:
        text.append(f"+{article.story_size - 1} ", style="bold #d19a66")
    text.append_text(plain(article.title or "(untitled)", "" if article.read else "bold"))
    return text
