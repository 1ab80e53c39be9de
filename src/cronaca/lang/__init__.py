"""Per-language knowledge as data files, one folder per language code.

Each folder holds ``language.yaml`` (name, which parsing pipeline it has) and resource files
(``clutter.yaml``, ``abbreviations.txt``, ...).  Code that is the same for every language
lives outside these folders and reads them through ``resource``.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

from cronaca.errors import ResourceError, UnsupportedLanguageError

PACKAGE = "cronaca.lang"
# libyaml's parser where PyYAML was built with it: the lexicons and the knowledge base load
# about ten times faster, which every worker process pays once
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """YAML text -> data, safely (no Python objects), with the fastest parser available."""
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader


@cache
def languages() -> tuple[str, ...]:
    """Codes of every language Cronaca has a folder for."""
    root = resources.files(PACKAGE)
    return tuple(sorted(p.name for p in root.iterdir()
                        if p.is_dir() and (p / "language.yaml").is_file()))


@cache
def info(code: str) -> dict[str, Any]:
    if code not in languages():
        raise UnsupportedLanguageError(
            f"language {code!r} is unknown to Cronaca; known: {', '.join(languages())}")
    return resource(code, "language.yaml")


def parsable() -> tuple[str, ...]:
    """Languages with a full NLP pipeline (tokens, lemmas, parse, entities)."""
    return tuple(code for code in languages() if info(code).get("pipeline"))


def has_resource(code: str, name: str) -> bool:
    return (resources.files(PACKAGE) / code / name).is_file()


@cache
def resource(code: str, name: str) -> Any:
    """A resource file of one language: YAML is parsed, ``.txt`` gives its non-comment lines."""
    path = resources.files(PACKAGE) / code / name
    if not path.is_file():
        raise ResourceError(f"language resource {code}/{name} is missing from the package")
    text = path.read_text(encoding="utf-8")
    if name.endswith((".yaml", ".yml")):
        try:
            return load_yaml(text)
        except yaml.YAMLError as exc:
            raise ResourceError(f"language resource {code}/{name} is not valid YAML: {exc}") from None
    return [line.strip() for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def resources_for_all(name: str) -> dict[str, Any]:
    """One resource from every language that has it, keyed by language code."""
    found = {}
    for code in languages():
        if has_resource(code, name):
            found[code] = resource(code, name)
    return found
