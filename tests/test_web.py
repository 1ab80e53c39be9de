"""The explorer over real HTTP: `cronaca serve` in a subprocess, on 127.0.0.1, over a DuckDB file
filled by `cronaca ingest` from the project's own examples and one hostile article.

Browser tests drive Debian's headless Chromium (/usr/bin/chromium) with Playwright: every page
loads with no console error and no request to another origin, filters change what is shown, the
hostile article is inert, and a screenshot of each page is saved under test-artifacts/.
Without Chromium they skip, unless CRONACA_REQUIRE_BROWSER=1 (as `.ci/run` sets), where they fail.
"""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest

from conftest import run_cli

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
PWNED = "__cronaca_pwned"
# an article whose text, title and URL try every way in: tags, handlers, script URLs
HOSTILE = {
    "id": "hostile-1",
    "url": "javascript:window.__cronaca_pwned=1",
    "date": "2024-05-06",
    "lang": "it",
    "title": "<img src=x onerror=\"window.__cronaca_pwned=1\">Titolo",
    "text": ("Il presidente russo Vladimir Putin <script>window.__cronaca_pwned=1</script> ha "
             "incontrato il presidente cinese Xi Jinping a Mosca <img src=x "
             "onerror=\"window.__cronaca_pwned=1\">.\n\n"
             "Secondo fonti <a href=\"javascript:window.__cronaca_pwned=1\">ufficiali</a>, "
             "la Cina ha promesso aiuti economici alla Russia."),
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def db(tmp_path_factory, examples) -> Path:
    folder = tmp_path_factory.mktemp("web")
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE, ensure_ascii=False) + "\n", encoding="utf-8")
    path = folder / "explorer.duckdb"
    for source in (str(examples["lukashenko_xi_it.txt"]), str(examples["port_strike_en.txt"]),
                   str(hostile)):
        done = run_cli("ingest", source, "--db", str(path), "--date", "2023-03-02")
        assert done.returncode == 0, done.stderr.decode()
    return path


@contextmanager
def serving(db: Path, *options: str):
    """`cronaca serve` on a free port of 127.0.0.1, until the block ends."""
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "cronaca", "serve", "--db", str(db),
                             "--port", str(port), "--timeout", "5", *options],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "COLUMNS": "200"})
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    try:
        while True:
            try:
                urllib.request.urlopen(base + "/api/summary", timeout=2).read()
                break
            except (urllib.error.URLError, ConnectionError):
                assert proc.poll() is None, proc.stderr.read().decode()
                assert time.monotonic() < deadline, "the explorer did not start"
                time.sleep(0.3)
        yield base, proc
    finally:
        proc.terminate()
        proc.wait(10)


@pytest.fixture(scope="module")
def server(db):
    with serving(db) as running:
        yield running


def get(url: str) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=60) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def api(base: str, path: str, **params) -> tuple[int, dict]:
    query = ("?" + urllib.parse.urlencode(params)) if params else ""
    status, _, body = get(base + path + query)
    return status, json.loads(body)


def _rows(db: Path, sql: str, params=()) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, list(params)).fetchall()


# --------------------------------------------------------------------------- API


def test_serve_binds_to_localhost_and_says_so(server):
    base, proc = server
    assert base.startswith("http://127.0.0.1:")
    line = proc.stderr.readline().decode()
    assert "127.0.0.1" in line and "only this machine" in line and "read-only" in line


