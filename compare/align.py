"""Which sentences of the rewrite carry which sentences of the original.

Method, and why:

1. **Similarity matrix.** Cosines of sentence embeddings, all against all. Rewrites reorder
   paragraphs, so unlike Vecalign/Bertalign (built for translations, which keep order) no
   monotone path is assumed.
2. **Candidate beads.** A 1-1 bead for each pair whose cosine reaches
   ``config.link_threshold`` (at most the top 3 per sentence, to keep long articles sparse).
   2-1 and 1-2 beads come from *clause evidence*: a rewrite that merges two sentences keeps
   a clause of the second one, and a whole-sentence cosine barely moves (the merged sentence
   is still mostly its first source). So for each 1-1 candidate (i, j) each clause of one side
   that its partner does not explain is compared with the neighbours of the partner
   (merges join adjacent sentences, as Vecalign/Bertalign assume); a neighbour that is about
   the best match for that clause makes a merge (or split) bead.
3. **Selection.** A small integer programme picks the set of beads with the largest total
   margin over the thresholds, each sentence in at most one bead. A greedy pass would let an
   early strong pair take a sentence that a merge needs; the exact optimum settles such
   conflicts by total evidence and is still instant for news-length articles.

Sentences in no bead are dropped (A) or added (B).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from compare.config import Config
from compare.embed import Embedder

_CLAUSE_BREAK = re.compile(
    r"\s*[,;:()—–]\s*|\s+-\s+|\s+(?=(?:to|which|who|whom|because|after|before|so|while|since|when|where|"
    r"although|though|whereas|according|but|and then)\b)",
    re.I,
)
_MIN_CLAUSE_WORDS = 5
#: A candidate bead: (A indices, B indices) and its gain over the thresholds.
Candidate = tuple[tuple[tuple[int, ...], tuple[int, ...]], float]
_TOP_K = 3


@dataclass(frozen=True, slots=True)
class Bead:
    """Indices of A sentences and B sentences aligned together, and their cosine."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    score: float


def clauses(sentence: str) -> list[str]:
    """Clause-sized pieces of a sentence (at punctuation and before linking words).

    >>> clauses("The army withdrew from the town, officials said, to avoid the coming air strikes.")
    ['The army withdrew from the town', 'to avoid the coming air strikes.']
    """
    parts = (p.strip() for p in _CLAUSE_BREAK.split(sentence) if p)
    return [p for p in parts if len(p.split()) >= _MIN_CLAUSE_WORDS]


def align(a: Sequence[str], b: Sequence[str], embedder: Embedder, config: Config) -> list[Bead]:
    """Align sentences ``a`` (original) with ``b`` (rewrite); see the module docstring.

    Returns the chosen beads plus one-sided beads for dropped and added sentences, in A's order.
    """
    if not a or not b:
        return _order([], len(a), len(b))
    ea, eb = embedder.embed_batch(list(a)), embedder.embed_batch(list(b))
    sim = ea @ eb.T
    singles = _singles(sim, config.link_threshold)
    beads: list[Candidate] = [(((i,), (j,)), float(sim[i, j]) - config.link_threshold) for i, j in singles]
    beads += _merges(a, b, ea, eb, sim, singles, embedder, config)
    chosen = _select(beads, len(a), len(b))
    scored = [Bead(ai, bj, _score(ai, bj, a, b, sim, embedder)) for ai, bj in chosen]
    return _order(scored, len(a), len(b))


def _singles(sim: np.ndarray, threshold: float) -> list[tuple[int, int]]:
    keep: set[tuple[int, int]] = set()
    k_b, k_a = min(_TOP_K, sim.shape[1]), min(_TOP_K, sim.shape[0])
    for i, row in enumerate(sim):
        keep.update((i, int(j)) for j in np.argsort(-row)[:k_b] if row[j] >= threshold)
    for j, col in enumerate(sim.T):
        keep.update((int(i), j) for i in np.argsort(-col)[:k_a] if col[i] >= threshold)
    return sorted(keep)


