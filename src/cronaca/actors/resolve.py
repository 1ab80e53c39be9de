"""Resolve the noun phrase in an argument slot to an actor: person, state, organisation, sector.

The order follows how news names actors: a person named in the phrase ("il presidente Xi"), a
government by its seat or capital ("il Cremlino", "Pechino"), an organisation or state by name,
an office title with a nationality ("il ministro degli Esteri italiano", resolved through the
people who held that office on the event's date), a sector word with a nationality
("la polizia russa"), a demonym ("i manifestanti iraniani", "gli ucraini").  Every actor says
how it was resolved, for ``--explain``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from functools import cache

from cronaca.actors.kb import KnowledgeBase, Person, key
from cronaca.errors import ResourceError
from cronaca.events.syntax import PASSIVE_SUBJECT, SUBJECT, Graph
from cronaca.geo.gazetteer import Gazetteer
from cronaca.model import Actor, Entity

PERSON_LABELS = {"PER", "PERSON"}
PLACE_LABELS = {"LOC", "GPE"}
PRONOUN_POS = {"PRON"}
NOT_PLACE_LABELS = {"NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
MAX_NGRAM = 10                 # words: "Communauté économique des États de l'Afrique de l'Ouest"
PRIOR_NGRAM = 4                # names of states and organisations counted for an article's prior
ARMED_SECTORS = ("MIL", "COP", "REB", "INS", "UAF", "SPY")   # armed forces, police, services
SMALL_TOWN = 100_000           # a town this small, in a state the article never names, is a homonym
LOCAL_TOWN = 50_000            # a namesake in the article's state is meant when it is this large,
LOCAL_RATIO = 5                # or when the famous one is not five times larger ("Geneva" beside
#                                the US is still Geneva, not a town of 20,000 in Illinois)
FAMOUS_RATIO = 15              # a large namesake yields to a famous city fifteen times larger
#                                ("Donetsk" is Ukraine's city of 900,000, not Russia's of 50,000;
#                                Mexico's Córdoba, a tenth of Argentina's, is still meant)


@dataclass
class Context:
    lang: str
    date: dt.date | None
    kb: KnowledgeBase
    places: Gazetteer
    entities: list[Entity]
    antecedents: list[Actor] = field(default_factory=list)   # the last sentence's subjects
    object_antecedent: Actor | None = None   # whom the last sentence's main verb acted on
    prior: tuple[str, ...] = ()              # states the article is about, most named first
    doers: dict[str, Actor] = field(default_factory=dict)   # CAMEO root -> who last did such
    #                                          an act in the article ("la visita": whose)

    @property
    def antecedent(self) -> Actor | None:
        """For pronouns and dropped subjects: the last sentence's first subject."""
        return self.antecedents[0] if self.antecedents else None

    def place(self, name: str):
        """The place a name most likely means here: the gazetteer's first (a state, a capital,
        the most populous city), unless a city of that name lies in a state the article is about
        ("Santander" beside the FARC is Santander de Quilichao, not the Spanish city).  A name
        the knowledge base gives an organisation is not a city ("Hamas" is an alternate name
        of Hamm in GeoNames)."""
        found = self.places.lookup(name)
        if not found or (found[0].kind == "city" and key(name) in self.kb.org_names):
            return None
        top = found[0]
        if top.kind == "city" and not top.capital and top.country not in self.prior:
            for country in self.prior:
                local = next((p for p in found if p.country == country and
                              p.kind in ("city", "region")), None)
                if local is not None and (
                        local.kind == "region" or local.population * LOCAL_RATIO >= top.population
                        or local.population >= LOCAL_TOWN and
                        local.population * FAMOUS_RATIO >= top.population):
                    return local    # (not a town of 20,000 for Geneva beside the US)
            if self.prior and top.population < SMALL_TOWN:
                return None     # "la vereda Campo Alegre, ANTIOQUIA": no Brazilian town
        return top

    def state_place(self, iso3: str | None):
        """The gazetteer's point for the state ``iso3`` of the knowledge base, or None."""
        state = self.place(self.kb.countries[iso3].name) if iso3 in self.kb.countries else None
        return state if state is not None and state.country == iso3 else None


@dataclass
class Place:
    """A nominal that names a place (and is not acting): a location candidate."""

    text: str
    start: int
    end: int
    name: str
    country: str
    lat: float
    lon: float
    kind: str
    kb_id: str


def _words(g: Graph, positions: list[int]) -> list[str]:
    return [g.tokens[p].text for p in positions]


def _ngrams(positions: list[int], limit: int = MAX_NGRAM):
    """Contiguous runs of positions, longest first."""
    for size in range(min(limit, len(positions)), 0, -1):
        for i in range(len(positions) - size + 1):
            run = positions[i:i + size]
            if run[-1] - run[0] == size - 1:
                yield run


