"""The verdict on an aligned group: identical, reworded or changed.

``changed`` means the two sides no longer make the same claim: a detail a reader would check
differs (a number, a name, a date, a negation) or content was added or lost. A token carries a
detail when it holds a digit, is a capitalised word inside the sentence (a name), names a
month or weekday, or negates. A fact token only counts as changed when it sits in a changed
stretch of the diff *and* has no counterpart anywhere in the other side (compared on a short
prefix, so ``Syria's``/``Syrian`` agree), so moved words and inflections do not count.

Why a weighed verdict rather than "any changed detail is a change": outlets rewriting one
event routinely differ in small details and still carry the same claim. On MSRP (news
sentence pairs from different outlets, labelled by annotators) half of the pairs with a
changed number are still judged paraphrases, and the any-detail rule scores 47% accuracy,
below always answering "paraphrase" (68%). So, when the aligner's cosine is known,
:func:`verdict` weighs a few pieces of :class:`Evidence` — the cosine, how much wording,
phrasing and spelling the sides share, how much content one side has that the other lacks,
the longest stretch one side adds or replaces (an extra clause), and the changed details by
kind — with a logistic model whose coefficients are fitted by cross-validation on MSRP
(``python -m bench quality``) and stored in :class:`~compare.config.Config`. Without a cosine
it falls back to the detail rule.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from compare.acronyms import acronyms
from compare.config import Config
from compare.diff import fold, token_text, words
from compare.figures import MONTHS_DAYS, approximated, conflict, figure, with_unit
from compare.models import Alignment, DaySpan, DiffOp, FactChange, SameOnBothSides, Token, Verdict

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
_NEGATIONS = frozenset(("not no never n't without nobody none nothing neither nor cannot").split())
_PREFIX = 5
_T = TypeVar("_T")
_NOTHING_SAME = SameOnBothSides()


def is_fact_token(tokens: Sequence[Token], k: int) -> bool:
    """Whether ``tokens[k]`` carries a checkable detail (number, name, date, negation)."""
    text = tokens[k].text
    low = fold(text).rstrip(".")
    if any(c.isdigit() for c in text) or low in MONTHS_DAYS or low in _NUMBER_WORDS or low in _NEGATIONS:
        return True
    sentence_start = k == 0 or tokens[k - 1].text in {".", "!", "?", "“", '"'}
    return text[:1].isupper() and not sentence_start


def _key(low: str) -> str:
    """What a folded token is matched on: a short prefix, so ``syria's``/``syrian`` agree."""
    low = low[:-2] if low.endswith("'s") else low
    if any(c.isdigit() for c in low):
        return low
    low = low.replace(".", "")  # U.S. = US, Aug. = Aug
    return low[:3] if low in MONTHS_DAYS else low[:_PREFIX]  # Aug = August


def content_keys(text: str) -> frozenset[str]:
    """The keys (:func:`_key`) of the content words of ``text``: function words such as "the",
    "has" or "said" are left out. A hyphenated compound counts as its parts, so "24-hour"
    shares "24" with "24 hours".

    >>> sorted(content_keys("The U.S. army's convoy left Syria on Aug. 31."))
    ['31', 'army', 'aug', 'convo', 'left', 'syria', 'us']
    >>> sorted(content_keys("The 24-hour strike")), sorted(content_keys("It lasted 24 hours."))
    (['24', 'hour', 'strik'], ['24', 'hours', 'laste'])
    """
    parts = (part for low in map(fold, words(text)) for part in low.split("-") if part)
    return frozenset(_key(part) for part in parts if part not in _STOP)


