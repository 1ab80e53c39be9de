"""Throughput benchmarks: ``cronaca bench extract``.

Speed goals live here, never in unit tests (the machines are shared and noisy).  Every number
is measured in one run on the same articles, so the ratios between them are what to read:

- ``spacy``: the language pipeline alone (``nlp.pipe`` over the clean texts), the floor;
- ``parse``: Cronaca's parse stage (spaCy plus sentence and token records);
- ``events``: the coder alone, on articles already parsed;
- ``extract``: the whole job from text: clean, identify language, parse, code.

The fixed article set is built from the built-in examples: each article is the cleaned text of
an example, paragraphs repeated until it reaches the target length, so every article is a real
news text of about ``words`` words in its language.
"""

from __future__ import annotations

import os
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


def _timed(fn: Callable[[], int]) -> tuple[float, int]:
    start = time.perf_counter()
    produced = fn()
    return time.perf_counter() - start, produced


def extract_bench(langs: tuple[str, ...] = ("it", "en"), count: int = 40, words: int = 500,
                  progress: Callable[[str], None] | None = None) -> dict[str, list[Timing]]:
    """Time the four measurements above for each language; models are loaded beforehand."""
    from cronaca.clean import clean
    from cronaca.events import extract
    from cronaca.nlp.models import load
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
    return results


def cores_in_use() -> int:
    """Cronaca runs one process with single-threaded BLIS; report what the OS allows."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:                               # not on Linux
        return os.cpu_count() or 1
