"""Names compared: dropped, added, or one thing renamed."""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher

from compare.acronyms import initials_spans
from compare.classify.common import _STOP, Context, _change, _detail, _given_in, _has_words, _replaced, _trading_places
from compare.diff import fold as fold_token
from compare.facts import fold
from compare.models import Alignment, Fact, FactChange, Token

_RENAME_OVERLAP = 0.4  # share of name words two names must have in common to be one thing renamed
_SPELT_ALIKE = 0.6  # difflib ratio of two names' letters above which they may be one name spelt two ways


def _names(facts: list[Fact]) -> list[Fact]:
    """Entities outside quotes and attributions' sources and recipients (those are compared as
    such); a place in an attribution's setting ("told supporters in Sofia") is a name."""
    quotes = [(f.start, f.end) for f in facts if f.kind == "quote"]
    credits = [
        (f.start, f.end, fold(f"{_detail(f, 'source')} {_detail(f, 'recipient')}"))
        for f in facts
        if f.kind == "attribution"
    ]
    return [
        f
        for f in facts
        if f.kind == "entity"
        and not any(s <= f.start and f.end <= e for s, e in quotes)
        and not any(s <= f.start and f.end <= e and _has_words(who, fold(f.text)) for s, e, who in credits)
    ]


def _short_form_in(f: Fact, vocabulary: set[str], tokens: Sequence[Token]) -> bool:
    """Whether the other side names ``f`` by its surname ("Arteta" for "Mikel Arteta") or by
    its acronym ("PSG" for "Paris Saint-Germain"), untagged there. (An organisation's last word
    is often generic, "Agency": it does not count.)"""
    words = fold(f.value).split()
    if f.label not in ("PERSON", "ORG", "GPE", "FAC") or len(words) < 2:
        return False
    if f.label == "PERSON" and words[-1][:5] in vocabulary:
        return True
    return any(_acronym_of(t.text, f.value) for t in tokens if t.text.isupper())


def _words(name: str) -> set[str]:
    return {w[:5] for w in fold(name).replace("-", " ").replace("'s", "").split() if w not in _STOP}


def same_entity(x: Fact, y: Fact) -> bool:
    """One thing, named alike: word sets nest ("Lanmar" in "Lanmar province") or an acronym fits.

    >>> from compare.models import Fact
    >>> f = lambda t, acr="": Fact("A1", "entity", t, 0, 0, "ORG", t.lower(), (("acronym", acr),) if acr else ())
    >>> same_entity(f("NRI"), f("National Research Institute", "NRI"))
    True
    >>> same_entity(f("Lanmar"), f("Lanmar province")), same_entity(f("Kenya"), f("Kenyan"))
    (True, True)
    """
    wx, wy = _words(x.value), _words(y.value)
    if wx and wy and (wx <= wy or wy <= wx):
        return True
    acr_x, acr_y = _detail(x, "acronym"), _detail(y, "acronym")
    return (
        bool({x.text.upper(), acr_x} & {y.text.upper(), acr_y} - {""})
        or _acronym_of(y.text, x.value)
        or _acronym_of(x.text, y.value)
    )


#: Endings that make a word another form of one name ("Kenya" / "Kenyan", "Smith's"), not
#: another spelling of it.
_FORMS = frozenset(("s", "es", "'s", "’s", "n", "ian", "i", "ese", "ish"))
_LETTERS_ALIKE = 0.75  # difflib ratio of two words' letters above which one name may be misspelt


def spelt_alike(x: str, y: str) -> bool:
    """Whether two names of as many words are one name spelt two ways: each word the same, or
    with the same first letter, four letters or more and most letters alike, not another form
    of it.

    >>> spelt_alike("Tim Scott", "Tim Scot"), spelt_alike("Simeon Brown", "Simon Brown")
    (True, True)
    >>> spelt_alike("Golden Hearth", "Golden Heart"), spelt_alike("Pieter de Vries", "Peter de Vries")
    (True, True)
    >>> spelt_alike("Dell", "Bell"), spelt_alike("Kenya", "Kenyan"), spelt_alike("Israel", "Israeli")
    (False, False, False)
    """
    wx, wy = fold(x).split(), fold(y).split()
    if len(wx) != len(wy) or wx == wy:
        return False
    for a, b in zip(wx, wy, strict=True):
        short, long = sorted((a, b), key=len)
        if a == b:
            continue
        if a[0] != b[0] or len(short) < 4 or (long.startswith(short) and long[len(short) :] in _FORMS):
            return False
        if 2 * len(short) < _LETTERS_ALIKE * (len(short) + len(long)):
            return False  # too far apart in length for the ratio below
        if SequenceMatcher(None, a, b).ratio() < _LETTERS_ALIKE:
            return False
    return True


