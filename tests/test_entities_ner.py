"""The NER layer on texts of any length: pieces under spaCy's limit, offsets into the whole."""

from __future__ import annotations

import itertools

import pytest

from index.entities import extract, ner


def _check_cover(text: str, spans: list[tuple[int, int]], limit: int) -> None:
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert end == start
    assert all(0 < e - s <= limit for s, e in spans)


def test_pieces_cut_between_paragraphs_first() -> None:
    paras = ["Ferries sailed from Piraeus at dawn. Crews were calm."] * 6
    text = "\n\n".join(paras)
    spans = ner.pieces(text, limit=120)
    _check_cover(text, spans, 120)
    assert len(spans) > 1
    for s, e in spans[:-1]:
        assert text[s:e].endswith("\n\n")  # every cut falls on a paragraph break


def test_pieces_split_a_huge_paragraph_at_sentences_then_spaces() -> None:
    text = "The quay in Gdansk was busy today. " * 20
    spans = ner.pieces(text, limit=100)
    _check_cover(text, spans, 100)
    assert all(text[s:e].endswith("today. ") for s, e in spans[:-1])

    words = "harbour " * 40  # one sentence, no stop: cut at a space
    spans = ner.pieces(words, limit=50)
    _check_cover(words, spans, 50)
    assert all(words[s:e].endswith(" ") for s, e in spans[:-1])

    solid = "x" * 250  # no space at all: a hard cut, but still covered
    _check_cover(solid, ner.pieces(solid, limit=100), 100)


def test_short_text_is_one_piece() -> None:
    assert ner.pieces("Ilse Marrow spoke in Ghent.") == [(0, 27)]
    assert ner.pieces("") == [(0, 0)]


def test_pipe_in_pieces_gives_offsets_into_the_whole_text() -> None:
    para = "Customs officer Dariusz Pellow inspected the cargo in Rotterdam on Monday."
    long = "\n\n".join([para] * 5)
    short = "Nothing else happened."
    whole, piecewise = [list(ner.pipe([short, long, ""], limit=lim)) for lim in (10**6, 80)]
    assert piecewise[0] == whole[0] == [] and piecewise[2] == []
    people = [long[s:e] for s, e, label in piecewise[1] if label == "PERSON"]
    assert people == ["Dariusz Pellow"] * 5
    assert sorted(piecewise[1]) == sorted(whole[1])


def test_article_longer_than_the_model_limit() -> None:
    """A body over spaCy's million characters (one line, as QA fed it) is tagged whole."""
    head = "Harbour master Ottilie Brannagh said the port of Valletta would reopen. "
    tail = "On Friday Ottilie Brannagh signed the order."
    filler = "The tide was calm." + " " * 200
    body = head + filler * (1_010_000 // len(filler)) + tail
    assert len(body) > 1_000_000 and "\n" not in body
    (entities,) = extract([("Port reopens", body)])
    person = next(e for e in entities if e.name == "Ottilie Brannagh")
    assert person.type == "person"
    assert person.mentions[0] == (15, 31)
    last = body.rindex("Ottilie")
    assert person.mentions[-1] == (last, last + 16) and last > 1_000_000
    assert all(body[s:e] == "Ottilie Brannagh" for s, e in person.mentions)


def test_model_setting_short_names_and_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    from index.entities import ner as ner_module

    monkeypatch.setenv(ner_module.MODEL_ENV, "")
    assert ner_module.model_name() in ner_module.DEFAULT_MODELS
    assert ner_module.canonical_model("md") == "en_core_web_md"
    assert ner_module.canonical_model("en-core-web-lg") == "en_core_web_lg"
    assert ner_module.canonical_model("sm") in ner_module.DEFAULT_MODELS
    with pytest.raises(ner_module.ModelError, match="installed here"):
        ner_module.use_model("en_core_web_nope")
    assert ner_module.use_model("sm") in ner_module.installed_models()
    assert ner_module.model_name() == ner_module.use_model("sm")
    # a stale setting never stops ingestion: the pinned model is used
    monkeypatch.setenv(ner_module.MODEL_ENV, "en_core_web_nope")
    assert ner_module.load().pipe_names == ["ner"]
