"""The explorer's web app: server-rendered pages, each with a JSON twin under ``/api``.

``create_app(db)`` opens the database read-only and builds a FastAPI app.  Pages are Jinja2
templates with autoescaping on (article text and evidence are untrusted input and are never
marked safe); the charts, the network and the map are drawn in the browser by the project's
own script (``static/app.js``) from the JSON API.  Nothing is fetched from another origin, and
every response carries a Content-Security-Policy that forbids inline script and other origins.
OpenAPI is served at ``/openapi.json`` and listed at ``/api`` (FastAPI's own docs pages load
their script from a CDN, so they are switched off).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
import tempfile
import zipfile
from dataclasses import asdict
from importlib import resources
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import Depends, FastAPI, Form, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader

from cronaca.errors import CronacaError, ExplorerError, NotFoundError, SlowQueryError
from cronaca.web import world
from cronaca.web.queries import (DEFAULT_PAGE, MAX_PAGE, QUAD_CLASSES, SORTS, EventFilter,
                                 Explorer, article_segments)

log = logging.getLogger(__name__)

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
EXPORT_FORMATS = ("csv", "jsonl", "parquet", "gdelt", "plover")
TRY_MAX_CHARS = 200_000
NAV = (("events", "Events"), ("timeline", "Timeline"), ("network", "Network"), ("map", "Map"),
       ("try", "Try it"), ("api", "API"))


# --------------------------------------------------------------------------- filters


def _clean(value: str | None, name: str, check, message: str) -> Any:
    """An optional filter from the query string: blank is unset, a bad value is a 400."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    try:
        out = check(value)
    except (ValueError, TypeError):
        out = None
    if out is None:
        raise ExplorerError(f"filter {name}={value[:40]!r}: {message}")
    return out


def _pattern(regex: str):
    import re

    compiled = re.compile(regex)
    return lambda v: v if compiled.fullmatch(v) else None


def _bounded(kind, low, high):
    def check(v):
        x = kind(v)
        return x if low <= x <= high else None
    return check


def _text(limit: int):
    return lambda v: v if len(v) <= limit and v.isprintable() else None


def event_filter(
        start: Annotated[str | None, Query(description="First date, YYYY-MM-DD")] = None,
        end: Annotated[str | None, Query(description="Last date, YYYY-MM-DD")] = None,
        country: Annotated[str | None, Query(description="Actor country on either side (ISO alpha-3)")] = None,
        sector: Annotated[str | None, Query(description="Actor sector on either side, e.g. GOV")] = None,
        person: Annotated[str | None, Query(description="Part of an actor's name")] = None,
        source: Annotated[str | None, Query(description="Source actor key (code, or name)")] = None,
        target: Annotated[str | None, Query(description="Target actor key (code, or name)")] = None,
        root: Annotated[str | None, Query(description="CAMEO root, two digits")] = None,
        cameo: Annotated[str | None, Query(description="CAMEO code or prefix")] = None,
        plover: Annotated[str | None, Query(description="PLOVER event type")] = None,
        quad: Annotated[str | None, Query(description="Quad class 1-4")] = None,
        lang: Annotated[str | None, Query(description="Language of a reporting article")] = None,
        site: Annotated[str | None, Query(description="Site of a reporting article")] = None,
        min_conf: Annotated[str | None, Query(description="Minimum confidence of a mention, 0-1")] = None,
        q: Annotated[str | None, Query(description="Words in an evidence sentence")] = None,
) -> EventFilter:
    date = dt.date.fromisoformat
    return EventFilter(
        start=_clean(start, "start", date, "a date is YYYY-MM-DD"),
        end=_clean(end, "end", date, "a date is YYYY-MM-DD"),
        country=_clean(country and country.upper(), "country", _pattern(r"[A-Z]{3}"),
                       "a country is three letters (ISO alpha-3), e.g. ITA"),
        sector=_clean(sector and sector.upper(), "sector", _pattern(r"[A-Z]{3}"),
                      "a sector is three letters, e.g. GOV"),
        person=_clean(person, "person", _text(100), "at most 100 printable characters"),
        source=_clean(source, "source", _text(100), "at most 100 printable characters"),
        target=_clean(target, "target", _text(100), "at most 100 printable characters"),
        root=_clean(root, "root", _pattern(r"[0-2][0-9]"), "a CAMEO root is two digits, 01-20"),
        cameo=_clean(cameo, "cameo", _pattern(r"[0-9]{2,4}"), "a CAMEO code is 2-4 digits"),
        plover=_clean(plover and plover.upper(), "plover", _pattern(r"[A-Z_]{2,40}"),
                      "a PLOVER type is a word like ASSAULT"),
        quad=_clean(quad, "quad", _bounded(int, 1, 4), "a quad class is 1, 2, 3 or 4"),
        lang=_clean(lang and lang.lower(), "lang", _pattern(r"[a-z]{2,3}"),
                    "a language is a two- or three-letter code"),
        site=_clean(site, "site", _text(200), "at most 200 printable characters"),
        min_conf=_clean(min_conf, "min_conf", _bounded(float, 0.0, 1.0),
                        "a confidence is a number from 0 to 1"),
        q=_clean(q, "q", _text(200), "at most 200 printable characters"),
    )


