"""The embedding backends: the ONNX backend agrees with the torch reference; backend choice."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import numpy as np
import pytest

import compare.embed
from compare import Comparison, compare_articles, load_article
from compare.embed import BUNDLED, CachingEmbedder, Embedder, OnnxEmbedder, load_embedder, model_spec
from compare.errors import ModelError
from compare.ingest import Metadata
from compare.onnx_model import onnx_path, spec
from tests.conftest import SEED_A, SEED_B, FakeEmbedder
from tests.test_seed import links

#: Three dozen news-like sentences: reworded pairs, changed numbers, unrelated lines, odd text.
SENTENCES = [
    "Russia asked Iran to evacuate its militias from military sites in western Hama.",
    "Moscow told Tehran to pull its fighters out of army bases in the west of Hama.",
    "The meeting included three Russian officers and their Iranian counterparts.",
    "Three Russian officers met their Iranian counterparts on Thursday.",
    "The army withdrew from the town, officials said, to avoid the coming air strikes.",
    "Troops left the town on Monday to escape expected air raids.",
    "The storm flooded three coastal towns on Monday.",
    "The storm flooded four coastal towns on Tuesday.",
    "Forty families were moved to emergency shelters overnight.",
    "Residents accused the government of ignoring repeated warnings.",
    "Engineers expect repairs to the sea wall to take two weeks.",
    "The central bank raised interest rates by half a point.",
    "Markets fell sharply in early trading after the announcement.",
    "The company reported a quarterly profit of $2.5 billion, up 12 percent.",
    "Quarterly profit rose 12 percent to $2.5 billion, the company said.",
    "He denied the allegations and said he would appeal.",
    "She confirmed the allegations but declined to comment further.",
    "The minister resigned after the report was published.",
    "According to a statement, the talks will resume next month in Geneva.",
    "Talks are set to restart in Geneva next month, a statement said.",
    "No one was injured in the blast, police said.",
    "At least 14 people were killed in the explosion, police said.",
    "The vote was delayed until after the elections.",
    "Officials approved the merger on Friday.",
    "The deal was rejected by regulators late on Friday.",
    "Inflation slowed to 3.1% in March from 3.4% in February.",
    "The Pentagon declined to comment on the report.",
    "A spokesman for the ministry said the claims were “baseless”.",
    "The ministry called the claims baseless.",
    "Syria",
    "",
    "Every story is a world; subscribe to support our journalism.",
    "Photo: AFP",
    "   leading and trailing spaces   ",
    "A very long sentence " + "that keeps going and going " * 60 + "until it is truncated.",
    "Émigrés in Zürich said naïve café owners were façade-building — “really”.",
]


@pytest.fixture(scope="module")
def onnx_int8() -> Embedder:
    return OnnxEmbedder(precision="int8")


@pytest.fixture(scope="module")
def onnx_fp32() -> Embedder:
    return OnnxEmbedder(precision="fp32")


def _seed(embedder: Embedder) -> Comparison:
    a = load_article(SEED_A, "A", Metadata("Asharq al-Awsat", date(2023, 9, 1)))
    b = load_article(SEED_B, "B", Metadata("JNS", date(2023, 9, 1)))
    return compare_articles([a, b], embedder)


@pytest.mark.model
def test_onnx_vectors_agree_with_the_torch_reference(
    real_embedder: Embedder, onnx_int8: Embedder, onnx_fp32: Embedder
) -> None:
    reference = real_embedder.embed_batch(SENTENCES)
    for embedder, mean_floor, min_floor in ((onnx_fp32, 0.9999, 0.999), (onnx_int8, 0.99, 0.97)):
        vectors = embedder.embed_batch(SENTENCES)
        assert vectors.dtype == np.float32 and vectors.shape == reference.shape == (len(SENTENCES), 384)
        assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
        cosines = np.sum(vectors * reference, axis=1)
        assert cosines.mean() >= mean_floor and cosines.min() >= min_floor, (embedder, cosines.round(4))


@pytest.mark.model
def test_onnx_vectors_do_not_depend_on_the_batch(onnx_int8: Embedder, onnx_fp32: Embedder) -> None:
    """int8 activations are quantised per run: each sentence must run alone to be reproducible."""
    for embedder in (onnx_int8, onnx_fp32):
        together = embedder.embed_batch(SENTENCES)
        alone = np.stack([embedder.embed_batch([text])[0] for text in SENTENCES[:8]])
        assert np.allclose(together[:8], alone, atol=1e-5)
        assert embedder.embed_batch([]).shape == (0, 384)


@pytest.mark.model
def test_seed_pair_links_and_verdicts_match_the_reference(real_embedder: Embedder, onnx_int8: Embedder) -> None:
    reference, fast = _seed(real_embedder), _seed(onnx_int8)
    assert links(fast) == links(reference)
    assert [(x.a, x.b, x.verdict) for x in fast.alignments] == [(x.a, x.b, x.verdict) for x in reference.alignments]
    for x, y in zip(fast.alignments, reference.alignments, strict=True):
        assert abs(x.score - y.score) < 0.03


@pytest.mark.model
def test_default_backend_is_onnx_for_the_bundled_model() -> None:
    embedder = load_embedder()
    assert isinstance(embedder, OnnxEmbedder) and embedder.precision == "int8"


def test_unknown_backend_is_a_model_error() -> None:
    with pytest.raises(ModelError, match="unknown backend"):
        load_embedder(backend="gpu")


def test_auto_uses_torch_for_other_models_and_when_onnx_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[str] = []
    monkeypatch.setattr(
        compare.embed, "SentenceTransformerEmbedder", lambda model: made.append(model) or FakeEmbedder()
    )

    def broken(model: str, **_: object) -> Embedder:
        raise ModelError("no export")

    monkeypatch.setattr(compare.embed, "OnnxEmbedder", broken)
    notes: list[str] = []
    assert isinstance(load_embedder("some/other-model"), FakeEmbedder)
    assert isinstance(load_embedder(BUNDLED, notify=notes.append), FakeEmbedder)
    assert made == ["some/other-model", BUNDLED]
    assert notes and "using torch" in notes[0]
    for backend in ("onnx", "onnx-fp32"):
        with pytest.raises(ModelError, match="no export"):
            load_embedder(BUNDLED, backend=backend)


def test_bundled_model_spec_reads_the_sentence_transformers_config() -> None:
    found = model_spec(BUNDLED)
    assert (found.slug, found.max_seq_length, found.dim) == ("all-MiniLM-L6-v2", 256, 384)


def _model_dir(tmp_path: Path, pooling: dict[str, object]) -> Path:
    (tmp_path / "1_Pooling").mkdir()
    (tmp_path / "config.json").write_text(json.dumps({"hidden_size": 8, "max_position_embeddings": 64}))
    (tmp_path / "tokenizer.json").write_text("{}")
    modules = [
        {"idx": 0, "path": "", "type": "sentence_transformers.models.Transformer"},
        {"idx": 1, "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
    ]
    (tmp_path / "modules.json").write_text(json.dumps(modules))
    (tmp_path / "1_Pooling" / "config.json").write_text(json.dumps(pooling))
    return tmp_path


def test_only_mean_pooled_models_run_on_onnx(tmp_path: Path) -> None:
    found = spec(_model_dir(tmp_path, {"pooling_mode_mean_tokens": True, "word_embedding_dimension": 8}))
    assert (found.max_seq_length, found.dim) == (64, 8)
    (tmp_path / "1_Pooling" / "config.json").write_text(json.dumps({"pooling_mode_cls_token": True}))
    with pytest.raises(ModelError, match="not mean pooling"):
        spec(tmp_path)
    with pytest.raises(ModelError, match="needs a model directory"):
        model_spec(str(tmp_path / "missing"))


def test_the_export_is_keyed_by_the_source_files(tmp_path: Path) -> None:
    folder = tmp_path / "m"
    folder.mkdir()
    found = spec(_model_dir(folder, {"pooling_mode_mean_tokens": True}))
    before = onnx_path(found, "int8", tmp_path / "cache")
    assert before.name == "model.int8.onnx" and before.parent.parent == tmp_path / "cache"
    assert onnx_path(found, "fp32", tmp_path / "cache").parent == before.parent
    (found.path / "config.json").write_text(json.dumps({"hidden_size": 8, "changed": True}))
    assert onnx_path(found, "int8", tmp_path / "cache") != before
    with pytest.raises(ModelError, match="precision"):
        onnx_path(found, "fp16", tmp_path / "cache")


def test_caching_embedder_still_embeds_each_text_once() -> None:
    inner = FakeEmbedder()
    cached = CachingEmbedder(inner)
    first = cached.embed_batch(["a b c", "d e f", "a b c"])
    again = cached.embed_batch(["d e f"])
    assert inner.calls == 1 and np.array_equal(first[1], again[0]) and np.array_equal(first[0], first[2])


def test_exports_of_removed_models_are_pruned(tmp_path: Path) -> None:
    from compare.onnx_model import _prune

    def export_dir(name: str, source: Path) -> Path:
        folder = tmp_path / name
        folder.mkdir()
        (folder / "export.json").write_text(json.dumps({"source": str(source)}))
        return folder

    current = export_dir("m-1", tmp_path)
    kept = export_dir("m-2", tmp_path)
    gone = export_dir("m-3", tmp_path / "deleted-venv" / "model")
    _prune(current)
    assert current.exists() and kept.exists() and not gone.exists()