def _person_actor(g: Graph, span: list[int], person: Person, ctx: Context, how: str,
                  title: str | None = None) -> Actor:
    text, start, end = g.text(span)
    tenure = person.at(ctx.date)
    if tenure:
        role = tenure.role.replace("_", " ") if tenure.role else "code"
        how = f"{how}; {role} of {tenure.country} on {ctx.date or 'today'}"
        return Actor(text, start, end, person.name, tenure.country, tenure.sector,
                     person.id, how)
    if title:                 # "President Mugabe" in a text of his time, read without its date
        return Actor(text, start, end, person.name, person.home, "GOV", person.id,
                     f"{how}; no office on {ctx.date or 'today'}, but titled '{title}'")
    return Actor(text, start, end, person.name, person.home, None, person.id,
                 f"{how}; no office on {ctx.date or 'today'}")


def _entity_over(g: Graph, n: int, ctx: Context, labels: set[str]) -> Entity | None:
    tok = g.tokens[n]
    for ent in ctx.entities:
        if ent.label in labels and ent.start <= tok.start and tok.end <= ent.end:
            return ent
    return None


def _person_after(g: Graph, n: int, span: list[int], ctx: Context) -> Entity | None:
    after = max(span) + 1
    while after < len(g.tokens) and key(g.tokens[after].text) in ctx.kb.adjectives:
        after += 1                        # "son homologue ukrainien Volodymyr Zelensky", the
    #                                       adjective hung elsewhere by the parser
    if g.tokens[n].pos != "NOUN" or after >= len(g.tokens):
        return None
    ent = _entity_over(g, after, ctx, PERSON_LABELS)
    return ent if ent is not None and ent.start == g.tokens[after].start else None


def _nationality(g: Graph, n: int, ctx: Context) -> tuple[str | None, str]:
    """The state or organisation a phrase's modifiers name: adjective, "di X", "X's"."""
    kb = ctx.kb
    owners = [c for c in g.children[n] if g.tokens[c].pos in ("PRON", "DET") and (
        g.dep(c) in ("poss", "nmod:poss", "det:poss") or g.morph(c, "Poss") == "Yes")]
    placed = False                        # "its embassy in Quito": Quito is where, not whose
    for c in g.children[n]:
        d = g.dep(c)
        word = key(g.tokens[c].text)
        if owners and d in ("nmod", "obl", "prep") and \
                (g.preposition(c) if d != "prep" else g.lemma(c)) in \
                g.grammar.location_prepositions:
            placed = True
            continue
        if d in ("amod", "compound", "nmod", "obl", "poss", "nmod:poss", "npadvmod", "appos",
                 "flat", "flat:name", "nummod", "prep") or g.tokens[c].pos in ("ADJ", "PROPN") \
                or d == "acl" and word in kb.adjectives:   # "droni russi" tagged as a participle
            if word in kb.adjectives:
                return kb.adjectives[word], f"adjective '{g.tokens[c].text}'"
            if (pair := _adjective_pair(g, c, n, kb)) is not None:   # "North Korean troops"
                return pair
            if d in ("nmod", "compound", "poss", "nmod:poss", "obl", "prep") or \
                    g.tokens[c].pos == "PROPN":
                span = g.subtree(c)
                if d in ("nmod", "obl") and g.preposition(c) not in _NAME_PREPOSITIONS:
                    span = [c, *g.kids(c, "flat", "flat:name", "amod", "det", "case")]
                    # "i lavoratori in tutta Italia", not "condamné le président à cinq ans
                    # de prison ... dans l'affaire du financement libyen"
                found = _named(g, [p for p in span if g.dep(p) not in ("case", "det")], ctx)
                if found and found[1] and found[0] in ("country", "seat", "capital", "org",
                                                       "person"):   # "soldiers of Putin"
                    return found[1], f"{found[0]} '{found[2]}'"
    if placed and (own := _possessor(g, owners[0], ctx)) is not None and own.country:
        verb = g.governing_verb(n)
        heads = g.kids(verb, *SUBJECT, *PASSIVE_SUBJECT) if verb is not None else []
        subject = {p for c in heads for p in g.subtree(c)}
        if not any(own.start <= g.tokens[p].start < own.end for p in subject):
            return own.country, f"possessive -> {own.text}"   # the subject's own thing abroad
    #                                 is the coder's to read ("recalled its ambassador in X")
    # "il ministro degli Esteri italiano": the adjective hangs lower in the title
    for p in _span(g, n):
        if g.dep(p) == "amod" and key(g.tokens[p].text) in kb.adjectives:
            return kb.adjectives[key(g.tokens[p].text)], f"adjective '{g.tokens[p].text}'"
    # English "Chinese Foreign Minister": the adjective sits left of the title
    for p in g.subtree(n):
        word = key(g.tokens[p].text)
        if p < n and word in kb.adjectives:
            return kb.adjectives[word], f"adjective '{g.tokens[p].text}'"
    return None, ""


def _adjective_pair(g: Graph, c: int, n: int, kb) -> tuple[str, str] | None:
    """A nationality adjective of two words ending on ``c`` ("North Korean", "South Sudanese"),
    the first hung on the second or on the same noun ``n``."""
    if c < 1 or g.head(c - 1) not in (c, n):
        return None
    words = f"{g.tokens[c - 1].text} {g.tokens[c].text}"
    code = kb.adjectives.get(key(words))
    return (code, f"adjective '{words}'") if code else None


