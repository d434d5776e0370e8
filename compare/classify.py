"""Fact-level findings: what a rewrite added, dropped, changed, renamed or re-attributed.

Works group by group on the alignment: the facts of a group's A sentences are compared with
the facts of its B sentences. Sentences only in B contribute the sources they introduce
(``new_source``); a sentence only in A is already reported as dropped, so its facts are not
listed again one by one.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from compare.attribution import is_descriptor, same_person
from compare.dates import weekday_name
from compare.diff import fold as fold_token
from compare.facts import MODALS, fold
from compare.models import Alignment, ChangeKind, Fact, FactChange, Sentence, Token
from compare.verdict import APPROXIMATE, BOUNDS, expansion, initials_spans, round_step, token_text

_STOP = frozenset(
    (
        "a an the of to in on at and or but by for from with as is was were be been being are it its this "
        "that these those which who whom whose has have had not no than then so such into over under "
        "after before also there their they them he she his her we our you your i me my also"
    ).split()
)
_WORD = re.compile(r"[\w.'’&-]+")
_RENAME_OVERLAP = 0.4  # share of name words two names must have in common to be one thing renamed
_QUOTE_SAME = 0.6  # difflib ratio above which two quotes are one quote, altered


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

    def __post_init__(self) -> None:
        object.__setattr__(self, "a_folded", fold(self.a_text))
        object.__setattr__(self, "b_folded", fold(self.b_text))

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


def classify(alignments: Sequence[Alignment], facts: Sequence[Fact], context: Context) -> tuple[FactChange, ...]:
    """Findings for every alignment group, in the alignments' order."""
    by_sentence: dict[str, list[Fact]] = {}
    for f in facts:
        by_sentence.setdefault(f.sentence, []).append(f)
    out: list[FactChange] = []
    named: list[str] = []  # people B's added claims cite, so a later "Okoro said" is not new again
    for x in alignments:
        fa = [f for i in x.a for f in by_sentence.get(i, [])]
        fb = [f for j in x.b for f in by_sentence.get(j, [])]
        if x.a and x.b:
            out += _group(x, fa, fb, context)
        elif x.b:
            out += _sources_of_added_claim(fb, x.b[0], named)
        for sid in (*x.a, *x.b):
            out += _weekday_conflicts(by_sentence.get(sid, []), sid.startswith("A"))
    return tuple(out)


def _group(x: Alignment, fa: list[Fact], fb: list[Fact], ctx: Context) -> list[FactChange]:
    a0, b0 = x.a[0], x.b[0]
    out = _attributions(fa, fb, a0, b0, ctx)
    out += _quotes(fa, fb, a0, b0)
    out += _dates(fa, fb, a0, b0, ctx)
    names = _entities(fa, fb, a0, b0, x)
    # Names without a counterpart may be part of a dropped or added detail; the others
    # (matched or renamed) are compared on their own, so detail runs stop at them.
    loose = {id(c.before or c.after) for c in names if c.kind in ("fact_added", "fact_dropped")}
    details = _details(x, [f for f in fa if id(f) not in loose], [f for f in fb if id(f) not in loose], ctx.sentences)
    # A detail run inside a name reported as dropped or added repeats it: keep the name.
    loose_facts = [c.before or c.after for c in names if c.kind in ("fact_added", "fact_dropped")]
    named = [(f.sentence, f.start, f.end) for f in loose_facts if f is not None]
    details = [d for d in details if not (d.before or d.after) or not _overlaps_inside(d.before or d.after, named)]
    covered = [(c.before or c.after) for c in details]
    spans = [(f.sentence, f.start, f.end) for f in covered if f is not None]
    for change in names + _numbers(fa, fb, a0, b0):
        fact = change.before or change.after
        if change.kind in ("fact_added", "fact_dropped") and fact and _within(fact, spans):
            continue  # reported as part of a dropped or added detail
        if change in names and _moved(change, ctx):
            continue  # the other article names it in another sentence (like a date, see _dates)
        out.append(change)
    out += details
    out += _certainty(fa, fb, a0, b0)
    out += _polarity(x, fa, fb)
    return out


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


def _detail(f: Fact, key: str) -> str:
    return dict(f.detail).get(key, "")


# --- attributions -------------------------------------------------------------------------

_KIND_WORDS = {
    "anonymous": "anonymous source",
    "document": "document",
    "outlet": "outlet",
    "person": "named person",
    "official": "institution",
    "other": "source",
}


def _attributions(fa: list[Fact], fb: list[Fact], a0: str, b0: str, ctx: Context) -> list[FactChange]:
    aa = [f for f in fa if f.kind == "attribution"]
    ab = [f for f in fb if f.kind == "attribution"]
    out: list[FactChange] = []
    for k in range(max(len(aa), len(ab))):
        before = aa[k] if k < len(aa) else None
        after = ab[k] if k < len(ab) else None
        a_sid = before.sentence if before else a0
        b_sid = after.sentence if after else b0
        if before and after:
            detail = _shift(before, after, ctx)
            if detail:
                out.append(_change("attribution_changed", a_sid, b_sid, before, after, detail))
        elif after:
            what = f"{_KIND_WORDS[after.label]}: {after.text}"
            out.append(
                _change(
                    "attribution_changed",
                    a_sid,
                    b_sid,
                    None,
                    after,
                    f"attribution added where A states it in its own voice ({what}){_referent(after, ctx)}",
                )
            )
        elif before:
            out.append(
                _change(
                    "attribution_changed",
                    a_sid,
                    b_sid,
                    before,
                    None,
                    f"attribution removed: B states it in its own voice ({_KIND_WORDS[before.label]})",
                )
            )
        if after and _is_new_name(after, ctx):
            out.append(_new_source(after, b_sid, "not named anywhere in A"))
    return out


