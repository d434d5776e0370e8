"""A disk cache of sentence vectors, so re-checking an article costs no re-embedding.

:class:`DiskCachedEmbedder` wraps any :class:`~compare.embed.Embedder`. Vectors are kept in one
SQLite file, keyed by the model (the embedder's class, model name and precision: the int8 and
fp32 ONNX models give different vectors) and a BLAKE2b hash of the sentence text. Re-running
a comparison, or a batch in which many rewrites share one original, embeds only sentences it
has never seen.

Where: ``$COMPARE_CACHE_DIR/embeddings.sqlite3`` when that variable is set (tests point it at
a temporary folder), else the user cache folder from platformdirs (``~/.cache/compare`` on
Linux). Delete the file to empty the cache. ``compare --no-cache`` does not use it.

Why SQLite: it is in the standard library, one file, safe with several processes (a batch
and a single comparison at once), and reads a few hundred keys in one query. A cache that
cannot be opened or written (a read-only folder, a corrupt file) is switched off with one
notice: the comparison itself never fails because of it.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from compare.embed import Embedder

#: The environment variable that moves the cache folder.
CACHE_ENV = "COMPARE_CACHE_DIR"
FILE_NAME = "embeddings.sqlite3"
_CHUNK = 500  # keys per SELECT: under SQLite's host-parameter limit on every version
_SCHEMA = """
CREATE TABLE IF NOT EXISTS vectors (
    model TEXT NOT NULL,
    hash BLOB NOT NULL,
    vector BLOB NOT NULL,
    PRIMARY KEY (model, hash)
) WITHOUT ROWID
"""


def cache_dir() -> Path:
    """The cache folder: ``$COMPARE_CACHE_DIR``, else the platform's user cache folder."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("compare", appauthor=False))


def model_key(embedder: Embedder) -> str:
    """What identifies an embedder's vectors: class, model name and precision, if any.

    >>> from compare.embed import Embedder
    >>> class Toy(Embedder):
    ...     name = "toy-model"
    ...     def embed_batch(self, texts): ...
    >>> model_key(Toy())
    'Toy:toy-model'
    """
    precision = getattr(embedder, "precision", "")
    return ":".join(part for part in (type(embedder).__name__, embedder.name, str(precision)) if part)


def text_hash(text: str) -> bytes:
    """A 16-byte BLAKE2b digest of the sentence text (its key in the cache)."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class DiskCachedEmbedder(Embedder):
    """Wraps ``inner`` with an on-disk text → vector cache.

    ``hits`` and ``misses`` count sentences found in and added to the cache. ``notify`` gets
    one line if the cache has to be switched off.

    >>> import tempfile, numpy as np
    >>> from compare.embed import Embedder
    >>> class Ones(Embedder):
    ...     name = "ones"
    ...     def embed_batch(self, texts):
    ...         return np.ones((len(texts), 2), dtype="f4") / np.sqrt(2)
    >>> folder = Path(tempfile.mkdtemp())
    >>> first = DiskCachedEmbedder(Ones(), folder=folder)
    >>> _ = first.embed_batch(["It rained.", "It rained.", "It snowed."])
    >>> second = DiskCachedEmbedder(Ones(), folder=folder)
    >>> _ = second.embed_batch(["It snowed."])
    >>> (first.misses, second.hits, second.misses)
    (2, 1, 0)
    """

    def __init__(
        self,
        inner: Embedder,
        *,
        folder: Path | None = None,
        key: str | None = None,
        notify: Callable[[str], None] | None = None,
    ) -> None:
        self.inner = inner
        self.name = inner.name
        self.key = key or model_key(inner)
        self.path = (folder or cache_dir()) / FILE_NAME
        self.hits = 0
        self.misses = 0
        self._notify = notify
        self._db: sqlite3.Connection | None = None
        self._db = self._open()

    def embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return self.inner.embed_batch(texts)
        hashes = [text_hash(t) for t in texts]
        found = self._lookup(set(hashes))
        missing = list(dict.fromkeys(t for t, h in zip(texts, hashes, strict=True) if h not in found))
        self.hits += len(set(hashes) & found.keys())
        if missing:
            vectors = np.asarray(self.inner.embed_batch(missing), dtype=np.float32)
            new = {text_hash(t): v for t, v in zip(missing, vectors, strict=True)}
            self._store(new)
            found.update(new)
            self.misses += len(missing)
        try:
            return np.stack([found[h] for h in hashes])
        except ValueError:  # vectors of two sizes under one key: a model directory was replaced
            self._off("cached vectors do not match the model's size; delete the file to rebuild it")
            return np.asarray(self.inner.embed_batch(texts), dtype=np.float32)

    def close(self) -> None:
        """Close the database (SQLite also closes it when the object is collected)."""
        if self._db is not None:
            self._db.close()
            self._db = None

    def _open(self) -> sqlite3.Connection | None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=10)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(_SCHEMA)
            db.commit()
            return db
        except (OSError, sqlite3.Error) as exc:
            self._off(f"cannot open {self.path}: {exc}")
            return None

    def _lookup(self, hashes: set[bytes]) -> dict[bytes, np.ndarray]:
        out: dict[bytes, np.ndarray] = {}
        if self._db is None:
            return out
        keys = list(hashes)
        try:
            for start in range(0, len(keys), _CHUNK):
                chunk = keys[start : start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(
                    f"SELECT hash, vector FROM vectors WHERE model = ? AND hash IN ({marks})",
                    [self.key, *chunk],
                )
                for digest, blob in rows:
                    out[bytes(digest)] = np.frombuffer(blob, dtype="<f4")
        except sqlite3.Error as exc:
            self._off(f"cannot read {self.path}: {exc}")
            return {}
        return out

    def _store(self, vectors: dict[bytes, np.ndarray]) -> None:
        if self._db is None:
            return
        rows = [(self.key, h, np.asarray(v, dtype="<f4").tobytes()) for h, v in vectors.items()]
        try:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO vectors (model, hash, vector) VALUES (?, ?, ?)", rows)
        except sqlite3.Error as exc:
            self._off(f"cannot write {self.path}: {exc}")

    def _off(self, why: str) -> None:
        if self._db is not None:
            self._db.close()
        self._db = None
        if self._notify:
            self._notify(f"compare: embedding cache switched off ({why})")
