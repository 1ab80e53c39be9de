"""Train and evaluate Cronaca's own Italian spaCy pipeline.

There is no Italian spaCy model on a package registry, so Cronaca trains one from public
Universal Dependencies treebanks (tagging, morphology, lemmas, dependencies) and NER corpora
(KIND, WikiNEuRal).  The corpora are read from a data folder (by default ``../shared/data/nlp``),
converted to spaCy's binary format in a work folder, trained with the configs that ship in
``cronaca/nlp/configs`` and assembled into one pipeline whose model card records data, licence
and scores.  Nothing from the corpora is stored in the package except the trained weights.
"""

from __future__ import annotations

import json
import logging
import random
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from cronaca.errors import DataNotFoundError

log = logging.getLogger(__name__)

CONFIG_DIR = Path(__file__).parent / "configs"
SEED = 0

# (treebank folder, file) pairs.  ISDT test is the held-out benchmark and is never trained on;
# ISDT's train split is not in the shared data, so every other split of every treebank trains.
UD_TRAIN = [
    ("UD_Italian-ISDT", "it_isdt-ud-dev.conllu"),
    ("UD_Italian-MarkIT", "it_markit-ud-train.conllu"),
    ("UD_Italian-MarkIT", "it_markit-ud-dev.conllu"),
    ("UD_Italian-ParTUT", "it_partut-ud-train.conllu"),
    ("UD_Italian-ParTUT", "it_partut-ud-test.conllu"),
    ("UD_Italian-ParlaMint", "it_parlamint-ud-train.conllu"),
    ("UD_Italian-ParlaMint", "it_parlamint-ud-test.conllu"),
    ("UD_Italian-PoSTWITA", "it_postwita-ud-dev.conllu"),
    ("UD_Italian-PoSTWITA", "it_postwita-ud-test.conllu"),
    ("UD_Italian-VIT", "it_vit-ud-dev.conllu"),
    ("UD_Italian-VIT", "it_vit-ud-test.conllu"),
]
# Model selection during training (not reported as a result).
UD_DEV = [
    ("UD_Italian-ParTUT", "it_partut-ud-dev.conllu"),
    ("UD_Italian-MarkIT", "it_markit-ud-test.conllu"),
]
UD_TEST = [("UD_Italian-ISDT", "it_isdt-ud-test.conllu")]

# KIND: IO-tagged TSV.  Every tenth group of Wikinews train sentences is held out for model
# selection; Wikinews test is the benchmark.
KIND_TRAIN = ["wikinews_train.tsv", "moro_train.tsv", "moro_test.tsv",
              "degasperi_train.tsv", "degasperi_test.tsv"]
KIND_TEST = "wikinews_test.tsv"
WIKINEURAL = ["val.conllu", "test.conllu"]
NER_LABELS = ("PER", "ORG", "LOC")
SENTS_PER_DOC = 10


@dataclass(frozen=True)
class DataPaths:
    """Where the corpora are and where converted files go."""

    data_dir: Path
    work_dir: Path

    @property
    def ud(self) -> Path:
        return self.data_dir / "it" / "ud"

    @property
    def ner(self) -> Path:
        return self.data_dir / "it" / "ner"

    def corpus(self, name: str) -> Path:
        return self.work_dir / "corpus" / f"{name}.spacy"


def default_data_dir() -> Path:
    """The shared data folder beside the project checkout."""
    return Path(__file__).resolve().parents[3].parent / "shared" / "data" / "nlp"


def _require(path: Path) -> Path:
    if not path.exists():
        raise DataNotFoundError(
            f"training data not found: {path}. Pass --data pointing at a folder with "
            "it/ud/<treebank>/*.conllu and it/ner/{kind,wikineural}."
        )
    return path


# --------------------------------------------------------------------------- conversion


def _conllu_docs(path: Path, vocab):
    from spacy.training.converters import conllu_to_docs

    text = _require(path).read_text(encoding="utf-8")
    # merge_subtokens keeps "della" as one token the way the tokenizer produces it.
    return list(conllu_to_docs(text, n_sents=SENTS_PER_DOC, merge_subtokens=True,
                               no_print=True))


def _detokenized_spaces(words: list[str]) -> list[bool]:
    """Guess which pre-tokenised words were followed by a space in the original text."""
    no_space_before = {",", ".", ";", ":", "!", "?", ")", "]", "}", "»", "%", "...", "”"}
    no_space_after = {"(", "[", "{", "«", "“"}
    spaces = []
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        space = nxt is not None
        if nxt in no_space_before or word in no_space_after or word.endswith(("'", "’")):
            space = False
        spaces.append(space)
    return spaces


