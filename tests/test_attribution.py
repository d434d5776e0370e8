from __future__ import annotations

import pytest

from compare import compare_articles
from compare.attribution import find_attributions, same_person, source_kind
from compare.facts import FactExtractor
from compare.ingest import from_text
from tests.conftest import FakeEmbedder


@pytest.mark.parametrize(
    ("sentence", "source", "cue", "kind"),
    [
        ("Troops withdrew, military sources revealed.", "military sources", "revealed", "anonymous"),
        ("Troops withdrew, a source told the Daily Star.", "a source", "told", "anonymous"),
        ("Troops withdrew, confirmed the official.", "the official", "confirmed", "anonymous"),
        ("Troops withdrew, according to the statement.", "the statement", "according to", "document"),
        ("According to Channel Nine, troops withdrew.", "Channel Nine", "according to", "outlet"),
        ("Troops withdrew, according to Reuters.", "Reuters", "according to", "outlet"),
        ("Troops withdrew, according to Haaretz.", "Haaretz", "according to", "outlet"),  # a bare name of one word
        ("Surgeries stopped, according to Health New Zealand.", "Health New Zealand", "according to", "official"),
        (
            "A spokesperson for the Rubio campaign said it would ask for a recount.",
            "A spokesperson for the Rubio campaign",
            "said",
            "anonymous",
        ),
        ("Troops withdrew, the Beirut-based weekly reported.", "the Beirut-based weekly", "reported", "outlet"),
        ("Troops withdrew, the defence minister said.", "the defence minister", "said", "person"),
        ("Officials said troops withdrew.", "Officials", "said", "anonymous"),
        ("Troops withdrew, The Herald reported on Monday.", "The Herald", "reported", "outlet"),
        ("The researchers cautioned that more trials are needed.", "The researchers", "cautioned", "other"),
        ("More trials are needed, the researchers stressed.", "the researchers", "stressed", "other"),
        ("Weiss has not conceded and said he would appeal.", "Weiss", "said", "person"),
        ("The league is doomed, Mark Dunmore rightly said.", "Mark Dunmore", "said", "person"),
        ("Of those, 2,950 participants reported drinking coffee.", "2,950 participants", "reported", "other"),
        ("The minister visited the site and said work would start.", "The minister", "said", "person"),
        ("Petkov refused to concede defeat late on Sunday and said he would appeal.", "Petkov", "said", "person"),
        ("Brisk walkers saw the largest benefit, the researchers found.", "the researchers", "found", "other"),
        ("The boy was taken to a hospital, where staff said he was fine.", "staff", "said", "other"),
        ('"We chose the law," Ivanova, 56, told supporters in Plovdiv.', "Ivanova", "told", "person"),
        ('Alan Frost, a neurologist, called the results "encouraging."', "Alan Frost", "called", "person"),
        (
            "In a statement on Friday, the ministry said talks, which stalled in May, would resume.",
            "the ministry",
            "said",
            "official",
        ),
        ('"We admire him," club manager Ann Ode said in July, when asked.', "club manager Ann Ode", "said", "person"),
        ('Writing for the majority, Judge Ana Ruiz said: "States may not compel."', "Judge Ana Ruiz", "said", "person"),
        ("Judge Tom Reilly dissented, arguing that platforms are carriers.", "Judge Tom Reilly", "argued", "person"),
        ("Walkers live longer, a new study in The Lancet has found.", "a new study in The Lancet", "found", "document"),
        ("A survey by Gallup found that trust fell.", "A survey by Gallup", "found", "document"),
        ("Troops withdrew, sources in the ministry said.", "sources in the ministry", "said", "anonymous"),
        ("The planet could harbour an ocean, the authors suggested.", "the authors", "suggested", "other"),
        ("Economists said growth had picked up.", "Economists", "said", "anonymous"),
        ("Growth slowed, federal prosecutors said.", "federal prosecutors", "said", "anonymous"),
        ("Officials attributed the decline to stepped-up enforcement.", "Officials", "attributed", "anonymous"),
        ("It met the forecasts of 24 of 27 economists polled by Reuters.", "Reuters", "polled by", "outlet"),
        ("They reopened the crossings, in what mediators called a big step.", "mediators", "called", "anonymous"),
        (
            "Agents recorded 47,300 encounters, according to figures from U.S. Customs and Border Protection.",
            "figures from U.S. Customs and Border Protection",
            "according to",
            "document",
        ),
        ("The plan failed, according to Dr. Ann Smith.", "Dr. Ann Smith", "according to", "person"),
    ],
)
def test_attribution_shapes(sentence: str, source: str, cue: str, kind: str) -> None:
    found = find_attributions(sentence)
    assert [(a.source, a.cue, a.kind) for a in found] == [(source, cue, kind)]
    a = found[0]
    assert sentence[a.source_start : a.source_end] == a.source
    assert a.source in sentence[a.start : a.end]


