"""Search excerpts mark every word that matched, accented or not (QA 6, A.4): the cheap pass
that finds likely words by their first letters missed "Zürich" and "São" whenever another
query word matched plainly, and could start the excerpt after them.

The articles are invented for these tests (invented people, real place names).
"""

from __future__ import annotations

from pathlib import Path

from index.fragments import fragment
from index.searchindex import IndexDoc, SearchIndex
from index.searchschema import text_analyzer

ZURICH = (
    "A Zürich court on Friday convicted Rafael Monteiro, the former finance chief of a "
    "collapsed coffee trader, of fraud. The court in Zürich said he hid the losses."
)
SAO_PAULO = (
    "SÃO PAULO, Nov 24 - The regulator opened an inquiry on Monday. His brother, who ran the "
    "company's logistics in São Paulo, was acquitted."
)


def terms(query: str) -> set[str]:
    return {t.text for t in text_analyzer()(query, mode="query")}


def test_an_accented_word_is_marked_beside_a_plain_one() -> None:
    analyzer = text_analyzer()
    marked = fragment("t", ZURICH, terms("zurich convicts"), analyzer)
    assert marked.startswith("A **Zürich** court on Friday **convicted**")
    assert "in **Zürich** said" in marked
    assert fragment("t", ZURICH, terms("zurich court"), analyzer).startswith(
        "A **Zürich** **court**"
    )


def test_both_words_of_sao_paulo_are_marked() -> None:
    marked = fragment("t", SAO_PAULO, terms("são paulo"), text_analyzer())
    assert marked.startswith("**SÃO** **PAULO**, Nov 24")
    assert "in **São** **Paulo**," in marked


def test_the_excerpt_starts_at_the_first_match_even_when_it_is_accented() -> None:
    body = "Intro words here. " * 20 + "Then São Paulo " + "filler text " * 30 + "paulo again"
    marked = fragment("t", body, terms("sao paulo"), text_analyzer())
    assert "**São** **Paulo**" in marked and "paulo again" not in marked


def test_apostrophes_and_accents_in_one_excerpt() -> None:
    body = "Officials of Hay'at Tahrir met in Zürich, and Hay’at said so."
    marked = fragment("t", body, terms("hayat zurich"), text_analyzer())
    assert marked == "Officials of **Hay'at** Tahrir met in **Zürich**, and **Hay’at** said so."


def test_search_hits_carry_the_marks(tmp_path: Path) -> None:
    docs = [
        IndexDoc("z1", "Coffee trader's finance chief convicted", ZURICH, None, None, None, "z1"),
        IndexDoc("s1", "Regulator opens inquiry", SAO_PAULO, None, None, None, "s1"),
    ]
    bodies = {d.id: d.body for d in docs}
    with SearchIndex.open(tmp_path / "ix") as si:
        si.add(docs)
        hit = si.search("zurich convicts", texts=lambda ids: {i: bodies[i] for i in ids}).hits[0]
        assert "**Zürich**" in hit.highlight and "**convicted**" in hit.highlight
        hit = si.search("são paulo", texts=lambda ids: {i: bodies[i] for i in ids}).hits[0]
        assert "**SÃO** **PAULO**" in hit.highlight and "**São** **Paulo**" in hit.highlight