def _runs(tokens: Sequence[Token], picked: list[int]) -> list[str]:
    """Picked tokens joined into phrases: neighbours, or two apart across punctuation."""
    groups: list[list[int]] = []
    for k in picked:
        if groups and (k == groups[-1][-1] + 1 or (k == groups[-1][-1] + 2 and not tokens[k - 1].text.isalnum())):
            groups[-1].extend(range(groups[-1][-1] + 1, k + 1))
        else:
            groups.append([k])
    return [token_text(tokens[g[0] : g[-1] + 1]) for g in groups]


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the verdict weighs for one two-sided group (see :func:`evidence`)."""

    #: Cosine of the two sides' sentence embeddings (from the aligner).
    cosine: float
    #: Share of tokens in equal stretches of the diff: ``2 * equal / (len(a) + len(b))``.
    ratio: float
    #: Word overlap: of the two shares of words that have a counterpart, the smaller.
    overlap: float
    #: Phrasing kept: of the two shares of word 4-grams found on the other side, the larger.
    phrases: float
    #: ``log(1 + n)``, n the content words without counterpart on the side with more of them.
    novel: float
    #: ``log(1 + n)``, n the tokens of the longest changed stretch of the diff, on either side:
    #: a clause one side adds or replaces as a whole, rather than words changed here and there.
    stretch: float
    #: ``log`` of the tokens of both sides together: a stretch of a given size matters less in
    #: a long sentence.
    length: float
    #: Spelling kept: of the two shares of character 3-grams (of the words, case folded) found
    #: on the other side, the smaller. Unlike ``overlap`` it credits inflections and compounds
    #: (``shelled``/``shelling``) partly.
    chars: float
    #: Changed numbers and dates (tokens lost plus tokens new).
    numbers: int
    #: Changed names (capitalised words inside the sentence).
    names: int
    #: Changed negations.
    negations: int
    #: Replaced stretches where new figures contradict lost ones (not a rounding of them,
    #: see :func:`compare.figures.conflict`): ``two`` → ``six``, ``Wednesday`` → ``Thursday``.
    conflicts: int
    #: The changed details as phrases, ``-lost`` and ``+new``, in diff order.
    details: tuple[str, ...]
    #: Content words lost and new, ``-word`` / ``+word``, for a change without a changed detail.
    content: tuple[str, ...] = ()

    def features(self) -> tuple[float, ...]:
        """The model's inputs, in the order of :data:`FEATURES`."""
        return (
            self.cosine,
            self.ratio,
            self.overlap,
            self.phrases,
            self.novel,
            self.stretch,
            self.length,
            self.chars,
            float(self.numbers),
            float(self.names),
            float(self.negations),
        )


#: Names of :meth:`Evidence.features`, and of their weights in :class:`~compare.config.Config`
#: (``verdict_<name>``; the intercept is ``verdict_bias``).
FEATURES = (
    "cosine",
    "ratio",
    "overlap",
    "phrases",
    "novel",
    "stretch",
    "length",
    "chars",
    "numbers",
    "names",
    "negations",
)

# Function words never count as lost or new content (the diff shows them; the verdict ignores them).
_STOP = frozenset(
    "a an the of to in on at and or but by for from with as into about than that this these those "
    "is are was were be been being has have had do does did will would can could may might shall should "
    "it its he she they them his her their we our you your i me my who whom which what there here "
    "after before during while since until over under between against through up down out off "
    "then when where how all any some more most other such only so too very just "
    "said says say also s".split()
)


@dataclass(frozen=True, slots=True)
class _Side:
    """One side's tokens, folded and keyed once (:func:`evidence` reads them many times)."""

    tokens: Sequence[Token]
    #: Folded text of every token (:func:`compare.diff.fold`).
    folded: list[str]
    #: :func:`_key` of every folded token.
    keys: list[str]
    #: Indices of the word tokens (not punctuation).
    words: list[int]

    @classmethod
    def of(cls, tokens: Sequence[Token]) -> _Side:
        folded = [fold(t.text) for t in tokens]
        words = [k for k, t in enumerate(tokens) if t.text[:1].isalnum()]
        return cls(tokens, folded, [_key(low) for low in folded], words)

    def word_keys(self) -> list[str]:
        return [self.keys[k] for k in self.words]

    def unmatched(self, other: set[str], skip: frozenset[int] = frozenset()) -> list[str]:
        """Content words (once each, none of ``skip``) with no counterpart among the ``other`` keys."""
        found: dict[str, str] = {}
        for k in self.words:
            if self.folded[k] not in _STOP and self.keys[k] not in other and k not in skip:
                found.setdefault(self.keys[k], self.tokens[k].text)
        return list(found.values())

    def char_grams(self) -> Counter[str]:
        """Character 3-grams of the folded words, one space between words and at both ends."""
        text = " " + " ".join(self.folded[k] for k in self.words) + " "
        return Counter([text[k : k + 3] for k in range(len(text) - 2)])


def _shared(x: Counter[_T], y: Counter[_T]) -> tuple[float, float]:
    """The share of ``x``'s items found in ``y`` and of ``y``'s found in ``x`` (with multiplicity)."""
    common = sum((x & y).values())
    return common / max(sum(x.values()), 1), common / max(sum(y.values()), 1)


def _grams(words: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(words[k : k + n]) for k in range(len(words) - n + 1))


