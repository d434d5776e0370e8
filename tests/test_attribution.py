from __future__ import annotations

import pytest

from compare.attribution import find_attributions, source_kind


@pytest.mark.parametrize(
    ("sentence", "source", "cue", "kind"),
    [
        ("Troops withdrew, military sources revealed.", "military sources", "revealed", "anonymous"),
        ("Troops withdrew, a source told the Daily Star.", "a source", "told", "anonymous"),
        ("Troops withdrew, confirmed the official.", "the official", "confirmed", "anonymous"),
        ("Troops withdrew, according to the statement.", "the statement", "according to", "document"),
        ("According to Channel Nine, troops withdrew.", "Channel Nine", "according to", "outlet"),
        ("Troops withdrew, the Beirut-based weekly reported.", "the Beirut-based weekly", "reported", "outlet"),
        ("Troops withdrew, the defence minister said.", "the defence minister", "said", "person"),
        ("Officials said troops withdrew.", "Officials", "said", "anonymous"),
        ("Troops withdrew, The Herald reported on Monday.", "The Herald", "reported", "outlet"),
    ],
)
def test_attribution_shapes(sentence: str, source: str, cue: str, kind: str) -> None:
    found = find_attributions(sentence)
    assert [(a.source, a.cue, a.kind) for a in found] == [(source, cue, kind)]
    a = found[0]
    assert sentence[a.source_start : a.source_end] == a.source
    assert a.source in sentence[a.start : a.end]


def test_recipient_of_told() -> None:
    (a,) = find_attributions("Troops withdrew, a source told the Daily Star.")
    assert a.recipient == "the Daily Star"


def test_own_voice_has_no_attribution() -> None:
    assert find_attributions("Troops withdrew from the town on Monday.") == []


def test_known_outlet_names_are_outlets() -> None:
    assert source_kind(["Morning", "Post"], "said", ["Morning Post"]) == "outlet"
    assert source_kind(["Morning", "Post"], "said") == "person"


def test_inverted_with_appositive_official_bodies_and_named_outlets() -> None:
    (a,) = find_attributions("“We will rebuild,” said Maria Okoro, the province's governor.")
    assert (a.source, a.kind) == ("Maria Okoro", "person")
    (b,) = find_attributions("Dozens died, the regional health ministry said.", ["a", "b"])
    assert b.kind == "official"  # a one-letter outlet name must not match inside words
    (c,) = find_attributions("Dozens died, the Daily Courier reported.")
    assert c.kind == "outlet"


def test_mid_sentence_attribution_and_acronyms() -> None:
    text = "Bird flu spread to three farms, the WHO said on Thursday, adding that the risk remained low."
    (a,) = find_attributions(text)
    assert (a.source, a.kind, text[a.start : a.end]) == ("the WHO", "official", "the WHO said on Thursday")
