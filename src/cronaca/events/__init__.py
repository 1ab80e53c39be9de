"""Events stage: code every event of a parsed article, and its quotations."""

from __future__ import annotations

import datetime as dt

from cronaca.model import Article


def extract(article: Article) -> Article:
    """Fill ``article.events`` and ``article.quotes`` (the article must be parsed).  A language
    with no pipeline is coded coarsely (``cronaca.events.coarse``) and has no quotes."""
    # imported here, not above: the actor resolver imports events.syntax, so importing this
    # package must not import the resolver back
    from cronaca.actors.kb import knowledge_base
    from cronaca.actors.resolve import Context
    from cronaca.events import coarse
    from cronaca.events.coder import code_article
    from cronaca.geo.gazetteer import gazetteer
    from cronaca.lang import parsable
    from cronaca.quotes.quotes import find_quotes

    if article.language not in parsable():
        coarse.code_article(article)
        article.quotes = []
        return article
    code_article(article)
    pub = dt.date.fromisoformat(article.published) if article.published else None
    ctx = Context(article.language or "", pub, knowledge_base(), gazetteer(), [])
    article.quotes = find_quotes(article, ctx)
    return article