def _shift(before: Fact, after: Fact, ctx: Context) -> str:
    r_a, r_b = _detail(before, "recipient"), _detail(after, "recipient")
    # "a source told the Daily Star" -> "officials said": who heard it is credit dropped too.
    credit = f"; the credit to “{r_a}” (who was told) is gone" if r_a and not r_b else ""
    # "the World Health Organization" → "the WHO", "chief executive Lena Park" → "CEO Lena Park":
    # one source, whose type may differ only because the short form reads differently.
    if not _same_source(_detail(before, "source"), _detail(after, "source")):
        if before.label != after.label:
            return f"{_KIND_WORDS[before.label]} → {_KIND_WORDS[after.label]}{_referent(after, ctx)}{credit}"
        if before.value != after.value:
            kind = _KIND_WORDS[before.label]
            surname_differs = before.label == "person" and before.value.split()[-1:] != after.value.split()[-1:]
            if surname_differs or not _words(before.value) & _words(after.value):  # "Ruiz" → "Becker"
                return f"another {kind}: “{_detail(before, 'source')}” → “{_detail(after, 'source')}”{credit}"
            return f"same kind of source ({kind}), named differently{_referent(after, ctx)}{credit}"
    cue_a, cue_b = _detail(before, "cue").lower(), _detail(after, "cue").lower()
    stance_a, stance_b = _STANCE.get(cue_a, ""), _STANCE.get(cue_b, "")
    if stance_a != stance_b:
        # "The complaint alleges that ..." → "... says ...", "Keane said" → "Keane admitted": the
        # verb now hardens, softens or concedes the claim.
        what = {
            ("alleging", ""): "an allegation no longer called one",
            ("", "alleging"): "now called an allegation",
            ("", "conceding"): "now told as a concession",
            ("conceding", ""): "no longer told as a concession",
        }.get((stance_a, stance_b), f"{stance_a or 'plain'} → {stance_b or 'plain'}")
        return f"same source; “{cue_a}” → “{cue_b}”: {what}{credit}"
    if fold(r_a) != fold(r_b) and r_a and r_b:
        if is_descriptor(r_a) or is_descriptor(r_b):
            return f"same source; told “{r_a}” → “{r_b}” (likely the same outlet, named by a descriptor)"
        return f"same source; told “{r_a}” → “{r_b}”: credited to another outlet"
    return f"same source; told “{r_a}” → nobody named" if credit else ""


# Reporting verbs that take a stance on what they report (others, "said", "told", are plain).
_STANCE = dict.fromkeys("alleged alleges claimed claims".split(), "alleging") | dict.fromkeys(
    "admitted admits acknowledged acknowledges conceded concedes".split(), "conceding"
)


def _same_source(a: str, b: str) -> bool:
    """Whether two source names name one source: the same words, an acronym and its expansion
    ("the WHO", "the World Health Organization"), or one person with a different title
    ("Orbital chief executive Lena Park", "Orbital CEO Lena Park").

    >>> _same_source("the WHO", "The World Health Organization"), _same_source("AP", "the Associated Press")
    (True, True)
    >>> _same_source("chief executive Lena Park", "CEO Lena Park"), _same_source("Reuters", "CNN")
    (True, False)
    >>> _same_source("a source", "a senior source"), _same_source("officials", "local officials")
    (False, False)
    >>> _same_source("Putin", "Russian President Vladimir Putin"), _same_source("Bloomberg News", "Bloomberg")
    (True, True)
    >>> _same_source("The State Department", "The U.S. Department of State")
    True
    """
    words_a, words_b = _name_words(a), _name_words(b)
    if not words_a or not words_b:
        return False
    if words_a == words_b:
        return True
    short, long = sorted((words_a, words_b), key=len)
    if len(short) == 1 and short[0].isupper() and len(short[0]) >= 2:
        # A two-letter acronym for a body named with "the" ("AP", "the Associated Press"), not
        # for a person's initials ("Anna Petrova").
        definite = (a if words_a is long else b).lower().startswith("the ")
        return (len(short[0]) > 2 or definite) and _acronym_of(short[0], " ".join(long).lower())
    if _title_differs(short, long):
        return False  # "the Deputy Prime Minister" is not "the Prime Minister"
    # A person with another title: the same capitalised name of two or more words at the end.
    tail_a, tail_b = words_a[-2:], words_b[-2:]
    if len(short) >= 2 and tail_a == tail_b and all(w[:1].isupper() for w in tail_a):
        return True
    if not all(w[:1].isupper() for w in short):
        return False  # "officials" and "local officials" are not one named source
    # A person by surname or without a title ("Putin" after "President Vladimir Putin").
    if short == long[-len(short) :]:
        return True
    # One body, its name ordered or qualified differently ("State Department", "U.S. Department
    # of State"), or with a generic word more ("Bloomberg News").
    content_short = {w.lower() for w in short} - _STOP
    content_long = {w.lower().strip(".") for w in long} - _STOP
    extra = content_long - content_short
    return content_short <= content_long and (len(content_short) >= 2 or extra <= _GENERIC_NAME_WORDS)


