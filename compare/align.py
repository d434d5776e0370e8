"""Which sentences of the rewrite carry which sentences of the original.

Method, and why:

1. **Similarity matrix.** Cosines of sentence embeddings, all against all. Rewrites reorder
   paragraphs, so unlike Vecalign/Bertalign (built for translations, which keep order) no
   monotone path is assumed.
2. **Candidate beads.** A 1-1 bead for each pair whose cosine reaches
   ``config.link_threshold`` (at most the top 3 per sentence, to keep long articles sparse).
   2-1 and 1-2 beads come from *clause evidence*: a rewrite that merges two sentences keeps
   a clause of the second one, and a whole-sentence cosine barely moves (the merged sentence
   is still mostly its first source). So for each 1-1 candidate (i, j) each clause of one side
   that its partner does not explain is compared with the neighbours of the partner
   (merges join adjacent sentences, as Vecalign/Bertalign assume); a neighbour that is about
   the best match for that clause makes a merge (or split) bead. A merge that leaves no
   clause of its second sentence ("a campaign costing $14 million") is found as Vecalign
   finds merges: the neighbour and the sentence joined and embedded, kept when the joined
   text matches clearly better (``config.join_share``) than the sentence alone.
3. **Selection.** A small integer programme picks the set of beads with the largest total
   margin over the thresholds, each sentence in at most one bead. A greedy pass would let an
   early strong pair take a sentence that a merge needs; the exact optimum settles such
   conflicts by total evidence and is still instant for news-length articles.
4. **Support.** A chosen bead whose best pair is below ``config.support_cosine`` (a weak
   link) is kept only when a strong bead links sentences within ``config.support_window`` of
   it on both sides. Exclusive selection pairs up whatever is left over: a dropped sentence
   that is merely on topic and an added one (or the second half of a split) reach a weak
   cosine with each other. A true weak link (a heavy rewording) usually sits among links of
   its own paragraph, as the neighbour structure of Vecalign's dynamic programme assumes;
   only that neighbourhood is asked for, not one monotone path, so moved paragraphs still
   align. A weak link that is *mutual best* (each sentence is the other's best match) stays
   too: a heavily reworded sentence moved on its own, or a rewrite reworded throughout (no
   strong link anywhere), is not a leftover pairing, whose sentences have better partners
   taken by others. On news rewrites stitched from MSRP paraphrases (bench/stitched.py) the
   support rule alone lost every link of documents reworded throughout and 3 points of recall
   when sentences move one by one; with mutual best it loses none there, and keeps most of
   its SWiPE gain. Measured on SWiPE, this beat a higher ``link_threshold``, a ratio margin
   over nearest neighbours (Artetxe & Schwenk 2019) and requiring mutual best of every weak
   link, each of which also cost the news seed pair links it needs (see bench/README.md).
   A weak link must also share words: at least ``config.anchor_words`` content words
   between its sides. A dropped and an added sentence on one topic ("Two people died." /
   "Repairs will cost $2 million.") can be each other's best match by cosine alone, and
   reported as one claim changed they mislead more than as one dropped and one added. (Also
   tried: letting a sentence whose best match fails this pair with its next best as mutual
   best: 0.3 points less on SWiPE's dropped and added F1.) Position excuses the words: a
   pair that fills a gap between links on both sides (its neighbours before and after are
   linked to each other), or at the start or end of both articles next to a link and each
   other's best match, is a rewording in place however few words it keeps.
5. **Leftovers.** A sentence left out whose best match is in a 1-1 bead joins it (a merge or
   split) when that match holds most of its content words, several of them missing from the
   bead's own sentence: the rewrite took its words, wherever it came from (the merge finders
   of step 2 look only at near neighbours and ask for a clear gain in cosine). And two
   sentences left out are linked below ``config.link_threshold`` when they are each other's
   best match among the leftovers, share words, and one's best match overall is the other
   while that one's own best match is copied elsewhere: a claim reworded next to a sentence
   kept word for word, not two leftovers on one topic.

Sentences in no bead are dropped (A) or added (B).

Speed, for long articles: apart from the all-pairs similarity matrix and its ranking (one
matrix product and one vectorised sort), the work grows about linearly with the sentences.
Top-k pruning keeps the candidates linear; all clauses are embedded in one batch and each is
compared with the other side once, not once per candidate pair; and the integer programme
is solved per connected group of conflicting beads: a bead that conflicts with nothing is
simply taken, a group is searched exactly while that stays quick, and only a hard group goes
to the MILP solver (scipy, imported only then).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from compare.config import Config
from compare.embed import Embedder
from compare.verdict import content_keys

_CLAUSE_BREAK = re.compile(
    r"\s*[,;:()—–]\s*|\s+-\s+|\s+(?=(?:to|which|who|whom|because|after|before|so|while|since|when|where|"
    r"although|though|whereas|according|but|and then)\b)",
    re.I,
)
_MIN_CLAUSE_WORDS = 5
#: The sentences of a bead: (A indices, B indices).
Pair = tuple[tuple[int, ...], tuple[int, ...]]
#: A candidate bead: (A indices, B indices) and its gain over the thresholds.
Candidate = tuple[Pair, float]
_TOP_K = 3
#: Gain added to the in-order pairing of repeated sentences, to break their ties (see _repeats).
_IN_ORDER = 1e-6
#: A group of conflicting beads is searched exactly in Python up to this many search nodes
#: (a few milliseconds), and otherwise handed to scipy's MILP solver, whose import alone takes
#: about 0.4 s. The seed pair's largest group (30 beads) takes under 100 nodes.
_SEARCH_NODES = 20_000
#: Groups of more beads than this skip the exact search (it recurses once per bead and
#: Python's recursion limit is about 1,000).
_SEARCH_DEPTH = 400
#: Clause rows per matrix product when finding each clause's best match on the other side.
_CHUNK = 1024


@dataclass(frozen=True, slots=True)
class Bead:
    """Indices of A sentences and B sentences aligned together, and their cosine."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    score: float


