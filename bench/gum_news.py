"""Convert GUM's Wikinews documents into the compact entity gold `bench/data/gum_news.json`.

GUM (https://github.com/amir-zeldes/gum, annotations CC-BY 4.0, Wikinews texts CC-BY 2.5)
annotates *every* mention of every entity (pronouns, common nouns, names) with one of ten
types and with coreference clusters. Dateline lists named people, places and organisations,
so the conversion keeps only the named mentions of three types. The rule, applied identically
to every document and never looking at what Dateline or spaCy output:

1. types: GUM `person` -> person, `place` -> place, `organization` -> org; every other type
   (event, object, abstract, time, ...) is dropped, even when it is a proper name;
2. a mention is *named* when its syntactic head (the one token of the mention whose head lies
   outside it) is a proper noun (`NNP`/`NNPS`); "the mayor of Paris" is not named (head
   "mayor"), its part "Paris" is;
3. the *name span* of a named mention is the longest run of capitalised tokens around that
   head inside the mention, with lowercase connectors ("of", "for", "and", "de", "the", "&";
   at most two in a row, never "and the") only between capitalised tokens and never in a
   person's name, and numbers only after a capitalised token ("Apollo 11"); honorifics and role
   titles up to the head ("President", "Professor", "Dr.") are cut, as in OntoNotes, which is
   what spaCy's English models are trained on, and so is a place or organisation mention that
   precedes a person's name ("US President Barack Obama" -> "Barack Obama"); a span left with
   only titles ("the President") or one generic capitalised noun ("the Department") is not a
   name;
4. a plural person name that is one word ("Australians", "Democrats") names a group of people,
   not a person: dropped (OntoNotes calls it NORP);
5. annotation is flat: a named span inside another named span ("South Carolina" inside
   "University of South Carolina") is dropped;
6. the headline (GUM's first `head` paragraph) becomes the title; the body is the rest, with
   paragraphs as blank lines and GUM's own spacing (`SpaceAfter=No`);
7. article-level gold: one entry per coreference cluster with at least one named mention in
   the body, its named forms as accepted aliases (longest first).

Run `python -m bench.gum_news [--gum PATH]` where PATH is a clone (or bare mirror) of the GUM
repository; the output is deterministic.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

OUT = Path(__file__).resolve().parent / "data" / "gum_news.json"
DEFAULT_GUM = Path("/work/.mirror/amir-zeldes+gum/repo")

TYPES = {"person": "person", "place": "place", "organization": "org"}
CONNECTORS = frozenset({"of", "for", "and", "de", "the", "&", "-", "du", "la", "von", "van"})
#: Honorifics and role words that OntoNotes leaves outside a name.
TITLES = frozenset(
    [
        "president",
        "vice",
        "prime",
        "minister",
        "senator",
        "sen.",
        "governor",
        "gov.",
        "professor",
        "prof.",
        "dr.",
        "dr",
        "mr.",
        "mr",
        "mrs.",
        "mrs",
        "ms.",
        "ms",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "general",
        "gen.",
        "judge",
        "justice",
        "sir",
        "lord",
        "lady",
        "chancellor",
        "secretary",
        "chief",
        "rep.",
        "representative",
        "reverend",
        "rev.",
        "mayor",
        "premier",
        "chairman",
        "commissioner",
        "ambassador",
        "director",
        "captain",
        "capt.",
        "colonel",
        "col.",
        "sheikh",
        "cardinal",
        "bishop",
        "former",
        "deputy",
        "foreign",
        "defense",
        "defence",
        "interior",
        "state",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "director",
    ]
)
#: Capitalised generic nouns that, alone, stand for a name given earlier ("the Department").
GENERIC = frozenset(
    [
        "department",
        "council",
        "ministry",
        "committee",
        "court",
        "government",
        "party",
        "navy",
        "army",
        "agency",
        "university",
        "company",
        "police",
        "commission",
        "union",
        "league",
        "board",
        "institute",
    ]
)


@dataclass
class Token:
    form: str
    xpos: str
    head: int  # index into the document's token list, -1 for the root
    start: int = 0
    end: int = 0
    space: bool = True  # a space follows in the text
    mwt: str | None = None  # the surface form of the multiword token this is a part of


@dataclass
class EntityMention:
    cluster: str
    etype: str
    tokens: list[int]  # document token indices, contiguous


@dataclass
class Doc:
    name: str
    title: str = ""
    tokens: list[Token] = field(default_factory=list)
    mentions: list[EntityMention] = field(default_factory=list)
    body_from: int = 0  # first token of the body
    paragraph_starts: set[int] = field(default_factory=set)


_ENTITY_RE = re.compile(r"\(([^()\-]+)-([a-z]+)[^()]*\)?|([^()\-]+)\)")


def _git(gum: Path, *args: str) -> str:
    git_dir = gum / ".git" if (gum / ".git").exists() else gum
    return subprocess.run(
        ["git", "--git-dir", str(git_dir), *args], check=True, capture_output=True, text=True
    ).stdout


def _split_names(gum: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    current = None
    for line in _git(gum, "show", "HEAD:splits.md").splitlines():
        if line.startswith("## "):
            current = line[3:].strip()
            out[current] = []
        elif current and line.strip().startswith("* GUM_news_"):
            out[current].append(line.strip()[2:])
    return out


def _misc(field_: str) -> dict[str, str]:
    if field_ == "_":
        return {}
    return dict(p.split("=", 1) for p in field_.split("|") if "=" in p)


def parse(name: str, text: str) -> Doc:
    """One CoNLL-U document with GUM's `Entity=` brackets into tokens and mentions."""
    doc = Doc(name)
    open_: dict[str, list[EntityMention]] = {}
    sentence_base = 0
    in_head = False
    first_sentence = True
    pending_par = False
    mwt_end = 0
    mwt_form = ""
    mwt_space = True
    for line in text.splitlines():
        if line.startswith("# meta::title = "):
            doc.title = line.split("=", 1)[1].strip()
        elif line.startswith("# newpar_block"):
            in_head = line.split("=", 1)[1].strip().startswith("head")
        elif line.startswith("# newpar"):
            pending_par = True
        elif line.startswith("# sent_id"):
            sentence_base = len(doc.tokens)
            mwt_end = 0
            if in_head and first_sentence:
                doc.body_from = -1  # set when the first body sentence starts
            if doc.body_from == -1 and not in_head:
                doc.body_from = sentence_base
            if pending_par:
                doc.paragraph_starts.add(sentence_base)
                pending_par = False
            first_sentence = False
        elif line and line[0].isdigit():
            cols = line.split("\t")
            ids = cols[0]
            if "-" in ids:
                _, b = ids.split("-")
                mwt_end, mwt_form = int(b), cols[1]
                mwt_space = _misc(cols[9]).get("SpaceAfter") != "No"
                continue
            if "." in ids:
                continue
            idx = int(ids)
            head = int(cols[6])
            misc = _misc(cols[9])
            token = Token(cols[1], cols[4], sentence_base + head - 1 if head else -1)
            if idx <= mwt_end:
                token.start = -1 if idx < mwt_end else -2  # inside a multiword token
            token.space = misc.get("SpaceAfter") != "No"
            if idx <= mwt_end:
                token.mwt = mwt_form
                token.space = mwt_space if idx == mwt_end else False
            pos = len(doc.tokens)
            doc.tokens.append(token)
            entity = misc.get("Entity", "")
            for m in _ENTITY_RE.finditer(entity):
                if m.group(1):
                    mention = EntityMention(m.group(1), m.group(2), [pos])
                    if m.group(0).endswith(")"):
                        doc.mentions.append(mention)
                    else:
                        open_.setdefault(m.group(1), []).append(mention)
                else:
                    mention = open_[m.group(3)].pop()
                    mention.tokens = list(range(mention.tokens[0], pos + 1))
                    doc.mentions.append(mention)
    if doc.body_from < 0:
        doc.body_from = 0
    return doc


