"""The provenance report's words and its JSON document (``compare many``).

The document, ``compare-provenance/1`` (its JSON Schema ships as
``compare/schema/provenance.schema.json``)::

    {"schema": "compare-provenance/1", "model": "...",
     "summary": {"articles": 4, "edges": 3, "uncertain": 0, "text": "Of 4 articles, 2 draw on ..."},
     "articles": [{"id": "C", "outlet": "...", "published": "2024-05-03", "url": null, "source": "c.txt",
                   "notes": [], "sources": ["B", "D"], "own": 0.0,
                   "sentences": [{"id": "C1", "text": "...", "start": 40, "end": 128, "source": "B",
                                  "origin": "A", "matches": ["B1"], "carriers": ["A", "B"],
                                  "verdict": "identical", "verbatim": 1.0}, ...]}, ...],
     "edges": [{"source": "B", "rewrite": "C", "explains": 0.74, "sentences": ["C1", "C2", "C3"],
                "alternatives": [], "carried": 0.74, "verbatim": 0.74, "basis": "date", "uncertain": false,
                "why": "B published 2024-05-02, C 2024-05-03", "common_sources": [], "findings": {}}],
     "pairs": [{"source": "A", "rewrite": "B", "source_carried": 0.7, "rewrite_carried": 0.81, ...}],
     "warnings": []}

Shares are fractions (0 to 1) of news word tokens. Later versions add keys, never rename or
remove them.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from compare.models import ArticleProvenance, PairLink, Provenance, ProvenanceEdge

SCHEMA = "compare-provenance/1"


def summary_line(provenance: Provenance) -> str:
    """One paragraph a reader can quote: which article draws on which, and how much.

    >>> from compare.models import Provenance
    >>> summary_line(Provenance((), (), ()))
    'No article carries content from another.'
    """
    later = [a for a in provenance.articles if a.sources]
    if not later:
        return "No article carries content from another."
    n = len(provenance.articles)
    parts = []
    for art in later:
        edges = [e for e in provenance.edges if e.rewrite == art.result.article.id]
        shares = [f"{e.explains:.0%}{' of its news' if k == 0 else ''} from {e.source}" for k, e in enumerate(edges)]
        parts.append(f"{art.result.article.id} takes {_join(shares)}")
    first = [a.result.article.id for a in provenance.articles if not a.sources]
    text = f"Of {n} articles, {len(later)} draw{'s' if len(later) == 1 else ''} on earlier ones: {'; '.join(parts)}."
    if first:
        text += f" No earlier source for {_join(first)}."
    uncertain = sum(1 for e in provenance.edges if e.pair.uncertain)
    if uncertain:
        text += (
            f" The direction of {uncertain} link{'s' if uncertain != 1 else ''} is uncertain "
            "(same day or no date): marked ?."
        )
    return text


def article_line(provenance: Provenance, art: ArticleProvenance) -> str:
    """Where one article's sentences come from, and who carries it."""
    me = art.result.article.id
    n = len(art.origins)
    by_source = Counter(o.source for o in art.origins if o.source)
    deeper = Counter(o.source for o in art.origins if o.source and o.origin != o.source)
    parts = []
    for source in art.sources:
        further = f" ({deeper[source]} first in {_origins(art, source)})" if deeper[source] else ""
        parts.append(f"{by_source[source]} from {source}{further}")
    own = n - sum(by_source.values())
    text = f"{n} sentence{'s' if n != 1 else ''}: "
    text += f"{', '.join(parts)}; {own or 'none'} its own" if parts else "none carried from an earlier article"
    carried_by = [f"{p.rewrite} ({p.source_carried:.0%})" for p in provenance.pairs if p.source == me]
    if carried_by:
        text += f". Carried by {', '.join(carried_by)}"
    return text + "."


