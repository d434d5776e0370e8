"""Small, dependency-free model fitting for the benchmark: k folds, thresholds, logistic models."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np


def folds(y: np.ndarray, k: int = 5, seed: int = 0) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Stratified k-fold splits: (train indices, test indices), each class spread evenly.

    >>> y = np.array([0, 0, 0, 0, 1, 1, 1, 1, 1, 1])
    >>> [sorted(y[test].tolist()) for _, test in folds(y, 2)]
    [[0, 0, 1, 1, 1], [0, 0, 1, 1, 1]]
    """
    rng = np.random.default_rng(seed)
    bucket = np.empty(len(y), dtype=int)
    for cls in np.unique(y):
        idx = rng.permutation(np.flatnonzero(y == cls))
        bucket[idx] = np.arange(len(idx)) % k
    for f in range(k):
        yield np.flatnonzero(bucket != f), np.flatnonzero(bucket == f)


def best_threshold(score: np.ndarray, y: np.ndarray) -> float:
    """The cut that maximises accuracy of ``score >= cut`` predicting ``y`` (midpoint of a gap).

    >>> best_threshold(np.array([0.1, 0.4, 0.6, 0.9]), np.array([0, 0, 1, 1]))
    0.5
    """
    order = np.argsort(score)
    s, t = score[order], y[order].astype(int)
    # predicting positive from position p on: correct = negatives before p + positives from p
    correct = np.concatenate([[0], np.cumsum(1 - t)]) + np.concatenate([np.cumsum(t[::-1])[::-1], [0]])
    cuts = np.concatenate([[s[0] - 1e-6], (s[:-1] + s[1:]) / 2, [s[-1] + 1e-6]])
    return float(cuts[int(np.argmax(correct))])


@dataclass(frozen=True, slots=True)
class Logistic:
    """A fitted logistic model: ``P(y=1) = sigmoid(bias + weights . x)``."""

    bias: float
    weights: tuple[float, ...]

    def logit(self, x: np.ndarray) -> np.ndarray:
        return np.asarray(self.bias + x @ np.asarray(self.weights))


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1e-2, steps: int = 50) -> Logistic:
    """Newton's method on the L2-penalised log-likelihood (the intercept is not penalised).

    >>> m = fit_logistic(np.array([[0.0], [1.0], [2.0], [3.0]]), np.array([0, 0, 1, 1]), l2=1.0)
    >>> bool(m.weights[0] > 0), float(m.logit(np.array([[1.5]]))[0]) == m.bias + 1.5 * m.weights[0]
    (True, True)
    """
    design = np.column_stack([np.ones(len(x)), x])
    beta = np.zeros(design.shape[1])
    penalty = np.eye(design.shape[1]) * l2 * len(x)
    penalty[0, 0] = 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(design @ beta)))
        grad = design.T @ (p - y) + penalty @ beta
        hess = design.T @ (design * (p * (1 - p))[:, None]) + penalty + 1e-9 * np.eye(len(beta))
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return Logistic(float(beta[0]), tuple(float(w) for w in beta[1:]))


Predict = Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray]


def cross_validate(y: np.ndarray, predict: Predict, k: int = 5, seed: int = 0) -> np.ndarray:
    """Out-of-fold predictions: ``predict(train_idx, test_idx, y_train)`` gives the test labels."""
    out = np.zeros(len(y), dtype=bool)
    for train, test in folds(y, k, seed):
        out[test] = predict(train, test, y[train])
    return out


def binary_scores(pred: np.ndarray, y: np.ndarray) -> dict[str, float]:
    """Accuracy, and precision / recall / F1 of each class (1 = paraphrase, 0 = changed).

    >>> s = binary_scores(np.array([1, 1, 0, 0], bool), np.array([1, 0, 0, 0], bool))
    >>> s["accuracy"], s["f1_paraphrase"], round(s["f1_changed"], 3)
    (0.75, 0.6666666666666666, 0.8)
    """
    out = {"accuracy": float(np.mean(pred == y))}
    for name, cls in (("paraphrase", True), ("changed", False)):
        tp = float(np.sum((pred == cls) & (y == cls)))
        p = tp / max(float(np.sum(pred == cls)), 1.0)
        r = tp / max(float(np.sum(y == cls)), 1.0)
        out[f"precision_{name}"], out[f"recall_{name}"] = p, r
        out[f"f1_{name}"] = 2 * p * r / (p + r) if p + r else 0.0
    return out
