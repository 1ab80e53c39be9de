"""Headlines in capitals: recased for the parser, coded like the same words in print."""

from __future__ import annotations

import pytest

from cronaca.model import Article, Document
from cronaca.geo.gazetteer import strip_accents
from cronaca.nlp.casing import recase
from cronaca.pipeline import Pipeline


@pytest.mark.parametrize("lang, shouted, printed", [
    ("es", "COLONOS JUDIOS CORTAN LA CARRETERA DE JERICO",
     "Colonos judíos cortan la carretera de Jerico"),
    ("es", "LA CGT RATIFICA HUELGA Y OFICIALISTAS PIDEN DIALOGO EN ESTADOS UNIDOS",
     "La CGT ratifica huelga y oficialistas piden dialogo en Estados Unidos"),
    ("es", "MARCHA DE PORTADOWN: ULTIMOS ESFUERZOS PARA DISMINUIR LOS RIESGOS",
     "Marcha de Portadown: últimos esfuerzos para disminuir los riesgos"),
    ("it", "UCRAINA: ZELENSKY INCONTRA IL PRESIDENTE FRANCESE MACRON A PARIGI",
     "Ucraina: Zelensky incontra il presidente francese Macron a Parigi"),
    ("fr", "LE PRÉSIDENT FRANÇAIS REÇOIT LE CHANCELIER ALLEMAND À PARIS",
     "Le président français reçoit le chancelier allemand à Paris"),
    ("en", "US TROOPS KILL FIVE TALIBAN FIGHTERS IN KANDAHAR",
     "US troops kill five Taliban fighters in Kandahar"),
])
def test_headline_runs_are_recased_as_printed(lang, shouted, printed):
    assert recase(shouted, lang) == printed


@pytest.mark.parametrize("text", [
    "BELGRADO - Unas 40.000 personas desfilaron por la noche.",       # a dateline
    "La CGT y la CTA convocaron una huelga general en Buenos Aires.",   # acronyms in print
    "ONU OTAN UE OSCE",                                                 # acronyms, no words
    "Miembros de un grupo armado asesinaron a un campesino.",
])
def test_ordinary_text_and_short_runs_are_left_alone(text):
    assert recase(text, "es") is text


def test_recasing_keeps_every_offset():
    text = "(Editores: nuevo saldo) POLICIA PALESTINA MATA A DIEZ MANIFESTANTES; UN POLICIA MUERTO"
    out = recase(text, "es")
    assert len(out) == len(text) and out.startswith("(Editores: nuevo saldo) Policía")
    assert strip_accents(out).upper() == strip_accents(text).upper()
    assert "un policía muerto" in out          # "UN" is the article, not the United Nations


@pytest.mark.parametrize("lang, shouted, printed", [
    ("es", "OBREROS DE CONSTRUCCION PROTESTAN EN PANAMA CONTRA EL GOBIERNO",
     "Obreros de construcción protestan en Panamá contra el gobierno"),
    ("es", "TRANSPORTISTAS URUGUAYOS SE MOVILIZAN CONTRA POLITICA TRIBUTARIA",
     "Transportistas uruguayos se movilizan contra política tributaria"),
    ("it", "IL PRESIDENTE BIELORUSSO LUKASHENKO HA INCONTRATO XI JINPING A PECHINO",
     "Il presidente bielorusso Lukashenko ha incontrato Xi Jinping a Pechino"),
    ("it", "LA POLIZIA ITALIANA HA ARRESTATO DUE MANIFESTANTI A MILANO",
     "La polizia italiana ha arrestato due manifestanti a Milano"),
    ("en", "ISRAELI TROOPS KILL THREE PALESTINIANS IN GAZA",
     "Israeli troops kill three Palestinians in Gaza"),
])
def test_a_shouted_headline_is_coded_as_in_print(lang, shouted, printed):
    pipeline = Pipeline(stages=("parse", "events"), lang=lang, default_date="2024-03-10")

    def coded(text):
        article = pipeline.process(Document(id="h", content=text, format="txt", source="h.txt",
                                            lang=lang))
        assert isinstance(article, Article), article
        return article, sorted((e.cameo_root, e.source and e.source.country,
                                e.target and e.target.country) for e in article.events)

    article, events = coded(shouted)
    assert events and events == coded(printed)[1]
    # the sentence and every offset stay the article's; the tokens read as the parser read them
    sentence = article.sentences[0]
    assert sentence.text == shouted == article.text[sentence.start:sentence.end]
    for token in sentence.tokens:
        written = article.text[token.start:token.end]
        assert strip_accents(token.text).upper() == strip_accents(written).upper()
    assert any(t.text != article.text[t.start:t.end] for t in sentence.tokens)