def test_events_api_counts_filters_and_caps(server, db):
    base, _ = server
    status, everything = api(base, "/api/events", size=200)
    assert status == 200
    assert everything["total"] == _rows(db, "SELECT count(*) FROM events")[0][0] > 5
    status, meetings = api(base, "/api/events", root="04")
    assert status == 200 and 0 < meetings["total"] < everything["total"]
    assert all(e["cameo_root"] == "04" for e in meetings["events"])
    status, belarus = api(base, "/api/events", country="blr")
    assert status == 200 and belarus["total"] > 0
    assert all("BLR" in (e["source_country"], e["target_country"]) for e in belarus["events"])
    status, page = api(base, "/api/events", size=2, page=2, sort="goldstein", order="asc")
    assert status == 200 and len(page["events"]) == 2 and page["page"] == 2
    scores = [e["goldstein"] for e in api(base, "/api/events", size=200, sort="goldstein",
                                          order="asc")[1]["events"]]
    assert scores == sorted(scores)
    assert api(base, "/api/events", size=1000)[0] == 422              # page size is capped
    status, bad = api(base, "/api/events", country="Italy")
    assert status == 400 and bad["code"] == "E600" and "alpha-3" in bad["error"]
    status, bad_date = api(base, "/api/events", start="yesterday")
    assert status == 400 and "YYYY-MM-DD" in bad_date["error"]


def test_text_filters_are_parameters_not_sql(server, db):
    """Quotes, comment marks and LIKE wildcards in a filter are literal characters."""
    base, _ = server
    for attack in ("' OR 1=1 --", "%", "_", "\\", "x'); DROP TABLE events; --", "Putin"):
        expected = _rows(db, "SELECT count(DISTINCT event_id) FROM mentions WHERE event_id IS "
                             "NOT NULL AND instr(lower(sentence_text), lower(?)) > 0", [attack])
        status, found = api(base, "/api/events", q=attack)
        assert status == 200, found
        assert found["total"] == expected[0][0], attack
        named = _rows(db, "SELECT count(*) FROM events WHERE instr(lower(source_name), "
                          "lower(?)) > 0 OR instr(lower(target_name), lower(?)) > 0",
                      [attack, attack])
        status, found = api(base, "/api/events", person=attack)
        assert status == 200 and found["total"] == named[0][0], attack
    assert api(base, "/api/events", q="Lukashenko")[1]["total"] >= 1
    assert api(base, "/api/events", q="%")[1]["total"] == 0
    assert _rows(db, "SELECT count(*) FROM events")[0][0] > 0          # nothing was dropped


def test_event_and_article_twins_mark_the_evidence(server, db):
    base, _ = server
    event_id = _rows(db, "SELECT event_id FROM events WHERE cameo_root = '04' ORDER BY event_id")[0][0]
    status, event = api(base, f"/api/events/{event_id}")
    assert status == 200 and event["event"]["event_id"] == event_id and event["mentions"]
    for m in event["mentions"]:
        assert "".join(s["text"] for s in m["segments"]) == m["sentence_text"]
        marked = {mark for s in m["segments"] for mark in s["marks"]}
        assert "trigger" in marked
        trigger = "".join(s["text"] for s in m["segments"] if "trigger" in s["marks"])
        assert trigger == m["trigger_text"]
    article_id = event["mentions"][0]["article_id"]
    status, article = api(base, f"/api/articles/{article_id}")
    assert status == 200
    assert "".join(s["text"] for s in article["segments"]) == article["article"]["text"]
    lukashenko = _rows(db, "SELECT id FROM articles WHERE removed_count > 0")
    assert lukashenko, "the Italian example has clutter the cleaner removes"
    status, cleaned = api(base, f"/api/articles/{lukashenko[0][0]}")
    assert status == 200 and len(cleaned["removed"]) == cleaned["article"]["removed_count"]
    assert all(r["reason"] and r["text"] for r in cleaned["removed"])
    assert api(base, "/api/events/nope")[0] == 404
    assert api(base, "/api/articles/nope")[1]["code"] == "E602"


