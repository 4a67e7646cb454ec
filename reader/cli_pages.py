"""`dateline entity NAME` and `dateline story ID`: the two pages, for people and for scripts.

Registered into the main parser by `register(subparsers)`. Same contract as every command:
`--json` prints only JSON on stdout (documented in the README), messages go to stderr, exit
status 1 for an unknown, ambiguous or blocked name (the candidates are listed, and in JSON under
"candidates"), 2 for a library that cannot be opened.
"""

from __future__ import annotations

import argparse
from typing import Any

from rich.table import Table
from rich.text import Text

from index.model import ENTITY_TYPES
from index.textclean import sanitize

from .cli_output import EXIT_FAILED, EXIT_OK, candidate_json, err, out
from .cli_output import emit_json as _json
from .cli_progress import open_library
from .cli_table import article_row, article_table
from .render import counted, version_when, when

#: Eight levels for the timeline drawn in a terminal line.
BARS = " ▁▂▃▄▅▆▇█"


def _t(value: object, style: str = "") -> Text:
    """Outside text as Rich `Text`: sanitized, on one line, never parsed as markup."""
    return Text(" ".join(sanitize("" if value is None else str(value)).split()), style=style)


def sparkline(counts: list[int]) -> str:
    top = max(counts, default=0)
    if not top:
        return " " * len(counts)
    return "".join(BARS[0 if not n else max(1, round(n / top * 8))] for n in counts)


def register(sub: Any) -> None:
    """Add `entity` and `story` to the `dateline` subcommands."""
    p = sub.add_parser(
        "entity",
        help="an entity's page: timeline, related entities, sources, quotes",
        description="Show an entity's page: names, timeline, co-occurring entities, sources, "
        "quotes and latest articles.",
    )
    p.add_argument("name", nargs="+", help="the entity's name or one of its aliases")
    p.add_argument("--type", choices=ENTITY_TYPES)
    p.add_argument("--json", action="store_true", help="print JSON only")
    p.set_defaults(func=cmd_entity)
    p = sub.add_parser(
        "story",
        help="a story's versions side by side, aligned sentence by sentence",
        description="Show a story: its articles by outlet, what each adds, numbers that differ.",
    )
    p.add_argument("id", help="a story id, or the id of any of its articles")
    p.add_argument("--json", action="store_true", help="print JSON only")
    p.set_defaults(func=cmd_story)


def _failed(args: argparse.Namespace, exc: Exception) -> int:
    from index.pages import AmbiguousEntity

    if args.json:
        # Always a list, empty for an unknown name, so a script reads one shape (README).
        data: dict[str, Any] = {"error": str(exc), "candidates": []}
        if isinstance(exc, AmbiguousEntity):  # the shape `entities block` lists them in
            data["candidates"] = [
                candidate_json(c.name, c.type, c.articles, c.aliases) for c in exc.candidates
            ]
        _json(data)
    else:
        err.print(Text.assemble(("error: ", "bold red"), _t(exc)))
    return EXIT_FAILED


def cmd_entity(args: argparse.Namespace) -> int:
    from index.entities.registry import EntityError
    from index.pages import PageError

    name = " ".join(args.name)
    with open_library(args) as lib:
        try:
            page = lib.entity_page(name, args.type)
        except (PageError, EntityError) as exc:
            return _failed(args, exc)
    if args.json:
        _json(page.to_json())
        return EXIT_OK
    out.print(Text.assemble(_t(page.name, "bold"), (f"  {page.type} · {counted(page.articles, 'article')}", "dim")))  # fmt: skip
    if page.aliases:
        out.print(Text.assemble(("also: ", "dim"), _t(", ".join(page.aliases))))
    if page.timeline:
        counts = [b.count for b in page.timeline]
        out.print(
            Text.assemble(
                (f"per {page.bucket}, {page.timeline[0].start} → {page.timeline[-1].start}  ", "dim"),
                (sparkline(counts), "cyan"),
            )
        )  # fmt: skip
        busiest = ", ".join(f"{b.start} ({b.count})" for b in page.busiest)
        out.print(Text.assemble(("busiest: ", "dim"), busiest))
    if page.related:
        table = Table(title="Seen with (more than chance)", title_justify="left")
        for col in ("entity", "type", "together", "lift"):
            table.add_column(col, justify="left" if col in ("entity", "type") else "right")
        for r in page.related:
            table.add_row(_t(r.entity.name), r.entity.type, str(r.together), f"{r.lift:.1f}×")
        out.print(table)
    if page.sources:
        out.print(Text.assemble(("sources: ", "dim"), _t(", ".join(f"{s.source or '—'} ({s.articles})" for s in page.sources))))  # fmt: skip
    if page.quotes:
        out.print(Text("Quotes", style="bold"))
        for q in page.quotes:
            mark = "“…”" if q.kind == "direct" else "(reported)"
            day = when(None, q.date) if q.undated else q.date  # as the reader says it
            out.print(Text.assemble(("  ", ""), (day, "dim"), " ", _t(q.text), (f"  {mark} — ", "dim"), _t(q.source, "dim")))  # fmt: skip
    if page.latest:
        # An undated article shows when it was first seen, as elsewhere.
        rows = [article_row(a) for a in page.latest]
        out.print(article_table("Latest articles", rows, out))
    return EXIT_OK


STATUS_STYLE = {"shared": "dim", "unique": "bold", "differs": "bold yellow"}


def cmd_story(args: argparse.Namespace) -> int:
    from index.pages import PageError

    with open_library(args) as lib:
        try:
            page = lib.story_page(args.id)
        except PageError as exc:
            return _failed(args, exc)
    if args.json:
        _json(page.to_json())
        return EXIT_OK
    out.print(Text.assemble(_t(page.title, "bold"), (f"  {counted(len(page.versions), 'version')} · {counted(page.shared, 'shared sentence')}", "dim")))  # fmt: skip
    for c in page.conflicts:
        said = "; ".join(f"{sanitize(s or '—')}: {', '.join(n)}" for _a, s, n in c.values)
        out.print(Text.assemble(("numbers differ: ", "bold yellow"), _t(said)))
    for v in page.versions:
        a = v.article
        dated = " · ".join(
            " ".join(line.split()) for line in version_when(a.published, v.first_seen) if line
        )
        out.print()
        out.print(Text.assemble(_t(a.source or "—", "bold cyan"), (f"  {dated} · {counted(v.unique, 'sentence')} only here  ", "dim"), _t(a.id, "dim")))  # fmt: skip
        if not v.aligned:
            out.print(Text("  (not compared: the story has more versions than are aligned)", style="dim"))  # fmt: skip
        for s in v.sentences:
            marker = {"shared": "  ", "unique": "+ ", "differs": "≠ "}[s.status]
            out.print(Text.assemble(marker, _t(s.text, STATUS_STYLE[s.status])))
    return EXIT_OK
