"""Shared test set-up: a deterministic fake embedder, fixture paths, golden-file support."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from compare.embed import Embedder

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
TEST_FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLDEN = Path(__file__).resolve().parent / "golden"
SEED_A = FIXTURES / "asharq_al_awsat.txt"
SEED_B = FIXTURES / "jns.txt"

_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "and",
        "or",
        "by",
        "for",
        "from",
        "with",
        "as",
        "is",
        "was",
        "were",
        "be",
        "it",
        "its",
        "that",
        "this",
    ]
)


class FakeEmbedder(Embedder):
    """Hashed bag of content-word stems: deterministic, instant, and similar for shared words.

    Sentences sharing most of their content words get cosines near 1, unrelated ones near 0,
    which is all the stage tests need to exercise alignment logic without loading torch.
    """

    name = "fake"

    def __init__(self, dim: int = 512) -> None:
        self.dim = dim
        self.calls = 0

    def embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += 1
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                if word in _STOP:
                    continue
                digest = hashlib.blake2b(word[:6].encode(), digest_size=4).digest()
                out[row, int.from_bytes(digest, "little") % self.dim] += 1.0
            out[row, 0] += 1e-3  # no zero rows
        return out / np.linalg.norm(out, axis=1, keepdims=True)


@pytest.fixture(autouse=True)
def _embedding_cache_in_tmp(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI's embedding cache goes to the session's temporary folder, never the user's.

    (Only the vectors: the exported ONNX model stays in $COMPARE_CACHE_DIR, exported once.)
    """
    import compare.cache

    monkeypatch.setattr(compare.cache, "cache_dir", lambda: tmp_path_factory.getbasetemp() / "embedding-cache")


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture(scope="session")
def real_embedder() -> Embedder:
    """The real bundled all-MiniLM-L6-v2, loaded once per test session."""
    from compare.embed import SentenceTransformerEmbedder

    return SentenceTransformerEmbedder()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files from current output")


@pytest.fixture
def golden(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """``golden(name, text)`` compares ``text`` with tests/golden/NAME (or rewrites it)."""
    update = request.config.getoption("--update-golden")

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if update or not path.exists():
            if not update:
                pytest.fail(f"golden file {name} is missing: run pytest --update-golden")
            path.write_text(text, encoding="utf-8")
            return
        assert text == path.read_text(encoding="utf-8"), f"{name} differs: review, then pytest --update-golden"

    return check


@pytest.fixture(scope="session")
def fact_extractor():  # type: ignore[no-untyped-def]
    """The real spaCy pipeline (about a second to load), once per test session."""
    from compare.facts import FactExtractor

    return FactExtractor()
