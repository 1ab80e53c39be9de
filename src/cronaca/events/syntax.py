"""A language-neutral view of one parsed sentence for the event coder.

Italian parses use Universal Dependencies labels, English ones spaCy's ClearNLP labels; the
coder asks the same questions of both ("the subject", "the agent of a passive", "the phrase
introduced by 'con'/'with'"), and this module answers them in one vocabulary of slots:
``nsubj``, ``nsubj:pass``, ``agent``, ``obj``, ``iobj``, ``obl:<preposition>``,
``nmod:<preposition>``, ``amod``, ``poss``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache

from cronaca.lang import has_resource, resource
from cronaca.model import Sentence, Token

SUBJECT = {"nsubj", "csubj", "expl:impers"}
PASSIVE_SUBJECT = {"nsubj:pass", "nsubjpass", "csubjpass", "csubj:pass"}
NAME_LABELS = {"PER", "PERSON"}     # the entity labels of people's names
PLACE_LABELS = {"LOC", "GPE"}       # the entity labels of places
QUOTE_MARKS = {"«", "»", '"', "“", "”", "„", "‹", "›"}
PASSIVE_AUX = {"aux:pass", "auxpass"}
OBJECT = {"obj", "dobj"}
INDIRECT = {"iobj", "dative"}
CLAUSE = {"ccomp", "xcomp", "advcl", "parataxis", "acl", "acl:relcl", "relcl", "csubj",
          "conj"}
NOMINAL_HEAD_POS = {"NOUN", "PROPN", "PRON", "NUM", "X", "ADJ"}
OBLIQUE = {"obl", "nmod", "obl:loc", "obl:mod", "obl:arg"}


@dataclass(frozen=True)
class Grammar:
    """What the coder must know of a language's syntax beyond the parse: ``lang/<code>/grammar.yaml``
    (docs/KNOWLEDGE.md, "Grammar").  Prepositions keep their own words in slot names
    ("obl:a", "obl:à"); ``roles`` maps each to the English preposition of the same role, so the
    coder asks one question of every language ("the owner": nmod:of, "the aim": nmod:against)."""

    pro_drop: bool = False                       # "Ha incontrato Xi": the subject is dropped
    target_slots: tuple[str, ...] = ("obj", "iobj")   # where a target is when an entry says not
    roles: dict[str, str] = field(default_factory=dict)         # preposition -> English role
    contractions: dict[str, str] = field(default_factory=dict)  # "au" -> "à", "del" -> "de"
    relative_pronouns: frozenset[str] = frozenset()
    perfect_auxiliaries: frozenset[str] = frozenset()    # "ha espulso": avere
    correlative_negation: frozenset[str] = frozenset()   # "né X né Y"
    future_auxiliaries: frozenset[str] = frozenset()     # "will meet"
    conditional_auxiliaries: frozenset[str] = frozenset()   # "would meet"
    location_prepositions: frozenset[str] = frozenset()     # "a Pechino", "in Beijing"
    quantity_nouns: frozenset[str] = frozenset()   # "decine di manifestanti": the actor is inside
    border_nouns: frozenset[str] = frozenset()     # "al confine con l'Ucraina": that state faces it
    passive_auxiliaries: frozenset[str] = frozenset()   # "fueron detenidos": ser + participle,
    #                                          where the parser labels no passive
    reportive_conditional: bool = False   # "avrebbe bombardato", "habría atacado": alleged, not
    #                                       hypothetical (unless a condition clause hangs on it)
    lemma_clitics: frozenset[str] = frozenset()   # "reunirse" lemmatised "reunir él"
    never_passive: frozenset[str] = frozenset()   # from modality.yaml: "è volata" is active
    person_nouns: frozenset[str] = frozenset()    # "giflé par un homme": somebody, unnamed
    large_number_words: frozenset[str] = frozenset()   # "centinaia di civili": many
    carrier_nouns: frozenset[str] = frozenset()   # "mediation effort": the compound's head
    document_nouns: frozenset[str] = frozenset()  # "a resolution condemning X": its author acts
    after_markers: frozenset[str] = frozenset()   # "five years after X": X that long before
    water_nouns: frozenset[str] = frozenset()     # "the Sea of Japan" is neither Japan nor a side
    stance_prefixes: frozenset[str] = frozenset()   # "an anti-Syria journalist": not Syria's
    ownership_participles: frozenset[str] = frozenset()   # "a British-owned ship": Britain's
    weapon_nouns: frozenset[str] = frozenset()    # "a roadside bomb killed": unnamed attackers
    locality_nouns: frozenset[str] = frozenset()  # "la vereda Buenos Aires": a hamlet's own name
    ethnic_words: frozenset[str] = frozenset()    # "ethnic Albanians": a people, not a state
    place_nouns: frozenset[str] = frozenset()     # "città iraniane": places in that state
    purpose_markers: frozenset[str] = frozenset()   # "per incontrare": the aim of a verb
    survival_verbs: frozenset[str] = frozenset()    # "survived an attack": its subject the target
    object_control_verbs: frozenset[str] = frozenset()   # "urged X to stop": X stops
    pitting_verbs: frozenset[str] = frozenset()   # "des combats ont opposé X à Y": the sides
    simultaneity_markers: frozenset[str] = frozenset()   # "quando": one time for both clauses
    time_prepositions: frozenset[str] = frozenset()   # "dopo i raid": a time, not the act's thing
    participle_endings: dict[str, str] = field(default_factory=dict)   # "é" -> "er": "expulsé"
    present_endings: dict[str, tuple[str, ...]] = field(default_factory=dict)   # "a" -> "are"

    def role(self, slot: str) -> str:
        """A slot in English roles: Italian "nmod:di" -> "nmod:of"; others unchanged."""
        kind, _, prep = slot.partition(":")
        return f"{kind}:{self.roles.get(prep, prep)}" if prep and kind in ("obl", "nmod") \
            else slot


@cache
def grammar(lang: str) -> Grammar:
    """The language's grammar file; a language without one gets the neutral defaults."""
    from cronaca.events.lexicon import modality

    data = (resource(lang, "grammar.yaml") or {}) if has_resource(lang, "grammar.yaml") else {}
    mod = modality(lang)

    def words(name):
        return frozenset(str(w).lower() for w in data.get(name) or ())

    return Grammar(
        pro_drop=bool(data.get("pro_drop", False)),
        target_slots=tuple(data.get("target_slots") or Grammar.target_slots),
        roles={str(k).lower(): str(v).lower() for k, v in (data.get("roles") or {}).items()},
        contractions={str(k).lower(): str(v).lower()
                      for k, v in (data.get("contractions") or {}).items()},
        relative_pronouns=words("relative_pronouns"),
        perfect_auxiliaries=words("perfect_auxiliaries"),
        correlative_negation=words("correlative_negation"),
        future_auxiliaries=words("future_auxiliaries"),
        conditional_auxiliaries=words("conditional_auxiliaries"),
        location_prepositions=words("location_prepositions"),
        quantity_nouns=words("quantity_nouns"),
        border_nouns=words("border_nouns"),
        passive_auxiliaries=words("passive_auxiliaries"),
        reportive_conditional=bool(data.get("reportive_conditional", False)),
        lemma_clitics=words("lemma_clitics"),
        person_nouns=words("person_nouns"),
        large_number_words=words("large_number_words"),
        carrier_nouns=words("carrier_nouns"),
        document_nouns=words("document_nouns"),
        after_markers=words("after_markers"),
        water_nouns=words("water_nouns"),
        stance_prefixes=words("stance_prefixes"),
        ownership_participles=words("ownership_participles"),
        weapon_nouns=words("weapon_nouns"),
        locality_nouns=words("locality_nouns"),
        ethnic_words=words("ethnic_words"),
        place_nouns=words("place_nouns"),
        purpose_markers=words("purpose_markers"),
        survival_verbs=words("survival_verbs"),
        object_control_verbs=words("object_control_verbs"),
        pitting_verbs=words("pitting_verbs"),
        simultaneity_markers=words("simultaneity_markers"),
        time_prepositions=words("time_prepositions"),
        participle_endings={str(k).lower(): str(v).lower()
                            for k, v in (data.get("participle_endings") or {}).items()},
        present_endings={str(k).lower(): tuple(str(x).lower() for x in v)
                         for k, v in (data.get("present_endings") or {}).items()},
        never_passive=mod.never_passive if mod else frozenset())