def test_charts_network_and_map_apis(server):
    base, _ = server
    status, timeline = api(base, "/api/timeline", unit="week", a="BLR", b="CHN")
    assert status == 200 and timeline["series"]
    assert {r["quad"] for r in timeline["series"]} <= {1, 2, 3, 4}
    assert timeline["dyad"]["series"] and all("weighted" in r for r in timeline["dyad"]["series"])
    status, network = api(base, "/api/network")
    assert status == 200 and network["edges"]
    ids = {n["id"] for n in network["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in network["edges"])
    status, points = api(base, "/api/map")
    assert status == 200 and points["points"]
    assert all(-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 for p in points["points"])
    status, fewer = api(base, "/api/map", root="19")
    assert status == 200 and sum(p["events"] for p in fewer["points"]) < \
        sum(p["events"] for p in points["points"])


def test_export_this_selection(server):
    base, _ = server
    total = api(base, "/api/events", root="04")[1]["total"]
    status, headers, body = get(base + "/api/export?format=csv&root=04")
    assert status == 200 and "attachment" in headers["content-disposition"]
    assert len(body.decode().strip().splitlines()) == total + 1          # a header line
    status, _, body = get(base + "/api/export?format=plover&root=04")
    assert status == 200 and len(body.decode().strip().splitlines()) == total
    for fmt, member in (("parquet", ".parquet"), ("gdelt", "events.CSV")):
        status, headers, body = get(base + f"/api/export?format={fmt}&root=04")
        assert status == 200 and headers["content-type"] == "application/zip"
        assert any(n.endswith(member) for n in zipfile.ZipFile(io.BytesIO(body)).namelist())
    assert get(base + "/api/export?format=xml")[0] == 422


def test_every_response_forbids_inline_script_and_other_origins(server):
    base, _ = server
    for path in ("/events", "/api/events", "/map", "/static/app.js", "/event/nope"):
        status, headers, body = get(base + path)
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "default-src 'self'" in csp, path
        assert "unsafe-inline" not in csp and headers["x-content-type-options"] == "nosniff"
    status, _, page = get(base + "/events")
    html = page.decode()
    assert "<script>" not in html and "src=\"http" not in html and "href=\"http" not in html
    status, openapi = api(base, "/openapi.json")
    assert {"/api/events", "/api/events/{event_id}", "/api/articles/{article_id}",
            "/api/timeline", "/api/network", "/api/map", "/api/export",
            "/api/try"} <= set(openapi["paths"])
    assert get(base + "/docs")[0] == 404          # FastAPI's docs page loads a CDN script


def test_hostile_article_is_escaped_in_every_page(server, db):
    base, _ = server
    article_id = _rows(db, "SELECT id FROM articles WHERE doc_id = 'hostile-1'")[0][0]
    event_ids = [r[0] for r in _rows(db, "SELECT DISTINCT event_id FROM mentions WHERE "
                                         "article_id = ? AND event_id IS NOT NULL",
                                     [article_id])]
    assert event_ids, "the hostile article should still yield an event (China promises aid)"
    status, _, body = get(base + f"/article/{article_id}")
    assert "&lt;script&gt;window.__cronaca_pwned=1&lt;/script&gt;" in body.decode()
    pages = [f"/article/{article_id}", *(f"/event/{e}" for e in event_ids),
             "/events?q=" + urllib.parse.quote("script")]
    for path in pages:
        status, _, body = get(base + path)
        html = body.decode()
        assert status == 200, path
        assert "<script>window" not in html and "<img src=x" not in html, path
        assert "&lt;" in html or path.startswith("/events"), path     # shown, as text
        assert 'href="javascript:' not in html, path


def test_try_it_codes_text_without_writing(server, db):
    base, _ = server
    before = _rows(db, "SELECT count(*) FROM articles")[0][0]
    data = urllib.parse.urlencode({"text": "Il presidente russo Vladimir Putin ha incontrato "
                                           "il presidente cinese Xi Jinping a Mosca.",
                                   "lang": "it"}).encode()
    with urllib.request.urlopen(base + "/api/try", data=data, timeout=120) as r:
        result = json.loads(r.read())
    roots = {(e["cameo"][:2], e["source"]["country"], e["target"]["country"])
             for e in result["events"] if e["source"] and e["target"]}
    assert ("04", "RUS", "CHN") in roots
    assert _rows(db, "SELECT count(*) FROM articles")[0][0] == before
    empty = urllib.parse.urlencode({"text": " "}).encode()
    try:
        urllib.request.urlopen(base + "/api/try", data=empty, timeout=30)
        raise AssertionError("an empty text was accepted")
    except urllib.error.HTTPError as e:
        assert e.code == 400 and "paste a text" in json.loads(e.read())["error"]


def _post(base: str, path: str, **form) -> tuple[int, dict]:
    data = urllib.parse.urlencode(form).encode()
    try:
        with urllib.request.urlopen(base + path, data=data, timeout=120) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


def test_try_it_stores_only_when_asked_and_allowed(server, db, tmp_path):
    base, _ = server
    text = ("Il ministro degli Esteri Antonio Tajani ha incontrato a Roma il suo omologo "
            "francese per discutere di migranti.")
    status, refused = _post(base, "/api/try", text=text, lang="it", store="true")
    assert status == 400 and "--writable" in refused["error"]
    copy = tmp_path / "writable.duckdb"
    copy.write_bytes(db.read_bytes())
    with serving(copy, "--writable") as (writable, proc):
        assert "writable" in proc.stderr.readline().decode()
        before = api(writable, "/api/summary")[1]["articles"]
        status, looked = _post(writable, "/api/try", text=text, lang="it")
        assert status == 200 and "stored" not in looked
        assert api(writable, "/api/summary")[1]["articles"] == before      # only asked
        status, stored = _post(writable, "/api/try", text=text, lang="it", store="true")
        assert status == 200 and stored["stored"]["new_articles"] == 1, stored
        assert api(writable, "/api/summary")[1]["articles"] == before + 1
        status, again = _post(writable, "/api/try", text=text, lang="it", store="true")
        assert again["stored"] == {**again["stored"], "new_articles": 0, "already_stored": 1}
    assert _rows(copy, "SELECT count(*) FROM runs WHERE command = 'cronaca serve (Try it)'") == \
        [(2,)]


def test_a_slow_query_is_cut_off(db):
    from cronaca.errors import SlowQueryError
    from cronaca.web.queries import Explorer

    explorer = Explorer.open(db, timeout=0.2)
    try:
        started = time.monotonic()
        with pytest.raises(SlowQueryError, match="longer than 0.2 s"):
            explorer.rows("SELECT count(*) FROM range(100000000000) a")
        assert time.monotonic() - started < 30
        assert explorer.rows("SELECT 1 AS one") == [{"one": 1}]      # still usable
    finally:
        explorer.close()


def test_serve_refuses_a_missing_database(tmp_path):
    result = run_cli("serve", "--db", str(tmp_path / "none.duckdb"))
    assert result.returncode == 1 and "[E502]" in result.stderr.decode()


# --------------------------------------------------------------------------- browser


def _browser_or_skip():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    if sync_playwright is None or not CHROMIUM.exists():
        if os.environ.get("CRONACA_REQUIRE_BROWSER") == "1":
            pytest.fail("browser tests are required here but Chromium or Playwright is missing")
        pytest.skip("needs Playwright and Debian's chromium at /usr/bin/chromium")
    return sync_playwright


@pytest.fixture(scope="module")
def browser():
    sync_playwright = _browser_or_skip()
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), headless=True,
                                     args=["--no-sandbox", "--disable-dev-shm-usage"])
        yield chromium
        chromium.close()