def clauses(sentence: str) -> list[str]:
    """Clause-sized pieces of a sentence (at punctuation and before linking words).

    >>> clauses("The army withdrew from the town, officials said, to avoid the coming air strikes.")
    ['The army withdrew from the town', 'to avoid the coming air strikes.']
    """
    parts = (p.strip() for p in _CLAUSE_BREAK.split(sentence) if p)
    return [p for p in parts if len(p.split()) >= _MIN_CLAUSE_WORDS]


def align(a: Sequence[str], b: Sequence[str], embedder: Embedder, config: Config) -> list[Bead]:
    """Align sentences ``a`` (original) with ``b`` (rewrite); see the module docstring.

    Returns the chosen beads plus one-sided beads for dropped and added sentences, in A's order.
    """
    if not a or not b:
        return _order([], len(a), len(b))
    vectors = embedder.embed_batch([*a, *b])  # one call: the model is fastest on big batches
    ea, eb = vectors[: len(a)], vectors[len(a) :]
    sim = ea @ eb.T
    repeats = _repeats(a, b)
    singles = sorted(set(_singles(sim, config.link_threshold)) | repeats)
    beads: list[Candidate] = [
        (((i,), (j,)), float(sim[i, j]) - config.link_threshold + (_IN_ORDER if (i, j) in repeats else 0.0))
        for i, j in singles
    ]
    sides = _Sides(a, b, ea, eb, sim)
    beads += _merges(sides, singles, embedder, config)
    beads += _joined_merges(sides, singles, embedder, config)
    loose = _unanchored(beads, a, b, sim, config)  # weak pairs that share too few words (step 4)
    chosen = _select_supported([bead for bead in beads if bead[0] not in loose], sim, config)
    chosen += _sandwiched(loose, chosen, sim, a, b)
    chosen = _adopted(chosen, sim, a, b, config)  # step 5
    chosen += _displaced(chosen, sim, a, b, config)
    scores = _scores(chosen, a, b, sim, embedder)
    return _order([Bead(ai, bj, score) for (ai, bj), score in zip(chosen, scores, strict=True)], len(a), len(b))


def _repeats(a: Sequence[str], b: Sequence[str]) -> set[tuple[int, int]]:
    """Sentences that occur more than once, word for word: the k-th in A with the k-th in B.

    A sentence repeated more often than the top-k candidates reach ("The motion passed." after
    each of eight agenda items) would otherwise leave copies unpaired; pairing occurrences in
    order also settles which copy goes with which (they tie on every score).

    >>> sorted(_repeats(["Yes.", "X.", "Yes.", "Yes."], ["Yes.", "Yes.", "Z."]))
    [(0, 0), (2, 1)]
    >>> sorted(_repeats(["No.", "No."], ["No."])), sorted(_repeats(["Once."], ["Once."]))
    ([(0, 0)], [])
    """
    where: dict[str, list[int]] = {}
    for j, text in enumerate(b):
        where.setdefault(" ".join(text.split()), []).append(j)
    keys = [" ".join(text.split()) for text in a]
    in_a = Counter(keys)
    seen: Counter[str] = Counter()
    out = set()
    for i, key in enumerate(keys):
        k = seen[key]
        seen[key] += 1
        if key in where and max(in_a[key], len(where[key])) > 1 and k < len(where[key]):
            out.add((i, where[key][k]))
    return out


