"""Many articles: who copied from whom, and where each sentence of a later article came from.

**Method.**

1. *Every pair is compared* with :func:`compare.pipeline.compare_articles`: n articles make
   n(n-1)/2 comparisons, through one shared :class:`~compare.embed.CachingEmbedder`, so each
   sentence is embedded once. From each comparison, every news sentence gets the sentences of
   the other article it is aligned with, the verdict, and how many of its word tokens lie in
   word-for-word stretches (the diff's ``equal`` opcodes).
2. *Two measures per pair and side* (:class:`~compare.models.PairLink`): the share of an
   article's news word tokens that the other *carries* (in aligned sentences), and the share
   carried *verbatim*. Tokens rather than sentences, because a one-line paragraph and a
   sixty-word one are not the same amount of copying. Both measures, because alignment goes by
   meaning: two independent reports of one event align ("reworded") with little shared
   wording, while copying leaves long identical stretches.
3. *Direction of a pair.* Publication dates, when both are known and differ: the earlier is
   the source. Otherwise (same day, or a date missing) textual evidence, and the direction is
   marked uncertain (``basis`` ``evidence`` or ``order``): (a) *citation*: one names the
   other's outlet, capitalised ("..., the Daily Post reported"), so it is the later; (b)
   otherwise one order of all articles: dates where given, an undated article placed after the
   dated ones given before it, ties in the order given (:func:`_timeline`; deciding each pair
   on its own could make cycles). Two textual hints were tried and demoted: *containment* (the
   article carried more fully by the other looks like the source) is only mentioned when it
   points the other way, as news rewrites trim as often as they add; *combination* (one also
   carries content of a third article) cannot tell a merge of two pieces from a wire story
   split into two, so it decides nothing.
4. *Sources of an article* (:class:`~compare.models.ProvenanceEdge`): among the articles
   before it that carry some of its sentences, credited greedily: the one that carries most of
   its not yet credited tokens (ties: more of them verbatim, then the earliest) is credited
   with every sentence it carries, unless another carries that sentence clearly closer (more
   of its words verbatim, by a tenth and at least two), and so on until no earlier article
   carries what is left.
   The first is the main source; the next ones are secondary sources (a paragraph from a third
   outlet shows as coming from that outlet rather than as merely added). A sentence's
   *origin* follows the credited source's own credit back: C ← B ← A gives origin A.
5. *Common source.* For a pair X → Y, an article W before both that carries at least
   :data:`COMMON_SHARE` of the tokens Y shares with X is reported as a possible common source:
   X and Y may each have taken that content from W rather than Y from X.

**What it cannot tell.**

- Provenance only chooses among the articles given. Two outlets rewriting the same wire story
  look as if one copied the other when the wire story is not among them; with it, the pair is
  marked "common source possible".
- When content passes along a chain unchanged (B adds nothing to A, C copies B), C's source
  cannot be told apart between A and B: the other candidates are listed as ``alternatives``.
- Directions from evidence are hints, not findings: a same-day or undated pair is always
  marked uncertain, and the reason is given.
- A high carried share with a low verbatim share can be independent reporting of one event,
  not copying.
- Article ids are letters in the order given; an article's sentences (and their ids) are
  those of the comparison that kept most of its news (a second story set aside against one
  partner may be kept against another).
- The cost grows with the square of the number of articles: 20 articles are 190 comparisons.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import combinations

from compare.config import Config
from compare.diff import tokenize
from compare.embed import CachingEmbedder, Embedder
from compare.errors import CompareError
from compare.facts import FactExtractor
from compare.models import (
    CHANGE_KINDS,
    Alignment,
    Article,
    ArticleProvenance,
    ArticleResult,
    Comparison,
    DirectionBasis,
    PairLink,
    Provenance,
    ProvenanceEdge,
    Sentence,
    SentenceOrigin,
    Verdict,
)

#: An earlier article carrying this share of what two later ones share is a possible common source.
COMMON_SHARE = 0.9
#: Containment decides a direction only when the two shares differ by at least this much.
CONTAINMENT_MARGIN = 0.1
_WORD = re.compile(r"\w")


def article_ids(n: int) -> list[str]:
    """Ids for ``n`` articles: ``A`` to ``Z``, then ``AA``, ``AB``, ...

    >>> article_ids(3), article_ids(28)[-2:]
    (['A', 'B', 'C'], ['AA', 'AB'])
    """
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return [letters[k] if k < 26 else letters[k // 26 - 1] + letters[k % 26] for k in range(n)]


def trace(
    articles: Sequence[Article],
    embedder: Embedder,
    config: Config | None = None,
    facts: FactExtractor | None = None,
) -> Provenance:
    """Compare every pair of ``articles`` and say who copied from whom.

    With a :class:`~compare.facts.FactExtractor`, each edge also counts the fact findings of
    the source → rewrite comparison (a changed number, a new source, ...).
    """
    from compare.pipeline import compare_articles

    if len(articles) < 2:
        raise CompareError(f"provenance needs at least two articles, got {len(articles)}")
    ids = [a.id for a in articles]
    if len(set(ids)) != len(ids):
        raise CompareError(f"article ids must be unique, got {', '.join(ids)}")
    cached = CachingEmbedder(embedder)
    comparisons = {(a.id, b.id): compare_articles([a, b], cached, config) for a, b in combinations(articles, 2)}
    result = build(articles, comparisons, model=embedder.name)
    if facts is None:
        return result
    by_id = {a.id: a for a in articles}
    counted: dict[tuple[str, str], tuple[tuple[str, int], ...]] = {}
    for edge in result.edges:
        found = compare_articles([by_id[edge.source], by_id[edge.rewrite]], cached, config, facts)
        counts = Counter(c.kind for c in found.changes)
        counted[edge.source, edge.rewrite] = tuple((k, counts[k]) for k in CHANGE_KINDS if counts[k])
        # The facts settle some verdicts ("have not ruled out" → "have ruled out" is changed):
        # the sentences' "how" then reads as the pair's own report does. Alignments are the
        # same, and the graph reads a comparison from both sides, so the order does not matter.
        comparisons.pop((edge.rewrite, edge.source), None)
        comparisons[edge.source, edge.rewrite] = found
    result = build(articles, comparisons, model=embedder.name)
    edges = [replace(edge, findings=counted.get((edge.source, edge.rewrite), ())) for edge in result.edges]
    return replace(result, edges=tuple(edges))


def build(
    articles: Sequence[Article], comparisons: Mapping[tuple[str, str], Comparison], model: str = ""
) -> Provenance:
    """The provenance graph from the pairwise comparisons (pure).

    ``comparisons[(x, y)]`` compares article ``x`` (as A) with ``y`` (as B), one per pair.
    """
    ev = _Evidence.of(articles, comparisons)
    timeline = _timeline(articles)
    links = [_direction(a, b, ev, timeline) for a, b in combinations(articles, 2) if ev.linked(a.id, b.id)]
    before = {(p.source, p.rewrite) for p in links}
    pairs = tuple(replace(p, common_sources=_common_sources(p, ev, before)) for p in links)
    by_pair = {(p.source, p.rewrite): p for p in pairs}
    # "Earliest" among candidates: fewest articles before it, then the earlier date, then the order given.
    rank = {
        a.id: (sum(1 for _, later in before if later == a.id), a.published or date.max, k)
        for k, a in enumerate(articles)
    }
    credits: dict[str, dict[str, str]] = {}
    edges: list[ProvenanceEdge] = []
    for art in articles:
        earlier = sorted((x for x, later in before if later == art.id), key=rank.__getitem__)
        found, credited = _cover(art.id, earlier, ev, by_pair)
        edges.extend(found)
        credits[art.id] = credited
    results = tuple(_article(art.id, ev, credits, before, rank, edges) for art in articles)
    warnings = tuple(dict.fromkeys(w for c in comparisons.values() for w in c.warnings))
    return Provenance(results, pairs, tuple(edges), model, warnings)


@dataclass(frozen=True, slots=True)
class _Match:
    """A sentence's counterpart in another article."""

    #: The aligned sentence ids in the other article.
    partners: tuple[str, ...]
    verdict: Verdict
    #: This sentence's word tokens inside word-for-word stretches.
    verbatim: int


