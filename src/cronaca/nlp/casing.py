"""Recasing of words written all in capitals, for the parser.

Wire services print headlines in capitals ("COLONOS JUDIOS CORTAN LA CARRETERA DE JERICO"),
often without accents.  A parser trained on ordinary text reads every such word as a proper noun
and codes nothing.  Before parsing, a run of at least ``MIN_RUN_WORDS`` capitalised words is
written as a newspaper would print it: common words in lower case with their accents back
("judíos", "paralización"), names of the knowledge base and the gazetteer capitalised
("Jericó", "Panamá", "Estados Unidos"), short unknown words kept as acronyms ("CGT", "ELN") and
longer unknown words capitalised as names ("Mahuad").  Every word keeps its length, so offsets
into the article hold; the article's own text is never changed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from cronaca.geo.gazetteer import strip_accents

MIN_RUN_WORDS = 4          # a run of fewer shouted words is a name or an acronym, not a headline
MIN_KNOWN_WORDS = 2        # ... and a run needs this many common words of the language
MAX_ACRONYM = 4            # an unknown shouted word this short stays in capitals
MAX_NAME_WORDS = 4
MAJOR_CITY = 1_000_000     # a city this big, like a capital, beats a common word ("MILAN")
_WORD = re.compile(r"[^\W\d_]+")
# words inside a name that stay in lower case ("Costa de Marfil", "Bosnia and Herzegovina")
_NAME_JOINERS = {"de", "del", "di", "da", "do", "dos", "das", "du", "des", "la", "le", "las",
                 "los", "el", "y", "e", "and", "of", "the", "et", "und", "von", "van"}


def _same_shape(word: str, form: str) -> str | None:
    """``form`` when it can stand for ``word`` character for character, else None."""
    form = unicodedata.normalize("NFC", form)
    return form if len(form) == len(word) else None


@cache
def _dictionary(lang: str) -> tuple[frozenset[str], dict[str, str]]:
    """The language's known word forms (lower case), and accent-less form -> accented form for
    the forms that only exist with accents."""
    known: set[str] = set()
    try:                       # spaCy's stop words of the language, numbers among them ("due")
        from spacy.util import get_lang_class
        known.update(get_lang_class(lang).Defaults.stop_words)
    except Exception:          # a language spaCy does not know
        pass
    try:
        from simplemma.strategies.dictionaries import DefaultDictionaryFactory
        forms = DefaultDictionaryFactory().get_dictionary(lang)
    except Exception:          # a language simplemma does not know: no dictionary, no accents
        return frozenset(known), {}
    # an entry the dictionary writes capitalised is a name ("Parigi"), not a common word
    known.update(w for w in (*forms, *forms.values()) if w.islower())
    accented: dict[str, str] = {}
    for word in known:
        bare = strip_accents(word)
        if bare != word and bare not in known:
            accented.setdefault(bare, word)
    return frozenset(known), accented


@cache
def _names() -> tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, str]]:
    """Accent-less key -> written key for: states, capitals, big cities and
    organisations (names that beat a common word: "CHINA", "PARIS"); people; adjectives and
    demonyms; every gazetteer place."""
    from cronaca.actors.kb import knowledge_base
    from cronaca.geo.gazetteer import gazetteer, key   # (built on first use, not at import)

    kb = knowledge_base()

    def index(*keys) -> dict[str, str]:
        out: dict[str, str] = {}
        for group in keys:
            for k in group:
                bare = strip_accents(k)
                if bare == k:                # a key written without accents wins ("ucraina")
                    out[bare] = k
                else:
                    out.setdefault(bare, k)
        return out

    places = gazetteer()
    # a big city by its own name only: its alternate names include words ("Pará" for Belém)
    major = (k for k, ids in places.index.items()
             if any(p.capital or p.kind == "country" or
                    p.population >= MAJOR_CITY and key(p.name) == k
                    for p in (places.places[i] for i in ids)))
    return (index(kb.country_names, kb.seats, kb.org_names, major),
            index(kb.person_names), index(kb.adjectives), index(places.index))


def _is_shouted(word: str) -> bool:
    return word.isupper()


def _runs(words: list[re.Match], text: str) -> list[list[int]]:
    """Indices of maximal runs of shouted words on one line."""
    runs: list[list[int]] = []
    current: list[int] = []
    for i, m in enumerate(words):
        same_line = current and "\n" not in text[words[current[-1]].end():m.start()]
        if current and not (_is_shouted(m.group()) and same_line):
            runs.append(current)
            current = []
        if _is_shouted(m.group()):
            current.append(i)
    if current:
        runs.append(current)
    return runs


def _capitalised(form: str) -> str:
    return form[:1].upper() + form[1:]


def _as_name(form: str) -> str:
    """A name's written key as printed: each word capitalised but the joiners."""
    parts = form.split(" ")
    return " ".join(p if i and p in _NAME_JOINERS else
                    "-".join(_capitalised(q) for q in p.split("-"))
                    for i, p in enumerate(parts))