NEUTRAL = Grammar()


@dataclass
class Graph:
    sentence: Sentence
    tokens: list[Token]
    index: dict[int, int]                 # article token index -> position in the sentence
    children: list[list[int]]
    grammar: Grammar = NEUTRAL

    @classmethod
    def of(cls, sentence: Sentence, grammar: Grammar = NEUTRAL) -> "Graph":
        tokens = sentence.tokens
        index = {t.i: n for n, t in enumerate(tokens)}
        children: list[list[int]] = [[] for _ in tokens]
        for n, t in enumerate(tokens):
            h = index.get(t.head)
            if h is not None and h != n:
                children[h].append(n)
        return cls(sentence, tokens, index, children, grammar)

    # ------------------------------------------------------------------ navigation

    def head(self, n: int) -> int | None:
        h = self.index.get(self.tokens[n].head)
        return None if h is None or h == n else h

    def dep(self, n: int) -> str:
        return self.tokens[n].dep.lower()

    def lemma(self, n: int) -> str:
        lemma = self.tokens[n].lemma.lower()
        if self.grammar.lemma_clitics and " " in lemma:      # "reunir él" -> "reunir"
            words = lemma.split()
            while len(words) > 1 and words[-1] in self.grammar.lemma_clitics:
                words.pop()
            lemma = " ".join(words)
        return lemma

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
        """The preposition introducing nominal ``n`` (Italian "del" -> "di", French "au" ->
        "à"); a fixed multi-word one as written ("en contra de", "por parte de")."""
        for c in self.kids(n, "case"):
            fixed = self.kids(c, "fixed")
            if fixed:                  # as written, or with its last word a contraction
                words = [self.tokens[m].text.lower() for m in [c, *fixed]]  # ("della")
                joined = " ".join(words).replace("' ", "'")
                last = self.lemma(fixed[-1]).split()
                alt = " ".join([*words[:-1], last[0]]) if len(last) > 1 else joined
                return alt if alt in self.grammar.roles and joined not in self.grammar.roles \
                    else joined
            word = self.tokens[c].text.lower()
            if word in self.grammar.contractions:    # "des" lemmatised as the article "un"
                return self.grammar.contractions[word]
            words = self.lemma(c).split()
            return self.grammar.contractions.get(words[0], words[0]) if words else None
        if self.dep(n) == "nmod":          # "le retrait des troupes": "des" tagged as an article
            for c in self.kids(n, "det"):
                word = self.tokens[c].text.lower()
                if word in self.grammar.contractions:
                    return self.grammar.contractions[word]
        return None

    def governing_verb(self, n: int) -> int | None:
        """The verb whose clause holds nominal ``n`` ("thanks to the mediation": "to",
        "thanks", then the verb); for a verb, the verb of the clause it hangs on."""
        node = self.head(n)
        for _ in range(4):
            if node is None or self.tokens[node].pos in ("VERB", "AUX"):
                return node
            node = self.head(node)
        return None

    def water(self, n: int) -> bool:
        """A sea, gulf or strait ("Sea of Japan", "Mar del Giappone", "South China Sea"): named
        after a state, it is neither a place in it nor a side."""
        return self.tokens[n].pos in ("NOUN", "PROPN") and (
            self.lemma(n).lower() in self.grammar.water_nouns or
            self.tokens[n].text.lower() in self.grammar.water_nouns)

    def stance(self, n: int) -> bool:
        """A name or adjective joined by a hyphen to a stance prefix ("anti-Syria",
        "pro-Russian", "filo-russi"): it says what the actor is for or against, not whose it is."""
        toks, prefixes = self.tokens, self.grammar.stance_prefixes
        return n >= 2 and toks[n - 1].text in ("-", "‐", "–") and \
            toks[n - 2].text.lower() in prefixes and toks[n - 1].start == toks[n - 2].end

    def role(self, slot: str) -> str:
        return self.grammar.role(slot)

    @property
    def never_passive(self) -> frozenset[str]:
        """Intransitive verbs whose perfect with "essere"/"être" a parser may label passive."""
        return self.grammar.never_passive

    def passive(self, n: int) -> bool:
        """A passive predicate; not a pronominal one ("le truppe si sono ritirate", which a
        parser may still label with aux:pass) unless its subject is marked passive."""
        kids = self.children[n]
        if self.lemma(n) in self.never_passive:
            return False
        pronominal = self.pronominal(n)
        if pronominal and self.morph(n, "VerbForm") == "Part" and \
                not any(self.dep(c) in PASSIVE_AUX for c in kids):
            return False               # "si sono ritirate da Avdiivka": "da" is no agent
        if any(self.dep(c) in PASSIVE_SUBJECT for c in kids):
            return True
        if self.grammar.passive_auxiliaries and self.morph(n, "VerbForm") == "Part" and \
                any(self.dep(c) in ("aux", "cop") and self.lemma(c) in self.grammar.passive_auxiliaries
                    for c in kids):
            return True                                  # "fueron detenidos por la policía"
        return not pronominal and any(self.dep(c) in PASSIVE_AUX for c in kids)

    def pronominal(self, n: int) -> bool:
        """A verb with a reflexive "si"/"se" ("si sono ritirate", "se reunieron")."""
        return any(self.tokens[c].text.lower() in ("si", "s'", "se") and
                   self.dep(c).startswith("expl") for c in self.children[n])

    # ------------------------------------------------------------------ argument slots

    def slots(self, n: int) -> list[tuple[str, int]]:
        """(slot, nominal) pairs of predicate ``n``, in sentence order."""
        out = []
        for c in self.children[n]:
            d = self.dep(c)
            if d in SUBJECT:
                out.append(("nsubj", c))
            elif d in PASSIVE_SUBJECT:
                out.append(("nsubj:pass" if self.passive(n) else "nsubj", c))
            elif d in OBJECT and self.morph(c, "Reflex") == "Yes":
                continue                                   # Spanish "se" is no argument
            elif d in OBJECT:
                prep = self.preposition(c)
                if prep is None:
                    out.append(("obj", c))
                elif self.role(f"obl:{prep}") == "obl:by":             # "por la policía"
                    out.append(("agent" if self.passive(n) else f"obl:{prep}", c))
                elif self.role(f"obl:{prep}") == "obl:to":     # Spanish "pidió a España":
                    out += [("obj", c), (f"obl:{prep}", c)]   # the parser's obj, a dative too
                else:                          # "deportó en aviones militares": no object
                    out.append((f"obl:{prep}", c))
            elif d in INDIRECT and self.tokens[c].pos == "ADP":       # English "to X" as dative
                out += [(f"obl:{self.lemma(c)}", p) for p in self.kids(c, "pobj")]
            elif d in INDIRECT and self.morph(c, "Reflex") == "Yes":
                continue
            elif d in INDIRECT:
                out.append(("iobj", c))
            elif d == "obl:agent" and self.tokens[n].pos in ("VERB", "AUX") and \
                    not self.passive(n) and (self.pronominal(n) or self.kids(n, "aux") or
                                             self.morph(n, "VerbForm") != "Part"):
                # an active verb's "da" phrase: "si sono ritirate da", "ha preteso dalla Nato"
                # (a bare participle's is its agent: "il piano presentato dall'Ue")
                out.append((f"obl:{self.preposition(c) or 'da'}", c))
            elif d == "obl:agent":
                out.append(("agent", c))
            elif d == "agent":                                   # English "by X"
                out += [("agent", p) for p in self.kids(c, "pobj")]
            elif d in OBLIQUE:
                prep = self.preposition(c)
                kind = "nmod" if d == "nmod" else "obl"
                out.append((f"{kind}:{prep}" if prep else kind, c))
            elif d == "prep":                                    # English "with X"
                kind = "nmod" if self.tokens[n].pos in ("NOUN", "PROPN") else "obl"
                out += [(f"{kind}:{self.lemma(c)}", p) for p in self.kids(c, "pobj")]
            elif d in ("amod", "nmod:poss", "poss", "det:poss", "compound", "nummod", "appos",
                       "flat:name", "flat"):
                out.append((d if d != "nmod:poss" else "poss", c))
        if self.tokens[n].pos in ("NOUN", "PROPN"):   # "retrait immédiat de la Cédéao", "asilo
            out += [(s.replace("obl:", "nmod:"), x)    # politico al candidato": the parser
                    for a in self.kids(n, "amod")       # hangs the noun's complement on its
                    if a > n and self.tokens[a].pos == "ADJ"    # adjective
                    for s, x in self.slots(a) if s.startswith(("obl:", "nmod:")) and x > a]
        return out

    def conjuncts(self, n: int) -> list[int]:
        """``n`` and the nominals coordinated with it ("X e Y", "X, Y and Z"); a conjunct that
        the parser hung on the last word of a name counts too ("Vladimir Poutine et Volodymyr
        Zelensky" with "Volodymyr" under "Poutine")."""
        out = [n]
        inner = [c for f in self.kids(n, "flat:name", "flat") for c in self.kids(f, "conj")]
        bare = not self.kids(n, "case")
        for c in self.kids(n, "conj") + inner:
            if self.tokens[c].pos in NOMINAL_HEAD_POS and not (bare and self.kids(c, "case")):
                out += self.conjuncts(c)  # a phrase with a preposition is no conjunct of one
        #                                   without ("una dichiarazione ..., alla presenza di")
        return out

    def text(self, positions: list[int]) -> tuple[str, int, int]:
        """Source text and article offsets covering ``positions``."""
        first, last = self.tokens[min(positions)], self.tokens[max(positions)]
        s = self.sentence
        return s.text[first.start - s.start:last.end - s.start], first.start, last.end


