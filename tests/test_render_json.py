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


def test_a_pages_headline_byline_and_language_are_in_the_document(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = tmp_path / "a.json"
    text = "The council closed the harbour road after the storm damaged the sea wall on Monday."
    page.write_text(json.dumps({"text": text, "title": "Road Closed", "author": "Jane Doe", "language": "en"}))
    a, b = load_article(page, "A"), load_article(TEST_FIXTURES / "rewrite.txt", "B")
    art = json.loads(render_json(compare_articles([a, b], FakeEmbedder())))["articles"]
    got = [(x["title"], x["author"], x["language"]) for x in art]
    assert got == [("Road Closed", "Jane Doe", "en"), (None, None, None)]
