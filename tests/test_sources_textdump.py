"""Plain-text dumps: splitting, headlines, captions, stray lines, repeats and boilerplate.

Every dump here is invented for the project; each reproduces one trait of real scraped dumps.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from index.model import InputError
from index.sources import parse_bytes

NBSP = "\u00a0"

HARBOUR_TITLE = "Harbour Authority Closes Northern Pier After Storm Damage"
HARBOUR_CAPTION = (
    "Waves break over the sea wall of the northern pier in Gdansk on March 3, 2025. (AFP)"
)
HARBOUR_PARAS = [
    "The harbour authority in Gdansk closed its northern pier on Tuesday after a winter storm "
    "cracked two of its concrete pylons.",
    "Engineers will inspect the structure over the coming week, authority spokeswoman Marta "
    "Lindqvist told reporters at the gate.",
    '"We will not reopen a single berth until every pylon has been checked," Lindqvist said.',
    "Ferry operators said they would move departures to the southern terminal in the meantime.",
]

TRAM_TITLE = "Porto’s Tram Museum Reopens with Restored Carriages from the 1920s"
TRAM_CAPTION = (
    "A restored tram carriage stands in the museum hall in Porto on Friday.(Reuters/Ana Prado)"
)
TRAM_PARAS = [
    "Porto’s tram museum opened its doors again on Friday after a two-year renovation that "
    "brought four wooden carriages back to working order.",
    "Curator Tomas Ferreira said volunteers had spent more than nine thousand hours sanding and "
    "repainting the oldest of them.",
    "“People remember riding these as children, and now their grandchildren can,” he said.",
]


def _parse(text: str, origin: str = "dump.txt"):
    return parse_bytes(text.encode("utf-8"), origin)


def _two_article_dump() -> str:
    """Headline, doubled caption, stray "TT" and "20", headline again, caption again, body
    with NBSPs at line ends, three blank lines, then the next article the same way."""

    def block(title: str, caption: str, paras: list[str], *, strays: list[str]) -> str:
        head = [title, "", caption, caption, *strays, "", title, "", caption, caption, ""]
        body = "\n\n".join(p + NBSP + " " for p in paras)
        return "\n".join(head) + "\n" + body

    return (
        block(HARBOUR_TITLE, HARBOUR_CAPTION, HARBOUR_PARAS, strays=["TT", "20"])
        + "\n\n\n\n"
        + block(TRAM_TITLE, " " + TRAM_CAPTION, TRAM_PARAS, strays=["TT"])
    )


def test_two_articles_split_with_clean_bodies() -> None:
    parsed = _parse(_two_article_dump())
    assert parsed.kind == "text"
    assert [a.title for a in parsed.articles] == [HARBOUR_TITLE, TRAM_TITLE]
    harbour, tram = parsed.articles
    assert harbour.body == "\n\n".join(HARBOUR_PARAS)
    assert tram.body == "\n\n".join(TRAM_PARAS)
    for article in parsed.articles:
        assert "\nTT\n" not in f"\n{article.body}\n"
        assert "\n20\n" not in f"\n{article.body}\n"
        assert "(AFP)" not in article.body and "Reuters/Ana" not in article.body
        assert article.title not in article.body
        assert NBSP not in article.body
        assert article.origin == "dump.txt"
        assert article.source is None


def test_repeated_lead_paragraph_and_single_newlines() -> None:
    title = "Mountain Village Votes to Keep Its Last Post Office Open"
    lead = (
        "Residents of Zermatt voted by a wide margin on Sunday to fund the village post office "
        "from local taxes rather than see it close."
    )
    rest = [
        "The branch had lost money for six years, according to figures shown at the meeting.",
        "Councillor Petra Imhof said older residents relied on it to collect pensions in cash.",
        "The vote binds the council for three years, after which the question returns.",
    ]
    text = "\n".join([title, lead, "", lead, *rest])
    (article,) = _parse(text).articles
    assert article.title == title
    assert article.body.split("\n\n") == [lead, *rest]


def test_whole_body_repeated_is_kept_once() -> None:
    title = "River Ferry Resumes Night Crossings: Operator"
    first = "LYON - The river ferry between the two banks will run at night again from Monday, its operator said."
    others = [
        "“We have hired four new pilots, so the late crossings are safe to staff,” said manager Odile Brun.",
        "Night service was cut last spring when two pilots retired within a month of each other.",
        "Commuters had petitioned the city for months, gathering more than three thousand names.",
    ]
    text = "\n".join([title, first, *others, *others])
    (article,) = _parse(text).articles
    assert article.title == title
    assert article.body.split("\n\n") == [first, *others]


BOILERPLATE_TAIL = [
    "Share",
    "Tweet",
    "Source: Valley Courier",
    "Read more",
    "Related",
    "Council Approves New Cycle Lanes on Market Street",
    "Bakery Wins Regional Bread Prize for Third Year",
    "",
    "3 Comments",
    "Add a comment",
    "Your email address will not be published. Required fields are marked *",
    "Name *",
    "Email *",
    "This is a reader comment that should never be part of the article body text.",
    "© 2025 Valley Courier. All rights reserved.",
]


def test_boilerplate_tail_is_dropped_and_source_named() -> None:
    title = "Flood Barrier Passes Its First Winter Test"
    paras = [
        "The new flood barrier on the River Ouse held back the highest water in a decade this week.",
        "Site engineer Callum Reyes said the gates closed in under four minutes, as designed.",
    ]
    text = "\n\n".join([title, *paras]) + "\n\n" + "\n".join(BOILERPLATE_TAIL)
    (article,) = _parse(text).articles
    assert article.body == "\n\n".join(paras)
    assert article.source == "Valley Courier"


def test_articles_separated_by_boilerplate_only() -> None:
    first_title = "School Garden Project Expands to Twelve Towns"
    first = [
        "A garden project that started at one primary school in Tartu now runs in twelve towns.",
        "Organiser Liis Kask said each school receives seeds, tools and a weekly visit.",
    ]
    second_title = "Library Extends Weekend Opening Hours"
    second = [
        "The central library in Tartu will stay open until eight on Saturdays from next month.",
        "Chief librarian Mart Oja said demand from students had doubled since the autumn.",
    ]
    text = "\n".join([first_title, *first, "Share", "Comments", "", second_title, "", *second])
    articles = _parse(text).articles
    assert [a.title for a in articles] == [first_title, second_title]
    assert [a.body.split("\n\n") for a in articles] == [first, second]


def test_subheadings_and_top_share_bar_do_not_split_or_truncate() -> None:
    title = "Night Market Returns to the Old Town Square"
    paras = [
        "The night market returned to the old town square in Ghent on Thursday after a year away.",
        "Stallholder Wim Peeters said the first evening drew a bigger crowd than he expected.",
        "What comes next",
        "The city will decide in June whether the market becomes a permanent summer fixture.",
    ]
    text = "\n".join([title, "Share", "", *[p + "\n" for p in paras]])
    (article,) = _parse(text).articles
    assert article.title == title
    assert article.body.split("\n\n") == paras


def test_hard_wrapped_text_is_rejoined() -> None:
    title = "Volunteers Count Record Number of Storks"
    para1 = (
        "Volunteers counting storks along the Danube recorded more nesting pairs this spring "
        "than in any year since the survey began, the regional wildlife office said."
    )
    para2 = (
        "Ornithologist Greta Mayr said wetter meadows had given the birds more frogs and "
        "insects to feed their chicks, and fewer nests had been abandoned."
    )
    import textwrap

    wrapped = "\n\n".join(textwrap.fill(p, 60) for p in (para1, para2))
    (article,) = _parse(f"{title}\n\n{wrapped}\n").articles
    assert article.title == title
    assert article.body.split("\n\n") == [para1, para2]


def test_dump_without_headline_gets_a_title_from_its_first_sentence() -> None:
    body = (
        "The ferry from Split to the islands will run twice a day from May. Tickets go on sale "
        "next week, the port office said on Monday in a short statement to local radio."
    )
    (article,) = _parse(body).articles
    assert article.title == "The ferry from Split to the islands will run twice a day from May."
    assert article.body == body


def test_terminal_escapes_in_a_dump_never_reach_the_article() -> None:
    text = (
        "\x1b]0;pwned\x07Council Rejects Parking Fee Rise\n\n"
        "The council voted down the \x1b[31mparking fee\x1b[0m rise on Wednesday by nine votes to four."
    )
    (article,) = _parse(text).articles
    assert article.title == "Council Rejects Parking Fee Rise"
    assert "\x1b" not in article.body and "parking fee rise" in article.body


def test_only_stray_lines_is_an_error() -> None:
    with pytest.raises(InputError) as info:
        _parse("TT\n20\n\nShare\nComments\n")
    assert "no articles" in info.value.reason


@pytest.mark.parametrize(
    ("dateline", "when"),
    [
        ("Published: 3 March 2025", datetime(2025, 3, 3, tzinfo=UTC)),
        ("March 3, 2025", datetime(2025, 3, 3, tzinfo=UTC)),
        ("2025-03-03", datetime(2025, 3, 3, tzinfo=UTC)),
        ("03.03.2025 - 14:05", datetime(2025, 3, 3, 14, 5, tzinfo=UTC)),
    ],
)
def test_byline_and_dateline_become_metadata(dateline: str, when: datetime) -> None:
    title = "Cable Car Line Opens Above the Valley"
    para = "The new cable car above Innsbruck carried its first passengers on Monday morning."
    text = "\n".join([title, "By Anna Berger", dateline, "", para])
    (article,) = _parse(text).articles
    assert (article.author, article.published, article.body) == ("Anna Berger", when, para)


def test_every_article_of_a_dump_keeps_its_byline_and_dateline() -> None:
    """A dateline under the second headline of a dump hid that headline from the splitter
    (it looked for text right after it), so two articles were read as one (QA 6, found
    while giving the bundled sample's dumps their dates)."""
    first = "Cable Car Line Opens Above the Valley"
    second = "Choir Wins Regional Contest in Salzburg"
    text = "\n".join(
        [
            first,
            "Published: 3 Mar 2025 09:00 +0100",
            "",
            "The new cable car above Innsbruck carried its first passengers on Monday morning.",
            "",
            "",
            "",
            second,
            "By Anna Berger",
            "Published: 8 Mar 2025 21:30 +0100",
            "A village choir from Tyrol won the regional contest in Salzburg on Saturday evening.",
        ]
    )
    parsed = _parse(text).articles
    assert [a.title for a in parsed] == [first, second]
    assert [a.published for a in parsed] == [
        datetime(2025, 3, 3, 8, 0, tzinfo=UTC),
        datetime(2025, 3, 8, 20, 30, tzinfo=UTC),
    ]
    assert parsed[1].author == "Anna Berger" and "Published" not in parsed[1].body


def test_byline_words_later_in_the_text_stay_text() -> None:
    title = "Choir Wins Regional Contest"
    paras = [
        "A village choir from Tyrol won the regional contest in Salzburg on Saturday evening.",
        "By the end of the night the jury had heard twenty-two choirs from three countries.",
    ]
    (article,) = _parse("\n\n".join([title, *paras])).articles
    assert article.author is None and article.body.split("\n\n") == paras


def test_flattened_share_bar_is_dropped() -> None:
    text = (
        "Harbour Reopens in Tartus\n\n"
        "The harbour at Tartus reopened to fishing boats on Thursday after divers cleared two "
        "wrecks from the channel, port director Walid Sabbagh said.\n\n"
        "Sabbagh said the first catch would reach the market in Latakia by the weekend.\n\n"
        "Facebook Twitter WhatsApp Email\n"
        "Share: X | Email\n"
    )
    [article] = _parse(text).articles
    assert article.body.endswith("by the weekend.")


@pytest.mark.parametrize(
    "bar",
    [
        "Share on Facebook Share on Twitter Email",
        "Share via Email Share via WhatsApp",
        "Share this story: Facebook | LinkedIn | Copy link",
    ],
)
def test_repeated_share_on_bar_is_dropped(bar: str) -> None:
    title = "Wildfire Near Huelva Contained"
    paras = [
        "Firefighters contained a wildfire near Huelva on Sunday after two days, regional fire "
        "chief Rocio Benitez said.",
        "Residents shared photos of the smoke on Facebook and Twitter through the night.",
    ]
    (article,) = _parse("\n\n".join([title, title, bar, *paras])).articles
    assert article.body.split("\n\n") == paras
