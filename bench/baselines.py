"""Baselines the pipeline is measured against (they live here, not in the package).

Sentence pairs (MSRP): a difflib word-ratio threshold and a plain embedding-cosine threshold.
Documents (SWiPE): difflib sentence matching, and a monotone dynamic programme over 1-1, 1-2,
2-1 and skip beads in the manner of Vecalign (Thompson & Koehn 2019), which embeds the
concatenation of two neighbouring sentences to score a merge.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

import numpy as np

from compare.align import Bead
from compare.diff import fold

BeadList = list[Bead]
_WORD = re.compile(r"\w+(?:['.\-]\w+)*")


def words(text: str) -> list[str]:
    """Lower-cased word tokens (punctuation dropped), the unit of the difflib baselines.

    >>> words("The U.S. army’s 2.5-mile pull-back.")
    ['the', 'u.s', "army's", '2.5-mile', 'pull-back']
    """
    return _WORD.findall(fold(text))


def word_ratio(a: str, b: str) -> float:
    """difflib's similarity ratio over the two sentences' word lists."""
    return difflib.SequenceMatcher(None, words(a), words(b), autojunk=False).ratio()


def ratio_matrix(a: Sequence[str], b: Sequence[str]) -> np.ndarray:
    """difflib word ratios of every pair, reusing one matcher per ``b`` sentence."""
    out = np.zeros((len(a), len(b)))
    wa = [words(s) for s in a]
    matcher = difflib.SequenceMatcher(None, autojunk=False)
    for j, sb in enumerate(b):
        matcher.set_seq2(words(sb))
        for i, w in enumerate(wa):
            matcher.set_seq1(w)
            out[i, j] = matcher.ratio()
    return out


def mutual_best(sim: np.ndarray, threshold: float) -> BeadList:
    """Links (i, j) whose score reaches ``threshold`` and is the best of row i or of column j.

    A sentence may take several links (a split or a merge); unlinked sentences become
    one-sided beads.

    >>> sim = np.array([[0.9, 0.6], [0.1, 0.2]])
    >>> [(b.a, b.b) for b in mutual_best(sim, 0.5)]
    [((0,), (0,)), ((0,), (1,)), ((1,), ())]
    """
    links = set()
    if sim.size:
        for i, j in zip(*np.nonzero(sim >= threshold), strict=True):
            if sim[i, j] >= sim[i].max() or sim[i, j] >= sim[:, j].max():
                links.add((int(i), int(j)))
    return with_gaps([Bead((i,), (j,), float(sim[i, j])) for i, j in sorted(links)], *sim.shape)


def with_gaps(beads: BeadList, n_a: int, n_b: int) -> BeadList:
    """``beads`` plus one-sided beads for the sentences they leave out."""
    used_a = {i for bead in beads for i in bead.a}
    used_b = {j for bead in beads for j in bead.b}
    return (
        beads
        + [Bead((i,), (), 0.0) for i in range(n_a) if i not in used_a]
        + [Bead((), (j,), 0.0) for j in range(n_b) if j not in used_b]
    )


def monotone_dp(
    sim: np.ndarray, sim12: np.ndarray, sim21: np.ndarray, threshold: float, penalty: float = 0.05
) -> BeadList:
    """The monotone bead sequence with the largest total gain (Vecalign-style).

    ``sim[i, j]`` is the cosine of A_i and B_j; ``sim12[i, j]`` of A_i and B_j + B_j+1 (shape
    n x m-1); ``sim21[i, j]`` of A_i + A_i+1 and B_j (shape n-1 x m). A 1-1 bead gains
    ``cos - threshold``, a 1-2 or 2-1 bead ``cos - threshold - penalty`` (a merge must beat
    the single link it replaces), a skip (dropped or added sentence) gains 0.

    >>> sim = np.array([[0.9, 0.1], [0.1, 0.8], [0.0, 0.1]])
    >>> sim12, sim21 = np.full((3, 1), 0.5), np.full((2, 2), 0.5)
    >>> [(b.a, b.b) for b in monotone_dp(sim, sim12, sim21, 0.5)]
    [((0,), (0,)), ((1,), (1,)), ((2,), ())]
    """
    n, m = sim.shape
    best = np.full((n + 1, m + 1), -np.inf)
    back: dict[tuple[int, int], tuple[int, int, float]] = {}
    best[0, 0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            steps = [(1, 0, 0.0), (0, 1, 0.0)]
            if i and j:
                steps.append((1, 1, float(sim[i - 1, j - 1]) - threshold))
            if i and j >= 2:
                steps.append((1, 2, float(sim12[i - 1, j - 2]) - threshold - penalty))
            if i >= 2 and j:
                steps.append((2, 1, float(sim21[i - 2, j - 1]) - threshold - penalty))
            for di, dj, gain in steps:
                if i >= di and j >= dj and best[i - di, j - dj] + gain > best[i, j]:
                    best[i, j] = best[i - di, j - dj] + gain
                    back[i, j] = (di, dj, gain)
    beads: BeadList = []
    i, j = n, m
    while i or j:
        di, dj, gain = back[i, j]
        beads.append(Bead(tuple(range(i - di, i)), tuple(range(j - dj, j)), gain + threshold if di and dj else 0.0))
        i, j = i - di, j - dj
    return beads[::-1]