def _proper(g: Graph, run: list[int], ctx: Context) -> bool:
    """Whether ``run`` reads as a proper name: capitalised proper nouns, or inside a place
    entity ("Police" or "North" opening a sentence are not cities)."""
    if not g.tokens[run[0]].text[:1].isupper():
        return False
    if all(g.tokens[p].pos == "PROPN" for p in run):
        return True
    first, last = g.tokens[run[0]], g.tokens[run[-1]]
    return any(e.label in PLACE_LABELS and e.start <= first.start and last.end <= e.end
               for e in ctx.entities)


def _in_place(g: Graph, run: list[int], ctx: Context) -> bool:
    """Whether the NER saw a place where ``run`` is ("Young Algerians" is no city)."""
    first, last = g.tokens[run[0]], g.tokens[run[-1]]
    return any(e.label in PLACE_LABELS and e.start < last.end and first.start < e.end
               for e in ctx.entities)


def _in_person(g: Graph, run: list[int], ctx: Context, exactly: bool = False) -> bool:
    """A person entity overlaps ``run`` (or, ``exactly``, is ``run`` itself: "Washington" but
    not "George Washington")."""
    first, last = g.tokens[run[0]], g.tokens[run[-1]]
    return any(e.label in PERSON_LABELS and
               ((e.start, e.end) == (first.start, last.end) if exactly else
                e.start < last.end and first.start < e.end)
               for e in ctx.entities)


def _named(g: Graph, span: list[int], ctx: Context):
    """(kind, code, text, extra) for the longest name in ``span`` the knowledge base knows."""
    kb = ctx.kb
    for run in _ngrams(span):
        words = _words(g, run)
        k = key(" ".join(words))
        k2 = key("".join(w if w.endswith("'") else w + " " for w in words))
        written = g.text(run)[0]
        if written in kb.org_acronyms:           # "UN", never the article "un"
            org = kb.organizations[kb.org_acronyms[written]]
            return "org", org.code, written, org
        k3 = key(written)                        # as written: "Asia-Pacific Economic Cooperation"
        # a state or a seat is named with a capital ("the Netherlands"): "island" is no Iceland
        capital_letter = any(g.tokens[p].text[:1].isupper() for p in run)   # (German "Island")
        for candidate in dict.fromkeys((k, k2, k3)):
            if candidate in kb.org_names:
                org = kb.organizations[kb.org_names[candidate]]
                return "org", org.code, " ".join(words), org
            if candidate in kb.seats and capital_letter:
                return "seat", kb.seats[candidate], " ".join(words), None
            if candidate in kb.country_names and capital_letter:
                return "country", kb.country_names[candidate], " ".join(words), None
            if candidate in kb.person_names and all(   # "the Prince of Dol Amroth"
                    g.tokens[p].text[:1].isupper() or p not in (run[0], run[-1]) and
                    g.tokens[p].pos in ("ADP", "DET") for p in run):
                person = kb.person(candidate, ctx.date)
                if person is not None:
                    return "person", person.country_on(ctx.date), " ".join(words), person
            place = ctx.place(candidate) if _proper(g, run, ctx) else None
            if place is not None and _in_person(g, run, ctx) and \
                    not (place.capital and _in_person(g, run, ctx, exactly=True)):
                place = None              # a capital the NER took for a person ("Washington")
            if place is not None and not place.capital and not _in_place(g, run, ctx):
                place = None              # a capital is a place even where the NER missed it
            if place is not None and _hyphenated(g, run):
                place = None              # "Hermitage" in "Tain-l'Hermitage" is no US town
            if place is not None and _name_goes_on(g, run):
                place = None              # "Salem" in "Salem Bazoum", "Washington Post"
            if place is not None and not place.capital and (
                    _inside_longer_name(g, run, ctx, PLACE_LABELS) or _tail_of_place(g, run, ctx)):
                place = None              # "Universidad" in "Universidad Centroamericana",
                #                           "Rosso" in "Mar Rosso"
            if place is not None and place.kind == "city":
                return ("capital" if place.capital else "city"), place.country, \
                    " ".join(words), place
    return None


def resolve(g: Graph, n: int, ctx: Context) -> Actor | None:
    """The actor the nominal headed by ``n`` names, or None.  A people named by its ethnicity is
    no state's (see ``_ethnic_group``); a name that says nothing by itself takes what its
    apposition says: "Kenzo Oshima, the United Nations Emergency Relief Coordinator" is the UN's
    (the name, unknown to the knowledge base, is kept as its text)."""
    ethnic = _ethnic_group(g, n, ctx) or _stance_group(g, n, ctx)
    if ethnic is not None:
        return ethnic
    actor = _resolve_phrase(g, n, ctx)
    if actor is not None or g.tokens[n].pos != "PROPN":
        return actor
    for a in g.kids(n, "appos"):
        described = _resolve_phrase(g, a, ctx)
        if described is not None and (described.country or described.sector) and \
                not (described.kb_id or "").startswith("person:"):
            text, start, end = g.text(_span(g, n))
            return Actor(text, start, end, text, described.country, described.sector, None,
                         f"'{text}' not in KB; apposition: {described.how}")
    return None


