"""News alignment on rewrites stitched from MSRP paraphrase pairs.

SWiPE is Wikipedia simplification; no news document-alignment set is at hand. MSRP's
paraphrase pairs (label 1) are news sentences about one event from two outlets, so a
"document" of :data:`SIZE` such pairs, one side each, is a news rewrite with a known
alignment: sentence *i* of A is carried by sentence *i* of B, and nothing else links. Two
variants: the rewrite keeps the order, or shuffles its sentences (a rewrite that reorders).

Two subsets: all paraphrase pairs, and the *heavily reworded* ones, whose cosine under the
bundled model is below :data:`HARD` (about 13% of them): a rewrite reworded throughout. That
subset is where an alignment rule tuned on Wikipedia (a high link bar, a monotone path) can
lose everything, and it is the failure a news user would see as "every claim dropped".

Scores: link recall (the gold pairs linked), false links (linked pairs that are not gold, per
100 gold links), and the documents left with no link at all. The pairs are drawn with a
fixed seed, so runs are comparable; a document is made only of pairs from one subset.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from bench.data import Pair
from compare.align import Bead
from compare.embed import Embedder

#: Sentence pairs per stitched document.
SIZE = 10
#: Pairs below this cosine are the heavily reworded subset.
HARD = 0.7
Aligner = Callable[[Sequence[str], Sequence[str]], list[Bead]]


def documents(pairs: Sequence[Pair], shuffle: bool, seed: int = 1) -> list[tuple[list[str], list[str], list[int]]]:
    """Documents of :data:`SIZE` pairs: (A sentences, B sentences, B position of each A sentence)."""
    rng = random.Random(seed)
    chosen = list(pairs)
    rng.shuffle(chosen)
    out = []
    for k in range(0, len(chosen) - SIZE + 1, SIZE):
        chunk = chosen[k : k + SIZE]
        order = list(range(SIZE))
        if shuffle:
            rng.shuffle(order)
        b = [""] * SIZE
        for i, pos in enumerate(order):
            b[pos] = chunk[i].b
        out.append(([p.a for p in chunk], b, order))
    return out


def score(docs: Sequence[tuple[list[str], list[str], list[int]]], aligner: Aligner) -> dict[str, float]:
    """Link recall, false links per 100 gold links, and documents left without a link."""
    found = false = gold = empty = 0
    for a, b, order in docs:
        links = {(i, j) for bead in aligner(a, b) for i in bead.a for j in bead.b}
        truth = {(i, order[i]) for i in range(len(a))}
        found += len(links & truth)
        false += len(links - truth)
        gold += len(truth)
        empty += not links
    return {
        "link_recall": round(100 * found / max(gold, 1), 1),
        "false_links_per_100": round(100 * false / max(gold, 1), 1),
        "documents_without_links": empty,
        "documents": len(docs),
    }


def run(pairs: Sequence[Pair], embedder: Embedder, systems: dict[str, Aligner]) -> dict[str, Any]:
    """Every system on both subsets, in order and shuffled."""
    para = [p for p in pairs if p.paraphrase]
    cos = np.sum(embedder.embed_batch([p.a for p in para]) * embedder.embed_batch([p.b for p in para]), axis=1)
    hard = [p for p, c in zip(para, cos, strict=True) if c < HARD]
    subsets = {"all paraphrases": para, f"heavily reworded (cosine < {HARD})": hard}
    out: dict[str, Any] = {"size": SIZE, "subsets": {k: len(v) for k, v in subsets.items()}, "results": {}}
    for subset, chosen in subsets.items():
        for shuffle in (False, True):
            docs = documents(chosen, shuffle)
            key = f"{subset}, {'shuffled' if shuffle else 'in order'}"
            out["results"][key] = {name: score(docs, aligner) for name, aligner in systems.items()}
    return out
