"""Certainty compared: tense, hedges and hearsay, negations flipped and words replaced by their opposites."""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

from compare.classify.common import _STOP, _change, _detail
from compare.diff import fold as fold_token
from compare.hedges import MODALS, same_kind
from compare.lexicon import NUMBER_WORDS
from compare.models import Alignment, ChangeKind, Fact, FactChange, Sentence, Token


def _completed(tense: str) -> str:
    """Tenses that state the same thing as done: "agreed" and "has agreed" are one claim; and
    a progressive tells the time its simple form does: "are planning" and "plan"."""
    tense = tense.removesuffix("-progressive")
    return "past" if tense in ("past", "present-perfect", "past-perfect") else tense


# Forms of the verbs whose lemma is no prefix of them; any other verb is found by its stem.
_IRREGULAR = {
    "be": frozenset("be is are was were been being am 's 're".split()),
    "have": frozenset("have has had having 've".split()),
    "do": frozenset("do does did done doing".split()),
    "say": frozenset("say says said saying".split()),
}


def _polarity(
    x: Alignment, fa: list[Fact], fb: list[Fact], sentences: Mapping[str, Sentence] | None = None
) -> list[FactChange]:
    """A verb negated on one side and stated on the other: "did not rule out" → "ruled out".

    A negation counts as flipped only when the diff pairs the negated verb with a form of the
    same verb on the other side, that side has no negation of it, and it has fewer negative
    words in all (a denied noun, "no warning" → "a warning": the same noun, and no negative
    word at all, since "found no blood" → "no one found blood" moves the negation). "did not
    respond" → "declined to respond", "does not have" → "has no", "if ... not repealed" →
    "unless ... repealed" say the same thing. A negation whose
    verb the rewrite drops or rewords is a detail, not a contradiction.
    """
    out = []
    count_a, count_b = _negative_words(x.a_tokens), _negative_words(x.b_tokens)
    for mine, theirs, in_a in ((fa, fb, True), (fb, fa, False)):
        if (count_a <= count_b) if in_a else (count_b <= count_a):
            continue
        negated = [f for f in mine if f.kind == "hedge" and f.label == "negation" and _negation_shown(f)]
        others = {f.value for f in theirs if f.kind == "hedge" and f.label == "negation"}
        for f in negated:
            if _detail(f, "noun"):  # "no warning" → "a warning", not → "no one issued warnings"
                theirs_tokens = x.b_tokens if in_a else x.a_tokens
                written = fold_token(_detail(f, "noun"))  # "no women" → "women were hired"
                same = [
                    t
                    for t in _counterpart(x, f, in_a)
                    if _noun_form(fold_token(t.text), f.value) or fold_token(t.text) == written
                ]
                same = [t for t in same if not _counted(theirs_tokens, t)]  # "two deaths": a number changed
                governor = _detail(f, "governor")  # "no deaths were reported" → "a death was reported"
                told = not governor or _verb_form(theirs_tokens, governor) is not None
                verb = same[0] if same and told and min(count_a, count_b) == 0 else None
            else:
                verb = _verb_form(_counterpart(x, f, in_a), f.value)
                if verb is not None and f.value == "be" and not _complement_kept(x, f, in_a):
                    verb = None  # "was an easy one" → "was not difficult": another word, not a denial
            if f.value in others or verb is None:
                continue
            stated = _word_fact(verb, x.b if in_a else x.a, sentences or {})  # where it is not negated
            if in_a:
                detail = f"“{f.text}” → “{verb.text}”: negated in A only"
                out.append(_change("negation_changed", f.sentence, stated.sentence, f, stated, detail))
            else:
                detail = f"“{verb.text}” → “{f.text}”: negated in B only"
                out.append(_change("negation_changed", stated.sentence, f.sentence, stated, f, detail))
    return out


