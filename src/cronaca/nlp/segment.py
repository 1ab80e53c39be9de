"""Sentence splitting that survives abbreviations and quotations.

Rules, not a model: a sentence ends at ``.``, ``!``, ``?`` or ``…`` (plus any closing quotes
or brackets) when the next word starts a sentence, unless the full stop belongs to an
abbreviation of the language (``Sen.``, ``dott.``, ``U.S.``), to an initial (``J. Smith``) or
falls inside a quotation that has not closed yet.  A line break always ends a sentence.
The same splitter serves every language; each language brings its abbreviation list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from cronaca.lang import languages, resource

_CLOSERS = "\"”’»)]'"
_OPENERS = "«“\"(['‘—–-¿¡"
_END = re.compile(r"([.!?…]+)([\"”’»)\]']*)(\s+)")
# Abbreviations that may also end a sentence ("... in the U.S. The next day ...").
_SENTENCE_FINAL_ABBR = {"U.S", "U.K", "U.N", "E.U", "U.S.A", "D.C", "Inc", "Ltd", "Co", "Corp",
                        "Jr", "Sr", "etc", "ecc", "EE.UU", "spa", "srl", "S.p.A", "s.p.a",
                        "s.r.l", "S.A", "a.m", "p.m"}
_STARTERS = {
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "But", "In", "On", "This", "That",
    "These", "Those", "There", "His", "Her", "Their", "Its", "At", "After", "Before", "When",
    "Il", "Lo", "La", "Le", "Gli", "Un", "Una", "Uno", "Ma", "E", "Per", "Nel", "Nella", "Dopo",
    "Secondo", "Questo", "Questa", "El", "Los", "Las", "Pero", "Les", "Der", "Die", "Das",
    "Os", "As", "O",
}
_ELLIPSIS_CONTINUES = re.compile(r"^[a-zà-ÿ]")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@cache
def abbreviations(lang: str | None) -> frozenset[str]:
    """Abbreviations of ``lang``; for an unknown language, those of every language."""
    codes = [lang] if lang in languages() else list(languages())
    found: set[str] = set()
    for code in codes:
        try:
            found.update(resource(code, "abbreviations.txt"))
        except Exception:  # a language without an abbreviation list
            continue
    return frozenset(found)


def _word_before(text: str, dot: int) -> str:
    """The word that a full stop at ``dot`` ends, with inner dots ("U.S" for "U.S.")."""
    start = dot
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in ".-"):
        start -= 1
    return text[start:dot].lstrip(".-")


def _is_abbreviation(word: str, abbr: frozenset[str]) -> bool:
    if not word:
        return False
    # Entries are case-sensitive; a lower-case entry also covers its capitalised form
    # ("Dott." at the start of a sentence), never the other way round ("Ill." is not "ill.").
    if word in abbr or (word[0].isupper() and word.lower() in abbr):
        return True
    if len(word) == 1 and word.isupper():
        return True                                   # an initial: "J. Smith"
    return bool(re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word))   # "e.g", "U.S.A"


def _next_word(text: str, pos: int) -> str:
    m = re.match(r"[\"“«‘'(\[]*([\w’']+)", text[pos:])
    return m.group(1) if m else ""


def split(text: str, lang: str | None = None, max_quote_chars: int = 1200) -> list[Span]:
    """Sentence spans (character offsets, whitespace trimmed) of ``text``."""
    abbr = abbreviations(lang)
    spans: list[Span] = []
    offset = 0
    for line in text.split("\n"):
        spans.extend(Span(offset + s.start, offset + s.end)
                     for s in _split_line(line, abbr, max_quote_chars))
        offset += len(line) + 1
    return spans


def _split_line(line: str, abbr: frozenset[str], max_quote_chars: int) -> list[Span]:
    boundaries = []
    depth, quote_start, straight_open = 0, 0, False
    events = sorted([(m.start(), "end", m) for m in _END.finditer(line)]
                    + [(i, ch, None) for i, ch in enumerate(line) if ch in "«“»”\""],
                    key=lambda e: (e[0], e[1] != "end"))
    for pos, kind, m in events:
        if kind in "«“" or (kind == '"' and not straight_open):
            if kind == '"':
                # a straight quote opens only at a word start
                if pos > 0 and not line[pos - 1].isspace() and line[pos - 1] not in "([":
                    continue
                straight_open = True
            if depth == 0:
                quote_start = pos
            depth += 1
            continue
        if kind in "»”\"":
            if kind == '"':
                straight_open = False
            depth = max(0, depth - 1)
            continue
        punct, closers, space = m.group(1), m.group(2), m.group(3)
        after = m.end()
        if after >= len(line):
            continue
        nxt = line[after]
        inside_quote = depth > 0 and not _closes_quote(closers)
        if inside_quote and after - quote_start < max_quote_chars:
            continue
        if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
            continue
        if punct == ".":
            word = _word_before(line, m.start())
            if _is_abbreviation(word, abbr):
                final = word in _SENTENCE_FINAL_ABBR or word.lower() in _SENTENCE_FINAL_ABBR
                if not (final and _next_word(line, after) in _STARTERS):
                    continue
        if punct.startswith("…") or punct == "...":
            if _ELLIPSIS_CONTINUES.match(nxt):
                continue
        boundaries.append(m.start() + len(punct) + len(closers))
    return _spans(line, boundaries)


def _closes_quote(closers: str) -> bool:
    return any(ch in "»”\"" for ch in closers)


def _spans(line: str, boundaries: list[int]) -> list[Span]:
    spans = []
    start = 0
    for end in boundaries + [len(line)]:
        chunk = line[start:end]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk.rstrip())
        if chunk.strip():
            spans.append(Span(start + lead, start + trail))
        start = end
    return spans
