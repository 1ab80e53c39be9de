"""`cronaca eval events`: the event coder against gold event data.

Gold sets (the format is recognised from the file's name and content):

* ``cronaca`` -- Cronaca's own gold, ``eval/data/events_<lang>.jsonl`` (docs/KNOWLEDGE.md, "Gold
  for evaluation"): CAMEO codes, source and target as country codes, a ``dev``/``test`` split.
* ``plover`` -- the PLOVER gold-standard records, ``PLOVER_GSR_CAMEO.txt`` (a JSON array; the
  ``DOCUMENT`` record is skipped).  Despite the file's name its records carry **no CAMEO code**:
  each gives a PLOVER event type (``event``, PLOVER 0.5/0.6 names), an optional ``mode`` and
  ``source``/``target`` lists of ``{actorText, code, sector}``.  So on this set the "root" level
  is the PLOVER event type and the "full" level is type and mode.  Old type names are read as
  their PLOVER 2021 (manual 0.8) successors, the ones Cronaca emits: ``DEMAND`` -> ``REQUEST``,
  ``DISAPPROVE`` -> ``ACCUSE``, ``INVESTIGATE`` -> ``ACCUSE`` (mode ``investigate``), ``FIGHT`` ->
  ``ASSAULT``; old modes are mapped where a 2021 mode says the same (``strike-hun`` -> ``hunger``,
  ``riot-spon`` -> ``riot``, ``demo-org`` -> ``demo``, ``assassinate`` -> ``targeted``,
  ``detain`` -> ``arrest``, ``host`` -> ``visit``...), and a gold event without a usable mode is
  right at the full level whatever mode is coded.  A record with several sources or targets
  (compound actors) stands for one event per source-target pair, as Cronaca codes them; when
  the actors are marked ``SRC/TAR`` in the record's markup and no target is given (a reciprocal
  event, "X and Y agreed"), each is the other's target: X > Y and Y > X.  CAMEO codes without a
  PLOVER type (01x statements, 02x appeals: CAMEO2PLOVER has none) are not PLOVER events, so
  coded events without a PLOVER type are left out on this set (and counted).  Three
  old CAMEO country codes in the file are read as ISO (``JAP``, ``ITL``, ``VTN``).
* ``petrarch`` -- PETRARCH's unit-test records, ``PETR.UnitTest.records.xml``: ``Sentence``
  elements (``date`` as YYYYMMDD, ``id``, ``Text``) with ``EventCoding`` source/target/event
  codes; ``noevents`` and ``error`` (discard) codings mean the sentence must give no event.  The
  actor codes are relative to PETRARCH's validation dictionaries (``cronaca kb
  import-petrarch``, then ``--kb``), and some event codes are test-only codes that are not
  CAMEO (``223``, ``903``, ``1717``...): these are reported apart.  The flattened copy
  (``petrarch_validation_flat.jsonl``, records with a ``file`` field) is read the same way.
  UniversalPetrarch's Spanish validation sets (``up-protest``: 753 AFP protest sentences whose
  codings give a root, or ``18/19/20`` for any of the three, and never an actor, so only roots
  are scored; ``up-fight``: 312 Colombian press sentences with CAMEO codes such as
  ``190_fight`` and actor codes such as ``COLUAF``) are read by the same loader: records marked
  ``evaluate="false"`` are left out and each text loses the corpus's line key.
* ``conflibert`` -- the CAMEO ConfliBERT annotation rounds, ``training_round_N/summary.csv``:
  per sentence, up to five annotators, each with a relevance flag and CAMEO root labels such as
  ``"4-18 Assualt"`` (the number after the dash is the root).  The gold roots of a sentence are
  the roots given by more than half of the annotators who marked it relevant (even when those
  are a minority of its annotators: root accuracy is also given on the sentences a majority
  marked relevant); sentences no annotator judged are left out; a sentence is irrelevant when
  more than half of those who judged it marked it not relevant, and for those the events
  emitted are counted.  The set has no actors, so only the root level is scored, on the set of
  roots a sentence has (an event coded twice with one root counts once); "root accuracy" asks,
  for each sentence with a gold root, whether the coder's top event (highest confidence, then
  the first) has one of the gold roots.

Scoring.  Each record is coded through the real pipeline (``parse`` + ``events``) with its date
as publication date; negated and hypothetical events are left out, as ``cronaca extract`` does by
default.  Coded events are matched one-to-one to gold events per record, greedily in gold order,
at four levels: the root only (CAMEO root, or PLOVER type), the full code only (CAMEO code, or
PLOVER type and mode), root + dyad and full code + dyad; a fifth, the dyad only (any code),
separates finding the actors from choosing the code.  On PETRARCH's unit tests that fifth level
matters most: their event codes come from PETRARCH's validation verb dictionary
(``PETR.Validate.verbs.txt``), which gives verbs test codes rather than CAMEO's meaning (``AGREE
[081]``, ``ATTACK [223]``, "welcomed a resumption of ties" -> 041), so code agreement there says
little about CAMEO coding.  "Dyad" compares source and target by
country, the part every gold set gives:

* Cronaca's events carry ``country`` (ISO3, or ``EUR``/``UNO``/``IGO``/``NGO``/``IMG``... for
  organisations); Cronaca's gold and PLOVER give such codes; PLOVER's generic ``IGO`` also
  matches Cronaca's ``UNO`` and ``EUR``.
* PETRARCH's codes are full CAMEO actor codes (``ARNGOV``, ``PSEREBHMS``): their first three
  letters are the country.  A code without a country (``---GOV``) is compared on what it has,
  the sector (``GOV`` against the coded actor's sector); ``---`` alone, like a missing gold
  actor, must be coded without a country.

Reported: precision, recall and F1 per level; per-root counts and F1; the share of records fully
right at root level (the set of (source, target, root) coded equals the gold set; for a set
without actors, the set of roots); coded events per record and extra (unmatched) events per
record; events emitted on records whose gold has none; error kinds and root confusions; and the
first N misses with gold and coded events.
"""