REPAIRED_DEPS = {"root", "advcl", "acl", "parataxis", "dep", "punct", "nsubj", "obj", "ccomp",
                 "xcomp", "aux", "compound", "flat"}
NOMINAL_DEPS = {"nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:agent", "nmod", "appos"}


def repair(sentence: Sentence, rules: Grammar, adjectives, verbs=frozenset()) -> Sentence:
    """Every repair below, in the order the coder needs them: punctuation and words the
    tagger got wrong first (quotation marks, places read as verbs, missed participles and
    present tenses), then the attachments that depend on them (nationality adjectives, names,
    subjects).  ``verbs``: the verbs the coder knows (for the present tenses)."""
    fixed = repair_perfects(repair_place_verbs(repair_quote_marks(sentence)), rules)
    fixed = repair_number_limits(repair_compound_prepositions(fixed, rules))
    fixed = repair_present_verbs(fixed, rules, verbs)
    fixed = repair_verb_modifiers(fixed)
    return repair_subjects(repair_names(repair_adjectives(fixed, adjectives)))


def _dependents(toks: list[Token]) -> dict[int, list[Token]]:
    """Each token's dependents, by the head's token index."""
    kids: dict[int, list[Token]] = {}
    for t in toks:
        if t.head != t.i:
            kids.setdefault(t.head, []).append(t)
    return kids