def _kind(text: str) -> str:
    low = fold(text).rstrip(".")
    if any(c.isdigit() for c in text) or low in _NUMBER_WORDS or low in MONTHS_DAYS:
        return "numbers"
    return "negations" if low in _NEGATIONS else "names"


def _figures_kept(
    a: Sequence[Token], b: Sequence[Token], lost: list[int], new: list[int]
) -> tuple[list[int], list[int]]:
    """``lost`` and ``new`` less the figures both sides give alike in other words: "Seven
    percent" and "7%", "two days" and "48 hours" (:func:`~compare.figures.with_unit`).

    >>> toks = lambda s: [Token(w, 0, 0) for w in s.split()]
    >>> _figures_kept(toks("Seven percent said no"), toks("7 % said no"), [0], [0])
    ([], [])
    >>> _figures_kept(toks("Seven percent said no"), toks("8 % said no"), [0], [0])
    ([0], [0])
    """
    figures_b = {k: with_unit(f, b, k) for k in new if (f := figure(b[k].text)) is not None}
    kept_a, matched = [], set()
    for k in lost:
        f = figure(a[k].text)
        twin = next(
            (j for j, g in figures_b.items() if j not in matched and f is not None and g == with_unit(f, a, k)), None
        )
        if twin is None:
            kept_a.append(k)
        else:
            matched.add(twin)
    return kept_a, [k for k in new if k not in matched]


def _tallies_alike(a: Sequence[Token], b: Sequence[Token]) -> tuple[frozenset[int], frozenset[int]]:
    """The tokens of tallies one side writes "68-31" and the other "68 to 31", wherever each
    stands in its sentence: they are no changed figures.

    >>> toks = lambda s: [Token(w, 0, 0) for w in s.split()]
    >>> _tallies_alike(toks("voted 68 to 31 on it"), toks("in a 68-31 vote"))
    (frozenset({1, 2, 3}), frozenset({2}))
    >>> _tallies_alike(toks("voted 68 to 30"), toks("in a 68-31 vote"))
    (frozenset(), frozenset())
    """
    out: tuple[set[int], set[int]] = (set(), set())
    for (dashed, dashed_at), (spelt, spelt_at) in (((a, 0), (b, 1)), ((b, 1), (a, 0))):
        written = {
            (t.text, n.text): k
            for k, (t, w, n) in enumerate(zip(spelt, spelt[1:], spelt[2:], strict=False))
            if w.text.lower() == "to" and t.text.isdigit() and n.text.isdigit()
        }
        for j, tok in enumerate(dashed):
            x, _, y = tok.text.partition("-")
            if (k := written.get((x, y))) is not None:
                out[dashed_at].add(j)
                out[spelt_at].update((k, k + 1, k + 2))
    return frozenset(out[0]), frozenset(out[1])


#: Prefixes that negate a word: "undecided" is "not decided", "unable" "not able".
_NEGATIVE_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non")


def _negative_prefix(tokens: Sequence[Token], k: int, other: _Side) -> bool:
    """Whether ``tokens[k]``, a "not", negates a word that the other side negates with a
    prefix: "had not decided" and "were undecided", "did not agree" and "disagreed".

    >>> toks = lambda s: [Token(w, 0, 0) for w in s.split()]
    >>> b = _Side.of(toks("they were undecided"))
    >>> _negative_prefix(toks("they had not decided"), 2, b), _negative_prefix(toks("they had not voted"), 2, b)
    (True, False)
    """
    if fold(tokens[k].text) not in ("not", "n't"):
        return False
    after = {_key(fold(t.text)) for t in tokens[k + 1 : k + 4]}
    mine = {fold(t.text) for t in tokens}  # "disclosed it had not closed": "disclosed" is on both sides
    return any(
        low.startswith(p) and len(low) - len(p) >= 4 and _key(low[len(p) :]) in after and low not in mine
        for low in (other.folded[j] for j in other.words)
        for p in _NEGATIVE_PREFIXES
    )


