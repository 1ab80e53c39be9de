"""Fetch one http(s) URL with a timeout and a size cap, using only the standard library."""

from __future__ import annotations

import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message

from cronaca.errors import FetchError, InputTooLargeError
from cronaca.ingest.decode import human_size
from cronaca.settings import DEFAULT, Settings


@dataclass
class Fetched:
    url: str                  # after redirects
    data: bytes
    content_type: str
    charset: str | None


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def fetch(url: str, settings: Settings = DEFAULT) -> Fetched:
    """GET ``url``; any network failure, HTTP error or oversize body is a ``FetchError``."""
    request = urllib.request.Request(url, headers={
        "User-Agent": settings.user_agent,
        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5",
    })
    try:
        with urllib.request.urlopen(request, timeout=settings.fetch_timeout) as response:
            headers: Message = response.headers
            length = headers.get("Content-Length")
            if length and length.isdigit() and int(length) > settings.max_bytes:
                raise InputTooLargeError(
                    f"{url}: announces {human_size(int(length))}, over the "
                    f"{human_size(settings.max_bytes)} limit; raise --max-bytes to fetch it")
            data = response.read(settings.max_bytes + 1)
            if len(data) > settings.max_bytes:
                raise InputTooLargeError(
                    f"{url}: body is larger than {human_size(settings.max_bytes)}; "
                    "raise --max-bytes to fetch it")
            return Fetched(url=response.geturl(), data=data,
                           content_type=headers.get_content_type(),
                           charset=headers.get_content_charset())
    except urllib.error.HTTPError as exc:
        raise FetchError(f"{url}: HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise FetchError(f"{url}: cannot connect ({_reason(exc.reason)})") from None
    except (socket.timeout, TimeoutError):
        raise FetchError(f"{url}: no answer within {settings.fetch_timeout:g} s") from None
    except (OSError, ValueError) as exc:
        raise FetchError(f"{url}: {_reason(exc)}") from None


def _reason(exc) -> str:
    if isinstance(exc, (socket.timeout, TimeoutError)):
        return "timed out"
    return str(getattr(exc, "strerror", None) or exc)