def _ethnic_group(g: Graph, n: int, ctx: Context) -> Actor | None:
    """A people named by its ethnicity ("three ethnic Albanians", "gli albanesi etnici") are no
    citizens of that state: civilians (or the sector the phrase names) whose state is where
    they are, left to the place or the article."""
    words = g.grammar.ethnic_words
    near = [n, *g.children[n], *(k for c in g.children[n] for k in g.children[c])]
    if not words or not any(g.tokens[p].text.lower() in words for p in near):
        return None                       # ("ethnic" hangs on the head: "civili di etnia ...")
    span = _span(g, n)
    if not any(key(g.tokens[p].text) in ctx.kb.adjectives for p in span):
        return None
    text, start, end = g.text(span)
    sector = _sector_of(g, n, ctx) or "CVL"
    return Actor(text, start, end, None, None, sector, None,
                 f"ethnic group '{text}': a people, not its namesake state")


def _stance_group(g: Graph, n: int, ctx: Context) -> Actor | None:
    """A group named by its stance towards a state ("an anti-Syria journalist", "pro-Russian
    separatists") is not that state's: the sector its head names, whose state is where it is,
    left to the place or the article.  A head that names no sector resolves as usual."""
    span = _span(g, n)
    if not any(p != n and g.stance(p) for p in span):
        return None
    sector = _sector_of(g, n, ctx)
    if sector is None:
        return None
    text, start, end = g.text(span)
    return Actor(text, start, end, None, None, sector, None,
                 f"'{text}': named by its stance towards a state, not that state's")


