"""What the explorer reads: parameterised, capped, time-limited queries over a read-only store.

Every value a user sends reaches DuckDB as a ``?`` parameter; only column names chosen from
fixed tables here are written into SQL text.  Pages are capped at ``MAX_PAGE`` rows, and a
query that runs longer than ``timeout`` seconds is interrupted and reported as ``SlowQueryError`` (E601).
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import duckdb

from cronaca.errors import ExplorerError, NotFoundError, SlowQueryError
from cronaca.store.db import Store, first_line

MAX_PAGE = 200
DEFAULT_PAGE = 50
DEFAULT_TIMEOUT = 10.0
QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
                4: "material conflict"}
SORTS = {"date": "e.date", "goldstein": "e.goldstein", "mentions": "e.num_mentions",
         "articles": "e.num_articles", "cameo": "e.cameo", "seen": "e.first_seen"}
EVENT_COLUMNS = ("event_id", "date", "date_precision", "source_code", "source_name",
                 "source_country", "target_code", "target_name", "target_country", "cameo",
                 "cameo_root", "plover", "quad_class", "goldstein", "location_name",
                 "location_country", "location_lat", "location_lon", "num_mentions",
                 "num_articles", "num_sources", "num_languages", "first_seen", "article_url")
# the key an actor has in the network and in the source/target filters
SOURCE_KEY = "coalesce(e.source_code, e.source_name)"
TARGET_KEY = "coalesce(e.target_code, e.target_name)"


@dataclass
class EventFilter:
    """The explorer's filters; every page and API call that lists events takes them."""

    start: dt.date | None = None
    end: dt.date | None = None
    country: str | None = None      # either side, ISO 3166 alpha-3
    sector: str | None = None       # either side, e.g. GOV, MIL
    person: str | None = None       # part of an actor's name
    source: str | None = None       # an actor key (code, or name when it has no code)
    target: str | None = None
    root: str | None = None         # CAMEO root, two digits
    cameo: str | None = None        # a CAMEO code or its prefix
    plover: str | None = None
    quad: int | None = None
    lang: str | None = None         # language of a mention's article
    site: str | None = None
    min_conf: float | None = None   # of at least one mention
    q: str | None = None            # words in an evidence sentence

    def where(self, *fixed: str) -> tuple[str, list[Any]]:
        """``WHERE`` text over ``events e`` and its parameters; ``fixed`` conditions (query
        text without parameters) come first."""
        conds: list[str] = list(fixed)
        params: list[Any] = []

        def add(sql: str, *values: Any) -> None:
            conds.append(sql)
            params.extend(values)

        if self.start:
            add("e.date >= ?", self.start)
        if self.end:
            add("e.date <= ?", self.end)
        if self.country:
            add("(e.source_country = ? OR e.target_country = ?)", self.country, self.country)
        if self.sector:
            pattern = f"%{self.sector}%"
            add("(e.source_code LIKE ? OR e.target_code LIKE ?)", pattern, pattern)
        if self.person:
            pattern = f"%{_like(self.person)}%"
            add("(e.source_name ILIKE ? ESCAPE '\\' OR e.target_name ILIKE ? ESCAPE '\\')",
                pattern, pattern)
        if self.source:
            add(f"{SOURCE_KEY} = ?", self.source)
        if self.target:
            add(f"{TARGET_KEY} = ?", self.target)
        if self.root:
            add("e.cameo_root = ?", self.root)
        if self.cameo:
            add("e.cameo LIKE ?", _like(self.cameo) + "%")
        if self.plover:
            add("e.plover = ?", self.plover)
        if self.quad:
            add("e.quad_class = ?", self.quad)
        inner: list[str] = []
        inner_params: list[Any] = []
        if self.lang:
            inner.append("a.language = ?")
            inner_params.append(self.lang)
        if self.site:
            inner.append("a.site = ?")
            inner_params.append(self.site)
        if self.min_conf is not None:
            inner.append("m.confidence >= ?")
            inner_params.append(self.min_conf)
        if self.q:
            inner.append("m.sentence_text ILIKE ? ESCAPE '\\'")
            inner_params.append(f"%{_like(self.q)}%")
        if inner:
            add("e.event_id IN (SELECT m.event_id FROM mentions m JOIN articles a ON "
                "a.id = m.article_id WHERE " + " AND ".join(inner) + ")", *inner_params)
        return (" WHERE " + " AND ".join(conds)) if conds else "", params

    def query(self) -> dict[str, str]:
        """The filters that are set, as URL query parameters."""
        out = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value is not None and value != "":
                out[f.name] = value.isoformat() if isinstance(value, dt.date) else str(value)
        return out


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@dataclass
class Page:
    rows: list[dict[str, Any]]
    total: int
    page: int
    size: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.size))


