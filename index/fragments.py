"""Search-result fragments: a ~200-character excerpt around the matched words, marked `**word**`.

Text from outside is hostile: control and bidi characters never reach the screen, and the only
double stars in a fragment are our marks.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from whoosh import highlight

FRAGMENT_CHARS = 200


_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"
_SPACES = re.compile(r"\s+")
_STARS = re.compile(r"\*{2,}")


def screen_safe(text: str) -> str:
    """No control or bidi characters, one space between words, no `**` but ours."""
    text = "".join(" " if unicodedata.category(c) == "Cc" or c in _BIDI else c for c in text)
    return _STARS.sub("*", _SPACES.sub(" ", text))


class MarkFormatter(highlight.Formatter):
    between = " … "

    def _text(self, text: str) -> str:
        return screen_safe(text)

    def format_token(self, text: str, token: Any, replace: bool = False) -> str:
        return f"**{screen_safe(highlight.get_text(text, token, replace)).strip()}**"


def lead(text: str) -> str:
    """The start of an article, cut at a word, for hits no search word shows up in."""
    text = screen_safe(text).strip()
    if len(text) <= FRAGMENT_CHARS:
        return text
    cut = text.rfind(" ", 0, FRAGMENT_CHARS)
    return text[: cut if cut > FRAGMENT_CHARS // 2 else FRAGMENT_CHARS].rstrip() + " …"


def fragment(hit: Any, terms: set[str], title: str, body: str, title_analyzer: Any) -> str:
    """A ~200-character excerpt around the first matched words, marked `**word**`.

    Matches in the body come from the character offsets stored in the postings (no
    re-analysis of the body); a hit that matched only in its headline shows the marked
    headline before the article's lead, so the reader still sees why it matched.
    """
    if hit is None or not terms or not hit.results.has_matched_terms():
        return lead(body)
    matched = {field for field, _ in hit.matched_terms()}
    if "body" in matched and body:
        found = hit.highlights("body", text=body, top=1)
        if found:
            return str(found).strip()
    if "title" in matched:
        marked = highlight.highlight(
            title, terms, title_analyzer, highlight.WholeFragmenter(), MarkFormatter()
        )
        if marked:
            return f"{marked.strip()} — {lead(body)}"
    return lead(body)
