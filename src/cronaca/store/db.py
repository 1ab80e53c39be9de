"""The DuckDB database: schema, opening, transactional batch writes and the read helpers.

One file (``cronaca.duckdb`` by default) holds a whole corpus.  DuckDB is embedded (no server),
columnar (counts over millions of events are fast) and transactional: every batch of articles
is written in one transaction, so a crash or ``kill -9`` loses at most the batch in flight and
never leaves an article without its mentions.  Only one process may write a database at a time;
DuckDB enforces that with a file lock, which is released by the operating system when a writer
dies.

Tables (every column is described next to its ``CREATE TABLE`` below):

- ``articles``: one row per stored article; ``text_hash`` (SHA-256 of the NFC, lower-cased,
  whitespace-collapsed text) and ``url`` are what "already stored" means.
- ``mentions``: one row per coded event record of an article, every ``Event`` field flattened,
  negated and hypothetical ones included with their flags.
- ``events``: GDELT-like events, asserted ones only.  For now one row per asserted mention;
  grouping mentions of the same event across articles is a later step (see below).
- ``quotes``: quoted speech with its speaker.
- ``failures``: inputs that could not become articles (one row per source and error).
- ``runs``: one row per ``cronaca ingest``, with its counts (updated with every batch, so a
  killed run still says what it committed).

- ``duplicates``: near-duplicate articles (syndicated or lightly edited copies) and the
  earliest stored article each one copies; rebuilt by the grouping step.

Events and grouping: ``events.event_id`` starts as the id of its one mention, and
``mentions.event_id`` points to it (NULL for negated and hypothetical mentions).  At the end of
every ingest run (and with ``cronaca group``) ``cronaca.store.group`` rewrites ``events`` in
one transaction: one row per group of asserted mentions that report the same real-world event,
``mentions.event_id`` re-pointed to the group's id (the id of its earliest mention) and
``num_mentions`` / ``num_articles`` / ``num_sources`` / ``num_languages`` / ``first_seen`` set
from the group's mentions; no other table has to change.  Columns and tables added later are
added with ``IF NOT EXISTS`` so that older database files still open.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from cronaca.errors import (CronacaError, ExportError, QueryError, StoreBusyError,  # noqa: F401
                            StoreError, StoreMissingError)

DEFAULT_DB = "cronaca.duckdb"
READ_STATEMENTS = ("SELECT", "EXPLAIN", "PRAGMA")   # what `cronaca query` accepts


SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    run_id          VARCHAR PRIMARY KEY,  -- r<UTC start time>-<random>
    started         TIMESTAMP NOT NULL,   -- UTC
    finished        TIMESTAMP,            -- UTC; NULL while running or when the run was killed
    status          VARCHAR NOT NULL,     -- running, done, interrupted (Ctrl-C), failed
    command         VARCHAR NOT NULL,     -- the command line
    new_articles    INTEGER NOT NULL DEFAULT 0,
    already_stored  INTEGER NOT NULL DEFAULT 0,
    failures        INTEGER NOT NULL DEFAULT 0,
    mentions        INTEGER NOT NULL DEFAULT 0,
    events          INTEGER NOT NULL DEFAULT 0   -- asserted mentions while running; once the
                                          -- run has grouped, the events its articles count in
);
CREATE TABLE IF NOT EXISTS articles (
    id              VARCHAR PRIMARY KEY,  -- 'a' + the first 16 hex digits of text_hash
    doc_id          VARCHAR,              -- the input's own id (a JSON Lines record's id) or Cronaca's
    url             VARCHAR,
    site            VARCHAR,
    source          VARCHAR NOT NULL,     -- file path, URL or file.jsonl:line it was read from
    title           VARCHAR,
    author          VARCHAR,
    language        VARCHAR,
    language_score  DOUBLE,
    published       DATE,
    retrieved       TIMESTAMP NOT NULL,   -- UTC time it was stored
    text_hash       VARCHAR NOT NULL UNIQUE,
    text            VARCHAR NOT NULL,     -- clean text: every offset points into it
    removed_count   INTEGER NOT NULL,     -- pieces of clutter the cleaner dropped
    mention_count   INTEGER NOT NULL,     -- rows in mentions (lets anyone check integrity)
    quote_count     INTEGER NOT NULL,     -- rows in quotes
    run_id          VARCHAR NOT NULL,
    removed         VARCHAR               -- JSON list of {text, reason, rule}: what the cleaner dropped
);
ALTER TABLE articles ADD COLUMN IF NOT EXISTS removed VARCHAR;  -- older files
CREATE TABLE IF NOT EXISTS mentions (
    id              VARCHAR NOT NULL,     -- 'm' + 16 hex digits, stable for the same article text
    article_id      VARCHAR NOT NULL,
    event_id        VARCHAR,              -- the events row it counts in; NULL if not asserted
    coder_id        VARCHAR NOT NULL,     -- Event.id as `cronaca extract` prints it
    language        VARCHAR,
    date            DATE,
    date_precision  VARCHAR,
    date_source     VARCHAR,
    cameo           VARCHAR NOT NULL,
    cameo_root      VARCHAR NOT NULL,
    plover          VARCHAR,
    plover_mode     VARCHAR,
    quad_class      TINYINT,              -- NULL for a user code (not CAMEO): no score known
    goldstein       DOUBLE,
    source_text     VARCHAR, source_start INTEGER, source_end INTEGER,
    source_name     VARCHAR, source_country VARCHAR, source_sector VARCHAR, source_kb_id VARCHAR,
    target_text     VARCHAR, target_start INTEGER, target_end INTEGER,
    target_name     VARCHAR, target_country VARCHAR, target_sector VARCHAR, target_kb_id VARCHAR,
    location_text   VARCHAR, location_name VARCHAR, location_country VARCHAR,
    location_lat    DOUBLE, location_lon DOUBLE, location_kb_id VARCHAR,
    negated         BOOLEAN NOT NULL,
    hypothetical    BOOLEAN NOT NULL,
    intent          BOOLEAN NOT NULL,
    speaker_text    VARCHAR, speaker_name VARCHAR, speaker_country VARCHAR,
    speaker_sector  VARCHAR, speaker_kb_id VARCHAR,
    sentence_index  INTEGER NOT NULL,
    sentence_text   VARCHAR NOT NULL,
    sentence_start  INTEGER NOT NULL,     -- offsets into articles.text
    sentence_end    INTEGER NOT NULL,
    trigger_text    VARCHAR NOT NULL,
    trigger_lemma   VARCHAR,
    trigger_start   INTEGER NOT NULL,
    trigger_end     INTEGER NOT NULL,
    confidence      DOUBLE NOT NULL,
    rule            VARCHAR,
    coarse          BOOLEAN DEFAULT false -- coded without a parser (a language with no pipeline)
);
ALTER TABLE mentions ADD COLUMN IF NOT EXISTS coarse BOOLEAN DEFAULT false;  -- older files
ALTER TABLE mentions ALTER COLUMN quad_class DROP NOT NULL;                   -- older files
ALTER TABLE mentions ALTER COLUMN goldstein DROP NOT NULL;
CREATE TABLE IF NOT EXISTS events (
    event_id        VARCHAR NOT NULL,     -- GDELT GLOBALEVENTID (a string here)
    date            DATE,                 -- SQLDATE
    date_precision  VARCHAR,
    source_code     VARCHAR,              -- Actor1Code: country + sector, e.g. BLRGOV
    source_name     VARCHAR,              -- Actor1Name
    source_country  VARCHAR,              -- Actor1CountryCode
    target_code     VARCHAR,              -- Actor2Code
    target_name     VARCHAR,              -- Actor2Name
    target_country  VARCHAR,              -- Actor2CountryCode
    cameo           VARCHAR NOT NULL,     -- EventCode
    cameo_root      VARCHAR NOT NULL,     -- EventRootCode
    plover          VARCHAR,
    quad_class      TINYINT,              -- QuadClass (NULL for a user code)
    goldstein       DOUBLE,               -- GoldsteinScale (NULL for a user code)
    location_name   VARCHAR,              -- ActionGeo_FullName
    location_country VARCHAR,             -- ActionGeo_CountryCode (ISO3 here)
    location_lat    DOUBLE,
    location_lon    DOUBLE,
    num_mentions    INTEGER NOT NULL,     -- NumMentions
    num_articles    INTEGER NOT NULL,     -- NumArticles
    num_sources     INTEGER NOT NULL,     -- NumSources (distinct sites)
    first_seen      TIMESTAMP NOT NULL,   -- DATEADDED: when its first article was stored (UTC)
    article_url     VARCHAR,              -- SOURCEURL of the first article
    num_languages   INTEGER DEFAULT 1     -- languages of its (non-duplicate) articles
);
ALTER TABLE events ADD COLUMN IF NOT EXISTS num_languages INTEGER DEFAULT 1;  -- older files
ALTER TABLE events ALTER COLUMN quad_class DROP NOT NULL;                     -- older files
ALTER TABLE events ALTER COLUMN goldstein DROP NOT NULL;
CREATE TABLE IF NOT EXISTS duplicates (
    article_id      VARCHAR PRIMARY KEY,  -- a near-duplicate (syndicated, lightly edited) copy
    duplicate_of    VARCHAR NOT NULL,     -- the earliest stored article it copies
    similarity      DOUBLE NOT NULL       -- estimated Jaccard of word 5-shingles (MinHash)
);
CREATE TABLE IF NOT EXISTS quotes (
    article_id      VARCHAR NOT NULL,
    sentence_index  INTEGER,
    text            VARCHAR NOT NULL,
    start           INTEGER NOT NULL,     -- offsets into articles.text
    "end"           INTEGER NOT NULL,
    speaker_text    VARCHAR,
    speaker_name    VARCHAR,
    speaker_country VARCHAR
);
CREATE TABLE IF NOT EXISTS failures (
    source          VARCHAR NOT NULL,
    error           VARCHAR NOT NULL,     -- one line with its code, e.g. [E102] ...
    "at"            TIMESTAMP NOT NULL,   -- UTC, the latest time it failed
    run_id          VARCHAR NOT NULL,     -- the latest run it failed in
    attempts        INTEGER NOT NULL DEFAULT 1
);
"""

