"""The ``cronaca`` command: a thin layer over the library (see cronaca.pipeline)."""

from __future__ import annotations

import logging
import os
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

    from cronaca.lang import parsable

    def show(article: Article):
        if article.language not in parsable():
            err.print(f"note: {article.source}: no parsing pipeline for "
                      f"{article.language!r}; sentences only (events are coded coarsely)",
                      highlight=False, markup=False, soft_wrap=True)
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

    table = Table("code", "language", "clean + split", "parse (tokens, lemmas, deps, entities)",
                  "events")
    for code in languages():
        meta = info(code)
        pipeline = meta.get("pipeline")
        table.add_row(code, meta["name"], "yes", pipeline or "no",
                      "full (lexicons + syntax)" if pipeline else "coarse")
    out.print(table)
    out.print("Any other language: cleaning, language identification, sentences, and coarse "
              "events (country names from CLDR and known people as actors, the event type by "
              "similarity to labelled examples; every such event has coarse: true).")


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


@bench_app.command("ingest")
def bench_ingest(articles: Annotated[int, typer.Option(help="Articles in the generated corpus.")] = 10000,
                 words: Annotated[int, typer.Option(help="Words per generated article.")] = 300,
                 workers_list: Annotated[str, typer.Option("--workers-list", help="Comma-separated local worker counts.")] = "1,2",
                 dask: Annotated[bool, typer.Option("--dask/--no-dask", help="Also run the Dask engine (LocalCluster) with the largest count.")] = True,
                 source: Annotated[Optional[list[str]], typer.Option("--source", help="Ingest these sources instead of a generated corpus.")] = None):
    """Articles/s of whole ingest runs: local workers, Dask, and the extract rate, in one run."""
    from rich.table import Table

    from cronaca import bench

    try:
        counts = tuple(int(x) for x in workers_list.split(",") if x.strip())
    except ValueError:
        counts = ()
    if not counts or min(counts) < 1:
        err.print(f"error: --workers-list must be counts like 1,2 (got {workers_list!r})",
                  highlight=False, markup=False)
        raise typer.Exit(2)
    with err.status("benchmarking") as status:
        results = bench.ingest_bench(articles, words, counts, dask, source or None,
                                     progress=status.update)
    what = f"{', '.join(source)}" if source else f"{articles} generated articles of ~{words} words"
    table = Table(title=f"cronaca bench ingest: {what} ({bench.cores_in_use()} cores visible; "
                        "each run includes starting its workers, loading their models and the "
                        "grouping at the end)")
    for col in ("run", "seconds", "articles", "articles/s", "mentions", "vs extract"):
        table.add_column(col, justify="left" if col == "run" else "right")
    extract = results[0]
    for t in results:
        table.add_row(t.label, f"{t.seconds:.2f}", str(t.articles), f"{t.articles_per_s:.2f}",
                      str(t.mentions), f"{t.articles_per_s / extract.articles_per_s:.2f}x")
    out.print(table)
    for label, value in bench.ingest_ratios(results):
        out.print(f"ratio {label}: {value:.2f}x", highlight=False, markup=False)


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


