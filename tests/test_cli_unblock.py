"""`dateline entities unblock NAME` and `entities blocked`: a block ("not an entity") taken back
whenever it was made, not only by `undo` while it is the last correction; and a search on a
blocked name says so (QA pass 5, #6)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from index import Library
from tests.test_cli_corrections_qa import lib, listing, one_line, qa_built, run

__all__ = ["lib", "qa_built"]  # fixtures, shared with the corrections' QA tests

KVALHEIM = "Einar K. Kvalheim"


def test_unblock_takes_back_a_block_that_is_not_the_last_correction(
    lib: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, *lib, "entities", "blocked")
    assert code == 0 and one_line(out) == 'No name is marked "not an entity".'
    assert json.loads(run(capsys, *lib, "entities", "blocked", "--json")[1]) == {"blocked": []}
    before = listing(capsys, lib)
    assert (KVALHEIM, "person", 2) in before

    assert run(capsys, *lib, "entities", "block", KVALHEIM)[0] == 0
    assert run(capsys, *lib, "entities", "rename", "Maren Solberg", "Maren B. Solberg")[0] == 0
    # The page of a blocked name says how to take the block back, whenever it was made.
    code, _, err = run(capsys, *lib, "entity", "Kvalheim")
    assert code == 1 and f'To take that back: dateline entities unblock "{KVALHEIM}".' in one_line(
        err
    )

    code, out, _ = run(capsys, *lib, "entities", "blocked", "--json")
    assert code == 0
    assert json.loads(out)["blocked"] == [
        {"name": KVALHEIM, "type": "person", "articles": 2, "count": 2, "aliases": ["Kvalheim"]}
    ]
    code, out, _ = run(capsys, *lib, "entities", "blocked")
    assert code == 0 and KVALHEIM in out and "unblock" in out

    code, out, _ = run(capsys, *lib, "entities", "unblock", "Kvalheim", "--json")
    assert code == 0
    message = f'Unblocked "{KVALHEIM}" (person): back in 2 articles'
    assert json.loads(out) == {"message": message}
    after = listing(capsys, lib)
    assert (KVALHEIM, "person", 2) in after and ("Maren B. Solberg", "person", 1) in after
    code, out, _ = run(capsys, *lib, "search", "person:kvalheim", "--json")
    assert json.loads(out)["total"] == 2
    assert json.loads(run(capsys, *lib, "entities", "blocked", "--json")[1]) == {"blocked": []}

    # The unblock is a correction of its own: its undo blocks the name again.
    code, out, _ = run(capsys, *lib, "entities", "undo")
    assert code == 0
    assert (
        one_line(out) == f'Blocked "{KVALHEIM}" again: removed from 2 articles (undid the unblock)'
    )
    assert KVALHEIM not in {name for name, _, _ in listing(capsys, lib)}
    # Undo the rename, then the block itself: everything as it was.
    assert run(capsys, *lib, "entities", "undo")[0] == 0
    code, out, _ = run(capsys, *lib, "entities", "undo")
    assert one_line(out) == f'Unblocked "{KVALHEIM}": back in 2 articles (undid the block)'
    assert listing(capsys, lib) == before


def test_unblock_refuses_a_name_that_is_not_blocked(
    lib: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, *lib, "entities", "unblock", "Maren Solberg", "--json")
    assert code == 1
    assert json.loads(out) == {"error": '"Maren Solberg" is not blocked: "Maren Solberg" is a person (1 article).'}  # fmt: skip
    assert run(capsys, *lib, "entities", "block", "Maren Solberg")[0] == 0
    code, _, err = run(capsys, *lib, "entities", "unblock", "Nobody Here")
    assert code == 1
    said = one_line(err)
    assert 'No entity called "Nobody Here" is marked "not an entity".' in said
    assert 'Blocked: "Maren Solberg".' in said


def test_a_search_on_a_blocked_name_says_why_it_finds_nothing(
    lib: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, *lib, "entities", "block", KVALHEIM)[0] == 0
    with Library.open(Path(lib[1])) as library:
        assert library.search("person:kvalheim").total == 0
        note = library.blocked_in_query("person:kvalheim")
        assert note is not None
        assert note == (
            f'person:kvalheim finds nothing: "{KVALHEIM}" was marked "not an entity". To take'
            f' that back: dateline entities unblock "{KVALHEIM}".'
        )
        note = library.blocked_in_query(f'harbour person:="{KVALHEIM}"')
        assert note is not None and note.startswith(f'person:="{KVALHEIM}" finds nothing')
        assert library.blocked_entity("kvalheim") == KVALHEIM
        # A filter that finds something, a name never blocked, a negated one: nothing to say.
        assert library.blocked_in_query("person:solberg") is None
        assert library.blocked_in_query("person:nobody") is None
        assert library.blocked_in_query("-person:kvalheim") is None
        assert library.blocked_in_query('person:"unbalanced') is None
        assert library.blocked_entity("Maren Solberg") is None


def test_the_cli_search_on_a_blocked_name_says_why_on_stderr(
    lib: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, *lib, "entities", "block", KVALHEIM)[0] == 0
    code, out, err = run(capsys, *lib, "search", "person:kvalheim")
    assert code == 0 and one_line(out) == "No articles match 'person:kvalheim'."
    assert f'To take that back: dateline entities unblock "{KVALHEIM}".' in one_line(err)
    code, out, _ = run(capsys, *lib, "search", "person:kvalheim", "--json")
    assert code == 0 and json.loads(out)["total"] == 0  # the JSON shape stays as documented
