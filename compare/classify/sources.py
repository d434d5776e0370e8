"""Attributions compared: a source shifted, credited elsewhere, or new in B."""

from __future__ import annotations

import re

from compare.attribution import (
    DEFINED_ACRONYM,
    DOCUMENTS,
    NAME_PARTICLE,
    PEOPLE,
    PREPOSITIONS,
    ROLES,
    is_descriptor,
    same_person,
)
from compare.classify.common import _STOP, Context, _change, _detail, _has_words, _replaced
from compare.classify.names import _acronym_of, _words, spelt_alike
from compare.facts import fold
from compare.lexicon import NUMBER_WORDS
from compare.models import Alignment, Fact, FactChange

_KIND_WORDS = {
    "anonymous": "anonymous source",
    "document": "document",
    "outlet": "outlet",
    "person": "named person",
    "official": "institution",
    "other": "source",
}


def _attributions(x: Alignment, fa: list[Fact], fb: list[Fact], ctx: Context) -> list[FactChange]:
    a0, b0 = x.a[0], x.b[0]
    aa = [f for f in fa if f.kind == "attribution"]
    ab = [f for f in fb if f.kind == "attribution"]
    out: list[FactChange] = []
    for k in range(max(len(aa), len(ab))):
        before = aa[k] if k < len(aa) else None
        after = ab[k] if k < len(ab) else None
        a_sid = before.sentence if before else a0
        b_sid = after.sentence if after else b0
        if before and after and (names := _misspelt(before, after)):
            # "Tim Scott said" → "Tim Scot said": one speaker, the name spelt two ways
            what = f"one name spelt two ways: “{names[0]}” → “{names[1]}”"
            out.append(_change("entity_renamed", a_sid, b_sid, before, after, what))
        elif before and after:
            detail = _shift(before, after, ctx)
            if detail:
                out.append(_change("attribution_changed", a_sid, b_sid, before, after, detail))
        elif before is not None and _negated_cue(x, before, fb, in_a=True):
            pass  # "Officials confirmed" → "Officials did not confirm": a reversal, reported as such
        elif after is not None and _negated_cue(x, after, fa, in_a=False):
            pass  # "Officials did not confirm" → "Officials confirmed"
        elif after:
            what = f"{_KIND_WORDS[after.label]}: {after.text}"
            out.append(
                _change(
                    "attribution_changed",
                    a_sid,
                    b_sid,
                    None,
                    after,
                    f"attribution added where A states it in its own voice ({what}){_referent(after, ctx)}",
                )
            )
        elif before:
            out.append(
                _change(
                    "attribution_changed",
                    a_sid,
                    b_sid,
                    before,
                    None,
                    f"attribution removed: B states it in its own voice ({_KIND_WORDS[before.label]})",
                )
            )
        if after and _is_new_name(after, ctx):
            out.append(_new_source(after, b_sid, "not named anywhere in A"))
    return out


def _name_of(source: str) -> str:
    """The name a source ends with: its last capitalised words ("Tim Scott" of "The county
    elections director Tim Scott"; "de Vries" particles included), or ""."""
    words = source.split()
    k = len(words)
    while k > 0 and (words[k - 1][:1].isupper() or (k < len(words) and NAME_PARTICLE.match(words[k - 1]))):
        if words[k - 1].lower() in ROLES:
            break  # "Health Minister Simeon Brown": the name after the title
        k -= 1
    return " ".join(words[k:])


def _misspelt(before: Fact, after: Fact) -> tuple[str, str] | None:
    """The two spellings of one person's name, when two attributions cite one person so."""
    if before.label != "person" or after.label != "person":
        return None
    x, y = _name_of(_detail(before, "source")), _name_of(_detail(after, "source"))
    return (x, y) if spelt_alike(x, y) else None


def _negated_cue(x: Alignment, f: Fact, other: list[Fact], in_a: bool) -> bool:
    """Whether the word diff replaces ``f``'s cue with its negation on the other side
    ("Officials did not confirm" for "Officials confirmed"): one speaker, and the reversal is
    reported as a negation change. A negation the diff leaves in place ("... but did not
    confirm its price" on both sides) reverses nothing."""
    cue = _detail(f, "cue").lower()
    negations = [g for g in other if g.kind == "hedge" and g.label == "negation" and g.value[:5] == cue[:5]]
    return any(_replaced(x, f, g) if in_a else _replaced(x, g, f) for g in negations)