@eval_app.command("clusters")
def eval_clusters(embeddings: Annotated[Optional[bool], typer.Option("--with-embeddings/--no-embeddings", help="Only with (or only without) the embedding tie-breaker; default: both.")] = None,
                  misses: Annotated[int, typer.Option("--misses", help="List the first N wrong and missed article links per setting.")] = 10):
    """Pairwise precision, recall and F1 of event grouping on Cronaca's own cluster set."""
    from cronaca.eval import clusters

    try:
        result = clusters.run(embeddings=embeddings)
    except CronacaError as exc:
        err.print(f"error: {exc}", highlight=False)
        raise typer.Exit(1) from None
    out.print(clusters.report(result, misses=misses), highlight=False, markup=False)


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
def kb_import_petrarch(file: Annotated[Path, typer.Argument(help="A PETRARCH/TABARI actors, agents or verbs dictionary, or a discards list.")],
                       out_dir: Annotated[Optional[Path], typer.Option("--out", help="Folder to write to (default: the user knowledge folder).")] = None,
                       lang: Annotated[str, typer.Option("--lang", help="Language of an agents or verbs dictionary's words.")] = "en",
                       kind: Annotated[Optional[str], typer.Option("--kind", help="actors, agents, verbs or discards (default: recognised from the file).")] = None):
    """Convert a PETRARCH actors, agents or verbs dictionary, or a discards list, into Cronaca's
    user knowledge files."""
    from cronaca.actors import petrarch

    try:
        report = petrarch.import_file(file, out_dir, lang=lang, kind=kind)
    except (CronacaError, ValueError) as exc:
        err.print(f"error: {exc}", highlight=False)
        raise typer.Exit(1) from None
    for warning in report.warnings:
        err.print(f"warning: {warning}", highlight=False, markup=False)
    detail = {"actors": f"{report.names} names, {report.codes} codes ({report.dated} dated)",
              "agents": f"{report.names} sector words",
              "verbs": f"{report.names} trigger entries from {report.codes} patterns and the "
                       "verbs' own codes",
              "discards": f"{report.names} story and {report.codes} sentence phrases"}[report.kind]
    out.print(f"{report.source}: {report.records} {report.kind} records -> {detail}; wrote "
              + ", ".join(str(p) for p in report.written), highlight=False, markup=False)


# --------------------------------------------------------------------------- store (corpus database)


DbOpt = Annotated[Path, typer.Option("--db", envvar="CRONACA_DB",
                                     help="The DuckDB database file (created by ingest).")]


class QueryFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


class ExportFormat(str, Enum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"
    gdelt = "gdelt"
    plover = "plover"


class IngestEngine(str, Enum):
    local = "local"
    dask = "dask"


class ExportTable(str, Enum):
    events = "events"
    mentions = "mentions"
    articles = "articles"


def _print_result(result, title: str | None = None) -> None:
    """A query result (cronaca.store.Result) as a table on the terminal."""
    from rich.markup import escape
    from rich.table import Table

    table = Table(header_style="dim", box=None, show_edge=False, pad_edge=False)
    for column in result.columns:
        table.add_column(column, overflow="fold")
    for row in result.rows:
        table.add_row(*("[dim]NULL[/dim]" if v is None else escape(str(v)) for v in row))
    console = out if out.is_terminal else Console(width=100_000)   # a pipe gets whole rows
    if title:
        console.print(title, style="bold", markup=False, highlight=False)
    console.print(table)


@app.command("ingest")
def ingest_cmd(sources: Sources,
               db: DbOpt = Path("cronaca.duckdb"),
               lang: LangOpt = None,
               date: Annotated[Optional[str], typer.Option("--date", callback=_valid_date,
                               help="Publication date (YYYY-MM-DD) for inputs that give none.")] = None,
               batch: Annotated[int, typer.Option("--batch", min=1, help="Documents written per transaction.")] = 20,
               max_bytes: MaxBytes = None,
               workers: Annotated[Optional[int], typer.Option("--workers", min=1, help="Worker processes that parse and code (default 1: in this process; dask: 2).")] = None,
               engine: Annotated[IngestEngine, typer.Option("--engine", help="local: this machine; dask: a Dask cluster (local, or --scheduler).")] = IngestEngine.local,
               scheduler: Annotated[Optional[str], typer.Option("--scheduler", help="A running Dask scheduler, tcp://host:port (with --engine dask).")] = None):
    """Code a corpus into a DuckDB database; re-run to resume (stored articles are skipped)."""
    import shlex

    from cronaca.pipeline import Pipeline
    from cronaca.store import Store
    from cronaca.store.engines import make_engine
    from cronaca.store.ingest import Counts, ingest

    try:
        runner = make_engine(engine.value, workers, scheduler)
    except ValueError as exc:
        err.print(f"error: {exc}", highlight=False, markup=False, soft_wrap=True)
        raise typer.Exit(2) from None

    pipeline = Pipeline(stages=("parse", "events"), settings=DEFAULT.with_overrides(max_bytes=max_bytes),
                        lang=lang, default_date=date)
    progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                        console=err, transient=True, disable=not err.is_terminal)
    task = progress.add_task("starting (loading models)", total=None)

    def show(counts: Counts, seconds: float) -> None:
        rate = max(seconds, 1e-9)
        progress.update(task, description=(
            f"{counts.documents} docs ({counts.documents / rate:.1f}/s), {counts.events} events "
            f"({counts.events / rate:.1f}/s); {counts.new_articles} new, "
            f"{counts.already_stored} already stored, {counts.failures} failed"))

    options = [("--db", str(db)), ("--lang", lang), ("--date", date), ("--batch", str(batch)),
               ("--max-bytes", str(max_bytes) if max_bytes else None),
               ("--workers", str(workers) if workers else None),
               ("--engine", engine.value if engine is not IngestEngine.local else None),
               ("--scheduler", scheduler)]
    command = shlex.join(["cronaca", "ingest", *sources,
                          *(x for name, value in options if value for x in (name, value))])
    try:
        with Store.open(db) as store, progress:
            report = ingest(store, sources, pipeline, batch=batch, command=command,
                            on_progress=show, engine=runner)
    except CronacaError as exc:
        err.print(f"error: {exc}", highlight=False, markup=False, soft_wrap=True)
        raise typer.Exit(1) from None
    c = report.counts
    out.print(f"{db}: {c.new_articles} new article(s), {c.already_stored} already stored, "
              f"{c.failures} failure(s), {c.events} event(s) from {c.mentions} mention(s) "
              f"in {report.seconds:.1f} s (run {report.run_id})", highlight=False, soft_wrap=True)
    if report.interrupted:
        err.print("interrupted: everything coded so far is committed; re-run the same command "
                  "to resume", highlight=False, soft_wrap=True)
        # The store is closed and the run committed.  Leave without the interpreter's exit
        # handlers: a process pool whose workers were terminated mid-batch can leave its
        # manager thread waiting on a pipe they will never write, and interpreter exit joins
        # that thread (seen once in CI: the message printed, the process never ended).
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(130)
    if c.failures and not (c.new_articles or c.already_stored):
        raise typer.Exit(1)


