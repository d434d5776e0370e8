"""Renderers: each takes a :class:`~compare.models.Comparison` and returns text."""

from __future__ import annotations

from compare.models import Comparison


def summary_line(comparison: Comparison) -> str:
    """One sentence a reader can quote: how much of A the rewrite carries, and what changed."""
    c = comparison.counts()
    a, b = (r.article.id for r in comparison.articles)
    share = f" ({c['carried'] / c['a_claims']:.0%})" if c["a_claims"] else ""
    return (
        f"{b} carries over {c['carried']} of {a}'s {c['a_claims']} claims{share}: "
        f"{c['identical']} identical, {c['reworded']} reworded, {c['changed']} changed; "
        f"{c['dropped']} dropped; {c['added']} added in {b}."
    )
