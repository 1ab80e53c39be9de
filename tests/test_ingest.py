"""Reading every input kind, and refusing bad input with one clear line."""

from __future__ import annotations

import gzip
import json

import pytest

from cronaca.errors import (
    BinaryInputError,
    EmptyInputError,
    FetchError,
    InputTooLargeError,
)
from cronaca.ingest.decode import decode, looks_like_html, to_text
from cronaca.ingest.fetch import fetch
from cronaca.ingest.readers import doc_id, read
from cronaca.model import Document, Failure
from cronaca.settings import Settings

ITALIAN = "Il presidente è tornato in città. La novità è che l'università riaprirà lunedì."


def _one(source, **settings):
    items = list(read(source, Settings(**settings)))
    assert len(items) == 1, items
    return items[0]


# --------------------------------------------------------------------------- decoding


def test_utf8_and_bom():
    assert decode(ITALIAN.encode("utf-8"), "x") == (ITALIAN, "utf-8")
    text, enc = decode(b"\xef\xbb\xbf" + ITALIAN.encode("utf-8"), "x")
    assert text == ITALIAN and enc == "utf-8-sig"
    text, _ = to_text(ITALIAN.encode("utf-16"), "x", 10_000)
    assert text == ITALIAN


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_western_8bit_text_is_read_as_windows_1252(encoding):
    data = (ITALIAN + " Costo: 5 € “virgolette”.").encode("cp1252") if encoding == "cp1252" \
        else ITALIAN.encode("latin-1")
    text, used = decode(data, "x")
    assert "città" in text and "università" in text
    assert used in {"cp1252", "latin-1"}
    if encoding == "cp1252":
        assert "€" in text and "“virgolette”" in text


def test_declared_charset_of_html_is_honoured():
    html = ('<html><head><meta charset="iso-8859-1"></head><body><p>' + ITALIAN +
            "</p></body></html>").encode("latin-1")
    text, _ = decode(html, "x")
    assert "città" in text


def test_binary_and_empty_inputs_are_refused():
    with pytest.raises(BinaryInputError, match="PDF"):
        to_text(b"%PDF-1.7\n%\xe2\xe3", "doc.pdf", 10_000)
    with pytest.raises(BinaryInputError, match="binary"):
        to_text(bytes(range(256)) * 10, "blob", 10_000)
    with pytest.raises(EmptyInputError, match="empty"):
        to_text(b"  \n\t ", "empty.txt", 10_000)


def test_gzip_is_read_and_bombs_are_capped():
    assert to_text(gzip.compress(ITALIAN.encode()), "x.gz", 10_000)[0] == ITALIAN
    bomb = gzip.compress(b"a" * 5_000_000)
    with pytest.raises(InputTooLargeError, match="decompresses to more than"):
        to_text(bomb, "bomb.gz", 1_000_000)
    with pytest.raises(BinaryInputError, match="broken gzip"):
        to_text(b"\x1f\x8b" + b"garbage" * 10, "bad.gz", 10_000)


def test_html_sniffing():
    assert looks_like_html("<!DOCTYPE html><html><body>x</body></html>")
    assert looks_like_html("<div><p>uno</p><p>due</p></div>")
    assert not looks_like_html("Testo semplice con 3 < 4 e 5 > 2.")


# --------------------------------------------------------------------------- readers


def test_plain_text_and_html_files(examples):
    doc = _one(examples["port_strike_en.txt"])
    assert isinstance(doc, Document) and doc.format == "text"
    doc = _one(examples["lukashenko_xi_it.html"])
    assert doc.format == "html" and doc.id == doc_id(doc.content)


def test_gzipped_file(tmp_path, examples):
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(examples["lukashenko_xi_it.html"].read_bytes()))
    doc = _one(path)
    assert doc.format == "html" and "Lukashenko" in doc.content