def test_a_person_named_after_a_role_is_the_speaker_and_a_place_is_not() -> None:
    text = "A spokesman for the county, Daniel Ortiz, said the board would meet."
    assert [(a.source, a.kind) for a in find_attributions(text, persons=["Daniel Ortiz"])] == [
        ("Daniel Ortiz", "person")
    ]
    text = "Officials in the capital, Kyiv, said the strikes hit power plants."
    assert [a.source for a in find_attributions(text, persons=[])] == ["Officials in the capital"]


def test_a_long_source_opens_with_people_or_a_body_not_a_clause() -> None:
    text = "Observers from the Organization for Security and Co-operation in Europe said the vote was fair."
    assert [a.kind for a in find_attributions(text)] == ["anonymous"]
    assert find_attributions("Prices rose sharply in March and April but officials said it would pass.") == []


def test_an_act_between_the_speaker_and_the_cue_is_not_part_of_the_attribution() -> None:
    # "conceded defeat" is what the claim says Petkov did: judging the claim without its
    # attribution must keep it (compare.pipeline._unsourced).
    text = "Petkov conceded defeat on Sunday but said his party would challenge the results."
    (a,) = find_attributions(text)
    assert (text[a.start : a.end], a.source, a.cue) == ("Petkov", "Petkov", "said")
    assert find_attributions("Prices rose sharply but said nothing about wages.") == []


def test_recipient_of_told() -> None:
    (a,) = find_attributions("Troops withdrew, a source told the Daily Star.")
    assert a.recipient == "the Daily Star"
    (a,) = find_attributions('"We chose volume," the chief executive told analysts on a conference call.')
    assert a.recipient == "analysts"
    # A quote after a colon: whom the speaker told comes before it.
    (a,) = find_attributions('Macklem told reporters in Ottawa: "We are not going to let it happen."')
    assert (a.source, a.recipient) == ("Macklem", "reporters")


def test_a_company_reporting_results_is_no_source() -> None:
    assert find_attributions("Nordvik Motors reported a second-quarter net profit of $412 million.") == []
    (a,) = find_attributions("Reuters reported on Monday that sales fell.")
    assert (a.source, a.kind) == ("Reuters", "outlet")


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("By the end of the year, the company said, it would cut 1,200 jobs.", "the company"),
        ("The plan, officials said, would cost $5 million.", "officials"),
        ("“We will rebuild,” the mayor said, “and fast.”", "the mayor"),
    ],
)
def test_a_source_set_off_by_commas_in_mid_sentence(sentence: str, source: str) -> None:
    (a,) = find_attributions(sentence)
    assert (a.source, a.cue, sentence[a.start : a.end]) == (source, "said", f"{source} said")


def test_people_described_by_a_clause_are_anonymous() -> None:
    (a,) = find_attributions("Experts not involved in the research said the findings were consistent.")
    assert (a.source, a.kind) == ("Experts not involved in the research", "anonymous")


@pytest.mark.parametrize(
    "sentence",
    [
        "The fire, contrary to what officials said, began in the kitchen.",
        "The plant, despite what the report said, stayed open.",
        "The vote, unlike what he claimed, was close.",
    ],
)
def test_a_claim_the_sentence_disputes_cites_no_source(sentence: str) -> None:
    assert find_attributions(sentence) == []
    (counted,) = find_attributions("More than 20 officials said the plan would fail.")
    assert counted.source == "More than 20 officials"


def test_a_thing_added_is_no_attribution() -> None:
    goal = "Marsh scored twice before substitute Tomas Varga added a third in stoppage time."
    assert find_attributions(goal) == []
    assert find_attributions("Exports added $5 billion to output.") == []
    assert [a.source for a in find_attributions("Talks will resume, Varga added.")] == ["Varga"]
    assert [a.source for a in find_attributions("Varga added the talks would resume.")] == ["Varga"]


