from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from compare.clean import clean, is_title, set_aside
from tests.conftest import SEED_A, SEED_B


def roles(text: str) -> list[tuple[str, str, int]]:
    return [(text[b.start : b.end], b.role, b.story) for b in clean(text)]


def test_headline_caption_label_and_repeats() -> None:
    text = (
        "Storm Floods Coastal Towns in the North\n\n"
        "A flooded street on Monday. (Coast Herald)\n"
        "A flooded street on Monday. (Coast Herald)\n"
        "CH\n\n"
        "Storm Floods Coastal Towns in the North\n\n"
        "A storm flooded three towns on Monday, the council said.\n"
    )
    got = [role for _, role, _ in roles(text)]
    assert got == ["headline", "caption", "caption", "furniture", "headline", "news"]


def test_a_sentence_case_headline_at_the_top_and_a_byline_are_set_aside() -> None:
    text = (
        "Wildfire forces 12,000 to flee in northern California\n\n"
        "By Marcus Lee, Valley Courier\n\n"
        "A wildfire had burned 41,000 acres by Thursday, officials said.\n"
    )
    assert [r for _, r, _ in roles(text)] == ["headline", "furniture", "news"]
    # Only the top line: a later line without a full stop is no headline, and a first
    # paragraph running on over two lines is news.
    assert [r for _, r, _ in roles("The fire spread on Monday\nacross the county.\n\nIt burned.")] == [
        "news",
        "news",
        "news",
    ]
    assert [r for _, r, _ in roles("By the time crews arrived the barn had burned down.\n")] == ["news"]
    for byline in (
        "By Northern Daily Record staff",
        "By Ali Haidar in Beirut",
        "BY JANE DOE AND JOHN ROE",
        "By The Capital Post's foreign desk",
    ):
        assert [r for _, r, _ in roles(f"{byline}\n\nA wildfire spread on Monday.\n")] == ["furniture", "news"]


def test_a_wire_dateline_is_set_apart_from_the_first_paragraph() -> None:
    for dateline in (
        "REDDING, Calif. (Pacific Wire Service) -",
        "GAZA CITY, Dec 2 (Reuters) -",
        "LONDON —",
        "WASHINGTON--",
        "Beirut, Dec. 2 (AFP) --",
    ):
        text = f"{dateline} A wildfire spread on Monday.\n\nLONDON — Crews arrived.\n"
        assert roles(text) == [
            (dateline, "furniture", 0),
            ("A wildfire spread on Monday.", "news", 0),
            ("LONDON — Crews arrived.", "news", 0),  # only the story's first news line has one
        ]
    for lead in (
        "Beirut - Crews arrived on Monday.",
        "NATO forces - and their allies - left.",
        "Smith - who left - said no.",
        "FEMA — The federal disaster agency — sent 40 trucks of water on Friday.",  # a subject, not a place
        "UNICEF -- The UN children's agency -- said 300 schools were shut.",
    ):
        assert roles(lead) == [(lead, "news", 0)]


def test_a_repeated_news_paragraph_is_marked_furniture() -> None:
    text = "The council met on Monday to vote.\n\nThe council met on Monday to vote.\n"
    assert [r for _, r, _ in roles(text)] == ["news", "furniture"]


def test_second_story_starts_at_a_new_headline() -> None:
    text = (
        "Storm Floods Coastal Towns in the North\n\nA storm flooded three towns on Monday.\n\n"
        "Minister Resigns Over Budget Row in Capital\n\nThe finance minister resigned on Tuesday.\n"
    )
    assert [s for _, _, s in roles(text)] == [0, 0, 1, 1]
    aside = set_aside(clean(text), keep={0})
    assert [b.role for b in aside] == ["headline", "news", "other_story", "other_story"]


def test_closing_appeal_after_a_wide_gap_is_boilerplate() -> None:
    text = (
        "A storm flooded three towns on Monday.\n\nRepairs will take weeks, engineers said.\n\n\n"
        "Every story matters\n\nIn times like these, misinformation spreads quickly online.\n\n"
        "Quality journalism costs money.\n\nWe rely on readers like you to support our work.\n"
    )
    got = [r for _, r, _ in roles(text)]
    assert got == ["news", "news", "boilerplate", "boilerplate", "boilerplate", "boilerplate"]


def test_closing_appeal_run_without_gap() -> None:
    text = "A storm flooded three towns on Monday.\n\nSubscribe today: your support keeps our reporters working.\n"
    assert [r for _, r, _ in roles(text)] == ["news", "boilerplate"]


def test_a_quote_with_we_is_still_news() -> None:
    text = "The storm hit on Monday.\n\n“We will rebuild, and we will support every family,” the mayor said.\n"
    assert [r for _, r, _ in roles(text)] == ["news", "news"]


def test_titles() -> None:
    assert is_title("Taiwan Reports Record Turnout in Local Vote")
    assert is_title("STORM HITS NORTHERN COAST TOWNS")
    assert not is_title("The storm hit the coast on Monday.")
    assert not is_title("Every story is a world")
    assert not is_title("TT")


def test_seed_original_furniture_and_second_story() -> None:
    text = SEED_A.read_text(encoding="utf-8")
    blocks = clean(text)
    main = [b for b in blocks if b.story == 0]
    assert sum(b.role == "news" for b in main) == 11
    assert sum(b.role == "caption" for b in main) == 4
    assert sum(b.role == "headline" for b in main) == 2
    assert [text[b.start : b.end] for b in main if b.role == "furniture"] == ["TT"]
    assert {b.story for b in blocks} == {0, 1}


def test_seed_rewrite_donation_appeal_is_boilerplate() -> None:
    text = SEED_B.read_text(encoding="utf-8")
    blocks = clean(text)
    assert [b.role for b in blocks[:9]] == ["news"] * 9
    assert all(b.role == "boilerplate" for b in blocks[9:]) and len(blocks) > 9


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_cleaning_is_idempotent_and_offsets_are_exact(text: str) -> None:
    first = clean(text)
    assert first == clean(text)
    for block in first:
        piece = text[block.start : block.end]
        assert piece == piece.strip() and piece


def test_reported_speech_with_we_and_support_is_news() -> None:
    text = "The vote passed on Monday.\n\nWe think the country should support free speech for all groups, he said.\n"
    assert [r for _, r, _ in roles(text)] == ["news", "news"]