# Words that make a title another office: "Deputy Prime Minister", "Vice President".
_TITLE_MODIFIERS = frozenset("deputy vice acting former assistant interim associate co-chair ex".split())


def _title_differs(x: list[str], y: list[str]) -> bool:
    """Whether one name has a title modifier ("Deputy", "Vice", "Acting") the other lacks."""
    mx, my = {w.lower() for w in x} & _TITLE_MODIFIERS, {w.lower() for w in y} & _TITLE_MODIFIERS
    return mx != my


# Words that name the kind of body, not which one: "Bloomberg News" is Bloomberg.
_GENERIC_NAME_WORDS = frozenset("news agency newspaper television tv radio network group media service wire".split())


def _name_words(source: str) -> list[str]:
    """A source's words without a leading article."""
    words = source.replace("’", "'").split()
    return words[1:] if words and words[0].lower() in ("the", "a", "an") else words


def _referent(f: Fact, ctx: Context) -> str:
    """For an outlet named by a descriptor ("the daily"), say it likely means A's outlet."""
    source = _detail(f, "source")
    descriptor = is_descriptor(source)
    if f.label == "outlet" and ctx.outlets[0] and fold(ctx.outlets[0]) not in fold(source) and descriptor:
        return f"; a descriptor, likely of {ctx.outlets[0]} (A's outlet)"
    return ""


def _is_new_name(f: Fact, ctx: Context) -> bool:
    source = _detail(f, "source")
    if f.label not in ("outlet", "person") or is_descriptor(source):
        return False
    name = fold(source).removeprefix("the ")
    if f.label == "person" and len(name.split()) > 2:
        name = " ".join(name.split()[-2:])  # "Orbital CEO Lena Park": A named "Lena Park" with another title
    acronym = _name_words(source)
    if len(acronym) == 1 and acronym[0].isupper() and ctx.spelled_out(acronym[0]):
        return False  # "the CDC" where A wrote "the Centers for Disease Control and Prevention"
    return name not in ctx.a_folded and name != fold(ctx.outlets[0])


def _sources_of_added_claim(fb: list[Fact], b_sid: str, named: list[str]) -> list[FactChange]:
    """Every source of a claim only B carries, but a person once: "Okoro said" after "Governor
    Maria Okoro said" in an earlier added claim is the same source."""
    out = []
    for f in fb:
        if f.kind != "attribution":
            continue
        source = _detail(f, "source")
        if f.label == "person" and any(same_person(source, n) for n in named):
            continue
        if f.label == "person":
            named.append(source)
        out.append(_new_source(f, b_sid, "in a claim only B carries"))
    return out


def _new_source(f: Fact, b_sid: str, where: str) -> FactChange:
    return _change("new_source", None, b_sid, None, f, f"{_KIND_WORDS[f.label]} “{_detail(f, 'source')}” {where}")


# --- quotes -------------------------------------------------------------------------------


def _quotes(fa: list[Fact], fb: list[Fact], a0: str, b0: str) -> list[FactChange]:
    qa = [f for f in fa if f.kind == "quote"]
    qb = [f for f in fb if f.kind == "quote"]
    out, used = [], set()
    for q in qa:
        best = max(
            ((_quote_likeness(q.value, o.value), k) for k, o in enumerate(qb) if k not in used),
            default=(0.0, -1),
        )
        if best[0] >= _QUOTE_SAME:
            used.add(best[1])
            other = qb[best[1]]
            if q.value == other.value:
                out.append(_change("quote_intact", q.sentence, other.sentence, q, other, "quoted word for word"))
            else:
                trimmed = _inside_quote(other.value, q.value)
                detail = _word_diff(q.text, other.text, "quote trimmed" if trimmed else "quote altered")
                out.append(_change("quote_altered", q.sentence, other.sentence, q, other, detail))
        else:
            out.append(_change("fact_dropped", q.sentence, b0, q, None, "quote not in B"))
    out += [_change("fact_added", a0, o.sentence, None, o, "quote not in A") for k, o in enumerate(qb) if k not in used]
    return out


def _quote_likeness(x: str, y: str) -> float:
    """How alike two folded quotes are: 1 when one is cut from the other (four words or more),
    else difflib's ratio (a trimmed quote has a low ratio, but is the same quote)."""
    if _inside_quote(x, y) or _inside_quote(y, x):
        return 1.0
    return difflib.SequenceMatcher(None, x, y).ratio()


def _inside_quote(part: str, whole: str) -> bool:
    core = part.strip(" .,;:!?")
    return len(core.split()) >= 4 and core in whole


def _word_diff(a: str, b: str, what: str = "quote altered") -> str:
    wa, wb = a.split(), b.split()
    parts = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes():
        if tag != "equal":
            parts.append(
                f"[-{' '.join(wa[i1:i2])}-]{{+{' '.join(wb[j1:j2])}+}}".replace("[--]", "").replace("{++}", "")
            )
    return f"{what}: " + " ".join(parts)


