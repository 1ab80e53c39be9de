"""Sentence splitting: abbreviations, initials, numbers and quotations that span sentences."""

from __future__ import annotations

import pytest

from cronaca.nlp.segment import split


def sentences(text, lang):
    return [text[s.start:s.end] for s in split(text, lang)]


@pytest.mark.parametrize("lang,text,expected", [
    ("it", "Il Sen. Rossi ha parlato con il dott. Bianchi. Poi è partito per Roma.",
     ["Il Sen. Rossi ha parlato con il dott. Bianchi.", "Poi è partito per Roma."]),
    ("it", "L'on. Meloni e il prof. Conte si sono visti alle 10.30. Nessun accordo.",
     ["L'on. Meloni e il prof. Conte si sono visti alle 10.30.", "Nessun accordo."]),
    ("it", "La Dott.ssa Neri e l'avv. Gallo sono arrivati. Il processo riprende.",
     ["La Dott.ssa Neri e l'avv. Gallo sono arrivati.", "Il processo riprende."]),
    ("it", "Hanno discusso per ore. Il governo ha taciuto.",
     ["Hanno discusso per ore.", "Il governo ha taciuto."]),
    ("en", "Mr. Smith met Sen. Lopez in Washington, D.C. on Monday. Dr. Karimi left.",
     ["Mr. Smith met Sen. Lopez in Washington, D.C. on Monday.", "Dr. Karimi left."]),
    ("en", "He moved to the U.S. The move was hard. J. R. Smith stayed in the U.S. Senate.",
     ["He moved to the U.S.", "The move was hard.", "J. R. Smith stayed in the U.S. Senate."]),
    ("en", "He fell ill. The doctor came.", ["He fell ill.", "The doctor came."]),
    ("it", "Aspettavano... ma nessuno è arrivato. Poi la pioggia.",
     ["Aspettavano... ma nessuno è arrivato.", "Poi la pioggia."]),
])
def test_abbreviations_and_initials(lang, text, expected):
    assert sentences(text, lang) == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("it", "«Abbiamo discusso a lungo. Siamo d'accordo su tutto», ha detto Xi. Poi è ripartito.",
     ["«Abbiamo discusso a lungo. Siamo d'accordo su tutto», ha detto Xi.", "Poi è ripartito."]),
    ("it", "«Abbiamo discusso a lungo. Siamo d'accordo.» Lukashenko ha annuito.",
     ["«Abbiamo discusso a lungo. Siamo d'accordo.»", "Lukashenko ha annuito."]),
    ("it", 'Ha detto: "Siamo pronti. Andiamo avanti". Il ministro ha confermato.',
     ['Ha detto: "Siamo pronti. Andiamo avanti".', "Il ministro ha confermato."]),
    ("en", '"We are not against machines. We are against being thrown away," said the leader. '
           '"Our members waited."',
     ['"We are not against machines. We are against being thrown away," said the leader.',
      '"Our members waited."']),
    ("en", "“It is over. We won.” The crowd cheered.",
     ["“It is over. We won.”", "The crowd cheered."]),
])
def test_quotations_spanning_sentences(lang, text, expected):
    assert sentences(text, lang) == expected


def test_line_breaks_end_sentences_and_offsets_point_into_the_text():
    text = "Primo paragrafo senza punto\nSecondo paragrafo. Terza frase!"
    spans = split(text, "it")
    assert [text[s.start:s.end] for s in spans] == [
        "Primo paragrafo senza punto", "Secondo paragrafo.", "Terza frase!"]


def test_an_unclosed_quotation_does_not_swallow_a_whole_paragraph():
    text = "«" + " ".join(f"Frase numero {i} del discorso." for i in range(80))
    assert len(split(text, "it", max_quote_chars=300)) > 5


def test_unknown_language_uses_every_list():
    assert sentences("Il dott. Rossi e Mr. Smith. Fine.", "sl") == ["Il dott. Rossi e Mr. Smith.", "Fine."]
