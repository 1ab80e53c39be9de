"""Clean stage: a ``Document`` becomes an ``Article`` with clean text, metadata and language."""

from __future__ import annotations

import re
import unicodedata

from cronaca.clean.clutter import filter_text
from cronaca.clean.html import Extracted, extract
from cronaca.errors import NoTextError
from cronaca.ingest.readers import iso_date
from cronaca.lang.identify import identify
from cronaca.model import Article, Document, Removal
from cronaca.settings import DEFAULT, Settings

_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_SPACES = re.compile("[\u00a0\u2007\u202f\u2009\u200a\u3000\t]+")


def normalize_text(text: str) -> str:
    """NFC, no soft hyphens or zero-width marks, ordinary spaces, Unix newlines."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _SPACES.sub(" ", _INVISIBLE.sub("", text))


def clean(document: Document, settings: Settings = DEFAULT, lang: str | None = None) -> Article:
    """Extract (HTML), filter clutter, identify the language.  ``lang`` overrides detection."""
    page = extract(document.content, document.source, document.url, settings.extraction_mode) \
        if document.format == "html" else None
    return finish(document, page, settings, lang)


def finish(document: Document, page: Extracted | None, settings: Settings = DEFAULT,
           lang: str | None = None) -> Article:
    """Everything after HTML extraction (``page`` is None for plain text)."""
    title = document.title
    author = published = site = None
    removed: list[Removal] = []
    if page is not None:
        text = page.text
        title = title or page.title
        author, published, site = page.author, page.date, page.site
        boilerplate = page.page_chars - len(" ".join(text.split()))
        if boilerplate > 0:
            removed.append(Removal(text="", reason="page-boilerplate",
                                   rule=f"{boilerplate} characters of page text outside the "
                                        "main content (trafilatura)"))
    else:
        text = document.content
    text = normalize_text(text)
    if settings.clutter_filter:
        filtered = filter_text(text, title)
        text = filtered.text
        title = title or filtered.title
        author = author or filtered.author
        removed += filtered.removed
    text = text.strip()
    if len(text) < settings.min_text_chars:
        raise NoTextError(f"{document.source}: no article text left after cleaning "
                          f"({len(text)} characters)")

    if lang:
        language, score, how = lang.lower(), None, "given"
    elif document.lang:
        language, score, how = document.lang, None, "record"
    else:
        guess = identify(text)
        language, score, how = guess.code, round(guess.score, 4), "detected"
    return Article(
        id=document.id,
        text=text,
        source=document.source,
        format=document.format,
        title=title,
        author=author,
        published=document.date or iso_date(published, document.source),
        site=site,
        url=document.url,
        language=language,
        language_score=score,
        language_source=how,
        removed=removed,
    )
