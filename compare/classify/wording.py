"""Quotes carried or altered, and runs of words (details) one side lacks."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Collection, Iterable, Sequence

from compare.classify.common import _STOP as _FUNCTION_WORDS
from compare.classify.common import Context, _change
from compare.diff import fold as fold_token
from compare.diff import token_text
from compare.facts import COMPOUND_UNITS, fold
from compare.models import Alignment, Fact, FactChange, Sentence, Token

_QUOTE_SAME = 0.6  # difflib ratio above which two quotes are one quote, altered


def _quotes(fa: list[Fact], fb: list[Fact], a0: str, b0: str) -> list[FactChange]:
    qa = [f for f in fa if f.kind == "quote"]
    qb = [f for f in fb if f.kind == "quote"]
    out, used = [], set()
    for q in qa:
        best = max(
            ((_quote_likeness(q.value, o.value), k) for k, o in enumerate(qb) if k not in used),
            default=(0.0, -1),
        )
        if best[0] >= _QUOTE_SAME:
            used.add(best[1])
            other = qb[best[1]]
            if q.value == other.value:
                out.append(_change("quote_intact", q.sentence, other.sentence, q, other, "quoted word for word"))
            else:
                trimmed = _inside_quote(other.value, q.value)
                detail = _word_diff(q.text, other.text, "quote trimmed" if trimmed else "quote altered")
                out.append(_change("quote_altered", q.sentence, other.sentence, q, other, detail))
        else:
            out.append(_change("fact_dropped", q.sentence, b0, q, None, "quote not in B"))
    out += [_change("fact_added", a0, o.sentence, None, o, "quote not in A") for k, o in enumerate(qb) if k not in used]
    return out


#: Words that carry no detail of their own: function words, and auxiliaries and modals ("The
#: election is Nov. 5" → "will be held on November 5" adds no detail; tense is compared apart).
_STOP_WORDS = _FUNCTION_WORDS | frozenset("will would shall should can could may might must do does did".split())


def _quote_likeness(x: str, y: str) -> float:
    """How alike two folded quotes are: 1 when one is cut from the other, else difflib's ratio
    (a trimmed quote has a low ratio, but is the same quote)."""
    if _inside_quote(x, y) or _inside_quote(y, x):
        return 1.0
    return difflib.SequenceMatcher(None, x, y).ratio()


def _inside_quote(part: str, whole: str) -> bool:
    """Whether the folded quote ``part`` (eight characters or more) is cut from ``whole``, at
    word boundaries: "disruptive" of "unnecessary and disruptive".

    >>> _inside_quote("disruptive.", "unnecessary and disruptive."), _inside_quote("disrupt", "disruptive")
    (True, False)
    >>> _inside_quote("a betrayal", "this is a betrayal of trust"), _inside_quote("betrayals", "a betrayal")
    (True, False)
    """
    core = part.strip(" .,;:!?")
    return len(core) >= 8 and re.search(rf"(?<!\w){re.escape(core)}(?!\w)", whole) is not None


def _word_diff(a: str, b: str, what: str = "quote altered") -> str:
    wa, wb = a.split(), b.split()
    parts = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes():
        if tag != "equal":
            parts.append(
                f"[-{' '.join(wa[i1:i2])}-]{{+{' '.join(wb[j1:j2])}+}}".replace("[--]", "").replace("{++}", "")
            )
    return f"{what}: " + " ".join(parts)


def _details(
    x: Alignment, fa: list[Fact], fb: list[Fact], ctx: Context, figures: Sequence[Fact] = ()
) -> tuple[list[FactChange], list[Fact]]:
    """Runs of words one side has and the other lacks, outside the facts compared above; and
    apart, the runs the other article gives in another sentence (moved: not reported). The
    words of ``figures`` that both sides give are not what a run lacks ("followed 42,615" /
    "tracked more than 42,000" is a verb reworded; see :mod:`compare.classify.quantities`)."""
    changed_a: set[int] = set()
    changed_b: set[int] = set()
    for op in x.opcodes:
        if op.tag == "equal":
            continue
        n_a = _content(x.a_tokens[op.i1 : op.i2])
        n_b = _content(x.b_tokens[op.j1 : op.j2])
        if op.tag == "replace" and n_a <= 2 and n_b <= 2 and n_a and n_b:
            continue  # a word or two swapped for others ("most important" → "top"): rewording
        if op.tag == "replace" and _verb_reworded(x.a_tokens[op.i1 : op.i2], x.b_tokens[op.j1 : op.j2], fa, fb):
            continue
        changed_a.update(range(op.i1, op.i2))
        changed_b.update(range(op.j1, op.j2))
    out, moved = [], []
    sentences = ctx.sentences
    side_a = [sentences[i] for i in x.a if i in sentences]
    side_b = [sentences[j] for j in x.b if j in sentences]
    kept = {id(f) for f in figures}
    for run in _runs(x.a_tokens, changed_a, fa, x.b_tokens, side_a, kept):
        if _moved(run, x.b, ctx):
            moved.append(run)
        else:
            out.append(_change("fact_dropped", run.sentence, x.b[0], run, None, "detail not in B"))
    for run in _runs(x.b_tokens, changed_b, fb, x.a_tokens, side_b, kept):
        if _moved(run, x.a, ctx):
            moved.append(run)
        else:
            out.append(_change("fact_added", x.a[0], run.sentence, None, run, "detail not in A"))
    return out, moved


def _moved(detail: Fact, ids: Sequence[str], ctx: Context) -> bool:
    """Whether one news sentence of the other article, not among ``ids`` (the claim's own
    sentences there), gives each of ``detail``'s words, so the detail moved to another
    sentence: "Daniel Hargreave, 52," → "Daniel Hargreave, a 52-year-old". Most of them is not
    enough: "driven largely by the war in Sudan" is not "driven from their homes by the war in
    Sudan" elsewhere."""
    first = ctx.sentences.get(ids[0]) if ids else None
    words = [w for w in _WORDS.findall(fold(detail.text)) if w not in _STOP_WORDS]
    if first is None or not words:
        return False
    index = ctx.word_index(first.article, word_keys)
    places: set[str] | None = None
    for w in words:  # the sentences holding every word (a word by any of its keys)
        here = set().union(*(index.get(k, ()) for k in _keys(w)))
        places = here if places is None else places & here
        if not places:
            return False
    return bool(places and places - set(ids))