def _layout(doc: Doc) -> str:
    """The body text with token offsets: GUM's spacing, paragraphs as blank lines.

    The parts of a multiword token ("NASA" + "'s" of "NASA's") get offsets inside its surface.
    """
    out: list[str] = []
    pos = 0
    i = doc.body_from
    toks = doc.tokens
    while i < len(toks):
        if i in doc.paragraph_starts and out:
            out.append("\n\n")
            pos += 2
        t = toks[i]
        mwt = t.mwt
        if mwt is not None and t.start == -1:
            j = i
            parts = []
            while j < len(toks) and toks[j].mwt == mwt and toks[j].start != 0:
                parts.append(j)
                if toks[j].start == -2:
                    break
                j += 1
            cursor = 0
            for k in parts:
                found = mwt.find(toks[k].form, cursor)
                if found < 0:
                    found = cursor
                toks[k].start = pos + found
                toks[k].end = pos + min(len(mwt), found + len(toks[k].form))
                cursor = toks[k].end - pos
            out.append(mwt)
            pos += len(mwt)
            if toks[parts[-1]].space:
                out.append(" ")
                pos += 1
            i = parts[-1] + 1
            continue
        t.start, t.end = pos, pos + len(t.form)
        out.append(t.form)
        pos += len(t.form)
        if t.space:
            out.append(" ")
            pos += 1
        i += 1
    return "".join(out).rstrip()


