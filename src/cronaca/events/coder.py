"""The event coder: who did what to whom, where and when, from one parsed article.

For every sentence: find predicates the trigger lexicon knows (verbs and event nouns), pick
the most specific lexicon entry, find source and target in the argument slots (passives,
post-posed and dropped subjects, control verbs, coordination), resolve them to actors, decide
negation, hypothesis and intent, attach reported speech to its speaker, date the event from
the words of its own clause (else the publication date) and place it.  One ``Event`` per
source-target pair, each tied to its sentence and trigger.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from dataclasses import dataclass, field

from cronaca.actors.kb import knowledge_base
from cronaca.actors.resolve import (ARMED_SECTORS, PLACE_LABELS, Context, Place, _adjective_pair,
                                    _dictionary_form, _in_place, article_prior, place_of, resolve)
from cronaca.events.codes import describe, lookup
from cronaca.events.lexicon import WORD, Entry, Modality, intent_code, lexicon, modality
from cronaca.events.syntax import Graph, grammar, repair
from cronaca.geo.gazetteer import gazetteer
from cronaca.model import Actor, Article, Discard, Event, Evidence, Location, Trigger
from cronaca.time.dates import DateMention, find_dates, interval_before

VERB_POS = {"VERB", "AUX"}
NOUN_POS = {"NOUN", "PROPN"}
LIGHT_OBJECT_DEPS = {"obj", "dobj", "nsubj:pass", "nsubjpass", "xcomp"}   # xcomp: a parse
# error for an object ("hanno condotto raid aerei")
# Slot sets are written in English roles: Graph.role() maps each language's prepositions to
# them (grammar.yaml), so "nmod:of" stands for Italian "nmod:di" and French "nmod:de".
OWNER_SLOTS = {"nmod:of", "poss", "nmod:poss", "nmod:from", "nmod:by"}
CLAIM_CODE = "015"
ARREST_CODE = "173"
DEMAND_ROOTS = ("02", "10")          # appeals and demands: a protest held for one is aimed so
SUPPORT_ROOT = "05"                  # support for a plan goes to its author
PLACED_AID_ROOTS = ("03", "07")      # aid, and the offer of it, goes to the place it names
COMPLAINT_ROOT = "11"                # a complaint's target is whom it is about, not its hearer
DISAPPROVAL_ROOTS = ("11", "12")   # what is condemned or rejected is its author's act
# yielding to or rejecting (ANSWER) a demand, an appeal, an offer or a threat (ANSWERED): the
# answering side is whom that act was aimed at (an attack that is condemned is not)
ANSWER_ROOTS = ("08", "12")
ANSWERED_ROOTS = ("02", "03", "10", "13")
AIMED_SLOTS = {"nmod:to", "nmod:against", "nmod:with", "nmod:on", "nmod:toward", "nmod:for"}
DEONTIC = {"must", "dovere", "devono", "deve", "have to", "has to", "devoir", "deber"}
DEMAND = "100"
POSTURE_ROOT, PEACEKEEPING = "15", "074"   # a show of force; peacekeeping
APPEAL_ROOT = "02"
# roots whose dative is a recipient even when it is a capital ("sanzioni a Teheran", "aiuti a
# Kiev", "ha chiesto a Pechino di"); elsewhere a city after "a" is where it happens
DIRECTED_ROOTS = ("02", "03", "06", "07", "10", "11", "12", "13", "16", "19", "20")
DATIVE_SLOTS = ("iobj", "obl:to", "obl:on", "obl:against")
CORE_SLOTS = {"obj", "iobj", "nsubj", "nsubj:pass"}
PROTEST_ROOT = "14"
REQUEST_ROOT = "10"                 # the opposition's demands address its government, as protests do
PROTEST_THREAT = "133"                       # a threat of protest, addressed as a protest is
DISSENT_EASED = "082"                        # and a protest called off
MEDIATE_CODE = "045"
AID_ROOT = "07"
AID_CODES = (AID_ROOT, "033")              # aid given, and aid promised
# curfews, states of emergency, martial law, bans on parties and freedoms: a state's rule over its
# own land, imposed (172x), eased (081x) or threatened (132x)
HOME_RULE_CODES = ("0811", "0812", "0813", "0814", "1721", "1722", "1723", "1724", "1321", "1322",
                   "1323", "1324")
MEETING_ROOT = "04"
INVESTIGATE_ROOT = "09"
TOPIC_SLOTS = {"nmod:about", "nmod:into", "nmod:on", "nmod:over"}   # what an inquiry looks into
# Coercion and violence (17-20) always fall on someone: unnamed, the people where it happens.
FORCE_ROOTS = ("17", "18", "19", "20")
WAR_ROOTS = ("18", "19", "20")            # force a state's army uses on another state
TEST_CODES = ("2042",)                     # a nuclear detonation aimed at no one is a test
ASSAULT_ROOT = "18"
VISIT_CODE = "042"
JOIN_CODE = "050"                          # joining an organisation: the organisation is whom
THREAT_ROOT = "13"
FORCE_SECTORS = ("MIL", "COP")            # a state's own forces
STATE_SECTORS = ("GOV", "MIL", "COP", "JUD", "LEG", "SPY")   # the state itself, unless named
OWN_FORCE_CODES = ("15", "087")           # force posture and withdrawal: own forces moved
TRANSFER_ROOTS = ("06", "07", "033")          # acts with an amount of money or goods
OFFERED_FORCE_ROOTS = ("03", "06", "07")   # "offered its troops to Lebanon": the means
# A statement's audience and the forces a state deploys (15x) are not placed by _domestic.
UNPLACED_TARGET_ROOTS = ("01", "15")
INTERNATIONAL_SECTORS = ("IGO", "NGO", "MNC", "IMG", "REF")
STATELESS_SECTORS = ("IGO", "NGO", "MNC")  # not placed where they act (refugees and armed groups
#                                           are: PLOVER codes them by where they are)
MASS_KILLING = 30                          # people killed at once that make a mass killing
POLICE_CODE = "153"                        # police put on alert: no foreign foe
FACING_ROOTS = ("15",)      # a show of force at a border or off a coast faces that state
# Reciprocal predicates: "X e Y si sono incontrati" is one event X -> Y; breaking relations
# (161) too: "Marocco e Algeria hanno rotto le relazioni".
RECIPROCAL_ROOTS = ("03", "04", "05", "06", "08", "161")
# Predicates whose embedded clause is not asserted: what is asked, accused, threatened or
# promised has not (yet) happened ("ha chiesto di riprendere i negoziati").
NON_FACTIVE_ROOTS = ("014", "02", "03", "10", "11", "12", "13")   # 014: "valuta di ritirare"


@dataclass
class Frame:
    """What the coder found for one predicate before actors are paired."""

    n: int
    entry: Entry
    sources: list[Actor]
    targets: list[Actor]
    location: Location | None
    negated: bool
    hypothetical: bool
    intent: bool
    date: DateMention | None
    speaker: Actor | None
    reporter: int | None                       # the reporting verb this frame is under
    how: list[str] = field(default_factory=list)
    future: bool = False                       # the intent is the future tense, not a verb


def _infinitival(g: Graph, n: int) -> bool:
    """An infinitive, or a perfect infinitive ("di aver attaccato": the participle with an
    infinitive auxiliary)."""
    return g.morph(n, "VerbForm") == "Inf" or any(g.morph(a, "VerbForm") == "Inf"
                                                  for a in _aux(g, n))


def _marked_infinitive(g: Graph, c: int) -> bool:
    """An infinitive with "di"/"a"/"de"/"to" and no subject of its own that the parser hung as a
    ccomp or an advcl: a complement of its verb, as an xcomp is ("minaccia di sospendere")."""
    return g.dep(c) in ("ccomp", "advcl") and g.morph(c, "VerbForm") == "Inf" and \
        any(g.lemma(k) in ("di", "a", "à", "de", "to") for k in g.kids(c, "mark")) and \
        not g.kids(c, "nsubj")


def _time_phrases(g: Graph, n: int) -> set[int]:
    """The words of the phrases that a time preposition opens (grammar ``time_prepositions``:
    "dopo i raid americani", "after the US strikes"), other than ``n``'s own: they date an act,
    they are no part of it."""
    out: set[int] = set()
    for m, tok in enumerate(g.tokens):
        if tok.pos != "ADP" or tok.text.lower() not in g.grammar.time_prepositions:
            continue
        top = m if g.dep(m) == "prep" else g.head(m)     # English: the preposition heads it
        if top is not None and top != n:
            out.update(g.subtree(top))
    return out


def _entry(g: Graph, n: int, kind: str, lex, used: set[int]) -> Entry | None:
    """The most specific lexicon entry whose conditions hold at predicate ``n``."""
    candidates = lex.form_candidates(g.tokens[n].text, kind) or \
        lex.candidates(g.lemma(n), kind) or \
        lex.candidates(_dictionary_form(g, n, lex.lang), kind)   # "espulso" -> espellere
    if not candidates:
        return None
    near = [m for m in range(len(g.tokens)) if m != n and abs(m - n) <= 6]
    scope = set()
    for c in g.children[n]:
        if g.dep(c).startswith("aux") or g.dep(c) == "cop":
            continue                      # "ont bloqué": the auxiliary "avoir" is no asset
        if g.dep(c) not in ("advcl", "parataxis", "conj", "acl:relcl", "relcl", "ccomp", "csubj") \
                or _marked_infinitive(g, c):   # "chiesto di garantire l'accesso", "costretto
            #                                    ... a lasciare" (an advcl to the parser)
            scope.update(g.subtree(c, stop={"advcl", "parataxis", "conj", "acl:relcl", "relcl"}))
    scope -= _time_phrases(g, n)          # "minacciato di chiudere lo Stretto dopo i raid"
    head_words: set[int] = set()
    if kind == "verb" and _reduced_passive(g, n) and (
            any(e.code == CLAIM_CODE for e in candidates) or
            not lex.candidates(g.lemma(g.head(n)), "noun")):
        h = g.head(n)                     # the noun is its object: "un attentat revendiqué par
        head_words = {h, *g.kids(h, "amod", "compound", "flat", "flat:name")}   # l'État
        scope.update(head_words)          # islamique", "i soccorritori inviati da Francia";
        #                  an event noun is the act itself ("the demonstration staged by")
    lemmas_in_scope = {g.lemma(m) for m in scope} | {g.tokens[m].text.lower() for m in scope}
    core: set[int] | None = None          # the object's words, computed when needed

    def hits(entry: Entry) -> list[int]:
        return [m for m in scope if g.lemma(m) in entry.with_ or
                g.tokens[m].text.lower() in entry.with_]

    chosen, chosen_key, chosen_matched = None, None, []
    for entry in candidates:
        if chosen is not None and (entry.specificity, bool(entry.with_)) != \
                (chosen.specificity, bool(chosen.with_)):
            break                         # only entries as specific as the first that held
        if entry.rest:
            following = [g.lemma(m) for m in near if m > n][:len(entry.rest) + 2]
            if not all(word in following or word in lemmas_in_scope for word in entry.rest):
                continue
        if entry.with_ and not (entry.with_ & lemmas_in_scope):
            continue
        if entry.unless and entry.unless & _head_words(g, n):
            continue          # "combattere la corruzione", "fight wildfires": no force;
            #                   "esercitazioni congiunte", "held joint exercises": no show of force
        before = _in_order(g, entry.before, range(n)) if entry.before else []
        after = _in_order(g, entry.after, [m for m in range(n + 1, len(g.tokens))
                                           if m in scope or m - n <= 6]) if entry.after else []
        if before is None or after is None:
            continue
        matched = after                   # the words after the predicate are its own,
        if entry.rest:                    # and a phrase's other words ("entamer une grève
            matched = matched + [m for m in sorted(scope | set(near))   # de la faim")
                                 if m > n and g.lemma(m) in entry.rest]
        if not entry.with_:
            chosen, chosen_matched = entry, matched
            break
        # among `with` entries, the one whose word is in the object, then the nearest:
        # "ha sospeso i finanziamenti ... dopo l'attacco" suspends funding, not attacks
        if core is None:
            core = {m for s, c in g.slots(n) if s in ("obj", "nsubj:pass")
                    for m in g.subtree(c)}
        key = min((not _hyphen_prefix(g, m, n), m not in core, g.tokens[m].pos == "ADP",
                   abs(m - n)) for m in hits(entry))   # a content word before a particle:
        #      "called for an immediate ceasefire" is an appeal for a ceasefire (0256); a word
        #      joined to the verb by a hyphen first: "test-fired a missile" is a test (150)
        if chosen_key is None or key < chosen_key:
            chosen, chosen_key, chosen_matched = entry, key, matched
    if chosen is None:
        return None
    if chosen.with_:                      # the word that made it, and the object's: another
        whole = {m for s, c in g.slots(n) if s in ("obj", "nsubj:pass")   # "attacco" further
                 for m in g.subtree(c, stop=set())}   # off is an event of its own ("ha minacciato
        found = hits(chosen)                          # di attaccare ... in risposta all'attacco
        best = min(found, key=lambda m: (m not in whole, abs(m - n)))   # iraniano")
        used.update(m for m in found if m == best or m in whole)
    used.update(chosen_matched)
    return chosen


def _hyphen_prefix(g: Graph, m: int, n: int) -> bool:
    """Word ``m`` is joined to word ``n`` right after it by a hyphen the tokenizer split off
    ("test-fired")."""
    return m == n - 2 and g.tokens[n - 1].text == "-" and \
        g.tokens[m].end == g.tokens[n - 1].start and g.tokens[n - 1].end == g.tokens[n].start


def _head_words(g: Graph, n: int) -> set[str]:
    """The lemmas and forms of a predicate's object and oblique heads, of its and their
    adjectives, and of its predicative adjective: what an entry's `unless` words are looked
    for in."""
    heads = [c for s, c in g.slots(n) if s in ("obj", "nsubj:pass") or s.startswith("obl")]
    words = heads + g.kids(n, "amod") + [a for c in heads for a in g.kids(c, "amod")] + \
        [c for c in g.kids(n, "acomp", "xcomp", "oprd") if g.tokens[c].pos == "ADJ"]  # "pleaded
    #                                                                                  guilty"
    return {w for c in words for w in (g.lemma(c), g.tokens[c].text.lower())}


def _in_order(g: Graph, items, positions) -> list[int] | None:
    """Find the items (each: alternative phrases) one after the other among ``positions``
    (word forms or lemmas): the positions used, or None."""
    positions = list(positions)
    allowed = set(positions)
    found: list[int] = []
    at = 0
    for alternatives in items:
        hit = None
        for i in range(at, len(positions)):
            p = positions[i]
            for alt in alternatives:
                words = alt.split()
                span = range(p, p + len(words))
                if all(q in allowed and words[k] in (g.tokens[q].text.lower(), g.lemma(q))
                       for k, q in enumerate(span)):
                    hit = (i, list(span))
                    break
            if hit:
                break
        if hit is None:
            return None
        found += hit[1]
        at = positions.index(hit[1][-1]) + 1
    return found


def _inside_name(g: Graph, n: int, ctx: Context) -> bool:
    """A noun inside an organisation's or place's name is not an event."""
    tok = g.tokens[n]
    return any(e.label in ("ORG", "LOC", "GPE", "FAC", "WORK_OF_ART", "LAW", "EVENT")
               and e.start <= tok.start and tok.end <= e.end and e.text != tok.text
               for e in ctx.entities)


def _non_factive(g: Graph, n: int, frames: list[Frame]) -> str | None:
    """The governing predicate that keeps ``n`` from being asserted, if any."""
    h = g.head(n)
    if h is not None and g.dep(n) == "acl" and g.dep(h) in ("obj", "dobj", "iobj") and \
            _infinitival(g, n):
        verb = g.head(h)              # "accusa Kiev di aver attaccato": an infinitive the
        for f in frames:              # parser hung on the object is what it is accused of
            if f.n == verb and f.entry.code.startswith(NON_FACTIVE_ROOTS):
                return g.tokens[verb].text
    node, steps = n, 0
    while steps < 3 and (h := g.head(node)) is not None and g.dep(node) in (
            "xcomp", "ccomp", "advcl", "acl", "obl", "conj"):
        if g.dep(node) == "conj":
            node, steps = h, steps + 1
            continue
        for f in frames:
            if f.n == h and f.entry.code.startswith(NON_FACTIVE_ROOTS):
                return g.tokens[h].text
        node, steps = h, steps + 1
    return None


def _is_word(g: Graph, c: int, words: frozenset[str]) -> bool:
    """Whether token ``c`` is one of ``words``, by lemma or as written."""
    return g.lemma(c) in words or g.tokens[c].text.lower() in words


def _has_child_word(g: Graph, n: int, words: frozenset[str]) -> bool:
    return any(_is_word(g, c, words) for c in g.children[n])


def _aux(g: Graph, n: int) -> list[int]:
    return g.kids(n, "aux", "aux:tense", "aux:pass", "auxpass", "cop")


def _negated(g: Graph, n: int, m: Modality) -> bool:
    if any(g.dep(c) in ("advmod", "neg", "advmod:neg") and
           _is_word(g, c, m.negation)
           for c in g.children[n] + [a for x in _aux(g, n) for a in g.children[x]]):
        return True
    # "Neither France nor Germany signed", "Né la Francia né la Germania hanno firmato"
    for s in _subject(g, n, False):
        if any(g.tokens[c].text.lower() in g.grammar.correlative_negation
               for c in [s] + g.children[s] if c <= s):
            return True
    # "non vuole incontrare", "did not agree to meet": negation on the governing verb
    h = g.head(n)
    if h is not None and g.dep(n) == "xcomp":
        if g.lemma(h) in m.failure_verbs:          # "failed to condemn"
            return not _negated(g, h, m)
        return _negated(g, h, m)
    return False


def _reciprocal(g: Graph, m: Modality | None) -> bool:
    """"each other", "a vicenda", "exchanged fire": both sides act on each other."""
    if m is None:
        return False
    low = [w for t in g.tokens for w in WORD.findall(t.text.lower())]
    return any(tuple(low[i:i + len(mk)]) == mk
               for mk in m.reciprocal_markers for i in range(len(low) - len(mk) + 1))


def _joint_object(g: Graph, n: int, m: Modality | None, lex) -> bool:
    """The object of ``n`` is its subjects' own consultation or cooperation ("X and Y suspended
    their cooperation", "X e Y hanno rinviato il loro incontro"): each side acts on the other."""
    if m is None or lex is None:
        return False
    return any(g.role(s) == "obj" and any(g.tokens[k].text.lower() in m.joint_possessives and
                                          "Poss=Yes" in g.tokens[k].morph for k in g.children[c])
               and any(e.code.startswith(("04", "05", "06"))
                       for e in lex.candidates(g.lemma(c), "noun"))
               for s, c in g.slots(n))


def _source_marker(g: Graph, m: Modality) -> int | None:
    """The nominal after "according to" / "secondo" in the sentence: who the report is from."""
    low = [t.text.lower() for t in g.tokens]
    for marker in m.source_markers:
        size = len(marker)
        for i in range(len(low) - size + 1):
            if tuple(low[i:i + size]) != marker or g.tokens[i].pos in ("ADJ", "NUM"):
                continue                  # "nel secondo anniversario": an ordinal
            span = set(range(i, i + size))
            for k in range(i + size, min(len(low), i + size + 8)):
                if g.tokens[k].pos in ("NOUN", "PROPN") and (
                        g.head(k) in span or any(g.head(x) == k for x in span)):
                    return k
    return None


def _conditional(g: Graph, c: int, m: Modality) -> bool:
    """Clause ``c`` is a condition: its marker is "se", "if", "si"..."""
    return any(_is_word(g, k, m.hypothetical_markers) for k in g.kids(c, "mark"))


