"""The HTML provenance report: one self-contained page (inline CSS and JS, no network).

The page is drawn by Jinja2 templates kept as files in ``render/templates`` (``report.html``
and its ``_x.html`` partials), with autoescape on and ``StrictUndefined``, so every piece of
article text reaches the page escaped. This module only turns a :class:`Comparison` into the
small view records below; the templates loop over articles rather than assuming two, so a
many-outlet comparison needs new rows, not a new template.

A Content-Security-Policy in the page allows no network at all and only the report's own
script (by its SHA-256), so even text that slipped past escaping could not run.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from compare.models import (
    CHANGE_KINDS,
    ROLES,
    VERDICTS,
    Alignment,
    ArticleResult,
    Comparison,
    Fact,
    FactChange,
    Sentence,
    Token,
)
from compare.render import findings_line, summary_line

#: Verdicts that are not a change a fact-checker must look at.
_QUIET_VERDICTS = frozenset({"identical", "reworded"})
#: Findings that report that nothing changed.
_QUIET_FINDINGS = frozenset({"quote_intact"})

_ROLE_TITLES = {
    "headline": "Headline lines",
    "caption": "Captions",
    "furniture": "Labels and repeated lines",
    "boilerplate": "Boilerplate (appeals, notices)",
    "other_story": "Other stories in the file",
}


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of tokens drawn the same way: unchanged, deleted (A side) or inserted (B side)."""

    text: str
    mark: Literal["", "del", "ins"]
    #: Space-separated indices of the findings whose fact spans cover this run.
    findings: str = ""


@dataclass(frozen=True, slots=True)
class SentenceView:
    """One sentence in a cell, with the ids it is aligned to in the other articles."""

    id: str
    pieces: tuple[Piece, ...]
    counterparts: str


@dataclass(frozen=True, slots=True)
class Cell:
    """One article's side of a row; no sentences when the claim is not in that article."""

    article: str
    sentences: tuple[SentenceView, ...]


@dataclass(frozen=True, slots=True)
class Chip:
    """A fact finding shown on its row."""

    index: int
    kind: str
    label: str
    detail: str
    #: The facts' words, shortened for the chip; ``title`` has them whole.
    before: str
    after: str
    title: str
    #: Space-separated ids of the sentences the finding is about.
    sentences: str


@dataclass(frozen=True, slots=True)
class Row:
    """One alignment group: a claim in A's order, its sides, its verdict and its findings."""

    anchor: str
    label: str
    verdict: str
    score: float
    reasons: tuple[str, ...]
    cells: tuple[Cell, ...]
    chips: tuple[Chip, ...]
    #: Space-separated finding kinds on this row, for the filter.
    kinds: str
    #: True when a fact-checker should look: changed, dropped, added, or a finding other than an intact quote.
    is_change: bool


