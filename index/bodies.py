"""How an article body is stored: UTF-8, zlib-compressed, and read back whatever state the
bytes are in (format 2 stored plain TEXT; a damaged row must still open)."""

from __future__ import annotations

import zlib


def pack_body(text: str) -> bytes:
    """A body as stored: UTF-8, zlib-compressed (a 600-word article takes ~1.2 KB, not 4)."""
    return zlib.compress(text.encode("utf-8"), 6)


def body_text(value: bytes | str | None) -> str:
    """A stored body as text: `pack_body`'s bytes, or the TEXT format 2 stored.

    Damaged bytes are never a crash: what can be inflated is kept (dateline repair salvages
    rows, and a damaged body must still open).
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    try:
        return zlib.decompress(value).decode("utf-8", errors="replace")
    except zlib.error:
        inflater = zlib.decompressobj()
        try:
            part = inflater.decompress(value)
        except zlib.error:
            part = b""
        return part.decode("utf-8", errors="replace")


def pack_sql(value: bytes | str | None) -> bytes | None:
    if value is None:
        return None
    return pack_body(value if isinstance(value, str) else bytes(value).decode("utf-8", "replace"))