class Watched:
    """A page with its console errors, failed requests and requests to other origins."""

    def __init__(self, browser, base: str):
        self.base = base
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.errors: list[str] = []
        self.foreign: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: None if r.url.startswith((base, "data:"))
                     else self.foreign.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def open(self, path: str, shot: str | None = None):
        response = self.page.goto(self.base + path, wait_until="networkidle")
        assert response is not None and response.status == 200, path
        if shot:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            self.page.screenshot(path=str(ARTIFACTS / f"{shot}.png"), full_page=True)
        return self.page

    def clean(self):
        assert self.errors == [], self.errors
        assert self.foreign == [], self.foreign
        assert self.dialogs == [], self.dialogs


@pytest.mark.browser
def test_every_page_loads_clean_and_is_photographed(server, browser, db):
    base, _ = server
    event_id = _rows(db, "SELECT event_id FROM events WHERE cameo_root = '04' ORDER BY event_id")[0][0]
    article_id = _rows(db, "SELECT id FROM articles WHERE removed_count > 0")[0][0]
    w = Watched(browser, base)
    for path, shot in (("/events", "events"), (f"/event/{event_id}", "event"),
                       (f"/article/{article_id}", "article"), ("/timeline?a=BLR&b=CHN", "timeline"),
                       ("/network", "network"), ("/map", "map"), ("/try", "try"), ("/api", "api")):
        page = w.open(path, shot)
        assert page.locator("main h1").count() == 1, path
    page = w.open("/timeline?a=BLR&b=CHN")
    assert page.locator("#timeline-svg rect.bar").count() > 0
    assert page.locator("#dyad-svg circle.point").count() > 0
    page = w.open("/network")
    assert page.locator("#network-svg path.edge").count() > 0
    page = w.open("/map")
    assert page.locator("svg.map .land path").count() > 100           # the world is drawn
    assert page.locator("#points circle").count() > 0
    w.clean()


