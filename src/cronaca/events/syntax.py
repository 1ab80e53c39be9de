"""A language-neutral view of one parsed sentence for the event coder.

Italian parses use Universal Dependencies labels, English ones spaCy's ClearNLP labels; the
coder asks the same questions of both ("the subject", "the agent of a passive", "the phrase
introduced by 'con'/'with'"), and this module answers them in one vocabulary of slots:
``nsubj``, ``nsubj:pass``, ``agent``, ``obj``, ``iobj``, ``obl:<preposition>``,
``nmod:<preposition>``, ``amod``, ``poss``.
"""

from __future__ import annotations

from dataclasses import dataclass

from cronaca.model import Sentence, Token

SUBJECT = {"nsubj", "csubj", "expl:impers"}
PASSIVE_SUBJECT = {"nsubj:pass", "nsubjpass", "csubjpass", "csubj:pass"}
PASSIVE_AUX = {"aux:pass", "auxpass"}
OBJECT = {"obj", "dobj"}
INDIRECT = {"iobj", "dative"}
CLAUSE = {"ccomp", "xcomp", "advcl", "parataxis", "acl", "acl:relcl", "relcl", "csubj",
          "conj"}
NOMINAL_HEAD_POS = {"NOUN", "PROPN", "PRON", "NUM", "X", "ADJ"}


@dataclass
class Graph:
    sentence: Sentence
    tokens: list[Token]
    index: dict[int, int]                 # article token index -> position in the sentence
    children: list[list[int]]
    # intransitive verbs whose perfect with "essere" a parser may label passive ("è volata")
    never_passive: frozenset[str] = frozenset()

    @classmethod
    def of(cls, sentence: Sentence, never_passive: frozenset[str] = frozenset()) -> "Graph":
        tokens = sentence.tokens
        index = {t.i: n for n, t in enumerate(tokens)}
        children: list[list[int]] = [[] for _ in tokens]
        for n, t in enumerate(tokens):
            h = index.get(t.head)
            if h is not None and h != n:
                children[h].append(n)
        return cls(sentence, tokens, index, children, never_passive)

    # ------------------------------------------------------------------ navigation

    def head(self, n: int) -> int | None:
        h = self.index.get(self.tokens[n].head)
        return None if h is None or h == n else h

    def dep(self, n: int) -> str:
        return self.tokens[n].dep.lower()

    def lemma(self, n: int) -> str:
        return self.tokens[n].lemma.lower()

    def kids(self, n: int, *deps: str) -> list[int]:
        return [c for c in self.children[n] if not deps or self.dep(c) in deps]

    def subtree(self, n: int, stop: set[str] | None = None) -> list[int]:
        """``n`` and its descendants, not entering clauses (or the given relations)."""
        stop = CLAUSE if stop is None else stop
        out, todo = [], [n]
        while todo:
            m = todo.pop()
            out.append(m)
            todo.extend(c for c in self.children[m] if self.dep(c) not in stop)
        return sorted(out)

    def morph(self, n: int, feature: str) -> str | None:
        for part in (self.tokens[n].morph or "").split("|"):
            name, _, value = part.partition("=")
            if name == feature:
                return value
        return None

    def preposition(self, n: int) -> str | None:
        """The preposition introducing nominal ``n`` (Italian "del" -> "di")."""
        for c in self.kids(n, "case"):
            words = self.lemma(c).split()
            return words[0] if words else None
        return None

    def passive(self, n: int) -> bool:
        """A passive predicate; not a pronominal one ("le truppe si sono ritirate", which a
        parser may still label with aux:pass) unless its subject is marked passive."""
        kids = self.children[n]
        if self.lemma(n) in self.never_passive:
            return False
        if any(self.dep(c) in PASSIVE_SUBJECT for c in kids):
            return True
        pronominal = any(self.tokens[c].text.lower() in ("si", "s'") and self.dep(c).startswith("expl")
                         for c in kids)
        return not pronominal and any(self.dep(c) in PASSIVE_AUX for c in kids)

    # ------------------------------------------------------------------ argument slots

    def slots(self, n: int) -> list[tuple[str, int]]:
        """(slot, nominal) pairs of predicate ``n``, in sentence order."""
        out = []
        for c in self.children[n]:
            d = self.dep(c)
            if d in SUBJECT:
                out.append(("nsubj", c))
            elif d in PASSIVE_SUBJECT:
                out.append(("nsubj" if self.lemma(n) in self.never_passive else "nsubj:pass", c))
            elif d in OBJECT:
                out.append(("obj", c))
            elif d in INDIRECT and self.tokens[c].pos == "ADP":       # English "to X" as dative
                out += [(f"obl:{self.lemma(c)}", p) for p in self.kids(c, "pobj")]
            elif d in INDIRECT:
                out.append(("iobj", c))
            elif d == "obl:agent":
                out.append(("agent", c))
            elif d == "agent":                                   # English "by X"
                out += [("agent", p) for p in self.kids(c, "pobj")]
            elif d in ("obl", "nmod", "obl:loc", "obl:mod"):
                prep = self.preposition(c)
                kind = "nmod" if d == "nmod" else "obl"
                out.append((f"{kind}:{prep}" if prep else kind, c))
            elif d == "prep":                                    # English "with X"
                kind = "nmod" if self.tokens[n].pos in ("NOUN", "PROPN") else "obl"
                out += [(f"{kind}:{self.lemma(c)}", p) for p in self.kids(c, "pobj")]
            elif d in ("amod", "nmod:poss", "poss", "det:poss", "compound", "nummod", "appos",
                       "flat:name", "flat"):
                out.append((d if d != "nmod:poss" else "poss", c))
        return out

    def conjuncts(self, n: int) -> list[int]:
        """``n`` and the nominals coordinated with it ("X e Y", "X, Y and Z")."""
        out = [n]
        for c in self.kids(n, "conj"):
            if self.tokens[c].pos in NOMINAL_HEAD_POS:
                out += self.conjuncts(c)
        return out

    def text(self, positions: list[int]) -> tuple[str, int, int]:
        """Source text and article offsets covering ``positions``."""
        first, last = self.tokens[min(positions)], self.tokens[max(positions)]
        s = self.sentence
        return s.text[first.start - s.start:last.end - s.start], first.start, last.end
