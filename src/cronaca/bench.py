"""Throughput benchmarks: ``cronaca bench extract`` and ``cronaca bench ingest``.

Speed goals live here, never in unit tests (the machines are shared and noisy).  Every number
is measured in one run on the same articles, so the ratios between them are what to read:

- ``spacy``: the language pipeline alone (``nlp.pipe`` over the clean texts), the floor;
- ``parse``: Cronaca's parse stage (spaCy plus sentence and token records);
- ``events``: the coder alone, on articles already parsed;
- ``extract``: the whole job from text: clean, identify language, parse, code.

The fixed article set is built from the built-in examples: each article is the cleaned text of
an example, paragraphs repeated until it reaches the target length, so every article is a real
news text of about ``words`` words in its language.

``cronaca bench ingest`` times whole ingest runs (read, clean, skip, parse, code, write, group)
into fresh DuckDB files: in this process (1 worker), with N local worker processes and on a
Dask ``LocalCluster``, against the single-process ``extract`` rate measured in the same run.
Its corpus (``corpus``) is made of the examples' paragraphs in a different random order and
choice for every article, so every article has its own text hash and nothing is skipped.
"""

from __future__ import annotations

import json
import os
import random
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

from cronaca.model import Article, Document, Failure

EXAMPLES = {"it": "lukashenko_xi_it.txt", "en": "port_strike_en.txt"}


@dataclass
class Timing:
    name: str
    seconds: float
    articles: int
    words: int
    events: int = 0

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds else float("inf")

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else float("inf")


def articles(lang: str, count: int, words: int = 500) -> list[str]:
    """``count`` clean article texts of about ``words`` words in ``lang``."""
    from cronaca.clean import clean

    raw = (resources.files("cronaca.examples") / EXAMPLES[lang]).read_text(encoding="utf-8")
    doc = Document(id="bench", content=raw, format="text", source=EXAMPLES[lang], lang=lang)
    paragraphs = [p for p in clean(doc, lang=lang).text.split("\n") if p.strip()]
    out = []
    for i in range(count):
        body, n, k = [], 0, i                    # each article starts at another paragraph
        while n < words:
            p = paragraphs[k % len(paragraphs)]
            body.append(p)
            n += len(p.split())
            k += 1
        out.append("\n\n".join(body))
    return out


def _paragraphs(lang: str) -> list[str]:
    from cronaca.clean import clean

    raw = (resources.files("cronaca.examples") / EXAMPLES[lang]).read_text(encoding="utf-8")
    doc = Document(id="bench", content=raw, format="text", source=EXAMPLES[lang], lang=lang)
    return [p for p in clean(doc, lang=lang).text.split("\n") if p.strip()]


def corpus(count: int, words: int = 300, langs: tuple[str, ...] = ("it", "en"),
           seed: int = 1) -> list[dict]:
    """``count`` JSON Lines records ``{id, date, lang, text}``, languages in turn, all different.

    Each text is the example's paragraphs drawn at random (order and repetition vary) until
    it has ``words`` words, so two articles share a text hash only by a chance that is checked.
    """
    rng = random.Random(seed)
    paragraphs = {lang: _paragraphs(lang) for lang in langs}
    records, seen = [], set()
    for i in range(count):
        lang = langs[i % len(langs)]
        for _ in range(1000):
            body, n = [], 0
            while n < words or len(body) < 2:
                p = rng.choice(paragraphs[lang])
                body.append(p)
                n += len(p.split())
            text = "\n\n".join(body)
            if text not in seen:
                break
        else:
            raise ValueError(f"cannot make {count} different articles of {words} words")
        seen.add(text)
        records.append({"id": f"bench-{i}", "date": "2023-03-01", "lang": lang, "text": text})
    return records


def _timed(fn: Callable[[], int]) -> tuple[float, int]:
    start = time.perf_counter()
    produced = fn()
    return time.perf_counter() - start, produced


def extract_bench(langs: tuple[str, ...] = ("it", "en"), count: int = 40, words: int = 500,
                  progress: Callable[[str], None] | None = None) -> dict[str, list[Timing]]:
    """Time the four measurements above for each language; models are loaded beforehand."""
    from cronaca.clean import clean
    from cronaca.events import extract
    from cronaca.nlp.models import load, pipeline_id, registry
    from cronaca.nlp.parse import parse

    results: dict[str, list[Timing]] = {}
    for lang in langs:
        texts = articles(lang, count, words)
        nwords = sum(len(t.split()) for t in texts)
        docs = [Document(id=f"bench-{lang}-{i}", content=t, format="text", source="bench",
                         lang=lang, date="2023-03-01") for i, t in enumerate(texts)]
        nlp = load(lang)
        warm = clean(docs[0], lang=lang)                 # load every resource before timing
        extract(parse(warm))
        if progress:
            progress(f"{lang}: spaCy alone")
        t_spacy, _ = _timed(lambda: sum(1 for _ in nlp.pipe(texts)))
        if progress:
            progress(f"{lang}: parse stage")
        cleaned = [clean(d, lang=lang) for d in docs]
        parsed: list[Article] = []
        t_parse, _ = _timed(lambda: len([parsed.append(parse(a)) for a in cleaned]))
        if progress:
            progress(f"{lang}: coder alone")
        t_events, n_events = _timed(lambda: sum(len(extract(a).events) for a in parsed))
        if progress:
            progress(f"{lang}: whole job from text")

        def whole() -> int:
            n = 0
            for d in docs:
                a = extract(parse(clean(d, lang=lang)))
                n += 0 if isinstance(a, Failure) else len(a.events)
            return n

        t_all, n_all = _timed(whole)
        results[lang] = [Timing("spacy", t_spacy, count, nwords),
                         Timing("parse", t_parse, count, nwords),
                         Timing("events", t_events, count, nwords, n_events),
                         Timing("extract", t_all, count, nwords, n_all)]
        if registry()[pipeline_id(lang)].get("entities"):   # two entity taggers: time the other
            if progress:
                progress(f"{lang}: spaCy with its own entity tagger")
            fast = load(lang, "spacy")
            fast(texts[0])
            t_fast, _ = _timed(lambda: sum(1 for _ in fast.pipe(texts)))
            results[lang].append(Timing("spacy, spaCy entities", t_fast, count, nwords))
    return results


