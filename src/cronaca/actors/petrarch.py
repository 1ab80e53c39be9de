"""Read PETRARCH/TABARI actor and agent dictionaries into Cronaca's user knowledge files.

``cronaca kb import-petrarch FILE`` turns one dictionary into YAML files in the user knowledge
folder (``cronaca.actors.kb.user_dir()``), in the formats ``kb._add_user`` reads:

* an **actors** dictionary becomes ``petrarch-<name>.actors.yaml`` (the people format with
  ``codes``): one entry per record, its primary phrase as ``name``, its ``+`` synonyms as
  ``aliases`` and its codes as dated ``codes`` entries;
* an **agents** dictionary becomes ``petrarch-<name>.agents.<lang>.yaml``: sector words;
* a **discards** list becomes ``petrarch-<name>.discards.yaml``: one phrase per line, ``+PHRASE``
  ruling out the whole story that contains it, a bare ``PHRASE`` only the sentence.

The dictionary format (PETRARCH's documentation, inherited from TABARI):

* comments: ``<!-- ... -->`` (may span lines), ``#`` and, for legacy files, ``;`` to the end of
  the line; blank lines are skipped;
* a phrase is words joined by ``_`` or blanks (``NORTH_KOREA``, ``CARAS GALADHON``); a trailing
  ``_`` is dropped (PETRARCH matches whole words only, so TABARI stems such as ``ARGENTIN`` are
  read as written and simply never match);
* actors: ``PHRASE [CODE]`` opens a record (the code may be missing, or on a line of its own);
  ``+PHRASE`` lines add synonyms; ``[CODE <DATE]``, ``[CODE >DATE]``, ``[CODE DATE-DATE]`` lines
  restrict a code to dates (limits included; ``YYYYMMDD`` or ``YYMMDD``, a two-digit year below
  30 read as 20YY, otherwise 19YY); a code without dates is the default when no restriction
  applies; the first restriction that covers a date wins;
* agents: ``!NAME! = A, B, C`` defines a substitution set, used as ``CONGRESS!PERSON!`` (one
  phrase per member); ``PHRASE {PLURALS} [~CODE]``: ``~CODE`` is added after the actor's code
  (a sector, ``[~GOV]``), ``CODE~`` before it (``[NGO~]``); regular plurals are generated
  (``+S``, ``Y`` -> ``IES`` after a consonant, ``SS`` -> ``+ES``) unless ``{...}`` gives them,
  ``{}`` meaning none.

How codes map to Cronaca's actor fields: a CAMEO actor code is a chain of three-letter parts;
the first part is the actor's ``country`` (an ISO code, or codes such as ``IGO``, ``NGO``, or a
dictionary's own, like ``ARN`` in PETRARCH's validation set), the first later part that is a
CAMEO role code (``GOV``, ``MIL``, ``REB``...) its ``sector``; the whole code is kept in the
``petrarch`` field of the written entry (Cronaca's actors carry one sector).  ``---`` (and codes
without letters, ``+++``, ``###``) are null: no country.  A code listing alternatives
(``ELR/GAL``) keeps the first.  An agent code gives the sector word's sector: its first three
letters (``~GOVFRM`` -> ``GOV``, ``NGO~`` -> ``NGO``).

What Cronaca cannot express, and how it is approximated (each case is reported as a warning):
agent phrases whose words may be separated by other words (a blank in PETRARCH) are matched as
consecutive words; a phrase used by two records keeps the first record (two people with one
name would make the name ambiguous).  Cronaca looks sector words up by a noun's lemma (or a
two-word phrase), so longer agent phrases are written but rarely used.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from cronaca.actors.kb import slug, user_dir
from cronaca.errors import ResourceError

_XML_COMMENT = re.compile(r"<!\s*--.*?-->", re.S)
_RESTRICTION = re.compile(
    r"^(?P<code>[^\s<>]+)\s*(?:(?P<op>[<>])\s*(?P<date>\d+)|(?P<start>\d+)\s*-\s*(?P<end>\d+))?$")
_SUBSTITUTION = re.compile(r"^!(?P<name>[A-Za-z0-9_]+)!\s*=\s*(?P<items>.+)$")
_AGENT = re.compile(r"^(?P<phrase>[^\[{]+?)\s*(?:\{(?P<plurals>[^}]*)\})?\s*"
                    r"\[\s*(?P<code>[^\]}]*?)\s*[\]}]$")


@dataclass(frozen=True)
class Code:
    """One code of an actor record, with the dates it applies to (limits included)."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass
class ActorRecord:
    phrases: list[str]                    # primary phrase first, then the synonyms
    codes: list[Code] = field(default_factory=list)
    line: int = 0


@dataclass
class AgentRecord:
    phrases: list[str]                    # the phrase and its plurals
    code: str                             # the code without ~
    position: str                         # "after" (~GOV: a sector) or "before" (NGO~)
    line: int = 0


@dataclass
class Dictionary:
    kind: str                             # "actors" or "agents"
    actors: list[ActorRecord] = field(default_factory=list)
    agents: list[AgentRecord] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- reading


def _lines(text: str) -> list[tuple[int, str]]:
    """(line number, content) of every non-blank line, comments removed."""
    text = _XML_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        depth, cut = 0, len(line)
        for i, ch in enumerate(line):
            if ch in "[{":
                depth += 1
            elif ch in "]}":
                depth = max(0, depth - 1)
            elif ch in "#;" and depth == 0:
                cut = i
                break
        line = line[:cut].rstrip()
        if line.strip():
            out.append((number, line))
    return out


def phrase(raw: str) -> str:
    """A dictionary phrase as words: ``NORTH_KOREA_`` -> ``NORTH KOREA``."""
    return " ".join(raw.replace("_", " ").split())


def _date(raw: str, where: str) -> dt.date:
    if len(raw) == 6:
        year = int(raw[:2])
        raw = f"{2000 + year if year < 30 else 1900 + year}{raw[2:]}"
    if len(raw) != 8:
        raise ValueError(f"{where}: bad date {raw!r} (expected YYYYMMDD or YYMMDD)")
    try:
        return dt.date(int(raw[:4]), int(raw[4:6]), int(raw[6:]))
    except ValueError:
        raise ValueError(f"{where}: bad date {raw!r}") from None


def _code(raw: str, where: str, warnings: list[str]) -> Code:
    m = _RESTRICTION.match(raw.strip())
    if not m:
        raise ValueError(f"{where}: cannot read the code block [{raw}]")
    code = m.group("code").upper()
    if not re.search(r"[A-Z]", code) and code != "---" and not set(code) <= set("-+#*"):
        raise ValueError(f"{where}: [{raw}] has no code, only dates")
    if "/" in code:
        warnings.append(f"{where}: code {code} lists alternatives; kept {code.split('/')[0]}")
        code = code.split("/")[0]
    start = end = None
    if m.group("op") == "<":
        end = _date(m.group("date"), where)
    elif m.group("op") == ">":
        start = _date(m.group("date"), where)
    elif m.group("start"):
        start, end = _date(m.group("start"), where), _date(m.group("end"), where)
    return Code(code, start, end)


def parse_actors(text: str, name: str = "<actors>") -> Dictionary:
    result = Dictionary("actors")
    current: ActorRecord | None = None
    for number, line in _lines(text):
        where = f"{name}:{number}"
        stripped = line.strip()
        try:
            if stripped.startswith("+"):
                if current is None:
                    result.warnings.append(f"{where}: synonym {stripped!r} before any record; "
                                           "skipped")
                    continue
                current.phrases.append(phrase(stripped[1:].split("[")[0]))
                for raw in re.findall(r"\[([^\]]*)\]", stripped):
                    current.codes.append(_code(raw, where, result.warnings))
            elif stripped.startswith("["):
                if current is None:
                    result.warnings.append(f"{where}: code {stripped!r} before any record; skipped")
                    continue
                for raw in re.findall(r"\[([^\]]*)\]", stripped):
                    current.codes.append(_code(raw, where, result.warnings))
            else:
                words = phrase(stripped.split("[")[0])
                if not words:
                    result.warnings.append(f"{where}: no phrase in {stripped!r}; skipped")
                    continue
                current = ActorRecord([words], line=number)
                result.actors.append(current)
                for raw in re.findall(r"\[([^\]]*)\]", stripped):
                    current.codes.append(_code(raw, where, result.warnings))
        except ValueError as exc:
            result.warnings.append(f"{exc}; skipped")
    return result


