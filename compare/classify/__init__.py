"""Fact-level findings: what a rewrite added, dropped, changed, renamed or re-attributed.

Works group by group on the alignment: the facts of a group's A sentences are compared with
the facts of its B sentences. Sentences only in B contribute the sources they introduce
(``new_source``); a sentence only in A is already reported as dropped, so its facts are not
listed again one by one. Each kind of fact is compared in a module of its own: ``sources``
(attributions), ``wording`` (quotes and details), ``dates``, ``quantities`` (numbers),
``names`` (entities) and ``certainty`` (tense, hedges, negations); ``common`` holds the context.
"""

from __future__ import annotations

from collections.abc import Sequence

from compare.attribution import same_person
from compare.classify.certainty import _certainty, _opposites, _polarity
from compare.classify.common import Context, _detail, _overlaps_inside, _within
from compare.classify.dates import _dates, _moved, _weekday_conflicts
from compare.classify.names import _entities
from compare.classify.quantities import _numbers, _shared_figures
from compare.classify.sources import _attributions, _sources_of_added_claim
from compare.classify.wording import _details, _quotes
from compare.models import Alignment, Fact, FactChange

__all__ = ["Context", "classify"]


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
            out += [c for c in _group(x, fa, fb, context) if not _named_before(c, named)]
        elif x.b:
            out += _sources_of_added_claim(fb, x.b[0], named)
        for sid in (*x.a, *x.b):
            out += _weekday_conflicts(by_sentence.get(sid, []), sid.startswith("A"))
    return tuple(out)


def _named_before(change: FactChange, named: list[str]) -> bool:
    """Whether ``change`` is a new source that B already introduced as new: "Ortiz said" after
    "a spokeswoman, Anna Ortiz, told ..." is one new person, reported once. Records the others."""
    if change.kind != "new_source" or change.after is None or change.after.label != "person":
        return False
    source = _detail(change.after, "source")
    if any(same_person(source, n) for n in named):
        return True
    named.append(source)
    return False


def _group(x: Alignment, fa: list[Fact], fb: list[Fact], ctx: Context) -> list[FactChange]:
    a0, b0 = x.a[0], x.b[0]
    out = _attributions(x, fa, fb, ctx)
    out += _quotes(fa, fb, a0, b0)
    out += _dates(fa, fb, a0, b0, ctx)
    names = _entities(fa, fb, a0, b0, x, ctx)
    # Names without a counterpart may be part of a dropped or added detail; the others
    # (matched or renamed) are compared on their own, so detail runs stop at them.
    loose = {id(c.before or c.after) for c in names if c.kind in ("fact_added", "fact_dropped")}
    figures = _shared_figures(fa, fb, ctx.sentences)
    details, moved = _details(
        x, [f for f in fa if id(f) not in loose], [f for f in fb if id(f) not in loose], ctx, figures
    )
    # A detail run inside a name reported as dropped or added repeats it: keep the name.
    loose_facts = [c.before or c.after for c in names if c.kind in ("fact_added", "fact_dropped")]
    named = [(f.sentence, f.start, f.end) for f in loose_facts if f is not None]
    details = [d for d in details if not (d.before or d.after) or not _overlaps_inside(d.before or d.after, named)]
    covered = [(c.before or c.after) for c in details]
    # A name or figure inside a detail moved to another sentence moved with it.
    spans = [(f.sentence, f.start, f.end) for f in [*covered, *moved] if f is not None]
    for change in names + _numbers(x, fa, fb, ctx.sentences):
        fact = change.before or change.after
        if change.kind in ("fact_added", "fact_dropped") and fact and _within(fact, spans):
            continue  # reported as part of a dropped or added detail
        if _moved(change, ctx):
            continue  # the other article gives it in another sentence (like a date, see _dates)
        out.append(change)
    out += details
    out += [c for c in _certainty(x, fa, fb) if not _gone_with_its_clause(c, [*covered, *moved])]
    out += _polarity(x, fa, fb, ctx.sentences)
    out += _opposites(x, ctx.sentences)
    return out


def _gone_with_its_clause(change: FactChange, details: list[Fact | None]) -> bool:
    """Whether ``change`` is a hedge removed or added inside a clause reported as a dropped or
    added detail: ", driven largely by the war" cut whole takes its hedge with it. A detail of
    little more than the hedge ("most likely") is the hedge itself, and both are reported."""
    hedge = change.before if change.after is None else change.after if change.before is None else None
    if hedge is None:
        return False

    def words(text: str) -> int:
        return len([w for w in text.split() if w[:1].isalnum()])

    return any(
        d is not None and _within(hedge, [(d.sentence, d.start, d.end)]) and words(d.text) - words(hedge.text) >= 2
        for d in details
    )
