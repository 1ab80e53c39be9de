"""Cronaca's corpus store: whole corpora ingested into one embedded DuckDB file.

``db`` holds the schema and the ``Store`` (open, transactional writes, read helpers),
``ingest`` the batch run that reads, codes and writes articles with resume and no duplicates,
``export`` the CSV / JSON Lines / Parquet writers.  The CLI commands ``ingest``, ``query``,
``stats``, ``failures`` and ``export`` are thin wrappers over these.
"""

from cronaca.store.db import (DEFAULT_DB, ExportError, QueryError, Result, Stats, Store,
                              StoreBusyError, StoreError, StoreMissingError)

__all__ = ["DEFAULT_DB", "ExportError", "QueryError", "Result", "Stats", "Store",
           "StoreBusyError", "StoreError", "StoreMissingError"]