def plurals(words: str) -> list[str]:
    """PETRARCH's regular plurals of a phrase (its last word)."""
    if words.endswith("SS") or words.endswith("ss"):
        return [words + ("ES" if words.isupper() else "es")]
    if words[-1:] in "Yy" and words[-2:-1].lower() not in tuple("aeiou"):
        return [words[:-1] + ("IES" if words.isupper() else "ies")]
    return [words + ("S" if words.isupper() else "s")]


def parse_agents(text: str, name: str = "<agents>") -> Dictionary:
    result = Dictionary("agents")
    sets: dict[str, list[str]] = {}
    for number, line in _lines(text):
        where = f"{name}:{number}"
        stripped = line.strip()
        if m := _SUBSTITUTION.match(stripped):
            sets[m.group("name").upper()] = [x.strip() for x in m.group("items").split(",")
                                             if x.strip()]
            continue
        m = _AGENT.match(stripped)
        if not m:
            result.warnings.append(f"{where}: cannot read {stripped!r}; skipped")
            continue
        raw_code = m.group("code").replace(" ", "")
        if raw_code.startswith("~"):
            code, position = raw_code[1:], "after"
        elif raw_code.endswith("~"):
            code, position = raw_code[:-1], "before"
        else:
            result.warnings.append(f"{where}: agent code [{raw_code}] has no ~; "
                                   f"read as ~{raw_code}")
            code, position = raw_code, "after"
        if not code:
            result.warnings.append(f"{where}: empty agent code; skipped")
            continue
        raw_phrase = m.group("phrase").strip()
        if " " in raw_phrase.strip("_ "):
            result.warnings.append(f"{where}: {raw_phrase!r}: words PETRARCH lets other words "
                                   "separate are matched as consecutive")
        given = m.group("plurals")
        variants = [raw_phrase]
        for marker in re.findall(r"!([A-Za-z0-9_]+)!", raw_phrase):
            members = sets.get(marker.upper())
            if members is None:
                result.warnings.append(f"{where}: substitution set !{marker}! is not defined; "
                                       f"{raw_phrase!r} skipped")
                variants = []
                break
            variants = [v.replace(f"!{marker}!", member) for v in variants for member in members]
        if not variants:
            continue
        forms: list[str] = []
        for variant in variants:
            forms.append(phrase(variant))
            substituted = variant != raw_phrase
            if given is not None:
                forms += [phrase(p) for p in given.split()]
            elif not substituted and not variant.endswith("_"):
                forms += plurals(phrase(variant))
        result.agents.append(AgentRecord(list(dict.fromkeys(f for f in forms if f)),
                                         code.upper(), position, number))
    return result


def detect_kind(text: str) -> str:
    """``agents`` when the codes carry ``~``, ``discards`` when there is no code at all, else
    ``actors``."""
    codes = re.findall(r"\[([^\]]*)\]", " ".join(line for _, line in _lines(text)))
    if not codes:
        return "discards"
    agents = sum("~" in c for c in codes)
    return "agents" if codes and agents * 2 >= len(codes) else "actors"


def parse_discards(text: str) -> dict[str, list[str]]:
    """A discards list: ``+PHRASE`` rules out a story, ``PHRASE`` a sentence."""
    out: dict[str, list[str]] = {"story": [], "sentence": []}
    for _, line in _lines(text):
        raw = line.strip()
        kind = "story" if raw.startswith("+") else "sentence"
        words = phrase(raw.lstrip("+")).lower()
        if words and words not in out[kind]:
            out[kind].append(words)
    return out


