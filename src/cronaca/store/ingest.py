"""Ingest a corpus: read -> clean -> skip what is stored -> parse + code -> write in batches.

Why in this order: whether an article is already stored is decided *before* the expensive
stages (parsing and coding), by the input's URL and then by the hash of the clean text, so a
re-run after a crash or Ctrl-C only pays for what is missing.  Finished articles wait in memory
as plain rows (the parse is dropped) and are written ``batch`` at a time in one transaction
together with the run's counts; a ``kill -9`` therefore loses at most the batch in flight.
Ctrl-C is held back while a batch is being written, and the articles already coded are
committed before the run stops.  A run that reaches the end regroups the whole database's
mentions into events (``cronaca.store.group``, one more transaction); an interrupted one leaves
that to the next run or to ``cronaca group``.

With an engine (``cronaca.store.engines``: ``--workers N`` worker processes, or a Dask cluster)
only the parsing and coding move out: this process still reads, cleans and skips, sends the
clean articles to the workers in small partitions and gets back rows, and stays the only writer
of the database, so batches, resume and the skip rules are the same.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import signal
import threading
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import duckdb

from cronaca.errors import CronacaError
from cronaca.model import Actor, Article, Document, Event, Failure, Quote
from cronaca.pipeline import STAGES, Pipeline
from cronaca.store.db import Store, StoreError, first_line, utcnow

if TYPE_CHECKING:
    from cronaca.store.engines import Engine

log = logging.getLogger(__name__)

DEFAULT_BATCH = 20


# --------------------------------------------------------------------------- identity


def normalise(text: str) -> str:
    """The form two copies of one article share: NFC, lower case, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).lower().split())