def _singles(sim: np.ndarray, threshold: float) -> list[tuple[int, int]]:
    """The top-k partners of each sentence, both ways, that reach ``threshold``.

    One argsort over the whole matrix sorts each row exactly as a per-row argsort does.
    """
    keep: set[tuple[int, int]] = set()
    k_b, k_a = min(_TOP_K, sim.shape[1]), min(_TOP_K, sim.shape[0])
    top_b = np.argsort(-sim, axis=1)[:, :k_b]
    for i, j in zip(*np.nonzero(np.take_along_axis(sim, top_b, axis=1) >= threshold), strict=True):
        keep.add((int(i), int(top_b[i, j])))
    top_a = np.argsort(-sim.T, axis=1)[:, :k_a]
    for j, i in zip(*np.nonzero(np.take_along_axis(sim.T, top_a, axis=1) >= threshold), strict=True):
        keep.add((int(top_a[j, i]), int(j)))
    return sorted(keep)


@dataclass(frozen=True, slots=True)
class _Sides:
    """Both sides' sentences, their vectors and the similarity matrix, as the merge finders read them."""

    a: Sequence[str]
    b: Sequence[str]
    ea: np.ndarray
    eb: np.ndarray
    sim: np.ndarray


@dataclass(frozen=True, slots=True)
class _Clauses:
    """The clauses of one sentence: their vectors, and each one's best cosine on the other side."""

    vectors: np.ndarray
    best: np.ndarray


def _merges(sides: _Sides, singles: list[tuple[int, int]], embedder: Embedder, config: Config) -> list[Candidate]:
    """2-1 beads (two A sentences into one B) and 1-2 beads (one A split over two B)."""
    a, b, ea, eb, sim = sides.a, sides.b, sides.ea, sides.eb, sides.sim
    of_b, of_a = _clause_tables({j: b[j] for _, j in singles}, ea, {i: a[i] for i, _ in singles}, eb, embedder)
    out: list[Candidate] = []
    for i, j in singles:
        base = float(sim[i, j]) - config.link_threshold
        for k, evidence in _neighbour_evidence(of_b.get(j), ea[i], ea, i, config):
            if sim[i, j] >= sim[k, j]:  # the partner, not the neighbour, is the main source
                out.append(((tuple(sorted((i, k))), (j,)), base + evidence))
        for k, evidence in _neighbour_evidence(of_a.get(i), eb[j], eb, j, config):
            if sim[i, j] >= sim[i, k]:
                out.append((((i,), tuple(sorted((j, k)))), base + evidence))
    return out


def _joined_merges(
    sides: _Sides, singles: list[tuple[int, int]], embedder: Embedder, config: Config
) -> list[Candidate]:
    """2-1 and 1-2 beads scored on the two sentences joined (Vecalign's measure).

    For a 1-1 candidate (i, j), a neighbour k of i (at most ``config.join_reach`` sentences
    away) whose best match is j, at a cosine of at least ``config.join_floor`` (and no more
    than i's: the partner is the main source), is joined with i and embedded; when the joined
    text's cosine with j closes ``config.join_share`` of the gap between the pair's cosine and
    1, the merge is a candidate, with that cosine as its score (likewise for splits). It
    catches merges whose second sentence leaves no clause of its own ("... a campaign costing
    $14 million ..."), which clause evidence cannot see. All joined texts go to the model in
    one batch.
    """
    a, b, ea, eb, sim = sides.a, sides.b, sides.ea, sides.eb, sides.sim
    best_b, best_a = sim.argmax(axis=1), sim.argmax(axis=0)
    wanted: dict[Pair, tuple[int, int, bool]] = {}
    steps = [d for d in range(-config.join_reach, config.join_reach + 1) if d]
    for i, j in singles:
        for k in (i + d for d in steps):
            if 0 <= k < len(a) and best_b[k] == j and config.join_floor <= sim[k, j] <= sim[i, j]:
                wanted.setdefault((tuple(sorted((i, k))), (j,)), (i, j, True))
        for k in (j + d for d in steps):
            if 0 <= k < len(b) and best_a[k] == i and config.join_floor <= sim[i, k] <= sim[i, j]:
                wanted.setdefault(((i,), tuple(sorted((j, k)))), (i, j, False))
    if not wanted:
        return []
    texts = [
        " ".join(a[x] for x in ai) if merge else " ".join(b[y] for y in bj)
        for (ai, bj), (_, _, merge) in wanted.items()
    ]
    out: list[Candidate] = []
    for (pair, (i, j, merge)), vec in zip(wanted.items(), embedder.embed_batch(texts), strict=True):
        joined = float(vec @ (eb[j] if merge else ea[i]))
        if joined >= sim[i, j] + config.join_share * (1.0 - sim[i, j]):
            out.append((pair, joined - config.link_threshold))
    return out


