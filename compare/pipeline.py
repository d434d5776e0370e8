"""The stages composed: articles in, a :class:`~compare.models.Comparison` out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta

import numpy as np

from compare.align import Bead, align
from compare.classify import Context, classify
from compare.clean import clean, set_aside
from compare.config import Config
from compare.dates import find_dates
from compare.diff import diff_tokens, tokenize
from compare.embed import CachingEmbedder, Embedder
from compare.errors import CompareError, NoContentError
from compare.facts import FactExtractor
from compare.models import (
    Alignment,
    Article,
    ArticleResult,
    Block,
    Comparison,
    DaySpan,
    SameOnBothSides,
    Sentence,
)
from compare.segment import segment
from compare.verdict import contradicted, same_days, verdict


def compare_articles(
    articles: Sequence[Article],
    embedder: Embedder,
    config: Config | None = None,
    facts: FactExtractor | None = None,
) -> Comparison:
    """Compare a rewrite (the second article) with its original (the first).

    With a :class:`~compare.facts.FactExtractor`, the comparison also carries the facts of
    every news sentence and the fact-level findings (``facts``, ``changes``).

    >>> from compare.models import Article
    >>> from compare.embed import Embedder
    >>> import numpy as np
    >>> class Letters(Embedder):  # a toy embedder: letter counts
    ...     def embed_batch(self, texts):
    ...         v = np.array([[t.lower().count(c) for c in "abcdefghijklmnopqrstuvwxyz"] for t in texts], "f4") + 1e-3
    ...         return v / np.linalg.norm(v, axis=1, keepdims=True)
    >>> a = Article("A", "The storm hit the coast on Monday. Two towns flooded.", "Daily")
    >>> b = Article("B", "The storm hit the coast on Tuesday.", "Weekly")
    >>> [(x.a, x.b, x.verdict) for x in compare_articles([a, b], Letters()).alignments]
    [(('A1',), ('B1',), 'changed'), (('A2',), (), 'dropped')]
    """
    config = config or Config()
    if len(articles) != 2:
        raise CompareError(f"compare needs exactly two articles, got {len(articles)}")
    cached = CachingEmbedder(embedder)
    blocks = [clean(art.text, art.body_start) for art in articles]
    results = _select_stories(articles, blocks, cached, config)
    news_a, news_b = (r.news for r in results)
    beads = align([s.text for s in news_a], [s.text for s in news_b], cached, config)
    published = tuple(art.published for art in articles)
    alignments = tuple(_alignment(bead, news_a, news_b, config, published) for bead in beads)
    # What reading noticed (a guessed encoding, a page flattened) travels with the result.
    warnings = tuple(dict.fromkeys(w for art in articles for w in art.warnings))
    comparison = Comparison(articles=tuple(results), alignments=alignments, model=embedder.name, warnings=warnings)
    return _with_facts(comparison, facts, config) if facts else comparison


def _with_facts(comparison: Comparison, extractor: FactExtractor, config: Config) -> Comparison:
    """Extract each article's facts and classify what changed between aligned groups."""
    a, b = (r.article for r in comparison.articles)
    outlets = (a.outlet, b.outlet)
    found = extractor.extract(comparison.articles[0].news, a.published, outlets)
    found += extractor.extract(comparison.articles[1].news, b.published, outlets, year_from=a.published)
    sentences = {s.id: s for r in comparison.articles for s in r.sentences}
    context = Context((a.published, b.published), outlets, a.text, sentences, b.text, a.id)
    changes = classify(comparison.alignments, found, context)
    sources: dict[str, list[tuple[int, int]]] = {}  # sentence id -> its attribution spans
    for f in found:
        if f.kind == "attribution":
            sources.setdefault(f.sentence, []).append((f.start, f.end))
    alignments = contradicted(tuple(_unsourced(x, sources, config) for x in comparison.alignments), changes)
    return replace(comparison, alignments=alignments, facts=found, changes=changes)


def _unsourced(x: Alignment, sources: Mapping[str, list[tuple[int, int]]], config: Config) -> Alignment:
    """A ``changed`` claim judged again without its attributions: a source added, dropped or
    swapped ("..., according to the county health department" → "...") is reported as a
    finding, and alone leaves the claim ``reworded`` (MSRP's annotators call most such pairs
    the same claim). The diff shown keeps every word."""
    if x.verdict != "changed" or not (x.a and x.b):
        return x
    spans_a = [span for sid in x.a for span in sources.get(sid, ())]
    spans_b = [span for sid in x.b for span in sources.get(sid, ())]
    ta = [t for t in x.a_tokens if not any(s <= t.start < e for s, e in spans_a)]
    tb = [t for t in x.b_tokens if not any(s <= t.start < e for s, e in spans_b)]
    if (len(ta), len(tb)) == (len(x.a_tokens), len(x.b_tokens)) or not ta or not tb:
        return x
    kind, _ = verdict(ta, tb, diff_tokens(ta, tb), x.score, config)
    return x if kind == "changed" else replace(x, verdict="reworded", reasons=())