def _opposites(x: Alignment, sentences: Mapping[str, Sentence]) -> list[FactChange]:
    """A word the diff replaces with its opposite: "rose" → "fell", "plaintiffs" → "defendants",
    "approved" → "rejected" (``negation_changed``), or "morning" → "evening" (``date_changed``).

    Only lower-case words are compared (a name is compared as a name), the other side must not
    use the word itself anywhere, and the two clauses holding them must hold as many negative
    words besides, so "rose" → "did not fall" says the same thing (and "did not confirm the
    report, and shares fell" → "confirmed the report, and shares rose" reverses two things).
    """
    out: list[FactChange] = []
    words_a = {fold_token(t.text) for t in x.a_tokens}
    words_b = {fold_token(t.text) for t in x.b_tokens}
    if _roles_swapped(x.a_tokens, x.b_tokens):
        return out  # "Jones lost to Smith" → "Smith beat Jones": the opposite word keeps the claim
    told: set[tuple[str, str]] = set()
    for op in x.opcodes:
        if op.tag != "replace":
            continue
        for ta in x.a_tokens[op.i1 : op.i2]:
            wa = fold_token(ta.text)
            if not ta.text.islower():
                continue
            for tb in x.b_tokens[op.j1 : op.j2]:
                wb = fold_token(tb.text)
                one_for_one = op.i2 - op.i1 == op.j2 - op.j1 == 1  # "remain to be counted" ≠ "not uncounted"
                kind = _OPPOSITE_OF.get(wa, {}).get(wb) or (_negated_form(wa, wb) if one_for_one else None)
                if not tb.text.islower() or kind is None or (wa, wb) in told:
                    continue
                if _FORMS.get(wa, {wa}) & words_b or _FORMS.get(wb, {wb}) & words_a:
                    continue  # "rose ... before falling" → "fell ... after rising": both still there
                negatives_a = _negative_words(_clause(x.a_tokens, ta), skip=_OPPOSITE_OF)
                if negatives_a != _negative_words(_clause(x.b_tokens, tb), skip=_OPPOSITE_OF):
                    continue
                told.add((wa, wb))
                before, after = _word_fact(ta, x.a, sentences), _word_fact(tb, x.b, sentences)
                what = "part of the day changed" if kind == "date_changed" else "opposite words"
                out.append(
                    _change(kind, before.sentence, after.sentence, before, after, f"“{ta.text}” → “{tb.text}”: {what}")
                )
    return out


def _clause(tokens: Sequence[Token], tok: Token) -> Sequence[Token]:
    """The tokens of ``tok``'s clause: between the punctuation marks around it."""
    k = next(i for i, t in enumerate(tokens) if t is tok)
    start = next((i + 1 for i in range(k - 1, -1, -1) if tokens[i].text in _CLAUSE_MARKS), 0)
    end = next((i for i in range(k + 1, len(tokens)) if tokens[i].text in _CLAUSE_MARKS), len(tokens))
    return tokens[start:end]


_CLAUSE_MARKS = frozenset(",;:.!?—–()")


def _roles_swapped(a: Sequence[Token], b: Sequence[Token]) -> bool:
    """Whether two names or figures both sides give come in the other order ("higher in March
    than in April" → "lower in April than in March")."""
    keys_a = [fold_token(t.text) for k, t in enumerate(a) if _marker(a, k)]
    keys_b = [fold_token(t.text) for k, t in enumerate(b) if _marker(b, k)]
    shared = [w for w in dict.fromkeys(keys_a) if w in keys_b]
    return any(keys_b.index(v) < keys_b.index(u) for u, v in itertools.combinations(shared, 2))


def _marker(tokens: Sequence[Token], k: int) -> bool:
    """A name (a capitalised word that is not a function word opening the sentence) or a figure."""
    text = tokens[k].text
    return any(c.isdigit() for c in text) or (text[:1].isupper() and fold_token(text) not in _STOP)


def _negated_form(x: str, y: str) -> ChangeKind | None:
    """``negation_changed`` when one word is the other with a negating prefix: "official" /
    "unofficial", "confirmed" / "unconfirmed", "relevant" / "irrelevant" (stems of five
    letters or more)."""
    short, long = sorted((x, y), key=len)
    prefix = long[: len(long) - len(short)]
    if len(short) >= 5 and long.endswith(short) and prefix in _NEGATING_PREFIXES:
        return "negation_changed"
    return None


#: Prefixes that negate whatever word they join; "in-", "im-" and "dis-" often do not
#: ("increase", "improve", "discover"), so their pairs are listed in _OPPOSITE_FORMS instead.
_NEGATING_PREFIXES = frozenset(("un", "non", "non-", "il", "ir"))


def _word_fact(tok: Token, ids: Sequence[str], sentences: Mapping[str, Sentence]) -> Fact:
    """The word ``tok`` as a fact (a ``detail``) of the sentence among ``ids`` that holds it."""
    sid = next((i for i in ids if i in sentences and sentences[i].start <= tok.start < sentences[i].end), ids[0])
    return Fact(sid, "detail", tok.text, tok.start, tok.end, "", fold_token(tok.text))