from __future__ import annotations

import csv
import json
import os
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path

from cronaca.errors import DataNotFoundError, ResourceError
from cronaca.model import Actor, Article, Document, Event

LEVELS = ("root", "full", "dyad", "root+dyad", "full+dyad")

# PLOVER 0.5/0.6 names in the GSR -> PLOVER 2021 (manual 0.8), Cronaca's types and modes
PLOVER_TYPES = {"DEMAND": ("REQUEST", None), "DISAPPROVE": ("ACCUSE", None),
                "INVESTIGATE": ("ACCUSE", "investigate"), "FIGHT": ("ASSAULT", None)}
PLOVER_MODES = {
    "CONSULT": {"host": "visit"},
    "PROTEST": {"demo-org": "demo", "demo-spon": "demo", "riot-spon": "riot",
                "strike-gen": "strike", "strike-hun": "hunger"},
    "THREATEN": {"curfew": "restrict", "martial-law": "restrict", "political": "restrict"},
    "COERCE": {"confiscate": "seize", "ban": "restrict", "detain": "arrest"},
    "ASSAULT": {"assassinate": "targeted"},
}
PLOVER_COUNTRIES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
# PLOVER's generic IGO code covers the organisations Cronaca codes more precisely
COUNTRY_COVERS = {"IGO": {"IGO", "UNO", "EUR"}}
ROLE_CODES = frozenset({
    "AGR", "BUS", "CIV", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV", "HLH", "HRI",
    "IGO", "IMG", "INS", "JRN", "JUD", "LAB", "LEG", "MED", "MIL", "MNC", "MOD", "NGM", "NGO",
    "OPP", "PTY", "RAD", "REB", "REF", "REL", "SEP", "SET", "SPY", "UAF"})


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class Side:
    """An actor as the scorer compares it: a country code and a sector, either may be None."""

    country: str | None
    sector: str | None = None

    def __str__(self) -> str:
        if self.country is None and self.sector is None:
            return "-"
        return f"{self.country or '---'}{'/' + self.sector if self.sector else ''}"


@dataclass
class GoldEvent:
    source: Side | None
    target: Side | None
    code: str                          # CAMEO code, CAMEO root (conflibert) or PLOVER type
    mode: str | None = None            # PLOVER mode
    raw: str | None = None             # how the gold wrote it, for the miss list


@dataclass
class GoldRecord:
    id: str
    text: str
    date: str | None                   # ISO date
    lang: str | None
    events: list[GoldEvent]
    split: str | None = None
    actors: bool = True                # whether the gold names source and target
    relevant: bool | None = None       # conflibert: majority relevant / irrelevant / undecided

    def to_dict(self) -> dict:
        return {"id": self.id, "text": self.text, "date": self.date, "lang": self.lang,
                "split": self.split,
                "events": [{"source": str(e.source) if e.source else None,
                            "target": str(e.target) if e.target else None,
                            "code": e.code, **({"mode": e.mode} if e.mode else {})}
                           for e in self.events]}


@dataclass
class GoldSet:
    path: str
    format: str                        # cronaca, plover, petrarch, conflibert
    scheme: str                        # cameo, plover, cameo-root
    records: list[GoldRecord]


@dataclass
class CodedEvent:
    """What the scorer needs of a coded event."""

    code: str
    source: Side | None
    target: Side | None
    plover: str | None = None
    mode: str | None = None
    confidence: float = 1.0
    trigger: str = ""

    @property
    def root(self) -> str:
        return self.code[:2]

    def __str__(self) -> str:
        plover = f" {self.plover}{':' + self.mode if self.mode else ''}" if self.plover else ""
        return f"{self.source or '-'} > {self.target or '-'} {self.code}{plover} ({self.trigger})"


def side_of(actor: Actor | None) -> Side | None:
    if actor is None or (actor.country is None and actor.sector is None):
        return None
    return Side(actor.country, actor.sector)


def coded_event(event: Event) -> CodedEvent:
    return CodedEvent(event.cameo, side_of(event.source), side_of(event.target), event.plover,
                      event.plover_mode, event.confidence, event.evidence.trigger.text)


# --------------------------------------------------------------------------- loaders


def _iso(date: str | None) -> str | None:
    if not date:
        return None
    date = str(date).strip()
    if re.fullmatch(r"\d{8}", date):
        return f"{date[:4]}-{date[4:6]}-{date[6:]}"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        return date
    return None


def _text(text: str | None) -> str:
    return " ".join((text or "").split())