def _condition_clause(g: Graph, n: int, m: Modality) -> bool:
    """A condition hangs on ``n``: "se avesse potuto, avrebbe attaccato"."""
    return any(_conditional(g, c, m) for c in g.kids(n, "advcl"))


def _hypothetical(g: Graph, n: int, m: Modality, lang: str) -> tuple[bool, str]:
    for a in _aux(g, n):
        lemma, text = g.lemma(a), g.tokens[a].text.lower()
        if lemma in m.modal_always or text in m.modal_always:
            return True, f"modal '{g.tokens[a].text}'"
        if lemma in m.modal_verbs and g.morph(a, "Mood") == "Cnd":
            return True, f"conditional modal '{g.tokens[a].text}'"
        if g.morph(a, "Mood") == "Cnd":
            if g.grammar.reportive_conditional and lemma in g.grammar.perfect_auxiliaries and \
                    not _condition_clause(g, n, m):
                continue                    # "avrebbe bombardato", "habrían atacado": alleged
            return True, f"conditional '{g.tokens[a].text}'"
    if g.morph(n, "Mood") == "Cnd":
        return True, "conditional mood"
    h = g.head(n)
    if h is not None and g.dep(n) == "acl" and g.morph(n, "VerbForm") == "Inf" and \
            g.lemma(h).lower() in g.grammar.carrier_nouns:
        return True, f"the aim of '{g.tokens[h].text}'"   # "efforts to become a member"
    if _has_child_word(g, n, m.hedges):
        return True, "hedge"
    if h is not None and g.dep(n) == "advcl" and g.morph(n, "VerbForm") == "Inf" and any(
            _is_word(g, k, g.grammar.purpose_markers) for k in g.kids(n, "mark", "aux")):
        above, why = _hypothetical(g, h, m, lang)     # "potrebbe recarsi in Russia per
        if above:                                      # incontrare Putin": the aim of what
            return True, f"the aim of '{g.tokens[h].text}' ({why})"   # may not happen
    # "se incontrasse", "if they meet": a hypothetical clause, or one governed by a modal verb
    node = n
    while node is not None:
        for c in g.kids(node, "mark", "advmod"):
            if _is_word(g, c, m.hypothetical_markers):
                return True, f"'{g.tokens[c].text}' clause"
        h = g.head(node)
        if h is not None and g.dep(node) == "xcomp" and (g.lemma(h) in m.modal_always
                                                         or g.lemma(h) in m.modal_verbs):
            return True, f"modal '{g.tokens[h].text}'"
        if g.dep(node) not in ("xcomp", "conj"):
            break
        node = h
    return False, ""


def _intent(g: Graph, n: int, m: Modality) -> tuple[bool, str]:
    if m.future_is_intent:
        if g.morph(n, "Tense") == "Fut" or any(g.morph(a, "Tense") == "Fut" for a in _aux(g, n)):
            return True, "future tense"
        if any(g.tokens[a].text.lower() in g.grammar.future_auxiliaries for a in _aux(g, n)):
            return True, "future 'will'"
    for a in _aux(g, n):                  # UD Italian: "vuole espellere", volere as aux
        if g.lemma(a) in m.intent_verbs:
            return True, f"intent verb '{g.tokens[a].text}'"
    node = n
    while (g.dep(node) == "xcomp" or g.dep(node) in ("advcl", "acl") and
           g.tokens[g.head(node) or node].pos == "ADJ" or
           g.dep(node) == "ccomp" and g.morph(node, "VerbForm") == "Inf") and \
            (h := g.head(node)) is not None:     # "pronti a negoziare", "disposto a rilasciare"
        if _is_word(g, h, m.intent_verbs):
            return True, f"intent verb '{g.tokens[h].text}'"
        node = h
    return False, ""


def _reporter(g: Graph, n: int, m: Modality) -> int | None:
    """The reporting verb whose reported clause holds predicate ``n``."""
    node, steps = n, 0
    while steps < 4:
        h = g.head(node)
        if h is None:
            break
        d = "xcomp" if g.dep(node) == "obj" and g.tokens[node].pos == "ADJ" or \
            g.dep(node) == "acl" and g.tokens[h].pos == "ADJ" else g.dep(node)   # "pronto a"
        if d in ("ccomp", "parataxis", "xcomp", "csubj", "dep") and \
                (g.lemma(h) in m.reporting_verbs or g.lemma(h) in m.denial_verbs):
            return h                      # ("se dijo dispuesto a": a predicative adjective)
        if d == "advcl" and g.morph(node, "VerbForm") == "Inf" and g.lemma(h) in m.denial_verbs:
            return h                      # "ha negato di fornire armi": the parser's advcl
        if d not in ("conj", "ccomp", "parataxis", "xcomp", "advcl", "dep", "acomp"):
            break                         # acomp: "says it is willing to withdraw"
        node, steps = h, steps + 1
    # quoted speech "…", ha detto X: the reporting verb is a dependent of the quoted root;
    # "X visiterà Mosca, ha annunciato il portavoce": a comma, then the reporting verb
    for c in g.children[n]:
        if g.lemma(c) not in m.reporting_verbs or c < n:
            continue
        if g.dep(c) in ("parataxis", "ccomp", "dep"):
            return c
        first = min((k for k in g.subtree(c) if g.tokens[k].pos != "PUNCT"), default=c)
        if g.dep(c) == "conj" and first > 0 and g.tokens[first - 1].text in (",", ":", "—", "–"):
            return c
    return None


def _speakers(g: Graph, reporter: int, mod: Modality, ctx: Context) -> list[Actor]:
    """Who the reporting verb ``reporter`` says is speaking: its subject, else its post-posed
    noun ("ha detto a Xi il presidente Lukashenko")."""
    return _resolve_all(g, _subject(g, reporter, g.passive(reporter)) or
                        _postposed_speaker(g, reporter, mod), ctx)


def _postposed_speaker(g: Graph, n: int, m: Modality) -> list[int]:
    """'ha detto a Xi il presidente Lukashenko': a reporting verb's noun object after it is
    its subject (what is said is a clause, not a noun) when it has no subject of its own."""
    if g.lemma(n) not in m.reporting_verbs:
        return []
    return [c for c in g.kids(n, "obj", "dobj", "obl:agent", "xcomp") if c > n and
            g.tokens[c].pos in ("NOUN", "PROPN") and not g.kids(c, "case")]
    # "a annoncé Donald Trump": an agent with no "par" to the French parser; "a déclaré
    # Emmanuel Macron": a predicate


def _subject(g: Graph, n: int, passive: bool) -> list[int]:
    """The subject heads of ``n`` (the agent of a passive).  Italian passive agents are also
    read from "da" obliques; a name set off before the verb ("Wang Yi, il diplomatico cinese,
    ha visitato") is taken as the subject when the parser leaves it dangling; of two adjacent
    subject heads ("i ribelli Houthi") the name is kept."""
    slots = g.slots(n)
    if passive:
        heads = [c for slot, c in slots if g.role(slot) in ("agent", "obl:by")]
        if not heads:     # "accusato di spionaggio dalle autorità russe": the parser may hang
            heads = [cc for slot, c in slots if slot.startswith(("obl", "obj"))   # the agent
                     for cc in g.kids(c, "nmod")                                 # on the PP
                     if g.role(f"nmod:{g.preposition(cc)}") == "nmod:by" and cc > c]
    else:
        heads = [c for slot, c in slots if slot == "nsubj"]
        if not heads:
            heads = [c for c in g.children[n] if g.dep(c) in ("vocative", "dislocated")
                     and c < n and g.tokens[c].pos in ("PROPN", "NOUN")]
    if len(heads) == 2 and heads[1] == heads[0] + 1 and g.tokens[heads[1]].pos == "PROPN":
        return heads[1:]
    return heads


def _inherited_subject(g: Graph, n: int) -> tuple[int | None, str]:
    """Subject of a verb without one: control ("decide di incontrare"), coordination
    ("ha incontrato X e ha firmato"), relative clauses ("il leader che ha visitato")."""
    node = n
    for _ in range(4):
        h = g.head(node)
        if h is None:
            return None, ""
        d = g.dep(node)
        if d == "ccomp" and (g.morph(node, "VerbForm") == "Inf" or
                             any(g.morph(a, "VerbForm") == "Inf" for a in _aux(g, node))):
            d = "xcomp"                   # "disposto a rilasciare" parsed as a clause: control
            #                               ("negó haber vendido": a perfect infinitive too)
        if d == "acl" and g.tokens[h].pos == "ADJ":
            d = "advcl"                   # "si è detta pronta a negoziare": "negoziare" an acl
        if d == "obj" and g.tokens[node].pos == "ADJ":
            d = "xcomp"                   # "se dijo dispuesto a reunirse": a predicative
            #                               adjective the parser made the object
        if d in ("xcomp", "advcl") and node == n and \
                (controller := _object_controller(g, h, node)) is not None:
            return controller, f"whom '{g.tokens[h].text}' addresses (object control)"
        if d in ("xcomp", "conj", "advcl", "acomp"):     # acomp: "is ready to negotiate"
            subj = _subject(g, h, g.passive(h) and d != "xcomp")
            if d == "conj" and subj and g.grammar.pro_drop and subj[0] > h and \
                    not g.kids(h, "obj") and _verb_first(g, h):
                return None, ""           # "Ha incontrato X e ha chiesto": X is the object
            if subj:
                return subj[0], f"subject of '{g.tokens[h].text}' ({d})"
            node = h
            continue
        if d in ("acl:relcl", "relcl", "acl"):
            return h, f"noun modified by the clause ('{g.tokens[h].text}')"
        return None, ""
    return None, ""


def _dropped_subject(g: Graph, n: int, ctx: Context) -> list[Actor]:
    """Who a subject-less verb's subject is: the last sentence's subject, or, for a plural
    verb after one subject, that subject and whom it acted on ("Petro llegó a Caracas para
    reunirse con Maduro. Firmaron una declaración conjunta": both)."""
    if g.morph(n, "Number") == "Plur" and g.tokens[n].pos in VERB_POS or \
            any(g.morph(a, "Number") == "Plur" for a in _aux(g, n)):
        if len(ctx.antecedents) > 1:
            return list(ctx.antecedents)
        other = ctx.object_antecedent
        if other is not None and not _same(other, ctx.antecedent):
            return [ctx.antecedent, other]
    return [ctx.antecedent]


def _reduced_passive(g: Graph, n: int) -> bool:
    """A past participle modifying a noun ("i coloni accusati di violenze", "the diplomat
    expelled by Greece"): the noun is what is acted upon, not the actor."""
    h = g.head(n)
    return h is not None and g.dep(n) == "acl" and g.morph(n, "VerbForm") == "Part" and \
        g.morph(n, "Tense") in ("Past", None) and g.lemma(n) not in g.never_passive and \
        g.tokens[h].pos in NOUN_POS and not any(    # "X, ..., has called": a clause of its own
            g.dep(c) in ("nsubj", "aux", "aux:tense", "expl") for c in g.children[n])


def _between_sides(g: Graph, n: int) -> list[int]:
    """The first "tra X e Y" / "between X and Y" phrase in the clause of ``n``, wherever the
    parser hung it ("si combatte da tre giorni tra l'esercito e le RSF")."""
    for m in sorted(g.subtree(n)):
        for slot, c in g.slots(m):
            if g.role(slot.replace("obl:", "nmod:")) == "nmod:between" and g.kids(c, "conj"):
                return [c]
    return []


def _between_conjuncts(g: Graph, n: int, b: int) -> list[int]:
    """The sides of the "tra X e Y" phrase ``b`` on the event noun ``n``; a second side that the
    parser hung on the noun itself counts ("la rencontre entre la présidente Tsai Ing-wen et le
    président de la Chambre", with "président" a conjunct of "rencontre")."""
    sides = g.conjuncts(b)
    if len(sides) == 1:
        sides += [c for c in g.kids(n, "conj") if c > b and not g.kids(c, "case") and
                  g.tokens[c].pos in NOUN_POS]
    return sides


def _clause_antecedent(g: Graph, n: int, subj: list[int], ctx) -> Actor | None:
    """A personal pronoun (he, she, il, elle, él) that is the subject of a clause hung on another
    ("Lukashenko visited China last September, when he met Xi") stands for that clause's subject,
    when that names a person, before any actor of an earlier sentence; so does "it" for a state
    or an organisation ("Poland denied that it had sent troops")."""
    h = g.head(n)
    if len(subj) != 1 or h is None or g.dep(n) not in ("advcl", "conj", "ccomp") or \
            g.tokens[h].pos not in VERB_POS:
        return None
    p = subj[0]
    gender = g.morph(p, "Gender")
    if g.tokens[p].pos != "PRON" or g.morph(p, "PronType") not in ("Prs", None) or \
            gender not in ("Masc", "Fem", "Neut") or g.morph(p, "Number") == "Plur" or \
            g.morph(p, "Poss") == "Yes":
        return None
    heads = _resolve_all(g, _subject(g, h, g.passive(h)), ctx)
    if len(heads) != 1 or heads[0].country is None or \
            (gender == "Neut") == (heads[0].kb_id or "").startswith("person:"):
        return None
    a, tok = heads[0], g.tokens[p]
    return dataclasses.replace(a, text=tok.text, start=tok.start, end=tok.end,
                               how=f"pronoun -> {a.text}")


def _place_gone_to(g: Graph, slots, ctx, sources: list[Actor]) -> tuple[list[Actor], str]:
    """The state of the place named inside the object of a visit, or of aid or its offer, or
    where it happens or goes ("visited the Aviano air base in Italy", "evacuated the wounded
    from the Bosnian town of Gorazde", "ready to contribute troops to a force in Liberia"), when
    it is another state's."""
    objects = [c for s_, c in slots if s_ == "obj"]
    for c in objects + [c for s_, c in slots if objects and s_.startswith("obl:") and (
            s_[4:] in g.grammar.location_prepositions or g.role(s_) in ("obl:to", "obl:from"))]:
        found = _place_target(g, [p for p in g.subtree(c) if p != c or c not in objects], ctx,
                              sources)
        if found:
            return found, f"the place inside '{g.tokens[c].text}'"
    return [], ""


def _place_target(g: Graph, positions, ctx, sources: list[Actor]) -> list[Actor]:
    """The state of the first place named among ``positions``, as where the act goes, when it
    is not the sources' own."""
    place = _place_inside(g, positions, ctx)
    if place is None or place.country in {a.country for a in sources}:
        return []
    return [_state(place.text, place.start, place.end, place.country,
                   f"place '{place.text}' in {place.country}, where the act goes")]


def _act_told_before(g: Graph, slots, ctx, sources: list[Actor]) -> tuple[list[Actor], str]:
    """Whose act a reaction's object names when the object is a definite event noun with no
    owner of its own: whoever the article last told doing such an act ("Lukashenko ha visitato
    Pechino. ... Stati Uniti e Unione europea hanno criticato la visita": Lukashenko's)."""
    lex = lexicon(ctx.lang)
    for s_, c in slots:
        if s_ != "obj" or g.tokens[c].pos not in NOUN_POS or lex is None or any(
                g.role(k) in ("nmod:of", "nmod:by", "poss") or   # nor one placed: "condemning
                k.split(":", 1)[-1] in g.grammar.location_prepositions   # the crackdown in
                for k, _ in g.slots(c)) or _adjective_actor(g, c, ctx) or not any(   # Belarus"
                g.morph(d, "Definite") == "Def" for d in g.kids(c, "det")):
            continue
        roots = [e.code[:2] for e in lex.candidates(g.lemma(c), "noun")]
        doer = ctx.doers.get(roots[0]) if roots else None
        if doer is not None and _other_side(doer, sources):
            tok = g.tokens[c]
            return [dataclasses.replace(doer, text=tok.text, start=tok.start, end=tok.end,
                                        how=f"'{tok.text}' told before -> {doer.text}")], \
                f"whose '{tok.text}' the article told before"
    return [], ""


def _protest_aims(g: Graph, frames: list[Frame]) -> None:
    """A protest with no target of its own is aimed at whom the appeal or demand it is held for
    is made of: "continued their hunger strike to demand the resignation of President Ben Bella",
    "hanno manifestato per chiedere le dimissioni del premier"."""
    for f in frames:
        if f.targets or not f.sources or not f.entry.code.startswith(PROTEST_ROOT):
            continue
        heads = {f.n, g.head(f.n)} - {None}
        demand = next((d for d in frames if d is not f and d.targets and
                       d.entry.code.startswith(DEMAND_ROOTS) and g.head(d.n) in heads and
                       g.dep(d.n) in ("advcl", "xcomp", "acl") and
                       all(_other_side(t, f.sources) for t in d.targets)), None)
        if demand is not None:
            f.targets = list(demand.targets)
            f.how.append(f"target: whom the demand it is held for is made of "
                         f"('{g.tokens[demand.n].text}')")


def _threat_aims(g: Graph, frames: list[Frame]) -> None:
    """A threat with no target of its own is aimed where the act it threatens would strike:
    "threatened to launch a new military operation in northern Syria" (SYR)."""
    for f in frames:
        if f.targets or not f.sources or not f.entry.code.startswith(THREAT_ROOT):
            continue
        threatened = {c for x in g.kids(f.n, "xcomp", "ccomp") for c in g.subtree(x)}
        for d in frames:
            if d is f or d.n not in threatened:
                continue
            aimed = d.targets
            if not aimed and d.location is not None and d.entry.code.startswith(FORCE_ROOTS):
                loc = d.location              # force placed in another state strikes it
                text, start, end = _written(g.sentence, loc) or \
                    (loc.text, g.tokens[d.n].start, g.tokens[d.n].end)
                aimed = [_state(text, start, end, loc.country,
                                f"the state where it would strike ({text!r})")] \
                    if loc.country else []
            if aimed and all(_other_side(t, f.sources) for t in aimed):
                f.targets = list(aimed)
                f.how.append(f"target: where the act it threatens would strike "
                             f"('{g.tokens[d.n].text}')")
                break


def _answer_restated(g: Graph, frames: list[Frame], lex) -> None:
    """An answer (08x, 12x) told in a clause on a noun that restates another act of the sentence
    is aimed at that act's doers: "X ha accusato Pechino di ..., un'accusa che la Cina ha
    respinto" (China rejects X's accusation), "X demanded ..., a demand Y rejected"."""
    for f in frames:
        h = g.head(f.n)
        if f.targets or not f.sources or not f.entry.code.startswith(ANSWER_ROOTS) or \
                h is None or g.dep(f.n) not in ("acl", "acl:relcl", "relcl") or \
                g.tokens[h].pos not in NOUN_POS:
            continue
        roots = {e.code[:2] for e in lex.candidates(g.lemma(h), "noun")} & \
            {"11", *ANSWERED_ROOTS}
        told = next((o for o in frames if o is not f and o.n != h and o.sources and
                     o.entry.code[:2] in roots and
                     all(_other_side(a, f.sources) for a in o.sources)), None)
        if told is not None:
            f.targets = list(told.sources)
            f.how.append(f"target: who made the '{g.tokens[h].text}' it answers "
                         f"('{g.tokens[told.n].text}')")


def _pitted_sides(g: Graph, n: int) -> list[int]:
    """The sides that a verb of pitting (grammar ``pitting_verbs``) sets against each other in
    the event noun ``n``, its subject or the noun it qualifies: its object and its "à", "against"
    or "con" phrase ("de violents combats ont opposé l'armée malienne aux rebelles", "clashes
    pitting the army against rebels"); none unless both are there."""
    h = g.head(n)
    verbs = [h] if h is not None and g.dep(n) in ("nsubj", "csubj") else []
    verbs += g.kids(n, "acl", "acl:relcl", "relcl")
    for v in verbs:
        if g.lemma(v).lower() not in g.grammar.pitting_verbs:
            continue
        slots = g.slots(v)
        objs = [c for s_, c in slots if s_ == "obj"]
        sides = ("to", "against", "with")
        others = [c for s_, c in slots if g.role(s_) in {f"obl:{w}" for w in sides}
                  and c not in objs] or \
            [c for o in objs[:1] for s_, c in g.slots(o)       # hung on the object ("pitting
             if g.role(s_) in {f"nmod:{w}" for w in sides}]     # the army against the RSF")
        if objs and others:
            return [objs[0], others[0]]
    return []