def _patched(sentence: Sentence, fixed: dict[int, Token]) -> Sentence:
    """``sentence`` with the tokens in ``fixed`` (by token index) replaced; itself if none."""
    if not fixed:
        return sentence
    return Sentence(sentence.index, sentence.text, sentence.start, sentence.end,
                    [fixed.get(t.i, t) for t in sentence.tokens], sentence.entities)


def repair_verb_modifiers(sentence: Sentence) -> Sentence:
    """Make an adjective the parser hung on a verb as its modifier the verb's object.

    "Il governo tedesco ha espulso due diplomatici russi": the Italian parser can tag
    "diplomatici" as an adjective and attach it to "espulso" as ``amod``, which only nominals
    take, so the expulsion has no one expelled.  An ``amod`` of a verb, after it, on a verb with
    no object of its own, becomes that verb's ``obj``, a noun; a participle the parser then
    joined to the verb as a second verb, with no conjunction, auxiliary or subject of its own
    ("accusati di spionaggio"), modifies that object (``acl``).
    """
    toks = sentence.tokens
    by_i = {t.i: t for t in toks}
    kids = _dependents(toks)
    fixed: dict[int, Token] = {}
    for t in toks:
        head = by_i.get(t.head)
        if t.dep.lower() != "amod" or t.pos != "ADJ" or head is None or head.i == t.i or \
                head.pos != "VERB" or t.i < head.i or t.i in fixed or \
                any(k.dep.lower() in OBJECT for k in kids.get(head.i, [])):
            continue
        fixed[t.i] = replace(t, dep="obj", pos="NOUN")
    for t in toks:                    # "... due diplomatici russi accusati di spionaggio": the
        obj = next((k for k in kids.get(t.head, []) if k.i in fixed), None)   # participle after
        if obj is None or t.dep.lower() != "conj" or t.pos != "VERB" or \
                "VerbForm=Part" not in t.morph or t.i < obj.i or any(   # the object the parser
                    k.dep.lower() in ("cc", "aux", "aux:pass", "nsubj", "nsubj:pass") and
                    k.pos != "ADJ" for k in kids.get(t.i, [])):          # to the verb is the
            continue                                                     # object's clause
        fixed[t.i] = replace(t, head=obj.i, dep="acl")
    return _patched(sentence, fixed)


