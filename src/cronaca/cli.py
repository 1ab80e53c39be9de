"""The ``cronaca`` command: a thin layer over the library (see cronaca.pipeline)."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.logging import RichHandler
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, \
    TimeElapsedColumn

from cronaca import __version__
from cronaca.errors import CronacaError
from cronaca.model import Article, Failure
from cronaca.settings import DEFAULT

app = typer.Typer(help="Cronaca: political event data from news, coded in many languages.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
train_app = typer.Typer(help="Train Cronaca's own language pipelines.", no_args_is_help=True)
eval_app = typer.Typer(help="Measure Cronaca on public gold data and its own test sets.",
                       no_args_is_help=True)
app.add_typer(train_app, name="train")
bench_app = typer.Typer(help="Throughput benchmarks (numbers, not tests).", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
app.add_typer(bench_app, name="bench")
kb_app = typer.Typer(help="The actor knowledge base: import dictionaries into the user folder.",
                      no_args_is_help=True)
app.add_typer(kb_app, name="kb")

out = Console(soft_wrap=True)
err = Console(stderr=True)
log = logging.getLogger("cronaca")

Sources = Annotated[list[str], typer.Argument(help="Files, folders, JSON Lines, http(s) URLs or - for stdin.")]
LangOpt = Annotated[Optional[str], typer.Option("--lang", help="Language code; overrides detection.")]
MaxBytes = Annotated[Optional[int], typer.Option("--max-bytes", help="Largest input read, in bytes.")]


class CleanFormat(str, Enum):
    text = "text"
    json = "json"


class ParseFormat(str, Enum):
    table = "table"
    json = "json"


class ExtractFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


def _setup_logging(verbose: bool) -> None:
    """Rich log lines on a terminal (they share the screen with progress bars); plain
    unwrapped one-line messages otherwise, so that logs stay greppable."""
    if err.is_terminal:
        handler: logging.Handler = RichHandler(console=err, show_time=False, show_path=False,
                                               markup=False, rich_tracebacks=False)
    else:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, handlers=[handler],
                        force=True)


def _print_version(value: bool) -> None:
    if value:
        out.print(f"cronaca {__version__}")
        raise typer.Exit()


@app.callback()
def main(verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress details.")] = False,
         version: Annotated[bool, typer.Option("--version", callback=_print_version, is_eager=True,
                                               help="Print the version.")] = False):
    _setup_logging(verbose)


def _run(sources: list[str], stages: tuple[str, ...], lang: str | None, max_bytes: int | None,
         show: Callable[[Article], None], date: str | None = None) -> None:
    """Run the pipeline, show each article, report skips; exit 1 if nothing succeeded."""
    from cronaca.pipeline import Pipeline

    settings = DEFAULT.with_overrides(max_bytes=max_bytes)
    pipeline = Pipeline(stages=stages, settings=settings, lang=lang, default_date=date)
    done = failed = 0
    progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                        MofNCompleteColumn(), TimeElapsedColumn(), console=err, transient=True,
                        disable=not err.is_terminal)
    try:
        with progress:
            task = progress.add_task("documents", total=None)
            for result in pipeline.run(sources):
                if isinstance(result, Failure):
                    failed += 1
                else:
                    done += 1
                    show(result)
                progress.update(task, advance=1)
    except KeyboardInterrupt:
        err.print(f"interrupted after {done} document(s); nothing was written but this output")
        raise typer.Exit(130) from None
    except CronacaError as exc:
        err.print(f"error: {exc}", highlight=False)
        raise typer.Exit(1) from None
    if done + failed > 1:
        err.print(f"[dim]{done} article(s), {failed} skipped[/dim]")
    if done == 0:
        raise typer.Exit(1)  # every reason was already logged, one line each


@app.command("clean")
def clean_cmd(sources: Sources,
              lang: LangOpt = None,
              explain: Annotated[bool, typer.Option("--explain", help="Show what was removed and why.")] = False,
              fmt: Annotated[CleanFormat, typer.Option("--format", "-f")] = CleanFormat.text,
              max_bytes: MaxBytes = None):
    """Print each article's clean text and metadata."""
    from cronaca.render import print_clean, to_json

    def show(article: Article):
        if fmt is CleanFormat.json:
            print(to_json(article.to_dict(explain=explain, sentences=False)), flush=True)
        else:
            print_clean(out, article, explain)

    _run(sources, (), lang, max_bytes, show)


