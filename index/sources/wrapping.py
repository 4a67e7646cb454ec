"""Line breaks in plain text: hard wrapping at a fixed width, or one paragraph per line.

Text dumps, JSON Lines bodies and plain-text feed entries come in both shapes. Text wrapped at
72 or 80 columns breaks mid-sentence and must be rejoined; text scraped or exported with one
paragraph per line ("SCIENCE", "By Jane Doe", "PASADENA, Calif. — …") must not, or a section
label, a byline and a dateline run into one sentence and into one "name".
"""

from __future__ import annotations

import re
from itertools import pairwise

#: A list item opening a line: "- new cycle lanes", "• a rise", "2) the closure".
_BULLET = re.compile(r"^(?:[-•*–·▪]\s|\d{1,2}[.)]\s)")


def _wrap_width(lines: list[str]) -> int | None:
    """The column width text was hard-wrapped at, or None when lines are whole paragraphs.

    Wrapped text has lines of similar length (near the width) that mostly break mid-sentence.
    """
    lengths = sorted(len(line) for line in lines if line)
    if len(lengths) < 5:
        return None
    width = lengths[int(len(lengths) * 0.9) - 1]
    if width > 100 or width < 30:
        return None
    long = [n for n in lengths if n >= 0.6 * width]
    if len(long) < 0.5 * len(lengths):
        return None
    followed = [a for a, b in pairwise(lines) if a and b]
    if not followed:
        return None
    # A line ending in a figure is a table's row ("Harbour Rovers 2 Kestrel Town 1"), and a
    # list's items are lines of their own: neither is prose broken at a width.
    mid_sentence = [
        a for a in followed if not re.search(r"[.!?\"”’:\d]$", a) and not _BULLET.match(a)
    ]
    return width if len(mid_sentence) >= 0.5 * len(followed) else None


def _unwrap(lines: list[str], width: int) -> list[str]:
    """Rejoin wrapped lines: a line continues into the next unless it is short (it ended a
    paragraph or is a heading) or a blank line follows."""
    out: list[str] = []
    current: list[str] = []
    for line in lines:
        if not line or _BULLET.match(line):
            if current:
                out.append(" ".join(current))
                current = []
            if not line:
                out.append("")
                continue
        current.append(line)
        if len(line) < 0.6 * width:
            out.append(" ".join(current))
            current = []
    if current:
        out.append(" ".join(current))
    return out


def lines_of(text: str) -> list[str]:
    """The lines of sanitized plain text with their spaces normalised, wrapped lines rejoined
    when the text is hard-wrapped; blank lines are kept (they separate paragraphs, and a dump's
    articles)."""
    lines = [" ".join(line.split()) for line in text.split("\n")]
    width = _wrap_width(lines)
    return _unwrap(lines, width) if width else lines


def paragraphs(text: str) -> list[str]:
    """The paragraphs of sanitized plain text: blank lines always separate them; single line
    breaks do too, unless the text is hard-wrapped, when wrapped lines are rejoined first."""
    out: list[str] = []
    for line in lines_of(text):
        if line and out and out[-1] and not _BULLET.match(line) and _continues(out[-1], line):
            out[-1] += " " + line  # a sentence broken across two lines of a short text
        else:
            out.append(line)
    return [line for line in out if line]


#: Words no sentence, label or byline ends with.
_OPEN_WORDS = frozenset(
    {"a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "with", "and", "or", "by"}
)


def _continues(line: str, after: str) -> bool:
    """Does `after` go on with the sentence `line` left open ("… to close the library," /
    "citing budget shortfalls.")? A label, a byline or a dateline ends no sentence but is
    followed by a capital ("SCIENCE" / "By Jane Doe" / "PASADENA, Calif. — …")."""
    if line[-1] in ",;" or line.rsplit(" ", 1)[-1] in _OPEN_WORDS:
        return True  # "… talks in" / "Geneva resumed."
    return not re.search(r"[.!?:\"”’)\]]$", line) and after[0].islower()
