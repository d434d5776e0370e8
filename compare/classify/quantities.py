"""Quantities compared, dates and numbers: conflicts, changes, roundings, bounds and units."""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta

from compare.classify.common import Context, _change, _detail, _given_in, _replaced, _trading_places
from compare.classify.names import _unmatched
from compare.dates import weekday_name
from compare.facts import YEARLIKE, fold
from compare.figures import BOUNDS, DAYS, approximation, round_step
from compare.lexicon import SCALES as _SCALES
from compare.models import Alignment, Fact, FactChange, Sentence, Token
from compare.quantity_words import SHARE, currencies


def _dates(fa: list[Fact], fb: list[Fact], a0: str, b0: str, ctx: Context) -> list[FactChange]:
    da = [f for f in fa if f.kind == "date"]
    db = [f for f in fb if f.kind == "date"]
    estimates = _estimated_dates(da, db, ctx)
    # The same words, or the same calendar day (resolved on one side only when one article
    # has no publication date: "Monday" and "Monday" still match).
    da, db = _unmatched(da, db, lambda x, y: _one_day(x, y) or fold(x.text) == fold(y.text) or _one_stretch(x, y))
    out: list[FactChange] = estimates
    # Days: a calendar date, a weekday, or "yesterday" once resolved by the publication date.
    pa = [f for f in da if f.label in ("day", "weekday") or _is_iso(f.value)]
    pb = [f for f in db if f.label in ("day", "weekday") or _is_iso(f.value)]
    for before, after in zip(pa, pb, strict=False):
        if _is_iso(before.value) and _is_iso(after.value):
            out.append(
                _change("date_conflict", before.sentence, after.sentence, before, after, _conflict(before, after, ctx))
            )
        else:
            out.append(
                _change(
                    "date_changed",
                    before.sentence,
                    after.sentence,
                    before,
                    after,
                    f"“{before.text}” → “{after.text}”: a different day"
                    if before.value.startswith("--") and after.value.startswith("--")
                    else f"“{before.text}” → “{after.text}” (no publication date to resolve them)",
                )
            )
    n = min(len(pa), len(pb))
    paired = pa[:n] + pb[:n]
    # Months and years ("in March" → "in April", "in 2019" → "in 2018"), each with its own kind.
    for precision in ("month", "quarter", "year", "time"):
        ma = [f for f in da if f.label == precision]
        mb = [f for f in db if f.label == precision]
        for before, after in zip(ma, mb, strict=False):
            paired += [before, after]
            if _same_period(before.value, after.value):
                continue  # "first quarter" and "Q1 2026": one quarter, said with and without its year
            what = "half" if before.value.endswith(("H1", "H2")) else precision
            detail = f"“{before.text}” → “{after.text}”: a different {what}"
            out.append(_change("date_changed", before.sentence, after.sentence, before, after, detail))
    # A recent or coming stretch of time in another unit ("in recent weeks" → "in recent months").
    for x in [f for f in da if f not in paired]:
        y = next((y for y in db if y not in paired and _other_stretch(x, y)), None)
        if y is not None:
            paired += [x, y]
            detail = f"“{x.text}” → “{y.text}”: another length of time"
            out.append(_change("date_changed", x.sentence, y.sentence, x, y, detail))
    # A date the claim lost or gained that the other article gives in another sentence moved
    # ("In 1979, he was inducted" → "He was inducted. That was in 1979."): not dropped or added.
    # A year read as a date on one side may be a bare number on the other ("the 1932 Elm Street
    # crossing" → "built in 1932"): the same year, not dropped or added.
    years_a, years_b = _years(fa, "number"), _years(fb, "number")
    rest_a = [f for f in da if f not in paired and not _given_in(f, ctx.b_folded) and not _year_in(f, years_b)]
    rest_b = [f for f in db if f not in paired and not _given_in(f, ctx.a_folded) and not _year_in(f, years_a)]
    out += [_change("fact_dropped", f.sentence, b0, f, None, "date not in B") for f in rest_a]
    out += [_change("fact_added", a0, f.sentence, None, f, "date not in A") for f in rest_b]
    return out


def _stretch(f: Fact) -> tuple[str, str] | None:
    """A relative date as a stretch of time and its unit: "in recent weeks" and "over the past
    few weeks" are ``("past", "week")``, "last week" ``("last", "week")``, "later this year"
    ``("later this", "year")``; ``None`` for a relative date with no unit ("yesterday").

    >>> d = lambda text: Fact("A1", "date", text, 0, 0, "relative")
    >>> _stretch(d("In recent weeks")), _stretch(d("over the last few days")), _stretch(d("last week"))
    (('past', 'week'), ('past', 'day'), ('last', 'week'))
    """
    words = [w for w in fold(f.text).split() if w not in ("in", "over", "during", "the", "few")]
    if (
        f.label != "relative"
        or len(words) < 2
        or words[-1].rstrip("s") not in ("day", "week", "month", "year", "weekend")
    ):
        return None
    unit, plural = words[-1].rstrip("s"), words[-1].endswith("s")
    form = " ".join(
        {"recent": "past", "last": "past" if plural else "last", "coming": "next"}.get(w, w) for w in words[:-1]
    )
    return form, unit


