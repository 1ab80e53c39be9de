"""Parse repairs the coder makes before reading a sentence, on real parses of the Italian
pipeline (which can take a nationality adjective for a verb, even for the root)."""

from __future__ import annotations

import pytest

from cronaca.actors.kb import knowledge_base
from cronaca.events.lexicon import lexicon
from cronaca.events.syntax import (Graph, grammar, repair_adjectives, repair_names,
                                   repair_number_limits, repair_perfects, repair_place_verbs,
                                   repair_present_verbs, repair_quote_marks, repair_subjects,
                                   repair_verb_modifiers)
from cronaca.model import Document
from cronaca.pipeline import Pipeline


@pytest.fixture(scope="module")
def parse():
    pipeline = Pipeline(stages=("parse",), lang="it")

    def run(text: str):
        article = pipeline.process(Document(id="t", content=text, format="text", source="t",
                                            date="2024-05-01", lang="it"))
        return article.sentences[0]
    return run


def _tree(sentence):
    g = Graph.of(sentence)
    return {t.text: (t.pos, g.dep(n), g.tokens[g.head(n)].text if g.head(n) is not None else None)
            for n, t in enumerate(g.tokens)}


@pytest.mark.parametrize("text, adjective, noun", [
    ("Il presidente iraniano Masoud Pezeshkian ha respinto la proposta.", "iraniano", "presidente"),
    ("Il ministro della Difesa israeliano Israel Katz ha minacciato di riprendere la guerra.",
     "israeliano", "Difesa"),
    ("Il raid israeliano su un campo di sfollati a Rafah è stato condannato da Macron.",
     "israeliano", "raid"),
    ("Hamas ha posto come condizione il ritiro totale dell'esercito israeliano dalla Striscia.",
     "israeliano", "esercito"),
])
def test_nationality_adjective_is_a_modifier_again(parse, text, adjective, noun):
    sentence = repair_adjectives(parse(text), knowledge_base().adjectives)
    tree = _tree(sentence)
    assert tree[adjective] == ("ADJ", "amod", noun)
    roots = [w for w, (_, dep, _) in tree.items() if dep == "root"]
    assert len(roots) == 1 and tree[roots[0]][0] in ("VERB", "AUX")
    g = Graph.of(sentence)                        # still a tree: every head chain ends at the root
    for n in range(len(g.tokens)):
        seen, m = set(), n
        while g.head(m) is not None:
            assert m not in seen
            seen.add(m)
            m = g.head(m)


def test_a_name_after_the_adjective_joins_the_noun(parse):
    sentence = repair_adjectives(
        parse("Il presidente iraniano Masoud Pezeshkian ha respinto la proposta."),
        knowledge_base().adjectives)
    tree = _tree(sentence)
    assert tree["Masoud"][2] == "presidente"
    assert tree["presidente"][1] == "nsubj" and tree["presidente"][2] == "respinto"


def test_a_good_parse_is_left_alone(parse):
    sentence = parse("Il presidente francese ha incontrato il cancelliere tedesco a Parigi.")
    if _tree(sentence)["francese"][:2] != ("ADJ", "amod"):
        pytest.skip("the parser misread this sentence too")
    assert repair_adjectives(sentence, knowledge_base().adjectives) is sentence


def test_a_name_hung_off_the_verb_with_an_apposition_is_its_subject(parse):
    sentence = parse("Ursula von der Leyen, presidente della Commissione europea, si è recata "
                     "in Israele.")
    if _tree(sentence)["Ursula"][1] != "parataxis":
        pytest.skip("the parser read this sentence right")
    tree = _tree(repair_subjects(sentence))
    assert tree["Ursula"][1:] == ("nsubj", "recata")


def test_a_dateline_is_no_subject(parse):
    sentence = parse("ROMA, 3 giugno. Ha approvato la legge il Senato.")
    assert repair_subjects(sentence) is sentence or \
        _tree(repair_subjects(sentence))["ROMA"][1] != "nsubj"


def test_a_lists_first_item_hung_on_the_verb_joins_the_subject():
    pipeline = Pipeline(stages=("parse",), lang="fr")
    article = pipeline.process(Document(
        id="t", content="Le Mali, le Burkina Faso et le Niger ont annoncé leur retrait.",
        format="text", source="t", date="2024-05-01", lang="fr"))
    sentence = article.sentences[0]
    if _tree(sentence)["Mali"][1] in ("nsubj", "conj"):
        pytest.skip("the parser read this sentence right")
    assert _tree(repair_subjects(sentence))["Mali"][1] == "conj"