def _shift(before: Fact, after: Fact, ctx: Context) -> str:
    r_a, r_b = _detail(before, "recipient"), _detail(after, "recipient")
    # "a source told the Daily Star" -> "officials said": who heard it is credit dropped too.
    credit = f"; the credit to “{r_a}” (who was told) is gone" if r_a and not r_b else ""
    # "the World Health Organization" → "the WHO", "chief executive Lena Park" → "CEO Lena Park":
    # one source, whose type may differ only because the short form reads differently.
    if _pronoun_for(before, after, ctx, "a") or _pronoun_for(after, before, ctx, "b"):
        return ""  # "she said" → "Kalogeropoulou said", who is named in the sentences before
    if _descriptor_for(before, after, ctx.a_folded) or _descriptor_for(after, before, ctx.b_folded):
        return ""  # "the company said" → "Lumen said", where A names Lumen as the company
    if _paper_in_setting(before, after) or _paper_in_setting(after, before):
        return ""  # "UNHCR said in its Global Trends report" → "according to the agency's Global Trends report"
    if not _same_source(_detail(before, "source"), _detail(after, "source")):
        if before.label != after.label:
            return f"{_KIND_WORDS[before.label]} → {_KIND_WORDS[after.label]}{_referent(after, ctx)}{credit}"
        if before.value != after.value:
            kind = _KIND_WORDS[before.label]
            surname_differs = before.label == "person" and before.value.split()[-1:] != after.value.split()[-1:]
            # "figures from the U.S. Bureau of Labor Statistics" → "... from the U.S. Commerce
            # Department": two bodies' papers, whatever words the bodies share
            bodies = [_body_of(f.value) for f in (before, after)]
            apart = all(bodies) and not _same_source(*bodies)
            if surname_differs or apart or not _words(before.value) & _words(after.value):  # "Ruiz" → "Becker"
                return f"another {kind}: “{_detail(before, 'source')}” → “{_detail(after, 'source')}”{credit}"
            return f"same kind of source ({kind}), named differently{_referent(after, ctx)}{credit}"
    cue_a, cue_b = _detail(before, "cue").lower(), _detail(after, "cue").lower()
    stance_a, stance_b = _STANCE.get(cue_a, ""), _STANCE.get(cue_b, "")
    if stance_a != stance_b:
        # "The complaint alleges that ..." → "... says ...", "Keane said" → "Keane admitted": the
        # verb now hardens, softens or concedes the claim.
        what = {
            ("alleging", ""): "an allegation no longer called one",
            ("", "alleging"): "now called an allegation",
            ("", "conceding"): "now told as a concession",
            ("conceding", ""): "no longer told as a concession",
        }.get((stance_a, stance_b), f"{stance_a or 'plain'} → {stance_b or 'plain'}")
        return f"same source; “{cue_a}” → “{cue_b}”: {what}{credit}"
    if fold(r_a) != fold(r_b) and r_a and r_b:
        if is_descriptor(r_a) or is_descriptor(r_b):
            return f"same source; told “{r_a}” → “{r_b}” (likely the same outlet, named by a descriptor)"
        return f"same source; told “{r_a}” → “{r_b}”: credited to another outlet"
    return f"same source; told “{r_a}” → nobody named" if credit else ""


_PRONOUNS = frozenset("he she they it we".split())


def _pronoun_for(pronoun: Fact, named: Fact, ctx: Context, side: str) -> bool:
    """Whether ``pronoun``'s source is a pronoun ("she said") and ``named``'s a name that the
    pronoun's own article (``side``: "a" or "b") gives, or spells alike: one speaker, named once
    and then referred to."""
    if fold(_detail(pronoun, "source")) not in _PRONOUNS:
        return False
    words = _detail(named, "source").split()
    name = [w for w in words if w[:1].isupper()][-1:]  # the surname, or the body's last name word
    text = ctx.a_folded if side == "a" else ctx.b_folded
    return bool(name) and (_has_words(text, fold(name[0])) or _spelt_in(ctx, side, name[0]))


