"""Trigger lexicons and modality cues, loaded per language from ``lang/<code>/``."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from cronaca.errors import ResourceError
from cronaca.events.codes import cameo, is_user_code
from cronaca.lang import has_resource, resource



def normalise_slot(slot: str) -> str:
    """Lexicon slot names to the coder's: English "dobj" -> obj, "prep:with" -> obl:with."""
    slot = slot.strip().lower()
    if slot in ("dobj", "obj"):
        return "obj"
    if slot in ("dative", "iobj"):
        return "iobj"
    if slot.startswith("prep:"):
        return "obl:" + slot[5:]
    return slot


@dataclass(frozen=True)
class Entry:
    lemma: str                       # one or more words
    code: str
    kind: str                        # "verb" or "noun"
    with_: frozenset[str] = frozenset()
    unless: frozenset[str] = frozenset()   # an object or oblique that makes it no event
    #                                       ("combattere la corruzione", "fight wildfires")
    targets: tuple[str, ...] = ()
    place_is_target: bool = False
    passive_like: bool = False
    of_is_target: bool = False       # nouns: "di X" / "of X" names the target ("l'arresto di X")
    confidence: float = 1.0
    # word sequences that must precede / follow the predicate in the sentence, in order; each
    # item lists alternative phrases (a verb dictionary's patterns: "said * to attend")
    before: tuple[tuple[str, ...], ...] = ()
    after: tuple[tuple[str, ...], ...] = ()
    forms: tuple[str, ...] = ()      # further word forms that find the entry ("broke", "banned")
    reverse: str | None = None       # the target's act on the source, for a verb that is two acts
    #                                  (a user dictionary's [032:033]: a visit and its hosting)
    origin: str = ""                 # a user file's name; "" for the built-in lexicon
    mass_code: str | None = None     # the act when its object is many people (202)
    state_code: str | None = None    # the act when a state does it: a government that
    #                                  "protested" complained officially (114), it did not march
    negated_code: str | None = None  # what the negated act is: "non ha voluto commentare",
    #                                  "did not comment" decline comment (011)
    future_is_act: bool = False      # a user file's `future: act`: an act announced in the future
    #                                  tense keeps its code, as pattern coders do ("will abandon
    #                                  ties" is the abandoning), instead of an intent code

    @property
    def head(self) -> str:
        """The word that must be the predicate: the first of a multi-word lemma."""
        return self.lemma.split()[0]

    @property
    def rest(self) -> tuple[str, ...]:
        return tuple(self.lemma.split()[1:])

    @property
    def pattern_words(self) -> set[str]:
        """Every word the entry's `before`/`after` sequences spell out."""
        return {w for item in self.before + self.after for alt in item for w in alt.split()}

    @property
    def specificity(self) -> int:
        return len(self.rest) + len(self.before) + len(self.after)

    def describe(self) -> str:
        extra = f" + {'/'.join(sorted(self.with_))}" if self.with_ else ""
        pattern = ""
        if self.before or self.after:
            def show(items):
                return " ".join("|".join(alts) for alts in items)
            pattern = f" [{show(self.before)} * {show(self.after)}]".replace("[ ", "[") \
                .replace(" ]", "]")
        where = f" ({self.origin})" if self.origin else ""
        return f"{self.kind} '{self.lemma}'{extra}{pattern} -> {self.code}{where}"


@dataclass
class Lexicon:
    lang: str
    by_head: dict[tuple[str, str], list[Entry]] = field(default_factory=dict)
    # the words user files define, looked up as written before any lemma: a verb dictionary
    # may code a form apart from its verb (PETRARCH's "LEFT" [032] beside "LEAVE" [012])
    user_words: set[tuple[str, str]] = field(default_factory=set)

    def candidates(self, lemma: str, kind: str) -> list[Entry]:
        return self.by_head.get((kind, lemma.lower()), [])

    @cached_property
    def verbs(self) -> frozenset[str]:
        """Every verb with an entry (its head word); read once per lexicon."""
        return frozenset(w for kind, w in self.by_head if kind == "verb")

    def form_candidates(self, form: str, kind: str) -> list[Entry]:
        k = (kind, form.lower())
        return self.by_head.get(k, []) if k in self.user_words else []


