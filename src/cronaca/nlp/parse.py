"""Parse stage: sentences, tokens, lemmas, POS, dependencies and entities for an article."""

from __future__ import annotations

from collections.abc import Iterator

from cronaca.errors import UnsupportedLanguageError
from cronaca.model import Article, Entity, Sentence, Token
from cronaca.lang import parsable
from cronaca.nlp.casing import recase
from cronaca.nlp.models import load
from cronaca.nlp.segment import split

# spaCy keeps a whole Doc in memory; a paragraph is parsed on its own and a very long one is
# cut at sentence boundaries into pieces of about this many characters.
MAX_CHUNK_CHARS = 100_000
# The pipelines were trained on straight apostrophes; news often prints the typographic one
# ("l’attacco", "n’a pas"), which splits elisions wrongly.  It is straightened for the parser only
# (one character for one, so offsets hold); tokens and sentences keep the article's own text.
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'"})


def chunks(text: str, lang: str | None) -> Iterator[tuple[int, str]]:
    """``(offset, piece)`` pairs: paragraphs, long ones cut between sentences."""
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            if len(line) <= MAX_CHUNK_CHARS:
                yield offset, line
            else:
                start = end = 0
                for span in split(line, lang):
                    if span.end - start > MAX_CHUNK_CHARS and end > start:
                        yield offset + start, line[start:end]
                        start = span.start
                    end = span.end
                yield offset + start, line[start:end]
        offset += len(line) + 1


def parse(article: Article) -> Article:
    """Fill ``article.sentences``: tokens, parse and entities where the language has a
    pipeline, the sentences alone where it has none."""
    if not article.language:
        raise UnsupportedLanguageError(
            f"{article.source}: the language could not be identified; pass --lang")
    if article.language not in parsable():
        # no pipeline for this language: sentences only; the events stage codes them coarsely
        article.sentences = [Sentence(i, article.text[s.start:s.end], s.start, s.end)
                             for i, s in enumerate(split(article.text, article.language))]
        return article
    nlp = load(article.language)
    pieces = list(chunks(article.text, article.language))
    sentences: list[Sentence] = []
    token_base = 0
    # a headline in capitals is parsed, and its tokens read, as a newspaper prints it (casing.py)
    readings = [recase(text, article.language) for _, text in pieces]
    parsed = nlp.pipe(reading.translate(_APOSTROPHES) for reading in readings)
    for (offset, text), reading, doc in zip(pieces, readings, parsed, strict=True):
        sentences.extend(_sentences(doc, text, reading, offset, token_base, len(sentences)))
        token_base += len(doc)
    article.sentences = sentences
    return article


def _sentences(doc, text: str, reading: str, offset: int, token_base: int,
               index: int) -> Iterator[Sentence]:
    """The doc's sentences; ``text`` is the piece as the article has it, ``reading`` the same
    with headline capitals recased (``doc.text`` may also have straightened apostrophes).
    Sentences keep the article's text; tokens and entities read as the parser read them."""
    ents = list(doc.ents)
    for sent in doc.sents:
        tokens = [t for t in sent if not t.is_space]
        if not tokens:
            continue
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        yield Sentence(
            index=index,
            text=text[start:end],
            start=offset + start,
            end=offset + end,
            tokens=[Token(i=token_base + t.i, text=reading[t.idx:t.idx + len(t.text)],
                          start=offset + t.idx,
                          end=offset + t.idx + len(t.text), lemma=t.lemma_, pos=t.pos_,
                          tag=t.tag_, morph=str(t.morph), dep=t.dep_,
                          head=token_base + t.head.i) for t in tokens],
            entities=[Entity(text=reading[e.start_char:e.end_char], label=e.label_,
                             start=offset + e.start_char,
                             end=offset + e.end_char)
                      for e in ents if e.start >= sent.start and e.end <= sent.end],
        )
        index += 1
