"""compare/hedges.py: tense, hedges, hearsay and negations read from the real spaCy parse."""

from __future__ import annotations

from compare.facts import FactExtractor
from tests.test_facts import facts_of


def test_tense_of_the_claim_and_hedges(fact_extractor: FactExtractor) -> None:
    past = facts_of(fact_extractor, "The militias were using the sites to store weapons.")
    now = facts_of(fact_extractor, "The militias reportedly store weapons at the sites.")
    tense = {dict(f.detail)["verb"]: f.value for f in past if f.kind == "hedge" and f.label == "tense"}
    assert tense["store"] == "past-progressive"
    assert [f.value for f in now if f.kind == "hedge" and f.label == "hedge"] == ["reportedly"]
    purpose = facts_of(fact_extractor, "Troops left so that the militias could avoid strikes.")
    assert not [f for f in purpose if f.kind == "hedge" and f.label == "hedge"]


def test_an_impression_is_a_hedge(fact_extractor: FactExtractor) -> None:
    found = [
        (f.text, f.value) for f in facts_of(fact_extractor, "Death rates appeared to level off.") if f.label == "hedge"
    ]
    assert found == [("appeared to", "appear to")]
    assert not [f for f in facts_of(fact_extractor, "He appeared in court.") if f.label == "hedge"]


def test_negated_verbs(fact_extractor: FactExtractor) -> None:
    negations = [
        (f.text, f.value)
        for f in facts_of(fact_extractor, "The bank did not rule out rises and he wasn't there; it never said so.")
        if f.kind == "hedge" and f.label == "negation"
    ]
    assert negations == [("did not rule", "rule"), ("wasn't", "be"), ("never said", "say")]
    assert not [f for f in facts_of(fact_extractor, "No one was hurt.") if f.label == "negation"]
    refused = "Petkov refused to concede defeat and failed to win the runoff."
    negations = [(f.text, f.value) for f in facts_of(fact_extractor, refused) if f.label == "negation"]
    assert negations == [("refused to concede", "concede"), ("failed to win", "win")]
    # An adjective completing the verb is negated as the verb would be, not one inside a noun phrase.
    verdicts = "She will plead not guilty, and a not insignificant number of people came."
    assert [(f.text, f.value) for f in facts_of(fact_extractor, verdicts) if f.label == "negation"] == [
        ("not guilty", "guilty")
    ]


def test_hearsay_is_a_hedge_on_the_verb_it_governs(fact_extractor: FactExtractor) -> None:
    text = "The suspect is believed to have fled, and two guards were feared dead."
    found = [(f.text, f.value, f.detail) for f in facts_of(fact_extractor, text) if f.label == "hedge"]
    assert found == [
        ("is believed to", "believed to", (("verb", "flee"),)),
        ("were feared", "feared", (("verb", "dead"),)),
    ]
    assert not [f for f in facts_of(fact_extractor, "The results were expected by noon.") if f.label == "hedge"]


def test_no_before_a_singular_noun_is_a_negation_of_the_noun(fact_extractor: FactExtractor) -> None:
    text = "The agency issued no tsunami warning and saw no immediate risk."
    found = [(f.text, f.value) for f in facts_of(fact_extractor, text) if f.label == "negation"]
    assert found == [("no tsunami warning", "warning"), ("no immediate risk", "risk")]
    plural = [(f.text, f.value) for f in facts_of(fact_extractor, "No dates have been set.") if f.label == "negation"]
    assert plural == [("No dates", "date")]  # also a count of zero, compared as a number


def test_likely_voters_are_a_group_not_a_hedge(fact_extractor: FactExtractor) -> None:
    def hedges_in(text: str) -> list[str]:
        return [f.text for f in facts_of(fact_extractor, text) if f.kind == "hedge" and f.label == "hedge"]

    assert hedges_in("The survey of 1,012 likely voters was conducted in October.") == []
    assert hedges_in("Rain is likely to fall on Monday.") == ["likely"]
    assert hedges_in("Police named two likely suspects.") == ["likely"]
    assert hedges_in("Pfizer was the likely buyer.") == ["likely"]


def test_a_main_verb_tagged_as_a_participle_is_in_the_past(fact_extractor: FactExtractor) -> None:
    # The tagger reads "killed" as VBN after "Floods triggered by rain ...", as VBD without "at least".
    for text in (
        "Floods triggered by rain killed at least 14 people.",
        "Floods triggered by rain killed 14 people.",
        "Floods triggered by torrential rain killed at least 14 people, officials said.",  # a reported clause
    ):
        tense = {dict(f.detail)["verb"]: f.value for f in facts_of(fact_extractor, text) if f.label == "tense"}
        assert tense["kill"] == "past", text


def test_a_modal_in_a_relative_clause_hedges_its_claim(fact_extractor: FactExtractor) -> None:
    def hedges_in(text: str) -> list[str]:
        return [f.text for f in facts_of(fact_extractor, text) if f.kind == "hedge" and f.label == "hedge"]

    assert hedges_in("The firm recalled products that may be contaminated with listeria.") == ["may"]
    assert hedges_in("He left out the displaced, which officials said could add thousands.") == ["could"]
    # A purpose clause is no claim of its own, and "would" tells what a proposal does.
    assert hedges_in("Troops left so that the militias could avoid strikes.") == []
    assert hedges_in("Lawmakers introduced a bill that would ban the app.") == []


def test_a_plan_or_an_association_is_a_hedge(fact_extractor: FactExtractor) -> None:
    def hedges_in(text: str) -> list[tuple[str, str]]:
        return [(f.text, f.value) for f in facts_of(fact_extractor, text) if f.kind == "hedge" and f.label == "hedge"]

    assert hedges_in("A second strike is planned for Aug. 14.") == [("is planned", "planned")]
    assert hedges_in("His lawyer plans to appeal the verdict.") == [("plans to", "plan to")]
    assert hedges_in("The launch is scheduled to take place in May.") == [("is scheduled to", "scheduled to")]
    assert hedges_in("The drug was associated with a lower risk.") == [("associated with", "associated with")]
    assert hedges_in("Such pills are linked to lower risk.") == [("linked to", "linked to")]
    assert hedges_in("No illnesses linked to the recall were reported.") == []  # which illnesses: no claim
    # A plan carried out, a plan named, a link made by hand: no hedge.
    assert hedges_in("The union planned the strike for weeks.") == []
    assert hedges_in("Engineers linked the two systems.") == []
