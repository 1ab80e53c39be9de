"""User trigger lexicons and `cronaca kb import-petrarch` of a PETRARCH/TABARI verb dictionary:
the reader, the written file, the lexicon that puts the user's entries first, and the coder
applying them through the real English pipeline."""

from __future__ import annotations

import json

import pytest
import yaml

from cronaca.actors import petrarch
from cronaca.events import petrarch as verbs
from cronaca.events.lexicon import lexicon
from cronaca.model import Article, Document
from cronaca.pipeline import Pipeline

from conftest import run_cli
from test_knowledge import trigger_problems

USER_TOP = {"future", "covers", "verbs", "nouns"}

# written for these tests, in the dictionary format (not taken from any dictionary)
VERBS = """\
<!-- a test verb dictionary -->
&MONEY
+EUROS
+SWISS FRANCS
+&METAL

&METAL
+GOLD

--- DENOUNCE  [122]  ---
DENOUNCE   # a comment
- * &MONEY PLAN [1222]   # two items: any money word, then "plan"
- SAID_* [123]
- * + HELD [999]
- NEITHER * [081]    # a pattern that spells out the negation
- * NEW_&METAL_DEAL [1223]   # "_": the words stand together, the set's members inside
- * + SAID [X1]       # neither a CAMEO code nor a well-formed user code

--- LEAVE  [---]  ---
LEAVE
- WERE ABLE TO * [012]

--- LEFT  [032:033]  ---
LEFT

--- BREAK  [1717] ---
BREAK { BROKE BROKEN }
+BREAK_DOWN {+BROKE_DOWN}
WIRE_+TAP {WIRE_+TAPPED} [1711]
- * OFF_ [195]

--- RECEIVE  [---]  ---
RECEIVE
- + * AID $ [071]    # the target before the verb, the source after it
"""


def test_verb_dictionary_reader():
    d = verbs.parse_verbs(VERBS, "test.verbs.txt")
    by = {b.name: b for b in d.blocks}
    assert set(by) == {"denounce", "leave", "left", "break", "receive"}
    assert d.synsets["MONEY"] == ["EUROS", "SWISS FRANCS", "&METAL"]
    assert by["leave"].code is None and by["left"].code == "032:033"
    p = by["denounce"].patterns
    # synonym sets expand to alternative phrases, nested sets included, defined after use
    assert p[0].after == [["euros", "swiss francs", "gold"], ["plan"]] and p[0].code == "1222"
    assert p[1].before == [["said"]] and p[1].after == []
    assert p[2].after == [["held"]]                       # the target marker is dropped
    assert not p[2].inverted and by["receive"].patterns[0].inverted    # "+ * AID $"
    assert p[4].after == [["new gold deal"]]              # one item: adjacent words
    b = by["break"].verbs
    assert (b[0].head, b[0].forms) == ("break", ["broke", "broken"])
    assert (b[1].head, b[1].after, b[1].forms) == ("break", ["down"], ["broke"])
    assert (b[2].head, b[2].before, b[2].forms, b[2].code) == ("tap", ["wire"], ["tapped"], "1711")


def test_verb_dictionary_to_trigger_entries():
    d = verbs.parse_verbs(VERBS, "test.verbs.txt")
    entries, warnings = verbs.trigger_entries(d)
    by = {(e["lemma"], e["code"], tuple(e.get("before", ())), tuple(e.get("after", ()))): e
          for e in entries}
    assert ("denounce", "1222", (), ("euros|swiss francs|gold", "plan")) in by
    assert ("denounce", "123", ("said",), ()) in by
    assert ("denounce", "122", (), ()) in by
    assert by[("left", "032", (), ())]["reverse"] == "033"
    assert ("leave", "012", ("were", "able", "to"), ()) in by
    assert not any(e["lemma"] == "leave" and not e.get("before") for e in entries)  # [---]
    assert ("tap", "1711", ("wire",), ()) in by and ("tap", "195", ("wire",), ("off",)) in by
    # a dictionary's own codes beyond CAMEO are kept as user codes, and reported; a malformed
    # code is reported and its pattern left out, not guessed
    assert ("denounce", "999", (), ("held",)) in by and ("break", "1717", (), ()) in by
    assert any("[999]: 999 is not a CAMEO code; kept as a user code" in w for w in warnings)
    assert not any(e["code"] == "X1" for e in entries)
    assert any("[X1] is not a CAMEO code nor a user code; skipped" in w for w in warnings)
    assert "left" in verbs.covered(d) and "broken" in verbs.covered(d)


