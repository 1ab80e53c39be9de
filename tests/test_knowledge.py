"""Schema tests for Cronaca's knowledge files; docs/KNOWLEDGE.md is the contract they check.

Every file is read twice: directly (yaml / csv / json, so that a mistake is reported against the
file and the entry that holds it) and through the loader the code uses (codes.cameo(),
lexicon.lexicon(), lexicon.modality(), time.dates.words(), actors.kb.build(), ...), so that a
file the loader rejects or reads differently fails here rather than at run time.

Tests that collect problems report all of them at once, one per line.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import json
import re
from collections import Counter, defaultdict
from functools import cache
from importlib import resources
from pathlib import Path

import pycountry
import pytest
import yaml
from babel import Locale

from cronaca.actors import kb as kbmod
from cronaca.events import codes as codesmod
from cronaca.events import lexicon as lexmod
from cronaca.lang import info, languages, parsable
from cronaca.time import dates as datesmod

PACKAGE = Path(str(resources.files("cronaca")))
EVENTS_DATA = PACKAGE / "events" / "data"
ACTORS_DATA = PACKAGE / "actors" / "data"
LANG = PACKAGE / "lang"
SCHEMA_PATH = PACKAGE / "events" / "event.schema.json"

NAME_LANGS = ("it", "en", "es", "fr", "de", "pt")    # languages of names and adjectives
ROLES = kbmod.ROLES                                  # the role ids people.*.yaml uses
# the codes organisations use as `country` (docs/KNOWLEDGE.md, organizations.yaml header)
ORG_CODES = {"UNO", "EUR", "IGO", "NGO", "IMG", "WST"}
ISO3 = {c.alpha_3 for c in pycountry.countries} | {"XKX"}      # Kosovo: the code kb.py adds
ISO2 = {c.alpha_3: c.alpha_2 for c in pycountry.countries} | {"XKX": "XK"}

# GDELT 2.0 QuadClass by CAMEO root (1 verbal cooperation ... 4 material conflict)
GDELT_QUAD = {**{f"{r:02d}": 1 for r in range(1, 6)}, **{f"{r:02d}": 2 for r in range(6, 10)},
              **{f"{r:02d}": 3 for r in range(10, 15)}, **{f"{r:02d}": 4 for r in range(15, 21)}}
ROOTS = tuple(f"{r:02d}" for r in range(1, 21))

# Dependent territories and other ISO 3166-1 entries that are not states; everything else in
# ISO 3166-1, plus Kosovo, is a state: the 193 UN members, the Holy See, Palestine, Taiwan, Kosovo.
NOT_STATES = set("""ABW AIA ALA ASM ATA ATF BES BLM BMU BVT CCK COK CUW CXR CYM ESH FLK FRO GGY GIB
    GLP GRL GUF GUM HKG HMD IMN IOT JEY MAC MAF MNP MSR MTQ MYT NCL NFK NIU PCN PRI PYF REU SGS
    SHN SJM SPM SXM TCA TKL UMI VGB VIR WLF""".split())
STATES = sorted(ISO3 - NOT_STATES)


def problems_report(problems: list[str], limit: int = 200) -> str:
    shown = problems[:limit]
    more = f"\n... and {len(problems) - limit} more" if len(problems) > limit else ""
    return f"{len(problems)} problem(s):\n" + "\n".join(shown) + more


# ------------------------------------------------------------------------------ readers


@cache
def tsv(name: str) -> tuple[list[str], list[dict[str, str]]]:
    text = (EVENTS_DATA / name).read_text(encoding="utf-8")
    reader = csv.DictReader(text.splitlines(), delimiter="\t")
    rows = list(reader)
    return list(reader.fieldnames or []), rows


@cache
def cameo_rows() -> dict[str, dict[str, str]]:
    return {row["code"]: row for row in tsv("cameo.tsv")[1]}


@cache
def plover_table() -> dict[str, set[str]]:
    modes: dict[str, set[str]] = {}
    for row in tsv("plover.tsv")[1]:
        modes.setdefault(row["type"], set())
        if row["mode"]:
            modes[row["type"]].add(row["mode"])
    return modes


@cache
def lang_yaml(code: str, name: str):
    return yaml.safe_load((LANG / code / name).read_text(encoding="utf-8"))


def langs_with(name: str) -> list[str]:
    return [code for code in languages() if (LANG / code / name).is_file()]


@cache
def actor_files(prefix: str) -> tuple[Path, ...]:
    return tuple(sorted(p for p in ACTORS_DATA.glob(f"{prefix}*.yaml")))


@cache
def actor_entries(prefix: str) -> tuple[tuple[str, dict], ...]:
    """(file name, entry) for every entry of every ``<prefix>*.yaml`` file."""
    found = []
    for path in actor_files(prefix):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert isinstance(data, list), f"{path.name}: the top level must be a list of entries"
        found += [(path.name, entry) for entry in data]
    return tuple(found)


def parse_date(value) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def phrase_ok(text) -> bool:
    """A word or phrase: a non-empty string, no outer spaces, single spaces inside."""
    return isinstance(text, str) and text != "" and text == text.strip() and "  " not in text \
        and "\n" not in text and "\t" not in text


@pytest.fixture(scope="module")
def kb(tmp_path_factory) -> kbmod.KnowledgeBase:
    """The knowledge base as the code builds it, without the user's own dictionaries."""
    return kbmod.build(user=tmp_path_factory.mktemp("no-user-kb"))


# ======================================================================== events/data


def test_cameo_header():
    assert tsv("cameo.tsv")[0] == ["code", "name", "goldstein", "quad_class", "plover",
                                   "plover_mode"]


def test_cameo_rows():
    problems = []
    rows = tsv("cameo.tsv")[1]
    counts = Counter(row["code"] for row in rows)
    problems += [f"code {c!r} appears {n} times" for c, n in counts.items() if n > 1]
    plover = plover_table()
    for row in rows:
        code = row["code"]
        where = f"cameo.tsv {code!r}"
        if None in row or any(v is None for v in row.values()):
            problems.append(f"{where}: wrong number of columns")
            continue
        if not re.fullmatch(r"\d{2,4}", code) or code[:2] not in ROOTS:
            problems.append(f"{where}: not a CAMEO code (2-4 digits, root 01-20)")
            continue
        if len(code) > 2 and (code[:-1] if len(code) == 4 else code[:2]) not in counts:
            problems.append(f"{where}: its parent code is missing")
        if not phrase_ok(row["name"]):
            problems.append(f"{where}: empty or badly spaced name")
        try:
            goldstein = float(row["goldstein"])
            if not -10 <= goldstein <= 10:
                problems.append(f"{where}: Goldstein {goldstein} outside -10..10")
        except ValueError:
            problems.append(f"{where}: Goldstein {row['goldstein']!r} is not a number")
        if row["quad_class"] not in ("1", "2", "3", "4"):
            problems.append(f"{where}: quad_class {row['quad_class']!r} is not 1-4")
        elif int(row["quad_class"]) != GDELT_QUAD[code[:2]]:
            problems.append(f"{where}: quad_class {row['quad_class']} but root {code[:2]} is "
                            f"QuadClass {GDELT_QUAD[code[:2]]} in CAMEO/GDELT")
        ptype, pmode = row["plover"], row["plover_mode"]
        if ptype in ("", "-"):
            if pmode:
                problems.append(f"{where}: PLOVER mode {pmode!r} without a PLOVER type")
        elif ptype not in plover:
            problems.append(f"{where}: unknown PLOVER type {ptype!r}")
        elif pmode and pmode not in plover[ptype]:
            problems.append(f"{where}: {pmode!r} is not a mode of {ptype} in plover.tsv")
    assert not problems, problems_report(problems)


