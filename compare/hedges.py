"""How sure a sentence is of its claim: the tense of its main verbs, its hedges and negations.

Read from spaCy's parse of one sentence (see :mod:`compare.facts`): adverbs ("reportedly"),
modals on the claim's main verb or a relative clause's ("may use", "products that may be
contaminated", not "so that militias could avoid"), hearsay, forecasts and plans ("is
expected to visit", "appeared to level off", "expects tariffs to cost", "is planned for Aug.
14"), links told for causes ("was associated with a lower risk"), and negated verbs or denied
nouns ("did not rule out", "no tsunami warning"). Each is a ``hedge`` fact whose label says
which (``tense``, ``hedge``, ``negation``).
"""

from __future__ import annotations

import re
from typing import Any

from compare.models import Fact

HEDGES = frozenset(
    (
        "reportedly allegedly apparently possibly probably likely perhaps purportedly suspected "
        "presumably seemingly unconfirmed generally largely mostly mainly broadly"
    ).split()
)


#: Hedges that qualify how far a claim holds ("generally well run", "largely peaceful"): one for
#: another says the same thing.
QUALIFIERS = frozenset("generally largely mostly mainly broadly".split())

#: People that "likely" sorts into a group, as pollsters do: "likely voters", "likely buyers".
_LIKELY_GROUPS = frozenset("voter caucusgoer elector buyer customer user".split())
#: Words before "likely" that make it a comparison of chances, not a hedge: "less likely to develop".
_DEGREE = frozenset(("less", "more", "as", "least", "equally", "twice"))

#: Adjectives that say figures are not final, and the nouns for figures they qualify.
_TENTATIVE = frozenset(("preliminary", "provisional", "tentative", "partial"))  # ("unofficial": an opposite)
_TALLIES = frozenset("figure data result estimate count tally number statistic finding report".split())

#: Modal verbs hedge a claim only on its main verb ("militias may use"), not in a purpose
#: clause ("so that militias could avoid").
MODALS = frozenset(("may might could would should").split())


#: Lemmas of verbs that report speech, a view or an intent: in "X said (that) CLAIM" or "X
#: signalled it may CLAIM" the claim's verb carries the tense and the hedge.
CUE_LEMMAS = frozenset(
    (
        "say tell report reveal confirm add state announce claim note write explain warn disclose allege "
        "insist acknowledge estimate caution argue stress emphasize emphasise admit assert testify "
        "find conclude show suggest indicate signal hint vow pledge promise threaten believe think fear predict"
    ).split()
)


def hedges(doc: Any, fact: Any) -> list[Fact]:
    """Tense of the claim's main verbs, hedges (adverbs, modals on the main verb, hearsay)
    and negations of one parsed sentence, as ``hedge`` facts made by ``fact``."""
    out = []
    verbs = main_verbs(doc)
    chain = {start for _, start, _, _, _ in verbs}
    relative = {_start(v) for v in _relative_verbs(doc)}
    for tok in doc:
        # "25 percent less likely": a risk, no hedge; "varied widely": an extent, not a qualifier
        compared = tok.lower_ == "likely" and tok.i > 0 and doc[tok.i - 1].lower_ in _DEGREE
        # "1,012 likely voters": a group of people, not a hedge ("the likely causes" stays one)
        compared = compared or (
            tok.lower_ == "likely"
            and tok.dep_ == "amod"
            and tok.head.tag_ == "NNS"
            and tok.head.lemma_ in _LIKELY_GROUPS
        )
        extent = tok.lower_ in QUALIFIERS and tok.head.tag_ in ("VBD", "VBZ", "VBP")
        adverb = tok.lower_ in HEDGES and not compared and not extent
        # "preliminary figures", "provisional results": numbers not yet final
        adverb = adverb or (tok.lower_ in _TENTATIVE and tok.dep_ == "amod" and tok.head.lemma_ in _TALLIES)
        # "a bill that would ban the app": what a proposal does, no hedge ("that could ban" is one)
        claim = _start(tok.head) in chain or (_start(tok.head) in relative and tok.lower_ != "would")
        modal = tok.lower_ in MODALS and tok.dep_ == "aux" and claim
        modal = modal and not (tok.lower_ == "would" and _backshifted(tok.head))
        barred = tok.lower_ == "may" and tok.i + 1 < len(doc) and doc[tok.i + 1].dep_ == "neg"
        modal = modal and not barred  # "may not compel": a bar ("might not qualify" stays a hedge)
        if adverb or modal:
            out.append(fact("hedge", tok.idx, tok.idx + len(tok), "hedge", tok.lower_))
    out += _hearsay(doc, fact)
    out += _associations(doc, fact)
    for verb, start, end, tense, told in verbs:
        out.append(fact("hedge", start, end, "tense", tense, verb=verb, **({"told": "past"} if told else {})))
    out += _negations(doc, fact)
    return out


