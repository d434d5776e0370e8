"""Comparisons for the report and export tests: the storm fixture, with hand-made findings.

The facts stage may not have run (or may change what it finds), so the findings here are
written by hand against the storm fixture's text: every Fact's span slices its article.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

import compare.embed
from compare import Comparison, compare_articles, load_article
from compare.ingest import Metadata
from compare.models import Fact, FactChange, FactKind
from tests.conftest import TEST_FIXTURES, FakeEmbedder


def storm() -> Comparison:
    """The storm fixture compared with the fake embedder; no findings."""
    a = load_article(TEST_FIXTURES / "original.txt", "A", Metadata("Coast Herald", url="https://example.org/storm"))
    b = load_article(TEST_FIXTURES / "rewrite.txt", "B", Metadata("Wire Copy"))
    return replace(compare_articles([a, b], FakeEmbedder()), facts=(), changes=())


def xss() -> Comparison:
    """The hostile fixture: markup and script in every field an article can fill."""
    a = load_article(TEST_FIXTURES / "xss_original.txt", "A")
    b = load_article(TEST_FIXTURES / "xss_rewrite.txt", "B")
    return replace(compare_articles([a, b], FakeEmbedder()), facts=(), changes=())


def fact(comparison: Comparison, sentence: str, words: str, kind: FactKind, label: str = "", value: str = "") -> Fact:
    """The fact ``words`` inside sentence ``sentence``, with its absolute span."""
    s = comparison.sentence(sentence)
    at = s.text.index(words)
    return Fact(sentence, kind, words, s.start + at, s.start + at + len(words), label, value)


def with_findings(comparison: Comparison) -> Comparison:
    """The storm comparison with one finding of several kinds, placed as the classifier would."""
    c = comparison
    changes = (
        FactChange(
            "attribution_changed",
            "A1",
            "B1",
            fact(c, "A1", "the regional council said", "attribution", "official"),
            fact(c, "B1", "the Coast Herald reported", "attribution", "outlet"),
            "official body → outlet",
        ),
        FactChange(
            "entity_renamed",
            "A3",
            "B3",
            fact(c, "A3", "The council's head", "entity", "PERSON"),
            fact(c, "B3", "The head of the council", "entity", "PERSON"),
            "same person, named differently",
        ),
        FactChange(
            "new_source",
            None,
            "B4",
            None,
            fact(c, "B4", "a trade newspaper", "attribution", "outlet"),
            "a source A does not cite",
        ),
        FactChange("fact_dropped", "A4", None, fact(c, "A4", "the government", "entity", "ORG"), None, "not in B"),
        FactChange(
            "number_changed",
            "A5",
            "B2",
            fact(c, "A5", "two weeks", "number", "week", "2"),
            fact(c, "B2", "six weeks", "number", "week", "6"),
            "2 → 6 weeks",
        ),
    )
    return replace(c, changes=changes)


def use_fake_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the CLI build the fake embedder, whichever backend it picks."""
    monkeypatch.setattr(compare.embed, "SentenceTransformerEmbedder", lambda model=None, **_: FakeEmbedder())
    monkeypatch.setattr(compare.embed, "OnnxEmbedder", lambda model=None, **_: FakeEmbedder(), raising=False)
