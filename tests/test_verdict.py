from __future__ import annotations

import math

import pytest

from compare.config import Config
from compare.diff import diff_tokens, tokenize
from compare.figures import figure
from compare.models import Sentence
from compare.verdict import FEATURES, Evidence, changed_score, evidence, verdict


def judge(a: str, b: str) -> tuple[str, tuple[str, ...]]:
    ta = tokenize([Sentence("A1", "A", a, 0, len(a), "news")])
    tb = tokenize([Sentence("B1", "B", b, 0, len(b), "news")])
    return verdict(ta, tb, diff_tokens(ta, tb))


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("The army left on Monday.", "The army left on Monday.", "identical"),
        ("The army left on Monday.", "the army left on monday .", "identical"),
        ("The army left the town on Monday.", "The troops departed from the town on Monday.", "reworded"),
        ("Syria’s army left.", "The Syrian army left.", "reworded"),
        ("The army left on Monday.", "The army left on Tuesday.", "changed"),
        ("Forty people died.", "Fifty people died.", "changed"),
        ("The army left 40 towns.", "The army left 14 towns.", "changed"),
        ("The army did not leave.", "The army left.", "changed"),
        ("The army left, officials said.", "The army left, Reuters reported.", "changed"),
        ("The talks began on Aug. 31.", "The talks began on Aug. 25.", "changed"),
    ],
)
def test_verdicts(a: str, b: str, expected: str) -> None:
    assert judge(a, b)[0] == expected


def test_reasons_name_the_changed_details() -> None:
    assert judge("They met on Wednesday.", "They met on Aug. 31.")[1] == ("-Wednesday", "+Aug. 31")


def judge_with(a: str, b: str, cosine: float, config: Config | None = None) -> tuple[str, tuple[str, ...]]:
    ta = tokenize([Sentence("A1", "A", a, 0, len(a), "news")])
    tb = tokenize([Sentence("B1", "B", b, 0, len(b), "news")])
    return verdict(ta, tb, diff_tokens(ta, tb), cosine, config)


def test_with_a_cosine_close_rewordings_are_reworded() -> None:
    a = "The army left the town on Monday after heavy shelling, officials said."
    b = "The army withdrew from the town on Monday after heavy shelling, officials said."
    assert judge_with(a, b, 0.95) == ("reworded", ())


def test_with_a_cosine_new_content_is_a_change_named_by_its_words() -> None:
    a = "The army left the town on Monday."
    b = "The army left the town on Monday after rebels shelled its barracks and seized the bridges."
    kind, reasons = judge_with(a, b, 0.6)
    assert kind == "changed"
    assert reasons[:3] == ("+rebels", "+shelled", "+barracks")
    # changed details, when there are any, are the reasons
    assert judge_with(a, b.replace("the bridges", "two bridges"), 0.6) == ("changed", ("+two",))


def test_a_contradicted_figure_is_always_a_change() -> None:
    a, b = "Repairs are expected to take two weeks.", "Repairs are expected to take six weeks."
    assert judge_with(a, b, 0.99) == ("changed", ("-two", "+six"))
    a, b = "The talks began on Wednesday in Geneva.", "The talks began on Thursday in Geneva."
    assert judge_with(a, b, 0.99)[0] == "changed"
    a, b = "The council voted 7-2 to close the pool.", "The council voted 6-3 to close the pool."
    assert judge_with(a, b, 0.96) == ("changed", ("-7-2", "+6-3"))
    a, b = "Some 120,000 people lost power.", "Some 150,000 people lost power."
    assert judge_with(a, b, 0.97) == ("changed", ("-120,000", "+150,000"))


def test_a_rounded_figure_is_not_a_contradiction() -> None:
    a = "The index rose 5.91 points, or 0.29 percent, to 2,053.27 on Friday."
    b = "The index rose 6 points, or 0.3 percent, to 2,053 on Friday."
    assert judge_with(a, b, 0.97)[0] == "reworded"


def test_the_weights_come_from_the_config() -> None:
    a = "The army left the town on Monday after heavy shelling, officials said."
    b = "The army withdrew from the town on Monday after heavy shelling, officials said."
    assert judge_with(a, b, 0.95, Config().updated(verdict_bias=50.0))[0] == "changed"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("two", ("", 2.0)), ("US$1,200.5", ("us$", 1200.5)), ("30%", ("%", 30.0)), ("Sept.", ("date", "sep"))],
)
def test_figures(text: str, expected: tuple[str, float | str]) -> None:
    assert figure(text) == expected


def test_evidence_measures_overlap_and_novel_content() -> None:
    ta = tokenize([Sentence("A1", "A", "Troops left the town.", 0, 21, "news")])
    tb = tokenize([Sentence("B1", "B", "Troops left the burning town quickly.", 0, 37, "news")])
    ev = evidence(ta, tb, diff_tokens(ta, tb), 0.8)
    assert ev.overlap == pytest.approx(4 / 6)  # 4 of B's 6 words have a counterpart
    assert ev.cosine == 0.8 and ev.numbers == ev.names == ev.negations == ev.conflicts == 0
    assert ev.content == ("+burning", "+quickly") and ev.novel == pytest.approx(math.log(3))


