"""Benchmark (not a test): the seed pair's HTML report, its size and its render time in Chromium.

    .venv/bin/python -m bench.html_render [--runs 10] [--keep reports/seed.html]

Compares the seed pair with the real bundled model (and the facts stage, when installed),
renders the report, and loads it ``--runs`` times in a fresh page of Debian's headless
Chromium, driven by Playwright. Prints the size, the Python render time, and the browser's
own timings of each load (navigation start to DOMContentLoaded, to the ``load`` event, and to
the report's script marking the page ready), as medians and worsts. The bars: under 300 KB,
under 1 s in the browser.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "fixtures" / "asharq_al_awsat.txt", ROOT / "fixtures" / "jns.txt")
META = (("Asharq al-Awsat", date(2023, 9, 1)), ("JNS", date(2023, 9, 1)))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
SIZE_BAR = 300 * 1024
TIME_BAR_MS = 1000.0


def seed_comparison() -> Any:
    from compare import compare_articles, load_article
    from compare.embed import SentenceTransformerEmbedder
    from compare.ingest import Metadata

    articles = [
        load_article(path, art_id, Metadata(outlet, published))
        for path, art_id, (outlet, published) in zip(SEED, "AB", META, strict=True)
    ]
    try:
        from compare.facts import FactExtractor

        return compare_articles(articles, SentenceTransformerEmbedder(), facts=FactExtractor())
    except ImportError:
        return compare_articles(articles, SentenceTransformerEmbedder())


def browser_timings(path: Path, runs: int, chromium: str) -> list[dict[str, float]]:
    from playwright.sync_api import sync_playwright

    out = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            start = time.perf_counter()
            page.goto(path.as_uri(), wait_until="load")
            page.wait_for_selector("html.ready", state="attached")
            wall = (time.perf_counter() - start) * 1000
            nav = page.evaluate(
                """() => {
                    const n = performance.getEntriesByType('navigation')[0];
                    const paint = performance.getEntriesByName('first-contentful-paint')[0];
                    return {dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd,
                            fcp: paint ? paint.startTime : -1};
                }"""
            )
            out.append({"wall": wall, **nav})
            page.close()
        browser.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--keep", type=Path, help="also write the report here")
    args = parser.parse_args(argv)

    from compare.render.html import render_html

    comparison = seed_comparison()
    render_html(comparison)  # warm the template cache
    start = time.perf_counter()
    html = render_html(comparison)
    render_ms = (time.perf_counter() - start) * 1000
    size = len(html.encode("utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "seed.html"
        path.write_text(html, encoding="utf-8")
        if args.keep:
            args.keep.write_text(html, encoding="utf-8")
        timings = browser_timings(path, args.runs, args.chromium)

    print(f"seed report: {size:,} bytes ({size / 1024:.1f} KiB; bar {SIZE_BAR // 1024} KiB)")
    print(f"  {len(comparison.alignments)} rows, {len(comparison.changes)} findings")
    print(f"python render_html: {render_ms:.1f} ms")
    for key, what in (
        ("dcl", "DOMContentLoaded"),
        ("fcp", "first contentful paint"),
        ("load", "load event"),
        ("wall", "goto → report ready (wall)"),
    ):
        values = [t[key] for t in timings]
        print(f"chromium {what}: median {statistics.median(values):.1f} ms, worst {max(values):.1f} ms")
    worst = max(t["wall"] for t in timings)
    ok = size < SIZE_BAR and worst < TIME_BAR_MS
    print("bars met" if ok else "BARS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
