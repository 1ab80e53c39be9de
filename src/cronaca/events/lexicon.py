"""Trigger lexicons and modality cues, loaded per language from ``lang/<code>/``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from cronaca.errors import ResourceError
from cronaca.events.codes import cameo
from cronaca.lang import resource



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
    targets: tuple[str, ...] = ()
    place_is_target: bool = False
    passive_like: bool = False
    of_is_target: bool = False       # nouns: "di X" / "of X" names the target ("l'arresto di X")
    confidence: float = 1.0

    @property
    def head(self) -> str:
        """The word that must be the predicate: the first of a multi-word lemma."""
        return self.lemma.split()[0]

    @property
    def rest(self) -> tuple[str, ...]:
        return tuple(self.lemma.split()[1:])

    def describe(self) -> str:
        extra = f" + {'/'.join(sorted(self.with_))}" if self.with_ else ""
        return f"{self.kind} '{self.lemma}'{extra} -> {self.code}"


@dataclass
class Lexicon:
    lang: str
    by_head: dict[tuple[str, str], list[Entry]] = field(default_factory=dict)

    def candidates(self, lemma: str, kind: str) -> list[Entry]:
        return self.by_head.get((kind, lemma.lower()), [])


@cache
def lexicon(lang: str) -> Lexicon | None:
    try:
        data = resource(lang, "triggers.yaml")
    except ResourceError:
        return None
    codes = cameo()
    lex = Lexicon(lang)
    for kind in ("verbs", "nouns"):
        for raw in data.get(kind) or []:
            code = str(raw["code"])
            if code not in codes:
                raise ResourceError(f"lang/{lang}/triggers.yaml: {raw['lemma']!r} has unknown "
                                    f"CAMEO code {code!r}")
            entry = Entry(
                lemma=str(raw["lemma"]).lower(), code=code, kind=kind[:-1],
                with_=frozenset(str(w).lower() for w in raw.get("with") or ()),
                targets=tuple(normalise_slot(t) for t in raw.get("target") or ()),
                place_is_target=bool(raw.get("place_is_target")),
                passive_like=bool(raw.get("passive_like")),
                of_is_target=bool(raw.get("of_is_target")),
                confidence=float(raw.get("confidence", 1.0)))
            lex.by_head.setdefault((entry.kind, entry.head), []).append(entry)
    for entries in lex.by_head.values():
        # the most specific first: fixed phrases, then entries with `with`, then the rest
        entries.sort(key=lambda e: (-len(e.rest), not e.with_))
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
    never_passive: frozenset[str] = frozenset()       # "è volata a Kiev" is not a passive


WORD = re.compile(r"\w+'|\w+")


@cache
def modality(lang: str) -> Modality | None:
    try:
        data = resource(lang, "modality.yaml")
    except ResourceError:
        return None

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