def _select_stories(
    articles: Sequence[Article], blocks: list[tuple[Block, ...]], embedder: Embedder, config: Config
) -> list[ArticleResult]:
    """Keep, in each article, the stories that match the other article's news."""
    first = [segment(art.text, blk, art.id) for art, blk in zip(articles, blocks, strict=True)]
    # Every news sentence in one batch (the model is fastest on big batches): the story
    # scores below and the alignment then read their vectors from the cache.
    embedder.embed_batch([s.text for sentences in first for s in sentences if s.role == "news"])
    results = []
    for k, (art, blk, sents) in enumerate(zip(articles, blocks, first, strict=True)):
        other = [s.text for s in first[1 - k] if s.role == "news"]
        keep = _related_stories(sents, other, embedder, config.story_floor)
        final = segment(art.text, set_aside(blk, keep), art.id)
        if not any(s.role == "news" for s in final):
            final = _promote(final, art)
        results.append(ArticleResult(art, final, _notes(sents, final, keep)))
    return results


def _related_stories(sentences: tuple[Sentence, ...], other: list[str], embedder: Embedder, floor: float) -> set[int]:
    """The best-matching story, and any other whose mean best cosine reaches ``floor``."""
    stories = sorted({s.story for s in sentences if s.role == "news"})
    if len(stories) <= 1 or not other:
        return {s.story for s in sentences}
    theirs = embedder.embed_batch(other)
    scores = {}
    for story in stories:
        mine = embedder.embed_batch([s.text for s in sentences if s.role == "news" and s.story == story])
        scores[story] = float(np.mean(np.max(mine @ theirs.T, axis=1)))
    best = max(stories, key=lambda s: (scores[s], -s))
    return {s for s in stories if s == best or scores[s] >= floor}


def _promote(sentences: tuple[Sentence, ...], article: Article) -> tuple[Sentence, ...]:
    """An article that is all 'furniture' (a one-line claim, a bare headline) is its own news."""
    lines = [s for s in sentences if s.role in ("headline", "furniture", "caption")]
    # Several bare labels ("Home", "News", "Sports") are a menu, not a claim.
    menu = len(lines) > 1 and all(
        len(s.text.split()) <= 3 and not s.text.rstrip().endswith((".", "!", "?")) for s in lines
    )
    if not lines or menu:
        where = article.source or article.outlet
        raise NoContentError(f"{where}: no article text left after setting aside page furniture")
    seen: set[str] = set()
    out, n = [], 0
    for s in sentences:
        if s.role != "boilerplate" and s.role != "other_story" and s.text not in seen:
            seen.add(s.text)
            n += 1
            out.append(replace(s, id=f"{article.id}{n}", role="news"))
        else:
            out.append(s)
    return tuple(out)


def _notes(before: tuple[Sentence, ...], after: tuple[Sentence, ...], keep: set[int]) -> tuple[str, ...]:
    """One line per kind of material set aside; ``before`` still has the other stories' roles."""
    notes = []
    for story in sorted({s.story for s in before if s.story not in keep}):
        heads = [s.text for s in before if s.story == story and s.role == "headline"]
        n = sum(1 for s in before if s.story == story and s.role == "news")
        title = f" “{heads[0]}”" if heads else ""
        notes.append(f"second story detected and set aside{title} ({n} sentences)")
    for role, one, many in (
        ("boilerplate", "boilerplate line (appeal, notice)", "boilerplate lines (appeals, notices)"),
        ("caption", "caption", "captions"),
        ("headline", "headline line", "headline lines"),
        ("furniture", "label or repeated line", "labels and repeated lines"),
    ):
        n = sum(1 for s in after if s.role == role and s.story in keep)
        if n:
            notes.append(f"{n} {one if n == 1 else many} set aside")
    return tuple(notes)


def _alignment(
    bead: Bead,
    news_a: Sequence[Sentence],
    news_b: Sequence[Sentence],
    config: Config,
    published: tuple[date | None, ...] = (None, None),
) -> Alignment:
    sa = [news_a[i] for i in bead.a]
    sb = [news_b[j] for j in bead.b]
    ta, tb = tokenize(sa), tokenize(sb)
    ids_a, ids_b = tuple(s.id for s in sa), tuple(s.id for s in sb)
    if not sb:
        return Alignment(ids_a, (), 0.0, "dropped", ta, (), ())
    if not sa:
        return Alignment((), ids_b, 0.0, "added", (), tb, ())
    ops = diff_tokens(ta, tb)
    # A B sentence's "Aug. 31" takes its year from A's date when B has none (as the facts do).
    days_a, days_b = _days(sa, published[0]), _days(sb, published[1], published[0])
    same = same_days(ta, tb, days_a, days_b) if days_a and days_b else SameOnBothSides()
    kind, reasons = verdict(ta, tb, ops, bead.score, config, same)
    return Alignment(ids_a, ids_b, round(bead.score, 4), kind, ta, tb, ops, reasons)


def _days(sentences: Sequence[Sentence], published: date | None, year_from: date | None = None) -> list[DaySpan]:
    """The resolved day and time mentions of ``sentences``, in article offsets; a weekday twice,
    as the most recent and as the coming one (either may be meant)."""
    out: list[DaySpan] = []
    for s in sentences:
        for d in find_dates(s.text, published, year_from):
            if d.precision == "time":  # "3 p.m." and "15:00" are one time
                out.append(DaySpan(s.start + d.start, s.start + d.end, d.yearless))
            elif d.resolved is not None and d.precision not in ("month", "quarter", "year"):
                out.append(DaySpan(s.start + d.start, s.start + d.end, d.resolved))
                if d.precision == "weekday":  # the other reading: a week later, or earlier if read ahead
                    week = timedelta(days=-7 if published and d.resolved > published else 7)
                    out.append(DaySpan(s.start + d.start, s.start + d.end, d.resolved + week))
    return out
