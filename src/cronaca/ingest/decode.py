"""Bytes to text: decompression, binary detection, encoding detection, HTML sniffing."""

from __future__ import annotations

import codecs
import gzip
import io
import re
import zlib

from cronaca.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputTooLargeError,
)

GZIP_MAGIC = b"\x1f\x8b"
_BINARY_MAGIC = {
    b"%PDF": "PDF",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"PK\x03\x04": "ZIP archive (or Office document)",
    b"\x7fELF": "executable",
    b"BZh": "bzip2 archive",
    b"\xfd7zXZ": "xz archive",
    b"7z\xbc\xaf": "7z archive",
    b"RIFF": "RIFF media file",
    b"\x00\x00\x01\x00": "icon",
    b"OggS": "Ogg media file",
    b"ID3": "MP3 audio",
    b"SQLite format 3": "SQLite database",
}
_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HTML_START = re.compile(r"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|article)\b",
                         re.I | re.S)
_HTML_TAG = re.compile(r"</?(p|div|span|a|br|h[1-6]|li|ul|article|section|script|title)\b[^>]*>",
                       re.I)


def human_size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n:,} bytes"


def gunzip(data: bytes, source: str, max_bytes: int) -> bytes:
    """Decompress gzip data, refusing output larger than ``max_bytes`` (zip bombs too)."""
    out = io.BytesIO()
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as gz:
            while chunk := gz.read(1 << 20):
                out.write(chunk)
                if out.tell() > max_bytes:
                    raise InputTooLargeError(
                        f"{source}: decompresses to more than {human_size(max_bytes)}; "
                        "raise --max-bytes to read it")
    except (OSError, EOFError, zlib.error) as exc:
        raise BinaryInputError(f"{source}: broken gzip data ({exc})") from None
    return out.getvalue()


def check_binary(data: bytes, source: str) -> None:
    """Refuse data that is not text, naming the file type when its signature is known."""
    for magic, kind in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise BinaryInputError(f"{source}: is a {kind}, not text or HTML; skipped")
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return  # UTF-16/32 text legitimately contains NUL bytes
    head = data[:8192]
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    if b"\x00" in head or (head and controls / len(head) > 0.05):
        raise BinaryInputError(f"{source}: looks like binary data, not text or HTML; skipped")


def _candidates(data: bytes, declared: str | None) -> list[str]:
    names: list[str] = []
    for bom, name in _BOMS:
        if data.startswith(bom):
            return [name]
    names.append("utf-8")
    if declared:
        names.append(declared)
    meta = _META_CHARSET.search(data[:4096])
    if meta:
        names.append(meta.group(1).decode("ascii", "ignore"))
    return names


def decode(data: bytes, source: str, declared: str | None = None) -> tuple[str, str]:
    """Decode bytes to text; returns ``(text, encoding)``.

    UTF-8 first (it almost never decodes non-UTF-8 text by accident), then an encoding the
    input declares (HTTP header, BOM, ``<meta charset>``), then a statistical guess, then
    Windows-1252, the usual encoding of Western European text that is not UTF-8.
    """
    if not data.strip():
        raise EmptyInputError(f"{source}: is empty")
    for name in _candidates(data, declared):
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            continue
        # Pages that declare Latin-1 or ASCII are read as Windows-1252, as browsers do.
        for codec in (("cp1252", codec) if codec in {"latin-1", "ascii"} else (codec,)):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                continue
    western = _western(data)
    if western and _looks_western(western[0]):
        return western
    guess = _guess(data)
    if guess:
        return guess
    if western:
        return western
    raise EncodingError(f"{source}: cannot determine its text encoding")  # pragma: no cover


def _western(data: bytes) -> tuple[str, str] | None:
    for name in ("cp1252", "latin-1"):
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            continue
    return None  # pragma: no cover (latin-1 decodes any byte)


# In Western European text read as Windows-1252, accented letters stay letters; text in
# another 8-bit encoding read that way shows symbols glued to letters ("spotka³ siê", "mo¿e").
_SYMBOL_AFTER_LETTER = re.compile(
    "[A-Za-z][\u00a1-\u00a9\u00ab-\u00af\u00b1-\u00b9\u00bb-\u00bf\u0152\u0153"
    "\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2020\u2021\u2030\u2039"
    "\u203a]")


def _looks_western(text: str) -> bool:
    sample = text[:100_000]
    letters = [ch for ch in sample if ch.isalpha()]
    if not letters:
        return True
    ascii_share = sum(ch.isascii() for ch in letters) / len(letters)
    glued = len(_SYMBOL_AFTER_LETTER.findall(sample))
    return ascii_share >= 0.7 and glued < 1 + len(sample) // 2000


def _guess(data: bytes) -> tuple[str, str] | None:
    """charset-normalizer's guess, for text that is not in a Western 8-bit encoding."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or best.chaos > 0.2:
        return None
    name = codecs.lookup(best.encoding).name
    try:
        return data.decode(name), name
    except UnicodeDecodeError:
        return None


def looks_like_html(text: str) -> bool:
    if _HTML_START.match(text[:2000]):
        return True
    return len(_HTML_TAG.findall(text[:20000])) >= 3


def read_limited(stream, source: str, max_bytes: int) -> bytes:
    """Read a stream to the end, refusing more than ``max_bytes``."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputTooLargeError(
            f"{source}: larger than {human_size(max_bytes)}; raise --max-bytes to read it")
    return data


def to_text(data: bytes, source: str, max_bytes: int,
            declared: str | None = None) -> tuple[str, str]:
    """Whatever bytes a reader got (gzip or not) to decoded text."""
    if len(data) > max_bytes:
        raise InputTooLargeError(
            f"{source}: {human_size(len(data))} is larger than the {human_size(max_bytes)} "
            "limit; raise --max-bytes to read it")
    if data.startswith(GZIP_MAGIC):
        data = gunzip(data, source, max_bytes)
    check_binary(data, source)
    return decode(data, source, declared)
