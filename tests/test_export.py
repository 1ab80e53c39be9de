"""`cronaca export --format gdelt|plover`: GDELT 2.0 tables and PLOVER records read back.

The example articles are ingested once into a temporary DuckDB file by the real command, then
exported in both layouts; every check compares the files with the store they came from.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
from pathlib import Path

import duckdb
import pytest

from cronaca.store.export import (GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS, PLOVER_QUAD,
                                  global_event_id)
from conftest import SHARED, run_cli

pytestmark = pytest.mark.slow

PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
                "COERCE", "ASSAULT"}
GDELT_DOCS = SHARED / "data" / "eventdata" / "gdelt"


def _rows(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def _tsv(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == ""                       # every line ends with a newline
    return [line.split("\t") for line in lines[:-1]]


@pytest.fixture(scope="module")
def db(tmp_path_factory, examples) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for path in examples.values():
        shutil.copy(path, folder / path.name)
    db = tmp_path_factory.mktemp("db") / "corpus.duckdb"
    proc = run_cli("ingest", str(folder), "--db", str(db), "--date", "2023-03-01")
    assert proc.returncode == 0, proc.stderr.decode()
    assert _rows(db, "SELECT count(*) FROM events")[0][0] > 0
    return db


@pytest.fixture(scope="module")
def gdelt(db, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("gdelt") / "out"
    proc = run_cli("export", "--db", str(db), "--format", "gdelt", str(out))
    assert proc.returncode == 0, proc.stderr.decode()
    assert "events.CSV" in proc.stdout.decode()
    return out


@pytest.fixture(scope="module")
def plover(db, tmp_path_factory) -> list[dict]:
    out = tmp_path_factory.mktemp("plover") / "events.jsonl"
    proc = run_cli("export", "--db", str(db), "--format", "plover", str(out))
    assert proc.returncode == 0, proc.stderr.decode()
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_gdelt_shape_and_ids(db, gdelt):
    assert sorted(p.name for p in gdelt.iterdir()) == ["events.CSV", "mentions.CSV"]
    events, mentions = _tsv(gdelt / "events.CSV"), _tsv(gdelt / "mentions.CSV")
    assert len(GDELT_EVENT_COLUMNS) == 61 and len(GDELT_MENTION_COLUMNS) == 16
    assert {len(row) for row in events} == {61}
    assert {len(row) for row in mentions} == {16}
    assert len(events) == _rows(db, "SELECT count(*) FROM events")[0][0]
    assert len(mentions) == _rows(db, "SELECT count(*) FROM mentions "
                                      "WHERE event_id IS NOT NULL")[0][0]
    ids = [row[0] for row in events]
    assert len(set(ids)) == len(ids)
    assert all(i.isdigit() and 0 < int(i) < 2 ** 63 for i in ids)
    assert {row[0] for row in mentions} <= set(ids)
    # every event has at least one mention, and the ids are the stable hash of the store's id
    assert {row[0] for row in mentions} == set(ids)
    store_ids = {str(global_event_id(r[0])) for r in _rows(db, "SELECT event_id FROM events")}
    assert store_ids == set(ids)


def test_gdelt_fields_match_store(db, gdelt):
    col = {name: i for i, name in enumerate(GDELT_EVENT_COLUMNS)}
    store = {str(global_event_id(r[0])): r for r in _rows(db, """
        SELECT event_id, date, source_code, source_country, target_code, cameo, cameo_root,
               quad_class, goldstein, num_mentions, first_seen, location_name FROM events""")}
    events = _tsv(gdelt / "events.CSV")
    for row in events:
        (_, date, source_code, source_country, target_code, cameo, root, quad, goldstein,
         num_mentions, first_seen, location_name) = store[row[0]]
        if date is None:
            assert row[col["Day"]] == row[col["MonthYear"]] == row[col["Year"]] == ""
        else:
            day = row[col["Day"]]
            assert day == date.strftime("%Y%m%d")
            assert row[col["MonthYear"]] == day[:6] and row[col["Year"]] == day[:4]
            assert float(row[col["FractionDate"]]) == pytest.approx(
                date.year + (date.month * 30 + date.day) / 365, abs=1e-4)
        assert row[col["Actor1Code"]] == (source_code or "")
        assert row[col["Actor2Code"]] == (target_code or "")
        if source_country in (None, "EUR", "UNO", "IGO", "NGO", "IMG"):
            assert row[col["Actor1CountryCode"]] == ""
        else:
            assert row[col["Actor1CountryCode"]] == source_country
            assert row[col["Actor1Code"]].startswith(source_country)
            assert row[col["Actor1Code"]] == source_country + row[col["Actor1Type1Code"]]
        assert row[col["EventCode"]] == cameo
        assert row[col["EventBaseCode"]] == cameo[:3]
        assert row[col["EventRootCode"]] == root == cameo[:2]
        assert row[col["QuadClass"]] == str(quad)
        assert float(row[col["GoldsteinScale"]]) == goldstein
        assert row[col["NumMentions"]] == str(num_mentions)
        assert row[col["IsRootEvent"]] in ("0", "1")
        assert row[col["AvgTone"]] == ""                         # not computed
        assert row[col["DATEADDED"]] == first_seen.strftime("%Y%m%d%H%M%S")
        assert row[col["ActionGeo_FullName"]] == (location_name or "")
        if location_name:
            assert row[col["ActionGeo_Type"]] in ("1", "3", "4")
            assert len(row[col["ActionGeo_CountryCode"]]) == 2  # FIPS 10-4, as GDELT
            float(row[col["ActionGeo_Lat"]]), float(row[col["ActionGeo_Long"]])
        # Cronaca locates the action only
        assert all(row[col[f"{who}Geo_{c}"]] == "" for who in ("Actor1", "Actor2")
                   for c in ("Type", "FullName", "Lat", "Long"))
    # the Lukashenko-Xi meeting in Beijing: a city, its GeoNames id, China's FIPS code
    assert any(r[col["ActionGeo_FullName"]] == "Beijing" and r[col["ActionGeo_Type"]] == "4"
               and r[col["ActionGeo_CountryCode"]] == "CH"
               and r[col["ActionGeo_FeatureID"]] == "1816670" for r in events)
    assert any(r[col["Actor1Code"]] == "BLRGOV" and r[col["Actor1Type1Code"]] == "GOV"
               for r in events)


def test_gdelt_mentions_consistent(db, gdelt):
    events = {row[0]: row for row in _tsv(gdelt / "events.CSV")}
    dateadded = GDELT_EVENT_COLUMNS.index("DATEADDED")
    confidences = {round(c * 100) for (c,) in _rows(
        db, "SELECT confidence FROM mentions WHERE event_id IS NOT NULL")}
    for row in _tsv(gdelt / "mentions.CSV"):
        mention = dict(zip(GDELT_MENTION_COLUMNS, row))
        assert mention["EventTimeDate"] == events[row[0]][dateadded]
        assert len(mention["MentionTimeDate"]) == 14
        assert mention["MentionTimeDate"] >= mention["EventTimeDate"]
        assert mention["MentionType"] in ("1", "2") and mention["MentionIdentifier"]
        assert int(mention["SentenceID"]) >= 1
        assert int(mention["ActionCharOffset"]) >= 0
        assert int(mention["Confidence"]) in confidences
        assert 0 < int(mention["Confidence"]) <= 100
        assert int(mention["MentionDocLen"]) > int(mention["ActionCharOffset"])
        assert mention["InRawText"] == "1" and mention["MentionDocTone"] == ""


def test_gdelt_where_and_folder(db, tmp_path):
    out = tmp_path / "war"
    proc = run_cli("export", "--db", str(db), "--format", "gdelt", "--where",
                   "cameo_root >= '10'", str(out))
    assert proc.returncode == 0, proc.stderr.decode()
    expected = _rows(db, "SELECT count(*) FROM events WHERE cameo_root >= '10'")[0][0]
    events = _tsv(out / "events.CSV")
    assert len(events) == expected
    root = GDELT_EVENT_COLUMNS.index("EventRootCode")
    assert all(row[root] >= "10" for row in events)
    assert {r[0] for r in _tsv(out / "mentions.CSV")} == {r[0] for r in events}
    (tmp_path / "file").write_text("x")
    proc = run_cli("export", "--db", str(db), "--format", "gdelt", str(tmp_path / "file"))
    assert proc.returncode == 1 and b"is a file" in proc.stderr


def test_gdelt_columns_match_the_codebook_files():
    events_file = GDELT_DOCS / "GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv"
    mentions_file = GDELT_DOCS / "GDELT_2.0_eventMentions_Column_Labels_Header_Row_Sep2016.tsv"
    if not (events_file.is_file() and mentions_file.is_file()):
        pytest.skip(f"the GDELT field lists are not present at {GDELT_DOCS}")
    with open(events_file, encoding="utf-8", newline="") as fh:
        names = [row[0] for row in csv.reader(fh)][1:]
    with open(mentions_file, encoding="utf-8", newline="") as fh:
        mention_names = [row[1] for row in csv.reader(fh, delimiter="\t")][1:]
    mention_names = [n for n in mention_names if n and n != "Add New Fields"]
    assert len(names) == len(GDELT_EVENT_COLUMNS)
    assert len(mention_names) == len(GDELT_MENTION_COLUMNS)
    renamed = {"SQLDATE": "Day"}                 # GDELT 2.0's files call it Day
    assert [renamed.get(n, n).lower() for n in names] == \
        [n.lower() for n in GDELT_EVENT_COLUMNS]
    assert [n.lower() for n in mention_names] == [n.lower() for n in GDELT_MENTION_COLUMNS]


def test_plover_records(db, plover):
    store = {r[0]: r for r in _rows(db, "SELECT event_id, date, plover, source_country, "
                                        "target_country, cameo FROM events")}
    expected = sum(1 for r in store.values() if r[2] is not None)
    assert len(plover) == expected > 0
    for record in plover:
        for key in ("id", "date", "actor", "recipient", "event", "eventloc", "eventtext",
                    "quadcode", "mode", "context", "text", "textinfo", "citeinfo", "coder"):
            assert key in record, key
        event_id, date, plover_type, source_country, target_country, cameo = store[record["id"]]
        assert record["event"] == [plover_type] and plover_type in PLOVER_TYPES
        assert record["quadcode"] == PLOVER_QUAD[plover_type]
        assert record["cameo"] == cameo
        assert record["date"] == (date.isoformat() if date else None)
        if record["date"]:
            dt.date.fromisoformat(record["date"])
        assert isinstance(record["actor"], list) and isinstance(record["recipient"], list)
        if record["actor"]:
            assert record["actor"][0]["code"] == source_country
            assert set(record["actor"][0]) >= {"code", "sector", "entitytext"}
        if record["recipient"]:
            assert record["recipient"][0]["code"] == target_country
        assert record["mode"] is None or isinstance(record["mode"], list)
        assert record["text"] and record["eventtext"][0] in record["text"]
        info = record["textinfo"]
        assert info["end"] - info["start"] == len(record["text"])
    assert set(PLOVER_QUAD) == PLOVER_TYPES
    assert any(r["eventloc"] and r["eventloc"]["resolvedplace"] == "Beijing"
               and r["eventloc"]["geonameid"] == 1816670 and r["eventloc"]["countrycode"] == "CHN"
               for r in plover)


def test_plover_where_and_bad_table(db, tmp_path):
    out = tmp_path / "consult.jsonl"
    proc = run_cli("export", "--db", str(db), "--format", "plover", "--where",
                   "plover = 'CONSULT'", str(out))
    assert proc.returncode == 0, proc.stderr.decode()
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert records and all(r["event"] == ["CONSULT"] for r in records)
    proc = run_cli("export", "--db", str(db), "--format", "plover", "--table", "articles",
                   str(out))
    assert proc.returncode == 1 and b"--table articles does not apply" in proc.stderr
