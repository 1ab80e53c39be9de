"""Load each language's spaCy pipeline once per process, after checking it is the right one.

A pipeline is found from ``pipelines.yaml``: an installed package (English) or a folder shipped
inside Cronaca (Italian).  Before loading, the model folder's meta name and version are compared
with the pinned ones and a digest over its files with the pinned digest, so a tampered
re-upload or a half-copied model is refused with a message that says how to repair it.
Cronaca's own pieces (abbreviation-aware tokenizer exceptions and the rule-based sentence
splitter) are added to every pipeline after loading.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import threading
import warnings
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any


from cronaca.errors import ModelError, UnsupportedLanguageError
from cronaca.lang import info, languages, load_yaml, parsable

_LOCK = threading.Lock()
PIPELINES_FILE = "pipelines.yaml"


@cache
def registry() -> dict[str, dict[str, Any]]:
    text = (resources.files("cronaca.nlp") / PIPELINES_FILE).read_text(encoding="utf-8")
    return load_yaml(text)


def folder_digest(root: Path) -> str:
    """A digest over every file in a model folder: relative path and content hash, sorted."""
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def model_dir(pipeline_id: str) -> Path:
    """Where a pipeline's files are; a ``ModelError`` if they are not installed."""
    spec = registry()[pipeline_id]
    if "package" in spec:
        found = importlib.util.find_spec(spec["package"])
        if found is None or not found.submodule_search_locations:
            raise ModelError(f"the {pipeline_id} pipeline (package {spec['package']}) is not "
                             f"installed; {spec['fix']}")
        return Path(list(found.submodule_search_locations)[0]) / spec["folder"]
    return Path(str(resources.files("cronaca.nlp"))) / spec["path"]


def verify(pipeline_id: str, root: Path | None = None) -> Path:
    """Check meta name, version and digest of the installed model (or of ``root``)."""
    spec = registry()[pipeline_id]
    root = root or model_dir(pipeline_id)
    meta_file = root / "meta.json"
    if not meta_file.is_file():
        raise ModelError(f"the {pipeline_id} pipeline is missing or incomplete at {root}; "
                         f"{spec['fix']}")
    try:
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        raise ModelError(f"the {pipeline_id} pipeline's meta.json is corrupt; {spec['fix']}") from None
    if meta.get("name") != spec["meta_name"] or str(meta.get("version")) != str(spec["version"]):
        raise ModelError(
            f"refusing the {pipeline_id} pipeline at {root}: it says it is "
            f"{meta.get('name')} {meta.get('version')}, Cronaca pins {spec['meta_name']} "
            f"{spec['version']}; {spec['fix']}")
    if spec.get("sha256") and folder_digest(root) != spec["sha256"]:
        raise ModelError(
            f"refusing the {pipeline_id} pipeline at {root}: its files differ from the pinned "
            f"release (digest mismatch), so it may be tampered with or damaged; {spec['fix']}")
    return root


def pipeline_id(lang: str) -> str:
    pid = info(lang).get("pipeline") if lang in languages() else None
    if not pid:
        name = f"{info(lang)['name']} ({lang})" if lang in languages() else repr(lang)
        raise UnsupportedLanguageError(
            f"Cronaca cannot parse {name} yet; it parses {', '.join(parsable())}. "
            "Use --lang to override a wrong detection.")
    return pid


ENTITY_TAGGERS = ("encoder", "spacy")


def load(lang: str, entities: str | None = None):
    """The ready pipeline for ``lang``, loaded on first use and cached for the process.

    ``entities`` picks the entity tagger where the language has two (see ``Settings.entities``).
    """
    from cronaca.settings import DEFAULT

    pid = pipeline_id(lang)
    entities = entities or DEFAULT.entities
    if entities not in ENTITY_TAGGERS:
        raise ValueError(f"unknown entity tagger {entities!r}; use one of {', '.join(ENTITY_TAGGERS)}")
    if not registry()[pid].get("entities"):
        entities = "spacy"
    with _LOCK:
        return _load(pid, lang, entities)


@cache
def _load(pid: str, lang: str, entities: str):
    import spacy

    from cronaca.nlp import components  # registers Cronaca's spaCy factories
    from cronaca.nlp.training import widen_weights

    root = verify(pid)
    try:
        with warnings.catch_warnings():
            if registry()[pid].get("spacy_version_checked"):    # pinned, checked, and older
                warnings.filterwarnings("ignore", message=r"\[W095\]")
            nlp = spacy.load(root)
    except Exception as exc:  # spaCy raises many types for broken model files
        raise ModelError(f"the {pid} pipeline at {root} cannot be loaded ({type(exc).__name__}: "
                         f"{str(exc).splitlines()[0][:200]}); {registry()[pid]['fix']}") from None
    widen_weights(nlp)   # weights may be stored as float16 to halve the package size
    components.customise(nlp, lang)
    if entities == "encoder":
        tagger = registry()[pid]["entities"]
        components.use_entity_tagger(nlp, verify(tagger))
    return nlp
