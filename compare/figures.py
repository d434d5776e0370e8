"""Figures in tokens: the numbers and day or month names a verdict compares.

A figure is a token's kind and value (``("$", 14.0)``, ``("date", "wed")``). Two figures of one
kind conflict unless one is a rounding of the other ("5.91" → "6") or the rewrite says it
approximately or as a bound at its rounding ("nearly 950" for 945, "more than 18,000" for
18,400).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from compare.diff import fold
from compare.lexicon import NUMBER_WORDS
from compare.models import Token

MONTHS_DAYS = frozenset(
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


_SMALL_NUMBERS = {w: float(n) for w, n in NUMBER_WORDS.items() if n <= 12 and w != "dozen"} | {
    "no": 0.0  # "No deaths" → "Two deaths"
}


_FIGURE = re.compile(r"([a-z]{0,2}\$|£|€)?(\d[\d,]*(?:\.\d+)?)(%|[a-z]{0,3})")


#: A tally, score or range written as two figures ("7-2", "21-14", "10-15"): compared whole.
_TALLY = re.compile(r"\d+-\d+")


#: A figure: its kind (a unit such as ``$`` or ``%``, or ``date`` for a day or month name) and
#: its value. A weekday replaced by a month (``Wednesday`` → ``Aug. 31``) is a conflict unless
#: the publication dates make them the same day (see :func:`compare.verdict.same_days`).
Figure = tuple[str, float | str]


def figure(text: str) -> Figure | None:
    """The kind and value of a number or date token; ``None`` for anything else (``yesterday``).

    >>> figure("US$2,053.27"), figure("Six"), figure("40%"), figure("Wednesday"), figure("Aug.")
    (('us$', 2053.27), ('', 6.0), ('%', 40.0), ('date', 'wed'), ('date', 'aug'))
    >>> figure("yesterday") is None and figure("Reuters") is None
    True
    >>> figure("7-2"), conflict([figure("7-2")], [figure("6-3")], 0.0)
    (('tally', '7-2'), True)
    """
    low = fold(text).replace(".", "") if not any(c.isdigit() for c in text) else fold(text).rstrip(".")
    if low in _SMALL_NUMBERS:
        return "", _SMALL_NUMBERS[low]
    if low in MONTHS_DAYS and low[:3] not in ("tod", "yes", "tom"):
        return "date", low[:3]
    if _TALLY.fullmatch(low):
        return "tally", low
    match = _FIGURE.fullmatch(low)
    if not match:
        return None
    return (match.group(1) or "") + match.group(3), float(match.group(2).replace(",", ""))


#: Lengths of time in days: "two days" and "48 hours" are one length.
DAYS = {
    "minute": 1 / 1440,
    "hour": 1 / 24,
    "day": 1.0,
    "week": 7.0,
    "fortnight": 14.0,
    "month": 365.25 / 12,
    "quarter": 365.25 / 4,
    "year": 365.25,
    "decade": 3652.5,
    "century": 36525.0,
}


def with_unit(fig: Figure, tokens: Sequence[Token], k: int) -> Figure:
    """``fig``, the figure of ``tokens[k]``, with the unit the next token gives it: a length of
    time in days ("two days" and "48 hours" are one figure), or a share ("Seven percent" is "7%").

    >>> toks = lambda s: [Token(w, 0, 0) for w in s.split()]
    >>> with_unit(("", 2.0), toks("two days"), 0), with_unit(("", 48.0), toks("48 hours"), 0)
    (('days', 2.0), ('days', 2.0))
    >>> with_unit(("", 7.0), toks("Seven percent"), 0), with_unit(("", 48.0), toks("48 people"), 0)
    (('%', 7.0), ('', 48.0))
    >>> with_unit(("$", 2.0), toks("$2 a day"), 0), with_unit(("", 5.0), toks("5 per 1,000"), 0)
    (('$', 2.0), ('', 5.0))
    """
    if fig[0] or isinstance(fig[1], str) or k + 1 >= len(tokens):
        return fig
    unit = fold(tokens[k + 1].text)
    per_cent = unit == "per" and k + 2 < len(tokens) and fold(tokens[k + 2].text) == "cent"  # not "5 per 1,000"
    if unit in ("%", "percent", "pct") or per_cent:  # "8 %" as tokenised
        return "%", fig[1]
    unit = unit[:-1] if unit.endswith("s") else unit
    return ("days", fig[1] * DAYS[unit]) if unit in DAYS else fig


def conflict(lost: Sequence[Figure], new: Sequence[Figure], tolerance: float) -> bool:
    """Whether new figures replace lost ones of the same kind, none a rounding of a lost one.

    >>> conflict([("", 2.0)], [("", 6.0)], 0.0), conflict([("", 5.91)], [("", 6.0)], 0.0)
    (True, False)
    >>> conflict([("", 4.5)], [("", 4.75)], 0.0), conflict([("date", "wed")], [("date", "aug")], 0.0)
    (True, True)
    >>> conflict([("£", 9.0)], [("$", 14.0)], 0.0)
    False
    """
    pairs = [(kind, x, y) for kind, x in lost for kind_y, y in new if kind == kind_y]
    if not pairs:
        return False
    for kind, x, y in pairs:
        if isinstance(x, str) or isinstance(y, str):
            if x == y:
                return False
        elif kind == "days":  # lengths in other units: "36 hours" is no rounding of "two days"
            if abs(x - y) <= 0.02 * max(x, y):
                return False
        elif _rounds(x, y) or _rounds(y, x) or abs(x - y) <= tolerance * max(abs(x), abs(y)):
            return False
    return True


#: Words that make a number approximate ("nearly 950" for 945, "an estimated $2.3 million").
#: Bounds ("more than 20", "over 2,000", "up to 10") are not: 15 contradicts "more than 20".
#: "estimated" only with its article: "officials estimated 300" is a verb, its figure theirs.
APPROXIMATE = frozenset(
    [*"about around nearly almost roughly approximately some".split(), "an estimated", "the estimated"]
)


def approximation(words: str, at_end: bool = False) -> str:
    """The word or phrase of :data:`APPROXIMATE` that the folded ``words`` start with (or end
    with, ``at_end``: the words before a figure); "" when there is none.

    >>> approximation("an estimated $2.3 million"), approximation("escaped with an estimated", at_end=True)
    ('an estimated', 'an estimated')
    >>> approximation("some 300"), approximation("awesome", at_end=True), approximation("300 estimated")
    ('some', '', '')
    """
    for phrase in APPROXIMATE:
        if (words.endswith(" " + phrase) or words == phrase) if at_end else f"{words} ".startswith(phrase + " "):
            return phrase
    return ""


def approximated(fig: Figure, others: Sequence[int], tokens: Sequence[Token]) -> bool:
    """Whether one of the tokens ``others`` (indices into ``tokens``) is ``fig`` said
    approximately, or bounded at its rounding: "nearly 950" for 945, "more than 18,000" for 18,400.

    >>> toks = [Token("nearly", 0, 6), Token("950", 7, 10)]
    >>> approximated(("", 945.0), [1], toks), approximated(("", 930.0), [1], toks)
    (True, False)
    >>> toks = [Token("more", 0, 4), Token("than", 5, 9), Token("18,000", 10, 16)]
    >>> approximated(("", 18400.0), [2], toks), approximated(("", 17600.0), [2], toks)
    (True, False)
    """
    for k in others:
        tok = tokens[k]
        other = figure(tok.text)
        if k < 1 or other is None or other[0] != fig[0]:
            continue
        words = " ".join(fold(t.text) for t in tokens[max(0, k - 2) : k])
        bound = next((side for phrase, side in BOUNDS.items() if words.endswith(phrase)), "")
        if not approximation(words, at_end=True) and not bound:
            continue
        digits = tok.text.replace(",", "")
        if not isinstance(other[1], float) or not isinstance(fig[1], float) or "." in digits:
            continue
        step = round_step(digits)
        if bound == "at least" and other[1] <= fig[1] < other[1] + step:
            return True
        if bound == "at most" and other[1] - step < fig[1] <= other[1]:
            return True
        if not bound and abs(other[1] - fig[1]) <= step / 2:
            return True
    return False


def round_step(digits: str) -> float:
    """What a round whole number is rounded to: 10 for "950", 1,000 for "18,000", 1 for "945".

    >>> round_step("950"), round_step("18,000"), round_step("945")
    (10.0, 1000.0, 1.0)
    """
    whole = digits.replace(",", "")
    return float(10 ** (len(whole) - len(whole.rstrip("0"))))


#: Words that bound a number from below or above: "more than 18,000" is consistent with 18,400
#: (within its rounding), and says something else than "18,000".
BOUNDS = {
    "more than": "at least", "over": "at least", "at least": "at least", "upwards of": "at least",
    "older than": "at least", "greater than": "at least", "in excess of": "at least", "no fewer than": "at least",
    "fewer than": "at most", "less than": "at most", "under": "at most", "up to": "at most", "at most": "at most",
    "younger than": "at most", "as many as": "at most", "as much as": "at most", "no more than": "at most",
    "above": "at least", "below": "at most",
}  # fmt: skip
#: The bounds that include their figure: 300 is "at least 300", not "more than 300".
INCLUSIVE_BOUNDS = frozenset(
    ["at least", "no fewer than", "up to", "at most", "as many as", "as much as", "no more than"]
)


def _rounds(x: float, y: float) -> bool:
    """Whether ``y`` is ``x`` rounded to ``y``'s decimals (5.91 → 6, 2,053.27 → 2,053.3).

    A tolerance relative to the value would call 4.5% → 4.75% a rounding; written decimals do not.
    """
    decimals = 0 if y == int(y) else len(repr(y).split(".")[1])
    return abs(x - y) <= 0.5 * 10.0**-decimals + 1e-9