def test_import_writes_a_user_lexicon_that_comes_first(tmp_path, monkeypatch):
    (tmp_path / "test.verbs.txt").write_text(VERBS, encoding="utf-8")
    out = tmp_path / "kb"
    report = petrarch.import_file(tmp_path / "test.verbs.txt", out)
    assert report.kind == "verbs" and report.records == 5
    assert [p.name for p in report.written] == ["petrarch-test.triggers.en.yaml"]
    data = yaml.safe_load(report.written[0].read_text(encoding="utf-8"))
    assert set(data) == {"future", "covers", "verbs"} and "denounce" in data["covers"]
    assert data["future"] == "act"               # PETRARCH codes an act told in the future
    assert trigger_problems(data, "imported", USER_TOP) == []        # the documented format

    built_in = lexicon("en")
    assert [e.code for e in built_in.candidates("denounce", "verb")] == ["111"]
    monkeypatch.setenv("CRONACA_KB", str(out))
    lex = lexicon("en")
    denounce = lex.candidates("denounce", "verb")
    assert denounce and all(e.origin == "petrarch-test.triggers.en.yaml" for e in denounce)
    assert denounce[0].specificity >= denounce[-1].specificity       # patterns first
    assert lex.candidates("leave", "verb") and all(e.origin for e in lex.candidates("leave", "verb"))
    assert [e.code for e in lex.form_candidates("left", "verb")] == ["032"]
    # a verb the dictionary does not define keeps the built-in entries
    assert lex.candidates("condemn", "verb") == built_in.candidates("condemn", "verb")
    monkeypatch.delenv("CRONACA_KB")
    assert lexicon("en") is built_in


