from __future__ import annotations

import numpy as np

from compare.align import _supported, align, clauses
from compare.config import Config
from compare.embed import Embedder
from tests.conftest import FakeEmbedder


def pairs(
    a: list[str], b: list[str], embedder: Embedder | None = None
) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(bead.a, bead.b) for bead in align(a, b, embedder or FakeEmbedder(), Config())]


A = [
    "The storm flooded three coastal towns on Monday.",
    "Forty families were moved to emergency shelters overnight.",
    "Residents accused the government of ignoring warnings.",
    "Engineers expect repairs to the sea wall to take two weeks.",
]


def test_reordered_sentences_align_out_of_order() -> None:
    b = [A[3], A[0]]
    assert pairs(A, b) == [((0,), (1,)), ((1,), ()), ((2,), ()), ((3,), (0,))]


def test_added_sentence_follows_its_predecessor_in_b() -> None:
    b = [A[0], "Insurers put the damage at twelve million euros.", A[1], A[2], A[3]]
    assert pairs(A, b) == [((0,), (0,)), ((), (1,)), ((1,), (2,)), ((2,), (3,)), ((3,), (4,))]


def test_two_sentences_merged_into_one() -> None:
    b = [
        "The storm flooded three coastal towns on Monday, "
        "and forty families were moved to emergency shelters overnight.",
        A[2],
        A[3],
    ]
    assert pairs(A, b)[0] == ((0, 1), (0,))


def test_one_sentence_split_in_two() -> None:
    a = ["The storm flooded three coastal towns on Monday, and forty families were moved to emergency shelters."]
    b = ["The storm flooded three coastal towns on Monday.", "Forty families were moved to emergency shelters."]
    assert pairs(a, b) == [((0,), (0, 1))]


def test_unrelated_articles_share_nothing() -> None:
    b = ["The central bank raised interest rates by half a point.", "Markets fell sharply in early trading."]
    got = pairs(A, b)
    assert all(not (x and y) for x, y in got)
    assert sorted(i for x, _ in got for i in x) == [0, 1, 2, 3]


def test_empty_sides() -> None:
    assert pairs(A[:1], []) == [((0,), ())]
    assert pairs([], A[:1]) == [((), (0,))]


def test_clauses() -> None:
    assert clauses("Short one.") == []
    assert clauses("The council said on Monday, according to a statement, that repairs would start soon.") == [
        "The council said on Monday",
        "that repairs would start soon.",
    ]


def test_a_long_chain_of_similar_sentences_does_not_exhaust_recursion() -> None:
    # 600 near-identical sentences on each side form one connected group of beads.
    a = [f"The council met on day {i} to discuss the harbour wall repairs." for i in range(600)]
    b = [f"The council met on day {i} to discuss repairs to the harbour wall." for i in range(600)]
    beads = align(a, b, FakeEmbedder(), Config())
    assert sum(1 for bead in beads if bead.a and bead.b) >= 590


# A rewording that the fake embedder scores at 0.6: above link_threshold, below support_cosine.
WEAK_A = "Insurers said the flood damage to homes could reach twelve million euros."
WEAK_B = "Insurers put the damage to homes at twelve million euros, a figure still rising."
MORE = [
    "The mayor asked volunteers to bring sandbags to the harbour.",
    "Schools in the district will stay closed until Thursday.",
    "Farmers said the salt water ruined their winter crops.",
]


def test_a_weak_link_among_strong_neighbours_is_kept() -> None:
    a = [A[0], A[1], WEAK_A, A[2]]
    b = [A[0], A[1], WEAK_B, A[2]]
    beads = align(a, b, FakeEmbedder(), Config())
    assert [(bead.a, bead.b) for bead in beads] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3,))]
    assert Config().link_threshold < beads[2].score < Config().support_cosine


def test_a_lone_moved_rewording_that_is_mutual_best_is_kept() -> None:
    # The weak pair sits at opposite ends, no strong link near it, but each is the other's
    # best match: a heavily reworded sentence moved on its own.
    a = [*A, *MORE, WEAK_A]
    b = [WEAK_B, A[0], A[1], A[2]]
    assert ((7,), (0,)) in pairs(a, b)


def test_a_leftover_pairing_is_left_out() -> None:
    # A5 (dropped) and B0 (added) are on one topic, 0.56; B0 is closer still to A1, which is
    # carried by B2: the weak pair is neither each other's best nor near a strong link.
    sim = np.full((6, 6), 0.1)
    sim[0, 1] = sim[1, 2] = sim[2, 3] = 0.9
    sim[5, 0], sim[1, 0] = 0.56, 0.65
    chosen = [((0,), (1,)), ((1,), (2,)), ((2,), (3,)), ((5,), (0,))]
    assert _supported(chosen, sim, Config()) == chosen[:3]
    sim[1, 0] = 0.1  # now A5 and B0 are each other's best: a lone moved rewording, kept
    assert _supported(chosen, sim, Config()) == chosen