def test_what_police_found_is_no_attribution() -> None:
    assert find_attributions("Police found the car near the river.") == []
    assert find_attributions("Police found that the car had been stolen.") == []


def test_own_voice_has_no_attribution() -> None:
    assert find_attributions("Troops withdrew from the town on Monday.") == []


def test_a_passive_report_cites_nobody() -> None:
    assert find_attributions("No deaths were reported.") == []
    assert find_attributions("Two injuries were reported on Monday, and he was told to leave.") == []
    assert find_attributions("The theft, reported to police on Monday, involved 40 laptops.") == []
    assert find_attributions("Varga scored, and Boateng, on as a substitute, sealed it in added time.") == []


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Wilson leads by 1,412 votes, county election officials said on Nov. 7.", "county election officials"),
        ('"The numbers are stark," said Filippo Grandi, the U.N. High Commissioner for Refugees.', "Filippo Grandi"),
        ("The study was published on Feb. 5 in The Lancet, Dr. Ann Smith said on Tuesday.", "Dr. Ann Smith"),
        ("The manifest listed 53 passengers, but officials said the number could be higher.", "officials"),
        ("Wilson leads by 1,412 votes, county officials said on Nov. 6, with 2,000 ballots left.", "county officials"),
        ("Mayor Dana Ruiz called the stadium plan ‘a vital investment in our future.’", "Mayor Dana Ruiz"),
        (
            "The meat was shipped nationwide, the Food Safety and Inspection Service (FSIS) said.",
            "the Food Safety and Inspection Service (FSIS)",
        ),
    ],
)
def test_full_stops_inside_a_sentence_end_no_attribution(sentence: str, source: str) -> None:
    # abbreviations and initials ("Nov.", "U.N.", "Feb.", "Dr.") do not end the clause a source speaks in
    assert [a.source for a in find_attributions(sentence)] == [source]


def test_a_speaker_with_a_role_set_off_by_commas() -> None:
    text = "Profits will grow, Frank Cheung, chairman of Culturecom, said in a statement."
    assert [a.source for a in find_attributions(text)] == ["Frank Cheung"]
    # a name after a role is the speaker, even one the entity recogniser does not call a person
    (a,) = find_attributions("Kingsport's manager, Pieter de Vries, said he did not blame the referee.")
    assert (a.source, a.kind, a.person) == ("Pieter de Vries", "person", True)


def test_a_participle_with_its_agent_cites_the_agent() -> None:
    (a,) = find_attributions("The blast, reported by the Courier, killed two people.", ["Courier"])
    assert (a.source, a.kind) == ("the Courier", "outlet")


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


# --- a speaker before the cue: organisations, asides, the claim left out of the span ---------

RAIN = "more rain was expected over the weekend."


@pytest.mark.parametrize(
    ("sentence", "source", "cue", "kind", "span"),
    [
        (
            f"The National Weather Service warned that {RAIN}",
            "The National Weather Service",
            "warned",
            "official",
            "The National Weather Service warned",
        ),
        (f"The Weather Bureau warned {RAIN}", "The Weather Bureau", "warned", "official", "The Weather Bureau warned"),
        (
            f"On Friday, the weather service warned that {RAIN}",
            "the weather service",
            "warned",
            "official",
            "the weather service warned",
        ),
        (
            "Councilman Dave Hruska, who voted against the plan, said residents were not consulted.",
            "Councilman Dave Hruska",
            "said",
            "person",
            "Councilman Dave Hruska, who voted against the plan, said",
        ),
        (
            "Mayor Linda Okafor, 54, said the budget was balanced.",
            "Mayor Linda Okafor",
            "said",
            "person",
            "Mayor Linda Okafor, 54, said",
        ),
        (
            "Hruska, a Democrat, said residents were not consulted.",
            "Hruska",
            "said",
            "person",
            "Hruska, a Democrat, said",
        ),
        (
            "Residents were not consulted, said Hruska, who voted against the plan.",
            "Hruska",
            "said",
            "person",
            "said Hruska, who voted against the plan",
        ),
        (
            "Hruska said on Tuesday that residents were not consulted.",
            "Hruska",
            "said",
            "person",
            "Hruska said on Tuesday",
        ),
        (
            "China said the craft was a balloon that drifted off course.",
            "China",
            "said",
            "person",
            "China said",
        ),
        (
            "Officials have also said the road would reopen.",
            "Officials",
            "said",
            "anonymous",
            "Officials have also said",
        ),
        ("The Red Cross said dozens were missing.", "The Red Cross", "said", "official", "The Red Cross said"),
    ],
)
def test_leading_and_interrupted_attributions(sentence: str, source: str, cue: str, kind: str, span: str) -> None:
    found = find_attributions(sentence)
    assert [(a.source, a.cue, a.kind, sentence[a.start : a.end]) for a in found] == [(source, cue, kind, span)]
    assert sentence[found[0].source_start : found[0].source_end] == source


