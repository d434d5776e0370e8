"""The HTML report's structure, parsed: rows, diffs, chips, set-aside material, escaping, no network."""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import replace

import pytest
from bs4 import BeautifulSoup, Tag

from compare import Comparison
from compare.models import VERDICTS, Article, ArticleResult, FactChange, Sentence
from compare.render.html import build_report, render_html
from tests.report_data import storm, with_findings, xss


def soup(comparison: Comparison) -> BeautifulSoup:
    return BeautifulSoup(render_html(comparison), "html.parser")


def rows(page: BeautifulSoup) -> list[Tag]:
    return page.select("tbody > tr.claim")


def test_one_row_per_alignment_in_a_order_with_permalinks() -> None:
    c = storm()
    page = soup(c)
    got = [(r["id"], r["data-verdict"]) for r in rows(page)]
    assert got == [("claim-" + "-".join((*x.a, *x.b)), x.verdict) for x in c.alignments]
    for row in rows(page):
        link = row.select_one("a.permalink")
        assert link is not None and link["href"] == f"#{row['id']}" and link.get("aria-label")
    assert len({r["id"] for r in rows(page)}) == len(c.alignments)


def test_header_summary_and_bars() -> None:
    c = storm()
    page = soup(c)
    header = page.select_one("header.report-header")
    assert header is not None
    outlets = [o.get_text() for o in header.select(".article .outlet")]
    assert outlets == ["Coast Herald", "Wire Copy"]
    link = header.select_one("a.url")
    assert link is not None and link["href"] == "https://example.org/storm"
    summary = header.select_one(".summary")
    assert summary is not None and summary.get_text().startswith("B carries over 4 of A's 5 sentences")
    assert "Findings" not in summary.get_text()
    bars = {r.th.get_text(): r.select_one(".count").get_text() for r in header.select(".bar-row") if r.th}  # type: ignore[union-attr]
    assert bars == {v: str(n) for v, n in c.counts().items() if v in VERDICTS}


def test_word_diffs_are_marked_on_each_side() -> None:
    page = soup(storm())
    row = page.select_one("#claim-A5-B2")
    assert row is not None
    a_cell, b_cell = row.select("td.side")
    assert [d.get_text() for d in a_cell.select("del")] == ["two"]
    assert [i.get_text() for i in b_cell.select("ins")] == ["six"]
    assert not a_cell.select("ins") and not b_cell.select("del")
    assert " ".join(a_cell.get_text().split()) == "A5 Repairs are expected to take two weeks, according to engineers."


def test_dropped_and_added_in_place_and_counterparts() -> None:
    page = soup(storm())
    dropped = page.select_one("#claim-A4")
    added = page.select_one("#claim-B4")
    assert dropped is not None and added is not None
    assert "not in B" in dropped.select("td.side")[1].get_text()
    assert "not in A" in added.select("td.side")[0].get_text()
    a1 = page.select_one("#s-A1")
    b1 = page.select_one("#s-B1")
    assert a1 is not None and b1 is not None
    assert a1["data-counterparts"] == "B1" and b1["data-counterparts"] == "A1 A2"
    assert a1["tabindex"] == "0"


def test_set_aside_material_is_collapsible_and_complete() -> None:
    c = storm()
    page = soup(c)
    details = page.select("section.set-aside details")
    assert [d["id"] for d in details] == ["set-aside-A", "set-aside-B"]
    for d, result in zip(details, c.articles, strict=True):
        shown = {li["id"] for li in d.select("li[id]")}
        assert shown == {f"s-{s.id}" for s in result.sentences if s.role != "news"}
        for note in result.notes:
            assert note in d.get_text()
    assert "A flooded street in Port Ellis" in details[0].get_text()


def test_without_findings_no_findings_column_or_kind_filter() -> None:
    page = soup(storm())
    assert not page.select("button.chip") and not page.select('input[name="kind"]')
    assert not page.select("td.findings")


def test_findings_become_chips_on_their_rows() -> None:
    c = with_findings(storm())
    page = soup(c)
    chips = {row["id"]: [b["data-kind"] for b in row.select("button.chip")] for row in rows(page)}
    assert chips == {
        "claim-A1-A2-B1": ["attribution_changed"],
        "claim-A3-B3": ["entity_renamed"],
        "claim-B4": ["new_source"],
        "claim-A4": ["fact_dropped"],
        "claim-A5-B2": ["number_changed"],
    }
    row = page.select_one("#claim-A5-B2")
    assert row is not None and row["data-kinds"] == "number_changed"
    chip = row.select_one("button.chip")
    assert chip is not None and chip["type"] == "button" and chip["data-sentences"] == "A5 B2"
    assert "2 → 6 weeks" in chip.get_text() and "two weeks" in chip.get_text()
    # The facts' spans are marked in the text, tied to their chip.
    spans = [el.get_text() for el in row.select(f'[data-f~="{chip["data-finding"]}"]')]
    assert spans == ["two", "weeks", "six", "weeks"]
    # The kind filter offers the kinds present, in CHANGE_KINDS order.
    kinds = [i["value"] for i in page.select('input[name="kind"]')]
    assert kinds == ["fact_dropped", "number_changed", "entity_renamed", "attribution_changed", "new_source"]
    summary = page.select_one(".summary")
    assert summary is not None
    assert "Findings: 1 fact dropped, 1 changed number, 1 renamed entity, 1 attribution change, 1 new source." in (
        summary.get_text()
    )


