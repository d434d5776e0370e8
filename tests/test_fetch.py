from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from compare.errors import FetchError, HTTPStatusError, InputError, NoContentError, TooLargeError
from compare.fetch import FetchOptions, fetch
from compare.ingest import read_source
from tests.http_server import FIFTY_MB, Handler, serve

FAST = FetchOptions(timeout=0.5, deadline=5.0)


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    with serve() as base:
        yield base


def test_fetches_a_page_and_reads_its_metadata(site: str) -> None:
    article = read_source(f"{site}/original", "A", fetch_options=FAST)
    assert article.outlet == "Coast Herald"
    assert article.published == date(2024, 3, 4)
    assert article.url == "https://coastherald.example/news/2024/03/04/storm-floods-coastal-towns"
    assert article.text[article.body_start :].startswith("A storm flooded three coastal towns")
    assert article.source == f"{site}/original"


def test_plain_text_url_and_redirects(site: str) -> None:
    article = read_source(f"{site}/plain", "A", fetch_options=FAST)
    assert article.text == "It rained in the city on Monday, officials said."
    assert article.outlet == "127.0.0.1" and article.url == f"{site}/plain"
    moved = fetch(f"{site}/moved", FAST)
    assert moved.final_url == f"{site}/original" and moved.is_html


@pytest.mark.parametrize(
    ("path", "error", "message"),
    [
        ("/missing", HTTPStatusError, "the server answered 404 Not Found"),
        ("/broken", HTTPStatusError, "the server answered 500 Internal Server Error"),
        ("/image", InputError, "the server sent image/png, not a web page"),
        ("/loop", FetchError, "more than 5 redirects"),
        ("/nav", NoContentError, "only navigation links"),
    ],
)
def test_http_failures_are_clear_errors(site: str, path: str, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message) as info:
        read_source(site + path, "A", fetch_options=FAST)
    assert str(info.value).startswith(site + path + ": ")


def test_a_server_that_never_answers_times_out(site: str) -> None:
    start = time.monotonic()
    with pytest.raises(FetchError, match=r"timed out \(waiting for data took over 0.5 s\)"):
        fetch(f"{site}/slow", FAST)
    assert time.monotonic() - start < 2.5


def test_fifty_megabytes_announced_are_refused_unread(site: str) -> None:
    start = time.monotonic()
    with pytest.raises(TooLargeError, match="the page is 52 MB, over the 16 MB limit"):
        fetch(f"{site}/huge", FAST)
    assert time.monotonic() - start < 2
    time.sleep(0.2)
    assert Handler.sent.get("/huge", 0) < FIFTY_MB  # the server could not push it all


def test_fifty_megabytes_unannounced_stop_at_the_cap(site: str) -> None:
    options = FetchOptions(timeout=2, max_bytes=1024 * 1024)
    with pytest.raises(TooLargeError, match="over the 1 MB limit"):
        fetch(f"{site}/huge-unannounced", options)
    time.sleep(0.2)
    assert Handler.sent["/huge-unannounced"] < 10 * 1024 * 1024


def test_offline_is_a_clear_error() -> None:
    with socket.socket() as sock:  # a port nobody listens on: what being offline looks like
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(FetchError, match=r"cannot connect to 127.0.0.1 .*are you offline\?") as info:
        fetch(f"http://127.0.0.1:{port}/story", FAST)
    assert type(info.value).exit_code == 9


def test_not_a_fetchable_url() -> None:
    with pytest.raises(InputError, match="not a web address"):
        fetch("http://[::1", FAST)


def test_archive_keeps_the_page_and_its_record(site: str, tmp_path: Path) -> None:
    options = FetchOptions(timeout=2, archive=tmp_path / "archive")
    article = read_source(f"{site}/original", "A", fetch_options=options)
    pages = sorted((tmp_path / "archive").iterdir())
    assert [p.suffix for p in pages] == [".html", ".json"]
    record = json.loads(pages[1].read_text())
    assert record["url"] == f"{site}/original" and record["file"] == pages[0].name
    assert pages[0].read_bytes() == Path("tests/fixtures/original.html").read_bytes()
    again = read_source(str(pages[0]), "A")  # the archived page reproduces the article
    assert again.text == article.text and again.published == article.published


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://[bad", r"^http://\[bad: not a web address this tool can fetch \(Invalid IPv6 URL\)$"),
        ("http:///story", r"^http:///story: not a web address this tool can fetch \(no host\)$"),
        ("ftp://x/y", r"^ftp://x/y: unsupported URL scheme 'ftp' \(only http and https are fetched\)$"),
    ],
)
def test_malformed_and_unsupported_urls_are_input_errors(url: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        fetch(url, FAST)
    with pytest.raises(InputError, match=message):  # as typed, not read as a file path
        read_source(url, "A")
