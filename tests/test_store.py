"""The corpus store: `cronaca ingest/query/stats/failures/export` on real DuckDB files.

Everything runs the real pipeline on Cronaca's own example articles, in subprocesses, so what
is tested is what a user runs: transactions, resume after Ctrl-C and after kill -9, no
duplicates, read-only queries, exports read back.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import duckdb
import pytest

from cronaca.model import Event
from cronaca.store import Store
from cronaca.store.ingest import text_hash
from conftest import default_sigint, run_cli

pytestmark = pytest.mark.slow


def _rows(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def _one(db: Path, sql: str):
    return _rows(db, sql)[0][0]


def _consistent(db: Path) -> int:
    """Check that no article is half-written; returns the number of articles."""
    assert _rows(db, """
        SELECT a.id, a.mention_count, count(m.id) FROM articles a
        LEFT JOIN mentions m ON m.article_id = a.id
        GROUP BY a.id, a.mention_count HAVING a.mention_count <> count(m.id)""") == []
    assert _rows(db, """
        SELECT a.id FROM articles a LEFT JOIN quotes q ON q.article_id = a.id
        GROUP BY a.id, a.quote_count HAVING a.quote_count <> count(q.article_id)""") == []
    # nothing points to an article that is not there
    for table in ("mentions", "quotes"):
        assert _one(db, f"SELECT count(*) FROM {table} WHERE article_id NOT IN "
                        f"(SELECT id FROM articles)") == 0
    # events: every asserted mention belongs to one grouped event, every event has mentions
    assert _one(db, "SELECT count(*) FROM mentions WHERE NOT negated AND NOT hypothetical "
                    "AND event_id IS NULL") == 0
    assert _one(db, "SELECT count(DISTINCT event_id) FROM mentions") == \
        _one(db, "SELECT count(*) FROM events")
    assert _one(db, "SELECT count(*) FROM events WHERE event_id NOT IN "
                    "(SELECT event_id FROM mentions WHERE event_id IS NOT NULL)") == 0
    assert _one(db, "SELECT count(*) - count(DISTINCT text_hash) FROM articles") == 0
    assert _one(db, "SELECT count(*) - count(DISTINCT id) FROM mentions") == 0
    return _one(db, "SELECT count(*) FROM articles")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, examples) -> Path:
    """The examples (the Italian page twice: as HTML and as text) plus two bad files."""
    folder = tmp_path_factory.mktemp("corpus")
    for path in examples.values():
        shutil.copy(path, folder / path.name)
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    (folder / "empty.txt").write_bytes(b"")
    return folder


@pytest.fixture(scope="module")
def ingested(corpus, tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    db = tmp_path_factory.mktemp("db") / "corpus.duckdb"
    proc = run_cli("ingest", str(corpus), "--db", str(db), "--batch", "2", "--date", "2023-03-01")
    return db, proc


def test_ingest_stores_articles_mentions_events_quotes(ingested, examples):
    db, proc = ingested
    assert proc.returncode == 0, proc.stderr.decode()
    summary = proc.stdout.decode()
    # the HTML page and its text twin clean to the same text: stored once
    assert "2 new article(s), 1 already stored, 2 failure(s)" in summary
    with Store.open(db, read_only=True) as store:
        assert {"articles", "mentions", "events", "quotes", "failures", "runs"} <= \
            {r[0] for r in store.query("SHOW TABLES").rows}
    assert _consistent(db) == 2
    assert sorted(r[0] for r in _rows(db, "SELECT language FROM articles")) == ["en", "it"]
    for text, stored_hash, published in _rows(db, "SELECT text, text_hash, published FROM articles"):
        assert stored_hash == text_hash(text)
        assert stored_hash == hashlib.sha256(
            " ".join(unicodedata.normalize("NFC", text).lower().split()).encode()).hexdigest()
        assert str(published) == "2023-03-01"   # --date, the examples give none
    # offsets point into the stored text
    for text, ts, te, trigger, ss, se, sentence in _rows(db, """
            SELECT a.text, m.trigger_start, m.trigger_end, m.trigger_text, m.sentence_start,
                   m.sentence_end, m.sentence_text
            FROM mentions m JOIN articles a ON a.id = m.article_id"""):
        assert text[ts:te] == trigger and text[ss:se] == sentence
    # the first sentence of the Italian example: Lukashenko (BLR) meets Xi (CHN), 04x
    assert _rows(db, """SELECT count(*) FROM events WHERE source_country = 'BLR'
                        AND target_country = 'CHN' AND cameo_root = '04'""")[0][0] >= 1
    # negated events are kept in mentions with their flag, never in events
    negated = _rows(db, "SELECT event_id FROM mentions WHERE negated")
    assert negated and all(r[0] is None for r in negated)
    assert _one(db, "SELECT count(*) FROM quotes") >= 1
    run = _rows(db, "SELECT status, new_articles, already_stored, failures, mentions, events, "
                    "finished IS NOT NULL FROM runs")
    assert run == [("done", 2, 1, 2, _one(db, "SELECT count(*) FROM mentions"),
                    _one(db, "SELECT count(*) FROM events"), True)]


def test_every_event_field_has_a_mentions_column(ingested):
    db, _ = ingested
    columns = {r[0] for r in _rows(db, "DESCRIBE mentions")}
    renamed = {"id": "coder_id", "doc_id": None, "evidence": "sentence_index"}
    for f in dataclasses.fields(Event):
        column = renamed.get(f.name, f.name)
        if column is None:
            continue                      # stored once per article: articles.doc_id
        assert column in columns or any(c.startswith(column + "_") for c in columns), f.name


def test_bad_files_are_failures_and_the_rest_is_stored(ingested, corpus):
    db, proc = ingested
    failures = dict(_rows(db, "SELECT source, error FROM failures"))
    assert failures.keys() == {str(corpus / "image.png"), str(corpus / "empty.txt")}
    assert failures[str(corpus / "image.png")].startswith("[E102]")
    assert failures[str(corpus / "empty.txt")].startswith("[E101]")
    listed = run_cli("failures", "--db", str(db))
    assert listed.returncode == 0
    assert "[E102]" in listed.stdout.decode() and "image.png" in listed.stdout.decode()


def test_reingest_adds_nothing(ingested, corpus):
    db, _ = ingested
    before = {t: _one(db, f"SELECT count(*) FROM {t}")
              for t in ("articles", "mentions", "events", "quotes", "failures")}
    again = run_cli("ingest", str(corpus), "--db", str(db), "--batch", "2", "--date", "2023-03-01")
    assert again.returncode == 0, again.stderr.decode()
    assert "0 new article(s), 3 already stored, 2 failure(s)" in again.stdout.decode()
    after = {t: _one(db, f"SELECT count(*) FROM {t}") for t in before}
    assert after == before
    assert {r[0] for r in _rows(db, "SELECT attempts FROM failures")} == {2}


def test_query_is_read_only(ingested):
    db, _ = ingested
    articles = _one(db, "SELECT count(*) FROM articles")
    for statement in ("DELETE FROM articles", "DROP TABLE events",
                      "COPY articles TO 'leak.csv'", "SELECT 1; DELETE FROM articles"):
        refused = run_cli("query", statement, "--db", str(db))
        assert refused.returncode == 1
        message = refused.stderr.decode().strip()
        assert message.startswith("error: [E503]") and "\n" not in message, message
    assert _one(db, "SELECT count(*) FROM articles") == articles
    # the second line of defence: DuckDB's own read-only connection
    with Store.open(db, read_only=True) as store, pytest.raises(duckdb.Error, match="read-only"):
        store.con.execute("DELETE FROM articles")
    rows = run_cli("query", "SELECT language, count(*) AS n FROM articles GROUP BY 1 ORDER BY 1",
                   "--db", str(db), "--format", "json")
    assert rows.returncode == 0
    assert [json.loads(line) for line in rows.stdout.decode().splitlines()] == \
        [{"language": "en", "n": 1}, {"language": "it", "n": 1}]
    missing = run_cli("query", "SELECT 1", "--db", str(db.parent / "nope.duckdb"))
    assert missing.returncode == 1 and "[E502]" in missing.stderr.decode()


def test_stats(ingested):
    db, _ = ingested
    proc = run_cli("stats", "--db", str(db))
    assert proc.returncode == 0, proc.stderr.decode()
    text = proc.stdout.decode()
    for heading in ("totals", "events by day", "events by CAMEO root",
                    "events by country pair (source -> target)", "by language"):
        assert heading in text
    assert "BLR -> CHN" in text and "Consult" in text
    events = _one(db, "SELECT count(*) FROM events")
    assert any(line.split() == ["events", str(events)] for line in text.splitlines())


def test_export_round_trip(ingested, tmp_path):
    db, _ = ingested
    ids = {r[0] for r in _rows(db, "SELECT event_id FROM events")}
    out_csv, out_jsonl, out_pq = tmp_path / "e.csv", tmp_path / "e.jsonl", tmp_path / "pq"
    for fmt, target in (("csv", out_csv), ("jsonl", out_jsonl), ("parquet", out_pq)):
        proc = run_cli("export", "--format", fmt, "--db", str(db), str(target))
        assert proc.returncode == 0, proc.stderr.decode()
        assert f"wrote {len(ids)} row(s) of events" in proc.stdout.decode()
    with out_csv.open(newline="", encoding="utf-8") as fh:
        assert {row["event_id"] for row in csv.DictReader(fh)} == ids
    records = [json.loads(line) for line in out_jsonl.read_text(encoding="utf-8").splitlines()]
    assert {r["event_id"] for r in records} == ids
    assert all(r["goldstein"] is not None for r in records)
    back = duckdb.sql(f"SELECT event_id, date, year, month FROM read_parquet("
                      f"'{out_pq}/**/*.parquet', hive_partitioning = true)").fetchall()
    assert {r[0] for r in back} == ids
    assert all(r[1] is None or (r[1].year, r[1].month) == (int(r[2]), int(r[3])) for r in back)
    assert (out_pq / "year=2023" / "month=3").is_dir()
    # a selection, another table, and a Parquet folder that is not new
    where = run_cli("export", "--format", "jsonl", "--table", "mentions", "--where",
                    "cameo_root = '04'", "--db", str(db), str(tmp_path / "m.jsonl"))
    assert where.returncode == 0, where.stderr.decode()
    lines = (tmp_path / "m.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == _one(db, "SELECT count(*) FROM mentions WHERE cameo_root = '04'") > 0
    again = run_cli("export", "--format", "parquet", "--db", str(db), str(out_pq))
    assert again.returncode == 1 and "[E504]" in again.stderr.decode()


# --------------------------------------------------------------------------- interruptions


def _start(folder: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "cronaca", "-v", "ingest", str(folder),
                             "--db", str(db), "--batch", "5", "--date", "2024-05-06"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "COLUMNS": "200", "PYTHONIOENCODING": "utf-8"},
                            preexec_fn=default_sigint)


def _wait_for_commit(proc: subprocess.Popen, timeout: float = 120) -> None:
    """Block until the ingest logs its first committed batch."""
    deadline = time.monotonic() + timeout
    for line in iter(proc.stderr.readline, b""):
        if b"committed" in line:
            return
        assert time.monotonic() < deadline, "no batch committed in time"
    raise AssertionError(f"ingest ended before committing (rc {proc.wait()})")


def test_ctrl_c_and_kill_9_lose_at_most_a_batch_and_resume(examples, tmp_path):
    folder, db = tmp_path / "many", tmp_path / "many.duckdb"
    folder.mkdir()
    text = examples["port_strike_en.txt"].read_text(encoding="utf-8")
    assert "six protesters" in text
    for i in range(40):   # one sentence differs, so every copy has its own hash
        (folder / f"strike_{i:02d}.txt").write_text(
            text.replace("six protesters", f"{i + 7} protesters"), encoding="utf-8")

    # Ctrl-C: what is coded is committed, the run says so and exits 130
    proc = _start(folder, db)
    _wait_for_commit(proc)
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr.decode()
    assert "re-run the same command to resume" in stderr.decode()
    first = _consistent(db)
    assert 5 <= first < 40
    assert _rows(db, "SELECT status, new_articles FROM runs") == [("interrupted", first)]

    # kill -9 at some moment after a commit: at most the batch in flight is lost
    proc = _start(folder, db)
    _wait_for_commit(proc)
    busy = run_cli("query", "SELECT 1", "--db", str(db))      # one writer at a time
    assert busy.returncode == 1 and "[E501]" in busy.stderr.decode()
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    second = _consistent(db)
    assert first + 5 <= second < 40
    killed = _rows(db, "SELECT status, finished, new_articles, already_stored FROM runs "
                       "ORDER BY started")[-1]
    assert killed[:2] == ("running", None)          # it never finished...
    assert killed[2] == second - first              # ...and its counts are what it committed

    # the same command completes the rest, nothing twice
    proc = _start(folder, db)
    stdout, stderr = proc.communicate(timeout=300)
    assert proc.returncode == 0, stderr.decode()
    assert f"{40 - second} new article(s), {second} already stored, 0 failure(s)" in \
        stdout.decode()
    assert _consistent(db) == 40
    assert _one(db, "SELECT count(DISTINCT mention_count) FROM articles") == 1   # same story


def test_a_row_that_cannot_be_stored_is_a_failure_not_a_lost_batch(tmp_path, monkeypatch):
    """In-process and without models: the batch falls back to one transaction per article."""
    from cronaca.pipeline import Pipeline
    from cronaca.store import ingest as store_ingest

    for i in range(3):
        (tmp_path / f"n{i}.txt").write_text(
            f"Il governo ha approvato la riforma numero {i} della scuola dopo un lungo dibattito "
            "in Parlamento, con il voto favorevole della maggioranza.", encoding="utf-8")
    flatten = store_ingest.article_rows

    def broken(article, *args):
        rows = flatten(article, *args)
        if article.source.endswith("n1.txt"):   # a date DuckDB cannot cast
            rows.article = tuple("not a date" if c == "published" else v
                                 for c, v in zip(store_ingest.ARTICLE_COLUMNS, rows.article))
        return rows

    monkeypatch.setattr(store_ingest, "article_rows", broken)
    db = tmp_path / "s.duckdb"            # inside the corpus: never read as an input
    with Store.open(db) as store:
        report = store_ingest.ingest(store, [str(tmp_path)], Pipeline(stages=()), batch=10)
    assert (report.counts.new_articles, report.counts.failures) == (2, 1)
    assert _consistent(db) == 2
    [(source, error)] = _rows(db, "SELECT source, error FROM failures")
    assert source.endswith("n1.txt") and error.startswith("[E500]")
    assert _rows(db, "SELECT status, new_articles, failures FROM runs") == [("done", 2, 1)]


def test_a_user_code_is_stored_and_exported_without_a_score(tmp_path, monkeypatch):
    """A user dictionary's code beyond CAMEO ("903") goes through an older store file (its
    score columns NOT NULL, as before user codes) and the GDELT export with no Goldstein score
    or quad class, none being known."""
    (tmp_path / "mine.verbs.txt").write_text("--- RESTORE  [064] ---\nRESTORE\n"
                                             "- * FULL RELATIONS [903]\n", encoding="utf-8")
    r = run_cli("kb", "import-petrarch", str(tmp_path / "mine.verbs.txt"), "--out",
                str(tmp_path / "kb"))
    assert r.returncode == 0, r.stderr.decode()
    db = tmp_path / "old.duckdb"
    with Store.open(db):
        pass
    con = duckdb.connect(str(db))                 # what an older Cronaca created
    for table in ("mentions", "events"):
        for column in ("quad_class", "goldstein"):
            con.execute(f"ALTER TABLE {table} ALTER COLUMN {column} SET NOT NULL")
    con.close()
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("France restored full relations with Germany on Monday.",
                                  encoding="utf-8")
    monkeypatch.setenv("CRONACA_KB", str(tmp_path / "kb"))
    r = run_cli("ingest", str(corpus), "--db", str(db), "--lang", "en", "--date", "2023-03-01")
    assert r.returncode == 0, r.stderr.decode()
    assert _rows(db, "SELECT cameo, cameo_root, quad_class, goldstein, plover FROM mentions") == \
        [("903", "90", None, None, None)]
    r = run_cli("export", "--db", str(db), "--format", "gdelt", str(tmp_path / "out"))
    assert r.returncode == 0, r.stderr.decode()
    from cronaca.store.export import GDELT_EVENT_COLUMNS

    [row] = list(csv.reader((tmp_path / "out" / "events.CSV").open(encoding="utf-8"),
                            delimiter="\t"))
    fields = dict(zip(GDELT_EVENT_COLUMNS, row, strict=True))
    assert [fields[k] for k in ("EventCode", "EventRootCode", "QuadClass", "GoldsteinScale",
                                "Actor1CountryCode", "Actor2CountryCode")] == \
        ["903", "90", "", "", "FRA", "DEU"]
