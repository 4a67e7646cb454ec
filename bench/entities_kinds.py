"""Error kinds of the entity layer on GUM news: what kind of mistake, how often, which names.

`python -m bench.entities_gum --kinds` (with `--part dev|test`) prints, for raw spaCy and for
the layer, how many of their mention-level errors are of each kind, so work goes to the most
frequent *generalisable* cause rather than to single names:

* wrong type: the exact gold span, another type;
* boundary: a span that overlaps a gold mention without being it (a title left on, a name cut
  short, two names glued together);
* missed: a gold mention no found span even overlaps;
* not an entity: a found span that overlaps no gold mention;
* alias not merged: one gold entity (a GUM coreference cluster, as grouped in the data's
  entity lists) whose exactly found mentions went to two or more of the layer's entities;
* wrong merge: one layer entity whose exactly found mentions belong to two or more gold
  entities.

The last two exist for the layer only (raw spaCy has no entities, only spans). `--kinds -v`
also prints the most frequent names of each kind.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from index.entities import LocalEntity
from index.entities.keys import entity_key

Span = tuple[int, int, str]
KINDS = (
    "wrong type",
    "boundary",
    "missed",
    "not an entity",
    "alias not merged",
    "wrong merge",
)


def _overlap(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def span_kinds(gold: set[Span], found: set[Span], body: str, out: dict[str, Counter]) -> None:
    """Count the span-level error kinds of `found` against `gold` into `out[kind][text]`."""
    exact = {(s, e): t for s, e, t in found}
    gold_at = {(s, e): t for s, e, t in gold}
    for s, e, t in sorted(gold):
        got = exact.get((s, e))
        if got == t:
            continue
        if got is not None:
            out["wrong type"][f"{body[s:e]} ({t}→{got})"] += 1
        elif any(_overlap((s, e, t), f) for f in found):
            out["boundary"][body[s:e]] += 1
        else:
            out["missed"][f"{body[s:e]} ({t})"] += 1
    for s, e, t in sorted(found):
        if (s, e) in gold_at:
            continue
        if not any(_overlap((s, e, t), g) for g in gold):
            out["not an entity"][f"{body[s:e]} ({t})"] += 1


def cluster_kinds(article: dict, entities: Sequence[LocalEntity], out: dict[str, Counter]) -> None:
    """Alias-not-merged and wrong-merge counts of the layer's entities in one article.

    A gold mention belongs to the gold entity (entity list entry) one of whose names has its
    key; mentions no entry names are left out.
    """
    body = article["body"]
    entry_of: dict[tuple[str, str], int] = {}
    entries = [
        (t, names)
        for t, plural in (("person", "people"), ("place", "places"), ("org", "orgs"))
        for names in article[plural]
    ]
    for i, (t, names) in enumerate(entries):
        for n in names:
            entry_of.setdefault((t, entity_key(n)), i)
    cluster: dict[tuple[int, int], int] = {}
    for s, e, t in article["mentions"]:
        i = entry_of.get((t, entity_key(body[s:e])))
        if i is not None:
            cluster[(s, e)] = i
    owners: dict[int, set[int]] = {}
    for j, ent in enumerate(entities):
        held = {cluster[m] for m in ent.mentions if m in cluster}
        for i in held:
            owners.setdefault(i, set()).add(j)
        if len(held) > 1:
            out["wrong merge"][f"{ent.name} ({ent.type})"] += 1
    for js in owners.values():
        if len(js) > 1:
            out["alias not merged"][" / ".join(sorted(entities[j].name for j in js))] += 1


def new_counts() -> dict[str, Counter]:
    return {k: Counter() for k in KINDS}


def rows(raw: dict[str, Counter], layer: dict[str, Counter]) -> list[list[str]]:
    out = []
    for k in KINDS:
        r = "" if k in ("alias not merged", "wrong merge") else str(sum(raw[k].values()))
        out.append([k, r, str(sum(layer[k].values()))])
    out.append(
        [
            "all",
            str(sum(sum(c.values()) for c in raw.values())),
            str(sum(sum(c.values()) for c in layer.values())),
        ]
    )
    return out


def examples(layer: dict[str, Counter], n: int = 12) -> None:
    for k in KINDS:
        common = ", ".join(f"{name} ×{c}" for name, c in layer[k].most_common(n))
        print(f"  {k}: {common}")
