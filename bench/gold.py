"""Sentence-level gold labels derived from SWiPE's character-level edit groups.

SWiPE annotates a document pair (``r``: English Wikipedia, ``s``: Simple English Wikipedia)
with a list of edits (``equal`` / ``delete`` / ``insert`` pieces that rebuild both texts, up to
whitespace and quote normalisation) and *groups* of edit indices with a category. The pipeline
works on sentences, so the benchmark turns those into sentence labels:

1. **Characters to edits.** Each side's pieces (``equal`` + ``delete`` for ``r``, ``equal`` +
   ``insert`` for ``s``) are matched to the real text character by character, ignoring
   whitespace and folding quotes, dashes and Unicode compatibility forms; every character of
   the text gets the index of the edit that produced it (or none). An edit that is absent
   from a side (an insertion seen from ``r``) gets a zero-width *anchor* there: the position
   of the last character before it.
2. **Dropped** (gold for A sentences): at least :data:`MOSTLY` of the sentence's non-space
   characters belong to ``delete`` edits of a group in :data:`DROP` (``semantic_deletion``,
   ``syntactic_deletion``, ``nonsim_noise_deletion``). Moved text (``discourse_reordering``)
   and reworded text (``lexical_*``, ``syntactic_generic`` …) are deletions with a
   counterpart, so they never count.
3. **Added** (gold for B sentences): at least :data:`MOSTLY` of its non-space characters
   belong to ``insert`` edits of a group in :data:`ADD` (``semantic_elaboration_*``,
   ``nonsim_extraneous_information``).
4. **Links** (the gold sentence graph): ``r`` sentence *i* and ``s`` sentence *j* are linked
   when they share at least :data:`LINK_CHARS` characters of ``equal`` edits (or
   :data:`LINK_SHARE` of the shorter sentence), or when one group that is neither a drop nor an
   addition has deleted characters in *i* and inserted characters in *j* (a rewording or a
   move).
5. **One-to-many.** A ``syntactic_sentence_splitting`` group gives a *split* item: the ``r``
   sentence its edits touch (characters or anchors) and the ``s`` sentences its edits touch
   that are linked to it; a ``syntactic_sentence_fusion`` group gives a *fusion* item the other
   way round. Items on the same sentence are merged, and an item is kept only with two or more
   sentences on the many side (a split whose second half is pure extraneous information has
   no second linked sentence, so it is not a one-to-many alignment).
"""

from __future__ import annotations

import bisect
import difflib
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

#: Deletion categories: the text is gone from the rewrite, without a counterpart.
DROP = frozenset({"semantic_deletion", "syntactic_deletion", "nonsim_noise_deletion"})
#: Addition categories: new content in the rewrite.
ADD = frozenset(
    {
        "semantic_elaboration_generic",
        "semantic_elaboration_background",
        "semantic_elaboration_example",
        "nonsim_extraneous_information",
    }
)
SPLIT = "syntactic_sentence_splitting"
FUSION = "syntactic_sentence_fusion"
#: A sentence is dropped (added) when at least this share of its characters is deleted (inserted).
MOSTLY = 0.5
#: Sentences sharing this many characters of equal edits are linked ...
LINK_CHARS = 10
#: ... or this share of the shorter sentence's characters.
LINK_SHARE = 0.3

Span = tuple[int, int]
_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": "-", "–": "-", "\ufeff": None})


@dataclass(frozen=True, slots=True)
class Gold:
    """Sentence-level gold for one document pair (indices into the two sentence lists)."""

    dropped: frozenset[int]
    added: frozenset[int]
    links: frozenset[tuple[int, int]]
    #: ``r`` sentence -> the ``s`` sentences it was split into.
    splits: Mapping[int, frozenset[int]] = field(default_factory=dict)
    #: ``s`` sentence -> the ``r`` sentences fused into it.
    fusions: Mapping[int, frozenset[int]] = field(default_factory=dict)


def _folded(c: str) -> str:
    return unicodedata.normalize("NFKC", c).translate(_FOLD).lower()


def owners(pieces: Sequence[tuple[int, str]], text: str) -> list[int]:
    """For each character of ``text``, the index of the piece that produced it (-1: none).

    Whitespace is ignored on both sides and never owned.

    >>> owners([(0, "New York City("), (1, "officially named)")], "New York City (officially named)")
    [0, 0, 0, -1, 0, 0, 0, 0, -1, 0, 0, 0, 0, -1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -1, 1, 1, 1, 1, 1, 1]
    """
    src = [(f, idx) for idx, piece in pieces for c in piece if not c.isspace() for f in _folded(c)]
    dst = [(f, pos) for pos, c in enumerate(text) if not c.isspace() for f in _folded(c)]
    out = [-1] * len(text)
    a, b = [f for f, _ in src], [f for f, _ in dst]
    if a == b:
        blocks: Iterable[tuple[int, int, int]] = [(0, 0, len(a))]
    else:
        blocks = difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    for i, j, size in blocks:
        for k in range(size):
            out[dst[j + k][1]] = src[i + k][1]
    return out


def _piece(edit: Mapping[str, Any]) -> str:
    return str(edit.get("text") or edit.get("delete") or edit.get("insert") or "")