@app.command("query")
def query_cmd(sql: Annotated[str, typer.Argument(help="One read-only SQL statement (SELECT, EXPLAIN, PRAGMA).")],
              db: DbOpt = Path("cronaca.duckdb"),
              fmt: Annotated[QueryFormat, typer.Option("--format", "-f", help="table, csv, or json (one object per line).")] = QueryFormat.table):
    """Run one read-only SQL query on the database (tables: articles, mentions, events, quotes, failures, runs)."""
    from cronaca.store import Store

    try:
        with Store.open(db, read_only=True) as store:
            result = store.read_query(sql)
    except CronacaError as exc:
        err.print(f"error: {exc}", highlight=False, markup=False, soft_wrap=True)
        raise typer.Exit(1) from None
    if fmt is QueryFormat.csv:
        sys.stdout.write(result.to_csv())
    elif fmt is QueryFormat.json:
        sys.stdout.write(result.to_jsonl())
    else:
        _print_result(result)


@app.command("stats")
def stats_cmd(db: DbOpt = Path("cronaca.duckdb"),
              top: Annotated[int, typer.Option("--top", help="Rows per list (latest days, top codes and pairs); 0 = all.")] = 20):
    """Totals, and events by day, CAMEO root, country pair and language."""
    from cronaca.store import Store

    try:
        with Store.open(db, read_only=True) as store:
            stats = store.stats(top)
    except CronacaError as exc:
        err.print(f"error: {exc}", highlight=False, markup=False, soft_wrap=True)
        raise typer.Exit(1) from None
    for title, result in (("totals", stats.totals), ("events by day", stats.by_day),
                          ("events by CAMEO root", stats.by_root),
                          ("events by country pair (source -> target)", stats.by_pair),
                          ("articles and events by language", stats.by_language)):
        _print_result(result, title)
        out.print()


