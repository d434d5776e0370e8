"""The JSON document: every sentence (set-aside ones included) and every alignment.

The format is documented in the README and kept stable: later versions add keys, never
rename or remove them.
"""

from __future__ import annotations

import json
from typing import Any

from compare.models import Alignment, ArticleResult, Comparison, Fact, FactChange, Token

SCHEMA = "compare/1"


def to_dict(comparison: Comparison) -> dict[str, Any]:
    """The comparison as plain JSON-ready data."""
    from compare.render import summary_line

    facts: dict[str, list[Fact]] = {}
    for f in comparison.facts:
        facts.setdefault(f.sentence, []).append(f)

    return {
        "schema": SCHEMA,
        "model": comparison.model,
        "summary": {**comparison.counts(), "text": summary_line(comparison)},
        "articles": [_article(r, facts) for r in comparison.articles],
        "alignments": [_alignment(x) for x in comparison.alignments],
        "changes": [_change(c) for c in comparison.changes],
        "warnings": list(comparison.warnings),
    }


def render_json(comparison: Comparison) -> str:
    """Pretty-printed JSON text, ending with a newline."""
    return json.dumps(to_dict(comparison), ensure_ascii=False, indent=2) + "\n"


def _article(result: ArticleResult, facts: dict[str, list[Fact]]) -> dict[str, Any]:
    art = result.article
    return {
        "id": art.id,
        "outlet": art.outlet,
        "published": art.published.isoformat() if art.published else None,
        "url": art.url,
        "title": art.title,
        "author": art.author,
        "language": art.language,
        "source": art.source,
        "notes": list(result.notes),
        "sentences": [
            {
                "id": s.id,
                "text": s.text,
                "start": s.start,
                "end": s.end,
                "role": s.role,
                "story": s.story,
                "facts": [_fact(f) for f in facts.get(s.id, [])],
            }
            for s in result.sentences
        ],
    }


def _tokens(tokens: tuple[Token, ...]) -> list[list[Any]]:
    return [[t.text, t.start, t.end] for t in tokens]


def _alignment(x: Alignment) -> dict[str, Any]:
    return {
        "a": list(x.a),
        "b": list(x.b),
        "score": x.score,
        "verdict": x.verdict,
        "reasons": list(x.reasons),
        "opcodes": [[op.tag, op.i1, op.i2, op.j1, op.j2] for op in x.opcodes],
        "tokens": {"a": _tokens(x.a_tokens), "b": _tokens(x.b_tokens)},
    }


def _fact(f: Fact) -> dict[str, Any]:
    return {
        "sentence": f.sentence,
        "kind": f.kind,
        "text": f.text,
        "start": f.start,
        "end": f.end,
        "label": f.label,
        "value": f.value,
        "detail": dict(f.detail),
    }


def _change(c: FactChange) -> dict[str, Any]:
    return {
        "kind": c.kind,
        "a_sentence": c.a_sentence,
        "b_sentence": c.b_sentence,
        "before": _fact(c.before) if c.before else None,
        "after": _fact(c.after) if c.after else None,
        "detail": c.detail,
    }