def parse(text: str, name: str = "<dictionary>", kind: str | None = None) -> Dictionary:
    kind = kind or detect_kind(text)
    if kind not in ("actors", "agents"):
        raise ValueError(f"unknown dictionary kind {kind!r}")
    return parse_actors(text, name) if kind == "actors" else parse_agents(text, name)


# --------------------------------------------------------------------------- converting


# CAMEO's role (agent) codes: the parts of an actor code that Cronaca calls a sector.
SECTORS = frozenset({
    "AGR", "BUS", "CIV", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV", "HLH", "HRI",
    "IGO", "IMG", "INS", "JRN", "JUD", "LAB", "LEG", "MED", "MIL", "MNC", "MOD", "NGM", "NGO",
    "OPP", "PTY", "RAD", "REB", "REF", "REL", "SEP", "SET", "SPY", "UAF"})


def split_code(code: str) -> tuple[str | None, str | None]:
    """(country, sector) of a CAMEO actor code: ``ARNGOV`` -> (ARN, GOV), ``PSEHMSGOV`` ->
    (PSE, GOV), ``---GOV`` -> (None, GOV), ``---`` -> (None, None).  The sector is the first
    later three-letter part that is a CAMEO role code."""
    code = code.upper()
    if not re.search(r"[A-Z]", code):
        return None, None
    country = code[:3] if code[:3] != "---" else None
    parts = [code[i:i + 3] for i in range(3, len(code), 3)]
    return country, next((p for p in parts if p in SECTORS), None)


def _display(words: str) -> str:
    return words.title() if words.isupper() else words


def actor_entries(d: Dictionary, prefix: str) -> tuple[list[dict], list[str]]:
    """People-format entries (``codes`` only) for every actor record; warnings."""
    warnings: list[str] = []
    taken: dict[str, int] = {}
    entries = []
    for record in d.actors:
        names = []
        for words in record.phrases:
            k = words.lower()
            if k in taken:
                warnings.append(f"line {record.line}: {words!r} already names the record of line "
                                f"{taken[k]}; kept there")
                continue
            taken[k] = record.line
            names.append(_display(words))
        if not names:
            continue
        if not record.codes:
            warnings.append(f"line {record.line}: {record.phrases[0]!r} has no code; "
                            "written with a null code")
        # the first restriction that covers a date wins; codes without dates are defaults, last
        ordered = [c for c in record.codes if c.dated] + [c for c in record.codes if not c.dated]
        codes = []
        for c in ordered or [Code("---")]:
            country, sector = split_code(c.code)
            codes.append({"country": country, "sector": sector, "start": c.start, "end": c.end,
                          "petrarch": c.code})
        entries.append({"id": f"{prefix}:{slug(record.phrases[0]) or record.line}",
                        "name": names[0], "aliases": names[1:], "codes": codes})
    return entries, warnings


def agent_sectors(d: Dictionary) -> dict[str, list[str]]:
    """``sectors`` of the agents format: sector -> lower-case words, first code of a word wins."""
    sectors: dict[str, list[str]] = {}
    seen: set[str] = set()
    for record in d.agents:
        sector = record.code[:3]
        for words in record.phrases:
            k = words.lower()
            if k not in seen:
                seen.add(k)
                sectors.setdefault(sector, []).append(k)
    return sectors


@dataclass
class ImportReport:
    source: str
    kind: str
    written: list[Path]
    records: int                   # actor or agent records read
    names: int                     # phrases written (names and aliases, or sector words)
    codes: int                     # codes written (actors)
    dated: int                     # of which date-restricted
    warnings: list[str]


