"""Bytes to text: the encoding detection every text-like input goes through.

News dumps arrive as UTF-8, as UTF-16 saved by Windows tools, or in legacy 8-bit code pages.
The order below goes from certain to guessed, so a guess is only made when nothing certain
applies: a byte-order mark is proof; strict UTF-8 that decodes is almost always right (other
encodings rarely form valid multi-byte sequences by accident); a declared charset (HTTP header,
`<meta charset>`, XML declaration) comes next; then charset-normalizer's statistical guess; and
cp1252 last, because it is what unlabelled "ANSI" Western text nearly always is.
"""

from __future__ import annotations

import codecs
import re

from ..model import InputError

__all__ = ["declared_encoding", "decode", "is_binary"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its LE BOM starts with the UTF-16 LE BOM.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# File signatures of formats that are never news text, so the reason can be certain.
_MAGIC: tuple[bytes, ...] = (
    b"%PDF-",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"BZh",
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
    b"\x7fELF",
    b"MZ",
    b"SQLite format 3\x00",
    b"\xd0\xcf\x11\xe0",  # old MS Office
    b"RIFF",
    b"ID3",
    b"OggS",
)

# Bytes that do not occur in text: C0 controls other than tab, LF, VT, FF, CR and ESC (ESC is
# left out because captured terminal output carries colour codes and is still text).
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0E, 0x0F, *range(0x10, 0x1B), *range(0x1C, 0x20)])
_CONTROL_SHARE = 0.05
_SAMPLE = 64 * 1024

# Labels that mean "Western 8-bit"; browsers decode all of them as cp1252 (WHATWG Encoding).
_WESTERN = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "ascii", "us-ascii"}

_DECLARED = re.compile(
    rb"""<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']"""
    rb"""|<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)


def _bom(data: bytes) -> tuple[str, int] | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM, recognised by its pattern of NULs in every other byte.

    Mostly-Latin UTF-16 text has a NUL in nearly every high byte and almost none in the low
    bytes; binary data has no such regular pattern.
    """
    sample = data[: _SAMPLE & ~1]
    if len(sample) < 8 or len(data) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nuls, odd_nuls = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nuls > 0.9 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.9 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def is_binary(data: bytes) -> bool:
    """True for data that is not text in any encoding: a known file signature, NUL bytes
    (without a BOM or the regular pattern of UTF-16), or many control bytes."""
    if _bom(data) or _bomless_utf16(data):
        return False
    if data.startswith(_MAGIC):
        return True
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > _CONTROL_SHARE * len(sample)


def declared_encoding(data: bytes, content_type: str | None = None) -> str | None:
    """The charset the input names for itself: an HTTP `charset=` parameter wins, then an XML
    declaration or an HTML `<meta charset>` in the first few kilobytes."""
    if content_type:
        match = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", content_type, re.I)
        if match:
            return match.group(1)
    declared = _DECLARED.search(data[:4096])
    if declared:
        return bytes(declared.group(1) or declared.group(2)).decode("ascii")
    return None


def _known(encoding: str | None) -> str | None:
    if not encoding:
        return None
    if encoding.lower() in _WESTERN:
        return "cp1252"
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return None


def _guess(data: bytes) -> str | None:
    """charset-normalizer's best guess, preferring cp1252 among equally good candidates.

    On short Western text it often ranks a sibling code page (cp1250, cp1257) first with the
    same score, which turns "naïve" into "naďve"; cp1252 is by far the most common of them.
    """
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data[: 256 * 1024]))
    if not matches:
        return None
    best = matches[0]
    for match in matches:
        if (
            "cp1252" in match.could_be_from_charset
            and match.chaos <= best.chaos + 0.01
            and match.coherence >= best.coherence - 0.05
        ):
            return "cp1252"
    return best.encoding


def decode(data: bytes, origin: str, *, declared: str | None = None) -> str:
    """Decode `data` to text with "\\n" line ends.

    Raises `InputError` for an empty input, binary data or bytes no encoding explains.
    """
    if not data.strip():
        raise InputError(origin, "empty file")
    if is_binary(data):
        raise InputError(origin, "binary file, not text")
    bom = _bom(data)
    if bom:
        encoding, skip = bom
        payload = data[skip:]
        try:
            return _newlines(payload.decode(encoding))
        except UnicodeDecodeError as exc:
            if exc.start >= len(payload) - 3:
                # Cut off mid-character (a truncated download): keep all but the last scrap.
                return _newlines(payload.decode(encoding, errors="replace"))
            # A BOM in front of text in another encoding (a botched conversion): guess below.
            data = payload
    else:
        utf16 = _bomless_utf16(data)
        candidates = [utf16] if utf16 else []
        candidates.append("utf-8")
        known = _known(declared)
        if known and known != "utf-8":
            candidates.append(known)
        for encoding in candidates:
            try:
                return _newlines(data.decode(encoding))
            except UnicodeDecodeError:
                continue
    for guess in (_guess(data), "cp1252"):
        if not guess:
            continue
        try:
            return _newlines(data.decode(guess))
        except (UnicodeDecodeError, LookupError):
            continue
    raise InputError(origin, "cannot decode the text: not UTF-8 and no known encoding fits")


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
