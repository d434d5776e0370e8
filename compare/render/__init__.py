"""Renderers: each takes a :class:`~compare.models.Comparison` and returns text."""

from __future__ import annotations

from compare.models import Comparison


def summary_line(comparison: Comparison) -> str:
    """One sentence a reader can quote: how much of A the rewrite carries, and what changed."""
    c = comparison.counts()
    a, b = (r.article.id for r in comparison.articles[:2])
    share = f" ({c['carried'] / c['a_claims']:.0%})" if c["a_claims"] else ""
    groups = c["identical"] + c["reworded"] + c["changed"]
    # Sentences carried, then the claims they form: merged sentences (A1+A2 -> B1) are one claim.
    return (
        f"{b} carries over {c['carried']} of {a}'s {c['a_claims']} sentence{'' if c['a_claims'] == 1 else 's'}"
        f"{share} in {groups} claim{'' if groups == 1 else 's'}: "
        f"{c['identical']} identical, {c['reworded']} reworded, {c['changed']} changed; "
        f"{c['dropped']} dropped; {c['added']} added in {b}."
    )


#: How each kind of finding reads in a count: (one, many).
CHANGE_NOUNS: dict[str, tuple[str, str]] = {
    "fact_added": ("fact added", "facts added"),
    "fact_dropped": ("fact dropped", "facts dropped"),
    "number_changed": ("changed number", "changed numbers"),
    "date_changed": ("changed date", "changed dates"),
    "date_conflict": ("date conflict", "date conflicts"),
    "entity_renamed": ("renamed entity", "renamed entities"),
    "entity_changed": ("name in another's place", "names in others' places"),
    "attribution_changed": ("attribution change", "attribution changes"),
    "quote_intact": ("intact quote", "intact quotes"),
    "quote_altered": ("altered quote", "altered quotes"),
    "certainty_changed": ("certainty change", "certainty changes"),
    "negation_changed": ("meaning reversed", "meanings reversed"),
    "new_source": ("new source", "new sources"),
}


def findings_line(comparison: Comparison) -> str:
    """The fact findings counted by kind, in the order of ``CHANGE_KINDS``; empty when there are none.

    >>> from compare.models import Comparison, FactChange
    >>> c = Comparison((), (), changes=(FactChange("date_conflict", "A4", "B2", None, None),) * 2)
    >>> findings_line(c)
    'Findings: 2 date conflicts.'
    """
    from compare.models import CHANGE_KINDS

    counts = {k: sum(1 for c in comparison.changes if c.kind == k) for k in CHANGE_KINDS}
    parts = [f"{n} {CHANGE_NOUNS[k][n != 1]}" for k, n in counts.items() if n]
    return f"Findings: {', '.join(parts)}." if parts else ""


def report_summary(comparison: Comparison) -> str:
    """:func:`summary_line`, followed by :func:`findings_line` when there are findings."""
    return " ".join(part for part in (summary_line(comparison), findings_line(comparison)) if part)
