"""Direct quotations and who said them.

A quotation is text between quotation marks (« », “ ”, " ") of at least three words.  Its
speaker is the subject of a reporting verb outside the quotation in the same sentence
("«...», ha detto il ministro"), or in the sentence before when that one introduces it
("Il ministro ha detto:").
"""

from __future__ import annotations

import re

from cronaca.actors.resolve import Context, resolve
from cronaca.events.lexicon import modality
from cronaca.events.syntax import Graph, grammar
from cronaca.model import Actor, Article, Quote

_QUOTED = re.compile(r"«([^«»]+)»|“([^“”]+)”|\"([^\"]+)\"")
MIN_WORDS = 3


def _speaker(g: Graph, outside: set[int], ctx: Context) -> Actor | None:
    mod = modality(ctx.lang)
    if mod is None:
        return None
    for n in sorted(outside):
        if g.lemma(n) in mod.reporting_verbs and g.tokens[n].pos in ("VERB", "AUX"):
            subject = [c for c in g.children[n] if g.dep(c) in ("nsubj", "nsubj:pass")]
            for head in subject:
                actor = resolve(g, head, ctx)
                if actor is not None:
                    return actor
                text, start, end = g.text(g.subtree(head))
                return Actor(text, start, end, None, None, None, None, "unresolved speaker")
    return None


def find_quotes(article: Article, ctx: Context) -> list[Quote]:
    quotes: list[Quote] = []
    previous: Graph | None = None
    for index, sentence in enumerate(article.sentences):
        g = Graph.of(sentence, grammar(article.language or ""))
        ctx.entities = sentence.entities
        for m in _QUOTED.finditer(sentence.text):
            inner = next(x for x in m.groups() if x is not None)
            if len(inner.split()) < MIN_WORDS:
                continue
            start = sentence.start + m.start() + 1
            end = sentence.start + m.end() - 1
            outside = {n for n, t in enumerate(g.tokens) if t.end <= start or t.start >= end}
            speaker = _speaker(g, outside, ctx)
            if speaker is None and previous is not None and m.start() == 0 \
                    and previous.sentence.text.rstrip().endswith(":"):
                ctx.entities = previous.sentence.entities
                speaker = _speaker(previous, set(range(len(previous.tokens))), ctx)
                ctx.entities = sentence.entities
            quotes.append(Quote(inner, start, end, speaker, index))
        previous = g
    return quotes