def _participle_adjunct(g: Graph, n: int) -> bool:
    """A past participle with its own agent, added to a clause ("è arrivato a Pechino, accolto
    all'aeroporto da una delegazione cinese", "arrived, greeted by the prime minister"): it
    tells what was done to that clause's subject."""
    h = g.head(n)
    return h is not None and g.dep(n) in ("conj", "advcl") and \
        g.tokens[n].pos in VERB_POS and g.morph(n, "VerbForm") == "Part" and \
        g.morph(n, "Tense") in ("Past", None) and g.lemma(n) not in g.never_passive and \
        g.tokens[h].pos in VERB_POS and not any(
            g.dep(c) in ("nsubj", "nsubj:pass", "nsubjpass", "aux", "aux:pass", "auxpass",
                         "aux:tense", "expl", "cop", "mark") for c in g.children[n]) and \
        any(s_ == "agent" or g.role(s_) == "obl:by" for s_, _ in g.slots(n))


def _object_controller(g: Graph, h: int, x: int) -> int | None:
    """Who does what verb ``h`` of object control (grammar ``object_control_verbs``) asks,
    urges, allows or accuses someone of in its infinitive ``x``: that someone, the verb's object
    or dative before the infinitive ("ha chiesto a Israele di fermare i bombardamenti", "accusa
    Kiev di aver attaccato", "urged Israel to stop"), not the verb's subject."""
    if g.lemma(h).lower() not in g.grammar.object_control_verbs or \
            g.morph(x, "VerbForm") is not None and not _infinitival(g, x):
        return None
    return next((c for s_, c in g.slots(h) if c < x and g.tokens[c].pos in NOUN_POS and (
        s_ == "obj" or g.role(s_) in ("iobj", "obl:to"))), None)


def _verb_first(g: Graph, n: int) -> bool:
    """No nominal or pronoun before ``n``: a sentence that opens on its verb."""
    return not any(g.tokens[m].pos in NOUN_POS or g.tokens[m].pos == "PRON" for m in range(n))


def _speaker_as_subject(g: Graph, n: int, mod: Modality) -> tuple[int | None, str]:
    """A subject-less finite clause reported by a speaker is the speaker's own act in a
    pro-drop language ("Milei ha annunciato che incontrerà Xi")."""
    h = g.head(n)
    if h is None or g.dep(n) != "ccomp" or g.morph(n, "VerbForm") not in ("Fin", None) or \
            g.lemma(h) not in mod.reporting_verbs:
        return None, ""
    subj = _subject(g, h, g.passive(h))
    return (subj[0], f"the speaker of '{g.tokens[h].text}' (reported clause)") if subj else \
        (None, "")


def _resolve_all(g: Graph, heads: list[int], ctx: Context) -> list[Actor]:
    actors = []
    for head in heads:
        for c in g.conjuncts(head) + _listed_appositions(g, head, ctx):
            actor = resolve(g, c, ctx)
            if actor is not None and (actor.country or actor.sector):
                actors.append(actor)
                actors.extend(_coordinated_nationalities(g, c, actor, ctx))
                actors.extend(_named_conjuncts(g, c, actor, ctx))
    return actors


def _listed_appositions(g: Graph, n: int, ctx: Context) -> list[int]:
    """Names of a list that the parser hung on its first item as appositions ("Mordor, the
    Shire, Fornost and Bree": "Shire" appos, "Fornost" and "Bree" its conjuncts), when they name
    another state than the first item: a real apposition names the same actor."""
    listed = [a for a in g.kids(n, "appos") if g.tokens[a].pos in NOUN_POS and
              (g.kids(a, "conj") or any(k > a for k in g.kids(n, "conj")))]
    if not listed:
        return []
    first = resolve(g, n, ctx)
    if first is None or not first.country:
        return []
    items = [c for a in listed for c in g.conjuncts(a)   # a common noun is no name of the list
             if c != a or g.tokens[a].pos == "PROPN"]        # ("the self-declared republics")
    return [c for c in items
            if (other := resolve(g, c, ctx)) is not None and other.country and
            other.country != first.country]


def _named_conjuncts(g: Graph, c: int, actor: Actor, ctx: Context) -> list[Actor]:
    """An actor named inside the phrase of ``c`` brings the names coordinated with it: "ties
    with Mordor, Rohan and Bree", "ties between Gondor and Osgiliath"."""
    for m in g.subtree(c):
        if m == c or not g.kids(m, "conj"):
            continue
        named = resolve(g, m, ctx)
        if named is None or not named.country or \
                named.kb_id != actor.kb_id and named.country != actor.country:
            continue
        extra = [a for o in g.conjuncts(m)[1:]
                 if (a := resolve(g, o, ctx)) is not None and a.country]
        return extra
    return []


def _coordinated_nationalities(g: Graph, n: int, actor: Actor, ctx: Context) -> list[Actor]:
    """"diplomatici lettoni, lituani ed estoni", "Latvian, Lithuanian and Estonian diplomats":
    one actor per coordinated nationality adjective of the phrase."""
    extra = []
    for a in g.children[n]:
        word = g.tokens[a].text.lower()
        if word not in ctx.kb.adjectives or ctx.kb.adjectives[word] != actor.country:
            continue
        for other in g.conjuncts(a)[1:]:
            code = ctx.kb.adjectives.get(g.tokens[other].text.lower())
            if code and code != actor.country:
                t = g.tokens[other]
                extra.append(dataclasses.replace(
                    actor, text=t.text, start=t.start, end=t.end, name=ctx.kb.countries[code].name,
                    country=code, kb_id=f"country:{code}", how=f"coordinated adjective '{t.text}'"))
    return extra


def _targets(g: Graph, n: int, entry: Entry, slots, ctx: Context,
             taken: set[int]) -> tuple[list[Actor], Place | None, str]:
    wanted = entry.targets or g.grammar.target_slots
    for slot in wanted:
        for name, c in slots:
            if name != slot or c in taken:
                continue
            if slot not in CORE_SLOTS and _setting(g, c, n, ctx.lang):
                continue                  # "al vertice di Washington, gli alleati si sono
                #                           impegnati": the summit is the setting, not whom
            place = place_of(g, c, ctx) or (   # "annettere la regione dell'Essequibo"
                _place_inside(g, g.subtree(c), ctx) if entry.place_is_target else None)
            actors = _resolve_all(g, [c], ctx)
            directed = bool(actors) and (actors[0].how or "").startswith("capital") and (
                entry.code[:2] in DIRECTED_ROOTS and g.role(slot) in DATIVE_SLOTS or
                entry.code[:2] in ("02", "10") and g.role(slot) == "obl:by" or  # "preteso da Washington"
                g.role(slot) == "obl:with" or                 # "ha condiviso con Kiev"
                g.role(slot) in ("obl:about", "obl:on") and slot in entry.targets)   # "fa
            #                                                   pressione su Pechino"
            if place and place.kind == "city" and not entry.place_is_target and \
                    slot not in CORE_SLOTS and not directed and \
                    g.role(slot) != "obl:between" and \
                    not (actors and actors[0].how and
                         not actors[0].how.startswith(("capital", "city"))):
                continue                                  # "a Pechino" is where, not whom
            if actors:
                return actors, place if entry.place_is_target else None, slot
            if place is not None and entry.place_is_target and place.country:
                actor = _state(place.text, place.start, place.end, place.country,
                               f"place '{place.text}' in {place.country} as the target")
                return [actor], place, slot
    return [], None, ""


def _setting(g: Graph, c: int, n: int, lang: str) -> bool:
    """Whether ``c`` is a meeting named before the verb ``n`` as where it happens ("Al vertice
    di Washington, gli alleati si sono impegnati"), not whom the act is aimed at."""
    if c > n or g.tokens[c].pos not in NOUN_POS:
        return False
    lex = lexicon(lang)                   # (looked up only here: it checks the user's files)
    return lex is not None and any(e.code.startswith(MEETING_ROOT) and not e.with_
                                   for e in lex.candidates(g.lemma(c), "noun"))


def _fallback_targets(g: Graph, n: int, entry: Entry, ctx: Context, taken: set[int],
                      sources: list[Actor], consumed: set[int] = frozenset()
                      ) -> tuple[list[Actor], str]:
    """Targets that are not in an argument slot of the predicate itself:
    the owner of its object ("rejected an Australian ultimatum", "welcomed Reagan's plan"),
    or an argument of its infinitive ("offered to negotiate with Armenia")."""
    mine = {a.country for a in sources}
    free = taken - set(consumed)           # the entry's own word may carry the target: "alle
    #                    garanzie per l'Ucraina", "offerta di ospitare un round di colloqui tra
    #                    Mosca e Kiev"
    for slot, c in g.slots(n):             # (or the thing the act goes to: "ha espresso sostegno
        if (slot == "obj" or g.role(slot) == "obl:to" and not _setting(g, c, n, ctx.lang)) \
                and c not in free:         # alla formula presentata da Zelensky")
            owners = [a for a in _owner(g, c, ctx, taken) if _other_side(a, sources)]
            if owners and entry.code.startswith((SUPPORT_ROOT, *DISAPPROVAL_ROOTS)):
                return owners, f"owner of '{g.tokens[c].text}'"   # "condemned X's visit to Y",
                #                         "sostegno al piano di pace cinese per l'Ucraina"
            found = _aimed(g, c, ctx, taken, mine)
            if found:
                return found, f"aim of '{g.tokens[c].text}'"
            if owners:
                return owners, f"owner of '{g.tokens[c].text}'"
    for slot, c in g.slots(n):     # "un prestito da 3 miliardi di dollari al Pakistan": the
        if c in taken or not g.kids(c, "nummod") or \
                not entry.code.startswith(TRANSFER_ROOTS):   # aim hangs on the amount
            continue
        nouns = [c, *(x for s, x in g.slots(c) if g.role(s) == "nmod:of")]   # "di dollari"
        nouns += [x for m in nouns[1:] for s, x in g.slots(m)      # "di dollari di aiuti"
                  if g.role(s) == "nmod:of" and x not in nouns]
        inner = [(s.replace("nmod:", "obl:"), x) for m in nouns for s, x in g.slots(m)]
        found, _, inner_slot = _targets(g, c, entry, inner, ctx, taken)
        if not found and entry.code.startswith(AID_CODES):   # "100 milioni di dollari di
            found = _resolve_all(g, [x for s, x in inner if g.role(s) == "obl:for"], ctx)
            inner_slot = "the 'for' phrase"                  # aiuti per i palestinesi"
        found = [a for a in found if _other_side(a, sources)]
        if found:
            return found, f"{inner_slot} of the amount '{g.tokens[c].text}'"
    if entry.code.startswith(NON_FACTIVE_ROOTS + ("06", "08")):   # "demanded that the US
        # cancel its plans", "allowed Russia to deploy"
        for x in g.kids(n, "ccomp"):
            found = [a for a in _resolve_all(g, _subject(g, x, False), ctx)
                     if _other_side(a, sources)]
            if found:
                return found, f"subject of '{g.tokens[x].text}'"
            dative = _dative_of_verb(g, x, g.slots(x), ctx, sources) if g.passive(x) and \
                entry.code.startswith("03") else None   # "a promis que l'aide serait
            if dative:                                    # acheminée à la population libanaise"
                return dative[0], f"whom '{g.tokens[x].text}' goes to"
    infinitives = [c for c in g.kids(n, "ccomp", "advcl") if _marked_infinitive(g, c)]
    for x in g.kids(n, "xcomp") + infinitives:   # ("minaccia di sospendere ... all'Ungheria":
        dative = _dative_of_verb(g, x, [(s, c) for s, c in g.slots(x) if c not in taken], ctx,
                                 sources)   # "refused to cede Greenland to the United States"
        if dative:
            return dative[0], f"whom '{g.tokens[x].text}' would give to"   # to whom, not what
        found, _, slot = _targets(g, x, entry, g.slots(x), ctx, taken)   # a ccomp to the parser)
        found = [a for a in found if _other_side(a, sources) and not (   # "amenazó con
            entry.code.startswith(THREAT_ROOT) and _forces(a))]  # enviar tropas": its means
        if found:
            return found, f"{slot} of '{g.tokens[x].text}'"
        for slot, c in g.slots(x):
            if (slot == "obj" or g.role(slot.replace("obl:", "nmod:")) in AIMED_SLOTS) and \
                    c not in taken:
                found = _aimed(g, c, ctx, free, mine) or \
                    [a for a in _owner(g, c, ctx, free) if _other_side(a, sources)]
                if found:
                    return found, f"owner of '{g.tokens[c].text}'"
        things = [c for s_, c in g.slots(x) if s_ == "obj" and c not in free]
        for slot, c in g.slots(x) + [p for m in things for p in g.slots(m)]:   # "a proposé
            if g.role(slot.replace("obl:", "nmod:")) == "nmod:between" and c not in taken:
                found = [a for a in _resolve_all(g, g.conjuncts(c), ctx)   # d'accueillir des
                         if _other_side(a, sources)]      # négociations entre la Russie et
                if found:                                 # l'Ukraine", "di ospitare negoziati
                    return found, f"the sides of '{g.tokens[x].text}'"   # tra Russia e Ucraina"
    return [], ""


def _dative_of_verb(g: Graph, c: int, slots, ctx: Context, sources: list[Actor]
                    ) -> tuple[list[Actor], None, str] | None:
    """Whom verb ``c`` gives to, of the other side, read from its ``slots`` ("refused to cede
    Greenland to the United States": the United States, not Greenland; "a promis que l'aide
    serait acheminée à la population libanaise")."""
    if g.tokens[c].pos not in VERB_POS:
        return None
    datives = [x for s, x in slots if g.role(s) in ("iobj", "obl:to")]
    found = [a for a in _resolve_all(g, datives, ctx) if _other_side(a, sources)]
    return (found, None, "dative") if found else None


def _forces(a: Actor) -> bool:
    """Armed forces or police not yet given a state: in a sentence about one state's act
    ("ha schierato l'esercito", "amenazó con enviar tropas"), that state's own."""
    return a.country is None and a.sector in FORCE_SECTORS


def _own_ground(code: str, source: Actor, target: Actor | None) -> bool:
    """A state's own forces or towns as the target of its force posture or withdrawal (a
    rebel group's truce with its state's army is no truce with itself)."""
    return target is not None and code.startswith(OWN_FORCE_CODES) and \
        target.sector in (None, *FORCE_SECTORS) and target.country == source.country and \
        source.sector in (None, *STATE_SECTORS)


def _other_side(a: Actor, sources: list[Actor]) -> bool:
    """Whether ``a`` can be the sources' target: another state, a sector not yet placed, or
    another sector of their own state ("the President threatened to ban Ugandan opposition
    candidates": GOV on OPP), or a non-state sector of the state that is the source ("Croatia is
    investigating war crimes by Croatian extremists")."""
    return a.country is None or all(
        a.country != s.country or a.sector and a.sector != s.sector and (
            s.sector or a.sector not in STATE_SECTORS) for s in sources)


def _place_after(g: Graph, n: int, ctx: Context, sources: list[Actor]) -> tuple[list[Actor], str]:
    """The state of the first place named with a "to"/"in" preposition after the verb ``n`` in
    its stretch of the sentence, where the parser hung the phrase elsewhere ("envió brigadistas
    forestales y aviones cisterna a Bolivia": "a Bolivia" on "cisterna")."""
    mine = {a.country for a in sources}
    for p in range(n + 1, len(g.tokens)):
        if g.tokens[p].pos == "PUNCT" or g.dep(p) == "mark":
            break                           # another clause: "para ayudar a ..."
        preposition = g.preposition(p) if g.tokens[p].pos == "PROPN" else None
        if preposition is None or preposition not in g.grammar.location_prepositions and \
                g.role(f"obl:{preposition}") not in ("obl:to", "obl:in", "obl:toward"):
            continue
        place = place_of(g, p, ctx)
        if place is not None and place.country in ctx.kb.countries and place.country not in mine:
            return [_state(place.text, place.start, place.end, place.country,
                           f"place '{place.text}' in {place.country} as the target")], \
                f"'{place.text}', the first place after the verb"
    return [], ""


def _across_border(g: Graph, n: int, ctx: Context, mine: set) -> tuple[list[Actor], str]:
    """The state a show of force faces: "ha ammassato truppe al confine con l'Ucraina",
    "desplegó buques frente a las costas de Venezuela" (the grammar's border nouns). Read in
    word order, the next name after the border noun: the parser often hangs it elsewhere."""
    clause = g.subtree(n, stop={"ccomp", "advcl", "parataxis", "acl:relcl", "relcl", "csubj"})
    for c in sorted(clause):
        if g.lemma(c).lower() not in g.grammar.border_nouns:
            continue
        for x in range(c + 1, min(c + 5, len(g.tokens))):
            if g.tokens[x].pos not in NOUN_POS:
                continue
            found = [a for a in _resolve_all(g, [x], ctx) if a.country not in mine]
            if found:
                return found, f"the state across '{g.tokens[c].text}'"
            break
    for c in sorted(clause):              # "esercitazioni attorno a Taiwan", "drills around X"
        h = g.head(c)
        prep = g.preposition(c) or (g.lemma(h) if g.dep(c) == "pobj" and h is not None else None)
        words = [g.tokens[m].text.lower() for m in range(max(0, c - 3), c)
                 if g.tokens[m].pos != "DET"][-2:]        # "autour de": an adverb and "de"
        written = " ".join(words[:-1] + [g.grammar.contractions.get(w, w) for w in words[-1:]])
        roles = {g.role(f"obl:{prep}"), g.role(f"obl:{written}"),      # "come deterrente
                 *(g.role(f"obl:{g.tokens[k].text.lower()}") for k in g.kids(c, "case"))} \
            if prep else set()                                          # contro gli Houthi"
        if roles & {"obl:around", "obl:against"} and not _in_anothers_act(g, c, n, ctx, mine):
            found = [a for a in _resolve_all(g, [c], ctx) if a.country not in mine]
            if found:
                return found, f"the state it faces ('{g.tokens[c].text}')"
    return [], ""


def _in_anothers_act(g: Graph, c: int, n: int, ctx: Context, mine: set) -> bool:
    """Word ``c`` hangs, below ``n``, on a thing another actor owns: "dopo l'attacco di Hamas
    contro Israele" names whom Hamas attacked, not whom an alert faces."""
    h = g.head(c)
    while h is not None and h != n:
        owners = [x for s, x in g.slots(h) if g.role(s) in OWNER_SLOTS]
        if g.tokens[h].pos in NOUN_POS and any(
                a.country not in mine for a in _resolve_all(g, owners, ctx)):
            return True
        h = g.head(h)
    return False


def _many(g: Graph, heads: list[int]) -> str:
    """Whether the phrases ``heads`` count many people (a numeral of MASS_KILLING or more, or a
    large-number word: "almeno 80 abitanti", "centinaia di civili"); the words, or ""."""
    for h in heads:                       # the head's own count, not "un uomo di 43 anni"
        counts = [x for s, x in g.slots(h) if g.role(s) == "nmod:of"] \
            if g.lemma(h).lower() in g.grammar.quantity_nouns else []    # "decine di migliaia"
        for m in [h, *g.kids(h, "nummod"), *counts]:
            word = g.tokens[m].text.lower()
            if word in g.grammar.large_number_words:
                return f"'{g.tokens[m].text}'"
            if m != h:
                digits = word.replace(".", "").replace(",", "").replace("\u202f", "")
                if digits.isdigit() and int(digits) >= MASS_KILLING:
                    return f"'{g.tokens[m].text}'"
    return ""


