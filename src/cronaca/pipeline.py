"""The pipeline: read -> clean -> (parse -> later stages), one document at a time.

Every stage is a function from ``Article`` to ``Article``; a stage that fails on one document
turns that document into a ``Failure`` and the run goes on.  New stages (actors, events, time,
places) plug in by name in ``STAGES``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from cronaca.clean import clean
from cronaca.errors import CronacaError
from cronaca.events import extract
from cronaca.ingest.readers import read
from cronaca.model import Article, Document, Failure
from cronaca.nlp.parse import parse
from cronaca.settings import DEFAULT, Settings

log = logging.getLogger(__name__)

Stage = Callable[[Article], Article]
STAGES: dict[str, Stage] = {"parse": parse, "events": extract}


@dataclass
class Pipeline:
    """Run the stages named in ``stages`` after cleaning; ``lang`` overrides detection."""

    stages: tuple[str, ...] = ()
    settings: Settings = DEFAULT
    lang: str | None = None
    default_date: str | None = None          # publication date for inputs that give none
    on_document: Callable[[Article | Failure], None] | None = None
    _steps: list[Stage] = field(init=False, repr=False)

    def __post_init__(self):
        unknown = [s for s in self.stages if s not in STAGES]
        if unknown:
            raise ValueError(f"unknown stage(s): {', '.join(unknown)}")
        self._steps = [STAGES[s] for s in self.stages]

    def documents(self, sources: Iterable[str]) -> Iterator[Document | Failure]:
        for source in sources:
            yield from read(source, self.settings)

    def process(self, document: Document) -> Article | Failure:
        try:
            article = clean(document, self.settings, self.lang)
            if article.published is None and self.default_date:
                article.published = self.default_date
            for step in self._steps:
                article = step(article)
            return article
        except CronacaError as exc:
            return Failure(source=document.source, error=str(exc))
        except Exception as exc:  # a bug must not kill a batch; it is reported, not hidden
            log.exception("unexpected error on %s", document.source)
            return Failure(source=document.source,
                           error=f"[E999] {document.source}: internal error "
                                 f"({type(exc).__name__}: {exc}); please report it")

    def run(self, sources: Iterable[str]) -> Iterator[Article | Failure]:
        for item in self.documents(sources):
            result = item if isinstance(item, Failure) else self.process(item)
            if isinstance(result, Failure):
                log.warning("skipped %s", result.error)
            if self.on_document:
                self.on_document(result)
            yield result