def _recase_word(word: str, lang: str, first: bool) -> str:
    lower = word.lower()
    bare = strip_accents(lower)
    known, accented = _dictionary(lang)
    states, people, adjectives, places = _names()
    if len(word) <= 3 and bare in states:       # "US", "UK", "USA": the state's abbreviation
        return word
    if bare in states:
        form = _as_name(states[bare])
    elif bare in adjectives:
        form = adjectives[bare]
        form = _capitalised(form) if lang == "en" else form
    elif lower in known:
        form = lower
    elif bare in accented:
        form = accented[bare]
    elif bare in people or bare in places:
        form = _as_name(people.get(bare) or places[bare])
    elif len(word) <= MAX_ACRONYM:
        return word
    else:
        form = _capitalised(lower)
    if first:
        form = _capitalised(form)
    return _same_shape(word, form) or (_capitalised(lower) if first else lower)


def _recase_run(text: str, words: list[re.Match], run: list[int], lang: str) -> list[str]:
    """The recased forms of the run's words."""
    states, people, _, places = _names()
    forms: list[str | None] = [None] * len(run)
    k = 0
    while k < len(run):                          # names of several words first ("ESTADOS UNIDOS")
        for size in range(min(MAX_NAME_WORDS, len(run) - k), 1, -1):
            span = [words[run[k + j]] for j in range(size)]
            if any(not re.fullmatch(r"[ \-]", text[a.end():b.start()])
                   for a, b in zip(span, span[1:])):
                continue
            phrase = strip_accents(text[span[0].start():span[-1].end()].lower())
            found = states.get(phrase) or people.get(phrase) or places.get(phrase)
            if found and len(found) == len(phrase):
                printed = _as_name(found)
                for j, m in enumerate(span):
                    start = m.start() - span[0].start()
                    forms[k + j] = printed[start:start + len(m.group())]
                k += size
                break
        else:
            k += 1
    return [form if form is not None else
            _recase_word(words[index].group(), lang, first=j == 0)
            for j, (index, form) in enumerate(zip(run, forms))]


def recase(text: str, lang: str | None) -> str:
    """``text`` with each headline run of capitalised words recased (same length)."""
    if not lang or sum(c.isupper() for c in text) < MIN_RUN_WORDS * 3:
        return text
    words = list(_WORD.finditer(text))
    out = list(text)
    changed = False
    for run in _runs(words, text):
        if len(run) < MIN_RUN_WORDS:
            continue
        known, _ = _dictionary(lang)
        if sum(words[i].group().lower() in known for i in run) < MIN_KNOWN_WORDS:
            continue
        for index, form in zip(run, _recase_run(text, words, run, lang)):
            m = words[index]
            out[m.start():m.end()] = form
            changed = True
    return "".join(out) if changed else text
