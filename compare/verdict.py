"""The verdict on an aligned group: identical, reworded or changed.

``changed`` means a detail a reader would check differs: a number, a name, a date, a negation.
A token carries such a detail when it holds a digit, is a capitalised word inside the
sentence (a name), names a month or weekday, or negates. A fact token only counts as changed
when it sits in a changed stretch of the diff *and* has no counterpart anywhere in the other
side (compared on a short prefix, so ``Syria's``/``Syrian`` agree), so moved words and
inflections do not count.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from compare.diff import fold
from compare.models import DiffOp, Token, Verdict

_MONTHS_DAYS = frozenset(
    [
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "tomorrow",
    ]
)
_NUMBER_WORDS = frozenset(
    [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "hundred",
        "thousand",
        "million",
        "billion",
        "trillion",
        "dozen",
        "dozens",
        "half",
        "first",
        "second",
        "third",
    ]
)
_NEGATIONS = frozenset(
    ["not", "no", "never", "n't", "without", "nobody", "none", "nothing", "neither", "nor", "cannot"]
)
_PREFIX = 5


def is_fact_token(tokens: Sequence[Token], k: int) -> bool:
    """Whether ``tokens[k]`` carries a checkable detail (number, name, date, negation)."""
    text = tokens[k].text
    low = fold(text).rstrip(".")
    if any(c.isdigit() for c in text) or low in _MONTHS_DAYS or low in _NUMBER_WORDS or low in _NEGATIONS:
        return True
    sentence_start = k == 0 or tokens[k - 1].text in {".", "!", "?", "“", '"'}
    return text[:1].isupper() and not sentence_start


def _key(text: str) -> str:
    low = fold(text)
    low = low[:-2] if low.endswith("'s") else low
    return low if any(c.isdigit() for c in low) else low[:_PREFIX]


def _runs(tokens: Sequence[Token], picked: list[int]) -> list[str]:
    """Picked tokens joined into phrases: neighbours, or two apart across punctuation."""
    groups: list[list[int]] = []
    for k in picked:
        if groups and (k == groups[-1][-1] + 1 or (k == groups[-1][-1] + 2 and not tokens[k - 1].text.isalnum())):
            groups[-1].extend(range(groups[-1][-1] + 1, k + 1))
        else:
            groups.append([k])
    return [token_text(tokens[g[0] : g[-1] + 1]) for g in groups]


def token_text(tokens: Sequence[Token]) -> str:
    """Tokens back to text, spaced as they were in the article."""
    out = tokens[0].text
    for prev, tok in itertools.pairwise(tokens):
        out += ("" if tok.start == prev.end else " ") + tok.text
    return out


def verdict(a: Sequence[Token], b: Sequence[Token], ops: Sequence[DiffOp]) -> tuple[Verdict, tuple[str, ...]]:
    """The verdict for a two-sided group and, for ``changed``, the details that differ.

    >>> from compare.diff import diff_tokens
    >>> from compare.models import Token
    >>> toks = lambda s: [Token(w, 0, 0) for w in s.split()]
    >>> a, b = toks("The army left on Wednesday ."), toks("The army departed on Thursday .")
    >>> verdict(a, b, diff_tokens(a, b))
    ('changed', ('-Wednesday', '+Thursday'))
    >>> b = toks("The troops departed on Wednesday .")
    >>> verdict(a, b, diff_tokens(a, b))[0]
    'reworded'
    """
    if all(op.tag == "equal" for op in ops):
        return "identical", ()
    keys_a = {_key(t.text) for t in a}
    keys_b = {_key(t.text) for t in b}
    reasons: list[str] = []
    for op in ops:
        if op.tag == "equal":
            continue
        lost = [k for k in range(op.i1, op.i2) if is_fact_token(a, k) and _key(a[k].text) not in keys_b]
        new = [k for k in range(op.j1, op.j2) if is_fact_token(b, k) and _key(b[k].text) not in keys_a]
        reasons += [f"-{run}" for run in _runs(a, lost)] + [f"+{run}" for run in _runs(b, new)]
    if reasons:
        return "changed", tuple(dict.fromkeys(reasons))
    return "reworded", ()
