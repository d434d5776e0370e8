"""Fetching a web page for comparison: bounded in time and size, and optionally archived.

httpx, not trafilatura's downloader: the downloader hides why a page failed (it returns
``None``), and a fact-check needs the reason ("404 Not Found", "timed out after 20 s", "you
seem to be offline"). Every fetch is bounded:

- **time**: connect and read timeouts per step, and a deadline for the whole download, so a
  server that drips a byte at a time cannot hold the run;
- **size**: a ``Content-Length`` over the cap is refused before the body is read, and a body
  without one is read in chunks and abandoned as soon as it passes the cap (the cap counts
  decoded bytes, so a gzip bomb is stopped too);
- **redirects**: at most :attr:`FetchOptions.max_redirects`;
- **content type**: HTML, XHTML or plain text; anything else (an image, a PDF) is refused.

With ``archive`` set, the page's bytes are kept as ``DIR/NAME.html`` beside ``DIR/NAME.json``
(the URL asked for, the final URL, the status, the headers that matter, the time), written
atomically, so a check can be reproduced later from the file: ``compare DIR/NAME.html ...``.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from compare.errors import FetchError, HTTPStatusError, InputError, TooLargeError

#: Content types read as a web page or as text.
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
if TYPE_CHECKING:
    import httpx

_USER_AGENT = "compare/0.1 (news comparison; +https://pypi.org/project/compare/)"


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """Limits of one download."""

    #: Seconds allowed to connect, and between two chunks of the body.
    timeout: float = 20.0
    #: Seconds allowed for the whole download.
    deadline: float = 60.0
    #: Largest body accepted, in bytes (a news page is well under 5 MB).
    max_bytes: int = 16 * 1024 * 1024
    #: Redirects followed before giving up.
    max_redirects: int = 5
    #: Folder that keeps each fetched page, or ``None``.
    archive: Path | None = None


@dataclass(frozen=True, slots=True)
class Fetched:
    """A downloaded page."""

    #: The URL asked for.
    url: str
    #: The URL answered, after redirects.
    final_url: str
    #: The media type, lower case, without parameters (``text/html``); empty when not sent.
    content_type: str
    #: The charset the server declared, if any.
    charset: str | None
    data: bytes
    #: Where the page was archived, if it was.
    archived: Path | None = None

    @property
    def is_html(self) -> bool:
        """Whether the server said this is a web page."""
        return self.content_type in HTML_TYPES


def is_url(source: str) -> bool:
    """Whether a command-line source is a URL rather than a file.

    Any ``SCHEME://`` counts, so that :func:`fetch` can say an ``ftp://`` address is not
    fetched, instead of a file named ``ftp:/x/y`` not being found.

    >>> is_url("https://example.org/story"), is_url("story.html"), is_url("HTTP://EXAMPLE.ORG")
    (True, False, True)
    >>> is_url("ftp://example.org/story"), is_url("notes: a://b.txt")
    (True, False)
    """
    return re.match(r"[A-Za-z][A-Za-z0-9+.-]+://", source) is not None


def check_url(url: str) -> None:
    """Refuse, as :class:`~compare.errors.InputError`, a URL that is not http(s) or has no host.

    >>> check_url("ftp://example.org/story")
    Traceback (most recent call last):
    ...
    compare.errors.InputError: ftp://example.org/story: unsupported URL scheme 'ftp' (only http and https are fetched)
    """
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - parsing the port is what checks it
    except ValueError as exc:
        raise InputError(f"{url}: not a web address this tool can fetch ({exc})") from exc
    if parts.scheme.lower() not in ("http", "https"):
        raise InputError(f"{url}: unsupported URL scheme {parts.scheme!r} (only http and https are fetched)")
    if not parts.hostname:
        raise InputError(f"{url}: not a web address this tool can fetch (no host)")


def fetch(url: str, options: FetchOptions = FetchOptions()) -> Fetched:
    """Download ``url`` within ``options``' limits; errors are :mod:`compare.errors` classes.

    Raises :class:`~compare.errors.FetchError` (offline, timeout, redirects),
    :class:`~compare.errors.HTTPStatusError` (404, 500, ...),
    :class:`~compare.errors.TooLargeError` (over the size cap) and
    :class:`~compare.errors.InputError` (not a web page).
    """
    import httpx

    check_url(url)
    timeout = httpx.Timeout(options.timeout, connect=min(options.timeout, 10.0))
    headers = {"User-Agent": _USER_AGENT, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.8,*/*;q=0.1"}
    try:
        with (
            httpx.Client(
                timeout=timeout, follow_redirects=True, max_redirects=options.max_redirects, headers=headers
            ) as client,
            client.stream("GET", url) as response,
        ):
            fetched = _read(url, response, options)
    except httpx.TimeoutException as exc:
        raise FetchError(f"{url}: timed out ({_timeout_step(exc)} took over {options.timeout:g} s)") from exc
    except httpx.TooManyRedirects as exc:
        raise FetchError(f"{url}: more than {options.max_redirects} redirects") from exc
    except httpx.ConnectError as exc:
        host = urlsplit(url).hostname or url
        raise FetchError(f"{url}: cannot connect to {host} ({_reason(exc)}); are you offline?") from exc
    except (httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
        raise InputError(f"{url}: not a web address this tool can fetch ({exc})") from exc
    except httpx.HTTPError as exc:  # protocol and network errors after connecting
        raise FetchError(f"{url}: download failed: {_reason(exc)}") from exc
    if options.archive is not None:
        return archive(fetched, options.archive)
    return fetched


def _read(url: str, response: httpx.Response, options: FetchOptions) -> Fetched:
    if response.status_code >= 400:
        phrase = response.reason_phrase or "error"
        raise HTTPStatusError(f"{url}: the server answered {response.status_code} {phrase}")
    mime, charset = _content_type(response.headers.get("content-type", ""))
    if mime and mime not in HTML_TYPES + TEXT_TYPES:
        raise InputError(f"{url}: the server sent {mime}, not a web page or text")
    length = response.headers.get("content-length", "")
    if length.isdigit() and int(length) > options.max_bytes:
        raise TooLargeError(f"{url}: the page is {int(length) / 1e6:.0f} MB, over the {_mb(options.max_bytes)} limit")
    deadline = time.monotonic() + options.deadline
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes(chunk_size=64 * 1024):
        size += len(chunk)
        if size > options.max_bytes:
            raise TooLargeError(f"{url}: the page is over the {_mb(options.max_bytes)} limit (stopped reading)")
        if time.monotonic() > deadline:
            raise FetchError(f"{url}: timed out (the download took over {options.deadline:g} s)")
        chunks.append(chunk)
    return Fetched(url, str(response.url), mime, charset, b"".join(chunks))


def archive(fetched: Fetched, folder: Path) -> Fetched:
    """Keep ``fetched`` as ``folder/NAME.html`` and ``folder/NAME.json``; returns it with the path."""
    from dataclasses import replace

    from compare.output import write_atomic, write_atomic_bytes

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        from compare.errors import OutputError

        raise OutputError(f"{folder}: cannot create the archive folder: {exc.strerror or exc}") from exc
    name = archive_name(fetched.url)
    suffix = ".html" if fetched.is_html or not fetched.content_type else ".txt"
    page = folder / f"{name}{suffix}"
    write_atomic_bytes(page, fetched.data)
    record = {
        "url": fetched.url,
        "final_url": fetched.final_url,
        "content_type": fetched.content_type,
        "charset": fetched.charset,
        "bytes": len(fetched.data),
        "sha256": hashlib.sha256(fetched.data).hexdigest(),
        "fetched_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "file": page.name,
    }
    write_atomic(folder / f"{name}.json", json.dumps(record, indent=2) + "\n")
    return replace(fetched, archived=page)


def archive_name(url: str) -> str:
    """A readable, unique file name for a URL: host and path, then a short hash.

    >>> archive_name("https://www.example.org/news/2024/storm-hits?ref=rss")
    'example.org_news_2024_storm-hits-d73c7d82'
    """
    parts = urlsplit(url)
    host = (parts.hostname or "page").removeprefix("www.")
    slug = re.sub(r"[^A-Za-z0-9.-]+", "_", f"{host}{parts.path}").strip("_.")[:80]
    return f"{slug}-{hashlib.sha1(url.encode()).hexdigest()[:8]}"


def _content_type(header: str) -> tuple[str, str | None]:
    """``text/html; charset=UTF-8`` → ``("text/html", "utf-8")``."""
    mime, _, params = header.partition(";")
    match = re.search(r"charset\s*=\s*\"?([\w.:-]+)", params, re.I)
    return mime.strip().lower(), (match.group(1).lower() if match else None)


def _timeout_step(exc: Exception) -> str:
    import httpx

    if isinstance(exc, httpx.ConnectTimeout):
        return "connecting"
    if isinstance(exc, httpx.ReadTimeout):
        return "waiting for data"
    return "the request"


def _reason(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:200]


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB"
