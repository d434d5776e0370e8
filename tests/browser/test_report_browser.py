"""The HTML report in real headless Chromium: findings visible, filters, highlighting, print,
screenshots, no network, and hostile article text that runs nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import compare.cli
from compare import Comparison
from compare.render.html import render_html
from tests.browser.conftest import Watched
from tests.conftest import SEED_A, SEED_B
from tests.report_data import storm, with_findings, xss

pytestmark = pytest.mark.browser


def open_report(watched: Watched, comparison: Comparison, tmp_path: Path, name: str = "report.html") -> Any:
    path = tmp_path / name
    path.write_text(render_html(comparison), encoding="utf-8")
    watched.open(path)
    return watched.page


def visible_rows(page: Any) -> list[str]:
    return page.eval_on_selector_all("tr.claim", "rows => rows.filter(r => !r.hidden).map(r => r.id)")


def test_findings_are_visible_and_the_page_is_quiet(watched: Watched, tmp_path: Path) -> None:
    c = with_findings(storm())
    page = open_report(watched, c, tmp_path)
    assert page.locator("#controls").is_visible()
    assert page.locator("#status").inner_text() == "Showing 5 of 5 claims"
    chips = page.locator("button.chip")
    assert chips.count() == len(c.changes)
    for k, change in enumerate(c.changes):
        chip = page.locator(f'button.chip[data-finding="{k}"]')
        assert chip.is_visible()
        assert change.kind.replace("_", " ") in chip.inner_text() and change.detail in chip.inner_text()
    assert "Findings: 1 fact dropped" in page.locator(".summary").inner_text()
    assert watched.dialogs == [] and watched.errors == []
    assert watched.requests == [(tmp_path / "report.html").as_uri()]


def test_filters_hide_rows(watched: Watched, tmp_path: Path) -> None:
    page = open_report(watched, with_findings(storm()), tmp_path)
    everything = ["claim-A1-A2-B1", "claim-A3-B3", "claim-B4", "claim-A4", "claim-A5-B2"]
    assert visible_rows(page) == everything
    verdicts = page.get_by_role("group", name="Verdict")
    kinds = page.get_by_role("group", name="Only claims with a finding of kind")
    verdicts.get_by_label("dropped").uncheck()
    assert visible_rows(page) == [r for r in everything if r != "claim-A4"]
    assert not page.locator("#claim-A4").is_visible()
    assert page.locator("#status").inner_text() == "Showing 4 of 5 claims"
    kinds.get_by_label("number changed").check()
    assert visible_rows(page) == ["claim-A5-B2"]
    kinds.get_by_label("new source").check()
    assert visible_rows(page) == ["claim-B4", "claim-A5-B2"]
    page.get_by_role("button", name="Show all claims").click()
    assert visible_rows(page) == everything
    for verdict in ("identical", "reworded", "changed", "dropped", "added"):
        verdicts.get_by_label(verdict).uncheck()
    assert visible_rows(page) == [] and page.locator("#no-rows").is_visible()


def test_show_changes_only_and_keyboard(watched: Watched, tmp_path: Path) -> None:
    page = open_report(watched, storm(), tmp_path)
    changes = page.eval_on_selector_all("tr.claim[data-change=yes]", "rows => rows.map(r => r.id)")
    assert "claim-A3-B3" not in changes and {"claim-A4", "claim-B4", "claim-A5-B2"} <= set(changes)
    page.get_by_label("Show changes only").check()
    assert visible_rows(page) == changes
    page.get_by_label("Show changes only").uncheck()
    # Keyboard only: tab onto the filter, toggle it with the space bar.
    page.focus('input[name="verdict"][value="added"]')
    page.keyboard.press("Space")
    assert "claim-B4" not in visible_rows(page)
    page.keyboard.press("Space")
    assert "claim-B4" in visible_rows(page)


def classes(page: Any, selector: str) -> set[str]:
    return set(page.get_attribute(selector, "class").split())


def test_hover_and_click_highlight_the_counterpart(watched: Watched, tmp_path: Path) -> None:
    page = open_report(watched, with_findings(storm()), tmp_path)
    page.hover("#s-A5")
    assert "hl" in classes(page, "#s-A5") and "counterpart" in classes(page, "#s-B2")
    page.hover("#s-B1")
    assert "counterpart" not in classes(page, "#s-B2")
    assert "counterpart" in classes(page, "#s-A1") and "counterpart" in classes(page, "#s-A2")
    page.click("#s-A3")  # pinned: stays lit while the pointer moves on
    page.hover("h1")
    assert "counterpart" in classes(page, "#s-B3")
    page.keyboard.press("Escape")
    assert "counterpart" not in classes(page, "#s-B3")
    # Keyboard: focus a sentence, Enter pins it.
    page.focus("#s-B2")
    page.keyboard.press("Enter")
    page.hover("h1")
    assert "counterpart" in classes(page, "#s-A5")
    page.keyboard.press("Escape")
    # A finding chip lights its sentences and the facts' words.
    chip = 'button.chip[data-kind="number_changed"]'
    page.click(chip)
    assert page.get_attribute(chip, "aria-pressed") == "true"
    lit = page.eval_on_selector_all(".hl-fact", "els => els.map(e => e.textContent)")
    assert lit == ["two", "weeks", "six", "weeks"]
    assert "counterpart" in classes(page, "#s-A5") and "counterpart" in classes(page, "#s-B2")


def test_permalink_targets_its_row(watched: Watched, tmp_path: Path) -> None:
    page = open_report(watched, storm(), tmp_path)
    page.click("#claim-A5-B2 a.permalink")
    assert page.url.endswith("#claim-A5-B2")
    assert page.evaluate("document.querySelector(':target').id") == "claim-A5-B2"


def test_print_and_screenshot(watched: Watched, tmp_path: Path) -> None:
    page = open_report(watched, with_findings(storm()), tmp_path)
    shot = tmp_path / "storm.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 20_000
    page.emulate_media(media="print")
    assert not page.locator("#controls").is_visible()
    assert page.locator("#claim-A5-B2").is_visible()
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator("#set-aside-A").get_attribute("open") is not None
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.locator("#set-aside-A").get_attribute("open") is None


def test_hostile_text_runs_nothing_and_reads_as_text(watched: Watched, tmp_path: Path) -> None:
    c = xss()
    page = open_report(watched, c, tmp_path, "xss.html")
    # Give any injected handler its chance: hover and click every sentence, open the set-aside lists.
    for sentence in page.locator(".sent").all():
        sentence.hover()
        sentence.click()
    for summary in page.locator("details > summary").all():
        summary.click()
    page.wait_for_timeout(200)
    assert watched.dialogs == []
    assert watched.errors == []
    assert not [m for m in watched.console if "Content Security Policy" in m]
    assert watched.requests == [(tmp_path / "xss.html").as_uri()]
    counts = page.evaluate(
        """() => ({
            scripts: document.scripts.length,
            injected: document.querySelectorAll('img, svg, iframe, textarea, b, a[href^="javascript"]').length,
            styles: document.querySelectorAll('style').length,
            handlers: document.querySelectorAll('[onerror], [onload], [onmouseover]').length,
        })"""
    )
    assert counts == {"scripts": 1, "injected": 0, "styles": 1, "handlers": 0}
    assert page.get_by_text('<img src=x onerror=alert(1)>"').first.is_visible()
    assert page.locator("#s-A4").inner_text().startswith("A4 The draft ended with </textarea></script><script>")
    # Layout intact: every row has its cells, the body is visible, the footer is there after the table.
    assert page.locator("tr.claim").count() == len(c.alignments)
    assert page.eval_on_selector_all("tr.claim", "rows => rows.every(r => r.cells.length === 3)")
    assert page.locator("footer").is_visible() and page.locator("body").is_visible()
    page.screenshot(path=str(tmp_path / "xss.png"), full_page=True)


@pytest.mark.model
def test_seed_report(watched: Watched, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The seed pair through the command line, as a user runs it: every finding it reports is visible."""
    seen: list[Comparison] = []
    render = compare.cli._render

    def spy(comparison: Comparison, *args: Any) -> str:
        seen.append(comparison)
        return render(comparison, *args)

    monkeypatch.setattr(compare.cli, "_render", spy)
    target = tmp_path / "seed.html"
    meta = ["--outlet", "Asharq al-Awsat", "--outlet", "JNS", "--published", "2023-09-01", "--published", "2023-09-01"]
    result = CliRunner().invoke(compare.cli.main, [str(SEED_A), str(SEED_B), *meta, "-f", "html", "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    (c,) = seen
    watched.open(target)
    page = watched.page
    # EXPECTED.md: A1 and A2 merged into B1; A3 and A9 dropped; B9 and B10 added; the second story set aside.
    merged = page.locator("tr.claim", has=page.locator("#s-B1"))
    assert merged.locator("#s-A1").is_visible() and merged.locator("#s-A2").is_visible()
    for dropped in ("A3", "A9"):
        assert page.locator(f"#claim-{dropped}").get_attribute("data-verdict") == "dropped"
    for added in ("B9", "B10"):
        assert page.locator(f"#claim-{added}").get_attribute("data-verdict") == "added"
    assert "second story detected and set aside" in page.locator("header").inner_text()
    for k, change in enumerate(c.changes):
        assert page.locator(f'button.chip[data-finding="{k}"]').first.is_visible(), change
    page.screenshot(path=str(tmp_path / "seed.png"), full_page=True)
    assert watched.dialogs == [] and watched.errors == []