#: Words and their opposites, each group's forms spelled out (no stemming: "lost" is the
#: opposite of "won" and of "gained"). Left out: "close" (also near), "first"/"last" ("the
#: first time in months" / "last time"), and pairs told from either side ("customers buy" /
#: "the firm sells", "exports to" / "imports from").
_OPPOSITE_FORMS = (
    ("rise rises rose risen rising", "fall falls fell fallen falling drop drops dropped"),
    ("increase increases increased increasing", "decrease decreases decreased decreasing"),
    ("gain gains gained gaining win wins won winning", "lose loses lost losing"),
    ("higher highest more most", "lower lowest fewer fewest less least"),
    ("above", "below"),
    ("within inside", "outside beyond"),
    ("before", "after"),
    ("maximum", "minimum"),
    ("majority", "minority"),
    ("plaintiff plaintiffs", "defendant defendants"),
    ("convicted", "acquitted"),
    ("guilty", "innocent"),
    ("upheld uphold upholds", "overturned overturn overturns"),
    ("approve approves approved approving accept accepts accepted", "reject rejects rejected rejecting"),
    ("confirm confirms confirmed", "deny denies denied"),
    ("support supports supported supporting", "oppose opposes opposed opposing"),
    ("supporter supporters", "opponent opponents"),
    ("allow allows allowed legal", "ban bans banned prohibit prohibits prohibited illegal"),
    ("profit profits surplus", "loss losses deficit"),
    ("north northern", "south southern"),
    ("east eastern", "west western"),
    ("include includes included including", "exclude excludes excluded excluding"),
    ("man men boy boys", "woman women girl girls"),
    ("success successful", "failure unsuccessful"),
    *(
        (word, "in" + word)
        for word in "accurate correct complete consistent conclusive valid adequate effective "
        "direct formal dependent competent".split()
    ),
    *((word, "im" + word) for word in "possible probable proper mature".split()),
    *((word, "dis" + word) for word in "agree agreed agrees approve approved proven honest".split()),
)
#: Parts of the day that exclude each other: a changed time, not a changed meaning.
_PARTS_OF_DAY = (("morning", "afternoon evening night overnight"), ("afternoon", "night overnight"))


def _opposite_table() -> dict[str, dict[str, ChangeKind]]:
    """Each word's opposites, with the kind of finding a swap makes."""
    table: dict[str, dict[str, ChangeKind]] = {}
    reversed_meaning: ChangeKind = "negation_changed"
    other_time: ChangeKind = "date_changed"
    kinds = [reversed_meaning] * len(_OPPOSITE_FORMS) + [other_time] * len(_PARTS_OF_DAY)
    for (xs, ys), kind in zip(_OPPOSITE_FORMS + _PARTS_OF_DAY, kinds, strict=True):
        for x, y in itertools.product(xs.split(), ys.split()):
            table.setdefault(x, {})[y] = kind
            table.setdefault(y, {})[x] = kind
    return table


_OPPOSITE_OF = _opposite_table()
#: Each listed word's forms: the words of its side of a pair with its first letter ("rose" →
#: rise, rises, rose, risen, rising; not "dropped", listed beside "fell").
_FORMS = {
    w: {v for v in side.split() if v[0] == w[0]}
    for pair in _OPPOSITE_FORMS + _PARTS_OF_DAY
    for side in pair
    for w in side.split()
}


def _noun_form(word: str, noun: str) -> bool:
    """Whether ``word`` is ``noun`` or its plural ("death", "deaths", "casualties")."""
    return word in (noun, noun + "s", noun + "es") or (noun.endswith("y") and word == noun[:-1] + "ies")


def _counted(tokens: Sequence[Token], tok: Token) -> bool:
    """Whether a number other than one comes right before ``tok`` ("two deaths", "3 arrests";
    "one arrest" is "an arrest", the denial of "no arrests" reversed)."""
    k = next((i for i, t in enumerate(tokens) if t is tok), 0)
    before = fold_token(tokens[k - 1].text) if k else ""
    return (any(c.isdigit() for c in before) and before != "1") or before in _COUNT_WORDS


_COUNT_WORDS = frozenset(NUMBER_WORDS.keys() - {"zero", "one"}) | {"several", "many"}