def _clause_tables(
    from_b: dict[int, str], ea: np.ndarray, from_a: dict[int, str], eb: np.ndarray, embedder: Embedder
) -> tuple[dict[int, _Clauses], dict[int, _Clauses]]:
    """The clauses of the candidate sentences that have two or more, embedded in one batch.

    A sentence is in up to 2 x top-k candidate pairs: its clauses are split, embedded and
    compared with the whole other side once here, in a few large matrix products, not per pair.
    """
    parts = [
        (side, index, clauses(text)) for side, texts in ((0, from_b), (1, from_a)) for index, text in texts.items()
    ]
    parts = [p for p in parts if len(p[2]) >= 2]
    tables: tuple[dict[int, _Clauses], dict[int, _Clauses]] = ({}, {})
    if not parts:
        return tables
    vectors = embedder.embed_batch([clause for _, _, found in parts for clause in found])
    best = np.empty(len(vectors), dtype=np.float32)
    start = 0
    for side in (0, 1):
        end = start + sum(len(found) for s, _, found in parts if s == side)
        others = ea if side == 0 else eb
        for lo in range(start, end, _CHUNK):  # a few large products, not one small one per clause
            best[lo : min(end, lo + _CHUNK)] = (vectors[lo : min(end, lo + _CHUNK)] @ others.T).max(axis=1)
        start = end
    start = 0
    for side, index, found in parts:
        tables[side][index] = _Clauses(vectors[start : start + len(found)], best[start : start + len(found)])
        start += len(found)
    return tables


def _neighbour_evidence(
    found: _Clauses | None, partner: np.ndarray, others: np.ndarray, index: int, config: Config
) -> list[tuple[int, float]]:
    """Neighbours of ``index`` among ``others`` that best explain a clause ``partner`` misses."""
    if found is None:
        return []
    evidence: dict[int, float] = {}
    for vec, best in zip(found.vectors, found.best, strict=True):
        explained = float(vec @ partner)
        if explained >= config.clause_explained:
            continue
        floor = max(config.clause_threshold, float(best) - config.clause_margin, explained + config.clause_gain)
        for k in (index - 1, index + 1):
            if 0 <= k < len(others) and (cos := float(others[k] @ vec)) >= floor:
                evidence[k] = max(evidence.get(k, 0.0), cos - config.clause_threshold)
    return sorted(evidence.items())


def _select(beads: list[Candidate], n_a: int, n_b: int) -> list[Pair]:
    """The set of beads with the largest total margin, each sentence used at most once.

    Beads that share no sentence, directly or through other beads, do not interact, so each
    connected group is solved on its own: a bead alone is always taken (every gain is
    positive), a group is searched exactly in Python while that stays quick, and the rest go to
    the MILP solver. Where several sets tie exactly (a sentence repeated word for word), the
    search keeps the first it finds, taking beads in order of gain, then of position.
    """
    gains = [max(gain, 1e-6) for _, gain in beads]
    masks = [sum(1 << i for i in ai) | sum(1 << (n_a + j) for j in bj) for (ai, bj), _ in beads]
    chosen: list[int] = []
    for group in _groups(beads, n_a, n_b):
        found = group if len(group) == 1 else _best_packing(group, masks, gains)
        chosen += found if found is not None else _milp(group, beads, gains, n_a, n_b)
    return [beads[c][0] for c in sorted(chosen)]


