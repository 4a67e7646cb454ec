"""Entity quality on public annotated news nobody tuned for: GUM's Wikinews documents.

`python -m bench.entities_gum` (also run by `python -m bench.entities`) prints, for the gold
in `bench/data/gum_news.json` (made by `bench/gum_news.py`, see its docstring for the rule that
keeps GUM's *named* person / place / organisation mentions):

* mention level, exact spans, per type: Dateline's `extract` (the layer) against the raw spaCy
  model it corrects;
* article level, per type and micro: the entity lists as `dateline articles` shows them (after
  the cross-article registry) against raw spaCy's distinct (label, text) pairs;
* the layer's share of NER time on these documents;
* for every installed spaCy English pipeline: words/s and mention-level F1, raw and with the
  layer on top.

Two parts of the data are scored apart: "dev" (GUM's train and dev news documents, which were
looked at while developing the layer) and "test" (GUM's test news documents, which were not).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from index.entities import LocalEntity, ner
from index.entities.resolve import resolve
from index.model import ENTITY_TYPES

DATA = Path(__file__).resolve().parent / "data" / "gum_news.json"
RAW_TYPES = {"PERSON": "person", "GPE": "place", "LOC": "place", "ORG": "org"}
PARTS = {"dev": ("train", "dev"), "test": ("test",)}

Span = tuple[int, int, str]


def load(part: str, path: Path = DATA) -> list[dict]:
    splits = PARTS.get(part, (part,))
    data = json.loads(path.read_text(encoding="utf-8"))
    return [a for a in data["articles"] if a["split"] in splits]


def no_the(body: str, spans: Iterable[Span]) -> set[Span]:
    """Spans with a leading "the" left out. Corpora disagree on it: OntoNotes, which spaCy's
    English models learn from, puts it inside many names ("the United States", "the Red
    Cross"), GUM and UNER never do, and Dateline keeps it where the model put it. Both
    systems and the gold are scored without it, so the tables measure names, not the
    determiner convention."""
    return {(s + 4 if body[s : s + 4] in ("the ", "The ") else s, e, t) for s, e, t in spans}


def gold_spans(article: dict) -> set[Span]:
    return no_the(article["body"], ((s, e, t) for s, e, t in article["mentions"]))


def raw_spans(raw: Iterable[ner.RawEntity], body: str) -> set[Span]:
    return no_the(body, ((s, e, RAW_TYPES[label]) for s, e, label in raw if label in RAW_TYPES))


def layer_spans(entities: Sequence[LocalEntity], body: str) -> set[Span]:
    return no_the(body, ((s, e, ent.type) for ent in entities for s, e in ent.mentions))


def score_mentions(gold: set[Span], found: set[Span], totals: dict[str, Counter]) -> None:
    for type_ in ENTITY_TYPES:
        g = {x for x in gold if x[2] == type_}
        f = {x for x in found if x[2] == type_}
        totals[type_]["tp"] += len(g & f)
        totals[type_]["fp"] += len(f - g)
        totals[type_]["fn"] += len(g - f)


def prf(c: Counter) -> tuple[float, float, float]:
    tp, fp, fn = c["tp"], c["fp"], c["fn"]
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def micro(totals: dict[str, Counter]) -> Counter:
    out: Counter = Counter()
    for t in ENTITY_TYPES:
        out.update({k: v for k, v in totals[t].items() if k in ("tp", "fp", "fn")})
    return out


def tag(articles: Sequence[dict], model: str | None = None) -> tuple[list, list, float]:
    """Raw spans of bodies and titles, and the NER seconds."""
    bodies = [a["body"] for a in articles]
    titles = [a["title"] for a in articles]
    ner.load(model)
    t = time.perf_counter()
    tagged = list(ner.pipe([*bodies, *titles], model=model))
    return tagged[: len(articles)], tagged[len(articles) :], time.perf_counter() - t


def mention_level(
    articles: Sequence[dict], body_raw: Sequence, title_raw: Sequence
) -> tuple[dict[str, dict[str, Counter]], float]:
    """Counts per system and type, and the layer's seconds."""
    totals = {s: {t: Counter() for t in ENTITY_TYPES} for s in ("raw", "layer")}
    layer_time = 0.0
    for a, braw, traw in zip(articles, body_raw, title_raw, strict=True):
        gold = gold_spans(a)
        t0 = time.perf_counter()
        mine = resolve(a["body"], braw, a["title"], traw)
        layer_time += time.perf_counter() - t0
        score_mentions(gold, raw_spans(braw, a["body"]), totals["raw"])
        score_mentions(gold, layer_spans(mine, a["body"]), totals["layer"])
    return totals, layer_time


def article_level(articles: Sequence[dict]) -> dict[str, dict[str, Counter]]:
    from bench.entities import GoldArticle, GoldSet, evaluate

    gold_set = GoldSet("gum")
    for a in articles:
        gold = {"people": a["people"], "places": a["places"], "orgs": a["orgs"]}
        gold_set.articles.append(GoldArticle(a["title"], a["body"], gold))
    return evaluate(gold_set)


def _table(title: str, headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    from bench.common import print_table

    print_table(title, headers, rows)


def _row(label: str, c: Counter) -> list[str]:
    p, r, f = prf(c)
    return [label, str(c["tp"]), str(c["fp"]), str(c["fn"]), f"{p:.3f}", f"{r:.3f}", f"{f:.3f}"]


HEAD = ("type · system", "tp", "fp", "fn", "P", "R", "F1")


def report(
    part: str,
    *,
    errors: bool = False,
    kinds: int = 0,
    data: Path = DATA,
    name: str = "GUM news",
    articles_level: bool = True,
) -> None:
    articles = load(part, data)
    if not articles:
        return
    words = sum(len(a["body"].split()) for a in articles)
    body_raw, title_raw, ner_time = tag(articles)
    ner_cpu = time.process_time()
    tag(articles)
    ner_cpu = time.process_time() - ner_cpu
    totals, layer_time = mention_level(articles, body_raw, title_raw)
    layer_cpu = time.process_time()
    mention_level(articles, body_raw, title_raw)
    layer_cpu = time.process_time() - layer_cpu
    _table(
        f"{name} {part}: mention level, exact spans but 'the' ({len(articles)} docs, {words} words)",
        HEAD,
        _rows(("raw spaCy", totals["raw"]), ("Dateline layer", totals["layer"])),
    )
    if articles_level:
        _print_article_level(f"{name} {part}", articles)
    print(
        f"  layer = {layer_time / ner_time:.1%} of NER wall time on these documents "
        f"(NER {ner_time:.2f}s, layer {layer_time:.2f}s), {layer_cpu / ner_cpu:.1%} of its "
        f"CPU time (NER {ner_cpu:.2f}s, layer {layer_cpu:.2f}s); one run each, shared machine"
    )
    if errors:
        _print_errors(articles, body_raw, title_raw)
    if kinds:
        _print_kinds(f"{name} {part}", articles, body_raw, title_raw, verbose=kinds > 1)


def _rows(*systems: tuple[str, dict[str, Counter]]) -> list[list[str]]:
    """Per type, then micro: one row per system."""
    rows = [_row(f"{t} · {label}", totals[t]) for t in ENTITY_TYPES for label, totals in systems]
    return rows + [_row(f"micro · {label}", micro(totals)) for label, totals in systems]


def _print_article_level(title: str, articles: Sequence[dict]) -> None:
    arts = article_level(articles)
    rows = _rows(
        ("raw spaCy", arts["raw spaCy"]), ("Dateline, as listed", arts["Dateline, as listed"])
    )
    _table(f"{title}: article level (entity lists after the registry)", HEAD, rows)


def score_set(
    data: Path, name: str, parts: Sequence[str], *, errors: bool = False, kinds: int = 0
) -> None:
    """Mention-level tables for another converted set (`bench.uner_pud`, `bench.wikigold`)."""
    if not data.is_file():
        print(f"{data} not found: run its converter (see bench/data/README.md)")
        return
    from index.entities import gazetteer

    ner.load()
    gazetteer.warm()
    for part in parts:
        report(part, errors=errors, kinds=kinds, data=data, name=name, articles_level=False)


def _print_errors(articles: Sequence[dict], body_raw: Sequence, title_raw: Sequence) -> None:
    for a, braw, traw in zip(articles, body_raw, title_raw, strict=True):
        body = a["body"]
        gold = gold_spans(a)
        mine = layer_spans(resolve(body, braw, a["title"], traw), body)
        raw = raw_spans(braw, body)
        for s, e, t in sorted(mine - gold):
            mark = "" if (s, e, t) in raw else " (layer)"
            print(f"  FP {a['doc'].removeprefix('GUM_news_'):14} {t:6} {body[s:e]!r}{mark}")
        for s, e, t in sorted(gold - mine):
            mark = " (raw had it)" if (s, e, t) in raw else ""
            print(f"  FN {a['doc'].removeprefix('GUM_news_'):14} {t:6} {body[s:e]!r}{mark}")


def _print_kinds(
    part: str, articles: Sequence[dict], body_raw: Sequence, title_raw: Sequence, *, verbose: bool
) -> None:
    from bench import entities_kinds as k

    raw_k, layer_k = k.new_counts(), k.new_counts()
    for a, braw, traw in zip(articles, body_raw, title_raw, strict=True):
        gold = gold_spans(a)
        mine = resolve(a["body"], braw, a["title"], traw)
        k.span_kinds(gold, raw_spans(braw, a["body"]), a["body"], raw_k)
        k.span_kinds(gold, layer_spans(mine, a["body"]), a["body"], layer_k)
        k.cluster_kinds(a, mine, layer_k)
    _table(
        f"{part}: mention-level errors by kind (see bench/entities_kinds.py)",
        ("kind", "raw spaCy", "Dateline layer"),
        k.rows(raw_k, layer_k),
    )
    if verbose:
        k.examples(layer_k)


def models(part: str = "dev") -> None:
    """Words/s and mention-level micro F1 of every installed English pipeline."""
    articles = load(part)
    words = sum(len(a["body"].split()) + len(a["title"].split()) for a in articles)
    rows = []
    for name in ner.installed_models():
        try:
            rates = []
            for _ in range(3):
                body_raw, title_raw, secs = tag(articles, name)
                rates.append(words / secs)
        except Exception as exc:  # a broken optional model must not hide the others
            rows.append([name.removeprefix("en_core_web_"), "error", str(exc)[:40], "", ""])
            continue
        totals, _ = mention_level(articles, body_raw, title_raw)
        per_type = " ".join(f"{prf(totals['layer'][t])[2]:.2f}" for t in ENTITY_TYPES)
        rows.append(
            [
                name.removeprefix("en_core_web_"),
                f"{statistics.median(rates):,.0f}",
                f"{prf(micro(totals['raw']))[2]:.3f}",
                f"{prf(micro(totals['layer']))[2]:.3f}",
                per_type,
            ]
        )
    _table(
        f"spaCy English pipelines on GUM news {part} (median of 3 runs)",
        ("en_core_web_*", "words/s", "raw micro F1", "layer micro F1", "layer F1 per/pla/org"),
        rows,
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.entities_gum", description=__doc__)
    parser.add_argument("--errors", action="store_true", help="list the layer's FPs and FNs")
    parser.add_argument(
        "--kinds",
        action="count",
        default=0,
        help="count errors by kind (twice: with the most frequent names of each kind)",
    )
    parser.add_argument("--no-models", action="store_true", help="skip the per-model table")
    parser.add_argument("--part", choices=[*PARTS, "all"], default="all")
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    if not DATA.is_file():
        print(f"{DATA} not found: run python -m bench.gum_news")
        return
    from index.entities import gazetteer

    ner.load()
    gazetteer.warm()  # one-time loads are not layer time
    for part in PARTS if args.part == "all" else (args.part,):
        report(part, errors=args.errors, kinds=args.kinds)
    if not args.no_models:
        models()


if __name__ == "__main__":
    main()
