"""Entity pages, story pages, quote attribution and sentence alignment (index.pages)."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from index import Library
from index.pages import AmbiguousEntity, PageError
from index.pages.align import align, numbers
from index.pages.quotes import Who, attribute
from index.pages.sentences import sentences


# -- quote attribution, on hand-placed mentions -----------------------------------------------
def _whos(text: str, people: dict[str, list[str]], orgs: tuple[str, ...] = ()) -> list[Who]:
    """Mentions found by plain search, as the registry would give them (one id per entity)."""
    out: list[Who] = []
    named = [(forms, "person") for forms in people.values()] + [([o], "org") for o in orgs]
    for i, (forms, type_) in enumerate(named):
        for form in forms:
            for m in re.finditer(re.escape(form), text):
                if not any(w.start <= m.start() < w.end for w in out):
                    out.append(Who(m.start(), m.end(), type_, i))
    return out


def _said(text: str, people: dict[str, list[str]], orgs: tuple[str, ...] = ()) -> set:
    names = [*people, *orgs]
    return {
        (names[q.speaker], text[q.start : q.end], q.kind)
        for q in attribute(text, _whos(text, people, orgs))
    }


def test_direct_quote_frames_after_and_before() -> None:
    text = (
        "“The pumps will run by Friday,” Lina Farag told reporters in Basra.\n"
        "Omar Saleh said: “Nobody will be left without water this winter.”\n"
        "“We have waited long enough for this,” said Saleh."
    )
    people = {"Lina Farag": ["Lina Farag"], "Omar Saleh": ["Omar Saleh", "Saleh"]}
    assert _said(text, people) == {
        ("Lina Farag", "The pumps will run by Friday", "direct"),
        ("Omar Saleh", "Nobody will be left without water this winter.", "direct"),
        ("Omar Saleh", "We have waited long enough for this", "direct"),
    }


def test_appositive_role_and_pronoun() -> None:
    text = (
        "The spokesman, Colonel Idris Tamer, said the convoy had reached Homs safely.\n"
        "“It was a long night for all of us,” he said. “Now we rest.”\n"
        "The delay was caused by missing permits, the spokesman said."
    )
    people = {"Idris Tamer": ["Idris Tamer"]}
    said = _said(text, people)
    assert ("Idris Tamer", "the convoy had reached Homs safely", "reported") in said
    assert ("Idris Tamer", "It was a long night for all of us", "direct") in said
    assert ("Idris Tamer", "Now we rest.", "direct") in said  # continues the quote before it
    assert ("Idris Tamer", "The delay was caused by missing permits", "reported") in said


def test_an_ambiguous_role_is_not_attributed() -> None:
    text = (
        "Finance Minister Rami Aziz and Health Minister Dalia Nour met on Monday.\n"
        "The minister said the budget would be published next week."
    )
    people = {"Rami Aziz": ["Rami Aziz"], "Dalia Nour": ["Dalia Nour"]}
    assert _said(text, people) == set()


def test_scare_quotes_titles_passive_and_anonymous_are_not_quotes() -> None:
    text = (
        "Critics called the plan a “half measure” and left.\n"
        "Karim Nasser was told that the budget had been cut by a third.\n"
        "A trader, who asked not to be named, said business had halved since June.\n"
        "The report “Rivers Under Strain” is due in June."
    )
    assert _said(text, {"Karim Nasser": ["Karim Nasser"]}) == set()


def test_organisation_speaker_and_according_to() -> None:
    text = (
        "The Red Crescent said in a statement that it had delivered flour to 3,000 families.\n"
        "Prices have doubled since the spring, according to Nadia Helou, an economist."
    )
    said = _said(text, {"Nadia Helou": ["Nadia Helou"]}, ("Red Crescent",))
    assert said == {
        ("Red Crescent", "it had delivered flour to 3,000 families", "reported"),
        ("Nadia Helou", "Prices have doubled since the spring", "reported"),
    }


def test_a_quote_after_a_finished_quote_is_not_taken_by_the_next_sentence() -> None:
    text = 'Hadi Mourad said: "We will rebuild the bridge." Sami Kanaan said the money was gone.'
    said = _said(text, {"Hadi Mourad": ["Hadi Mourad"], "Sami Kanaan": ["Sami Kanaan"]})
    assert ("Hadi Mourad", "We will rebuild the bridge.", "direct") in said
    assert ("Sami Kanaan", "the money was gone", "reported") in said
    assert len(said) == 2


def test_sentences_keep_abbreviations_and_initials() -> None:
    text = "Col. Omar Aziz met Dr. J. Haddad at 3 p.m. on Monday. They spoke for an hour."
    assert [text[s:e] for s, e in sentences(text)] == [
        "Col. Omar Aziz met Dr. J. Haddad at 3 p.m. on Monday.",
        "They spoke for an hour.",
    ]


# -- quote attribution through the whole pipeline (NER + registry + ingestion hook) ----------
def _library_of(tmp_path: Path, articles: list[dict]) -> Library:
    src = tmp_path / "in.jsonl"
    src.write_text(
        "\n".join(json.dumps({k: v for k, v in a.items() if k != "gold"}) for a in articles)
    )
    lib = Library.open(tmp_path / "lib")
    lib.add([str(src)])
    return lib


def test_quotes_on_the_gold_fixtures_reach_the_quality_bar(tmp_path: Path) -> None:
    from index.entities.keys import entity_key, fold
    from quote_gold import ARTICLES

    with _library_of(tmp_path, ARTICLES) as lib:
        ids = {a.title: a.id for a in lib.articles()}
        found = []
        for ec in lib.entities():
            page = lib.entity_page(ec.name, ec.type)
            found += [(entity_key(page.name), q.article_id, fold(q.text)) for q in page.quotes]
    gold = [(entity_key(w), ids[a["title"]], fold(t)) for a in ARTICLES for w, t in a["gold"]]
    right = {g for g in gold if any(g[:2] == f[:2] and g[2] in f[2] for f in found)}
    correct = [f for f in found if any(g[:2] == f[:2] and g[2] in f[2] for g in gold)]
    assert len(correct) / len(found) >= 0.9
    assert len(right) / len(gold) >= 0.8


# -- entity pages -----------------------------------------------------------------------------
def test_entity_page_on_the_shared_library(library: Library) -> None:
    page = library.entity_page("Karim al-Jabouri", "person")
    assert page.type == "person" and page.articles == 2
    assert "Jabouri" in page.aliases or "al-Jabouri" in page.aliases
    assert sum(b.count for b in page.timeline) == 2 and page.bucket == "day"
    assert page.busiest[0].start == "2026-11-10" and page.busiest[0].count == 2
    assert {s.source for s in page.sources} == {"Levant Wire", "Gulf Daily Monitor"}
    assert [a.id for a in page.latest][:2] == sorted(
        [a.id for a in page.latest][:2], key=lambda i: library.article(i).published, reverse=True
    )
    texts = [q.text for q in page.quotes]
    assert any("Nobody in Mosul should queue for water" in t for t in texts)
    assert all(q.date == "2026-11-10" for q in page.quotes)
    # Related entities: Mosul is in both his articles.
    assert "Mosul" in {r.entity.name for r in page.related}


def test_surname_opens_the_page_and_unknown_names_say_so(library: Library) -> None:
    assert library.entity_page("Jabouri").name == "Karim al-Jabouri"
    with pytest.raises(PageError, match="No person called"):
        library.entity_page("Zzyzx Quorl", "person")


def test_ambiguous_name_lists_candidates(tmp_path: Path) -> None:
    articles = [
        {
            "title": f"Story {i}",
            "body": f"{who} said on Monday that the Basra port would reopen within {i + 2} weeks.",
            "url": f"https://amb.example/{i}",
            "published": f"2026-05-0{i + 1}T10:00:00+00:00",
            "source": "Levant Wire",
        }
        for i, who in enumerate(["Samir Haddad", "Leila Haddad"])
    ]
    with _library_of(tmp_path, articles) as lib:
        with pytest.raises(AmbiguousEntity) as caught:
            lib.entity_page("Haddad", "person")
        assert {c.name for c in caught.value.candidates} == {"Samir Haddad", "Leila Haddad"}
        assert lib.entity_page("Leila Haddad").name == "Leila Haddad"


def _places_article(i: int, places: list[str]) -> dict:
    listed = ", ".join(places[:-1]) + f" and {places[-1]}" if len(places) > 1 else places[0]
    return {
        "title": f"Regional bulletin number {i}",
        "body": f"Officials in {listed} reported on the bulletin item {i} about grain convoys.",
        "url": f"https://lift.example/{i}",
        "published": f"2026-06-{i + 1:02d}T09:00:00+00:00",
        "source": "Levant Wire" if i % 2 else "Gulf Daily Monitor",
    }


def test_related_entities_rank_by_lift_not_raw_counts(tmp_path: Path) -> None:
    # Amman is in every article; Basra and Erbil share 4 articles of the 12. Basra meets both
    # 4 times, but Erbil more often than chance (lift 3) and Amman only as often (lift 1).
    articles = [_places_article(i, ["Basra", "Erbil", "Amman"]) for i in range(4)]
    articles += [_places_article(i, ["Amman", "Cairo"]) for i in range(4, 12)]
    with _library_of(tmp_path, articles) as lib:
        page = lib.entity_page("Basra", "place")
    ranked = [r.entity.name for r in page.related]
    assert ranked.index("Erbil") < ranked.index("Amman")
    erbil = next(r for r in page.related if r.entity.name == "Erbil")
    amman = next(r for r in page.related if r.entity.name == "Amman")
    assert erbil.together == amman.together == 4
    assert erbil.lift == pytest.approx(3.0) and amman.lift == pytest.approx(1.0)
    assert "Cairo" not in ranked  # never seen with Basra


def test_pages_follow_merges_and_updates(tmp_path: Path) -> None:
    articles = [
        {
            "title": "Dam repairs begin",
            "body": "Engineer Yara Daoud said on Monday that the repairs would take a month.",
            "url": "https://merge.example/1",
            "published": "2026-07-01T09:00:00+00:00",
            "source": "Tigris Courier",
        },
        {
            "title": "Dam repairs continue",
            "body": "Engineer Y. Daoud-Saad said on Friday that the concrete had been poured.",
            "url": "https://merge.example/2",
            "published": "2026-07-05T09:00:00+00:00",
            "source": "Levant Wire",
        },
    ]
    with _library_of(tmp_path, articles) as lib:
        first = lib.entity_page("Yara Daoud", "person")
        other = lib.entity_page("Y. Daoud-Saad", "person")
        assert first.articles == 1 and other.articles == 1
        lib.merge_entities("Yara Daoud", "Y. Daoud-Saad", type_="person")
        merged = lib.entity_page("Yara Daoud", "person")
        assert merged.articles == 2
        assert {s.source for s in merged.sources} == {"Tigris Courier", "Levant Wire"}
        assert len(merged.quotes) == 2
        assert lib.entity_page("Y. Daoud-Saad", "person").name == "Yara Daoud"
        # An updated article replaces its contribution; it is not counted twice.
        changed = dict(articles[0], body=articles[0]["body"].replace("a month", "six weeks"))
        (tmp_path / "update.jsonl").write_text(json.dumps(changed))
        assert lib.add([str(tmp_path / "update.jsonl")]).results[0].updated == 1
        again = lib.entity_page("Yara Daoud", "person")
        assert again.articles == 2
        assert sorted(q.text for q in again.quotes) == [
            "the concrete had been poured",
            "the repairs would take six weeks",
        ]


def test_a_library_without_page_tables_is_caught_up_at_open(library_path: Path) -> None:
    with Library.open(library_path) as lib:
        before = lib.entity_page("Karim al-Jabouri", "person")
    conn = sqlite3.connect(library_path / "library.sqlite")
    for table in ("articles", "entities", "days", "sources", "quotes", "meta"):
        conn.execute(f"DROP TABLE page_{table}")
    conn.commit()
    conn.close()
    with Library.open(library_path) as lib:
        after = lib.entity_page("Karim al-Jabouri", "person")
    assert after == before


# -- story pages and alignment ----------------------------------------------------------------
VERSION_A = (
    "MOSUL — At least 12 people were killed when a footbridge collapsed over the Tigris in "
    "Mosul on Tuesday, the civil defence said.\n\n"
    "Rescue teams pulled 30 people from the water, and divers were still searching at dusk.\n\n"
    "Governor Sami Rashid ordered an inquiry into the contractor who repaired the bridge "
    "last year.\n\n"
    "The bridge, built in 1984, was one of four crossings in the old city."
)
VERSION_B = (
    "A footbridge over the Tigris in Mosul collapsed on Tuesday, killing at least 14 people, "
    "the civil defence said.\n\n"
    "Governor Sami Rashid has ordered an inquiry into the contractor that repaired the bridge "
    "last year.\n\n"
    "Rescue teams pulled 30 people from the river and divers were still searching at dusk.\n\n"
    "Relatives gathered on the riverbank through the night."
)
VERSION_C = (
    "Governor Sami Rashid ordered an inquiry into the contractor who repaired the bridge last "
    "year, after a footbridge collapsed in Mosul on Tuesday.\n\n"
    "Relatives gathered on the riverbank through the night, waiting for news.\n\n"
    "Schools in the old city will stay closed on Wednesday."
)


def test_alignment_matches_every_shared_sentence_and_nothing_else() -> None:
    texts = [VERSION_A, VERSION_B, VERSION_C]
    aligned = align(texts)
    by_text = {texts[s.version][s.start : s.end]: s.group for version in aligned for s in version}

    def group(prefix: str) -> int | None:
        return next(g for t, g in by_text.items() if t.startswith(prefix))

    # Shared: the toll sentence (A, B), the rescue sentence (A, B), the inquiry (A, B, C),
    # the relatives (B, C). Unique: the 1984 bridge (A), the schools (C).
    assert group("MOSUL — At least 12") == group("A footbridge over the Tigris") is not None
    assert group("Rescue teams pulled 30 people from the water") == group(
        "Rescue teams pulled 30 people from the river"
    )
    assert group("Governor Sami Rashid ordered an inquiry into the contractor who repaired the bridge last year.") == group("Governor Sami Rashid has ordered") == group("Governor Sami Rashid ordered an inquiry into the contractor who repaired the bridge last year,")  # fmt: skip
    assert group("Relatives gathered on the riverbank through the night.") == group(
        "Relatives gathered on the riverbank through the night,"
    )
    groups = [g for g in by_text.values() if g is not None]
    assert len(set(groups)) == 4
    assert group("The bridge, built in 1984") is None or groups.count(group("The bridge")) == 1
    assert group("Schools in the old city") is None or groups.count(group("Schools")) == 1


def test_numbers_ignore_the_dateline_and_normalise() -> None:
    assert numbers("ZURICH, Nov 25 - Talks resumed on Tuesday with 1,200 delegates") == (
        "1200",
        "tuesday",
    )
    assert numbers("Twelve people died") == ("12",)


def test_story_page_side_by_side_with_conflicting_numbers(tmp_path: Path) -> None:
    articles = [
        {
            "title": title,
            "body": body,
            "url": f"https://story.example/{i}",
            "published": f"2026-08-04T{10 + i}:00:00+00:00",
            "source": source,
        }
        for i, (title, body, source) in enumerate(
            [
                ("Footbridge collapses in Mosul, 12 dead", VERSION_A, "Tigris Courier"),
                ("At least 14 killed as Mosul footbridge falls", VERSION_B, "Levant Wire"),
            ]
        )
    ]
    with _library_of(tmp_path, articles) as lib:
        first = lib.articles()[-1]
        if first.story_size < 2:
            pytest.skip("the two versions were not grouped into one story")
        page = lib.story_page(first.story)
        assert page == lib.story_page(first.id)  # an article id opens its story too
        with pytest.raises(PageError):
            lib.story_page("no-such-story")
    assert [v.article.source for v in page.versions] == ["Tigris Courier", "Levant Wire"]
    assert all(v.first_seen is not None for v in page.versions)
    assert page.shared == 3
    [conflict] = page.conflicts
    assert {src: n for _, src, n in conflict.values} == {
        "Tigris Courier": ("12",),
        "Levant Wire": ("14",),
    }
    a, b = page.versions
    statuses = {s.text[:20]: s.status for s in a.sentences}
    assert statuses["MOSUL — At least 12 "] == "differs"
    assert statuses["Rescue teams pulled "] == "shared"
    assert statuses["The bridge, built in"] == "unique"
    assert [s.status for s in b.sentences].count("unique") == 1
    data = page.to_json()
    assert set(data) == {"story", "title", "shared", "versions", "conflicts"}
    assert set(data["versions"][0]) == {"article", "first_seen", "aligned", "unique", "sentences"}


def test_over_a_long_span_the_busiest_buckets_are_weeks(tmp_path: Path) -> None:
    """The timeline counts weeks when the library spans months; "busiest" then names weeks
    too (their Mondays), not single days the chart does not show."""
    days = ["2026-01-05", "2026-01-06", "2026-01-07", "2026-03-02", "2026-06-01"]
    articles = [
        {
            "title": f"Harbour dues, part {i}",
            "body": f"Port director Ilse Marchetti said in Genoa that the dues rise {i} percent.",
            "published": f"{day}T09:00:00Z",
        }
        for i, day in enumerate(days, 1)
    ]
    with _library_of(tmp_path, articles) as lib:
        page = lib.entity_page("Ilse Marchetti", "person")
    assert page.bucket == "week"
    assert {b.start for b in page.timeline} >= {b.start for b in page.busiest}
    assert (page.busiest[0].start, page.busiest[0].count) == ("2026-01-05", 3)


def test_merging_two_entities_of_one_article_counts_that_article_once(tmp_path: Path) -> None:
    # QA: after merging two people named in the same article, the article was counted twice
    # (its source twice, "2 together" with everyone else in it, and the lift doubled).
    articles = [
        {
            "title": "Talks in Doha",
            "body": "Mara Quist met Yusuf Karimi and Omar Haddad in Doha on Monday. Quist said"
            " the talks went well. Karimi said nothing. Haddad said the port would reopen.",
            "url": "https://twice.example/1",
            "published": "2026-07-01T09:00:00+00:00",
            "source": "Gulf Daily",
        },
        {
            "title": "Port reopens",
            "body": "Mara Quist visited the port on Friday. Quist said the cranes were working.",
            "url": "https://twice.example/2",
            "published": "2026-07-03T09:00:00+00:00",
            "source": "Levant Wire",
        },
    ]

    def related(page) -> dict[str, tuple[int, int, float]]:
        return {r.entity.name: (r.entity.articles, r.together, r.lift) for r in page.related}

    with _library_of(tmp_path, articles) as lib:
        before = lib.entity_page("Mara Quist", "person")
        lib.merge_entities("Yusuf Karimi", "Omar Haddad", type_="person")
        lib.rename_entity("Yusuf Karimi", "Yusuf Karimi-Haddad", type_="person")
        merged = lib.entity_page("Yusuf Karimi-Haddad", "person")
        assert merged.articles == 1
        assert [(s.source, s.articles) for s in merged.sources] == [("Gulf Daily", 1)]
        assert "Yusuf Karimi-Haddad" not in related(merged)
        assert related(merged)["Mara Quist"] == (2, 1, 1.0)
        assert related(merged)["Doha"] == (1, 1, 2.0)
        quist = lib.entity_page("Mara Quist", "person")
        assert related(quist)["Yusuf Karimi-Haddad"] == (1, 1, 1.0)
        assert [(s.source, s.articles) for s in quist.sources] == [
            ("Gulf Daily", 1),
            ("Levant Wire", 1),
        ]
        # Split off again, each is one article, together with Quist once.
        lib.split_entity("Yusuf Karimi-Haddad", "Omar Haddad", type_="person")
        quist = lib.entity_page("Mara Quist", "person")
        assert related(quist)["Omar Haddad"] == related(quist)["Yusuf Karimi-Haddad"] == (1, 1, 1.0)
        assert lib.entity_page("Omar Haddad", "person").articles == 1
        # Undoing the split, the rename and the merge gives back the two people as they were.
        assert lib.undo_entity_change()
        assert lib.entity_page("Yusuf Karimi-Haddad", "person").articles == 1
        assert lib.undo_entity_change() and lib.undo_entity_change()
        assert related(lib.entity_page("Mara Quist", "person")) == related(before)
        for name in ("Yusuf Karimi", "Omar Haddad"):
            page = lib.entity_page(name, "person")
            assert page.articles == 1 and [s.articles for s in page.sources] == [1]
            assert related(page)["Mara Quist"][1] == 1