def test_a_split_name_is_whole_again_and_its_verb_gets_its_subject(parse):
    # the parser reads "Un" of "Kim Jong Un" as an article and the verb's object, and leaves
    # "Putin" a bare dep
    sentence = repair_names(parse("Putin e Kim Jong Un hanno firmato a Pyongyang un trattato di "
                                  "partenariato strategico globale."))
    tree = _tree(sentence)
    assert tree["Un"] == ("PROPN", "flat:name", "Kim")
    assert tree["Putin"] == ("PROPN", "nsubj", "firmato")
    assert tree["trattato"][1:] == ("obj", "firmato")


def test_a_whole_name_is_left_alone(parse):
    sentence = parse("Il presidente russo Vladimir Putin ha firmato il trattato.")
    assert repair_names(sentence).tokens == sentence.tokens


def test_a_person_entity_running_over_the_verb_leaves_the_verb_alone():
    pipeline = Pipeline(stages=("parse",), lang="es")
    article = pipeline.process(Document(
        id="t", content="El Gobierno de Daniel Ortega confiscó la Universidad Centroamericana de "
                        "Managua, dirigida por los jesuitas.",
        format="text", source="t", date="2024-05-01", lang="es"))
    sentence = article.sentences[0]
    if not any(e.label in ("PER", "PERSON") and "confiscó" in e.text for e in sentence.entities):
        pytest.skip("the entity tagger stopped at the name this time")
    tree = _tree(repair_names(sentence))
    assert tree["confiscó"] == ("VERB", "root", None)


def test_a_name_read_as_an_adverb_of_its_verb_is_its_subject(parse):
    sentence = parse("Putin si è detto pronto a negoziare con l'Ucraina.")
    if _tree(sentence)["Putin"][1] not in ("advmod", "dep", "parataxis"):
        pytest.skip("the parser read this sentence right")
    assert _tree(repair_names(sentence))["Putin"] == ("PROPN", "nsubj", "detto")


def test_a_participle_the_french_tagger_missed_heads_its_perfect():
    # fr_core_news_sm reads "a" as the main verb and "expulsé" as an adverb hung on it
    pipeline = Pipeline(stages=("parse",), lang="fr")
    article = pipeline.process(Document(id="t", content="Le Royaume-Uni a expulsé deux "
                                        "diplomates russes.", format="text", source="t",
                                        date="2024-05-01", lang="fr"))
    g = Graph.of(repair_perfects(article.sentences[0], grammar("fr")))
    n = next(i for i, t in enumerate(g.tokens) if t.text == "expulsé")
    assert (g.tokens[n].pos, g.lemma(n), g.dep(n).lower()) == ("VERB", "expulser", "root")
    kids = {g.tokens[c].text: g.dep(c) for c in g.children[n]}
    assert kids["a"] == "aux:tense" and kids["Royaume-Uni"] == "nsubj" and \
        kids["diplomates"] == "obj", kids


def test_a_place_the_french_tagger_read_as_a_verb_is_a_name_again():
    # fr_core_news_sm reads "Alger" as a verb marked by "avec", with "discussions" its object
    pipeline = Pipeline(stages=("parse",), lang="fr")
    article = pipeline.process(Document(id="t", content="Le gouvernement français a repris avec "
                                        "Alger les discussions sur les visas.", format="text",
                                        source="t", date="2024-05-01", lang="fr"))
    sentence = article.sentences[0]
    if _tree(sentence)["Alger"][0] != "VERB":
        pytest.skip("the tagger read this sentence right")
    tree = _tree(repair_place_verbs(sentence))
    assert tree["Alger"] == ("PROPN", "obl:arg", "repris")
    assert tree["avec"][1] == "case" and tree["discussions"] == ("NOUN", "obj", "repris")


def test_a_partisan_adjective_after_another_adjective_is_a_modifier_again():
    # fr_core_news_sm makes "prorusse" the root verb, "groupe" its subject, the real verb a
    # clause under it; the adjective comes after another adjective of "pirates"
    pipeline = Pipeline(stages=("parse",), lang="fr")
    article = pipeline.process(Document(id="t", content="Le groupe de pirates informatiques "
                                        "prorusse Killnet a paralysé les sites internet de "
                                        "plusieurs aéroports allemands.", format="text",
                                        source="t", date="2024-05-01", lang="fr"))
    sentence = article.sentences[0]
    if _tree(sentence)["prorusse"][0] != "VERB":
        pytest.skip("the tagger read this sentence right")
    tree = _tree(repair_adjectives(sentence, knowledge_base().adjectives))
    assert tree["prorusse"] == ("ADJ", "amod", "pirates")
    assert tree["paralysé"] == ("VERB", "root", None) and tree["groupe"][1:] == ("nsubj", "paralysé")