def repair_adjectives(sentence: Sentence, adjectives) -> Sentence:
    """Put back nationality adjectives that the parser took for verbs or clause heads.

    "Il presidente iraniano Masoud Pezeshkian ha respinto ...": the Italian parser can make
    "iraniano" a verb, even the root, with "presidente" its subject and the verb a clause under
    it.  An adjective in ``adjectives`` (a lower-case word right after a noun, or after another
    adjective of one: "pirates informatiques prorusse") parsed so becomes an ``amod`` of that
    noun again: a name right after it joins the noun's phrase, its other
    dependants move to its old head, and a root's place goes to its first verb dependant.
    """
    toks = sentence.tokens
    fixed = {t.i: t for t in toks}
    changed = False
    for n in range(1, len(toks)):
        d, prev = fixed[toks[n].i], fixed[toks[n - 1].i]
        if not d.text[:1].islower() or d.text.lower() not in adjectives or not (
                prev.pos in ("NOUN", "PROPN") or
                prev.pos == "ADJ" and prev.dep.lower() in NOMINAL_DEPS or   # "diplomatici" ADJ
                prev.pos == "ADJ" and prev.dep.lower() == "amod" and prev.head < prev.i):
            continue
        if prev.pos == "ADJ" and prev.dep.lower() == "amod":    # "pirates informatiques
            prev = fixed[prev.head]                             # prorusse": the noun's
        dep = d.dep.lower()
        if dep in ("amod", "conj") and d.pos != "VERB" or \
                dep not in REPAIRED_DEPS and d.pos not in ("VERB", "AUX"):
            continue
        root = d.head == d.i or dep == "root"
        kids = [t for t in fixed.values() if t.head == d.i and t.i != d.i]
        if root:
            verbs = [t for t in kids if t.pos in ("VERB", "AUX") and
                     t.dep.lower().split(":")[0] in ("advcl", "conj", "ccomp", "parataxis",
                                                     "xcomp", "acl", "csubj")]
            if not verbs:
                continue
            new_head, new_dep = verbs[0].i, "ROOT"
            fixed[new_head] = replace(fixed[new_head], head=new_head, dep="ROOT")
        else:
            new_head, new_dep = d.head, d.dep
        phrase = prev.i
        while fixed[phrase].head not in (phrase, d.i) and fixed[phrase].head < d.i and \
                fixed[phrase].dep.lower().split(":")[0] in ("nmod", "flat", "compound"):
            phrase = fixed[phrase].head          # "il ministro della Difesa israeliano"
        nxt = toks[n + 1] if n + 1 < len(toks) else None
        for t in kids:
            if t.i == new_head:
                continue
            if t.i == phrase and not root and dep in NOMINAL_DEPS:
                fixed[t.i] = replace(t, head=new_head, dep=new_dep)
            elif t.dep.lower().split(":")[0] in ("obl", "nmod") and d.i < t.i < new_head:
                fixed[t.i] = replace(t, head=phrase, dep="nmod")   # "il raid israeliano su
                #                                    un campo ... è stato condannato": the raid's
            elif t.i != (nxt.i if nxt else None):
                fixed[t.i] = replace(t, head=new_head)
        if nxt is not None and nxt.pos == "PROPN" and fixed[nxt.i].head != phrase:
            fixed[nxt.i] = replace(fixed[nxt.i], head=phrase, dep="nmod")   # the name
        fixed[d.i] = replace(d, head=prev.i, dep="amod", pos="ADJ", lemma=d.text.lower())
        changed = True
    if not changed:
        return sentence
    return Sentence(sentence.index, sentence.text, sentence.start, sentence.end,
                    [fixed[t.i] for t in toks], sentence.entities)


