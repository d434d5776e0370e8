"""Date expressions in news text, and their calendar dates given a publication date.

News dates are mostly relative to the day of publication: "on Wednesday" in a story
published on Friday 2023-09-01 means 2023-08-30, the most recent Wednesday (a weekday may also
mean the coming one: "the match on Sunday"; :func:`compare.classify` accepts either; "next
Monday", "will ... on Sunday" and, in a claim not in the past, "through Saturday" are read as
the coming one); "Aug. 31" and "in March" mean the nearest such day or month, looking at most
four months ahead (a date scheduled for "April 8" in a story of March 14 is this April 8;
"Nov. 5" in January is last November's). Relative phrases such as "recent days" are kept,
unresolved.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_FULL_MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)
_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?![A-Za-z])\.?"  # not "Marseille", "Mayor"
)
_PATTERNS = (
    # A time of day: "3 p.m.", "10:30 a.m.", "15:00", "noon" (compared as a 24-hour clock).
    (
        "time",
        re.compile(
            r"\b(?P<h>\d{1,2})(?::(?P<m>[0-5]\d))?\s*(?P<ampm>(?i:[ap]\.m\.|[ap]m))(?!\w)"
            r"|\b(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?![\d:])|\b(?P<word>(?i:noon|midnight))\b"
        ),
    ),
    ("day", re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{4})\b)?")),
    ("day", re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+(?P<year>\d{4})\b)?")),
    ("iso", re.compile(r"\b(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)\b")),
    ("weekday", re.compile(r"\b(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")),
    # A month without a day: "in March", "since May 2023", "March 2024" (a month name after a
    # preposition or before a year, so the modal "May" and the verb "march" stay words).
    (
        "month",
        re.compile(
            r"\b(?:(?i:in|since|by|until|till|from|through|during|of|last|this|next|early|late|mid-?)\s+)"
            r"(?P<when>" + _MONTH + r"(?:,?\s+(?P<year>\d{4})\b)?)(?!\s*\d)(?!\s+[A-Z][a-z])"  # not "by May Wong"
        ),
    ),
    ("month", re.compile(r"\b(?P<when>" + _MONTH + r",?\s+(?P<year>\d{4}))\b")),
    # A quarter or half year: "the first quarter of 2026", "second half", "Q3 2025".
    (
        "quarter",
        re.compile(
            r"\b(?P<when>(?P<nth>(?i:first|second|third|fourth|1st|2nd|3rd|4th))(?:\s+|-)(?P<unit>(?i:quarter|half))"
            r"(?:\s+of\s+(?P<year>\d{4})\b)?|(?P<q>Q[1-4])(?:\s+(?P<qyear>\d{4})\b)?)"
        ),
    ),
    # A year on its own: "in 2019", "since 1998", "pushed back to 2028" (after a preposition:
    # other four-digit numbers are counts).
    (
        "year",
        re.compile(
            r"\b(?:(?i:in|since|by|until|till|from|through|during|before|after|compared with|compared to)\s+"
            r"(?P<when>(?P<year>1[89]\d\d|20\d\d))\b"
            r"|(?i:of|(?:back|forward|postponed|delayed|deferred)\s+to)\s+(?P<of>(?P<ofyear>1[89]\d\d|20\d\d))\b(?!\s+(?!(?:was|were|is|are|and|or|to|when|as|but|that|after|amid|because|following|due|in|at|on)\b)[a-z]))"
            r"(?![,.]?\d|%|-\d)"  # "of 2019", "back to 2028", but not "a crowd of 1900 people", "back to 2000 workers"
        ),
    ),
    ("relative", re.compile(r"\b(?P<rel>today|yesterday|tonight|last night)\b", re.I)),
    (
        "relative",
        re.compile(
            r"\b(?:(?:in|over|during)\s+)?(?:recent|past|last|coming|next)\s+(?:few\s+)?"
            r"(?:days?|weeks?|months?|years?|weekend)\b|\b(?:earlier|later)\s+this\s+(?:week|month|year)\b",
            re.I,
        ),
    ),
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression: its span within the sentence and, when resolvable, its calendar day."""

    start: int
    end: int
    text: str
    #: ``day`` (a calendar day), ``weekday``, ``month``, ``quarter`` (or half), ``year``, ``time``
    #: (of day), or ``relative``.
    precision: str
    #: The calendar day; for a month or a year, its first day.
    resolved: date | None
    #: A day without a year that no publication date resolves: ``--11-11`` (ISO 8601's form), so
    #: that "November 11", "Nov. 11" and "11 November" still compare equal; for a time of day,
    #: its 24-hour clock (``T15:00`` for "3 p.m.").
    yearless: str = ""

    @property
    def value(self) -> str | None:
        """The resolved date as written at its precision: ``2023-08-30``, ``2024-03``, ``2019``,
        ``2026-Q1`` (or ``Q1`` for a quarter without a year)."""
        if self.precision == "quarter":
            return f"{self.resolved.year}-{_period(self.text)}" if self.resolved else _period(self.text)
        if self.resolved is None:
            return self.yearless or None
        iso = self.resolved.isoformat()
        return {"month": iso[:7], "year": iso[:4]}.get(self.precision, iso)


