"""Cleaning: HTML extraction, the clutter filter on both sides, language identification."""

from __future__ import annotations

import pytest

from cronaca.clean import clean
from cronaca.clean.clutter import filter_text
from cronaca.errors import NoTextError
from cronaca.eval import clutter as clutter_eval
from cronaca.ingest.readers import read
from cronaca.lang.identify import identify
from cronaca.model import Document

BODY_IT = [
    "Il presidente bielorusso Alexander Lukashenko ha incontrato martedì a Pechino",
    "Durante il colloquio nella Grande Sala del Popolo",
    '"La Bielorussia sostiene pienamente',
    "Xi ha chiesto a tutte le parti di riprendere i negoziati",
    "Il leader cinese ha sottolineato che la Cina non condanna la Russia",
    "ma Minsk non ha inviato truppe in Ucraina.",
    "Lukashenko aveva già visitato la Cina lo scorso settembre",
    "Il ministro degli Esteri cinese Wang Yi visiterà Mosca a dicembre",
    "Il segretario di Stato americano Antony Blinken ha accusato Pechino",
]
CLUTTER_IT = ["giornalista freelance", "More Stories", "Putin e Xi firmano", "Zelensky in visita",
              "Riproduzione riservata", "Condividi", "cookie", ".jpg", "Ultima ora",
              "P.IVA", "Privacy policy"]


def _clean(path, **kw):
    (doc,) = list(read(path))
    return clean(doc, **kw)


@pytest.mark.parametrize("name", ["lukashenko_xi_it.html", "lukashenko_xi_it.txt"])
def test_reference_page_keeps_the_body_and_nothing_else(examples, name):
    article = _clean(examples[name])
    lines = article.text.split("\n")
    assert len(lines) == len(BODY_IT)
    for line, start in zip(lines, BODY_IT, strict=True):
        assert start in line
    for junk in CLUTTER_IT:
        assert junk not in article.text
    # the headline is metadata, never body text
    assert article.title == "Lukashenko incontra Xi a Pechino e chiede un cessate il fuoco in Ucraina"
    assert article.title not in article.text
    assert article.language == "it" and article.language_source == "detected"


def test_html_metadata(examples):
    article = _clean(examples["lukashenko_xi_it.html"])
    assert "Giulia Ferraresi" in article.author
    assert article.published == "2023-03-01"
    assert article.site == "Notizie Mondo Oggi"
    assert any(r.reason == "page-boilerplate" for r in article.removed)


def test_plain_text_title_byline_and_explanations(examples):
    article = _clean(examples["lukashenko_xi_it.txt"])
    assert article.author == "Giulia Ferraresi"
    reasons = {r.reason for r in article.removed}
    assert {"title", "byline", "share-bar", "photo-filename", "copyright", "author-bio",
            "related-links", "repeated-headline"} <= reasons or \
        {"title", "byline", "share-bar", "photo-filename", "copyright", "author-bio",
         "related-links"} <= reasons
    bio = next(r for r in article.removed if r.reason == "author-bio")
    assert bio.text.startswith("Giulia Ferraresi è una giornalista") and bio.rule


def test_english_example(examples):
    article = _clean(examples["port_strike_en.txt"])
    assert article.language == "en" and article.author == "Thomas Whitfield"
    assert "freelance reporter" not in article.text and "Belgian rail" not in article.text
    assert "All rights reserved" not in article.text
    assert article.text.endswith("had not asked Dutch authorities for help.")


@pytest.mark.parametrize("line,reason", [
    ("Condividi su Facebook | X | WhatsApp | Telegram", "share-bar"),
    ("Share   Tweet   Email   Print", "share-bar"),
    ("IMG_20230301_0945.JPG", "photo-filename"),
    ("Foto: lukashenko-xi-pechino.jpeg", "photo-filename"),
    ("© RIPRODUZIONE RISERVATA", "copyright"),
    ("Copyright 2024 Gruppo Editoriale Esempio. Tutti i diritti riservati", "copyright"),
    ("Questo sito utilizza cookie di profilazione: se prosegui nella navigazione accetti.",
     "cookie-banner"),
    ("We use cookies to improve your experience. Accept all", "cookie-banner"),
    ("Iscriviti alla nostra newsletter", "promo"),
    ("Leggi anche: Il vertice di Samarcanda, cosa è successo", "related-links"),
    ("Ultim'ora: sciopero dei treni venerdì", "ticker"),
    ("Clicca qui per seguire la diretta del vertice Nato di Washington.", "promo"),
    ("Click here to follow the NATO summit live.", "promo"),
    ("Cliquez ici pour suivre le sommet de l'Otan en direct.", "promo"),
    ("Haga clic aquí para seguir la cumbre de la OTAN en directo.", "promo"),
])
def test_single_line_rules(line, reason):
    text = "\n".join(["Il governo ha approvato ieri la riforma delle pensioni dopo un lungo dibattito.",
                      line,
                      "La riforma entrerà in vigore a gennaio, ha detto il ministro."])
    result = filter_text(text)
    assert [r.reason for r in result.removed] == [reason]
    assert line not in result.text