@pytest.mark.browser
def test_filters_change_the_results_in_the_browser(server, browser):
    base, _ = server
    w = Watched(browser, base)
    page = w.open("/events")
    everything = int(page.locator("#total").inner_text())
    rows = page.locator("#events tbody tr").count()
    page.select_option("select[name=root]", "04")
    page.click("#apply")
    page.wait_for_load_state("networkidle")
    meetings = int(page.locator("#total").inner_text())
    assert 0 < meetings < everything and "root=04" in page.url
    assert page.locator("#events tbody tr").count() < rows
    page = w.open("/network")
    edge = page.locator("#network-svg path.edge").first
    source, target = edge.get_attribute("data-source"), edge.get_attribute("data-target")
    edge.dispatch_event("click")        # a curved edge: its box centre is off the stroke
    page.wait_for_url("**/events?**")
    page.wait_for_load_state("networkidle")
    assert int(page.locator("#total").inner_text()) >= 1
    assert f"{source}" in page.locator("#events tbody").inner_text() or source in page.url
    page = w.open("/try")
    page.fill("textarea[name=text]", "Il presidente russo Vladimir Putin ha incontrato il "
                                     "presidente cinese Xi Jinping a Mosca.")
    page.click("#extract")
    page.wait_for_load_state("networkidle")
    assert page.locator("#try-events tbody tr").count() >= 1
    assert page.locator(".article-text mark.trigger").count() >= 1
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "try-result.png"), full_page=True)
    w.clean()


@pytest.mark.browser
def test_the_hostile_article_is_inert_in_the_browser(server, browser, db):
    base, _ = server
    article_id = _rows(db, "SELECT id FROM articles WHERE doc_id = 'hostile-1'")[0][0]
    event_id = _rows(db, "SELECT event_id FROM mentions WHERE article_id = ? AND event_id "
                         "IS NOT NULL ORDER BY id", [article_id])[0][0]
    w = Watched(browser, base)
    for path, shot in ((f"/article/{article_id}", "hostile-article"), (f"/event/{event_id}", None),
                       ("/events?q=script", None)):
        page = w.open(path, shot)
        assert page.evaluate(f"typeof window.{PWNED}") == "undefined", path
        assert page.locator("script").count() == 1, path              # only /static/app.js
        assert page.locator("img").count() == 0, path
        assert page.locator("a[href^='javascript:']").count() == 0, path
    page = w.open(f"/article/{article_id}")
    assert "<script>window.__cronaca_pwned=1</script>" in page.locator(".article-text").inner_text()
    w.clean()
