"""The query language parser and the `Query` value (no index needed here)."""

from __future__ import annotations

from datetime import datetime

import pytest

from index.query import (
    And,
    DateSpan,
    EntityFilter,
    Exact,
    Flag,
    Not,
    Or,
    Org,
    Person,
    Place,
    Query,
    QueryError,
    Text,
    parse,
    parse_query,
)


def w(text: str, field=None, phrase=False) -> Text:
    return Text(field, text, phrase)


def test_empty_query_is_none():
    assert parse("") is None
    assert parse("   ") is None
    assert parse_query(Query()) is None


def test_words_are_anded_and_or_binds_loosest():
    assert parse("a b") == And((w("a"), w("b")))
    assert parse("a AND b") == And((w("a"), w("b")))
    assert parse("a OR b c") == Or((w("a"), And((w("b"), w("c")))))
    assert parse("(a OR b) c") == And((Or((w("a"), w("b"))), w("c")))


def test_not_and_minus():
    assert parse("a NOT b") == And((w("a"), Not(w("b"))))
    assert parse("a -b") == And((w("a"), Not(w("b"))))
    assert parse("-(a OR b)") == Not(Or((w("a"), w("b"))))
    assert parse("NOT NOT a") == w("a")
    assert parse("+a") == w("a")
    assert parse("well-known") == w("well-known")  # a hyphen inside a word is not NOT


def test_lowercase_operators_are_words():
    assert parse("war and peace") == And((w("war"), w("and"), w("peace")))


def test_phrases_and_spans():
    node = parse('talks "old market" x')
    assert node == And((w("talks"), w("old market", phrase=True), w("x")))
    assert isinstance(node, And)
    assert node.items[1].span == (7, 17)
    assert parse(r'"say \"hi\""') == w('say "hi"', phrase=True)


def test_fields():
    assert parse("person:assad") == w("assad", "person")
    assert parse('person:"al-Assad"') == w("al-Assad", "person", phrase=True)
    assert parse("PLACE:Aleppo org:hts") == And((w("Aleppo", "place"), w("hts", "org")))
    assert parse("people:kovac") == w("kovac", "person")  # plural spelling accepted
    assert parse("source:wire title:flood") == And((w("wire", "source"), w("flood", "title")))


def test_exact_entity():
    assert parse('person:="Bashar al-Assad"') == Exact("person", "Bashar al-Assad")
    assert parse("place:=Aleppo") == Exact("place", "Aleppo")
    assert parse('-org:="Growers Union"') == Not(Exact("org", "Growers Union"))


def test_dates():
    assert parse("date:2024-12-02") == DateSpan(datetime(2024, 12, 2), datetime(2024, 12, 3))
    assert parse("date:2024-12") == DateSpan(datetime(2024, 12, 1), datetime(2025, 1, 1))
    assert parse("date:2024-02") == DateSpan(datetime(2024, 2, 1), datetime(2024, 3, 1))
    assert parse("date:2024") == DateSpan(datetime(2024, 1, 1), datetime(2025, 1, 1))
    assert parse("since:2024-12-01") == DateSpan(datetime(2024, 12, 1), None)
    assert parse("until:2024-12-31") == DateSpan(None, datetime(2025, 1, 1))
    assert parse("until:2024-11") == DateSpan(None, datetime(2024, 12, 1))


def test_flags():
    assert parse("is:unread") == Flag("unread")
    assert parse("is:Starred") == Flag("starred")
    assert parse("-is:read") == Not(Flag("read"))


def test_colons_that_are_not_fields_are_words():
    assert parse("10:30") == w("10:30")
    assert parse("http://example.test/a") == w("http://example.test/a")
    assert parse("Note: rain") == And((w("Note:"), w("rain")))
    assert parse('"foo:bar"') == w("foo:bar", phrase=True)


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ('"open', 'never closed. Add a closing "'),
        ('person:"open', "never closed"),
        ("(a OR b", '"(" at position 1 is never closed'),
        ("a) b", '")" at position 2 has no matching'),
        ("()", "Empty parentheses"),
        ("foo:bar", 'Unknown field "foo:"'),
        ("foo:bar", 'put it in quotes: "foo:bar"'),
        ("persn:assad", 'Did you mean "person:"?'),
        ("date:2024-13-01", "YYYY-MM-DD"),
        ("date:2024-02-30", "YYYY-MM-DD"),
        ("since:last-week", "YYYY-MM-DD"),
        ("until:", "needs a value"),
        ("is:new", "is:unread, is:read or is:starred"),
        ("title:=flood", "exact matching (:=) works with person:"),
        ('person:=""', "needs a name"),
        ("a AND", "AND needs a search term after it"),
        ("OR a", "OR needs a search term before it"),
        ("a OR OR b", "OR needs a search term after it"),
        ("a NOT", "needs a search term after it"),
        ("(" * 60 + "a" + ")" * 60, "Too many nested parentheses"),
        ("x" * 20_000, "too long"),
    ],
)
def test_errors_are_friendly(query, words):
    with pytest.raises(QueryError) as err:
        parse(query)
    assert words in err.value.message
    assert str(err.value) == err.value.message


# -- the Query value --------------------------------------------------------------------------


def test_entity_filter_constructors():
    assert Person("Mira Kovac") == EntityFilter("person", "Mira Kovac")
    assert Place("Aleppo").type == "place"
    assert Org("Growers Union").type == "org"
    assert (-Person("Mira Kovac")).exclude is True
    assert str(Person("Mira Kovac")) == 'person:="Mira Kovac"'
    assert str(-Place('The "Old" Town')) == r'-place:="The \"Old\" Town"'


def test_stacking_excluding_and_undo():
    q = Query("ceasefire")
    q1 = q & Person("Mira Kovac")
    q2 = q1 - Place("Geneva")
    assert q1.filters == (Person("Mira Kovac"),)
    assert q2.filters == (Person("Mira Kovac"), EntityFilter("place", "Geneva", exclude=True))
    assert q2.without_last() == q1
    assert q1.without_last() == q
    assert q.without_last() == q
    assert q == Query("ceasefire")  # values: the original is untouched


def test_minus_binds_first_and_still_means_what_it_says():
    q = Query("talks") & Person("Mira Kovac") - Place("Geneva")
    assert q.filters == (Person("Mira Kovac"), -Place("Geneva"))


def test_and_of_two_queries_keeps_or_grouped():
    q = Query("a OR b") & Query("c") & Org("Growers Union")
    assert str(q) == '(a OR b) c org:="Growers Union"'
    assert parse(str(q)) == q.node()


@pytest.mark.parametrize(
    "value",
    [
        Query(),
        Query("flood"),
        Query("a OR b") & Person("Bashar al-Assad"),
        Query("talks -damascus") - Place("Geneva") & Org('Odd "Quoted" Name'),
        Query() & Place("Aleppo") & Place("Kilis"),
        Query('"old market" since:2024-12-01 is:unread') - Person("Lena Ostrova"),
    ],
)
def test_str_parses_back_to_the_same_query(value):
    assert parse(str(value)) == value.node() == parse_query(value)


def test_node_of_a_malformed_text_raises():
    with pytest.raises(QueryError):
        (Query('"open') & Person("Mira Kovac")).node()