def _merges(
    a: Sequence[str],
    b: Sequence[str],
    ea: np.ndarray,
    eb: np.ndarray,
    sim: np.ndarray,
    singles: list[tuple[int, int]],
    embedder: Embedder,
    config: Config,
) -> list[Candidate]:
    """2-1 beads (two A sentences into one B) and 1-2 beads (one A split over two B)."""
    out: list[Candidate] = []
    for i, j in singles:
        base = float(sim[i, j]) - config.link_threshold
        for k, evidence in _neighbour_evidence(b[j], ea[i], ea, embedder, i, config):
            if sim[i, j] >= sim[k, j]:  # the partner, not the neighbour, is the main source
                out.append(((tuple(sorted((i, k))), (j,)), base + evidence))
        for k, evidence in _neighbour_evidence(a[i], eb[j], eb, embedder, j, config):
            if sim[i, j] >= sim[i, k]:
                out.append((((i,), tuple(sorted((j, k)))), base + evidence))
    return out


def _neighbour_evidence(
    sentence: str, partner: np.ndarray, others: np.ndarray, embedder: Embedder, index: int, config: Config
) -> list[tuple[int, float]]:
    """Neighbours of ``index`` among ``others`` that best explain a clause ``partner`` misses."""
    parts = clauses(sentence)
    if len(parts) < 2:
        return []
    vectors = embedder.embed_batch(parts)
    found: dict[int, float] = {}
    for vec in vectors:
        explained = float(vec @ partner)
        if explained >= config.clause_explained:
            continue
        cos = others @ vec
        floor = max(config.clause_threshold, float(cos.max()) - config.clause_margin, explained + config.clause_gain)
        for k in (index - 1, index + 1):
            if 0 <= k < len(others) and cos[k] >= floor:
                found[k] = max(found.get(k, 0.0), float(cos[k]) - config.clause_threshold)
    return sorted(found.items())


def _select(beads: list[Candidate], n_a: int, n_b: int) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """The set of beads with the largest total margin, each sentence used at most once."""
    if not beads:
        return []
    from scipy.optimize import Bounds, LinearConstraint, milp

    usage = np.zeros((n_a + n_b, len(beads)))
    for col, ((ai, bj), _) in enumerate(beads):
        usage[list(ai), col] = 1
        usage[[n_a + j for j in bj], col] = 1
    gains = np.array([max(gain, 1e-6) for _, gain in beads])
    result = milp(
        -gains,
        constraints=LinearConstraint(usage, 0, 1),
        integrality=np.ones(len(beads)),
        bounds=Bounds(0, 1),
    )
    if result.x is None:  # pragma: no cover - HiGHS always solves a feasible 0/1 packing
        raise RuntimeError(f"alignment solver failed: {result.message}")
    return [beads[c][0] for c in np.flatnonzero(result.x > 0.5)]


def _score(
    ai: tuple[int, ...], bj: tuple[int, ...], a: Sequence[str], b: Sequence[str], sim: np.ndarray, embedder: Embedder
) -> float:
    if len(ai) == 1 and len(bj) == 1:
        return float(sim[ai[0], bj[0]])
    vecs = embedder.embed_batch([" ".join(a[i] for i in ai), " ".join(b[j] for j in bj)])
    return float(vecs[0] @ vecs[1])


def _order(beads: list[Bead], n_a: int, n_b: int) -> list[Bead]:
    """Aligned and dropped beads in A's order; an added sentence follows its B predecessor."""
    used_a = {i for bead in beads for i in bead.a}
    used_b = {j for bead in beads for j in bead.b}
    beads = beads + [Bead((i,), (), 0.0) for i in range(n_a) if i not in used_a]
    anchor: dict[int, float] = {j: float(min(bead.a)) for bead in beads if bead.a for j in bead.b}
    keys: dict[int, tuple[float, int, int]] = {}
    for pos, bead in enumerate(beads):
        keys[pos] = (float(min(bead.a)), 0, min(bead.b, default=-1))
    added = [Bead((), (j,), 0.0) for j in range(n_b) if j not in used_b]
    for bead in added:
        j = bead.b[0]
        before = [anchor[k] for k in range(j - 1, -1, -1) if k in anchor][:1]
        keys[len(keys)] = (before[0] if before else -1.0, 1, j)
    everything = beads + added
    return [everything[pos] for pos in sorted(keys, key=keys.__getitem__)]
