"""What one line of a plain-text news dump is: a headline, body text, a caption, a stray
widget leftover or page furniture. `textdump` decides article boundaries from these."""

from __future__ import annotations

import re

_WORD = re.compile(r"\S+")
_SENTENCE_END = re.compile(r"[.!?…:;,\"”’»)\]]$")
_CREDIT = re.compile(r"\(\s*([^()]{1,60}?)\s*\)$")
_PHOTO = re.compile(r"^(?:photo|image|picture|file photo|photograph)s?(?: credit)?\s*[:|-]", re.I)
_SOURCE = re.compile(r"^(?:source|sources|source of this article)\s*:\s*(.+)$", re.I)

# Lines that are page furniture, matched against the whole line (case-insensitive, trailing
# punctuation ignored). Kept short on purpose: a line must be *only* this to be dropped.
_FURNITURE = [
    r"share(?: (?:this|the) (?:article|story|post|page))?(?: (?:on|via) \w+)?",
    r"(?:tweet|email|e-mail|print|whatsapp|facebook|twitter|linkedin|telegram|reddit|"
    r"pinterest|copy link|copy|x|link copied|listen|save|bookmark)",
    r"\d*\s*comments?(?: \(\d+\))?",
    r"(?:view|show|hide|load|read) (?:all )?(?:\d+ )?comments?",
    r"(?:name|email|e-mail|website|comment|your comment)\s*\*?(?:\s*\(required\))?",
    r"save my name, email.*",
    r"required fields are marked.*",
    r"(?:advertisement|advert|ad|sponsored(?: content)?|skip advertisement)",
    r"(?:subscribe|sign up|follow us|click here|download (?:our|the) app)\b.*",
    r"(?:tags?|topics?|filed under|categories|category)\s*:.*",
    r"(?:copyright|©|\(c\)).*",
    r".*\ball rights reserved\b.*",
    r"(?:back to top|top of page|scroll to top|next article|previous article)",
]
# A share bar flattened to one line, made only of share words: "Facebook Twitter WhatsApp
# Email", "Share: X | Email", "Share on Facebook Share on Twitter Email", "Share via Email".
# Checked on lines of any length, since a long bar is still a bar; a sentence that mentions
# Facebook has other words in it and never matches.
_SHARE_TARGET = (
    r"(?:facebook|twitter|x|whatsapp|email|e-mail|mail|linkedin|telegram|reddit|pinterest|"
    r"messenger|print|copy link|copy|sms|bluesky|threads|mastodon|flipboard|tumblr)"
)
_SHARE_ITEM = (
    r"(?:share(?: (?:this|the) (?:article|story|post|page))?(?: (?:on|via|to|with|by))?"
    rf"\s*:?\s*)?{_SHARE_TARGET}\b"
)
_SHARE_BAR = rf"(?:share\b\s*:?\s*)?{_SHARE_ITEM}(?:[\s|,/·•]*{_SHARE_ITEM})+(?:\s+share)?"
_COMMENT_BOX = [
    r"(?:add|post|leave|write|submit) a (?:comment|reply)",
    r"leave a reply",
    r"post comment",
    r"your email address will not be published.*",
    r"comments are closed.*",
    r"join the (?:conversation|discussion)",
]
_LINK_LIST = [
    r"read (?:more|also)\b.*",
    r"see also\b.*",
    r"related(?: (?:articles|stories|news|posts|content|topics|coverage|links))?",
    r"more (?:stories|news|on this(?: story| topic)?|from \w+.*|in \w+.*)",
    r"you (?:may|might) also (?:like|be interested in|want to read).*",
    r"(?:recommended|recommended for you|most read|most popular|trending(?: now)?|latest news)",
]


def _compile(patterns: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?:" + "|".join(patterns) + r")", re.IGNORECASE)


_FURNITURE_RE = _compile(_FURNITURE)
_COMMENT_BOX_RE = _compile(_COMMENT_BOX)
_LINK_LIST_RE = _compile(_LINK_LIST)
_SHARE_BAR_RE = _compile([_SHARE_BAR])


def word_count(line: str) -> int:
    return len(_WORD.findall(line))


def line_key(line: str) -> str:
    """What makes two lines "the same": case, spacing and quote style do not."""
    line = line.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(line.casefold().split())


def bare_line(line: str) -> str:
    return line.strip().rstrip(" .:!|»>-–—").strip()


def is_stray(line: str) -> bool:
    """Widget leftovers: "TT", "20", "***", or one word that is not a sentence on its own."""
    if len(line) <= 3:
        return True
    if not re.search(r"[^\W\d_]", line):
        return True  # digits, punctuation, symbols only
    return word_count(line) == 1 and not re.search(r"[.!?…\"”]$", line)


def boilerplate(line: str) -> str | None:
    """ "comments" for a comment-box line, "links" for a link-list heading, "source" for a
    "Source: X" line, "furniture" for other page furniture; None for anything else."""
    bare = bare_line(line)
    if _SHARE_BAR_RE.fullmatch(bare):
        return "furniture"
    if word_count(bare) > 15 and not re.search(r"all rights reserved|email address", bare, re.I):
        return None
    if _COMMENT_BOX_RE.fullmatch(bare):
        return "comments"
    if _LINK_LIST_RE.fullmatch(bare):
        return "links"
    if source_of(line):
        return "source"
    if _FURNITURE_RE.fullmatch(bare):
        return "furniture"
    return None


def source_of(line: str) -> str | None:
    """The X of a "Source: X" line, when X is a short name rather than a sentence."""
    match = _SOURCE.match(line.strip())
    if not match:
        return None
    value = match.group(1).strip().rstrip(".")
    if not value or word_count(value) > 6 or re.search(r"[.!?]\s", value):
        return None
    return value


def is_credit_caption(line: str) -> bool:
    """A photo caption: six or more words ending in a credit like "(AFP)" or "(Reuters/J. Doe)",
    or a line that starts "Photo:"."""
    if _PHOTO.match(line):
        return True
    match = _CREDIT.search(line)
    if not match or word_count(line) < 6:
        return False
    credit = match.group(1)
    return word_count(credit) <= 6 and credit[:1].isupper()


def is_headline(line: str) -> bool:
    """Short, starts like a title, does not end like a sentence, and is nothing else."""
    words = word_count(line)
    if not 2 <= words <= 25 or len(line) > 200:
        return False
    first = line.lstrip("\"'“‘«")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    if re.search(r"[.,;:…]$", line):
        return False
    return not (is_stray(line) or boilerplate(line) or is_credit_caption(line))


def is_paragraph(line: str) -> bool:
    """Body text: eight words or more that end like a sentence, or twenty words or more."""
    words = word_count(line)
    return words >= 20 or (words >= 8 and bool(_SENTENCE_END.search(line)))