def test_cameo_roots_complete():
    codes = cameo_rows()
    missing = [c for c in ROOTS if c not in codes]
    assert not missing, f"missing CAMEO roots: {missing}"
    # the unspecified leaf of every root ("010" ... "200") is what the lexicon codes with
    missing = [r + "0" for r in ROOTS if r + "0" not in codes]
    assert not missing, f"missing unspecified leaves: {missing}"
    for root in ROOTS:   # a root and all its codes share one quad class
        quads = {codes[c]["quad_class"] for c in codes if c.startswith(root)}
        assert len(quads) == 1, f"root {root} has codes in several quad classes: {quads}"


@pytest.mark.shared
def test_cameo_matches_reference_lists(shared):
    """Every CAMEO code (GDELT's CAMEO 1.1b3 list) is in cameo.tsv; every code in cameo.tsv is
    CAMEO (that list or the 0.7b5 codefile, which has e.g. 1213/1214); Goldstein scores agree
    with CAMEO.goldsteinscale.txt wherever it lists the code."""
    folder = shared / "eventdata" / "cameo_codes"
    if not (folder / "cameo.csv").is_file():
        pytest.skip("../shared/data/eventdata/cameo_codes is not present")
    reference = {line.split(",", 1)[0].strip()
                 for line in (folder / "cameo.csv").read_text(encoding="utf-8",
                                                              errors="replace").splitlines()
                 if line.strip()}
    codefile = set(re.findall(r"^LABEL: (\d{2,4})=",
                              (folder / "CAMEO_codefile.txt").read_text(encoding="utf-8",
                                                                         errors="replace"),
                              flags=re.M))
    ours = cameo_rows()
    missing = sorted(reference - set(ours))
    assert not missing, f"CAMEO codes missing from cameo.tsv: {missing}"
    unknown = sorted(set(ours) - reference - codefile - set(ROOTS))
    assert not unknown, f"codes in cameo.tsv that no CAMEO list has: {unknown}"
    scale = {}
    for line in (folder / "CAMEO.goldsteinscale.txt").read_text(encoding="utf-8").splitlines()[1:]:
        if line.strip():
            code, score = line.split()
            scale[code] = float(score)
    wrong = [(c, scale[c], ours[c]["goldstein"]) for c in scale
             if c in ours and abs(scale[c] - float(ours[c]["goldstein"])) > 1e-9]
    assert not wrong, f"Goldstein scores that differ from CAMEO.goldsteinscale.txt: {wrong}"


def test_plover_tsv():
    header, rows = tsv("plover.tsv")
    assert header == ["type", "mode", "description"]
    problems = []
    types = [row["type"] for row in rows if not row["mode"]]
    problems += [f"type {t} has {n} rows without a mode" for t, n in Counter(types).items() if n > 1]
    pairs = Counter((row["type"], row["mode"]) for row in rows)
    problems += [f"{p} appears {n} times" for p, n in pairs.items() if n > 1]
    for row in rows:
        if not re.fullmatch(r"[A-Z]+", row["type"] or ""):
            problems.append(f"{row}: type is not an upper-case PLOVER name")
        if row["mode"] and not re.fullmatch(r"[a-z]+(-[a-z]+)*", row["mode"]):
            problems.append(f"{row['type']}/{row['mode']}: mode is not lower-case-with-hyphens")
        if row["mode"] and row["type"] not in types:
            problems.append(f"mode {row['type']}/{row['mode']}: the type has no row of its own")
        if not (row["description"] or "").strip():
            problems.append(f"{row['type']}/{row['mode']}: empty description")
    assert len(types) == 16, f"PLOVER has 16 event types, plover.tsv has {len(types)}"
    assert not problems, problems_report(problems)


def test_intent_tsv():
    """intent.tsv (not yet described in docs/KNOWLEDGE.md): act code prefix -> intent code."""
    header, rows = tsv("intent.tsv")
    assert header == ["act", "intent", "note"]
    codes = cameo_rows()
    problems = [f"act {a!r} listed {n} times"
                for a, n in Counter(r["act"] for r in rows).items() if n > 1]
    for row in rows:
        if row["act"] not in codes:
            problems.append(f"act {row['act']!r} is not a CAMEO code")
        if row["intent"] not in codes:
            problems.append(f"intent {row['intent']!r} (for {row['act']}) is not a CAMEO code")
        elif row["intent"][:2] not in ("03", "13"):
            problems.append(f"intent {row['intent']!r} (for {row['act']}) is not a 03x/13x code")
    assert not problems, problems_report(problems)


def test_code_loaders():
    table = codesmod.cameo()
    assert set(table) == set(cameo_rows())
    for code, entry in table.items():
        assert entry.root == code[:2]
        assert codesmod.lookup(code) is entry
    assert codesmod.plover_modes() == plover_table()
    intents = lexmod.intent_map()
    assert len(intents) == len(tsv("intent.tsv")[1])
    for act, _ in intents:
        assert lexmod.intent_code(act) in table, act


# ------------------------------------------------------------------------ event schema


@cache
def schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def test_event_schema_is_a_valid_schema():
    jsonschema = pytest.importorskip("jsonschema")
    data = schema()
    assert data.get("$schema"), "the schema does not declare its draft"
    validator = jsonschema.validators.validator_for(data)
    validator.check_schema(data)
    assert validator.META_SCHEMA.get("$id", "").rstrip("#") == data["$schema"].rstrip("#")


def test_event_schema_agrees_with_code_tables():
    props = schema()["properties"]
    assert set(props["plover"]["enum"]) == set(plover_table()) | {None}
    assert set(props["quad_class"]["enum"]) == {1, 2, 3, 4, None}    # None: a user code
    (scored,) = [c["else"]["properties"] for c in schema()["allOf"]]   # a CAMEO code's rows
    assert set(scored["quad_class"]["enum"]) == {1, 2, 3, 4}
    cameo_pattern = re.compile(props["cameo"]["pattern"])
    root_pattern = re.compile(scored["cameo_root"]["pattern"])
    low, high = props["goldstein"]["minimum"], props["goldstein"]["maximum"]
    for code, row in cameo_rows().items():
        assert cameo_pattern.search(code), code
        assert root_pattern.search(code[:2]), code
        assert low <= float(row["goldstein"]) <= high, code
        if row["plover_mode"]:
            assert row["plover"] in props["plover"]["enum"], code


def _fields(cls) -> set[str]:
    return {f.name for f in dataclasses.fields(cls)}


def test_event_schema_describes_the_model():
    """The schema's properties are exactly the fields render.event_dict() can emit."""
    from cronaca.model import Actor, Evidence, Event, Location, Trigger

    data = schema()
    props = data["properties"]
    assert set(props) == _fields(Event)
    assert set(data["$defs"]["actor"]["properties"]) == _fields(Actor)
    assert set(props["location"]["properties"]) == _fields(Location)
    assert set(props["evidence"]["properties"]) == _fields(Evidence)
    assert set(props["evidence"]["properties"]["trigger"]["properties"]) == _fields(Trigger)


