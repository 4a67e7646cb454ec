"""Local files and file:// URLs as subscriptions (issue 9), refreshed like a URL."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from index import Library
from index.model import InputError
from reader.cli import main

ITEMS = [
    ("Lyon metro line B extended to the hospitals", "lyon-metro",
     "Line B of the Lyon metro now runs to the southern hospitals, the transit authority said."),
    ("Porto bridge closed for a week of repairs", "porto-bridge",
     "The lower deck of the Luis I bridge in Porto closes on Monday for a week of repairs."),
]  # fmt: skip


def write_feed(path: Path, count: int) -> None:
    items = "".join(
        f"<item><title>{t}</title><link>https://localdesk.example/{slug}</link>"
        f"<description>{body}</description></item>"
        for t, slug, body in ITEMS[:count]
    )
    path.write_text(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Local Desk</title>{items}'
        "</channel></rss>",
        encoding="utf-8",
    )


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_feeds_add_file_url_and_refresh(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    feed = tmp_path / "desk.xml"
    write_feed(feed, 1)
    lib = ["--library", str(tmp_path / "lib")]
    code, _ = run(capsys, "feeds", "add", feed.as_uri(), *lib)
    assert code == 0
    code, out = run(capsys, "refresh", "--json", *lib)
    assert code == 0 and json.loads(out)["added"] == 1
    # Unchanged file: answered like a 304, nothing read again.
    code, out = run(capsys, "refresh", "--json", *lib)
    assert json.loads(out)["added"] == 0 and json.loads(out)["unchanged"] == 0
    write_feed(feed, 2)
    stat = feed.stat()
    os.utime(feed, (stat.st_atime, stat.st_mtime + 5))
    code, out = run(capsys, "refresh", "--json", *lib)
    data = json.loads(out)
    assert code == 0 and data["added"] == 1 and data["unchanged"] == 1
    with Library.open(tmp_path / "lib") as library:
        [subscription] = library.feeds()
        assert subscription.url == feed.resolve().as_uri()
        assert subscription.title == "Local Desk" and subscription.last_error is None
        assert library.search("feed:" + json.dumps(subscription.url)).total == 2


def test_a_path_subscribes_and_a_missing_file_is_refused(tmp_path: Path) -> None:
    feed = tmp_path / "desk.xml"
    write_feed(feed, 2)
    with Library.open(tmp_path / "lib") as library:
        info = library.subscribe(str(feed), tags=["France"])
        assert info.url.startswith("file:///") and info.tags == (
            "france",
        )  # lower-cased, as `t` sets them
        with pytest.raises(InputError):
            library.subscribe(str(tmp_path / "nowhere.xml"))
        with pytest.raises(InputError):
            library.subscribe("file://otherhost/feed.xml")
        report = library.refresh()
        assert report.added == 2 and not report.failures
        feed.unlink()
        again = library.refresh()
        assert again.failures and "No such file" in (again.failures[0].reason or "")