def _paper_in_setting(paper: Fact, other: Fact) -> bool:
    """Whether ``paper`` cites a document by a name that ``other`` gives where it cites its
    body ("according to the agency's Global Trends report" / "UNHCR said in its annual Global
    Trends report"): one body speaking through one paper."""
    words = _detail(paper, "source").split()
    if paper.label != "document" or other.label == "document" or not words or words[-1].lower() not in DOCUMENTS:
        return False
    name = [w for w in words[:-1] if w[:1].isupper() and not w.lower().endswith(("'s", "’s"))]
    return bool(name) and _has_words(fold(other.text), fold(" ".join(name)))


def _body_of(source: str) -> str:
    """The body a document comes from ("figures from the agency" → "the agency"), or ""."""
    paper = re.split(r"\s(?:from|by|of)\s", source, maxsplit=1)
    return paper[1] if len(paper) == 2 and paper[0].split()[-1].lower() in DOCUMENTS else ""


def _descriptor_for(described: Fact, named: Fact, text: str) -> bool:
    """Whether ``described``'s source is an institution by a descriptor ("the company", "the
    ministry") and ``named``'s a name that the descriptor's own article (``text``, folded)
    gives: one body, named in the article and then referred to by what it is."""
    source = _detail(described, "source")
    if described.label != "official" or not is_descriptor(source) or len(source.split()) != 2:
        return False
    if named.label not in ("official", "person", "outlet"):
        return False  # "Economists said": unnamed people, whatever else the article says of economists
    other = _name_words(_detail(named, "source"))
    words = [w for w in other if w[:1].isupper()]
    if not words and len(other) > 1 and fold(other[-1]) == fold(source.split()[-1]):
        words = other  # "the ministry" → "the defence ministry", which the article named before
    # ... as one that acts or speaks there ("Lumen Mobile said", "Ford will cut"), not merely
    # as what a preposition governs ("40 jets to United Airlines")
    name = re.escape(fold(" ".join(words)))
    before = (text[: m.start()].split()[-1:] for m in re.finditer(rf"\b{name}\b", text))
    return bool(words) and any(not w or w[0] not in PREPOSITIONS for w in before)


# Reporting verbs that take a stance on what they report (others, "said", "told", are plain).
_STANCE = dict.fromkeys("alleged alleges claimed claims".split(), "alleging") | dict.fromkeys(
    "admitted admits acknowledged acknowledges conceded concedes".split(), "conceding"
)


