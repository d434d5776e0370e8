"""Numbers compared: conflicts, changes, roundings, bounds, ranks and units."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from compare.classify.common import _change, _detail, _replaced, _trading_places
from compare.classify.dates import _year_in, _years
from compare.classify.names import _unmatched
from compare.facts import fold
from compare.figures import BOUNDS, DAYS, INCLUSIVE_BOUNDS, approximation, round_step
from compare.lexicon import SCALES as _SCALES
from compare.models import Alignment, Fact, FactChange, Sentence, Token
from compare.quantity_words import SHARE, currencies


def _numbers(group: Alignment, fa: list[Fact], fb: list[Fact], sentences: Mapping[str, Sentence]) -> list[FactChange]:
    a0, b0 = group.a[0], group.b[0]
    na = [f for f in fa if f.kind == "number"]
    nb = [f for f in fb if f.kind == "number"]
    out: list[FactChange] = _superlatives(na, nb)
    out += _estimates(na, nb)
    _drop_denials_reversed(na, nb)
    for find in (_swaps, _traded_counts):
        for x, y in find(group, na, nb):
            if x in na and y in nb:
                na.remove(x)
                nb.remove(y)
                detail = f"{x.text} → {y.text}: figures swapped"
                out.append(_change("number_changed", x.sentence, y.sentence, x, y, detail))
    na, nb = _unmatched(na, nb, lambda x, y: x.label == y.label and _same_figure(x, y))
    # A count of one thing, its noun right after it on both sides, with another value is that
    # count changed, even if the old value now counts something else ("9 goals and 11
    # assists" → "11 goals and 9 assists"). Other units are read loosely (the next noun:
    # "12 people" / "12 residents" is one figure), so only such counts are paired first.
    values_a, values_b = {f.value for f in na}, {f.value for f in nb}
    for x in list(na):
        if x.value in values_b:
            continue  # the figure is still there: "Three people died and five were hurt" reordered
        paired = next(
            (
                y
                for y in nb
                if y.label == x.label and _same_form(x, y) and _counts(x, group.a_tokens) and _counts(y, group.b_tokens)
            ),
            None,
        )
        if paired is not None and paired.value not in values_a and not _same_figure(x, paired):
            y = paired
            na.remove(x)
            nb.remove(y)
            out.append(_change("number_changed", x.sentence, y.sentence, x, y, f"{x.text} → {y.text}"))
    na, nb = _unmatched(na, nb, _same_figure)
    years_a, years_b = _years(fa, "date"), _years(fb, "date")  # "spring 2025" read as a number
    na = [x for x in na if not _year_in(x, years_b)]
    nb = [y for y in nb if not _year_in(y, years_a)]
    used = set()
    for x in na:
        match = next(
            (
                k
                for k, y in enumerate(nb)
                if k not in used
                and _same_form(x, y)
                and (
                    (x.label and _kind_of_quantity(x) == _kind_of_quantity(y))
                    or x.value == y.value
                    or _swapped(group, x, y)
                )
            ),
            None,
        )
        if match is not None:
            used.add(match)
            y = nb[match]
            what = "" if _same_measure(x, y) else f": {_unit_of(x)} → {_unit_of(y)}, another unit or currency"
            if what and _detail(x, "unit_only"):
                what = ": another length of time"  # "weeks" → "months"
            elif what:  # "12 months" → "12 weeks": the figures alone would read "12" → "12"
                x, y = _with_unit(x, group.a_tokens, sentences), _with_unit(y, group.b_tokens, sentences)
                if x.value != y.value and x.label in DAYS and y.label in DAYS:  # "30 minutes" → "an hour"
                    what = f": another length of time ({y.text} is {_in_unit_of(y, x)})"
            if not what and x.value == y.value and _bound(x) != _bound(y):
                what = f": {_bound(x) or 'exact'} → {_bound(y) or 'exact'}"  # "more than 300" → "300"
            elif not what and _role_changed(x, y):
                level = {"to": "a level", "by": "a change"}
                what = f": {level[_detail(x, 'role')]} → {level[_detail(y, 'role')]}"
            out.append(_change("number_changed", x.sentence, y.sentence, x, y, f"{x.text} → {y.text}{what}"))
        elif not _only_with_another(x) and not _pair_named(x, group.a_tokens) and not _restates(x, fa, sentences):
            out.append(_change("fact_dropped", x.sentence, b0, x, None, "number not in B"))
    # A count of time written in words inside a date phrase ("the three months ended Dec. 31",
    # "two weeks") is compared when both sides give one; alone, the other side may say it
    # another way ("the quarter ended Dec. 31", "a fortnight").
    out += [
        _change("fact_added", a0, y.sentence, None, y, "number not in A")
        for k, y in enumerate(nb)
        if k not in used
        and not _only_with_another(y)
        and not _pair_named(y, group.b_tokens)
        and not _restates(y, fb, sentences)
    ]
    return out


def _shared_figures(fa: list[Fact], fb: list[Fact], sentences: Mapping[str, Sentence]) -> list[Fact]:
    """The figures of a claim that both sides give, said alike or not ("followed 42,615
    patients" / "tracked more than 42,000 patients"), and restatements of a figure in another
    unit ("2 meters (6.5 feet)"): compared here, their words are no detail one side lacks."""
    na = [f for f in fa if f.kind == "number"]
    nb = [f for f in fb if f.kind == "number"]
    return [
        *(x for x in na if any(_same_figure(x, y) for y in nb) or _restates(x, na, sentences)),
        *(y for y in nb if any(_same_figure(x, y) for x in na) or _restates(y, nb, sentences)),
    ]


def _restates(f: Fact, facts: Sequence[Fact], sentences: Mapping[str, Sentence]) -> bool:
    """Whether ``f`` restates the figure right before it in another unit or currency, in
    brackets: "waves up to 2 meters (6.5 feet)", "$100 (£80)"."""
    sentence = sentences.get(f.sentence)
    if sentence is None or _form(f) not in (*_MEASURES, "money"):
        return False
    text, base = sentence.text, sentence.start
    if not text[f.end - base :].lstrip().startswith(")"):
        return False
    return any(
        g.kind == "number"
        and g.sentence == f.sentence
        and g.end <= f.start
        and _form(g) == _form(f)
        and text[g.end - base : f.start - base].strip() == "("
        for g in facts
    )


def _with_unit(f: Fact, tokens: Sequence[Token], sentences: Mapping[str, Sentence]) -> Fact:
    """``f`` spanning the unit word it counts when that word comes right after it ("12" of "12
    months" → "12 months"), so that a finding shows what changed; else ``f``."""
    sentence = sentences.get(f.sentence)
    unit = next((t for t in tokens if t.start >= f.end), None)
    if sentence is None or unit is None or not _counts(f, tokens) or unit.end > sentence.end:
        return f
    return replace(f, text=sentence.text[f.start - sentence.start : unit.end - sentence.start], end=unit.end)


def _in_unit_of(y: Fact, x: Fact) -> str:
    """The length of time ``y`` gives, in ``x``'s unit: "an hour" next to "30 minutes" is "60
    minutes"."""
    n = float(y.value) * DAYS[y.label] / DAYS[x.label]
    unit = x.label if n == 1 else "centuries" if x.label == "century" else x.label + "s"
    return f"{round(n, 2):g} {unit}"


def _same_form(x: Fact, y: Fact) -> bool:
    """Whether two figures may be one figure changed: a rank ("80th", "third") only with a rank,
    a count only with a count ("the 80th minute" → "ten minutes left" is no contradiction), a
    length of time given by its unit alone only with another ("for weeks" → "for months", but
    "for weeks" → "for three weeks" says no other length)."""
    return all(bool(_detail(x, key)) == bool(_detail(y, key)) for key in ("ordinal", "unit_only"))


def _only_with_another(f: Fact) -> bool:
    """Whether ``f`` is compared only with a figure the other side gives in its place, never
    reported dropped or added alone: a zero ("No deaths"), a count of time inside a date
    phrase ("the three months ended", "a year ago"), a rank ("the first time", "finished
    second"), a length of time given by its unit alone ("for weeks"), a share said as more or
    less than half ("most of")."""
    return any(_detail(f, key) for key in ("zero", "in_date", "ordinal", "unit_only", "majority"))


def _pair_named(f: Fact, tokens: Sequence[Token]) -> bool:
    """Whether ``f`` counts people or things already named, two or three of them ("the two
    ministers", "the three countries"): saying "the ministers" drops no fact."""
    before = next((t for t in reversed(tokens) if t.end <= f.start), None)
    return before is not None and fold(before.text) == "the" and f.value in ("2", "3")


def _swaps(group: Alignment, na: list[Fact], nb: list[Fact]) -> list[tuple[Fact, Fact]]:
    """Figures that trade places: the word diff replaces one figure with another in one place
    and the other way round in another, the words around both unchanged ("1.7 times the size
    and 5.6 times as massive" → "5.6 times the size and 1.7 times as massive")."""
    slots = []
    for op in group.opcodes:
        if op.tag == "replace" and op.i2 - op.i1 == 1 and op.j2 - op.j1 == 1:
            ta, tb = group.a_tokens[op.i1], group.b_tokens[op.j1]
            x = next((f for f in na if f.start <= ta.start < f.end), None)
            y = next((f for f in nb if f.start <= tb.start < f.end), None)
            if x and y and x.value != y.value and _form(x) == _form(y):
                slots.append((x, y))
    return [(x, y) for x, y, _ in _trading_places(slots, lambda u, v: u.value == v.value)]


def _traded_counts(group: Alignment, na: list[Fact], nb: list[Fact]) -> list[tuple[Fact, Fact]]:
    """Counts of two things that trade figures, each thing named right after its figure on both
    sides, however the words around them change ("68.3 million people displaced at home and
    43.4 million refugees" → "43.4 million people displaced at home and 68.3 million refugees")."""
    slots = [
        (x, y)
        for x in na
        for y in nb
        if x.label == y.label
        and x.value != y.value
        and _same_form(x, y)
        and _counts(x, group.a_tokens)
        and _counts(y, group.b_tokens)
    ]
    return [(x, y) for x, y, other in _trading_places(slots, lambda u, v: u.value == v.value) if other.label != x.label]


def _superlatives(na: list[Fact], nb: list[Fact]) -> list[FactChange]:
    """A superlative alone ("the largest") where the other side ranks the same superlative
    ("the second-largest"), and does not also give it alone, is rank 1 changed; otherwise it
    ranks nothing ("the largest" → "the biggest") and is compared no further. Removes the
    superlatives alone from ``na`` and ``nb``."""
    alone_a = [f for f in na if _detail(f, "superlative") == "alone"]
    alone_b = [f for f in nb if _detail(f, "superlative") == "alone"]
    out = []
    for mine, theirs, other_alone, in_a in ((alone_a, nb, alone_b, True), (alone_b, na, alone_a, False)):
        for f in mine:
            (na if in_a else nb).remove(f)
            if any(g.label == f.label for g in other_alone):
                continue  # "the largest" on both sides, whatever else the other ranks
            ranked = next((g for g in theirs if _detail(g, "superlative") == "ranked" and g.label == f.label), None)
            if ranked is not None and ranked.value != f.value:
                theirs.remove(ranked)
                x, y = (f, ranked) if in_a else (ranked, f)
                out.append(_change("number_changed", x.sentence, y.sentence, x, y, f"{x.text} → {y.text}"))
    return out


def _estimates(na: list[Fact], nb: list[Fact]) -> list[FactChange]:
    """One figure given as an estimate or a bound on one side and as exact on the other
    ("about $300 million" → "$300 million", "more than 2,000" → "2,100"): a change of
    certainty, not of the figure. Removes the figures so paired from ``na`` and ``nb``."""
    out = []
    for x in list(na):
        for y in nb:
            if x.label != y.label or not _same_measure(x, y):
                continue
            if x.value == y.value and _approximate(x) != _approximate(y):
                detail = _estimate_changed(x, y)
            elif _bound(x) and not _bound(y) and _bounded(x, y):  # "more than 2,000" → "2,100"
                detail = "a bound stated as an exact figure"
            else:
                continue
            na.remove(x)
            nb.remove(y)
            out.append(_change("certainty_changed", x.sentence, y.sentence, x, y, f"{x.text} → {y.text}: {detail}"))
            break
    return out


def _drop_denials_reversed(na: list[Fact], nb: list[Fact]) -> None:
    """Removes from ``na`` and ``nb`` a count of none against a count of one of the same thing:
    "No illnesses have been reported" → "One illness has been reported" says what "an illness
    has been reported" says, a denial reversed (``negation_changed``, see
    :mod:`compare.classify.certainty`), not a figure changed ("No deaths" → "Two deaths" is)."""
    for mine, theirs in ((na, nb), (nb, na)):
        for zero in [f for f in mine if _detail(f, "zero")]:
            one = next((f for f in theirs if f.label == zero.label and f.value == "1"), None)
            if one is not None:
                mine.remove(zero)
                theirs.remove(one)


def _estimate_changed(x: Fact, y: Fact) -> str:
    """How one figure, an estimate on one side only, is stated on the other: as exact ("about
    $300 million" → "$300 million") or as a bound ("about 36,000" → "more than 36,000")."""
    estimate, other = (x, y) if _approximate(x) else (y, x)
    given = {"at least": "a lower bound", "at most": "an upper bound"}.get(_bound(other), "")
    if estimate is x:
        return f"an estimate stated as {given or 'exact'}"
    return f"{given or 'an exact figure'} stated as an estimate"


def _approximate(f: Fact) -> bool:
    return bool(approximation(_qualified(f.text)))


def _qualified(text: str) -> str:
    """A figure's folded text from its word of estimate or bound on, past the words before it
    that only frame it ("only about 1 million" → "about 1 million", "just over 2,000" → "over
    2,000"); the whole text when it has no such word.

    >>> _qualified("Only about 1 million"), _qualified("just over 2,000"), _qualified("only 300 people")
    ('about 1 million', 'over 2,000', 'only 300 people')
    """
    words = fold(text).split()
    for k, word in enumerate(words[:3]):
        rest = " ".join(words[k:])
        if approximation(rest) or any(rest.startswith(phrase + " ") for phrase in BOUNDS):
            return rest
        if any(c.isdigit() for c in word):
            break
    return " ".join(words)


def _counts(f: Fact, tokens: Sequence[Token]) -> bool:
    """Whether the noun ``f`` counts comes right after it ("9 goals", not "53.7 in August")."""
    after = next((t for t in tokens if t.start >= f.end), None)
    return bool(f.label) and after is not None and fold(after.text).startswith(f.label[:4])


def _swapped(group: Alignment, x: Fact, y: Fact) -> bool:
    """Whether the word diff replaces figure ``x`` with ``y``, both of one form (two counts, two
    sums of money, two shares): "including 61,000 fully electric ones" → "71,000 of them"."""
    return _form(x) == _form(y) and _replaced(group, x, y)


def _unit_of(f: Fact) -> str:
    """A figure's unit or currency as the finding shows it ("acre", "GBP")."""
    return _detail(f, "currency") or f.label


def _form(f: Fact) -> str:
    """``money``, ``percent``, ``rank``, a dimension of measure ("length") or ``count``. A rank
    is one whatever it ranks: "the 12th consecutive increase", "the 11th year in a row"."""
    if f.label in ("money", "percent", "tally"):
        return f.label
    if _detail(f, "ordinal"):
        return "rank"
    return _MEASURE_OF.get(f.label, "count")


# Units of measure: the same figure in another one is another quantity (35 km → 35 miles).
_MEASURES = {
    "length": "kilometre kilometer km mile metre meter m foot feet ft inch yard centimetre centimeter cm",
    "mass": "kilogram kilo kg pound lb ton tonne gram g ounce",
    "area": "acre hectare",
    "volume": "litre liter gallon barrel",
    "time": "second minute hour day week month year decade century",
    "speed": "km/h mph knot",
    "rate": "percentage_point",
    "temperature": "degree",
}
_MEASURE_OF = {unit: kind for kind, units in _MEASURES.items() for unit in units.split()}


def _kind_of_quantity(f: Fact) -> str:
    """What a number counts, for pairing: a unit's dimension ("length" for km and miles), money,
    or else its unit as read ("people")."""
    return _MEASURE_OF.get(f.label, f.label)


def _same_measure(x: Fact, y: Fact) -> bool:
    """Whether two figures are in the same unit (units other than measures and currencies are
    nouns read loosely, "12 people" / "12 residents", and count as the same)."""
    if x.label in _MEASURE_OF and y.label in _MEASURE_OF:
        return _MEASURE_OF[x.label] != _MEASURE_OF[y.label] or x.label == y.label
    if _detail(x, "currency") and _detail(y, "currency"):  # "$40 million" may be Canadian dollars
        return bool(currencies(x.text) & currencies(y.text))
    return True


def _same_figure(x: Fact, y: Fact) -> bool:
    """One figure: same unit and bound, same value or a rounding; or A's exact figure and B's
    bound at its rounding ("18,400" → "more than 18,000"); or one length of time in two units
    ("two days" → "48 hours"). The other way round ("more than 300" → "300") B claims a
    precision A did not give."""
    if _bounded(x, y):
        return True
    counted = not (_detail(x, "unit_only") or _detail(y, "unit_only"))  # "for weeks" has no figure
    if x.label != y.label and x.label in DAYS and y.label in DAYS and _bound(x) == _bound(y) and counted:
        days_x, days_y = float(x.value) * DAYS[x.label], float(y.value) * DAYS[y.label]
        return abs(days_x - days_y) <= 0.02 * max(days_x, days_y)
    same_value = x.value == y.value or _rounded(x, y) or _rounded(y, x)
    return _same_measure(x, y) and _bound(x) == _bound(y) and same_value and not _role_changed(x, y)


def _role_changed(x: Fact, y: Fact) -> bool:
    """A level stated as a change or the other way round: "narrowed to 5.1%" → "narrowed by 5.1%"."""
    return {_detail(x, "role"), _detail(y, "role")} == {"to", "by"}


def _bound(f: Fact) -> str:
    """``at least`` ("more than 300", "over 2,000"), ``at most`` ("up to 10"), or ""."""
    if side := _detail(f, "majority"):
        return side  # "most of": more than half
    return BOUNDS.get(_bound_phrase(f), "")


def _bound_phrase(f: Fact) -> str:
    """The words that bound ``f`` ("more than", "up to"), or ""."""
    low = _qualified(f.text)
    return next((phrase for phrase in BOUNDS if low.startswith(phrase + " ")), "")


def _bounded(x: Fact, y: Fact) -> bool:
    """Whether one of ``x`` and ``y`` bounds the other, exact, at its rounding: 18,400 → "more
    than 18,000", or "more than 2,000" → 2,100 (a bound given as the figure within it, but not
    "more than 300" → 300, which drops the bound)."""
    if _bound(x) and not _bound(y):
        exact, bound, strict = y, x, True
    else:  # "more than 120 million" is no rounding of 120 million; "at least 120 million" may be
        exact, bound, strict = x, y, _bound_phrase(y) not in INCLUSIVE_BOUNDS
    side = _bound(bound)
    if not side or _bound(exact) or not _same_measure(x, y) or _form(x) != _form(y):
        return False
    try:
        ve, vb = float(exact.value), float(bound.value)
    except ValueError:
        return False
    # the step of its last non-zero digit; "most" is anything over half, and half is not most
    step = 50.0 if _detail(bound, "majority") else _step(bound.text, approximate=True)
    strict = strict or bool(_detail(bound, "majority"))
    if side == "at least":
        return (vb < ve if strict else vb <= ve) and ve < vb + step
    return vb - step < ve and (ve < vb if strict else ve <= vb)


def _rounded(x: Fact, y: Fact) -> bool:
    """Whether ``y`` is ``x`` rounded to the precision ``y`` is written in: 5.91 → 6,
    3.2 million → 3 million, but not 4.5% → 4.75% or 12 → 15.

    >>> n = lambda text, value: Fact("A1", "number", text, 0, 0, "", value)
    >>> _rounded(n("5.91", "5.91"), n("about 6", "6")), _rounded(n("3.2 million", "3.2e+06"), n("3 million", "3e+06"))
    (True, True)
    >>> _rounded(n("4.5%", "4.5"), n("4.75%", "4.75")), _rounded(n("12", "12"), n("15", "15"))
    (False, False)
    """
    if x.label != y.label or "tally" in (x.label, y.label):
        return False
    try:
        vx, vy = float(x.value), float(y.value)
    except ValueError:
        return False
    return vx != vy and abs(vx - vy) <= _step(y.text) / 2 + 1e-9 * abs(vy)


def _step(text: str, approximate: bool | None = None) -> float:
    """The value of one unit in a number's last written digit: 1 for "6", 0.01 for "4.75%",
    100,000 for "3.2 million"; for a number said to be approximate, its last non-zero digit:
    10 for "nearly 950" (``approximate`` says so when the text does not). A share said as a
    fraction is as precise as a whole percentage ("a third", 33%), or, said approximately, as
    one rounded to tens ("about a third", about 30%).

    >>> _step("6"), _step("4.75%"), _step("3.2 million"), _step("nearly 950"), _step("950")
    (1.0, 0.01, 100000.0, 10.0, 1.0)
    >>> _step("a third"), _step("about a third"), _step("more than half", approximate=True)
    (1.0, 10.0, 10.0)
    """
    digits = re.search(r"\d[\d,]*(?:\.(\d+))?", text)
    if approximate is None:
        approximate = bool(approximation(_qualified(text)))
    if digits is None and SHARE.search(text):
        return 10.0 if approximate else 1.0
    decimals = len(digits.group(1)) if digits and digits.group(1) else 0
    scale = next((v for w, v in _SCALES.items() if re.search(rf"\b{w}\b", text, re.I)), 1.0)
    if digits and not decimals and approximate:
        return round_step(digits.group(0)) * scale
    return float(10.0**-decimals * scale)
