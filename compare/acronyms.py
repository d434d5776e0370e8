"""Acronyms and the names they stand for: "the FDA" and "the U.S. Food and Drug Administration"."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from compare.models import SameOnBothSides, Token

_CONNECTORS = frozenset(("and", "of", "for", "the", "&", "on", "in", "de"))


def acronyms(a: Sequence[Token], b: Sequence[Token]) -> SameOnBothSides:
    """The tokens of an acronym on one side and of the name it stands for on the other.

    "the FDA" and "the U.S. Food and Drug Administration" name one body: neither is a changed
    name. The acronym must be two to eight capitals, found on one side only, and the initials
    of the name's capitalised words (or of its last ones, two or more).

    >>> toks = lambda s: [Token(w, k, k + 1) for k, w in enumerate(s.split())]
    >>> a, b = toks("The U.S. Food and Drug Administration said"), toks("The FDA said")
    >>> acronyms(a, b)
    SameOnBothSides(a=frozenset({2, 3, 4, 5}), b=frozenset({1}))
    >>> acronyms(toks("The Fire Department said"), toks("The FBI said"))
    SameOnBothSides(a=frozenset(), b=frozenset())
    """
    same_a: set[int] = set()
    same_b: set[int] = set()
    for short, long, mine, theirs in ((b, a, same_b, same_a), (a, b, same_a, same_b)):
        present = {t.text for t in long}
        for k, tok in enumerate(short):
            text = tok.text
            if not (2 <= len(text) <= 8 and text.isalpha() and text.isupper()) or text in present:
                continue
            name = expansion(long, text)
            if name:
                mine.add(k)
                theirs.update(name)
    return SameOnBothSides(frozenset(same_a), frozenset(same_b))


def expansion(tokens: Sequence[Token], acronym: str) -> list[int]:
    """Indices of a run of capitalised words (with "and", "of", ... inside) whose initials, or
    those of its first or last two or more capitalised words, are ``acronym``; empty if none."""
    k = 0
    while k < len(tokens):
        if not tokens[k].text[:1].isupper():
            k += 1
            continue
        run = [k]
        while run[-1] + 1 < len(tokens) and (
            tokens[run[-1] + 1].text[:1].isupper() or tokens[run[-1] + 1].text.lower() in _CONNECTORS
        ):
            run.append(run[-1] + 1)
        while run and tokens[run[-1]].text.lower() in _CONNECTORS:
            run.pop()
        capitals = [i for i in run if tokens[i].text[:1].isupper() and tokens[i].text.lower() not in _CONNECTORS]
        for lo, _ in initials_spans([tokens[i].text for i in capitals], acronym):
            # A two-letter acronym only for a name after "the": "the Associated Press" is AP,
            # "Anna Petrova" is not.
            first = capitals[lo]
            if len(acronym) == 2 and (first == 0 or tokens[first - 1].text.lower() != "the"):
                continue
            return list(range(first, run[-1] + 1))  # "Control and Prevention" too, for "CDC"
        k = run[-1] + 1 if run else k + 1
    return []


def initials_spans(words: Sequence[str], acronym: str) -> Iterator[tuple[int, int]]:
    """The spans ``[lo, hi)`` of two or more ``words`` whose initials spell ``acronym``: all the
    words, their last ones, or (for three letters or more) their first ones ("CDC": Centers
    (for) Disease Control (and Prevention)).

    >>> list(initials_spans(["U.S.", "Food", "Drug", "Administration"], "FDA"))
    [(1, 4)]
    """
    n = len(words)
    spans = [(lo, n) for lo in range(n - 1)] + ([(0, hi) for hi in range(2, n)] if len(acronym) >= 3 else [])
    skips = 1 if len(acronym) >= 4 else 0
    for lo, hi in spans:
        if _spells(words[lo:hi], acronym.upper(), skips):
            yield lo, hi


def _spells(words: Sequence[str], acronym: str, skips: int, first: bool = True) -> bool:
    """Whether the initials of ``words`` spell ``acronym``: a dotted abbreviation gives its
    letters or its first one ("U.S. Department of Agriculture": USDA), and up to ``skips``
    words inside the name, neither first nor last, may give none ("National Institute for
    Health and Care Research": NIHR).

    >>> _spells(["U.S.", "Department", "Agriculture"], "USDA", 0), _spells(["U.S.", "Food", "Drug"], "UFD", 0)
    (True, True)
    >>> _spells(["National", "Institute", "Health", "Care", "Research"], "NIHR", 1)
    True
    >>> _spells(["National", "Institute", "Health", "Care", "Research"], "NIHR", 0)
    False
    """
    if not words:
        return not acronym
    word, rest = words[0], words[1:]
    options = {word[:1].upper()}
    if re.fullmatch(r"(?:[A-Za-z]\.){2,}", word):
        options.add(word.replace(".", "").upper())
    if any(acronym.startswith(o) and _spells(rest, acronym[len(o) :], skips, False) for o in options if o):
        return True
    return skips > 0 and not first and bool(rest) and _spells(rest, acronym, skips - 1, False)