def find_dates(text: str, published: date | None, year_from: date | None = None) -> list[DateMention]:
    """Date expressions in ``text``, left to right, resolved against ``published``.

    ``year_from`` (another article's publication date) only supplies the year of a month and
    day when ``published`` is unknown; weekdays need the article's own date.

    >>> [(m.text, m.resolved) for m in find_dates("They met on Wednesday, not on Aug. 31.", date(2023, 9, 1))]
    [('Wednesday', datetime.date(2023, 8, 30)), ('Aug. 31', datetime.date(2023, 8, 31))]
    >>> [(m.text, m.resolved) for m in find_dates("Raids stepped up in recent days.", None)]
    [('in recent days', None)]
    >>> [(m.text, m.resolved) for m in find_dates("Rain is likely through Saturday.", date(2024, 8, 15))]
    [('Saturday', datetime.date(2024, 8, 17))]
    """
    return list(_find(text, published, year_from))


@functools.lru_cache(maxsize=4096)  # the facts and the verdict both read each sentence's dates
def _find(text: str, published: date | None, year_from: date | None) -> tuple[DateMention, ...]:
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            named = next((g for g in ("when", "of") if g in pattern.groupindex and m.group(g)), None)
            start, end = m.span(named) if named else m.span()
            if kind == "month" and text[end - 1] == "." and m.group("month").lower() in _FULL_MONTHS:
                end -= 1  # "in March." ends the sentence; "Aug." keeps its stop
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            anchor = published or (year_from if kind in ("day", "month") else None)
            resolved = _resolve(kind, m, anchor, ahead=kind == "weekday" and _ahead(text, start))
            yearless = _yearless(m) if kind == "day" and resolved is None else _clock(m) if kind == "time" else ""
            found.append(DateMention(start, end, text[start:end], _precision(kind), resolved, yearless))
    return tuple(sorted(found, key=lambda d: d.start))


#: How far ahead of publication a date without a year may lie; beyond it, it is last year's.
_AHEAD = timedelta(days=120)


def _nearest(guess: date, published: date) -> date:
    """``guess`` (in the publication's year) moved to the year that puts it nearest to
    ``published``, at most four months ahead (news looks back more often than forward)."""
    if guess > published + _AHEAD:
        return _year(guess, guess.year - 1)
    if guess + timedelta(days=366) <= published + _AHEAD:
        return _year(guess, guess.year + 1)
    return guess


def _year(day: date, year: int) -> date:
    try:
        return day.replace(year=year)
    except ValueError:  # Feb. 29 has no other year nearby: keep the leap year's
        return day


def _period(text: str) -> str:
    """``Q1`` .. ``Q4`` or ``H1``/``H2`` for "first quarter", "Q3", "second half"."""
    low = text.lower()
    if low.startswith("q"):
        return text[:2].upper()
    n = {"fir": 1, "1st": 1, "sec": 2, "2nd": 2, "thi": 3, "3rd": 3, "fou": 4, "4th": 4}[low[:3]]
    return f"H{n}" if "half" in low else f"Q{n}"


