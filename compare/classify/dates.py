"""Dates compared: a day, month or year changed, a conflict with the publication dates, a
weekday that no longer fits, a date said as an estimate, a stretch of time in another unit."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from compare.classify.common import Context, _change, _given_in
from compare.classify.names import _unmatched
from compare.dates import weekday_name
from compare.facts import YEARLIKE, fold
from compare.figures import approximation
from compare.models import Fact, FactChange


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
            what = _period_changed(before.value, after.value, precision)
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


def _stretch(f: Fact) -> tuple[str, str, bool] | None:
    """A relative date as a stretch of time, its unit and whether it counts several: "in
    recent weeks" and "over the past few weeks" are ``("past", "week", True)``, "last week"
    ``("last", "week", False)``, "later this year" ``("later this", "year", False)``; ``None``
    for a relative date with no unit ("yesterday").

    >>> d = lambda text: Fact("A1", "date", text, 0, 0, "relative")
    >>> _stretch(d("In recent weeks")), _stretch(d("over the last few days")), _stretch(d("last week"))
    (('past', 'week', True), ('past', 'day', True), ('last', 'week', False))
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
    return form, unit, plural


def _one_stretch(x: Fact, y: Fact) -> bool:
    """Whether two relative dates are one stretch of time said two ways ("in recent weeks", "in
    the past few weeks"; "the past few days" and "the past week" too, which a reader cannot
    tell apart)."""
    sx, sy = _stretch(x), _stretch(y)
    if sx is None or sy is None:
        return False
    return sx == sy or (sx[0] == sy[0] and {sx[1:], sy[1:]} == {("day", True), ("week", False)})


def _other_stretch(x: Fact, y: Fact) -> bool:
    """Whether two relative dates are one form of stretch in another unit, or one against
    several ("last week" → "last month", "the past year" → "recent years")."""
    sx, sy = _stretch(x), _stretch(y)
    return sx is not None and sy is not None and sx[0] == sy[0] and sx[1:] != sy[1:] and not _one_stretch(x, y)


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
    """Whether a name, date or figure one side's claim lacks stands elsewhere in the other
    side's article, written alike ("Maria Lopez, 34," in the next sentence). A figure must have
    two characters or more and a digit: "3" or "one" may be any count."""
    fact = change.before if change.kind == "fact_dropped" else change.after if change.kind == "fact_added" else None
    if fact is None:
        return False
    figure = fact.kind == "number"
    if figure and not any(c.isdigit() for c in fact.text):
        return False
    return _given_in(fact, ctx.b_folded if fact is change.before else ctx.a_folded, 2 if figure else 4)


def _period_changed(x: str, y: str, precision: str) -> str:
    """What two values of one precision name differently: the year alone when the month,
    quarter or half is the same ("April 2023" → "April 2022"), else the period itself.

    >>> _period_changed("2023-04", "2022-04", "month"), _period_changed("2024-03", "2024-04", "month")
    ('year', 'month')
    >>> _period_changed("2025-H1", "2025-H2", "quarter"), _period_changed("2025-Q1", "2024-Q1", "quarter")
    ('half', 'year')
    """
    if x[4:5] == "-" == y[4:5] and x[5:] == y[5:] and x[:4] != y[:4]:
        return "year"
    return "half" if x.endswith(("H1", "H2")) else precision


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