def _resolve_phrase(g: Graph, n: int, ctx: Context) -> Actor | None:
    """The actor the words of the phrase headed by ``n`` name, or None."""
    tok = g.tokens[n]
    kb = ctx.kb
    if g.lemma(n).lower() in g.grammar.quantity_nouns:   # "decine di manifestanti"
        inner = [c for s, c in g.slots(n) if g.role(s) in ("nmod:of", "obl:of")]
        if inner:
            return resolve(g, inner[0], ctx)
    span = _span(g, n)
    if not span or g.water(n):            # "the Sea of Japan" is no side
        return None
    text, start, end = g.text(span)

    if tok.pos in PRONOUN_POS and not (tok.text[:1].isupper() and key(tok.text) in kb.person_names):
        own = _possessor(g, n, ctx)
        if own is not None:               # "Serbia recalled its ambassador": Serbia's
            return dataclasses.replace(own, text=tok.text, start=tok.start, end=tok.end,
                                       how=f"possessive -> the clause's subject {own.text}")
        a = ctx.antecedent
        state_it = g.lemma(n) == "it" and g.dep(n) == "nsubj" and a is not None and \
            not (a.kb_id or "").startswith("person:") and a.country is not None  # "China ... It"
        if a is not None and g.morph(n, "Person") in (None, "3") \
                and (g.lemma(n) not in _NOT_ANAPHORIC or state_it):
            a = ctx.antecedent
            return Actor(tok.text, tok.start, tok.end, a.name, a.country, a.sector, a.kb_id,
                         f"pronoun -> {a.text}")
        return None

    # 1. a person named in the phrase, or right after a common noun that heads it (the
    #    apposition the parser missed: "il ministro degli Esteri cinese Wang Yi visiterà")
    ent = _entity_over(g, n, ctx, PERSON_LABELS) or next(
        (e for p in span if (e := _entity_over(g, p, ctx, PERSON_LABELS))), None) or \
        _person_after(g, n, span, ctx)
    if ent is not None:
        person = kb.person(ent.text, ctx.date)
        if person is None:
            parts = ent.text.split()
            for size in range(len(parts) - 1, 0, -1):
                person = kb.person(" ".join(parts[-size:]), ctx.date)
                if person:
                    break
        if person is not None:            # out of office: a title in the text still says GOV
            title = _title(g, n, span, ctx)[1] if person.at(ctx.date) is None else ""
            return _person_actor(g, span, person, ctx, f"person '{ent.text}' in KB",
                                 title or None)

    # 2. a name the knowledge base knows (organisation, seat, state, person alias, capital)
    found = _named(g, span, ctx)
    if found is not None:
        kind, code, words, extra = found
        if kind == "person":
            actor = _person_actor(g, span, extra, ctx, f"person alias '{words}'")
            sector = _sector_of(g, n, ctx) if actor.sector is None and \
                tok.text not in words.split() else None
            if sector is not None:         # a dictionary's state-like name before a sector
                return dataclasses.replace(        # word: "the Calenardhon government" -> GOV
                    actor, sector=sector, how=f"{actor.how}; sector word '{tok.text}' -> {sector}")
            return actor
        if kind == "org":
            return Actor(text, start, end, extra.name, extra.code, extra.sector,
                         f"org:{extra.id}", f"organisation '{words}'")
        if kind == "seat":
            return Actor(text, start, end, kb.countries[code].name, code, "GOV",
                         f"country:{code}", f"seat of government '{words}'")
        if kind == "capital" and not (tok.text not in words.split() and _sector_of(g, n, ctx)):
            return Actor(text, start, end, kb.countries[code].name, code, "GOV",
                         f"country:{code}", f"capital '{words}' as its government")
        if kind == "country":
            sector = _sector_of(g, n, ctx)
            return Actor(text, start, end, kb.countries[code].name, code, sector,
                         f"country:{code}", f"state '{words}'" + (f", {sector}" if sector else ""))
        if kind == "city" and not (tok.text not in words.split() and _sector_of(g, n, ctx)):
            return Actor(text, start, end, extra.name, code, None, extra.id,
                         f"city '{words}' in {code}")     # (not "Policía Federal": a sector
            #                                              word heads it; step 3 reads it)

    # 3. an office title, a sector word or a generic actor noun, with a nationality
    role, title = _title(g, n, span, ctx)
    country, how = _nationality(g, n, ctx)
    if ent is not None and not role and (country or ent.start <= tok.start < ent.end):
        # a person the KB lacks, by nationality or by the sector of the words before the name
        # ("Iranian General Qassem Soleimani", "Judge Alejandro Rivera"; not "supporters of
        # former President X", whose head is no part of the name)
        sector = next((s for p in span if p != n and (s := _sector_of(g, p, ctx))), None)
        if country or sector:
            return Actor(text, start, end, ent.text, country, sector, None,
                         f"person '{ent.text}' not in KB" + (f" + {how}" if country else "") +
                         (f", {sector}" if sector else ""))
    if role and country:
        holders = kb.holders(country, role, ctx.date)
        if len(holders) == 1:
            return _person_actor(g, span, holders[0], ctx,
                                 f"title '{title}' + {how} -> holder")
        return Actor(text, start, end, None, country, "GOV", f"country:{country}",
                     f"title '{title}' + {how}; no single holder known")
    sector = _sector_of(g, n, ctx)
    if sector or role:
        sector = sector or "GOV"
        return Actor(text, start, end, None, country, sector,
                     f"country:{country}" if country else None,
                     f"sector word '{tok.text}' -> {sector}" + (f" + {how}" if how else ""))
    weapon = {g.lemma(n).lower(), key(tok.text)} & g.grammar.weapon_nouns
    if weapon and how.startswith("adjective"):
        # a weapon its state's adjective names stands for that state's forces ("un missile
        # russo ha colpito", "Russian missiles hit"); not a bombing "in Baghdad", nor one
        # with no state
        return Actor(text, start, end, None, country, "MIL", f"country:{country}",
                     f"weapon '{tok.text}' + {how} -> MIL")
    word = key(tok.text)
    if word in kb.adjectives:                     # demonym: "gli ucraini", "the Russians"
        code = kb.adjectives[word]
        return Actor(text, start, end, kb.countries[code].name, code, None, f"country:{code}",
                     f"demonym '{tok.text}'")
    if country and (g.lemma(n) in kb.generic.get(ctx.lang, ()) or
                    g.morph(n, "Number") == "Plur" and tok.pos in ("NOUN", "PROPN")):
        # "i paesi occidentali"; a plural group named by its nationality ("Iraqi Kurds")
        return Actor(text, start, end, None, country, None, f"country:{country}",
                     f"'{tok.text}' + {how}")
    craft = tok.pos in ("NOUN", "PROPN") and (any(ch.isdigit() for ch in tok.text) or
                                              n > 0 and tok.text[:1].isupper())
    for slot, c in g.slots(n) if craft else ():   # "un Airbus A400M de l'armée de l'air
        if g.role(slot) == "nmod:of":              # française", "un C-130 dell'Aeronautica"
            owner = resolve(g, c, ctx)
            if owner is not None and owner.sector in ARMED_SECTORS:
                return Actor(text, start, end, owner.name, owner.country, owner.sector,
                             owner.kb_id, f"'{tok.text}' of {owner.how}")
    return None


def _possessor(g: Graph, n: int, ctx: Context) -> Actor | None:
    """Whom a possessive pronoun names: the subject of its own clause ("Serbia recalled its
    ambassador", "Poutine a limogé son ministre"), or of the clause that one hangs on when the
    nearer subject cannot own it ("Russia restored ties, five years after protesters burned
    down its embassy"); None otherwise (then the last sentence's subject stands for it)."""
    if g.morph(n, "Poss") != "Yes" and g.dep(n) not in ("poss", "nmod:poss", "det:poss"):
        return None
    owners = g.morph(n, "Number[psor]") or (g.morph(n, "Number") if g.tokens[n].tag == "PRP$"
                                            else None)    # (English "its": the owner's number)
    verb = g.governing_verb(n)
    for _ in range(2):                    # its own clause, then the one that clause hangs on
        if verb is None:
            return None
        subj = [c for c in g.children[verb] if g.dep(c) in ("nsubj", "nsubj:pass", "nsubjpass")
                and n not in g.subtree(c)]
        if len(subj) != 1 or g.tokens[subj[0]].pos in PRONOUN_POS or \
                len(g.conjuncts(subj[0])) > 1:    # ("X and Y postponed their meeting": theirs,
            return None                         # jointly)
        if not owners or g.morph(subj[0], "Number") in (None, owners):
            found = resolve(g, subj[0], ctx)
            return found if found is not None and found.country else None
        if g.dep(verb) not in ("advcl", "ccomp", "acl:relcl", "relcl", "xcomp"):
            return None
        verb = g.governing_verb(verb)
    return None


