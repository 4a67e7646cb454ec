"""Dateline's query language parsed into a tree (`index.querytree`), with messages for users.

The language (the README documents it for users):

* free words and "quoted phrases" search titles and bodies (stemmed, accent-insensitive);
  `"a b"~N` lets up to N other words stand between neighbouring words of the phrase;
* `AND`, `OR`, `NOT` (upper case; AND is implied between terms), `-word`, and parentheses;
  NOT binds tighter than AND, which binds tighter than OR;
* `person:NAME`, `place:NAME`, `org:NAME` match a *part* of any name or alias of an entity,
  ignoring case, accents, apostrophes and hyphens (`person:assad`, `person:"al-Assad"`);
* `person:="Bashar al-Assad"` (note `:=`) matches one canonical entity name exactly: it is what
  the sidebar's filters render to, so `str(query)` always parses back to the same query;
* `source:NAME`, `title:WORD`;
* `date:2024-12-02`, `date:2024-12`, `date:2024`, `since:DATE`, `until:DATE` (both inclusive,
  days in UTC);
* `is:unread`, `is:read`, `is:starred`: flags live in SQLite, not in the index, so they can only
  narrow a search (`is:unread OR x` is refused with a message).

We parse this ourselves rather than with Whoosh's `QueryParser` because that parser is lenient
by design: an unbalanced quote, an unknown field or a bad date silently becomes literal text,
and the user gets no results with no reason. Here every malformed query raises `QueryError`
with a message meant for the user. Whoosh still does the rest: `index.searchindex` turns this
tree into Whoosh queries, analysing words with the index's own analyzers.

An unknown `name:value` is an error only when it looks like a field the user meant: `name` is a
word of letters and a value follows. So `10:30`, `http://…` and a trailing `Note:` stay plain
words, and the error for `foo:bar` says how to search it as text (`"foo:bar"`).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from .model import EntityType
from .querytree import (
    FIELDS,
    And,
    DateSpan,
    Exact,
    Flag,
    FlagName,
    Node,
    Not,
    Or,
    QueryError,
    Text,
)

_FIELD_ALIASES = {"people": "person", "places": "place", "orgs": "org", "organisation": "org"}
_ENTITY_FIELDS: dict[str, EntityType] = {"person": "person", "place": "place", "org": "org"}
_FLAGS: tuple[FlagName, ...] = ("unread", "read", "starred")
_MAX_DEPTH = 40
_MAX_LENGTH = 10_000


# -- lexing -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Tok:
    kind: str  # "(", ")", "AND", "OR", "NOT", "TERM"
    pos: int
    field: str | None = None
    exact: bool = False
    value: str = ""
    quoted: bool = False
    span: tuple[int, int] = (0, 0)
    slop: int | None = None


_FIELD_RE = re.compile(r"([A-Za-z][A-Za-z_]*):(=?)")
_BARE_STOP = frozenset(' \t\r\n\f\v()"')


def _read_quoted(text: str, i: int) -> tuple[str, int, tuple[int, int]]:
    """Read a "..." string starting at the quote at `i`; `\\"` and `\\\\` are escapes."""
    out: list[str] = []
    j = i + 1
    while j < len(text):
        c = text[j]
        if c == "\\" and j + 1 < len(text) and text[j + 1] in '"\\':
            out.append(text[j + 1])
            j += 2
            continue
        if c == '"':
            return "".join(out), j + 1, (i + 1, j)
        out.append(c)
        j += 1
    raise QueryError(
        f'Unbalanced quotes: the " at position {i + 1} is never closed. '
        'Add a closing " or remove it.'
    )


_SLOP_RE = re.compile(r"~(\S*)")
#: The most words `"a b"~N` lets stand between neighbouring words.
MAX_SLOP = 100


def _read_slop(text: str, i: int) -> tuple[int | None, int]:
    """`~N` right after a closing quote: (N, the index after it), or (None, i)."""
    m = _SLOP_RE.match(text, i)
    if not m:
        return None, i
    value = m.group(1).rstrip(")")
    if not value.isdigit() or int(value) > MAX_SLOP:
        raise QueryError(
            f'"~{value}" after a phrase needs a number of words from 0 to {MAX_SLOP}: '
            '"water pipeline"~2 finds the two words with up to two others between them.'
        )
    return int(value), i + 1 + len(value)


def _read_bare(text: str, i: int) -> int:
    j = i
    while j < len(text) and text[j] not in _BARE_STOP and not text[j].isspace():
        j += 1
    return j


def _unknown_field(name: str, raw: str) -> QueryError:
    known = ", ".join(f"{f}:" for f in FIELDS)
    close = difflib.get_close_matches(name.lower(), [*FIELDS, *_FIELD_ALIASES], n=1)
    hint = f' Did you mean "{_FIELD_ALIASES.get(close[0], close[0])}:"?' if close else ""
    return QueryError(
        f'Unknown field "{name}:".{hint} Known fields: {known}. '
        f'To search for the text itself, put it in quotes: "{raw}".'
    )


def _lex(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
        elif c in "()":
            toks.append(_Tok(c, i))
            i += 1
        elif c in "-+" and i + 1 < n and not text[i + 1].isspace() and text[i + 1] != ")":
            if c == "-":  # `+word` is just `word`: every term is required anyway
                toks.append(_Tok("NOT", i))
            i += 1
        elif c == '"':
            value, i, span = _read_quoted(text, i)
            slop, i = _read_slop(text, i)
            toks.append(_Tok("TERM", span[0] - 1, value=value, quoted=True, span=span, slop=slop))
        else:
            tok, i = _lex_term(text, i)
            if tok is not None:
                toks.append(tok)
    return toks


def _lex_term(text: str, i: int) -> tuple[_Tok | None, int]:
    m = _FIELD_RE.match(text, i)
    if m:
        name = m.group(1).lower()
        name = _FIELD_ALIASES.get(name, name)
        j = m.end()
        after = text[j] if j < len(text) else ""
        if name in FIELDS:
            if after == '"':
                value, end, span = _read_quoted(text, j)
                slop, end = _read_slop(text, end)
                tok = _Tok("TERM", i, name, bool(m.group(2)), value, True, span, slop)
                return tok, end
            end = _read_bare(text, j)
            if end == j:
                raise QueryError(
                    f'"{m.group(0)}" needs a value right after it, e.g. {field_example(name)}.'
                )
            return _Tok("TERM", i, name, bool(m.group(2)), text[j:end], span=(j, end)), end
        if after and not after.isspace() and after not in '()/"' and not m.group(2):
            end = _read_bare(text, j)
            raise _unknown_field(m.group(1), text[i:end])
    end = _read_bare(text, i)
    if end == i:  # a lone "-" or "+": nothing to search for
        return None, i + 1
    word = text[i:end]
    if word in ("AND", "OR", "NOT"):
        return _Tok(word, i), end
    return _Tok("TERM", i, value=word, span=(i, end)), end


def field_example(name: str) -> str:
    """A value of the field `name` for messages: a place's name is no example of a person's."""
    return {
        "person": "person:assad",
        "place": "place:aleppo",
        "org": "org:hts",
        "source": "source:reuters",
        "title": "title:ceasefire",
        "date": "date:2024-12-02",
        "since": "since:2024-12-01",
        "until": "until:2024-12-31",
        "is": "is:unread",
        "feed": 'feed:"https://example.org/feed.xml"',
        "tag": "tag:news",
    }[name]


# -- dates ------------------------------------------------------------------------------------

_DATE_RE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def _date_span(field_name: str, value: str) -> DateSpan:
    """The [start, end) a `date:`, `since:` or `until:` value covers."""
    m = _DATE_RE.fullmatch(value.strip())
    start: datetime | None = None
    end: datetime | None = None
    if m:
        year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
        try:
            start = datetime(year, month, day)
        except ValueError:
            start = None
    if start is None or m is None:
        raise QueryError(
            f'"{field_name}:{value}" is not a date I understand: write YYYY-MM-DD, YYYY-MM '
            f"or YYYY, e.g. {field_example(field_name)}."
        )
    try:
        if m.group(3):
            end = start + timedelta(days=1)
        elif m.group(2):
            end = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
        else:
            end = start.replace(year=start.year + 1)
    except (ValueError, OverflowError):
        end = None  # the last day, month or year a datetime can hold: leave the end open
    if field_name == "since":
        return DateSpan(start, None)
    if field_name == "until":
        return DateSpan(None, end)
    return DateSpan(start, end)


# -- parsing ----------------------------------------------------------------------------------


class _Parser:
    def __init__(self, toks: list[_Tok]) -> None:
        self.toks = toks
        self.i = 0
        self.depth = 0

    def peek(self) -> _Tok | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self) -> _Tok:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def parse(self) -> Node | None:
        if not self.toks:
            return None
        node = self.parse_or()
        tok = self.peek()
        if tok is not None:  # only a ")" can stop parse_or early
            raise QueryError(
                f'Unbalanced parentheses: the ")" at position {tok.pos + 1} has no matching "(".'
            )
        return node

    def parse_or(self) -> Node:
        items = [self.parse_and()]
        while (tok := self.peek()) is not None and tok.kind == "OR":
            self.take()
            self._need_operand("OR")
            items.append(self.parse_and())
        return items[0] if len(items) == 1 else Or(tuple(items))

    def parse_and(self) -> Node:
        items = [self.parse_unary()]
        while (tok := self.peek()) is not None and tok.kind not in (")", "OR"):
            if tok.kind == "AND":
                self.take()
                self._need_operand("AND")
            items.append(self.parse_unary())
        return items[0] if len(items) == 1 else And(tuple(items))

    def parse_unary(self) -> Node:
        negations = 0
        while (tok := self.peek()) is not None and tok.kind == "NOT":
            self.take()
            self._need_operand("NOT (or -)")
            negations += 1
        node = self.parse_atom()
        return Not(node) if negations % 2 else node

    def parse_atom(self) -> Node:
        tok = self.peek()
        if tok is None:
            raise QueryError("The query ends where a search term was expected.")
        if tok.kind in ("AND", "OR"):
            raise QueryError(f"{tok.kind} needs a search term before it.")
        if tok.kind == ")":
            raise QueryError(
                f'Unbalanced parentheses: the ")" at position {tok.pos + 1} has no matching "(".'
            )
        self.take()
        if tok.kind == "(":
            if (nxt := self.peek()) is not None and nxt.kind == ")":
                raise QueryError("Empty parentheses: put search terms between ( and ).")
            self.depth += 1
            if self.depth > _MAX_DEPTH:
                raise QueryError("Too many nested parentheses.")
            node = self.parse_or()
            self.depth -= 1
            if self.peek() is None:
                raise QueryError(
                    f'Unbalanced parentheses: the "(" at position {tok.pos + 1} is never closed.'
                )
            self.take()
            return node
        return _term(tok)

    def _need_operand(self, op: str) -> None:
        tok = self.peek()
        if tok is None or tok.kind in (")", "AND", "OR"):
            raise QueryError(f"{op} needs a search term after it.")


def _term(tok: _Tok) -> Node:
    name, value = tok.field, tok.value
    if tok.slop is not None and name not in (None, "title", "source"):
        raise QueryError(f'"~{tok.slop}" works with phrases of words, not with "{name}:".')
    if tok.exact:
        if name not in _ENTITY_FIELDS:
            raise QueryError(
                f'"{name}:=" is not a thing: exact matching (:=) works with person:, place: '
                "and org: only."
            )
        if not value.strip():
            raise QueryError(f'"{name}:=" needs a name, e.g. {name}:="Jane Doe".')
        return Exact(_ENTITY_FIELDS[name], value.strip())
    if name in ("date", "since", "until"):
        return _date_span(name, value)
    if name in ("feed", "tag"):  # narrowed like is:, from SQLite (index.feeds)
        if not value.strip():
            raise QueryError(f'"{name}:" needs a value right after it, e.g. {field_example(name)}.')
        return Flag(f"{name}:{value.strip()}")  # type: ignore[arg-type]
    if name == "is":
        flag = value.strip().lower()
        if flag not in _FLAGS:
            raise QueryError(f'"is:{value}" is not a flag: use is:unread, is:read or is:starred.')
        return Flag(flag)  # type: ignore[arg-type]
    slop = tok.slop or 0
    return Text(name, value, phrase=tok.quoted, span=tok.span, slop=slop)  # type: ignore[arg-type]


def parse(text: str) -> Node | None:
    """Parse the query language; None for an empty query (which matches everything)."""
    if len(text) > _MAX_LENGTH:
        raise QueryError(f"The query is too long (over {_MAX_LENGTH:,} characters).")
    return _Parser(_lex(text)).parse()
