from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from compare.diff import diff_tokens, tokenize
from compare.models import Sentence, Token


def toks(words: list[str]) -> list[Token]:
    return [Token(w, 0, 0) for w in words]


@given(
    st.lists(st.sampled_from(["a", "b", "c", "Aug.", "31", "the", "army", "left"]), max_size=12),
    st.lists(st.sampled_from(["a", "b", "c", "Aug.", "31", "the", "army", "left"]), max_size=12),
)
def test_opcodes_tile_both_sides_and_rebuild_b(a_words: list[str], b_words: list[str]) -> None:
    a, b = toks(a_words), toks(b_words)
    ops = diff_tokens(a, b)
    rebuilt: list[str] = []
    i = j = 0
    for op in ops:
        assert (op.i1, op.j1) == (i, j)
        rebuilt += [t.text for t in (a[op.i1 : op.i2] if op.tag == "equal" else b[op.j1 : op.j2])]
        i, j = op.i2, op.j2
    assert (i, j) == (len(a), len(b))
    assert rebuilt == [t.text.lower() for t in b] or rebuilt == [t.text for t in b]


def test_typographic_quotes_and_case_are_not_changes() -> None:
    s1 = Sentence("A1", "A", "Syria’s army", 0, 12, "news")
    s2 = Sentence("B1", "B", "syria's Army", 0, 12, "news")
    assert [op.tag for op in diff_tokens(tokenize([s1]), tokenize([s2]))] == ["equal"]


def test_token_offsets_are_absolute() -> None:
    text = "xx The army left."
    s = Sentence("A1", "A", text[3:], 3, len(text), "news")
    for tok in tokenize([s]):
        assert text[tok.start : tok.end] == tok.text
