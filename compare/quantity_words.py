"""Quantities said in words around a figure, or instead of one.

The fact reader (:mod:`compare.facts`) finds figures with spaCy and a few patterns; what a
figure is *of* is often a word the tagger leaves out: the currency after it ("150 million
euros"). This module reads such words from the text, so that a figure and its words are
compared whole.
"""

from __future__ import annotations

import re

#: Dollars whose bare mark ("$", "dollars") a story may use for its own country's.
_DOLLARS = ("USD", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD")

#: Currencies by the marks and words that name them, the most specific first. A mark or word
#: several currencies share names any of them (a Canadian story's "$40 million" is "40 million
#: Canadian dollars"; "¥" is the yen or the yuan); the first code is the one a finding shows.
_CURRENCY_NAMES: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (re.compile(pattern, re.I), codes)
    for pattern, codes in (
        (r"\bus\$|\bu\.?s\.? dollars?\b|\bamerican dollars?\b", ("USD",)),
        (r"\bc\$|\bcanadian dollars?\b", ("CAD",)),
        (r"\ba\$|\baustralian dollars?\b", ("AUD",)),
        (r"\bnz\$|\bnew zealand dollars?\b", ("NZD",)),
        (r"\bhk\$|\bhong kong dollars?\b", ("HKD",)),
        (r"\bs\$|\bsingapore dollars?\b", ("SGD",)),
        (r"\bnt\$|\btaiwan(?:ese)? dollars?\b", ("TWD",)),
        (r"\$|\bdollars?\b", _DOLLARS),
        (r"€|\beuros?\b", ("EUR",)),
        (r"\begyptian pounds?\b", ("EGP",)),
        (r"£|\bpounds?\b|\bsterling\b", ("GBP", "EGP")),
        (r"\byen\b", ("JPY",)),
        (r"\byuan\b|\brenminbi\b", ("CNY",)),
        (r"¥", ("JPY", "CNY")),
        (r"\bswiss francs?\b", ("CHF",)),
        (r"\bcfa francs?\b", ("XOF", "XAF")),
        (r"\bfrancs?\b", ("CHF", "XOF", "XAF")),
        (r"\broubles?\b|\brubles?\b", ("RUB",)),
        (r"\bmexican pesos?\b", ("MXN",)),
        (r"\bargentin(?:e|ian) pesos?\b", ("ARS",)),
        (r"\bphilippine pesos?\b", ("PHP",)),
        (r"\bpesos?\b", ("MXN", "ARS", "PHP", "CLP", "COP")),
        (r"\bindian rupees?\b", ("INR",)),
        (r"\bpakistani rupees?\b", ("PKR",)),
        (r"\brupees?\b", ("INR", "PKR", "LKR", "NPR")),
    )
)

#: A currency word right after a figure, with the country that qualifies it, if any ("150
#: million euros", "2.5 billion Hong Kong dollars", "10 million U.S. dollars"). Pounds are
#: money only where the tagger says so or "sterling" follows: "260 pounds" is a weight.
_CURRENCY_AFTER = re.compile(
    r"\s+(?:(?:U\.?S\.?|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+)?"
    r"(?i:(?P<pound>pounds?(?:\s+sterling)?)|dollars?|euros?|yen|yuan|renminbi|rupees?|francs?|roubles?|rubles?|pesos?)"
    r"(?!\w)"
)


def currencies(phrase: str) -> frozenset[str]:
    """The currencies a money phrase may be in (ISO codes); empty when it names none.

    >>> sorted(currencies("150 million euros")), sorted(currencies("40 million Canadian dollars"))
    (['EUR'], ['CAD'])
    >>> sorted(currencies("¥2 billion")), "CAD" in currencies("$40 million"), currencies("40 million")
    (['CNY', 'JPY'], True, frozenset())
    """
    return frozenset(next((codes for pattern, codes in _CURRENCY_NAMES if pattern.search(phrase)), ()))


def currency(phrase: str) -> str:
    """The currency a money phrase is shown in ("€100 million" → EUR, "$5" → USD), or "".

    >>> currency("€100 million"), currency("US$250k"), currency("5,000 Swiss francs"), currency("40 million")
    ('EUR', 'USD', 'CHF', '')
    """
    return next((codes[0] for pattern, codes in _CURRENCY_NAMES if pattern.search(phrase)), "")


def currency_after(text: str, end: int, money: bool) -> int | None:
    """Where the currency word right after a figure ending at ``end`` ends, or ``None``.

    ``money`` says whether the tagger reads the figure as money (it alone tells pounds of
    money from pounds of weight).

    >>> text = "It pledged 150 million euros and weighed 260 pounds."
    >>> text[: currency_after(text, 22, False)], currency_after(text, 44, False)
    ('It pledged 150 million euros', None)
    >>> text = "They lost 2.5 billion Hong Kong dollars."
    >>> text[21 : currency_after(text, 21, True)]
    ' Hong Kong dollars'
    """
    match = _CURRENCY_AFTER.match(text, end)
    if match is None or (match.group("pound") and not money and "sterling" not in match.group("pound").lower()):
        return None
    return match.end()
