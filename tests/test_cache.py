from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from compare.cache import CACHE_ENV, FILE_NAME, DiskCachedEmbedder, cache_dir, model_key
from compare.ingest import read_article
from compare.pipeline import compare_articles
from tests.conftest import TEST_FIXTURES, FakeEmbedder


class Counting(FakeEmbedder):
    """The fake embedder, counting the sentences it is asked to embed."""

    def __init__(self, name: str = "fake") -> None:
        super().__init__()
        self.name = name
        self.sentences = 0

    def embed_batch(self, texts):  # type: ignore[no-untyped-def]
        self.sentences += len(texts)
        return super().embed_batch(texts)


def test_vectors_round_trip_and_a_rerun_embeds_nothing(tmp_path: Path) -> None:
    inner = Counting()
    cached = DiskCachedEmbedder(inner, folder=tmp_path)
    texts = ["The storm hit the coast.", "Two towns flooded.", "The storm hit the coast."]
    first = cached.embed_batch(texts)
    assert inner.sentences == 2 and (cached.hits, cached.misses) == (0, 2)
    again = DiskCachedEmbedder(Counting(), folder=tmp_path)
    np.testing.assert_array_equal(again.embed_batch(texts), first)
    assert again.inner.sentences == 0 and again.hits == 2  # type: ignore[attr-defined]
    assert again.embed_batch([]).shape[0] == 0


def test_a_comparison_rerun_hits_the_cache(tmp_path: Path) -> None:
    articles = [read_article(TEST_FIXTURES / "original.txt", "A"), read_article(TEST_FIXTURES / "rewrite.txt", "B")]
    cold = DiskCachedEmbedder(Counting(), folder=tmp_path)
    expected = compare_articles(articles, cold)
    warm_inner = Counting()
    warm = DiskCachedEmbedder(warm_inner, folder=tmp_path)
    got = compare_articles(articles, warm)
    assert warm_inner.sentences == 0 and warm.misses == 0 and warm.hits > 0
    assert got.alignments == expected.alignments and got.model == "fake"


def test_models_do_not_share_vectors(tmp_path: Path) -> None:
    DiskCachedEmbedder(Counting("model-a"), folder=tmp_path).embed_batch(["Same sentence."])
    other = DiskCachedEmbedder(Counting("model-b"), folder=tmp_path)
    other.embed_batch(["Same sentence."])
    assert other.misses == 1
    assert model_key(Counting("m")) == "Counting:m"


def test_cache_folder_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()  # conftest points the cache at the session's temporary folder
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "here"))
    assert cache_dir() == tmp_path / "here"
    DiskCachedEmbedder(Counting()).embed_batch(["One."])
    assert (tmp_path / "here" / FILE_NAME).is_file()
    monkeypatch.delenv(CACHE_ENV)
    assert cache_dir().name == "compare"


def test_an_unusable_cache_is_switched_off_not_fatal(tmp_path: Path) -> None:
    notes: list[str] = []
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    cached = DiskCachedEmbedder(Counting(), folder=blocked, notify=notes.append)
    assert cached.embed_batch(["Still works."]).shape == (1, 512)
    assert len(notes) == 1 and "embedding cache switched off" in notes[0]

    corrupt = tmp_path / "corrupt"
    corrupt.mkdir()
    (corrupt / FILE_NAME).write_bytes(b"this is not a database" * 100)
    notes.clear()
    cached = DiskCachedEmbedder(Counting(), folder=corrupt, notify=notes.append)
    assert cached.embed_batch(["Still works."]).shape == (1, 512)
    assert len(notes) == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write a read-only folder")
def test_read_only_folder(tmp_path: Path) -> None:
    tmp_path.chmod(0o500)
    try:
        notes: list[str] = []
        cached = DiskCachedEmbedder(Counting(), folder=tmp_path / "sub", notify=notes.append)
        assert cached.embed_batch(["Works."]).shape == (1, 512) and notes
    finally:
        tmp_path.chmod(0o700)


def test_the_database_schema(tmp_path: Path) -> None:
    DiskCachedEmbedder(Counting(), folder=tmp_path).embed_batch(["A sentence."])
    with sqlite3.connect(tmp_path / FILE_NAME) as db:
        (model, digest, blob) = db.execute("SELECT model, hash, vector FROM vectors").fetchone()
    assert model == "Counting:fake" and len(digest) == 16 and len(blob) == 512 * 4
