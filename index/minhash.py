"""MinHash signatures and LSH band keys of an article's text: what `index.stories` compares.

Word bigrams of the folded title and body (`shingles`), their 128-value MinHash (`signature`)
and its band keys (`band_keys`): 64-bit integers, one per band, that two near-duplicates share.
A stored signature gives its keys back (`keys_of_sig`), so format 3 stores them once.
"""

from __future__ import annotations

import hashlib
import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from typing import TYPE_CHECKING

import numpy as np

from .entities.keys import (
    _APOS_RE,
    _DASHES_RE,
    _INITIALISM_RE,
    _NON_WORD_RE,
    _PARTICLES,
    strip_possessive,
)

if TYPE_CHECKING:
    from datasketch import MinHash

NUM_PERM = 128
LSH_THRESHOLD = 0.15


@cache
def bands_rows() -> tuple[int, int]:
    """datasketch's band/row split minimising false positives + negatives at the threshold.

    Imported lazily: datasketch pulls in scipy (~1.8 s), which neither `import index` nor the
    TUI's start-up should pay for.
    """
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def _words(text: str) -> list[str]:
    """`keys.tokens(text)` for a whole article, without its cache and at C speed.

    `tokens` goes through `entity_key`, whose LRU cache is meant for names: whole bodies would
    evict every name and hold megabytes. Transliteration (the slow part) runs only on the
    non-ASCII runs of the text, each cached, which gives the same words.
    """
    text = unicodedata.normalize("NFKC", strip_possessive(text))
    text = _INITIALISM_RE.sub(lambda m: m.group(0).replace(".", ""), text)
    text = _APOS_RE.sub("", text)
    text = _NON_ASCII.sub(lambda m: _ascii(m.group(0)), text)
    text = _NON_WORD_RE.sub(" ", _DASHES_RE.sub(" ", text)).casefold()
    return [_PARTICLES.get(w, w) for w in text.split()]


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


@lru_cache(maxsize=4096)
def _ascii(run: str) -> str:
    from anyascii import anyascii

    return str(anyascii(run))


def shingles(title: str, body: str) -> set[str]:
    words = _words(f"{title}\n{body}")
    if len(words) < 2:
        return set(words)
    return {f"{a} {b}" for a, b in itertools.pairwise(words)}


def hashed(grams: set[str]) -> np.ndarray:
    """A shingle set as sorted 64-bit hashes: what the exact check compares (in-process only)."""
    return np.unique(np.fromiter((hash(g) for g in grams), dtype=np.int64, count=len(grams)))


def jaccard_hashed(a: np.ndarray, b: np.ndarray) -> float:
    if not len(a) or not len(b):
        return 0.0
    both = len(np.intersect1d(a, b, assume_unique=True))
    return both / (len(a) + len(b) - both)


def jaccard(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def signature(grams: Iterable[str]) -> MinHash:
    from datasketch import MinHash

    mh = MinHash(num_perm=NUM_PERM)
    mh.update_batch([g.encode("utf-8") for g in grams])
    return mh


def band_key(band: int, digest: bytes) -> int:
    """A signed 64-bit key from a band's 12-byte digest (the format 1 hash) and its number."""
    return int.from_bytes(digest[:8], "little", signed=True) ^ band


def band_keys(mh: MinHash) -> list[int]:
    return _band_keys_of(mh.hashvalues)


def _band_keys_of(values: np.ndarray) -> list[int]:
    """Band keys of MinHash values, as datasketch holds them (the bytes are hashed)."""
    bands, rows = bands_rows()
    return [
        band_key(
            i, hashlib.blake2b(values[i * rows : (i + 1) * rows].tobytes(), digest_size=12).digest()
        )
        for i in range(bands)
    ]


def pack_keys(keys: Sequence[int]) -> bytes:
    import numpy as np

    return np.asarray(keys, dtype="<i8").tobytes()


def keys_of_sig(sig: bytes) -> list[int]:
    """The band keys of a stored signature (NUM_PERM little-endian uint32 values)."""
    return _band_keys_of(np.frombuffer(sig, dtype="<u4").astype(_hash_dtype()))


@cache
def _hash_dtype() -> np.dtype:
    """The dtype of datasketch's MinHash values (uint32 here, uint64 in older releases)."""
    return signature(["x"]).hashvalues.dtype


def unpack_keys(blob: bytes) -> list[int]:
    import numpy as np

    return [int(k) for k in np.frombuffer(blob, dtype="<i8")]
