"""Export a table of the database to CSV, JSON Lines or Parquet, by DuckDB's own COPY.

Why COPY: DuckDB streams the rows straight to the file (no Python objects, no pyarrow), so an
export of millions of rows needs neither time in Python nor memory.  Parquet is written as a
folder partitioned by year and month of the row's date (``year=2023/month=3/data_0.parquet``,
hive style, which DuckDB, Spark, pandas and Polars read back as columns); rows without a date
go to ``year=__HIVE_DEFAULT_PARTITION__``.  GDELT and PLOVER layouts are a later step.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from cronaca.store.db import ExportError, QueryError, Store, first_line

FORMATS = ("csv", "jsonl", "parquet")
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