def _same_source(a: str, b: str) -> bool:
    """Whether two source names name one source: the same words, an acronym and its expansion
    ("the WHO", "the World Health Organization"), or one person with a different title
    ("Orbital chief executive Lena Park", "Orbital CEO Lena Park").

    >>> _same_source("the WHO", "The World Health Organization"), _same_source("AP", "the Associated Press")
    (True, True)
    >>> _same_source("chief executive Lena Park", "CEO Lena Park"), _same_source("Reuters", "CNN")
    (True, False)
    >>> _same_source("a source", "a senior source"), _same_source("officials", "local officials")
    (False, False)
    >>> _same_source("Putin", "Russian President Vladimir Putin"), _same_source("Bloomberg News", "Bloomberg")
    (True, True)
    >>> _same_source("The State Department", "The U.S. Department of State")
    True
    >>> _same_source("OSCE observers", "Observers from the Organization for Security and Co-operation in Europe")
    True
    >>> _same_source("a council statement", "the council"), _same_source("a police report", "the council")
    (True, False)
    >>> _same_source("Russian officials", "U.S. officials")
    False
    >>> _same_source("the English Premier League club", "English Premier League club Aston Villa")
    True
    >>> _same_source("Seven percent of respondents", "7% of respondents")
    True
    >>> _same_source("About a third of voters", "About 33% of voters")
    True
    >>> _same_source("preliminary figures from the agency", "figures from the agency")
    True
    >>> _same_source("figures from the agency", "figures from the ministry")
    False
    >>> _same_source("Election officials in Multnomah County", "Multnomah County election officials")
    True
    >>> _same_source("Pieter de Vries", "Kingsport manager Pieter de Vries")
    True
    """
    a, b = _SHARE_OF.sub("", a), _SHARE_OF.sub("", b)  # how many of them is a number, compared as such
    words_a, words_b = _name_words(a), _name_words(b)
    if not words_a or not words_b:
        return False
    if words_a == words_b:
        return True
    # "a council statement" / "the council": a body's paper is the body speaking.
    for paper, other in ((words_a, words_b), (words_b, words_a)):
        if len(paper) >= 2 and paper[-1].lower() in DOCUMENTS and other[-1].lower() not in DOCUMENTS:
            return _same_source(" ".join(w.removesuffix("'s") for w in paper[:-1]), " ".join(other))
    # "preliminary figures from the agency" / "figures from the agency": one body's figures
    # (a qualifier dropped is a certainty finding of its own).
    bodies = [_body_of(" ".join(words)) for words in (words_a, words_b)]
    if all(bodies):
        return _same_source(*bodies)
    # "OSCE observers" / "Observers from the Organization for Security and Co-operation in
    # Europe": the same kind of people, of one body named two ways.
    people = {w.lower() for w in words_a} & {w.lower() for w in words_b} & PEOPLE
    body_a, body_b = (_body(words, people) for words in (words_a, words_b))
    if people and body_a and body_b:
        # "Election officials in Multnomah County" / "Multnomah County election officials"
        same_words = {w.lower() for w in body_a} - _LINKS == {w.lower() for w in body_b} - _LINKS
        return same_words or _same_source(" ".join(body_a), " ".join(body_b))
    short, long = sorted((words_a, words_b), key=len)
    if len(short) == 1 and short[0].isupper() and len(short[0]) >= 2:
        # A two-letter acronym for a body named with "the" ("AP", "the Associated Press"), not
        # for a person's initials ("Anna Petrova").
        definite = (a if words_a is long else b).lower().startswith("the ")
        return (len(short[0]) > 2 or definite) and _acronym_of(short[0], " ".join(long).lower())
    if _title_differs(short, long):
        return False  # "the Deputy Prime Minister" is not "the Prime Minister"
    # A person with another title: the same capitalised name of two or more words at the end.
    tail_a, tail_b = words_a[-2:], words_b[-2:]
    if len(short) >= 2 and tail_a == tail_b and all(w[:1].isupper() or NAME_PARTICLE.match(w) for w in tail_a):
        return True  # ("de Vries": a particle inside the name)
    if short[-1][:1].islower() and long[: len(short)] == short and all(w[:1].isupper() for w in long[len(short) :]):
        return True  # "the Premier League club" → "Premier League club Aston Villa": a descriptor, then named
    if not all(w[:1].isupper() for w in short):
        return False  # "officials" and "local officials" are not one named source
    # A person by surname or without a title ("Putin" after "President Vladimir Putin").
    if short == long[-len(short) :]:
        return True
    # One body, its name ordered or qualified differently ("State Department", "U.S. Department
    # of State"), or with a generic word more ("Bloomberg News").
    content_short = {w.lower() for w in short} - _STOP
    content_long = {w.lower().strip(".") for w in long} - _STOP
    extra = content_long - content_short
    return content_short <= content_long and (len(content_short) >= 2 or extra <= _GENERIC_NAME_WORDS)


#: A share or count of a group before it: "Seven percent of", "7% of the", "most of", "a third of".
_SHARE_OF = re.compile(
    r"^(?:(?:about|around|nearly|almost|roughly|some|over|under|more\s+than|less\s+than|fewer\s+than)\s+)?"
    r"(?:\d[\d.,]*\s*%?|(?:{})(?:-\w+)?|most|half|many|some|all|a\s+(?:third|quarter|half|majority|minority))"
    r"\s+(?:percent\s+|per\s+cent\s+)?of\s+(?:the\s+)?".format("|".join(sorted(NUMBER_WORDS, key=len, reverse=True))),
    re.I,
)
# Words that join a group of people to its body: "observers from the OSCE".
_LINKS = frozenset("from of at in with for the".split())


