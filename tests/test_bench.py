"""The benchmark's pure helpers, on tiny inline data (no ../shared/data needed)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from bench import stitched
from bench.baselines import monotone_dp, mutual_best, word_ratio
from bench.data import DataMissing, Pair, load_msrp
from bench.details import Counts as DetailCounts
from bench.details import gold_chars, score_side
from bench.fit import best_threshold, binary_scores, fit_logistic, folds
from bench.gold import derive, owners
from bench.seed import Row, check, parse_table
from bench.swipe import Counts, score_doc, sentences
from compare.align import Bead

# A SWiPE-shaped pair: the original's first sentence is split in two, its second sentence is
# deleted, and the rewrite adds a sentence of its own.
R = "The cat, which is black, sat on the mat. It was a sunny day in Paris."
S = "The cat is black. It sat on the mat. Cats like mats."
EDITS = [
    {"idx": 0, "type": "equal", "text": "The cat"},
    {"idx": 1, "type": "delete", "delete": ", which"},
    {"idx": 2, "type": "equal", "text": "is black"},
    {"idx": 3, "type": "delete", "delete": ","},
    {"idx": 4, "type": "insert", "insert": ". It"},
    {"idx": 5, "type": "equal", "text": "sat on the mat."},
    {"idx": 6, "type": "delete", "delete": " It was a sunny day in Paris."},
    {"idx": 7, "type": "insert", "insert": " Cats like mats."},
]
ANNOTATIONS = [
    {"opis": [1, 3, 4], "category": "syntactic_sentence_splitting"},
    {"opis": [6], "category": "semantic_deletion"},
    {"opis": [7], "category": "semantic_elaboration_generic"},
]
DOC = {"r_content": R, "s_content": S, "edits": EDITS, "annotations": ANNOTATIONS}


def test_owners_ignore_whitespace_and_typographic_quotes() -> None:
    own = owners([(0, 'a"b'), (1, "c d")], "a “b” c  d")
    assert [own[k] for k in (0, 2, 3, 4, 6, 9)] == [0, 0, 0, -1, 1, 1]  # the closing quote has no source


def test_sentences_keep_offsets_and_split_lines() -> None:
    texts, spans = sentences("First line. Second one.\nThird")
    assert texts == ["First line.", "Second one.", "Third"]
    assert [("First line. Second one.\nThird")[a:b] for a, b in spans] == texts


def test_gold_labels_of_a_split_a_drop_and_an_addition() -> None:
    _, r_spans = sentences(R)
    _, s_spans = sentences(S)
    gold = derive(DOC, r_spans, s_spans)
    assert gold.dropped == {1}
    assert gold.added == {2}
    assert gold.links == {(0, 0), (0, 1)}
    assert gold.splits == {0: frozenset({0, 1})}
    assert not gold.fusions


def test_scores_of_a_perfect_and_of_a_one_to_one_alignment() -> None:
    _, r_spans = sentences(R)
    _, s_spans = sentences(S)
    gold = derive(DOC, r_spans, s_spans)
    perfect = Counts()
    score_doc(perfect, [Bead((0,), (0, 1), 0.9), Bead((1,), (), 0.0), Bead((), (2,), 0.0)], gold, 2, 3)
    assert all(v["f1"] == 1.0 for v in perfect.scores().values())
    one_to_one = Counts()
    score_doc(one_to_one, [Bead((0,), (0,), 0.9), Bead((1,), (1,), 0.6)], gold, 2, 3)
    scores = one_to_one.scores()
    assert scores["one_to_many"]["recall"] == 0.0
    assert scores["dropped"]["recall"] == 0.0 and scores["added"]["f1"] == 1.0
    assert scores["links"]["precision"] == 0.5


def test_monotone_dp_takes_a_split_when_the_pair_explains_the_sentence() -> None:
    # A0 is split into B0 + B1 (each half alone is a weak match); A1 matches B2; A2 is dropped.
    sim = np.array([[0.55, 0.5, 0.1], [0.1, 0.1, 0.9], [0.1, 0.2, 0.1]])
    sim12 = np.array([[0.9, 0.2], [0.1, 0.3], [0.1, 0.1]])  # A_i against B_j + B_j+1
    sim21 = np.full((2, 3), 0.1)
    beads = monotone_dp(sim, sim12, sim21, threshold=0.5, penalty=0.05)
    assert [(b.a, b.b) for b in beads] == [((0,), (0, 1)), ((1,), (2,)), ((2,), ())]


def test_monotone_dp_never_crosses() -> None:
    sim = np.array([[0.1, 0.9], [0.9, 0.1]])  # a swap: only one of the two links can be kept
    beads = monotone_dp(sim, np.zeros((2, 1)), np.zeros((1, 2)), threshold=0.5)
    assert sum(1 for b in beads if b.a and b.b) == 1


def test_mutual_best_allows_one_to_many() -> None:
    sim = np.array([[0.8, 0.7], [0.2, 0.1]])
    assert [(b.a, b.b) for b in mutual_best(sim, 0.5)] == [((0,), (0,)), ((0,), (1,)), ((1,), ())]


def test_word_ratio_ignores_case_and_punctuation() -> None:
    assert word_ratio("The Army left.", "the army left") == 1.0


def test_thresholds_folds_and_logistic() -> None:
    assert best_threshold(np.array([0.2, 0.3, 0.7, 0.8]), np.array([0, 0, 1, 1])) == pytest.approx(0.5)
    y = np.array([0] * 6 + [1] * 9)
    tests = [test for _, test in folds(y, 3)]
    assert sorted(np.concatenate(tests).tolist()) == list(range(15))
    assert all(int(y[t].sum()) == 3 for t in tests)
    x = np.array([[0.0], [1.0], [2.0], [3.0], [4.0], [5.0]])
    model = fit_logistic(x, np.array([0, 0, 1, 0, 1, 1]))
    assert model.weights[0] > 0 and model.logit(np.array([[2.5]]))[0] == pytest.approx(0, abs=1e-6)


def test_binary_scores_name_both_classes() -> None:
    s = binary_scores(np.array([True, False, False]), np.array([True, True, False]))
    assert s["accuracy"] == pytest.approx(2 / 3)
    assert s["recall_paraphrase"] == 0.5 and s["precision_changed"] == 0.5


def test_msrp_reader_and_a_clear_message_when_absent(tmp_path: Path) -> None:
    path = tmp_path / "msrp.txt"
    path.write_text(
        '\ufeffQuality\t#1 ID\t#2 ID\t#1 String\t#2 String\n1\t1\t2\tA "quoted" one.\tA quoted one.\n',
        encoding="utf-8",
    )
    [pair] = load_msrp(path)
    assert pair.paraphrase and pair.a == 'A "quoted" one.'
    with pytest.raises(DataMissing, match="shared/data"):
        load_msrp(tmp_path / "absent.txt")


def test_seed_table_check() -> None:
    text = "## Alignment\n| A | B | relation |\n| --- | --- | --- |\n| A1 x | B1, B2 | a |\n| A2 | B1 | b |\n"
    text += "| A3 | — | dropped |\n| — | B3 new | added |\n\n## Facts\n| A9 | B9 | not this table |\n"
    rows = parse_table(text)
    assert rows == [
        Row("A1", frozenset({"B1", "B2"}), "a"),
        Row("A2", frozenset({"B1"}), "b"),
        Row("A3", frozenset(), "dropped"),
        Row(None, frozenset({"B3"}), "added"),
    ]
    # A2 restates A1: its B1 went to A1, whose row also expects B1, so A2 counts as found
    result = check(rows, {"A1": {"B1"}, "A2": set(), "A3": set()}, {"B1"}, {"B1", "B2", "B3"})
    assert result["found"] == ["A1", "A2", "A3", "B3"] and result["missed"] == []
    assert result["extra"] == ["B2 added"]
    result = check(rows, {"A1": {"B1"}, "A2": {"B3"}, "A3": {"B2"}}, {"B1", "B2", "B3"}, {"B1", "B2", "B3"})
    assert result["missed"] == ["A2", "A3", "B3"] and result["extra"] == ["A2→B3", "A3→B2"]


def test_details_gold_and_scores_inside_a_carried_sentence() -> None:
    r = "The storm flooded three towns near the river on Monday. Schools closed."
    doc = {
        "r_content": r,
        "s_content": "The storm flooded three towns on Monday. Schools closed.",
        "edits": [
            {"idx": 0, "type": "equal", "text": "The storm flooded three towns"},
            {"idx": 1, "type": "delete", "delete": " near the river"},
            {"idx": 2, "type": "equal", "text": "on Monday. Schools closed."},
        ],
        "annotations": [{"opis": [1], "category": "semantic_deletion"}],
    }
    dropped, added = gold_chars(doc)
    assert not added
    assert "".join(r[p] for p in sorted(dropped[0])) == "neartheriver"
    counts = DetailCounts()
    lost = (r.index("near"), r.index(" on Monday"))
    score_side(counts, r, [(0, 55), (56, len(r))], dropped, [lost, (r.index("Schools"), len(r) - 1)])
    assert (counts.predicted, counts.correct, counts.gold, counts.found) == (2, 1, 1, 1)
    assert counts.examples == ["Schools closed"]
    assert counts.scores()["precision"] == 50.0 and counts.scores()["recall"] == 100.0


def test_stitched_documents_keep_the_gold_order_and_score_links() -> None:
    pairs = [Pair(f"a{k}", f"b{k}", True) for k in range(2 * stitched.SIZE)]
    docs = stitched.documents(pairs, shuffle=True)
    assert len(docs) == 2
    for a, b, order in docs:
        assert [b[order[i]][1:] for i in range(len(a))] == [x[1:] for x in a]  # a3 is carried by b3
    perfect = stitched.score(docs, lambda a, b: [Bead((i,), (b.index("b" + x[1:]),), 1.0) for i, x in enumerate(a)])
    assert perfect["link_recall"] == 100.0 and perfect["false_links_per_100"] == 0.0
    nothing = stitched.score(docs, lambda a, b: [])
    assert nothing["link_recall"] == 0.0 and nothing["documents_without_links"] == 2