@dataclass
class Explorer:
    """A read-only database and the explorer's queries over it (one per web server)."""

    store: Store
    timeout: float = DEFAULT_TIMEOUT
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def open(cls, path: str | Path, timeout: float = DEFAULT_TIMEOUT,
             writable: bool = False) -> Explorer:
        return cls(Store.open(path, read_only=not writable), timeout)

    def close(self) -> None:
        self.store.close()

    # ------------------------------------------------------------------ running

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of its own for one request, interrupted after ``timeout`` seconds."""
        with self._lock:
            cur = self.store.con.cursor()
        timer = threading.Timer(self.timeout, cur.interrupt)
        timer.start()
        try:
            yield cur
        except duckdb.InterruptException:
            raise SlowQueryError(f"the query took longer than {self.timeout:g} s and was stopped; "
                            "narrow the filters (a date range, a country, a CAMEO root)") from None
        except duckdb.Error as exc:
            if "interrupted" in str(exc).lower():
                raise SlowQueryError(f"the query took longer than {self.timeout:g} s and was "
                                "stopped; narrow the filters") from None
            raise ExplorerError(f"query failed: {first_line(exc)}") from None
        finally:
            timer.cancel()
            cur.close()

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        with self.cursor() as cur:
            cur.execute(sql, list(params))
            names = [d[0] for d in cur.description]
            return [dict(zip(names, r)) for r in cur.fetchall()]

    def value(self, sql: str, params: Sequence[Any] = ()) -> Any:
        with self.cursor() as cur:
            return cur.execute(sql, list(params)).fetchone()[0]

    # ------------------------------------------------------------------ pages

    def events(self, f: EventFilter, page: int = 1, size: int = DEFAULT_PAGE,
               sort: str = "date", desc: bool = True) -> Page:
        size = max(1, min(size, MAX_PAGE))
        page = max(1, page)
        where, params = f.where()
        order = f"{SORTS.get(sort, 'e.date')} {'DESC' if desc else 'ASC'} NULLS LAST, e.event_id"
        total = self.value(f"SELECT count(*) FROM events e{where}", params)
        rows = self.rows(f"SELECT {', '.join('e.' + c for c in EVENT_COLUMNS)} FROM events e"
                         f"{where} ORDER BY {order} LIMIT ? OFFSET ?",
                         [*params, size, (page - 1) * size])
        return Page(rows, total, page, size)

    def facets(self) -> dict[str, list]:
        """Values to offer in the filter form."""
        return {
            "roots": [r["cameo_root"] for r in self.rows(
                "SELECT DISTINCT cameo_root FROM events ORDER BY 1")],
            "plover": [r["plover"] for r in self.rows(
                "SELECT DISTINCT plover FROM events WHERE plover IS NOT NULL ORDER BY 1")],
            "languages": [r["language"] for r in self.rows(
                "SELECT DISTINCT language FROM articles WHERE language IS NOT NULL ORDER BY 1")],
            "sites": [r["site"] for r in self.rows(
                "SELECT DISTINCT site FROM articles WHERE site IS NOT NULL ORDER BY 1 LIMIT 500")],
        }

    def event(self, event_id: str) -> dict[str, Any]:
        found = self.rows(f"SELECT {', '.join(EVENT_COLUMNS)} FROM events WHERE event_id = ?",
                          [event_id])
        if not found:
            raise NotFoundError(f"no event {event_id!r}")
        event = found[0]
        mentions = self.rows(
            "SELECT m.*, a.title AS article_title, a.url AS article_url, a.site AS site, "
            "a.language AS article_language, a.published AS published FROM mentions m "
            "JOIN articles a ON a.id = m.article_id WHERE m.event_id = ? "
            "ORDER BY a.retrieved, m.id", [event_id])
        for m in mentions:
            m["segments"] = sentence_segments(m)
        quotes = self.rows(
            "SELECT q.* FROM quotes q WHERE EXISTS (SELECT 1 FROM mentions m WHERE "
            "m.event_id = ? AND m.article_id = q.article_id AND "
            "m.sentence_index = q.sentence_index) ORDER BY q.article_id, q.start", [event_id])
        languages = sorted({m["article_language"] for m in mentions if m["article_language"]})
        return {"event": event, "mentions": mentions, "quotes": quotes, "languages": languages}

    def article(self, article_id: str) -> dict[str, Any]:
        found = self.rows("SELECT * FROM articles WHERE id = ?", [article_id])
        if not found:
            raise NotFoundError(f"no article {article_id!r}")
        article = found[0]
        mentions = self.rows("SELECT * FROM mentions WHERE article_id = ? ORDER BY trigger_start",
                             [article_id])
        quotes = self.rows('SELECT * FROM quotes WHERE article_id = ? ORDER BY start',
                           [article_id])
        removed = json.loads(article.pop("removed") or "[]")
        return {"article": article, "mentions": mentions, "quotes": quotes, "removed": removed,
                "segments": article_segments(article["text"], mentions, quotes)}

    def timeline(self, f: EventFilter, unit: str = "day") -> list[dict[str, Any]]:
        """Events per day or week and quad class (the stacked chart)."""
        unit = "week" if unit == "week" else "day"
        where, params = f.where("e.date IS NOT NULL")
        return self.rows(f"SELECT CAST(date_trunc('{unit}', e.date) AS DATE) AS period, "
                         f"e.quad_class AS quad, count(*) AS events FROM events e{where} "
                         "GROUP BY ALL ORDER BY period, quad", params)

    def dyad(self, a: str, b: str, f: EventFilter, unit: str = "day") -> list[dict[str, Any]]:
        """The Goldstein curve between two actors (country or actor code), both directions:
        per period, the sum of Goldstein scores weighted by mentions, and the counts."""
        unit = "week" if unit == "week" else "day"
        side = ("((e.source_country = ? OR e.source_code = ?) AND "
                "(e.target_country = ? OR e.target_code = ?))")
        where, params = f.where("e.date IS NOT NULL", f"({side} OR {side})")
        return self.rows(
            f"SELECT CAST(date_trunc('{unit}', e.date) AS DATE) AS period, "
            "sum(e.goldstein * e.num_mentions) AS weighted, count(*) AS events, "
            "round(avg(e.goldstein), 2) AS mean_goldstein FROM events e"
            f"{where} GROUP BY ALL ORDER BY period", [a, a, b, b, b, b, a, a, *params])

    def network(self, f: EventFilter, limit: int = 150) -> dict[str, Any]:
        """Actors and their directed interactions, the ``limit`` busiest edges."""
        where, params = f.where(f"{SOURCE_KEY} IS NOT NULL", f"{TARGET_KEY} IS NOT NULL",
                                f"{SOURCE_KEY} <> {TARGET_KEY}")
        edges = self.rows(
            f"SELECT {SOURCE_KEY} AS source, {TARGET_KEY} AS target, count(*) AS events, "
            f"round(avg(e.goldstein), 2) AS mean_goldstein FROM events e{where} "
            "GROUP BY ALL ORDER BY events DESC, source, target LIMIT ?",
            [*params, max(1, min(limit, 500))])
        degree: dict[str, int] = {}
        for e in edges:
            for key in (e["source"], e["target"]):
                degree[key] = degree.get(key, 0) + e["events"]
        nodes = [{"id": k, "events": v} for k, v in sorted(degree.items())]
        return {"nodes": nodes, "edges": edges}

    def points(self, f: EventFilter, cell: float = 2.0) -> list[dict[str, Any]]:
        """Located events, clustered into cells of ``cell`` degrees."""
        cell = max(0.01, min(cell, 30.0))
        where, params = f.where("e.location_lat IS NOT NULL", "e.location_lon IS NOT NULL")
        return self.rows(
            "SELECT round(avg(e.location_lat), 4) AS lat, round(avg(e.location_lon), 4) AS lon, "
            "count(*) AS events, min(e.location_name) AS place, "
            f"round(avg(e.goldstein), 2) AS mean_goldstein FROM events e{where} "
            "GROUP BY floor(e.location_lat / ?), floor(e.location_lon / ?) "
            "ORDER BY events DESC LIMIT 2000", [*params, cell, cell])

    def summary(self) -> dict[str, Any]:
        row = self.rows("SELECT (SELECT count(*) FROM articles) AS articles, "
                        "(SELECT count(*) FROM mentions) AS mentions, "
                        "(SELECT count(*) FROM events) AS events, "
                        "(SELECT min(date) FROM events) AS first, "
                        "(SELECT max(date) FROM events) AS last")[0]
        return row


# --------------------------------------------------------------------------- highlighting


def _segments(text: str, spans: list[tuple[int, int, str]]) -> list[dict[str, Any]]:
    """``text`` cut at the spans' edges: ``[{text, marks}]`` in order, where ``marks`` lists the
    classes of the spans covering the piece (the template escapes the text)."""
    cuts = {0, len(text)}
    for start, end, _ in spans:
        if 0 <= start < end <= len(text):
            cuts.update((start, end))
    edges = sorted(cuts)
    out = []
    for a, b in zip(edges, edges[1:]):
        marks = sorted({cls for s, e, cls in spans if s <= a and b <= e and s < e})
        out.append({"text": text[a:b], "marks": marks})
    return out


def sentence_segments(m: dict[str, Any]) -> list[dict[str, Any]]:
    """The evidence sentence with its trigger and actor spans marked."""
    base = m["sentence_start"]
    spans = []
    for name, cls in (("trigger", "trigger"), ("source", "source"), ("target", "target")):
        start, end = m.get(f"{name}_start"), m.get(f"{name}_end")
        if start is not None and end is not None:
            spans.append((start - base, end - base, cls))
    return _segments(m["sentence_text"], spans)


def article_segments(text: str, mentions: list[dict[str, Any]],
                     quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The clean text with every trigger, actor and quote marked in place."""
    spans = []
    for m in mentions:
        kind = "negated" if m["negated"] else "hypothetical" if m["hypothetical"] else "trigger"
        spans.append((m["trigger_start"], m["trigger_end"], kind))
        for side in ("source", "target"):
            if m.get(f"{side}_start") is not None:
                spans.append((m[f"{side}_start"], m[f"{side}_end"], side))
    for q in quotes:
        spans.append((q["start"], q["end"], "quote"))
    return _segments(text, spans)
