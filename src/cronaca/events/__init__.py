"""Events stage: code every event of a parsed article, and its quotations."""

from __future__ import annotations

import datetime as dt
import logging

from cronaca.model import Article, Discard

log = logging.getLogger(__name__)


def extract(article: Article) -> Article:
    """Fill ``article.events`` and ``article.quotes`` (the article must be parsed).  A language
    with no pipeline is coded coarsely (``cronaca.events.coarse``) and has no quotes.  An article
    that contains one of the user's story discard phrases gets neither (``*.discards.yaml``)."""
    # imported here, not above: the actor resolver imports events.syntax, so importing this
    # package must not import the resolver back
    from cronaca.actors.kb import knowledge_base
    from cronaca.actors.resolve import Context
    from cronaca.events import coarse
    from cronaca.events.coder import code_article
    from cronaca.geo.gazetteer import gazetteer
    from cronaca.lang import parsable
    from cronaca.quotes.quotes import find_quotes

    article.discarded = []
    found = knowledge_base().discarded(article.text, "story")
    if found is not None:
        article.discarded = [Discard(found[0], None, found[1])]
        article.events, article.quotes = [], []
        log.info("%s: not coded: it contains the story discard %r (%s)", article.source, *found)
        return article
    if article.language not in parsable():
        coarse.code_article(article)
        article.quotes = []
        return article
    code_article(article)
    pub = dt.date.fromisoformat(article.published) if article.published else None
    ctx = Context(article.language or "", pub, knowledge_base(), gazetteer(), [])
    article.quotes = find_quotes(article, ctx)
    return article