def _unanchored(
    beads: list[Candidate], a: Sequence[str], b: Sequence[str], sim: np.ndarray, config: Config
) -> set[Pair]:
    """The weak candidates whose sides share fewer than ``config.anchor_words`` content words
    (:func:`~compare.verdict.content_keys`); a short side, of no more content words than
    that, must share all of them but one.

    >>> a = ["Two people died in the crash on the A7 motorway.", "The road was closed for hours."]
    >>> b = ["The crash on the A7 motorway killed two people.", "Repairs will cost $2 million."]
    >>> sim = np.array([[0.6, 0.2], [0.3, 0.55]])
    >>> sorted(_unanchored([(((0,), (0,)), 0.1), (((1,), (1,)), 0.05)], a, b, sim, Config()))
    [((1,), (1,))]
    """
    keys: dict[tuple[str, int], frozenset[str]] = {}

    def of(side: str, texts: Sequence[str], rows: tuple[int, ...]) -> frozenset[str]:
        for k in rows:
            if (side, k) not in keys:
                keys[side, k] = content_keys(texts[k])
        return frozenset().union(*(keys[side, k] for k in rows))

    def anchored(ai: tuple[int, ...], bj: tuple[int, ...]) -> bool:
        mine, theirs = of("a", a, ai), of("b", b, bj)
        return len(mine & theirs) >= min(config.anchor_words, max(1, min(len(mine), len(theirs)) - 1))

    return {pair for pair, _ in beads if not _strong(pair, sim, config) and not anchored(*pair)}


def _sandwiched(
    loose: set[Pair], chosen: list[Pair], sim: np.ndarray, a: Sequence[str], b: Sequence[str]
) -> list[Pair]:
    """The 1-1 pairs left out for lack of shared words that fill a gap in the links, sharing at
    least one content word (two claims on one topic at one place share none: "The blaze
    destroyed 40 homes." / "The wildfire forced 2,000 people to evacuate.").

    A sentence pair whose neighbours before and after are linked to each other, on both
    sides (``A[i-1]`` with ``B[j-1]`` and ``A[i+1]`` with ``B[j+1]``), is a rewording in
    place, however few words it keeps ("released after the market closed" / "came out after
    the closing bell"). At the start or end of both articles one linked neighbour is enough
    when the two sentences are also each other's best match.

    >>> sim = np.array([[0.9, 0.1, 0.1], [0.1, 0.6, 0.1], [0.1, 0.1, 0.9]])
    >>> a, b = ["x", "The results were released.", "y"], ["x", "The results came out.", "y"]
    >>> _sandwiched({((1,), (1,))}, [((0,), (0,)), ((2,), (2,))], sim, a, b)
    [((1,), (1,))]
    >>> _sandwiched({((1,), (1,))}, [((0,), (0,))], sim[:2, :2], a, b)  # the end of both, mutual best
    [((1,), (1,))]
    >>> _sandwiched({((1,), (1,))}, [((0,), (0,))], sim, a, b)  # A2 and B2 are followed by unlinked A3 and B3
    []
    """
    n_a, n_b = sim.shape
    linked = {(i, j) for ai, bj in chosen for i in ai for j in bj}
    used_a, used_b = {i for i, _ in linked}, {j for _, j in linked}
    out: list[Pair] = []
    for pair in sorted(loose):
        (i, *more_a), (j, *more_b) = pair
        if more_a or more_b or i in used_a or j in used_b or not content_keys(a[i]) & content_keys(b[j]):
            continue
        before, after = (i - 1, j - 1) in linked, (i + 1, j + 1) in linked
        at_edge = (before and i == n_a - 1 and j == n_b - 1) or (after and i == 0 and j == 0)
        if (before and after) or (at_edge and _mutual(pair, sim)):
            out.append(pair)
            used_a.add(i)
            used_b.add(j)
    return out


