"""`dateline entities rename|alias|retype|block` and the global `--model` option.

Registered from `reader.cli.build_parser` with one call (`register(parser, actions)`), so the
entity corrections that can meet another entity's name or type live apart from the CLI's core:

* `dateline entities rename A NEW [--type T] [--force]`, `alias A ALIAS [--type T] [--force]`:
  a name an entity of *another* type already has is refused (one name, one type: the next
  article's type vote would merge them or retype one), with the entity that has it, its type
  and article count, and the ways forward: `merge` to make them one, `retype` when its type is
  wrong, or `--force` for two things of one name (a person called "Georgia" and the place);
  `--json` adds `conflicts` to the error object;
* `dateline entities retype NAME TYPE [--type OLD]`: give an entity a type (final, undoable);
* `dateline entities block NAME [--type T]`: "not an entity" (undoable with `entities undo`);
* `dateline entities unblock NAME [--type T]`: take a block back whenever it was made (`undo`
  only reaches the last correction), itself undoable; `dateline entities blocked` lists the
  blocked names, so a name that vanished can be found and given back;
* an ambiguous NAME lists the candidates (name, type, articles, other names) with the hint
  to pass `--type`, instead of a bare error;
* `dateline --model NAME ...`: the spaCy English pipeline to extract entities with ("sm",
  "md", "lg", "trf" or an import name); the config file's `[entities] model` is the default
  (`settle_settings` reads both, for the commands that extract entities).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich.table import Table
from rich.text import Text

from index.model import ENTITY_TYPES, EntityCount

from .cli_output import EXIT_FAILED, EXIT_OK, err, out
from .model_choice import ModelChoice, settle_model

if TYPE_CHECKING:
    from .config import Config


def settle_settings(args: argparse.Namespace, *, report: bool) -> tuple[Config, ModelChoice]:
    """Read config.toml and settle the NER model (`reader.model_choice`) for a command that
    extracts entities or opens the reader. With `report`, every problem is one `warning:` line
    on stderr and ModelError (no English pipeline installed at all) stops the command; without
    it (the reader, which reads and searches without a model) that is one more warning, and
    the reader shows them all together in one notice."""
    from .config import load_config

    config = load_config()
    option = getattr(args, "model", None)
    choice = settle_model(option, config.ner_model, required=report, origin=config.origin)
    if report:
        for warning in (*config.warnings, *choice.warnings):
            err.print(Text.assemble(("warning: ", "bold yellow"), warning))
    return config, choice


def register(parser: argparse.ArgumentParser, actions: Any) -> None:
    """Add `--model` to the top-level parser and `rename` / `alias` / `retype` / `block` /
    `unblock` / `blocked` to `entities`' actions."""
    parser.add_argument(
        "--model",
        metavar="NAME",
        help="spaCy English pipeline for entities: sm (default), md, lg, trf or an import name"
        " (read by the commands that extract entities: add, refresh, demo and the reader)",
    )
    for name, text in (
        ("rename", "rename entity A to B"),
        ("alias", "make B another name of entity A"),
    ):
        q = actions.add_parser(name, help=text, description=text)
        q.add_argument("a", metavar="A")
        q.add_argument("b", metavar="B")
        q.add_argument("--type", choices=ENTITY_TYPES)
        q.add_argument(
            "--force",
            action="store_true",
            help="even when an entity of another type is called B (two things of one name)",
        )
        q.add_argument("--json", action="store_true")
        q.set_defaults(func=cmd_entity_fix)
    q = actions.add_parser(
        "retype", help="give entity A a type", description="give entity A a type (undoable)"
    )
    q.add_argument("a", metavar="A")
    q.add_argument("new_type", metavar="TYPE", choices=ENTITY_TYPES)
    q.add_argument("--type", choices=ENTITY_TYPES, help="the type A has now, if ambiguous")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_entity_fix)
    q = actions.add_parser(
        "block",
        help="mark entity A as not an entity",
        description="remove A from every article and never extract it again (undoable)",
    )
    q.add_argument("a", metavar="A")
    q.add_argument("--type", choices=ENTITY_TYPES)
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_entity_fix)
    q = actions.add_parser(
        "unblock",
        help="take back a block: A is an entity again",
        description="give A back to the articles a block took it out of, and let later"
        " articles count it again (undoable; `entities blocked` lists blocked names)",
    )
    q.add_argument("a", metavar="A")
    q.add_argument("--type", choices=ENTITY_TYPES)
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_entity_fix)
    q = actions.add_parser(
        "blocked",
        help='list names marked "not an entity"',
        description='list the names marked "not an entity" (`entities unblock A` takes one back)',
    )
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_blocked)