def same_days(
    a: Sequence[Token], b: Sequence[Token], days_a: Sequence[DaySpan], days_b: Sequence[DaySpan]
) -> SameOnBothSides:
    """The tokens of each side's date mentions whose day the other side also names.

    ``days_a`` and ``days_b`` are resolved date mentions, in the tokens' offsets. "on
    Wednesday" and "on Aug. 30" are the same day when Wednesday, by the article's publication
    date, was Aug. 30: a rewrite that spells the day out has not changed it.

    >>> from datetime import date
    >>> a = [Token("on", 0, 2), Token("Wednesday", 3, 12)]
    >>> b = [Token("on", 0, 2), Token("Aug.", 3, 7), Token("30", 8, 10)]
    >>> same_days(a, b, [DaySpan(3, 12, date(2023, 8, 30))], [DaySpan(3, 10, date(2023, 8, 30))])
    SameOnBothSides(a=frozenset({1}), b=frozenset({1, 2}))
    >>> same_days(a, b, [DaySpan(3, 12, date(2023, 8, 30))], [DaySpan(3, 10, date(2023, 8, 31))])
    SameOnBothSides(a=frozenset(), b=frozenset())
    """

    def inside(tokens: Sequence[Token], mine: Sequence[DaySpan], theirs: Sequence[DaySpan]) -> frozenset[int]:
        shared = [d for d in mine if any(d.day == other.day for other in theirs)]
        return frozenset(k for k, t in enumerate(tokens) if any(d.start <= t.start and t.end <= d.end for d in shared))

    return SameOnBothSides(inside(a, days_a, days_b), inside(b, days_b, days_a))


def evidence(
    a: Sequence[Token],
    b: Sequence[Token],
    ops: Sequence[DiffOp],
    cosine: float = 1.0,
    tolerance: float = 0.1,
    same: SameOnBothSides = _NOTHING_SAME,
) -> Evidence:
    """Measure a two-sided group for :func:`verdict`.

    Tokens in ``same`` (see :func:`same_days`) are never changed details; those of an acronym
    and the name it stands for (see :func:`compare.acronyms.acronyms`) are not listed among them.

    >>> from compare.diff import diff_tokens
    >>> toks = lambda s: [Token(w, 0, 0) for w in s.split()]
    >>> a, b = toks("The army left on Wednesday ."), toks("The army departed on Thursday .")
    >>> e = evidence(a, b, diff_tokens(a, b), 0.9)
    >>> e.numbers, e.names, e.details, round(e.ratio, 2)
    (2, 0, ('-Wednesday', '+Thursday'), 0.67)
    """
    side_a, side_b = _Side.of(a), _Side.of(b)
    keys_a, keys_b = set(side_a.keys), set(side_b.keys)
    # An acronym and its expansion are no changed detail; the model still counts them among the
    # changed names, as it was fitted: on MSRP, where such pairs are nearly all paraphrases and
    # the names weight is slightly negative, leaving them out of the count costs 0.3 points.
    named = acronyms(a, b)
    tallied = _tallies_alike(a, b)
    details: list[str] = []
    kinds: Counter[str] = Counter()
    for op in ops:
        if op.tag == "equal":
            continue
        lost = [
            k
            for k in range(op.i1, op.i2)
            if side_a.keys[k] not in keys_b and k not in same.a and k not in tallied[0] and is_fact_token(a, k)
        ]
        new = [
            k
            for k in range(op.j1, op.j2)
            if side_b.keys[k] not in keys_a and k not in same.b and k not in tallied[1] and is_fact_token(b, k)
        ]
        lost, new = _figures_kept(a, b, lost, new)
        lost = [k for k in lost if not _negative_prefix(a, k, side_b)]
        new = [k for k in new if not _negative_prefix(b, k, side_a)]
        kinds.update(_kind(a[k].text) for k in lost)
        kinds.update(_kind(b[k].text) for k in new)
        # "two days" → "48 hours" is one length of time, "Seven percent" → "7%" one share.
        figures_a = [with_unit(f, a, k) for k in lost if (f := figure(a[k].text)) is not None]
        figures_b = [with_unit(f, b, k) for k in new if (f := figure(b[k].text)) is not None]
        # "945" → "nearly 950": a number said to be approximate agrees to its last non-zero digit.
        figures_a = [f for f in figures_a if not approximated(f, new, b)]
        figures_b = [f for f in figures_b if not approximated(f, lost, a)]
        kinds["conflicts"] += conflict(figures_a, figures_b, tolerance)
        shown_a, shown_b = [k for k in lost if k not in named.a], [k for k in new if k not in named.b]
        details += [f"-{run}" for run in _runs(a, shown_a)] + [f"+{run}" for run in _runs(b, shown_b)]
    wa, wb = side_a.word_keys(), side_b.word_keys()
    overlap = _shared(_grams(wa, 1), _grams(wb, 1))
    phrases = _shared(_grams(wa, 4), _grams(wb, 4))
    chars = _shared(side_a.char_grams(), side_b.char_grams())
    lost_words, new_words = side_a.unmatched(keys_b), side_b.unmatched(keys_a)
    skip_a, skip_b = named.a | same.a, named.b | same.b  # shown content leaves these out
    equal = sum(op.i2 - op.i1 for op in ops if op.tag == "equal")
    stretch = max((max(op.i2 - op.i1, op.j2 - op.j1) for op in ops if op.tag != "equal"), default=0)
    return Evidence(
        cosine=cosine,
        ratio=2 * equal / max(len(a) + len(b), 1),
        overlap=min(overlap),
        phrases=max(phrases),
        novel=math.log1p(max(len(lost_words), len(new_words))),
        stretch=math.log1p(stretch),
        length=math.log(max(len(a) + len(b), 1)),
        chars=min(chars),
        numbers=kinds["numbers"],
        names=kinds["names"],
        negations=kinds["negations"],
        conflicts=kinds["conflicts"],
        details=tuple(dict.fromkeys(details)),
        content=tuple(f"-{w}" for w in (side_a.unmatched(keys_b, skip_a) if skip_a else lost_words))
        + tuple(f"+{w}" for w in (side_b.unmatched(keys_a, skip_b) if skip_b else new_words)),
    )