def _named_foe(g: Graph, n: int, ctx: Context, sources: list[Actor]) -> tuple[list[Actor], str]:
    """A state's army put on alert or called up with no one named as faced: the other state its
    own clause names ("ha richiamato 300 mila riservisti in vista di un'offensiva nella
    Striscia di Gaza", "ha innalzato l'allerta dopo il lancio di un satellite nordcoreano")."""
    if not sources or any(a.sector not in (None, "MIL") or not a.country for a in sources):
        return [], ""
    mine = {a.country for a in sources}
    clause = g.subtree(n, stop={"ccomp", "parataxis", "acl:relcl", "relcl", "csubj"})
    for c in sorted(clause):
        adjective = _nationality_actor(g, c, ctx) if g.tokens[c].pos == "ADJ" else None
        if adjective is not None and adjective.country not in mine:
            return [adjective], "the other state its clause names"
        if g.tokens[c].pos == "PROPN" and g.dep(c) not in ("flat", "flat:name", "compound"):
            found = [a for a in _resolve_all(g, [c], ctx)
                     if a.country and a.country not in mine and a.sector is None]
            if found:
                return found, "the other state its clause names"
    return [], ""


def _aimed(g: Graph, n: int, ctx: Context, taken: set[int], mine: set,
           depth: int = 0) -> list[Actor]:
    """Whom the thing ``n`` is aimed at: "action against Russia", "restrictions against
    German goods" (the owner of the aimed thing), "aiuti all'Ucraina"."""
    for slot, c in g.slots(n):
        if g.role(slot) in AIMED_SLOTS and c not in taken and \
                _is_word(g, c, g.grammar.weapon_nouns):
            if depth < 2:                 # "un attacco con droni e missili contro le
                found = next((f for w in g.conjuncts(c)   # infrastrutture ucraine": the weapons
                              if (f := _aimed(g, w, ctx, taken, mine, depth + 1))), [])   # are
                if found:                 # what it is made with; the parser may hang the aim
                    return found          # on them
            continue
        if g.role(slot) in AIMED_SLOTS and c not in taken:
            found = [a for a in (_resolve_all(g, [c], ctx) or _owner(g, c, ctx, taken))
                     if a.country not in mine]
            if found:
                return found
    if depth < 2:                         # down: "l'essentiel des sanctions contre X", "i
        for slot, c in g.slots(n):        # negoziati per un accordo di libero scambio con
            if g.role(slot) in ("nmod:of", "nmod:for") and c not in taken:   # Israele"
                found = _aimed(g, c, ctx, taken, mine, depth + 1)
                if found or g.role(slot) == "nmod:of":
                    return found
    for c in g.kids(n, "acl"):            # what the thing is for: "signed an accord to supply
        if g.morph(c, "VerbForm") == "Inf" or g.tokens[c].tag == "VB":   # Gondor with wheat"
            inner = [x for s, x in g.slots(c) if x not in taken and (
                s in ("obj", "dobj", "iobj") or g.role(s.replace("obl:", "nmod:")) in AIMED_SLOTS)]
            found = [a for a in _resolve_all(g, inner, ctx) if a.country not in mine]
            if found:
                return found
    return []


def _owner(g: Graph, n: int, ctx: Context, taken: set[int]) -> list[Actor]:
    """Whose thing ``n`` is: "l'iniziativa della Cina", "il piano cinese", "China's plan",
    "al-Qaeda leaders" (a name compounded with it)."""
    owner = [x for s, x in g.slots(n) if x not in taken and (
        g.role(s) in OWNER_SLOTS or s == "compound" and g.tokens[x].pos == "PROPN")]
    return _resolve_all(g, owner, ctx) or _adjective_actor(g, n, ctx) or \
        _author(g, n, ctx, taken) or _participle_aim(g, n, ctx)


def _struck(g: Graph, n: int, ctx: Context, mine: set) -> list[Actor]:
    """What an act of force named as a noun struck, through the verb it is the agent or the
    subject of: "Kyiv was hit by a Russian missile attack", "l'attacco ha colpito Odessa"."""
    h, d = g.head(n), g.dep(n)
    if h is not None and d == "pobj" and g.dep(h) == "agent":     # English "by" + noun
        n, h, d = h, g.head(h), "agent"
    if h is None or g.tokens[h].pos not in VERB_POS:
        return []
    if d in ("agent", "obl:agent") or (d.startswith("obl") and g.preposition(n) and
                                        g.role(f"obl:{g.preposition(n)}") == "obl:by"):
        heads = [c for s_, c in g.slots(h) if s_ in ("nsubj:pass", "nsubj")]
    elif d == "nsubj":
        heads = [c for s_, c in g.slots(h) if s_ == "obj"]
    else:
        return []
    return [a for a in _resolve_all(g, heads, ctx) if a.country not in mine]


def _participle_aim(g: Graph, n: int, ctx: Context) -> list[Actor]:
    """Whom a participle on ``n`` ties it to: "le sanzioni imposte alla Russia", "le navi
    legate a Israele", "aid destined for Gaza"."""
    for c in g.kids(n, "acl"):
        if _reduced_passive(g, c):
            found = _resolve_all(g, [x for s_, x in g.slots(c) if s_ == "iobj" or
                                     g.role(s_.replace("obl:", "nmod:")) in AIMED_SLOTS], ctx)
            if found:
                return found
    return []


def _author(g: Graph, n: int, ctx: Context, taken: set[int]) -> list[Actor]:
    """Who made the thing ``n``, by the agent of a participle on it: "la proposta avanzata da
    Trump", "the plan put forward by Washington", "le plan présenté par Paris"; the parser may
    hang it on the thing's "of" complement: "il piano di pace presentato da Lula"), or its own
    "by" phrase ("war crimes by Croatian extremists")."""
    by = [x for s, x in g.slots(n) if g.role(s) == "nmod:by" and x not in taken]
    if by and (found := _resolve_all(g, by, ctx)):
        return found
    clauses = [k for m in [n, *_of_nouns(g, n)] for k in g.kids(m, "acl", "acl:relcl", "relcl")]
    for c in clauses:
        if g.morph(c, "VerbForm") != "Part" and g.tokens[c].tag != "VBN":
            continue
        agents = [x for s, x in g.slots(c) if s == "agent" and x not in taken]
        if agents:
            return _resolve_all(g, agents, ctx)
    for c in clauses:                     # "the plan that Washington proposed", "la liste de
        if g.dep(c) == "acl" or g.passive(c):   # ressortissants que Paris souhaitait expulser"
            continue
        subj = [x for s, x in g.slots(c) if s == "nsubj" and x not in taken and
                g.morph(x, "PronType") != "Rel" and g.lemma(x) not in g.grammar.relative_pronouns]
        if subj and (found := _resolve_all(g, subj, ctx)):
            return found
    return []


def _document_author(g: Graph, n: int, ctx: Context, taken: set[int]) -> list[Actor]:
    """Who speaks through the document ``n`` (a resolution, a statement, a report): its owner or
    author ("la risoluzione del Parlamento", "the statement issued by Beijing"), else the
    subject of the verb it is the object of ("il Parlamento ha approvato una risoluzione che
    condanna ...", "the Council adopted a resolution demanding ...")."""
    if not _is_word(g, n, g.grammar.document_nouns):
        return []
    found = _owner(g, n, ctx, taken)
    h = g.head(n)
    if not found and h is not None and g.tokens[h].pos in VERB_POS and \
            g.dep(n) in ("obj", "dobj") and not g.passive(h):
        found = _resolve_all(g, _subject(g, h, False), ctx)
        if not found and g.grammar.pro_drop and not _subject(g, h, False) and \
                ctx.antecedent is not None:
            found = [ctx.antecedent]      # "Ha approvato una risoluzione che condanna ..."
    return found


def _of_nouns(g: Graph, n: int) -> list[int]:
    """The common nouns completing ``n`` with "of"/"di": where the parser hangs what belongs to
    ``n`` ("la proposta di pace ucraina", "il piano di pace presentato da Lula")."""
    return [x for s, x in g.slots(n) if g.role(s) == "nmod:of" and g.tokens[x].pos == "NOUN"]


def _nationality_actor(g: Graph, c: int, ctx: Context) -> Actor | None:
    """The state the nationality adjective ``c`` names, as an actor ("russo" -> RUS)."""
    t = g.tokens[c]
    iso3 = ctx.kb.adjectives.get(t.text.lower())
    if iso3 is None and (pair := _adjective_pair(g, c, g.head(c), ctx.kb)) is not None:
        iso3, how = pair                  # "the North Korean missile launch"
        text, start, end = g.text([c - 1, c])
        return Actor(text, start, end, ctx.kb.countries[iso3].name, iso3, None,
                     f"country:{iso3}", how)
    return None if iso3 is None else Actor(t.text, t.start, t.end, ctx.kb.countries[iso3].name,
                                           iso3, None, f"country:{iso3}", f"adjective '{t.text}'")


def _adjective_actor(g: Graph, n: int, ctx: Context) -> list[Actor]:
    """The state a nationality adjective on ``n`` names ("il piano cinese"), or on its "of"
    complement when that is a common noun ("la proposta di pace ucraina")."""
    for m in [n, *_of_nouns(g, n)]:
        for slot, c in g.slots(m):
            actor = _nationality_actor(g, c, ctx) if slot in ("amod", "compound") else None
            if actor is not None:
                return [actor] + _coordinated_nationalities(g, m, actor, ctx)
    for c in g.kids(n, "amod"):           # "a British-owned cargo ship", "a Greek-flagged tanker"
        if g.tokens[c].text.lower() in g.grammar.ownership_participles:
            found = [a for k in g.children[c] if k < c and
                     (a := _nationality_actor(g, k, ctx)) is not None]
            if found:
                return found[:1]
    return []


def _location(g: Graph, n: int, slots, ctx: Context, used: set[int]) -> Location | None:
    # the predicate's own place phrases, then those on its object ("arrested protesters in X")
    objects = [c for name, c in slots if name in ("obj", "nsubj:pass")]
    objects += [x for c in objects for s, x in g.slots(c) if g.role(s) == "nmod:of"]
    slots = list(slots) + [(s.replace("nmod:", "obl:"), x) for c in objects
                           for s, x in g.slots(c) if s.startswith("nmod:")]
    for name, c in slots:
        prep = name.split(":", 1)[1] if ":" in name else ""
        if c in used or prep not in g.grammar.location_prepositions:
            continue
        place = place_of(g, c, ctx) or _place_inside(g, g.subtree(c), ctx)   # "nel nord della Siria"
        if place is not None:
            return Location(place.text, place.name, place.country, place.lat, place.lon,
                            place.kb_id)
    return None


def _date(g: Graph, n: int, mentions: list[DateMention], clause: set[int]) -> DateMention | None:
    """The first date written inside the predicate's clause, else one that hangs on it
    directly ("hace tres días", where the parser makes "hace" a clause of its own)."""
    inside = [m for m in mentions if any(p in clause for p in range(m.start, m.end))]
    if not inside:
        inside = [m for m in mentions if any(g.head(p) in clause for p in range(m.start, m.end))]
    return inside[0] if inside else None


def _when_date(g: Graph, n: int, mentions: list[DateMention]) -> DateMention | None:
    """The date of a clause that ``n``'s clause is simultaneous with (grammar
    ``simultaneity_markers``): a "when" clause's head, or the "when" clause of a head ("aveva
    visitato la Cina lo scorso settembre, quando aveva incontrato Xi": the meeting was in
    September too); a gerund's head ("shelled Kharkiv on Saturday, killing six")."""
    def marked(c: int) -> bool:
        return any(g.tokens[m].text.lower() in g.grammar.simultaneity_markers
                   for m in g.kids(c, "mark", "advmod") if m < c)

    def gerund(c: int) -> bool:           # "shelled Kharkiv on Saturday, killing six": the
        return not g.kids(c, "mark", "prep") and c > g.head(c) and (   # same day ("after
            g.morph(c, "VerbForm") == "Ger" or g.tokens[c].tag == "VBG")   # killing": not)
    h = g.head(n)
    if h is not None and (g.dep(n) == "advcl" and marked(n) or      # (a gerund may be read
                          g.dep(n) in ("advcl", "conj") and gerund(n)):   # as a conjunct)
        return _date(g, h, mentions, _clause(g, h))
    return next((d for c in g.kids(n, "advcl") if marked(c)
                 if (d := _date(g, c, mentions, _clause(g, c))) is not None), None)


def _interval_date(g: Graph, n: int, mentions: list[DateMention], pub: dt.date | None,
                   lang: str) -> DateMention | None:
    """An act told in an "after" clause measured by an interval (grammar ``after_markers``:
    "Russia restored ties, five years after protesters burned down its embassy"): that long
    before its head clause's date, else before the publication date."""
    if g.dep(n) != "advcl" or not g.grammar.after_markers:
        return None
    first = min(g.subtree(n))
    window = range(max(0, first - 4), min(len(g.tokens), first + 4))
    head = g.head(n)
    while head is not None and g.tokens[head].pos not in VERB_POS:   # (Spanish "después de
        head = g.head(head)                                          # que": on the adverb)
    base = _date(g, head, mentions, _clause(g, head)) if head is not None else None
    anchor = base.date if base is not None else pub
    if anchor is None:
        return None
    found = interval_before([g.tokens[p].text for p in window], lang, anchor,
                            g.grammar.after_markers)
    return None if found is None else dataclasses.replace(
        found, start=found.start + window.start, end=found.end + window.start)


def _clause(g: Graph, n: int) -> set[int]:
    return set(g.subtree(n, stop={"ccomp", "advcl", "parataxis", "acl:relcl", "relcl", "conj",
                                  "csubj", "xcomp"}))


@dataclass
class CodingResult:
    events: list[Event]
    subjects: list[Actor]
    objects: list[Actor] = field(default_factory=list)    # whom the main verb acted on


def _mistagged_participle(g: Graph, n: int) -> bool:
    """A participle the tagger took for an adjective (or an adverb, or a noun) though it has a
    perfect's "avere" ("Mosca ha espulso diplomatici": espulso ADJ, ha its aux; "a expulsé"
    tagged ADV): a verb all the same."""
    return g.tokens[n].pos in ("ADJ", "ADV", "NOUN") and \
        any(g.dep(c) in ("aux", "aux:tense") and g.lemma(c) in g.grammar.perfect_auxiliaries
            for c in g.children[n])


def code_sentence(g: Graph, index: int, article: Article, ctx: Context,
                  pub: dt.date | None, lex) -> CodingResult:
    """Code one sentence; ``lex`` is the article's lexicon (looked up once per article)."""
    lang = article.language or ""
    mod = modality(lang)
    if lex is None or mod is None:
        return CodingResult([], [])
    words = [t.text for t in g.tokens]
    dates = {"past": find_dates(words, lang, pub, "past"),
             "future": find_dates(words, lang, pub, "future")}
    used: set[int] = set()                 # words consumed by `with` conditions
    frames: list[Frame] = []
    subjects: list[Actor] = []
    objects: list[Actor] = []

    # verbs first, so that an event noun knows whether its governing verb is coded itself
    verbs = [n for n, t in enumerate(g.tokens) if t.pos in VERB_POS or _mistagged_participle(g, n)]
    nouns = [n for n, t in enumerate(g.tokens) if t.pos in NOUN_POS and n not in verbs]
    def after_head(n: int) -> tuple[int, int]:     # a compound after the noun it modifies,
        h = g.head(n)                                # whose entry may take it as its word ("an
        if g.dep(n) == "compound" and h is not None and h > n and g.tokens[h].pos in NOUN_POS:
            return h, 1                              # assassination attempt": 185, not 186)
        return n, 0
    order = verbs + sorted(nouns, key=after_head)
    written = dates["past"] + dates["future"] if pub is not None else \
        find_dates(words, lang, dt.date.today(), "past")   # (without a publication date only
    #                                          dates with a year resolve; "March 21" is still one)
    in_dates = {p for m in written for p in range(m.start, m.end)}
    marker = _source_marker(g, mod)   # "secondo una commissione d'inchiesta dell'Onu": words
    in_marker = set(g.subtree(marker)) - {marker} if marker is not None else set()   # naming
    #                  who reports ("selon l'enquête de l'ONU": the report itself is an act)
    for n in order:
        tok = g.tokens[n]
        kind = "verb" if n in verbs else "noun"
        if n in used or n in in_dates:
            continue                      # "WASHINGTON, March 1": a date, not a march
        if kind == "noun" and (_inside_name(g, n, ctx) or n in in_marker):
            continue                      # "Organizzazione per la cooperazione di Shanghai"
        before = set(used)
        entry = _entry(g, n, kind, lex, used)
        if entry is None:
            continue
        consumed = used - before
        if kind == "verb" and _announces_event_noun(g, n, entry, lex, mod):
            used = before                 # "ha annunciato la sospensione del trattato": the
            continue                      # noun is the act, with the speaker as its source
        if kind == "verb" and entry.code.startswith(APPEAL_ROOT) and \
                _is_word(g, n, mod.intent_verbs) and any(
                    g.morph(c, "VerbForm") == "Inf" for c in g.kids(n, "xcomp")):
            used = before                 # "que Paris souhaitait expulser": a wish to act is
            continue                      # the intent its infinitive carries, no appeal
        frame = (_verb_frame if kind == "verb" else _noun_frame)(g, n, entry, ctx, mod, lang,
                                                                 dates, frames, consumed)
        if frame is not None:
            frames.append(frame)
            if kind == "verb" and frame.sources and g.dep(n).lower() == "root":
                subjects.extend(frame.sources)
                objects.extend(t for t in frame.targets   # not "arrivato a Roma", his own
                               if all(t.country != s.country for s in frame.sources))
            if kind == "verb" and entry.code == CLAIM_CODE and frame.sources:
                claimed = [c for c in consumed if g.tokens[c].pos in NOUN_POS]
                claimed += [x for c in claimed for s_, x in g.slots(c)   # "responsibility
                            if s_.startswith("nmod") and g.tokens[x].pos == "NOUN"]  # for the attack"
                if _reduced_passive(g, n):
                    claimed.append(g.head(n))         # "un attentato rivendicato da X"
                frames.extend(_claimed_acts(g, list(dict.fromkeys(claimed)), frame, ctx, mod,
                                            lang, dates, frames, lex))

    if not subjects:                      # "Lavrov landed in New Delhi. He met ..."
        for n, tok in enumerate(g.tokens):
            if g.dep(n).lower() == "root" and tok.pos in VERB_POS:
                subjects.extend(a for a in _resolve_all(g, _subject(g, n, g.passive(n)), ctx)
                                if a.country and g.tokens[g.head(n) or n].pos != "PRON")
    frames.sort(key=lambda f: f.n)
    frames = _obligations_as_demands(g, frames, mod, ctx)
    _answer_restated(g, frames, lex)
    _protest_aims(g, frames)
    _threat_aims(g, frames)
    coded = [(frame, _events(frame, g, index, article, pub, ctx, lex)) for frame in frames]
    reporters_with_content = {f.reporter for f, found in coded if f.reporter is not None
                              and any(e.source for e in found)   # a source found late: "è stato
                              and not f.negated and not f.hypothetical}   # ucciso ... con una
    #   pattuglia israeliana"; asserted content: "«Venezuela no se va a rendir», afirmó Maduro"
    #   is a statement
    events: list[Event] = []
    for frame, found in coded:
        entry = frame.entry               # a user dictionary may give "said" its own code
        is_report = entry.code == "010" or \
            g.lemma(frame.n) in mod.reporting_verbs and (entry.code.startswith("01") or (
                entry.origin and not entry.specificity and not entry.with_))
        said_by = {frame.n, *g.kids(frame.n, "xcomp", "ccomp")}  # "ha fatto sapere che ..."
        if is_report and said_by & reporters_with_content:
            continue                      # a statement only when nothing more specific is said
        if is_report and not any(a.country or a.kb_id for a in frame.sources):
            continue                      # "police said", "officials say": nobody to code
        events.extend(found)
    return CodingResult(events, subjects, objects)


