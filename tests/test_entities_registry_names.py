"""The library-wide display name of a body written with and without its country (invented
names; real countries only where the prefix is the point)."""

from __future__ import annotations

from index.entities.registry import Registry
from index.entities.registry_names import country_prefix
from tests.test_registry import add, listing


def test_the_unprefixed_name_most_articles_write_wins_over_a_country_prefix(
    reg: Registry,
) -> None:
    add(
        reg,
        "a1",
        "The UK Harbour Levies Authority (HLA) fined them. The HLA said so.",
        ("org", "UK Harbour Levies Authority", "HLA"),
    )
    for aid in ("a2", "a3"):
        body = "The Harbour Levies Authority (HLA) will rule. The HLA met."
        add(reg, aid, body, ("org", "Harbour Levies Authority", "HLA"))
    assert listing(reg) == {("Harbour Levies Authority", "org", 3)}


def test_on_a_tie_the_unprefixed_name_wins(reg: Registry) -> None:
    add(
        reg,
        "a1",
        "The US Kiln Safety Bureau (BKS) fined them. The BKS said so.",
        ("org", "US Kiln Safety Bureau", "BKS"),
    )
    body = "The Kiln Safety Bureau (BKS) will rule. The BKS met."
    add(reg, "a2", body, ("org", "Kiln Safety Bureau", "BKS"))
    assert listing(reg) == {("Kiln Safety Bureau", "org", 2)}


def test_a_country_prefix_needs_a_name_after_it() -> None:
    assert country_prefix(["uk", "harbour", "levies", "authority"]) == 1
    assert country_prefix(["united", "states", "kiln", "bureau"]) == 2
    assert country_prefix(["uk", "athletics"]) == 0  # one word left: the prefix is the name


def test_on_a_tie_a_teams_country_stays_in_its_name(reg: Registry) -> None:
    add(
        reg,
        "a1",
        "The Fiji Coral Hawks (FCH) won. The FCH cheered.",
        ("org", "Fiji Coral Hawks", "FCH"),
    )
    add(reg, "a2", "The Coral Hawks (FCH) lost. The FCH left.", ("org", "Coral Hawks", "FCH"))
    assert listing(reg) == {("Fiji Coral Hawks", "org", 2)}
