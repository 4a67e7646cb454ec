"""The CLI contract of issue 9: options anywhere, --version, exit codes, JSON types, wrapping."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_search_options_after_the_query(
    library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "search", "place:mosul", "--library", str(library_path), "--json")
    data = json.loads(out)
    assert code == 0
    assert data["query"] == "place:mosul" and data["total"] == 2
    code, out, _ = run(capsys, "search", "place:mosul", f"--library={library_path}", "--json")
    assert code == 0 and json.loads(out)["total"] == 2


def test_library_after_any_subcommand(
    library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "articles", "--json", "--library", str(library_path))
    assert code == 0 and len(json.loads(out)["articles"]) == 8


def test_search_words_may_start_with_a_dash_but_mistyped_options_fail(
    library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--library", str(library_path), "search", "mosul", "-x", "--json")
    assert code == 0 and json.loads(out)["query"] == "mosul -x"
    with pytest.raises(SystemExit) as exc:
        main(["--library", str(library_path), "search", "mosul", "--jsno"])
    assert exc.value.code == 2


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("dateline ") and out.split()[1][0].isdigit()


def test_malformed_query_is_a_usage_error(
    library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--library", str(library_path), "search", "person:", "--json")
    assert code == 2 and json.loads(out)["error"]
    code, _, err = run(capsys, "--library", str(library_path), "search", "person:")
    assert code == 2 and "person:" in err


def test_missing_id_is_not_found(library_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--library", str(library_path), "show", "u0000")
    assert code == 1 and "u0000" in err


def test_add_json_types_are_consistent(
    tmp_path: Path, news_inputs: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    lib = tmp_path / "lib"
    missing = tmp_path / "missing.txt"
    code, out, _ = run(
        capsys, "add", str(news_inputs["rss"]), str(missing), "--library", str(lib), "--json"
    )
    data = json.loads(out)
    assert code == 1
    for key in ("added", "updated", "unchanged", "duplicates", "failed"):
        assert type(data[key]) is int, key
    assert data["failed"] == sum(1 for r in data["inputs"] if not r["ok"]) == 1
    for item in data["inputs"]:
        assert type(item["ok"]) is bool and isinstance(item["input"], str)
        assert isinstance(item["kind"], str) and isinstance(item["warnings"], list)
        assert (item["reason"] is None) == item["ok"]
        for key in ("added", "updated", "unchanged", "duplicates", "feeds"):
            assert type(item[key]) is int, key
        assert "failed" not in item  # one type per key: `failed` is the top-level count
    assert sum(r["added"] for r in data["inputs"]) == data["added"] == 2


def test_errors_do_not_wrap_when_piped(tmp_path: Path) -> None:
    # A path long enough that an 80-column wrap would cut the message in the middle.
    missing = tmp_path / ("a-very-long-folder-name-" * 4) / "missing-input-file.txt"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "reader.cli",
            "--library",
            str(tmp_path / "lib"),
            "add",
            str(missing),
        ],
        capture_output=True,
        text=True,
        env={"COLUMNS": "80", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if "missing-input-file.txt" in line]
    assert lines and str(missing) in lines[0] and lines[0].startswith("failed ")


def test_global_options_with_values_are_skipped_to_find_the_subcommand() -> None:
    from reader.cli import _search_words_after_dashdash
    from reader.cli_contract import subcommand_index
    from reader.cli_health import dash_input_error

    argv = ["--model", "sm", "--library", "lib", "search", "-ferry", "--json"]
    assert subcommand_index(argv) == 4
    # A search word starting with "-" after `--model NAME` is still a word, not an option.
    assert _search_words_after_dashdash(argv)[-2:] == ["--", "-ferry"]
    message = dash_input_error(["--model", "sm", "add", "-dash.txt"])
    assert message is not None and "--" in message


def test_table_rows_stay_on_one_line_when_piped(tmp_path: Path) -> None:
    """`dateline search … | grep` sees a whole title on its row, not one cut at 80 columns."""
    import json

    title = "Harbour pilots in Gdynia vote to end the strike after the ministry doubles the offer"
    news = tmp_path / "news.jsonl"
    body = "Harbour pilots in Gdynia voted on Tuesday to end their strike, said Ola Wrzos."
    news.write_text(json.dumps({"title": title, "body": body}) + "\n", encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    lib = str(tmp_path / "lib")
    add = [sys.executable, "-m", "reader.cli", "--library", lib, "add", str(news)]
    assert subprocess.run(add, capture_output=True, text=True, env=env).returncode == 0
    search = [sys.executable, "-m", "reader.cli", "--library", lib, "search", "pilots"]
    result = subprocess.run(search, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert any(title in line for line in result.stdout.splitlines()), result.stdout


def test_an_unknown_search_option_is_named_even_without_words(
    library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """QA 4: `dateline search --bogus` said the query was missing, not what was wrong."""
    for argv in (["search", "--bogus"], ["search", "mosul", "--bogus"]):
        with pytest.raises(SystemExit) as exc:
            main(["--library", str(library_path), *argv])
        assert exc.value.code == 2
        stderr = capsys.readouterr().err
        assert "unrecognized arguments: --bogus" in stderr and "required" not in stderr
    with pytest.raises(SystemExit) as exc:
        main(["--library", str(library_path), "search"])
    assert exc.value.code == 2
    assert "the following arguments are required: query" in capsys.readouterr().err
    code, out, _ = run(capsys, "--library", str(library_path), "search", "", "--json")
    assert code == 0 and json.loads(out)["total"] > 0  # an empty query still lists everything


def test_feeds_add_of_neither_a_url_nor_a_file_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA 4: it said "not a url: /tmp/qa4/not a url is not a file"."""
    monkeypatch.chdir(tmp_path)
    lib = ["--library", str(tmp_path / "lib")]
    code, _, err = run(capsys, *lib, "feeds", "add", "not a url")
    assert code == 1
    assert "not a url: neither a feed URL (http:// or https://) nor an existing feed file" in err
    assert str(tmp_path) not in err
    code, out, _ = run(capsys, *lib, "feeds", "add", "missing.xml", "--no-check", "--json")
    assert code == 1 and "nor an existing feed file" in json.loads(out)["error"]
    (tmp_path / "notes.txt").write_text("no feed here\n", encoding="utf-8")
    code, _, err = run(capsys, *lib, "feeds", "add", "notes.txt")
    assert code == 1 and "nor an existing" not in err  # a file that is there: its own reason
