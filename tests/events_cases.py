"""Shared harness for the event-coding case tables (tests/test_events_it.py, test_events_en.py).

A case is a text, its publication date and what a correct coder must emit for it:

- ``events``: events that must be asserted (neither negated nor hypothetical), each an ``Ev``
  (source country, target country or None for "any target", CAMEO root) with optional checks:
  the full CAMEO code, the event's own date ("2022-09" = month precision, "2022-09-14" = day,
  "2022" = year; always with ``date_source == "text"``), source/target sectors, the speaker's
  country (reported speech), the intent flag and the sentence the event comes from;
- ``flagged``: events that the text mentions but does not assert (negated, hypothetical): no
  asserted event of that root by that source may be emitted (whatever its target), and the
  all-events view (``cronaca extract --all``) must carry it with its flag set;
- ``no_event``: the text reports no political event, so nothing may be asserted.

Every text goes through the real pipeline once (``Pipeline(stages=("parse", "events"))``); the
articles are cached per module, so the schema test re-validates the same records.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import jsonschema

from cronaca.model import Article, Document, Event
from cronaca.pipeline import Pipeline
from cronaca.render import event_dict, to_json

SCHEMA_PATH = Path(__file__).resolve().parents[1] / "src" / "cronaca" / "events" / "event.schema.json"


@dataclass(frozen=True)
class Ev:
    source: str                      # country (ISO3 or organisation code) of the source actor
    target: str | None               # country of the target; None: any (or no) target
    root: str                        # two-digit CAMEO root
    cameo: str | None = None         # full CAMEO code, when the text settles it
    date: str | None = None          # the event's own date from the text: YYYY, YYYY-MM, YYYY-MM-DD
    source_sector: str | None = None
    target_sector: str | None = None
    speaker: str | None = None       # country of who reported it
    intent: bool | None = None
    sentence: int | None = None      # index of the sentence the event must come from
    flag: str = "negated"            # for ``flagged`` entries: "negated" or "hypothetical"

    def __str__(self) -> str:
        extra = [f"{k}={v!r}" for k in ("cameo", "date", "source_sector", "target_sector",
                                         "speaker", "intent", "sentence")
                 if (v := getattr(self, k)) is not None]
        return f"({self.source} -> {self.target or '*'}, root {self.root}" + \
               ("; " + ", ".join(extra) if extra else "") + ")"


@dataclass(frozen=True)
class Case:
    text: str
    events: tuple[Ev, ...] = ()
    flagged: tuple[Ev, ...] = ()
    date: str = "2023-03-01"
    no_event: bool = False
    fmt: str = "text"


def case(text: str, *events: Ev, date: str = "2023-03-01", flagged: tuple[Ev, ...] | Ev = (),
         no_event: bool = False, fmt: str = "text") -> Case:
    if isinstance(flagged, Ev):
        flagged = (flagged,)
    return Case(text, tuple(events), tuple(flagged), date, no_event, fmt)


KNOWN_MISSES_FILE = Path(__file__).with_name("events_known_misses.txt")


def known_misses(lang: str) -> dict[str, str]:
    """Cases the coder gets wrong today, with what it gets wrong (tests/events_known_misses.txt:
    "<lang> <case id>  <first problem>" per line).  They run as strict xfail: a listed case that
    starts passing fails the suite until it is taken off the list, so the list stays true."""
    misses = {}
    if KNOWN_MISSES_FILE.exists():
        for line in KNOWN_MISSES_FILE.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                code, case_id, *why = line.split(maxsplit=2)
                if code == lang:
                    misses[case_id] = why[0] if why else ""
    return misses


def params(table: dict[str, list[Case]], lang: str | None = None):
    """pytest.mark.parametrize arguments ("case_id, case") from {category: [cases]}; the
    language's known misses are marked as strict expected failures."""
    import pytest

    misses = known_misses(lang) if lang else {}
    out = []
    for cat, cases in table.items():
        for i, c in enumerate(cases, 1):
            case_id = f"{cat}-{i:02d}"
            marks = [pytest.mark.xfail(strict=True, reason=f"known miss: {misses[case_id]}")] \
                if case_id in misses else []
            out.append(pytest.param(case_id, c, id=case_id, marks=marks))
    return out


# --------------------------------------------------------------------------- running


@dataclass
class Coder:
    """One real pipeline per language, and the articles it produced, by case id."""

    lang: str
    articles: dict[str, Article] = field(default_factory=dict)
    pipeline: Pipeline | None = None

    def __post_init__(self):
        self.pipeline = Pipeline(stages=("parse", "events"), lang=self.lang,
                                 default_date="2023-03-01")

    def run(self, case_id: str, c: Case) -> Article:
        if case_id not in self.articles:
            doc = Document(id=case_id, content=c.text, format=c.fmt, source=f"{case_id}.{c.fmt}",
                           date=c.date, lang=self.lang)
            result = self.pipeline.process(doc)
            assert isinstance(result, Article), f"{case_id}: not processed: {result}"
            self.articles[case_id] = result
        return self.articles[case_id]


# --------------------------------------------------------------------------- checks


def _actor(a) -> str:
    if a is None:
        return "-"
    return f"{a.country or '?'}/{a.sector or '-'} {a.text!r}"


def describe(e: Event) -> str:
    flags = "".join(f" [{f}]" for f in ("negated", "hypothetical", "intent") if getattr(e, f))
    spk = f" speaker={_actor(e.speaker)}" if e.speaker else ""
    return (f"{e.cameo} {_actor(e.source)} -> {_actor(e.target)}{flags} "
            f"date={e.date}/{e.date_precision}/{e.date_source}{spk} "
            f"trigger={e.evidence.trigger.text!r} s{e.evidence.sentence}")