# --- dates --------------------------------------------------------------------------------


def _dates(fa: list[Fact], fb: list[Fact], a0: str, b0: str, ctx: Context) -> list[FactChange]:
    da = [f for f in fa if f.kind == "date"]
    db = [f for f in fb if f.kind == "date"]
    # The same words, or the same calendar day (resolved on one side only when one article
    # has no publication date: "Monday" and "Monday" still match).
    da, db = _unmatched(da, db, lambda x, y: _one_day(x, y) or fold(x.text) == fold(y.text))
    out: list[FactChange] = []
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
    # A date the claim lost or gained that the other article gives in another sentence moved
    # ("In 1979, he was inducted" → "He was inducted. That was in 1979."): not dropped or added.
    rest_a = [f for f in da if f not in paired and not _given_in(f, ctx.b_folded)]
    rest_b = [f for f in db if f not in paired and not _given_in(f, ctx.a_folded)]
    out += [_change("fact_dropped", f.sentence, b0, f, None, "date not in B") for f in rest_a]
    out += [_change("fact_added", a0, f.sentence, None, f, "date not in A") for f in rest_b]
    return out


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
    return (x.label == "weekday" and dx + _WEEK == dy) or (y.label == "weekday" and dy + _WEEK == dx)


_WEEK = timedelta(days=7)


def _given_in(f: Fact, folded_text: str) -> bool:
    """Whether ``f``'s words (four characters or more) stand anywhere in ``folded_text``."""
    words = fold(f.text)
    if len(words) < 4:
        return False
    at = folded_text.find(words)
    while at != -1:
        end = at + len(words)
        before_ok = at == 0 or not folded_text[at - 1].isalnum()
        if before_ok and (end == len(folded_text) or not folded_text[end].isalnum()):
            return True
        at = folded_text.find(words, at + 1)
    return False


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


# --- entities and numbers -----------------------------------------------------------------


def _names(facts: list[Fact]) -> list[Fact]:
    """Entities outside attributions and quotes (those are compared as such)."""
    boxes = [(f.start, f.end) for f in facts if f.kind in ("attribution", "quote")]
    return [f for f in facts if f.kind == "entity" and not any(s <= f.start and f.end <= e for s, e in boxes)]


def _short_form_in(f: Fact, vocabulary: set[str], tokens: Sequence[Token]) -> bool:
    """Whether the other side names ``f`` by its surname ("Arteta" for "Mikel Arteta") or by
    its acronym ("PSG" for "Paris Saint-Germain"), untagged there. (An organisation's last word
    is often generic, "Agency": it does not count.)"""
    words = fold(f.value).split()
    if f.label not in ("PERSON", "ORG", "GPE", "FAC") or len(words) < 2:
        return False
    if f.label == "PERSON" and words[-1][:5] in vocabulary:
        return True
    return any(_acronym_of(t.text, f.value) for t in tokens if t.text.isupper())


def _words(name: str) -> set[str]:
    return {w[:5] for w in fold(name).replace("-", " ").replace("'s", "").split() if w not in _STOP}


def same_entity(x: Fact, y: Fact) -> bool:
    """One thing, named alike: word sets nest ("Lanmar" in "Lanmar province") or an acronym fits.

    >>> from compare.models import Fact
    >>> f = lambda t, acr="": Fact("A1", "entity", t, 0, 0, "ORG", t.lower(), (("acronym", acr),) if acr else ())
    >>> same_entity(f("NRI"), f("National Research Institute", "NRI"))
    True
    >>> same_entity(f("Lanmar"), f("Lanmar province")), same_entity(f("Kenya"), f("Kenyan"))
    (True, True)
    """
    wx, wy = _words(x.value), _words(y.value)
    if wx and wy and (wx <= wy or wy <= wx):
        return True
    acr_x, acr_y = _detail(x, "acronym"), _detail(y, "acronym")
    return (
        bool({x.text.upper(), acr_x} & {y.text.upper(), acr_y} - {""})
        or _acronym_of(y.text, x.value)
        or _acronym_of(x.text, y.value)
    )


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w not in _STOP).upper()


def _acronym_of(acronym: str, name: str) -> bool:
    """Whether ``acronym`` is the initials of ``name`` or of its last words ("FDA" of
    "u.s. food and drug administration")."""
    if not (2 <= len(acronym) <= 8 and acronym.isupper() and acronym.isalpha()):
        return False
    words = [w for w in name.replace("-", " ").split() if w not in _STOP]
    return next(initials_spans(words, acronym), None) is not None


def _unmatched(xs: list[Fact], ys: list[Fact], same) -> tuple[list[Fact], list[Fact]]:  # type: ignore[no-untyped-def]
    """Facts of each side with no counterpart on the other."""
    rest_x = [x for x in xs if not any(same(x, y) for y in ys)]
    rest_y = [y for y in ys if not any(same(x, y) for x in xs)]
    return rest_x, rest_y


def _vocabulary(tokens: Sequence[Token]) -> set[str]:
    return {fold_token(t.text)[:5] for t in tokens}