def _complement_kept(x: Alignment, f: Fact, in_a: bool) -> bool:
    """Whether the word after a negated "be" ("were not life-threatening") is on the other side too."""
    mine, theirs = (x.a_tokens, x.b_tokens) if in_a else (x.b_tokens, x.a_tokens)
    after = next((t for t in mine if t.start >= f.end and t.text[:1].isalnum()), None)
    return after is not None and fold_token(after.text) in {fold_token(t.text) for t in theirs}


def _negation_shown(f: Fact) -> bool:
    """A negation in running text: not in a name ("the Do Not Call list"), though a sentence
    may open with one ("No warning was issued")."""
    return f.text[:1].islower() or f.text.startswith("No ")


# Words that negate a claim without "not": "has no", "nor was", "declined to", "failure to".
_NEGATIVE = frozenset(
    "not never no nor neither none nobody nothing nowhere cannot without unless lack lacks lacked lacking "
    "fail fails failed failing failure refuse refuses refused refusing refusal decline declines declined declining "
    "deny denies denied denying rarely seldom hardly barely scarcely "
    # contractions that lost their apostrophe in scraped text ("I dont know")
    "dont doesnt didnt isnt wasnt arent werent hasnt havent hadnt couldnt wouldnt shouldnt".split()
)


def _negative_words(tokens: Sequence[Token], skip: Mapping[str, object] | None = None) -> int:
    """How many negative words ``tokens`` hold ("wasn't" and "yet to" count), not counting
    those in ``skip``."""
    words = [w for w in (fold_token(t.text) for t in tokens) if not skip or w not in skip]
    yet_to = sum(1 for w, nxt in itertools.pairwise(words) if w == "yet" and nxt == "to")
    return yet_to + sum(1 for w in words if w in _NEGATIVE or w.endswith("n't"))


def _counterpart(x: Alignment, f: Fact, in_a: bool) -> Sequence[Token]:
    """The other side's tokens that the diff pairs with ``f``'s verb (its last token, unless
    the verb comes before the negation).

    A verb the diff leaves unpaired (its clause moved: "X said the club never considered it"
    → "The club considered it, X said") may be any unpaired token of the other side.
    """
    mine, theirs = (x.a_tokens, x.b_tokens) if in_a else (x.b_tokens, x.a_tokens)
    inside = [i for i, t in enumerate(mine) if f.start <= t.start and t.end <= f.end]
    # The verb may come before the negation: "were not", "has not".
    k = next((i for i in inside if _verb_form(mine[i : i + 1], f.value)), inside[-1] if inside else None)
    for op in x.opcodes if k is not None else ():
        lo, hi, other_lo, other_hi = (op.i1, op.i2, op.j1, op.j2) if in_a else (op.j1, op.j2, op.i1, op.i2)
        if lo <= k < hi:  # type: ignore[operator]
            if op.tag == "equal":
                return theirs[other_lo + k - lo : other_lo + k - lo + 1]  # type: ignore[operator]
            if other_hi > other_lo:
                return theirs[other_lo:other_hi]
            unpaired = [(o.j1, o.j2) if in_a else (o.i1, o.i2) for o in x.opcodes if o.tag != "equal"]
            return [t for s, e in unpaired for t in theirs[s:e]]
    return ()


def _verb_form(tokens: Sequence[Token], lemma: str) -> Token | None:
    """The first of ``tokens`` that is a form of the verb ``lemma`` ("ruled" for "rule").

    >>> has = lambda word, lemma: _verb_form([Token(word, 0, len(word))], lemma) is not None
    >>> has("ruled", "rule"), has("was", "be"), has("stopped", "stop"), has("tried", "try")
    (True, True, True, True)
    >>> has("rulers", "rule"), has("concern", "concede")
    (False, False)
    """
    forms = _IRREGULAR.get(lemma)
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    y_forms = (lemma[:-1] + "ies", lemma[:-1] + "ied") if lemma.endswith("y") else ()  # "tried"
    past = _PAST_FORMS.get(lemma, ())  # "made", "took", "taken"
    for tok in tokens:
        word = fold_token(tok.text)
        if forms is not None:
            if word in forms:
                return tok
        elif word in (lemma, *y_forms, *past) or (word.startswith(stem) and _is_ending(word[len(stem) :], stem)):
            return tok
    return None


