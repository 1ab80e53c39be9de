"""Coarse coding for languages without a pipeline: actors from CLDR names and known people,
the event type from the nearest labelled examples, `coarse: true` on every record."""

from __future__ import annotations

import json

import jsonschema
import pytest

from cronaca.actors.kb import knowledge_base
from cronaca.events import coarse
from conftest import run_cli

SLOVENIAN = ("Belorusija in Kitajska sta v Pekingu podpisali sporazum o gospodarskem sodelovanju. "
             "Vreme je bilo lepo.")


def test_country_names_come_from_cldr_in_the_language():
    table = {words: ident for words, kind, ident in coarse.names("sl") if kind == "country"}
    assert table[("kitajska",)] == "CHN" and table[("belorusija",)] == "BLR"
    assert table[("nemcija",)] == "DEU"                              # accents folded
    polish = {words: ident for words, kind, ident in coarse.names("pl") if kind == "country"}
    assert polish[("chiny",)] == "CHN"
    assert coarse.names("xx") and all(kind == "person" for _, kind, _ in coarse.names("xx"))


def test_actors_in_order_with_case_endings_demonyms_and_people():
    kb = knowledge_base()
    found = coarse.actors("Rusija je napadla Ukrajino s kitajskimi raketami.", 10, "sl", kb)
    assert [a.country for a in found] == ["RUS", "UKR", "CHN"]
    assert found[0].start == 10 and found[0].text == "Rusija"
    assert found[1].text == "Ukrajino"
    people = coarse.actors("Putinom se je sestal Macron.", 0, "sl", kb)
    assert [a.country for a in people] == ["RUS", "FRA"]
    assert all(a.kb_id.startswith("person:") for a in people)
    assert coarse.actors("in je bil tam", 0, "sl", kb) == []          # "in" is no one
    assert coarse.actors("Iran in Irak", 0, "sl", kb)[0].country == "IRN"


def test_masking_keeps_the_action():
    assert coarse.masked("Il presidente Xi Jinping ha incontrato Putin a Mosca.") == \
        "Il presidente X ha incontrato X a X"


@pytest.mark.slow
def test_extract_codes_a_slovenian_agreement_coarsely(tmp_path):
    path = tmp_path / "sl.txt"
    path.write_text(SLOVENIAN, encoding="utf-8")
    result = run_cli("extract", str(path), "--date", "2024-05-06", "--format", "jsonl")
    assert result.returncode == 0, result.stderr.decode()
    events = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert len(events) == 1                        # the weather has no actor: nothing coded
    event = events[0]
    assert event["coarse"] is True and event["language"] == "sl"
    assert (event["source"]["country"], event["target"]["country"]) == ("BLR", "CHN")
    assert event["cameo_root"] == "05" and 0 < event["confidence"] <= 0.5
    assert event["date"] == "2024-05-06" and event["date_source"] == "publication"
    from importlib import resources
    schema = json.loads((resources.files("cronaca.events") / "event.schema.json").read_text())
    jsonschema.validate(event, schema)


@pytest.mark.slow
def test_parse_gives_sentences_alone_without_a_pipeline(tmp_path):
    path = tmp_path / "sl.txt"
    path.write_text(SLOVENIAN, encoding="utf-8")
    result = run_cli("parse", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    doc = json.loads(result.stdout)
    sentences = doc["sentences"] if "sentences" in doc else doc[0]["sentences"]
    assert len(sentences) == 2 and all(not s["tokens"] for s in sentences)


def test_languages_lists_coarse_events():
    result = run_cli("languages")
    assert result.returncode == 0 and "coarse" in result.stdout.decode()