class Cosines(Embedder):
    """Two sentences at a chosen cosine, every other text orthogonal to both."""

    def __init__(self, x: str, y: str, cosine: float) -> None:
        self.vectors = {x: np.array([1.0, 0.0, 0.0], "f4"), y: np.array([cosine, np.sqrt(1 - cosine**2), 0.0], "f4")}

    def embed_batch(self, texts: list[str]) -> np.ndarray:  # type: ignore[override]
        return np.array([self.vectors.get(t, np.array([0.0, 0.0, 1.0], "f4")) for t in texts])


def test_a_weak_pair_on_one_topic_sharing_no_words_is_no_link() -> None:
    # Each is the other's best match, at 0.6, but they tell two different things.
    a = "Two firefighters were hurt when flames trapped their truck."
    b = "Damage to homes is put at four million euros."
    assert [(x.a, x.b) for x in align([a], [b], Cosines(a, b, 0.6), Config())] == [((), (0,)), ((0,), ())]
    # The same cosine with words in common is a heavy rewording, linked.
    b = "Flames trapped the truck of two firefighters, who were hurt."
    assert [(x.a, x.b) for x in align([a], [b], Cosines(a, b, 0.6), Config())] == [((0,), (0,))]
    # A strong pair needs no shared words.
    b = "Damage to homes is put at four million euros."
    assert [(x.a, x.b) for x in align([a], [b], Cosines(a, b, 0.75), Config())] == [((0,), (0,))]


class Table(Embedder):
    """Each text its own unit vector; ``weak`` (b's sentence) at ``cosine`` with ``a``'s."""

    def __init__(self, texts: list[str], a: str, b: str, cosine: float) -> None:
        self.vectors = {t: np.eye(len(texts) + 1, dtype="f4")[k] for k, t in enumerate(texts)}
        self.vectors[b] = self.vectors[a] * cosine + np.eye(len(texts) + 1, dtype="f4")[-1] * np.sqrt(1 - cosine**2)

    def embed_batch(self, texts: list[str]) -> np.ndarray:  # type: ignore[override]
        return np.array([self.vectors[t] for t in texts])


def test_a_rewording_sharing_few_words_is_linked_where_its_neighbours_are() -> None:
    # Between two linked sentences on both sides, a pair sharing one content word is a
    # rewording in place, not a drop and an addition; so at the end of both articles.
    first, last = "The company expects revenue of $9 billion.", "Shares rose 4% in late trading."
    weak_a, weak_b = (
        "The results were released after the market closed.",
        "The results came out after the closing bell.",
    )
    embedder = Table([first, last, weak_a], weak_a, weak_b, 0.62)
    assert pairs([first, weak_a, last], [first, weak_b, last], embedder) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    assert pairs([first, weak_a], [first, weak_b], embedder) == [((0,), (0,)), ((1,), (1,))]
    # Moved, with nothing to place it, it stays apart: the shared words are asked for.
    got = pairs([first, weak_a, last], [weak_b, first, last], embedder)
    assert ((1,), ()) in got and ((), (0,)) in got
    # In place but sharing no word at all: two claims on one topic, not one reworded.
    other = "Analysts had expected weaker numbers."
    got = pairs([first, weak_a, last], [first, other, last], Table([first, last, weak_a], weak_a, other, 0.62))
    assert ((1,), ()) in got and ((), (1,)) in got


def test_a_weak_link_in_a_moved_paragraph_is_kept() -> None:
    # The last paragraph of A (a weak rewording and a copied sentence) opens B.
    copied = "Farmers said the salt water ruined their spring crops too."
    a = [*A, *MORE, WEAK_A, copied]
    b = [WEAK_B, copied, *A]
    got = pairs(a, b)
    assert ((7,), (0,)) in got and ((8,), (1,)) in got
    assert ((0,), (2,)) in got and ((3,), (5,)) in got


def test_a_rewrite_reworded_throughout_keeps_its_weak_links() -> None:
    # Every link of this rewrite is weak (a heavy rewording), none near a strong one: each is
    # its sentences' best match, so all stay.
    sim = np.full((6, 6), 0.1)
    for i, j, cos in ((0, 0, 0.62), (1, 1, 0.58), (2, 2, 0.6), (3, 4, 0.61), (5, 5, 0.56)):
        sim[i, j] = cos
    chosen = [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (4,)), ((5,), (5,))]
    assert _supported(chosen, sim, Config()) == chosen