def _claimed_acts(g: Graph, nouns: list[int], claim: Frame, ctx, mod, lang, dates, frames,
                  lex) -> list[Frame]:
    """The acts a claim of responsibility names (CAMEO 015 "rivendicare l'attacco", "claimed
    the bombing"), coded as well, with the claimant as their source when they name none."""
    out = []
    for c in nouns:
        entry = _entry(g, c, "noun", lex, set())
        if entry is None or entry.code == CLAIM_CODE or any(f.n == c for f in frames):
            continue
        others = [f for f in frames if f is not claim]      # the claim verb is no light verb
        frame = _noun_frame(g, c, entry, ctx, mod, lang, dates, others, set(), claim.sources)
        if frame is not None:
            frame.negated = frame.negated or claim.negated
            frame.hypothetical = frame.hypothetical or claim.hypothetical
            out.append(frame)
    return out


def _announces_event_noun(g: Graph, n: int, entry: Entry, lex, mod: Modality) -> bool:
    """A reporting verb with only its plain statement code whose object is an event noun of
    the lexicon ("announced the suspension of", "ha annunciato il ritiro")."""
    if not entry.code.startswith("01") or entry.with_ or g.lemma(n) not in mod.reporting_verbs:
        return False
    if entry.negated_code and _negated(g, n, mod):
        return False                      # "no quiso comentar el informe": declined comment
    return any(g.tokens[c].pos in NOUN_POS and lex.candidates(g.lemma(c), "noun")
               for c in g.kids(n, "obj", "dobj"))


def _obligations_as_demands(g: Graph, frames: list[Frame], mod: Modality,
                            ctx: Context) -> list[Frame]:
    """"X said that Y must do Z" demands of Y (CAMEO 10): the statement becomes a demand
    whose target is the obliged subject; the obligation itself is not an act."""
    from cronaca.events.lexicon import Entry

    for f in frames:
        if not (f.entry.code.startswith("01") and g.lemma(f.n) in mod.reporting_verbs):
            continue
        for x in g.children[f.n]:
            if g.dep(x) not in ("ccomp", "parataxis") or not any(
                    _is_word(g, a, DEONTIC) for a in _aux(g, x)) or g.morph(x, "Mood") == "Cnd":
                continue
            obliged = [a for a in _resolve_all(g, _subject(g, x, g.passive(x)), ctx)
                       if _other_side(a, f.sources)]
            if not obliged:
                continue
            f.entry = Entry(lemma=f.entry.lemma, code=DEMAND, kind="verb")
            f.targets = obliged
            f.how.append(f"obligation '{g.tokens[x].text}' in reported speech -> demand")
            for inner in frames:
                if inner.n == x or g.head(inner.n) == x:
                    inner.hypothetical = True
            break
    return frames


def _verb_frame(g, n, entry, ctx, mod, lang, dates, frames, consumed) -> Frame | None:
    how = [entry.describe()]
    reduced = _reduced_passive(g, n) and not entry.passive_like
    adjunct = not entry.passive_like and _participle_adjunct(g, n)
    passive = g.passive(n) and not entry.passive_like or reduced or adjunct
    slots = g.slots(n)
    subj = _subject(g, n, passive)
    if passive and subj and entry.targets:   # "le auto importate dalla Cina": an entry whose
        origin = [c for c in subj if f"obl:{g.preposition(c)}" == entry.targets[0]]   # target
        if origin:                            # is first its "da" phrase has no agent in it
            subj = [c for c in subj if c not in origin]
            slots = [(f"obl:{g.preposition(c)}" if c in origin else s_, c) for s_, c in slots]
            how.append("the 'da' phrase is the entry's target, not an agent")
    if entry.passive_like:   # "ha ottenuto dalla Germania nuovi aiuti": the giver acts on the
        givers = [c for s_, c in slots  # subject ("da", "from", Spanish and French "de");
                  if g.role(s_) in ("agent", "obl:by", "obl:from", "obl:of")]   # the first
        if entry.origin:              # a dictionary's "+ * ... $": any phrase after the verb
            givers += [c for s_, c in slots if c > n and s_.startswith("obl:") and c not in givers]
        givers += [x for s_, c in slots if s_.startswith(("obl", "obj"))
                   for m in g.subtree(c) for s2, x in g.slots(m)
                   if g.role(s2) == "nmod:by" and x not in givers]   # "fue muerta de varios
        #                impactos (de arma de fuego) por hombres armados": hung on a phrase before
        subj = next(([c] for c in givers if _resolve_all(g, [c], ctx)), givers[:1])  # actor
    if not passive and any(c < n for c in subj) and any(c > n for c in subj) and \
            not any(s_ == "obj" for s_, _ in slots):
        # "la Spagna riconoscerà lo Stato di Palestina" parsed with two subjects
        slots, subj = _as_object(slots, [c for c in subj if c > n]), [c for c in subj if c < n]
        how.append("a second subject after the verb read as the object")
    if not subj and not passive and not entry.passive_like and g.dep(n) != "xcomp" and \
            g.morph(n, "VerbForm") != "Inf" and (post := _postposed_speaker(g, n, mod)) and \
            _resolve_all(g, post, ctx):
        # (an infinitive's subject is its head's; "Ha sostenuto la proposta": no speaker, the
        # dropped subject's object)
        subj = post
        how.append("source: post-posed subject")
    sources: list[Actor] = _resolve_all(g, subj, ctx)
    if (own := _clause_antecedent(g, n, subj, ctx)) is not None:
        sources = [own]                   # "visited China, when he met Xi": he is Lukashenko
        how.append(f"source: {own.how}, the clause's own head")
    if not sources and subj and not passive and g.dep(n) == "conj" and all(c > n for c in subj) \
            and g.grammar.pro_drop and _resolve_all(g, _subject(g, g.head(n), False), ctx):
        # "Israele ha accusato X e ha colpito un deposito": the parser took the object of the
        # second verb for a post-posed subject; the subject is the first verb's
        slots, subj = _as_object(slots, subj), []
        how.append("source: the coordinated verb's (post-verbal nominal read as the object)")
    if subj and g.grammar.pro_drop and ctx.antecedent is not None and not passive and \
            not entry.passive_like and not entry.place_is_target and \
            "obj" in (entry.targets or g.grammar.target_slots) and \
            all(c > n for c in subj) and not any(s_ == "obj" for s_, _ in slots) and \
            _verb_first(g, n):
        # "Ha incontrato Zelensky": a sentence opening on its verb, with the subject dropped,
        # whose object the parser read as a post-posed subject (the dropped subject follows)
        slots, subj, sources = _as_object(slots, subj), [], []
        how.append("post-verbal nominal read as the object")
    mutual = False
    if not subj and not passive and entry.code.startswith(("04", "05", "06", "19")) and \
            not entry.code.startswith(MEDIATE_CODE) and g.morph(n, "VerbForm") != "Inf":
        sides = _between_sides(g, n)      # "a Khartoum si combatte tra l'esercito e le RSF"
        found = _resolve_all(g, sides, ctx)
        mutual = len(found) > 1
        if mutual:
            subj, sources = sides, found
            how.append("between: each side acts on the other")
    relative = [c for c in subj if g.morph(c, "PronType") == "Rel" or
                g.lemma(c) in g.grammar.relative_pronouns]
    inherited = None
    if (relative or not subj) and not reduced and not entry.passive_like:
        inherited, why = _inherited_subject(g, n)
        if passive and why.startswith("noun modified"):
            inherited, why = None, ""     # "Montenegro, where 28 people have been killed":
            #                               the noun is where, or who was acted upon
        if inherited is None and not subj and not passive and g.grammar.pro_drop:
            inherited, why = _speaker_as_subject(g, n, mod)
        if inherited is not None:
            sources = _resolve_all(g, [inherited], ctx)
            how.append(f"source: {why}")
        elif not subj and ctx.antecedent is not None and not passive and g.grammar.pro_drop and \
                g.morph(n, "VerbForm") in ("Fin", "Part", None):
            sources = _dropped_subject(g, n, ctx)
            how.append(f"source: dropped subject -> {' and '.join(a.text for a in sources)}")
    if not sources and not passive and not entry.passive_like:
        doers = [inherited] if inherited is not None else [c for c in subj if c not in relative]
        for c in doers:                   # "una risoluzione che condanna la Bielorussia"
            if (authors := _document_author(g, c, ctx, set(subj))):
                sources = authors
                how.append(f"source: who issued '{g.tokens[c].text}'")
                break
    taken = set(subj)
    if passive or entry.passive_like:
        target_heads = [c for s, c in slots if s in ("nsubj:pass", "nsubj")]
        if reduced:
            target_heads = [g.head(n)]
        target_heads = [c for c in target_heads     # "tre droni lanciati dallo Yemen": what
                        if not _is_word(g, c, g.grammar.weapon_nouns)]   # is fired is no target
        if adjunct:                        # "è arrivato a Pechino, accolto da una delegazione"
            h = g.head(n)
            target_heads = _subject(g, h, g.passive(h))
        targets = _resolve_all(g, target_heads, ctx)
        place, slot = None, "the noun the participle modifies" if reduced else \
            "the subject of the clause the participle adds to" if adjunct else "passive subject"
        if entry.passive_like and not targets and all(c > n for c in target_heads) and \
                ctx.antecedent is not None and g.grammar.pro_drop:
            # "Ha ottenuto da Berlino ...": the dropped subject (the object may be misread as
            # a post-posed subject)
            targets = _dropped_subject(g, n, ctx)
            slot = f"dropped subject -> {' and '.join(a.text for a in targets)}"
        if not targets and target_heads:  # "il raid russo è stato condannato": whose raid
            mine = {a.country for a in sources}
            targets = [a for a in _owner(g, target_heads[0], ctx, taken) if a.country not in mine]
            slot = f"owner of '{g.tokens[target_heads[0]].text}'"
        taken.update(target_heads)
        if not targets and passive:       # "sanctions were imposed on Russia by the EU"
            others = [(s, c) for s, c in slots if s not in ("agent", "nsubj:pass", "nsubj")]
            targets, place, slot = _targets(g, n, entry, others, ctx, taken | consumed)
    else:                                 # a `with` word in the entry's own target slot
        named = {c for s_, c in slots if entry.targets and s_ in entry.targets and
                 g.tokens[c].pos == "PROPN"}       # a name (not "drones") in its slot is its
        targets, place, slot = _targets(g, n, entry, slots, ctx,   # target ("entrata nella
                                        taken | (consumed - named))               # Nato")
        if not targets:
            # "ha espresso sostegno al piano cinese": the target hangs on the consumed noun
            for c in sorted(consumed):
                if g.head(c) == n or g.head(g.head(c) or c) == n:
                    # the noun and its conjuncts ("alimentos y medicinas a Cuba")
                    own = [(s_, x) for y in [c, *g.kids(c, "conj")] for s_, x in g.slots(y)
                           if s_ != "conj"]
                    weapons = [x for _, x in own if _is_word(g, x, g.grammar.weapon_nouns)]
                    own = [(s_, x) for s_, x in own if x not in weapons] + [   # "an attack with
                        (s_, x) for w in weapons for y in g.conjuncts(w)   # drones and missiles
                        for s_, x in g.slots(y) if s_ != "conj"]           # on Ukraine": the
                    #                                      weapons are its means, not its aim
                    targets, place, slot = _dative_of_verb(g, c, own, ctx, sources) or \
                        _targets(g, c, entry, [(s_.replace("nmod:", "obl:"), x) for s_, x in own],
                                 ctx, taken | consumed)
                    if not targets:       # "sostiene l'iniziativa della Cina / il piano cinese"
                        mine = {a.country for a in sources}
                        aimed = [x for s_, x in g.slots(c) if g.role(s_) in (
                            "nmod:to", "nmod:on", "nmod:about", "nmod:against")]
                        deep = [y for s_, x in g.slots(c) if g.role(s_) in ("nmod:of", "nmod:to")
                                for s2, y in g.slots(x) if g.role(s2) in ("nmod:to", "nmod:against")]
                        # "l'aide au développement au Niger"
                        targets = [a for a in _resolve_all(g, deep, ctx) if a.country not in mine]
                        if targets:       # "le forniture di gas all'Italia" (on "gas")
                            slot = f"the aim of its complement '{g.tokens[g.head(deep[0])].text}'"
                        elif not entry.code.startswith(DISAPPROVAL_ROOTS) and \
                                any(g.dep(k) == "acl" for k in g.children[c]):   # "signed an
                            targets = _aimed(g, c, ctx, taken | consumed, mine)   # agreement to
                            slot = "the aim of what it is for"           # supply Ukraine with"
                        # "dazi sull'acciaio cinese"
                        for x in ([] if targets else aimed + [c]):
                            targets = [a for a in _owner(g, x, ctx, taken)
                                       if _other_side(a, sources)]
                            if targets:
                                slot = f"owner of '{g.tokens[x].text}'"
                                break
                    if targets:
                        slot = f"{slot} of '{g.tokens[c].text}'"
                        break
    if not targets and entry.code.startswith((SUPPORT_ROOT, *DISAPPROVAL_ROOTS)) and sources:
        targets, slot = _act_told_before(g, slots, ctx, sources)
    if not targets and (entry.code == VISIT_CODE or entry.code.startswith(PLACED_AID_ROOTS)) \
            and sources:
        targets, slot = _place_gone_to(g, slots, ctx, sources)
    if targets and entry.code.startswith(COMPLAINT_ROOT) and \
            g.role(slot.split()[0]) in ("obl:to", "iobj", "obl:with"):
        for s_, c in slots:               # "complained to the UN over two Israeli air raids":
            if g.role(s_.replace("obl:", "nmod:")) in ("nmod:over", "nmod:about") and \
                    c not in taken | consumed:     # the UN hears it, Israel is its target
                about = [a for a in _resolve_all(g, [c], ctx) or _owner(g, c, ctx, taken)
                         if _other_side(a, sources)]
                if about:
                    targets, slot = about, f"what the complaint is about ('{g.tokens[c].text}')"
                    break
    if targets and not (passive or entry.passive_like):
        kept = [a for a in targets if not any(_same(a, s) for s in sources)]
        other = ctx.object_antecedent
        if not kept and other is not None and not any(_same(other, s) for s in sources) and \
                all((a.how or "").startswith("pronoun") for a in targets):
            # "Ha ricevuto il suo omologo. Gli ha chiesto...": a pronoun that is not its own
            # clause's subject stands for whom the last sentence acted on
            kept = [dataclasses.replace(other, text=a.text, start=a.start, end=a.end,
                                        how=f"pronoun -> {other.text}") for a in targets[:1]]
            how.append(f"target: {slot} is a pronoun other than the subject -> the last object")
        targets = kept
        if not targets:
            how.append(f"target: {slot} is the source itself, looked further")
    if targets and entry.code.startswith(OWN_FORCE_CODES + OFFERED_FORCE_ROOTS) and \
            all(map(_forces, targets)):
        # "ha schierato l'esercito": its own forces; what they face?  "offered its troops to
        # Lebanon": the means; whom they go to
        how.append(f"target: {slot} is the source's own forces, looked further")
        taken |= {c for s_, c in slots if s_ == slot}
        others = [(s_, c) for s_, c in slots if s_ not in ("agent", "nsubj:pass", "nsubj")] \
            if passive or entry.passive_like else slots
        targets, place, slot = _targets(g, n, entry, others, ctx, taken | consumed)
    if not targets and entry.code == JOIN_CODE:      # "se incorporó como miembro del Mercosur"
        named = sorted(c for c in consumed if g.tokens[c].pos == "PROPN") + \
            [x for c in sorted(consumed) for s_, x in g.slots(c)     # "è diventata membro
             if g.role(s_) == "nmod:of"]                              # della Nato"
        targets = [a for a in _resolve_all(g, named, ctx) if _other_side(a, sources)]
        slot = "the organisation named as joined"
    if not targets and not (passive or entry.passive_like):
        targets, slot = _fallback_targets(g, n, entry, ctx, taken | consumed, sources, consumed)
    if not targets and entry.origin and not (passive or entry.passive_like):
        # a pattern coder's dictionary names no slots: its target is the first actor of
        # another side in the verb phrase ("left for Minas Tirith", "arrived in Gondor")
        for s_, c in slots:
            if c > n and s_.startswith("obl:") and g.role(s_) != "obl:by" and \
                    c not in taken | consumed:
                found = [a for a in _resolve_all(g, [c], ctx) if _other_side(a, sources)]
                if found:
                    targets, slot = found, f"{s_}, the first actor after the verb"
                    break
        inner = sorted(m for s_, c in slots if c > n and (s_ == "obj" or s_.startswith("obl:") and
                                                          g.role(s_) != "obl:by")
                       for m in g.subtree(c, stop=set())       # clauses too: "leading into"
                       if m != c and g.tokens[m].pos in ("NOUN", "PROPN"))
        for m in inner if not targets else ():   # "cordoned off the roads leading into Mordor"
            if m in taken | consumed:
                continue
            found = [a for a in _resolve_all(g, [m], ctx) if a.country and _other_side(a, sources)]
            if found:
                targets = found
                slot = f"'{g.tokens[m].text}' inside an argument, the first actor after the verb"
                break
    if not targets and entry.place_is_target and not (passive or entry.passive_like):
        targets, slot = _place_after(g, n, ctx, sources)
    if not targets and entry.code.startswith(FACING_ROOTS):
        targets, slot = _across_border(g, n, ctx, {a.country for a in sources})
    if not targets and entry.code.startswith(THREAT_ROOT):
        targets = _threatened(g, n, mod, ctx, {a.country for a in sources})
        slot = "the subject of the threat's condition or the author of what it would answer"
    if not targets and entry.code.startswith(INVESTIGATE_ROOT):
        targets, slot = _investigated(g, [n, *sorted(consumed)], ctx, sources)
    if mutual:
        targets, place = [], None         # the sides act on each other, not on the place
    if targets:
        how.append(f"target: {slot}")
    used_nodes = _inside(g, [c for _, c in slots], targets + sources)
    location = None
    if place is not None:
        location = Location(place.text, place.name, place.country, place.lat, place.lon,
                            place.kb_id)
    location = location or _location(g, n, slots, ctx, used_nodes)
    if location is None and reduced and (gov := g.head(g.head(n))) is not None and \
            g.tokens[gov].pos in VERB_POS:   # "sono arrivati in Emilia-Romagna i soccorritori
        location = _location(g, gov, g.slots(gov), ctx, used_nodes)   # inviati da Francia"
    negated = _negated(g, n, mod)
    hypothetical, why_h = _hypothetical(g, n, mod, lang)
    intent, why_i = _intent(g, n, mod)
    governor = _non_factive(g, n, frames)
    if governor and not hypothetical:
        hypothetical, why_h = True, f"embedded under '{governor}' (not asserted)"
    reporter = _reporter(g, n, mod)
    if reporter is not None and hypothetical and not intent and any(
            g.tokens[a].text.lower() in g.grammar.conditional_auxiliaries for a in _aux(g, n)):
        hypothetical, intent = False, True           # "said they would boycott": future in past
        how.append("intent: 'would' in reported speech")
    speaker = None
    if reporter is not None:
        speakers = _speakers(g, reporter, mod, ctx)
        speaker = speakers[0] if speakers else None
        own = subj or ([inherited] if inherited is not None else [])
        if not sources and speakers and own and all(g.tokens[c].pos == "PRON" for c in own):
            sources = speakers                       # "X said it would ...": it is X
            how.append("source: pronoun -> the speaker")
        elif not sources and speakers and not own and \
                any(g.morph(v, "Person") == "1" for v in [n, *_aux(g, n)]):
            sources = speakers                       # "«Non invieremo truppe», ha dichiarato
            how.append("source: a first person -> the speaker")   # Scholz": we are Scholz's
        if g.lemma(reporter) in mod.denial_verbs:
            negated = True
            how.append(f"denied by '{g.tokens[reporter].text}'")
    if speaker is None and (marker := _source_marker(g, mod)) is not None and \
            marker not in subj:
        found = _resolve_all(g, [marker], ctx)
        if found:
            speaker = found[0]
            how.append(f"speaker: '{g.tokens[marker].text}' (source marker)")
    if entry.mass_code and (many := _many(g, [c for s_, c in slots if s_ in (
            ("nsubj:pass", "nsubj") if passive else ("obj",))])):
        entry = dataclasses.replace(entry, code=entry.mass_code, mass_code=None)
        how.append(f"{many}: a mass killing ({entry.code})")
    if negated and entry.pattern_words & mod.negation:
        negated = False            # a pattern that spells out the negation codes the negated
        how.append("negation in the pattern")   # act ("- NEITHER * [081]")
    if negated and entry.negated_code:
        # "non ha voluto commentare", "did not comment": the refusal is the act
        entry = dataclasses.replace(entry, code=entry.negated_code, negated_code=None)
        negated = intent = False
        why_i = ""
        if why_h.startswith(("modal", "conditional")):   # "would not comment"
            hypothetical, why_h = False, ""
        how.append(f"negated: the refusal is {entry.code}")
    if negated:
        how.append("negated")
    if why_h:
        how.append(f"hypothetical: {why_h}")
    if why_i:
        how.append(f"intent: {why_i}")
    tense = "future" if intent else "past"
    return Frame(n, entry, sources, targets, location, negated, hypothetical, intent,
                 _date(g, n, dates[tense], _clause(g, n)) or
                 _interval_date(g, n, dates[tense], ctx.date, lang) or
                 _when_date(g, n, dates[tense]),
                 speaker, reporter, how,
                 future=intent and why_i.startswith("future"))