def _span(g: Graph, n: int) -> list[int]:
    """The words of the phrase headed by ``n`` that can name it: no punctuation, no
    prepositions, and no place phrase hanging on it ("i manifestanti a Tbilisi")."""
    inside = set(g.subtree(n, stop=_PHRASE_STOP))
    for m in sorted(inside):           # at any depth: "causa dell'offensiva nella Striscia"
        if m not in inside:
            continue
        for c in g.children[m]:
            d = g.dep(c)
            if d in ("nmod", "obl") and (g.preposition(c) not in _NAME_PREPOSITIONS or
                                         g.kids(c, "advmod")):    # "près de Bakhmout"
                inside -= set(g.subtree(c))        # "i manifestanti a Tbilisi", "calls from X"
            elif d == "prep" and m == n and g.lemma(c) not in _NAME_PREPOSITIONS:
                inside -= set(g.subtree(c))        # English: "action against Russia"
    for p in sorted(inside):           # a participle clause the parser made a modifier:
        if p in inside and g.tokens[p].pos == "VERB" and g.dep(p) == "amod" and any(
                g.dep(k) in _CLAUSE_ARGUMENTS for k in g.children[p]):
            inside -= set(g.subtree(p))    # "la giornalista Cecilia Sala, detenuta ... a Teheran"
        elif p in inside and p != n and g.tokens[p].pos == "ADV" and g.dep(p) == "advmod":
            inside -= set(g.subtree(p))    # "les positions russes près de Bakhmout"
    span = [p for p in sorted(inside) if g.dep(p) != "punct" or _infix_hyphen(g, p)]
    while span and g.dep(span[0]) == "case":   # a leading preposition is not part of the name,
        span.pop(0)                            # an inner one is ("Corea del Sud")
    return span


def _infix_hyphen(g: Graph, p: int) -> bool:
    """A hyphen written against both its neighbours: part of a name ("Asia-Pacific")."""
    toks = g.tokens
    return toks[p].text in ("-", "‐", "–") and 0 < p < len(toks) - 1 and \
        toks[p - 1].end == toks[p].start and toks[p].end == toks[p + 1].start


def place_of(g: Graph, n: int, ctx: Context) -> Place | None:
    """The place a nominal names, when it names one (a sea named after a state is none)."""
    if g.water(n):
        return None
    tree = g.subtree(n, stop=_PHRASE_STOP)
    span = [p for p in tree if g.dep(p) != "punct"]
    while span and (g.dep(span[0]) in ("case", "det") or     # inner ones stay: "Striscia di
                    g.dep(span[0]) in ("amod", "advmod") and span[0] < n and   # Gaza"; "northern
                    (not g.tokens[span[0]].text[:1].isupper() or     # Syria", "war-torn Sudan":
                     _group_word(g, span[0], ctx))):                 # Syria; "mostly Christian
        span.pop(0)                                                  # eastern Beirut": Beirut
    if not span or not g.tokens[span[0]].text[:1].isupper():
        return None
    if _after_locality_noun(g, span):
        return None                                      # "la vereda Buenos Aires", "via Roma"
    article = [p for p in tree if g.dep(p) == "det" and p == span[0] - 1 and
               g.tokens[p].text[:1].isupper()]          # "La Paz", "Le Caire", "La Habana"
    runs = [[*article, *run] for run in _ngrams(span, 3) if run[0] == span[0]] if article else []
    for run in runs + list(_ngrams(span, 4)):
        words = _words(g, run)
        if not words[0][:1].isupper() or _inside_longer_name(g, run, ctx) and \
                not _compass_part(g, run, ctx):
            continue
        place = ctx.place(" ".join(words))
        if place is None and g.dep(n) not in ("compound", "amod", "nmod:poss", "poss"):
            # a country name only the knowledge base has: "l'est de la RDC" (not "US troops")
            place = ctx.state_place(ctx.kb.country_names.get(key(" ".join(words))))
        if place is not None:
            text, start, end = g.text(run)
            return Place(text, start, end, place.name, place.country, place.lat, place.lon,
                         place.kind, place.id)
    return None


def _group_word(g: Graph, p: int, ctx: Context) -> bool:
    """A capitalised word naming a people or a faith, not part of a place's name ("Christian"
    in "mostly Christian eastern Beirut")."""
    tok = g.tokens[p]
    return any(e.label == "NORP" and e.start <= tok.start < e.end for e in ctx.entities)


def _after_locality_noun(g: Graph, span: list[int]) -> bool:
    """A name that only names a hamlet, a quarter or a street: right after a locality noun of
    the language ("la vereda Buenos Aires", "in via Roma"), or right before one ("Baghdad
    Street")."""
    nouns = g.grammar.locality_nouns
    before, after = span[0] - 1, span[-1] + 1
    return before >= 0 and (g.lemma(before) in nouns or g.tokens[before].text.lower() in nouns) \
        or after < len(g.tokens) and g.tokens[after].text.lower() in nouns and \
        g.tokens[after].text[:1].isupper()