def _entities(fa: list[Fact], fb: list[Fact], a0: str, b0: str, x_group: Alignment) -> list[FactChange]:
    ea, eb = _unmatched(_names(fa), _names(fb), same_entity)
    # The tagger may see a name on one side only ("Tab shares"): a name whose words all stand
    # in the other side's text is not dropped or added; nor is a person the other side calls by
    # surname, or a body by its acronym ("Mikel Arteta" → "Arteta", "Paris Saint-Germain" → "PSG").
    words_a, words_b = _vocabulary(x_group.a_tokens), _vocabulary(x_group.b_tokens)
    ea = [x for x in ea if not (_words(x.value) <= words_b or _short_form_in(x, words_b, x_group.b_tokens))]
    eb = [y for y in eb if not (_words(y.value) <= words_a or _short_form_in(y, words_a, x_group.a_tokens))]
    out, used = [], set()
    for x in ea:
        match = next(
            (
                k
                for k, y in enumerate(eb)
                if k not in used and (_overlap(x, y) >= _RENAME_OVERLAP or _same_slot(x_group, x, y))
            ),
            None,
        )
        if match is not None:
            used.add(match)
            y = eb[match]
            acr = _detail(y, "acronym")
            note = f"; {acr} is B's acronym for B's name" if acr else ""
            out.append(
                _change(
                    "entity_renamed",
                    x.sentence,
                    y.sentence,
                    x,
                    y,
                    f"one thing named differently: “{x.text}” → “{y.text}”{note}",
                )
            )
    # Nationality adjectives ("Syrian") are too common to report as added or dropped facts.
    out += [
        _change("fact_dropped", x.sentence, b0, x, None, "name not in B")
        for x in ea
        if x.label != "NORP" and not any(c.before is x for c in out)
    ]
    out += [
        _change("fact_added", a0, y.sentence, None, y, "name not in A")
        for k, y in enumerate(eb)
        if y.label != "NORP" and k not in used
    ]
    return out


def _same_slot(x_group: Alignment, a: Fact, b: Fact) -> bool:
    """Two names of one type that the word diff swaps for each other ("the National Disaster
    Agency reached" → "the National Emergency Authority reached") name one thing two ways."""
    if a.label != b.label or a.label == "NORP":
        return False
    for op in x_group.opcodes:
        if op.tag != "replace":
            continue
        in_a = any(a.start <= t.start < a.end for t in x_group.a_tokens[op.i1 : op.i2])
        in_b = any(b.start <= t.start < b.end for t in x_group.b_tokens[op.j1 : op.j2])
        if in_a and in_b:
            return True
    return False


def _overlap(x: Fact, y: Fact) -> float:
    wx, wy = _words(x.value), _words(y.value)
    return len(wx & wy) / len(wx | wy) if wx and wy else 0.0


def _numbers(fa: list[Fact], fb: list[Fact], a0: str, b0: str) -> list[FactChange]:
    na = [f for f in fa if f.kind == "number"]
    nb = [f for f in fb if f.kind == "number"]
    na, nb = _unmatched(na, nb, _same_figure)
    out, used = [], set()
    for x in na:
        match = next(
            (
                k
                for k, y in enumerate(nb)
                if k not in used and ((x.label and _kind_of_quantity(x) == _kind_of_quantity(y)) or x.value == y.value)
            ),
            None,
        )
        if match is not None:
            used.add(match)
            y = nb[match]
            what = "" if _same_measure(x, y) else ": another unit or currency"
            if not what and x.value == y.value and _bound(x) != _bound(y):
                what = f": {_bound(x) or 'exact'} → {_bound(y) or 'exact'}"  # "more than 300" → "300"
            out.append(_change("number_changed", x.sentence, y.sentence, x, y, f"{x.text} → {y.text}{what}"))
        elif not _detail(x, "zero"):
            out.append(_change("fact_dropped", x.sentence, b0, x, None, "number not in B"))
    out += [
        _change("fact_added", a0, y.sentence, None, y, "number not in A")
        for k, y in enumerate(nb)
        if k not in used and not _detail(y, "zero")
    ]
    return out


