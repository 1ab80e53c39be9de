"""Main text and metadata out of an HTML page, with trafilatura."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from cronaca.errors import NoTextError

log = logging.getLogger(__name__)

# trafilatura logs a warning for every odd page; Cronaca reports its own one-line reasons.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


@dataclass
class Extracted:
    text: str
    title: str | None
    author: str | None
    date: str | None
    site: str | None
    page_chars: int            # visible characters on the whole page, for --explain


MODES = {"precision": {"favor_precision": True}, "balanced": {}, "recall": {"favor_recall": True}}


def extract(html: str, source: str, url: str | None = None, mode: str = "precision") -> Extracted:
    """Run trafilatura's main-content extraction (tables kept, comments dropped)."""
    import trafilatura
    from lxml import html as lxml_html
    from lxml.etree import ParserError

    def run(options):
        try:
            return trafilatura.bare_extraction(
                html, url=url, with_metadata=True, include_comments=False, include_tables=True,
                deduplicate=False, **options)
        except (ValueError, ParserError, TypeError) as exc:
            raise NoTextError(f"{source}: HTML could not be parsed ({exc})") from None

    result = run(MODES[mode])
    if mode == "precision" and (result is None or len((result.text or "").strip()) < 200):
        # Precision mode sometimes discards a whole short article; losing an article is worse
        # than keeping a little boilerplate, so fall back to the balanced extraction.
        fallback = run(MODES["balanced"])
        if fallback is not None and len(fallback.text or "") > len((result and result.text) or ""):
            result = fallback
    if result is None or not (result.text or "").strip():
        raise NoTextError(f"{source}: no article text found in the HTML")
    try:
        page_chars = len(" ".join(lxml_html.fromstring(html).text_content().split()))
    except (ValueError, ParserError):
        page_chars = len(html)
    return Extracted(
        text=result.text,
        title=result.title or None,
        author=result.author or None,
        date=result.date or None,
        site=result.sitename or result.hostname or None,
        page_chars=page_chars,
    )
