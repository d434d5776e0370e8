"""The records that pass between stages. All are frozen; offsets index the article's text."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal, get_args

#: What a stretch of an article is. Only ``news`` sentences are compared.
Role = Literal["news", "headline", "caption", "furniture", "boilerplate", "other_story"]
ROLES: tuple[Role, ...] = get_args(Role)

#: The outcome for one alignment group.
Verdict = Literal["identical", "reworded", "changed", "dropped", "added"]
VERDICTS: tuple[Verdict, ...] = get_args(Verdict)


@dataclass(frozen=True, slots=True)
class Article:
    """One input article as read from disk, before any cleaning."""

    #: Short id used in sentence ids: ``A`` for the first article, ``B`` for the second, ...
    id: str
    #: The full decoded text; every offset elsewhere indexes this string.
    text: str
    #: Outlet name (defaults to the file stem).
    outlet: str
    #: Publication date, when known.
    published: date | None = None
    #: Where the article was published, when known.
    url: str | None = None
    #: Where it was read from (a path), for messages.
    source: str = ""
    #: Offset where the article body starts (after any front matter, or a web page's title).
    body_start: int = 0
    #: The page's headline, when the input was a web page (also ``text[:body_start]``).
    title: str | None = None
    #: The byline, when the page gives one.
    author: str | None = None
    #: Language code (``en``, ``ar``), from the page, the batch row or the command line.
    language: str | None = None
    #: What reading noticed (a guessed encoding, a page read as HTML), for the report.
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Block:
    """A line of the article with the role the cleaner gave it."""

    start: int
    end: int
    role: Role
    #: Index of the story this line belongs to, when a file holds several stories.
    story: int = 0
    #: True when a blank line separates this block from the previous one.
    starts_paragraph: bool = True


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence (or a furniture line) with its place in the original text."""

    #: Unique across a comparison: ``A3`` is the third news sentence of article A; set-aside
    #: material is numbered apart, ``Ax2`` being A's second set-aside line or sentence.
    id: str
    #: The article id.
    article: str
    #: ``article.text[start:end]``, exactly.
    text: str
    start: int
    end: int
    role: Role
    #: Index of the story within the file (see :class:`Block`).
    story: int = 0


@dataclass(frozen=True, slots=True)
class Token:
    """A word or punctuation mark with absolute offsets into its article's text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class DiffOp:
    """One difflib opcode over two token lists: ``a[i1:i2]`` becomes ``b[j1:j2]``."""

    tag: Literal["equal", "replace", "delete", "insert"]
    i1: int
    i2: int
    j1: int
    j2: int


@dataclass(frozen=True, slots=True)
class Alignment:
    """A group of A sentences matched to a group of B sentences (either side may be empty)."""

    #: Sentence ids of the original, in reading order; empty for an added claim.
    a: tuple[str, ...]
    #: Sentence ids of the rewrite, in reading order; empty for a dropped claim.
    b: tuple[str, ...]
    #: Cosine of the two groups' embeddings (0.0 when a side is empty).
    score: float
    verdict: Verdict
    #: The tokens of the A group and the B group, and the opcodes turning one into the other.
    a_tokens: tuple[Token, ...] = ()
    b_tokens: tuple[Token, ...] = ()
    opcodes: tuple[DiffOp, ...] = ()
    #: Why the verdict is ``changed``: the changed tokens that carry facts.
    reasons: tuple[str, ...] = ()


#: What a fact is.
#: ``detail`` is a run of words one side has and the other lacks ("and other camps").
FactKind = Literal["entity", "number", "date", "quote", "attribution", "hedge", "detail"]

#: What happened to a fact between the original and the rewrite.
ChangeKind = Literal[
    "fact_added",
    "fact_dropped",
    "number_changed",
    "date_changed",
    "date_conflict",
    "entity_renamed",
    "attribution_changed",
    "quote_intact",
    "quote_altered",
    "certainty_changed",
    "new_source",
]
CHANGE_KINDS: tuple[ChangeKind, ...] = get_args(ChangeKind)


@dataclass(frozen=True, slots=True)
class Fact:
    """A checkable detail of one sentence, with its span in the article's text."""

    #: The sentence id (``A3``).
    sentence: str
    kind: FactKind
    #: ``article.text[start:end]``.
    text: str
    start: int
    end: int
    #: Entity type (``ORG``, ``GPE``, ``PERSON``, ``FAC``, ...), number unit, date precision, or for
    #: an attribution the kind of source: ``anonymous``, ``person``, ``outlet``, ``document``.
    label: str = ""
    #: A normalised value to compare on: a number, an ISO date, a folded quote, a source name.
    value: str = ""
    #: Extra named details, e.g. ``(("cue", "told"), ("speaker", "a source"))``.
    detail: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class FactChange:
    """A fact-level finding: what changed, where in A and B, and the facts involved."""

    kind: ChangeKind
    #: The sentence ids on each side (``None`` for a fact only on one side).
    a_sentence: str | None
    b_sentence: str | None
    before: Fact | None
    after: Fact | None
    #: One human-readable line, e.g. ``anonymous source → outlet``.
    detail: str = ""


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """An article with its cleaned sentences and what cleaning noticed."""

    article: Article
    #: Every sentence and set-aside line, in reading order.
    sentences: tuple[Sentence, ...]
    #: One-line notes for the report, e.g. a second story set aside.
    notes: tuple[str, ...] = ()

    @property
    def news(self) -> tuple[Sentence, ...]:
        """The sentences that are the story's claims."""
        return tuple(s for s in self.sentences if s.role == "news")


@dataclass(frozen=True, slots=True)
class Comparison:
    """The result of comparing a rewrite (B) with an original (A)."""

    articles: tuple[ArticleResult, ...]
    #: In A's reading order, with added claims placed after the claim they follow in B.
    alignments: tuple[Alignment, ...]
    #: The embedding model used.
    model: str = ""
    warnings: tuple[str, ...] = field(default=())
    #: Facts of every news sentence, in reading order (empty until the facts stage runs).
    facts: tuple[Fact, ...] = ()
    #: Fact-level findings, in A's order (empty until the facts stage runs).
    changes: tuple[FactChange, ...] = ()

    def counts(self) -> dict[str, int]:
        """How many alignment groups got each verdict, and how many of A's claims B carries."""
        out: dict[str, int] = {v: sum(1 for x in self.alignments if x.verdict == v) for v in VERDICTS}
        out["a_claims"] = len(self.articles[0].news)
        out["b_claims"] = len(self.articles[1].news)
        out["carried"] = len({i for x in self.alignments if x.b for i in x.a})
        return out

    def sentence(self, sentence_id: str) -> Sentence:
        """Look a sentence up by id."""
        for result in self.articles:
            for s in result.sentences:
                if s.id == sentence_id:
                    return s
        raise KeyError(sentence_id)
