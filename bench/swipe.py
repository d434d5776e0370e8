"""Document alignment on SWiPE: dropped, added and one-to-many sentences against gold.

Each Wikipedia → Simple Wikipedia pair is segmented into sentences (every non-empty line is
its own paragraph, then :func:`compare.segment.segment`; ``clean()`` is bypassed for the
main comparison and measured separately, see :func:`clean_report`). Gold sentence labels come
from :mod:`bench.gold`. Three aligners are scored on the same sentences:

* ``compare.align`` — the pipeline's aligner, with the given config;
* ``difflib`` — word-ratio links that are the best of their row or column (baseline);
* ``monotone DP`` — a Vecalign-style dynamic programme over embeddings (baseline).

Scores are micro-averaged over documents: precision and recall of dropped A sentences, of
added B sentences, of one-to-many items (gold splits and fusions; found when the predicted
links cover two or more of the gold sentences on the many side), and of sentence links.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from bench.baselines import monotone_dp, mutual_best, ratio_matrix
from bench.gold import Gold, Span, derive
from compare.align import Bead, align
from compare.config import Config
from compare.embed import Embedder
from compare.models import Block
from compare.segment import segment

Aligner = Callable[[Sequence[str], Sequence[str]], list[Bead]]
METRICS = ("dropped", "added", "one_to_many", "links")


def line_blocks(text: str) -> tuple[Block, ...]:
    """Every non-empty line as a news paragraph of its own (Wikipedia lines are paragraphs)."""
    return tuple(Block(m.start(), m.end(), "news") for m in re.finditer(r"[^\r\n]*\S[^\r\n]*", text))


def sentences(text: str, blocks: tuple[Block, ...] | None = None) -> tuple[list[str], list[Span]]:
    """News sentence texts and their character spans."""
    sents = [s for s in segment(text, blocks or line_blocks(text), "A") if s.role == "news"]
    return [s.text for s in sents], [(s.start, s.end) for s in sents]


@dataclass
class Counts:
    """True positives, false positives and false negatives per metric, summed over documents."""

    tp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(METRICS, 0))
    fp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(METRICS, 0))
    fn: dict[str, int] = field(default_factory=lambda: dict.fromkeys(METRICS, 0))

    def add(self, metric: str, predicted: Iterable[Any], gold: Iterable[Any]) -> None:
        p, g = set(predicted), set(gold)
        self.tp[metric] += len(p & g)
        self.fp[metric] += len(p - g)
        self.fn[metric] += len(g - p)

    def scores(self) -> dict[str, dict[str, float]]:
        out = {}
        for m in METRICS:
            tp, fp, fn = self.tp[m], self.fp[m], self.fn[m]
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            out[m] = {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "gold": tp + fn}
        return out


def links_of(beads: Iterable[Bead]) -> set[tuple[int, int]]:
    """Every (A, B) sentence pair that a bead puts together."""
    return {(i, j) for bead in beads for i in bead.a for j in bead.b}


def score_doc(counts: Counts, beads: Sequence[Bead], gold: Gold, n_a: int, n_b: int) -> None:
    """Add one document's predictions to ``counts``.

    >>> from bench.gold import Gold
    >>> gold = Gold(frozenset({1}), frozenset(), frozenset({(0, 0), (0, 1)}), {0: frozenset({0, 1})})
    >>> c = Counts()
    >>> score_doc(c, [Bead((0,), (0, 1), 0.9), Bead((1,), (), 0.0)], gold, 2, 2)
    >>> c.scores()["one_to_many"]["recall"], c.scores()["dropped"]["f1"]
    (1.0, 1.0)
    """
    links = links_of(beads)
    counts.add("links", links, gold.links)
    counts.add("dropped", set(range(n_a)) - {i for i, _ in links}, gold.dropped)
    counts.add("added", set(range(n_b)) - {j for _, j in links}, gold.added)
    _one_to_many(counts, links, gold.splits, gold.fusions)


def _one_to_many(
    counts: Counts,
    links: set[tuple[int, int]],
    splits: Mapping[int, frozenset[int]],
    fusions: Mapping[int, frozenset[int]],
) -> None:
    by_a: dict[int, set[int]] = {}
    by_b: dict[int, set[int]] = {}
    for i, j in links:
        by_a.setdefault(i, set()).add(j)
        by_b.setdefault(j, set()).add(i)
    predicted = {("split", i) for i, js in by_a.items() if len(js) >= 2}
    predicted |= {("fusion", j) for j, is_ in by_b.items() if len(is_) >= 2}
    found = {("split", i) for i, many in splits.items() if len(by_a.get(i, set()) & many) >= 2}
    found |= {("fusion", j) for j, many in fusions.items() if len(by_b.get(j, set()) & many) >= 2}
    gold = {("split", i) for i in splits} | {("fusion", j) for j in fusions}
    counts.tp["one_to_many"] += len(predicted & found)
    counts.fp["one_to_many"] += len(predicted - found)
    counts.fn["one_to_many"] += len(gold - found)


@dataclass(frozen=True, slots=True)
class Doc:
    """One document pair, segmented, with its gold."""

    a: list[str]
    b: list[str]
    gold: Gold


def spam(text: str) -> bool:
    """Whether most of the text's lines repeat an earlier line (vandalism, not an article).

    >>> spam("x is bad\\nx is bad\\nx is bad"), spam("One line.\\nAnother line.")
    (True, False)
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return len(lines) >= 3 and len(set(lines)) < len(lines) / 2


