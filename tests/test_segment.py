from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compare.clean import clean
from compare.models import Block
from compare.segment import segment


def sentences(text: str) -> list[str]:
    return [s.text for s in segment(text, (Block(0, len(text), "news"),), "A")]


def test_abbreviations_do_not_split() -> None:
    text = "The talks began on Aug. 31 at 5 p.m. in the U.S. capital, Mr. Smith said. They ended at dawn."
    assert sentences(text) == [
        "The talks began on Aug. 31 at 5 p.m. in the U.S. capital, Mr. Smith said.",
        "They ended at dawn.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "He made a call. Prices fell.",
        "The plant closed two years ago. Shares fell 6 percent.",
        "Sales rose for a third week. Analysts expected that.",
        "The loan came from a state bank. Shares fell.",
        "The officials said so. Talks resume on Monday.",
        "He fell ill. Doctors said he was recovering.",
        "Exports of iron ore. Prices fell.",
        "Sales rose on Monday. iPhone sales fell.",
    ],
)
def test_a_plain_word_that_ends_a_sentence_is_no_abbreviation(text: str) -> None:
    # nupunkt's list reads "call", "ago", "week", "bank" and "so" as abbreviations.
    assert len(sentences(text)) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Gov. Ann Lee and Sen. Ray Cole met on Wed. Sept. 4 in Sacramento, Calif., officials said.",
        "Rep. Tom Ortiz of Acme Corp. spoke to approx. 300 people at St. Mary's church.",
        "The No. 2 official at the U.S. Dept. of Labor, Capt. Jo Park, resigned.",
        "Sens. Elizabeth Warren and Bernie Sanders met Drs. Mia Chu and Al Roe and Brig. Gen. Jo Park.",
        "Dist. Atty. Alvin Bragg and Asst. Chief Mark Long spoke at Sts. Peter and Paul church.",
        "The 4 hrs. delay at Acme Mfg. Co. in Montreal, Que. angered staff.",
        "Officials in Boston, Mass. said the state Dem. party would meet in Salem, Ore. next week.",
        "Reps. Maria Lee and Tom Ortiz met Cmdr. Jo Park of Acme Intl. Corp. on Friday.",
    ],
)
def test_real_abbreviations_in_news_still_do_not_split(text: str) -> None:
    assert sentences(text) == [text]


def test_ids_number_news_apart_from_furniture() -> None:
    text = "Storm Floods Coastal Towns in the North\n\nTT\n\nThe storm hit. Towns flooded.\n"
    got = [(s.id, s.role) for s in segment(text, clean(text), "B")]
    assert got == [("Bx1", "headline"), ("Bx2", "furniture"), ("B1", "news"), ("B2", "news")]


def test_hard_wrapped_lines_join_into_one_sentence() -> None:
    text = "The storm hit the coast on\nMonday night, officials said.\n\nRepairs began.\n"
    assert [s.text for s in segment(text, clean(text), "A")] == [
        "The storm hit the coast on\nMonday night, officials said.",
        "Repairs began.",
    ]


@given(st.text(max_size=500))
def test_offsets_slice_back_to_the_text(text: str) -> None:
    for s in segment(text, clean(text), "A"):
        assert text[s.start : s.end] == s.text
        assert s.text.strip() == s.text and s.text


def test_an_acronym_ends_its_sentence_before_a_capitalised_word() -> None:
    text = "Ruiz won 52.4% of the vote, according to AP. Weiss got 44.1%, the commission said."
    got = [s.text for s in segment(text, (Block(0, len(text), "news"),), "A")]
    assert got == ["Ruiz won 52.4% of the vote, according to AP.", "Weiss got 44.1%, the commission said."]


def test_a_dateline_or_abbreviation_in_capitals_does_not_end_a_sentence() -> None:
    for text in ("ST. LOUIS (AP) — The city council voted on Monday.", "ACME CORP. Rose 5% in early trading."):
        assert [s.text for s in segment(text, (Block(0, len(text), "news"),), "A")] == [text]