def test_bad_user_lexicon_is_one_clear_error(tmp_path, monkeypatch):
    from cronaca.errors import ResourceError

    (tmp_path / "mine.triggers.en.yaml").write_text(
        "verbs:\n  - lemma: frobnicate\n    code: '9x'\n", encoding="utf-8")
    monkeypatch.setenv("CRONACA_KB", str(tmp_path))
    with pytest.raises(ResourceError, match="mine.triggers.en.yaml.*unknown CAMEO code '9x'"):
        lexicon("en")
    (tmp_path / "mine.triggers.en.yaml").write_text(
        "future: always\nverbs:\n  - lemma: frobnicate\n    code: '111'\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="mine.triggers.en.yaml: `future` must be"):
        lexicon("en")


@pytest.fixture(scope="module")
def english() -> Pipeline:
    return Pipeline(stages=("parse", "events"), lang="en", default_date="2023-03-01")


def _code(pipeline: Pipeline, text: str, date: str | None = None) -> Article:
    result = pipeline.process(Document(id="t", content=text, format="text", source="t.txt",
                                       lang="en", date=date))
    assert isinstance(result, Article)
    return result


def test_coder_applies_the_users_patterns_forms_and_reverse_codes(tmp_path, monkeypatch, english):
    (tmp_path / "test.verbs.txt").write_text(VERBS, encoding="utf-8")
    petrarch.import_file(tmp_path / "test.verbs.txt", tmp_path / "kb")
    sentences = {
        "plan": "France denounced the German gold plan on Monday.",
        "plain": "France denounced Germany on Monday.",
        "left": "The French president left Berlin on Monday.",
        "leave": "The French president will leave Berlin on Monday.",
        # a pattern coder's target is the first actor after the verb, in any phrase
        "left for": "The French president left for Berlin on Monday.",
        # ... inside an argument too, clauses included
        "inside": "France denounced the roads leading into Germany.",
        # "+ * AID $": the giver after the verb is the source, the subject the target
        "inverted": "Germany received by ship aid from France.",
        "neither": "Neither France nor Spain denounced Germany.",
    }
    before = {k: [e.cameo for e in _code(english, t).events] for k, t in sentences.items()}
    monkeypatch.setenv("CRONACA_KB", str(tmp_path / "kb"))
    after = {k: _code(english, t).events for k, t in sentences.items()}
    assert [e.cameo for e in after["plan"]] == ["1222"]
    assert "euros|swiss francs|gold" in after["plan"][0].rule       # --explain names the pattern
    assert [(e.cameo, e.source.country, e.target.country) for e in after["plain"]] == \
        [("122", "FRA", "DEU")]
    # the form "left" is coded apart from "leave", in both directions
    assert sorted((e.cameo, e.source.country, e.target.country) for e in after["left"]) == \
        [("032", "FRA", "DEU"), ("033", "DEU", "FRA")]
    assert sorted((e.cameo, e.source.country, e.target.country) for e in after["left for"]) == \
        [("032", "FRA", "DEU"), ("033", "DEU", "FRA")]
    assert [(e.cameo, e.source.country, e.target.country) for e in after["inside"]] == \
        [("122", "FRA", "DEU")]
    assert [(e.cameo, e.source.country, e.target.country) for e in after["inverted"]] == \
        [("071", "FRA", "DEU")]
    assert sorted((e.cameo, e.source.country, e.target.country) for e in after["neither"]) == \
        [("081", "ESP", "DEU"), ("081", "FRA", "DEU")]
    assert not any(e.negated for e in after["neither"])  # (the built-in 111 is negated)
    assert after["leave"] == []                          # LEAVE codes nothing without its pattern
    assert before["plain"] == ["111"] and before["plan"] == ["111"]   # the built-in lexicon


def test_a_users_file_may_code_what_is_announced_in_the_future_as_done(tmp_path, monkeypatch,
                                                                       english):
    """`future: act` (what `kb import-petrarch` writes): "will denounce" is the denouncing, as
    PETRARCH codes it; without it an act with no intent form in CAMEO is only hypothetical."""
    (tmp_path / "test.verbs.txt").write_text(VERBS, encoding="utf-8")
    written = petrarch.import_file(tmp_path / "test.verbs.txt", tmp_path / "kb").written[0]
    will = "France will denounce Germany on Monday."
    wants = "France wants to denounce Germany."
    monkeypatch.setenv("CRONACA_KB", str(tmp_path / "kb"))
    [e] = _code(english, will).events
    assert (e.cameo, e.source.country, e.target.country) == ("122", "FRA", "DEU")
    assert e.intent and not e.hypothetical and not e.negated
    assert [(e.cameo, e.hypothetical) for e in _code(english, wants).events] == [("122", True)]
    data = yaml.safe_load(written.read_text(encoding="utf-8"))
    written.write_text(yaml.safe_dump({**data, "future": "intent"}), encoding="utf-8")
    assert [(e.cameo, e.hypothetical) for e in _code(english, will).events] == [("122", True)]


def test_cli_import_verbs(tmp_path):
    (tmp_path / "test.verbs.txt").write_text(VERBS, encoding="utf-8")
    r = run_cli("kb", "import-petrarch", str(tmp_path / "test.verbs.txt"), "--out",
                str(tmp_path / "kb"))
    assert r.returncode == 0, r.stderr.decode()
    assert "5 verbs records" in r.stdout.decode() and "[X1] is not a CAMEO code" in \
        r.stderr.decode()
    assert (tmp_path / "kb" / "petrarch-test.triggers.en.yaml").is_file()


# written for these tests, in the user actors format (docs/KNOWLEDGE.md)
ACTORS_YAML = """\
- id: mine:prince-of-dol-amroth
  name: Prince of Dol Amroth
  codes: [{country: DOL}]
- id: mine:gondor
  name: Gondor
  codes: [{country: GON}]
- id: mine:arnor
  name: Arnor
  codes: [{country: ARN}]
- id: mine:zimbabwe
  name: Zimbabwe
  codes: [{country: RHO, end: 1979-06-06}, {country: ZBW}]
"""


def test_user_actors_named_with_inner_small_words_and_coordinated(tmp_path, monkeypatch, english):
    from cronaca.actors.kb import knowledge_base

    (tmp_path / "mine.actors.yaml").write_text(ACTORS_YAML, encoding="utf-8")
    monkeypatch.setenv("CRONACA_KB", str(tmp_path))
    knowledge_base.cache_clear()
    try:
        warned = _code(english, "France warned the Prince of Dol Amroth on Monday.").events
        ties = _code(english, "France restored diplomatic ties with Gondor and Arnor.").events
        sectors = _code(english, "The Gondor government condemned Arnor soldiers.").events
        older = _code(english, "France condemned Zimbabwe.", "1978-12-23").events
        newer = _code(english, "France condemned Zimbabwe.", "2001-01-01").events
    finally:
        monkeypatch.delenv("CRONACA_KB")
        knowledge_base.cache_clear()
    # a name with "of" inside is one name, not the title "Prince" (royalty)
    assert [(e.source.country, e.target.country, e.target.sector) for e in warned] == \
        [("FRA", "DOL", None)]
    # both coordinated names are targets, though the object ("ties") resolved through the first
    assert sorted(e.target.country for e in ties) == ["ARN", "GON"]
    # the user's dated code for a state's name wins over the built-in state
    assert [e.target.country for e in older + newer] == ["RHO", "ZBW"]
    # a name the user's file gives no sector takes the sector word it modifies
    assert [(e.source.country, e.source.sector, e.target.country, e.target.sector)
            for e in sectors] == [("GON", "GOV", "ARN", "MIL")]


# written for these tests, in the discards-list format
DISCARDS = """\
# story-level discards carry a '+'
+Manchester_United   # a club
+TYPHOON
BASEBALL
YEARS LATER
"""


def test_discards_reader_and_kind():
    assert petrarch.detect_kind(DISCARDS) == "discards"
    assert petrarch.detect_kind(VERBS) != "discards"
    assert petrarch.parse_discards(DISCARDS) == {"story": ["manchester united", "typhoon"],
                                                 "sentence": ["baseball", "years later"]}


@pytest.fixture
def discards_kb(tmp_path, monkeypatch):
    from cronaca.actors.kb import knowledge_base

    (tmp_path / "test.discards.txt").write_text(DISCARDS, encoding="utf-8")
    report = petrarch.import_file(tmp_path / "test.discards.txt", tmp_path / "kb")
    assert report.kind == "discards"
    assert [p.name for p in report.written] == ["petrarch-test.discards.yaml"]
    monkeypatch.setenv("CRONACA_KB", str(tmp_path / "kb"))
    knowledge_base.cache_clear()
    yield tmp_path / "kb"
    monkeypatch.delenv("CRONACA_KB")
    knowledge_base.cache_clear()


def test_coder_skips_the_users_discarded_stories_and_sentences(discards_kb, english):
    story = _code(english, "France attacked Germany on Monday. The typhoon hit the coast.")
    assert story.events == [] and story.quotes == []
    assert [(d.phrase, d.sentence) for d in story.discarded] == [("typhoon", None)]
    assert story.discarded[0].file.endswith("petrarch-test.discards.yaml")
    # whole words only, any case, any blanks between the words
    kept = _code(english, "France attacked Germany on Monday. TYPHOONS hit the coast. "
                          "Germany condemned France after the BASEBALL game.")
    assert [(e.cameo, e.source.country, e.target.country) for e in kept.events] == \
        [("190", "FRA", "DEU")]
    assert [(d.phrase, d.sentence) for d in kept.discarded] == [("baseball", 2)]
    assert _code(english, "Manchester   united beat France.").discarded[0].phrase == \
        "manchester united"
    # --explain shows them; without it the document has no such field
    assert kept.to_dict(explain=True)["discarded"] == [
        {"phrase": "baseball", "sentence": 2, "file": kept.discarded[0].file}]
    assert "discarded" not in kept.to_dict()


def test_bad_discards_file_is_one_clear_error(tmp_path, monkeypatch):
    from cronaca.actors.kb import knowledge_base
    from cronaca.errors import ResourceError

    (tmp_path / "mine.discards.yaml").write_text("story: typhoon\n", encoding="utf-8")
    monkeypatch.setenv("CRONACA_KB", str(tmp_path))
    knowledge_base.cache_clear()
    try:
        with pytest.raises(ResourceError, match="mine.discards.yaml: `story` must be a list"):
            knowledge_base()
    finally:
        monkeypatch.delenv("CRONACA_KB")
        knowledge_base.cache_clear()


def test_cli_import_discards(tmp_path):
    (tmp_path / "test.discards.txt").write_text(DISCARDS, encoding="utf-8")
    r = run_cli("kb", "import-petrarch", str(tmp_path / "test.discards.txt"), "--out",
                str(tmp_path / "kb"))
    assert r.returncode == 0, r.stderr.decode()
    assert "2 story and 2 sentence phrases" in r.stdout.decode()
    data = yaml.safe_load((tmp_path / "kb" / "petrarch-test.discards.yaml").read_text())
    assert data == {"story": ["manchester united", "typhoon"],
                    "sentence": ["baseball", "years later"]}


@pytest.mark.shared
@pytest.mark.slow
def test_petrarch_unit_records_with_all_four_dictionaries(shared, tmp_path):
    """The PETRARCH validation set with its actors, agents, verbs and discards imported: a floor
    under the share of records fully right (measured 32.8% when this test was written; 10.9%
    without the verbs; 41.5% with the discards; 56.3% with the dictionary's own codes kept as
    user codes, 2026-12-07; 68.3% with an act told in the future coded as done, as PETRARCH
    does, 2026-12-07)."""
    root = shared / "eventdata" / "petrarch2"
    for name in ("actors", "agents", "verbs", "discards"):
        r = run_cli("kb", "import-petrarch", str(root / f"PETR.Validate.{name}.txt"), "--out",
                    str(tmp_path / "kb"))
        assert r.returncode == 0, r.stderr.decode()
    written = tmp_path / "kb" / "petrarch-petr-validate.triggers.en.yaml"
    assert trigger_problems(yaml.safe_load(written.read_text(encoding="utf-8")), "imported",
                            USER_TOP) == []
    r = run_cli("eval", "events", "petrarch", "--kb", str(tmp_path / "kb"), "--json",
                "--misses", "0", timeout=900)
    assert r.returncode == 0, r.stderr.decode()
    m = json.loads(r.stdout)
    assert m["records"] == 284
    assert m["fully_right"]["share"] >= 0.65
    assert m["levels"]["root"]["f1"] >= 0.80