def test_changes_only_flag() -> None:
    page = soup(with_findings(storm()))
    flags = {row["id"]: row["data-change"] for row in rows(page)}
    # A3 → B3 is only reworded, but its finding (a renamed entity) makes it worth a look.
    assert flags == {
        "claim-A1-A2-B1": "yes",
        "claim-A3-B3": "yes",
        "claim-B4": "yes",
        "claim-A4": "yes",
        "claim-A5-B2": "yes",
    }
    assert soup(storm()).select_one("#claim-A3-B3")["data-change"] == "no"  # type: ignore[index]


def test_a_quiet_finding_does_not_make_a_change() -> None:
    c = storm()
    quote = FactChange("quote_intact", "A3", "B3", None, None, "quoted word for word")
    page = soup(replace(c, changes=(quote,)))
    assert page.select_one("#claim-A3-B3")["data-change"] == "no"  # type: ignore[index]


def test_unplaced_findings_are_listed_not_lost() -> None:
    stray = FactChange("date_conflict", None, None, None, None, "a date no sentence carries")
    report = build_report(replace(storm(), changes=(stray,)))
    assert [chip.kind for chip in report.unplaced] == ["date_conflict"]
    page = soup(replace(storm(), changes=(stray,)))
    section = page.select_one("section.unplaced")
    assert section is not None and "a date no sentence carries" in section.get_text()


def test_self_contained_and_script_allowed_by_hash_only() -> None:
    text = render_html(storm())
    page = BeautifulSoup(text, "html.parser")
    assert not page.select("link, img, iframe, object, embed, [src]")
    for a in page.select("a[href]"):
        assert a["href"].startswith("#") or "url" in a.get("class", [])
    scripts = page.select("script")
    assert len(scripts) == 1 and not scripts[0].get("src")
    csp = page.select_one('meta[http-equiv="Content-Security-Policy"]')
    assert csp is not None
    body = re.search(r"<script>(.*?)</script>", text, re.S)
    assert body is not None
    digest = base64.b64encode(hashlib.sha256(body.group(1).encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp["content"]
    assert "default-src 'none'" in csp["content"]


def test_controls_are_labelled_form_controls() -> None:
    page = soup(with_findings(storm()))
    for box in page.select("#controls input"):
        label = box.find_parent("label")
        assert label is not None and label.get_text(strip=True)
        assert box["type"] == "checkbox"
    assert page.select_one("#controls button#reset")["type"] == "button"  # type: ignore[index]
    assert page.select_one("#status")["aria-live"] == "polite"  # type: ignore[index]


def test_hostile_text_is_escaped_everywhere() -> None:
    c = xss()
    text = render_html(c)
    page = BeautifulSoup(text, "html.parser")
    assert len(page.select("script")) == 1
    assert not page.select("img, svg, iframe, style ~ style, b, textarea")
    assert len(page.select("style")) == 1
    assert not page.select("[onerror], [onload], [onmouseover]")
    assert not [a for a in page.select("a[href]") if a["href"].lower().lstrip().startswith("javascript")]
    # The javascript: URL of A is shown as text, not linked; B's https URL is linked, escaped.
    urls = page.select(".article .url")
    assert urls[0].name == "span" and urls[0].get_text() == "javascript:alert(document.domain)"
    assert urls[1].name == "a" and urls[1]["href"].startswith("https://example.org/story?a=1&b=")
    # Every sentence reads back exactly as the article has it.
    for result in c.articles:
        for s in result.sentences:
            el = page.select_one(f"#s-{s.id}")
            assert el is not None, s.id
            words = " ".join(el.get_text().split()).removeprefix(s.id).strip()
            assert words.replace(" ", "") == s.text.replace(" ", ""), s.id
    assert "{{ 7 * 7 }}" in text and ">49<" not in text
    assert len(rows(page)) == len(c.alignments)
    for row in rows(page):
        assert len(row.find_all("td", recursive=False)) == 2


def test_the_template_loops_over_articles() -> None:
    c = storm()
    third = Article("C", "A third outlet's copy.", "Third Outlet")
    extra = ArticleResult(third, (Sentence("C1", "C", third.text, 0, len(third.text), "news"),))
    page = soup(replace(c, articles=(*c.articles, extra)))
    assert [o.get_text() for o in page.select(".article .outlet")] == ["Coast Herald", "Wire Copy", "Third Outlet"]
    assert len(page.select("thead th")) == 1 + 3
    assert all(len(row.select("td.side")) == 3 for row in rows(page))
    assert len(page.select("section.set-aside details")) == 3


@pytest.mark.parametrize("make", [storm, lambda: with_findings(storm()), xss])
def test_render_is_deterministic(make) -> None:  # type: ignore[no-untyped-def]
    c = make()
    assert render_html(c) == render_html(c)
