"""The ``reworded`` / ``changed`` decision on MSRP sentence pairs.

MSRP label 1 (same content) is the pipeline's ``reworded`` (or ``identical``), label 0
(related, different content) is ``changed``. Every system with a fitted part is scored by
5-fold stratified cross-validation: thresholds and coefficients are fitted on four folds and
scored on the fifth, so no pair is judged by a model that saw it.

Systems:

* ``majority``: always "paraphrase" (the share of label 1);
* ``difflib ratio``: word-level ``SequenceMatcher.ratio() >= t`` (baseline);
* ``MiniLM cosine``: cosine of the bundled model's embeddings ``>= t`` (baseline);
* ``detail rule``: :func:`compare.verdict.verdict` without a cosine (any changed number, name,
  date or negation is a change) — nothing fitted;
* ``compare.verdict``: the verdict's logistic model over :class:`compare.verdict.Evidence`,
  its coefficients fitted on the training folds, plus the verdict's rule that a contradicted
  figure is always a change; also scored without that rule, to show what it costs on MSRP
  (whose annotators often call pairs with different figures paraphrases);
* ``shipped``: :func:`compare.verdict.verdict` with the coefficients in
  :class:`compare.config.Config` (fitted on all of MSRP, so in-sample: a check that the
  constants in the package are the ones the benchmark fits, not a quality estimate).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from bench.baselines import word_ratio
from bench.data import Pair
from bench.fit import Logistic, best_threshold, binary_scores, cross_validate, fit_logistic, folds
from compare.config import Config
from compare.diff import diff_tokens, tokenize
from compare.embed import Embedder
from compare.models import Sentence, Token
from compare.verdict import FEATURES, evidence, verdict

K = 5
#: L2 penalty of the verdict model, per example: barely there (8 coefficients, 3,000+ pairs a fold).
L2 = 1e-5


def tokens(text: str, article: str) -> tuple[Token, ...]:
    return tokenize([Sentence(f"{article}1", article, text, 0, len(text), "news")])


@dataclass(frozen=True, slots=True)
class Table:
    """Everything measured once per pair; the systems only read it."""

    paraphrase: np.ndarray  # bool, the gold label
    cosine: np.ndarray
    ratio: np.ndarray  # difflib word ratio (the baseline's score)
    features: np.ndarray  # compare.verdict.Evidence.features(), one row per pair
    identical: np.ndarray  # bool: the diff is all "equal"
    conflicts: np.ndarray  # bool: a contradicted figure (the verdict's rule makes these "changed")
    rule_changed: np.ndarray  # bool: the detail rule says "changed"
    shipped_changed: np.ndarray  # bool: verdict() with the cosine and the shipped Config


def measure(pairs: Sequence[Pair], embedder: Embedder, config: Config) -> Table:
    """Embed both sides of every pair and compute every system's inputs."""
    va = embedder.embed_batch([p.a for p in pairs])
    vb = embedder.embed_batch([p.b for p in pairs])
    cosine = np.einsum("ij,ij->i", va, vb).astype(float)
    rows, identical, conflicts, rule, shipped = [], [], [], [], []
    for pair, cos in zip(pairs, cosine, strict=True):
        ta, tb = tokens(pair.a, "A"), tokens(pair.b, "B")
        ops = diff_tokens(ta, tb)
        ev = evidence(ta, tb, ops, float(cos), config.figure_tolerance)
        rows.append(ev.features())
        conflicts.append(ev.conflicts > 0)
        identical.append(all(op.tag == "equal" for op in ops))
        rule.append(verdict(ta, tb, ops)[0] == "changed")
        shipped.append(verdict(ta, tb, ops, float(cos), config)[0] == "changed")
    return Table(
        paraphrase=np.array([p.paraphrase for p in pairs]),
        cosine=cosine,
        ratio=np.array([word_ratio(p.a, p.b) for p in pairs]),
        features=np.array(rows, dtype=float),
        identical=np.array(identical),
        conflicts=np.array(conflicts),
        rule_changed=np.array(rule),
        shipped_changed=np.array(shipped),
    )


def _threshold_system(score: np.ndarray, y: np.ndarray) -> np.ndarray:
    def predict(train: np.ndarray, test: np.ndarray, y_train: np.ndarray) -> np.ndarray:
        return np.asarray(score[test] >= best_threshold(score[train], y_train))

    return cross_validate(y, predict, K)


def fit_verdict(table: Table, idx: np.ndarray, conflict_rule: bool = True) -> Logistic:
    """The verdict model (log-odds of *changed*) fitted on the pairs ``idx``.

    With the conflict rule, pairs with a contradicted figure are left out of the fit: the
    rule decides them, so the model only has to learn the others.
    """
    if conflict_rule:
        idx = idx[~table.conflicts[idx]]
    return fit_logistic(table.features[idx], ~table.paraphrase[idx], l2=L2)


def _verdict_system(table: Table, conflict_rule: bool = True) -> np.ndarray:
    def predict(train: np.ndarray, test: np.ndarray, y_train: np.ndarray) -> np.ndarray:
        model = fit_verdict(table, train, conflict_rule)
        same = model.logit(table.features[test]) <= 0
        if conflict_rule:
            same &= ~table.conflicts[test]
        return np.asarray(table.identical[test] | same)

    return cross_validate(table.paraphrase, predict, K)


def _fold_accuracy(pred: np.ndarray, y: np.ndarray) -> list[float]:
    """The accuracy on each test fold."""
    return [float(np.mean(pred[test] == y[test])) for _, test in folds(y, K)]


def run(table: Table) -> dict[str, Any]:
    """Scores of every system, and the verdict coefficients fitted on all pairs."""
    y = table.paraphrase
    systems = {
        "majority (always paraphrase)": (np.ones_like(y), False),
        "difflib word ratio ≥ t (baseline)": (_threshold_system(table.ratio, y), True),
        "MiniLM cosine ≥ t (baseline)": (_threshold_system(table.cosine, y), True),
        "detail rule: verdict() without cosine": (~table.rule_changed, False),
        "compare.verdict model alone (no figure-conflict rule)": (_verdict_system(table, False), True),
        "compare.verdict (model + figure-conflict rule)": (_verdict_system(table), True),
    }
    out: dict[str, Any] = {"pairs": len(y), "paraphrase_share": float(y.mean()), "folds": K, "systems": {}}
    for name, (pred, fitted) in systems.items():
        scores: dict[str, Any] = dict(binary_scores(pred, y))
        scores["cv"] = fitted
        per_fold = _fold_accuracy(pred, y) if fitted else []
        scores["accuracy_fold_sd"] = float(np.std(per_fold)) if fitted else 0.0
        scores["accuracy_folds"] = [round(a, 4) for a in per_fold]
        out["systems"][name] = scores
    full = fit_verdict(table, np.arange(len(y)))
    out["fitted_constants"] = {"verdict_bias": round(full.bias, 3)} | {
        f"verdict_{n}": round(w, 3) for n, w in zip(FEATURES, full.weights, strict=True)
    }
    out["shipped_in_sample"] = binary_scores(~table.shipped_changed, y)
    return out