def cmd_entity_fix(args: argparse.Namespace) -> int:
    """Run `rename`, `alias`, `retype`, `block` or `unblock`; ambiguity lists the candidates, and a name
    another type's entity has says which and how to go on (`conflicts` in JSON)."""
    from index.entities.registry import AmbiguousName, EntityError, NameTaken

    from .cli_output import emit_json
    from .cli_output import plain as _plain
    from .cli_progress import open_library

    with open_library(args) as lib:
        try:
            if args.action == "rename":
                message = lib.rename_entity(args.a, args.b, type_=args.type, force=args.force)
            elif args.action == "alias":
                message = lib.alias_entity(args.a, args.b, type_=args.type, force=args.force)
            elif args.action == "retype":
                message = lib.retype_entity(args.a, args.new_type, type_=args.type)
            elif args.action == "unblock":
                message = lib.unblock_entity(args.a, type_=args.type)
            else:
                message = lib.block_entity(args.a, type_=args.type)
        except AmbiguousName as exc:
            print_candidates(exc.name or args.a, exc.candidates, as_json=args.json)
            return EXIT_FAILED
        except EntityError as exc:
            if args.json:
                data: dict[str, Any] = {"error": str(exc)}
                if isinstance(exc, NameTaken):
                    data["conflicts"] = [
                        {"name": h.name, "type": h.type, "count": h.count} for h in exc.holders
                    ]
                emit_json(data)
            else:
                err.print(Text.assemble(("error: ", "bold red"), _plain(exc)))
            return EXIT_FAILED
    if args.json:
        emit_json({"message": message})
    else:
        out.print(_plain(message))
    return EXIT_OK


def cmd_blocked(args: argparse.Namespace) -> int:
    """`entities blocked`: the names marked "not an entity", with their type, the articles the
    block took them out of and their other names; `{"blocked": [...]}` with `--json`, shaped
    as `dateline entity`'s candidates. None blocked is one line, not an empty table."""
    from .cli_output import candidate_json, emit_json
    from .cli_output import plain as _plain
    from .cli_progress import open_library

    with open_library(args) as lib:
        blocked = lib.blocked_entities()
    if args.json:
        rows = [candidate_json(b.name, b.type, b.count, b.aliases) for b in blocked]
        emit_json({"blocked": rows})
        return EXIT_OK
    if not blocked:
        out.print('No name is marked "not an entity".')
        return EXIT_OK
    table = Table(title=Text('Marked "not an entity" (dateline entities unblock NAME)'))
    for col in ("type", "name", "articles", "also written"):
        table.add_column(col, justify="right" if col == "articles" else "left")
    for b in blocked:
        table.add_row(b.type, _plain(b.name), str(b.count), _plain(", ".join(b.aliases[:4])))
    out.print(table)
    return EXIT_OK


def print_candidates(name: str, candidates: Sequence[EntityCount], *, as_json: bool) -> None:
    """The entities an ambiguous name may mean, with what tells them apart; in JSON indented
    and escaped like every `--json` output, candidates shaped as `dateline entity`'s."""
    from .cli_output import candidate_json, emit_json

    if as_json:
        rows = [candidate_json(c.name, c.type, c.count, c.aliases) for c in candidates]
        emit_json({"error": f'"{name}" is ambiguous', "candidates": rows})
        return
    table = Table(title=Text(f'"{name}" may mean'))
    for col in ("type", "name", "articles", "also written"):
        table.add_column(col, justify="right" if col == "articles" else "left")
    from .cli_output import plain as _plain

    for c in candidates:
        table.add_row(c.type, _plain(c.name), str(c.count), _plain(", ".join(c.aliases[:4])))
    err.print(table)
    if len({c.type for c in candidates}) > 1:
        err.print("Give its type with --type, or use a fuller name.")
    else:
        err.print("Use a fuller name.")
    sys.stderr.flush()
