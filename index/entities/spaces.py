"""The spaces a name may be written with: pages and feeds join "U Thein Sein", "Gare du Nord"
or "Mr Smith" with a no-break space (U+00A0), a narrow one (U+202F) or a figure space (U+2007).

The model and every rule read a name's words as joined by a plain space, so such a name is
half read or missed. The entity layer therefore reads a copy of the text with each of these
turned into a plain space, one character for one: every offset stays an offset into the
article as stored and shown, which keeps its own spaces.
"""

from __future__ import annotations

#: The spaces that join words without breaking the line.
_UNBROKEN = ("\u00a0", "\u202f", "\u2007")


def plain_spaces(text: str) -> str:
    """`text` with its no-break, narrow and figure spaces as plain ones, same length.

    `str.replace` per space, and only for a space the text holds: `str.translate` with a table
    costs far more per character, and most texts hold none of them."""
    for space in _UNBROKEN:
        if space in text:
            text = text.replace(space, " ")
    return text