@dataclass(frozen=True, slots=True)
class SetAside:
    """Material of one role that cleaning set aside from an article."""

    role: str
    title: str
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True, slots=True)
class ArticleView:
    """An article's header line and its set-aside material."""

    id: str
    outlet: str
    published: str
    #: A link target, only for http(s) URLs; other schemes are shown as text.
    href: str
    url: str
    source: str
    claims: int
    notes: tuple[str, ...]
    set_aside: tuple[SetAside, ...]

    @property
    def set_aside_count(self) -> int:
        return sum(len(group.sentences) for group in self.set_aside)


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar of a small chart: a name, a count and its share of the largest count."""

    key: str
    label: str
    count: int
    percent: int


@dataclass(frozen=True, slots=True)
class Report:
    """Everything the template draws."""

    title: str
    summary: str
    findings_summary: str
    model: str
    articles: tuple[ArticleView, ...]
    rows: tuple[Row, ...]
    verdict_bars: tuple[Bar, ...]
    finding_bars: tuple[Bar, ...]
    #: Findings whose sentences are on no row (kept visible, never dropped).
    unplaced: tuple[Chip, ...]
    warnings: tuple[str, ...]


def render_html(comparison: Comparison) -> str:
    """The report as one self-contained HTML document.

    >>> from compare.models import Article, ArticleResult, Comparison, Sentence, Alignment
    >>> art = lambda i: ArticleResult(Article(i, "<b>x</b>", i), (Sentence(i + "1", i, "<b>x</b>", 0, 8, "news"),))
    >>> page = render_html(Comparison((art("A"), art("B")), (Alignment(("A1",), ("B1",), 1.0, "identical"),)))
    >>> "&lt;b&gt;x&lt;/b&gt;" in page and "<b>x</b>" not in page
    True
    """
    env = template_environment()
    script = env.get_template("_report.js").render()
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return env.get_template("report.html").render(
        report=build_report(comparison),
        # Our own static script and its CSP hash: never article text.
        script=Markup(script),
        script_hash=f"sha256-{digest}",
    )


@cache
def template_environment() -> Environment:
    """The Jinja2 environment of every HTML report: templates from ``render/templates``, autoescape."""
    return Environment(
        loader=PackageLoader("compare.render", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def build_report(comparison: Comparison) -> Report:
    """The view records of ``comparison``: rows in A's order, chips placed on their rows."""
    placed: set[int] = set()
    rows = []
    for x in comparison.alignments:
        ids = set(x.a) | set(x.b)
        on_row = [(k, c) for k, c in enumerate(comparison.changes) if c.a_sentence in ids or c.b_sentence in ids]
        placed.update(k for k, _ in on_row)
        rows.append(_row(comparison, x, on_row))
    unplaced = tuple(_chip(k, c) for k, c in enumerate(comparison.changes) if k not in placed)
    return Report(
        title=" → ".join(r.article.outlet for r in comparison.articles),
        summary=summary_line(comparison),
        findings_summary=findings_line(comparison),
        model=comparison.model,
        articles=tuple(_article(r) for r in comparison.articles),
        rows=tuple(rows),
        verdict_bars=_bars([(v, v, sum(1 for x in comparison.alignments if x.verdict == v)) for v in VERDICTS]),
        finding_bars=_bars(
            [(k, _label(k), sum(1 for c in comparison.changes if c.kind == k)) for k in CHANGE_KINDS], drop_zero=True
        ),
        unplaced=unplaced,
        warnings=comparison.warnings,
    )


def _bars(items: Sequence[tuple[str, str, int]], drop_zero: bool = False) -> tuple[Bar, ...]:
    top = max((n for _, _, n in items), default=0) or 1
    return tuple(Bar(key, label, n, round(100 * n / top)) for key, label, n in items if n or not drop_zero)


def _label(kind: str) -> str:
    return kind.replace("_", " ")


def _article(result: ArticleResult) -> ArticleView:
    art = result.article
    url = art.url or ""
    groups = tuple(
        SetAside(role, _ROLE_TITLES[role], tuple(s for s in result.sentences if s.role == role))
        for role in ROLES
        if role != "news" and any(s.role == role for s in result.sentences)
    )
    return ArticleView(
        id=art.id,
        outlet=art.outlet,
        published=art.published.isoformat() if art.published else "",
        href=url if _linkable(url) else "",
        url=url,
        source=art.source,
        claims=len(result.news),
        notes=result.notes,
        set_aside=groups,
    )


def _linkable(url: str) -> bool:
    """Only http(s) URLs become links: a ``javascript:`` or ``data:`` URL is shown as text.

    >>> [_linkable(u) for u in ("https://example.org/a", " JavaScript:alert(1)", "http://[::1", "")]
    [True, False, False, False]
    """
    try:
        return urlsplit(url.strip()).scheme.lower() in ("http", "https")
    except ValueError:  # an unparseable URL (an unclosed IPv6 bracket) is shown as text
        return False