def _sample_events():
    from cronaca.model import Actor, Event, Evidence, Location, Trigger

    text = "Il presidente bielorusso Alexander Lukashenko ha incontrato martedì a Pechino Xi."
    full = Event(
        id="e0123456789abcdef", doc_id="d0123456789abcdef", language="it",
        date="2023-02-28", date_precision="day", date_source="text",
        cameo="040", cameo_root="04", plover="CONSULT", plover_mode=None, quad_class=1,
        goldstein=1.0,
        source=Actor("Il presidente bielorusso Alexander Lukashenko", 0, 45,
                     "Alexander Lukashenko", "BLR", "GOV", "person:alexander-lukashenko",
                     "person 'Alexander Lukashenko' in KB"),
        target=Actor("Xi", 77, 79, "Xi Jinping", "CHN", "GOV", "person:xi-jinping", "person"),
        location=Location("Pechino", "Beijing", "CHN", 39.9075, 116.39723, "geonames:1816670"),
        negated=False, hypothetical=False,
        evidence=Evidence(0, text, 0, len(text), Trigger("incontrato", 49, 59, "incontrare")),
        confidence=1.0, intent=False,
        speaker=Actor("il portavoce", 90, 102, None, "BLR", "GOV", "country:BLR", "sector"),
        rule="verb 'incontrare' -> 040")
    bare = dataclasses.replace(full, date=None, date_precision=None, date_source=None,
                               plover=None, target=None, location=None, speaker=None,
                               rule=None, source=dataclasses.replace(full.source, name=None,
                                                                     country=None, sector=None,
                                                                     kb_id=None, how=None))
    user = dataclasses.replace(full, cameo="903", cameo_root="90", plover=None, plover_mode=None,
                               quad_class=None, goldstein=None)   # a user dictionary's code
    return full, bare, user


@pytest.mark.parametrize("explain", [False, True])
def test_rendered_events_validate(explain):
    jsonschema = pytest.importorskip("jsonschema")
    from cronaca.render import event_dict

    validator = jsonschema.validators.validator_for(schema())(schema())
    for event in _sample_events():
        record = json.loads(json.dumps(event_dict(event, explain)))
        errors = [f"{e.json_path}: {e.message}" for e in validator.iter_errors(record)]
        assert errors == [], errors



def test_a_user_code_has_no_score_and_a_cameo_code_has_one():
    jsonschema = pytest.importorskip("jsonschema")
    from cronaca.render import event_dict

    validator = jsonschema.validators.validator_for(schema())(schema())
    full, _, user = _sample_events()
    for event in (dataclasses.replace(full, goldstein=None),          # CAMEO code, no score
                  dataclasses.replace(user, quad_class=2),            # user code with a class
                  dataclasses.replace(user, plover="CONSULT"),
                  dataclasses.replace(full, cameo="90", cameo_root="90")):  # root 90 scored
        record = json.loads(json.dumps(event_dict(event, False)))
        assert list(validator.iter_errors(record)), event


# ============================================================================ languages


def test_full_languages_have_their_resources():
    """A language with a parser is a full language: it codes events, so it needs them all."""
    assert {"it", "en"} <= set(parsable())
    for code in parsable():
        for name in ("triggers.yaml", "modality.yaml", "dates.yaml", "agents.yaml",
                     "grammar.yaml"):
            assert (LANG / code / name).is_file(), f"lang/{code}/{name} is missing"


KNOWN_LANG_FILES = {"language.yaml", "clutter.yaml", "abbreviations.txt", "triggers.yaml",
                    "modality.yaml", "dates.yaml", "agents.yaml", "participles.txt",
                    "grammar.yaml"}


@pytest.mark.parametrize("code", languages())
def test_language_folder(code):
    """Only known resource files (a misspelt name would be silently ignored), all parseable."""
    folder = LANG / code
    unknown = sorted(p.name for p in folder.iterdir()
                     if p.is_file() and p.name not in KNOWN_LANG_FILES
                     and not p.name.startswith(("__", ".")))
    assert unknown == [], f"unknown files in lang/{code}"
    for path in folder.glob("*.yaml"):
        assert yaml.safe_load(path.read_text(encoding="utf-8")) is not None, path.name
    meta = lang_yaml(code, "language.yaml")
    assert {"code", "name", "native_name", "pipeline"} <= set(meta) <= \
        {"code", "name", "native_name", "pipeline", "partisan_prefixes"}
    prefixes = meta.get("partisan_prefixes", [])
    assert isinstance(prefixes, list) and all(
        isinstance(x, str) and x == x.lower() and x.strip() == x for x in prefixes)
    assert meta == info(code)


def test_clutter_loader():
    from cronaca.clean.clutter import cues

    merged = cues()
    assert merged.related and merged.share and merged.copyright and merged.bylines


# ----------------------------------------------------------------------- triggers.yaml

TRIGGER_KEYS = {"lemma", "code", "with", "target", "place_is_target", "passive_like",
                "of_is_target", "confidence", "note", "before", "after", "forms", "reverse",
                "negated_code", "mass_code", "state_code", "unless"}
SLOT = re.compile(r"(obj|iobj|dobj|dative|agent|nsubj|nsubj:pass|obl|nmod|"
                  r"(obl|nmod|prep):[^\W\d_][\w'-]*( [\w'-]+)*)")   # "obl:à l'égard de"


def trigger_langs() -> list[str]:
    return langs_with("triggers.yaml")


def test_trigger_languages():
    assert {"it", "en"} <= set(trigger_langs())


def _entries(code: str):
    data = lang_yaml(code, "triggers.yaml")
    for kind in ("verbs", "nouns"):
        for i, entry in enumerate(data.get(kind) or []):
            yield kind, i, entry


def trigger_problems(data, label: str, top: set[str] = frozenset({"verbs", "nouns"})) -> list[str]:
    """Every way a trigger file (built-in, or a user's ``*.triggers.<lang>.yaml``: ``top`` with
    ``covers``) breaks the format of docs/KNOWLEDGE.md.  Only a user's file may carry user
    codes beyond CAMEO."""
    if not isinstance(data, dict) or not {"verbs"} & set(data) and not {"nouns"} & set(data):
        return [f"{label}: expected a mapping with verbs and/or nouns"]
    if set(data) - set(top):
        return [f"{label}: unknown top-level keys {sorted(set(data) - set(top))}"]
    cameo = cameo_rows()
    problems = []
    if data.get("future", "intent") not in ("intent", "act"):
        problems.append(f"{label}: future must be intent or act")
    if "covers" in data and not (isinstance(data["covers"], list) and
                                 all(isinstance(w, str) and w == w.lower() for w in data["covers"])):
        problems.append(f"{label}: covers must be a list of lower-case words")
    for kind in ("verbs", "nouns"):
        for i, e in enumerate(data.get(kind) or []):
            where = f"{label} {kind}[{i}] {e.get('lemma')!r}" if isinstance(e, dict) else \
                f"{label} {kind}[{i}]"
            problems += _entry_problems(kind, e, where, cameo, user="covers" in top)
    return problems