def _hyphenated(g: Graph, run: list[int]) -> bool:
    """Part of a hyphenated name: a hyphen among the words written against the run."""
    toks = g.tokens
    i, j = run[0], run[-1]
    while i > 0 and toks[i - 1].end == toks[i].start:
        i -= 1
        if "-" in toks[i].text:
            return True
    while j + 1 < len(toks) and toks[j].end == toks[j + 1].start:
        j += 1
        if "-" in toks[j].text:
            return True
    return False


def _inside_longer_name(g: Graph, run: list[int], ctx: Context,
                        except_labels: frozenset[str] | set[str] = frozenset()) -> bool:
    """Part of a longer name the NER found ("Rosso" in "Mar Rosso" is no town), unless that
    name has one of ``except_labels``."""
    first, last = g.tokens[run[0]], g.tokens[run[-1]]

    def named(e) -> bool:                 # "regione di Donetsk": a common noun is no name
        words = [t for t in g.tokens if e.start <= t.start < e.end and t.pos != "DET"]
        return not words or words[0].text[:1].isupper()   # ("the Sea of Japan" is one)
    return any(e.start <= first.start and last.end <= e.end and
               (e.start, e.end) != (first.start, last.end) and e.label not in except_labels and
               named(e) for e in ctx.entities)


# Words that only orient a place within a longer name ("Darfour du Nord", "North Kivu",
# "Sinai settentrionale"): the place is still the one named.
COMPASS = frozenset({"nord", "sud", "est", "ovest", "ouest", "north", "south", "east", "west",
                     "northern", "southern", "eastern", "western", "norte", "sur", "este", "oeste",
                     "settentrionale", "meridionale", "orientale", "occidentale", "septentrional",
                     "méridional", "oriental", "occidental", "central", "centrale"})


def _compass_part(g: Graph, run: list[int], ctx: Context) -> bool:
    """The run is a place within a longer name whose other words only orient it."""
    first, last = g.tokens[run[0]], g.tokens[run[-1]]
    for e in ctx.entities:
        if e.start <= first.start and last.end <= e.end:
            rest = [t for t in g.tokens if e.start <= t.start and t.end <= e.end and
                    not first.start <= t.start < last.end]
            if rest and all(t.text.lower() in COMPASS or t.pos in ("ADP", "DET") for t in rest) \
                    and any(t.text.lower() in COMPASS for t in rest):
                return True
    return False


def _name_goes_on(g: Graph, run: list[int]) -> bool:
    """The run is the start of a longer name the parser joined with ``flat`` ("Salem Bazoum",
    "Washington Post"): the longer name is not that place (the whole name, were it a place,
    would have been found first: the longest run wins)."""
    nxt = run[-1] + 1
    return nxt < len(g.tokens) and g.tokens[nxt].pos == "PROPN" and \
        g.dep(nxt).startswith("flat") and g.head(nxt) in run


def _tail_of_place(g: Graph, run: list[int], ctx: Context) -> bool:
    """The last words of a longer place name the gazetteer does not know ("Rosso" in "Mar
    Rosso", "Rouge" in "mer Rouge"): a town of that name is not meant.  (A name the gazetteer
    knows whole is found first: the longest run wins.)"""
    first, last = g.tokens[run[0]], g.tokens[run[-1]]
    if run[0] == 0 or g.tokens[run[0] - 1].pos in ("ADP", "DET"):
        return False                      # "Striscia di Gaza": the place is of Gaza
    return any(e.label in PLACE_LABELS and e.start < first.start and last.end == e.end
               for e in ctx.entities)


def _title(g: Graph, n: int, span: list[int], ctx: Context) -> tuple[str | None, str]:
    titles = ctx.kb.roles.get(ctx.lang, {})
    if not titles:
        return None, ""
    person = _entity_over(g, n, ctx, PERSON_LABELS)
    for run in _ngrams([p for p in span if p >= n - 3 or person], 5):
        if person is not None:
            # "Palestinian Prime Minister Ismail Haniyeh": the title precedes the name
            name_start = min((p for p in span if g.tokens[p].start >= person.start), default=n)
            if run[-1] != name_start - 1:
                continue
        elif n not in run:
            continue
        phrase = key(" ".join(_words(g, run)))
        lemmas = key(" ".join(g.lemma(p) for p in run))
        for candidate in (phrase, lemmas):
            if candidate in titles:
                return titles[candidate], candidate
    return None, ""


def _dictionary_form(g: Graph, n: int, lang: str) -> str:
    """A second opinion on the lemma (the trained lemmatiser misses rare plurals:
    "manifestanti" -> "manifestanto")."""
    import simplemma

    word = g.tokens[n].text.lower()
    if word in _participles(lang):
        return _participles(lang)[word]
    try:
        return simplemma.lemmatize(word, lang=lang)
    except ValueError:                      # a language simplemma does not know
        return word


