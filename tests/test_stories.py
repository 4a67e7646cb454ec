"""Story grouping: rewrites group, different stories sharing background paragraphs do not."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

from index.stories import STORY_THRESHOLD, StoryIndex, jaccard, shingles
from newsfixtures import ELECTION, WATER_A, WATER_B

BACKGROUND = (
    "The drought is the worst in Iraq since records began, and the Tigris and Euphrates "
    "carry less than half of their usual flow, according to the water ministry."
)


def make_db() -> tuple[sqlite3.Connection, StoryIndex]:
    conn = sqlite3.connect(":memory:")
    conn.execute(
        "CREATE TABLE articles (id TEXT PRIMARY KEY, title TEXT, body TEXT, published TEXT,"
        " story TEXT)"
    )
    return conn, StoryIndex(conn)


def add(conn: sqlite3.Connection, stories: StoryIndex, aid: str, art: dict, when: datetime) -> str:
    story = stories.assign(aid, art["title"], art["body"], when)
    conn.execute(
        "INSERT INTO articles VALUES (?, ?, ?, ?, ?)",
        (aid, art["title"], art["body"], when.isoformat(), story),
    )
    return story


def test_rewrite_by_another_outlet_joins_the_story() -> None:
    conn, stories = make_db()
    day = datetime(2026, 11, 10, tzinfo=UTC)
    first = add(conn, stories, "a", WATER_A, day)
    assert first == "a"
    assert add(conn, stories, "b", WATER_B, day) == "a"
    assert add(conn, stories, "c", ELECTION, day) == "c"


def test_shared_background_paragraph_is_not_a_story() -> None:
    conn, stories = make_db()
    day = datetime(2026, 11, 10, tzinfo=UTC)
    one = {
        "title": "Basra farmers abandon rice fields",
        "body": "Farmers near Basra said on Monday they had stopped planting rice for the first "
        "time in a generation, after salt water pushed up the Shatt al-Arab into their canals.\n\n"
        "Hassan Obeidi, who farms twelve hectares outside Abu al-Khasib, said his family had sold "
        "two buffalo to pay for drinking water and would try date palms instead.\n\n"
        "Agronomists at the University of Basra said yields had fallen by two thirds since 2022 "
        "and warned that the southern marshes could shrink again next summer.\n\n" + BACKGROUND,
    }
    two = {
        "title": "Baghdad rations tap water by district",
        "body": "Baghdad will ration tap water by district from next week, the city council "
        "announced, with each neighbourhood supplied for sixteen hours a day.\n\n"
        "Council member Suha Karbouli said hospitals, bakeries and schools would be exempt, and "
        "that tankers would serve the outskirts of Sadr City and Dora on fixed days.\n\n"
        "Residents in Karrada queued at public taps on Sunday evening, and shop owners reported "
        "that bottled water had sold out across the eastern bank of the city.\n\n" + BACKGROUND,
    }
    assert (
        jaccard(shingles(one["title"], one["body"]), shingles(two["title"], two["body"]))
        < STORY_THRESHOLD
    )
    add(conn, stories, "one", one, day)
    assert add(conn, stories, "two", two, day) == "two"


def test_rewrites_far_apart_in_time_stay_separate() -> None:
    conn, stories = make_db()
    day = datetime(2026, 11, 10, tzinfo=UTC)
    add(conn, stories, "a", WATER_A, day)
    assert add(conn, stories, "b", WATER_B, day + timedelta(days=60)) == "b"


def test_look_alike_reports_do_not_chain_into_one_endless_story() -> None:
    """Each weekly report resembles the last, but a story spans at most WINDOW."""
    conn, stories = make_db()
    day = datetime(2026, 11, 1, tzinfo=UTC)
    seen = []
    for week in range(4):
        art = {"title": WATER_A["title"], "body": WATER_A["body"] + f"\n\nWeek {week} update."}
        seen.append(add(conn, stories, f"w{week}", art, day + timedelta(days=7 * week)))
    assert seen[0] == seen[1] == "w0"  # a week apart: one story
    assert seen[2] != "w0"  # two weeks after the story began: a new one


def test_an_undated_copy_finds_its_story_and_later_rewrites_find_it() -> None:
    """A pasted text dump has no date: it may copy a report from weeks before; it is filed under
    the day it was added, where a rewrite published around then finds it."""
    conn, stories = make_db()
    day = datetime(2026, 11, 10, tzinfo=UTC)
    add(conn, stories, "a", WATER_A, day)
    pasted = stories.assign("b", WATER_B["title"], WATER_B["body"], None, day + timedelta(days=90))
    assert pasted == "a"
    conn2, fresh = make_db()
    fresh.assign("p", WATER_B["title"], WATER_B["body"], None, day)
    conn2.execute(
        "INSERT INTO articles VALUES ('p', ?, ?, NULL, 'p')", (WATER_B["title"], WATER_B["body"])
    )
    assert add(conn2, fresh, "q", WATER_A, day + timedelta(days=1)) == "p"
    assert add(conn2, fresh, "r", WATER_A, day + timedelta(days=60)) == "r"


def test_candidates_come_only_from_the_window() -> None:
    """Band keys are looked up per day range, so an old look-alike is never even a candidate."""
    conn, stories = make_db()
    day = datetime(2026, 11, 10, tzinfo=UTC)
    add(conn, stories, "old", WATER_A, day - timedelta(days=200))
    add(conn, stories, "near", WATER_A | {"body": WATER_A["body"] + " More."}, day)
    from index.stories import band_keys, day_of, signature

    keys = band_keys(signature(shingles(WATER_B["title"], WATER_B["body"])))
    found = {row[0] for row in stories.candidates(keys, day_of(day))}
    assert found == {"near"}


def test_forgetting_an_article_removes_it_from_candidates() -> None:
    conn, stories = make_db()
    day = datetime(2026, 11, 10, tzinfo=UTC)
    add(conn, stories, "a", WATER_A, day)
    stories.forget("a")
    assert conn.execute("SELECT COUNT(*) FROM story_keys").fetchone()[0] == 0
    assert add(conn, stories, "b", WATER_B, day) == "b"