def _entry_problems(kind: str, e, where: str, cameo, user: bool = False) -> list[str]:
    problems = []
    if not isinstance(e, dict):
        return [f"{where}: not a mapping"]
    if set(e) - TRIGGER_KEYS:
        problems.append(f"{where}: unknown keys {sorted(set(e) - TRIGGER_KEYS)}")
    if not {"lemma", "code"} <= set(e):
        return problems + [f"{where}: lemma and code are required"]
    if not phrase_ok(e["lemma"]) or e["lemma"] != e["lemma"].lower():
        problems.append(f"{where}: lemma must be lower case words with single spaces")
    for key in ("code", "reverse"):
        if key not in e:
            continue
        if not isinstance(e[key], str):
            problems.append(f"{where}: {key} {e[key]!r} must be a quoted string")
        elif e[key] not in cameo and not (user and codesmod.is_user_code(e[key])):
            problems.append(f"{where}: {key} {e[key]!r} is not in cameo.tsv")
    for key in ("with", "unless"):
        if key in e:
            w = e[key]
            if not isinstance(w, list) or not w or not all(phrase_ok(x) for x in w):
                problems.append(f"{where}: `{key}` must be a non-empty list of strings")
            elif len(set(w)) != len(w):
                problems.append(f"{where}: `{key}` repeats a word")
            elif any(x != x.lower() for x in w):
                problems.append(f"{where}: `{key}` words must be lower case")
    for key in ("before", "after", "forms"):
        if key in e:
            items = e[key]
            alternatives = [a for x in items for a in str(x).split("|")] \
                if isinstance(items, list) else []
            if not items or not alternatives or not all(
                    isinstance(x, str) and x == x.lower() for x in items) or \
                    not all(phrase_ok(a) for a in alternatives):
                problems.append(f"{where}: `{key}` must be a non-empty list of lower-case words "
                                "(alternatives joined by |)")
    if "target" in e:
        t = e["target"]
        if not isinstance(t, list) or not t or not all(isinstance(x, str) for x in t):
            problems.append(f"{where}: `target` must be a non-empty list of slot names")
        else:
            problems += [f"{where}: target slot {x!r} is not a dependency slot"
                         for x in t if not SLOT.fullmatch(x)]
    for flag in ("place_is_target", "passive_like", "of_is_target"):
        if flag in e and not isinstance(e[flag], bool):
            problems.append(f"{where}: {flag} must be true or false")
    if "of_is_target" in e and kind != "nouns":
        problems.append(f"{where}: of_is_target is for nouns")
    if "confidence" in e:
        c = e["confidence"]
        if isinstance(c, bool) or not isinstance(c, (int, float)) or not 0 < c <= 1:
            problems.append(f"{where}: confidence {c!r} must be a number in (0, 1]")
    if "note" in e and not (isinstance(e["note"], str) and e["note"].strip()):
        problems.append(f"{where}: note must be text")
    return problems


@pytest.mark.parametrize("code", trigger_langs())
def test_triggers_structure(code):
    data = lang_yaml(code, "triggers.yaml")
    assert isinstance(data, dict) and set(data) == {"verbs", "nouns"}, set(data or ())
    problems = trigger_problems(data, code)
    assert not problems, problems_report(problems)


def test_trigger_format_checks_catch_bad_entries():
    bad = {"verbs": [{"lemma": "Meet", "code": "999"},
                     {"lemma": "meet", "code": "040", "after": "talks", "reverse": 41},
                     {"lemma": "meet", "code": "040", "bogus": True}]}
    problems = "\n".join(trigger_problems(bad, "x"))
    for expected in ("lower case words", "'999' is not in cameo.tsv", "`after` must be",
                     "reverse 41 must be a quoted string", "unknown keys ['bogus']"):
        assert expected in problems, (expected, problems)
    assert trigger_problems({"verbs": [], "extra": 1}, "x") == \
        ["x: unknown top-level keys ['extra']"]


@pytest.mark.parametrize("code", trigger_langs())
def test_triggers_cover_every_root(code):
    """Coverage rule: each of the 20 CAMEO roots has at least 5 verb entries."""
    counts = Counter(str(e.get("code", ""))[:2] for kind, _, e in _entries(code) if kind == "verbs")
    thin = {root: counts[root] for root in ROOTS if counts[root] < 5}
    assert not thin, f"{code}: roots with fewer than 5 verb entries: {thin}"


def _canonical(kind: str, e: dict) -> tuple:
    return (kind, e.get("lemma"), str(e.get("code")), tuple(sorted(e.get("with") or ())),
            tuple(e.get("target") or ()), bool(e.get("place_is_target")),
            bool(e.get("passive_like")), bool(e.get("of_is_target")),
            float(e.get("confidence", 1.0)))


@pytest.mark.parametrize("code", trigger_langs())
def test_triggers_no_duplicate_entries(code):
    """No entry repeats another (every field but `note`; `with` in any order)."""
    seen: dict[tuple, int] = {}
    problems = []
    for kind, i, e in _entries(code):
        key = _canonical(kind, e)
        if key in seen:
            problems.append(f"{code} {kind}[{i}] {e['lemma']!r} -> {e['code']} repeats "
                            f"{kind}[{seen[key]}]")
        seen.setdefault(key, i)
    assert not problems, problems_report(problems)


@pytest.mark.parametrize("code", trigger_langs())
def test_triggers_no_unreachable_entries(code):
    """Entries of one lemma are tried in order (fixed phrases, then those with `with` in file
    order, then the plain entry) and the first whose condition holds wins; an entry whose
    condition implies that of an earlier one (same lemma and words, and a `with` list inside
    the earlier entry's, or two plain entries, and no word pattern that the later one lacks)
    can never fire."""
    lex = lexmod.lexicon(code)
    problems = []
    for (kind, head), entries in lex.by_head.items():
        for j, later in enumerate(entries):
            for earlier in entries[:j]:
                if earlier.rest == later.rest and (
                        not earlier.with_ or (later.with_ and later.with_ <= earlier.with_)) and (
                        (earlier.before, earlier.after) in (((), ()), (later.before, later.after))):
                    problems.append(f"{code}: {later.describe()} never fires: "
                                    f"{earlier.describe()} comes first")
                    break
    assert not problems, problems_report(problems)


@pytest.mark.parametrize("code", trigger_langs())
def test_lexicon_loader(code):
    lex = lexmod.lexicon(code)
    assert lex is not None and lex.lang == code
    loaded = list({id(e): e for entries in lex.by_head.values() for e in entries}.values())
    raw = list(_entries(code))      # (an entry with `forms` is found under each form too)
    assert len(loaded) == len(raw)
    assert Counter(e.kind for e in loaded) == Counter(kind[:-1] for kind, _, _ in raw)
    table = codesmod.cameo()
    for entry in loaded:
        assert entry.code in table
        assert 0 < entry.confidence <= 1
        assert lex.candidates(entry.head, entry.kind)


# ----------------------------------------------------------------------- modality.yaml

MODALITY_LISTS = ("negation", "hypothetical_markers", "modal_verbs", "modal_always_hypothetical",
                  "hedges", "intent_verbs", "reporting_verbs", "denial_verbs",
                  "source_markers", "failure_verbs", "reciprocal_markers", "joint_possessives",
                  "mutual_verbs", "stop_verbs")
OPTIONAL_MODALITY_LISTS = ("never_passive",)     # only where the language needs it