def _stem(path: Path) -> str:
    stem = path.name
    for suffix in (".txt", ".actors", ".agents", ".verbs", ".discards", ".dict"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
    return slug(stem) or "dictionary"


def import_file(path: Path, out: Path | None = None, lang: str = "en",
                kind: str | None = None) -> ImportReport:
    """Convert one PETRARCH dictionary into user knowledge files in ``out`` (default:
    ``user_dir()``); an existing file from an earlier import of the same dictionary is replaced."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise ResourceError(f"cannot read {path}: {exc.strerror or exc}") from None
    from cronaca.events import petrarch as verbs

    folder = out if out is not None else user_dir()
    stem = _stem(path)
    if kind == "verbs" or kind is None and verbs.looks_like_verbs(text):
        return _import_verbs(verbs.parse_verbs(text, path.name), path, folder, stem, lang)
    if kind == "discards" or kind is None and detect_kind(text) == "discards":
        return _import_discards(parse_discards(text), path, folder, stem)
    d = parse(text, path.name, kind)
    folder.mkdir(parents=True, exist_ok=True)
    header = (f"# Imported by `cronaca kb import-petrarch` from {path.name} "
              f"({d.kind} dictionary, PETRARCH/TABARI format).\n")
    warnings = list(d.warnings)
    if d.kind == "actors":
        entries, more = actor_entries(d, f"petrarch:{stem}")
        warnings += more
        target = folder / f"petrarch-{stem}.actors.yaml"
        body = yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=100)
        names = sum(1 + len(e["aliases"]) for e in entries)
        codes = [c for e in entries for c in e["codes"]]
        report = ImportReport(str(path), "actors", [target], len(d.actors), names, len(codes),
                              sum(1 for c in codes if c["start"] or c["end"]), warnings)
    else:
        _check_lang(lang)
        sectors = agent_sectors(d)
        target = folder / f"petrarch-{stem}.agents.{lang}.yaml"
        body = yaml.safe_dump({"sectors": sectors}, allow_unicode=True, sort_keys=False, width=100)
        report = ImportReport(str(path), "agents", [target], len(d.agents),
                              sum(len(v) for v in sectors.values()), 0, 0, warnings)
    target.write_text(header + body, encoding="utf-8")
    return report


def _import_discards(d: dict[str, list[str]], path: Path, folder: Path,
                     stem: str) -> ImportReport:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"petrarch-{stem}.discards.yaml"
    header = (f"# Imported by `cronaca kb import-petrarch` from {path.name} (discards list, "
              "PETRARCH/TABARI format).\n# `story`: an article containing one is not coded; "
              "`sentence`: nor is such a sentence.\n")
    body = yaml.safe_dump(d, allow_unicode=True, sort_keys=False, width=100)
    target.write_text(header + body, encoding="utf-8")
    # names: the story phrases, codes: the sentence phrases
    return ImportReport(str(path), "discards", [target], len(d["story"]) + len(d["sentence"]),
                        len(d["story"]), len(d["sentence"]), 0, [])


def _check_lang(lang: str) -> None:
    if not re.fullmatch(r"[a-z]{2}", lang):
        raise ResourceError(f"--lang must be a two-letter language code, not {lang!r}")


def _import_verbs(d, path: Path, folder: Path, stem: str, lang: str) -> ImportReport:
    """A verb dictionary -> ``petrarch-<name>.triggers.<lang>.yaml`` (events/petrarch.py)."""
    from cronaca.events import petrarch as verbs        # (events imports actors: not at the top)

    _check_lang(lang)
    entries, warnings = verbs.trigger_entries(d)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"petrarch-{stem}.triggers.{lang}.yaml"
    header = (f"# Imported by `cronaca kb import-petrarch` from {path.name} (verbs dictionary, "
              "PETRARCH/TABARI format).\n# `covers`: verbs the dictionary defines; the coder's own "
              "entries for them are not used.\n# `future: act`: as in PETRARCH, an act told in the "
              "future tense keeps its code.\n")
    body = yaml.safe_dump({"future": "act", "covers": verbs.covered(d), "verbs": entries},
                          allow_unicode=True, sort_keys=False, width=100)
    target.write_text(header + body, encoding="utf-8")
    patterns = sum(len(b.patterns) for b in d.blocks)
    return ImportReport(str(path), "verbs", [target], len(d.blocks), len(entries), patterns, 0,
                        d.warnings + warnings)