def _acronym_of(acronym: str, name: str) -> bool:
    """Whether ``acronym`` is the initials of ``name`` or of its last words ("FDA" of
    "u.s. food and drug administration", "U.S." of "united states").

    >>> _acronym_of("PSG", "paris saint-germain"), _acronym_of("OSCE", "security and co-operation in europe")
    (True, False)
    """
    if re.fullmatch(r"(?:[A-Z]\.){2,}", acronym):
        acronym = acronym.replace(".", "")
    if not (2 <= len(acronym) <= 8 and acronym.isupper() and acronym.isalpha()):
        return False
    # A hyphenated word gives one initial or two: "Paris Saint-Germain" (PSG), "Organization for
    # Security and Co-operation in Europe" (OSCE).
    for text in (name.replace("-", " "), name):
        words = [w for w in text.split() if w not in _STOP]
        if next(initials_spans(words, acronym), None) is not None:
            return True
    return False


def _unmatched(xs: list[Fact], ys: list[Fact], same) -> tuple[list[Fact], list[Fact]]:  # type: ignore[no-untyped-def]
    """Facts of each side with no counterpart on the other."""
    rest_x = [x for x in xs if not any(same(x, y) for y in ys)]
    rest_y = [y for y in ys if not any(same(x, y) for x in xs)]
    return rest_x, rest_y


def _vocabulary(tokens: Sequence[Token]) -> set[str]:
    """The word keys of ``tokens`` as :func:`_words` makes them ("U.N." is "u.n")."""
    return {fold_token(t.text)[:5] for t in tokens} | {w for t in tokens for w in _words(t.text)}


def _entities(fa: list[Fact], fb: list[Fact], a0: str, b0: str, x_group: Alignment, ctx: Context) -> list[FactChange]:
    names_a, names_b = _names(fa), _names(fb)
    out = _swaps(x_group, names_a, names_b)
    ea, eb = _unmatched(names_a, names_b, same_entity)
    # Names alike in their first letters may still be spelt two ways ("Golden Hearth" / "Golden Heart").
    for x in names_a:
        # (the small tagger labels one name two ways, but a nationality is no place: "Israeli" / "Israel")
        y = next(
            (y for y in names_b if (x.label == "NORP") == (y.label == "NORP") and spelt_alike(x.value, y.value)), None
        )
        if y is not None and x not in ea and y not in eb:
            out.append(
                _change(
                    "entity_renamed", x.sentence, y.sentence, x, y, f"one name spelt two ways: “{x.text}” → “{y.text}”"
                )
            )
    # The tagger may see a name on one side only ("Tab shares"): a name whose words all stand
    # in the other side's text is not dropped or added; nor is a person the other side calls by
    # surname, or a body by its acronym ("Mikel Arteta" → "Arteta", "Paris Saint-Germain" → "PSG").
    words_a, words_b = _vocabulary(x_group.a_tokens), _vocabulary(x_group.b_tokens)
    ea = [x for x in ea if not (_words(x.value) <= words_b or _short_form_in(x, words_b, x_group.b_tokens))]
    eb = [y for y in eb if not (_words(y.value) <= words_a or _short_form_in(y, words_a, x_group.a_tokens))]
    used = set()
    for x in ea:
        other = next((k for k, y in enumerate(eb) if k not in used and _named_apart(x_group, x, y, ctx)), None)
        if other is not None:
            used.add(other)
            y = eb[other]
            what = "another name in its place, one both articles give to someone or something else"
            out.append(_change("entity_changed", x.sentence, y.sentence, x, y, f"{what}: “{x.text}” → “{y.text}”"))
            continue
        match = next(
            (
                k
                for k, y in enumerate(eb)
                if k not in used and (_overlap(x, y) >= _RENAME_OVERLAP or _same_slot(x_group, x, y))
            ),
            None,
        )
        if match is not None:
            used.add(match)
            out.append(_named(x, eb[match]))
    # Nationality adjectives ("Syrian") are too common to report as added or dropped facts.
    out += [
        _change("fact_dropped", x.sentence, b0, x, None, "name not in B")
        for x in ea
        if x.label != "NORP" and not any(c.before is x for c in out)
    ]
    out += [
        _change("fact_added", a0, y.sentence, None, y, "name not in A")
        for k, y in enumerate(eb)
        if y.label != "NORP" and k not in used
    ]
    return out


def _swaps(group: Alignment, names_a: list[Fact], names_b: list[Fact]) -> list[FactChange]:
    """Names that trade places: the word diff puts one name in another's place, and that one in
    the first one's place elsewhere ("Marsh scored before Varga added a third" → "Varga scored
    before Marsh added a third"). Both sides name both, so they are two people, not one renamed.
    Names joined by a symmetric word or two ("France drew with Germany", "Chile and Peru",
    "Smith met Jones") say the same thing either way round; "Smith filed a suit against Jones"
    does not."""
    slots = [
        (x, y)
        for x in names_a
        for y in names_b
        if x.label != "NORP" and y.label != "NORP" and not same_entity(x, y) and _replaced(group, x, y)
    ]
    out = []
    for x, y, u in _trading_places(slots, same_entity):
        between = _words_between(group.a_tokens, x, u)
        if not (_SYMMETRIC.intersection(between) and len(between) <= 2):  # "drew with", "and", "met"
            out.append(
                _change("entity_changed", x.sentence, y.sentence, x, y, f"names trade places: “{x.text}” → “{y.text}”")
            )
    return out