def test_modality_languages():
    assert {"it", "en"} <= set(langs_with("modality.yaml"))


@pytest.mark.parametrize("code", langs_with("modality.yaml"))
def test_modality(code):
    data = lang_yaml(code, "modality.yaml")
    assert set(MODALITY_LISTS) | {"future_is_intent"} <= set(data) <= \
        set(MODALITY_LISTS) | set(OPTIONAL_MODALITY_LISTS) | {"future_is_intent"}
    assert isinstance(data["future_is_intent"], bool)
    for name in [*MODALITY_LISTS, *(n for n in OPTIONAL_MODALITY_LISTS if n in data)]:
        words = data[name]
        assert isinstance(words, list) and words, f"{code}: {name} must be a non-empty list"
        bad = [w for w in words if not phrase_ok(w) or w != w.lower()]
        assert not bad, f"{code}: {name}: not lower-case words: {bad}"
        assert len(set(words)) == len(words), f"{code}: {name} repeats a word"
    assert set(data["modal_always_hypothetical"]) <= set(data["modal_verbs"])
    loaded = lexmod.modality(code)
    assert loaded is not None
    assert loaded.negation == frozenset(data["negation"])
    assert loaded.modal_always == frozenset(data["modal_always_hypothetical"])
    assert loaded.reporting_verbs == frozenset(data["reporting_verbs"])
    assert loaded.future_is_intent is data["future_is_intent"]


# ------------------------------------------------------------------------ grammar.yaml

GRAMMAR_LISTS = ("relative_pronouns", "perfect_auxiliaries", "correlative_negation",
                 "future_auxiliaries", "conditional_auxiliaries", "location_prepositions",
                 "quantity_nouns", "passive_auxiliaries", "lemma_clitics", "border_nouns",
                 "person_nouns", "large_number_words", "carrier_nouns", "document_nouns",
                 "after_markers", "water_nouns", "stance_prefixes", "ownership_participles",
                 "weapon_nouns", "locality_nouns", "ethnic_words", "place_nouns",
                 "purpose_markers", "survival_verbs", "object_control_verbs",
                 "pitting_verbs", "simultaneity_markers", "time_prepositions")
ROLE_WORDS = {"of", "by", "to", "with", "against", "toward", "between", "on", "in", "from",
              "into", "over", "about", "around", "for"}


@pytest.mark.parametrize("code", langs_with("grammar.yaml"))
def test_grammar(code):
    from cronaca.events.syntax import grammar

    data = lang_yaml(code, "grammar.yaml")
    assert set(data) == {"pro_drop", "target_slots", "roles", "contractions",
                         "reportive_conditional", "participle_endings", "present_endings",
                         *GRAMMAR_LISTS}
    assert isinstance(data["pro_drop"], bool) and isinstance(data["reportive_conditional"], bool)
    for name in GRAMMAR_LISTS:
        assert isinstance(data[name], list), f"{code}: {name} must be a list"
        assert all(phrase_ok(w) and w == w.lower() for w in data[name]), f"{code}: {name}"
    slots = data["target_slots"]
    assert slots and all(re.fullmatch(r"obj|iobj|obl|obl:[^\s:].*", s) for s in slots), slots
    assert set(data["roles"].values()) <= ROLE_WORDS, f"{code}: roles must be English role words"
    assert all(isinstance(v, str) and v for v in data["contractions"].values())
    endings = data["participle_endings"]      # a participle's ending -> its infinitive's
    assert isinstance(endings, dict) and all(
        isinstance(k, str) and isinstance(v, str) and k and v and k == k.lower() and v == v.lower()
        for k, v in endings.items()), f"{code}: participle_endings"
    present = data["present_endings"]        # a present's ending -> its infinitives' endings
    assert isinstance(present, dict) and all(
        isinstance(k, str) and k == k.lower() and isinstance(v, list) and v and
        all(isinstance(x, str) and x and x == x.lower() for x in v)
        for k, v in present.items()), f"{code}: present_endings"
    loaded = grammar(code)
    assert loaded.pro_drop is data["pro_drop"] and loaded.target_slots == tuple(slots)
    for prep, role in data["roles"].items():
        assert loaded.role(f"nmod:{prep}") == f"nmod:{role}"


# -------------------------------------------------------------------------- dates.yaml

DATE_MAPS = {"months": int, "weekdays": int, "days": int, "units": str, "numbers": int,
             "parts": str}
DATE_LISTS = ("previous", "next", "this", "ago", "in_future")


def test_dates_languages():
    assert {"it", "en"} <= set(langs_with("dates.yaml"))


@pytest.mark.parametrize("code", langs_with("dates.yaml"))
def test_dates(code):
    data = lang_yaml(code, "dates.yaml")
    assert set(data) - {"capitalised_months"} == set(DATE_MAPS) | set(DATE_LISTS)
    assert isinstance(data.get("capitalised_months", False), bool)
    for name, kind in DATE_MAPS.items():
        mapping = data[name]
        assert isinstance(mapping, dict) and mapping, f"{code}: {name} must be a mapping"
        # keys must be text: YAML reads bare no/yes/on/off as booleans
        bad = [k for k, v in mapping.items() if not phrase_ok(k) or k != k.lower()
               or isinstance(v, bool) or not isinstance(v, kind)]
        assert not bad, f"{code}: {name}: bad keys or values for {bad}"
    assert set(data["months"].values()) == set(range(1, 13)), f"{code}: months must cover 1-12"
    assert set(data["weekdays"].values()) == set(range(7)), f"{code}: weekdays must cover 0-6"
    assert 0 in data["days"].values() and -1 in data["days"].values(), f"{code}: days"
    assert set(data["units"].values()) == {"day", "week", "month", "year"}, f"{code}: units"
    assert all(v > 0 for v in data["numbers"].values())
    assert set(data["parts"].values()) == {"early", "mid", "late"}, f"{code}: parts"
    for name in DATE_LISTS:
        words = data[name]
        assert isinstance(words, list) and words and all(phrase_ok(w) for w in words), name
        assert len(set(words)) == len(words), f"{code}: {name} repeats a word"
    assert datesmod.words(code) is not None, f"time.dates.words({code!r}) could not load it"


# ------------------------------------------------------------------------- agents.yaml


def agent_sectors() -> set[str]:
    return {s for code in langs_with("agents.yaml")
            for s in (lang_yaml(code, "agents.yaml").get("sectors") or {})}


def test_agents_languages():
    assert {"it", "en"} <= set(langs_with("agents.yaml"))


@pytest.mark.parametrize("code", langs_with("agents.yaml"))
def test_agents(code):
    data = lang_yaml(code, "agents.yaml")
    assert {"sectors", "roles"} <= set(data) <= {"sectors", "roles", "generic"}
    generic = data.get("generic", [])
    assert all(phrase_ok(w) and w == w.lower() for w in generic) and \
        len(set(generic)) == len(generic), f"{code}: generic"
    problems = []
    assert set(data["roles"]) == set(ROLES), f"{code}: roles must be exactly {ROLES}"
    for part in ("sectors", "roles"):
        seen: dict[str, str] = {}
        for group, words in data[part].items():
            if part == "sectors" and not re.fullmatch(r"[A-Z]{3}", str(group)):
                problems.append(f"{code}: sector {group!r} is not a 3-letter CAMEO agent code")
            if not isinstance(words, list) or not words:
                problems.append(f"{code}: {part}.{group} must be a non-empty list")
                continue
            for w in words:
                if not phrase_ok(w) or w != w.lower():
                    problems.append(f"{code}: {part}.{group}: {w!r} is not lower-case words")
                    continue
                k = kbmod.key(w)
                if k in seen:
                    problems.append(f"{code}: {part}: {w!r} is listed under {seen[k]} and {group}"
                                    if seen[k] != group else
                                    f"{code}: {part}.{group}: {w!r} is listed twice")
                seen.setdefault(k, group)
    assert not problems, problems_report(problems)


