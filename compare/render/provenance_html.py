"""The many-outlet provenance report as one self-contained HTML page (``compare many -f html``).

The page says what the terminal report says (:mod:`compare.render.provenance_terminal`), in the
same words (:mod:`compare.render.provenance`): who copied from whom, each article's sources,
where each sentence came from, and shared content that is not a source link. It is drawn by the
Jinja2 template ``render/templates/provenance.html`` with autoescape on and ``StrictUndefined``,
from the view records below; it reuses the pair report's stylesheet and carries no script at
all, so its Content-Security-Policy allows none.
"""

from __future__ import annotations

from dataclasses import dataclass

from compare.models import ArticleProvenance, Provenance
from compare.render.html import template_environment
from compare.render.provenance import article_line, edge_notes, pair_note, summary_line


@dataclass(frozen=True, slots=True)
class EdgeView:
    """One source link: source → rewrite, its shares and how its direction was decided."""

    source: str
    rewrite: str
    source_outlet: str
    rewrite_outlet: str
    credited: str
    carried: str
    verbatim: str
    basis: str
    uncertain: bool
    notes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SentenceView:
    """Where one sentence of an article came from (``source`` empty: its own)."""

    id: str
    source: str
    origin: str
    how: str
    text: str


@dataclass(frozen=True, slots=True)
class ArticleView:
    id: str
    outlet: str
    published: str
    where: str
    line: str
    notes: tuple[str, ...]
    #: Empty when no sentence of it is carried from an earlier article.
    sentences: tuple[SentenceView, ...]


@dataclass(frozen=True, slots=True)
class PairView:
    """Shared content that is not a source link, and why."""

    label: str
    text: str


@dataclass(frozen=True, slots=True)
class ProvenanceReport:
    title: str
    summary: str
    articles: tuple[ArticleView, ...]
    edges: tuple[EdgeView, ...]
    pairs: tuple[PairView, ...]
    warnings: tuple[str, ...]


def render_provenance_html(provenance: Provenance) -> str:
    """The report as one self-contained HTML document.

    >>> from compare.models import Article, ArticleResult, ArticleProvenance, Provenance
    >>> art = ArticleProvenance(ArticleResult(Article("A", "x", "<i>Daily</i>"), ()), (), 1.0, ())
    >>> page = render_provenance_html(Provenance((art,), (), ()))
    >>> "&lt;i&gt;Daily&lt;/i&gt;" in page and "<i>" not in page and "<script" not in page
    True
    """
    return template_environment().get_template("provenance.html").render(report=build_report(provenance))


def build_report(provenance: Provenance) -> ProvenanceReport:
    """The view records of ``provenance``."""
    outlet = {a.result.article.id: a.result.article.outlet for a in provenance.articles}
    edges = tuple(
        EdgeView(
            e.source,
            e.rewrite,
            outlet[e.source],
            outlet[e.rewrite],
            f"{e.explains:.0%}",
            f"{e.pair.rewrite_carried:.0%}",
            f"{e.pair.rewrite_verbatim:.0%}",
            e.pair.basis,
            e.pair.uncertain,
            tuple(edge_notes(e)),
        )
        for e in provenance.edges
    )
    pairs = tuple(
        PairView(
            f"{p.source} →{'?' if p.uncertain else ''} {p.rewrite}",
            f"{p.rewrite} shares {p.rewrite_carried:.0%} with {p.source} ({p.rewrite_verbatim:.0%} verbatim): {note}",
        )
        for p in provenance.pairs
        if (note := pair_note(provenance, p))
    )
    return ProvenanceReport(
        title=" · ".join(outlet.values()),
        summary=summary_line(provenance),
        articles=tuple(_article(provenance, art) for art in provenance.articles),
        edges=edges,
        pairs=pairs,
        warnings=provenance.warnings,
    )


def _article(provenance: Provenance, art: ArticleProvenance) -> ArticleView:
    a = art.result.article
    text = {s.id: " ".join(s.text.split()) for s in art.result.news}
    sentences = tuple(
        SentenceView(
            o.sentence,
            f"{o.source} {'+'.join(o.matches)}" if o.source else "",
            o.origin or "",
            f"{o.verdict}, {o.verbatim:.0%} verbatim" if o.source else "",
            text.get(o.sentence, ""),
        )
        for o in art.origins
    )
    return ArticleView(
        a.id,
        a.outlet,
        a.published.isoformat() if a.published else "date unknown",
        a.url or a.source,
        article_line(provenance, art),
        art.result.notes,
        sentences if any(o.carriers for o in art.origins) else (),
    )
