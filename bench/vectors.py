"""The benchmark's own store of sentence vectors, so that reruns do not re-embed.

It lives in ``bench/results/.cache`` (git-ignored): one ``.npz`` per model, holding the texts and
their vectors, written atomically (a temporary file, then a rename). It is kept apart from the
package's cache so that benchmark runs never touch a user's cache, and it loads the model only
when a text is missing.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from compare.embed import Embedder


class VectorCache(Embedder):
    """Wraps an embedder (created only when a text is missing) with a persistent text → vector map."""

    def __init__(self, model: str, folder: Path, make: type[Embedder] | None = None) -> None:
        self.name = model
        self._make = make
        self._inner: Embedder | None = None
        digest = hashlib.sha1(model.encode()).hexdigest()[:12]
        self.path = folder / f"vectors-{digest}.npz"
        self._memo: dict[str, np.ndarray] = {}
        self._dirty = False
        if self.path.exists():
            with np.load(self.path, allow_pickle=False) as data:
                texts = json.loads(data["texts"].tobytes().decode("utf-8"))
                self._memo = dict(zip(texts, data["vectors"], strict=True))

    def _embedder(self) -> Embedder:
        if self._inner is None:
            if self._make is None:
                from compare.embed import SentenceTransformerEmbedder

                self._inner = SentenceTransformerEmbedder(self.name)
            else:
                self._inner = self._make()
        return self._inner

    def embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        missing = list(dict.fromkeys(t for t in texts if t not in self._memo))
        if missing:
            for text, vec in zip(missing, self._embedder().embed_batch(missing), strict=True):
                self._memo[text] = np.asarray(vec, dtype=np.float32)
            self._dirty = True
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([self._memo[t] for t in texts])

    def save(self) -> None:
        """Write the cache if anything was added (atomically)."""
        if not self._dirty or not self._memo:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        texts = list(self._memo)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, suffix=".npz.tmp")
        os.close(fd)
        with Path(tmp).open("wb") as handle:
            # Texts as UTF-8 JSON bytes: a NumPy string array pads every text to the longest one.
            blob = np.frombuffer(json.dumps(texts).encode("utf-8"), dtype=np.uint8)
            np.savez(handle, texts=blob, vectors=np.stack([self._memo[t] for t in texts]))
        Path(tmp).replace(self.path)
        self._dirty = False
