"""The many-outlet HTML report: same content as the terminal report, escaped, static."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from compare.cli import main
from compare.provenance import trace
from compare.render.provenance_html import render_provenance_html
from tests.conftest import FakeEmbedder
from tests.report_data import use_fake_model
from tests.test_provenance import CHAIN_FILES, GAZETTE, POST, TIMES, article, article_files


class _Tags(HTMLParser):
    """Every start tag and its attributes, to check what the page could load or run."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(page)
    return parser.tags


def test_the_page_carries_the_links_the_sources_and_each_sentence() -> None:
    p = trace(
        [
            article(GAZETTE, "A", "Harbor Gazette", "2024-05-01"),
            article(POST, "B", "River Post", "2024-05-02"),
            article(TIMES, "C", "Valley Times", "2024-05-03"),
        ],
        FakeEmbedder(),
    )
    page = render_provenance_html(p)
    assert page.startswith("<!DOCTYPE html>") and "Who copied from whom" in page
    assert "Harbor Gazette → River Post" in page and "River Post → Valley Times" in page
    # One row per news sentence of every article that carries something from an earlier one.
    rows = re.findall(r"<tr><td>([A-Z]\d+)</td>", page)
    later = [s.id for a in p.articles[1:] for s in a.result.news]
    assert rows == later
    assert "none carried from an earlier article" in page  # A, the first, has no source
    assert page.count("? order") == page.count("? evidence") == 0  # every direction here is by date


def test_article_text_is_escaped_and_the_page_loads_and_runs_nothing() -> None:
    hostile = '<script>alert(1)</script> The mayor said <img src=x onerror=alert(2)> the "road" reopens.'
    p = trace(
        [
            article(GAZETTE + "\n" + hostile, "A", "<b>Gazette</b>", "2024-05-01"),
            article(POST + "\n" + hostile, "B", 'Post" onmouseover="x', "2024-05-02"),
        ],
        FakeEmbedder(),
    )
    page = render_provenance_html(p)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;b&gt;Gazette&lt;/b&gt;" in page
    found = tags(page)
    assert not [t for t, _ in found if t in ("script", "img", "iframe", "object", "link", "b")]
    assert not [a for _, attrs in found for a in attrs if a.startswith("on") or a in ("src", "href")]
    (csp,) = [a["content"] for t, a in found if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert csp is not None and "default-src 'none'" in csp and "script-src" not in csp


def test_cli_many_writes_the_html_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_fake_model(monkeypatch)
    files = article_files(tmp_path, CHAIN_FILES[:2])
    target = tmp_path / "provenance.html"
    result = CliRunner().invoke(main, ["many", *files, "-f", "html", "-o", str(target), "--no-facts"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Harbor Gazette → River Post" in page