@pytest.mark.parametrize("line", [
    "Nessun ferito.",
    "Lo ha annunciato il Viminale.",
    "Le reazioni dell'opposizione",
    "Il Garante della privacy ha multato la società per i cookie installati senza consenso.",
    "Il giornalista Marco Bassi, che scrive per un quotidiano locale, è stato arrestato ieri.",
    "Di fronte alla crisi, il governo condivide le preoccupazioni dei sindacati.",
    "Facebook e WhatsApp sono rimasti irraggiungibili per tre ore.",
    "Stampa estera: la notizia è stata ripresa da molti giornali.",
    "Telegram",
])
def test_real_short_paragraphs_survive(line):
    text = "\n".join(["Il governo ha approvato ieri la riforma delle pensioni dopo un lungo dibattito.",
                      line,
                      "La riforma entrerà in vigore a gennaio, ha detto il ministro."])
    result = filter_text(text)
    assert result.removed == [] and line in result.text


def test_related_list_ends_at_real_text():
    text = "\n".join([
        "Il consiglio comunale ha votato il bilancio.",
        "Leggi anche",
        "Bilancio, cosa cambia per le famiglie",
        "Tasse locali, le nuove aliquote",
        "",
        "Il sindaco ha difeso la scelta: ha spiegato che i conti sono in ordine e che nessun "
        "servizio verrà tagliato nel corso del prossimo anno.",
    ])
    result = filter_text(text)
    assert [r.reason for r in result.removed] == ["related-links"] * 3
    assert result.text.endswith("nel corso del prossimo anno.")


def test_bio_only_at_the_tail():
    bio = ("Anna Verdi è una giornalista freelance che scrive di esteri per diverse testate. "
           "Vive a Torino.")
    text = "\n".join(["Il vertice si è chiuso senza accordo.", bio, "I lavori riprenderanno domani."])
    assert filter_text(text).removed == []     # a bio-like paragraph in the middle is kept
    tail = filter_text("\n".join(["Il vertice si è chiuso senza accordo.",
                                  "I lavori riprenderanno domani.", bio]))
    assert [r.reason for r in tail.removed] == ["author-bio"]


def test_clean_refuses_pages_without_text():
    doc = Document(id="x", content="<html><body><nav><a href='/'>Home</a></nav></body></html>",
                   format="html", source="nav.html")
    with pytest.raises(NoTextError, match="nav.html"):
        clean(doc)
    broken = Document(id="y", content="<html><body><p>Il governo ha approvato la riforma "
                      "delle pensioni dopo un lungo dibattito in aula.<div><p>Seconda parte "
                      "della notizia senza chiusure", format="html", source="broken.html")
    assert "riforma delle pensioni" in clean(broken).text


def test_language_identification_and_override():
    assert identify("Il presidente ha incontrato il leader cinese a Pechino.").code == "it"
    assert identify("Predsednik se je srečal s kitajskim voditeljem v Pekingu.").code == "sl"
    assert identify("12345 !!! ---").code is None
    doc = Document(id="z", content="Il presidente ha incontrato il leader cinese a Pechino ieri.",
                   format="text", source="z")
    assert clean(doc, lang="en").language == "en"
    assert clean(doc).language == "it"


def test_italian_clutter_set_precision_and_recall():
    result = clutter_eval.run()
    assert result.cases >= 30
    assert result.precision >= 0.95, clutter_eval.report(result)
    assert result.recall >= 0.90, clutter_eval.report(result)
    assert result.keep_rate >= 0.98, clutter_eval.report(result)
