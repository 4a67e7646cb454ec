"""From parsed articles to stored, resolved, story-grouped and indexed ones.

Identity decides what an article *is*: its canonical URL when it has one, otherwise a hash of its
normalised title and body. Against what the library holds, each incoming article is then
`added`, `updated` (same id, new content), `unchanged` or a `duplicate` (same content under another
id, stored once). Only added and updated articles pay for NER.

Entities are extracted for the whole group before anything is written, so a group that fails
leaves no trace and can be retried input by input. SQLite is then written in one transaction with
every new or changed article marked `indexed = 0`; the Whoosh index follows and the mark is cleared
after its commit. A crash or an index error in between leaves the marks, and the next add or open
indexes whatever is still marked (`catch_up`): the index can lag, never disagree for long.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from . import pages
from .entities import LocalEntity
from .entities.keys import fold
from .entities.registry import Registry
from .feedlinks import Carried, carried_elsewhere, link, merge_tags
from .model import Progress, RawArticle
from .searchindex import IndexDoc, SearchIndex
from .store import now, pack_body, transaction
from .stories import StoryIndex

if TYPE_CHECKING:
    from .nerpool import Share

#: NER runs over this many articles at a time: big enough for nlp.pipe to batch well, small
#: enough that progress moves and memory stays flat on a 20k-article import.
CHUNK = 64

INDEX_BATCH = 2000

_TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ref", "cmpid", "ocid")


def canonical_url(url: str) -> str:
    """The URL an article is known by: no fragment, no tracking parameters, lower-case host."""
    parts = urlsplit(url.strip())
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.startswith(_TRACKING)
    ]
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), path, urlencode(sorted(query)), "")
    )


def content_hash(title: str, body: str) -> str:
    return hashlib.sha1(f"{fold(title)}\n{fold(body)}".encode()).hexdigest()


def article_id(raw: RawArticle) -> str:
    """Stable ids: 'u' + URL hash when the article has a URL, 'h' + content hash otherwise."""
    if raw.url and raw.url.startswith(("http://", "https://")):
        return "u" + hashlib.sha1(canonical_url(raw.url).encode()).hexdigest()[:15]
    return "h" + content_hash(raw.title, raw.body)[:15]


@dataclass
class Counts:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Pending:
    raw: RawArticle
    id: str
    hash: str
    updated: bool
    slot: int


def classify(
    conn: sqlite3.Connection, batches: Sequence[Sequence[RawArticle]]
) -> tuple[list[Counts], list[_Pending], list[Carried]]:
    """Sort every incoming article into added/updated/unchanged/duplicate, per input slot.

    Also returns every copy of an article that is stored already, or pending from this batch
    (unchanged, duplicate), as `Carried`: its input carries the article too, whichever input
    came first (`index.feedlinks`).
    """
    counts = [Counts() for _ in batches]
    pending: list[_Pending] = []
    carried: list[Carried] = []
    seen_ids: set[str] = set()
    seen_hashes: dict[str, str] = {}  # content hash -> the id it is stored (or pending) under
    for slot, articles in enumerate(batches):
        for raw in articles:
            aid = article_id(raw)
            chash = content_hash(raw.title, raw.body)
            if aid in seen_ids or chash in seen_hashes:
                counts[slot].duplicates += 1
                target = aid if aid in seen_ids else seen_hashes[chash]
                carried.append(Carried(target, raw.origin, raw.tags))
                continue
            seen_ids.add(aid)
            seen_hashes[chash] = aid
            row = conn.execute(
                "SELECT content_hash, title, origin FROM articles WHERE id = ?", (aid,)
            ).fetchone()
            if row is not None and (row[0] == chash or _kept_summary(conn, aid, row[1], chash)):
                counts[slot].unchanged += 1
                if row[2] != raw.origin:  # from its own origin: nothing to link (the usual)
                    carried.append(Carried(aid, raw.origin, raw.tags))
                continue
            dup = conn.execute(
                "SELECT id FROM articles WHERE content_hash = ? AND id != ? LIMIT 1", (chash, aid)
            ).fetchone()
            if dup is not None:  # the same text under another id (also after an edit): stored once
                counts[slot].duplicates += 1
                carried.append(Carried(str(dup[0]), raw.origin, raw.tags))
                continue
            pending.append(_Pending(raw, aid, chash, row is not None, slot))
    return counts, pending, carried


def _kept_summary(conn: sqlite3.Connection, aid: str, title: str, chash: str) -> bool:
    """Whether the incoming copy is the feed's summary kept when the article's full text was
    fetched (index.fulltext): the entry did not change, though the stored body (the full
    text) differs from it."""
    from .fulltext import summary_of

    summary = summary_of(conn, aid)
    return summary is not None and content_hash(title, summary) == chash


def entities_for(
    chunk: Sequence[_Pending],
    counts: list[Counts],
    ready: dict[str, list[LocalEntity]] | None = None,
) -> list[list[LocalEntity]]:
    """NER for a chunk; an article whose extraction fails is kept, without entities, and said.

    Losing one article's entities beats losing the article, or its whole input. `ready` holds
    entities a second process already extracted (`index.nerpool`), by text key: only the
    others are extracted here.
    """
    from .entities import extract

    keys: list[str | None] = [None] * len(chunk)
    if ready:
        from .nerpool import text_key

        keys = [text_key(p.raw.title, p.raw.body) for p in chunk]
    todo = [p for p, k in zip(chunk, keys, strict=True) if not (ready and k in ready)]
    done: list[list[LocalEntity]] = []
    if todo:
        try:
            done = extract([(p.raw.title, p.raw.body) for p in todo])
        except Exception:
            done = []
            for p in todo:
                try:
                    done += extract([(p.raw.title, p.raw.body)])
                except Exception as exc:
                    counts[p.slot].warnings.append(
                        f"entities could not be extracted from {p.raw.title[:60]!r}: {exc}"
                    )
                    done.append([])
    extracted = iter(done)
    return [ready[k] if ready and k is not None and k in ready else next(extracted) for k in keys]


def store(
    conn: sqlite3.Connection,
    registry: Registry,
    stories: StoryIndex,
    pending: Sequence[_Pending],
    found: Sequence[Sequence[LocalEntity]],
    counts: list[Counts],
    carried: Sequence[Carried] = (),
) -> None:
    """Rows, entities and stories for every pending article, and the further feeds of the
    articles `carried`, in one transaction."""
    stamp = now()
    with transaction(conn):
        for p, local in zip(pending, found, strict=True):
            raw = p.raw
            published = raw.published.isoformat() if raw.published else None
            first_seen = stamp
            if p.updated:
                row = conn.execute(
                    "SELECT added, origin, source, tags FROM articles WHERE id = ?", (p.id,)
                ).fetchone()
                first_seen = row[0] if row else stamp
            story = stories.assign(
                p.id, raw.title, raw.body, raw.published, datetime.fromisoformat(first_seen)
            )
            source = raw.source
            if p.updated:
                origin, source, tags = _kept_origin(conn, p, row)
                conn.execute(
                    "UPDATE articles SET title=?, body=?, url=?, published=?, source=?, author=?,"
                    " origin=?, tags=?, content_hash=?, story=?, updated=?, indexed=0 WHERE id=?",
                    (
                        raw.title, pack_body(raw.body), raw.url, published, source,
                        raw.author, origin, json.dumps(tags), p.hash, story, stamp,
                        p.id,
                    ),
                )  # fmt: skip
                counts[p.slot].updated += 1
            else:
                conn.execute(
                    "INSERT INTO articles (id, title, body, url, published, source, author, origin,"
                    " tags, content_hash, story, added, updated) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        p.id, raw.title, pack_body(raw.body), raw.url, published, raw.source,
                        raw.author, raw.origin, json.dumps(list(raw.tags)), p.hash, story, stamp,
                        stamp,
                    ),
                )  # fmt: skip
                counts[p.slot].added += 1
            mentions = registry.assign(p.id, local, raw.body)
            pages.record(conn, p.id, raw.body, mentions, source, raw.published)
        link(conn, carried)
        # Earlier articles whose entity names this batch improved or merged need nothing: the
        # index holds form ids, and names are read from the registry at query time.
        registry.forget_changes()


def _kept_origin(
    conn: sqlite3.Connection, p: _Pending, row: Sequence[object] | None
) -> tuple[str, str | None, list[str]]:
    """(origin, source, tags) of an article updated by `p.raw`. From its own origin, and
    carried by no other feed: what the update says, as ever. Otherwise the article keeps its
    first source (its origin, and the name that feed gives it), the updating feed is linked
    to it, and its tags are all it had plus the update's, so no feed that carried it loses
    it."""
    raw = p.raw
    if row is None:
        return raw.origin, raw.source, list(raw.tags)
    origin, have = str(row[1] or ""), json.loads(str(row[3] or "[]"))
    source = None if row[2] is None else str(row[2])
    if origin == raw.origin and not carried_elsewhere(conn, p.id):
        return raw.origin, raw.source, list(raw.tags)
    link(conn, [Carried(p.id, raw.origin, ())])
    if origin == raw.origin:  # its own feed's update: that feed names it (a rename included)
        source = raw.source
    return origin, source, merge_tags(have, raw.tags) or list(have)


def mark_unindexed(conn: sqlite3.Connection, ids: Iterable[str]) -> None:
    conn.executemany("UPDATE articles SET indexed = 0 WHERE id = ?", [(i,) for i in ids])


def index_docs(conn: sqlite3.Connection, registry: Registry, ids: Sequence[str]) -> list[IndexDoc]:
    """What Whoosh holds for these articles, read back from SQLite (the source of truth).

    Two queries per batch whatever the library's size: the rows, and the entity forms each
    article links to (no names, no counts: see `index.searchschema`). This is what keeps a full
    reindex linear.
    """
    from .store import body_text, rows_by_id

    rows = rows_by_id(conn, ids, "id, title, body, published, source, url, story, added")
    forms = registry.index_forms(list(rows))
    docs = []
    for aid in ids:
        row = rows.get(aid)
        if row is None:
            continue
        docs.append(
            IndexDoc(
                id=row[0],
                title=row[1],
                body=body_text(row[2]),
                published=datetime.fromisoformat(row[3]) if row[3] else None,
                source=row[4],
                url=row[5],
                story=row[6],
                entities=tuple(forms.get(aid, ())),
                added=datetime.fromisoformat(row[7]) if row[7] else None,
            )
        )
    return docs


def catch_up(
    conn: sqlite3.Connection,
    registry: Registry,
    search: SearchIndex,
    progress: Callable[[Progress], None] | None = None,
    *,
    wait: float | None = None,
    new: Collection[str] = frozenset(),
) -> int:
    """Index every article still marked `indexed = 0`; returns how many.

    `wait`: how long to wait for another process's index writer (default: the index's own).
    `new`: ids this process has just inserted into SQLite, so the index has never held them
    (it is rebuilt whenever the database is replaced): they skip Whoosh's search for an old
    version in every segment. Anything else marked — an updated article, or one left behind by
    a crash after its index commit — replaces whatever the index holds for its id.
    Afterwards, a crowded index is consolidated in the background (`index.consolidate`).
    """
    ids = [r[0] for r in conn.execute("SELECT id FROM articles WHERE indexed = 0 ORDER BY rowid")]
    # One commit per INDEX_BATCH keeps Whoosh from piling up tiny segments on big imports.
    for i in range(0, len(ids), INDEX_BATCH):
        batch = ids[i : i + INDEX_BATCH]
        docs = index_docs(conn, registry, batch)
        if wait is None:
            search.add(docs, new=new)
        else:
            search.add(docs, wait=wait, new=new)
        with transaction(conn):
            conn.executemany("UPDATE articles SET indexed = 1 WHERE id = ?", [(x,) for x in batch])
        if progress:
            progress(Progress("index", min(i + INDEX_BATCH, len(ids)), len(ids)))
    if ids:
        search.consolidate()
    return len(ids)


def ingest(
    conn: sqlite3.Connection,
    registry: Registry,
    stories: StoryIndex,
    search: SearchIndex,
    batches: Sequence[Sequence[RawArticle]],
    progress: Callable[[Progress], None] | None = None,
    ready: Share | None = None,
) -> list[Counts]:
    counts, pending, carried = classify(conn, batches)
    found = _entities(pending, counts, ready, progress)
    store(conn, registry, stories, pending, found, counts, carried)
    try:
        catch_up(conn, registry, search, progress, new={p.id for p in pending if not p.updated})
    except Exception as exc:  # stored is stored: the index catches up on the next add or open
        for slot in {p.slot for p in pending}:
            counts[slot].warnings.append(
                f"stored, but the search index could not be updated ({exc}); "
                "it catches up on the next add or open"
            )
    return counts


def _entities(
    pending: Sequence[_Pending],
    counts: list[Counts],
    share: Share | None,
    progress: Callable[[Progress], None] | None,
) -> list[list[LocalEntity]]:
    """Every pending article's entities. With a `share` (index.nerpool), the articles the
    second process extracts are asked for last, so both processes extract at the same time."""
    total = len(pending)
    if progress:
        progress(Progress("entities", 0, total, f"{total} new or changed articles"))
    theirs: set[int] = set()
    if share is not None:
        from .nerpool import text_key

        theirs = {i for i, p in enumerate(pending) if share.owns(text_key(p.raw.title, p.raw.body))}
    mine = [i for i in range(total) if i not in theirs]
    found: list[list[LocalEntity]] = [[] for _ in pending]
    n = 0
    for part, child in ((mine, False), (sorted(theirs), True)):
        ready = share.result() if child and part and share is not None else None
        for j in range(0, len(part), CHUNK):
            chunk = part[j : j + CHUNK]
            started = time.perf_counter()
            got = entities_for([pending[i] for i in chunk], counts, ready)
            if share is not None and not child:
                share.parent_seconds += time.perf_counter() - started
                share.parent_articles += len(chunk)
            for i, ents in zip(chunk, got, strict=True):
                found[i] = ents
            n += len(chunk)
            if progress:
                progress(Progress("entities", n, total))
    return found
