"""OPML export, then import, keeps local-file subscriptions (QA pass 5, finding 5).

`feeds export` writes a local subscription as a `file://` URL; `add` of that OPML subscribed
to the http feeds only and skipped it. Now an OPML names local feeds by `file://` URL or by
path (relative to the OPML file), each checked as a feed; what cannot be used (a missing
file, a file that is no feed, another scheme, a local file named by an OPML fetched from the
web) is a warning naming it. The http feed is served on 127.0.0.1 (tests/httpserver.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from httpserver import Reply, serve
from index import Library
from tests.test_cli_contract import run

DESK = """<?xml version="1.0"?><rss version="2.0"><channel><title>Desk notes</title>
<item><title>Night ferry returns to Skerrin</title><link>https://desk.example/ferry</link>
<description>The night ferry to Skerrin runs again from Friday, the harbour office said.</description>
</item></channel></rss>"""


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(var, raising=False)


def test_export_then_import_keeps_a_local_subscription(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    desk = tmp_path / "desk.xml"
    desk.write_text(DESK)
    first, second = ["--library", str(tmp_path / "one")], ["--library", str(tmp_path / "two")]
    with serve() as server:
        wire = server.route(
            "/wire.rss", Reply(body=DESK.replace("Desk", "Wire").replace("ferry", "bus").encode())
        )
        assert run(capsys, *first, "feeds", "add", wire)[0] == 0
        assert run(capsys, *first, "feeds", "add", str(desk))[0] == 0
        with Library.open(tmp_path / "one") as library:
            library.tag_feed(desk.as_uri(), ["notes"])
        code, out, _ = run(capsys, *first, "feeds", "export")
        assert code == 0 and f'xmlUrl="{desk.as_uri()}"' in out
        exported = tmp_path / "exp.opml"
        exported.write_text(out)
        code, out, err = run(capsys, *second, "add", str(exported), "--json")
        assert code == 0, err
        [item] = json.loads(out)["inputs"]
        assert (item["kind"], item["feeds"], item["warnings"]) == ("opml", 2, [])
        with Library.open(tmp_path / "two") as library:
            feeds = {f.url: f for f in library.feeds()}
            assert set(feeds) == {wire, desk.as_uri()}
            assert feeds[desk.as_uri()].tags == ("notes",)
            assert library.refresh().added == 2


def test_local_entries_by_path_and_what_cannot_be_used(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "desk.xml").write_text(DESK)
    (tmp_path / "notes.txt").write_text("Shopping: bread, milk.\n")
    opml = tmp_path / "mine.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><body>'
        '<outline text="Desk" xmlUrl="feeds/desk.xml"/>'  # beside the OPML file
        f'<outline text="Gone" xmlUrl="{(tmp_path / "gone.xml").as_uri()}"/>'
        f'<outline text="Notes" xmlUrl="{tmp_path / "notes.txt"}"/>'
        '<outline text="Old" xmlUrl="gopher://old.example/feed"/>'
        "</body></opml>"
    )
    lib = ["--library", str(tmp_path / "lib")]
    code, out, _ = run(capsys, *lib, "add", str(opml), "--json")
    assert code == 0
    [item] = json.loads(out)["inputs"]
    assert item["feeds"] == 1
    warnings = item["warnings"]
    assert "skipped a feed that is neither an http(s) URL nor a local file: " \
        "gopher://old.example/feed" in warnings  # fmt: skip
    assert any(w.startswith(f"skipped {(tmp_path / 'gone.xml').as_uri()}: ")
               and "is not a file" in w for w in warnings), warnings  # fmt: skip
    assert any(w.startswith(f"skipped {tmp_path / 'notes.txt'}: not a feed") for w in warnings)
    with Library.open(tmp_path / "lib") as library:
        assert [f.url for f in library.feeds()] == [(tmp_path / "feeds" / "desk.xml").as_uri()]


def test_an_opml_fetched_from_the_web_cannot_name_local_files(tmp_path: Path) -> None:
    desk = tmp_path / "desk.xml"
    desk.write_text(DESK)
    opml = f'<?xml version="1.0"?><opml version="2.0"><body><outline text="D" xmlUrl="{desk.as_uri()}"/></body></opml>'
    with serve() as server, Library.open(tmp_path / "lib") as library:
        url = server.route(
            "/subs.opml", Reply(body=opml.encode(), headers={"Content-Type": "text/x-opml"})
        )
        [result] = library.add([url]).results
        assert result.feeds == 0
        assert result.warnings == (
            f"skipped {desk.as_uri()}: a list of feeds fetched from the web cannot name local"
            " files",
        )
        assert library.feeds() == []