def prepare(docs: Sequence[Mapping[str, Any]]) -> list[Doc]:
    """Segment each pair (bypassing clean) and derive its gold labels.

    Pairs with an empty side or a spam side (see :func:`spam`; one validation document is a
    vandalised page of 459 copies of one line) are left out.
    """
    out = []
    for doc in docs:
        if spam(doc["r_content"]) or spam(doc["s_content"]):
            continue
        a, a_spans = sentences(doc["r_content"])
        b, b_spans = sentences(doc["s_content"])
        if a and b:
            out.append(Doc(a, b, derive(doc, a_spans, b_spans)))
    return out


def evaluate(docs: Sequence[Doc], aligner: Aligner) -> dict[str, dict[str, float]]:
    counts = Counts()
    for doc in docs:
        score_doc(counts, aligner(doc.a, doc.b), doc.gold, len(doc.a), len(doc.b))
    return counts.scores()


def pipeline_aligner(embedder: Embedder, config: Config) -> Aligner:
    return lambda a, b: align(a, b, embedder, config)


def difflib_aligner(threshold: float) -> Aligner:
    return lambda a, b: mutual_best(ratio_matrix(a, b), threshold)


def dp_aligner(embedder: Embedder, threshold: float, penalty: float = 0.05) -> Aligner:
    def run(a: Sequence[str], b: Sequence[str]) -> list[Bead]:
        ea, eb = embedder.embed_batch(a), embedder.embed_batch(b)
        pa = embedder.embed_batch([f"{x} {y}" for x, y in itertools.pairwise(a)])
        pb = embedder.embed_batch([f"{x} {y}" for x, y in itertools.pairwise(b)])
        sim12 = ea @ pb.T if len(b) > 1 else np.zeros((len(a), 0))
        sim21 = pa @ eb.T if len(a) > 1 else np.zeros((0, len(b)))
        return monotone_dp(ea @ eb.T, sim12, sim21, threshold, penalty)

    return run


def full_pipeline(docs: Sequence[Mapping[str, Any]], embedder: Embedder, config: Config) -> dict[str, Any]:
    """What ``clean()`` does to Wikipedia text, and the whole pipeline's scores on its own sentences.

    The whole pipeline (:func:`compare.compare_articles`: clean, story selection, segmentation,
    alignment) runs on each pair; gold is derived for the news sentences it keeps. Lines that
    clean sets aside are not compared at all, so gold drops or additions in them are missed.
    """
    from compare import Article, compare_articles
    from compare.clean import clean

    counts = Counts()
    roles: dict[str, int] = {}
    chars = {"news": 0, "set_aside": 0}
    second_story = joined = lost_gold = 0
    for doc in docs:
        if spam(doc["r_content"]) or spam(doc["s_content"]):
            continue
        for text in (doc["r_content"], doc["s_content"]):
            for block in clean(text):
                roles[block.role] = roles.get(block.role, 0) + 1
                kind = "news" if block.role == "news" else "set_aside"
                chars[kind] += block.end - block.start
        pair = [Article("A", doc["r_content"], "Wikipedia"), Article("B", doc["s_content"], "Simple Wikipedia")]
        comparison = compare_articles(pair, embedder, config)
        second_story += any(n.startswith("second story") for r in comparison.articles for n in r.notes)
        news_a, news_b = (r.news for r in comparison.articles)
        joined += sum("\n" in s.text for s in (*news_a, *news_b))
        gold = derive(doc, [(s.start, s.end) for s in news_a], [(s.start, s.end) for s in news_b])
        ids_a = {s.id: k for k, s in enumerate(news_a)}
        ids_b = {s.id: k for k, s in enumerate(news_b)}
        beads = [
            Bead(tuple(ids_a[i] for i in x.a), tuple(ids_b[j] for j in x.b), x.score) for x in comparison.alignments
        ]
        score_doc(counts, beads, gold, len(news_a), len(news_b))
        lost_gold += _gold_set_aside(doc, comparison)
    return {
        "line_roles": dict(sorted(roles.items())),
        "set_aside_char_share": chars["set_aside"] / max(sum(chars.values()), 1),
        "docs_with_second_story_set_aside": second_story,
        "news_sentences_joined_across_lines": joined,
        "gold_dropped_or_added_sentences_in_set_aside_text": lost_gold,
        "scores": counts.scores(),
    }


def _gold_set_aside(doc: Mapping[str, Any], comparison: Any) -> int:
    """Gold dropped / added sentences (of the line segmentation) that clean set aside."""
    _, a_spans = sentences(doc["r_content"])
    _, b_spans = sentences(doc["s_content"])
    gold = derive(doc, a_spans, b_spans)
    lost = 0
    for spans, result, picked in (
        (a_spans, comparison.articles[0], gold.dropped),
        (b_spans, comparison.articles[1], gold.added),
    ):
        kept = [(s.start, s.end) for s in result.news]
        lost += sum(1 for k in picked if not any(a < spans[k][1] and spans[k][0] < b for a, b in kept))
    return lost