def _threatened(g: Graph, n: int, m: Modality, ctx: Context, mine: set) -> list[Actor]:
    """Whom a threat is aimed at when it names no one: the subject of its condition ("ha
    minacciato di riprendere la guerra se Hamas non libererà gli ostaggi", "menacé ... si la
    Corée du Sud attaquait"), on the threat verb or on the act it threatens, or the author of
    any act it would answer ("riposterait à toute attaque du Hezbollah")."""
    for v in [n, *g.kids(n, "xcomp", "ccomp")]:
        for c in g.kids(v, "advcl"):
            if _conditional(g, c, m):
                found = [a for a in _resolve_all(g, _subject(g, c, g.passive(c)), ctx)
                         if a.country not in mine]
                if found:
                    return found
        for c in g.subtree(v, stop={"advcl", "ccomp", "acl:relcl", "relcl", "parataxis"}):
            # "riposterait à toute attaque du Hezbollah ou de l'Iran": the authors of any act
            if c != v and g.tokens[c].pos == "NOUN" and any(   # it would answer
                    _is_word(g, d, m.hypothetical_markers) for d in g.kids(c, "det", "amod")):
                found = [a for a in _owner(g, c, ctx, set()) if a.country not in mine]
                if found:
                    return found
    return []


def _inside(g: Graph, nodes, actors: list[Actor]) -> set[int]:
    """The nodes whose word lies in one of the actors' phrases."""
    return {c for c in nodes if any(a.start <= g.tokens[c].start < a.end for a in actors)}


def _as_object(slots, subj: list[int]) -> list[tuple[str, int]]:
    """The slots with the nominals in ``subj`` relabelled as the object."""
    return [("obj", c) if c in subj else (s, c) for s, c in slots]


def _noun_frame(g, n, entry, ctx, mod, lang, dates, frames, consumed,
                claimed_by: list[Actor] | None = None) -> Frame | None:
    how = [entry.describe()]
    n0, n = n, _carrier(g, n)                 # "a mediation effort between X and Y": the
    slots = g.slots(n) if n == n0 else g.slots(n0) + g.slots(n)   # head noun's phrases
    source_heads: list[int] = []
    target_heads: list[int] = []
    adjective_source = None
    for slot, c in slots:
        if slot in ("amod", "compound") and g.tokens[c].text.lower() in ctx.kb.adjectives:
            adjective_source = c
        elif slot == "compound" and g.tokens[c].pos == "PROPN" and c < n and not (
                entry.code.startswith(MEETING_ROOT) and (p := place_of(g, c, ctx)) is not None
                and p.kind == "city"):               # ("the Washington summit": where)
            source_heads.append(c)                   # "US sanctions", "Nato strikes"
        elif g.role(slot) in ("poss", "nmod:by") and \
                slot.replace("nmod:", "obl:") not in entry.targets:   # "ritiro dall'Afghanistan"
            source_heads.append(c)
    if adjective_source is None:          # "attacco di droni russi" with "russi" read as a
        adjective_source = next((c for c in g.kids(n, "acl")      # participle on "attacco"
                                 if g.tokens[c].text.lower() in ctx.kb.adjectives), None)
    between = [c for s, c in slots if g.role(s) == "nmod:between"]
    mutual = False
    if between and (source_heads or adjective_source is not None or
                    entry.code.startswith(MEDIATE_CODE)):   # a mediation's parties are its
        target_heads = g.conjuncts(between[0])       # targets: "la mediazione del Qatar tra X e
        #                                              Y", "ha avviato una mediazione tra X e Y"
    elif between:
        source_heads, mutual = _between_conjuncts(g, n, between[0]), True   # "l'incontro tra X e Y"
    elif pitted := _pitted_sides(g, n):
        source_heads, mutual = pitted, True   # "des combats ont opposé l'armée aux rebelles"
        how.append(f"sides: set against each other by '{g.tokens[g.head(pitted[0])].text}'")
    of_slot = [c for s, c in slots if g.role(s) == "nmod:of" and not (   # "i colloqui di
        entry.code.startswith(MEETING_ROOT) and (p := place_of(g, c, ctx)) is not None and  # Istanbul":
        p.kind == "city")]                                                  # where, not who
    owner_named = False                       # "il vertice del G7": the host, not a party
    what = [c for c in of_slot if not entry.code.startswith(FORCE_ROOTS) and (  # "a suspension
        g.lemma(c) in entry.with_ or g.tokens[c].text.lower() in entry.with_)]  # of air links":
    if not source_heads and adjective_source is None and of_slot and not entry.of_is_target \
            and not what:      # the thing suspended, not who did it ("un attacco di droni
        #                        russi": force's means tell whose it is)
        source_heads, owner_named = of_slot[:1], True
        of_slot = []
    # (a noun's "obl" is the parser's slip for "nmod": "raid aerei contro decine di obiettivi")
    target_heads += [c for s, c in slots if g.role(s.replace("obl:", "nmod:")) in AIMED_SLOTS]
    if adjective_source is not None or entry.of_is_target or source_heads and of_slot:
        target_heads += of_slot              # "Germany's expulsion of Russian diplomats"
    if entry.targets:                         # the entry's own slots ("withdrawal from X")
        target_heads += [c for s, c in slots
                         if s.replace("nmod:", "obl:") in entry.targets and c not in target_heads]
    sources = _resolve_all(g, source_heads, ctx)
    if not sources and adjective_source is not None:
        sources = [_nationality_actor(g, adjective_source, ctx)]
    owners = source_heads or [c for c in g.kids(n0, "det", "det:poss", "poss")
                              if g.morph(c, "Poss") == "Yes"]    # "su visita", "la sua visita"
    owned_by = None                           # the verb whose subject a possessive names
    if owners and (source_heads or not sources) and not entry.code.startswith("01") and all(
            g.tokens[c].pos in ("PRON", "DET") and g.morph(c, "Poss") == "Yes" for c in owners):
        # (a possessive the resolver read stands for the clause subject, checked here)
        owned_by, owner = _clause_subject(g, n, ctx)   # "durante su visita a Madrid": the
        if owner:                                      # clause's subject, not the last sentence's
            if any(f.n == owned_by and (f.entry.code[:2] == entry.code[:2] or
                                        g.dep(n) in ("obj", "dobj")) for f in frames):
                return None               # "è arrivata a Washington per la sua prima visita":
            sources = owner               # one act told twice; "rescheduled his trip": the
            #                               coded verb's object is what it acts upon
            how.append("source: the possessive's clause subject")
            aimed = _resolve_all(g, target_heads, ctx)
            if aimed and not any(_other_side(t, owner) for t in aimed):
                other = [a for s_, c in g.slots(owned_by) if s_ in ("obj", "iobj") or
                         g.role(s_) == "obl:to" for a in _resolve_all(g, [c], ctx)
                         if _other_side(a, owner)]   # "exigió a Milei una disculpa por sus
                if other:                            # insultos contra Sánchez": Milei's, not
                    sources = other[:1]              # the Spanish government's own
                    how.append("source: the clause's object (the subject's own side is the "
                               "target)")
    # light verbs: "ha avuto un incontro con X", "hold talks": the verb's subject acts
    h = g.head(n)
    negated = False
    light = h is not None and g.dep(n) in LIGHT_OBJECT_DEPS and g.tokens[h].pos in VERB_POS \
        and not any(f.n == h for f in frames)     # a coded verb is no light verb
    survived = entry.code.startswith(FORCE_ROOTS) and _survived(g, n, lang) is not None
    if survived:                          # "a échappé à une tentative d'assassinat au
        target_heads = _subject(g, h, g.passive(h))   # couteau": who escaped is whom it aimed at
        how.append(f"target: subject of '{g.tokens[h].text}', who survived it")
    if light and not survived:
        if not sources:
            subj = _subject(g, h, g.passive(h))
            if not subj and (g.dep(h) == "xcomp" or g.dep(h) == "ccomp" and
                             g.morph(h, "VerbForm") == "Inf"):     # control: "ha detto di
                controller, _ = _inherited_subject(g, h)        # aver avuto una telefonata"
                subj = [controller] if controller is not None else []
            sources = _resolve_all(g, subj, ctx)
            if not sources and not subj and ctx.antecedent is not None and g.grammar.pro_drop:
                sources = [ctx.antecedent]
            how.append(f"source: subject of '{g.tokens[h].text}'")
    if light or owned_by is not None and owned_by == h:    # the verb that governs it
        negated = _negated(g, h, mod)
        if _is_word(g, h, mod.stop_verbs) or _phrasal(g, h) in mod.stop_verbs:
            negated = True                # "ended mediation efforts", "ha rinviato l'incontro",
            how.append(f"negated: stopped by '{g.tokens[h].text}'")   # "delayed their meeting"
    if light:
        if not target_heads:              # "ha avuto con Putin una lunga telefonata"
            target_heads = [c for s_, c in g.slots(h) if g.role(s_) in ("obl:with", "obl:to")
                            and c not in source_heads]
    ready = None if light else _readiness(g, n, mod)
    reporter = _reporter(g, h, mod) if light else None    # "ha detto di aver avuto ..."
    if not light and h is not None and any(   # "Trump respondió con la amenaza de imponer
            f.n == h and f.entry.code.startswith("01") for f in frames) and any(   # aranceles":
            c == n and g.role(s_) == "obl:with" for s_, c in g.slots(h)):   # the threat is
        reporter = h                                                       # what he said
        if not sources:
            sources = _resolve_all(g, _subject(g, h, g.passive(h)), ctx)
            how.append(f"source: subject of '{g.tokens[h].text}', which it answers with")
    speaker = None
    if reporter is not None:
        speaker = next(iter(_speakers(g, reporter, mod, ctx)), None)
        if g.lemma(reporter) in mod.denial_verbs:         # "ha negato di aver avuto ..."
            negated = True
            how.append(f"denied by '{g.tokens[reporter].text}'")
    if ready is not None:                     # "si è detta disponibile a uno scambio di
        holder = g.head(ready) if g.dep(ready) in ("xcomp", "acomp") else ready
        if g.tokens[holder].pos in VERB_POS:
            reporter = holder                 # what "si è detta" says: no statement beside it
        if not sources:                       # prigionieri": the subject intends the act
            subj = _subject(g, holder, False)
            sources = _resolve_all(g, subj, ctx)
            how.append(f"source: subject of '{g.tokens[holder].text}'")
            said = _reporter(g, holder, mod)
            if not sources and said is not None and subj and \
                    all(g.tokens[c].pos == "PRON" for c in subj):   # "Moscow said it was
                sources = _resolve_all(g, _subject(g, said, g.passive(said)), ctx)  # ready"
                reporter = said
                how.append("source: pronoun -> the speaker")
        if not target_heads:                  # "disposto a colloqui con Mosca"
            target_heads = [c for s_, c in g.slots(n) if g.role(s_) == "nmod:with"]
    targets = _resolve_all(g, target_heads, ctx)
    if not targets:                           # "threat of an attack on Japan", "investigation
        mine = {a.country for a in sources}   # into Russian war crimes"
        taken = set(source_heads) | ({adjective_source} if adjective_source is not None else set())
        for slot, c in slots:
            role = g.role(slot.replace("obl:", "nmod:"))
            if role in ("nmod:of", "nmod:into", "nmod:about", "nmod:over") and c not in taken:
                targets = _aimed(g, c, ctx, taken, mine) or \
                    [a for a in _owner(g, c, ctx, taken) if _other_side(a, sources)]
                if targets:
                    how.append(f"target: aim or owner of '{g.tokens[c].text}'")
                    break
            if role in AIMED_SLOTS and c not in taken:   # "raid contro obiettivi degli Houthi"
                targets = [a for a in _owner(g, c, ctx, taken) if _other_side(a, sources)]
                if targets:
                    how.append(f"target: owner of '{g.tokens[c].text}'")
                    break
    if not targets and entry.code.startswith(TRANSFER_ROOTS):   # "un prestito da 2 miliardi
        amounts = [c for s_, c in [*slots, *(g.slots(h) if light else [])]   # di sterline a
                   if g.kids(c, "nummod")]                                   # Kiev": on the amount
        inner = [x for c in amounts for s_, x in g.slots(c)
                 if g.role(s_) in ("nmod:to", "nmod:for")]
        mine = {a.country for a in sources}
        targets = [a for a in _resolve_all(g, inner, ctx) if a.country not in mine]
        if targets:
            how.append("target: the aim of its amount")
    if not targets:                           # "le sanzioni imposte alla Russia"
        mine = {a.country for a in sources}
        targets = [a for a in _participle_aim(g, n, ctx) if a.country not in mine]
        if targets:
            how.append("target: aim of its participle")
    if not targets and sources:               # "las declaraciones del canciller israelí contra
        marked = [g.head(c) for c in consumed   # Pedro Sánchez", the phrase hung on the
                  if g.tokens[c].pos == "ADP" and g.head(c) is not None]   # adjective: the
        targets = [a for a in _resolve_all(g, marked, ctx) if _other_side(a, sources)]  # word
        if targets:                           # the entry names marks its target
            how.append("target: the phrase its entry's preposition marks")
    if not targets and entry.code == VISIT_CODE and sources:   # "la visita del presidente
        targets = _place_target(g, [p for p in g.subtree(n0) if p != n0 and   # taiwanese negli
                                    g.preposition(p) in g.grammar.location_prepositions],  # Stati
                                ctx, sources)       # Uniti": where it goes, wherever it hangs
        if targets:
            how.append("target: the place visited")
    if not targets and entry.code.startswith(FORCE_ROOTS):
        targets = _struck(g, n, ctx, {a.country for a in sources})
        if targets:
            how.append("target: what the act struck")
    if not targets and entry.code.startswith(FACING_ROOTS):
        targets, why = _across_border(g, h if light else n, ctx, {a.country for a in sources})
        if targets:
            how.append(f"target: {why}")
    if not targets and entry.code.startswith(INVESTIGATE_ROOT):
        targets, why = _investigated(g, [n0], ctx, sources)
        if targets:
            how.append(f"target: {why}")
    if not targets and h is not None and g.dep(n) in ("obj", "dobj") and \
            entry.code.startswith(ANSWERED_ROOTS):
        answer = next((f for f in frames if f.n == h and f.entry.code.startswith(ANSWER_ROOTS)),
                      None)               # "la giunta ha respinto l'ultimatum dell'Ecowas":
        if answer is not None:            # the ultimatum was put to the giunta
            targets = [a for a in answer.sources if _other_side(a, sources)]
            if targets:
                how.append(f"target: who answers it ('{g.tokens[h].text}')")
    if not targets and entry.code == MEDIATE_CODE:
        verb = g.governing_verb(n)      # "si sono scambiate 150 prigionieri, grazie alla
        mine = {a.country for a in sources}        # mediazione degli Emirati": between them
        targets = [a for f in frames if f.n == verb for a in f.sources if a.country not in mine]
        if targets:
            how.append(f"target: the sides of '{g.tokens[verb].text}'")
    if not targets and sources and entry.code.startswith(NON_FACTIVE_ROOTS):
        # "la amenaza de imponer aranceles a los productos colombianos": where the threatened,
        # offered or demanded act would go
        for x in [x for x in g.kids(n, "acl") if g.morph(x, "VerbForm") == "Inf"]:
            targets, _ = _fallback_targets(g, x, entry, ctx, set(source_heads), sources)
            if not targets:
                found, _, _ = _targets(g, x, entry, g.slots(x), ctx, set(source_heads))
                targets = [a for a in found if _other_side(a, sources)]
            if targets:
                how.append(f"target: of its infinitive '{g.tokens[x].text}'")
                break
    if not sources and entry.code.startswith(PROTEST_ROOT):
        used = set(target_heads)
        place = _location(g, n, slots, ctx, used) or \
            (_location(g, h, g.slots(h), ctx, used) if h is not None else None)
        sources = _unnamed_protesters(g, n, place, ctx, frames)
        how.extend(f"source: {a.how}" for a in sources)
    if not sources and claimed_by:        # "Al-Shabaab ha rivendicato l'attacco"
        sources = claimed_by
        how.append("source: who claimed it")
    unnamed_police = not sources and targets and entry.code.startswith(ARREST_CODE)
    if unnamed_police:                    # "contro l'arresto del sindaco": by the police (_events)
        how.append("source: none named (an arrest)")
    if owned_by is not None and entry.code == VISIT_CODE and sources and targets and \
            {a.country for a in sources} <= {t.country for t in targets}:   # "elogió a Bukele
        guests = [a for s_, c in g.slots(owned_by) if s_ == "obj"          # durante su visita
                  for a in _resolve_all(g, [c], ctx)                      # a la Casa Blanca":
                  if a.country not in {t.country for t in targets}]       # no visit to one's
        if guests:                                                        # own state: the
            sources = guests                                              # guest's
            how.append("source: the clause's object (a visit to the subject's own state)")
    unnamed_attackers = not sources and targets and survived   # by whom: _events
    if not sources and not unnamed_police and not unnamed_attackers or (owner_named and not targets and
                                              entry.code.startswith(MEETING_ROOT) and
                                              entry.code != MEDIATE_CODE and
                                              not light and _in_phrase(g, n)):
        return None       # "a margine del vertice dell'Apec": a setting, not a reported meeting
    clause = set(g.subtree(n))
    mentions = dates["past"]
    date = _date(g, n, mentions, clause)
    governed = h is not None and g.tokens[h].pos in VERB_POS and \
        not any(f.n == h for f in frames)     # "l'incontro ... si è svolto ieri a Roma"
    if date is None and governed:
        date = _date(g, h, mentions, _clause(g, h))
    acting = _inside(g, target_heads, targets)   # "raid su Kharkiv": a city aimed at is the place
    location = _location(g, n, slots, ctx, acting)
    if location is None and governed:
        location = _location(g, h, g.slots(h), ctx, acting)
    hypothetical = False
    asking = [h] if h is not None else []   # the governing verb, and for a true object the
    if g.dep(n) == "pobj" and h is not None and (v := g.head(h)) is not None and any(
            f.n == v and g.lemma(h) in f.entry.with_ | f.entry.pattern_words for f in frames):
        asking.append(v)          # "called for a boycott": the noun hangs on the "for" that
        #                           the verb's entry names (not on "during his visit")
    if g.dep(n) in ("obj", "dobj") and not g.kids(n, "case"):   # verbs its infinitive hangs
        while len(asking) < 3 and g.dep(asking[-1]) == "xcomp" and \
                g.head(asking[-1]) is not None:     # under ("threatened to hold a general
            asking.append(g.head(asking[-1]))       # strike")
    asker = next((f.n for f in frames if f.n in asking and
                  f.entry.code.startswith(("02", "03", "10", "13"))), None)
    if h is not None and g.dep(n) in ("obj", "dobj", "obl", "nmod", "xcomp", "pobj") and \
            asker is not None:
        hypothetical = True
        how.append(f"hypothetical: asked/threatened by '{g.tokens[asker].text}'")
    english = h is not None and g.dep(n) == "pobj"         # (hung on the preposition)
    owner, prep = (g.head(h), g.lemma(h)) if english else (h, g.preposition(n))
    if owner is not None and _is_word(g, owner, g.grammar.document_nouns) and \
            g.role(f"nmod:{prep}") == "nmod:for":
        hypothetical = True                   # "la risoluzione per il ritiro delle truppe russe"
        how.append(f"hypothetical: what '{g.tokens[owner].text}' asks for")
    for c in g.kids(n, "amod", "det"):        # "un eventuale attacco", "a possible meeting",
        if _is_word(g, c, mod.hypothetical_markers):   # "toute attaque", "any attack"
            hypothetical = True
            how.append(f"hypothetical: '{g.tokens[c].text}'")
    intent = future = False
    if light:                  # "terrà colloqui", "could hold talks": the verb's mood counts
        intent, why_i = _intent(g, h, mod)
        future = intent and why_i.startswith("future")
        hyp_verb, why_h = _hypothetical(g, h, mod, lang)
        hypothetical = hypothetical or hyp_verb
        how.extend(x for x in (why_i and f"intent: {why_i}", why_h and f"hypothetical: {why_h}")
                   if x)
        if intent:
            date = _date(g, h, dates["future"], _clause(g, h)) or date
    if ready is not None:
        intent, future = True, False
        how.append(f"intent: '{g.tokens[ready].text}' to it")
    if mutual and len(sources) > 1:           # "l'incontro tra Blinken e Wang Yi, a margine del
        targets = []                          # vertice Asean": the sides, not the summit
        how.append("between: each side acts on the other")
    return Frame(n0, entry, sources, targets, location, negated, hypothetical, intent, date,
                 speaker, reporter, how, future=future)


