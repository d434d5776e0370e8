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
    "entity_changed",
    "attribution_changed",
    "quote_intact",
    "quote_altered",
    "certainty_changed",
    "negation_changed",
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
    #: Sentences by id, built once: reports look sentences up once per row.
    _by_id: dict[str, Sentence] = field(init=False, repr=False, compare=False, default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {s.id: s for r in self.articles for s in r.sentences})

    def counts(self) -> dict[str, int]:
        """How many alignment groups got each verdict, and how many of A's claims B carries."""
        out: dict[str, int] = {v: sum(1 for x in self.alignments if x.verdict == v) for v in VERDICTS}
        out["a_claims"] = len(self.articles[0].news)
        out["b_claims"] = len(self.articles[1].news)
        out["carried"] = len({i for x in self.alignments if x.b for i in x.a})
        return out

    def sentence(self, sentence_id: str) -> Sentence:
        """Look a sentence up by id (``KeyError`` when there is none)."""
        return self._by_id[sentence_id]


# -- many articles: who copied from whom (compare/provenance.py) ----------------------------

#: How the direction of a pair was decided: by publication dates, by textual evidence (one
#: names the other's outlet), or, failing both, by the order of all articles (dates where given,
#: then the order given; see ``provenance._timeline``).
DirectionBasis = Literal["date", "evidence", "order"]


@dataclass(frozen=True, slots=True)
class PairLink:
    """What two articles share, and which of them is taken as the earlier.

    Shares are of *news* word tokens (punctuation not counted): ``carried`` counts the tokens
    of sentences aligned with the other article, ``verbatim`` the tokens inside word-for-word
    stretches (difflib's ``equal`` opcodes) of those alignments.
    """

    #: The article taken as the earlier one (the source, if one copied the other).
    source: str
    #: The article taken as the later one.
    rewrite: str
    #: Share of the source's news carried by the rewrite, and of the rewrite's carried by the source.
    source_carried: float
    rewrite_carried: float
    #: Word-for-word shares, on each side.
    source_verbatim: float
    rewrite_verbatim: float
    #: How many of the rewrite's news sentences are aligned with the source.
    sentences: int
    basis: DirectionBasis
    #: One line: why this direction (the dates, or the evidence used and why it is weak).
    why: str
    #: Articles earlier than both that carry (nearly) all the content these two share: the
    #: two may each have taken it from one of those, rather than one from the other.
    common_sources: tuple[str, ...] = ()

    @property
    def uncertain(self) -> bool:
        """True unless publication dates settled the direction."""
        return self.basis != "date"


@dataclass(frozen=True, slots=True)
class ProvenanceEdge:
    """An earlier article credited as a source of a later one."""

    source: str
    rewrite: str
    #: Share of the rewrite's news tokens credited to this source (each sentence to one source).
    explains: float
    #: The rewrite's sentences credited to this source.
    sentences: tuple[str, ...]
    #: The pair's measures and direction.
    pair: PairLink
    #: Other earlier articles that carry these same sentences as closely: the rewrite may
    #: have taken them from one of those instead.
    alternatives: tuple[str, ...] = ()
    #: Fact findings of the source → rewrite comparison, counted by kind (when facts ran).
    findings: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True, slots=True)
class SentenceOrigin:
    """Where one news sentence of an article most likely came from."""

    #: The sentence id (as in :attr:`ArticleProvenance.result`).
    sentence: str
    #: The earlier article it is credited to; ``None`` when no earlier article carries it.
    source: str | None = None
    #: The earliest article it can be traced to (following the source's own sources).
    origin: str | None = None
    #: The matching sentences in the source.
    matches: tuple[str, ...] = ()
    #: Every earlier article that carries it.
    carriers: tuple[str, ...] = ()
    #: The alignment's verdict against the source.
    verdict: Verdict | None = None
    #: Share of its word tokens carried word for word from the source.
    verbatim: float = 0.0


@dataclass(frozen=True, slots=True)
class ArticleProvenance:
    """One article of a many-article comparison, with the sources of its sentences."""

    #: The article and its cleaned sentences (the ids :class:`SentenceOrigin` uses).
    result: ArticleResult
    #: Earlier articles credited with part of it, the largest share first.
    sources: tuple[str, ...]
    #: Share of its news tokens that no earlier article carries.
    own: float
    #: One per news sentence, in reading order.
    origins: tuple[SentenceOrigin, ...]


@dataclass(frozen=True, slots=True)
class Provenance:
    """Who copied from whom among many articles (see :mod:`compare.provenance`)."""

    #: In the order given.
    articles: tuple[ArticleProvenance, ...]
    #: Every pair that shares content, earlier article first.
    pairs: tuple[PairLink, ...]
    #: The provenance graph: each article's credited sources.
    edges: tuple[ProvenanceEdge, ...]
    model: str = ""
    warnings: tuple[str, ...] = ()

    def article(self, article_id: str) -> ArticleProvenance:
        """Look an article up by id."""
        for art in self.articles:
            if art.result.article.id == article_id:
                return art
        raise KeyError(article_id)


@dataclass(frozen=True, slots=True)
class DaySpan:
    """A resolved date or time mention, for :func:`compare.verdict.same_days`."""

    #: Its span, in the offsets of the tokens it is compared with.
    start: int
    end: int
    #: Its calendar day, or its clock (``T15:00``) for a time of day.
    day: date | str


@dataclass(frozen=True, slots=True)
class SameOnBothSides:
    """Token indices, on each side, of words that say what the other side says another way
    (a day named both ways, an acronym and its name): never changed details."""

    a: frozenset[int] = frozenset()
    b: frozenset[int] = frozenset()