# ============================================================================== actors

COUNTRY_KEYS = {"iso3", "iso2", "adjectives", "aliases", "seats", "not_names"}


def country_entries() -> list[tuple[str, dict]]:
    return list(actor_entries("countries"))


def test_actor_files_present():
    assert actor_files("countries") and actor_files("people")
    assert [p.name for p in actor_files("organizations")] == ["organizations.yaml"]


def test_countries_structure():
    problems = []
    seen = Counter(e.get("iso3") for _, e in country_entries())
    problems += [f"{iso3} has {n} entries" for iso3, n in seen.items() if n > 1]
    for name, e in country_entries():
        where = f"{name} {e.get('iso3')}"
        if set(e) - COUNTRY_KEYS:
            problems.append(f"{where}: unknown keys {sorted(set(e) - COUNTRY_KEYS)}")
        if e.get("iso3") not in ISO3:
            problems.append(f"{where}: not an ISO 3166-1 alpha-3 code")
        elif e.get("iso2") != ISO2[e["iso3"]]:
            problems.append(f"{where}: iso2 {e.get('iso2')!r}, ISO 3166 says {ISO2[e['iso3']]}")
        for field in ("adjectives", "aliases", "seats"):
            if field not in e:
                continue
            forms = e[field]
            if not isinstance(forms, dict) or not forms:
                problems.append(f"{where}: {field} must be a mapping language -> list")
                continue
            for lang, items in forms.items():
                if lang not in NAME_LANGS:
                    problems.append(f"{where}: {field}.{lang}: not one of {NAME_LANGS}")
                if not isinstance(items, list) or not items:
                    problems.append(f"{where}: {field}.{lang} must be a non-empty list")
                    continue
                bad = [x for x in items if not phrase_ok(x) or x != x.lower()]
                if bad:
                    problems.append(f"{where}: {field}.{lang}: not lower-case words: {bad}")
                dups = sorted(x for x, n in Counter(items).items() if n > 1)
                if dups:
                    problems.append(f"{where}: {field}.{lang} repeats {dups}")
    assert not problems, problems_report(problems)


def test_every_state_has_an_entry():
    present = {e["iso3"] for _, e in country_entries()}
    missing = [s for s in STATES if s not in present]
    assert not missing, f"states without an entry in countries.*.yaml: {missing}"


def test_partisan_adjectives(kb):
    """language.yaml's partisan_prefixes make nationality adjectives partisan ones."""
    for word in ("filorussi", "filo-americano", "prorusse", "prorruso", "pro-russian"):
        assert kb.adjectives.get(word) in ("RUS", "USA"), word
    assert kb.adjectives["filoamericani"] == "USA"


def test_not_names_are_cldr_names_and_unlearned(kb):
    """`not_names` lists CLDR names of the state (in some language the KB loads) that name
    something else in news; the KB does not know them as the state."""
    problems = []
    for name, e in country_entries():
        forms = e.get("not_names")
        if forms is None:
            continue
        if not isinstance(forms, list) or not forms or \
                not all(isinstance(x, str) and phrase_ok(x) and x == x.lower() for x in forms):
            problems.append(f"{name} {e['iso3']}: not_names must be a list of lower-case words")
            continue
        cldr = {kbmod.key(t.get(e["iso2"]) or "") for t in
                (Locale.parse(c).territories for c in ("ro", "en", "it", "fr", "es", "de", "pt"))}
        problems += [f"{name} {e['iso3']}: {x!r} is no CLDR name of it" for x in forms
                     if kbmod.key(x) not in cldr]
        problems += [f"{name} {e['iso3']}: {x!r} still names it" for x in forms
                     if kb.country_names.get(kbmod.key(x)) == e["iso3"]]
    assert not problems, problems_report(problems)


@pytest.mark.parametrize("lang", NAME_LANGS)
def test_every_state_has_a_cldr_name(lang):
    """State names come from CLDR (babel) at run time, in every name language."""
    territories = Locale.parse(lang).territories
    missing = [s for s in STATES if not territories.get(ISO2[s])]
    assert not missing, f"states without a CLDR name in {lang}: {missing}"


# Forms left out on purpose because they name two states (countries.part1.yaml header):
# "congolese"/"congolais"/"kongolesisch"/"congoleño"/"congolês" (COD or COG), "dominican"/
# "dominicano"/"dominikanisch" (DOM, not Dominica), pt "guineense" (GIN or GNB).
AMBIGUOUS_ADJECTIVES = {("COD", lang) for lang in NAME_LANGS} | \
    {("COG", lang) for lang in NAME_LANGS} | \
    {("DMA", "en"), ("DMA", "it"), ("DMA", "de"), ("DMA", "pt"), ("GIN", "pt")}


@pytest.mark.parametrize("lang", NAME_LANGS)
def test_every_state_has_adjectives(lang):
    """Every state has its nationality adjectives in every name language (the forms CLDR does
    not give), except forms that would name two states."""
    by_iso = {e["iso3"]: e for _, e in country_entries()}
    missing = [s for s in STATES if (s, lang) not in AMBIGUOUS_ADJECTIVES
               and not ((by_iso.get(s) or {}).get("adjectives") or {}).get(lang)]
    assert not missing, f"{len(missing)} states without {lang} adjectives: {' '.join(missing)}"


def test_country_forms_name_one_country():
    """The index is shared by all languages: a form must not name two countries, and an alias
    or adjective must not be another country's CLDR name."""
    forms: dict[str, dict[str, set[str]]] = {f: defaultdict(set)
                                             for f in ("adjectives", "aliases", "seats")}
    for _, e in country_entries():
        for field in forms:
            for items in (e.get(field) or {}).values():
                for x in items:
                    forms[field][kbmod.key(x)].add(e["iso3"])
    cldr: dict[str, set[str]] = defaultdict(set)
    for lang in NAME_LANGS:
        territories = Locale.parse(lang).territories
        for iso3, iso2 in ISO2.items():
            if territories.get(iso2):
                cldr[kbmod.key(territories[iso2])].add(iso3)
    problems = []
    for field, index in forms.items():
        problems += [f"{field}: {k!r} names {sorted(v)}" for k, v in index.items() if len(v) > 1]
    for field in ("adjectives", "aliases"):
        problems += [f"{field}: {k!r} ({sorted(v)}) is the CLDR name of {sorted(cldr[k] - v)}"
                     for k, v in forms[field].items() if cldr.get(k, set()) - v]
    assert not problems, problems_report(problems)


# -------------------------------------------------------------------- organizations.yaml

ORG_KEYS = {"id", "code", "sector", "names", "name", "acronyms"}


