"""Bead selection: the per-group exact search finds what one MILP over all beads finds."""

from __future__ import annotations

import random

import numpy as np
import pytest

import compare.align as align_module
from compare.align import Candidate, _select


def _reference(beads: list[Candidate], n_a: int, n_b: int) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """The original formulation: one dense 0/1 programme over every bead."""
    from scipy.optimize import Bounds, LinearConstraint, milp

    if not beads:
        return []
    usage = np.zeros((n_a + n_b, len(beads)))
    for col, ((ai, bj), _) in enumerate(beads):
        usage[list(ai), col] = 1
        usage[[n_a + j for j in bj], col] = 1
    gains = np.array([max(gain, 1e-6) for _, gain in beads])
    result = milp(
        -gains, constraints=LinearConstraint(usage, 0, 1), integrality=np.ones(len(beads)), bounds=Bounds(0, 1)
    )
    return [beads[c][0] for c in np.flatnonzero(result.x > 0.5)]


def _instance(rng: random.Random) -> tuple[list[Candidate], int, int]:
    """Beads like align's: 1-1 pairs near the diagonal, and merges/splits of neighbours."""
    n_a, n_b = rng.randint(1, 14), rng.randint(1, 14)
    beads: list[Candidate] = []
    for i in range(n_a):
        for j in range(n_b):
            if rng.random() < 0.25:
                beads.append((((i,), (j,)), rng.uniform(-0.02, 0.5)))
                if i + 1 < n_a and rng.random() < 0.3:
                    beads.append((((i, i + 1), (j,)), rng.uniform(0.0, 0.7)))
                if j + 1 < n_b and rng.random() < 0.3:
                    beads.append((((i,), (j, j + 1)), rng.uniform(0.0, 0.7)))
    return beads, n_a, n_b


def _total(chosen: list[tuple[tuple[int, ...], tuple[int, ...]]], beads: list[Candidate]) -> float:
    gains = {key: max(gain, 1e-6) for key, gain in beads}
    return sum(gains[key] for key in chosen)


def _valid(chosen: list[tuple[tuple[int, ...], tuple[int, ...]]]) -> bool:
    used = [("a", i) for ai, _ in chosen for i in ai] + [("b", j) for _, bj in chosen for j in bj]
    return len(used) == len(set(used))


@pytest.mark.parametrize("search_nodes", [20_000, 1])  # 1: every group of two or more goes to the MILP
def test_same_choice_as_one_milp_over_all_beads(search_nodes: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(align_module, "_SEARCH_NODES", search_nodes)
    rng = random.Random(20231)
    for _ in range(80):
        beads, n_a, n_b = _instance(rng)
        got, want = _select(beads, n_a, n_b), _reference(beads, n_a, n_b)
        assert _valid(got)
        assert _total(got, beads) >= _total(want, beads) - 1e-9
        assert sorted(got) == sorted(want)  # random gains: no exact ties


def test_exact_ties_are_broken_the_same_way_every_time() -> None:
    """A sentence repeated word for word ties two assignments; the choice is deterministic."""
    beads: list[Candidate] = [(((0,), (0,)), 0.4), (((0,), (1,)), 0.4), (((1,), (0,)), 0.3), (((1,), (1,)), 0.3)]
    first = _select(beads, 2, 2)
    assert _valid(first) and len(first) == 2
    assert all(_select(list(beads), 2, 2) == first for _ in range(5))


def test_lone_beads_are_always_taken_and_nothing_needs_scipy_for_news_sizes() -> None:
    beads: list[Candidate] = [(((0,), (1,)), 0.2), (((2,), (2,)), -0.1), (((1, 3), (0,)), 0.05)]
    assert _select(beads, 4, 3) == [((0,), (1,)), ((2,), (2,)), ((1, 3), (0,))]


def test_a_weak_bead_dropped_for_lack_of_support_gives_its_sentence_back() -> None:
    # The lead A0 matches B0 strongly, but A0 → B2 (an added sentence on the same topic) plus
    # the split A1 → B0 + B1 score more together; both are weak and unsupported, so taking them
    # would leave nothing. The lead's own link is chosen instead.
    from compare.align import _select_supported
    from compare.config import Config

    sim = np.array([[0.717, 0.34, 0.68], [0.549, 0.496, 0.296]])
    config = Config()
    beads: list[Candidate] = [
        (((0,), (0,)), 0.217),
        (((0,), (2,)), 0.18),
        (((1,), (0,)), 0.049),
        (((1,), (0, 1)), 0.156),
    ]
    assert _select(beads, 2, 3) == [((0,), (2,)), ((1,), (0, 1))]
    assert _select_supported(beads, sim, config) == [((0,), (0,))]


def test_a_weak_lead_that_is_a_mutual_best_match_survives_the_second_round() -> None:
    from compare.align import _select_supported
    from compare.config import Config

    sim = np.full((6, 6), 0.05)
    sim[0, 0], sim[0, 1], sim[1, 0], sim[1, 1] = 0.65, 0.6, 0.5, 0.55
    beads: list[Candidate] = [(((0,), (0,)), 0.10), (((1,), (0, 1)), 0.30)]
    assert _select_supported(beads, sim, Config()) == [((0,), (0,))]