def test_a_sentence_repeated_more_often_than_the_candidates_reach_pairs_in_order() -> None:
    items = [
        "The council approved the budget for the harbour.",
        "Members voted to repair the north bridge.",
        "A new library opening date was set for June.",
        "Parking fees downtown will rise next year.",
        "The school bus contract went to a local firm.",
        "Street lighting on Elm Road will be replaced.",
    ]
    text = [s for item in items for s in (item, "The motion passed.")]
    got = pairs(text, text)
    assert got == [((k,), (k,)) for k in range(len(text))]


def test_a_merge_or_split_without_a_clause_of_its_own(real_embedder: Embedder) -> None:
    # The second sentence survives only as a phrase ("costing $14 million"), and the split
    # has no clause break in the original ("... conceded and said ..."): no clause evidence,
    # but the two sentences joined match far better than either alone.
    a = ["Officials said a new campaign will launch in January.", "The campaign will cost $14 million."]
    b = ["Officials said a new campaign costing $14 million will launch in January."]
    assert [(x.a, x.b) for x in align(a, b, real_embedder, Config())] == [((0, 1), (0,))]
    a = ["Weiss has not conceded and said his campaign would challenge results in two districts."]
    b = ["Weiss has not conceded.", "He said, however, that his campaign would challenge results in two districts."]
    assert [(x.a, x.b) for x in align(a, b, real_embedder, Config())] == [((0,), (0, 1))]
    # Its words find it too (B2 holds all of its content words, and A's sentence the ones B1
    # lacks; :func:`compare.align._adopted`): only with neither is it missed.
    off = Config().updated(join_share=1.0)  # the joined text would have to match exactly
    assert [(x.a, x.b) for x in align(a, b, real_embedder, off)] == [((0,), (0, 1))]
    off = off.updated(anchor_words=100)  # and the words would have to be a hundred
    assert [(x.a, x.b) for x in align(a, b, real_embedder, off)] == [((0,), (0,)), ((), (1,))]


def test_a_merge_of_a_strong_pair_or_across_a_moved_sentence_is_found(real_embedder: Embedder) -> None:
    # A strong pair has little room to improve: the joined text must close a share of the
    # gap to 1, not beat it by a fixed margin. A merge may also skip a sentence that the
    # rewrite keeps elsewhere.
    a = [
        "A federal appeals court on Thursday struck down a Texas law that barred social media companies from "
        "removing posts based on users' political viewpoints.",
        "The three-judge panel of the 5th U.S. Circuit Court of Appeals ruled 2-1 that the law violated the First "
        "Amendment rights of the platforms.",
    ]
    b = [
        "A federal appeals court on Thursday ruled 2-1 that a Texas law barring social media companies from removing "
        "posts over users' political views violates the platforms' First Amendment rights."
    ]
    assert [(x.a, x.b) for x in align(a, b, real_embedder, Config())] == [((0, 1), (0,))]
    a = [
        "The sheriff ordered mandatory evacuations north of Highway 168 on Monday morning.",
        "Officials said 27 homes had been destroyed.",
        "An evacuation center has opened at Clovis North High School.",
    ]
    b = [
        "The sheriff ordered mandatory evacuations north of Highway 168 on Monday morning, and an evacuation "
        "center has opened at Clovis North High School.",
        "Officials said 27 homes had been destroyed.",
    ]
    assert [(x.a, x.b) for x in align(a, b, real_embedder, Config())] == [((0, 2), (0,)), ((1,), (1,))]


class Matrix(Embedder):
    """A's and B's sentences at the cosines of ``sim`` (rows A, columns B), B's at ``b_sim``
    with each other (default 0); any other text (a clause, two sentences joined) is
    orthogonal to all of them, so nothing but the words can make a merge."""

    def __init__(
        self, a: list[str], b: list[str], sim: list[list[float]], b_sim: dict[tuple[int, int], float] | None = None
    ) -> None:
        n_a, n_b = len(a), len(b)
        gram = np.eye(n_b)
        for (x, y), cos in (b_sim or {}).items():
            gram[x, y] = gram[y, x] = cos
        basis = np.linalg.cholesky(gram)  # row j: B's sentence j
        size = n_b + n_a + 1
        self.vectors = {text: np.pad(basis[j], (0, n_a + 1)) for j, text in enumerate(b)}
        for i, text in enumerate(a):
            inside = np.linalg.solve(basis, np.array(sim[i]))  # basis @ inside = sim[i]
            rest = 1 - float(inside @ inside)
            assert rest >= -1e-9, "cosines that no vectors have"
            self.vectors[text] = np.concatenate([inside, np.eye(n_a + 1)[i] * np.sqrt(max(rest, 0.0))])
        self.other = np.eye(size)[-1]

    def embed_batch(self, texts: list[str]) -> np.ndarray:  # type: ignore[override]
        return np.array([self.vectors.get(t, self.other) for t in texts], "f4")


