"""Property tests: any Unicode text in both articles gives a comparison or a clean error."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compare.errors import CompareError
from compare.ingest import from_text
from compare.models import Comparison
from compare.pipeline import compare_articles
from tests.conftest import FakeEmbedder

#: Pieces that steer random text towards what the cleaner and segmenter care about.
_PIECES = st.sampled_from(
    [". ", "\n\n", "\n", "\r\n", " ", "Mr. ", "U.S. ", "5 p.m. ", "“", "”", '"', " (Reuters)", "Photo: ", "?", "!",
     "Storm Hits The Coast", "said", "40", "1998", "Aug. 31", "\u200b", "\ufeff", "،", "؟", "。", "---\n", "<p>"]
)  # fmt: skip
_TEXT = st.lists(st.one_of(st.text(max_size=30), _PIECES), max_size=40).map("".join)


def check(texts: tuple[str, str], facts: Any = None) -> None:
    try:
        articles = [from_text(t, k) for t, k in zip(texts, "AB", strict=True)]
        comparison = compare_articles(articles, FakeEmbedder(), facts=facts)
    except CompareError as exc:
        assert str(exc) and "\n" not in str(exc)  # a clean one-line message
        return
    assert isinstance(comparison, Comparison)
    for result in comparison.articles:
        text = result.article.text
        for s in result.sentences:
            assert text[s.start : s.end] == s.text
            assert s.start >= result.article.body_start
    ids = {s.id for r in comparison.articles for s in r.sentences}
    for x in comparison.alignments:
        assert set(x.a) <= ids and set(x.b) <= ids
    for fact in comparison.facts:
        owner = comparison.articles[0 if fact.sentence.startswith("A") else 1].article.text
        assert owner[fact.start : fact.end] == fact.text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT, _TEXT)
def test_random_text_never_crashes_the_pipeline(a: str, b: str) -> None:
    check((a, b))


@settings(max_examples=200, deadline=None)
@given(st.text(), st.text())
def test_arbitrary_unicode_never_crashes_the_pipeline(a: str, b: str) -> None:
    check((a, b))


@pytest.fixture(scope="module")
def extractor(fact_extractor: Any) -> Any:
    return fact_extractor


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(a=st.lists(st.one_of(st.text(max_size=20), _PIECES), max_size=15).map("".join), b=_TEXT)
def test_random_text_with_the_real_fact_extractor(extractor: Any, a: str, b: str) -> None:
    check((a, b), extractor)