def petrarch_side(code: str | None) -> Side | None:
    """A PETRARCH actor code as (country: its first three letters, sector: its first later part
    that is a CAMEO role code); ``---GOV`` has no country, ``---`` and ``""`` are no actor."""
    code = (code or "").strip().upper()
    if not code:
        return None
    country = code[:3] if code[:3] != "---" else None
    parts = [code[i:i + 3] for i in range(3, len(code), 3)]
    sector = next((p for p in parts if p in ROLE_CODES), None)
    if country is None and sector is None:
        return None
    return Side(country, sector)


def load_cronaca(path: Path, lang: str | None = None) -> Iterator[GoldRecord]:
    m = re.search(r"events_([a-z]{2})\.jsonl$", path.name)
    file_lang = m.group(1) if m else None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            r = json.loads(line)
            events = [GoldEvent(Side(e["source"]) if e.get("source") else None,
                                Side(e["target"]) if e.get("target") else None,
                                str(e["code"]),
                                raw=f"{e.get('source') or '-'} > {e.get('target') or '-'} "
                                    f"{e['code']}")
                      for e in r.get("events") or []]
            yield GoldRecord(str(r["id"]), _text(r["text"]), _iso(r.get("date")),
                             r.get("lang") or file_lang or lang, events, r.get("split"))
        except (KeyError, TypeError, ValueError) as exc:
            raise ResourceError(f"{path.name}:{number}: not a gold record ({exc})") from None


def _plover_actors(value) -> list[Side | None]:
    if not isinstance(value, list) or not value:
        return [None]
    sides = []
    for a in value:
        code = str(a.get("code") or "").strip().upper()
        sector = str(a.get("sector") or "").strip().upper()[:3]
        sides.append(Side(PLOVER_COUNTRIES.get(code, code) or None,
                          sector if sector in ROLE_CODES else None))
    return sides


def load_plover(path: Path, lang: str | None = None) -> Iterator[GoldRecord]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise ResourceError(f"{path.name} is not a JSON array ({exc})") from None
    for r in data:
        if r.get("event") == "DOCUMENT" or not r.get("text"):
            continue
        kind, mode = PLOVER_TYPES.get(r["event"], (r["event"], None))
        gold_mode = (r.get("mode") or "").strip() or None
        if gold_mode and mode is None:
            mode = PLOVER_MODES.get(kind, {}).get(gold_mode, gold_mode)
        if mode == "other":
            mode = None
        sources, targets = _plover_actors(r.get("source")), _plover_actors(r.get("target"))
        info = r.get("textInfo")
        markup = str(info.get("markup") or "") if isinstance(info, dict) else str(info or "")
        if targets == [None] and len(sources) > 1 and markup.count("SRC/TAR") >= 2:
            # reciprocal: every actor is source and target ("X and Y agreed" -> X>Y, Y>X)
            pairs = [(s, t) for i, s in enumerate(sources) for j, t in enumerate(sources) if i != j]
        else:
            pairs = [(s, t) for s in sources for t in targets]
        events = [GoldEvent(s, t, kind, mode,
                            f"{s or '-'} > {t or '-'} {r['event']}"
                            f"{':' + gold_mode if gold_mode else ''}")
                  for s, t in pairs]
        yield GoldRecord(r["id"], _text(r["text"]), _iso(r.get("date")),
                         r.get("language") or lang, events)


# A UniversalPetrarch record's text may open with the corpus's own line key ("20000430\t
# 20000430_NYN_P1_P10320 | ") or a stray bracket left by its tokeniser (")La Iglesia").
_RECORD_KEY = re.compile(r"^\s*\d{8}\s+\S+\s*\|\s*|^\s*\)+\s*")


def petrarch_code(code: str) -> str:
    """``"130_threaten"`` -> ``"130"``; ``"18/19/20"`` (any of three roots) stays as it is."""
    code = code.strip()
    if re.fullmatch(r"\d{2}(/\d{2})+", code):
        return code
    m = re.match(r"\d+", code)
    return m.group(0) if m else code


