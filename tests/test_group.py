"""Grouping mentions into events: compatibility rules, union-find, near-duplicates, end to end."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from cronaca.store.group import (Mention, UnionFind, candidate_pairs, compatible, find_duplicates,
                                 group_mentions, units)

D = dt.date(2026, 3, 9)


def m(id: str, root: str = "04", src: str | None = "BLR", tgt: str | None = "CHN", *,
      date: dt.date | None = D, precision: str = "day", source: str = "text",
      loc: str | None = None, article: str | None = None, ssec: str | None = None,
      tsec: str | None = None, sentence: str = "") -> Mention:
    return Mention(id=id, article_id=article or "a" + id, cameo_root=root, source_country=src,
                   target_country=tgt, source_sector=ssec, target_sector=tsec, date=date,
                   precision=precision, date_source=source, location_country=loc,
                   sentence=sentence)


# --------------------------------------------------------------------------- rules


def test_same_root_and_actors_are_compatible():
    assert compatible(m("1"), m("2"))
    assert not compatible(m("1"), m("2", root="05"))


def test_source_must_match_and_targets_when_both_known():
    assert not compatible(m("1", "19", "RUS", "UKR"), m("2", "19", "BLR", "UKR"))
    assert not compatible(m("1", "19", "RUS", "UKR"), m("2", "19", "RUS", "POL"))
    assert compatible(m("1", "19", "RUS", "UKR"), m("2", "19", "RUS", None))
    assert not compatible(m("1", "19", None, "UKR"), m("2", "19", None, "UKR"))  # nobody known


def test_reciprocal_roots_are_unordered_others_are_not():
    assert compatible(m("1", "04", "BLR", "CHN"), m("2", "04", "CHN", "BLR"))
    assert compatible(m("1", "05", "BLR", "CHN"), m("2", "05", "CHN", None))
    assert compatible(m("1", "06", "BLR", None), m("2", "06", "CHN", "BLR"))
    assert not compatible(m("1", "19", "RUS", "UKR"), m("2", "19", "UKR", "RUS"))
    assert not compatible(m("1", "04", "BLR", None), m("2", "04", "CHN", None))


def test_sectors_compatible_by_family():
    assert compatible(m("1", ssec="GOV"), m("2", ssec="MIL"))
    assert compatible(m("1", "14", "FRA", ssec="CVL"), m("2", "14", "FRA", ssec="LAB"))
    assert not compatible(m("1", "14", "FRA", ssec="CVL"), m("2", "14", "FRA", ssec="GOV"))
    assert compatible(m("1", ssec="GOV"), m("2"))


def test_dates_tolerance_follows_the_coarser_precision():
    day = dt.timedelta(days=1)
    assert compatible(m("1"), m("2", date=D + day))
    assert not compatible(m("1"), m("2", date=D + 2 * day))
    march = dict(date=dt.date(2026, 3, 1), precision="month")
    assert compatible(m("1", date=dt.date(2026, 3, 31)), m("2", **march))
    assert not compatible(m("1", date=dt.date(2026, 4, 1)), m("2", **march))
    year = dict(date=dt.date(2026, 1, 1), precision="year")
    assert compatible(m("1", date=dt.date(2026, 12, 31)), m("2", **year))
    assert not compatible(m("1", date=dt.date(2025, 12, 31)), m("2", **year))
    # a publication date: that day or the day before (so up to two days before a text date)
    assert compatible(m("1", date=D), m("2", date=D + 2 * day, source="publication"))
    assert not compatible(m("1", date=D), m("2", date=D + 3 * day, source="publication"))
    assert not compatible(m("1", date=None), m("2", date=None))   # undated, other articles


def test_locations_same_country_or_one_missing():
    assert compatible(m("1", loc="CHN"), m("2", loc=None))
    assert not compatible(m("1", loc="CHN"), m("2", loc="BLR"))


# --------------------------------------------------------------------------- union-find, groups


def test_union_find_components():
    uf = UnionFind("abcdef")
    uf.union("a", "b")
    uf.union("c", "b")
    uf.union("e", "f")
    assert uf.components() == [["a", "b", "c"], ["d"], ["e", "f"]]
    assert uf.find("c") == "a"


def test_candidate_pairs_blocked_and_windowed():
    ms = [m("1"), m("2", "04", "CHN", "BLR"), m("3", date=D + dt.timedelta(days=30)),
          m("4", "19", "RUS", "UKR")]
    assert candidate_pairs(ms) == {("1", "2")}


def _random_mentions(rng, n: int) -> list[Mention]:
    """Small random mentions over few values, with copies of shared sentences."""
    out = []
    for i in range(n):
        original = rng.choice(["a1", "a2", "a3"])
        out.append(Mention(
            id=f"{i:03d}", article_id=rng.choice([original, f"c{i}", f"c{i % 5}"]),
            cameo_root=rng.choice(["04", "19"]), source_country=rng.choice(["BLR", "CHN", None]),
            target_country=rng.choice(["BLR", "CHN", None]),
            source_name=rng.choice([None, "Lukashenko"]),
            source_sector=rng.choice([None, "GOV", "MIL", "CVL"]),
            date=rng.choice([None, D, D + dt.timedelta(days=1), D + dt.timedelta(days=3)]),
            precision=rng.choice(["day", "day", "month"]),
            date_source=rng.choice(["text", "publication"]),
            location_country=rng.choice([None, None, "CHN"]),
            sentence=rng.choice(["", "They met.", "They fought."]), original=original,
            row={"cameo": "040", "source_text": "x", "target_text": "y"}))
    return out


@pytest.mark.parametrize("seed", range(20))
def test_candidate_pairs_are_every_compatible_pair(seed):
    """Units, blocks and windows find exactly the pairs that a check of every pair finds."""
    import random

    ms = _random_mentions(random.Random(seed), 60)
    brute = {(a.id, b.id) for i, a in enumerate(ms) for b in ms[i + 1:] if compatible(a, b)}
    assert candidate_pairs(ms) == brute


def test_a_story_told_a_thousand_times_is_a_few_units():
    ms = [m(f"{i:04d}", sentence="Lukashenko met Xi", date=D + dt.timedelta(days=i % 2))
          for i in range(3000)]
    found = units(ms)
    assert len(found.members) == 2 and found.pairs == {(0, 1)}
    result = group_mentions(ms)
    assert len(result.groups) == 1 and len(result.groups[0]) == 3000 and result.chained == 0


def _groups(result):
    return sorted(sorted(x.id for x in g) for g in result.groups)


def test_clique_is_one_event_and_hard_negative_stays_apart():
    ms = [m("1"), m("2", "04", "CHN", "BLR", date=D + dt.timedelta(days=1)),
          m("3", "04", "BLR", None), m("4", date=D + dt.timedelta(days=11))]  # 4: another day
    assert _groups(group_mentions(ms)) == [["1", "2", "3"], ["4"]]


def test_chained_component_ambiguity_and_the_tie_breaker():
    later = D + dt.timedelta(days=7)
    march = dict(date=dt.date(2026, 3, 1), precision="month")
    ms = [m("a1", sentence="Lukashenko met Xi in Beijing"),
          m("a2", sentence="Lukashenko and Xi met in Beijing"),
          m("b1", date=later, sentence="the prime ministers met in Minsk"),
          m("v", **march, sentence="in March Lukashenko met Xi in Beijing")]
    plain = group_mentions(ms)
    assert plain.chained == 1 and plain.ambiguous == 1
    assert _groups(plain) == [["a1", "a2"], ["b1", "v"]]     # nearest in date: the wrong one

    def embed(texts):                 # a toy embedder: Beijing vs Minsk
        return [[1.0, 0.0] if "Beijing" in t else [0.0, 1.0] for t in texts]

    tied = group_mentions(ms, embed)
    assert tied.embedded == 1
    assert _groups(tied) == [["a1", "a2", "v"], ["b1"]]


# --------------------------------------------------------------------------- near-duplicates

TEXT = ("Belarusian President Alexander Lukashenko met Chinese President Xi Jinping in Beijing on "
        "March 9. The two leaders discussed trade, transport corridors and regional security. "
        "Lukashenko thanked Beijing for its economic support. Officials said several cooperation "
        "agreements would be signed later this year.")


def test_minhash_links_a_near_copy_to_the_earliest():
    copy = TEXT.upper().replace(".", " .") + " Reporting by Eastwire."
    other = ("Russian forces fired missiles at Kharkiv on March 11, hitting a school and killing "
             "four people. Rescue teams worked through the morning.")
    links = find_duplicates([("a1", TEXT), ("a2", other), ("a3", copy)])
    assert [(a, b) for a, b, _ in links] == [("a3", "a1")]
    assert links[0][2] >= 0.8


# --------------------------------------------------------------------------- end to end

HANDFUL = ("lx-en-1", "lx-en-1-copy", "lx-it-1", "pm-en-1")


@pytest.mark.slow
def test_ingest_groups_two_reports_and_keeps_the_hard_negative(tmp_path):
    from cronaca.eval.clusters import data_dir
    from cronaca.pipeline import Pipeline
    from cronaca.store import Store
    from cronaca.store.group import group
    from cronaca.store.ingest import ingest

    lines = (data_dir() / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    source = tmp_path / "few.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records if r["id"] in HANDFUL))
    with Store.open(tmp_path / "g.duckdb") as store:
        ingest(store, [str(source)], Pipeline(stages=("parse", "events")))
        sql = """SELECT e.date, e.num_mentions, e.num_articles, e.num_sources,
                        e.num_languages, list(DISTINCT a.doc_id ORDER BY a.doc_id)
                 FROM events e JOIN mentions m ON m.event_id = e.event_id
                 JOIN articles a ON a.id = m.article_id
                 WHERE e.cameo_root = '04' GROUP BY ALL ORDER BY e.date"""
        rows = store.con.execute(sql).fetchall()
        assert [r[1:] for r in rows] == [
            (3, 2, 2, 2, ["lx-en-1", "lx-en-1-copy", "lx-it-1"]),   # the copy: a mention only
            (1, 1, 1, 1, ["pm-en-1"])]                               # another day: apart
        assert store.con.execute("SELECT count(*) FROM duplicates").fetchone()[0] == 1
        events = store.con.execute("SELECT * FROM events ORDER BY event_id").fetchall()
        group(store)                                                 # idempotent
        assert store.con.execute("SELECT * FROM events ORDER BY event_id").fetchall() == events
        assert store.con.execute("SELECT count(*) FROM mentions WHERE event_id IS NOT NULL AND "
                                 "event_id NOT IN (SELECT event_id FROM events)").fetchone()[0] == 0