def _sentences_from_tsv(path: Path, tag_column: int) -> list[list[tuple[str, str]]]:
    sentences, current = [], []
    for line in _require(path).read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if not line.strip():
            if current:
                sentences.append(current)
            current = []
            continue
        if len(parts) <= tag_column:
            continue
        current.append((parts[tag_column - 1], parts[tag_column].strip()))
    if current:
        sentences.append(current)
    return sentences


def _ner_doc(vocab, sentences: list[list[tuple[str, str]]]):
    """One Doc from tagged sentences; IO and BIO tags both become entity spans."""
    from spacy.tokens import Doc, Span

    words, tags, sent_starts = [], [], []
    for sent in sentences:
        for i, (word, tag) in enumerate(sent):
            words.append(word)
            tags.append(tag)
            sent_starts.append(i == 0)
    doc = Doc(vocab, words=words, spaces=_detokenized_spaces(words), sent_starts=sent_starts)
    spans, start, label = [], None, None
    for i, tag in enumerate(tags + ["O"]):
        prefix, _, name = tag.partition("-") if "-" in tag else ("I", "", tag)
        name = name if name in NER_LABELS else None
        # IO data cannot separate adjacent entities of one type; BIO data can.
        continues = name is not None and name == label and prefix != "B"
        if start is not None and not continues:
            spans.append(Span(doc, start, i, label=label))
            start, label = None, None
        if name is not None and start is None:
            start, label = i, name
    doc.ents = spans
    return doc


def _grouped(sentences, size=SENTS_PER_DOC):
    return [sentences[i:i + size] for i in range(0, len(sentences), size)]


def prepare(paths: DataPaths) -> dict[str, int]:
    """Convert every corpus to spaCy's DocBin format; returns document counts per corpus."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("it")
    counts: dict[str, int] = {}

    def save(name, docs):
        out = paths.corpus(name)
        out.parent.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs, store_user_data=False).to_disk(out)
        counts[name] = len(docs)

    for name, files in (("ud_train", UD_TRAIN), ("ud_dev", UD_DEV), ("ud_test", UD_TEST)):
        docs = []
        for bank, fname in files:
            docs.extend(_conllu_docs(paths.ud / bank / fname, nlp.vocab))
        save(name, docs)

    train_groups, dev_groups = [], []
    for fname in KIND_TRAIN:
        groups = _grouped(_sentences_from_tsv(paths.ner / "kind" / fname, 1))
        if fname == "wikinews_train.tsv":
            dev_groups.extend(g for i, g in enumerate(groups) if i % 10 == 9)
            groups = [g for i, g in enumerate(groups) if i % 10 != 9]
        train_groups.extend(groups)
    for fname in WIKINEURAL:
        train_groups.extend(_grouped(_sentences_from_tsv(paths.ner / "wikineural" / fname, 2)))
    random.Random(SEED).shuffle(train_groups)
    save("ner_train", [_ner_doc(nlp.vocab, g) for g in train_groups])
    save("ner_dev", [_ner_doc(nlp.vocab, g) for g in dev_groups])
    test_groups = _grouped(_sentences_from_tsv(paths.ner / "kind" / KIND_TEST, 1))
    save("ner_test", [_ner_doc(nlp.vocab, g) for g in test_groups])
    return counts


# --------------------------------------------------------------------------- training


def train_component(paths: DataPaths, part: str, overrides: dict[str, str] | None = None,
                    output: Path | None = None) -> Path:
    """Train one part ("ud" or "ner") with its config; returns the best model's folder."""
    output = output or paths.work_dir / f"train_{part}"
    args = [sys.executable, "-m", "spacy", "train", str(CONFIG_DIR / f"it_{part}.cfg"),
            "--output", str(output),
            "--paths.train", str(paths.corpus(f"{part}_train")),
            "--paths.dev", str(paths.corpus(f"{part}_dev"))]
    for key, value in (overrides or {}).items():
        args += [f"--{key}", str(value)]
    log.info("running %s", " ".join(args))
    subprocess.run(args, check=True)
    return output / "model-best"


def evaluate_model(model_dir: Path, corpus: Path) -> dict:
    """spaCy's own scorer on a held-out corpus, run with the model's tokenizer."""
    import spacy
    from spacy.training import Corpus

    nlp = spacy.load(model_dir)
    examples = list(Corpus(str(corpus))(nlp))
    return nlp.evaluate(examples)


def copy_model(src: Path, dst: Path) -> None:
    if dst.exists():
        shutil.rmtree(dst)
    shutil.copytree(src, dst)


def write_json(path: Path, data) -> None:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