_WORDS = re.compile(r"[\w'’-]+")


def word_keys(text: str) -> frozenset[str]:
    """The words of ``text`` as :func:`_keys` compares them."""
    return frozenset(k for w in _WORDS.findall(fold(text)) for k in _keys(w))


def _keys(word: str) -> frozenset[str]:
    """A word's first five letters, and each hyphenated part's ("52-year-old": 52, year, old)."""
    return frozenset(part[:5] for part in (word, *word.split("-")) if part)


def _verb_reworded(a: Sequence[Token], b: Sequence[Token], fa: list[Fact], fb: list[Fact]) -> bool:
    """Whether the diff replaces the claim's verb with another verb of as few words: "walked
    off the job" → "went on strike", "opened the scoring" → "put City ahead", or a form of
    "be" ("took place" → "was"). The rest of the claim is kept; a verb said another way is no
    detail. One that brings more words ("arrested on suspicion of murder" → "charged") is."""
    if not (_holds_verb(a, fa) and _holds_verb(b, fb)):
        return False
    # Names and figures in the stretch are compared on their own.
    walls_a, walls_b = _walls(fa), _walls(fb)
    a = [t for t in a if not any(s <= t.start < e for s, e in walls_a)]
    b = [t for t in b if not any(s <= t.start < e for s, e in walls_b)]
    n_a, n_b = _content(a), _content(b)
    copula = min(n_a, n_b) == 0 and all(fold_token(t.text) in _BE for t in (a if n_a == 0 else b))
    return max(n_a, n_b) <= 3 and (abs(n_a - n_b) <= 1 or (copula and max(n_a, n_b) <= 2))


def _holds_verb(tokens: Sequence[Token], facts: list[Fact]) -> bool:
    """Whether ``tokens`` hold a verb of the claim (where a ``tense`` fact ends)."""
    ends = {f.end for f in facts if f.kind == "hedge" and f.label == "tense"}
    return any(t.end in ends for t in tokens)