def _adopted(chosen: list[Pair], sim: np.ndarray, a: Sequence[str], b: Sequence[str], config: Config) -> list[Pair]:
    """The chosen beads, a 1-1 bead grown into a merge (or split) by a sentence left out that
    it carries.

    A sentence left out whose best match is the B (or A) sentence of a 1-1 bead, at a cosine
    of at least ``config.link_threshold``, joins that bead when the match holds
    ``config.adopt_share`` of its content words, ``config.anchor_words`` of them or more
    missing from the bead's own sentence: the rewrite took its words, not just its topic. The
    merge finders ask for a clause or a joined text that matches clearly better, and only
    among near neighbours; a rewrite that folds a sentence from three places away into a
    long one ("..., and Kingsport stay in 18th place, two points from safety.") passes
    neither. Where two sentences offer to join one bead, the closer match joins.

    >>> a = ["Rain fell all day in the capital.", "Schools closed early.", "Rivers rose to record levels."]
    >>> b = ["Rain fell all day in the capital and rivers rose to record levels."]
    >>> sim = np.array([[0.85], [0.1], [0.6]])
    >>> _adopted([((0,), (0,))], sim, a, b, Config())
    [((0, 2), (0,))]
    """
    used_a = {i for ai, _ in chosen for i in ai}
    used_b = {j for _, bj in chosen for j in bj}
    ones = [pair for pair in chosen if len(pair[0]) == len(pair[1]) == 1]
    offers: dict[Pair, tuple[float, Pair]] = {}
    for k in range(len(a)):  # two A sentences into one B
        j = int(sim[k].argmax())
        pair = next((p for p in ones if p[1] == (j,)), None)
        if k not in used_a and pair and _carries(b[j], a[k], a[pair[0][0]], float(sim[k, j]), config):
            offers[pair] = max(offers.get(pair, (0.0, pair)), (float(sim[k, j]), (tuple(sorted((*pair[0], k))), (j,))))
    for k in range(len(b)):  # one A sentence split over two B
        i = int(sim[:, k].argmax())
        pair = next((p for p in ones if p[0] == (i,)), None)
        if k not in used_b and pair and _carries(a[i], b[k], b[pair[1][0]], float(sim[i, k]), config):
            offers[pair] = max(offers.get(pair, (0.0, pair)), (float(sim[i, k]), ((i,), tuple(sorted((*pair[1], k))))))
    return [offers[pair][1] if pair in offers else pair for pair in chosen]


def _carries(host: str, guest: str, partner: str, cosine: float, config: Config) -> bool:
    """Whether ``host`` carries ``guest`` beside its bead ``partner`` (see :func:`_adopted`)."""
    if cosine < config.link_threshold:
        return False
    guest_keys, host_keys = content_keys(guest), content_keys(host)
    shared = guest_keys & host_keys
    return (
        len(shared) >= config.adopt_share * len(guest_keys)
        and len(shared - content_keys(partner)) >= config.anchor_words
    )


def _displaced(chosen: list[Pair], sim: np.ndarray, a: Sequence[str], b: Sequence[str], config: Config) -> list[Pair]:
    """Pairs of sentences left out whose best match is already carried, nearly word for word,
    by another sentence.

    A rewrite that keeps one sentence as it was and rewords its neighbour heavily ("His
    lawyer said he plans to appeal" / "Agnifilo told reporters that Hargreave will appeal")
    can leave the reworded one closest to the kept one: its best match is taken, its cosine
    with its real counterpart is below ``config.link_threshold``, and both are reported
    dropped and added. Two sentences left out are linked when they are each other's best
    match among the sentences left out, at a cosine of at least ``config.leftover_floor``,
    sharing ``config.anchor_words`` content words, and one of them is the other's best match
    overall while that one's own best match is in a bead at ``config.carried_cosine`` or more
    (a copy is not a rewording of it). Without the last condition, leftovers on one topic
    pair up: on SWiPE 6 of 15 such links were gold, and drops and additions lost 0.4 and 0.8
    points; with it 3 of 4 (bench/README.md).

    >>> sim = np.array([[0.58, 1.0], [0.47, 0.2]])  # A0 = B1 word for word; A1's best is B0
    >>> a = ["He must report to prison by June 2.", "His lawyer said he plans to appeal the conviction in court."]
    >>> b = ["Agnifilo told reporters at the court that he will appeal the conviction.", a[0]]
    >>> _displaced([((0,), (1,))], sim, a, b, Config())
    [((1,), (0,))]
    """
    free_a = [i for i in range(len(a)) if all(i not in ai for ai, _ in chosen)]
    free_b = [j for j in range(len(b)) if all(j not in bj for _, bj in chosen)]
    copied = [pair for pair in chosen if float(sim[np.ix_(*pair)].max()) >= config.carried_cosine]
    copied_a = {i for ai, _ in copied for i in ai}
    copied_b = {j for _, bj in copied for j in bj}
    out: list[Pair] = []
    if not free_a or not free_b:
        return out
    left = sim[np.ix_(free_a, free_b)]
    for x, i in enumerate(free_a):
        y = int(left[x].argmax())
        j = free_b[y]
        if int(left[:, y].argmax()) != x or left[x, y] < config.leftover_floor:
            continue
        best_b, best_a = int(sim[i].argmax()), int(sim[:, j].argmax())
        displaced = (best_b == j and best_a in copied_a) or (best_a == i and best_b in copied_b)
        if displaced and len(content_keys(a[i]) & content_keys(b[j])) >= config.anchor_words:
            out.append(((i,), (j,)))
    return out