def changed_score(ev: Evidence, config: Config) -> float:
    """The model's log-odds that the two sides make different claims (``> 0``: changed)."""
    weights = [getattr(config, f"verdict_{name}") for name in FEATURES]
    return float(config.verdict_bias + sum(w * x for w, x in zip(weights, ev.features(), strict=True)))


def verdict(
    a: Sequence[Token],
    b: Sequence[Token],
    ops: Sequence[DiffOp],
    cosine: float | None = None,
    config: Config | None = None,
    same: SameOnBothSides = _NOTHING_SAME,
) -> tuple[Verdict, tuple[str, ...]]:
    """The verdict for a two-sided group and, for ``changed``, the details that differ.

    With the aligner's ``cosine`` the verdict is the fitted model's (see the module
    docstring), except that a contradicted figure (``two`` → ``six`` weeks, ``Wednesday`` →
    ``Thursday``; see :func:`compare.figures.conflict`) is always a change: a reader can check it, whatever
    else the two sides share. Dates in ``same`` name one day on both sides (see
    :func:`same_days`) and are not changed details. Without a cosine, any changed detail makes the group
    ``changed``. The reasons of a ``changed`` verdict are the changed details, or, when none
    changed, the content words lost and added.

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
    config = config or Config()
    ev = evidence(a, b, ops, 1.0 if cosine is None else cosine, config.figure_tolerance, same)
    if cosine is None:
        return ("changed", ev.details) if ev.details else ("reworded", ())
    if ev.conflicts:
        return "changed", ev.details or ev.content
    # A change must be one a reader can see: when every word without a counterpart is an
    # acronym's expansion or a day named both ways, the claim is the same one reworded.
    if changed_score(ev, config) > 0 and (ev.details or ev.content):
        return "changed", ev.details or ev.content
    return "reworded", ()


def contradicted(alignments: tuple[Alignment, ...], changes: Sequence[FactChange]) -> tuple[Alignment, ...]:
    """The verdicts once the facts are known: a claim whose verb the rewrite negates (or
    un-negates), whose date is another day, month, quarter or year ("on Monday" →
    "yesterday" by the publication dates, "first quarter" → "second quarter"), or whose figure
    changed, its unit or currency included ("35 km" → "35 miles", "€100m" → "£100m"), is ``changed``,
    like a contradicted figure, whatever the wording shares; the contradicted words join the
    verdict's reasons. (Without the facts stage the verdict has only the tokens to go on.)"""
    flips: dict[tuple[str | None, str | None], list[str]] = {}
    for c in changes:
        # (A date changed from a weekday to a day, with no publication date to tell, may be the
        # same day: no contradiction.)
        unsure = c.kind == "date_changed" and c.before and c.after and c.before.label != c.after.label
        if (
            c.kind in ("negation_changed", "date_conflict", "date_changed", "number_changed", "entity_changed")
            and not unsure
        ):
            words = [f"-{c.before.text}"] if c.before else []
            words += [f"+{c.after.text}"] if c.after else []
            flips.setdefault((c.a_sentence, c.b_sentence), []).extend(words)
    if not flips:
        return alignments
    out = []
    for x in alignments:
        reasons = [r for (a, b), rs in flips.items() if a in x.a and b in x.b for r in rs]
        if reasons and x.verdict in ("reworded", "changed"):
            x = replace(x, verdict="changed", reasons=tuple(dict.fromkeys([*x.reasons, *reasons])))
        out.append(x)
    return tuple(out)
