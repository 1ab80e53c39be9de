"""The benchmark command works and measures what it says (no speed assertions: see bench.py)."""

from __future__ import annotations

import pytest

from cronaca import bench
from conftest import run_cli


def test_bench_articles_are_real_texts_of_the_asked_length():
    texts = bench.articles("it", 3, words=500)
    assert len(texts) == 3 and len(set(texts)) == 3           # each starts elsewhere
    for text in texts:
        assert 500 <= len(text.split()) < 700
        assert "Lukashenko" in text and "More Stories" not in text   # cleaned, clutter gone


@pytest.mark.slow
def test_bench_extract_reports_every_measure():
    results = bench.extract_bench(("en",), count=2, words=200)
    names = [t.name for t in results["en"]]
    assert names == ["spacy", "parse", "events", "extract"]
    for timing in results["en"]:
        assert timing.seconds > 0 and timing.articles == 2 and timing.words >= 400
    assert results["en"][2].events == results["en"][3].events > 0


@pytest.mark.slow
def test_bench_command_prints_the_table():
    result = run_cli("bench", "extract", "--articles", "2", "--words", "150", "--lang", "en")
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "articles/s" in out and "coder/parser" in out and "extract" in out


def test_bench_corpus_articles_all_differ():
    from cronaca.store.ingest import text_hash

    records = bench.corpus(40, words=80)
    assert [r["lang"] for r in records[:4]] == ["it", "en", "it", "en"]
    assert len({text_hash(r["text"]) for r in records}) == 40
    assert all(len(r["text"].split()) >= 80 for r in records)


@pytest.mark.slow
def test_bench_ingest_prints_every_run_and_ratio():
    result = run_cli("bench", "ingest", "--articles", "12", "--words", "60")
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    for row in ("extract (1 process)", "local, 1 worker", "local, 2 workers", "dask, 2 workers"):
        assert row in out
    assert "articles/s" in out and "vs extract" in out
    ratios = [line for line in out.splitlines() if line.startswith("ratio ")]
    assert any("local, 2 workers vs local, 1 worker" in r for r in ratios)
    assert any("dask, 2 workers vs local, 2 workers" in r for r in ratios)
    assert sum(r.split(":")[0].endswith("vs extract") for r in ratios) == 3