def side_map(edits: Sequence[Mapping[str, Any]], text: str, kinds: frozenset[str]) -> dict[int, list[int]]:
    """Edit index -> the positions of ``text`` it owns; edits of other kinds get an anchor.

    An edit missing from this side owns one position, the last character owned before it
    (so an inserted full stop is anchored at the end of the sentence it closes).
    """
    own = owners([(int(e["idx"]), _piece(e)) for e in edits if e["type"] in kinds], text)
    where: dict[int, list[int]] = defaultdict(list)
    for pos, idx in enumerate(own):
        if idx >= 0:
            where[idx].append(pos)
    last = 0
    for e in edits:
        idx = int(e["idx"])
        if e["type"] in kinds:
            last = where[idx][-1] if where.get(idx) else last
        else:
            where[idx] = [last]
    return dict(where)


def sentence_of(spans: Sequence[Span], pos: int) -> int | None:
    """The index of the span (sorted, disjoint) holding ``pos``, ``None`` outside all spans.

    >>> sentence_of([(0, 5), (6, 9)], 7), sentence_of([(0, 5), (6, 9)], 5)
    (1, None)
    """
    k = bisect.bisect_right([start for start, _ in spans], pos) - 1
    return k if k >= 0 and pos < spans[k][1] else None


def _cover(spans: Sequence[Span], positions: Iterable[int]) -> dict[int, int]:
    count: dict[int, int] = defaultdict(int)
    for pos in positions:
        k = sentence_of(spans, pos)
        if k is not None:
            count[k] += 1
    return count


def _size(text: str, span: Span) -> int:
    return sum(1 for c in text[span[0] : span[1]] if not c.isspace())


def derive(doc: Mapping[str, Any], r_spans: Sequence[Span], s_spans: Sequence[Span]) -> Gold:
    """The sentence-level gold of one SWiPE document for the given sentence spans."""
    edits = doc["edits"]
    r_text, s_text = doc["r_content"], doc["s_content"]
    r_where = side_map(edits, r_text, frozenset({"equal", "delete"}))
    s_where = side_map(edits, s_text, frozenset({"equal", "insert"}))
    kind = {int(e["idx"]): e["type"] for e in edits}
    groups = [(str(g["category"]), [int(i) for i in g["opis"]]) for g in doc["annotations"]]
    dropped = _mostly(r_text, r_spans, r_where, kind, groups, DROP, "delete")
    added = _mostly(s_text, s_spans, s_where, kind, groups, ADD, "insert")
    links = _links(r_text, s_text, r_spans, s_spans, r_where, s_where, kind, groups)
    splits = _one_to_many(groups, SPLIT, r_spans, s_spans, r_where, s_where, links)
    flipped = {(j, i) for i, j in links}
    fusions = _one_to_many(groups, FUSION, s_spans, r_spans, s_where, r_where, flipped)
    return Gold(frozenset(dropped), frozenset(added), frozenset(links), splits, fusions)


def _mostly(
    text: str,
    spans: Sequence[Span],
    where: Mapping[int, list[int]],
    kind: Mapping[int, str],
    groups: Sequence[tuple[str, list[int]]],
    categories: frozenset[str],
    edit_type: str,
) -> set[int]:
    """Sentences whose characters are mostly owned by ``edit_type`` edits of those categories."""
    owned = {i for cat, ids in groups if cat in categories for i in ids if kind.get(i) == edit_type}
    count = _cover(spans, (p for i in owned for p in where.get(i, [])))
    return {k for k, n in count.items() if n >= MOSTLY * max(_size(text, spans[k]), 1)}


def _links(
    r_text: str,
    s_text: str,
    r_spans: Sequence[Span],
    s_spans: Sequence[Span],
    r_where: Mapping[int, list[int]],
    s_where: Mapping[int, list[int]],
    kind: Mapping[int, str],
    groups: Sequence[tuple[str, list[int]]],
) -> set[tuple[int, int]]:
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for idx, k in kind.items():
        if k != "equal":
            continue
        for pos_r, pos_s in zip(r_where.get(idx, []), s_where.get(idx, []), strict=False):
            i, j = sentence_of(r_spans, pos_r), sentence_of(s_spans, pos_s)
            if i is not None and j is not None:
                shared[i, j] += 1
    links = {
        (i, j)
        for (i, j), n in shared.items()
        if n >= LINK_CHARS or n >= LINK_SHARE * min(_size(r_text, r_spans[i]), _size(s_text, s_spans[j]))
    }
    for cat, ids in groups:
        if cat in DROP or cat in ADD:
            continue
        rs = _cover(r_spans, (p for i in ids if kind.get(i) == "delete" for p in r_where.get(i, [])))
        ss = _cover(s_spans, (p for i in ids if kind.get(i) == "insert" for p in s_where.get(i, [])))
        links |= {(i, j) for i in rs for j in ss}
    return links


def _one_to_many(
    groups: Sequence[tuple[str, list[int]]],
    category: str,
    one_spans: Sequence[Span],
    many_spans: Sequence[Span],
    one_where: Mapping[int, list[int]],
    many_where: Mapping[int, list[int]],
    links: set[tuple[int, int]],
) -> dict[int, frozenset[int]]:
    items: dict[int, set[int]] = defaultdict(set)
    for cat, ids in groups:
        if cat != category:
            continue
        ones = _cover(one_spans, (p for i in ids for p in one_where.get(i, [])))
        many = _cover(many_spans, (p for i in ids for p in many_where.get(i, [])))
        for i in ones:
            items[i] |= {j for j in many if (i, j) in links}
    return {i: frozenset(js) for i, js in items.items() if len(js) >= 2}
