from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from compare import compare_articles, load_article
from compare.errors import CompareError, NoContentError
from compare.ingest import from_text
from tests.conftest import TEST_FIXTURES, FakeEmbedder


@pytest.fixture
def storm() -> object:
    a = load_article(TEST_FIXTURES / "original.txt", "A")
    b = load_article(TEST_FIXTURES / "rewrite.txt", "B")
    return compare_articles([a, b], FakeEmbedder())


def test_storm_fixture_alignments(storm) -> None:  # type: ignore[no-untyped-def]
    got = [(x.a, x.b, x.verdict) for x in storm.alignments]
    assert got == [
        # same claims; the swapped source (council -> Coast Herald) is a fact finding, not a new
        # claim: news outlets swap sources freely (MSRP annotators call most such pairs paraphrases)
        (("A1", "A2"), ("B1",), "reworded"),
        (("A3",), ("B3",), "reworded"),
        ((), ("B4",), "added"),  # placed after B3, the sentence it follows in B
        (("A4",), (), "dropped"),
        (("A5",), ("B2",), "changed"),
    ]
    five_to_two = storm.alignments[4]
    assert five_to_two.reasons == ("-two", "+six")


def test_every_sentence_keeps_its_offsets_and_role(storm) -> None:  # type: ignore[no-untyped-def]
    for result in storm.articles:
        for s in result.sentences:
            assert result.article.text[s.start : s.end] == s.text
    roles = {s.role for r in storm.articles for s in r.sentences}
    assert roles == {"news", "headline", "caption", "furniture", "boilerplate"}


def test_a_one_line_claim_is_compared_not_discarded() -> None:
    a = from_text("Storm Floods Three Coastal Towns", "A")
    b = from_text("Storm Floods Four Coastal Towns", "B")
    comparison = compare_articles([a, b], FakeEmbedder())
    assert [(x.a, x.b, x.verdict) for x in comparison.alignments] == [(("A1",), ("B1",), "changed")]


def test_only_a_menu_of_labels_is_an_error() -> None:
    a = from_text("The storm hit on Monday.", "A", source="a.txt")
    b = from_text("Home\nNews\nSports\n", "B", source="menu.txt")
    with pytest.raises(NoContentError, match=r"menu\.txt: no article text left"):
        compare_articles([a, b], FakeEmbedder())


def test_only_boilerplate_is_an_error() -> None:
    a = from_text("The storm hit on Monday.", "A", source="a.txt")
    b = from_text("Subscribe today: your support keeps our reporters working.", "B", source="b.txt")
    with pytest.raises(NoContentError, match=r"b\.txt: no article text left"):
        compare_articles([a, b], FakeEmbedder())


def test_second_story_is_chosen_by_similarity_to_the_other_article() -> None:
    text = (
        "Minister Resigns Over Budget Row in Capital\n\nThe finance minister resigned over the budget on Tuesday.\n\n"
        "Storm Floods Coastal Towns in the North\n\nA storm flooded three coastal towns on Monday.\n"
    )
    a = from_text(text, "A")
    b = from_text("A storm flooded three coastal towns on Monday night.", "B")
    comparison = compare_articles([a, b], FakeEmbedder())
    kept = [s.text for s in comparison.articles[0].news]
    assert kept == ["A storm flooded three coastal towns on Monday."]
    assert (
        comparison.articles[0]
        .notes[0]
        .startswith("second story detected and set aside “Minister Resigns Over Budget Row in Capital” (1 sentences)")
    )


def test_needs_two_articles() -> None:
    with pytest.raises(CompareError, match="exactly two"):
        compare_articles([from_text("One.", "A")], FakeEmbedder())


def test_a_subheading_does_not_set_aside_the_rest_of_the_story() -> None:
    text = (
        "Storm Floods Coastal Towns in the North\n\nA storm flooded three coastal towns on Monday.\n\n"
        "Coastal Towns Count the Cost of the Storm\n\nThe storm damaged coastal homes in three towns.\n"
    )
    a = from_text(text, "A")
    b = from_text("A storm flooded three coastal towns on Monday night.", "B")
    comparison = compare_articles([a, b], FakeEmbedder())
    assert len(comparison.articles[0].news) == 2
    assert not any(s.role == "other_story" for s in comparison.articles[0].sentences)


def test_reading_warnings_travel_with_the_comparison_and_show_in_the_report() -> None:
    from dataclasses import replace

    from compare.render.terminal import render_terminal

    a = replace(from_text("The storm hit the coast on Monday.", "A"), warnings=("a.txt: decoded as windows-1252",))
    b = from_text("The storm hit the coast on Monday night.", "B")
    comparison = compare_articles([a, b], FakeEmbedder())
    assert comparison.warnings == ("a.txt: decoded as windows-1252",)
    assert "warning: a.txt: decoded as windows-1252" in render_terminal(comparison)


@pytest.mark.parametrize(("published_a", "verdict"), [(date(2024, 5, 2), "reworded"), (date(2024, 5, 9), "changed")])
def test_a_weekday_spelled_out_as_the_same_day_is_not_a_change(published_a: date, verdict: str) -> None:
    # Published Thursday May 2, "Wednesday" is May 1; published May 9, it is May 8.
    a = replace(from_text("The ministry said on Wednesday that the bridge would reopen.", "A"), published=published_a)
    b = replace(from_text("The ministry said on May 1 that the bridge would reopen.", "B"), published=date(2024, 5, 3))
    (alignment,) = compare_articles([a, b], FakeEmbedder()).alignments
    assert alignment.verdict == verdict
    assert ("-Wednesday" in alignment.reasons) == (verdict == "changed")
