"""`cronaca eval events` and `cronaca kb import-petrarch`: the scorer on hand-written records,
the loaders on small inline files, the PETRARCH dictionary reader on inline snippets, and (with
../shared) the real gold files and one small run through the real pipeline."""

from __future__ import annotations

import datetime as dt
import json
import textwrap

import pytest

from cronaca.actors import petrarch
from cronaca.actors.kb import build
from cronaca.eval import events as ev
from cronaca.eval.events import CodedEvent, GoldEvent, GoldRecord, GoldSet, Side

from conftest import run_cli


def gold(src, tgt, code, mode=None):
    return GoldEvent(Side(src) if src else None, Side(tgt) if tgt else None, code, mode,
                     raw=f"{src} > {tgt} {code}")


def coded(src, tgt, code, plover=None, mode=None, confidence=1.0, src_sector=None):
    return CodedEvent(code, Side(src, src_sector) if src or src_sector else None,
                      Side(tgt) if tgt else None, plover, mode, confidence, "t")


# --------------------------------------------------------------------------- scorer


def test_scorer_levels_counted_by_hand():
    records = [
        GoldRecord("a", "A", None, "en", [gold("ARN", "GON", "064"), gold("GON", "ARN", "033")]),
        GoldRecord("b", "B", None, "en", []),
        GoldRecord("c", "C", None, "en", [gold("USA", "RUS", "111")]),
    ]
    out = [
        # a: the 064 dyad is right; GON>ARN coded with 042 instead of 033; one extra statement
        [coded("ARN", "GON", "064"), coded("GON", "ARN", "042"), coded("ARN", None, "010")],
        # b: an event where the gold has none
        [coded("USA", "RUS", "190")],
        # c: right code, source and target swapped
        [coded("RUS", "USA", "112")],
    ]
    m = ev.score(GoldSet("x", "cronaca", "cameo", records), out, misses=5)
    # root: a: 06 matched, 03 missed, 04 and 01 extra; b: 19 extra; c: 11 matched
    assert m["levels"]["root"] == {"tp": 2, "fp": 3, "fn": 1, "precision": 0.4,
                                   "recall": pytest.approx(0.6667, abs=1e-4),
                                   "f1": pytest.approx(0.5, abs=1e-4)}
    # full: only 064 (112 is not 111)
    assert (m["levels"]["full"]["tp"], m["levels"]["full"]["fp"], m["levels"]["full"]["fn"]) == (1, 4, 2)
    # dyad only: a: both dyads; c: swapped, no
    assert (m["levels"]["dyad"]["tp"], m["levels"]["dyad"]["fn"]) == (2, 1)
    # root + dyad: only ARN>GON 06
    assert (m["levels"]["root+dyad"]["tp"], m["levels"]["root+dyad"]["fp"],
            m["levels"]["root+dyad"]["fn"]) == (1, 4, 2)
    assert m["levels"]["full+dyad"]["tp"] == 1
    assert m["records"] == 3 and m["gold_events"] == 3 and m["coded_events"] == 5
    assert m["fully_right"] == {"count": 0, "records": 3, "share": 0.0}
    assert m["extra_per_record"] == 1.0                          # (2 + 1 + 0) / 3
    assert m["no_event_records"] == {"records": 1, "with_events": 1, "events": 1}
    assert m["by_root"]["06"]["tp"] == 1 and m["by_root"]["03"]["fn"] == 1
    assert m["by_root"]["19"] == {"gold": 0, "coded": 1, "tp": 0, "fp": 1, "fn": 0,
                                  "precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert m["errors"]["source and target swapped"] == 1
    assert m["errors"]["wrong code"] == 1                        # 033 vs the first unmatched coded event, 042
    assert m["errors"]["event coded, gold has none"] == 1
    assert [x["id"] for x in m["misses"]] == ["a", "b", "c"]


def test_fully_right_is_set_equality():
    r = GoldRecord("a", "A", None, "en", [gold("ARN", "GON", "064"), gold("ARN", "GON", "064")])
    # duplicates on either side collapse; a second code with the same root is the same triple
    assert ev.fully_right("cameo", r, [coded("ARN", "GON", "064"), coded("ARN", "GON", "061")])
    assert not ev.fully_right("cameo", r, [coded("ARN", "GON", "064"), coded("GON", "ARN", "064")])
    assert not ev.fully_right("cameo", r, [])
    empty = GoldRecord("b", "B", None, "en", [])
    assert ev.fully_right("cameo", empty, [])


def test_actor_comparison_rules():
    # PETRARCH codes: the country is the first three letters; ---GOV compares the sector
    assert ev.petrarch_side("ARNGOVFRM") == Side("ARN", "GOV")
    assert ev.petrarch_side("PSEHMSGOV") == Side("PSE", "GOV")
    assert ev.petrarch_side("---GOV") == Side(None, "GOV")
    assert ev.petrarch_side("---") is None and ev.petrarch_side("") is None
    assert ev.same_actor(Side("ARN"), Side("ARN", "GOV"))
    assert not ev.same_actor(Side("ARN"), Side("GON"))
    assert ev.same_actor(Side(None, "GOV"), Side("DAG", "GOV"))
    assert not ev.same_actor(Side(None, "GOV"), Side("DAG", "MIL"))
    # no gold actor: the coder must not name a state
    assert ev.same_actor(None, None) and ev.same_actor(None, Side(None, "MIL"))
    assert not ev.same_actor(None, Side("USA"))
    # PLOVER's generic IGO covers Cronaca's UN and EU codes
    assert ev.same_actor(Side("IGO"), Side("UNO")) and not ev.same_actor(Side("UNO"), Side("IGO"))


def test_plover_scheme_type_mode_and_no_type_left_out():
    records = [GoldRecord("p", "P", None, "en", [gold("USA", "RUS", "CONSULT", "visit"),
                                                 gold("USA", None, "PROTEST")])]
    out = [[coded("USA", "RUS", "042", "CONSULT", "visit"),
            coded("USA", None, "141", "PROTEST", "demo"),
            coded("USA", None, "010", None)]]                    # a statement: no PLOVER type
    m = ev.score(GoldSet("x", "plover", "plover", records), out)
    assert m["coded_without_plover_type"] == 1
    assert m["levels"]["root"]["tp"] == 2 and m["levels"]["root"]["fp"] == 0
    # a gold event without a mode is right whatever mode is coded
    assert m["levels"]["full+dyad"]["tp"] == 2
    out = [[coded("USA", "RUS", "043", "CONSULT", "phone"), coded("USA", None, "141", "PROTEST")]]
    m = ev.score(GoldSet("x", "plover", "plover", records), out)
    assert m["levels"]["root"]["tp"] == 2 and m["levels"]["full"]["tp"] == 1


def test_root_only_scheme_and_root_accuracy():
    records = [
        GoldRecord("1", "A", None, "en", [gold(None, None, "18"), gold(None, None, "19")],
                   actors=False, relevant=True),
        GoldRecord("2", "B", None, "en", [gold(None, None, "11")], actors=False, relevant=False),
        GoldRecord("3", "C", None, "en", [], actors=False, relevant=False),
    ]
    out = [
        # top event (highest confidence) is 19: right; the two 18s count once
        [coded(None, None, "180", confidence=0.5), coded(None, None, "181", confidence=0.5),
         coded(None, None, "190", confidence=0.9)],
        [coded(None, None, "010", confidence=0.9), coded(None, None, "111", confidence=0.8)],
        [coded(None, None, "040")],
    ]
    m = ev.score(GoldSet("x", "conflibert", "cameo-root", records), out)
    assert set(m["levels"]) == {"root"}
    assert (m["levels"]["root"]["tp"], m["levels"]["root"]["fp"], m["levels"]["root"]["fn"]) == (3, 2, 0)
    ra = m["root_accuracy"]
    assert (ra["sentences_with_gold_root"], ra["top_root_correct"], ra["any_root_correct"]) == (2, 1, 2)
    assert (ra["majority_relevant_with_gold_root"], ra["majority_relevant_top_root_correct"]) == (1, 1)
    assert (ra["irrelevant_sentences"], ra["irrelevant_with_events"], ra["events_on_irrelevant"]) == (2, 2, 3)


# --------------------------------------------------------------------------- loaders


def test_loaders_on_inline_files(tmp_path):
    (tmp_path / "events_it.jsonl").write_text(
        '{"id": "it-1", "split": "dev", "date": "2023-03-01", "text": "Testo uno.", '
        '"events": [{"source": "BLR", "target": "CHN", "code": "040"}]}\n'
        '{"id": "it-2", "split": "test", "date": "2023-03-02", "text": "Testo due.", "events": []}\n',
        encoding="utf-8")
    s = ev.load(tmp_path / "events_it.jsonl", split="dev")
    assert s.format == "cronaca" and [r.id for r in s.records] == ["it-1"]
    assert s.records[0].lang == "it" and s.records[0].events[0].source == Side("BLR")

    (tmp_path / "gsr.txt").write_text(json.dumps([
        {"id": "DOC", "event": "DOCUMENT", "eventText": "doc"},
        {"id": "A1", "date": "2000-01-01", "event": "AGREE", "eventText": "agreed",
         "source": [{"actorText": "X", "code": "USA"}, {"actorText": "Y", "code": "JOR"}],
         "target": "", "text": "The United States and Jordan agreed.",
         "textInfo": {"markup": "The (SRC/TAR: United States) and (SRC/TAR: Jordan) agreed."}},
        {"id": "F1", "date": "2000-01-01", "event": "FIGHT", "mode": "assassinate",
         "eventText": "killed", "source": [{"actorText": "Z", "code": "JAP", "sector": "MIL"}],
         "target": [{"actorText": "W", "code": "ITL"}], "text": "Z killed W.",
         "textInfo": {"markup": "Z killed W."}}]), encoding="utf-8")
    s = ev.load(tmp_path / "gsr.txt")
    assert s.format == "plover" and [r.id for r in s.records] == ["A1", "F1"]
    assert [(str(e.source), str(e.target), e.code) for e in s.records[0].events] == \
        [("USA", "JOR", "AGREE"), ("JOR", "USA", "AGREE")]
    f = s.records[1].events[0]
    assert (f.source, f.target, f.code, f.mode) == (Side("JPN", "MIL"), Side("ITA"), "ASSAULT", "targeted")

    (tmp_path / "records.xml").write_text(textwrap.dedent("""\
        <Validation><Sentences>
        <Sentence date="19950103" id="T-1" category="DEMO" sentence="true">
        <EventCoding sourcecode="DAGGOV" targetcode="GON" eventcode="032"></EventCoding>
        <EventCoding sourcecode="GON" targetcode="DAGGOV" eventcode="033"></EventCoding>
        <Text>
        Dagolath's minister left for
        Minas Tirith.
        </Text>
        </Sentence>
        <Sentence date="19950103" id="T-2" category="DEMO" sentence="true">
        <EventCoding noevents = "True"></EventCoding>
        <Text>Nothing happened.</Text>
        </Sentence>
        </Sentences></Validation>"""), encoding="utf-8")
    s = ev.load(tmp_path / "records.xml")
    assert s.format == "petrarch" and len(s.records) == 2
    r = s.records[0]
    assert (r.date, r.text) == ("1995-01-03", "Dagolath's minister left for Minas Tirith.")
    assert [(e.source, e.target, e.code) for e in r.events] == \
        [(Side("DAG", "GOV"), Side("GON"), "032"), (Side("GON"), Side("DAG", "GOV"), "033")]
    assert s.records[1].events == []

    header = ("ids,No,sentences,anncomplete_1,1_Relevant_1,Action1_CAMEO_1,Action2_CAMEO_1,"
              "anncomplete_2,1_Relevant_2,Action1_CAMEO_2,Action2_CAMEO_2,"
              "anncomplete_3,1_Relevant_3,Action1_CAMEO_3,Action2_CAMEO_3\n")
    rows = ('x1,No. 7 ,Troops shelled the town.,True,True,4-18 Assualt,4-19 Fight,'
            'True,True,4-19 Fight,,True,False,3-11 Disapprove,\n'
            'x2,No. 8 ,A flu season.,True,False,,,True,False,,,True,True,0-1 Make Public Statement,\n'
            'x3,No. 9 ,Unread.,False,,,,False,,,,False,,,\n')
    (tmp_path / "training_round_9").mkdir()
    (tmp_path / "training_round_9" / "summary.csv").write_text(header + rows, encoding="utf-8")
    s = ev.load(tmp_path / "training_round_9" / "summary.csv")
    assert s.format == "conflibert" and s.scheme == "cameo-root"
    # x1: two relevant annotators; 19 by both, 18 by one (not more than half); x3 unjudged
    assert [(r.id, [e.code for e in r.events], r.relevant) for r in s.records] == \
        [("r9-7", ["19"], True), ("r9-8", ["01"], False)]
    assert ev.conflibert_root("0-1 Make Public Statement") == "01"
    assert ev.conflibert_root("4-18 Assualt") == "18" and ev.conflibert_root("") is None


# --------------------------------------------------------------------------- petrarch dictionaries


ACTORS = """\
<!-- a test actor dictionary
     spanning lines -->
ARNOR_  [ARN]  # a comment
+ARNORIAN_
NORTH_KOREA  [PRK] ; legacy comment
+PYONGYANG
ENT
\t[ENT]
GOLLUM  # no code on this line
+SMEAGOL
\t[HOB < 950601]
\t[HOBGOV 19950601 - 19990815]
\t[HOBREB > 990816]
SAM_GAMGEE [HOB]
\t[HOBCIV <20080120]
\t[HOBGOV 20121109-20130119]
BOROMIR  [---]
LORIEN  [ELR/GAL]
ARNORIAN [XXX]
"""

AGENTS = """\
<!-- agents -->
!PERSON! = MAN, MEN, WOMAN
PARLIAMENTARY_OPPOSITION {} [~OPP] #jap
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]
CONGRESS!PERSON! [~LEG]
HUMAN_RIGHTS_BODY  [NGO~]
POLICE {} [ ~COP]
EMBASSY [~GOV]
!UNDEFINED!_THING [~GOV]
"""


def test_petrarch_actor_parser():
    d = petrarch.parse(ACTORS, "test.actors.txt")
    assert d.kind == "actors"
    by = {r.phrases[0]: r for r in d.actors}
    assert list(by) == ["ARNOR", "NORTH KOREA", "ENT", "GOLLUM", "SAM GAMGEE", "BOROMIR",
                        "LORIEN", "ARNORIAN"]
    assert by["ARNOR"].phrases == ["ARNOR", "ARNORIAN"]
    assert by["ENT"].codes == [petrarch.Code("ENT")]
    assert by["GOLLUM"].phrases == ["GOLLUM", "SMEAGOL"]
    assert by["GOLLUM"].codes == [
        petrarch.Code("HOB", None, dt.date(1995, 6, 1)),
        petrarch.Code("HOBGOV", dt.date(1995, 6, 1), dt.date(1999, 8, 15)),
        petrarch.Code("HOBREB", dt.date(1999, 8, 16), None)]
    assert by["LORIEN"].codes == [petrarch.Code("ELR")]
    assert any("ELR/GAL" in w for w in d.warnings)
    assert petrarch.split_code("PSEHMSGOV") == ("PSE", "GOV")
    assert petrarch.split_code("---GOV") == (None, "GOV")
    assert petrarch.split_code("+++") == (None, None)


def test_petrarch_agent_parser():
    d = petrarch.parse(AGENTS, "test.agents.txt")
    assert d.kind == "agents"
    by = {r.phrases[0]: r for r in d.agents}
    assert by["PARLIAMENTARY OPPOSITION"].phrases == ["PARLIAMENTARY OPPOSITION"]   # {}: none
    assert by["ATTORNEY GENERAL"].phrases == ["ATTORNEY GENERAL", "ATTORNEYS GENERAL"]
    assert by["ATTORNEY GENERAL"].code == "GOVATG"
    assert by["EMBASSY"].phrases == ["EMBASSY", "EMBASSIES"]
    assert by["POLICE"].code == "COP"
    assert (by["HUMAN RIGHTS BODY"].code, by["HUMAN RIGHTS BODY"].position) == ("NGO", "before")
    assert by["CONGRESSMAN"].phrases == ["CONGRESSMAN", "CONGRESSMEN", "CONGRESSWOMAN"]
    assert "!UNDEFINED!_THING" not in str(by) and any("UNDEFINED" in w for w in d.warnings)
    sectors = petrarch.agent_sectors(d)
    assert sectors["GOV"] == ["attorney general", "attorneys general", "embassy", "embassies"]
    assert sectors["NGO"] == ["human rights body", "human rights bodies"]


def test_petrarch_import_builds_a_knowledge_base(tmp_path):
    (tmp_path / "test.actors.txt").write_text(ACTORS, encoding="utf-8")
    (tmp_path / "test.agents.txt").write_text(AGENTS, encoding="utf-8")
    out = tmp_path / "kb"
    a = petrarch.import_file(tmp_path / "test.actors.txt", out)
    g = petrarch.import_file(tmp_path / "test.agents.txt", out, lang="en")
    assert [p.name for p in a.written] == ["petrarch-test.actors.yaml"]
    assert [p.name for p in g.written] == ["petrarch-test.agents.en.yaml"]
    assert (a.records, a.codes, a.dated) == (8, 11, 5)
    # "ARNORIAN" names ARNOR first; the later record keeps no name and is dropped
    assert any("ARNORIAN" in w for w in a.warnings)
    kb = build(out)
    assert len(kb.user_sources) == 2
    gollum = kb.person("Smeagol")
    assert gollum is not None and gollum.name == "Gollum"
    assert (gollum.at(dt.date(1990, 1, 1)).country, gollum.at(dt.date(1990, 1, 1)).sector) == ("HOB", None)
    assert gollum.at(dt.date(1997, 1, 1)).sector == "GOV"
    assert gollum.at(dt.date(2005, 1, 1)).sector == "REB"
    sam = kb.person("Sam Gamgee")
    # dated codes first, the undated default last
    assert sam.at(dt.date(2000, 1, 1)).sector == "CIV"
    assert sam.at(dt.date(2013, 1, 1)).sector == "GOV"
    assert (sam.at(dt.date(2010, 6, 1)).country, sam.at(dt.date(2010, 6, 1)).sector) == ("HOB", None)
    assert kb.person("Boromir").at(None).country is None
    assert kb.person("Pyongyang").at(None).country == "PRK"
    assert kb.sectors["en"]["congressmen"] == "LEG"
    assert kb.sectors["en"]["human rights body"] == "NGO"


def test_cli_import_petrarch(tmp_path):
    (tmp_path / "test.actors.txt").write_text(ACTORS, encoding="utf-8")
    r = run_cli("kb", "import-petrarch", str(tmp_path / "test.actors.txt"), "--out",
                str(tmp_path / "kb"))
    assert r.returncode == 0, r.stderr.decode()
    assert "8 actors records" in r.stdout.decode()
    assert (tmp_path / "kb" / "petrarch-test.actors.yaml").is_file()


# --------------------------------------------------------------------------- real files


@pytest.mark.shared
def test_real_gold_files_and_dictionaries(shared, tmp_path):
    root = shared / "eventdata"
    plover = ev.load(root / "PLOVER" / "PLOVER_GSR_CAMEO.txt")
    assert plover.format == "plover" and len(plover.records) == 322
    types = {e.code for r in plover.records for e in r.events}
    assert types <= {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                     "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
                     "MOBILIZE", "COERCE", "ASSAULT"}
    assert 330 <= sum(len(r.events) for r in plover.records) <= 420
    assert all(r.text and r.date == "2000-01-01" for r in plover.records)

    units = ev.load(root / "petrarch2" / "PETR.UnitTest.records.xml")
    assert len(units.records) == 284
    assert sum(len(r.events) for r in units.records) == 359      # 385 codings less 26 no-event ones
    assert sum(not r.events for r in units.records) >= 19

    for n in (9, 10):
        cb = ev.load(root / "CAMEO_ConfliBERT" / f"training_round_{n}" / "summary.csv")
        assert 40 <= len(cb.records) <= 100
        assert any(r.events for r in cb.records) and any(r.relevant is False for r in cb.records)

    a = petrarch.import_file(root / "petrarch2" / "PETR.Validate.actors.txt", tmp_path)
    g = petrarch.import_file(root / "petrarch2" / "PETR.Validate.agents.txt", tmp_path)
    assert a.kind == "actors" and 100 <= a.records <= 200 and a.dated >= 10
    assert g.kind == "agents" and 60 <= g.records <= 120
    kb = build(tmp_path)
    assert kb.person("Arnor").at(None).country == "ARN"
    assert kb.person("Gollum").at(dt.date(1997, 1, 1)).sector == "GOV"
    assert kb.sectors["en"]["minister of silly walks"] == "GOV"


@pytest.mark.shared
@pytest.mark.slow
def test_eval_events_end_to_end_on_plover(shared):
    path = shared / "eventdata" / "PLOVER" / "PLOVER_GSR_CAMEO.txt"
    r = run_cli("eval", "events", str(path), "--limit", "10", "--misses", "3", "--json")
    assert r.returncode == 0, r.stderr.decode()
    m = json.loads(r.stdout)
    assert m["records"] == 10 and m["failures"] == 0 and m["gold_events"] >= 10
    assert set(m["levels"]) == {"root", "full", "dyad", "root+dyad", "full+dyad"}
    for c in m["levels"].values():
        assert 0.0 <= c["precision"] <= 1.0 and 0.0 <= c["recall"] <= 1.0
        assert c["tp"] + c["fn"] == m["gold_events"]
    assert m["levels"]["root+dyad"]["tp"] <= m["levels"]["root"]["tp"]
    assert len(m["misses"]) <= 3
    r = run_cli("eval", "events", str(path), "--limit", "3", "--misses", "1")
    assert r.returncode == 0 and "PLOVER type + dyad" in r.stdout.decode()