def test_an_opening_quote_read_as_a_word_is_punctuation_again():
    # fr_core_news_sm tags the opening « as a noun or a verb, the reporting verb's subject, with
    # the quoted clause hung on it
    pipeline = Pipeline(stages=("parse",), lang="fr")
    article = pipeline.process(Document(id="t", content="« L'Europe doit se réarmer », a déclaré "
                                        "le président français.", format="text", source="t",
                                        date="2024-05-01", lang="fr"))
    sentence = article.sentences[0]
    if _tree(sentence)["«"][0] == "PUNCT":
        pytest.skip("the tagger read this sentence right")
    tree = _tree(repair_quote_marks(sentence))
    assert tree["«"][:2] == ("PUNCT", "punct") and tree["»"][:2] == ("PUNCT", "punct")
    assert tree["doit"] == ("VERB", "ccomp", "déclaré")
    assert tree["président"][1:] == ("nsubj", "déclaré")


@pytest.mark.parametrize("lang, text, verb, lemma, subject, obj", [
    # a noun root with a subject before it
    ("fr", "La gendarmerie française enquête sur les drones.", "enquête", "enquêter",
     "gendarmerie", None),
    ("it", "Teheran minaccia di chiudere lo stretto di Hormuz.", "minaccia", "minacciare",
     "Teheran", None),
    # a word hung on the root name as its modifier
    ("it", "La Cina condanna gli Stati Uniti.", "condanna", "condannare", "Cina", "Stati"),
    ("fr", "Pékin accuse Washington d'ingérence.", "accuse", "accuser", "Pékin", "Washington"),
])
def test_a_headline_present_tense_is_the_verb_again(lang, text, verb, lemma, subject, obj):
    pipeline = Pipeline(stages=("parse",), lang=lang)
    sentence = pipeline.process(Document(id="t", content=text, format="text", source="t",
                                         date="2024-05-01", lang=lang)).sentences[0]
    tokens = {t.text: t for t in sentence.tokens}
    assert tokens[verb].pos != "VERB" or tokens[verb].dep != "ROOT"     # the parse needs it
    fixed = repair_present_verbs(sentence, grammar(lang), lexicon(lang).verbs)
    tree = _tree(fixed)
    assert tree[verb][:2] == ("VERB", "root")
    assert {t.text: t.lemma for t in fixed.tokens}[verb] == lemma
    assert tree[subject][1:] == ("nsubj", verb)
    if obj is not None:
        assert tree[obj][1:] == ("obj", verb)
    # a word that is no verb the coder knows stays as the tagger read it
    assert repair_present_verbs(sentence, grammar(lang), frozenset()) is sentence


def test_the_counted_object_of_up_to_is_the_verbs_object_again():
    # en_core_web_sm reads "up" as the particle of "kidnapped" and the advisers as the object
    # of "to"
    pipeline = Pipeline(stages=("parse",), lang="en")
    sentence = pipeline.process(Document(id="t", content="Afghan rebels have kidnapped up to 16 "
                                         "Russian civilian advisers.", format="text", source="t",
                                         date="2024-05-01", lang="en")).sentences[0]
    if _tree(sentence)["advisers"][1] != "pobj":
        pytest.skip("the parser read this sentence right")
    tree = _tree(repair_number_limits(sentence))
    assert tree["advisers"] == ("NOUN", "dobj", "kidnapped")
    assert tree["up"][2] == tree["to"][2] == "16"
    # a verb with an object of its own keeps its reading ("cut funding up to 2025")
    other = pipeline.process(Document(id="t", content="The rebels freed the hostages up to 16 "
                                      "days later.", format="text", source="t",
                                      date="2024-05-01", lang="en")).sentences[0]
    assert _tree(repair_number_limits(other))["hostages"][1] == "dobj"


def test_an_adjective_hung_on_a_verb_is_its_object_again(parse):
    # it_core_cronaca tags "diplomatici" as an adjective of "espulso" and joins "accusati" to
    # the verb as a second verb
    sentence = parse("Il governo tedesco ha espulso due diplomatici russi accusati di spionaggio.")
    if _tree(sentence)["diplomatici"][:2] != ("ADJ", "amod"):
        pytest.skip("the parser read this sentence right")
    tree = _tree(repair_verb_modifiers(sentence))
    assert tree["diplomatici"] == ("NOUN", "obj", "espulso")
    if _tree(sentence)["accusati"][1] == "conj":
        assert tree["accusati"][1:] == ("acl", "diplomatici")
    # a verb with an object of its own keeps its adjectives as they are
    good = parse("Il governo ha espulso i diplomatici.")
    assert repair_verb_modifiers(good) is good
