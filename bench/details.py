"""Details dropped or added *inside* a carried claim, against SWiPE's phrase-level edits.

The sentence benchmark (:mod:`bench.swipe`) asks whether whole sentences were dropped or
added. A fact-checker also needs the smaller losses: a clause cut from a sentence that is
otherwise carried over ("…, 40 kilometers west of the town"), a detail slipped into it. The
pipeline reports those as ``fact_dropped`` / ``fact_added`` findings (a date, a name, a number
or a *detail run* of words one side lacks; :mod:`compare.classify`). SWiPE's annotators marked
the same thing at the character level: edit groups of the deletion categories
(:data:`bench.gold.DROP`) and of the elaboration categories (:data:`bench.gold.ADD`), while
reworded text belongs to other groups (lexical, syntactic), whose deletions have a counterpart.

Scoring, on the pipeline's own sentences (the whole of :func:`compare.compare_articles`):

* **Where.** Only sentences the pipeline carries over (in a group with sentences on both
  sides) and that gold does not call mostly dropped or added: losses of whole sentences are
  the sentence benchmark's business, and an alignment error should not count twice.
* **Gold units.** Each deletion (elaboration) group's characters inside one such sentence, if
  at least :data:`MIN_CHARS` non-space characters: a phrase, not a lost article or comma.
* **Precision.** A reported span is right when at least half of its non-space characters are
  gold deletions (for a dropped finding) or elaborations (added). Reported on reworded text
  it is a false alarm: exactly what a reader dismisses by hand.
* **Recall.** A gold unit is found when reported spans cover at least half of its characters.

Systems: the pipeline's findings, and the obvious alternative, a word diff: every changed
stretch of the aligned pair's diff with at least two content words (what a side-by-side diff
highlights, and what a reader must otherwise sift).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from bench.gold import ADD, DROP, MOSTLY, side_map
from bench.swipe import spam
from compare.config import Config
from compare.diff import fold
from compare.embed import Embedder
from compare.facts import FactExtractor
from compare.models import Comparison, Token

#: A gold unit is at least this many non-space characters of one group in one sentence.
MIN_CHARS = 10
#: Function words: a diff stretch needs two other words to count as a reported detail.
_STOP = frozenset(
    "a an the of to in on at by for from with and or but as is are was were be been it its this that these those "
    "which who whom whose has have had not no".split()
)

Span = tuple[int, int]


@dataclass
class Counts:
    """Running counts for one side (dropped or added) of one system."""

    predicted: int = 0
    correct: int = 0
    gold: int = 0
    found: int = 0
    examples: list[str] = field(default_factory=list)

    def scores(self) -> dict[str, float]:
        p = self.correct / self.predicted if self.predicted else 0.0
        r = self.found / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "precision": round(100 * p, 1),
            "recall": round(100 * r, 1),
            "f1": round(100 * f, 1),
            "predicted": self.predicted,
            "gold": self.gold,
        }


def gold_chars(doc: Mapping[str, Any]) -> tuple[dict[int, set[int]], dict[int, set[int]]]:
    """Per group: the A characters its deletions own (deletion groups) and the B characters
    its insertions own (elaboration groups)."""
    edits = doc["edits"]
    kind = {int(e["idx"]): e["type"] for e in edits}
    r_where = side_map(edits, doc["r_content"], frozenset({"equal", "delete"}))
    s_where = side_map(edits, doc["s_content"], frozenset({"equal", "insert"}))
    dropped: dict[int, set[int]] = {}
    added: dict[int, set[int]] = {}
    for g, group in enumerate(doc["annotations"]):
        ops = [int(i) for i in group["opis"]]
        if group["category"] in DROP:
            dropped[g] = {p for i in ops if kind.get(i) == "delete" for p in r_where.get(i, ())}
        elif group["category"] in ADD:
            added[g] = {p for i in ops if kind.get(i) == "insert" for p in s_where.get(i, ())}
    return dropped, added


def _solid(text: str, positions: Iterable[int]) -> set[int]:
    return {p for p in positions if p < len(text) and not text[p].isspace()}


def _eligible(text: str, spans: Sequence[Span], gold: Mapping[int, set[int]]) -> list[Span]:
    """Carried sentences that gold does not call mostly dropped (added)."""
    every = set().union(*gold.values()) if gold else set()
    out = []
    for start, end in spans:
        solid = _solid(text, range(start, end))
        if solid and len(solid & every) < MOSTLY * len(solid):
            out.append((start, end))
    return out


def _units(text: str, sentences: Sequence[Span], gold: Mapping[int, set[int]]) -> list[set[int]]:
    units = []
    for chars in gold.values():
        for start, end in sentences:
            inside = _solid(text, (p for p in chars if start <= p < end))
            if len(inside) >= MIN_CHARS:
                units.append(inside)
    return units


def score_side(
    counts: Counts, text: str, sentences: Sequence[Span], gold: Mapping[int, set[int]], predicted: Iterable[Span]
) -> None:
    """Add one document side's predictions and gold units to ``counts``."""
    every = set().union(*gold.values()) if gold else set()
    covered: set[int] = set()
    for start, end in predicted:
        if not any(s <= start < e for s, e in sentences):
            continue
        solid = _solid(text, range(start, end))
        if not solid:
            continue
        counts.predicted += 1
        covered |= solid
        if len(solid & every) >= 0.5 * len(solid):
            counts.correct += 1
        elif len(counts.examples) < 8:
            counts.examples.append(text[start:end])
    units = _units(text, sentences, gold)
    counts.gold += len(units)
    counts.found += sum(1 for unit in units if len(unit & covered) >= 0.5 * len(unit))