#: Past forms of common irregular verbs (the others inflect from their stem).
_PAST_FORMS = {
    lemma: frozenset(forms)
    for lemma, *forms in (
        line.split()
        for line in """
        arise arose arisen; bear bore borne born; beat beaten; become became; begin began begun; bind bound;
        bite bit bitten; blow blew blown; break broke broken; bring brought; build built; buy bought;
        catch caught; choose chose chosen; come came; deal dealt; dig dug; draw drew drawn; drink drank drunk;
        drive drove driven; eat ate eaten; fall fell fallen; feed fed; feel felt; fight fought; find found;
        flee fled; fly flew flown; forbid forbade forbidden; forget forgot forgotten; forgive forgave forgiven;
        freeze froze frozen; get got gotten; give gave given; go went gone; grow grew grown; hang hung;
        hear heard; hide hid hidden; hold held; keep kept; know knew known; lay laid; lead led; leave left;
        lend lent; lie lay lain; light lit; lose lost; make made; mean meant; meet met; overcome overcame;
        pay paid; ride rode ridden; ring rang rung; rise rose risen; run ran; see saw seen; seek sought;
        sell sold; send sent; shake shook shaken; shoot shot; show shown; sing sang sung; sink sank sunk;
        sit sat; sleep slept; slide slid; speak spoke spoken; spend spent; stand stood; steal stole stolen;
        stick stuck; strike struck stricken; swear swore sworn; sweep swept; swim swam swum; take took taken;
        teach taught; tear tore torn; tell told; think thought; throw threw thrown; understand understood;
        undergo underwent undergone; wake woke woken; wear wore worn; win won; withdraw withdrew withdrawn;
        write wrote written
        """.replace("\n", " ").split(";")
    )
}


def _is_ending(rest: str, stem: str) -> bool:
    """An inflection: "ruled", "passes", "stopped" (a doubled consonant), "taken"."""
    return rest in _ENDINGS or (rest[:1] == stem[-1:] and rest[1:] in ("ed", "ing"))


_ENDINGS = frozenset(("s", "es", "d", "ed", "ing", "n", "en"))  # "us" is no form of "use", "plane" none of "plan"


def _belief(hedge: str) -> bool:
    """Whether a hearsay hedge tells a belief ("believed to", "thought to", "understood to"):
    one such hedge for another says the same thing."""
    return hedge.startswith(("believ", "thought", "think", "understood", "understand", "presum", "suspect"))