@cache
def _participles(lang: str) -> dict[str, str]:
    """Irregular participles of the language (lang/<code>/participles.txt), every form."""
    from cronaca import lang as langres

    try:
        lines = langres.resource(lang, "participles.txt")
    except ResourceError:
        return {}
    table = {}
    for line in lines:
        participle, infinitive = line.split()
        stem = participle[:-1]
        for form in (participle, stem + "a", stem + "i", stem + "e"):
            table.setdefault(form, infinitive)
    return table


def _sector_of(g: Graph, n: int, ctx: Context) -> str | None:
    sectors = ctx.kb.sectors.get(ctx.lang, {})
    for candidate in (g.lemma(n), key(g.tokens[n].text), _dictionary_form(g, n, ctx.lang)):
        if candidate in sectors:
            return sectors[candidate]
    # two-word sector phrases ("forze armate", "riot police")
    for c in g.children[n]:
        if abs(c - n) == 1:
            pair = " ".join(g.lemma(p) for p in sorted((n, c)))
            if pair in sectors:
                return sectors[pair]
    return None


# Prepositions that can be part of what names an actor ("ministro degli Esteri", "President of
# France", "Ministero dell'Interno"); phrases with any other are about something else.
_NAME_PREPOSITIONS = {"di", "of", "de", "del", "von", "da", None}
_CLAUSE_ARGUMENTS = {"obl", "obj", "nmod", "obl:agent", "iobj", "obl:loc"}
_PHRASE_STOP = {"ccomp", "xcomp", "advcl", "parataxis", "acl", "acl:relcl", "relcl", "conj",
                "cc", "appos"}
_NOT_ANAPHORIC = {"si", "ci", "ne", "che", "cui", "il quale", "la quale", "it", "this", "that",
                  "which", "who", "what", "ciò", "quanto", "questo", "quello", "tutto", "nessuno", "chi"}


def article_prior(sentences, kb: KnowledgeBase, places: Gazetteer,
                  locality: frozenset[str] = frozenset(),
                  water: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The states an article is about, most named first: the states and one-state organisations
    its words name ("las FARC" -> COL), its nationality adjectives, the people the KB knows
    among its entities, and the names among them that only one state has a place for; not the
    names right after a ``locality`` noun ("la vereda Buenos Aires" is no Argentina), nor those
    of a sea (``water`` nouns: "the Sea of Japan", "the South China Sea")."""
    counts: dict[str, int] = {}
    towns: list[str] = []
    titles = {t for by_lang in kb.roles.values() for t in by_lang}

    def count(code: str | None) -> None:
        if code in kb.countries:
            counts[code] = counts.get(code, 0) + 1

    for sentence in sentences:
        words = [t.text for t in sentence.tokens]
        for i, word in enumerate(words):
            if not word[:1].isupper():    # names start with a capital; adjectives need not
                count(kb.adjectives.get(word.lower()))
                continue
            if i and words[i - 1].lower() in locality or \
                    i > 1 and words[i - 2].lower() in water and len(words[i - 1]) <= 3 or \
                    i + 1 < len(words) and words[i + 1].lower() in water:
                continue
            if word in kb.org_acronyms:
                count(kb.organizations[kb.org_acronyms[word]].code)
                continue
            for size in range(PRIOR_NGRAM, 0, -1):
                k = key(" ".join(words[i:i + size]))
                if k in kb.country_names:
                    count(kb.country_names[k])
                elif k in kb.org_names:
                    count(kb.organizations[kb.org_names[k]].code)
                elif (found := places.lookup(k)) and found[0].kind == "region":
                    count(found[0].country)   # a region of Cronaca's list: "ANTIOQUIA"
                elif size == 1:
                    count(kb.adjectives.get(k))
                else:
                    continue
                break
        for e in sentence.entities:
            person = (kb.person(e.text) or kb.person(e.text.split()[-1])) \
                if e.label in PERSON_LABELS else None
            if person is not None and person.home:    # a person the KB knows speaks for
                count(person.home)                     # their state
                continue
            if e.label in NOT_PLACE_LABELS:   # "Thai" (NORP) is no town
                continue
            found = places.lookup(e.text)
            ahead = [t.text for t in sentence.tokens if t.end <= e.start][-2:]
            before = ahead[-1:]
            if e.label in PERSON_LABELS and before and key(before[0]) in titles:
                continue                      # "President Bush" is no town in Egypt
            if before and before[0].lower() in locality:
                continue                      # "la vereda Buenos Aires"
            after = next((t.text.lower() for t in sentence.tokens if t.start >= e.end), "")
            if len(ahead) == 2 and ahead[0].lower() in water and len(ahead[1]) <= 3 or \
                    after in water:
                continue                      # "nel Mar del Giappone", "South China Sea"
            if len({p.country for p in found}) == 1:
                if found[0].kind == "city" and found[0].population < SMALL_TOWN:
                    towns.append(found[0].country)
                else:
                    count(found[0].country)
    if not counts:            # small towns only speak for a state when nothing else does
        for code in towns:    # ("la vereda Campo Alegre, ANTIOQUIA" is no Brazilian news)
            count(code)
    return tuple(sorted(counts, key=lambda c: -counts[c]))