def _row(comparison: Comparison, x: Alignment, on_row: list[tuple[int, FactChange]]) -> Row:
    changed_a, changed_b = _changed(x)
    # The alignment is pairwise for now: A deletes, every later article inserts.
    sides: list[tuple[tuple[str, ...], tuple[Token, ...], set[int], Literal["del", "ins"]]] = [
        (x.a, x.a_tokens, changed_a, "del"),
        (x.b, x.b_tokens, changed_b, "ins"),
    ]
    cells = []
    for k, result in enumerate(comparison.articles):
        ids, tokens, changed, mark = sides[k] if k < len(sides) else ((), (), set(), "ins")
        others = " ".join(i for i in (*x.a, *x.b) if i not in ids)
        spans = [(n, f) for n, c in on_row for f in (c.before, c.after) if f is not None and f.sentence in ids]
        sentences = tuple(
            SentenceView(s.id, _pieces(s, tokens, changed, mark, spans), others)
            for s in (comparison.sentence(i) for i in ids)
        )
        cells.append(Cell(result.article.id, sentences))
    loud = x.verdict not in _QUIET_VERDICTS or any(c.kind not in _QUIET_FINDINGS for _, c in on_row)
    return Row(
        anchor="claim-" + "-".join((*x.a, *x.b)),
        label=" + ".join(x.a or ("—",)) + " → " + " + ".join(x.b or ("—",)),
        verdict=x.verdict,
        score=x.score,
        reasons=x.reasons,
        cells=tuple(cells),
        chips=tuple(_chip(n, c) for n, c in on_row),
        kinds=" ".join(dict.fromkeys(c.kind for _, c in on_row)),
        is_change=loud,
    )


def _changed(x: Alignment) -> tuple[set[int], set[int]]:
    """Indices of the A tokens and of the B tokens in a changed stretch of the diff."""
    a: set[int] = set()
    b: set[int] = set()
    for op in x.opcodes:
        if op.tag != "equal":
            a.update(range(op.i1, op.i2))
            b.update(range(op.j1, op.j2))
    return a, b


def _pieces(
    sentence: Sentence,
    tokens: Sequence[Token],
    changed: set[int],
    mark: Literal["del", "ins"],
    spans: list[tuple[int, Fact]],
) -> tuple[Piece, ...]:
    """The sentence's tokens as runs, each run one mark and one set of covering findings.

    Tokens are spaced as in the article: a gap between two tokens becomes one space.
    """
    out: list[Piece] = []
    prev: Token | None = None
    for k, tok in enumerate(tokens):
        if not sentence.start <= tok.start < sentence.end:
            continue
        covering = " ".join(str(n) for n, f in spans if f.start < tok.end and tok.start < f.end)
        piece = Piece(tok.text, mark if k in changed else "", covering)
        space = "" if prev is None or tok.start == prev.end else " "
        if out and out[-1].mark == piece.mark and out[-1].findings == piece.findings:
            out[-1] = Piece(out[-1].text + space + tok.text, piece.mark, piece.findings)
        else:
            if space:
                out.append(Piece(space, ""))
            out.append(piece)
        prev = tok
    # An alignment built without tokens (by hand, or by a future stage) still shows its text.
    return tuple(out) or (Piece(sentence.text, ""),)


def _short(text: str, limit: int = 80) -> str:
    """``text`` on one line, cut at a word to at most ``limit`` characters (a quote can be long).

    >>> _short("a b c d e f", 7)
    'a b c …'
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: text.rfind(" ", 0, limit - 1) + 1] + "…"


def _chip(index: int, change: FactChange) -> Chip:
    return Chip(
        index=index,
        kind=change.kind,
        label=_label(change.kind),
        detail=change.detail,
        before=_short(change.before.text) if change.before else "",
        after=_short(change.after.text) if change.after else "",
        title=" → ".join(f.text if f else "—" for f in (change.before, change.after)),
        sentences=" ".join(i for i in (change.a_sentence, change.b_sentence) if i),
    )


__all__ = ["Report", "build_report", "render_html"]