@app.command("parse")
def parse_cmd(sources: Sources,
              lang: LangOpt = None,
              fmt: Annotated[ParseFormat, typer.Option("--format", "-f")] = ParseFormat.table,
              max_bytes: MaxBytes = None):
    """Show sentences, tokens, lemmas, POS, dependencies and named entities."""
    from cronaca.render import print_parse, to_json

    def show(article: Article):
        if fmt is ParseFormat.json:
            print(to_json(article.to_dict()), flush=True)
        else:
            print_parse(out, article)

    _run(sources, ("parse",), lang, max_bytes, show)


def _valid_date(value: str | None) -> str | None:
    import datetime as dt

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


@app.command("extract")
def extract_cmd(sources: Sources,
                date: Annotated[Optional[str], typer.Option("--date", callback=_valid_date,
                                help="Publication date (YYYY-MM-DD) for inputs that give none; relative dates resolve against it.")] = None,
                lang: LangOpt = None,
                fmt: Annotated[Optional[ExtractFormat], typer.Option("--format", "-f",
                               help="jsonl (default when piped), json, or table (default on a terminal).")] = None,
                explain: Annotated[bool, typer.Option("--explain", help="Show the rule that fired and how each actor resolved.")] = False,
                all_events: Annotated[bool, typer.Option("--all", help="Also emit negated and hypothetical events, flagged.")] = False,
                max_bytes: MaxBytes = None):
    """Code the political events each article reports (CAMEO and PLOVER)."""
    from cronaca.render import article_json, event_dict, print_events, to_json

    chosen = fmt or (ExtractFormat.table if out.is_terminal else ExtractFormat.jsonl)

    def show(article: Article):
        events = [e for e in article.events if all_events or not (e.negated or e.hypothetical)]
        if chosen is ExtractFormat.jsonl:
            for event in events:
                print(to_json(event_dict(event, explain)), flush=True)
        elif chosen is ExtractFormat.json:
            print(to_json(article_json(article, events, explain)), flush=True)
        else:
            print_events(out, article, events, explain)

    _run(sources, ("parse", "events"), lang, max_bytes, show, date)


@app.command("languages")
def languages_cmd():
    """List the languages Cronaca knows and what it can do with each."""
    from rich.table import Table

    from cronaca.lang import info, languages

    table = Table("code", "language", "clean + split", "parse (tokens, lemmas, deps, entities)")
    for code in languages():
        meta = info(code)
        table.add_row(code, meta["name"], "yes", meta.get("pipeline") or "no")
    out.print(table)
    out.print("Any other language: cleaning and language identification only.")


@app.command("demo")
def demo_cmd():
    """Clean, parse and code the built-in Italian and English example articles."""
    from cronaca.examples import example_paths

    paths = [str(p) for p in example_paths()]
    out.rule("cronaca clean --explain (built-in examples)")
    clean_cmd(paths, lang=None, explain=True, fmt=CleanFormat.text, max_bytes=None)
    out.rule("cronaca parse (built-in examples)")
    parse_cmd(paths, lang=None, fmt=ParseFormat.table, max_bytes=None)
    out.rule("cronaca extract --all --date 2023-03-01 (built-in examples)")
    extract_cmd(paths, date="2023-03-01", lang=None, fmt=ExtractFormat.table, explain=False,
                all_events=True, max_bytes=None)


# --------------------------------------------------------------------------- bench


