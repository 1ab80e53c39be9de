"""Cronaca's one data model, passed through every pipeline stage.

``Document`` is what a reader produced (raw bytes decoded, not yet cleaned).  ``Article`` is a
cleaned document: text, metadata and what the cleaner removed.  Once parsed, an article holds
``Sentence`` objects made of ``Token`` and ``Entity`` items whose character offsets point into
``Article.text``.  Later stages (actors, events, time, places) add their records to the same
article rather than passing anything on the side.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Format = Literal["html", "text"]


@dataclass
class Document:
    """One input document as read: decoded but not cleaned."""

    id: str
    content: str
    format: Format
    source: str                      # file path, URL, "-" or "file.jsonl:line"
    url: str | None = None
    date: str | None = None          # publication date given with the input (ISO 8601)
    lang: str | None = None          # language given with the input
    title: str | None = None
    encoding: str | None = None


@dataclass
class Failure:
    """An input that could not be turned into an article: skipped, logged, never fatal."""

    source: str
    error: str                       # one-line message with its code, e.g. "[E102] ..."


@dataclass
class Removal:
    """A piece of text the cleaner dropped, and why."""

    text: str
    reason: str                      # a stable kind: "related-links", "author-bio", ...
    rule: str                        # the cue that fired, for --explain


@dataclass
class Discard:
    """A user discard phrase that kept the coder off a whole article or one sentence."""

    phrase: str
    sentence: int | None             # the sentence's index; None: the whole article (a story)
    file: str                        # the user file that lists the phrase


@dataclass
class Token:
    i: int
    text: str                        # as the parser read it: Article.text[start:end], recased
    #                                  in a headline written in capitals (nlp/casing.py)
    start: int                       # character offsets into Article.text
    end: int
    lemma: str
    pos: str
    tag: str
    morph: str
    dep: str
    head: int                        # index of the head token in the article


@dataclass
class Entity:
    text: str
    label: str                       # PER, ORG, LOC, MISC (and spaCy's English labels)
    start: int
    end: int


@dataclass
class Sentence:
    index: int
    text: str
    start: int
    end: int
    tokens: list[Token] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)


@dataclass
class Actor:
    """Who acts or is acted upon, as written and as resolved."""

    text: str                        # the words in the sentence ("il presidente bielorusso")
    start: int                       # character offsets into Article.text
    end: int
    name: str | None = None          # canonical name ("Alexander Lukashenko", "Belarus")
    country: str | None = None       # ISO 3166-1 alpha-3, or EUR/UNO/IGO/NGO/WST... for others
    sector: str | None = None        # CAMEO agent code: GOV, MIL, COP, OPP, REB...
    kb_id: str | None = None         # "person:alexander-lukashenko", "country:BLR", "org:EU"
    how: str | None = None           # why it resolved so, for --explain


@dataclass
class Location:
    text: str
    name: str
    country: str
    lat: float
    lon: float
    kb_id: str | None = None


@dataclass
class Trigger:
    text: str
    start: int
    end: int
    lemma: str


@dataclass
class Evidence:
    sentence: int                    # index of the sentence in the article
    text: str                        # the sentence
    start: int                       # the sentence's offsets in Article.text
    end: int
    trigger: Trigger


@dataclass
class Event:
    """One coded event, tied to the sentence that supports it."""

    id: str
    doc_id: str
    language: str
    date: str | None                 # ISO date (first day of the month/year when less precise)
    date_precision: Literal["day", "month", "year"] | None
    date_source: Literal["text", "publication"] | None
    cameo: str
    cameo_root: str
    plover: str | None
    plover_mode: str | None
    quad_class: int | None           # None (with goldstein) for a user code beyond CAMEO
    goldstein: float | None
    source: Actor | None
    target: Actor | None
    location: Location | None
    negated: bool
    hypothetical: bool
    evidence: Evidence
    confidence: float
    intent: bool = False             # coded as a stated intention (03x/13x) of the act below
    speaker: Actor | None = None     # who reported it, for events inside reported speech
    rule: str | None = None          # the lexicon entry and pattern that fired, for --explain
    coarse: bool = False             # coded without a parser (a language with no pipeline)


@dataclass
class Quote:
    text: str
    start: int
    end: int
    speaker: Actor | None
    sentence: int


@dataclass
class Article:
    """A cleaned article, and after parsing its sentences."""

    id: str
    text: str
    source: str
    format: Format
    title: str | None = None
    author: str | None = None
    published: str | None = None     # ISO date
    site: str | None = None
    url: str | None = None
    language: str | None = None
    language_score: float | None = None
    language_source: Literal["detected", "given", "record"] | None = None
    removed: list[Removal] = field(default_factory=list)
    discarded: list[Discard] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)

    def to_dict(self, *, explain: bool = False, sentences: bool = True) -> dict[str, Any]:
        data = asdict(self)
        if not explain:
            data.pop("removed")
            data.pop("discarded")
        if not sentences:
            data.pop("sentences")
        return data
