"""`cronaca eval extraction`: article extraction on two public benchmarks, each with its own metric.

- ScrapingHub's article-extraction-benchmark (181 English pages): 4-gram word shingles per page,
  tp/fp/fn normalised per page, precision and recall averaged over pages, F1 of the two means;
  "exact" is the share of pages whose token sequence matches the gold body exactly.
- trafilatura's evaluation set (990 pages, mostly German): each "with" snippet must appear in the
  output and each "without" snippet must not (whitespace-normalised substring test), counted
  over all snippets; accuracy is (tp + tn) / all snippets.

Every page is extracted once and scored twice, with and without Cronaca's clutter filter, so the
filter's own effect is measured on identical extractions.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from cronaca.clean import finish
from cronaca.clean.html import extract
from cronaca.errors import CronacaError, DataNotFoundError
from cronaca.ingest.decode import to_text
from cronaca.model import Document
from cronaca.settings import DEFAULT, Settings

_TOKEN = re.compile(r"\w+", re.UNICODE)
VARIANTS = ("trafilatura", "cronaca")   # without / with the clutter filter
PUBLISHED = {"scrapinghub": 0.96, "trafilatura": 0.92}   # trafilatura's own F1, RESULTS.md


def default_data_dir() -> Path:
    return Path(__file__).resolve().parents[3].parent / "shared" / "data" / "extraction"


@dataclass
class Score:
    benchmark: str
    variant: str
    precision: float
    recall: float
    f1: float
    accuracy: float
    pages: int
    empty: int
    seconds: float


@dataclass
class Results:
    mode: str
    scores: list[Score] = field(default_factory=list)


# --------------------------------------------------------------------------- metrics


def _shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1))
                   if tokens[i:i + n])


def shingle_counts(gold: str, pred: str) -> tuple[float, float, float]:
    """Per-page (tp, fp, fn) over 4-gram shingles, normalised to sum to 1."""
    g, p = _shingles(gold), _shingles(pred)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _page_precision(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _page_recall(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def shingle_scores(counts: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    precision = statistics.mean(_page_precision(*c) for c in counts if c[0] + c[1] > 0)
    recall = statistics.mean(_page_recall(*c) for c in counts if c[0] + c[2] > 0)
    return precision, recall, 2 * precision * recall / (precision + recall)


def _squash(text: str) -> str:
    return " ".join(text.split())


def snippet_counts(output: str, with_: list[str], without: list[str]) -> tuple[int, int, int, int]:
    """(tp, fn, fp, tn) for one page of trafilatura's evaluation set."""
    out = _squash(output)
    tp = sum(1 for s in with_ if _squash(s) in out)
    fp = sum(1 for s in without if _squash(s) in out)
    return tp, len(with_) - tp, fp, len(without) - fp


# --------------------------------------------------------------------------- running


def _outputs(html_bytes: bytes, name: str, settings: Settings) -> dict[str, str]:
    """The page's text without and with the clutter filter ("" when nothing is extracted)."""
    try:
        html, _ = to_text(html_bytes, name, settings.max_bytes)
        doc = Document(id=name, content=html, format="html", source=name)
        page = extract(html, name, mode=settings.extraction_mode)
    except CronacaError:
        return {variant: "" for variant in VARIANTS}
    texts = {}
    for variant in VARIANTS:
        try:
            article = finish(doc, page, settings.with_overrides(
                clutter_filter=variant == "cronaca"), lang="xx")
            texts[variant] = article.text
        except CronacaError:
            texts[variant] = ""
    return texts


def _require(path: Path) -> Path:
    if not path.exists():
        raise DataNotFoundError(f"extraction benchmark not found at {path}; pass --data")
    return path


def _progress(items, label: str, show: bool):
    if not show:
        return items
    from rich.progress import track

    return track(items, description=label, transient=True)


def run_scrapinghub(root: Path, settings: Settings, limit: int = 0,
                    progress: bool = False) -> list[Score]:
    gold = json.loads(_require(root / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(gold)[:limit or None]
    counts = {v: [] for v in VARIANTS}
    exact = {v: 0 for v in VARIANTS}
    empty = {v: 0 for v in VARIANTS}
    start = time.perf_counter()
    for key in _progress(keys, "ScrapingHub AEB", progress):
        body = gold[key].get("articleBody", "")
        outputs = _outputs((root / "html" / f"{key}.html.gz").read_bytes(), key, settings)
        for variant, text in outputs.items():
            counts[variant].append(shingle_counts(body, text))
            exact[variant] += _TOKEN.findall(body) == _TOKEN.findall(text)
            empty[variant] += not text
    seconds = time.perf_counter() - start
    scores = []
    for variant in VARIANTS:
        p, r, f = shingle_scores(counts[variant])
        scores.append(Score("scrapinghub", variant, p, r, f, exact[variant] / len(keys),
                            len(keys), empty[variant], seconds))
    return scores


def run_trafilatura(root: Path, settings: Settings, limit: int = 0,
                    progress: bool = False) -> list[Score]:
    data = json.loads(_require(root / "evaldata.json").read_text(encoding="utf-8"))
    items = list(data.items())[:limit or None]
    totals = {v: [0, 0, 0, 0] for v in VARIANTS}
    empty = {v: 0 for v in VARIANTS}
    start = time.perf_counter()
    for url, item in _progress(items, "trafilatura eval set", progress):
        path = root / "html" / f"{item['file']}.gz"
        outputs = _outputs(gzip.open(path).read() if path.exists() else b"", item["file"],
                           settings)
        for variant, text in outputs.items():
            for i, n in enumerate(snippet_counts(text, item.get("with", []),
                                                 item.get("without", []))):
                totals[variant][i] += n
            empty[variant] += not text
    seconds = time.perf_counter() - start
    scores = []
    for variant in VARIANTS:
        tp, fn, fp, tn = totals[variant]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        scores.append(Score("trafilatura", variant, p, r, f, (tp + tn) / (tp + fn + fp + tn),
                            len(items), empty[variant], seconds))
    return scores


def run(data_dir: Path, limit: int = 0, progress: bool = False,
        settings: Settings = DEFAULT) -> Results:
    results = Results(mode=settings.extraction_mode)
    results.scores += run_scrapinghub(_require(data_dir / "scrapinghub_aeb"), settings, limit,
                                      progress)
    results.scores += run_trafilatura(_require(data_dir / "trafilatura_eval"), settings, limit,
                                      progress)
    return results


def report(results: Results) -> str:
    lines = [f"Article extraction (trafilatura mode: {results.mode}; "
             "'cronaca' = trafilatura + Cronaca's clutter filter)", "",
             f"{'benchmark':<13} {'variant':<12} {'P':>6} {'R':>6} {'F1':>6} {'acc':>6} "
             f"{'pages':>6} {'empty':>6} {'target':>7}"]
    for s in results.scores:
        lines.append(f"{s.benchmark:<13} {s.variant:<12} {s.precision:6.3f} {s.recall:6.3f} "
                     f"{s.f1:6.3f} {s.accuracy:6.3f} {s.pages:6d} {s.empty:6d} "
                     f"{PUBLISHED[s.benchmark]:7.2f}")
    by = {(s.benchmark, s.variant): s for s in results.scores}
    lines.append("")
    for bench in PUBLISHED:
        if (bench, "cronaca") in by:
            delta = by[(bench, "cronaca")].f1 - by[(bench, "trafilatura")].f1
            lines.append(f"clutter filter effect on {bench} F1: {delta:+.4f}")
    return "\n".join(lines)
