from __future__ import annotations

import json

from compare import compare_articles, load_article
from compare.render.jsondoc import render_json
from tests.conftest import TEST_FIXTURES, FakeEmbedder


def test_json_document_shape() -> None:
    a = load_article(TEST_FIXTURES / "original.txt", "A")
    b = load_article(TEST_FIXTURES / "rewrite.txt", "B")
    doc = json.loads(render_json(compare_articles([a, b], FakeEmbedder())))
    assert doc["schema"] == "compare/1"
    ids = [s["id"] for art in doc["articles"] for s in art["sentences"]]
    assert len(ids) == len(set(ids))
    texts = {"A": a.text, "B": b.text}
    for art in doc["articles"]:
        assert {"id", "outlet", "published", "url", "sentences", "notes"} <= art.keys()
        for s in art["sentences"]:
            assert texts[art["id"]][s["start"] : s["end"]] == s["text"]
    dropped = [x for x in doc["alignments"] if x["verdict"] == "dropped"]
    assert dropped == [
        {
            "a": ["A4"],
            "b": [],
            "score": 0.0,
            "verdict": "dropped",
            "reasons": [],
            "opcodes": [],
            "tokens": {"a": dropped[0]["tokens"]["a"], "b": []},
        }
    ]
    for x in doc["alignments"]:
        toks_a, toks_b = x["tokens"]["a"], x["tokens"]["b"]
        if x["opcodes"]:
            assert x["opcodes"][-1][2] == len(toks_a) and x["opcodes"][-1][4] == len(toks_b)
    assert doc["summary"]["carried"] == 4 and doc["summary"]["a_claims"] == 5