def _sequence(raw, where: str) -> tuple[tuple[str, ...], ...]:
    if not isinstance(raw, list):
        raise ResourceError(f"{where}: `before`/`after` must be a list of words")
    return tuple(tuple(" ".join(alt.split()) for alt in str(item).lower().split("|") if alt.strip())
                 for item in raw)


def _entries(data: dict, where: str, origin: str = "") -> list[Entry]:
    codes = cameo()
    future = data.get("future", "intent")
    if future not in ("intent", "act") or (future == "act" and not origin):
        raise ResourceError(f"{where}: `future` must be `intent` or `act` (user files only), "
                            f"not {future!r}")
    out = []
    for kind in ("verbs", "nouns"):
        for raw in data.get(kind) or []:
            if not isinstance(raw, dict) or "lemma" not in raw or "code" not in raw:
                raise ResourceError(f"{where}: every {kind[:-1]} needs `lemma` and `code`: {raw!r}")
            code = str(raw["code"])
            reverse, negated_code, mass_code, state_code = (
                str(raw[k]) if raw.get(k) is not None else None
                for k in ("reverse", "negated_code", "mass_code", "state_code"))
            for c in filter(None, (code, reverse, negated_code, mass_code, state_code)):
                if c not in codes and not (origin and is_user_code(c)):   # a user file may
                    raise ResourceError(   # carry its own codes beyond CAMEO ("903")
                        f"{where}: {raw['lemma']!r} has unknown CAMEO code {c!r}")
            out.append(Entry(
                lemma=str(raw["lemma"]).lower(), code=code, kind=kind[:-1],
                with_=frozenset(str(w).lower() for w in raw.get("with") or ()),
                unless=frozenset(str(w).lower() for w in raw.get("unless") or ()),
                targets=tuple(normalise_slot(t) for t in raw.get("target") or ()),
                place_is_target=bool(raw.get("place_is_target")),
                passive_like=bool(raw.get("passive_like")),
                of_is_target=bool(raw.get("of_is_target")),
                confidence=float(raw.get("confidence", 1.0)),
                before=_sequence(raw.get("before") or [], where),
                after=_sequence(raw.get("after") or [], where),
                forms=tuple(str(f).lower() for f in raw.get("forms") or ()),
                reverse=reverse, negated_code=negated_code, mass_code=mass_code,
                state_code=state_code, origin=origin, future_is_act=future == "act"))
    return out


def user_trigger_files(lang: str) -> list:
    """The user knowledge folder's ``*.triggers.<lang>.yaml`` files (``kb import-petrarch`` of a
    verb dictionary writes one; users may write their own)."""
    from cronaca.actors.kb import user_dir

    folder = user_dir()
    try:
        stamp = folder.stat().st_mtime_ns          # changes when a file is added or removed
    except OSError:
        return []
    return list(_listing(str(folder), stamp, lang))


@cache
def _listing(folder: str, stamp: int, lang: str) -> tuple[str, ...]:
    return tuple(sorted(str(p) for p in Path(folder).glob(f"*.triggers.{lang}.yaml")))


def lexicon(lang: str) -> Lexicon | None:
    """The language's trigger lexicon, with the user's trigger files in front: a word that a user
    file defines (its entries, or its `covers` list) is looked up there only."""
    files = []
    for name in user_trigger_files(lang):
        try:
            files.append((name, os.stat(name).st_mtime_ns))     # an edited file is read again
        except OSError:
            continue
    return _lexicon(lang, tuple(files))