def repair_names(sentence: Sentence) -> Sentence:
    """Keep a person's name whole where the parser split it.

    "Putin e Kim Jong Un hanno firmato ...": the Italian parser reads "Un" as an article and the
    verb's object, and leaves "Putin" a bare ``dep``.  A capitalised word inside a person entity,
    right after a name word of that entity, that the parser hung elsewhere becomes a
    ``flat:name`` of the name's head again, its dependants moving to its old head; a verb left
    without a subject gets back as ``nsubj`` a name right before it (no punctuation between: a
    dateline "ROMA, 3 giugno" is none) that the parser attached as ``dep``, ``advmod`` or
    ``parataxis`` ("Putin si è detto pronto a negoziare": "Putin" an adverb of "detto").
    """
    toks = sentence.tokens
    fixed = {}
    for n in range(1, len(toks)):
        t, prev = toks[n], toks[n - 1]
        if prev.pos != "PROPN" or t.head in (prev.i, prev.head) and t.dep.lower().startswith(
                ("flat", "compound")) or t.dep.lower() in ("punct", "cc", "case") or \
                prev.head == t.i or not t.text[:1].isupper() or t.pos in ("VERB", "AUX"):
            continue                  # (an entity may run over the verb: "Daniel Ortega confiscó")
        if not any(e.label in NAME_LABELS and e.start <= prev.start and t.end <= e.end
                   for e in sentence.entities):
            continue
        name = prev.head if prev.dep.lower().startswith("flat") else prev.i
        fixed[t.i] = replace(t, head=name, dep="flat:name", pos="PROPN")
        for k in toks:
            if k.head == t.i and k.i != t.i:
                fixed[k.i] = replace(fixed.get(k.i, k), head=t.head)
    changed = bool(fixed)
    toks = [fixed.get(t.i, t) for t in toks]
    verbs = {t.i for t in toks if t.pos in ("VERB", "AUX")}
    for t in toks:                    # "Putin si è detto pronto": "Putin" an advmod of "detto"
        if t.dep.lower() in ("dep", "advmod", "parataxis") and t.pos == "PROPN" and \
                t.head in verbs and t.i < t.head and \
                not any(k.head == t.i and k.dep.lower() == "case" for k in toks) and \
                not any(t.i < k.i < t.head and k.pos == "PUNCT" for k in toks) \
                and not any(k.head == t.head and k.dep.lower() in (*SUBJECT, *PASSIVE_SUBJECT)
                            for k in toks):
            toks = [replace(k, dep="nsubj") if k.i == t.i else k for k in toks]
            changed = True
    if not changed:
        return sentence
    return Sentence(sentence.index, sentence.text, sentence.start, sentence.end, toks,
                    sentence.entities)


def repair_compound_prepositions(sentence: Sentence, rules: Grammar) -> Sentence:
    """Join a preposition of three words that the parser split ("nei confronti di", "por parte
    de", from the grammar's ``roles``) into one, as the parser does when it reads it right.

    "un mandato di arresto nei confronti di Netanyahu": the small model makes "confronti" a
    noun that "Netanyahu" hangs on, so the warrant has no target.  The phrase's object takes
    the middle noun's place, with the first word as its ``case`` and the others ``fixed`` on
    that word.
    """
    toks = sentence.tokens
    if len(toks) < 4:
        return sentence
    words = [{t.text.lower(), (t.lemma.split() or [""])[0].lower()} for t in toks]
    fixed: dict[int, Token] = {}
    for phrase in (p.split() for p in rules.roles if len(p.split()) == 3):
        for k in range(len(toks) - 3):     # the last word may be contracted ("della")
            if not all(w in forms for w, forms in zip(phrase, words[k:k + 3])):
                continue
            first, middle, last = toks[k:k + 3]
            inner = [t for t in toks[k + 3:] if t.head == middle.i and t.i != middle.i and
                     last.head == t.i and t.pos in ("NOUN", "PROPN", "PRON")]
            if not inner or first.head != middle.i or middle.head == middle.i:
                continue
            obj = inner[0]
            fixed[obj.i] = replace(obj, head=middle.head, dep=middle.dep)
            fixed[first.i] = replace(first, head=obj.i, dep="case")
            fixed[middle.i] = replace(middle, head=first.i, dep="fixed", pos="ADP")
            fixed[last.i] = replace(last, head=first.i, dep="fixed")
            for t in toks:                 # the middle noun's other dependents go to the object
                if t.head == middle.i and t.i not in fixed and t.i != middle.i:
                    fixed[t.i] = replace(t, head=obj.i)
    return _patched(sentence, fixed)


def repair_number_limits(sentence: Sentence) -> Sentence:
    """Make the counted object of "up to" the verb's object again.

    "Afghan rebels have kidnapped up to 16 Russian civilian advisers": the English parser reads
    "up" as the verb's particle and "to" as a preposition, so the advisers are an oblique and
    the kidnapping has no victim.  A noun with a number of its own right after a preposition
    that follows the verb's particle becomes the verb's ``dobj`` when the verb has none; the
    particle and the preposition become the number's modifiers.
    """
    toks = sentence.tokens
    by_i = {t.i: t for t in toks}
    kids = _dependents(toks)
    fixed: dict[int, Token] = {}
    for prt in toks:
        prep = by_i.get(prt.i + 1)
        if prt.dep.lower() != "prt" or prep is None or prep.dep.lower() != "prep" or \
                prep.head not in (prt.head, prt.i):
            continue
        verb = prt.head
        if any(k.dep.lower() in OBJECT for k in kids.get(verb, [])):
            continue
        noun = next((k for k in kids.get(prep.i, []) if k.dep.lower() == "pobj" and
                     k.pos in ("NOUN", "PROPN")), None)
        number = by_i.get(prep.i + 1)
        if noun is None or number is None or number.head != noun.i or \
                number.dep.lower() != "nummod":
            continue
        fixed[noun.i] = replace(noun, head=verb, dep="dobj")
        fixed[prt.i] = replace(prt, head=number.i, dep="quantmod")
        fixed[prep.i] = replace(prep, head=number.i, dep="quantmod")
    return _patched(sentence, fixed)


