"""Scale-out ingest: `--workers 2` (local processes) and `--engine dask` (a real LocalCluster)
store exactly what the in-process run stores, and re-running adds nothing.

The corpus is small (a dozen short example-based articles, one duplicate, one bad record) so
the file stays quick on busy machines; worker start-up and model loading dominate its time.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from cronaca import bench
from cronaca.pipeline import Pipeline
from cronaca.store import Store
from cronaca.store.engines import DaskEngine, LocalEngine, make_engine
from cronaca.store.ingest import ingest
from conftest import default_sigint, run_cli

pytestmark = pytest.mark.slow

ARTICLES = 12


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    records = bench.corpus(ARTICLES, words=60)
    records.append({**records[3], "id": "copy-of-3"})         # the same text again: skipped
    path = tmp_path_factory.mktemp("engines") / "corpus.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    lines.insert(5, json.dumps({"id": "bad", "lang": "it"}))   # no text: one failure
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _snapshot(db: Path) -> dict:
    with duckdb.connect(str(db), read_only=True) as con:
        def q(sql: str) -> list[tuple]:
            return con.execute(sql).fetchall()
        return {
            "articles": q("SELECT id, doc_id, text_hash, mention_count, quote_count "
                          "FROM articles ORDER BY id"),
            "mentions": q("SELECT id, article_id, cameo, source_name, target_name, negated "
                          "FROM mentions ORDER BY id"),
            "events": q("SELECT count(*), sum(num_mentions) FROM events"),
            "quotes": q("SELECT count(*) FROM quotes"),
            "failures": q("SELECT source FROM failures ORDER BY source"),
        }


@pytest.fixture(scope="module")
def baseline(corpus, tmp_path_factory) -> dict:
    """The in-process run (`--workers 1`, today's path)."""
    db = tmp_path_factory.mktemp("one") / "one.duckdb"
    with Store.open(db) as store:
        report = ingest(store, [str(corpus)], Pipeline(stages=("parse", "events")))
    c = report.counts
    assert (c.new_articles, c.already_stored, c.failures) == (ARTICLES, 1, 1)
    snap = _snapshot(db)
    assert len(snap["articles"]) == ARTICLES and len(snap["mentions"]) > ARTICLES
    return snap


def _ingest_twice(corpus: Path, db: Path, *options: str) -> None:
    first = run_cli("ingest", str(corpus), "--db", str(db), *options)
    assert first.returncode == 0, first.stderr.decode()
    assert f"{ARTICLES} new article(s), 1 already stored, 1 failure(s)" in first.stdout.decode()
    snap = _snapshot(db)
    again = run_cli("ingest", str(corpus), "--db", str(db), *options)
    assert again.returncode == 0, again.stderr.decode()
    assert f"0 new article(s), {ARTICLES + 1} already stored" in again.stdout.decode()
    assert _snapshot(db) == snap
    with duckdb.connect(str(db), read_only=True) as con:
        runs = con.execute("SELECT status, command FROM runs ORDER BY started").fetchall()
    assert [r[0] for r in runs] == ["done", "done"] and all(o in runs[0][1] for o in options)


def test_two_local_workers_store_what_one_process_stores(corpus, baseline, tmp_path):
    db = tmp_path / "two.duckdb"
    _ingest_twice(corpus, db, "--workers", "2")
    assert _snapshot(db) == baseline


def test_dask_local_cluster_stores_what_one_process_stores(corpus, baseline, tmp_path):
    db = tmp_path / "dask.duckdb"
    _ingest_twice(corpus, db, "--engine", "dask", "--workers", "2")
    assert _snapshot(db) == baseline


def test_engine_choice():
    assert make_engine("local", None) is None and make_engine("local", 1) is None
    assert isinstance(make_engine("local", 3), LocalEngine)
    dask = make_engine("dask", None)
    assert isinstance(dask, DaskEngine) and dask.workers == 2 and dask.client is None  # lazy
    with pytest.raises(ValueError):
        make_engine("local", 2, "tcp://127.0.0.1:8786")


def test_scheduler_without_dask_is_refused(corpus, tmp_path):
    result = run_cli("ingest", str(corpus), "--db", str(tmp_path / "x.duckdb"),
                     "--scheduler", "tcp://127.0.0.1:1")
    assert result.returncode == 2 and b"--engine dask" in result.stderr


# --------------------------------------------------------------------------- Ctrl-C


def _descendants(pid: int) -> set[int]:
    """Every living process below ``pid`` (from /proc; Linux)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z":
            children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("options", [("--workers", "2"), ("--engine", "dask", "--workers", "2")],
                         ids=["local", "dask"])
def test_ctrl_c_stops_the_workers_commits_and_resumes(options, tmp_path):
    """Ctrl-C in a terminal reaches the whole process group: the workers ignore it, the
    ingesting process commits what came back, stops every worker and exits 130; the same
    command then finishes the corpus with nothing twice."""
    import os
    import signal
    import subprocess
    import sys
    import time

    records = bench.corpus(60, words=200)
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    db = tmp_path / "c.duckdb"
    command = [sys.executable, "-m", "cronaca", "-v", "ingest", str(path), "--db", str(db),
               "--batch", "4", *options]
    env = {**os.environ, "COLUMNS": "200", "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                            start_new_session=True, preexec_fn=default_sigint)
    deadline = time.monotonic() + 240
    for line in iter(proc.stderr.readline, b""):
        if b"committed" in line:
            break
        assert time.monotonic() < deadline, "no batch committed in time"
    else:
        raise AssertionError(f"ingest ended before committing (rc {proc.wait()})")
    workers = _descendants(proc.pid)
    assert workers, "the engine started no worker process"
    os.killpg(proc.pid, signal.SIGINT)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr.decode()
    assert "re-run the same command to resume" in stderr.decode()
    deadline = time.monotonic() + 30
    while any(_alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not [p for p in workers if _alive(p)], "worker processes outlived the run"
    with duckdb.connect(str(db), read_only=True) as con:
        stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert con.execute("SELECT status FROM runs").fetchall() == [("interrupted",)]
    assert 4 <= stored < len(records)
    again = subprocess.run(command, capture_output=True, env=env, timeout=600)
    assert again.returncode == 0, again.stderr.decode()
    assert f"{len(records) - stored} new article(s), {stored} already stored" in \
        again.stdout.decode()
