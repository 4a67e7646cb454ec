"""No-break spaces (U+00A0, U+202F, U+2007) inside names: read as plain spaces by the model and
the rules alike, while every mention stays an offset into the article as given."""

from __future__ import annotations

from functools import cache

from index.entities import LocalEntity, extract
from index.entities.spaces import plain_spaces

NBSP, NARROW, FIGURE = "\u00a0", "\u202f", "\u2007"

STATION = (
    f"Trains from Gare du{NBSP}Nord were halted on Tuesday after a signal fault, the operator "
    f"said. Commuters at Gare du{NBSP}Nord waited for hours."
)
HARBOUR = (
    f"Officials from the Port{NBSP}of{NBSP}Tanjung Priok said Ms{NBSP}Rosalind Wekesa would "
    f"inspect the Nakuru{FIGURE}Dam on Friday."
)
MOSQUE = (
    f"The Ferhadija{NBSP}mosque in Banja Luka reopened, said Dr{NBSP}Amela Hodzic, who chairs "
    f"the Tuzla{NARROW}Heritage Trust."
)


@cache
def _found(body: str) -> tuple[LocalEntity, ...]:
    return tuple(extract([("Local news", body)])[0])


def _names(body: str) -> dict[str, str]:
    return {e.name: e.type for e in _found(body)}


def test_plain_spaces_keeps_every_offset() -> None:
    text = f"a{NBSP}b{NARROW}c{FIGURE}d"
    assert plain_spaces(text) == "a b c d"
    assert len(plain_spaces(text)) == len(text)


def test_a_romance_kind_joined_by_a_no_break_space_is_one_place() -> None:
    assert _names(STATION) == {"Gare du Nord": "place"}


def test_a_place_phrase_and_a_kind_after_read_across_no_break_spaces() -> None:
    names = _names(HARBOUR)
    assert names.get("Port of Tanjung Priok") == "place"
    assert "Port" not in names
    assert _names(MOSQUE).get("Ferhadija mosque") == "place"


def test_names_keep_plain_spaces_and_mentions_slice_the_given_body() -> None:
    names = _names(MOSQUE)
    assert names.get("Tuzla Heritage Trust") == "org"
    assert _names(HARBOUR).get("Nakuru Dam") == "place"
    for body in (STATION, HARBOUR, MOSQUE):
        for e in _found(body):
            for s, t in e.mentions:
                said = plain_spaces(body[s:t]).removeprefix("the ")  # a mention may keep "the"
                assert said in (e.name, *e.aliases)
