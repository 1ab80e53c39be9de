"""Shared fixtures: example files, the shared data folder, a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import gzip
import http.server
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from cronaca.examples import example_paths

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CRONACA_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "data").is_dir():
        pytest.skip(f"../shared is not present at {SHARED}")
    return SHARED / "data"


@pytest.fixture(scope="session")
def torch():
    """PyTorch, needed only to train; CI installs it and sets CRONACA_REQUIRE_TORCH=1 so that
    the training tests fail there instead of skipping."""
    if os.environ.get("CRONACA_REQUIRE_TORCH") == "1":
        import torch
        return torch
    return pytest.importorskip("torch")


@pytest.fixture(scope="session")
def examples() -> dict[str, Path]:
    paths = example_paths(("lukashenko_xi_it.html", "lukashenko_xi_it.txt", "port_strike_en.txt"))
    return {p.name: p for p in paths}


def run_cli(*args: str, stdin: bytes | None = None, timeout: int = 300) -> subprocess.CompletedProcess:
    """Run the real `cronaca` command in a subprocess."""
    return subprocess.run([sys.executable, "-m", "cronaca", *args], input=stdin,
                          capture_output=True, timeout=timeout,
                          env={**os.environ, "COLUMNS": "200", "PYTHONIOENCODING": "utf-8"})


class _Handler(http.server.BaseHTTPRequestHandler):
    pages: dict[str, tuple[int, str, bytes]] = {}

    def do_GET(self):  # noqa: N802 (http.server's naming)
        if self.path == "/slow":
            time.sleep(3)
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/it.html")
            self.end_headers()
            return
        status, ctype, body = self.pages.get(self.path, (404, "text/plain", b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A client that hangs up on purpose (the size cap, the timeout) is no error here."""
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def server(examples):
    """A real HTTP server on 127.0.0.1 serving the example pages and some bad ones."""
    html = examples["lukashenko_xi_it.html"].read_bytes()
    _Handler.pages = {
        "/it.html": (200, "text/html; charset=utf-8", html),
        "/en.txt": (200, "text/plain; charset=utf-8", examples["port_strike_en.txt"].read_bytes()),
        "/latin1.txt": (200, "text/plain; charset=iso-8859-1",
                        "Il governo ha approvato la riforma della città. È una novità per "
                        "l'università e per la società.".encode("latin-1")),
        "/page.html.gz": (200, "application/gzip", gzip.compress(html)),
        "/slow": (200, "text/plain", b"late"),
        "/huge": (200, "text/html", b"<p>" + b"x" * 3_000_000 + b"</p>"),
        "/image.png": (200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100),
    }
    httpd = _QuietServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def default_sigint() -> None:
    """``preexec_fn`` for a child that must feel Ctrl-C: a test run started in the background
    (``cmd &`` in a non-interactive shell) inherits SIGINT ignored, and so would the child."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)