@bench_app.command("extract")
def bench_extract(articles: Annotated[int, typer.Option(help="Articles per language.")] = 40,
                  words: Annotated[int, typer.Option(help="Words per article.")] = 500,
                  lang: Annotated[str, typer.Option(help="Comma-separated languages.")] = "it,en"):
    """Articles/s and words/s of the whole job, of the parser and of the coder, in one run."""
    from rich.table import Table

    from cronaca import bench

    langs = tuple(x.strip() for x in lang.split(",") if x.strip())
    with err.status("benchmarking") as status:
        results = bench.extract_bench(langs, articles, words, progress=status.update)
    table = Table(title=f"cronaca bench extract: {articles} articles of ~{words} words per "
                        f"language, one process ({bench.cores_in_use()} cores visible)")
    for col in ("lang", "measure", "seconds", "articles/s", "words/s", "events", "vs spaCy"):
        table.add_column(col, justify="right" if col not in ("lang", "measure") else "left")
    for code, timings in results.items():
        spacy = timings[0]
        for t in timings:
            table.add_row(code, t.name, f"{t.seconds:.2f}", f"{t.articles_per_s:.1f}",
                          f"{t.words_per_s:.0f}", str(t.events) if t.name in ("events", "extract") else "",
                          f"{spacy.articles_per_s / t.articles_per_s:.2f}x time" if t.seconds else "")
        parse, events = timings[1], timings[2]
        table.add_row(code, "coder/parser", f"{events.seconds / parse.seconds:.2f}", "", "", "", "",
                      end_section=True)
    out.print(table)


# --------------------------------------------------------------------------- train


@train_app.command("it")
def train_it(data: Annotated[Optional[Path], typer.Option(help="Folder with it/ud and it/ner corpora (default ../shared/data/nlp).")] = None,
             work: Annotated[Path, typer.Option(help="Work folder for converted corpora and checkpoints.")] = Path("build/it"),
             install: Annotated[bool, typer.Option(help="Copy the trained model into the package.")] = True,
             quick: Annotated[bool, typer.Option(help="A smoke run of a few steps; never installed.")] = False):
    """Train the Italian pipeline (tagger, parser, lemmatizer, NER) and write its model card."""
    from cronaca.nlp import training

    paths = training.DataPaths(data or training.default_data_dir(), work)
    try:
        result = training.train_all(paths, install=install, quick=quick)
    except CronacaError as exc:
        err.print(f"error: {exc}", highlight=False)
        raise typer.Exit(1) from None
    out.print_json(data=result)


# --------------------------------------------------------------------------- eval


@eval_app.command("extraction")
def eval_extraction(data: Annotated[Optional[Path], typer.Option(help="The extraction benchmarks folder (default ../shared/data/extraction).")] = None,
                    limit: Annotated[int, typer.Option(help="Only the first N pages of each benchmark (0 = all).")] = 0):
    """Article extraction on ScrapingHub AEB and trafilatura's set, with and without the clutter filter."""
    from cronaca.eval import extraction

    try:
        results = extraction.run(data or extraction.default_data_dir(), limit=limit,
                                 progress=err.is_terminal)
    except CronacaError as exc:
        err.print(f"error: {exc}", highlight=False)
        raise typer.Exit(1) from None
    out.print(extraction.report(results))


@eval_app.command("clutter")
def eval_clutter():
    """Precision and recall of the clutter filter on Cronaca's own Italian clutter set."""
    from cronaca.eval import clutter

    for part in ("held-out", "development", None):
        out.print(clutter.report(clutter.run(part=part), part or "all files"), highlight=False)
        out.print()


class GoldSplit(str, Enum):
    dev = "dev"
    test = "test"
    all = "all"