#: Words that join two names either way round: "drew with", "and", "met".
_SYMMETRIC = frozenset("with and or nor versus vs v & plus alongside met meet meets drew tied".split())


def _words_between(tokens: Sequence[Token], x: Fact, y: Fact) -> list[str]:
    """The folded tokens between two facts of one side, whichever comes first."""
    start, end = min(x.end, y.end), max(x.start, y.start)
    return [fold_token(t.text) for t in tokens if start <= t.start and t.end <= end]


def _named_apart(group: Alignment, x: Fact, y: Fact, ctx: Context) -> bool:
    """Whether B puts ``y`` where A has ``x`` (the word diff replaces one with the other) while
    A names ``y`` and B names ``x`` too: the articles themselves tell the two apart, so it is
    no alias ("Bradley leads among independents" → "Alvarez leads ...", in a story about
    both). Only for people (see ``_person_like``): places and bodies have aliases that stories
    use side by side ("Moscow" / "Russia", "the Pentagon" / "the Defense Department", "the
    Kremlin" / "Putin")."""
    if not (_person_like(x, group.a_tokens) and _person_like(y, group.b_tokens)):
        return False
    if _words(x.value) & _words(y.value) or same_entity(x, y):
        return False
    return _replaced(group, x, y) and _given_in(y, ctx.a_folded) and _given_in(x, ctx.b_folded)


def _person_like(f: Fact, tokens: Sequence[Token]) -> bool:
    """A person, or a lone capitalised word the tagger calls an organisation, or no entity at
    all, with no "the" before it (it reads many surnames so: "Bradley leads", "Dell was
    arrested"); not "the Kremlin", not "NATO"."""
    if f.label == "PERSON":
        return True
    before = next((t for t in reversed(tokens) if t.end <= f.start), None)
    lone = f.label in ("ORG", "NAME") and len(f.text.split()) == 1 and f.text[:1].isupper() and not f.text.isupper()
    return lone and (before is None or fold_token(before.text) != "the")


def _named(x: Fact, y: Fact) -> FactChange:
    """One name in another's place. Names that share most words or are spelt alike ("Kiev" /
    "Kyiv") are one thing; names sharing only a word ("Johns Hopkins University" / "Harvard
    University") or nothing may be aliases ("Myanmar" / "Burma",
    "the Defense Department" / "the Pentagon", MSRP's annotators' usual case) or another thing
    ("Austin" → "Dallas"), which only a reader can tell: the finding says so."""
    acr = _detail(y, "acronym")
    note = f"; {acr} is B's acronym for B's name" if acr else ""
    alike = _overlap(x, y) >= _RENAME_OVERLAP or same_entity(x, y)
    # Spelt alike: the words the names do not share ("Kiev" / "Kyiv"), not a shared title
    # ("Midfielder Kovalenko" / "Midfielder Sudakov").
    own_x, own_y = (" ".join(w for w in f.value.split() if w[:5] not in _words(g.value)) for f, g in ((x, y), (y, x)))
    alike = alike or SequenceMatcher(None, own_x or fold(x.value), own_y or fold(y.value)).ratio() >= _SPELT_ALIKE
    shared = [w for w in x.text.split() if _words(w) and _words(w) <= _words(y.value)]
    if alike:
        what = "one thing named differently"
    elif shared:  # "Johns Hopkins University" → "Harvard University"
        what = f"another name sharing only “{' '.join(shared)}” (one thing renamed, or another?)"
    else:
        what = "another name with no word in common (an alias, or another thing?)"
    return _change("entity_renamed", x.sentence, y.sentence, x, y, f"{what}: “{x.text}” → “{y.text}”{note}")


_PLACES = frozenset(("GPE", "LOC", "FAC"))


def _same_slot(x_group: Alignment, a: Fact, b: Fact) -> bool:
    """Two names of one type in one place of the claim: the word diff swaps them ("the
    National Disaster Agency reached" → "the National Emergency Authority reached"), or the
    same words lead to each ("a federal judge in Manhattan" → "a federal judge in Brooklyn").
    A name the tagger missed (``NAME``) may be of any type but a nationality."""
    if "NORP" in (a.label, b.label):
        return False
    if not (a.label == b.label or "NAME" in (a.label, b.label) or {a.label, b.label} <= _PLACES):
        return False
    return _replaced(x_group, a, b) or _led_alike(x_group, a, b)


def _led_alike(x_group: Alignment, a: Fact, b: Fact) -> bool:
    """Whether the two words before ``a`` and before ``b`` are the same, one of them a content
    word ("judge in Manhattan" / "judge in Brooklyn")."""
    before_a = [fold_token(t.text) for t in x_group.a_tokens if t.end <= a.start][-2:]
    before_b = [fold_token(t.text) for t in x_group.b_tokens if t.end <= b.start][-2:]
    return len(before_a) == 2 and before_a == before_b and any(w not in _STOP and w.isalpha() for w in before_a)


def _overlap(x: Fact, y: Fact) -> float:
    wx, wy = _words(x.value), _words(y.value)
    return len(wx & wy) / len(wx | wy) if wx and wy else 0.0
