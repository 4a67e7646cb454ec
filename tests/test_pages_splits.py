"""Story alignment: a sentence one outlet splits in two, or whose content another carries across
two sentences, is shared — and a different sentence naming the same people and places is not
(QA pass 6, A.8: the half of a split sentence was marked "only here")."""

from __future__ import annotations

import json
from pathlib import Path

from index import Library
from index.pages.align import align

GULF = (
    "Flash floods killed at least nine people in southern Jordan on Thursday, the Civil Defence"
    " Directorate said.\n\n"
    "Interior Minister Lina Haddad flew to Wadi Musa and ordered schools in the south to stay"
    " closed on Sunday. She urged residents to stay away from valleys and said the army would"
    " help reopen the Ma'an to Aqaba road, blocked by rockfalls.\n\n"
    "The National Water Authority (NWA) said dams in the south had filled to capacity within"
    " hours but that controlled releases from the Mujib Dam meant there was no danger of a"
    " breach.\n\n"
    "The Mujib Dam was completed in 2004 and holds water for farms along the Jordan Valley."
)
DUMP = (
    "Flash floods killed at least nine people in southern Jordan on Thursday, according to the"
    " Civil Defence Directorate.\n\n"
    "Interior Minister Lina Haddad, who flew to Wadi Musa, said schools in the south would stay"
    " closed on Sunday and urged residents to keep away from valleys. Haddad said the army had"
    " been asked to help open roads between Ma'an and Aqaba that were blocked by rockfalls.\n\n"
    "The National Water Authority (NWA) said several dams in the south had filled to capacity"
    " within hours. The NWA said it was releasing water from the Mujib Dam in a controlled way"
    " and that there was no danger of a breach.\n\n"
    "Farmers near the Mujib Dam said the National Water Authority had ignored their warnings"
    " about the valleys for years."
)


def _groups(texts: list[str]) -> dict[tuple[int, str], int | None]:
    """(version, each sentence's opening words) -> its group."""
    return {
        (s.version, texts[s.version][s.start : s.end][:30]): s.group
        for version in align(texts)
        for s in version
    }


def test_both_halves_of_a_split_sentence_share_the_whole_ones_group() -> None:
    groups = _groups([GULF, DUMP])
    whole = groups[(0, "The National Water Authority (")]
    assert whole is not None
    assert groups[(1, "The National Water Authority (")] == whole  # the first half
    assert groups[(1, "The NWA said it was releasing ")] == whole  # the second


def test_a_sentence_carried_across_two_is_shared() -> None:
    groups = _groups([GULF, DUMP])
    urged = groups[(0, "She urged residents to stay aw")]
    assert urged is not None
    assert urged == groups[(1, "Interior Minister Lina Haddad,")]
    # ... and the half of it the other outlet wrote on its own is shared with it.
    assert groups[(1, "Haddad said the army had been ")] == urged


def test_different_sentences_naming_the_same_things_stay_unique() -> None:
    groups = _groups([GULF, DUMP])
    assert groups[(0, "The Mujib Dam was completed in")] is None
    assert groups[(1, "Farmers near the Mujib Dam sai")] is None
    # And two unrelated reports naming the same body align on nothing.
    other = (
        "The central bank raised its main interest rate by half a point on Tuesday.\n\n"
        "Officials in Amman said the National Water Authority would publish its budget in May."
    )
    assert set(_groups([GULF, other]).values()) == {None}


def test_story_page_marks_a_split_sentence_shared(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        "\n".join(
            json.dumps(
                {
                    "title": "Nine dead as flash floods hit southern Jordan",
                    "body": body,
                    "url": f"https://split.example/{i}",
                    "published": f"2026-11-19T0{8 + i}:00:00+00:00",
                    "source": source,
                }
            )
            for i, (body, source) in enumerate(
                [(GULF, "Gulf Daily Monitor"), (DUMP, "Levant Wire")]
            )
        )
    )
    with Library.open(tmp_path / "lib") as lib:
        lib.add([str(src)])
        story = lib.articles()[0].story
        page = lib.story_page(story)
    assert len(page.versions) == 2
    sentences = [s for v in page.versions for s in v.sentences]

    def status(opening: str) -> str:
        return next(s.status for s in sentences if s.text.startswith(opening))

    assert status("The NWA said it was releasing") == "shared"
    assert status("The National Water Authority (NWA) said several") == "shared"
    assert status("She urged residents") == "shared"
    assert status("The Mujib Dam was completed") == "unique"
    assert status("Farmers near the Mujib Dam") == "unique"
    assert not page.conflicts


def test_a_sentence_held_whole_in_a_longer_one_is_shared_with_it() -> None:
    # Neither was paired: the longer one says more, but all of the shorter one.
    longer = (
        '"Now the hard work starts," Osei told cheering supporters at a community hall in'
        " Fernwood, promising to bring her housing plan to council before Christmas."
    )
    split = (
        '"Now the hard work starts," Osei told supporters in Fernwood. She has promised to'
        " allow four-storey apartment buildings on every residential street."
    )
    groups = _groups([longer, split])
    assert groups[(0, '"Now the hard work starts," Os')] is not None
    assert (
        groups[(0, '"Now the hard work starts," Os')]
        == groups[(1, '"Now the hard work starts," Os')]
    )
    assert groups[(1, "She has promised to allow four")] is None  # not what the other says