def _certainty(x: Alignment, fa: list[Fact], fb: list[Fact]) -> list[FactChange]:
    out = []
    # A hedge inside a quote is the speaker's word: a quote cut or altered is its own finding.
    ha = {f.value: f for f in fa if f.kind == "hedge" and f.label == "hedge" and not _quoted(f, fa)}
    hb = {f.value: f for f in fb if f.kind == "hedge" and f.label == "hedge" and not _quoted(f, fb)}
    ta = {_detail(f, "verb"): f for f in fa if f.kind == "hedge" and f.label == "tense"}
    tb = {_detail(f, "verb"): f for f in fb if f.kind == "hedge" and f.label == "tense"}
    a0, b0 = x.a[0], x.b[0]
    # A modal the other side still writes, in another clause ("which Halvorsen said would
    # take"), was not removed.
    words_a, words_b = {fold_token(t.text) for t in x.a_tokens}, {fold_token(t.text) for t in x.b_tokens}
    gone = sorted((w for w in ha.keys() - hb.keys() if w not in MODALS or w not in words_b), key=lambda w: ha[w].start)
    new = sorted((w for w in hb.keys() - ha.keys() if w not in MODALS or w not in words_a), key=lambda w: hb[w].start)
    # One qualifier, plan or link for another ("generally well run" → "largely well run",
    # "is planned for" → "is scheduled for") says the same.
    for old in list(gone):
        now = next((w for w in new if same_kind(old, w)), None)
        if now is not None:
            gone, new = [w for w in gone if w != old], [w for w in new if w != now]
    # One belief for another on one verb ("not believed to be" → "not thought to be") says the same.
    for old in [w for w in gone if _belief(w)]:
        same = next((w for w in new if _belief(w) and _detail(hb[w], "verb") == _detail(ha[old], "verb")), None)
        if same is not None:
            gone, new = [w for w in gone if w != old], [w for w in new if w != same]
    # A modal made certain ("could reach" → "will reach") is one change, told as the modal's,
    # not a hedge removed plus a tense shifted (and the other way round).
    told: set[str] = set()
    # So is a claim no longer told as hearsay ("is expected to visit" → "will visit").
    for verb in sorted(ta.keys() & tb.keys(), key=lambda v: ta[v].start):
        modal_a = next((w for w in gone if _inside_fact(ha[w], ta[verb])), None)
        modal_b = next((w for w in new if _inside_fact(hb[w], tb[verb])), None)
        will_a, will_b = ta[verb].value.startswith("future"), tb[verb].value.startswith("future")
        heard_a = next((w for w in gone if _detail(ha[w], "verb") == verb), None)
        heard_b = next((w for w in new if _detail(hb[w], "verb") == verb), None)
        swap = (heard_a, modal_b) if heard_a and modal_b else (modal_a, heard_b) if heard_b and modal_a else None
        if swap:  # "is expected to visit" → "may visit": one hedge for another, not made certain
            old, now = swap
            before, after = ha[old], hb[now]
            out.append(
                _change("certainty_changed", before.sentence, after.sentence, before, after, f"hedge “{old}” → “{now}”")
            )
            gone, new = [w for w in gone if w != old], [w for w in new if w != now]
            told.add(verb)
            continue
        if bool(heard_a) != bool(heard_b):
            modal_a, modal_b = heard_a, heard_b
        if (modal_a and will_b) or (modal_b and will_a) or bool(heard_a) != bool(heard_b):
            before, after = ta[verb], tb[verb]
            shown_a = f"{ha[heard_a].text} {before.text}" if heard_a else before.text
            shown_b = f"{hb[heard_b].text} {after.text}" if heard_b else after.text
            detail = f"“{shown_a}” → “{shown_b}”: " + (
                f"hedge “{modal_a}” made certain" if modal_a else f"hedge “{modal_b}” added to a certainty"
            )
            out.append(_change("certainty_changed", before.sentence, after.sentence, before, after, detail))
            gone = [w for w in gone if w != modal_a]
            new = [w for w in new if w != modal_b]
            told.add(verb)
    # One modal for another ("would" → "may") is one change of certainty, not two.
    swaps = list(zip([w for w in gone if w in MODALS], [w for w in new if w in MODALS], strict=False))
    for old, now in swaps:
        detail = f"hedge “{old}” → “{now}”"
        out.append(_change("certainty_changed", ha[old].sentence, hb[now].sentence, ha[old], hb[now], detail))
    gone = [w for w in gone if w not in {old for old, _ in swaps}]
    new = [w for w in new if w not in {now for _, now in swaps}]
    for word in gone:
        out.append(_change("certainty_changed", ha[word].sentence, b0, ha[word], None, f"hedge “{word}” removed"))
    for word in new:
        out.append(_change("certainty_changed", a0, hb[word].sentence, None, hb[word], f"hedge “{word}” added"))
    shifts: dict[tuple[str, str], list[str]] = {}
    for verb in sorted(ta.keys() & tb.keys() - told, key=lambda v: ta[v].start):
        if _completed(ta[verb].value) != _completed(tb[verb].value) and not _backshift(ta[verb], tb[verb]):
            shifts.setdefault((ta[verb].value, tb[verb].value), []).append(verb)
    for (tense_a, tense_b), verbs in shifts.items():
        before, after = ta[verbs[0]], tb[verbs[0]]
        out.append(
            _change(
                "certainty_changed",
                before.sentence,
                after.sentence,
                before,
                after,
                f"tense of “{', '.join(verbs)}”: {tense_a} → {tense_b}",
            )
        )
    return out


def _backshift(x: Fact, y: Fact) -> bool:
    """Whether one side tells in the past, under a cue in the past, what the other tells in
    the present: "Economists said the slowdown was likely to continue" / "The slowdown is
    likely to continue, economists said" (reported speech moves the tense back)."""
    pair = {x.value.removesuffix("-progressive"), y.value.removesuffix("-progressive")}
    past = x if x.value.startswith("past") else y
    return pair == {"past", "present"} and _detail(past, "told") == "past"


def _quoted(f: Fact, facts: list[Fact]) -> bool:
    return any(q.kind == "quote" and _inside_fact(f, q) for q in facts)


def _inside_fact(inner: Fact, outer: Fact) -> bool:
    return inner.sentence == outer.sentence and outer.start <= inner.start and inner.end <= outer.end