@app.command("serve")
def serve_cmd(db: DbOpt = Path("cronaca.duckdb"),
              host: Annotated[str, typer.Option("--host", help="Address to bind; 127.0.0.1 keeps the explorer on this machine.")] = "127.0.0.1",
              port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
              timeout: Annotated[float, typer.Option("--timeout", help="Seconds a query may run before it is stopped.")] = 10.0,
              writable: Annotated[bool, typer.Option("--writable", help="Let 'Try it' store what it extracts (the database is then open for writing: no ingest can run beside it).")] = False):
    """Open the explorer: a read-only web app and JSON API over the database."""
    try:
        import uvicorn

        from cronaca.web.app import create_app
    except ImportError as exc:
        err.print(f"error: the explorer needs its web packages ({exc}); reinstall Cronaca",
                  highlight=False, markup=False)
        raise typer.Exit(1) from None
    try:
        web = create_app(db, timeout, writable)
    except CronacaError as exc:
        err.print(f"error: {exc}", highlight=False, markup=False, soft_wrap=True)
        raise typer.Exit(1) from None
    where = ("only this machine can reach it" if host in ("127.0.0.1", "localhost", "::1")
             else f"every machine that can reach {host} can read it")
    mode = "writable: Try it can store articles" if writable else "read-only"
    err.print(f"Cronaca explorer on http://{host}:{port}/ over {db} ({mode}); {where}. "
              "Ctrl-C stops it.", highlight=False, markup=False, soft_wrap=True)
    uvicorn.run(web, host=host, port=port, log_level="warning")


@app.command("failures")
def failures_cmd(db: DbOpt = Path("cronaca.duckdb"),
                 limit: Annotated[int, typer.Option("--limit", help="Show the latest N (0 = all).")] = 0):
    """List the inputs that could not be stored, with their one-line reasons."""
    from cronaca.store import Store

    try:
        with Store.open(db, read_only=True) as store:
            result = store.failures(limit)
    except CronacaError as exc:
        err.print(f"error: {exc}", highlight=False, markup=False, soft_wrap=True)
        raise typer.Exit(1) from None
    _print_result(result)
    err.print(f"[dim]{len(result.rows)} failure(s)[/dim]")


@app.command("export")
def export_cmd(target: Annotated[Path, typer.Argument(metavar="OUT", help="File (csv, jsonl, plover) or folder: new for parquet, new or existing for gdelt.")],
               fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="csv, jsonl, parquet (partitioned by year and month), gdelt (GDELT 2.0 tab-separated tables without header: OUT/events.CSV and OUT/mentions.CSV, events only) or plover (PLOVER JSON records, one per line, events only).")] = ExportFormat.csv,
               table: Annotated[ExportTable, typer.Option("--table", help="events, mentions or articles.")] = ExportTable.events,
               where: Annotated[Optional[str], typer.Option("--where", help="SQL condition on the table's columns, e.g. \"cameo_root = '19'\".")] = None,
               db: DbOpt = Path("cronaca.duckdb")):
    """Export a table (or the rows matching --where) to CSV, JSON Lines or Parquet, or the
    events as GDELT 2.0 tables or PLOVER records."""
    from cronaca.store import Store
    from cronaca.store.export import export

    try:
        with Store.open(db, read_only=True) as store:
            rows = export(store, target, fmt.value, table.value, where)
    except CronacaError as exc:
        err.print(f"error: {exc}", highlight=False, markup=False, soft_wrap=True)
        raise typer.Exit(1) from None
    what = ("events to {0}/events.CSV and their mentions to {0}/mentions.CSV".format(target)
            if fmt is ExportFormat.gdelt else f"of {table.value} to {target}")
    out.print(f"wrote {rows} row(s) {what} ({fmt.value})", highlight=False, soft_wrap=True)


@app.command("group")
def group_cmd(db: DbOpt = Path("cronaca.duckdb"),
              embeddings: Annotated[bool, typer.Option("--embeddings/--no-embeddings", help="Break ties between compatible events with sentence embeddings.")] = True):
    """Regroup the database's mentions into events (ingest does it at the end of every run)."""
    from cronaca.store import Store
    from cronaca.store.group import group

    try:
        with Store.open(db) as store:
            report = group(store, embeddings=embeddings)
    except CronacaError as exc:
        err.print(f"error: {exc}", highlight=False, markup=False, soft_wrap=True)
        raise typer.Exit(1) from None
    out.print(f"{db}: {report.line()}", highlight=False, soft_wrap=True)


def run() -> None:
    """Entry point: CronacaError anywhere becomes a one-line message and exit status 1."""
    try:
        app()
    except CronacaError as exc:
        err.print(f"error: {exc}", highlight=False)
        sys.exit(1)