@cache
def _lexicon(lang: str, user_files: tuple[tuple[str, int], ...]) -> Lexicon | None:
    import yaml

    if not has_resource(lang, "triggers.yaml"):
        return None                       # a language without coding (a broken file raises)
    data = resource(lang, "triggers.yaml")
    built_in = _entries(data, f"lang/{lang}/triggers.yaml")
    user: list[Entry] = []
    covered: set[tuple[str, str]] = set()
    for name, _ in user_files:
        try:
            with open(name, encoding="utf-8") as fh:
                extra = yaml.safe_load(fh) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise ResourceError(f"{name}: cannot read ({exc})") from None
        if not isinstance(extra, dict):
            raise ResourceError(f"{name}: expected a mapping with `verbs` and/or `nouns`")
        found = _entries(extra, name, origin=os.path.basename(name))
        user += found
        covered.update(("verb", str(w).lower()) for w in extra.get("covers") or ())
    lex = Lexicon(lang)
    for entry in user:
        for word in (entry.head, *entry.forms):
            lex.by_head.setdefault((entry.kind, word), []).append(entry)
    lex.user_words = set(lex.by_head)
    covered |= lex.user_words
    for entry in built_in:
        if (entry.kind, entry.head) not in covered:
            for word in (entry.head, *entry.forms):   # a form the tagger gives as its own
                lex.by_head.setdefault((entry.kind, word), []).append(entry)   # lemma
    for entries in lex.by_head.values():
        # the most specific first: fixed phrases and patterns, then entries with `with`, then
        # the rest (stable: the file's order among equals)
        entries.sort(key=lambda e: (-e.specificity, not e.with_))
    return lex


@dataclass(frozen=True)
class Modality:
    negation: frozenset[str]
    hypothetical_markers: frozenset[str]
    modal_verbs: frozenset[str]
    modal_always: frozenset[str]
    hedges: frozenset[str]
    intent_verbs: frozenset[str]
    future_is_intent: bool
    reporting_verbs: frozenset[str]
    denial_verbs: frozenset[str]
    source_markers: tuple[tuple[str, ...], ...] = ()   # "according to", "secondo": who says so
    failure_verbs: frozenset[str] = frozenset()       # "failed to condemn": not done
    reciprocal_markers: tuple[tuple[str, ...], ...] = ()  # "each other", "a vicenda"
    joint_possessives: frozenset[str] = frozenset()   # "their", "loro": a joint act's owners
    mutual_verbs: frozenset[str] = frozenset()        # "X and Y clashed": on each other
    stop_verbs: frozenset[str] = frozenset()          # "halted the talks": they do not happen
    never_passive: frozenset[str] = frozenset()       # "è volata a Kiev" is not a passive


WORD = re.compile(r"\w+'|\w+")


@cache
def modality(lang: str) -> Modality | None:
    if not has_resource(lang, "modality.yaml"):
        return None
    data = resource(lang, "modality.yaml")

    def words(name):
        return frozenset(str(w).lower() for w in data.get(name) or ())

    return Modality(
        negation=words("negation"), hypothetical_markers=words("hypothetical_markers"),
        modal_verbs=words("modal_verbs"), modal_always=words("modal_always_hypothetical"),
        hedges=words("hedges"), intent_verbs=words("intent_verbs"),
        future_is_intent=bool(data.get("future_is_intent", True)),
        reporting_verbs=words("reporting_verbs"), denial_verbs=words("denial_verbs"),
        source_markers=tuple(tuple(w.split()) for w in sorted(words("source_markers"),
                                                               key=lambda w: -len(w.split()))),
        failure_verbs=words("failure_verbs"),
        reciprocal_markers=tuple(tuple(WORD.findall(w)) for w in words("reciprocal_markers")),
        joint_possessives=words("joint_possessives"),
        mutual_verbs=words("mutual_verbs"),
        stop_verbs=words("stop_verbs"),
        never_passive=words("never_passive"))


@cache
def intent_map() -> list[tuple[str, str]]:
    """(act code prefix, intent code), longest prefixes first."""
    from importlib import resources

    text = (resources.files("cronaca.events") / "data" / "intent.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines()[1:] if line.strip()]
    return sorted(((r[0], r[1]) for r in rows), key=lambda r: -len(r[0]))


def intent_code(code: str) -> str | None:
    """The CAMEO code for a stated intention to do ``code`` (None: no intent form)."""
    for prefix, intent in intent_map():
        if code.startswith(prefix):
            return intent
    return None