def test_jsonl_records_good_and_bad(tmp_path, caplog):
    lines = [
        {"id": "a1", "url": "https://example.org/a1", "date": "2023-03-01", "lang": "it",
         "text": ITALIAN},
        {"id": "a2", "html": "<html><body><p>" + ITALIAN + "</p></body></html>",
         "date": "1 marzo 2023"},
        {"id": "a3"},
        "not an object",
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n{broken json\n", encoding="utf-8")
    items = list(read(path))
    docs = [i for i in items if isinstance(i, Document)]
    failures = [i for i in items if isinstance(i, Failure)]
    assert [d.id for d in docs] == ["a1", "a2"]
    assert docs[0].date == "2023-03-01" and docs[0].lang == "it" and docs[0].format == "text"
    assert docs[1].date is None and docs[1].format == "html"     # malformed date dropped
    assert "malformed date" in caplog.text
    assert len(failures) == 3
    assert all(f.error.startswith("[E106]") and "\n" not in f.error for f in failures)
    assert failures[0].source.endswith("batch.jsonl:3")


def test_gzipped_jsonl(tmp_path):
    path = tmp_path / "batch.jsonl.gz"
    path.write_bytes(gzip.compress((json.dumps({"text": ITALIAN}) + "\n").encode()))
    doc = _one(path)
    assert doc.content == ITALIAN and doc.id == doc_id(ITALIAN)


def test_folder_is_read_recursively_and_survives_bad_files(tmp_path, examples):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "a.txt").write_text(ITALIAN, encoding="utf-8")
    (tmp_path / "sub" / "b.html").write_bytes(examples["lukashenko_xi_it.html"].read_bytes())
    (tmp_path / "sub" / "deeper" / "c.txt").write_bytes(ITALIAN.encode("cp1252"))
    (tmp_path / "sub" / "empty.txt").write_bytes(b"")
    (tmp_path / "sub" / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 64)
    (tmp_path / ".hidden.txt").write_text(ITALIAN)
    items = list(read(tmp_path))
    docs = [i for i in items if isinstance(i, Document)]
    failures = {i.source.rsplit("/", 1)[-1]: i.error for i in items if isinstance(i, Failure)}
    assert sorted(d.source.rsplit("/", 1)[-1] for d in docs) == ["a.txt", "b.html", "c.txt"]
    assert set(failures) == {"empty.txt", "photo.jpg"}
    assert "JPEG" in failures["photo.jpg"] and "empty" in failures["empty.txt"]


def test_large_page_is_refused(tmp_path):
    path = tmp_path / "huge.html"
    path.write_bytes(b"<html><body>" + b"<p>parola parola parola</p>" * 1_900_000 + b"</body></html>")
    assert path.stat().st_size > 50_000_000
    item = _one(path)
    assert isinstance(item, Failure) and "[E103]" in item.error and "--max-bytes" in item.error


def test_missing_path():
    item = _one("/no/such/file.txt")
    assert isinstance(item, Failure) and "no such file" in item.error


# --------------------------------------------------------------------------- URLs (real server)


def test_fetch_html_text_gzip_and_redirect(server):
    doc = _one(f"{server}/it.html")
    assert doc.format == "html" and doc.url == f"{server}/it.html"
    doc = _one(f"{server}/en.txt")
    assert doc.format == "text" and "Rotterdam" in doc.content
    assert "città" in _one(f"{server}/latin1.txt").content
    assert _one(f"{server}/page.html.gz").format == "html"
    doc = _one(f"{server}/redirect")
    assert doc.url == f"{server}/it.html"


def test_fetch_failures_are_one_line(server):
    for path, code, words in [("/missing", "E105", "HTTP 404"), ("/image.png", "E102", "PNG")]:
        item = _one(f"{server}{path}")
        assert isinstance(item, Failure) and f"[{code}]" in item.error and words in item.error
    with pytest.raises(FetchError, match="no answer within|timed out"):
        fetch(f"{server}/slow", Settings(fetch_timeout=0.5))
    with pytest.raises(InputTooLargeError):
        fetch(f"{server}/huge", Settings(max_bytes=1_000_000))


def test_unreachable_url():
    item = _one("http://127.0.0.1:9/nothing-listens-here", fetch_timeout=2)
    assert isinstance(item, Failure) and "[E105]" in item.error and "cannot connect" in item.error