def repair_quote_marks(sentence: Sentence) -> Sentence:
    """Make a quotation mark that the parser read as a word punctuation again.

    "« L'Europe doit se réarmer », a déclaré le président français": the small French model
    tags the opening « as a noun or a verb, makes it the reporting verb's subject (or the
    root) and hangs the quoted clause on it, so the statement has no content and "déclaré" a
    false subject.  Such a mark becomes ``punct``; a verb hung on it becomes the reported
    clause (``ccomp``) of the mark's head, or the root when the mark was the root; its other
    dependents move to that verb, or to the mark's head.
    """
    toks = sentence.tokens
    fixed: dict[int, Token] = {}
    for t in toks:
        if t.text not in QUOTE_MARKS or t.pos == "PUNCT" and t.dep.lower() == "punct":
            continue
        kids = [k for k in toks if k.head == t.i and k.i != t.i]
        verbs = [k for k in kids if k.pos in ("VERB", "AUX")]
        root = t.head == t.i or t.dep.lower() == "root"
        if root and not verbs:
            continue
        if root:
            head = verbs[0].i
            fixed[head] = replace(verbs[0], head=head, dep="ROOT")
        else:
            head = t.head
            if verbs:
                fixed[verbs[0].i] = replace(verbs[0], head=head, dep="ccomp")
        fixed[t.i] = replace(t, pos="PUNCT", dep="punct", head=head, morph="")
        for k in kids:
            if k.i not in fixed:
                fixed[k.i] = replace(k, head=head)
    return _patched(sentence, fixed)


def repair_place_verbs(sentence: Sentence) -> Sentence:
    """Make a place name that the tagger took for a verb a name again.

    "Paris est prêt à reprendre avec Alger les discussions": the small French model reads
    "Alger" as a verb ("alger") introduced by "avec" as a subordinating ``mark``, with
    "discussions" its object, so the talks lose both their partner and their object.  A
    capitalised word inside a place entity, not the sentence's first, tagged as a verb and
    marked by a preposition becomes a name in an oblique of its head, the preposition its
    ``case``; its other dependents move to its head.
    """
    toks = sentence.tokens
    fixed: dict[int, Token] = {}
    for t in toks[1:]:
        if t.pos != "VERB" or not t.text[:1].isupper() or t.head == t.i or \
                not any(e.label in PLACE_LABELS and e.start <= t.start and t.end <= e.end
                        for e in sentence.entities):
            continue
        marks = [k for k in toks if k.head == t.i and k.dep.lower() == "mark" and k.pos == "ADP"]
        if not marks:
            continue
        fixed[t.i] = replace(t, pos="PROPN", dep="obl:arg", lemma=t.text, morph="")
        for k in toks:
            if k.head == t.i and k.i != t.i:
                fixed[k.i] = replace(k, dep="case") if k in marks else replace(k, head=t.head)
    return _patched(sentence, fixed)


def repair_perfects(sentence: Sentence, rules: Grammar) -> Sentence:
    """Make a past participle that the tagger missed the head of its perfect.

    "Ouagadougou a expulsé trois diplomates": the small French model takes "a" for the main
    verb and "expulsé" for an adverb hung on it, so no verb "expulser" is found.  A word right
    after a perfect auxiliary that heads the clause, hung on it, not tagged as a verb and ending
    as the grammar's regular participles end (``participle_endings``, each with the ending of
    its infinitive), becomes the clause's verb, with that infinitive as its lemma; the auxiliary
    becomes its ``aux:tense`` and the auxiliary's other dependents its own.
    """
    if not rules.participle_endings:
        return sentence
    toks = sentence.tokens
    by_i = {t.i: t for t in toks}
    fixed: dict[int, Token] = {}
    for aux in toks:
        part = by_i.get(aux.i + 1)
        if part is None or aux.lemma.lower() not in rules.perfect_auxiliaries or \
                aux.pos != "VERB" or part.head != aux.i or part.pos in ("VERB", "AUX") or \
                not part.text.lower().endswith(tuple(rules.participle_endings)) or \
                part.lemma.lower() in rules.perfect_auxiliaries:    # "a été"
            continue
        ending = max((e for e in rules.participle_endings if part.text.lower().endswith(e)),
                     key=len)
        lemma = part.text.lower()[:-len(ending)] + rules.participle_endings[ending]
        head, dep = (part.i, "ROOT") if aux.head == aux.i else (aux.head, aux.dep)
        fixed[part.i] = replace(part, head=head, dep=dep, pos="VERB", lemma=lemma,
                                morph="Tense=Past|VerbForm=Part")
        fixed[aux.i] = replace(aux, head=part.i, dep="aux:tense", pos="AUX")
        for t in toks:
            if t.head == aux.i and t.i not in (aux.i, part.i):
                fixed[t.i] = replace(fixed.get(t.i, t), head=part.i)
    return _patched(sentence, fixed)