def _select_supported(beads: list[Candidate], sim: np.ndarray, config: Config) -> list[Pair]:
    """The best set of beads (:func:`_select`) that :func:`_supported` keeps whole.

    A weak bead that support would drop must not keep a better bead out of the selection: a
    merge of the lead's neighbour that takes the lead's partner, and then goes for lack of
    support, would leave the lead unlinked. So unsupported beads leave the candidates and the
    selection runs again, until every chosen bead stays (each round removes at least one).
    """
    n_a, n_b = sim.shape
    first: set[Pair] | None = None
    while True:
        chosen = _select(beads, n_a, n_b)
        kept = _supported(chosen, sim, config)
        if first is None:
            first = set(kept)
        else:  # a later round adds only strong beads and mutual best matches, not supported weak ones
            kept = [bead for bead in kept if bead in first or _strong(bead, sim, config) or _mutual(bead, sim)]
        if len(kept) == len(chosen):
            return chosen
        gone = set(chosen) - set(kept)
        beads = [bead for bead in beads if bead[0] not in gone]


def _supported(chosen: list[Pair], sim: np.ndarray, config: Config) -> list[Pair]:
    """The chosen beads less the weak ones that no strong bead near them supports.

    A bead is strong when one of its sentence pairs reaches ``config.support_cosine``. A weak
    bead stays when a strong bead links an A sentence within ``config.support_window`` of one
    of its A sentences to a B sentence within the window of one of its B sentences (beads are
    disjoint, so a bead never supports itself), or when one of its A sentences and one of its
    B sentences are each other's best match in the whole similarity matrix. Linear in the
    beads: the strong ones are indexed by A sentence, each weak one looks only at the window
    around it, and the best matches are an argmax per row and per column.

    >>> sim = np.eye(10) * 0.8 + 0.1  # strong pairs on the diagonal ...
    >>> sim[2, 2] = sim[9, 8] = 0.6  # ... one weak among them, one weak far from them
    >>> _supported([((k,), (k,)) for k in range(5)] + [((9,), (8,))], sim, Config())
    [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3,)), ((4,), (4,))]
    """
    w = config.support_window
    strong = [_strong(bead, sim, config) for bead in chosen]
    partners: dict[int, list[int]] = {}  # A sentence of a strong bead -> its B sentences
    for (ai, bj), is_strong in zip(chosen, strong, strict=True):
        if is_strong:
            for i in ai:
                partners.setdefault(i, []).extend(bj)

    def supported(ai: tuple[int, ...], bj: tuple[int, ...]) -> bool:
        near = [j2 for i in ai for i2 in range(i - w, i + w + 1) for j2 in partners.get(i2, ())]
        return any(abs(j - j2) <= w for j in bj for j2 in near)

    return [
        bead
        for bead, is_strong in zip(chosen, strong, strict=True)
        if is_strong or supported(*bead) or _mutual(bead, sim)
    ]


def _strong(bead: Pair, sim: np.ndarray, config: Config) -> bool:
    """Whether one of the bead's sentence pairs reaches ``config.support_cosine``."""
    return float(sim[np.ix_(*bead)].max()) >= config.support_cosine


def _mutual(bead: Pair, sim: np.ndarray) -> bool:
    """Whether one of the bead's A sentences and one of its B sentences are each other's best
    match in the whole similarity matrix."""
    ai, bj = bead
    return any(int(sim[i].argmax()) in bj and int(sim[:, sim[i].argmax()].argmax()) in ai for i in ai)


def _groups(beads: list[Candidate], n_a: int, n_b: int) -> list[list[int]]:
    """Bead indices grouped by connected components of shared sentences (union-find)."""
    parent = list(range(n_a + n_b))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for (ai, bj), _ in beads:
        nodes = [*ai, *(n_a + j for j in bj)]
        for node in nodes[1:]:
            parent[root(node)] = root(nodes[0])
    groups: dict[int, list[int]] = {}
    for c, ((ai, bj), _) in enumerate(beads):
        groups.setdefault(root(ai[0] if ai else n_a + bj[0]), []).append(c)
    return list(groups.values())


