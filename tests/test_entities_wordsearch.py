"""The word searches the entity rules share answer as the article's set of words would."""

from __future__ import annotations

import re

from index.entities.wordsearch import article_words, in_lowercase, words_by_head

TEXT = (
    "Oyelaran-Baptiste told the Kestrelford_Gazette that Oyelaran had rose early. "
    "O'Donnabháin and Oyelarans met Ødegård-Lunde; a rose-tinted report from "
    "Kestrelford, where turnout (Turnout) was low, named Oyelaran again.\nOye."
)


def _indexed(body: str) -> dict[str, list[str]]:
    """What a lookup by head means: every capitalised word, by its first three letters."""
    out: dict[str, list[str]] = {}
    for w in article_words(body):
        if w[:1].isupper():
            out.setdefault(w[:3], []).append(w)
    return out


def test_words_by_head_finds_what_the_full_index_holds() -> None:
    full = _indexed(TEXT)
    lazy = words_by_head(TEXT)
    heads = {w[:3] for w in re.findall(r"\S+", TEXT)} | {"O'D", "Oy", "Zzz", "", "kes"}
    for head in heads:
        assert sorted(lazy.get(head, ())) == sorted(full.get(head, ())), head
    assert lazy.get("Oye") == ["Oyelaran-Baptiste", "Oyelaran", "Oyelarans", "Oye"]  # text order
    assert {k: sorted(v) for k, v in lazy.items()} == {k: sorted(v) for k, v in full.items()}


def test_in_lowercase_reads_whole_words_only() -> None:
    assert in_lowercase(TEXT, "Rose")  # "had rose early"
    assert in_lowercase(TEXT, "Turnout")
    assert not in_lowercase(TEXT, "Tinted")  # only inside "rose-tinted"
    assert not in_lowercase(TEXT, "Kestrelford")  # only capitalised, and inside a longer word
    assert not in_lowercase(TEXT, "Gazette")  # "_" joins a word
    assert in_lowercase(TEXT, "rose-tinted")
    assert not in_lowercase(TEXT, "O'Donnabháin")  # not a plain word: the pattern reads it
