"""Make text from outside safe to show in a terminal and stable to index.

Every string Dateline did not write itself (titles, bodies, authors, feed titles, file names)
passes through `sanitize` before it is stored or drawn. A news page or a feed is hostile input:
an escape sequence in a headline could retitle the terminal, move the cursor or hide text, and a
bidi override could make a line read differently from what it says. Invisible characters
(zero-width spaces, soft hyphens) and no-break spaces would also make the same word index and
compare as different words.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["escape_json_text", "sanitize", "sanitize_markup", "visible"]

# ECMA-48 escape sequences, in both their 7-bit (ESC x) and 8-bit (C1) forms, removed whole:
# dropping only the ESC would leave "]0;title" or "[2J" as visible text.
# - OSC runs to BEL or ST (ESC \ or 0x9C); a stray ESC inside ends it, as in a terminal.
# - DCS, SOS, PM and APC run to ST only; an ESC inside that is not ST belongs to the string
#   (tmux passthrough, "ESC P tmux; ESC ESC ] 52 ...", doubles its ESCs).
# An unterminated string command swallows the rest of the text, as a terminal would.
_ESCAPES = re.compile(
    r"""
    (?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?          # CSI: colours, cursor moves
    | (?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c|(?=\x1b)|$)  # OSC ... BEL or ST
    | (?:\x1b[PX^_]|[\x90\x98\x9e\x9f])                           # DCS SOS PM APC ...
      (?:[^\x1b\x9c]|\x1b(?!\\))*(?:\x1b\\|\x9c|$)                  # ... up to ST
    | \x1b[\x20-\x2f]*[\x30-\x7e]                                # other ESC sequences (ESC c, ESC ( B)
    | \x1b                                                       # a lone ESC
    """,
    re.VERBOSE,
)

# C0 controls except tab and newline, DEL, and C1 controls (0x80-0x9f).
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

_TRANSLATE = str.maketrans(
    {
        # Bidi embeddings, overrides and isolates, and the bidi marks (LRM, RLM, ALM): they
        # reorder what the terminal shows, or hide in text that looks the same.
        **dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)]),
        0x200E: None,
        0x200F: None,
        0x061C: None,
        # Tag characters: invisible, and a known way to smuggle text past a reader.
        **dict.fromkeys(range(0xE0000, 0xE0080)),
        # Other invisible format characters: invisible operators, deprecated format controls,
        # the Mongolian vowel separator, interlinear annotation marks.
        **dict.fromkeys([*range(0x2061, 0x2065), *range(0x206A, 0x2070), 0x180E]),
        **dict.fromkeys(range(0xFFF9, 0xFFFC)),
        # Invisible characters that only split words: zero-width space, word joiner,
        # zero-width no-break space (a stray BOM), soft hyphen. ZWJ/ZWNJ are kept because
        # emoji sequences and Persian and Indic spelling depend on them.
        0x200B: None,
        0x2060: None,
        0xFEFF: None,
        0x00AD: None,
        # No-break and typographic spaces become ordinary spaces.
        0x00A0: " ",
        0x2007: " ",
        0x202F: " ",
        **dict.fromkeys(range(0x2000, 0x200B), " "),
        0x3000: " ",
        # Unicode line and paragraph separators are newlines to everything else.
        0x2028: "\n",
        0x2029: "\n",
    }
)

_TRAILING_SPACE = re.compile(r"[ \t]+$", re.MULTILINE)


def sanitize(text: str) -> str:
    """Return `text` without terminal control sequences, invisible characters or bidi overrides.

    Line breaks are normalised to "\\n" (a bare "\\r" would let text overwrite its own line),
    tabs are kept, trailing spaces on each line are dropped, and the result is NFC-normalised so
    the same word always has the same code points. Safe to call twice: sanitize is idempotent.
    """
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x85", "\n")
    text = _ESCAPES.sub("", text)
    text = _CONTROLS.sub("", text)
    text = text.translate(_TRANSLATE)
    text = unicodedata.normalize("NFC", text)
    return _TRAILING_SPACE.sub("", text)


# Character references to C0 controls and DEL ("&#x1b;", "&#27;"). A parser turns them into the
# characters themselves, after `sanitize` could have removed the escape sequence they start.
_CONTROL_REF = re.compile(r"&#(?:[xX]0*(?P<hex>[0-9a-fA-F]{1,2})|0*(?P<dec>\d{1,3}));")
# A lone ESC right before a tag: sanitize would read "ESC <" as a two-byte sequence.
_ESC_BEFORE_TAG = re.compile(r"\x1b(?=</?[a-zA-Z!?])")


def _control_ref(match: re.Match[str]) -> str:
    code = int(match["hex"], 16) if match["hex"] else int(match["dec"])
    return chr(code) if code < 0x20 or code == 0x7F else match.group(0)


def sanitize_markup(markup: str) -> str:
    """`sanitize` for HTML or XML, to run *before* the markup is parsed.

    Parsers drop a raw ESC (or refuse it: lxml raises ValueError when a control character is
    written into a tree) but keep the rest of its sequence, so "[2J" or "[31m" would reach a
    title where `sanitize` can no longer recognise it. Control characters written as character
    references are decoded first so their sequences go too; a tag ends any sequence before it,
    because a tag is not text a terminal would see.
    """
    if not markup:
        return ""
    markup = _CONTROL_REF.sub(_control_ref, markup)
    return sanitize(_ESC_BEFORE_TAG.sub("", markup))


def _invisible(code: int) -> bool:
    """Control, format and other invisible characters a terminal would act on or hide."""
    if code in (0x0A,):
        return False
    char = chr(code)
    return (
        unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn")
        and not 0xE000 <= code <= 0xF8FF  # private use is visible (icon fonts)
    ) or code in (0x00AD, 0x180E)


def _json_escape(char: str) -> str:
    code = ord(char)
    if code > 0xFFFF:
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def escape_json_text(text: str) -> str:
    """JSON text with every control, format or invisible character written as a `\\uXXXX`
    escape: the values a script decodes are unchanged (a file name can still be found), but
    nothing in the output acts on, reorders or hides from a terminal that shows it.

    Only characters inside strings can be such characters in JSON text (`json.dumps` already
    escapes C0 controls there; this covers DEL, C1, bidi, zero-width and tag characters).
    """
    return "".join(_json_escape(c) if _invisible(ord(c)) and c != "\n" else c for c in text)


def visible(text: str) -> str:
    """`text` with control and invisible characters shown as escapes ("\\x1b", "\\u202e"),
    for echoing a name the user typed or a file name, where dropping them would change it."""
    out = []
    for c in text:
        code = ord(c)
        if c in "\n\t" or not _invisible(code):
            out.append(c)
        elif code < 0x100:
            out.append(f"\\x{code:02x}")
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    return "".join(out)
