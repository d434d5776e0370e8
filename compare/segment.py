"""Sentences with exact character offsets, from the cleaner's blocks.

nupunkt's Punkt model keeps abbreviations such as "Aug. 31", "5 p.m.", "U.S." and "Mr." inside
their sentence. Lines that are not news (headlines, captions, labels) stay whole, one unit
each. Sentences never cross a paragraph (a blank line), but do join hard-wrapped lines.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

import nupunkt

from compare.models import Block, Role, Sentence

_SPLIT_ROLES: frozenset[Role] = frozenset({"news", "boilerplate", "other_story"})
# Punkt's lists read some capitalised acronyms as abbreviations ("according to AP." like "ap."):
# an acronym of capitals without inner dots ends its sentence when a capitalised word follows.
# Not before a word in capitals ("ST. LOUIS (AP)"), nor after an abbreviation written in
# capitals ("JR.", "CORP.", "ST.").
_ACRONYM_END = re.compile(
    r"(?<![\w.])(?!(?:ST|FT|MT|JR|SR|INC|CORP|CO|LTD|GEN|GOV|SEN|REP|DR|MR|MRS|MS|NO|VS)\.)"
    r"[A-Z]{2,6}\.(?=\s+[\"“‘']?[A-Z][a-z])"
)


#: Punkt's abbreviation list, learnt from legal and other text, also holds plain words ("call",
#: "ago", "week", "bank", "series"): "He made a call. Prices fell." stayed one sentence. Of its
#: abbreviations that are words of three letters or more, only these are kept (months, days,
#: titles, states, company and place words; those it lacks are added); and these short words
#: are no abbreviations.
_KEEP = frozenset(
    """jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    mrs messrs mme mlle drs prof profs gen gens brig col capt cmdr cdr sgt maj adm gov govs sen
    sens rep reps rev msgr hon pres supt insp det atty dist asst cpl pvt ala ariz ark calif colo
    conn del fla kan kans mich minn miss mont neb nev okla tenn wash wis wyo penn tex ind que mex
    inc corp ltd bros plc llc mfg assn assoc dept univ govt intl natl repub hosp dir ste sts
    approx est etc viz lit fig figs vol vols nos hrs mins ave blvd hwy rte pkwy jct esq dem""".split()
)  # not "ill", "mass" or "ore" (Ill., Mass., Ore.): "He fell ill. Doctors said" ends a sentence
_WORDS = frozenset("am an at be by do go he if in is it me my of oh on or so to up we".split())


@functools.cache
def _punkt() -> nupunkt.PunktSentenceTokenizer:
    """nupunkt's default model, without the plain words among its abbreviations (see ``_KEEP``).

    >>> [s for s, _ in _punkt().tokenize_with_spans("He made a call. Prices fell two years ago. It began on Aug. 31.")]
    ['He made a call. ', 'Prices fell two years ago. ', 'It began on Aug. 31.']
    """
    punkt = nupunkt.load_default_model()  # a tokenizer of our own: nupunkt.load's is shared
    for abbreviation in punkt.abbreviations:
        if abbreviation in _WORDS or (len(abbreviation) > 2 and abbreviation.isalpha() and abbreviation not in _KEEP):
            punkt.remove_abbreviation(abbreviation)
    for abbreviation in _KEEP - punkt.abbreviations:  # "Reps.", "Cmdr.", "Intl." are not in its list
        punkt.add_abbreviation(abbreviation)
    return punkt


def segment(text: str, blocks: tuple[Block, ...], article_id: str) -> tuple[Sentence, ...]:
    """Sentences of each block, numbered: ``A1, A2, ...`` for news, ``Ax1, ...`` for the rest.

    ``sentence.text == text[sentence.start:sentence.end]`` always holds.

    >>> from compare.models import Block
    >>> text = "It began on Aug. 31 at 5 p.m. in the U.S. capital. Rain followed."
    >>> [s.text for s in segment(text, (Block(0, len(text), "news"),), "A")]
    ['It began on Aug. 31 at 5 p.m. in the U.S. capital.', 'Rain followed.']
    """
    spans: list[tuple[int, int, Block]] = []
    for para in _paragraphs(blocks):
        first = para[0]
        start, end = first.start, para[-1].end
        if first.role in _SPLIT_ROLES:
            spans.extend((start + s, start + e, first) for s, e in _spans(text[start:end]))
        else:
            spans.extend((b.start, b.end, b) for b in para)
    return number(text, spans, article_id)


def number(text: str, spans: list[tuple[int, int, Block]], article_id: str) -> tuple[Sentence, ...]:
    """Give each span its id: news sentences ``A1..An``, set-aside ones ``Ax1..``."""
    out: list[Sentence] = []
    counts = {"news": 0, "other": 0}
    for start, end, block in spans:
        kind = "news" if block.role == "news" else "other"
        counts[kind] += 1
        sid = f"{article_id}{counts[kind]}" if kind == "news" else f"{article_id}x{counts[kind]}"
        out.append(Sentence(sid, article_id, text[start:end], start, end, block.role, block.story))
    return tuple(out)


def _paragraphs(blocks: tuple[Block, ...]) -> Iterator[list[Block]]:
    """Runs of blocks with one role and story and no blank line between them."""
    para: list[Block] = []
    for block in blocks:
        if para and (block.starts_paragraph or block.role != para[0].role or block.story != para[0].story):
            yield para
            para = []
        para.append(block)
    if para:
        yield para


def _spans(text: str) -> Iterator[tuple[int, int]]:
    """Sentence spans within ``text``, trimmed of surrounding whitespace."""
    spans = _lowercase_joined([span for _, span in _punkt().tokenize_with_spans(text)], text)
    for s, e in _acronym_ends(spans, text):
        chunk = text[s:e]
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk) - len(chunk.rstrip())
        if e - trail > s + lead:
            yield s + lead, e - trail


def _lowercase_joined(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """``spans`` with a split before a lower-case word undone: "Boston, Mass. said", "Salem,
    Ore. police" (state names Punkt no longer keeps, see ``_KEEP``) are one sentence.

    >>> text = "He lives in Salem, Ore. police said. He left."
    >>> [text[s:e] for s, e in _lowercase_joined([(0, 24), (24, 37), (37, 45)], text)]
    ['He lives in Salem, Ore. police said. ', 'He left.']
    """
    out: list[tuple[int, int]] = []
    for start, end in spans:
        lower = re.match(r"\s*[a-z]+[\s,;:]", text[start:end])  # a plain word, not "iPhone"
        if out and lower and text[out[-1][0] : out[-1][1]].rstrip().endswith("."):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _acronym_ends(spans: Iterable[tuple[int, int]], text: str) -> Iterator[tuple[int, int]]:
    """``spans`` split after an acronym's full stop (see ``_ACRONYM_END``).

    >>> text = "Ruiz won, according to AP. Weiss lost, the BBC said. He left the U.S. Army."
    >>> [text[s:e].strip() for s, e in _acronym_ends(nupunkt.sent_spans(text), text)]
    ['Ruiz won, according to AP.', 'Weiss lost, the BBC said.', 'He left the U.S. Army.']
    """
    for s, e in spans:
        for m in _ACRONYM_END.finditer(text, s, e):
            if m.end() < e:
                yield s, m.end()
                s = m.end()
        yield s, e