def finding_spans(comparison: Comparison) -> tuple[list[Span], list[Span]]:
    """The spans of the pipeline's ``fact_dropped`` (in A) and ``fact_added`` (in B) findings."""
    dropped = [(c.before.start, c.before.end) for c in comparison.changes if c.kind == "fact_dropped" and c.before]
    added = [(c.after.start, c.after.end) for c in comparison.changes if c.kind == "fact_added" and c.after]
    return dropped, added


def diff_spans(comparison: Comparison) -> tuple[list[Span], list[Span]]:
    """Every changed diff stretch with two or more content words, on each side."""
    dropped: list[Span] = []
    added: list[Span] = []
    for x in comparison.alignments:
        if not (x.a and x.b):
            continue
        for op in x.opcodes:
            if op.tag in ("delete", "replace"):
                dropped += _stretch(x.a_tokens[op.i1 : op.i2])
            if op.tag in ("insert", "replace"):
                added += _stretch(x.b_tokens[op.j1 : op.j2])
    return dropped, added


def _stretch(tokens: Sequence[Token]) -> list[Span]:
    content = [t for t in tokens if t.text[0].isalnum() and fold(t.text) not in _STOP]
    return [(tokens[0].start, tokens[-1].end)] if len(content) >= 2 else []


def run(
    docs: Sequence[Mapping[str, Any]], embedder: Embedder, config: Config, extractor: FactExtractor
) -> dict[str, Any]:
    """Score the pipeline's dropped/added findings and the word-diff baseline on ``docs``."""
    from compare import Article, compare_articles

    systems = {"compare findings (fact_dropped / fact_added)": finding_spans, "word diff stretches": diff_spans}
    counts: dict[str, dict[str, Counts]] = {name: defaultdict(Counts) for name in systems}
    used = 0
    for doc in docs:
        if spam(doc["r_content"]) or spam(doc["s_content"]):
            continue
        pair = [Article("A", doc["r_content"], "Wikipedia"), Article("B", doc["s_content"], "Simple Wikipedia")]
        comparison = compare_articles(pair, embedder, config, extractor)
        used += 1
        gold_a, gold_b = gold_chars(doc)
        carried_a = {i for x in comparison.alignments if x.a and x.b for i in x.a}
        carried_b = {j for x in comparison.alignments if x.a and x.b for j in x.b}
        news_a, news_b = (r.news for r in comparison.articles)
        spans_a = _eligible(doc["r_content"], [(s.start, s.end) for s in news_a if s.id in carried_a], gold_a)
        spans_b = _eligible(doc["s_content"], [(s.start, s.end) for s in news_b if s.id in carried_b], gold_b)
        for name, spans_of in systems.items():
            dropped, added = spans_of(comparison)
            score_side(counts[name]["dropped"], doc["r_content"], spans_a, gold_a, dropped)
            score_side(counts[name]["added"], doc["s_content"], spans_b, gold_b, added)
    return {
        "documents": used,
        "min_chars": MIN_CHARS,
        "systems": {
            name: {side: c.scores() for side, c in sides.items()} | {"false_alarms": sides["dropped"].examples[:4]}
            for name, sides in counts.items()
        },
    }