@dataclass(frozen=True, slots=True)
class _Evidence:
    """Per-sentence facts read off every pairwise comparison."""

    articles: dict[str, Article]
    #: Each article's cleaned sentences (see the module's limits on ids).
    results: dict[str, ArticleResult]
    #: Word tokens of each news sentence, by article then sentence id.
    words: dict[str, dict[str, int]]
    #: ``matches[(x, y)][s]``: how sentence ``s`` of ``x`` is carried by ``y``.
    matches: dict[tuple[str, str], dict[str, _Match]] = field(default_factory=dict)

    @classmethod
    def of(cls, articles: Sequence[Article], comparisons: Mapping[tuple[str, str], Comparison]) -> _Evidence:
        results: dict[str, ArticleResult] = {}
        for comparison in comparisons.values():
            for r in comparison.articles:
                if len(r.news) > len(results[r.article.id].news if r.article.id in results else ()):
                    results[r.article.id] = r
        words = {aid: {s.id: _words(s) for s in r.news} for aid, r in results.items()}
        ev = cls({a.id: a for a in articles}, results, words)
        for (x, y), comparison in comparisons.items():
            ev.matches[(x, y)], ev.matches[(y, x)] = ev._read(comparison)
        return ev

    def _read(self, comparison: Comparison) -> tuple[dict[str, _Match], dict[str, _Match]]:
        """Both sides' matches, with sentence ids mapped to the chosen sentences by offsets."""
        ra, rb = comparison.articles
        ids: dict[str, dict[str, str | None]] = {}
        for r in (ra, rb):
            chosen = {(s.start, s.end): s.id for s in self.results[r.article.id].news}
            ids[r.article.id] = {s.id: chosen.get((s.start, s.end)) for s in r.news}
        a_id, b_id = ra.article.id, rb.article.id
        out_a: dict[str, _Match] = {}
        out_b: dict[str, _Match] = {}
        for x in comparison.alignments:
            if not (x.a and x.b):
                continue
            verbatim_a, verbatim_b = _verbatim(x, comparison)
            partners_b = tuple(i for i in (ids[b_id][s] for s in x.b) if i)
            partners_a = tuple(i for i in (ids[a_id][s] for s in x.a) if i)
            for side, out, partners, verbatim in (
                (a_id, out_a, partners_b, verbatim_a),
                (b_id, out_b, partners_a, verbatim_b),
            ):
                for s in x.a if side == a_id else x.b:
                    chosen_id = ids[side][s]
                    if chosen_id:
                        out[chosen_id] = _Match(partners, x.verdict, verbatim[s])
        return out_a, out_b

    def linked(self, x: str, y: str) -> bool:
        return bool(self.matches.get((x, y)))

    def share(self, x: str, y: str, verbatim: bool = False) -> float:
        """Share of ``x``'s news tokens carried (or carried verbatim) by ``y``."""
        carried = self.matches.get((x, y), {})
        n = sum(m.verbatim if verbatim else self.words[x][s] for s, m in carried.items())
        return _ratio(n, sum(self.words[x].values()))

    def news_text(self, x: str) -> str:
        return " ".join(s.text for s in self.results[x].news)