def _one_stretch(x: Fact, y: Fact) -> bool:
    """Whether two relative dates are one stretch of time said two ways ("in recent weeks", "in
    the past few weeks")."""
    return _stretch(x) is not None and _stretch(x) == _stretch(y)


def _other_stretch(x: Fact, y: Fact) -> bool:
    """Whether two relative dates are one form of stretch in another unit ("last week" → "last month")."""
    sx, sy = _stretch(x), _stretch(y)
    return sx is not None and sy is not None and sx[0] == sy[0] and sx[1] != sy[1]


def _years(facts: list[Fact], kind: str) -> set[str]:
    """The years that ``facts`` of ``kind`` give: a date's year, or a bare number that could be
    one (four digits from 1000 to 2199, without unit sign or separator: "1932", not "1,932")."""
    if kind == "date":
        return {f.value[:4] for f in facts if f.kind == "date" and f.value[:4].isdigit()}
    return {f.value for f in facts if f.kind == "number" and YEARLIKE.fullmatch(f.text)}


def _year_in(f: Fact, years: set[str]) -> bool:
    """Whether ``f`` (a date that is a year alone, or a year-like number) is one of ``years``."""
    if f.kind == "date":
        return f.label == "year" and f.value[:4] in years
    return YEARLIKE.fullmatch(f.text) is not None and f.value in years


def _moved(change: FactChange, ctx: Context) -> bool:
    """Whether a name or date one side's claim lacks stands elsewhere in that side's article."""
    if change.kind == "fact_dropped" and change.before:
        return _given_in(change.before, ctx.b_folded)
    if change.kind == "fact_added" and change.after:
        return _given_in(change.after, ctx.a_folded)
    return False


def _same_period(x: str, y: str) -> bool:
    """Whether two quarter values agree where both say something: ``Q1`` and ``2026-Q1``."""
    return x.rsplit("-", 1)[-1] == y.rsplit("-", 1)[-1] and ("-" not in x or "-" not in y or x == y)


def _one_day(x: Fact, y: Fact) -> bool:
    """Whether two date facts name the same day. A weekday is the most recent one, or the
    coming one ("the match on Sunday" in a story of Wednesday): either reading agrees."""
    if x.value == y.value:
        return True
    if not (_is_iso(x.value) and _is_iso(y.value)):
        return False
    dx, dy = date.fromisoformat(x.value), date.fromisoformat(y.value)
    return "weekday" in (x.label, y.label) and abs(dx - dy) == _WEEK


_WEEK = timedelta(days=7)


def _is_iso(value: str) -> bool:
    return len(value) == 10 and value[4] == "-" and value[7] == "-"


def _conflict(before: Fact, after: Fact, ctx: Context) -> str:
    da, db = date.fromisoformat(before.value), date.fromisoformat(after.value)
    pub = f", A published {ctx.published[0].isoformat()}" if ctx.published[0] else ""
    return (
        f"“{before.text}” = {da.isoformat()} ({weekday_name(da)}{pub}) but “{after.text}” = "
        f"{db.isoformat()} ({weekday_name(db)})"
    )


def _weekday_conflicts(facts: list[Fact], in_a: bool) -> list[FactChange]:
    """A weekday next to a calendar date it does not fall on ("Wednesday, Aug. 31, 2023")."""
    dates = [f for f in facts if f.kind == "date"]
    out = []
    for w, d in itertools.pairwise(dates):
        if w.label == "weekday" and d.label == "day" and d.start - w.end <= 3 and _is_iso(d.value):
            day = date.fromisoformat(d.value)
            if weekday_name(day).lower() != w.text.lower():
                a, b = (w.sentence, None) if in_a else (None, w.sentence)
                out.append(_change("date_conflict", a, b, w, d, f"{d.text} was a {weekday_name(day)}, not a {w.text}"))
    return out


def _estimated_dates(da: list[Fact], db: list[Fact], ctx: Context) -> list[FactChange]:
    """One time or date given as an estimate on one side and as exact on the other ("at about
    2:40 a.m." → "at 2:40 a.m."): a change of certainty, as for figures."""

    def shown(f: Fact) -> str:  # the date with the word that makes it an estimate, if any
        sentence = ctx.sentences.get(f.sentence)
        words = sentence.text[: f.start - sentence.start].split()[-2:] if sentence else []
        said = approximation(fold(" ".join(words)), at_end=True)
        return " ".join([*words[len(words) - len(said.split()) :], f.text]) if said else f.text

    said = {id(f): shown(f) for f in (*da, *db)}
    out = []
    for x in da:
        about = said[id(x)] != x.text
        y = next((y for y in db if (y.label, y.value) == (x.label, x.value) and (said[id(y)] != y.text) != about), None)
        if y is not None:
            detail = "an estimate stated as exact" if about else "an exact date stated as an estimate"
            out.append(
                _change("certainty_changed", x.sentence, y.sentence, x, y, f"{said[id(x)]} → {said[id(y)]}: {detail}")
            )
    return out


