"""Common English words, from the word index the spaCy English pipeline already ships.

The model capitalises its way into names: a sentence that opens with a plural noun
("Forecasters said …", "Hauliers said …") or a common word ("Volunteer groups …") comes out
as a person or an organisation. Whether a word is an ordinary English word is not something
the model tells us, but its package carries the answer: the lemmatizer's lookup tables hold
the nouns, verbs, adjectives and adverbs of English (WordNet's lemmas, ~90,000 words). They
are read once from disk, no pipeline component runs, and nothing is downloaded.

The index also holds many names in lowercase ("paris", "john", "baker"), so being in it is
never enough on its own: `not_an_entity` in repair.py asks for evidence from the article too.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

from .ner import DEFAULT_MODELS, KNOWN_MODELS

_PARTS = ("noun", "verb", "adj", "adv")


@cache
def _index() -> dict[str, frozenset[str]]:
    """{part of speech: its lemmas}, from the first installed English pipeline that has them;
    empty when none does (the rules that read it then never fire)."""
    from spacy.lookups import Lookups

    for name in dict.fromkeys((*DEFAULT_MODELS, *KNOWN_MODELS)):
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            continue
        for root in spec.submodule_search_locations:
            for path in sorted(Path(root).glob("*/lemmatizer/lookups")):
                table = Lookups().from_disk(path).get_table("lemma_index", {})
                if table:
                    return {p: frozenset(table.get(p, ())) for p in _PARTS}
    return {p: frozenset() for p in _PARTS}


def load() -> None:
    """Read the index now (ner.py calls it when it loads the model)."""
    _words()


@cache
def _words() -> frozenset[str]:
    """Every lemma of every part of speech: one lookup for `is_word`, which the layer asks of
    most capitalised words of an article."""
    return frozenset().union(*_index().values())


def is_word(word: str) -> bool:
    """Is `word` (any case) an English lemma of any part of speech?"""
    return word.casefold() in _words()


def only_a_noun(word: str) -> bool:
    """Is `word` a noun lemma and no verb, adjective or adverb? The lowercase copies of place
    names are nouns only ("colombo", "yorkshire"); most plain words are more ("gold", "split",
    "nice", "reading")."""
    w = word.casefold()
    index = _index()
    return w in index["noun"] and not any(w in index[p] for p in ("verb", "adj", "adv"))


def nouns() -> frozenset[str]:
    """The noun lemmas (lowercase)."""
    return _index()["noun"]


def is_adjective(word: str) -> bool:
    """Is `word` (any case) an English adjective ("International", "Royal")?"""
    return word.casefold() in _index()["adj"]


def plural_noun(word: str) -> bool:
    """Is `word` the regular plural of an English noun that is not itself a lemma?
    "Forecasters", "Hauliers", "Farmers"; never "Paris" or "Wales" (lemmas as written)."""
    w = word.casefold()
    nouns = _index()["noun"]
    if len(w) < 4 or not w.endswith("s") or w in nouns or w.endswith("ss"):
        return False
    stems = [w[:-1]]
    if w.endswith("es"):
        stems.append(w[:-2])
    if w.endswith("ies"):
        stems.append(w[:-3] + "y")
    return any(s in nouns for s in stems)
