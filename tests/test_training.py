"""Training and evaluating the Italian pipeline, on the real corpora in ../shared."""

from __future__ import annotations

import pytest

from cronaca.nlp import training


@pytest.fixture(scope="module")
def paths(shared, tmp_path_factory):
    return training.DataPaths(shared / "nlp", tmp_path_factory.mktemp("train"))


def test_corpus_conversion(paths):
    import spacy
    from spacy.tokens import DocBin

    counts = training.prepare(paths)
    assert counts["ud_train"] > 500 and counts["ud_test"] > 40 and counts["ner_train"] > 800
    nlp = spacy.blank("it")
    test = list(DocBin().from_disk(paths.corpus("ud_test")).get_docs(nlp.vocab))
    assert sum(len(list(d.sents)) for d in test) == 482           # every ISDT test sentence
    words = [t.text for d in test for t in d]
    assert "della" in words or "dalla" in words                   # contractions stay one token
    ner = list(DocBin().from_disk(paths.corpus("ner_test")).get_docs(nlp.vocab))
    labels = {e.label_ for d in ner for e in d.ents}
    assert labels == {"PER", "ORG", "LOC"}


def test_io_tags_become_spans():
    import spacy

    doc = training._ner_doc(spacy.blank("it").vocab, [[
        ("Il", "O"), ("monastero", "O"), ("Lama", "LOC"), ("Tzong", "LOC"), ("di", "O"),
        ("Pisa", "LOC"), ("e", "O"), ("Mario", "PER"), ("Rossi", "PER")]])
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Lama Tzong", "LOC"), ("Pisa", "LOC"), ("Mario Rossi", "PER")]
    assert doc.text == "Il monastero Lama Tzong di Pisa e Mario Rossi"


@pytest.mark.slow
def test_quick_training_run_end_to_end(paths, torch):
    """The whole `cronaca train it` procedure, in a few steps, never installed."""
    scores = training.train_all(paths, install=True, quick=True)
    assert set(scores) == {"ud_isdt_test", "ner_kind_wikinews_test", "ner_kind_wikinews_test_spacy"}
    assert (paths.work_dir / "train_entities" / "model-best" / "weights.npz").is_file()
    card = (paths.work_dir / training.MODEL_DIRNAME / "MODEL_CARD.md").read_text()
    assert "CC BY-NC-SA 4.0" in card and "UD ISDT test" in card
    from cronaca.nlp.models import folder_digest, registry

    installed = training.Path(training.__file__).parent / "models" / training.MODEL_DIRNAME
    assert folder_digest(installed) == registry()[training.PIPELINE_ID]["sha256"]
    entities = installed.parent / training.ENTITIES_DIRNAME
    assert folder_digest(entities) == registry()[training.ENTITIES_ID]["sha256"]


@pytest.mark.slow
def test_shipped_italian_model_scores(paths):
    """The shipped models meet the foundation issue's targets: POS, UAS and LAS (95, 87, 82) and
    KIND NER F1 78 with the default entity tagger (the encoder: 85.13 measured, MODEL_CARD.md).
    The measured levels are floors so that a retrained model that is worse fails; the spaCy
    tagger (72.16, below the target) keeps its own floor."""
    scores = training.evaluate_installed(paths)
    ud, ner = scores["ud_isdt_test"], scores["ner_kind_wikinews_test"]
    report = training.report(scores)
    assert ud["pos"] >= 95 and ud["uas"] >= 87 and ud["las"] >= 82, report
    assert ner["f"] >= 85.0, report
    assert scores["ner_kind_wikinews_test_spacy"]["f"] >= 72.1, report
    assert ud["lemma"] >= ud["lemma_simplemma"], report
