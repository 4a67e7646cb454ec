"""CoNLL-style entity gold from news nobody tuned for: Universal NER's English PUD.

UNER (https://www.universalner.org, Mayhew et al., NAACL 2024) annotates the English part of
the Parallel Universal Dependencies treebank (1,000 sentences, CC BY-SA 3.0) with CoNLL-style
PER / LOC / ORG spans. Its sentences come in short excerpts of real news (`n…` documents) and
Wikipedia (`w…`). This is the closest openly licensed stand-in for CoNLL-2003 there is: the
same three types, flat spans, a country or city always LOC, cut from wire-style news.

`python -m bench.uner_pud convert [--uner PATH]` writes `bench/data/uner_pud.json` (same shape
as `gum_news.json`, so `bench.entities_gum`'s scoring reads it); `python -m bench.uner_pud`
scores it. The conversion, identical for every document and blind to Dateline and spaCy:

1. a document's body is its sentences' `# text` lines joined by one space (they are
   consecutive sentences of one article); it has no title;
2. each token is found in the text in order, so every BIO span gets exact character offsets;
3. PER -> person, LOC -> place, ORG -> org;
4. splits: the news documents alternate "dev" (looked at while developing) and "test" (not
   looked at) in file order; the Wikipedia documents are "wiki", scored apart.

Article-level lists group a document's mentions by their exact text (UNER has no coreference),
so only the mention-level table is printed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

OUT = Path(__file__).resolve().parent / "data" / "uner_pud.json"
DEFAULT_UNER = Path("/work/.mirror/UniversalNER+UNER_English-PUD/repo")
FILE = "en_pud-ud-test.iob2"
TYPES = {"PER": "person", "LOC": "place", "ORG": "org"}
PARTS = ("dev", "test", "wiki")


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", f"--git-dir={repo}", *args]
        if repo.name == "repo"
        else ["git", "-C", str(repo), *args],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def _sentences(iob: str) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(doc id, text, [(token, tag)]) per sentence; the doc id carries over until the next."""
    out: list[tuple[str, str, list[tuple[str, str]]]] = []
    doc, text, toks = "", "", []
    for line in [*iob.splitlines(), ""]:
        if line.startswith("# newdoc id ="):
            doc = line.split("=", 1)[1].strip()
        elif line.startswith("# text ="):
            text = line.split("=", 1)[1].strip()
        elif line.startswith("#"):
            continue
        elif line.strip():
            cols = line.split("\t")
            toks.append((cols[1], cols[2]))
        elif toks:
            out.append((doc, text, toks))
            text, toks = "", []
    return out


def _spans(text: str, toks: list[tuple[str, str]], base: int) -> list[list]:
    spans: list[list] = []
    pos = 0
    open_: list | None = None
    for tok, tag in toks:
        at = text.find(tok, pos)
        if at < 0:
            raise ValueError(f"token {tok!r} not found in {text!r}")
        pos = at + len(tok)
        kind = tag[2:] if tag[:2] in ("B-", "I-") else ""
        if tag.startswith("I-") and open_ is not None and open_[2] == TYPES.get(kind):
            open_[1] = base + pos
            continue
        open_ = None
        if kind in TYPES:
            open_ = [base + at, base + pos, TYPES[kind]]
            spans.append(open_)
    return spans


def convert(iob: str) -> list[dict]:
    docs: dict[str, dict] = {}
    for doc, text, toks in _sentences(iob):
        d = docs.setdefault(doc, {"doc": doc, "title": "", "body": "", "mentions": []})
        if d["body"]:
            d["body"] += " "
        d["mentions"].extend(_spans(text, toks, len(d["body"])))
        d["body"] += text
    news = 0
    for d in docs.values():
        if d["doc"].startswith("n"):
            d["split"] = "dev" if news % 2 == 0 else "test"
            news += 1
        else:
            d["split"] = "wiki"
        lists: dict[str, dict[str, None]] = {"person": {}, "place": {}, "org": {}}
        for s, e, t in d["mentions"]:
            lists[t][d["body"][s:e]] = None
        d["people"], d["places"], d["orgs"] = (
            [[n] for n in lists[t]] for t in ("person", "place", "org")
        )
    return list(docs.values())


def write(uner: Path) -> None:
    commit = _git(uner, "rev-parse", "HEAD").strip()
    docs = convert(_git(uner, "show", f"HEAD:{FILE}"))
    data = {
        "source": "https://github.com/UniversalNER/UNER_English-PUD",
        "commit": commit,
        "licence": "CC BY-SA 3.0 (UD English PUD and UNER annotations); see bench/data/README.md",
        "converter": "bench/uner_pud.py",
        "articles": docs,
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    counts = {p: sum(d["split"] == p for d in docs) for p in PARTS}
    print(f"wrote {OUT} ({counts}, {sum(len(d['mentions']) for d in docs)} mentions)")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.uner_pud", description=__doc__)
    parser.add_argument("command", nargs="?", choices=["score", "convert"], default="score")
    parser.add_argument("--uner", type=Path, default=DEFAULT_UNER, help="UNER English PUD clone")
    parser.add_argument("--part", choices=[*PARTS, "all"], default="all")
    parser.add_argument("--errors", action="store_true", help="list the layer's FPs and FNs")
    parser.add_argument("--kinds", action="count", default=0, help="count errors by kind")
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.command == "convert":
        write(args.uner)
        return
    from bench import entities_gum

    parts = PARTS if args.part == "all" else (args.part,)
    entities_gum.score_set(OUT, "UNER English PUD", parts, errors=args.errors, kinds=args.kinds)


if __name__ == "__main__":
    main()