def cores_in_use() -> int:
    """Cronaca runs one process with single-threaded BLIS; report what the OS allows."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:                               # not on Linux
        return os.cpu_count() or 1


@dataclass
class IngestTiming:
    name: str                       # "extract", "local" or "dask"
    workers: int
    seconds: float
    articles: int                   # new articles stored (extract: articles coded)
    mentions: int = 0               # events coded (mentions rows), before any grouping

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds else float("inf")

    @property
    def label(self) -> str:
        if self.name == "extract":
            return "extract (1 process)"
        return f"{self.name}, {self.workers} worker{'s' if self.workers != 1 else ''}"


def ingest_bench(count: int = 10000, words: int = 300, workers_list: tuple[int, ...] = (1, 2),
                 dask: bool = True, source: list[str] | None = None, sample: int = 20,
                 progress: Callable[[str], None] | None = None) -> list[IngestTiming]:
    """Ingest one corpus into a fresh database per configuration; extract rate on a sample.

    The runs come first (the 1-worker run loads the models in this process, as every worker
    loads them in its own); the extract rate is then measured warm on ``sample`` documents.
    """
    from cronaca.pipeline import Pipeline
    from cronaca.store import Store
    from cronaca.store.engines import DaskEngine, make_engine
    from cronaca.store.ingest import ingest

    def say(message: str) -> None:
        if progress:
            progress(message)

    results: list[IngestTiming] = []
    with tempfile.TemporaryDirectory(prefix="cronaca-bench-") as tmp:
        if source:
            sources = list(source)
        else:
            say(f"writing {count} articles")
            path = os.path.join(tmp, "corpus.jsonl")
            with open(path, "w", encoding="utf-8") as f:
                for record in corpus(count, words):
                    f.write(json.dumps(record, ensure_ascii=False) + "\n")
            sources = [path]
        runs: list[tuple[str, int]] = [("local", w) for w in workers_list]
        if dask:
            runs.append(("dask", max(workers_list)))
        for name, workers in runs:
            say(f"ingest: {name}, {workers} worker(s)")
            engine = DaskEngine(workers) if name == "dask" else make_engine("local", workers)
            db = os.path.join(tmp, f"{name}-{workers}.duckdb")
            pipeline = Pipeline(stages=("parse", "events"))
            with Store.open(db) as store:
                report = ingest(store, sources, pipeline, command="cronaca bench ingest",
                                engine=engine)
            results.append(IngestTiming(name, workers, report.seconds,
                                        report.counts.new_articles, report.counts.mentions))
        say("extract, one article at a time")
        pipeline = Pipeline(stages=("parse", "events"))
        docs = [d for d in pipeline.documents(sources) if not isinstance(d, Failure)][:sample + 2]
        for warm in docs[:2]:                              # load every model before timing
            pipeline.process(warm)
        docs = docs[2:] or docs

        def whole() -> int:
            n = 0
            for d in docs:
                a = pipeline.process(d)
                n += 0 if isinstance(a, Failure) else len(a.events)
            return n

        seconds, events = _timed(whole)
        results.insert(0, IngestTiming("extract", 1, seconds, len(docs), events))
    return results


def ingest_ratios(results: list[IngestTiming]) -> list[tuple[str, float]]:
    """The ratios to read: more workers vs 1, dask vs local at the same count, each vs extract."""
    by = {(t.name, t.workers): t for t in results}
    out: list[tuple[str, float]] = []

    def ratio(a: IngestTiming, b: IngestTiming) -> float:
        return a.articles_per_s / b.articles_per_s if b.articles_per_s else float("nan")

    one = by.get(("local", 1))
    for t in results:
        if t.name == "local" and t.workers != 1 and one:
            out.append((f"{t.label} vs {one.label}", ratio(t, one)))
    for t in results:
        if t.name == "dask" and ("local", t.workers) in by:
            local = by[("local", t.workers)]
            out.append((f"{t.label} vs {local.label}", ratio(t, local)))
    extract = by.get(("extract", 1))
    for t in results:
        if t.name != "extract" and extract:
            out.append((f"{t.label} vs extract", ratio(t, extract)))
    return out