def _clock(m: re.Match[str]) -> str:
    """``T15:00`` for "3 p.m." or "15:00", ``T12:00`` for "noon"."""
    g = m.groupdict()
    if g["word"]:
        return "T12:00" if g["word"].lower() == "noon" else "T00:00"
    if g["h24"]:
        return f"T{int(g['h24']):02d}:{g['m24']}"
    hour = int(g["h"]) % 12 + (12 if g["ampm"].lower().startswith("p") else 0)
    return f"T{hour:02d}:{g['m'] or '00'}"


def _yearless(m: re.Match[str]) -> str:
    """``--MM-DD`` of a month-and-day match ("Nov. 11" → ``--11-11``)."""
    return f"--{_MONTHS[m.group('month').lower()[:3]]:02d}-{int(m.group('day')):02d}"


def _precision(kind: str) -> str:
    return "day" if kind in ("day", "iso") else kind


#: Words just before a weekday that put it ahead of the publication date: "next Monday",
#: "will be held on Sunday"; and "through" or "until" in a claim in the present or future
#: ("rain is likely through Saturday", "the road stays shut until Monday"; but "schools were
#: shut until Monday" is past).
_COMING = re.compile(r"(?:\b(?:next|coming)|\bwill(?:\s+(?!what|which|who)[\w'-]+){0,5}\s+on)\s+$", re.I)
_UNTIL = re.compile(r"\b(?:through|until|till)\s+$", re.I)
# Modals look ahead too ("gusts could persist through Saturday"), but a negated "could" tells
# the past as often ("residents could not return until Monday").
_NOT_PAST = re.compile(
    r"\b(?:will|is|are|remains?|stays?|expected|likely|forecast|scheduled|due|set to|(?-i:may)|might|should|"
    r"could(?!\s+not\b|n't)|can(?!not\b|'t))\b",  # (not "May", the month)
    re.I,
)


def _ahead(text: str, start: int) -> bool:
    """Whether the weekday at ``start`` is read as the coming one (see ``_COMING``)."""
    if _COMING.search(text, 0, start):
        return True
    return bool(_UNTIL.search(text, 0, start)) and bool(_NOT_PAST.search(text, 0, start))


def _resolve(kind: str, m: re.Match[str], published: date | None, ahead: bool = False) -> date | None:
    groups = m.groupdict()
    try:
        if kind == "iso":
            return date(int(groups["year"]), int(groups["month"]), int(groups["day"]))
        if kind == "year":
            return date(int(groups["year"] or groups["ofyear"]), 1, 1)
        if kind == "quarter":
            year = groups.get("year") or groups.get("qyear")
            return date(int(year), 1, 1) if year else None
        if kind == "month":
            month = _MONTHS[groups["month"].lower()[:3]]
            if groups.get("year"):
                return date(int(groups["year"]), month, 1)
            if published is None:
                return None
            return _nearest(date(published.year, month, 1), published)
        if kind == "day":
            month = _MONTHS[groups["month"].lower()[:3]]
            if groups.get("year"):
                return date(int(groups["year"]), month, int(groups["day"]))
            if published is None:
                return None
            return _nearest(date(published.year, month, int(groups["day"])), published)
    except ValueError:  # "Feb. 30"
        return None
    if published is None:
        return None
    if kind == "weekday":
        if ahead:
            return published + timedelta(days=(WEEKDAYS.index(groups["weekday"].lower()) - published.weekday()) % 7)
        back = (published.weekday() - WEEKDAYS.index(groups["weekday"].lower())) % 7
        return published - timedelta(days=back)
    rel = (groups.get("rel") or "").lower()
    if rel in ("today", "tonight"):
        return published
    if rel in ("yesterday", "last night"):
        return published - timedelta(days=1)
    return None


def weekday_name(day: date) -> str:
    """``Thursday`` for 2023-08-31."""
    return WEEKDAYS[day.weekday()].capitalize()