# Units of measure: the same figure in another one is another quantity (35 km → 35 miles).
_MEASURES = {
    "length": "kilometre kilometer km mile metre meter m foot feet ft inch yard centimetre centimeter cm",
    "mass": "kilogram kilo kg pound lb ton tonne gram g ounce",
    "area": "acre hectare",
    "volume": "litre liter gallon barrel",
    "time": "second minute hour day week month year",
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
    cx, cy = _detail(x, "currency"), _detail(y, "currency")
    return not (cx and cy and cx != cy)


def _same_figure(x: Fact, y: Fact) -> bool:
    """One figure: same unit and bound, same value or a rounding; or A's exact figure and B's
    bound at its rounding ("18,400" → "more than 18,000"). The other way round ("more than
    300" → "300") B claims a precision A did not give."""
    if _bounded(x, y):
        return True
    same_value = x.value == y.value or _rounded(x, y) or _rounded(y, x)
    return _same_measure(x, y) and _bound(x) == _bound(y) and same_value


def _bound(f: Fact) -> str:
    """``at least`` ("more than 300", "over 2,000"), ``at most`` ("up to 10"), or ""."""
    low = " ".join(f.text.lower().split())
    return next((side for phrase, side in BOUNDS.items() if low.startswith(phrase + " ")), "")


def _bounded(x: Fact, y: Fact) -> bool:
    """Whether ``y`` bounds the exact ``x`` at its rounding: 18,400 → "more than 18,000"."""
    side = _bound(y)
    if not side or _bound(x) or x.label != y.label:
        return False
    try:
        vx, vy = float(x.value), float(y.value)
    except ValueError:
        return False
    step = _step(y.text, approximate=True)  # the step of its last non-zero digit
    return vy <= vx < vy + step if side == "at least" else vy - step < vx <= vy


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
    10 for "nearly 950" (``approximate`` says so when the text does not).

    >>> _step("6"), _step("4.75%"), _step("3.2 million"), _step("nearly 950"), _step("950")
    (1.0, 0.01, 100000.0, 10.0, 1.0)
    """
    digits = re.search(r"\d[\d,]*(?:\.(\d+))?", text)
    decimals = len(digits.group(1)) if digits and digits.group(1) else 0
    scale = next((v for w, v in _SCALES.items() if re.search(rf"\b{w}\b", text, re.I)), 1.0)
    if approximate is None:
        approximate = bool(APPROXIMATE & {w.lower() for w in text.split()})
    if digits and not decimals and approximate:
        return round_step(digits.group(0)) * scale
    return float(10.0**-decimals * scale)


_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


# --- details (clauses dropped or added) ---------------------------------------------------


def _details(x: Alignment, fa: list[Fact], fb: list[Fact], sentences: Mapping[str, Sentence]) -> list[FactChange]:
    """Runs of words one side has and the other lacks, outside the facts compared above."""
    changed_a: set[int] = set()
    changed_b: set[int] = set()
    for op in x.opcodes:
        if op.tag == "equal":
            continue
        n_a = _content(x.a_tokens[op.i1 : op.i2])
        n_b = _content(x.b_tokens[op.j1 : op.j2])
        if op.tag == "replace" and n_a <= 2 and n_b <= 2 and n_a and n_b:
            continue  # a word or two swapped for others ("most important" → "top"): rewording
        changed_a.update(range(op.i1, op.i2))
        changed_b.update(range(op.j1, op.j2))
    out = []
    side_a = [sentences[i] for i in x.a if i in sentences]
    side_b = [sentences[j] for j in x.b if j in sentences]
    for run in _runs(x.a_tokens, changed_a, fa, x.b_tokens, side_a):
        out.append(_change("fact_dropped", run.sentence, x.b[0], run, None, "detail not in B"))
    for run in _runs(x.b_tokens, changed_b, fb, x.a_tokens, side_b):
        out.append(_change("fact_added", x.a[0], run.sentence, None, run, "detail not in A"))
    return out


def _content(tokens: Sequence[Token]) -> int:
    return sum(1 for t in tokens if t.text[0].isalnum() and fold_token(t.text) not in _STOP)


def _runs(
    tokens: Sequence[Token], changed: set[int], facts: list[Fact], other: Sequence[Token], side: list[Sentence]
) -> Iterable[Fact]:
    """Maximal runs of changed tokens within one sentence (bridging one stopword), cut at the
    spans of facts compared on their own (attributions, quotes, dates, names)."""
    walls = [
        (f.start, f.end)
        for f in facts
        if f.kind in ("attribution", "quote", "date") or (f.kind == "entity" and f.label != "NORP")
    ]
    others = {fold_token(t.text)[:5] for t in other}

    def sentence_of(tok: Token) -> str:
        return next((s.id for s in side if s.start <= tok.start < s.end), "")

    def open_at(k: int) -> bool:
        return k in changed and not any(s <= tokens[k].start < e for s, e in walls)

    run: list[int] = []
    for k, tok in enumerate(tokens):
        same = not run or sentence_of(tokens[run[0]]) == sentence_of(tok)
        bridge = bool(run) and k + 1 in changed and fold_token(tok.text) in _STOP
        if same and (open_at(k) or (bridge and not any(s <= tok.start < e for s, e in walls))):
            run.append(k)
            continue
        yield from _as_detail(tokens, run, others, sentence_of)
        run = [k] if open_at(k) else []
    yield from _as_detail(tokens, run, others, sentence_of)


def _as_detail(tokens: Sequence[Token], run: list[int], others: set[str], sentence_of) -> list[Fact]:  # type: ignore[no-untyped-def]
    while run and (not tokens[run[-1]].text[0].isalnum() or fold_token(tokens[run[-1]].text) in _STOP):
        run = run[:-1]
    while run and not tokens[run[0]].text[0].isalnum():
        run = run[1:]
    content = [tokens[k] for k in run if tokens[k].text[0].isalnum() and fold_token(tokens[k].text) not in _STOP]
    if len(content) < 2:
        return []
    missing = [t for t in content if fold_token(t.text)[:5] not in others]
    if len(missing) * 4 < len(content) * 3:  # mostly reworded, not a new or lost detail
        return []
    first, last = tokens[run[0]], tokens[run[-1]]
    text = token_text([tokens[k] for k in run])
    return [Fact(sentence_of(first), "detail", text, first.start, last.end, "", fold(text))]


# --- certainty ----------------------------------------------------------------------------


def _completed(tense: str) -> str:
    """Tenses that state the same thing as done: "agreed" and "has agreed" are one claim."""
    return "past" if tense in ("past", "present-perfect", "past-perfect") else tense


# --- negations ----------------------------------------------------------------------------

# Forms of the verbs whose lemma is no prefix of them; any other verb is found by its stem.
_IRREGULAR = {
    "be": frozenset("be is are was were been being am 's 're".split()),
    "have": frozenset("have has had having 've".split()),
    "do": frozenset("do does did done doing".split()),
    "say": frozenset("say says said saying".split()),
}


def _polarity(x: Alignment, fa: list[Fact], fb: list[Fact]) -> list[FactChange]:
    """A verb negated on one side and stated on the other: "did not rule out" → "ruled out".

    A negation counts as flipped only when the diff pairs the negated verb with a form of the
    same verb on the other side, that side has no negation of it, and it has fewer negative
    words in all (a denied noun, "no warning" → "a warning": the same noun, and no negative
    word at all, since "found no blood" → "no one found blood" moves the negation): "did not respond" → "declined to respond", "does not have" →
    "has no", "if ... not repealed" → "unless ... repealed" say the same thing. A negation whose
    verb the rewrite drops or rewords is a detail, not a contradiction.
    """
    out = []
    count_a, count_b = _negative_words(x.a_tokens), _negative_words(x.b_tokens)
    for mine, theirs, in_a in ((fa, fb, True), (fb, fa, False)):
        if (count_a <= count_b) if in_a else (count_b <= count_a):
            continue
        negated = [f for f in mine if f.kind == "hedge" and f.label == "negation" and _negation_shown(f)]
        others = {f.value for f in theirs if f.kind == "hedge" and f.label == "negation"}
        for f in negated:
            if _detail(f, "noun"):  # "no warning" → "a warning", not → "no one issued warnings"
                same = [t for t in _counterpart(x, f, in_a) if fold_token(t.text) == f.value]
                verb = same[0] if same and min(count_a, count_b) == 0 else None
            else:
                verb = _verb_form(_counterpart(x, f, in_a), f.value)
            if f.value in others or verb is None:
                continue
            if in_a:
                detail = f"“{f.text}” → “{verb.text}”: negated in A only"
                out.append(_change("negation_changed", f.sentence, x.b[0], f, None, detail))
            else:
                detail = f"“{verb.text}” → “{f.text}”: negated in B only"
                out.append(_change("negation_changed", x.a[0], f.sentence, None, f, detail))
    return out


def _negation_shown(f: Fact) -> bool:
    """A negation in running text: not in a name ("the Do Not Call list"), though a sentence
    may open with one ("No warning was issued")."""
    return f.text[:1].islower() or f.text.startswith("No ")


# Words that negate a claim without "not": "has no", "nor was", "declined to", "failure to".
_NEGATIVE = frozenset(
    "not never no nor neither none nobody nothing nowhere cannot without unless lack lacks lacked lacking "
    "fail fails failed failing failure refuse refuses refused refusing decline declines declined declining "
    "deny denies denied denying rarely seldom hardly barely scarcely "
    # contractions that lost their apostrophe in scraped text ("I dont know")
    "dont doesnt didnt isnt wasnt arent werent hasnt havent hadnt couldnt wouldnt shouldnt".split()
)


def _negative_words(tokens: Sequence[Token]) -> int:
    """How many negative words ``tokens`` hold ("wasn't" and "yet to" count)."""
    words = [fold_token(t.text) for t in tokens]
    yet_to = sum(1 for w, nxt in itertools.pairwise(words) if w == "yet" and nxt == "to")
    return yet_to + sum(1 for w in words if w in _NEGATIVE or w.endswith("n't"))


def _counterpart(x: Alignment, f: Fact, in_a: bool) -> Sequence[Token]:
    """The other side's tokens that the diff pairs with the token ending ``f`` (its verb).

    A verb the diff leaves unpaired (its clause moved: "X said the club never considered it"
    → "The club considered it, X said") may be any unpaired token of the other side.
    """
    mine, theirs = (x.a_tokens, x.b_tokens) if in_a else (x.b_tokens, x.a_tokens)
    k = next((i for i, t in enumerate(mine) if t.end == f.end), None)
    for op in x.opcodes if k is not None else ():
        lo, hi, other_lo, other_hi = (op.i1, op.i2, op.j1, op.j2) if in_a else (op.j1, op.j2, op.i1, op.i2)
        if lo <= k < hi:  # type: ignore[operator]
            if op.tag == "equal":
                return theirs[other_lo + k - lo : other_lo + k - lo + 1]  # type: ignore[operator]
            if other_hi > other_lo:
                return theirs[other_lo:other_hi]
            unpaired = [(o.j1, o.j2) if in_a else (o.i1, o.i2) for o in x.opcodes if o.tag != "equal"]
            return [t for s, e in unpaired for t in theirs[s:e]]
    return ()


def _verb_form(tokens: Sequence[Token], lemma: str) -> Token | None:
    """The first of ``tokens`` that is a form of the verb ``lemma`` ("ruled" for "rule").

    >>> has = lambda word, lemma: _verb_form([Token(word, 0, len(word))], lemma) is not None
    >>> has("ruled", "rule"), has("was", "be"), has("stopped", "stop"), has("tried", "try")
    (True, True, True, True)
    >>> has("rulers", "rule"), has("concern", "concede")
    (False, False)
    """
    forms = _IRREGULAR.get(lemma)
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    y_forms = (lemma[:-1] + "ies", lemma[:-1] + "ied") if lemma.endswith("y") else ()  # "tried"
    for tok in tokens:
        word = fold_token(tok.text)
        if forms is not None:
            if word in forms:
                return tok
        elif word == lemma or word in y_forms or (word.startswith(stem) and _is_ending(word[len(stem) :], stem)):
            return tok
    return None


def _is_ending(rest: str, stem: str) -> bool:
    """An inflection: "ruled", "passes", "stopped" (a doubled consonant), "taken"."""
    return rest in _ENDINGS or (rest[:1] == stem[-1:] and rest[1:] in ("ed", "ing"))


_ENDINGS = frozenset(("s", "es", "d", "ed", "ing", "n", "en"))  # "us" is no form of "use", "plane" none of "plan"


def _certainty(fa: list[Fact], fb: list[Fact], a0: str, b0: str) -> list[FactChange]:
    out = []
    ha = {f.value: f for f in fa if f.kind == "hedge" and f.label == "hedge"}
    hb = {f.value: f for f in fb if f.kind == "hedge" and f.label == "hedge"}
    ta = {_detail(f, "verb"): f for f in fa if f.kind == "hedge" and f.label == "tense"}
    tb = {_detail(f, "verb"): f for f in fb if f.kind == "hedge" and f.label == "tense"}
    gone = sorted(ha.keys() - hb.keys(), key=lambda w: ha[w].start)
    new = sorted(hb.keys() - ha.keys(), key=lambda w: hb[w].start)
    # A modal made certain ("could reach" → "will reach") is one change, told as the modal's,
    # not a hedge removed plus a tense shifted (and the other way round).
    told: set[str] = set()
    # So is a claim no longer told as hearsay ("is expected to visit" → "will visit").
    for verb in sorted(ta.keys() & tb.keys(), key=lambda v: ta[v].start):
        modal_a = next((w for w in gone if _inside_fact(ha[w], ta[verb])), None)
        modal_b = next((w for w in new if _inside_fact(hb[w], tb[verb])), None)
        will_a, will_b = ta[verb].value.startswith("future"), tb[verb].value.startswith("future")
        heard_a = next((w for w in gone if _detail(ha[w], "verb") == verb), None)
        heard_b = next((w for w in new if _detail(hb[w], "verb") == verb), None)
        if bool(heard_a) != bool(heard_b):
            modal_a, modal_b = heard_a, heard_b
        if (modal_a and will_b) or (modal_b and will_a) or bool(heard_a) != bool(heard_b):
            before, after = ta[verb], tb[verb]
            shown_a = f"{ha[heard_a].text} {before.text}" if heard_a else before.text
            shown_b = f"{hb[heard_b].text} {after.text}" if heard_b else after.text
            detail = f"“{shown_a}” → “{shown_b}”: " + (
                f"hedge “{modal_a}” made certain" if modal_a else f"hedge “{modal_b}” added to a certainty"
            )
            out.append(_change("certainty_changed", before.sentence, after.sentence, before, after, detail))
            gone = [w for w in gone if w != modal_a]
            new = [w for w in new if w != modal_b]
            told.add(verb)
    # One modal for another ("would" → "may") is one change of certainty, not two.
    swaps = list(zip([w for w in gone if w in MODALS], [w for w in new if w in MODALS], strict=False))
    for old, now in swaps:
        detail = f"hedge “{old}” → “{now}”"
        out.append(_change("certainty_changed", ha[old].sentence, hb[now].sentence, ha[old], hb[now], detail))
    gone = [w for w in gone if w not in {old for old, _ in swaps}]
    new = [w for w in new if w not in {now for _, now in swaps}]
    for word in gone:
        out.append(_change("certainty_changed", ha[word].sentence, b0, ha[word], None, f"hedge “{word}” removed"))
    for word in new:
        out.append(_change("certainty_changed", a0, hb[word].sentence, None, hb[word], f"hedge “{word}” added"))
    shifts: dict[tuple[str, str], list[str]] = {}
    for verb in sorted(ta.keys() & tb.keys() - told, key=lambda v: ta[v].start):
        if _completed(ta[verb].value) != _completed(tb[verb].value):
            shifts.setdefault((ta[verb].value, tb[verb].value), []).append(verb)
    for (tense_a, tense_b), verbs in shifts.items():
        before, after = ta[verbs[0]], tb[verbs[0]]
        out.append(
            _change(
                "certainty_changed",
                before.sentence,
                after.sentence,
                before,
                after,
                f"tense of “{', '.join(verbs)}”: {tense_a} → {tense_b}",
            )
        )
    return out


def _inside_fact(inner: Fact, outer: Fact) -> bool:
    return inner.sentence == outer.sentence and outer.start <= inner.start and inner.end <= outer.end
