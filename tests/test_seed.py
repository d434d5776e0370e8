"""The bar of the spine, on the seed pair, with the real bundled model."""

from __future__ import annotations

from datetime import date

import pytest

from compare import Comparison, compare_articles, load_article
from compare.embed import Embedder
from compare.ingest import Metadata
from tests.conftest import SEED_A, SEED_B

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def seed(real_embedder: Embedder) -> Comparison:
    a = load_article(SEED_A, "A", Metadata("Asharq al-Awsat", date(2023, 9, 1)))
    b = load_article(SEED_B, "B", Metadata("JNS", date(2023, 9, 1)))
    return compare_articles([a, b], real_embedder)


def links(comparison: Comparison) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for x in comparison.alignments:
        for i in x.a:
            out.setdefault(i, set()).update(x.b)
    return out


def test_news_sentences_of_the_syria_story_only(seed: Comparison) -> None:
    assert [s.id for s in seed.articles[0].news] == [f"A{i}" for i in range(1, 12)]
    assert [s.id for s in seed.articles[1].news] == [f"B{i}" for i in range(1, 11)]


def test_alignment_table_of_expected_md(seed: Comparison) -> None:
    got = links(seed)
    assert got["A1"] == {"B1"}
    assert "B1" in got["A2"] and got["A2"] <= {"B1", "B3"}  # merged into B1 (B3 restates it)
    assert got["A4"] == {"B2"}
    assert got["A5"] == {"B4"}
    assert got["A6"] == {"B5"}
    assert got["A7"] == {"B6"}
    assert "B3" in got["A8"] or "B3" in got["A2"]
    assert got["A8"] <= {"B3"}
    assert got["A10"] == {"B8"}
    assert got["A11"] == {"B7"}
    assert got["A3"] == set() and got["A9"] == set()
    merged = next(x for x in seed.alignments if "B1" in x.b)
    assert merged.a == ("A1", "A2")


def test_dropped_and_added(seed: Comparison) -> None:
    dropped = [x.a for x in seed.alignments if x.verdict == "dropped"]
    added = [x.b for x in seed.alignments if x.verdict == "added"]
    assert dropped == [("A3",), ("A9",)]
    assert added == [("B9",), ("B10",)]


def test_furniture_second_story_and_appeal_are_never_claims(seed: Comparison) -> None:
    a, b = seed.articles
    compared = {i for x in seed.alignments for i in (*x.a, *x.b)}
    for result in (a, b):
        for s in result.sentences:
            if s.role != "news":
                assert s.id not in compared
    roles_a = {s.text: s.role for s in a.sentences}
    assert roles_a["TT"] in {"furniture", "other_story"}
    assert all(
        s.role in {"headline", "caption", "furniture", "other_story"}
        for s in a.sentences
        if s.text.startswith(("A photo of", "Russia Calls on Iran"))
    )
    assert sum(s.role == "other_story" for s in a.sentences) >= 9
    assert any(note.startswith("second story detected and set aside") for note in a.notes)
    appeal = [s for s in b.sentences if s.start >= b.article.text.index("Every story is a world")]
    assert appeal and all(s.role == "boilerplate" for s in appeal)


def test_real_embeddings_are_unit_float32(real_embedder: Embedder) -> None:
    vectors = real_embedder.embed_batch(["The army left on Monday.", "Troops withdrew on Monday."])
    assert vectors.dtype.name == "float32" and vectors.shape == (2, 384)
    assert abs(float((vectors**2).sum(axis=1).max()) - 1.0) < 1e-5
    assert float(vectors[0] @ vectors[1]) > 0.5
