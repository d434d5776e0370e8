"""What the finding readers share: the articles' context and small helpers."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from compare.acronyms import expansion
from compare.attribution import PARTICLES
from compare.facts import fold
from compare.models import Alignment, ChangeKind, Fact, FactChange, Sentence, Token

_STOP = frozenset(
    (
        "a an the of to in on at and or but by for from with as is was were be been being are it its this "
        "that these those which who whom whose has have had not no than then so such into over under "
        "after before also there their they them he she his her we our you your i me my also"
    ).split()
)
_WORD = re.compile(r"[\w.'’&-]+")


@dataclass(frozen=True, slots=True)
class Context:
    """What classification needs to know about the articles."""

    #: Publication dates of A and B (``None`` when unknown).
    published: tuple[date | None, date | None] = (None, None)
    #: Outlet names of A and B.
    outlets: tuple[str, str] = ("", "")
    #: A's whole text, to tell whether a name B cites appears anywhere in A.
    a_text: str = ""
    #: Every sentence by id, to place a word run in its sentence.
    sentences: Mapping[str, Sentence] = field(default_factory=dict)
    #: B's whole text, to tell whether a date A's claim lost is still given elsewhere in B.
    b_text: str = ""
    #: A's article id (its sentences' ``article``).
    a_id: str = "A"
    #: ``a_text`` and ``b_text`` folded once (they are searched for every new name: folding
    #: them each time made classification quadratic in the article's length).
    a_folded: str = field(init=False, default="")
    b_folded: str = field(init=False, default="")

    #: Acronyms already looked up in A (see :meth:`spelled_out`).
    _spelled: dict[str, bool] = field(init=False, default_factory=dict)
    #: Each article's news sentences (see :meth:`news`).
    _news: dict[str, tuple[Sentence, ...]] = field(init=False, default_factory=dict)
    #: Each article's sentences by word key (see :meth:`word_index`).
    _index: dict[str, dict[str, set[str]]] = field(init=False, default_factory=dict)
    #: Names of A's and B's text, by side and length (see :meth:`names`).
    _names: dict[tuple[str, int], dict[tuple[str, ...], set[str]]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "a_folded", fold(self.a_text))
        object.__setattr__(self, "b_folded", fold(self.b_text))

    def news(self, article: str) -> tuple[Sentence, ...]:
        """The news sentences of ``article``, in order (gathered once per article)."""
        if article not in self._news:
            self._news[article] = tuple(s for s in self.sentences.values() if s.article == article and s.role == "news")
        return self._news[article]

    def word_index(self, article: str, keys: Callable[[str], Iterable[str]]) -> dict[str, set[str]]:
        """The ids of ``article``'s news sentences by each of their word ``keys`` (built once)."""
        if article not in self._index:
            index: dict[str, set[str]] = {}
            for s in self.news(article):
                for k in keys(s.text):
                    index.setdefault(k, set()).add(s.id)
            self._index[article] = index
        return self._index[article]

    def names(self, side: str, n: int) -> dict[tuple[str, ...], set[str]]:
        """Every ``n`` words in a row of a run of capitalised words (with name particles:
        "Pieter de Vries") of A's text (``side`` "a") or B's ("b"), folded, by their initials:
        where a name of ``n`` words may stand (gathered once)."""
        if (side, n) not in self._names:
            text = self.a_text if side == "a" else self.b_text
            windows: dict[tuple[str, ...], set[str]] = {}
            for m in _CAPITALISED_RUN.finditer(text):
                run = [fold(w) for w in m.group(0).split()]
                for k in range(len(run) - n + 1):
                    windows.setdefault(tuple(w[:1] for w in run[k : k + n]), set()).add(" ".join(run[k : k + n]))
            self._names[(side, n)] = windows
        return self._names[(side, n)]

    def spelled_out(self, acronym: str) -> bool:
        """Whether a sentence of A writes out the name ``acronym`` stands for (each acronym is
        looked up once: A is read once per acronym, not once per finding)."""
        if acronym not in self._spelled:
            sentences = [s.text for s in self.sentences.values() if s.article == self.a_id] or [self.a_text]
            self._spelled[acronym] = any(
                expansion([Token(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)], acronym)
                for text in sentences
            )
        return self._spelled[acronym]


_CAPITALISED_RUN = re.compile(rf"[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|(?:{PARTICLES})\b))*")


def _overlaps_inside(fact: Fact | None, spans: list[tuple[str, int, int]]) -> bool:
    """Whether ``fact`` overlaps a span without containing it whole."""
    if fact is None:
        return False
    return any(
        fact.sentence == s and fact.start < end and start < fact.end and not (fact.start <= start and end <= fact.end)
        for s, start, end in spans
    )


def _within(fact: Fact, spans: list[tuple[str, int, int]]) -> bool:
    return any(fact.sentence == s and start <= fact.start and fact.end <= end for s, start, end in spans)


def _change(
    kind: ChangeKind, a: str | None, b: str | None, before: Fact | None, after: Fact | None, detail: str
) -> FactChange:
    return FactChange(kind, a, b, before, after, detail)


def _has_words(text: str, words: str) -> bool:
    """Whether ``words`` stand in ``text`` as whole words ("paris" in "paris saint-germain", not "lee" in "fleet")."""
    return re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text) is not None


def _replaced(group: Alignment, a: Fact, b: Fact) -> bool:
    """Whether the word diff replaces (part of) ``a`` with (part of) ``b`` in one stretch."""
    for op in group.opcodes:
        if op.tag == "replace":
            in_a = any(a.start <= t.start < a.end for t in group.a_tokens[op.i1 : op.i2])
            if in_a and any(b.start <= t.start < b.end for t in group.b_tokens[op.j1 : op.j2]):
                return True
    return False


def _detail(f: Fact, key: str) -> str:
    return dict(f.detail).get(key, "")


def _given_in(f: Fact, folded_text: str, shortest: int = 4) -> bool:
    """Whether ``f``'s words (``shortest`` characters or more) stand anywhere in ``folded_text``."""
    words = fold(f.text)
    if len(words) < shortest:
        return False
    at = folded_text.find(words)
    while at != -1:
        end = at + len(words)
        before_ok = at == 0 or not folded_text[at - 1].isalnum()
        if before_ok and (end == len(folded_text) or not folded_text[end].isalnum()):
            return True
        at = folded_text.find(words, at + 1)
    return False


_X = TypeVar("_X")
_Y = TypeVar("_Y")


def _trading_places(slots: list[tuple[_X, _Y]], same: Callable[[Any, Any], bool]) -> list[tuple[_X, _Y, _X]]:
    """Of ``slots`` (A's fact x, B's fact y put in its place), those where some other slot puts
    x's counterpart where y's was: the two trade places. Each comes with that other slot's A fact.

    >>> _trading_places([(1, 2), (2, 1), (3, 4)], lambda a, b: a == b)
    [(1, 2, 2), (2, 1, 1)]
    """
    out = []
    for x, y in slots:
        other = next((u for u, v in slots if same(u, y) and same(v, x)), None)
        if other is not None:
            out.append((x, y, other))
    return out
