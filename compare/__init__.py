"""compare: what changed when one outlet rewrote another's story.

Example::

    from compare import compare_articles, load_article
    from compare.embed import SentenceTransformerEmbedder

    original, rewrite = load_article("a.txt", "A"), load_article("b.txt", "B")
    comparison = compare_articles([original, rewrite], SentenceTransformerEmbedder())
    for alignment in comparison.alignments:
        print(alignment.a, alignment.b, alignment.verdict)
"""

from __future__ import annotations

from pathlib import Path

from compare.config import Config
from compare.errors import CompareError
from compare.ingest import Metadata, read_article
from compare.models import Alignment, Article, ArticleResult, Comparison, DiffOp, Sentence, Token
from compare.pipeline import compare_articles

__all__ = [
    "Alignment",
    "Article",
    "ArticleResult",
    "CompareError",
    "Comparison",
    "Config",
    "DiffOp",
    "Metadata",
    "Sentence",
    "Token",
    "compare_articles",
    "load_article",
]


def load_article(path: str | Path, article_id: str = "A", meta: Metadata | None = None) -> Article:
    """Read an article file (text with optional front matter, or JSON)."""
    return read_article(Path(path), article_id, meta or Metadata())
