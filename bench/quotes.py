"""Quote attribution quality: `python -m bench.quotes`.

Adds the invented gold articles of `tests/quote_gold.py` (and the held-out set in
`tests/quote_gold_heldout.py`, written after the rules were frozen) to a fresh library through
the real pipeline (NER, registry, ingestion hook), reads every entity page's quotes through
`Library.entity_page`, and compares them with the gold (speaker, quote) pairs: a quote is
right when its speaker is the gold entity and its text holds the gold words.

No openly licensed quotation-attribution corpus with speaker spans is bundled (PARC 3.0 is not
open; the others found are research-only or need a licence), so only Dateline's own fixtures
are scored.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from index import Library
from index.entities.keys import entity_key, fold
from index.pages import AmbiguousEntity

from .common import print_table

ROOT = Path(__file__).resolve().parent.parent


def gold_sets() -> dict[str, list[dict]]:
    sys.path.insert(0, str(ROOT / "tests"))
    import quote_gold
    import quote_gold_heldout

    return {"dev": quote_gold.ARTICLES, "held-out": quote_gold_heldout.ARTICLES}


def predicted(lib: Library) -> list[tuple[str, str, str, str]]:
    """(speaker, article id, quote text, kind) for every quote on every entity page."""
    out = []
    for ec in lib.entities():
        try:
            page = lib.entity_page(ec.name, ec.type)
        except AmbiguousEntity:
            continue
        out += [(page.name, q.article_id, q.text, q.kind) for q in page.quotes]
    return out


def score(articles: list[dict]) -> dict[str, float | int]:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "gold.jsonl"
        src.write_text(
            "\n".join(json.dumps({k: v for k, v in a.items() if k != "gold"}) for a in articles)
        )
        with Library.open(Path(tmp) / "lib") as lib:
            lib.add([str(src)])
            ids = {a.title: a.id for a in lib.articles()}
            preds = predicted(lib)
    gold = [(entity_key(who), ids[a["title"]], fold(words)) for a in articles for who, words in a["gold"]]  # fmt: skip
    used: set[int] = set()
    right = {"direct": 0, "reported": 0}
    total = {"direct": 0, "reported": 0}
    for speaker, aid, text, kind in preds:
        total[kind] += 1
        for i, (g_who, g_aid, g_words) in enumerate(gold):
            if i not in used and g_aid == aid and g_who == entity_key(speaker) and g_words in fold(text):  # fmt: skip
                used.add(i)
                right[kind] += 1
                break
    found = sum(total.values())
    return {
        "gold": len(gold),
        "predicted": found,
        "correct": len(used),
        "precision": len(used) / found if found else 0.0,
        "recall": len(used) / len(gold) if gold else 0.0,
        "direct precision": right["direct"] / total["direct"] if total["direct"] else 0.0,
        "reported precision": right["reported"] / total["reported"] if total["reported"] else 0.0,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.parse_args(argv)
    rows = []
    for name, articles in gold_sets().items():
        s = score(articles)
        rows.append(
            [
                f"{name} ({len(articles)})",
                str(s["gold"]),
                str(s["predicted"]),
                str(s["correct"]),
                f"{s['precision']:.2f}",
                f"{s['recall']:.2f}",
                f"{s['direct precision']:.2f}",
                f"{s['reported precision']:.2f}",
            ]
        )
    print_table(
        "Quote attribution (invented fixtures, full pipeline: NER + registry + rules)",
        ("set (articles)", "gold", "found", "right", "P", "R", "P direct", "P reported"),
        rows,
    )


if __name__ == "__main__":
    main()