TABLES = ("articles", "mentions", "events", "quotes", "failures", "runs")


def utcnow() -> dt.datetime:
    """Naive UTC, which is what the TIMESTAMP columns hold."""
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


@dataclass
class Result:
    """A query's column names and rows."""

    columns: list[str]
    rows: list[tuple[Any, ...]]

    def to_csv(self) -> str:
        import csv
        import io

        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(self.columns)
        writer.writerows(self.rows)
        return buffer.getvalue()

    def to_jsonl(self) -> str:
        """One JSON object per row; dates, times and decimals as their ISO/str form."""
        import json

        return "".join(json.dumps(dict(zip(self.columns, row)), ensure_ascii=False,
                                  default=str) + "\n" for row in self.rows)


class Store:
    """One open database.  Use ``Store.open(path)``; close it (or use ``with``) when done."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: Path, read_only: bool):
        self.con = con
        self.path = path
        self.read_only = read_only

    @classmethod
    def open(cls, path: str | Path = DEFAULT_DB, read_only: bool = False) -> Store:
        """Open (and, for writing, create) a database; errors are one line with a code."""
        path = Path(path)
        if read_only and not path.is_file():
            raise StoreMissingError(f"{path}: no such database; create it with cronaca ingest")
        if not read_only and not path.parent.is_dir():
            raise StoreError(f"{path}: folder {path.parent} does not exist")
        try:
            con = duckdb.connect(str(path), read_only=read_only)
        except duckdb.IOException as exc:
            raise _open_error(path, exc) from None
        except duckdb.Error as exc:
            raise StoreError(f"{path}: cannot open ({first_line(exc)})") from None
        store = cls(con, path, read_only)
        if not read_only:
            store.con.execute(SCHEMA)
        elif not store._has_schema():
            store.close()
            raise StoreError(f"{path}: not a Cronaca database (no articles table)")
        return store

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _has_schema(self) -> bool:
        found = {r[0] for r in self.con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
        ).fetchall()}
        return set(TABLES) <= found

    # ------------------------------------------------------------------ writing

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """BEGIN ... COMMIT, or ROLLBACK on any error: all of a batch or none of it."""
        self.con.begin()
        try:
            yield self.con
            self.con.commit()
        except BaseException:
            try:
                self.con.rollback()
            except duckdb.Error:
                pass                  # a failed COMMIT has already ended the transaction
            raise

    def insert(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """Insert rows in one statement that scans them as columns of Python objects.

        DuckDB reads a registered dict of NumPy object arrays in its own code and casts every
        value to the table's column type; binding the same rows as ``?`` parameters costs
        about 40 microseconds a value, some 30 times more, and made writing the busiest part
        of an ingest with worker processes.
        """
        import numpy as np

        if not rows:
            return
        data = {}
        for j in range(len(columns)):
            values = np.empty(len(rows), dtype=object)
            values[:] = [row[j] for row in rows]
            data[f"c{j}"] = values
        names = ", ".join(f'"{c}"' for c in columns)
        picked = ", ".join(f"c{j}" for j in range(len(columns)))
        self.con.register("_cronaca_rows", data)
        try:
            self.con.execute(f"INSERT INTO {table} ({names}) SELECT {picked} FROM _cronaca_rows")
        finally:
            self.con.unregister("_cronaca_rows")

    def stored_keys(self) -> tuple[set[str], set[str]]:
        """The text hashes and the URLs of every stored article."""
        hashes, urls = set(), set()
        for hash_, url in self.con.execute("SELECT text_hash, url FROM articles").fetchall():
            hashes.add(hash_)
            if url:
                urls.add(url)
        return hashes, urls

    def begin_run(self, command: str) -> str:
        import secrets

        started = utcnow()
        run_id = f"r{started:%Y%m%dT%H%M%S}-{secrets.token_hex(3)}"
        self.con.execute("INSERT INTO runs (run_id, started, status, command) VALUES (?, ?, ?, ?)",
                         [run_id, started, "running", command])
        return run_id

    def update_run(self, run_id: str, counts: dict[str, int], status: str | None = None) -> None:
        """Store a run's counts (inside the batch's transaction) and, at the end, its status."""
        sets = ", ".join(f"{k} = ?" for k in counts)
        params: list[Any] = list(counts.values())
        if status is not None:
            sets += ", status = ?, finished = ?"
            params += [status, utcnow()]
        self.con.execute(f"UPDATE runs SET {sets} WHERE run_id = ?", [*params, run_id])

    def record_failure(self, source: str, error: str, run_id: str) -> None:
        """One row per (source, error): a failure seen again only updates time, run, attempts."""
        now = utcnow()
        hit = self.con.execute("SELECT 1 FROM failures WHERE source = ? AND error = ?",
                               [source, error]).fetchone()
        if hit:
            self.con.execute('UPDATE failures SET "at" = ?, run_id = ?, attempts = attempts + 1 '
                             'WHERE source = ? AND error = ?', [now, run_id, source, error])
        else:
            self.con.execute('INSERT INTO failures (source, error, "at", run_id) '
                             'VALUES (?, ?, ?, ?)', [source, error, now, run_id])

    # ------------------------------------------------------------------ reading

    def query(self, sql: str, params: Sequence[Any] | None = None) -> Result:
        cursor = self.con.execute(sql, params or [])
        columns = [d[0] for d in cursor.description] if cursor.description else []
        return Result(columns, cursor.fetchall() if columns else [])

    def read_query(self, sql: str) -> Result:
        """Run one user statement that only reads; anything else is refused in one line."""
        try:
            statements = duckdb.extract_statements(sql)
        except duckdb.Error as exc:
            raise QueryError(first_line(exc)) from None
        if len(statements) != 1:
            raise QueryError(f"give exactly one statement (got {len(statements)})")
        kind = statements[0].type.name
        if kind not in READ_STATEMENTS:
            raise QueryError(f"only read queries are allowed ({kind} refused)")
        try:
            return self.query(sql)
        except duckdb.Error as exc:
            raise QueryError(first_line(exc)) from None

    def count(self, table: str) -> int:
        return self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def stats(self, top: int = 20) -> Stats:
        """Totals and the counts a user checks first after an ingest (``top`` 0: all rows)."""
        limit = f"LIMIT {int(top)}" if top > 0 else ""
        totals = Result(["table", "rows"], [(t, self.count(t)) for t in TABLES])
        by_day = self.query(f"""
            SELECT coalesce(CAST(date AS VARCHAR), 'no date') AS day, events
            FROM (SELECT date, count(*) AS events FROM events
                  GROUP BY date ORDER BY date DESC NULLS FIRST {limit})
            ORDER BY date NULLS LAST""")
        by_root = self.query(f"""
            SELECT cameo_root AS root, count(*) AS events FROM events
            GROUP BY cameo_root ORDER BY events DESC, root {limit}""")
        by_root.columns.insert(1, "name")
        by_root.rows = [(root, _root_name(root), n) for root, n in by_root.rows]
        by_pair = self.query(f"""
            SELECT coalesce(source_country, '-') || ' -> ' || coalesce(target_country, '-')
                   AS pair, count(*) AS events
            FROM events GROUP BY pair ORDER BY events DESC, pair {limit}""")
        by_language = self.query("""
            SELECT coalesce(a.language, '-') AS language, count(DISTINCT a.id) AS articles,
                   count(m.event_id) AS events
            FROM articles a LEFT JOIN mentions m ON m.article_id = a.id
            GROUP BY 1 ORDER BY articles DESC, language""")
        return Stats(totals, by_day, by_root, by_pair, by_language)

    def failures(self, limit: int = 0) -> Result:
        """Failures, latest first (``limit`` 0: all)."""
        tail = f"LIMIT {int(limit)}" if limit > 0 else ""
        return self.query(f'SELECT source, error, "at", run_id, attempts FROM failures '
                          f'ORDER BY "at" DESC, source {tail}')


@dataclass
class Stats:
    totals: Result
    by_day: Result
    by_root: Result
    by_pair: Result
    by_language: Result


def _root_name(root: str) -> str:
    from cronaca.events.codes import cameo

    code = cameo().get(root)
    return code.name if code is not None else ""


def first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _open_error(path: Path, exc: duckdb.Error) -> StoreError:
    message = first_line(exc)
    if "lock" in message.lower():
        return StoreBusyError(f"{path} is being written by another process (an ingest?); "
                              "wait for it to finish or stop it, then try again")
    return StoreError(f"{path}: cannot open ({message})")