_BE = frozenset("is are was were be been being".split())


def _joined_clause(run: Sequence[Token], verbs: Sequence[tuple[int, int]]) -> bool:
    """Whether ``run`` is a clause of its own, joined by a conjunction: "and was being
    questioned", "but fled" (a claim's verb with its auxiliaries), however few its words."""
    return fold_token(run[0].text) in _CONJUNCTIONS and any(
        run[0].end <= start and end <= run[-1].end for start, end in verbs
    )


_CONJUNCTIONS = frozenset(("and", "but", "or"))


def _content(tokens: Sequence[Token]) -> int:
    return sum(1 for t in tokens if t.text[0].isalnum() and fold_token(t.text) not in _STOP_WORDS)


def _runs(
    tokens: Sequence[Token],
    changed: set[int],
    facts: list[Fact],
    other: Sequence[Token],
    side: list[Sentence],
    kept: Collection[int] = (),
) -> Iterable[Fact]:
    """Maximal runs of changed tokens within one sentence (bridging one stopword), cut at the
    spans of facts compared on their own (attributions, quotes, dates, names, and figures whose
    span holds their unit's words: "70 kilometres per hour" / "70 km/h", "5 per cent", "100
    million pounds" / "£100m", and tallies: "68 to 31" / "68-31"). The words of the figures
    in ``kept`` (ids of facts) count as words the other side has."""
    walls = _walls(facts)
    given = [(f.start, f.end) for f in facts if id(f) in kept]
    others = {fold_token(t.text)[:5] for t in other}
    verbs = [(f.start, f.end) for f in facts if f.kind == "hedge" and f.label == "tense"]

    def sentence_of(tok: Token) -> str:
        return next((s.id for s in side if s.start <= tok.start < s.end), "")

    def open_at(k: int) -> bool:
        return k in changed and not any(s <= tokens[k].start < e for s, e in walls)

    run: list[int] = []
    for k, tok in enumerate(tokens):
        same = not run or sentence_of(tokens[run[0]]) == sentence_of(tok)
        bridge = bool(run) and k + 1 in changed and fold_token(tok.text) in _STOP_WORDS
        if same and (open_at(k) or (bridge and not any(s <= tok.start < e for s, e in walls))):
            run.append(k)
            continue
        yield from _as_detail(tokens, run, others, given, sentence_of, verbs)
        run = [k] if open_at(k) else []
    yield from _as_detail(tokens, run, others, given, sentence_of, verbs)


def _walls(facts: list[Fact]) -> list[tuple[int, int]]:
    """The spans of facts compared on their own, where detail runs stop."""
    return [
        (f.start, f.end)
        for f in facts
        if f.kind in ("attribution", "quote", "date")
        or (f.kind == "entity" and f.label != "NORP")
        or (f.kind == "number" and (f.label in COMPOUND_UNITS or f.label in ("percent", "money", "tally")))
    ]


def _as_detail(
    tokens: Sequence[Token],
    run: list[int],
    others: set[str],
    given: Sequence[tuple[int, int]],
    sentence_of: Callable[[Token], str],
    verbs: Sequence[tuple[int, int]],
) -> list[Fact]:
    while run and (not tokens[run[-1]].text[0].isalnum() or fold_token(tokens[run[-1]].text) in _STOP_WORDS):
        run = run[:-1]
    while run and not tokens[run[0]].text[0].isalnum():
        run = run[1:]
    content = [tokens[k] for k in run if tokens[k].text[0].isalnum() and fold_token(tokens[k].text) not in _STOP_WORDS]
    if len(content) < 2 and not (content and _joined_clause([tokens[k] for k in run], verbs)):
        return []
    missing = [
        t for t in content if fold_token(t.text)[:5] not in others and not any(s <= t.start < e for s, e in given)
    ]
    if len(missing) * 4 < len(content) * 3:  # mostly reworded, not a new or lost detail
        return []
    first, last = tokens[run[0]], tokens[run[-1]]
    text = token_text([tokens[k] for k in run])
    return [Fact(sentence_of(first), "detail", text, first.start, last.end, "", fold(text))]
