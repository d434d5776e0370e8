"""What the on-disk embedding cache saves: ``python bench/cache_bench.py [--rows N]``.

Two measurements with the real bundled model, facts off (they do not use the embedder):

1. **Re-checking a pair**: the seed pair compared with an empty cache, then again.
2. **A batch sharing one original**: N rewrites of the seed original (each drops a different
   paragraph of the seed rewrite), compared without the disk cache and with it. Within one
   comparison the pipeline already embeds each sentence once; across comparisons only the
   disk cache avoids re-embedding the shared original.

It prints seconds and the number of sentences the model actually embedded.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from compare.cache import DiskCachedEmbedder  # noqa: E402 - after the path set-up
from compare.embed import Embedder  # noqa: E402
from compare.ingest import from_text, read_article  # noqa: E402
from compare.pipeline import compare_articles  # noqa: E402

SEED_A = ROOT / "fixtures" / "asharq_al_awsat.txt"
SEED_B = ROOT / "fixtures" / "jns.txt"


class Counted(Embedder):
    """Counts the sentences that reach the model."""

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        self.name = inner.name
        self.precision = getattr(inner, "precision", "")
        self.sentences = 0

    def embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        self.sentences += len(texts)
        return self.inner.embed_batch(texts)


def model() -> Embedder:
    try:
        from compare.embed import load_embedder  # the ONNX backend, where this checkout has it
    except ImportError:
        from compare.embed import SentenceTransformerEmbedder

        return SentenceTransformerEmbedder()
    return load_embedder()


def rewrites(n: int) -> list[str]:
    paragraphs = [p for p in SEED_B.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    return ["\n\n".join(p for j, p in enumerate(paragraphs) if j != k % len(paragraphs)) for k in range(n)]


def timed(embedder: Embedder, pairs: list[tuple[str, str]]) -> float:
    start = time.perf_counter()
    for a, b in pairs:
        compare_articles([from_text(a, "A"), from_text(b, "B")], embedder)
    return time.perf_counter() - start


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10, help="rewrites in the batch scenario (default 10)")
    args = parser.parse_args(argv)
    inner = model()
    print(f"model: {type(inner).__name__} {inner.name}")
    original = read_article(SEED_A, "A").text
    seed = [(original, read_article(SEED_B, "B").text)]
    inner.embed_batch(["warm-up sentence"])  # load lazily initialised parts outside the timings

    with tempfile.TemporaryDirectory() as folder:
        print("\n1. re-checking the seed pair")
        for label in ("cold cache", "warm cache"):
            counted = Counted(inner)
            cached = DiskCachedEmbedder(counted, folder=Path(folder))
            seconds = timed(cached, seed)
            print(f"   {label:<12} {seconds:6.2f} s  {counted.sentences:5d} sentences embedded  ({cached.hits} hits)")

    batch = [(original, b) for b in rewrites(args.rows)]
    print(f"\n2. a batch of {args.rows} rewrites of one original")
    counted = Counted(inner)
    seconds = timed(counted, batch)
    print(f"   {'no cache':<12} {seconds:6.2f} s  {counted.sentences:5d} sentences embedded")
    with tempfile.TemporaryDirectory() as folder:
        counted = Counted(inner)
        cached = DiskCachedEmbedder(counted, folder=Path(folder))
        seconds = timed(cached, batch)
        print(
            f"   {'disk cache':<12} {seconds:6.2f} s  {counted.sentences:5d} sentences embedded  ({cached.hits} hits)"
        )
        counted = Counted(inner)
        cached = DiskCachedEmbedder(counted, folder=Path(folder))
        seconds = timed(cached, batch)
        print(f"   {'re-run':<12} {seconds:6.2f} s  {counted.sentences:5d} sentences embedded  ({cached.hits} hits)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