def _body(words: list[str], people: set[str]) -> list[str]:
    """The body a group of people belongs to: "observers from the OSCE" → ["OSCE"]."""
    rest = [w for w in words if w.lower() not in people]
    while rest and rest[0].lower() in _LINKS:
        rest = rest[1:]
    return rest


# Words that make a title another office: "Deputy Prime Minister", "Vice President".
_TITLE_MODIFIERS = frozenset("deputy vice acting former assistant interim associate co-chair ex".split())


def _title_differs(x: list[str], y: list[str]) -> bool:
    """Whether one name has a title modifier ("Deputy", "Vice", "Acting") the other lacks."""
    mx, my = {w.lower() for w in x} & _TITLE_MODIFIERS, {w.lower() for w in y} & _TITLE_MODIFIERS
    return mx != my


# Words that name the kind of body, not which one: "Bloomberg News" is Bloomberg.
_GENERIC_NAME_WORDS = frozenset("news agency newspaper television tv radio network group media service wire".split())


def _name_words(source: str) -> list[str]:
    """A source's words without a leading article or an acronym defined after it ("the Food
    Safety and Inspection Service (FSIS)")."""
    words = [w for w in source.replace("’", "'").split() if not DEFINED_ACRONYM.fullmatch(w)]
    return words[1:] if words and words[0].lower() in ("the", "a", "an") else words


def _referent(f: Fact, ctx: Context) -> str:
    """For an outlet named by a descriptor ("the daily"), say it likely means A's outlet."""
    source = _detail(f, "source")
    descriptor = is_descriptor(source)
    if f.label == "outlet" and ctx.outlets[0] and fold(ctx.outlets[0]) not in fold(source) and descriptor:
        return f"; a descriptor, likely of {ctx.outlets[0]} (A's outlet)"
    return ""


def _is_new_name(f: Fact, ctx: Context) -> bool:
    source = _detail(f, "source")
    if f.label not in ("outlet", "person") or is_descriptor(source):
        return False
    name = fold(source).removeprefix("the ")
    if f.label == "person":
        name = name.split(" of ")[0]  # "Mayor Ruth Adams of Lakeport": A may say "Lakeport Mayor Ruth Adams"
    if f.label == "person" and len(name.split()) > 2:
        name = " ".join(name.split()[-2:])  # "Orbital CEO Lena Park": A named "Lena Park" with another title
    acronym = _name_words(source)
    if len(acronym) == 1 and acronym[0].isupper() and ctx.spelled_out(acronym[0]):
        return False  # "the CDC" where A wrote "the Centers for Disease Control and Prevention"
    if f.label == "person" and _spelt_in(ctx, "a", _name_of(source)):
        return False  # "Tim Scot" where A wrote "Tim Scott"
    return not _has_words(ctx.a_folded, name) and name != fold(ctx.outlets[0])


def _spelt_in(ctx: Context, side: str, name: str) -> bool:
    """Whether A's text (``side`` "a") or B's spells ``name`` another way (see :func:`spelt_alike`)."""
    words = fold(name).split()
    candidates = ctx.names(side, len(words)).get(tuple(w[:1] for w in words), set())
    return bool(words) and any(spelt_alike(other, name) for other in candidates)


def _sources_of_added_claim(fb: list[Fact], b_sid: str, named: list[str]) -> list[FactChange]:
    """Every source of a claim only B carries, but a person once: "Okoro said" after "Governor
    Maria Okoro said" in an earlier added claim is the same source."""
    out = []
    for f in fb:
        if f.kind != "attribution":
            continue
        source = _detail(f, "source")
        if f.label == "person" and any(same_person(source, n) for n in named):
            continue
        if f.label == "person":
            named.append(source)
        out.append(_new_source(f, b_sid, "in a claim only B carries"))
    return out


def _new_source(f: Fact, b_sid: str, where: str) -> FactChange:
    return _change("new_source", None, b_sid, None, f, f"{_KIND_WORDS[f.label]} “{_detail(f, 'source')}” {where}")
