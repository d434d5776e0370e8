from __future__ import annotations

import pytest

from compare.diff import diff_tokens, tokenize
from compare.models import Sentence
from compare.verdict import verdict


def judge(a: str, b: str) -> tuple[str, tuple[str, ...]]:
    ta = tokenize([Sentence("A1", "A", a, 0, len(a), "news")])
    tb = tokenize([Sentence("B1", "B", b, 0, len(b), "news")])
    return verdict(ta, tb, diff_tokens(ta, tb))


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("The army left on Monday.", "The army left on Monday.", "identical"),
        ("The army left on Monday.", "the army left on monday .", "identical"),
        ("The army left the town on Monday.", "The troops departed from the town on Monday.", "reworded"),
        ("Syria’s army left.", "The Syrian army left.", "reworded"),
        ("The army left on Monday.", "The army left on Tuesday.", "changed"),
        ("Forty people died.", "Fifty people died.", "changed"),
        ("The army left 40 towns.", "The army left 14 towns.", "changed"),
        ("The army did not leave.", "The army left.", "changed"),
        ("The army left, officials said.", "The army left, Reuters reported.", "changed"),
        ("The talks began on Aug. 31.", "The talks began on Aug. 25.", "changed"),
    ],
)
def test_verdicts(a: str, b: str, expected: str) -> None:
    assert judge(a, b)[0] == expected


def test_reasons_name_the_changed_details() -> None:
    assert judge("They met on Wednesday.", "They met on Aug. 31.")[1] == ("-Wednesday", "+Aug. 31")