def _hearsay(doc: Any, fact: Any) -> list[Fact]:
    """A claim told as what others expect or believe, or as an impression or a forecast: "is
    expected to visit", "are believed to have fled", "is said to be", "were feared dead",
    "appeared to level off", "expects tariffs to cost". The value is the phrase ("expected
    to"); ``verb`` names the verb it hedges, so "is expected to visit" → "will visit" is one
    change."""
    out = []
    for tok in doc:
        auxpass = [c for c in tok.children if c.dep_ == "auxpass"]
        passive = bool(auxpass) and tok.tag_ == "VBN" and tok.lemma_ in _HEARSAY
        seeming = not auxpass and tok.lemma_ in _SEEMING and tok.pos_ == "VERB"
        if not passive and not seeming:
            continue
        hedged = [c for c in tok.children if c.dep_ in ("xcomp", "oprd")]
        if seeming and not hedged:  # "expects tariffs to cost": an infinitive with its own subject
            hedged = [c for c in tok.children if c.dep_ == "ccomp" and any(a.lower_ == "to" for a in c.children)]
        if not hedged:
            if passive and tok.lemma_ in _PLANS:  # "a strike is planned for Aug. 14": still to come
                out.append(fact("hedge", auxpass[0].idx, tok.idx + len(tok), "hedge", tok.lower_))
            continue
        target = hedged[0]
        to_next = tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to"
        if target.dep_ == "xcomp" and not to_next:
            continue  # "was expected home": no infinitive
        word = tok.lemma_ if seeming else tok.lower_  # "appeared to" and "seems to" are one hedge
        value = word if target.dep_ == "oprd" else f"{word} to"
        end = doc[tok.i + 1].idx + 2 if to_next else tok.idx + len(tok)
        start = (auxpass[0] if auxpass else tok).idx
        out.append(fact("hedge", start, end, "hedge", value, verb=str(target.lemma_.lower())))
    return out + _hearsay_aside(doc, fact, {f.start for f in out})


def _hearsay_aside(doc: Any, fact: Any, taken: set[int]) -> list[Fact]:
    """Hearsay set off by a comma after a noun: "A third suspect, believed to have driven the
    car, remains at large", "The man, said to be in his 40s". The small parser often reads the
    participle as the sentence's verb, so the words decide: a comma, a hearsay participle,
    "to", and the verb it hedges ("have" and "be" as auxiliaries skipped)."""
    out = []
    for tok in doc[1:-2]:
        if doc[tok.i - 1].text != "," or tok.lower_ not in _HEARSAY_PARTICIPLES or doc[tok.i + 1].lower_ != "to":
            continue
        if tok.idx in taken:
            continue
        verb = doc[tok.i + 2] if tok.i + 2 < len(doc) else None
        if verb is None or verb.pos_ not in ("VERB", "AUX"):
            continue  # ", reported to police, was": "to" before a noun hedges nothing
        if verb.lower_ == "have" and verb.i + 1 < len(doc) and doc[verb.i + 1].tag_ == "VBN":
            verb = doc[verb.i + 1]  # "believed to have driven": drove
        end = doc[tok.i + 1].idx + 2
        out.append(fact("hedge", tok.idx, end, "hedge", f"{tok.lower_} to", verb=str(verb.lemma_.lower())))
    return out


#: Verbs that tell a claim as an impression, a forecast or a plan, before an infinitive:
#: "appeared to level off", "expects tariffs to cost", "plans to appeal".
_SEEMING = frozenset(("appear", "seem", "expect", "forecast", "predict", "project", "anticipate", "plan", "intend"))
#: Verbs that, passive, tell an event as planned, not yet happened: "is planned for Aug. 14",
#: "is scheduled to open".
_PLANS = frozenset(("plan", "schedule", "slate"))


#: Participles that tell a claim as hearsay in an aside: ", believed to have fled,".
_HEARSAY_PARTICIPLES = frozenset(
    "believed thought said reported feared understood alleged presumed suspected rumoured rumored".split()
)
#: Verbs that, passive and before an infinitive, tell a claim as hearsay, expectation or plan.
_HEARSAY = (
    frozenset("expect believe think say report fear understand rumour rumor presume suspect allege estimate".split())
    | _PLANS
)


def _associations(doc: Any, fact: Any) -> list[Fact]:
    """A claim told as a link, not a cause: "was associated with a lower risk", "are linked to
    heart disease". The value is the phrase ("associated with")."""
    out = []
    for tok in doc:
        if tok.lemma_ not in _LINKS or tok.tag_ != "VBN":
            continue
        # the claim's predicate; "illnesses linked to the recall" names which illnesses
        passive = any(c.dep_ == "auxpass" for c in tok.children)
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("with", "to")), None)
        if passive and prep is not None:
            out.append(fact("hedge", tok.idx, prep.idx + len(prep), "hedge", f"{tok.lower_} {prep.lower_}"))
    return out