def _country(actor) -> str | None:
    return actor.country if actor is not None else None


def _same_actors(e: Event, ev: Ev) -> bool:
    if e.cameo_root != ev.root or _country(e.source) != ev.source:
        return False
    return ev.target is None or _country(e.target) == ev.target


def _precision(date: str) -> str:
    return {4: "year", 7: "month", 10: "day"}[len(date)]


def mismatches(e: Event, ev: Ev) -> list[str]:
    """What keeps ``e`` from being the expected ``ev`` (empty: it is)."""
    if not _same_actors(e, ev):
        return ["actors/root"]
    bad = []
    if ev.cameo is not None and e.cameo != ev.cameo:
        bad.append(f"cameo {e.cameo} != {ev.cameo}")
    if ev.date is not None:
        got = (e.date or "")[:len(ev.date)]
        if got != ev.date or e.date_precision != _precision(ev.date) or e.date_source != "text":
            bad.append(f"date {e.date}/{e.date_precision}/{e.date_source} != "
                       f"{ev.date}/{_precision(ev.date)}/text")
    if ev.source_sector is not None and (e.source is None or e.source.sector != ev.source_sector):
        bad.append(f"source sector {e.source.sector if e.source else None} != {ev.source_sector}")
    if ev.target_sector is not None and (e.target is None or e.target.sector != ev.target_sector):
        bad.append(f"target sector {e.target.sector if e.target else None} != {ev.target_sector}")
    if ev.speaker is not None and _country(e.speaker) != ev.speaker:
        bad.append(f"speaker {_country(e.speaker)} != {ev.speaker}")
    if ev.intent is not None and e.intent != ev.intent:
        bad.append(f"intent {e.intent} != {ev.intent}")
    if ev.sentence is not None and e.evidence.sentence != ev.sentence:
        bad.append(f"sentence {e.evidence.sentence} != {ev.sentence}")
    return bad


def check(article: Article, c: Case) -> None:
    asserted = [e for e in article.events if not (e.negated or e.hypothetical)]
    problems = []
    for ev in c.events:
        candidates = [(e, mismatches(e, ev)) for e in asserted]
        if any(not bad for _, bad in candidates):
            continue
        near = [f"{e.cameo} {_country(e.source)}->{_country(e.target)}: {', '.join(bad)}"
                for e, bad in candidates if bad != ["actors/root"]]
        problems.append(f"MISSING {ev}" + (f"  (near: {'; '.join(near)})" if near else ""))
    for ev in c.flagged:
        wrong = [e for e in asserted                                  # that root, that source
                 if e.cameo_root == ev.root and _country(e.source) == ev.source]
        if wrong:
            problems.append(f"ASSERTED BUT SHOULD BE {ev.flag.upper()} {ev}: "
                            + "; ".join(f"{e.cameo} {_country(e.source)}->{_country(e.target)}"
                                        for e in wrong))
        if not any(_same_actors(e, ev) and getattr(e, ev.flag) for e in article.events):
            problems.append(f"NOT EMITTED AS {ev.flag.upper()} (--all) {ev}")
    if c.no_event and asserted:
        problems.append("NO EVENT EXPECTED, got " + str(len(asserted)))
    if problems:
        emitted = "\n  ".join(describe(e) for e in article.events) or "(none)"
        raise AssertionError("\n".join(problems) + f"\ntext: {c.text}\nemitted (all):\n  {emitted}")


# --------------------------------------------------------------------------- schema


def validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def schema_errors(article: Article, v) -> list[str]:
    """Validate every event of the article as the CLI writes it (plain and --explain)."""
    errors = []
    for e in article.events:
        for explain in (False, True):
            record = json.loads(to_json(event_dict(e, explain)))
            for err in v.iter_errors(record):
                path = "/".join(str(p) for p in err.absolute_path)
                errors.append(f"{article.id} {e.cameo} explain={explain} /{path}: {err.message}")
    return errors


# --------------------------------------------------------------------------- checks both tables share


PHENOMENA = ("negation", "passive", "dropped_subject", "coordination", "nominal", "reported",
             "intent", "dates", "roles")


def check_clutter(article: Article, c: Case, body: str) -> None:
    """No event comes from anything but the article's own body; the body's events are right."""
    stray = [e for e in article.events if e.evidence.text not in body]
    assert not stray, "events from clutter: " + "; ".join(
        f"{e.cameo} {e.evidence.text!r}" for e in stray)
    check(article, c)


def check_coverage(table: dict[str, list[Case]]) -> None:
    """At least ten cases per phenomenon, and every CAMEO root somewhere."""
    for category in PHENOMENA:
        assert len(table[category]) >= 10, category
    roots = {ev.root for cases in table.values() for c in cases for ev in c.events + c.flagged}
    assert roots >= {f"{i:02d}" for i in range(1, 21)}, sorted(roots)


def check_schema(coder: Coder, cases: dict[str, Case]) -> None:
    """Every record of every case validates against the event schema (plain and --explain)."""
    v = validator()
    errors, count = [], 0
    for case_id, c in cases.items():
        article = coder.run(case_id, c)
        count += len(article.events)
        errors += schema_errors(article, v)
    assert count > len(cases) // 2, f"only {count} events over {len(cases)} texts"
    assert not errors, "\n".join(errors[:50])


def check_known_misses(table: dict[str, list[Case]], lang: str) -> None:
    ids = {p.values[0] for p in params(table)}
    assert set(known_misses(lang)) <= ids, sorted(set(known_misses(lang)) - ids)