def _carrier(g: Graph, n: int) -> int:
    """The noun an event noun modifies as a compound or completes with "di"/"de", when that noun
    only carries it ("a mediation effort", "una missione d'inchiesta": the phrases and the verb
    hang on the carrier); else the event noun itself."""
    h = g.head(n)
    if h is None or g.tokens[h].pos not in NOUN_POS or \
            g.lemma(h).lower() not in g.grammar.carrier_nouns:
        return n
    of = g.dep(n) == "nmod" and any(g.role(f"nmod:{g.lemma(k).lower()}") == "nmod:of"
                                    for k in g.kids(n, "case"))   # "una missione d'inchiesta"
    return h if g.dep(n) == "compound" or of else n


def _phrasal(g: Graph, h: int) -> str:
    """A verb with its particle ("call off", "break off"), or its lemma."""
    particle = next((g.tokens[c].text.lower() for c in g.kids(h, "prt", "compound:prt")), "")
    return f"{g.lemma(h).lower()} {particle}".strip()


def _clause_subject(g: Graph, n: int, ctx: Context) -> tuple[int | None, list[Actor]]:
    """The verb whose clause holds nominal ``n``, and the actors named as its subject."""
    verb = g.governing_verb(n)
    if verb is None:
        return None, []
    subj = _subject(g, verb, g.passive(verb))
    return verb, _resolve_all(g, subj, ctx) if subj else []


def _readiness(g: Graph, n: int, mod: Modality) -> int | None:
    """The readiness adjective a nominal event is the aim of ("pronta a uno scambio",
    "disponibile a colloqui", "ready for talks"): under it, or under the verb it complements
    (the parser's "si è detta disponibile a un nuovo scambio" hangs the noun on "detta")."""
    h = g.head(n)
    if h is None or not g.kids(n, "case", "prep") and g.dep(n) != "pobj":
        return None
    if g.dep(n) == "pobj":                  # English: "ready for talks" (ADJ -> prep -> pobj)
        h = g.head(h)
        if h is None:
            return None
    if g.tokens[h].pos == "ADJ" and _is_word(g, h, mod.intent_verbs):
        return h
    if g.tokens[h].pos in VERB_POS:
        return next((a for a in g.kids(h, "xcomp", "acomp") if a < n and
                     g.tokens[a].pos == "ADJ" and _is_word(g, a, mod.intent_verbs)), None)
    return None


def _in_phrase(g: Graph, n: int) -> bool:
    """A nominal under a preposition ("al vertice", "on the sidelines of the summit")."""
    return bool(g.kids(n, "case")) or g.dep(n) == "pobj"


def _titled(actors: list[Actor]) -> list[Actor]:
    """A title beside the named holder ("il ministro degli Esteri Antonio Tajani" read as the
    title and the person) is one actor: a side without a state is dropped when another side
    of the same sector has one."""
    return [a for a in actors if a.country or not a.sector or
            not any(b.country and b.sector == a.sector for b in actors)]


def _events(frame: Frame, g: Graph, index: int, article: Article,
            pub: dt.date | None, ctx: Context, lex) -> list[Event]:
    code = frame.entry.code
    frame.sources, frame.targets = _titled(frame.sources), _titled(frame.targets)
    if not frame.sources and code.startswith(PROTEST_ROOT):
        frame.sources = _unnamed_protesters(g, frame.n, frame.location, ctx) or \
            _unknown_names(g, _subject(g, frame.n, False)
                           if g.tokens[frame.n].pos in VERB_POS else [], ctx)
        frame.how.extend(f"source: {a.how}" for a in frame.sources)
    if not frame.sources and code.startswith(ARREST_CODE) and frame.targets:
        frame.sources = _unnamed_police(g, frame, ctx)
        frame.how.extend(f"source: {a.how}" for a in frame.sources)
    if not frame.sources and code.startswith(ASSAULT_ROOT) and frame.targets and \
            g.tokens[frame.n].pos in VERB_POS and g.passive(frame.n) and \
            all(g.lemma(c).lower() in g.grammar.person_nouns     # "giflé par un homme", not
                for s_, c in g.slots(frame.n) if s_ == "agent"):  # "ucciso dall'esplosione"
        frame.sources = _unnamed_attackers(g, frame, ctx)
        frame.how.extend(f"source: {a.how}" for a in frame.sources)
    if not frame.sources and code.startswith(FORCE_ROOTS[1:]) and frame.targets and (
            g.tokens[frame.n].pos in VERB_POS and _by_weapon(g, frame.n) or
            g.tokens[frame.n].pos in NOUN_POS and
            _survived(g, _carrier(g, frame.n), ctx.lang) is not None):
        frame.sources = _unnamed_attackers(g, frame, ctx)   # "a roadside bomb killed two",
        #                                                     "survived an attempt on his life"
        frame.how.extend(f"source: {a.how}" for a in frame.sources)
    if frame.entry.state_code and frame.sources and all(_state_side(a) for a in frame.sources):
        code = frame.entry.state_code     # "the government protested to Moscow": an official
        frame.how.append(f"a state's act: {code}")   # complaint, not a demonstration
    hypothetical = frame.hypothetical
    as_act = _announced_act(frame)
    if frame.intent and not as_act:
        mapped = intent_code(code)
        if mapped:
            code = mapped
        else:
            hypothetical = True
    info = describe(code)
    pairs: list[tuple[Actor, Actor | None]] = []
    own = {a.country for a in frame.sources}
    mod = modality(article.language or "")
    marked = len(frame.sources) > 1 and _reciprocal(g, mod)
    reciprocal = len(frame.sources) > 1 and (
        not any(a.country for a in frame.targets) or   # "ont échangé des prisonniers : 32
        marked) and (                                   # soldats arméniens...", "con la
        #                                                 mediación de Emiratos": each other's
        marked or
        not frame.targets and frame.entry.code.startswith(RECIPROCAL_ROOTS) or
        not frame.targets and mod is not None and g.lemma(frame.n).lower() in mod.mutual_verbs or
        not frame.targets and _joint_object(g, frame.n, mod, lex) or
        "between: each side acts on the other" in frame.how)
    if reciprocal:
        sides = list({(a.start, a.end): a for a in frame.sources}.values())
        pairs = [(s, t) for s in sides for t in sides if s is not t]
        frame.how.append("reciprocal: each side acts on the other")   # "X e Y si sono
        # incontrati", "l'incontro tra X e Y", "accusati a vicenda" (PLOVER codes joint acts both ways)
    elif frame.targets:
        pairs = [(s, t) for s in frame.sources for t in frame.targets]
    else:                                # ("In Israele ... sono scese in piazza": the
        seat = frame.location or (       # sentence's place when the event has none)
            _sentence_place(g, ctx) if code.startswith(PROTEST_ROOT) else None)
        pairs = [(s, _protested(s, seat, code, g.sentence) or
                  _aided(s, frame.location, code, g.sentence)) for s in frame.sources]
    pairs = [(s, t) for s, t in pairs if t is None or not _same(s, t)]
    coded = [(s, t, code, info) for s, t in pairs]     # (one actor named twice, "ha detto l'Alta
    #                                    rappresentante Kaja Kallas", is told once: see below)
    if frame.entry.reverse:              # a verb that is two acts: a user dictionary's [032:033]
        back = (intent_code(frame.entry.reverse) if frame.intent and not as_act else None) or \
            frame.entry.reverse
        coded += [(t, s, back, describe(back)) for s, t in pairs if t is not None]
    tok = g.tokens[frame.n]
    s = g.sentence
    if frame.date is not None:
        date, precision, date_source = frame.date.date.isoformat(), frame.date.precision, "text"
    elif pub is not None:
        date, precision, date_source = pub.isoformat(), "day", "publication"
    else:
        date = precision = date_source = None
    events = []
    place = frame.location
    # a sector without a state, with no place of its own event, belongs where the sentence is
    # ("hombres armados irrumpieron en un canal de Guayaquil y tomaron como rehenes a ...")
    unplaced = any(a is not None and not a.country and a.sector not in (None, "GOV")
                   for pair in pairs for a in pair)
    where = place or (_sentence_place(g, ctx) if unplaced else None)
    protest = _protest_acted_on(g, frame, lex)
    emitted: set[tuple] = set()
    for source, target, code, info in coded:
        source, target = _situated(source, where), _situated(target, where)
        if not code.startswith(UNPLACED_TARGET_ROOTS):
            target = _domestic(g, target, source, ctx)
        if target is None and protest is not None:
            target = _protesters_of(g, protest, source, place, ctx)
        if target is None and code.startswith(FORCE_ROOTS):
            target = _unnamed_victims(g, frame, source, place, ctx)
        placed_source = _in_article(source, target, ctx)   # a state from the article,
        placed_target = _in_article(target, source, ctx)   # not the text
        own = ""
        if _own_ground(code, placed_source, placed_target):
            target = placed_target = None  # "ha schierato 90 mila agenti": its forces, not a
            own = "; target dropped: the source's own forces or ground"  # target; "si sono
            #                                         ritirate da Avdiivka": its own town
        if placed_target is None and code.startswith(FACING_ROOTS) and code != POLICE_CODE:
            foes, why = _named_foe(g, frame.n, ctx, [placed_source])
            if foes:                       # a show of force facing no one named
                target = placed_target = foes[0]
                own += f"; target: {why}"
        if placed_target is None:
            placed_target = target = _ruled(placed_source, place, code, s) or \
                _charged(g, frame.n, placed_source, code)
        if code.startswith(POSTURE_ROOT) and placed_source.country == "UNO":
            code, info = PEACEKEEPING, lookup(PEACEKEEPING)   # "la missione Unifil continua a
            own += "; the UN's forces keep the peace"         # pattugliare il confine": the UN
            #                                                   has no army to threaten with
        guessed = (placed_source is not source) + (placed_target is not target)
        source, target = placed_source, placed_target
        if target is not None and source.sector == "CVL" and \
                (source.country, source.sector) == (target.country, target.sector):
            continue               # two unnamed peoples placed in one state are one side ("ethnic
            #                        Albanians have sworn to fight ... villages near the border")
        if code.startswith(VISIT_CODE) and source.sector in ("REF", "CVL"):
            continue               # "des migrants arrivés par petits bateaux": no visit
        if code.startswith(VISIT_CODE) and target is not None and \
                target.country == source.country and source.country is not None and \
                (target.how or "").startswith(("capital '", "city '", "place '")):
            continue               # "arrived in Harare's stadium": no visit to one's own land
        if target is not None and source.country == target.country and all(
                (a.how or "").startswith("city '") for a in (source, target)):
            continue               # two towns of one state are no two sides ("i trattati di
            #                        annessione delle regioni di Donetsk, Luhansk ...")
        same = (code, _side(source), _side(target))
        if same in emitted or _vaguer(code, source, target, emitted):
            continue               # one act told once per trigger and pair of sides (an
            #                        actor named twice, a title and its holder, counts once;
            #                        "migrantes colombianos y guatemaltecos" read twice)
        emitted.add(same)
        confidence = frame.entry.confidence * 0.85 ** guessed
        confidence *= 1.0 if source.country else 0.8
        confidence *= 1.0 if target is None or target.country else 0.85
        if any(h.startswith("source: dropped") for h in frame.how):
            confidence *= 0.9
        digest = hashlib.sha1(f"{article.id}|{tok.start}|{code}|{source.start}|"
                              f"{target.start if target else ''}".encode()).hexdigest()[:16]
        events.append(Event(
            id=f"e{digest}", doc_id=article.id, language=article.language or "",
            date=date, date_precision=precision, date_source=date_source,
            cameo=code, cameo_root=code[:2], plover=info.plover, plover_mode=info.plover_mode,
            quad_class=info.quad_class, goldstein=info.goldstein,
            source=source, target=target, location=frame.location,
            negated=frame.negated, hypothetical=hypothetical,
            evidence=Evidence(index, s.text, s.start, s.end,
                              Trigger(tok.text, tok.start, tok.end, tok.lemma)),
            confidence=round(confidence, 3), intent=frame.intent, speaker=frame.speaker,
            rule="; ".join(frame.how) + own))
    return events


def _announced_act(frame: Frame) -> bool:
    """Whether an act told in the future tense keeps its code: the entry's user file says
    `future: act`, as a PETRARCH or TABARI dictionary codes "will abandon ties" as the abandoning.
    Only the tense counts: an intent verb ("wants to abandon") still makes an intention."""
    return frame.future and frame.entry.future_is_act


def _same(a: Actor, b: Actor) -> bool:
    """Whether two actors are one (an event needs two sides)."""
    if a.kb_id is not None and a.kb_id == b.kb_id and a.sector == b.sector:
        return True                       # (the police and protesters of one state are two)
    return (a.country, a.sector, a.name) == (b.country, b.sector, b.name)


def _vaguer(code: str, source: Actor, target: Actor | None, emitted: set[tuple]) -> bool:
    """A side that only names a state, already told with a sector of that state: a target, or
    a source ("da aerei giordani ed egiziani": "egiziani" read as a plane and as a state)."""
    if source.sector is None and source.country and any(
            c == code and t == _side(target) and s is not None and s[0] == source.country
            for c, s, t in emitted):
        return True
    if target is None or target.sector is not None or not target.country:
        return False
    return any(c == code and s == _side(source) and t is not None and t[0] == target.country
               for c, s, t in emitted)


def _state_side(a: Actor) -> bool:
    """A state acting as such: its government, legislature or diplomats, the state by name, or
    an intergovernmental body (not a people by its demonym, nor any other sector)."""
    return a.country is not None and (a.sector in ("GOV", "LEG", "IGO") or a.sector is None and
                                      (a.how or "").startswith("state '"))


def _side(a: Actor | None) -> tuple | None:
    """What an event's side comes to in the data: state, sector and known identity."""
    return None if a is None else (a.country, a.sector, a.kb_id or a.name)


def _protested(source: Actor, place: Location | None, code: str, sentence) -> Actor | None:
    """A protest with no named target addresses the government where it happens (CAMEO and
    PLOVER practice: "students demonstrated in Jakarta" -> IDN GOV); so does a demand of the
    opposition, to its own government."""
    if code.startswith(REQUEST_ROOT) and source.sector == "OPP":
        place = None                     # "l'opposizione venezuelana ha reclamato la
        #                                  pubblicazione dei verbali": its own government
    elif not code.startswith((PROTEST_ROOT, PROTEST_THREAT, DISSENT_EASED)):   # "ont menacé
        #                                       d'une grève", "called off a four-day strike"
        return None
    country = place.country if place is not None and place.country else source.country
    if not country or country == source.country and source.sector == "GOV":
        return None
    # the words that place it: the place's name in the sentence, else the protesters' own
    text, start, end = _written(sentence, place) or (source.text, source.start, source.end)
    what = "demand" if code.startswith(REQUEST_ROOT) else "protest"
    return Actor(text, start, end, None, country, "GOV", None,
                 f"{what} without a named target: the government of {country}, where it "
                 f"happens (placed by {text!r})")


def _aided(source: Actor, place: Location | None, code: str, sentence) -> Actor | None:
    """Aid with no named recipient goes to the state where it is delivered ("ha consegnato cibo
    ... nel nord della Striscia di Gaza" -> PSE), when that is not the giver's own."""
    if not code.startswith(AID_ROOT) or place is None or not place.country or \
            place.country == source.country:
        return None
    text, start, end = _written(sentence, place) or (place.text, source.start, source.end)
    return _state(text, start, end, place.country, "aid without a named recipient: the state "
                  f"where it is delivered ({place.country}, placed by {text!r})")


def _state(text: str, start: int, end: int, country: str, how: str) -> Actor:
    """A state as a side, read from the words at ``start:end`` (a place's name, or the words
    that place it)."""
    return Actor(text, start, end, None, country, None, f"country:{country}", how)


def _own_state(source: Actor, why: str) -> Actor:
    """The source's own state as the target, read from the source's words."""
    return _state(source.text, source.start, source.end, source.country,
                  f"{why} ({source.country})")