#: Verbs that, as participles before "with" or "to", tell a claim as a link: "associated with".
_LINKS = frozenset(("associate", "link", "correlate", "tie"))


def same_kind(x: str, y: str) -> bool:
    """Whether one hedge for the other says the same thing: one qualifier for another
    ("generally" / "largely"), one plan for another ("planned" / "scheduled to"), one link
    for another ("associated with" / "linked to")."""
    return any(x.startswith(kind) and y.startswith(kind) for kind in _KINDS) or (x in QUALIFIERS and y in QUALIFIERS)


#: How the hedges of one kind begin: the stems of the plans' and the links' verbs ("schedul"
#: of "scheduled to", "tie" of "tied to").
_KINDS = tuple(
    tuple(w[:-1] if w.endswith("e") and len(w) > 4 else w for w in sorted(verbs))
    for verbs in (_PLANS | {"intend"}, _LINKS)
)


def _negations(doc: Any, fact: Any) -> list[Fact]:
    """Negated verbs ("did not rule out", "will never join", "wasn't") and singular nouns ("no
    warning"): the span runs from the verb's first auxiliary or the negation, whichever comes
    first, to the verb or noun; the value is its lemma, so "did not rule out" and "ruled out",
    or "no warning" and "a warning", can be matched."""
    out: list[Fact] = []
    if not _NEGATION_HINT.search(doc.text):
        return out  # most sentences: no need to walk the tokens
    for tok in doc:
        verb, noun = tok.head, _none_of(doc, tok)
        refused = _refused_to(doc, tok)  # "refused to concede": not conceded
        if _yet_to(doc, tok) or refused:  # "has yet to publish": not published
            verb = doc[tok.i + 2]
        elif noun is not None:  # "no tsunami warning": none issued ("no deaths" is also a zero count)
            verb = noun
        elif tok.dep_ != "neg" or verb is tok or not (verb.pos_ in ("VERB", "AUX") or _complement(verb)):
            continue
        elif tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in _NOT_ONLY:
            continue  # "not just seized the town, but ...": no negation
        start = tok.idx if refused else min(tok.idx, _start(verb), _start(tok.head))
        end = max(tok.idx + len(tok), verb.idx + len(verb))
        if noun is not None:  # "no arrests" denies "an arrest" too: a plural's value is singular
            value = noun.lemma_.lower() if noun.tag_ == "NNS" else noun.lower_
            governor = next((t for t in noun.ancestors if t.pos_ in ("VERB", "AUX")), None)
            said = {"governor": str(governor.lemma_.lower())} if governor is not None else {}
            out.append(fact("hedge", start, end, "negation", str(value), noun=noun.text, **said))
        else:
            out.append(fact("hedge", start, end, "negation", str(verb.lemma_.lower()), verb=verb.text))
    return out


#: Dependencies of an adjective that completes a verb: "plead not guilty", "found him not guilty".
_COMPLEMENTS = frozenset(("acomp", "ccomp", "oprd", "xcomp"))


def _complement(word: Any) -> bool:
    """Whether ``word`` is an adjective that completes a verb ("plead not guilty", "declared not
    fit"), whose negation denies the claim as a verb's would; not one inside a noun phrase ("a
    not insignificant number")."""
    return bool(word.pos_ == "ADJ" and word.dep_ in _COMPLEMENTS)


def _none_of(doc: Any, tok: Any) -> Any:
    """The noun that "no" denies ("no immediate comment", "no tsunami warning", which the small
    parser may read as a verb, "no arrests"), or None."""
    if tok.lower_ != "no" or tok.dep_ != "det" or tok.head.tag_ not in ("NN", "NNS") or tok.head.lower_ == "one":
        return None
    noun = None
    for word in doc[tok.i + 1 :]:
        if word.tag_ not in ("JJ", "NN", "NNS", "VBG", "HYPH"):
            break
        noun = word if word.tag_ != "JJ" and word.tag_ != "HYPH" else noun
    return noun


_NOT_ONLY = frozenset(("just", "only", "merely", "simply"))


_NEGATION_HINT = re.compile(r"\b(?:not|never|yet|no|nor|cannot|refus\w*|fail\w*|declin\w*)\b|n[’']t\b", re.I)
#: Verbs that deny the verb after them: "refused to concede" (not conceded), "failed to win".
_REFUSE = frozenset(("refuse", "fail", "decline"))


