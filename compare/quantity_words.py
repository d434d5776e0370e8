"""Quantities said in words around a figure, or instead of one.

The fact reader (:mod:`compare.facts`) finds figures with spaCy and a few patterns; what a
figure is *of* is often a word the tagger leaves out: the currency after it ("150 million
euros"). Some quantities have no figure at all: a length of time given by its unit ("for
weeks", "a month"), a rank given by a superlative ("the second-largest"). This module reads
such words from the text and the parse, so that they are compared like figures; and a share
said as a fraction ("about a third", "two-thirds") is read as the percentage it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from compare.lexicon import NUMBER_WORDS, ORDINALS

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
        (r"\bdollars?\b", _DOLLARS),
        (r"\$", (*_DOLLARS, "MXN", "ARS", "CLP", "COP")),  # pesos are written with "$" too
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


#: Units of time a length may be given in by the word alone: "for weeks", "within hours".
#: ("a second" is no length: "a second attack".)
TIME_UNITS = frozenset("second minute hour day week month year decade century".split())
#: Words that say "some of" a unit without a count: "for several weeks", "a few days".
_SOME = re.compile(r"\b(?:a\s+few|a\s+couple\s+of|several|many|some|numerous|multiple|countless|few)\s+$", re.I)


#: Words before "a day" or "an hour" that make it a part of one: "half a day", "a quarter of an hour".
_PART_OF = re.compile(r"\b(?:half|halves|thirds?|quarters?|fractions?|parts?)\s+(?:of\s+)?$", re.I)


@dataclass(frozen=True, slots=True)
class TimeLength:
    """A length of time given by its unit word, with no figure: "weeks", "a month"."""

    start: int
    end: int
    #: The unit, singular: ``week``.
    unit: str
    #: ``True`` for one unit ("a month", "an hour"); ``False`` for an uncounted few ("weeks").
    one: bool


def lengths_of_time(doc: Any) -> list[TimeLength]:
    """Lengths of time a sentence gives by their unit word alone, in a spaCy ``doc``.

    A unit counted by a number ("two weeks", "48 hours") is that number's; a unit that names
    something else ("opening hours", "business days", "a day-long strike", "a day and a
    half", "a quarter of an hour") is none.
    """
    out = []
    for tok in doc:
        low = tok.lower_
        unit = "century" if low == "centuries" else low[:-1] if low.endswith("s") else low
        one = unit == low != "second" and tok.i > 0 and doc[tok.i - 1].lower_ in ("a", "an")
        plural = unit != low and tok.tag_ == "NNS"
        if unit not in TIME_UNITS or tok.pos_ != "NOUN" or not (one or plural) or _names_something_else(doc, tok):
            continue
        start = doc[tok.i - 1].idx if one else tok.idx
        if not one and (some := _SOME.search(doc.text, 0, tok.idx)):
            start = some.start()
        out.append(TimeLength(start, tok.idx + len(tok), unit, one))
    return out


def _names_something_else(doc: Any, tok: Any) -> bool:
    """Whether a unit word is counted by a number, part of a compound, or a fraction's whole."""
    after = doc.text[tok.idx + len(tok) : tok.idx + len(tok) + 12]
    if after.startswith("-") or re.match(r"\s+and\s+a\s+half", after) or tok.dep_ == "compound":
        return True
    before = doc[tok.i - 1] if tok.i > 0 else None
    if before is not None and (before.like_num or before.text == "-"):
        return True
    if _PART_OF.search(doc.text, 0, before.idx if before is not None else tok.idx):
        return True  # "a quarter of an hour", "half a day": a part of one unit
    return any(c.dep_ == "compound" or c.like_num for c in tok.children)


@dataclass(frozen=True, slots=True)
class Said:
    """A figure said in words that :func:`compare.facts.number_value` does not read."""

    start: int
    end: int
    value: float
    #: How spaCy would label it: ``ORDINAL`` for a rank, ``PERCENT`` for a share.
    kind: str
    #: What it ranks by ("largest", "most populous"), or ``percent``.
    unit: str
    #: Details the fact carries (see :func:`ranks`).
    detail: tuple[tuple[str, str], ...] = ()


#: Words before a superlative that make it the first of its kind: "the largest", "its biggest".
_OWNERS = frozenset("the its their his her our my your".split())
#: A superlative of a group ranks nothing: "one of the most important sites", "among the largest".
_OF_A_GROUP = re.compile(
    r"\b(?:(?:[a-z]+|\d+)\s+of|among)\s+(?:the|its|their|his|her|our)\s+(?:[\w.]+['’]s\s+)?$", re.I
)
_RANK = re.compile(r"\d+(?:st|nd|rd|th)", re.I)
#: Superlatives that rank by one measure: "the largest" and "the second-biggest" are compared.
_SAME_MEASURE = {"biggest": "largest", "eldest": "oldest", "quickest": "fastest", "most deadly": "deadliest"}


def ranks(doc: Any) -> list[Said]:
    """Ranks given by superlatives in a spaCy ``doc``: "the second-largest" is rank 2 by
    "largest" (detail ``superlative``: ``ranked``), "the most populous" rank 1 by "most
    populous", a rank only where the other side ranks the same superlative (``alone``: see
    :mod:`compare.classify.quantities`). "At least", "at best", "most of" and a superlative
    of a group ("one of the largest") rank nothing.
    """
    out = []
    for tok in doc:
        low = tok.lower_
        if low in ("most", "least"):
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is None or nxt.pos_ not in ("ADJ", "ADV"):
                continue  # "most of the votes", "the most votes"
            end = nxt.idx + len(nxt)
        elif tok.tag_ in ("JJS", "RBS"):
            end = tok.idx + len(tok)
        else:
            continue
        before = [t for t in doc[max(0, tok.i - 2) : tok.i] if t.text != "-"][-1:]
        if before and before[0].lower_ == "at":
            continue  # "at least", "at best"
        phrase = " ".join(doc.text[tok.idx : end].lower().split())
        phrase = _SAME_MEASURE.get(phrase, phrase)
        rank = before[0] if before and (before[0].lower_ in ORDINALS or _RANK.fullmatch(before[0].text)) else None
        if rank is not None:
            value = float(ORDINALS.get(rank.lower_) or rank.text[:-2])
            out.append(Said(rank.idx, end, value, "ORDINAL", phrase, (("superlative", "ranked"),)))
        elif before and (before[0].lower_ in _OWNERS or before[0].tag_ == "POS"):
            if _OF_A_GROUP.search(doc.text, 0, tok.idx):
                continue
            out.append(Said(tok.idx, end, 1.0, "ORDINAL", phrase, (("superlative", "alone"),)))
    return out


_DENOMINATORS = {"half": 2, "halve": 2, "quarter": 4} | {
    w: ORDINALS[w] for w in "third fourth fifth sixth seventh eighth ninth tenth".split()
}
#: Words before "half" that make it a part of a period or a game: "the second half".
_PERIOD_BEFORE = frozenset("the first second last next latter other".split())
#: A fraction in words: "a third", "one-third", "two thirds", "three-quarters", "half".
SHARE = re.compile(
    r"\b(?:(?P<num>an?|one|two|three|four|five|six|seven|eight|nine)(?P<sep>\s+|-))?"
    r"(?P<den>half|halves|(?:third|quarter|fourth|fifth|sixth|seventh|eighth|ninth|tenth)s?)\b",
    re.I,
)


def shares(text: str) -> list[Said]:
    """Shares said as fractions, as percentages: "a third of" is 33.3%, "two-thirds" 66.7%.

    A fraction is a share when hyphenated ("one-third"), or followed by "of" ("a quarter of
    the vote") or a determiner ("half the cost"), or after "by" ("cut by half"). Not "the
    second half", "a third time", "two and a half", "half a million", "a quarter of an hour"
    (a length, not a share), "a half-hour" or "a third-quarter profit".

    >>> text = "About one-third of it, half the rest."
    >>> [(text[s.start : s.end], round(s.value, 1)) for s in shares(text)]
    [('one-third', 33.3), ('half', 50.0)]
    >>> shares("In the second half of a third game, two and a half hours, a quarter of an hour.")
    []
    """
    out = []
    for m in SHARE.finditer(text):
        num, den = (m.group("num") or "").lower(), m.group("den").lower()
        count = 1 if num in ("", "a", "an") else NUMBER_WORDS[num]
        if (count > 1) != den.endswith("s") or (not num and den != "half") or text[m.end() : m.end() + 1] == "-":
            continue  # "two third", "third", "a half-hour"
        before, after = text[: m.start()], text[m.end() :]
        prev = before.split()[-1].lower() if before.split() else ""
        if (prev == "and" and num in ("a", "an")) or (not num and prev in _PERIOD_BEFORE):
            continue  # "two and a half", "the second half"
        of_a_whole = re.match(r"\s+of\s+(?!an?\s)|\s+(?:the|its|their|his|her|our)\s", after, re.I)
        if m.group("sep") == "-" or of_a_whole or re.search(r"\bby\s+(?:\w+\s+)?$", before, re.I):
            value = 100 * count / _DENOMINATORS[den.removesuffix("s")]
            out.append(Said(m.start(), m.end(), value, "PERCENT", "percent"))
    return out


#: Words for more or less than half of a whole, and the side of 50% they bound.
_MAJORITY = {"most": "at least", "majority": "at least", "minority": "at most"}


def majorities(doc: Any) -> list[Said]:
    """Shares said as more or less than half: "most of the votes", "most residents", "a
    (large) majority of", "a minority of" are 50% with a bound (detail ``majority``: ``at
    least`` or ``at most``), compared only with a share the other side gives in their place
    ("half" → "most" drops a precision; "most" → "about 40%" contradicts it). Not the
    superlatives "the most votes", "most populous", nor "at most".
    """
    out = []
    for tok in doc:
        side = _MAJORITY.get(tok.lower_)
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if side is None or nxt is None:
            continue
        before = list(doc[max(0, tok.i - 2) : tok.i])
        if tok.lower_ == "most":
            if (before and before[-1].lower_ in ("the", "at")) or not (
                nxt.lower_ == "of" or (nxt.tag_ in ("NNS", "NNPS") and tok.head == nxt)
            ):
                continue  # "the most votes", "at most", "most populous", "most wanted"
            start = tok.idx
        else:
            det = next((t for t in reversed(before) if t.lower_ in ("a", "the")), None)
            if det is None or nxt.lower_ != "of" or any(t.pos_ != "ADJ" for t in doc[det.i + 1 : tok.i]):
                continue  # "the majority leader", "a majority in parliament"
            start = det.idx
        out.append(Said(start, tok.idx + len(tok), 50.0, "PERCENT", "percent", (("majority", side),)))
    return out
