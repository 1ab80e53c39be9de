"""`cronaca eval clusters`: are reports of the same real-world event grouped into one event?

The set (``data/clusters/``) was written for Cronaca: ``articles.jsonl`` holds short news
articles in Italian and English (JSON Lines records ``{id, url, date, lang, text}``, as
``cronaca ingest`` reads them) and ``gold.jsonl`` maps each article id to the real-world events
it reports (``{"id": ..., "events": ["E1", ...]}``, plus ``duplicate_of`` for a syndicated
copy); ``events.md`` describes the events.  Several events are *hard negatives* of another: the
same two countries and the same kind of act on another day, or another act the same day.

The set is ingested into a temporary DuckDB and grouped (``cronaca.store.group``) with and
without the embedding tie-breaker.  The score is **pairwise over articles**: every unordered
pair of distinct articles is *linked in the gold* when the two articles share a real-world
event, and *linked by Cronaca* when one ``events`` row has mentions from both.  Precision is the
share of Cronaca's links that are gold links, recall the share of gold links Cronaca makes.  A
gold link Cronaca misses may be the coder's (an event not coded, or coded with other actors) as
well as the grouping's; the report lists both kinds of error.
"""

from __future__ import annotations

import json
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from itertools import combinations
from pathlib import Path

from cronaca.errors import ResourceError


def data_dir() -> Path:
    return Path(str(resources.files("cronaca.eval") / "data" / "clusters"))


def load_gold(folder: Path | None = None) -> dict[str, dict]:
    path = (folder or data_dir()) / "gold.jsonl"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ResourceError(f"{path}: cannot read the cluster gold ({exc.strerror})") from None
    return {r["id"]: r for r in (json.loads(line) for line in lines if line.strip())}


def pairs_of(groups: dict[str, set[str]]) -> set[tuple[str, str]]:
    """Unordered pairs of distinct members that share a group."""
    out: set[tuple[str, str]] = set()
    for members in groups.values():
        out.update(combinations(sorted(members), 2))
    return out


@dataclass
class Score:
    name: str
    gold: int
    system: int
    correct: int
    false_links: list[tuple[str, str]] = field(default_factory=list)
    missed_links: list[tuple[str, str]] = field(default_factory=list)
    events: int = 0
    ambiguous: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(name: str, gold: dict[str, dict], system: dict[str, set[str]]) -> Score:
    """``system``: events row -> the doc ids of the articles with a mention in it."""
    by_event: dict[str, set[str]] = defaultdict(set)
    for doc, record in gold.items():
        for event in record["events"]:
            by_event[event].add(doc)
    gold_pairs = pairs_of(by_event)
    sys_pairs = {p for p in pairs_of(system) if p[0] in gold and p[1] in gold}
    return Score(name, len(gold_pairs), len(sys_pairs), len(gold_pairs & sys_pairs),
                 sorted(sys_pairs - gold_pairs), sorted(gold_pairs - sys_pairs))


@dataclass
class Result:
    articles: int
    mentions: int
    duplicates_found: list[tuple[str, str]]
    duplicates_gold: list[tuple[str, str]]
    scores: list[Score]


def system_groups(store) -> dict[str, set[str]]:
    groups: dict[str, set[str]] = defaultdict(set)
    for event_id, doc in store.con.execute(
            "SELECT m.event_id, a.doc_id FROM mentions m JOIN articles a ON a.id = m.article_id "
            "WHERE m.event_id IS NOT NULL").fetchall():
        groups[event_id].add(doc)
    return groups


def run(embeddings: bool | None = None, folder: Path | None = None) -> Result:
    """Ingest the set into a temporary database, group, score (``None``: both settings)."""
    from cronaca.pipeline import Pipeline
    from cronaca.store import Store
    from cronaca.store.group import group
    from cronaca.store.ingest import Ingester

    folder = folder or data_dir()
    gold = load_gold(folder)
    settings = [True, False] if embeddings is None else [embeddings]
    with tempfile.TemporaryDirectory(prefix="cronaca-clusters-") as tmp:
        with Store.open(Path(tmp) / "clusters.duckdb") as store:
            pipeline = Pipeline(stages=("parse", "events"))
            ingester = Ingester(store, pipeline, command="cronaca eval clusters")
            ingester._group = lambda: None          # grouped below, once per setting
            ingester.run([str(folder / "articles.jsonl")])
            scores = []
            for flag in settings:
                report = group(store, embeddings=flag)
                s = score("with embeddings" if flag else "without embeddings", gold,
                          system_groups(store))
                s.events, s.ambiguous = report.events, report.ambiguous
                scores.append(s)
            docs = dict(store.con.execute("SELECT id, doc_id FROM articles").fetchall())
            found = sorted((docs[a], docs[b]) for a, b, _ in store.con.execute(
                "SELECT * FROM duplicates").fetchall())
            mentions = store.con.execute("SELECT count(*) FROM mentions WHERE NOT negated "
                                         "AND NOT hypothetical").fetchone()[0]
    dup_gold = sorted((k, r["duplicate_of"]) for k, r in gold.items() if r.get("duplicate_of"))
    return Result(len(docs), mentions, found, dup_gold, scores)


def report(result: Result, misses: int = 10) -> str:
    lines = [f"cluster set: {result.articles} articles, {result.mentions} asserted mentions",
             "pairwise over article pairs: a pair is linked when the two articles share a gold "
             "event / share an events row",
             f"{'setting':<20} {'events':>6} {'ambig.':>6} {'gold':>5} {'linked':>6} "
             f"{'right':>5} {'P':>6} {'R':>6} {'F1':>6}"]
    for s in result.scores:
        lines.append(f"{s.name:<20} {s.events:>6} {s.ambiguous:>6} {s.gold:>5} {s.system:>6} "
                     f"{s.correct:>5} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f}")
    found, want = set(result.duplicates_found), set(result.duplicates_gold)
    lines.append(f"near-duplicates: {len(found & want)} of {len(want)} gold copies found, "
                 f"{len(found - want)} wrong")
    for s in result.scores:
        if misses and (s.false_links or s.missed_links):
            lines.append(f"{s.name}:")
            for a, b in s.false_links[:misses]:
                lines.append(f"  wrongly linked: {a} ~ {b}")
            for a, b in s.missed_links[:misses]:
                lines.append(f"  missed:         {a} ~ {b}")
    return "\n".join(lines)