def load_petrarch_xml(path: Path, lang: str | None = None) -> Iterator[GoldRecord]:
    """PETRARCH and UniversalPetrarch validation XML.  Sentences marked ``evaluate="false"``
    are left out; a file whose codings never name an actor (UniversalPetrarch's Spanish
    protest set: every actor ``---``) is scored on roots only."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise ResourceError(f"{path.name} is not valid XML ({exc})") from None
    records, any_actor = [], False
    lang = lang or ("es" if "spanish" in path.name.lower() else "en")
    for s in root.iter("Sentence"):
        if s.get("evaluate", "true").lower() == "false":
            continue
        events = []
        for coding in s.iter("EventCoding"):
            code = petrarch_code(coding.get("eventcode") or "")
            if not code:
                continue                        # noevents / error: the sentence gives none
            src, tgt = coding.get("sourcecode"), coding.get("targetcode")
            source, target = petrarch_side(src), petrarch_side(tgt)
            any_actor = any_actor or source is not None or target is not None
            events.append(GoldEvent(source, target, code,
                                    raw=f"{src or '-'} > {tgt or '-'} {coding.get('eventcode')}"))
        text = s.find("Text")
        records.append(GoldRecord(s.get("id", ""),
                                  _text(_RECORD_KEY.sub("", text.text if text is not None else "")),
                                  _iso(s.get("date")), lang, events))
    for record in records:
        record.actors = any_actor
        yield record


def load_petrarch_jsonl(path: Path, lang: str | None = None) -> Iterator[GoldRecord]:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            r = json.loads(line)
            events = [GoldEvent(petrarch_side(e.get("source")), petrarch_side(e.get("target")),
                                str(e["eventcode"]),
                                raw=f"{e.get('source') or '-'} > {e.get('target') or '-'} "
                                    f"{e['eventcode']}")
                      for e in r.get("events") or [] if e.get("eventcode")]
        except (KeyError, TypeError, ValueError) as exc:
            raise ResourceError(f"{path.name}:{number}: not a record ({exc})") from None
        yield GoldRecord(f"{Path(r.get('file', '')).stem}:{r['id']}", _text(r["text"]),
                         _iso(r.get("date")), r.get("lang") or lang, events)


_LABEL = re.compile(r"^\s*\d+\s*-\s*(\d+)\b")


def conflibert_root(label: str) -> str | None:
    """``"4-18 Assualt"`` -> ``"18"``; ``"0-1 Make Public Statement"`` -> ``"01"``."""
    m = _LABEL.match(label or "")
    if not m or not 1 <= int(m.group(1)) <= 20:
        return None
    return f"{int(m.group(1)):02d}"


def _truth(value: str | None) -> bool | None:
    value = (value or "").strip().lower()
    return True if value == "true" else False if value == "false" else None


def load_conflibert(path: Path, lang: str | None = None) -> Iterator[GoldRecord]:
    m = re.search(r"round_(\d+)", str(path))
    prefix = f"r{m.group(1)}" if m else path.parent.name
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        annotators = sorted({k.rsplit("_", 1)[1] for k in row if re.match(r"1_Relevant_\d+$", k)})
        judged, relevant, labels = 0, 0, Counter()
        for a in annotators:
            flag = _truth(row.get(f"1_Relevant_{a}"))
            if flag is None:
                continue
            judged += 1
            if flag:
                relevant += 1
                roots = {r for k, v in row.items()
                         if re.match(rf"Action\d+_CAMEO_{a}$", k) and (r := conflibert_root(v))}
                labels.update(roots)
        if not judged:
            continue                           # nobody annotated it (half of round 10)
        gold = sorted(r for r, n in labels.items() if n * 2 > relevant)
        number = re.sub(r"\D", "", row.get("No") or "") or row.get("ids", "")
        state = (True if relevant * 2 > judged else False if (judged - relevant) * 2 > judged
                 else None)
        yield GoldRecord(f"{prefix}-{number}", _text(row.get("sentences")), None, lang or "en",
                         [GoldEvent(None, None, r, raw=r) for r in gold], actors=False,
                         relevant=state)


DEFAULT_DIR = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "eventdata"
ALIASES = {
    "plover": "PLOVER/PLOVER_GSR_CAMEO.txt",
    "petrarch": "petrarch2/PETR.UnitTest.records.xml",
    "conflibert9": "CAMEO_ConfliBERT/training_round_9/summary.csv",
    "conflibert10": "CAMEO_ConfliBERT/training_round_10/summary.csv",
    "up-protest": "UniversalPetrarch/spanish_protest_plover_validation.xml",
    "up-fight": "UniversalPetrarch/spanish_fight_reduced_181227v2_validation.xml",
}


def resolve_gold(name: str | Path) -> Path:
    """A gold file by path, or by a short name: ``plover``, ``petrarch``, ``conflibert9``,
    ``conflibert10``, ``up-protest`` and ``up-fight`` (UniversalPetrarch's Spanish validation
    sets; all under ../shared/data/eventdata), ``cronaca-<lang>`` (the package's own)."""
    path = Path(name)
    if path.exists():
        return path
    text = str(name).lower()
    if text in ALIASES:
        path = DEFAULT_DIR / ALIASES[text]
    elif m := re.fullmatch(r"cronaca-([a-z]{2})", text):
        path = Path(str(resources.files("cronaca.eval"))) / "data" / f"events_{m.group(1)}.jsonl"
    if not path.exists():
        raise DataNotFoundError(f"gold file not found: {path}")
    return path


def detect_format(path: Path) -> str:
    name = path.name.lower()
    with path.open(encoding="utf-8", errors="replace") as f:
        head = f.read(4096)
    stripped = head.lstrip()
    if name.endswith(".csv") and "Action1_CAMEO" in head:
        return "conflibert"
    if stripped.startswith("<") and \
            "<Sentence" in path.read_text(encoding="utf-8", errors="replace"):
        return "petrarch"
    if stripped.startswith("[") and '"eventText"' in head:
        return "plover"
    if stripped.startswith("{"):
        first = json.loads(stripped.splitlines()[0])
        if "file" in first and "events" in first:
            return "petrarch-jsonl"
        if "events" in first and "text" in first:
            return "cronaca"
    raise ResourceError(f"cannot tell what gold format {path} is (expected Cronaca's JSON Lines, "
                        "PLOVER GSR JSON, PETRARCH XML or a ConfliBERT summary.csv)")


LOADERS: dict[str, tuple[Callable[..., Iterator[GoldRecord]], str]] = {
    "cronaca": (load_cronaca, "cameo"),
    "plover": (load_plover, "plover"),
    "petrarch": (load_petrarch_xml, "cameo"),
    "petrarch-jsonl": (load_petrarch_jsonl, "cameo"),
    "conflibert": (load_conflibert, "cameo-root"),
}


def load(gold: str | Path, split: str = "all", lang: str | None = None,
         limit: int = 0) -> GoldSet:
    path = resolve_gold(gold)
    fmt = detect_format(path)
    loader, scheme = LOADERS[fmt]
    records = list(loader(path, lang))
    codes = [e.code for r in records for e in r.events]
    if scheme == "cameo" and codes and \
            sum(bool(re.fullmatch(r"\d{2}(/\d{2})*", c)) for c in codes) >= 0.9 * len(codes):
        scheme = "cameo-root"     # UniversalPetrarch's protest set: roots (823 of 832 codes)
    if split != "all":
        if not any(r.split for r in records):
            raise ResourceError(f"{path.name} has no dev/test split; use --split all")
        records = [r for r in records if r.split == split]
    if lang:
        records = [r for r in records if (r.lang or lang) == lang]
    if limit:
        records = records[:limit]
    return GoldSet(str(path), fmt, scheme, records)


# --------------------------------------------------------------------------- matching


def same_country(gold: str | None, coded: str | None) -> bool:
    if gold is None or coded is None:
        return gold is None and coded is None
    return gold == coded or coded in COUNTRY_COVERS.get(gold, ())


def same_actor(gold: Side | None, coded: Side | None) -> bool:
    """Gold actor vs coded actor by country; a gold actor with only a sector by sector; no gold
    actor (or a null code) wants a coded actor without a country."""
    if gold is None or (gold.country is None and gold.sector is None):
        return coded is None or coded.country is None
    if gold.country is None:
        return coded is not None and coded.sector == gold.sector
    return coded is not None and same_country(gold.country, coded.country)


def gold_root(scheme: str, g: GoldEvent) -> str:
    """The gold root; ``"18/19/20"`` (UniversalPetrarch: any of these roots) stays whole."""
    if scheme in ("cameo", "cameo-root") and "/" not in g.code:
        return g.code[:2]
    return g.code


def same_root(scheme: str, g: GoldEvent, c: CodedEvent) -> bool:
    return coded_root(scheme, c) in gold_root(scheme, g).split("/")


def coded_root(scheme: str, c: CodedEvent) -> str:
    return (c.plover or "-") if scheme == "plover" else c.root


def same_full(scheme: str, g: GoldEvent, c: CodedEvent) -> bool:
    if scheme == "plover":
        return g.code == c.plover and (g.mode is None or g.mode == c.mode)
    return g.code == c.code


def predicate(scheme: str, level: str) -> Callable[[GoldEvent, CodedEvent], bool]:
    full = level.startswith("full")
    dyad = level.endswith("dyad")

    def same(g: GoldEvent, c: CodedEvent) -> bool:
        code_ok = (True if level == "dyad" else same_full(scheme, g, c) if full
                   else same_root(scheme, g, c))
        return code_ok and (not dyad or (same_actor(g.source, c.source) and
                                         same_actor(g.target, c.target)))
    return same


def match(gold: list[GoldEvent], coded: list[CodedEvent],
          same: Callable[[GoldEvent, CodedEvent], bool]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching, in gold order: each gold event takes the first unused coded
    event that agrees with it."""
    used: set[int] = set()
    pairs = []
    for i, g in enumerate(gold):
        for j, c in enumerate(coded):
            if j not in used and same(g, c):
                used.add(j)
                pairs.append((i, j))
                break
    return pairs


def levels_for(scheme: str, actors: bool) -> tuple[str, ...]:
    if scheme == "cameo-root":
        return ("root",)
    return LEVELS if actors else ("root", "full")


def _dedupe_roots(scheme: str, coded: list[CodedEvent]) -> list[CodedEvent]:
    seen, out = set(), []
    for c in coded:
        if coded_root(scheme, c) not in seen:
            seen.add(coded_root(scheme, c))
            out.append(c)
    return out


def _side_key(side: Side | None):
    if side is None or (side.country is None and side.sector is None):
        return None
    return side.country if side.country else ("sector", side.sector)


def fully_right(scheme: str, record: GoldRecord, coded: list[CodedEvent]) -> bool:
    """The set of (source, target, root) coded equals the gold set (roots only without actors)."""
    if not record.actors:
        gold = {gold_root(scheme, g) for g in record.events}
        roots = {coded_root(scheme, c) for c in coded}
        return all(any(r in g.split("/") for r in roots) for g in gold) and \
            all(any(r in g.split("/") for g in gold) for r in roots)
    gold = list({(g.source, g.target, gold_root(scheme, g)): g for g in record.events}.values())
    unique = list({(_side_key(c.source), _side_key(c.target), coded_root(scheme, c)): c
                   for c in coded}.values())
    pairs = match(gold, unique, predicate(scheme, "root+dyad"))
    return len(pairs) == len(gold) == len(unique)


# --------------------------------------------------------------------------- scoring


@dataclass
class Count:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class RecordResult:
    record: GoldRecord
    coded: list[CodedEvent]
    failure: str | None = None
    right: bool = False
    problems: list[str] = field(default_factory=list)
    hidden: list[CodedEvent] = field(default_factory=list)     # coded, but not scored (PLOVER)


def _diagnose(scheme: str, g: GoldEvent, coded: list[CodedEvent],
              free: list[CodedEvent]) -> tuple[str, str | None]:
    """Why a gold event found no coded event at the strictest level that applies, judged on the
    coded events no other gold event took (``free``): (kind, the coded root it was confused
    with)."""
    if not coded:
        return "no event coded", None
    same_code = [c for c in free if same_root(scheme, g, c)]
    if not same_code:
        if not free or any(same_root(scheme, g, c) for c in coded):
            return "fewer events coded than gold", None
        return "wrong code", coded_root(scheme, free[0])
    best = None
    for c in same_code:
        if same_actor(g.source, c.target) and same_actor(g.target, c.source) and \
                not same_actor(g.source, c.source):
            return "source and target swapped", None
        kinds = []
        for part, gs, cs in (("source", g.source, c.source), ("target", g.target, c.target)):
            if not same_actor(gs, cs):
                if gs is None or (gs.country is None and gs.sector is None):
                    kinds.append(f"{part} coded, gold has none")
                elif cs is None or (gs.country and cs.country is None):
                    kinds.append(f"{part} missing")
                else:
                    kinds.append(f"{part} wrong")
        if best is None or len(kinds) < len(best):
            best = kinds
    return " + ".join(best or ["unmatched"]), None


def score(gold: GoldSet, coded: list[list[CodedEvent]],
          failures: list[str | None] | None = None, misses: int = 10) -> dict:
    """The metrics dict for ``coded[i]`` (events coded for ``gold.records[i]``)."""
    scheme = gold.scheme
    failures = failures or [None] * len(gold.records)
    counts = {level: Count() for level in LEVELS}
    by_root: dict[str, Count] = {}
    errors, confusions, spurious = Counter(), Counter(), Counter()
    results: list[RecordResult] = []
    right = right_valid = valid_total = 0
    dyad_records = empty_gold = empty_with_events = events_on_empty = extra = 0
    known = _cameo_codes() if scheme == "cameo" else None
    non_cameo = 0
    left_out = 0
    for record, events, failure in zip(gold.records, coded, failures, strict=True):
        typeless = []
        if scheme == "plover":
            typeless = [c for c in events if c.plover is None]
            left_out += len(typeless)
            events = [c for c in events if c.plover is not None]
        events = events if record.actors else _dedupe_roots(scheme, events)
        result = RecordResult(record, events, failure, hidden=typeless)
        levels = levels_for(scheme, record.actors)
        dyad_records += "root+dyad" in levels
        matched: dict[str, list[tuple[int, int]]] = {}
        for level in levels:
            pairs = match(record.events, events, predicate(scheme, level))
            matched[level] = pairs
            c = counts[level]
            c.tp += len(pairs)
            c.fp += len(events) - len(pairs)
            c.fn += len(record.events) - len(pairs)
        root_pairs = matched["root"]
        extra += len(events) - len(root_pairs)
        gold_hit = {i for i, _ in root_pairs}
        coded_hit = {j for _, j in root_pairs}
        for i, g in enumerate(record.events):
            r = by_root.setdefault(gold_root(scheme, g), Count())
            if i in gold_hit:
                r.tp += 1
            else:
                r.fn += 1
        for j, c in enumerate(events):
            if j not in coded_hit:
                by_root.setdefault(coded_root(scheme, c), Count()).fp += 1
                spurious[coded_root(scheme, c)] += 1
        strict = "root+dyad" if "root+dyad" in levels else "root"
        strict_hit = {i for i, _ in matched[strict]}
        free = [c for j, c in enumerate(events) if j not in {j for _, j in matched[strict]}]
        for i, g in enumerate(record.events):
            if i not in strict_hit:
                kind, confused = _diagnose(scheme, g, events, free)
                if kind == "no event coded" and typeless:
                    kind = "only 01x/02x coded (no PLOVER type)"
                errors[kind] += 1
                result.problems.append(f"{g.raw or g.code}: {kind}")
                if confused is not None:
                    confusions[(gold_root(scheme, g), confused)] += 1
        if not record.events:
            empty_gold += 1
            empty_with_events += bool(events)
            events_on_empty += len(events)
            if events:
                errors["event coded, gold has none"] += 1
        result.right = fully_right(scheme, record, events)
        right += result.right
        if known is not None:
            bad = [g.code for g in record.events if g.code not in known]
            non_cameo += len(bad)
            if not bad:
                valid_total += 1
                right_valid += result.right
        results.append(result)

    n = len(gold.records)
    metrics: dict = {
        "gold": gold.path, "format": gold.format, "scheme": scheme, "records": n,
        "failures": sum(f is not None for f in failures),
        "gold_events": sum(len(r.events) for r in gold.records),
        "coded_events": sum(len(r.coded) for r in results),
        "levels": {level: counts[level].to_dict() for level in LEVELS
                   if any(level in levels_for(scheme, r.actors) for r in gold.records)},
        "dyad_records": dyad_records,
        "by_root": {root: {"gold": c.tp + c.fn, "coded": c.tp + c.fp, **c.to_dict()}
                    for root, c in sorted(by_root.items())},
        "fully_right": {"count": right, "records": n, "share": round(right / n, 4) if n else 0.0},
        "coded_per_record": round(sum(len(r.coded) for r in results) / n, 3) if n else 0.0,
        "extra_per_record": round(extra / n, 3) if n else 0.0,
        "no_event_records": {"records": empty_gold, "with_events": empty_with_events,
                             "events": events_on_empty},
        "errors": dict(errors.most_common()),
        "confusions": [[g, c, k] for (g, c), k in confusions.most_common(20)],
        "unmatched_coded_roots": dict(spurious.most_common()),
    }
    if scheme == "plover":
        metrics["coded_without_plover_type"] = left_out
    if known is not None:
        metrics["non_cameo_gold_events"] = non_cameo
        metrics["fully_right_cameo_only"] = {
            "count": right_valid, "records": valid_total,
            "share": round(right_valid / valid_total, 4) if valid_total else 0.0}
    if scheme == "cameo-root" and any(r.record.relevant is not None for r in results):
        metrics["root_accuracy"] = _root_accuracy(results)     # ConfliBERT's relevance votes
    metrics["misses"] = [
        {"id": r.record.id, "text": r.record.text,
         "gold": [g.raw or g.code for g in r.record.events],
         "coded": [str(c) for c in r.coded] + [f"{c} [no PLOVER type: not scored]"
                                                for c in r.hidden],
         "problems": r.problems,
         **({"failure": r.failure} if r.failure else {})}
        for r in results if not r.right][:misses]
    return metrics


def _root_accuracy(results: list[RecordResult]) -> dict:
    def top_right(r: RecordResult, gold: set[str]) -> tuple[bool, bool]:
        if not r.coded:
            return False, False
        top = max(enumerate(r.coded), key=lambda p: (p[1].confidence, -p[0]))[1]
        return top.root in gold, any(c.root in gold for c in r.coded)

    scored = correct = any_correct = 0
    scored_rel = correct_rel = 0
    irrelevant = irrelevant_with = irrelevant_events = 0
    for r in results:
        gold = {g.code for g in r.record.events}
        if gold:
            top, some = top_right(r, gold)
            scored += 1
            correct += top
            any_correct += some
            if r.record.relevant:
                scored_rel += 1
                correct_rel += top
        if r.record.relevant is False:
            irrelevant += 1
            irrelevant_with += bool(r.coded)
            irrelevant_events += len(r.coded)
    return {"sentences_with_gold_root": scored, "top_root_correct": correct,
            "accuracy": round(correct / scored, 4) if scored else 0.0,
            "any_root_correct": any_correct,
            "any_root_accuracy": round(any_correct / scored, 4) if scored else 0.0,
            "majority_relevant_with_gold_root": scored_rel,
            "majority_relevant_top_root_correct": correct_rel,
            "majority_relevant_accuracy": round(correct_rel / scored_rel, 4) if scored_rel else 0.0,
            "irrelevant_sentences": irrelevant, "irrelevant_with_events": irrelevant_with,
            "events_on_irrelevant": irrelevant_events}


def _cameo_codes() -> set[str]:
    from cronaca.events.codes import cameo

    return set(cameo())


# --------------------------------------------------------------------------- running


@contextmanager
def using_kb(folder: Path | None):
    """Point the knowledge base at another user folder for the duration (``--kb``)."""
    if folder is None:
        yield
        return
    if not folder.is_dir():
        raise DataNotFoundError(f"knowledge folder not found: {folder}")
    from cronaca.actors import kb

    before = os.environ.get("CRONACA_KB")
    os.environ["CRONACA_KB"] = str(folder)
    kb.knowledge_base.cache_clear()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("CRONACA_KB", None)
        else:
            os.environ["CRONACA_KB"] = before
        kb.knowledge_base.cache_clear()


def code_records(records: list[GoldRecord], lang: str | None = None,
                 progress: bool = False) -> tuple[list[list[CodedEvent]], list[str | None]]:
    """Code every record's text through the real pipeline, its date as publication date."""
    from cronaca.model import Failure
    from cronaca.pipeline import Pipeline

    pipelines: dict[str, Pipeline] = {}
    coded: list[list[CodedEvent]] = []
    failures: list[str | None] = []
    items: Iterable[GoldRecord] = records
    if progress:
        from rich.progress import track

        items = track(records, description="coding gold sentences", transient=True)
    for record in items:
        code = record.lang or lang or "en"
        pipeline = pipelines.setdefault(code, Pipeline(stages=("parse", "events"), lang=code))
        doc = Document(id=record.id, content=record.text, format="text", source=record.id,
                       date=record.date, lang=code)
        result = pipeline.process(doc)
        if isinstance(result, Failure):
            coded.append([])
            failures.append(result.error)
            continue
        assert isinstance(result, Article)
        coded.append([coded_event(e) for e in result.events if not (e.negated or e.hypothetical)])
        failures.append(None)
    return coded, failures


def run(gold: str | Path, split: str = "all", lang: str | None = None, limit: int = 0,
        misses: int = 10, kb: Path | None = None, progress: bool = False) -> dict:
    gold_set = load(gold, split, lang, limit)
    if not gold_set.records:
        raise ResourceError(f"no gold records in {gold_set.path} for split {split!r}"
                            + (f" and language {lang!r}" if lang else ""))
    with using_kb(kb):
        coded, failures = code_records(gold_set.records, lang, progress)
    metrics = score(gold_set, coded, failures, misses)
    metrics.update({"split": split, "lang": lang, "kb": str(kb) if kb else None})
    return metrics


# --------------------------------------------------------------------------- report


def report(m: dict) -> str:
    from io import StringIO

    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    buffer = StringIO()
    console = Console(file=buffer, width=140, force_terminal=False, color_system=None)
    root_name = "PLOVER type" if m["scheme"] == "plover" else "CAMEO root"
    full_name = "type + mode" if m["scheme"] == "plover" else "full CAMEO code"
    console.print(f"Events: {m['gold']} ({m['format']}, split {m['split']}"
                  f"{', kb ' + m['kb'] if m.get('kb') else ''}): {m['records']} records, "
                  f"{m['gold_events']} gold events, {m['coded_events']} coded, "
                  f"{m['failures']} skipped by the pipeline (e.g. nothing left after cleaning)",
                  highlight=False)
    table = Table(title="matching (greedy one-to-one per record)", title_justify="left")
    for col in ("level", "P", "R", "F1", "tp", "fp", "fn"):
        table.add_column(col, justify="left" if col == "level" else "right")
    names = {"root": root_name, "full": full_name, "dyad": "dyad only (any code)",
             "root+dyad": f"{root_name} + dyad",
             "full+dyad": f"{full_name} + dyad"}
    for level, c in m["levels"].items():
        table.add_row(names[level], f"{c['precision']:.3f}", f"{c['recall']:.3f}",
                      f"{c['f1']:.3f}", str(c["tp"]), str(c["fp"]), str(c["fn"]))
    console.print(table)
    fr = m["fully_right"]
    lines = [f"records fully right at root level: {fr['count']}/{fr['records']} "
             f"({100 * fr['share']:.1f}%)"]
    if "fully_right_cameo_only" in m:
        fv = m["fully_right_cameo_only"]
        lines.append(f"  on records whose gold codes are all CAMEO codes: {fv['count']}/"
                     f"{fv['records']} ({100 * fv['share']:.1f}%); test-only gold codes: "
                     f"{m['non_cameo_gold_events']} events")
    ne = m["no_event_records"]
    lines += [f"coded events per record: {m['coded_per_record']:.2f}; extra (unmatched at root "
              f"level) per record: {m['extra_per_record']:.2f}",
              f"records whose gold has no event: {ne['records']}, of which {ne['with_events']} "
              f"got events ({ne['events']} events)"]
    if "coded_without_plover_type" in m:
        lines.append(f"coded events without a PLOVER type (01x/02x), left out: "
                     f"{m['coded_without_plover_type']}")
    if "root_accuracy" in m:
        ra = m["root_accuracy"]
        lines += [f"root accuracy (top event's root among the gold roots): "
                  f"{ra['top_root_correct']}/{ra['sentences_with_gold_root']} = "
                  f"{ra['accuracy']:.3f}"
                  f"; any coded root among them: {ra['any_root_correct']} = "
                  f"{ra['any_root_accuracy']:.3f}",
                  f"  on sentences a majority marked relevant: "
                  f"{ra['majority_relevant_top_root_correct']}/"
                  f"{ra['majority_relevant_with_gold_root']} = "
                  f"{ra['majority_relevant_accuracy']:.3f}",
                  f"irrelevant sentences: {ra['irrelevant_sentences']}, of which "
                  f"{ra['irrelevant_with_events']} got events "
                  f"({ra['events_on_irrelevant']} events)"]
    for line in lines:
        console.print(line, highlight=False)
    roots = Table(title=f"by {root_name} (root level)", title_justify="left")
    for col in ("root", "gold", "coded", "tp", "P", "R", "F1"):
        roots.add_column(col, justify="left" if col == "root" else "right")
    for root, c in m["by_root"].items():
        roots.add_row(root, str(c["gold"]), str(c["coded"]), str(c["tp"]), f"{c['precision']:.2f}",
                      f"{c['recall']:.2f}", f"{c['f1']:.2f}")
    console.print(roots)
    if m["errors"]:
        console.print("gold events missed at the strictest level, by kind:", highlight=False)
        for kind, k in m["errors"].items():
            console.print(f"  {k:4d}  {kind}", highlight=False)
    if m["confusions"]:
        console.print("root confusions (gold -> coded): " + ", ".join(
            f"{g}->{c} x{k}" for g, c, k in m["confusions"][:12]), highlight=False)
    if m["misses"]:
        console.print(f"\nfirst {len(m['misses'])} records not fully right:", highlight=False)
        for miss in m["misses"]:
            console.print(f"[{escape(miss['id'])}] {escape(miss['text'][:220])}", highlight=False)
            console.print(f"    gold : {escape('; '.join(miss['gold']) or 'no event')}",
                          highlight=False)
            console.print(f"    coded: {escape('; '.join(miss['coded']) or 'no event')}",
                          highlight=False)
            if miss.get("failure"):
                console.print(f"    failure: {escape(miss['failure'])}", highlight=False)
    return buffer.getvalue().rstrip()


def to_json(metrics: dict) -> str:
    return json.dumps(metrics, ensure_ascii=False, indent=1, default=lambda o: asdict(o))