@eval_app.command("events")
def eval_events(gold: Annotated[str, typer.Argument(help="Gold file: Cronaca's events_<lang>.jsonl, PLOVER_GSR_CAMEO.txt, PETR.UnitTest.records.xml, a ConfliBERT summary.csv; or plover, petrarch, conflibert9, conflibert10, cronaca-<lang>.")],
                split: Annotated[GoldSplit, typer.Option("--split", help="dev, test or all (sets without a split: all).")] = GoldSplit.all,
                lang: Annotated[Optional[str], typer.Option("--lang", help="Only records in this language (default: each record's own, else en).")] = None,
                limit: Annotated[int, typer.Option("--limit", help="Only the first N records (0 = all).")] = 0,
                misses: Annotated[int, typer.Option("--misses", help="List the first N records not fully right.")] = 10,
                kb: Annotated[Optional[Path], typer.Option("--kb", help="Use this user knowledge folder instead of the default one.")] = None,
                as_json: Annotated[bool, typer.Option("--json", help="Print the metrics as JSON.")] = False):
    """Precision, recall and F1 of the event coder on gold event data (root, full code, dyad)."""
    from cronaca.eval import events

    try:
        metrics = events.run(gold, split=split.value, lang=lang, limit=limit, misses=misses,
                             kb=kb, progress=err.is_terminal)
    except CronacaError as exc:
        err.print(f"error: {exc}", highlight=False)
        raise typer.Exit(1) from None
    if as_json:
        print(events.to_json(metrics), flush=True)
    else:
        out.print(events.report(metrics), highlight=False, markup=False)


@eval_app.command("nlp")
def eval_nlp(lang: Annotated[str, typer.Argument(help="Language: it")] = "it",
             data: Annotated[Optional[Path], typer.Option(help="Folder with it/ud and it/ner corpora.")] = None,
             work: Annotated[Path, typer.Option(help="Work folder for converted corpora.")] = Path("build/it")):
    """Score the shipped Italian pipeline on held-out UD ISDT test and KIND Wikinews test."""
    from cronaca.nlp import training

    if lang != "it":
        err.print("error: only the Italian pipeline is trained by Cronaca; English is spaCy's own")
        raise typer.Exit(2)
    paths = training.DataPaths(data or training.default_data_dir(), work)
    try:
        scores = training.evaluate_installed(paths)
    except CronacaError as exc:
        err.print(f"error: {exc}", highlight=False)
        raise typer.Exit(1) from None
    out.print(training.report(scores))


# --------------------------------------------------------------------------- kb


@kb_app.command("import-petrarch")
def kb_import_petrarch(file: Annotated[Path, typer.Argument(help="A PETRARCH/TABARI actors or agents dictionary.")],
                       out_dir: Annotated[Optional[Path], typer.Option("--out", help="Folder to write to (default: the user knowledge folder).")] = None,
                       lang: Annotated[str, typer.Option("--lang", help="Language of an agents dictionary's words.")] = "en",
                       kind: Annotated[Optional[str], typer.Option("--kind", help="actors or agents (default: recognised from the codes).")] = None):
    """Convert a PETRARCH actors or agents dictionary into Cronaca's user knowledge files."""
    from cronaca.actors import petrarch

    try:
        report = petrarch.import_file(file, out_dir, lang=lang, kind=kind)
    except (CronacaError, ValueError) as exc:
        err.print(f"error: {exc}", highlight=False)
        raise typer.Exit(1) from None
    for warning in report.warnings:
        err.print(f"warning: {warning}", highlight=False, markup=False)
    detail = (f"{report.names} names, {report.codes} codes ({report.dated} dated)"
              if report.kind == "actors" else f"{report.names} sector words")
    out.print(f"{report.source}: {report.records} {report.kind} records -> {detail}; wrote "
              + ", ".join(str(p) for p in report.written), highlight=False, markup=False)


def run() -> None:
    """Entry point: CronacaError anywhere becomes a one-line message and exit status 1."""
    try:
        app()
    except CronacaError as exc:
        err.print(f"error: {exc}", highlight=False)
        sys.exit(1)