def repair_present_verbs(sentence: Sentence, rules: Grammar, verbs) -> Sentence:
    """Make a present tense that the tagger took for a noun or an adjective the clause's verb.

    Headline style: "La gendarmerie française enquête sur les drones" ("enquête" a noun root
    with "gendarmerie" its subject), "La Cina condanna gli Stati Uniti", "Pékin accuse
    Washington d'ingérence" ("condanna", "accuse" hung on the name as modifiers, the name the
    root).  A noun or adjective that is the root with a subject before it, or that modifies the
    root name right before it, and whose form is the present of a verb in ``verbs``
    (``present_endings``: the ending of the third person and those of its infinitive) becomes
    that verb, the clause's root; the name becomes its subject, and what followed the word and
    hung on the name or on the word without a preposition, its object.
    """
    if not rules.present_endings or not verbs:
        return sentence
    toks = sentence.tokens
    by_i = {t.i: t for t in toks}
    kids = _dependents(toks)

    def verb_of(t: Token) -> str | None:
        word = t.text.lower()
        for ending, infinitives in rules.present_endings.items():
            if word.endswith(ending):
                for inf in infinitives:
                    if (lemma := word[:len(word) - len(ending)] + inf) in verbs:
                        return lemma
        return None

    fixed: dict[int, Token] = {}
    for t in toks:
        lemma = t.lemma.lower() if t.pos == "VERB" and t.dep == "amod" else \
            verb_of(t) if t.pos in ("NOUN", "ADJ") else None    # ("Moscou menace de": a verb
        if lemma not in verbs:                                   # hung on the name)
            continue
        mine = kids.get(t.i, [])
        name = by_i.get(t.i - 1)
        if t.pos != "VERB" and t.dep == "ROOT" and any(k.dep == "nsubj" and k.i < t.i for k in mine) and \
                not any(k.dep == "cop" for k in mine):
            fixed[t.i] = replace(t, pos="VERB", lemma=lemma,
                                 morph="Mood=Ind|Tense=Pres|VerbForm=Fin")
            for k in mine:                # "minaccia di chiudere": the noun's infinitive is
                if k.dep == "acl" and "VerbForm=Inf" in k.morph:   # the verb's complement
                    fixed[k.i] = replace(k, dep="xcomp")
        elif t.dep == "amod" and name is not None and t.head == name.i and \
                name.dep == "ROOT" and name.pos in ("PROPN", "NOUN") and \
                any(k.i > t.i and k.pos != "PUNCT" for k in mine + kids.get(name.i, [])):
            fixed[t.i] = replace(t, pos="VERB", lemma=lemma, dep="ROOT", head=t.i,
                                 morph="Mood=Ind|Tense=Pres|VerbForm=Fin")
            fixed[name.i] = replace(name, dep="nsubj", head=t.i)
            for k in kids.get(name.i, []) + mine:
                if k.i <= t.i:
                    continue
                bare = not any(c.dep == "case" for c in kids.get(k.i, []))
                dep = "obj" if bare and k.pos in ("PROPN", "NOUN") and k.dep in (
                    "dep", "nmod", "appos", "flat", "flat:name", "compound", "obj") else k.dep
                fixed[k.i] = replace(k, head=t.i, dep="punct" if k.pos == "PUNCT" else dep)
    return _patched(sentence, fixed)


def repair_subjects(sentence: Sentence) -> Sentence:
    """Make a named subject that the parser hung off the verb as a side clause its subject.

    "Ursula von der Leyen, presidente della Commissione europea, si è recata in Israele": the
    Italian parser can attach "Ursula" to the verb as ``parataxis``, leaving the verb without a
    subject.  A noun or name before a subjectless verb, attached to it so and carrying an
    apposition of its own (the ", presidente della ..." that confused the parser), becomes the
    verb's ``nsubj``.  A dateline ("ROMA, 3 giugno -") has no apposition and stays as it is.
    The first item of a subject list that the parser hung on the verb without a preposition
    ("Le Mali, le Burkina Faso et le Niger ont annoncé") joins the list as a ``conj``.  A subject
    hung on an auxiliary ("Egypt and Qatar are mediating") belongs to the auxiliary's verb.
    """
    toks = sentence.tokens
    by_i = {t.i: t for t in toks}
    kids = _dependents(toks)

    def has(n: int, *deps: str) -> bool:
        return any(k.dep.lower() in deps for k in kids.get(n, []))

    fixed = {}
    for t in toks:                    # "Egypt and Qatar are mediating": the subject hung on the
        head = by_i.get(t.head)       # auxiliary belongs to its verb
        if t.dep.lower() in SUBJECT | PASSIVE_SUBJECT and head is not None and \
                head.pos == "AUX" and head.dep.lower() in ("aux", "aux:pass", "auxpass") and \
                (verb := by_i.get(head.head)) is not None and verb.pos == "VERB" and \
                not has(verb.i, *SUBJECT, *PASSIVE_SUBJECT):
            fixed[t.i] = replace(t, head=verb.i)
    for t in toks:
        head = by_i.get(t.head)
        if t.i in fixed or t.dep.lower() != "parataxis" or t.pos not in ("NOUN", "PROPN") or \
                head is None or \
                head.pos != "VERB" or t.i > head.i or has(head.i, *SUBJECT, *PASSIVE_SUBJECT):
            continue
        if has(t.i, "appos") and not has(t.i, "cop", "aux", "nsubj", "mark"):
            fixed[t.i] = replace(t, dep="nsubj")
    for t in toks:                    # "Le Mali, le Burkina Faso et le Niger ont annoncé": a
        if t.i in fixed or t.pos not in ("NOUN", "PROPN") or has(t.i, "case") or \
                t.dep.lower() not in ("obl", "obl:mod", "nmod", "dep"):
            continue                  # list's first item hung on the verb without a preposition
        subj = next((k for k in kids.get(t.head, []) if k.dep.lower() == "nsubj" and k.i > t.i),
                    None)             # joins the subject when only a comma stands between
        between = [by_i[i] for i in range(t.i + 1, subj.i) if i in by_i] if subj else []
        if between and between[0].text == "," and has(subj.i, "conj") and all(
                k.head != t.head or k.dep.lower() == "punct" for k in between):
            fixed[t.i] = replace(t, head=subj.i, dep="conj")
    return _patched(sentence, fixed)

