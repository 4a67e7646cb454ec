"""One regex for many literal names, factored by their common prefixes.

A plain alternation of thousands of names ("Bank of England|Bank of Japan|…") is tried name
by name at every position of an article; a trie-shaped one fails at the first letter that
starts no name. The titles, portfolios and trades before a name are matched this way
(`titled.py`); the ~57,000 known organisations, whose regex took seconds to compile, are
matched by an Aho-Corasick automaton instead (`literals.py`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def trie_pattern(words: Iterable[str]) -> str:
    """One regex alternation for many literal strings, factored by their common prefixes
    ("Bank of (?:England|Japan)"), so a position that starts no name fails at its first letter
    instead of once per name. Longer names are tried first, as in a sorted alternation."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + walk(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return walk(trie)