def _words(sentence: Sentence) -> int:
    return sum(1 for t in tokenize([sentence]) if _WORD.search(t.text))


def _ratio(n: float, d: float) -> float:
    return round(n / d, 4) if d else 0.0


def _verbatim(x: Alignment, comparison: Comparison) -> tuple[Counter[str], Counter[str]]:
    """Word tokens in ``equal`` stretches, per sentence of each side of one alignment."""
    spans = [[comparison.sentence(i) for i in ids] for ids in (x.a, x.b)]
    counts: tuple[Counter[str], Counter[str]] = (Counter(), Counter())
    for op in x.opcodes:
        if op.tag != "equal":
            continue
        for side, tokens in enumerate((x.a_tokens[op.i1 : op.i2], x.b_tokens[op.j1 : op.j2])):
            for t in tokens:
                owner = next((s.id for s in spans[side] if s.start <= t.start < s.end), None)
                if owner and _WORD.search(t.text):
                    counts[side][owner] += 1
    return counts


# -- direction ------------------------------------------------------------------------------


def _timeline(articles: Sequence[Article]) -> dict[str, tuple[date, int]]:
    """Each article's place in one order of all: its date, or for an undated one the date of the
    last dated article given before it (the first date, for those before any), then the order
    given. Deciding every pair from this one order keeps the graph free of cycles (dated A after
    dated C, undated B given between them, would otherwise give A → B → C → A)."""
    dates = [a.published for a in articles if a.published]
    current = dates[0] if dates else date.min
    out = {}
    for k, a in enumerate(articles):
        current = a.published or current
        out[a.id] = (current, k)
    return out