def _capitalised(t: Token) -> bool:
    return t.form[:1].isupper() or (t.xpos in ("NNP", "NNPS") and t.form[:1].isalpha())


def _glued(toks: list[Token], before: int, dash: int) -> bool:
    """Is `toks[dash]` a hyphen written without spaces ("Cheuk-yan", "Wright-Patterson")?"""
    if before < 0 or dash + 1 >= len(toks) or toks[dash].form not in ("-", "\u2010"):
        return False
    return not toks[before].space and not toks[dash].space


def _connectors(toks: list[Token], inside: set[int], i: int, step: int) -> int:
    """How many connector tokens (at most two: "of the") lead from `i` to a capitalised token
    inside the mention; 0 when none do."""
    n = 0
    words = []
    while i in inside and toks[i].form.casefold() in CONNECTORS and n < 2:
        words.append(toks[i].form.casefold())
        i += step
        n += 1
    if "and" in words and len(words) > 1:  # "X and the Y": two names coordinated
        return 0
    return n + 1 if n and i in inside and _capitalised(toks[i]) else 0


def name_span(doc: Doc, mention: EntityMention) -> tuple[int, int] | None:
    """(first, last) token of the name inside a named mention, None when it is not named."""
    inside = set(mention.tokens)
    heads = [i for i in mention.tokens if doc.tokens[i].head not in inside]
    if len(heads) != 1 or doc.tokens[heads[0]].xpos not in ("NNP", "NNPS"):
        return None
    head = heads[0]
    toks = doc.tokens
    lo = hi = head
    while lo - 1 in inside:
        if _glued(toks, lo - 2, lo - 1) and lo - 2 in inside:
            lo -= 2
            continue
        if _capitalised(toks[lo - 1]):
            lo -= 1
            continue
        gap = _connectors(toks, inside, lo - 1, -1)
        if not gap or mention.etype == "person":
            break
        lo -= gap
    while hi + 1 in inside:
        t = toks[hi + 1]
        if _glued(toks, hi, hi + 1) and hi + 2 in inside:
            hi += 2
            continue
        if _capitalised(t) or (t.form.isdigit() and _capitalised(toks[hi])):
            hi += 1
            continue
        gap = _connectors(toks, inside, hi + 1, 1)
        if not gap or mention.etype == "person":  # "Lee Cheuk-yan of the Labour Party"
            break
        hi += gap
    titles = [i for i in range(lo, head + 1) if toks[i].form.casefold() in TITLES]
    if titles:
        lo = titles[-1] + 1
    if lo > hi:
        return None  # only titles: "the President", "State Department Spokesperson"
    if mention.etype == "person":  # "Ambassador to the United States Hamdullah Mohib"
        for other in doc.mentions:
            o = other.tokens
            if other.cluster != mention.cluster and lo <= o[0] and o[-1] < head:
                lo = max(lo, o[-1] + 1)
    while lo < hi and toks[lo].form.casefold() in CONNECTORS:
        lo += 1
    if lo == hi and toks[lo].form.casefold() in GENERIC:
        return None
    while lo < hi and toks[lo].form.casefold() in CONNECTORS:
        lo += 1
    return lo, hi