def _charged(g: Graph, n: int, source: Actor, code: str) -> Actor | None:
    """A prosecutor's or police inquiry into a charge with no one named looks into its own state
    ("la procura di Milano ha aperto un'inchiesta per corruzione", "une information judiciaire
    pour corruption"): the charge is what the inquiry at ``n`` (its verb, or its object noun) is
    for. An inquiry into drones' origin names no charge, and no one."""
    if not code.startswith(INVESTIGATE_ROOT) or source.sector not in ("JUD", "COP") or \
            not source.country:
        return None
    nouns = [n, *(c for s_, c in g.slots(n) if s_ in ("obj", "nsubj:pass"))]
    if not any(g.role(s_.replace("obl:", "nmod:")) == "nmod:for"
               for m in nouns for s_, _ in g.slots(m)):
        return None
    return _own_state(source, "an inquiry into a charge with no one named looks into the "
                      "source's own state")


def _ruled(source: Actor, place: Location | None, code: str, sentence) -> Actor | None:
    """A curfew, a state of emergency or a ban on parties, imposed, lifted or threatened with no
    one named, binds the state where it applies, else the source's own ("ha revocato la legge
    marziale" -> KOR; "lifted a night curfew in Montenegro" -> MNE)."""
    if not code.startswith(HOME_RULE_CODES) or source.country is None or \
            source.sector in INTERNATIONAL_SECTORS:
        return None
    if place is not None and place.country:
        text, start, end = _written(sentence, place) or (place.text, source.start, source.end)
        return _state(text, start, end, place.country, "a rule with no one named binds the "
                      f"state where it applies ({place.country}, placed by {text!r})")
    return _own_state(source, "a rule with no one named binds the source's own state")


def _investigated(g: Graph, nouns: list[int], ctx: Context,
                  sources: list[Actor]) -> tuple[list[Actor], str]:
    """Whom an inquiry with no one named looks into: an actor, else the state of a place, named
    in its subject matter ("un'indagine sulle violazioni dei diritti umani nello Xinjiang" ->
    CHN, "an investigation into cars imported from China" -> CHN)."""
    carriers = [g.head(c) for c in nouns if g.head(c) is not None and
                g.lemma(g.head(c)) in g.grammar.carrier_nouns]    # "una missione d'inchiesta"
    inner = [x for c in nouns for s_, x in g.slots(c) if s_.startswith("nmod")]
    for c in [*nouns, *carriers, *inner]:    # "un'indagine anti-sovvenzioni sulle auto ..."
        for s_, x in g.slots(c):
            if g.role(s_.replace("obl:", "nmod:")) not in TOPIC_SLOTS:
                continue
            inside = g.subtree(x, stop=set())
            names = [m for m in sorted(inside) if g.tokens[m].pos in NOUN_POS]
            found = [a for a in _resolve_all(g, names, ctx) if a.country and
                     _other_side(a, sources)]
            if found:
                return found[:1], f"named in the subject matter of '{g.tokens[c].text}'"
            place = _place_inside(g, inside, ctx)
            if place is not None and all(place.country != a.country for a in sources):
                text, start, end = _written(g.sentence, place) or \
                    (place.text, g.tokens[x].start, g.tokens[x].end)
                return [_state(text, start, end, place.country, f"the state of the place "
                               f"'{text}' in the subject matter of '{g.tokens[c].text}'")], \
                    "place in the subject matter"
    return [], ""


def _written(sentence, place: Location | Place | None) -> tuple[str, int, int] | None:
    """Where a place's name is written in the sentence (text, article offsets), if it is."""
    at = sentence.text.find(place.text) if place is not None and place.text else -1
    if at < 0:
        return None
    return place.text, sentence.start + at, sentence.start + at + len(place.text)


def _phrase_or_trigger(g: Graph, heads: list[int], n: int) -> tuple[str, int, int]:
    """The words of the first of ``heads`` with its dependents, else the trigger word."""
    if heads:
        return g.text(g.subtree(heads[0]))
    tok = g.tokens[n]
    return tok.text, tok.start, tok.end


def _situated(actor: Actor | None, place: Location | None) -> Actor | None:
    """A sector without a state ("la polizia", "protesters") belongs to where it acts."""
    if actor is None or actor.country or actor.sector in (None, "GOV", *STATELESS_SECTORS) \
            or place is None or not place.country:
        return actor                      # "la comunità internazionale" is no one's in Beirut
    return dataclasses.replace(actor, country=place.country,
                               how=f"{actor.how}; country from the event's place '{place.text}'")


def _unnamed_victims(g: Graph, frame: Frame, source: Actor, place: Location | None,
                     ctx: Context) -> Actor | None:
    """Force without a named target ("la polizia ha arrestato decine di persone", "decretó el
    toque de queda") falls on the people where it happens: the place's state, else the
    source's own (CAMEO codes such events against the country's civilians)."""
    if frame.entry.code.startswith(TEST_CODES):
        return None                       # "ha condotto il suo sesto test nucleare"
    patients = [c for slot, c in g.slots(frame.n) if slot in ("obj", "nsubj:pass")]
    inner = _place_inside(g, g.subtree(patients[0]), ctx) if patients else None
    if inner is None and place is None:   # "il raid russo su Kharkiv": the city struck
        inner = next((p for slot, c in g.slots(frame.n)     # "raid su un campo a Rafah"
                      if g.role(slot.replace("obl:", "nmod:")) in AIMED_SLOTS | {"nmod:about"}
                      and (p := place_of(g, c, ctx) or _place_inside(g, g.subtree(c), ctx))
                      is not None), None)
    if inner is not None:
        place = inner                     # "bombardé la banlieue sud de Beyrouth"
    country = place.country if place is not None and place.country else source.country
    where = f"the place's state ({country})" if place is not None and place.country else \
        f"the source's state ({country})"
    if (place is None or not place.country) and country not in ctx.kb.countries and \
            (here := _sentence_place(g, ctx)) is not None:   # a group of no state ("l'État
        country, where = here.country, \
            f"the state of the sentence's place ({here.text})"   # islamique ... de la RDC")
    elif (place is None or not place.country) and frame.entry.code.startswith(WAR_ROOTS) and \
            source.sector in (None, "MIL"):      # "il raid israeliano" in an article on Gaza:
        here = _sentence_place(g, ctx)       # "arrivato a Kiev nell'anniversario
        if here is not None and here.country != source.country and \
                here.country in ctx.prior:                   # dell'invasione russa"
            country, where = here.country, f"the state of the sentence's place ({here.text})"
        elif (foe := next((c for c in ctx.prior if c != source.country and
                           c in ctx.kb.countries), None)) is not None:
            country, where = foe, f"the article's other state ({foe})"   # a state's armed
            #                                                 force strikes another state
    elif (place is None or not place.country) and frame.entry.code.startswith(WAR_ROOTS) and \
            source.sector == "REB":          # "a Giaffa ..., in un attacco rivendicato da Hamas":
        verb = frame.n if g.tokens[frame.n].pos in VERB_POS else g.governing_verb(frame.n)
        while verb is not None and g.dep(verb) in ("advcl", "xcomp", "conj"):
            verb = g.head(verb)              # "uccidendo ..., in un attacco": the main clause
        here = _place_inside(g, g.subtree(frame.n if verb is None else verb), ctx)   # the place
        if here is not None and here.country != source.country:   # of its own clause, not of
            country, where = here.country, \
                f"the state of the place in its clause ({here.text})"   # who reports it
    if country not in ctx.kb.countries:
        return None
    if country == source.country and (place is None or not place.country) and patients and \
            _is_word(g, patients[0], g.grammar.weapon_nouns):
        return None                       # "North Korea fired a ballistic missile": the weapon
    #                                       is what it acts on; nowhere named, no one struck
    if country == source.country and (place is None or not place.country) and any(
            g.water(p) for p in _clause(g, frame.n if g.tokens[frame.n].pos in VERB_POS
                                        else g.governing_verb(frame.n) or frame.n)):
        return None                       # "the Houthis attacked a cargo ship in the Red Sea":
    #                                       at sea, not on the attacker's own people
    text, start, end = (_written(g.sentence, place) if not patients else None) or \
        _phrase_or_trigger(g, patients, frame.n)
    return Actor(text, start, end, None, country, "CVL", f"country:{country}",
                 f"force without a named target: the people (CVL) of {where}")


def _unnamed_protesters(g: Graph, n: int, place: Location | None, ctx: Context,
                        others: list[Frame] = ()) -> list[Actor]:
    """A protest that names no actor ("migliaia di persone sono scese in piazza", "arrestati
    durante le proteste") is made by protesters (OPP) of the state where it happens: its own
    place, else the sentence's, else the state the sentence's other events concern."""
    where = place or _sentence_place(g, ctx)
    country = where.country if where is not None else \
        next((a.country for f in others for a in [*f.sources, *f.targets]
              if a.country in ctx.kb.countries), None)
    if country not in ctx.kb.countries:
        return []
    subj = [c for slot, c in g.slots(n) if slot == "nsubj"]
    text, start, end = _phrase_or_trigger(g, subj, n)
    return [Actor(text, start, end, None, country, "OPP", None,
                  f"protesters of {country}, unnamed" +
                  (f", where it happens ('{where.text}')" if where is not None else ""))]


def _state_of_act(g: Graph, frame: Frame, ctx: Context) -> str | None:
    """The state where an act with an unnamed doer happens, else its first target's state."""
    where = frame.location or _sentence_place(g, ctx)
    country = where.country if where is not None and where.country else frame.targets[0].country
    return country if country in ctx.kb.countries else None


def _unnamed_police(g: Graph, frame: Frame, ctx: Context) -> list[Actor]:
    """An arrest that names no one making it ("two Australians arrested in Bali", "Navalny è
    stato arrestato") is made by the police of where it happens, else of the arrested's state."""
    country = _state_of_act(g, frame, ctx)
    if country is None:
        return []
    tok = g.tokens[frame.n]
    return [Actor(tok.text, tok.start, tok.end, None, country, "COP", f"country:{country}",
                  f"police of {country}, unnamed (an arrest names no one making it)")]


def _survived(g: Graph, n: int, lang: str) -> int | None:
    """The verb of surviving or escaping (grammar ``survival_verbs``) that has the act ``n`` as
    its object or oblique ("survived an assassination attempt", "a échappé à une tentative
    d'assassinat"): its subject is whom the act aimed at, not who did it."""
    h = g.head(n)
    if h is None or g.tokens[h].pos not in VERB_POS or not {
            g.lemma(h).lower(), _dictionary_form(g, h, lang)} & g.grammar.survival_verbs:
        return None
    return h if any(c == n for s_, c in g.slots(h) if s_ not in ("nsubj", "nsubj:pass")) else None


def _by_weapon(g: Graph, n: int) -> bool:
    """The act's doer is a weapon, named as its subject or its passive agent ("a roadside bomb
    killed", "killed by an improvised explosive device", "un'autobomba ha ucciso"), or, with no
    agent, as where the passive act happened ("were killed in a car bombing")."""
    doers = [c for s_, c in g.slots(n) if s_ == "agent"] if g.passive(n) else \
        _subject(g, n, False)
    if g.passive(n) and not doers:        # "were killed in a car bombing in Baghdad"
        doers = [c for s_, c in g.slots(n) if s_.startswith("obl:") and
                 s_[4:] in g.grammar.location_prepositions][:1]
    def named(c: int) -> bool:            # the noun, or it with the modifiers before it
        phrase = sorted({c, *(k for k in g.kids(c, "amod", "compound") if k < c)})
        for i in range(len(phrase)):      # ("explosive device", "improvised explosive device")
            texts = [g.tokens[p].text.lower() for p in phrase[i:]]
            if " ".join(texts) in g.grammar.weapon_nouns or \
                    " ".join(texts[:-1] + [g.lemma(c).lower()]) in g.grammar.weapon_nouns:
                return True
        weapons = [g.tokens[k].text.lower() for k in sorted(g.kids(c, "compound")) if k < c]
        return any(" ".join(weapons[i:]) in g.grammar.weapon_nouns   # "a minefield explosion",
                   for i in range(len(weapons)))                    # "a car bomb blast"
    return bool(doers) and all(named(c) for c in doers)


def _unnamed_attackers(g: Graph, frame: Frame, ctx: Context) -> list[Actor]:
    """A shooting or killing told in the passive with no one doing it ("fue asesinado a tiros
    en Quito", "è stato accoltellato a Milano") is the act of unidentified armed men (UAF) of
    where it happens, else of the victim's state."""
    victims = _inside(g, g.subtree(frame.n), frame.targets)
    for c in sorted(set(g.subtree(frame.n)) - victims - {frame.n}):   # "ucciso a Rafah in uno
        if g.tokens[c].pos in NOUN_POS and g.dep(c) not in ("nsubj:pass", "nsubjpass"):  # scontro
            armed = [a for a in _resolve_all(g, [c], ctx)            # a fuoco con una
                     if a.country and a.sector in ARMED_SECTORS]      # pattuglia israeliana"
            if armed and not any(_same(a, t) for a in armed for t in frame.targets):
                return [dataclasses.replace(a, how=f"{a.how}; armed actor in the clause")
                        for a in armed[:1]]
    country = _state_of_act(g, frame, ctx)
    if country is None:
        return []
    tok = g.tokens[frame.n]
    return [Actor(tok.text, tok.start, tok.end, None, country, "UAF", f"country:{country}",
                  f"unidentified attackers in {country} (no one named as doing it)")]


def _protest_acted_on(g: Graph, frame: Frame, lex) -> int | None:
    """A protest as the object ("Carabineros dispersó una marcha estudiantil", "la polizia ha
    sgomberato il presidio"): the protest noun, on whose protesters the act falls."""
    return next((c for slot, c in g.slots(frame.n)
                 if slot in ("obj", "nsubj:pass") and g.tokens[c].pos == "NOUN" and any(
                     e.code.startswith(PROTEST_ROOT) for e in lex.candidates(g.lemma(c), "noun"))),
                None)


def _protesters_of(g: Graph, c: int, source: Actor, place: Location | None,
                   ctx: Context) -> Actor | None:
    """The protesters (OPP) of the protest ``c``: of the source's state, or of where it is."""
    if place is None and source.country in ctx.kb.countries:
        country = source.country
    else:
        found = _unnamed_protesters(g, c, place, ctx)
        country = found[0].country if found else None
    if country is None:
        return None
    text, start, end = _phrase_or_trigger(g, [c], c)
    return Actor(text, start, end, None, country, "OPP", None,
                 f"protesters of {country} (the protest acted on)")


def _unknown_names(g: Graph, heads: list[int], ctx: Context) -> list[Actor]:
    """Named protesters the knowledge base does not know ("Angela Davis protestó por su
    inclusión en una lista", "la Sociedad Interamericana de Prensa protestó ante el gobierno
    hondureño"): who they are is in the text, though not their state or sector."""
    found = []
    for c in heads:
        tok = g.tokens[c]
        ent = next((e for e in ctx.entities if e.start <= tok.start < e.end and
                    e.label not in PLACE_LABELS), None) if tok.pos == "PROPN" else None
        if ent is not None:
            found.append(Actor(ent.text, ent.start, ent.end, ent.text, None, None, None,
                               f"'{ent.text}': a name the knowledge base does not know"))
    return found


def _sentence_place(g: Graph, ctx: Context) -> Place | None:
    """The first state-bound place the sentence names."""
    return _place_inside(g, range(len(g.tokens)), ctx)


def _place_inside(g: Graph, positions, ctx: Context) -> Place | None:
    """The first state-bound place named inside a phrase ("la banlieue sud de Beyrouth", "des
    civils à Axoum, dans le nord de l'Éthiopie")."""
    for p in sorted(positions):
        h = g.head(p)
        if h is not None and (g.lemma(h) in g.grammar.border_nouns or g.water(h)):
            continue                      # "en la frontera con Venezuela": not in Venezuela
        if g.tokens[p].pos == "PROPN" or g.tokens[p].pos == "NOUN" and p > 0 and \
                g.tokens[p].text[:1].isupper() and _in_place(g, [p], ctx):   # "à Nice" tagged
            place = place_of(g, p, ctx)                                       # as a noun
            if place is not None and place.country in ctx.kb.countries:
                return place
        elif g.tokens[p].pos == "NOUN" and _is_word(g, p, g.grammar.place_nouns):
            place = _adjective_place(g, p, ctx)   # "a decine di città iraniane"
            if place is not None:
                return place
    return None


def _adjective_place(g: Graph, n: int, ctx: Context) -> Place | None:
    """The state a place noun's nationality adjective names ("città iraniane" -> IRN)."""
    for c in g.kids(n, "amod"):
        state = ctx.state_place(ctx.kb.adjectives.get(g.tokens[c].text.lower()))
        if state is not None:
            text, start, end = g.text(list(range(min(n, c), max(n, c) + 1)))
            return Place(text, start, end, state.name, state.country, state.lat, state.lon,
                         state.kind, state.id)
    return None


def _phrase(g: Graph, actor: Actor) -> set[int]:
    """The words of the phrase an actor was read from, place phrases hanging on it included."""
    inside = [n for n, t in enumerate(g.tokens) if actor.start <= t.start < actor.end]
    return {m for n in inside for m in g.subtree(n)}


def _domestic(g: Graph, actor: Actor | None, other: Actor | None, ctx: Context) -> Actor | None:
    """A target sector without a state and without a place belongs to the source's state ("il
    presidente tunisino ha respinto gli appelli dell'opposizione" -> TUN OPP; CAMEO codes a
    domestic dyad with one country twice).  Not the other way round: a ministry or police
    force acting on a foreign state is rarely that state's own."""
    if actor is None or actor.country or actor.sector in (None, *INTERNATIONAL_SECTORS) or \
            other is None or other.country not in ctx.kb.countries:
        return actor
    place = _place_inside(g, _phrase(g, actor), ctx)
    if place is not None:
        return dataclasses.replace(actor, country=place.country,
                                   how=f"{actor.how}; country of its place '{place.text}'")
    return dataclasses.replace(actor, country=other.country,
                               how=f"{actor.how}; country of the other side ({other.country})")


def _in_article(actor: Actor | None, other: Actor | None, ctx: Context) -> Actor | None:
    """A sector still without a state ("la polizia", "gli attivisti") belongs to the state the
    article is most about; a government, to the one most named after the other side's ("il
    governo ha approvato sanzioni contro Mosca" is not Moscow's government)."""
    if actor is None or actor.country or actor.sector in (None, *INTERNATIONAL_SECTORS):
        return actor
    theirs = other.country if other is not None and actor.sector == "GOV" and \
        other.sector in (None, "GOV") else None
    state = next((c for c in ctx.prior if c != theirs), None)
    if state is None:
        return actor
    return dataclasses.replace(actor, country=state,
                               how=f"{actor.how}; the article's state ({state})")


def code_article(article: Article) -> Article:
    """Fill ``article.events`` (negated and hypothetical ones included, flagged)."""
    pub = dt.date.fromisoformat(article.published) if article.published else None
    kb, places = knowledge_base(), gazetteer()
    rules = grammar(article.language or "")
    ctx = Context(article.language or "", pub, kb, places, [],
                  prior=article_prior(article.sentences, kb, places, rules.locality_nouns,
                                      rules.water_nouns))
    article.events = []
    mod = modality(ctx.lang)
    lex = lexicon(ctx.lang)
    verbs = lex.verbs if lex is not None else frozenset()
    for index, sentence in enumerate(article.sentences):
        if (found := kb.discarded(sentence.text, "sentence")) is not None:
            article.discarded.append(Discard(found[0], index, found[1]))
            continue
        g = Graph.of(repair(sentence, rules, kb.adjectives, verbs), rules)
        ctx.entities = sentence.entities
        result = code_sentence(g, index, article, ctx, pub, lex)
        article.events.extend(result.events)
        ctx.doers.update((e.cameo_root, e.source) for e in result.events
                         if e.source is not None and not (e.negated or e.hypothetical))
        if result.subjects:
            ctx.antecedents = result.subjects
            ctx.object_antecedent = result.objects[0] if result.objects else None
    return article
