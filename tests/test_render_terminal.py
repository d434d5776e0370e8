from __future__ import annotations

import re
from dataclasses import replace

from compare import compare_articles, load_article
from compare.render.terminal import render_terminal
from tests.conftest import TEST_FIXTURES, FakeEmbedder


def storm():  # type: ignore[no-untyped-def]
    a, b = (load_article(TEST_FIXTURES / f"{name}.txt", k) for name, k in (("original", "A"), ("rewrite", "B")))
    # Paths as a user would type them, so the golden file does not depend on the checkout's place.
    a, b = replace(a, source="original.txt"), replace(b, source="rewrite.txt")
    return compare_articles([a, b], FakeEmbedder())


def test_plain_report_matches_golden(golden) -> None:  # type: ignore[no-untyped-def]
    golden("storm_terminal.txt", render_terminal(storm(), width=100, color=False))


def test_plain_report_fits_100_columns_and_has_no_escape_codes() -> None:
    text = render_terminal(storm(), width=100, color=False)
    assert "\x1b[" not in text
    assert max(len(line) for line in text.splitlines()) <= 100
    assert "{+six+}" in text and "[-two-]" in text


def test_colour_report_marks_changes_with_styles_not_brackets() -> None:
    text = render_terminal(storm(), width=100, color=True)
    assert "\x1b[" in text
    plain = re.sub(r"\x1b\[[0-9;]*m", "", text)
    assert "{+six+}" not in plain and "six" in plain


def test_article_text_is_printed_verbatim_not_read_as_markup() -> None:
    from compare.ingest import Metadata, from_text

    a = from_text(
        "The council closed the harbour road after the storm.\n\n"
        "Officials said “[the agency] will not comment” on the [bold] plan [/] today.",
        "A",
        Metadata("[bold]Daily[/bold]", None),
    )
    b = replace(from_text("The council closed the harbour road after the storm.", "B"), source="x [draft].txt")
    text = render_terminal(compare_articles([a, b], FakeEmbedder()), width=200, color=True)
    plain = re.sub(r"\x1b\[[0-9;]*m", "", text)
    assert "“[the agency] will not comment” on the [bold] plan [/] today." in plain
    assert "[bold]Daily[/bold] (A)" in plain and "x [draft].txt" in plain
