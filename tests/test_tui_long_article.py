"""A very long article opens without freezing the window: the reader lays out its first part
and the rest as the user scrolls towards it, and every word of it can still be read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.text import Text
from textual.widgets import Static

from index import Library
from reader.widgets.reader_view import BODY_CHUNK, ReaderView, body_parts
from tui_fixtures import anyio_backend_fixture, make_app, settle  # noqa: F401 (a fixture)

pytestmark = pytest.mark.anyio

PARAGRAPH = (
    "Session {n} of the harbour council in Valencia heard the dockers' delegates on the "
    "night shift rota, the crane rotation and the pay offer, and adjourned until the "
    "written proposal was ready for the members."
)


def test_body_parts_cut_between_paragraphs_and_lose_nothing() -> None:
    body = "\n\n".join(PARAGRAPH.format(n=n) for n in range(600))
    text = Text(body)
    text.stylize("bold", 10, 20)
    parts = body_parts(text, 5_000)
    assert len(parts) > 1 and all(len(p) <= 5_000 for p in parts)
    assert "\n\n".join(p.plain for p in parts) == body
    assert all(p.plain.startswith("Session") for p in parts)  # whole paragraphs
    assert parts[0].spans[0].start == 10  # styles stay where they were
    one = Text("word " * 3_000)  # one long paragraph: cut between words
    assert " ".join(p.plain for p in body_parts(one, 5_000)) == one.plain


async def test_a_long_article_is_laid_out_as_it_is_read(tmp_path: Path) -> None:
    body = "\n\n".join(PARAGRAPH.format(n=n) for n in range(3 * BODY_CHUNK // 200))
    news = tmp_path / "long.jsonl"
    news.write_text(
        json.dumps(
            {
                "title": "Harbour council transcript",
                "body": body,
                "url": "https://iberiaherald.example/council-transcript",
                "published": "2025-03-05T10:00:00+00:00",
                "source": "Iberia Herald",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    with Library.open(tmp_path / "lib") as library:
        assert library.add([str(news)]).added == 1
        stored = library.newest(1).__next__()
        whole = library.article(stored.id)
        assert whole is not None
    app = make_app(tmp_path / "lib")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen.query_one(ReaderView)
        first = reader.query_one("#body", Static).content
        assert isinstance(first, Text) and len(first) <= BODY_CHUNK
        assert not reader.query(".body-part")  # nothing else laid out yet
        assert "more characters: scroll on" in str(reader.query_one("#body-rest", Static).content)
        for _ in range(20):  # scrolling to the end lays out the next part, until none is left
            reader.scroll_end(animate=False)
            await pilot.pause()
            if not reader.query_one("#body-rest", Static).display:
                break
        parts = [first] + [w.content for w in reader.query(".body-part")]  # type: ignore[attr-defined]
        assert "\n\n".join(str(p) for p in parts) == whole.body