Filters = Annotated[EventFilter, Depends(event_filter)]


# --------------------------------------------------------------------------- templates


def safe_url(value: Any) -> str | None:
    """A link target only for http(s) URLs: ``javascript:`` and the like are never links."""
    if not isinstance(value, str):
        return None
    try:
        scheme = urlsplit(value.strip()).scheme.lower()
    except ValueError:
        return None
    return value.strip() if scheme in ("http", "https") else None


def _environment() -> Environment:
    env = Environment(loader=PackageLoader("cronaca.web", "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["safe_url"] = safe_url
    env.filters["quad_name"] = lambda q: QUAD_CLASSES.get(q, "")
    env.filters["urlencode_dict"] = lambda d: urlencode(d)
    env.globals.update(nav=NAV, quad_classes=QUAD_CLASSES, sorts=SORTS,
                       export_formats=EXPORT_FORMATS, max_page=MAX_PAGE)
    return env


def _json_default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def _json(data: Any, status: int = 200) -> Response:
    return Response(json.dumps(data, default=_json_default, ensure_ascii=False),
                    status_code=status, media_type="application/json")


# --------------------------------------------------------------------------- the app


def create_app(db: str | Path, timeout: float = 10.0, writable: bool = False) -> FastAPI:
    """The explorer over one database file, opened read-only for the app's lifetime; with
    ``writable`` (``cronaca serve --writable``) "Try it" can also store what it extracts."""
    explorer = Explorer.open(db, timeout, writable)
    env = _environment()
    app = FastAPI(title="Cronaca explorer", version="1",
                  description="Political events coded from news, with their evidence.",
                  docs_url=None, redoc_url=None)
    app.state.explorer = explorer
    env.globals["writable"] = writable
    static = resources.files("cronaca.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")

    @app.middleware("http")
    async def headers(request: Request, call_next):
        response = await call_next(request)
        for key, value in SECURITY_HEADERS.items():
            response.headers.setdefault(key, value)
        return response

    @app.exception_handler(CronacaError)
    async def cronaca_error(request: Request, exc: CronacaError):
        status = 404 if isinstance(exc, NotFoundError) else \
            503 if isinstance(exc, SlowQueryError) else 400
        if request.url.path.startswith("/api"):
            return _json({"error": str(exc), "code": exc.code}, status)
        return HTMLResponse(render("error.html", request, message=str(exc), status=status),
                            status_code=status)

    def render(name: str, request: Request, **context: Any) -> str:
        return env.get_template(name).render(request=request, path=request.url.path, **context)

    def page(name: str, request: Request, **context: Any) -> HTMLResponse:
        return HTMLResponse(render(name, request, **context))

    # ------------------------------------------------------------------ pages

    @app.get("/", include_in_schema=False)
    def home() -> RedirectResponse:
        return RedirectResponse("/events", status_code=307)

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page(request: Request, f: Filters, page_no: Annotated[int, Query(alias="page", ge=1)] = 1,
                    size: Annotated[int, Query(ge=1, le=MAX_PAGE)] = DEFAULT_PAGE,
                    sort: Annotated[str, Query(pattern="^(" + "|".join(SORTS) + ")$")] = "date",
                    order: Annotated[str, Query(pattern="^(asc|desc)$")] = "desc"):
        result = explorer.events(f, page_no, size, sort, order == "desc")
        return page("events.html", request, f=f, result=result, query=f.query(), sort=sort,
                    order=order, size=size, facets=explorer.facets(),
                    summary=explorer.summary())

    @app.get("/event/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(request: Request, event_id: str):
        return page("event.html", request, **explorer.event(event_id))

    @app.get("/article/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str):
        return page("article.html", request, **explorer.article(article_id))

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline_page(request: Request, f: Filters):
        return page("timeline.html", request, f=f, query=f.query(), facets=explorer.facets())

    @app.get("/network", response_class=HTMLResponse, include_in_schema=False)
    def network_page(request: Request, f: Filters):
        return page("network.html", request, f=f, query=f.query(), facets=explorer.facets())

    @app.get("/map", response_class=HTMLResponse, include_in_schema=False)
    def map_page(request: Request, f: Filters):
        return page("map.html", request, f=f, query=f.query(), facets=explorer.facets(),
                    outlines=world.outlines())

    @app.get("/try", response_class=HTMLResponse, include_in_schema=False)
    def try_page(request: Request):
        return page("try.html", request, result=None, text="", url="", lang="", stored=None)

    @app.post("/try", response_class=HTMLResponse, include_in_schema=False)
    def try_post(request: Request, text: Annotated[str, Form()] = "",
                 url: Annotated[str, Form()] = "", lang: Annotated[str, Form()] = "",
                 store: Annotated[bool, Form()] = False):
        result = try_extract(text, url, lang)
        stored = store_tried(explorer, writable, text, url, lang) if store else None
        return page("try.html", request, result=result, text=text, url=url, lang=lang,
                    stored=stored)

    @app.get("/api", response_class=HTMLResponse, include_in_schema=False)
    def api_page(request: Request):
        return page("api.html", request, schema=app.openapi())

    # ------------------------------------------------------------------ JSON twins

    @app.get("/api/summary", tags=["events"])
    def api_summary() -> Response:
        """Counts of articles, mentions and events, and the date range."""
        return _json(explorer.summary())

    @app.get("/api/events", tags=["events"])
    def api_events(f: Filters, page_no: Annotated[int, Query(alias="page", ge=1)] = 1,
                   size: Annotated[int, Query(ge=1, le=MAX_PAGE)] = DEFAULT_PAGE,
                   sort: Annotated[str, Query(pattern="^(" + "|".join(SORTS) + ")$")] = "date",
                   order: Annotated[str, Query(pattern="^(asc|desc)$")] = "desc") -> Response:
        """One page of grouped events matching the filters (page size at most 200)."""
        result = explorer.events(f, page_no, size, sort, order == "desc")
        return _json({"total": result.total, "page": result.page, "size": result.size,
                      "pages": result.pages, "filters": f.query(), "events": result.rows})

    @app.get("/api/events/{event_id}", tags=["events"])
    def api_event(event_id: str) -> Response:
        """One grouped event with every mention, its evidence segments and quotes."""
        return _json(explorer.event(event_id))

    @app.get("/api/articles/{article_id}", tags=["articles"])
    def api_article(article_id: str) -> Response:
        """An article's clean text, its mentions and quotes, and what the cleaner removed."""
        return _json(explorer.article(article_id))

    @app.get("/api/timeline", tags=["charts"])
    def api_timeline(f: Filters, unit: Annotated[str, Query(pattern="^(day|week)$")] = "day",
                     a: Annotated[str | None, Query(max_length=40)] = None,
                     b: Annotated[str | None, Query(max_length=40)] = None) -> Response:
        """Events per day or week by quad class, and, with actors ``a`` and ``b``, their
        Goldstein curve (both directions)."""
        data: dict[str, Any] = {"unit": unit, "filters": f.query(),
                                "series": explorer.timeline(f, unit)}
        if a and b:
            data["dyad"] = {"a": a.upper(), "b": b.upper(),
                            "series": explorer.dyad(a.upper(), b.upper(), f, unit)}
        return _json(data)

    @app.get("/api/network", tags=["charts"])
    def api_network(f: Filters, limit: Annotated[int, Query(ge=1, le=500)] = 150) -> Response:
        """Actors as nodes and directed interactions as edges (count, mean Goldstein)."""
        return _json(explorer.network(f, limit))

    @app.get("/api/map", tags=["charts"])
    def api_map(f: Filters, cell: Annotated[float, Query(gt=0, le=30)] = 2.0) -> Response:
        """Located events clustered into cells of ``cell`` degrees."""
        return _json({"cell": cell, "points": explorer.points(f, cell)})

    @app.get("/api/export", tags=["events"])
    def api_export(f: Filters, format: Annotated[str, Query(pattern="^(" + "|".join(EXPORT_FORMATS) + ")$")] = "csv") -> Response:
        """The selected events as CSV, JSON Lines, PLOVER JSON, or zipped Parquet / GDELT."""
        return export_selection(explorer, f, format)

    @app.post("/api/try", tags=["try"])
    def api_try(text: Annotated[str, Form()] = "", url: Annotated[str, Form()] = "",
                lang: Annotated[str, Form()] = "",
                store: Annotated[bool, Form()] = False) -> Response:
        """Extract events from pasted text or a URL; nothing is written unless ``store`` is
        asked for and the explorer was started with ``--writable``."""
        result = {k: v for k, v in try_extract(text, url, lang).items() if k != "segments"}
        if store:
            result["stored"] = store_tried(explorer, writable, text, url, lang)
        return _json(result)

    @app.on_event("shutdown")
    def close() -> None:
        explorer.close()

    return app


# --------------------------------------------------------------------------- export


def export_selection(explorer: Explorer, f: EventFilter, fmt: str) -> Response:
    """Write the selection with ``cronaca.store.export`` into a temporary folder and send it.

    The filters select event ids with a parameterised query; the export then gets those ids
    (Cronaca's own hex ids, checked to be nothing else), never a user's text, in its SQL."""
    import re

    from cronaca.store.export import export

    where, params = f.where()
    ids = [r["event_id"] for r in explorer.rows(f"SELECT e.event_id FROM events e{where}",
                                                 params)]
    if not all(re.fullmatch(r"[A-Za-z0-9_-]{1,64}", i) for i in ids):
        raise ExplorerError("the database holds event ids this export cannot quote")
    chosen = "event_id IN (" + (", ".join(f"'{i}'" for i in ids) or "NULL") + ")"
    name = {"csv": "events.csv", "jsonl": "events.jsonl", "plover": "events.plover.jsonl",
            "parquet": "events-parquet", "gdelt": "events-gdelt"}[fmt]
    with explorer._lock, tempfile.TemporaryDirectory(prefix="cronaca-export-") as tmp:
        out = Path(tmp) / name
        export(explorer.store, out, fmt, "events", chosen)
        if out.is_dir():
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
                for path in sorted(out.rglob("*")):
                    if path.is_file():
                        z.write(path, path.relative_to(out.parent))
            body, media, name = buffer.getvalue(), "application/zip", name + ".zip"
        else:
            body = out.read_bytes()
            media = "text/csv" if fmt == "csv" else "application/x-ndjson"
    return Response(body, media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


# --------------------------------------------------------------------------- try it


def store_tried(explorer: Explorer, writable: bool, text: str, url: str,
                lang: str) -> dict[str, Any]:
    """Store a "Try it" input the way ``cronaca ingest`` would (one run, its own transaction,
    grouping after); only when the explorer was started with ``--writable``."""
    from cronaca.pipeline import Pipeline
    from cronaca.store.ingest import ingest

    if not writable:
        raise ExplorerError("this explorer opened the database read-only; start it with "
                            "cronaca serve --writable to store what Try it extracts")
    lang = lang.strip().lower() or None
    with explorer._lock, tempfile.TemporaryDirectory(prefix="cronaca-try-") as tmp:
        source = url.strip()
        if not source:
            path = Path(tmp) / "pasted.jsonl"
            path.write_text(json.dumps({"id": "try", "lang": lang, "text": text.strip()},
                                       ensure_ascii=False) + "\n", encoding="utf-8")
            source = str(path)
        report = ingest(explorer.store, [source], Pipeline(stages=("parse", "events"), lang=lang),
                        command="cronaca serve (Try it)")
    c = report.counts
    return {"new_articles": c.new_articles, "already_stored": c.already_stored,
            "failures": c.failures, "mentions": c.mentions, "run_id": report.run_id}


def try_extract(text: str, url: str, lang: str) -> dict[str, Any]:
    """What ``cronaca extract`` finds in pasted text or at a URL, with highlight segments."""
    from cronaca.model import Document, Failure
    from cronaca.pipeline import Pipeline
    from cronaca.render import event_dict
    from cronaca.store.ingest import MENTION_COLUMNS, article_rows, text_hash

    text, url, lang = text.strip(), url.strip(), lang.strip().lower() or None
    if not text and not url:
        raise ExplorerError("paste a text or give a URL")
    if len(text) > TRY_MAX_CHARS:
        raise ExplorerError(f"the text has {len(text)} characters; the limit here is "
                            f"{TRY_MAX_CHARS} (use cronaca extract for more)")
    if url and not safe_url(url):
        raise ExplorerError(f"{url[:80]!r} is not an http(s) URL")
    try:
        pipeline = Pipeline(stages=("parse", "events"), lang=lang)
    except ValueError as exc:
        raise ExplorerError(str(exc)) from None
    if url:
        items = list(pipeline.documents([url]))
    else:
        fmt = "html" if text.lstrip().startswith("<") else "text"
        items = [Document(id="try", content=text, format=fmt, source="pasted text", lang=lang)]
    item = items[0] if items else Failure(url, "nothing was read")
    article = item if isinstance(item, Failure) else pipeline.process(item)
    if isinstance(article, Failure):
        raise ExplorerError(article.error)
    rows = article_rows(article, text_hash(article.text), url or None, "try")
    mentions = [dict(zip(MENTION_COLUMNS, r)) for r in rows.mentions]
    quotes = [asdict(q) for q in article.quotes]
    quote_spans = [{"start": q.start, "end": q.end} for q in article.quotes]
    return {
        "title": article.title, "language": article.language, "text": article.text,
        "events": [event_dict(e) for e in article.events],
        "quotes": quotes,
        "removed": [{"text": r.text, "reason": r.reason} for r in article.removed],
        "segments": article_segments(article.text, mentions, quote_spans),
    }