def test_a_moved_rewording_shares_the_parts_of_a_hyphenated_word() -> None:
    # "24-hour" and "24 hours" share "24": with "began" and "a.m." three words, so the weak
    # pair (moved one place, supported by its neighbour's strong link) is linked and the
    # 9 a.m. -> 7 a.m. change can be found.
    a = [
        "About 36,000 nurses walked off the job across New Zealand on Wednesday.",
        "The 24-hour strike began at 9 a.m. and was due to end at the same time Thursday.",
        "Hundreds of nurses marched to Parliament in Wellington.",
    ]
    b = [
        "More than 36,000 nurses went on strike across New Zealand on July 30.",
        "Hundreds of them marched to Parliament in Wellington.",
        "The walkout began at 7 a.m. and lasted 24 hours.",
    ]
    sim = [[0.69, 0.23, 0.25], [0.38, 0.07, 0.56], [0.48, 0.85, 0.1]]
    assert pairs(a, b, Matrix(a, b, sim)) == [((0,), (0,)), ((1,), (2,)), ((2,), (1,))]


GOALKEEPER = [
    "Kingsport goalkeeper Alan Price made seven saves but could not prevent a third straight defeat.",
    "Kingsport's manager, Pieter de Vries, said he did not blame the referee for the penalty decision.",
    "City have now won four of their last five league matches.",
    "Kingsport remain 18th, two points from safety.",
]
MERGED = [
    "Kingsport manager Pieter de Vries said he did not blame the referee for the penalty decision.",
    "Kingsport goalkeeper Alan Price made seven saves but could not prevent a third straight defeat, "
    "and Kingsport stay in 18th place, two points from safety.",
    "City have won four of their last five league games.",
]
MERGED_SIM = [[0.3, 0.9, 0.2], [0.97, 0.2, 0.08], [0.07, 0.24, 0.93], [0.14, 0.61, 0.21]]


def test_a_sentence_left_out_joins_the_bead_that_carries_its_words() -> None:
    # A4 is folded into B2 three sentences from its partner A1, too far for the merge finders
    # (and here no clause or joined text would show it): B2 holds 5 of A4's 6 content words,
    # 4 of them not in A1, so A4 joins A1 -> B2 rather than being reported dropped.
    got = pairs(GOALKEEPER, MERGED, Matrix(GOALKEEPER, MERGED, MERGED_SIM))
    assert got == [((0, 3), (1,)), ((1,), (0,)), ((2,), (2,))]
    # The same the other way round: one sentence split, its second half far from the first.
    flipped = [[0.2, 0.97, 0.07, 0.1], [0.9, 0.2, 0.24, 0.61], [0.2, 0.08, 0.93, 0.21]]
    got = pairs(MERGED, GOALKEEPER, Matrix(MERGED, GOALKEEPER, flipped, {(0, 3): 0.5}))
    assert got == [((0,), (1,)), ((1,), (0, 3)), ((2,), (2,))]
    # A sentence on the same topic that B2 does not carry word for word stays dropped.
    a = [*GOALKEEPER[:3], "Kingsport fans booed the players off the pitch at full time."]
    got = pairs(a, MERGED, Matrix(a, MERGED, MERGED_SIM))
    assert got == [((0,), (1,)), ((1,), (0,)), ((2,), (2,)), ((3,), ())]


def test_a_rewording_whose_best_match_is_copied_elsewhere_is_linked() -> None:
    # B1 rewords A2 heavily (0.47, below link_threshold) and is closer still to A1, which B2
    # copies nearly word for word: A2 and B1 are not leftovers on one topic but a claim displaced.
    a = [
        "Hargreave must report to prison by June 2.",
        "His lawyer said he plans to appeal the conviction, according to a court filing.",
    ]
    b = [
        "Agnifilo told reporters outside the courthouse that Hargreave will appeal the conviction.",
        "Hargreave has to report to prison by June 2.",
    ]
    copied = Matrix(a, b, [[0.58, 1.0], [0.47, 0.2]], {(0, 1): 0.58})
    assert pairs(a, b, copied) == [((0,), (1,)), ((1,), (0,))]
    # Where A1 is only reworded in B2 (0.8), B1 may as well be a reworded part of it: apart.
    reworded = Matrix(a, b, [[0.58, 0.8], [0.47, 0.2]], {(0, 1): 0.4})
    assert pairs(a, b, reworded) == [((), (0,)), ((0,), (1,)), ((1,), ())]