def _best_packing(group: list[int], masks: list[int], gains: list[float]) -> list[int] | None:
    """Exact maximum-gain packing by branch and bound, or None past :data:`_SEARCH_NODES` nodes.

    Beads are tried largest gain first; a branch stops when even all the beads left could not
    beat the best set found. News articles need a few hundred nodes.
    """
    if len(group) > _SEARCH_DEPTH:
        return None  # the search recurses once per bead: deeper groups go to the MILP solver
    order = sorted(group, key=lambda c: -gains[c])
    rest = [0.0] * (len(order) + 1)  # rest[p]: the most that beads order[p:] could add
    for p in range(len(order) - 1, -1, -1):
        rest[p] = rest[p + 1] + gains[order[p]]
    best: tuple[float, list[int]] = (-1.0, [])
    budget = [_SEARCH_NODES]

    def search(p: int, used: int, total: float, picked: list[int]) -> None:
        nonlocal best
        budget[0] -= 1
        if budget[0] < 0:
            raise _TooHard
        if total > best[0]:
            best = (total, picked)
        if p == len(order) or total + rest[p] <= best[0]:
            return
        c = order[p]
        if not masks[c] & used:
            search(p + 1, used | masks[c], total + gains[c], [*picked, c])
        search(p + 1, used, total, picked)

    try:
        search(0, 0, 0.0, [])
    except _TooHard:
        return None
    return best[1]


class _TooHard(Exception):
    """The exact search ran out of nodes: the group goes to the MILP solver."""


def _milp(group: list[int], beads: list[Candidate], gains: list[float], n_a: int, n_b: int) -> list[int]:
    from scipy.optimize import Bounds, LinearConstraint, milp
    from scipy.sparse import coo_array

    rows, cols = [], []
    for col, c in enumerate(group):
        ai, bj = beads[c][0]
        rows += [*ai, *(n_a + j for j in bj)]
        cols += [col] * (len(ai) + len(bj))
    usage = coo_array((np.ones(len(rows)), (rows, cols)), shape=(n_a + n_b, len(group))).tocsr()
    result = milp(
        -np.array([gains[c] for c in group]),
        constraints=LinearConstraint(usage, 0, 1),
        integrality=np.ones(len(group)),
        bounds=Bounds(0, 1),
    )
    if result.x is None:  # pragma: no cover - HiGHS always solves a feasible 0/1 packing
        raise RuntimeError(f"alignment solver failed: {result.message}")
    return [group[col] for col in np.flatnonzero(result.x > 0.5)]


def _scores(
    chosen: list[Pair],
    a: Sequence[str],
    b: Sequence[str],
    sim: np.ndarray,
    embedder: Embedder,
) -> list[float]:
    """Each bead's cosine: from ``sim`` for 1-1 beads, of the joined texts (one batch) otherwise."""
    joined = [(" ".join(a[i] for i in ai), " ".join(b[j] for j in bj)) for ai, bj in chosen if len(ai) + len(bj) > 2]
    vectors = embedder.embed_batch([text for pair in joined for text in pair]) if joined else None
    scores, k = [], 0
    for ai, bj in chosen:
        if len(ai) == 1 and len(bj) == 1:
            scores.append(float(sim[ai[0], bj[0]]))
        else:
            assert vectors is not None
            scores.append(float(vectors[2 * k] @ vectors[2 * k + 1]))
            k += 1
    return scores


def _order(beads: list[Bead], n_a: int, n_b: int) -> list[Bead]:
    """Aligned and dropped beads in A's order; an added sentence follows its B predecessor."""
    used_a = {i for bead in beads for i in bead.a}
    used_b = {j for bead in beads for j in bead.b}
    beads = beads + [Bead((i,), (), 0.0) for i in range(n_a) if i not in used_a]
    anchor: dict[int, float] = {j: float(min(bead.a)) for bead in beads if bead.a for j in bead.b}
    keys: dict[int, tuple[float, int, int]] = {}
    for pos, bead in enumerate(beads):
        keys[pos] = (float(min(bead.a)), 0, min(bead.b, default=-1))
    added = [Bead((), (j,), 0.0) for j in range(n_b) if j not in used_b]
    before, last = [], -1.0  # before[j]: the anchor of the nearest aligned B sentence before j
    for j in range(n_b):
        before.append(last)
        last = anchor.get(j, last)
    for bead in added:
        keys[len(keys)] = (before[bead.b[0]], 1, bead.b[0])
    everything = beads + added
    return [everything[pos] for pos in sorted(keys, key=keys.__getitem__)]
