"""Turn whatever a user points Cronaca at into ``Document`` objects.

A source is a file (text, HTML, either gzipped), a JSON Lines file of records, a folder
(read recursively), ``-`` for standard input, or an http(s) URL.  Reading a batch never stops
on one bad document: each failure is yielded as a ``Failure`` with a one-line reason and the
caller decides whether to log it or stop.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from cronaca.errors import CronacaError, InputError, RecordError
from cronaca.ingest.decode import looks_like_html, read_limited, to_text
from cronaca.ingest.fetch import fetch, is_url
from cronaca.model import Document, Failure
from cronaca.settings import DEFAULT, Settings

log = logging.getLogger(__name__)

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")


def doc_id(text: str) -> str:
    """A stable id from the content, so the same text read twice gets the same id."""
    normalised = " ".join(text.split()).lower()
    return "d" + hashlib.sha1(normalised.encode("utf-8")).hexdigest()[:16]


def iso_date(value, source: str) -> str | None:
    """Normalise a given date to ``YYYY-MM-DD``; a malformed one is dropped with a warning."""
    if value in (None, ""):
        return None
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        log.warning("%s: ignoring malformed date %r (expected YYYY-MM-DD)", source, text)
        return None


def read(source: str | os.PathLike, settings: Settings = DEFAULT) -> Iterator[Document | Failure]:
    """Every document in ``source``; failures are yielded, not raised."""
    source = str(source)
    try:
        if source == "-":
            yield from _from_bytes(read_limited(sys.stdin.buffer, "<stdin>", settings.max_bytes),
                                   "<stdin>", settings)
        elif is_url(source):
            got = fetch(source, settings)
            text, encoding = to_text(got.data, source, settings.max_bytes, got.charset)
            yield _document(text, source, settings, encoding=encoding, url=got.url,
                            fmt="html" if "html" in got.content_type or looks_like_html(text)
                            else "text")
        else:
            path = Path(source)
            if path.is_dir():
                yield from _folder(path, settings)
            elif path.is_file():
                yield from _file(path, settings)
            else:
                raise InputError(f"{source}: no such file, folder or URL")
    except CronacaError as exc:
        yield Failure(source=source, error=str(exc))


def _folder(folder: Path, settings: Settings) -> Iterator[Document | Failure]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(root) / name
            try:
                yield from _file(path, settings)
            except CronacaError as exc:
                yield Failure(source=str(path), error=str(exc))
            except OSError as exc:
                yield Failure(source=str(path), error=f"[E100] {path}: cannot read ({exc.strerror})")


def _file(path: Path, settings: Settings) -> Iterator[Document | Failure]:
    if path.name.lower().endswith(JSONL_SUFFIXES):
        yield from _jsonl_file(path, settings)
        return
    with path.open("rb") as fh:
        data = read_limited(fh, str(path), settings.max_bytes)
    yield from _from_bytes(data, str(path), settings)


def _jsonl_file(path: Path, settings: Settings) -> Iterator[Document | Failure]:
    """Stream a JSON Lines file of any size; each record is size-checked on its own."""
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        with opener(path, "rt", encoding="utf-8", errors="replace") as fh:
            yield from _records(fh, str(path), settings)
    except (OSError, EOFError) as exc:
        yield Failure(source=str(path), error=f"[E102] {path}: broken file ({exc})")


def _from_bytes(data: bytes, source: str, settings: Settings) -> Iterator[Document | Failure]:
    text, encoding = to_text(data, source, settings.max_bytes)
    if _looks_like_jsonl(text):
        yield from _records(text.splitlines(), source, settings)
    else:
        yield _document(text, source, settings, encoding=encoding)


def _looks_like_jsonl(text: str) -> bool:
    first = next((line for line in text.splitlines() if line.strip()), "")
    if not first.lstrip().startswith("{"):
        return False
    try:
        record = json.loads(first)
    except json.JSONDecodeError:
        return False
    return isinstance(record, dict) and ("text" in record or "html" in record)


def _records(lines, source: str, settings: Settings) -> Iterator[Document | Failure]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            yield _record(line, where, settings)
        except CronacaError as exc:
            yield Failure(source=where, error=str(exc))


def _record(line: str, where: str, settings: Settings) -> Document:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise RecordError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(record, dict):
        raise RecordError(f"{where}: a record must be a JSON object")
    html, body = record.get("html"), record.get("text")
    content = html if isinstance(html, str) and html.strip() else body
    if not isinstance(content, str) or not content.strip():
        raise RecordError(f"{where}: record has no 'text' or 'html'")
    if len(content.encode("utf-8", "replace")) > settings.max_bytes:
        raise InputError(f"{where}: record is larger than the limit; raise --max-bytes")
    lang = record.get("lang")
    return Document(
        id=str(record["id"]) if record.get("id") not in (None, "") else doc_id(content),
        content=content,
        format="html" if content is html else "text",
        source=where,
        url=record.get("url") or None,
        date=iso_date(record.get("date"), where),
        lang=lang.lower() if isinstance(lang, str) and lang.strip() else None,
        title=record.get("title") or None,
        encoding="utf-8",
    )


def _document(text: str, source: str, settings: Settings, *, encoding: str,
              url: str | None = None, fmt: str | None = None) -> Document:
    return Document(
        id=doc_id(text),
        content=text,
        format=fmt or ("html" if looks_like_html(text) else "text"),
        source=source,
        url=url,
        encoding=encoding,
    )
