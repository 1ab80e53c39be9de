"""Schema tests for the language resources and the pipeline registry shipped as data files."""

from __future__ import annotations

import re

import pytest

from cronaca.lang import info, languages, parsable, resource
from cronaca.nlp.models import registry

CLUTTER_KEYS = {"related_headings", "ticker_prefixes", "share_words", "share_fillers",
                "cookie_buttons", "copyright", "cookie_banner", "promo", "author_bio", "bylines"}
BIO_KEYS = {"role", "activity", "headings", "follow"}


def test_languages_present():
    assert {"it", "en", "es", "fr", "de", "pt"} <= set(languages())
    assert {"it", "en"} <= set(parsable())


@pytest.mark.parametrize("code", languages())
def test_language_yaml(code):
    meta = info(code)
    assert meta["code"] == code
    assert isinstance(meta["name"], str) and isinstance(meta["native_name"], str)
    assert meta["pipeline"] is None or meta["pipeline"] in registry()


@pytest.mark.parametrize("code", languages())
def test_clutter_yaml(code):
    data = resource(code, "clutter.yaml")
    assert set(data) == CLUTTER_KEYS
    for key in ("related_headings", "ticker_prefixes", "share_words", "share_fillers",
                "cookie_buttons", "bylines"):
        items = data[key]
        assert items and all(isinstance(x, str) and x.strip() == x and x for x in items), key
        assert len(set(items)) == len(items), f"duplicates in {code}/{key}"
    for key in ("copyright", "cookie_banner", "promo"):
        assert data[key]
        for pattern in data[key]:
            re.compile(pattern)
    bio = data["author_bio"]
    assert set(bio) == BIO_KEYS
    for key in ("activity", "follow"):
        re.compile(bio[key])
    assert bio["role"] and all(re.compile(p) for p in bio["role"])
    assert all(isinstance(h, str) for h in bio["headings"])


@pytest.mark.parametrize("code", languages())
def test_abbreviations(code):
    items = resource(code, "abbreviations.txt")
    assert items, code
    assert len(set(items)) == len(items), f"duplicate abbreviations in {code}"
    for abbr in items:
        assert " " not in abbr and not abbr.endswith("."), (code, abbr)


def test_pipeline_registry():
    for pid, spec in registry().items():
        assert {"meta_name", "version", "licence", "fix"} <= set(spec), pid
        assert ("package" in spec and "folder" in spec) or "path" in spec, pid
        if spec.get("sha256"):
            assert re.fullmatch(r"[0-9a-f]{64}", spec["sha256"]), pid


def test_participles_table():
    """lang/it/participles.txt: "participle infinitive" pairs, masculine singular in -o."""
    lines = resource("it", "participles.txt")
    assert len(lines) > 50
    seen = set()
    for line in lines:
        participle, infinitive = line.split()
        assert participle.endswith("o") and infinitive.endswith(("are", "ere", "ire", "rre")), line
        assert participle not in seen, line
        seen.add(participle)