def test_a_moved_rate_is_a_contradicted_figure_but_a_rounding_is_not() -> None:
    from compare.diff import diff_tokens, tokenize
    from compare.models import Sentence
    from compare.verdict import verdict as judge_with_cosine

    def run(a: str, b: str) -> str:
        ta = tokenize([Sentence("A1", "A", a, 0, len(a), "news")])
        tb = tokenize([Sentence("B1", "B", b, 0, len(b), "news")])
        return judge_with_cosine(ta, tb, diff_tokens(ta, tb), 0.97)[0]

    assert (
        run("The bank raised rates to 4.5 percent on Thursday.", "The bank raised rates to 4.75 percent on Thursday.")
        == "changed"
    )
    assert run("Shares closed at 5.91 dollars on Thursday.", "Shares closed at 6 dollars on Thursday.") != "changed"


def measure(a: str, b: str, cosine: float = 0.8) -> Evidence:
    ta = tokenize([Sentence("A1", "A", a, 0, len(a), "news")])
    tb = tokenize([Sentence("B1", "B", b, 0, len(b), "news")])
    return evidence(ta, tb, diff_tokens(ta, tb), cosine)


def test_evidence_measures_the_longest_changed_stretch_and_the_length() -> None:
    ev = measure(
        "The army left the town on Monday.", "The army left the town on Monday after rebels shelled its barracks."
    )
    assert ev.stretch == pytest.approx(math.log1p(5))  # "after rebels shelled its barracks"
    assert ev.length == pytest.approx(math.log(8 + 13))
    assert measure("The army left the town.", "The army left the town.").stretch == 0.0


def test_spelling_overlap_credits_words_that_share_most_of_their_letters() -> None:
    near = measure("The counteroffensive began on Monday.", "The offensive began on Monday.")
    far = measure("The counteroffensive began on Monday.", "The bombardment began on Monday.")
    assert near.overlap == far.overlap  # neither word has a counterpart
    assert 0.0 < far.chars < near.chars < 1.0
    assert measure("The army left on Monday.", "the army left on monday .").chars == 1.0


def test_an_added_clause_weighs_more_than_a_reworded_one() -> None:
    a = "The army left the town on Monday after heavy shelling, officials said."
    reworded = measure(a, "The army withdrew from the town on Monday after heavy shelling, officials said.", 0.9)
    extended = measure(a, a[:-1] + " and rebels seized the bridges and the airport.", 0.9)
    assert changed_score(extended, Config()) > changed_score(reworded, Config())


def test_every_feature_has_a_weight_in_the_config() -> None:
    assert len(Evidence.features(measure("A b.", "A c."))) == len(FEATURES)
    assert all(isinstance(getattr(Config(), f"verdict_{name}"), float) for name in FEATURES)


def test_an_acronym_for_its_expansion_is_no_changed_detail() -> None:
    a, b = "The World Health Organization sent 40 tonnes of aid.", "The WHO sent 40 tonnes of aid."
    assert judge(a, b) == ("reworded", ())
    other = judge("The World Health Organization sent aid.", "The WFP sent aid.")
    assert other[1] == ("-World Health Organization", "+WFP")


def test_a_figure_said_approximately_is_no_conflict() -> None:
    a, b = "The troops killed 945 soldiers in the town.", "The troops killed nearly 950 soldiers in the town."
    assert judge_with(a, b, 0.95)[0] == "reworded"
    assert judge_with(a, b.replace("nearly 950", "nearly 990"), 0.95)[0] == "changed"


def test_one_length_of_time_in_two_units_is_no_conflict() -> None:
    a = "The outage lasted two days and affected 4,000 customers."
    assert judge_with(a, a.replace("two days", "48 hours"), 0.95)[0] == "reworded"
    assert judge_with(a, a.replace("two days", "36 hours"), 0.95)[0] == "changed"


def test_a_share_in_words_is_the_same_figure_as_in_digits() -> None:
    a = "Seven percent of respondents said they would vote for him."
    assert judge_with(a, a.replace("Seven percent", "7%"), 0.95) == ("reworded", ())  # nor a changed detail
    assert judge_with(a, a.replace("Seven percent", "8%"), 0.95)[0] == "changed"
    assert measure(a, a.replace("Seven percent", "7%")).numbers == 0


def test_a_word_negated_by_its_prefix_is_no_changed_negation() -> None:
    # "undecided" is "not decided", "unable" "not able": the "not" changes nothing.
    ev = measure("Seven percent said they were undecided.", "Seven percent said they had not decided.")
    assert (ev.negations, ev.details) == (0, ())
    assert measure("The firm was unable to pay.", "The firm was not able to pay.").negations == 0
    # A "not" that negates another word still counts.
    ev = measure("Seven percent said they were undecided.", "Seven percent said they had not voted.")
    assert (ev.negations, ev.details) == (1, ("+not",))


def test_a_change_needs_a_reason_a_reader_can_see() -> None:
    a, b = "The North Atlantic Treaty Organization has not commented.", "NATO has not commented."
    assert judge_with(a, b, 0.8) == ("reworded", ())


def test_an_acronym_of_the_first_words_covers_the_whole_name() -> None:
    a = "The Centers for Disease Control and Prevention reported 1,284 cases."
    assert judge_with(a, "The CDC reported 1,284 cases.", 0.9) == ("reworded", ())
    a, b = "The talks failed, Anna Petrova said.", "The talks failed, AP said."
    ta = tokenize([Sentence("A1", "A", a, 0, len(a), "news")])
    tb = tokenize([Sentence("B1", "B", b, 0, len(b), "news")])
    assert evidence(ta, tb, diff_tokens(ta, tb)).details == ("-Anna Petrova", "+AP")  # initials are no acronym
