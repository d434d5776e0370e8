"""The JSON document: every sentence (set-aside ones included) and every alignment.

The format is documented in the README and kept stable: later versions add keys, never
rename or remove them.
"""

from __future__ import annotations

import json
from typing import Any

from compare.models import Alignment, ArticleResult, Comparison, Token

SCHEMA = "compare/1"


def to_dict(comparison: Comparison) -> dict[str, Any]:
    """The comparison as plain JSON-ready data."""
    from compare.render import summary_line

    return {
        "schema": SCHEMA,
        "model": comparison.model,
        "summary": {**comparison.counts(), "text": summary_line(comparison)},
        "articles": [_article(r) for r in comparison.articles],
        "alignments": [_alignment(x) for x in comparison.alignments],
        "warnings": list(comparison.warnings),
    }


def render_json(comparison: Comparison) -> str:
    """Pretty-printed JSON text, ending with a newline."""
    return json.dumps(to_dict(comparison), ensure_ascii=False, indent=2) + "\n"


def _article(result: ArticleResult) -> dict[str, Any]:
    art = result.article
    return {
        "id": art.id,
        "outlet": art.outlet,
        "published": art.published.isoformat() if art.published else None,
        "url": art.url,
        "source": art.source,
        "notes": list(result.notes),
        "sentences": [
            {"id": s.id, "text": s.text, "start": s.start, "end": s.end, "role": s.role, "story": s.story}
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