def test_told_with_a_claim_after_it() -> None:
    text = "Officials told reporters that the road would reopen."
    (a,) = find_attributions(text)
    assert (a.source, a.recipient, text[a.start : a.end]) == ("Officials", "reporters", "Officials told reporters")


def test_trailing_attribution_keeps_its_adverbial() -> None:
    text = "The road reopened, police said in a statement on Monday."
    (a,) = find_attributions(text)
    assert (a.source, a.kind, text[a.start : a.end]) == ("police", "official", "police said in a statement on Monday")


def test_same_person() -> None:
    assert same_person("Okafor", "Mayor Linda Okafor")
    assert same_person("Linda Okafor", "Mayor Linda Okafor")
    assert not same_person("Linda", "Mayor Linda Okafor")
    assert not same_person("Hruska", "Mayor Linda Okafor")
    assert not same_person("the mayor", "the mayor")  # a description may be anyone


# --- through classify: what a reader of the report sees --------------------------------------


def _findings(extractor: FactExtractor, a: str, b: str) -> list[tuple[str, str, str]]:
    comparison = compare_articles([from_text(a, "A"), from_text(b, "B")], FakeEmbedder(), facts=extractor)
    return [(c.kind, c.after.text if c.after else "", c.detail) for c in comparison.changes]


def test_an_agency_named_differently_is_not_a_new_person(fact_extractor: FactExtractor) -> None:
    got = _findings(
        fact_extractor,
        f"The National Weather Service warned that {RAIN}",
        f"The Weather Bureau warned that {RAIN}",
    )
    assert got == [
        ("attribution_changed", "The Weather Bureau warned", "same kind of source (institution), named differently")
    ]


def test_a_person_named_again_by_surname_is_one_new_source(fact_extractor: FactExtractor) -> None:
    a = "The city council approved the new budget on Monday."
    b = (
        f"{a}\n\nMayor Linda Okafor said the budget would halve waiting times at the city's clinics.\n\n"
        "Okafor said the vote showed the council trusted her plan for the port district."
    )
    got = [g for g in _findings(fact_extractor, a, b) if g[0] == "new_source"]
    assert got == [
        ("new_source", "Mayor Linda Okafor said", "named person “Mayor Linda Okafor” in a claim only B carries")
    ]


@pytest.mark.parametrize(
    ("text", "source", "span"),
    [
        ("On Tuesday Hruska said the plan was dead.", "Hruska", "Hruska said"),
        ("Late on Friday the ministry said talks would resume.", "the ministry", "the ministry said"),
        ("Yesterday the mayor said the road would reopen.", "the mayor", "the mayor said"),
        ("In 2019 Smith said the plan had failed.", "Smith", "Smith said"),
    ],
)
def test_a_time_phrase_before_the_speaker_is_not_the_source(text: str, source: str, span: str) -> None:
    (a,) = find_attributions(text)
    assert (a.source, text[a.start : a.end]) == (source, span)


def test_a_participle_needs_a_speaker_and_a_claim() -> None:
    assert find_attributions("Stocks rallied, adding to gains from last week.") == []
    assert find_attributions("The road was closed, warning drivers to stay away.") == []


def test_a_programme_name_is_whom_the_source_told() -> None:
    (a,) = find_attributions("Troops left, a source told Fox News Sunday.")
    assert a.recipient == "Fox News Sunday"


def test_an_estimated_figure_is_no_cue() -> None:
    assert find_attributions("The tour grossed an estimated $86 million across 58 shows.") == []


def test_a_leading_attribution_ends_with_its_setting_not_with_the_claim() -> None:
    for text, span in (
        ("Police said on Tuesday the road was closed.", "Police said on Tuesday"),
        ("The ministry said in a statement the talks would resume.", "The ministry said in a statement"),
        ("The road was closed, police said in a statement on Tuesday.", "police said in a statement on Tuesday"),
    ):
        (a,) = find_attributions(text)
        assert text[a.start : a.end] == span
