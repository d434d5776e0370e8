"""The bar of the spine, on the seed pair, with the real bundled model."""

from __future__ import annotations

from datetime import date

import pytest

from compare import Comparison, compare_articles, load_article
from compare.embed import Embedder
from compare.facts import FactExtractor
from compare.ingest import Metadata
from tests.conftest import SEED_A, SEED_B

pytestmark = pytest.mark.model


def _compare(embedder: Embedder, extractor: FactExtractor, published: date | None) -> Comparison:
    a = load_article(SEED_A, "A", Metadata("Asharq al-Awsat", published))
    b = load_article(SEED_B, "B", Metadata("JNS", published))
    return compare_articles([a, b], embedder, facts=extractor)


@pytest.fixture(scope="module")
def seed(real_embedder: Embedder, fact_extractor: FactExtractor) -> Comparison:
    return _compare(real_embedder, fact_extractor, date(2023, 9, 1))


@pytest.fixture(scope="module")
def undated(real_embedder: Embedder, fact_extractor: FactExtractor) -> Comparison:
    return _compare(real_embedder, fact_extractor, None)


def found(comparison: Comparison, kind: str) -> list[tuple[str | None, str | None, str, str, str]]:
    return [
        (c.a_sentence, c.b_sentence, c.before.text if c.before else "", c.after.text if c.after else "", c.detail)
        for c in comparison.changes
        if c.kind == kind
    ]


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


# --- the facts of EXPECTED.md ("Facts added, dropped or changed") ---------------------------


def test_core_claim_attribution_regime_sources_to_newspaper(seed: Comparison) -> None:
    a1 = [x for x in found(seed, "attribution_changed") if x[:2] == ("A1", "B1")]
    assert len(a1) == 1
    _, _, before, after, detail = a1[0]
    assert "Syrian regime sources" in before and "Asharq al-Awsat reported" in after
    assert detail.startswith("anonymous source → outlet")


def test_other_attribution_changes(seed: Comparison) -> None:
    changes = {(a, b): (before, after, detail) for a, b, before, after, detail in found(seed, "attribution_changed")}
    assert changes[("A8", "B3")][:2] == ("confirmed the source", "the report stated")
    assert "told" in changes[("A5", "B4")][0] and "the news outlet" in changes[("A5", "B4")][1]
    assert "same source" in changes[("A5", "B4")][2]
    for pair, phrase in ((("A6", "B5"), "according to the report"), (("A11", "B7"), "according to Asharq al-Awsat")):
        assert changes[pair][0] == "" and changes[pair][1] == phrase
        assert "own voice" in changes[pair][2]
    assert "London-based Arabic daily" in changes[("A4", "B2")][1]
    assert "Asharq al-Awsat (A's outlet)" in changes[("A4", "B2")][2]


def test_facility_renamed_not_dropped_and_added(seed: Comparison) -> None:
    renamed = found(seed, "entity_renamed")
    assert [(a, b) for a, b, *_ in renamed] == [("A10", "B8")]
    assert renamed[0][2] == "Military Scientific Research Center"
    assert renamed[0][3].startswith("Scientific Studies and Research Center") and "SSRC" in renamed[0][3]
    names = [x for kind in ("fact_added", "fact_dropped") for x in found(seed, kind)]
    assert not [x for x in names if "Research Center" in x[2] + x[3] or "SSRC" in x[2] + x[3]]


def test_wednesday_against_aug_31(seed: Comparison, undated: Comparison) -> None:
    conflict = found(seed, "date_conflict")
    assert [(a, b, before, after) for a, b, before, after, _ in conflict] == [("A4", "B2", "Wednesday", "Aug. 31")]
    assert "2023-08-30" in conflict[0][4] and "Thursday" in conflict[0][4]
    assert [(a, b, x, y) for a, b, x, y, _ in found(undated, "date_changed")] == [("A4", "B2", "Wednesday", "Aug. 31")]
    assert found(undated, "date_conflict") == []


def test_added_dates_and_details(seed: Comparison) -> None:
    added = {(b, after) for _, b, _, after, _ in found(seed, "fact_added")}
    assert {("B1", "Friday"), ("B8", "Aug. 25")} <= added
    assert ("B8", "a Syrian weapons installation") in added
    assert any(b == "B8" and "northwestern region" in text for b, text in added)


def test_dropped_details(seed: Comparison) -> None:
    dropped = {(a, before) for a, _, before, _, _ in found(seed, "fact_dropped")}
    assert ("A10", "and other camps") in dropped
    assert any(a == "A10" and "40 kilometers west of the center of Hama governorate" in text for a, text in dropped)
    assert any(a == "A2" and "recent days" in text for a, text in dropped)


def test_certainty_shift(seed: Comparison) -> None:
    shifts = found(seed, "certainty_changed")
    assert [(a, b) for a, b, *_ in shifts] == [("A11", "B7")]
    assert "past-progressive → present" in shifts[0][4]


def test_new_sources_and_intact_quotes(seed: Comparison) -> None:
    sources = [(b, after) for _, b, _, after, _ in found(seed, "new_source")]
    assert sources == [("B9", "According to Ynet"), ("B10", "according to the report")]
    assert [detail.split()[0] for *_, detail in found(seed, "new_source")] == ["outlet", "document"]
    assert [(a, b) for a, b, *_ in found(seed, "quote_intact")] == [("A5", "B4"), ("A7", "B6")]
    assert found(seed, "quote_altered") == []


def test_every_finding_is_traceable_to_its_text(seed: Comparison) -> None:
    texts = {r.article.id: r.article.text for r in seed.articles}
    for change in seed.changes:
        for fact in (change.before, change.after):
            if fact:
                assert texts[fact.sentence[0]][fact.start : fact.end] == fact.text
