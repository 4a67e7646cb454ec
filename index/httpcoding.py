"""Undoing a response's Content-Encoding within a size bound, so a gzip bomb cannot get past
the fetcher's size limit."""

from __future__ import annotations

import zlib
from collections.abc import Iterator


class DecodingError(Exception):
    """The body's encoding is unknown or its compressed data is corrupt; the text says which."""


def printable(text: str) -> str:
    """A server-sent token made safe for a one-line error message."""
    return "".join(c if c.isprintable() else "?" for c in text)[:40]


#: Decompressed output is produced at most this many bytes at a time, so a stage of a gzip
#: bomb never inflates more than this before the size check sees it.
_PIECE = 64 * 1024
#: What we ask servers for: the encodings `decoded` can undo within its bounds.
ACCEPT_ENCODING = "gzip, deflate"


def decoded(raw: Iterator[bytes], header: str) -> Iterator[bytes]:
    """The body with every Content-Encoding undone, streamed in pieces of at most `_PIECE`.

    httpx decodes each raw chunk whole: with `Content-Encoding: gzip, gzip` a 2 KB chunk
    inflates to a gigabyte inside one call, before any size check can run. Here each stage
    is a generator that inflates at most `_PIECE` bytes per step (`max_length`), and stages
    are chained lazily, so the consumer's size limit stops the work after about
    `max_bytes + stages * _PIECE` bytes, however many encodings are stacked.
    """
    codings = [c.strip().lower() for c in header.split(",") if c.strip()]
    stream: Iterator[bytes] = raw
    for coding in reversed(codings):  # the last encoding applied is the first undone
        if coding in ("identity", ""):
            continue
        if coding in ("gzip", "x-gzip"):
            stream = _inflate(stream, 16 + zlib.MAX_WBITS)
        elif coding == "deflate":
            stream = _inflate(stream, None)
        else:
            raise DecodingError(f"unsupported Content-Encoding ({printable(coding)})")
    return stream


def _inflate(chunks: Iterator[bytes], wbits: int | None) -> Iterator[bytes]:
    """One zlib stage. `wbits=None` is HTTP "deflate": zlib-wrapped, or raw as some servers
    send it. Concatenated gzip members are all read, as gzip(1) would."""
    first = wbits is None
    inflater = zlib.decompressobj(wbits if wbits is not None else zlib.MAX_WBITS)
    try:
        for chunk in chunks:
            data = chunk
            while data:
                try:
                    out = inflater.decompress(data, _PIECE)
                except zlib.error:
                    if not first:
                        raise
                    inflater = zlib.decompressobj(-zlib.MAX_WBITS)  # raw deflate
                    out = inflater.decompress(data, _PIECE)
                first = False
                data = inflater.unconsumed_tail
                if out:
                    yield out
                if inflater.eof:
                    rest = inflater.unused_data
                    if wbits is None or not rest.startswith(b"\x1f\x8b"):
                        return  # trailing bytes after the stream: ignored, as browsers do
                    inflater = zlib.decompressobj(wbits)  # another gzip member
                    data = rest
        tail = inflater.flush()
        if tail:
            yield tail
    except zlib.error as exc:
        raise DecodingError("the response could not be decoded (corrupt compression)") from exc