def _direction(a: Article, b: Article, ev: _Evidence, timeline: Mapping[str, tuple[date, int]]) -> PairLink:
    """The pair's measures, with the earlier article first (``a`` precedes ``b`` in input order)."""
    source, rewrite, basis, why = _decide(a, b, ev, timeline)
    return PairLink(
        source,
        rewrite,
        ev.share(source, rewrite),
        ev.share(rewrite, source),
        ev.share(source, rewrite, verbatim=True),
        ev.share(rewrite, source, verbatim=True),
        len(ev.matches[(rewrite, source)]),
        basis,
        why,
    )


def _decide(
    a: Article, b: Article, ev: _Evidence, timeline: Mapping[str, tuple[date, int]]
) -> tuple[str, str, DirectionBasis, str]:
    if a.published and b.published and a.published != b.published:
        first, second = (a, b) if a.published < b.published else (b, a)
        return first.id, second.id, "date", f"{first.id} published {first.published}, {second.id} {second.published}"
    if a.published and b.published:
        context = f"both published {a.published}"
    else:
        context = f"no date for {' and '.join(x.id for x in (a, b) if not x.published)}"
    found = _citation(a.id, b.id, ev)
    if found:
        return found[0], found[1], "evidence", f"{context}; {found[2]}"
    first, second = (a, b) if timeline[a.id] <= timeline[b.id] else (b, a)
    placed = "" if first is a else " (placed by the dates of the articles given around it)"
    hint = _containment(first.id, second.id, ev)
    if hint and hint[0] != first.id:
        return first.id, second.id, "order", f"{context}; the order given{placed} ({hint[2]}, not enough to reverse it)"
    return first.id, second.id, "order", f"{context}; no evidence either way, so the order given{placed}"


def _citation(a: str, b: str, ev: _Evidence) -> tuple[str, str, str] | None:
    """The one that names the other's outlet (and is not named by it) is the later."""

    def names(x: str, y: str) -> bool:
        outlet = ev.articles[y].outlet.strip()
        if len(outlet) < 3 or outlet == ev.articles[x].outlet.strip():
            return False
        # A proper name, capitalised where it is cited: a file-name outlet "times" is not "three times".
        found = re.finditer(rf"(?<!\w){re.escape(outlet)}(?!\w)", ev.news_text(x), re.IGNORECASE)
        return any(m.group(0)[0].isupper() for m in found)

    a_names_b, b_names_a = names(a, b), names(b, a)
    if a_names_b == b_names_a:
        return None
    first, second = (a, b) if b_names_a else (b, a)
    return first, second, f"{second} names {first}'s outlet (“{ev.articles[first].outlet}”)"


def _containment(a: str, b: str, ev: _Evidence) -> tuple[str, str, str] | None:
    """The one carried more fully by the other is taken as the source (a weak hint)."""
    in_b, in_a = ev.share(a, b), ev.share(b, a)
    if abs(in_b - in_a) < CONTAINMENT_MARGIN:
        return None
    first, second, big, small = (a, b, in_b, in_a) if in_b > in_a else (b, a, in_a, in_b)
    return (
        first,
        second,
        f"{second} carries {big:.0%} of {first}, {first} only {small:.0%} of {second}: "
        f"taken as {first} rewritten with additions (weak: a trimmed rewrite reads the other way)",
    )


def _common_sources(pair: PairLink, ev: _Evidence, before: set[tuple[str, str]]) -> tuple[str, ...]:
    """Articles before both that carry nearly all of what the rewrite shares with the source."""
    shared = ev.matches[(pair.rewrite, pair.source)]
    total = sum(ev.words[pair.rewrite][s] for s in shared)
    out = []
    for w in ev.articles:
        if (w, pair.source) in before and (w, pair.rewrite) in before:
            theirs = ev.matches.get((pair.rewrite, w), {})
            covered = sum(ev.words[pair.rewrite][s] for s in shared if s in theirs)
            if total and covered >= COMMON_SHARE * total:
                out.append(w)
    return tuple(out)