def _refused_to(doc: Any, tok: Any) -> bool:
    """Whether ``tok`` is the "refused" of "refused to VERB" (or "failed", "declined to")."""
    return bool(
        tok.lemma_.lower() in _REFUSE
        and tok.pos_ == "VERB"
        and tok.i + 2 < len(doc)
        and doc[tok.i + 1].lower_ == "to"
        and doc[tok.i + 2].pos_ in ("VERB", "AUX")
    )


def _yet_to(doc: Any, tok: Any) -> bool:
    """Whether ``tok`` is the "yet" of "(has) yet to VERB", a negation without "not"."""
    return bool(
        tok.lower_ == "yet"
        and tok.i + 2 < len(doc)
        and doc[tok.i + 1].lower_ == "to"
        and doc[tok.i + 2].pos_ in ("VERB", "AUX")
    )


def _start(verb: Any) -> int:
    auxes = [c.idx for c in verb.children if c.dep_ in ("aux", "auxpass") and c.lower_ != "to"]
    return int(min([verb.idx, *auxes]))


def main_verbs(doc: Any) -> list[tuple[str, int, int, str, bool]]:
    """Verbs of the claim's main clause, with their tense, and whether a cue in the past
    reports them ("said the slowdown was likely": its past may be the speaker's present).

    The claim's clause is the root's, or in "X said (that) CLAIM" the reported clause's;
    its verbs are the root and those chained to it by ``xcomp``/``conj``. Tense is ``past``,
    ``present`` or ``future``, with ``-progressive`` or ``-perfect`` when the auxiliaries say
    so; a bare verb under another (``were using ... to manufacture``) takes the governing
    verb's tense.
    """
    out = []
    for root in (t for t in doc if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")):
        root = (_reported(root) or [root])[0]
        chain = _clause_verbs(root)
        root_tense = _tense(root)
        for verb in sorted(chain, key=lambda t: t.i):
            # "was struck and taken": a participle without its own auxiliary or subject shares them
            shares = verb.tag_ in ("VB", "VBG") or (verb.tag_ == "VBN" and not _subject(verb))
            own = verb is root or not shares or any(c.dep_ == "aux" for c in verb.children if c.lower_ != "to")
            tense = _tense(verb) if own else root_tense
            out.append((str(verb.lemma_.lower()), _start(verb), verb.idx + len(verb), tense, _told_in_past(verb)))
    return out


def _clause_verbs(root: Any) -> list[Any]:
    """``root`` and the verbs chained to it by ``xcomp``/``conj``, and the clauses they report."""
    stack, chain = [root], []
    while stack:
        verb = stack.pop()
        chain.append(verb)
        stack += [c for c in verb.children if c.dep_ in ("xcomp", "conj") and c.pos_ == "VERB"]
        if verb is not root:  # "held rates and signalled it may cut them": the claim signalled too
            stack += _reported(verb)
    return chain


def _relative_verbs(doc: Any) -> list[Any]:
    """Verbs of relative clauses, which make a claim of their own about a noun: "products that
    may be contaminated", "the war, which officials said could add thousands" (the reported
    clause's verb)."""
    out = []
    for verb in (t for t in doc if t.dep_ == "relcl" and t.pos_ in ("VERB", "AUX")):
        out += _clause_verbs((_reported(verb) or [verb])[0])
    return out


def _reported(verb: Any) -> list[Any]:
    """The clause a cue verb reports ("said (that) CLAIM"), or none."""
    if verb.lemma_ not in CUE_LEMMAS:
        return []
    return [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")][:1]


def _subject(verb: Any) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _told_in_past(verb: Any) -> bool:
    """Whether a cue in the past reports ``verb``'s clause ("said her client was innocent and
    would plead": both verbs)."""
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return bool(verb.dep_ == "ccomp" and verb.head.lemma_ in CUE_LEMMAS and verb.head.tag_ == "VBD")


def _backshifted(verb: Any) -> bool:
    """Whether ``verb`` takes "would" as reported speech's "will": "Bayramov said Azerbaijan
    would not sign" tells what "Azerbaijan will not sign" does."""
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return _told_in_past(verb) and "would" in auxes and "have" not in auxes  # "would have failed": what did not happen


def _tense(verb: Any) -> str:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    tags = {a.tag_ for a in auxes} | {verb.tag_}
    if words & {"will", "shall"} or _backshifted(verb):
        base = "future"
    elif "had" in words or ("VBD" in tags and not words & {"has", "have"}):
        base = "past"
    elif verb.tag_ == "VBN" and not auxes and (verb.dep_ == "ROOT" or any(c.dep_ == "nsubj" for c in verb.children)):
        base = "past"  # a finite verb the tagger read as a participle: "Floods triggered by rain killed 14"
    else:
        base = "present"
    if verb.tag_ == "VBG" and words & {"is", "are", "was", "were", "am", "be", "been"}:
        return f"{base}-progressive"
    if words & {"has", "have", "had"}:
        return f"{base}-perfect"
    return base