def _numbers(group: Alignment, fa: list[Fact], fb: list[Fact], sentences: Mapping[str, Sentence]) -> list[FactChange]:
    a0, b0 = group.a[0], group.b[0]
    na = [f for f in fa if f.kind == "number"]
    nb = [f for f in fb if f.kind == "number"]
    out: list[FactChange] = _superlatives(na, nb)
    out += _estimates(na, nb)
    for x, y in _swaps(group, na, nb):
        na.remove(x)
        nb.remove(y)
        out.append(_change("number_changed", x.sentence, y.sentence, x, y, f"{x.text} → {y.text}: figures swapped"))
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
            if not what and x.value == y.value and _bound(x) != _bound(y):
                what = f": {_bound(x) or 'exact'} → {_bound(y) or 'exact'}"  # "more than 300" → "300"
            elif not what and _role_changed(x, y):
                level = {"to": "a level", "by": "a change"}
                what = f": {level[_detail(x, 'role')]} → {level[_detail(y, 'role')]}"
            out.append(_change("number_changed", x.sentence, y.sentence, x, y, f"{x.text} → {y.text}{what}"))
        elif not _only_with_another(x) and not _pair_named(x, group.a_tokens):
            out.append(_change("fact_dropped", x.sentence, b0, x, None, "number not in B"))
    # A count of time written in words inside a date phrase ("the three months ended Dec. 31",
    # "two weeks") is compared when both sides give one; alone, the other side may say it
    # another way ("the quarter ended Dec. 31", "a fortnight").
    out += [
        _change("fact_added", a0, y.sentence, None, y, "number not in A")
        for k, y in enumerate(nb)
        if k not in used and not _only_with_another(y) and not _pair_named(y, group.b_tokens)
    ]
    return out


def _with_unit(f: Fact, tokens: Sequence[Token], sentences: Mapping[str, Sentence]) -> Fact:
    """``f`` spanning the unit word it counts when that word comes right after it ("12" of "12
    months" → "12 months"), so that a finding shows what changed; else ``f``."""
    sentence = sentences.get(f.sentence)
    unit = next((t for t in tokens if t.start >= f.end), None)
    if sentence is None or unit is None or not _counts(f, tokens) or unit.end > sentence.end:
        return f
    return replace(f, text=sentence.text[f.start - sentence.start : unit.end - sentence.start], end=unit.end)


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
    second"), a length of time given by its unit alone ("for weeks")."""
    return any(_detail(f, key) for key in ("zero", "in_date", "ordinal", "unit_only"))


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
    certainty, not of the figure."""
    out, used = [], set()
    for x in na:
        for k, y in enumerate(nb):
            if k in used or x.label != y.label or not _same_measure(x, y):
                continue
            if x.value == y.value and _approximate(x) != _approximate(y):
                detail = "an estimate stated as exact" if _approximate(x) else "an exact figure stated as an estimate"
            elif _bound(x) and not _bound(y) and _bounded(x, y):  # "more than 2,000" → "2,100"
                detail = "a bound stated as an exact figure"
            else:
                continue
            used.add(k)
            out.append(_change("certainty_changed", x.sentence, y.sentence, x, y, f"{x.text} → {y.text}: {detail}"))
            break
    return out


def _approximate(f: Fact) -> bool:
    return bool(approximation(fold(f.text)))


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
    """``money``, ``percent``, a dimension of measure ("length") or ``count``."""
    if f.label in ("money", "percent", "tally"):
        return f.label
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
    low = " ".join(f.text.lower().split())
    return next((side for phrase, side in BOUNDS.items() if low.startswith(phrase + " ")), "")


def _bounded(x: Fact, y: Fact) -> bool:
    """Whether one of ``x`` and ``y`` bounds the other, exact, at its rounding: 18,400 → "more
    than 18,000", or "more than 2,000" → 2,100 (a bound given as the figure within it, but not
    "more than 300" → 300, which drops the bound)."""
    if _bound(x) and not _bound(y):
        exact, bound, strict = y, x, True
    else:
        exact, bound, strict = x, y, False
    side = _bound(bound)
    if not side or _bound(exact) or not _same_measure(x, y) or _form(x) != _form(y):
        return False
    try:
        ve, vb = float(exact.value), float(bound.value)
    except ValueError:
        return False
    step = _step(bound.text, approximate=True)  # the step of its last non-zero digit
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
        approximate = bool(approximation(fold(text)))
    if digits is None and SHARE.search(text):
        return 10.0 if approximate else 1.0
    decimals = len(digits.group(1)) if digits and digits.group(1) else 0
    scale = next((v for w, v in _SCALES.items() if re.search(rf"\b{w}\b", text, re.I)), 1.0)
    if digits and not decimals and approximate:
        return round_step(digits.group(0)) * scale
    return float(10.0**-decimals * scale)