def edge_notes(edge: ProvenanceEdge) -> list[str]:
    """What to keep in mind about one link: common sources, alternatives, weak wording overlap."""
    from compare.render import CHANGE_NOUNS

    notes = []
    if edge.pair.uncertain:
        notes.append(edge.pair.why)
    if edge.pair.common_sources:
        notes.append(f"common source possible: {', '.join(edge.pair.common_sources)}")
    if edge.alternatives:
        notes.append(f"{_join(list(edge.alternatives))} carr{'ies' if len(edge.alternatives) == 1 else 'y'} the same")
    if edge.pair.rewrite_verbatim < 0.2:
        notes.append("little shared wording: independent reporting possible")
    if edge.findings:
        notes.append("findings: " + ", ".join(f"{n} {CHANGE_NOUNS[k][n != 1]}" for k, n in edge.findings))
    return notes


def pair_note(provenance: Provenance, pair: PairLink) -> str:
    """Why a pair that shares content is not a source link, or '' when it is one."""
    if any(e.source == pair.source and e.rewrite == pair.rewrite for e in provenance.edges):
        return ""
    if pair.common_sources:
        return f"common source possible: {', '.join(pair.common_sources)}"
    origins = provenance.article(pair.rewrite).origins
    credited = sorted({o.source for o in origins if o.source and pair.source in o.carriers})
    if not credited:
        return "no sentence of it is credited to an earlier article"
    return f"credited to {_join(credited)}, which carr{'ies' if len(credited) == 1 else 'y'} the same"


def to_dict(provenance: Provenance) -> dict[str, Any]:
    """The provenance as plain JSON-ready data."""
    return {
        "schema": SCHEMA,
        "model": provenance.model,
        "summary": {
            "articles": len(provenance.articles),
            "edges": len(provenance.edges),
            "uncertain": sum(1 for e in provenance.edges if e.pair.uncertain),
            "text": summary_line(provenance),
        },
        "articles": [_article(a) for a in provenance.articles],
        "edges": [_edge(e) for e in provenance.edges],
        "pairs": [_pair(p) for p in provenance.pairs],
        "warnings": list(provenance.warnings),
    }


def render_json(provenance: Provenance) -> str:
    """Pretty-printed JSON text, ending with a newline."""
    return json.dumps(to_dict(provenance), ensure_ascii=False, indent=2) + "\n"


def _article(art: ArticleProvenance) -> dict[str, Any]:
    a = art.result.article
    text = {s.id: s for s in art.result.news}
    return {
        "id": a.id,
        "outlet": a.outlet,
        "published": a.published.isoformat() if a.published else None,
        "url": a.url,
        "source": a.source,
        "notes": list(art.result.notes),
        "sources": list(art.sources),
        "own": art.own,
        "sentences": [
            {
                "id": o.sentence,
                "text": text[o.sentence].text,
                "start": text[o.sentence].start,
                "end": text[o.sentence].end,
                "source": o.source,
                "origin": o.origin,
                "matches": list(o.matches),
                "carriers": list(o.carriers),
                "verdict": o.verdict,
                "verbatim": o.verbatim,
            }
            for o in art.origins
        ],
    }


def _pair(p: PairLink) -> dict[str, Any]:
    return {
        "source": p.source,
        "rewrite": p.rewrite,
        "source_carried": p.source_carried,
        "rewrite_carried": p.rewrite_carried,
        "source_verbatim": p.source_verbatim,
        "rewrite_verbatim": p.rewrite_verbatim,
        "sentences": p.sentences,
        "basis": p.basis,
        "uncertain": p.uncertain,
        "why": p.why,
        "common_sources": list(p.common_sources),
    }


def _edge(e: ProvenanceEdge) -> dict[str, Any]:
    return {
        "source": e.source,
        "rewrite": e.rewrite,
        "explains": e.explains,
        "sentences": list(e.sentences),
        "alternatives": list(e.alternatives),
        "carried": e.pair.rewrite_carried,
        "verbatim": e.pair.rewrite_verbatim,
        "basis": e.pair.basis,
        "uncertain": e.pair.uncertain,
        "why": e.pair.why,
        "common_sources": list(e.pair.common_sources),
        "findings": dict(e.findings),
    }


def _origins(art: ArticleProvenance, source: str) -> str:
    return ", ".join(sorted({o.origin for o in art.origins if o.source == source and o.origin and o.origin != source}))


def _join(items: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"