def test_organizations():
    entries = list(actor_entries("organizations"))
    problems = [f"id {i!r} is used {n} times"
                for i, n in Counter(e.get("id") for _, e in entries).items() if n > 1]
    sectors = agent_sectors() | {"INS"}
    owner: dict[str, str] = {}
    for _, e in entries:
        where = f"organization {e.get('id')!r}"
        if set(e) - ORG_KEYS:
            problems.append(f"{where}: unknown keys {sorted(set(e) - ORG_KEYS)}")
        if not {"id", "code", "names"} <= set(e):
            problems.append(f"{where}: id, code and names are required")
            continue
        if not re.fullmatch(r"[A-Z][A-Z0-9_]*", str(e["id"])):
            problems.append(f"{where}: id must be upper case letters, digits and _")
        if e["code"] not in ORG_CODES | ISO3:
            problems.append(f"{where}: code {e['code']!r} is neither an organisation code "
                            f"{sorted(ORG_CODES)} nor ISO 3166-1 alpha-3")
        if e.get("sector", "IGO") not in sectors:
            problems.append(f"{where}: sector {e.get('sector')!r} is not a CAMEO agent code "
                            f"of agents.yaml")
        names = e["names"]
        if not isinstance(names, dict) or not {"it", "en"} <= set(names):
            problems.append(f"{where}: names needs at least it and en")
            continue
        for lang, items in names.items():
            if lang not in NAME_LANGS:
                problems.append(f"{where}: names.{lang}: not one of {NAME_LANGS}")
            if not isinstance(items, list) or not items:
                problems.append(f"{where}: names.{lang} must be a non-empty list")
                continue
            for x in items:
                if not phrase_ok(x) or x != x.lower():
                    problems.append(f"{where}: names.{lang}: {x!r} is not lower-case words")
                    continue
                k = kbmod.key(x)
                if owner.setdefault(k, e["id"]) != e["id"]:
                    problems.append(f"{where}: {x!r} also names {owner[k]}")
        for x in e.get("acronyms") or []:   # matched as written, so capitals only
            if not re.fullmatch(r"[A-Z][A-Z0-9.&-]+", str(x)):
                problems.append(f"{where}: acronym {x!r} is not written in capitals")
            elif owner.setdefault(x, e["id"]) != e["id"]:
                problems.append(f"{where}: acronym {x!r} also names {owner[x]}")
    assert not problems, problems_report(problems)


# -------------------------------------------------------------------------- people.*.yaml

PERSON_KEYS = {"id", "name", "aliases", "country", "offices"}
OFFICE_KEYS = {"role", "start", "end", "approx", "country"}
PERSON_CODES = ISO3 | ORG_CODES


def person_id(e: dict) -> str:
    return e.get("id") or f"person:{kbmod.slug(e['name'])}"


def test_people_structure():
    problems = []
    for name, e in actor_entries("people"):
        where = f"{name} {e.get('name')!r}"
        if set(e) - PERSON_KEYS:
            problems.append(f"{where}: unknown keys {sorted(set(e) - PERSON_KEYS)}")
        if not phrase_ok(e.get("name")):
            problems.append(f"{where}: name is required")
            continue
        aliases = e.get("aliases", [])
        if not isinstance(aliases, list) or not all(phrase_ok(a) for a in aliases):
            problems.append(f"{where}: aliases must be a list of names")
        elif len(set(aliases)) != len(aliases):
            problems.append(f"{where}: aliases repeat "
                            f"{sorted(a for a, n in Counter(aliases).items() if n > 1)}")
        if e.get("country") not in PERSON_CODES:
            problems.append(f"{where}: country {e.get('country')!r} is not ISO3 or an "
                            f"organisation code")
        offices = e.get("offices")
        if not isinstance(offices, list) or not offices:
            problems.append(f"{where}: offices must be a non-empty list")
            continue
        seen = set()
        for o in offices:
            if not isinstance(o, dict):
                problems.append(f"{where}: office {o!r} is not a mapping")
                continue
            if set(o) - OFFICE_KEYS:
                problems.append(f"{where}: office keys {sorted(set(o) - OFFICE_KEYS)} unknown")
            if o.get("role") not in ROLES:
                problems.append(f"{where}: role {o.get('role')!r} is not one of {ROLES}")
            if (o.get("country") or e.get("country")) not in PERSON_CODES:
                problems.append(f"{where}: office country {o.get('country')!r} unknown")
            if "approx" in o and not isinstance(o["approx"], bool):
                problems.append(f"{where}: approx must be true or false")
            try:
                start, end = parse_date(o.get("start")), parse_date(o.get("end"))
            except ValueError as exc:
                problems.append(f"{where}: {exc}")
                continue
            if start is None:
                problems.append(f"{where}: office {o.get('role')} has no start date")
            elif end is not None and end < start:
                problems.append(f"{where}: office {o.get('role')} ends {end} before it starts "
                                f"{start}")
            key = (o.get("role"), o.get("country") or e.get("country"), start)
            if key in seen:
                problems.append(f"{where}: office {key} is listed twice")
            seen.add(key)
    assert not problems, problems_report(problems)


def test_people_ids_are_unique():
    """One entry per person across all people files (an office in another state carries its
    own `country:`); the knowledge base would otherwise merge the entries under one id and keep
    the first file's `country`."""
    where = defaultdict(list)
    for name, e in actor_entries("people"):
        where[person_id(e)].append(f"{name}:{e['name']} ({e.get('country')})")
    duplicates = {pid: files for pid, files in where.items() if len(files) > 1}
    assert not duplicates, problems_report([f"{pid}: {', '.join(files)}"
                                            for pid, files in sorted(duplicates.items())])


# -------------------------------------------------------------------- the knowledge base


def test_kb_build(kb):
    countries = {e["iso3"] for _, e in country_entries()}
    assert countries <= set(kb.countries)
    assert set(STATES) <= set(kb.countries)
    orgs = [e for _, e in actor_entries("organizations")]
    assert set(kb.organizations) == {e["id"] for e in orgs}
    people = [e for _, e in actor_entries("people")]
    assert set(kb.people) == {person_id(e) for e in people}
    assert sum(len(p.tenures) for p in kb.people.values()) == \
        sum(len(e["offices"]) for e in people)
    for e in people:
        for name in [e["name"], *e.get("aliases", [])]:
            assert person_id(e) in kb.person_names[kbmod.key(name)], name
    for _, e in country_entries():     # adjectives index to their country (first one wins)
        for forms in (e.get("adjectives") or {}).values():
            for form in forms:
                assert kb.adjectives[kbmod.key(form)] == e["iso3"], form
    for e in orgs:
        for forms in e["names"].values():
            for form in forms:
                assert kb.org_names[kbmod.key(form)] == e["id"], form
    for lang in langs_with("agents.yaml"):
        assert set(kb.roles[lang].values()) == set(ROLES), lang
        assert kb.sectors[lang], lang


# ------------------------------------------------------------------------ office coverage
#
# The issue asks for heads of state and government and foreign and defence ministers, with
# office dates, for the G20, every European state and the states at war since 2014.

