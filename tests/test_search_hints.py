"""A search that finds nothing for a reason the user can fix says what to change (QA 6, B.17):
dates the wrong way round, a wildcard, an exact name typed in another case or accents, a name
looked for under the wrong type. `SearchResult.hint`, `dateline search` (stderr and `--json`).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from index import Library
from reader.cli import main


def test_dates_the_wrong_way_round(library: Library) -> None:
    result = library.search("since:2026-11-24 until:2026-11-20")
    assert result.total == 0 and result.hint
    assert "2026-11-24" in result.hint and "2026-11-20" in result.hint
    assert "wrong way round" in result.hint
    assert library.search("date:2026-11 since:2026-12-03").hint
    # a range with days in it that just holds no article says nothing more
    empty = library.search("since:2020-01-01 until:2020-01-31")
    assert empty.total == 0 and empty.hint is None


def test_a_wildcard_is_named(library: Library) -> None:
    result = library.search("pipel*")
    assert result.total == 0 and result.hint
    assert "Wildcards" in result.hint and '"pipel*"' in result.hint
    assert library.search("fl?od").hint
    assert library.search("zzyzx").hint is None  # an absent word: nothing to fix


def test_an_exact_name_in_another_case_or_accents(library: Library) -> None:
    for typed in ("nino beridze", "NINO BERIDZE"):
        result = library.search(f'person:="{typed}"')
        assert result.total == 0 and result.hint, typed
        assert 'did you mean person:="Nino Beridze"?' in result.hint
    part = library.search('person:="Beridze"').hint or ""
    assert 'person:"Beridze"' in part and "Nino Beridze" in part
    assert library.search('person:="Nino Beridze"').hint is None  # it matches


def test_a_name_under_the_wrong_type(library: Library) -> None:
    result = library.search("person:mosul")
    assert result.total == 0 and result.hint == (
        "No person's name holds \"mosul\", but a place's does: try place:mosul."
    )
    assert library.search('org:="Mosul"').hint == (
        '"Mosul" is a place, not an organisation: place:="Mosul".'
    )


def test_an_empty_field_gives_an_example_of_its_own_kind(library: Library) -> None:
    assert "person:assad" in (library.search('person:""').error or "")
    assert "org:hts" in (library.search('org:""').error or "")


def test_the_cli_says_the_hint_on_stderr_and_in_json(
    library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--library", str(library_path), "search", "since:2026-11-24 until:2026-11-20"])
    captured = capsys.readouterr()
    assert code == 0 and "No articles match" in captured.out
    assert "wrong way round" in captured.err and "wrong way round" not in captured.out
    code = main(["--library", str(library_path), "search", "pipel*", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 0 and data["total"] == 0 and "Wildcards" in data["hint"]
    main(["--library", str(library_path), "search", "pipeline", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert data["total"] and data["hint"] is None
