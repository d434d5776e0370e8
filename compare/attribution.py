"""Who a sentence says its claim comes from: the source, the cue verb, and the kind of source.

Attribution in news English takes a few fixed shapes, which plain patterns read more reliably
than a small parser does (spaCy's small model misparses inverted forms like "..., confirmed
the source."):

* ``..., a source told the Daily Star.`` (trailing: source, cue, recipient);
* ``..., confirmed the source.`` (trailing, inverted);
* ``..., according to the report.`` / ``According to Channel Nine, ...``;
* ``Officials said (that) ...`` (leading), also after a clause (``On Friday, the weather
  service warned ...``) and with an aside before the cue (``Jane Roe, who chairs the board,
  said ...``, ``Roe, 54, said ...``). A leading attribution ends at its cue, or at an adverbial
  before "that" (``Roe said on Tuesday that ...``): the claim after it is not part of it;
* ``Judge Roe said: "..."`` (a colon before a quote), ``Judge Roe dissented, arguing that ...``
  (a participle after the speaker's act), ``"...," Roe said in July, when asked ...``;
* ``..., a new study in The Lancet has found.`` (what a study or survey found; what police
  found is no source). A company that "reported a net profit" reports results, not a claim.

The kind of source is read from the head noun of the source phrase: ``anonymous`` ("a source",
"regime sources", "officials"), ``document`` ("the report", "a statement"), ``outlet`` ("the
daily", "the news outlet", a name that reports), ``official`` (a body: "the health ministry",
"police", "the weather bureau", an organisation's name after "the"), ``person`` (a title or a
person's name).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

CUES = (
    "said|says|told|tells|reported|reports|revealed|reveals|confirmed|confirms|added|adds|stated|states|"
    "announced|announces|claimed|claims|noted|notes|wrote|writes|explained|explains|warned|warns|"
    "disclosed|discloses|alleged|alleges|insisted|insists|acknowledged|acknowledges|estimated|estimates|"
    "cautioned|cautions|argued|argues|stressed|stresses|emphasized|emphasizes|emphasised|emphasises|"
    "admitted|admits|asserted|asserts|testified|testifies|suggested|suggests|"
    "attributed|attributes|blamed|blames|"  # "Officials attributed the decline to ...": their claim
    "hinted|hints|signalled|signaled|signals|vowed|vows"  # "The bank hinted it could raise rates"
)
#: What a full stop inside a sentence (of "U.N.", "Nov. 7", "Dr.", "2.5") becomes while the
#: patterns read it (see :func:`_inner_stops`): a character as long, that ends nothing.
_DOT = "\u2024"
# Up to 11 words: "Observers from the Organization for Security and Co-operation in Europe".
#: An acronym defined in brackets after the name it stands for: "(FSIS)".
DEFINED_ACRONYM = re.compile(r"\([A-Z]{2,8}\)")
# "2,950 participants", "the Food Safety and Inspection Service (FSIS)"
_SOURCE = (
    rf"(?P<source>(?:[\w’'.%\u2024-]+(?:,\d{{3}})*\s|{DEFINED_ACRONYM.pattern}\s){{0,10}}?"
    rf"(?:[\w’'.%\u2024-]+(?:,\d{{3}})*|{DEFINED_ACRONYM.pattern}))"
)
_CUE = r"(?P<cue>" + CUES + r")\b"
# "..., a source told the Daily Star." — and, from the start of the sentence or a clause, the
# leading shape "The weather service warned (that) ..." ; _claim_follows tells the two apart.
_TRAILING = re.compile(r"(?:^|[,;]\s*|[”\"]\s*)" + _SOURCE + r"\s+" + _CUE + r"(?P<rest>[^,;.!?”\"]*)[.!?]?\s*$")
# "..., said Maria Okoro, the province's governor." — the appositive after the name is skipped.
# "..., the agency said on Thursday, adding that ...", "..., officials said on Nov. 6, with 2,000
# ballots left" — an attribution in mid-sentence, also before a quote's setting ('"...," Renzi
# said in July, when asked about ...').
_MIDDLE = re.compile(
    r"[,;”\"]\s*"
    + _SOURCE
    + r"\s+"
    + _CUE
    + r"(?P<rest>[^,;.!?”\"]*),\s*(?:adding|noting|saying|explaining|when\s+asked|speaking|citing|with)\b"
)
# "The plan, officials said, would cost $5 million": a source and its cue set off by commas.
_PARENTHETICAL = re.compile(r"[,;”\"]\s*" + _SOURCE + r"\s+" + _CUE + r"(?P<rest>)(?=\s*,)")
#: Words that start a phrase of place, time or manner, never a source: "…, reported to police".
PREPOSITIONS = frozenset("to for from with by at of in on into against about".split())
_INVERTED = re.compile(r"[,;”\"]\s*" + _CUE + r"\s+" + _SOURCE + r"(?:,\s*[^,;.!?”\"]{1,60}){0,2}\s*[.!?]?\s*$")
# A full stop inside a source: after an initial ("U.S. Customs", "John F. Kennedy") or a short
# title ("Dr. Smith", "St. Louis police") before a capitalised word.
_TITLES = "Dr St Mr Mrs Ms Gen Sen Rep Gov Lt Col Sgt Capt Prof Jr Sr Inc Co Corp Ltd Mt Ft".split()
_AFTER_TITLE = "|".join(rf"(?<=\b{t}\.)" for t in _TITLES)
_INNER_STOP = rf"\.(?:(?:(?<=\b[A-Z]\.)|{_AFTER_TITLE})(?=\s+[A-Z])|(?<=\b[A-Z]\.[A-Z]\.)(?=\s+[a-z]))"
_ACCORDING = re.compile(
    r"\b[Aa]ccording\s+to\s+(?P<source>(?:[^,;.!?”\"]|\.(?=[A-Za-z])|" + _INNER_STOP + r")+?)"
    r"\s*(?=[,;!?]|$|\.(?![A-Za-z]|(?<=\b[A-Z]\.)\s+[A-Z]|(?<=\b[A-Z]\.[A-Z]\.)\s+[a-z]|(?:"
    + _AFTER_TITLE
    + r")\s+[A-Z]))"
)
_LEADING = re.compile(r"^" + _SOURCE + r"\s+" + _CUE + r"(?P<rest>)(?=\s|[.!?]?$)")
# "In a statement on Friday, the foreign ministry said Japan and ...": a leading attribution
# after an introductory phrase (the claim after it may have commas of its own).
_INTRODUCED = re.compile(r"^[^,;“”\"]{2,60},\s*" + _SOURCE + r"\s+" + _CUE + r"(?P<rest>)(?=\s|[.!?]?$)")
# "Alan Frost, a neurologist, called the results “encouraging”": a quote described by its speaker.
_DESCRIBED = re.compile(
    r"(?:^|[,;]\s*)"
    + _SOURCE
    + r"(?:,\s*(?:who|a|an|the|aged|\d+)\b[^,;.!?”\"]{0,80},)?\s+"
    + r"(?P<cue>called(?!\s+(?:for|on|off|up|in|back)\b)|described)\b(?P<rest>)"
    + r"(?=[^“”\".!?‘]{1,60}[“\"‘])"
)
# "Petkov refused to concede defeat late on Sunday and said ...": the speaker did something
# else first, told at any length; the source is the subject of that act (see _make).
_COORDINATED = re.compile(
    r"^(?P<source>(?:[\w’'.\u2024-]+\s){1,15}?(?:and|but)(?:\s+also)?)\s+" + _CUE + r"(?P<rest>)(?=\s|[.!?]?$)"
)
# "Writing for the majority, Judge Maria Delgado said: “...”" — a cue and a colon before a quote;
# a few words between them are whom and where ("told reporters in Ottawa:"), more are a claim.
_COLON = re.compile(r"(?:^|[,;]\s*)" + _SOURCE + r"\s+" + _CUE + r"(?P<rest>(?:\s+[\w'’.-]+){0,4}):\s*[“\"]")
# "Judge Thomas Reilly dissented, arguing that ..." — the cue is a participle after the speaker's act.
_PARTICIPLE = re.compile(
    r"^" + _SOURCE + r"\s+[a-z]+ed,\s+(?P<cue>arguing|saying|adding|noting|warning|insisting|claiming)(?P<rest>)"
    r"(?=\s+that\b|:?\s*[“\"])"
)
_PAST_OF = {"arguing": "argued", "saying": "said", "adding": "added", "noting": "noted", "warning": "warned",
            "insisting": "insisted", "claiming": "claimed"}  # fmt: skip
# "24 of 27 economists polled by Reuters": who ran the poll stands behind its numbers.
_POLLED = re.compile(
    r"\b(?P<cue>polled|surveyed)\s+by\s+"
    r"(?P<source>(?:the\s+)?[A-Z][\w’'.&-]*(?:\s+(?:of\s+|for\s+|and\s+|the\s+)*[A-Z][\w’'.&-]*){0,6})"
)
# "in what mediators called the most significant step": a description told as someone's.
_WHAT_CALLED = re.compile(r"\bwhat\s+" + _SOURCE + r"\s+(?P<cue>called|termed|dubbed|described\s+as)\b(?P<rest>)")
# "..., a new study in The Lancet has found." / "A study in JAMA found that ...": what a study
# or survey found is attributed to it (only document sources: "police found the car").
_FINDING = re.compile(
    r"(?:^|[,;]\s*)"
    + _SOURCE
    + r"\s+(?:has\s+|have\s+)?(?P<cue>found|finds|concluded|concludes|showed|shows|suggested|suggests|suggest"
    + r"|show|indicate|indicates|indicated)(?P<rest>)\b"
)
#: Who "found" something as a source does: "the researchers found", "the authors concluded".
_RESEARCHERS = re.compile(r"\b(?:researchers|scientists|authors|scholars)$", re.I)
#: Nouns for people a source leaves unnamed ("officials", "observers"): anonymous sources.
PEOPLE = frozenset(
    (
        "source sources official officials diplomat diplomats insider insiders person people observer "
        "observers analyst analysts witness witnesses resident residents expert experts aide aides "
        "activist activists"
    ).split()
)
DOCUMENTS = frozenset(
    (
        "report reports statement statements study document documents survey letter filing memo analysis "
        "investigation release leak leaks cable assessment research poll audit data figures statistics"
    ).split()
)
_OUTLET = frozenset(
    (
        "daily newspaper paper outlet channel broadcaster network site website magazine "
        "publication tabloid weekly station newsroom"
    ).split()
)
_OFFICIAL = frozenset(
    (
        "ministry government police army military council court agency authority authorities department "
        "office embassy committee commission administration cabinet parliament presidency organization "
        "organisation institute union bank company corporation foundation service bureau board association "
        "federation coalition alliance league party group center centre senate congress assembly legislature "
        "directorate command force forces guard university hospital"
    ).split()
)
#: Roles that make a source a person: "minister", "spokeswoman", "coach".
ROLES = frozenset(
    (
        "minister spokesman spokeswoman spokesperson president premier ambassador general commander chief "
        "secretary director governor mayor senator lawmaker envoy leader head officer councilman councilwoman "
        "councillor councilor alderman judge sheriff prosecutor attorney representative chairman chairwoman "
        "superintendent professor inspector detective captain lieutenant sergeant adviser advisor sen rep gov dr "
        "manager coach executive ceo cfo founder owner chancellor economist researcher scientist editor lawyer "
        "mediator negotiator investigator regulator"
    ).split()
)
# Lower-case particles inside names: al-Awsat, van Gogh, bin Salman, de Gaulle.
PARTICLES = "al|el|ad|ash|as|at|an|de|du|da|di|del|van|von|der|bin|ibn|bint|le|la"
NAME_PARTICLE = re.compile(rf"(?:{PARTICLES})(?:-\w|$)")
# "Jane Roe, who chairs the board, said ...", "Jane Roe, 54, said ...", "Roe, a lawyer, said ...",
# "Frank Cheung, chairman of Culturecom, said", "A spokesman for the county, Daniel Ortiz, said
# ...", "Kingsport's manager, Pieter de Vries, said": a relative clause, an age or an appositive
# between the speaker and the cue.
_INTERRUPTED = re.compile(
    r"(?:^|[,;”\"]\s*)"
    + _SOURCE
    + r",\s*(?:(?:who|whose|which|a|an|the|aged|\d+|"
    + "|".join(sorted(ROLES))
    + r")\b[^,;.!?”\"]{0,80}"
    + r"|(?P<aside>[A-Z][\w’'.\u2024-]*(?:\s+(?:[A-Z][\w’'.\u2024-]*|"
    + PARTICLES
    + r")){0,3})),\s*"
    + _CUE
    + r"(?P<rest>[^,;.!?”\"]*)"
)
# What a trailing attribution may end with ("..., police said on Monday", "... in a statement");
# anything else after the cue is the claim itself ("Police said the road was closed").
_SETTING_WORDS = (
    r"on|in|at|during|late|early|last|this|yesterday|today|tonight|earlier|later|after|before|when|"
    r"while|through|via|by|from|to|without|under|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
)
_ADVERBIAL = re.compile(r"\s*(?:" + _SETTING_WORDS + r")\b", re.I)
#: The end of a setting: its time or occasion, within a few words ("on Tuesday", "in a statement").
_SETTING_END = re.compile(
    r"(?:\s+\S+){0,3}?\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|"
    r"tonight|morning|afternoon|evening|night|week|weekend|month|year|statement|interview|briefing|"
    r"conference|call|email|release)\b",
    re.I,
)
#: Where the setting starts after whom a source told ("analysts | on a conference call"): a
#: lower-case setting word or a weekday, not a capitalised programme name ("Fox News Sunday").
_SETTING = re.compile(
    r"\s+(?=(?:" + _SETTING_WORDS + r"|(?i:monday|tuesday|wednesday|thursday|friday|saturday)\b(?!\s+[A-Z]))\b)"
)
#: What a company "reported": its results ("a second-quarter net profit", "record sales", "$2.05").
_RESULTS = re.compile(
    r"\s+(?:(?!\bthat\b)[^,;.!?“”\"]){0,40}?\b(?:profits?|loss(?:es)?|revenues?|sales|earnings|income|deficits?|surplus(?:es)?)\b"
    r"|\s+(?:US)?[$€£¥]\d",
    re.I,
)
#: What one "added" that is a thing, not words: "a third", "another goal", "10 points", "$5 billion".
_ADDED_THING = re.compile(
    r"\s+(?:a|an|another|(?:US)?[$€£¥]?\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds|thousands|millions|dozens)\b",
    re.I,
)
#: Words opening a "source" that is a claim the sentence disputes or sets aside ("contrary to
#: what officials said"); "More than 20 officials said" is a source.
_DISPUTED = frozenset("what whatever contrary despite unlike".split())
# Words between a subject and its cue that are not part of the source: "Officials have also said".
_SOURCE_TAIL = frozenset(
    "also later earlier previously separately again further repeatedly then recently has have had will would".split()
)
#: A source cannot open with these: they start a time phrase before the speaker ("On Tuesday
#: Hruska said", "Late on Friday the ministry said"), which ends at its time word.
_YEAR = re.compile(r"(?:1[89]|20)\d\d,?")
#: Words that open the clause a source speaks in, before its speaker: "which Halvorsen said would
#: take", "…, but officials said the number could be higher".
_SUBORDINATE = frozenset(
    "where which who whom whose when while because if although though since as but and yet".split()
)
_LEAD_ADVERBIAL = frozenset("on in at late early earlier later last this yesterday today tonight overnight".split())
_TIME_WORDS = frozenset(
    (
        "monday tuesday wednesday thursday friday saturday sunday yesterday today tonight overnight "
        "morning afternoon evening night week weekend month year day"
    ).split()
)

_DETERMINERS = frozenset(("a an the this that these those some several two three").split())


@dataclass(frozen=True, slots=True)
class Attribution:
    """An attribution found in a sentence; offsets are within the sentence text."""

    start: int
    end: int
    #: The source phrase ("a source", "Syrian regime sources", "the report").
    source: str
    source_start: int
    source_end: int
    cue: str
    #: ``anonymous``, ``document``, ``outlet``, ``official``, ``person`` or ``other``.
    kind: str
    #: Who was told, for "told X" ("the Daily Star"), else "".
    recipient: str = ""
    #: The sentence itself says the source is a person: a name after a role ("Kingsport's
    #: manager, Pieter de Vries, said"), whatever an entity recogniser makes of the name.
    person: bool = False


def find_attributions(text: str, outlets: Iterable[str] = (), persons: Iterable[str] = ()) -> list[Attribution]:
    """Attributions in one sentence; ``outlets`` are names known to be news outlets, ``persons``
    names the entity recogniser reads as people (a name set off by commas after a role is the
    speaker only if it is one: "A spokesman for the county, Daniel Ortiz, said", not "Officials
    in the capital, Kyiv, said").

    >>> [(a.source, a.cue, a.kind) for a in find_attributions("Troops left, a source told the daily.")]
    [('a source', 'told', 'anonymous')]
    >>> [(a.source, a.kind) for a in find_attributions("Troops left, according to the report.")]
    [('the report', 'document')]

    A leading attribution spans its source and cue, not the claim after it:

    >>> text = "Jane Roe, who chairs the board, said the vote was delayed."
    >>> [(a.source, a.cue, a.kind, text[a.start : a.end]) for a in find_attributions(text)]
    [('Jane Roe', 'said', 'person', 'Jane Roe, who chairs the board, said')]
    """
    known = [o.lower() for o in outlets if o]
    people = set(persons)
    found: list[Attribution] = []
    masked = _inner_stops(text)  # the patterns read this; sources are cut from ``text``
    patterns = (
        *(_TRAILING, _INTERRUPTED, _INVERTED, _COLON, _LEADING, _COORDINATED, _MIDDLE, _INTRODUCED),
        *(_PARENTHETICAL, _PARTICIPLE),
    )
    for pattern in (*patterns, _DESCRIBED, _FINDING, _POLLED, _WHAT_CALLED):
        m = pattern.search(masked)
        if m:
            cue = _PAST_OF.get(m.group("cue").lower(), "") if pattern is _PARTICIPLE else ""
            cue = f"{m.group('cue')} by" if pattern is _POLLED else cue
            a = _make(text, m, known, inverted=pattern in (_INVERTED, _POLLED), cue=cue)
            researchers = (
                _RESEARCHERS.search(a.source) and re.match(r"\s*(?:[.!?]?\s*$|that\b)", text[m.end() :]) if a else None
            )
            if a and pattern is _FINDING and a.kind != "document" and not researchers:
                continue  # "Police found the car": only what a study or survey, or researchers, found is sourced
            if a and pattern is _INVERTED and a.cue in ("told", "tells"):
                continue  # '"...," Ivanova, 56, told supporters': who was told is no source
            if a and pattern is _PARTICIPLE and a.kind not in ("person", "official"):
                continue  # "Stocks rallied, adding that ...": no speaker
            if a and _named_aside(m.groupdict().get("aside"), a.source, people):
                name = m.group("aside")  # "A spokesman for the county, Daniel Ortiz, said"
                kind = source_kind([*a.source.split(), *name.split()], a.cue, known)
                kind = "person" if kind == "anonymous" else kind  # "A spokesman …, Daniel Ortiz": named
                a = replace(a, source=name, source_start=m.start("aside"), source_end=m.end("aside"))
                a = replace(a, kind=kind, person=kind == "person")
            if a and not _overlaps(found, a.start, a.end):
                found.append(a)
    for m in _ACCORDING.finditer(masked):
        if not _overlaps(found, m.start("source"), m.end("source")):
            a = _make(text, m, known, cue="according to")
            if a:
                found.append(a)
    return sorted(found, key=lambda a: a.start)


def _named_aside(aside: str | None, source: str, people: set[str]) -> bool:
    """Whether ``aside``, set off by commas after ``source``, names it: a person the tagger
    found, or a name of two words or more after a role ("Kingsport's manager, Pieter de Vries")."""
    if not aside:
        return False
    role = any(re.sub(r"['’]s$", "", w.lower()) in ROLES for w in source.split())
    return aside in people or (role and len(aside.split()) >= 2)


def _inner_stops(text: str) -> str:
    """``text`` with every full stop before its last sentence punctuation made a :data:`_DOT`:
    in one sentence, those are abbreviations, initials and decimals ("officials said on Nov.
    7.", "said Filippo Grandi, the U.N. High Commissioner"), not the end of a clause.

    >>> _inner_stops('U.S. officials said on Nov. 7 it was 2.5 times "higher."').count(".")
    1
    """
    end = len(text.rstrip(" \t\n”\"’')]"))
    last = end - 1 if end and text[end - 1] in ".!?" else end
    return text[:last].replace(".", _DOT) + text[last:]


# An adverb between a speaker and the cue ("Dunmore rightly said"), but not a periodical.
_MANNER = re.compile(r"(?!(?:daily|weekly|monthly|quarterly|yearly|biweekly|fortnightly)$)[a-z]+ly")
_PASSIVE = frozenset("is are was were be been being".split())
_AUXILIARIES = frozenset("has have had is are was were will would did does do can could may might must should".split())


def _opens_long_source(word: str) -> bool:
    """Whether a source of more than eight words may start with ``word``: an article or a
    noun for people or a body ("Observers from the Organization for Security and
    Co-operation in Europe", "The head of ..."), not a clause's subject ("Prices rose ...")."""
    low = word.lower()
    return low in _DETERMINERS or low in PEOPLE or low in ROLES or low in _OFFICIAL


def _is_verb_like(word: str) -> bool:
    """An auxiliary or a past-tense-looking word: where "X ... and said" ends its subject."""
    low = word.lower()
    return low in _AUXILIARIES or (word.islower() and low.endswith("ed") and len(low) > 4)


def _overlaps(found: list[Attribution], start: int, end: int) -> bool:
    return any(start < a.end and a.start < end for a in found)


def _make(text: str, m: re.Match[str], known: list[str], inverted: bool = False, cue: str = "") -> Attribution | None:
    s_start, s_end = m.start("source"), m.end("source")
    while s_end > s_start and text[s_end - 1] in ".!?":
        s_end -= 1
    words, act = text[s_start:s_end].split(), False
    if inverted and words and words[0].lower() in PREPOSITIONS:
        if words[0].lower() != "by" or len(words) < 2:
            return None  # "The theft, reported to police on Monday, involved ...": nobody is cited
        s_start = text.index(words[1], s_start + 2)  # "The blast, reported by the Courier, killed two"
        words = words[1:]
    if not cue and not inverted and words and words[-1].lower() in _PASSIVE:
        return None  # "No deaths were reported", "He was told": nobody is cited
    while not cue and len(words) > 1 and (words[-1].lower() in _SOURCE_TAIL or _MANNER.fullmatch(words[-1])):
        words.pop()  # "Officials have also said", "Dunmore rightly said"
    if not cue and words and words[-1].lower() in ("and", "but"):  # "Weiss has not conceded and said"
        verb = next((k for k, w in enumerate(words[:-1]) if k and _is_verb_like(w)), None)
        if verb is None:
            return None  # no act to tell the speaker by
        words, act = words[:verb], True
    if len(words) > 1 and words[0].lower() in _SUBORDINATE:  # "..., which Halvorsen said would take"
        s_start = text.index(words[1], s_start + len(words[0]))
        words = words[1:]
    if words and words[0].lower() in _LEAD_ADVERBIAL:  # "On Tuesday Hruska said": the speaker is Hruska
        ends = [k for k, w in enumerate(words[:4]) if w.lower().strip(".,") in _TIME_WORDS or _YEAR.fullmatch(w)]
        if ends and ends[-1] < len(words) - 1:
            cut = ends[-1] + 1
            s_start = text.index(words[cut], s_start + len(" ".join(words[:cut])))
            words = words[cut:]
    if len(words) > 8 and not _opens_long_source(words[0]):
        return None  # "Prices rose sharply in March and April but officials said": a clause, not a source
    if words and words[0].lower() in _DISPUTED:
        return None  # "contrary to what officials said", "despite what the report said": cited to be disputed
    s_end = s_start + len(" ".join(words)) if words else s_start
    if s_end == s_start:
        return None
    source = text[s_start:s_end]
    cue = cue or m.group("cue").lower()
    if words and words[-1].lower() in ("a", "an", "the"):
        return None  # "the tour grossed an estimated $86 million": an adjective, not a cue
    if words and words[-1].lower() in PREPOSITIONS:
        return None  # "…, sealed the victory in added time": "added" is no cue after a preposition
    if cue in ("reported", "reports") and _RESULTS.match(text, m.end("cue")):
        return None  # "Nordvik Motors reported a net profit of $412 million": results, not a source
    if cue in ("added", "adds") and _ADDED_THING.match(text, m.end("cue")):
        return None  # "before substitute Tomas Varga added a third": a goal, not words
    if act:  # "Petkov conceded defeat but said": the act between is part of the claim, not of its source
        return Attribution(s_start, s_end, source, s_start, s_end, cue, source_kind(source.split(), cue, known))
    start = m.start("cue") if inverted else m.start() if cue == "according to" else s_start
    end, recipient = _extent(text, m, cue, inverted)
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".!?"):
        end -= 1
    return Attribution(start, end, source, s_start, s_end, cue, source_kind(source.split(), cue, known), recipient)


def _extent(text: str, m: re.Match[str], cue: str, inverted: bool) -> tuple[int, str]:
    """Where the attribution ends, and whom the source told.

    The claim is not part of it: "Police said on Monday that the road was closed" ends after
    "Monday"; "Police said the road was closed" ends at the cue.
    """
    told = cue in ("told", "tells")
    rest = m.groupdict().get("rest")
    if inverted or rest is None:
        return m.end(), ""
    that = re.match(r"(.*?)\s*\bthat\b", rest)
    # "said on Monday that ...", "told reporters that ..." — but not the "that" of a relative
    # clause inside the claim ("said the craft was a balloon that drifted").
    if that and (not that.group(1).strip() or told or _ADVERBIAL.match(that.group(1))):
        return m.start("rest") + len(that.group(1)), _recipient(that.group(1)) if told else ""
    if not rest.strip() or told:
        return m.end("rest"), _recipient(rest) if told else ""
    if _ADVERBIAL.match(rest):
        # "said on Tuesday." is all setting; "said on Tuesday the road was closed" ends at the
        # setting's time or occasion word, and a longer rest without one ends at the cue.
        if len(rest.split()) <= 4 or m.start() > 0:  # (after a comma: ", police said in a statement on Tuesday.")
            return m.end("rest"), ""
        setting = _SETTING_END.match(rest)
        return (m.start("rest") + setting.end(), "") if setting else (m.end("cue"), "")
    return m.end("cue"), ""


def _recipient(after_cue: str) -> str:
    """Whom a source told, without the setting: "analysts on a conference call" → "analysts",
    "the Daily Star on Monday" → "the Daily Star"."""
    return _SETTING.split(after_cue.strip(), maxsplit=1)[0].strip()


def source_kind(words: list[str], cue: str = "", known: Iterable[str] = ()) -> str:
    """The kind of a source phrase, read from its head noun (its last word).

    >>> source_kind("Syrian regime sources".split())
    'anonymous'
    >>> source_kind("the London-based Arabic daily".split())
    'outlet'
    >>> source_kind(["Channel", "Nine"], "according to"), source_kind("a council statement".split())
    ('outlet', 'document')
    >>> source_kind("Experts not involved in the research".split())
    'anonymous'
    >>> source_kind("the U.S. Department of Agriculture".split())
    'official'
    """
    words = [w for w in words if not DEFINED_ACRONYM.fullmatch(w)]  # "... Service (FSIS)"
    phrase = " ".join(words).lower()
    # The head noun comes before a modifier: "a study in the journal JAMA", "sources in the ministry".
    lead = re.split(r"\s(?:in|of|for|at|by|from|published|close|familiar|with)\s", phrase, maxsplit=1)[0].split()
    generic = len(lead) == 1 and lead[0] in PEOPLE  # "Observers from the OSCE", opening a sentence
    body = lead[-1] in _OFFICIAL if lead else False  # "the U.S. Department of Agriculture"
    if len(lead) < len(words) and words[len(lead) - 1][:1].isupper() and not generic:
        lead = phrase.split()  # a name: "The Institute for the Study of War"
    head = re.sub(r"[’']s$", "", lead[-1]) if lead else ""
    if any(len(name) >= 3 and re.search(rf"\b{re.escape(name.lower())}\b", phrase) for name in known):
        return "outlet"
    first = next((w for w in lead if w not in _DETERMINERS), "")
    if head in PEOPLE or (first in PEOPLE and first != head and not words[-1][:1].isupper()):
        return "anonymous"  # "officials", and "experts not involved in the research"
    definite = words[0].lower() in ("the", "these", "those", "its", "their")  # "the researchers": the study's
    if _plural_role(head) and not definite and not any(w[:1].isupper() for w in words[1:]):
        return "anonymous"  # "Economists said", "federal prosecutors": people by their role, unnamed
    if head in DOCUMENTS:
        return "document"  # "the report", and "a council statement" too: a paper, not a person
    if words and words[0].lower() in ("a", "an") and (head in ROLES or not any(w[:1].isupper() for w in words[1:])):
        return "anonymous"  # "a government spokesperson", "a spokesperson for the Rubio campaign": a role, no name
    if head in _OUTLET or phrase.endswith("news outlet"):
        return "outlet"
    if words[-1][:1].isupper() and any(w.lower() in _OUTLET for w in words[:-1]):
        return "outlet"  # "Slovenian broadcaster RTV", "trade publication Pollstar"
    if head in _OFFICIAL or body:
        return "official"
    if head in ROLES or any(w.lower().rstrip(".") in ROLES for w in words):
        return "person"
    # A name: capitalised words, optionally after a capitalised "The" ("The Herald"); a
    # lower-case determiner makes a descriptor ("the news outlet").
    named = words[1:] if words and words[0].lower() == "the" else words
    proper = bool(named) and all(w[:1].isupper() or NAME_PARTICLE.match(w) for w in named)
    if proper and all(w.isupper() and len(w) > 1 for w in named):
        # An acronym (WHO, NATO, AFP) names an institution, or an outlet when it reports.
        return "outlet" if cue in ("reported", "reports", "wrote", "writes") else "official"
    if proper and (words[0] not in _DETERMINERS or words[0] == "the"):
        # A bare name that "reports" or is cited "according to" is a publication; one that
        # "said" is more often a person, or an organisation speaking for itself when "the"
        # comes before the name (nobody says "the Jane Roe").
        if cue in ("reported", "reports", "wrote", "writes") or cue.endswith(" by"):
            return "outlet"
        if cue == "according to":  # "according to Reuters", but "according to Health New Zealand"
            return "outlet" if len(named) == 1 or _published(named) else "official"
        return "official" if words[0].lower() == "the" and len(words) > 1 else "person"
    return "other"


#: Words that make a name a publication's ("The Herald", "Channel Nine", "Sky News").
_PUBLICATION_WORDS = frozenset(
    (
        "post times news daily herald journal telegraph guardian tribune gazette chronicle observer "
        "independent mail express mirror star sun press wire tv television radio channel magazine review "
        "broadcasting broadcaster network sentinel courier standard examiner inquirer bulletin dispatch"
    ).split()
)
#: News agencies and broadcasters cited by their bare name.
_NEWS_NAMES = frozenset(
    (
        "reuters bloomberg ap afp cnn bbc msnbc nbc abc cbs xinhua tass kyodo yonhap dpa ansa efe interfax "
        "anadolu politico axios semafor"
    ).split()
)


def _published(name: list[str]) -> bool:
    """Whether a bare name of several words cited "according to" is a publication's ("Sky
    News", "The Daily Star"), not an agency's or a body's ("Health New Zealand"). A name of one
    word is read as a publication's: more often an outlet ("according to Reuters") than a
    body, whose short name is usually an acronym."""
    low = [w.lower().strip(".,") for w in name]
    return bool(set(low) & (_PUBLICATION_WORDS | _NEWS_NAMES))


def _plural_role(word: str) -> bool:
    """Whether ``word`` is the plural of a role (``ROLES``): "economists", "spokesmen",
    "secretaries".

    >>> _plural_role("economists"), _plural_role("spokesmen"), _plural_role("coaches"), _plural_role("economist")
    (True, True, True, False)
    """
    if word.endswith("ies"):
        singular = [word[:-3] + "y"]
    elif word.endswith("men"):
        singular = [word[:-3] + "man"]
    else:
        singular = [word[:-1], word[:-2]] if word.endswith("es") else [word[:-1]]  # "coaches"
    return word.endswith(("s", "men")) and any(w in ROLES for w in singular)


def titled(source: str) -> bool:
    """Whether a source names a person by a title ("hospital spokeswoman Mateja Kolar").

    >>> titled("hospital spokeswoman Mateja Kolar"), titled("Mateja Kolar")
    (True, False)
    """
    return any(w.lower().rstrip(".") in ROLES for w in source.split())


def is_descriptor(source: str) -> bool:
    """A source named by a description ("the news outlet", "a source"), not by a name
    ("the Daily Courier", "Channel Nine").

    >>> is_descriptor("the London-based Arabic daily"), is_descriptor("the Daily Courier")
    (True, False)
    """
    words = source.split()
    if not words or words[0].lower() not in _DETERMINERS:
        return False
    return not all(w[:1].isupper() or NAME_PARTICLE.match(w) for w in words[1:])


def same_person(name: str, earlier: str) -> bool:
    """Whether ``name`` is a later mention of the person first named ``earlier``: the same
    name, or its last words ("Okoro" or "Maria Okoro" after "Governor Maria Okoro").

    >>> same_person("Okoro", "Governor Maria Okoro"), same_person("Maria", "Governor Maria Okoro")
    (True, False)
    """
    later, first = name.lower().split(), earlier.lower().split()
    return bool(later) and not is_descriptor(name) and first[-len(later) :] == later