G20 = "ARG AUS BRA CAN CHN DEU EUR FRA GBR IDN IND ITA JPN KOR MEX RUS SAU TUR USA ZAF".split()
# Europe (UN geoscheme) and Kosovo, plus the Council of Europe's members east and south-east of it
EUROPE = """ALB AND AUT BEL BGR BIH BLR CHE CZE DEU DNK ESP EST FIN FRA GBR GRC HRV HUN IRL ISL
    ITA LIE LTU LUX LVA MCO MDA MKD MLT MNE NLD NOR POL PRT ROU RUS SMR SRB SVK SVN SWE UKR VAT
    XKX CYP TUR GEO ARM AZE""".split()
# interstate and civil wars and major armed conflicts since 2014 (and the UAE, a party in Yemen)
AT_WAR = """UKR RUS SYR YEM ISR PSE LBN IRN IRQ ARM AZE AFG PAK MMR ETH ERI SDN SSD SOM LBY MLI
    BFA NER NGA CMR TCD CAF COD MOZ COL ARE""".split()
COVERED = sorted(set(G20) | set(EUROPE) | set(AT_WAR))
COVERAGE_DATES = (dt.date(2019, 6, 1), dt.date(2025, 6, 1))

# Offices that do not exist, so there is nobody to list.
NO_SUCH_OFFICE = {
    *((c, "defence_minister", d.isoformat()) for d in COVERAGE_DATES for c in (
        "AND",   # no armed forces
        "LIE",   # no armed forces
        "MCO",   # defence is France's
        "VAT",   # the Swiss Guard answers to the Pope
        "SMR",   # no defence ministry
        "ISL",   # no armed forces; defence is the foreign minister's
        "MLT",   # no defence ministry: the armed forces answer to the home affairs minister
        "PSE",   # the Palestinian Authority has no defence ministry
    )),
    ("EUR", "defence_minister", "2019-06-01"),   # first Commissioner for Defence: 2024-12-01
}

# Genuine gaps in the data as of this test's writing: fill them in people.*.yaml and delete
# the line (test_known_gaps_are_still_gaps fails once one is filled, to keep this list honest).
# "uncovered" gives the stretch around the date that no listed holder covers.
KNOWN_GAPS = {
    # head of state is the British monarch (Elizabeth II, Charles III): offices with `country:`
    ("AUS", "head_of_state", "2019-06-01"), ("AUS", "head_of_state", "2025-06-01"),
    ("CAN", "head_of_state", "2019-06-01"), ("CAN", "head_of_state", "2025-06-01"),
    # the file leaves out the yearly President of the Confederation on purpose
    ("CHE", "head_of_state", "2019-06-01"), ("CHE", "head_of_state", "2025-06-01"),
    ("CHE", "head_of_government", "2019-06-01"), ("CHE", "head_of_government", "2025-06-01"),
    # the file leaves out the Captains Regent (six-month terms) on purpose
    ("SMR", "head_of_state", "2019-06-01"), ("SMR", "head_of_state", "2025-06-01"),
    ("SMR", "head_of_government", "2019-06-01"), ("SMR", "head_of_government", "2025-06-01"),
    # Monaco: the minister of external relations is not listed at all; Minister of State
    # uncovered from 2025-05-01
    ("MCO", "foreign_minister", "2019-06-01"), ("MCO", "foreign_minister", "2025-06-01"),
    ("MCO", "head_of_government", "2025-06-01"),
    # presidents who also head the government are not listed as head_of_government (other
    # presidential systems, e.g. USA, ARG, are)
    ("NGA", "head_of_government", "2019-06-01"), ("NGA", "head_of_government", "2025-06-01"),
    ("SSD", "head_of_government", "2019-06-01"), ("SSD", "head_of_government", "2025-06-01"),
    ("COL", "head_of_government", "2019-06-01"), ("COL", "head_of_government", "2025-06-01"),
    ("ERI", "head_of_government", "2019-06-01"), ("ERI", "head_of_government", "2025-06-01"),
    ("TCD", "head_of_government", "2019-06-01"),     # no prime minister 2018-05-04 .. 2021-04
    ("SYR", "head_of_government", "2025-06-01"),     # no prime minister after 2025-03-29
    # South Korea: acting presidents (2025-04-04 .. 2025-06-04) and acting defence minister
    # (2024-12-05 .. 2025-07-01) not listed
    ("KOR", "head_of_state", "2025-06-01"), ("KOR", "head_of_government", "2025-06-01"),
    ("KOR", "defence_minister", "2025-06-01"),
    # defence or foreign ministers missing for a stretch (maybe an acting holder or a vacancy)
    ("AFG", "foreign_minister", "2019-06-01"),       # uncovered 2019-01-01 .. 2020-04-01
    ("IRQ", "defence_minister", "2019-06-01"),       # uncovered 2018-10-25 .. 2019-06-24
    ("LBY", "defence_minister", "2019-06-01"),       # uncovered 2018-01-01 .. 2020-08-01
    ("NGA", "defence_minister", "2019-06-01"),       # uncovered 2019-05-29 .. 2019-08-21
    ("SOM", "defence_minister", "2019-06-01"),       # uncovered 2017-03-01 .. 2022-08-01
    ("SDN", "head_of_government", "2019-06-01"),     # uncovered 2019-04-11 .. 2019-08-21
    ("SDN", "foreign_minister", "2019-06-01"),       # uncovered 2019-04-11 .. 2019-09-08
    ("SDN", "defence_minister", "2019-06-01"),       # uncovered 2019-04-11 .. 2019-09-08
    ("ERI", "defence_minister", "2019-06-01"), ("ERI", "defence_minister", "2025-06-01"),
    ("TCD", "defence_minister", "2019-06-01"), ("TCD", "defence_minister", "2025-06-01"),
    ("EUR", "defence_minister", "2025-06-01"),       # Commissioner for Defence since 2024-12-01
}


def _uncovered(kb) -> set[tuple[str, str, str]]:
    return {(country, role, date.isoformat()) for date in COVERAGE_DATES
            for country in COVERED for role in ROLES if not kb.holders(country, role, date)}


def test_state_list():
    assert NOT_STATES <= ISO3
    assert len(STATES) == 197      # 193 UN members + VAT, PSE, TWN, XKX
    assert {"VAT", "PSE", "TWN", "XKX"} <= set(STATES)


def test_coverage_list():
    assert len(set(EUROPE)) == len(EUROPE) == 50
    assert len(G20) == 20
    assert set(COVERED) <= ISO3 | ORG_CODES


@pytest.mark.parametrize("date", [d.isoformat() for d in COVERAGE_DATES])
def test_office_holders_cover_the_date(kb, date):
    """Each role of each covered country has a holder on the date (through kb.holders, as the
    resolver asks), apart from offices that do not exist and the known gaps listed above."""
    missing = sorted(t for t in _uncovered(kb) if t[2] == date
                     and t not in NO_SUCH_OFFICE and t not in KNOWN_GAPS)
    assert not missing, problems_report([f"{c} {r} {d}: no holder" for c, r, d in missing])


def test_known_gaps_are_still_gaps(kb):
    """Once a gap is filled (or a holder appears for an office said not to exist), the entry
    above must go."""
    uncovered = _uncovered(kb)
    filled = sorted(KNOWN_GAPS - uncovered)
    assert not filled, f"filled, delete them from KNOWN_GAPS: {filled}"
    held = sorted(NO_SUCH_OFFICE - uncovered)
    assert not held, f"said not to exist but have holders: {held}"
    assert not KNOWN_GAPS & NO_SUCH_OFFICE