# -- sources of each article ----------------------------------------------------------------


def _cover(
    y: str, earlier: list[str], ev: _Evidence, pairs: dict[tuple[str, str], PairLink]
) -> tuple[list[ProvenanceEdge], dict[str, str]]:
    """Credit ``y``'s sentences to the earlier articles that carry them (``earlier`` earliest first).

    Articles are taken greedily, the one that carries most of the not yet credited tokens
    first (ties: more of them verbatim, then the earliest), and each is credited with what it
    carries; but a sentence goes to another carrier whose version is clearly closer (more
    words verbatim, by a tenth of the sentence and at least two, or the same words where the
    greedy choice's are not): a rewrite that copies B word for word and adds one sentence of
    A, which B dropped, took the rest from B, not A.
    """
    words = ev.words[y]
    carried = {x: ev.matches[(y, x)] for x in earlier}
    remaining = {s for s in words if any(s in carried[x] for x in earlier)}
    credited: dict[str, str] = {}

    def gain(x: str, among: set[str]) -> tuple[int, int]:
        mine = [s for s in among if s in carried[x]]
        return sum(words[s] for s in mine), sum(carried[x][s].verbatim for s in mine)

    while remaining:
        # max() keeps the first of equal gains, and ``earlier`` is earliest first.
        best = max(earlier, key=lambda x: gain(x, remaining))
        for s in (s for s in remaining if s in carried[best]):
            holders = [x for x in earlier if s in carried[x]]
            closer = max(holders, key=lambda x: (carried[x][s].verbatim, carried[x][s].verdict == "identical"))
            margin = carried[closer][s].verbatim - carried[best][s].verbatim
            copied = carried[closer][s].verdict == "identical" and carried[best][s].verdict != "identical"
            credited[s] = closer if margin >= max(2, words[s] / 10) or copied else best
        remaining -= {s for s in remaining if s in carried[best]}
    edges = []
    for source in sorted(set(credited.values()), key=lambda x: -sum(words[s] for s in credited if credited[s] == x)):
        taken = {s for s in credited if credited[s] == source}
        others = tuple(x for x in earlier if x != source and gain(x, taken) >= gain(source, taken))
        ordered = tuple(s for s in words if s in taken)
        share = _ratio(sum(words[s] for s in taken), sum(words.values()))
        edges.append(ProvenanceEdge(source, y, share, ordered, pairs[(source, y)], others))
    return edges, credited


def _article(
    y: str,
    ev: _Evidence,
    credits: dict[str, dict[str, str]],
    before: set[tuple[str, str]],
    rank: dict[str, tuple[int, date, int]],
    edges: list[ProvenanceEdge],
) -> ArticleProvenance:
    words = ev.words[y]
    earlier = sorted((x for x, later in before if later == y), key=rank.__getitem__)
    origins = []
    for s in words:
        carriers = tuple(x for x in earlier if s in ev.matches[(y, x)])
        source = credits[y].get(s)
        if source is None:
            origins.append(SentenceOrigin(s, carriers=carriers))
            continue
        match = ev.matches[(y, source)][s]
        origin = _origin(y, s, credits, ev, frozenset())
        verbatim = _ratio(match.verbatim, words[s])
        origins.append(SentenceOrigin(s, source, origin, match.partners, carriers, match.verdict, verbatim))
    own = _ratio(sum(words[o.sentence] for o in origins if not o.carriers), sum(words.values()))
    sources = tuple(e.source for e in edges if e.rewrite == y)
    return ArticleProvenance(ev.results[y], sources, own, tuple(origins))


def _origin(y: str, s: str, credits: dict[str, dict[str, str]], ev: _Evidence, seen: frozenset[str]) -> str | None:
    """Follow the credited source back while the source's own sentence is credited further."""
    source = credits[y].get(s)
    if source is None or source in seen:
        return source
    for partner in ev.matches[(y, source)][s].partners:
        further = _origin(source, partner, credits, ev, seen | {y})
        if further:
            return further
    return source