def text_hash(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def article_id(hash_: str) -> str:
    """Derived from the text, not from the input's id: JSON Lines ids collide across corpora."""
    return "a" + hash_[:16]


# --------------------------------------------------------------------------- rows

ARTICLE_COLUMNS = ("id", "doc_id", "url", "site", "source", "title", "author", "language",
                   "language_score", "published", "retrieved", "text_hash", "text",
                   "removed_count", "mention_count", "quote_count", "run_id", "removed")
_ACTOR = ("text", "start", "end", "name", "country", "sector", "kb_id")
MENTION_COLUMNS = (
    "id", "article_id", "event_id", "coder_id", "language", "date", "date_precision",
    "date_source", "cameo", "cameo_root", "plover", "plover_mode", "quad_class", "goldstein",
    *(f"source_{k}" for k in _ACTOR), *(f"target_{k}" for k in _ACTOR),
    "location_text", "location_name", "location_country", "location_lat", "location_lon",
    "location_kb_id", "negated", "hypothetical", "intent",
    "speaker_text", "speaker_name", "speaker_country", "speaker_sector", "speaker_kb_id",
    "sentence_index", "sentence_text", "sentence_start", "sentence_end",
    "trigger_text", "trigger_lemma", "trigger_start", "trigger_end", "confidence", "rule",
    "coarse")
EVENT_COLUMNS = ("event_id", "date", "date_precision", "source_code", "source_name",
                 "source_country", "target_code", "target_name", "target_country", "cameo",
                 "cameo_root", "plover", "quad_class", "goldstein", "location_name",
                 "location_country", "location_lat", "location_lon", "num_mentions",
                 "num_articles", "num_sources", "first_seen", "article_url")
QUOTE_COLUMNS = ("article_id", "sentence_index", "text", "start", "end", "speaker_text",
                 "speaker_name", "speaker_country")


@dataclass
class ArticleRows:
    """One article as rows of every table: what a batch holds instead of the parsed article."""

    source: str
    article: tuple
    mentions: list[tuple] = field(default_factory=list)
    events: list[tuple] = field(default_factory=list)
    quotes: list[tuple] = field(default_factory=list)


def asserted(event: Event) -> bool:
    """Events that count in ``events``: not negated and not only possible."""
    return not (event.negated or event.hypothetical)


def _iso_date(value: str | None) -> str | None:
    """A DATE column value, or None: a malformed date must not sink the whole batch."""
    import datetime as dt

    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def _actor(actor: Actor | None) -> tuple:
    if actor is None:
        return (None,) * len(_ACTOR)
    return tuple(getattr(actor, k) for k in _ACTOR)


def _code(actor: Actor | None) -> str | None:
    """GDELT-style actor code: country then sector (``BLRGOV``), None when neither is known."""
    if actor is None:
        return None
    return (actor.country or "") + (actor.sector or "") or None


def _name(actor: Actor | None) -> str | None:
    return (actor.name or actor.text) if actor else None


def mention_id(aid: str, index: int, event: Event) -> str:
    digest = hashlib.sha1(f"{aid}|{index}|{event.id}".encode()).hexdigest()[:16]
    return "m" + digest


def mention_row(event: Event, mid: str, aid: str, event_id: str | None) -> tuple:
    loc, ev, speaker = event.location, event.evidence, event.speaker
    return (
        mid, aid, event_id, event.id, event.language or None, _iso_date(event.date),
        event.date_precision, event.date_source, event.cameo, event.cameo_root, event.plover,
        event.plover_mode, event.quad_class, event.goldstein,
        *_actor(event.source), *_actor(event.target),
        loc.text if loc else None, loc.name if loc else None, loc.country if loc else None,
        loc.lat if loc else None, loc.lon if loc else None, loc.kb_id if loc else None,
        event.negated, event.hypothetical, event.intent,
        *(_actor(speaker)[i] for i in (0, 3, 4, 5, 6)),
        ev.sentence, ev.text, ev.start, ev.end,
        ev.trigger.text, ev.trigger.lemma, ev.trigger.start, ev.trigger.end,
        event.confidence, event.rule, event.coarse)


def event_row(event: Event, event_id: str, seen: Any, url: str | None) -> tuple:
    """One mention as a GDELT-like event; counts of 1 until a grouping step merges rows."""
    loc, source, target = event.location, event.source, event.target
    return (event_id, _iso_date(event.date), event.date_precision,
            _code(source), _name(source), source.country if source else None,
            _code(target), _name(target), target.country if target else None,
            event.cameo, event.cameo_root, event.plover, event.quad_class, event.goldstein,
            loc.name if loc else None, loc.country if loc else None,
            loc.lat if loc else None, loc.lon if loc else None,
            1, 1, 1, seen, url)


def quote_row(quote: Quote, aid: str) -> tuple:
    speaker = quote.speaker
    return (aid, quote.sentence, quote.text, quote.start, quote.end,
            speaker.text if speaker else None, speaker.name if speaker else None,
            speaker.country if speaker else None)


def article_rows(article: Article, hash_: str, url: str | None, run_id: str) -> ArticleRows:
    """Flatten a coded article into the rows of every table."""
    aid, now = article_id(hash_), utcnow()
    rows = ArticleRows(source=article.source, article=())
    for index, event in enumerate(article.events):
        mid = mention_id(aid, index, event)
        event_id = mid if asserted(event) else None
        rows.mentions.append(mention_row(event, mid, aid, event_id))
        if event_id is not None:
            rows.events.append(event_row(event, event_id, now, url))
    rows.quotes = [quote_row(q, aid) for q in article.quotes]
    rows.article = (aid, article.id, url, article.site, article.source, article.title,
                    article.author, article.language, article.language_score,
                    _iso_date(article.published), now, hash_, article.text,
                    len(article.removed), len(rows.mentions), len(rows.quotes), run_id,
                    json.dumps([{"text": r.text, "reason": r.reason, "rule": r.rule}
                                for r in article.removed], ensure_ascii=False))
    return rows


@dataclass
class Job:
    """A clean article that is not stored yet, on its way to be parsed and coded."""

    article: Article
    hash: str
    url: str | None


def code_article(article: Article, hash_: str, url: str | None, run_id: str,
                 stages: tuple[str, ...]) -> ArticleRows | Failure:
    """Parse and code a clean article into rows (in this process or in a worker).

    The pipeline's rule holds: one bad document is one Failure, never the end of the run.
    """
    try:
        for name in stages:
            article = STAGES[name](article)
    except CronacaError as exc:
        return Failure(source=article.source, error=str(exc))
    except Exception as exc:  # a bug must not kill a corpus run; it is reported
        log.exception("unexpected error on %s", article.source)
        return Failure(source=article.source,
                       error=f"[E999] {article.source}: internal error "
                             f"({type(exc).__name__}: {exc}); please report it")
    try:
        return article_rows(article, hash_, url, run_id)
    except Exception as exc:  # a bug in flattening must not stop the corpus either
        log.exception("cannot flatten %s", article.source)
        return Failure(source=article.source, error=f"[E999] {article.source}: internal error "
                                                    f"({type(exc).__name__}: {exc}); please report it")


def write_articles(store: Store, batch: Sequence[ArticleRows]) -> None:
    """Insert articles with their mentions, events and quotes (inside the caller's
    transaction): one statement per table for the whole batch, since a DuckDB statement costs
    about ten milliseconds whatever its size."""
    if not batch:
        return
    store.insert("articles", ARTICLE_COLUMNS, [rows.article for rows in batch])
    store.insert("mentions", MENTION_COLUMNS, [m for rows in batch for m in rows.mentions])
    store.insert("events", EVENT_COLUMNS, [e for rows in batch for e in rows.events])
    store.insert("quotes", QUOTE_COLUMNS, [q for rows in batch for q in rows.quotes])
    sources = [rows.source for rows in batch]                     # they work now
    store.con.execute("DELETE FROM failures WHERE source IN (" +
                      ", ".join("?" for _ in sources) + ")", sources)


# --------------------------------------------------------------------------- the run


@dataclass
class Counts:
    new_articles: int = 0
    already_stored: int = 0
    failures: int = 0
    mentions: int = 0
    events: int = 0

    @property
    def documents(self) -> int:
        return self.new_articles + self.already_stored + self.failures

    def as_dict(self) -> dict[str, int]:
        return dataclasses.asdict(self)


@dataclass
class Report:
    run_id: str
    counts: Counts
    seconds: float
    interrupted: bool = False


@dataclass
class _Batch:
    articles: list[ArticleRows] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    hashes: set[str] = field(default_factory=set)
    urls: set[str] = field(default_factory=set)

    def __len__(self) -> int:
        return len(self.articles) + len(self.failures)

    def clear(self) -> None:
        self.articles.clear()
        self.failures.clear()
        self.hashes.clear()
        self.urls.clear()


_HASH, _URL = ARTICLE_COLUMNS.index("text_hash"), ARTICLE_COLUMNS.index("url")


class _Skipped:
    """What ``_process`` returns for an article that is already stored."""


_SKIPPED = _Skipped()


class Ingester:
    """One ingest run into an open, writable store."""

    def __init__(self, store: Store, pipeline: Pipeline, *, batch: int = DEFAULT_BATCH,
                 command: str = "cronaca ingest",
                 on_progress: Callable[[Counts, float], None] | None = None,
                 engine: Engine | None = None):
        if batch < 1:
            raise StoreError(f"--batch must be at least 1 (got {batch})")
        self.store, self.pipeline, self.batch_size = store, pipeline, batch
        self.command, self.on_progress = command, on_progress
        self.cleaner = dataclasses.replace(pipeline, stages=(), on_document=None)
        self.stages = tuple(pipeline.stages)
        self.engine = engine             # None: parse and code in this process
        self.in_flight: dict[str, str | None] = {}   # hash -> url of the articles at workers
        self.started = 0.0
        self.counts = Counts()
        db = os.path.abspath(store.path)
        self.own_files = {db, db + ".wal"}
        self.pending = _Batch()
        # what the database holds, read once per run and kept up to date after every commit:
        # a query per article cost more than its write (one process writes; see db.py)
        self.stored_hashes: set[str] = set()
        self.stored_urls: set[str] = set()
        self.run_id = ""
        self.grouping: Any = None        # the GroupReport of the grouping at the end of a run

    def run(self, sources: Iterable[str]) -> Report:
        started = self.started = time.monotonic()
        self.run_id = self.store.begin_run(self.command)
        self.stored_hashes, self.stored_urls = self.store.stored_keys()
        interrupted, clean_end = False, False
        try:
            if self.engine is None:
                for item in self.pipeline.documents(sources):
                    self._take(item)
                    self._progress()
                    if len(self.pending) >= self.batch_size:
                        self._flush()
            else:
                self._run_engine(sources)
            clean_end = True
            self._flush()
            self._group()
        except (KeyboardInterrupt, duckdb.InterruptException, RuntimeError) as exc:
            if not _interrupt(exc):
                self._close_engine(cancel=True)
                self._finish("failed")
                raise
            interrupted = True
            self._close_engine(cancel=True)
            self._flush(reraise=False)
        except duckdb.Error as exc:
            self._close_engine(cancel=True)
            self._finish("failed")
            raise StoreError(f"{self.store.path}: {first_line(exc)}") from None
        except BaseException:
            self._close_engine(cancel=True)
            self._finish("failed")
            raise
        finally:
            if clean_end or interrupted:
                self._close_engine(cancel=interrupted)
        self._finish("interrupted" if interrupted else "done")
        return Report(self.run_id, self.counts, time.monotonic() - started, interrupted)

    def _progress(self) -> None:
        if self.on_progress:
            self.on_progress(self.counts, time.monotonic() - self.started)

    # ---------------------------------------------------------------- with an engine

    def _run_engine(self, sources: Iterable[str]) -> None:
        """Read, clean and skip here; parse and code at the engine's workers; write here."""
        engine = self.engine
        assert engine is not None
        jobs: list[Job] = []
        for item in self.pipeline.documents(sources):
            if os.path.abspath(item.source) in self.own_files:
                continue
            result = item if isinstance(item, Failure) else self._prepare(item)
            if isinstance(result, Job):
                self.in_flight[result.hash] = result.url
                jobs.append(result)
                if len(jobs) >= engine.chunk:
                    engine.submit(jobs, self.run_id, self.stages)
                    jobs = []
            else:
                with _sigint_held():
                    self._add(result)
                self._progress()
                if len(self.pending) >= self.batch_size:
                    self._flush()
            self._collect(wait=False)
            while engine.in_flight >= engine.capacity:
                self._collect(wait=True)
        if jobs:
            engine.submit(jobs, self.run_id, self.stages)
        while engine.in_flight:
            self._collect(wait=True)

    def _collect(self, wait: bool) -> None:
        """Take the partitions the workers have finished (waiting for one if ``wait``)."""
        assert self.engine is not None
        for jobs, results in self.engine.completed(wait):
            for job, result in zip(jobs, results):
                self.in_flight.pop(job.hash, None)
                if isinstance(result, ArticleRows):
                    if self._stored(job.url, job.hash):
                        result = _SKIPPED     # stored meanwhile: the result is dropped
                    else:
                        self._claim(job)
                with _sigint_held():
                    self._add(result)
                self._progress()
                if len(self.pending) >= self.batch_size:
                    self._flush()

    def _close_engine(self, cancel: bool) -> None:
        if self.engine is not None:
            engine, self.engine = self.engine, None
            try:
                engine.close(cancel=cancel)
            except Exception as exc:  # closing must not hide what the run did
                log.warning("could not close the %s engine cleanly (%s)", engine.name, exc)

    # ---------------------------------------------------------------- one document

    def _take(self, item: Document | Failure) -> None:
        if os.path.abspath(item.source) in self.own_files:
            return                       # `cronaca ingest . --db here.duckdb` must not read it
        result = item if isinstance(item, Failure) else self._process(item)
        with _sigint_held():             # the batch and the run's counts change together
            self._add(result)

    def _add(self, result: ArticleRows | Failure | _Skipped) -> None:
        if result is _SKIPPED:
            self.counts.already_stored += 1
        elif isinstance(result, Failure):
            log.warning("skipped %s", result.error)
            self.pending.failures.append(result)
            self.counts.failures += 1
        else:
            assert isinstance(result, ArticleRows)
            self.pending.articles.append(result)
            self.counts.new_articles += 1
            self.counts.mentions += len(result.mentions)
            self.counts.events += len(result.events)

    def _prepare(self, document: Document) -> Job | Failure | _Skipped:
        """Clean and decide: skipped (stored, or at a worker now), failed, or a job to code."""
        if document.url and self._stored(document.url, None):
            return _SKIPPED                           # known URL: not even cleaned
        cleaned = self.cleaner.process(document)
        if isinstance(cleaned, Failure):
            return cleaned
        hash_, url = text_hash(cleaned.text), cleaned.url or document.url
        if self._stored(url, hash_):
            return _SKIPPED                           # known text: not parsed again
        return Job(cleaned, hash_, url)

    def _process(self, document: Document) -> ArticleRows | Failure | _Skipped:
        job = self._prepare(document)
        if not isinstance(job, Job):
            return job
        rows = code_article(job.article, job.hash, job.url, self.run_id, self.stages)
        if isinstance(rows, ArticleRows):
            self._claim(job)
        return rows

    def _claim(self, job: Job) -> None:
        self.pending.hashes.add(job.hash)
        if job.url:
            self.pending.urls.add(job.url)

    def _stored(self, url: str | None, hash_: str | None) -> bool:
        if hash_ in self.pending.hashes or (url and url in self.pending.urls):
            return True
        if hash_ in self.in_flight or (url and url in self.in_flight.values()):
            return True
        return hash_ in self.stored_hashes or bool(url and url in self.stored_urls)

    # ---------------------------------------------------------------- writing

    def _flush(self, reraise: bool = True) -> None:
        """Commit the pending batch (and the run's counts) in one transaction."""
        if not len(self.pending):
            return
        with _sigint_held(reraise):
            try:
                with self.store.transaction():
                    self._write(self.pending.articles)
            except duckdb.Error as exc:
                log.warning("batch not stored (%s); storing its articles one by one", exc)
                self._write_one_by_one()
            for rows in self.pending.articles:
                self.stored_hashes.add(rows.article[_HASH])
                if rows.article[_URL]:
                    self.stored_urls.add(rows.article[_URL])
            log.info("committed %d article(s) and %d failure(s); this run: %d new, %d already "
                     "stored, %d failed", len(self.pending.articles), len(self.pending.failures),
                     self.counts.new_articles, self.counts.already_stored, self.counts.failures)
            self.pending.clear()

    def _write(self, articles: list[ArticleRows]) -> None:
        write_articles(self.store, articles)
        for failure in self.pending.failures:
            self.store.record_failure(failure.source, failure.error, self.run_id)
        self.store.update_run(self.run_id, self.counts.as_dict())

    def _write_one_by_one(self) -> None:
        """After a batch failed: every article in its own transaction, bad ones as failures."""
        for rows in list(self.pending.articles):
            try:
                with self.store.transaction():
                    write_articles(self.store, [rows])
            except duckdb.Error as exc:
                error = StoreError(f"{rows.source}: could not be stored ({first_line(exc)})")
                self.pending.articles.remove(rows)
                self.pending.failures.append(Failure(rows.source, str(error)))
                self.counts.new_articles -= 1
                self.counts.mentions -= len(rows.mentions)
                self.counts.events -= len(rows.events)
                self.counts.failures += 1
        with self.store.transaction():
            self._write([])

    def _group(self) -> None:
        """Regroup every mention into events (one transaction; see cronaca.store.group)."""
        from cronaca.store.group import group

        self.grouping = group(self.store)
        # from now on a run's "events" are the grouped events its articles count in
        self.counts.events = self.store.con.execute(
            "SELECT count(DISTINCT m.event_id) FROM mentions m JOIN articles a "
            "ON a.id = m.article_id WHERE a.run_id = ?", [self.run_id]).fetchone()[0]

    def _finish(self, status: str) -> None:
        try:
            with _sigint_held(reraise=False), self.store.transaction():
                self.store.update_run(self.run_id, self.counts.as_dict(), status)
        except duckdb.Error:
            log.warning("could not mark run %s as %s", self.run_id, status)


def ingest(store: Store, sources: Iterable[str], pipeline: Pipeline, *,
           batch: int = DEFAULT_BATCH, command: str = "cronaca ingest",
           on_progress: Callable[[Counts, float], None] | None = None,
           engine: Engine | None = None) -> Report:
    """Read, code and store every document of ``sources``; see ``Ingester``.

    ``engine`` (``cronaca.store.engines``) parses and codes elsewhere; None: in this process.
    The run closes it.
    """
    return Ingester(store, pipeline, batch=batch, command=command,
                    on_progress=on_progress, engine=engine).run(sources)


def _interrupt(exc: BaseException) -> bool:
    """Ctrl-C, as Python or as DuckDB reports it when it lands during a query (DuckDB's own
    exception, or a plain ``RuntimeError: Query interrupted`` from some calls)."""
    if isinstance(exc, (KeyboardInterrupt, duckdb.InterruptException)):
        return True
    return isinstance(exc, RuntimeError) and "interrupted" in str(exc).lower()


@contextmanager
def _sigint_held(reraise: bool = True) -> Iterator[None]:
    """Hold Ctrl-C back while a batch is written, then deliver it (a write is never cut)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught and reraise:
        raise KeyboardInterrupt