def convert(doc: Doc, split: str) -> dict:
    body = _layout(doc)
    named: list[tuple[int, int, str, str]] = []  # (start, end, type, cluster)
    for m in doc.mentions:
        type_ = TYPES.get(m.etype)
        if type_ is None or m.tokens[0] < doc.body_from:
            continue
        span = name_span(doc, m)
        if span is None:
            continue
        lo, hi = span
        if type_ == "person" and lo == hi and doc.tokens[lo].xpos == "NNPS":
            continue
        named.append((doc.tokens[lo].start, doc.tokens[hi].end, type_, m.cluster))
    named = sorted(set(named))
    flat = [n for n in named if not any(o != n and o[0] <= n[0] and n[1] <= o[1] for o in named)]
    clusters: dict[str, dict] = {}
    for start, end, type_, cluster in flat:
        entry = clusters.setdefault(cluster, {"type": type_, "forms": {}})
        text = body[start:end]
        entry["forms"][text] = entry["forms"].get(text, 0) + 1
    people: list[list[str]] = []
    places: list[list[str]] = []
    orgs: list[list[str]] = []
    for entry in clusters.values():
        forms = sorted(entry["forms"], key=lambda f: (-len(f.split()), -entry["forms"][f], f))
        {"person": people, "place": places, "org": orgs}[entry["type"]].append(forms)
    return {
        "doc": doc.name,
        "split": split,
        "title": doc.title,
        "body": body,
        "mentions": [[s, e, t] for s, e, t, _ in flat],
        "people": people,
        "places": places,
        "orgs": orgs,
    }


def documents(gum: Path) -> Iterator[tuple[str, str, str]]:
    splits = _split_names(gum)
    news = sorted(
        Path(p).stem
        for p in _git(gum, "ls-tree", "--name-only", "HEAD", "dep/").split()
        if Path(p).name.startswith("GUM_news_")
    )
    held = {n: s for s in ("dev", "test") for n in splits.get(s, [])}
    for name in news:
        yield name, held.get(name, "train"), _git(gum, "show", f"HEAD:dep/{name}.conllu")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.gum_news", description=__doc__)
    parser.add_argument("--gum", type=Path, default=DEFAULT_GUM, help="GUM git repository")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    commit = _git(args.gum, "rev-parse", "HEAD").strip()
    docs = [convert(parse(name, text), split) for name, split, text in documents(args.gum)]
    data = {
        "source": "GUM corpus, https://github.com/amir-zeldes/gum",
        "commit": commit,
        "licence": "texts: Wikinews, CC-BY 2.5; annotations: CC-BY 4.0 (see LICENSE-GUM.txt)",
        "converter": "bench/gum_news.py",
        "articles": docs,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    counts = {s: sum(d["split"] == s for d in docs) for s in ("train", "dev", "test")}
    print(f"{len(docs)} news documents ({counts}) -> {args.out}")


if __name__ == "__main__":
    main()
