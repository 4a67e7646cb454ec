"""A small invented news corpus and a library built from it, for the TUI tests.

Invented people and quotes, real places, fixed dates (no "now"), and one hostile headline.
Two outlets report the Valencia port story so the list shows "+1" and the reader lists the
other source. Import the fixtures into a test module with
`from tui_fixtures import tui_library_fixture, tui_library_path_fixture  # noqa: F401`
(the fixtures are named `tui_library` and `tui_library_path`).
"""

from __future__ import annotations

import asyncio
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.worker import WorkerCancelled

from reader.app import DatelineApp
from reader.config import Config

PORT_A = {
    "title": "Valencia dockers end port strike after wage deal",
    "body": (
        "Dock workers in Valencia voted on Monday to end a nine-day strike that had left "
        "container ships waiting outside the harbour, after the Port Authority of Valencia "
        "offered a four percent pay rise.\n\n"
        'Union leader Marta Solans said the deal protected night shifts. "We came back with '
        'what we went out for," Solans told reporters at the gates.\n\n'
        "The Port Authority of Valencia said normal loading would resume by Wednesday."
    ),
    "url": "https://iberiaherald.example/2025/03/03/valencia-port-strike-ends",
    "published": "2025-03-03T09:00:00+00:00",
    "source": "Iberia Herald",
    "author": "Lucia Mart",
}

PORT_B = {
    "title": "Port strike in Valencia ends as dockers accept pay offer",
    "body": (
        "Dockers in Valencia voted on Monday to end their nine-day strike, which had left "
        "container ships waiting outside the harbour, once the Port Authority of Valencia "
        "offered a four percent pay rise.\n\n"
        "Union leader Marta Solans told reporters at the gates that the deal protected night "
        "shifts and that the workers had won what they went out for.\n\n"
        "Normal loading will resume by Wednesday, the Port Authority of Valencia said."
    ),
    "url": "https://medtimes.example/news/valencia-dockers-accept-offer",
    "published": "2025-03-03T15:30:00+00:00",
    "source": "Mediterranean Times",
    "author": "Pere Vidal",
}

TRAM = {
    "title": "Valencia mayor Jordi Ferrer opens coastal tram line",
    "body": (
        "Jordi Ferrer, the mayor of Valencia, opened a new tram line along the coast on "
        "Friday, linking the port district with the northern beaches.\n\n"
        'Ferrer said the line would carry forty thousand passengers a day. "The sea is ten '
        'minutes from everyone now," he said.'
    ),
    "url": "https://iberiaherald.example/2025/02/14/valencia-coastal-tram",
    "published": "2025-02-14T11:00:00+00:00",
    "source": "Iberia Herald",
    "author": "Lucia Mart",
}

BUSES = {
    "title": "Nairobi puts its first electric buses on the road",
    "body": (
        "Nairobi put fifty electric buses into service on Thursday on the routes between the "
        "city centre and Kibera.\n\n"
        'Transport official Samuel Kiprono said fares would not change. "Clean air should '
        'not cost a shilling more," Kiprono said at the depot.'
    ),
    "url": "https://eastafricaledger.example/nairobi-electric-buses",
    "published": "2025-01-23T07:45:00+00:00",
    "source": "East Africa Ledger",
    "author": "Grace Wanjiru",
}

GEOTHERMAL = {
    "title": "Reykjavik geothermal plant doubles its output",
    "body": (
        "Reykjavik Energy has doubled the output of its geothermal plant at Hellisheidi, "
        "chief engineer Helga Jonsdottir said on Tuesday.\n\n"
        "Jonsdottir said the extra heat would warm twelve thousand homes in Reykjavik "
        "through the winter."
    ),
    "url": "https://northernnotes.example/reykjavik-geothermal",
    "published": "2025-01-07T10:00:00+00:00",
    "source": "Northern Notes",
    "author": "Einar Olafsson",
}

HOSTILE = {
    "title": "Alert \x1b[2J[red]x[/red] in Lisbon",
    "body": (
        "Lisbon fire crews answered a false alarm at the ferry terminal on Saturday.\n\n"
        "A sign there read [bold]not bold[/bold] and nobody knows who put it up."
    ),
    "url": "javascript:alert(1)",
    "published": "2025-02-01T12:00:00+00:00",
    "source": "Tagus [i]Daily[/i]",
    "author": "Rui Costa",
}

ARTICLES = (PORT_A, PORT_B, TRAM, BUSES, GEOTHERMAL, HOSTILE)


def write_corpus(folder: Path) -> Path:
    path = folder / "tui-news.jsonl"
    path.write_text(
        "\n".join(json.dumps(article, ensure_ascii=False) for article in ARTICLES) + "\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture(name="anyio_backend")
def anyio_backend_fixture() -> str:
    """The TUI tests run on asyncio (through anyio's pytest plugin)."""
    return "asyncio"


@pytest.fixture(name="tui_library", scope="session")
def tui_library_fixture(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus added to a library once per session (spaCy NER is the slow part)."""
    from index import Library

    folder = tmp_path_factory.mktemp("tui-news")
    corpus = write_corpus(folder)
    root = folder / "library"
    with Library.open(root) as library:
        report = library.add([str(corpus)])
    assert not report.failures, report.failures
    assert report.added == len(ARTICLES)
    return root


@pytest.fixture(name="tui_library_path")
def tui_library_path_fixture(tui_library: Path, tmp_path: Path) -> Path:
    """A private copy of the session library for a test that changes it."""
    target = tmp_path / "library"
    shutil.copytree(tui_library, target)
    return target


async def wait_for_workers(app) -> None:  # type: ignore[no-untyped-def]
    """Wait for every worker the app runs now.

    A search worker is exclusive: a newer search cancels the one before it, and Textual's
    `wait_for_complete` raises `WorkerCancelled` for that one. A superseded search is finished,
    not failed, so only a worker that raised is an error here.
    """
    outcomes = await asyncio.gather(
        *(worker.wait() for worker in list(app.workers)), return_exceptions=True
    )
    for outcome in outcomes:
        if isinstance(outcome, BaseException) and not isinstance(outcome, WorkerCancelled):
            raise outcome


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    """Let every worker finish and the messages they post be handled."""
    for _ in range(4):
        await wait_for_workers(pilot.app)
        await pilot.pause()


async def settle_until(pilot, condition: Callable[[], bool], rounds: int = 40) -> None:  # type: ignore[no-untyped-def]
    """Settle until `condition` holds, for at most `rounds` rounds: a chain of workers and
    the messages between them (a page load, then the step that waited for it, then the
    article it opens) can take more rounds than `settle` gives on a loaded machine. The
    caller asserts the condition after, so a state that never comes still fails."""
    for _ in range(rounds):
        if condition():
            return
        await settle(pilot)
        await pilot.pause(0.02)


async def type_query(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Focus the search bar, type `text`, and wait past the debounce for the results."""
    await pilot.press("slash")
    for character in text:
        await pilot.press(character)
    await pilot.pause(0.4)
    await settle(pilot)


#: The terminal sizes every new view is checked at: the smallest supported, a laptop, a wide one.
SIZES = ((80, 24), (120, 40), (160, 50))


def make_app(path: Path) -> DatelineApp:
    """The reader on `path` with the default configuration (no user config file is read)."""
    return DatelineApp(path, config=Config())
