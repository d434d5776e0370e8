"""Word-level diffs of aligned sentence groups, as difflib opcodes over token lists.

Tokens keep absolute offsets into their article, so every insertion or deletion can be traced
back to the original text. Tokens compare case-insensitively with typographic quotes folded
(``Syria’s`` equals ``Syria's``), so typography alone never shows as a change.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Sequence

from compare.models import DiffOp, Sentence, Token

# Abbreviations keep their full stop ("Aug.", "Dr.", "U.S.", "p.m."), so "Aug. 31" diffs as a date.
_ABBREVIATION = (
    r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Capt|Gov|Sen|Rep|"
    r"Jr|Sr|Inc|Corp|Ltd|Co|No|vs)\.(?=\s)|(?:[A-Za-z]\.){2,}"
)
# A number with thousands separators is one token ("120,000" → "150,000" is one figure changed).
# (No lookahead after it: a failing one made the scan quadratic on a long run of ",000" groups.)
_GROUPED_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?"
_TOKEN = re.compile(_ABBREVIATION + "|" + _GROUPED_NUMBER + r"|\w+(?:[’'.\-]\w+)*|[^\w\s]")
_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": "-", "–": "-"})


def tokenize(sentences: Sequence[Sentence]) -> tuple[Token, ...]:
    """Words and punctuation of the sentences, with absolute offsets.

    >>> from compare.models import Sentence
    >>> [t.text for t in tokenize([Sentence("A1", "A", "U.S. troops left on Aug. 31.", 0, 28, "news")])]
    ['U.S.', 'troops', 'left', 'on', 'Aug.', '31', '.']
    >>> [t.text for t in tokenize([Sentence("A1", "A", "Some 2,300 of 12,500.5 voted 7-2.", 0, 33, "news")])]
    ['Some', '2,300', 'of', '12,500.5', 'voted', '7-2', '.']
    """
    return tuple(
        Token(m.group(0), s.start + m.start(), s.start + m.end()) for s in sentences for m in _TOKEN.finditer(s.text)
    )


def words(text: str) -> list[str]:
    """The word tokens of ``text``, as :func:`tokenize` cuts them, without punctuation.

    >>> words("U.S. troops left on Aug. 31, officials said.")
    ['U.S.', 'troops', 'left', 'on', 'Aug.', '31', 'officials', 'said']
    """
    return [w for w in _TOKEN.findall(text) if w[:1].isalnum()]


def fold(token: str) -> str:
    """The form tokens are compared in."""
    return token.translate(_FOLD).lower()


def diff_tokens(a: Sequence[Token], b: Sequence[Token]) -> tuple[DiffOp, ...]:
    """difflib opcodes turning ``a`` into ``b``.

    The opcodes tile both sequences, so applying them to ``a`` rebuilds ``b``:

    >>> from compare.models import Token
    >>> a = [Token(w, 0, 0) for w in "the army left on Wednesday".split()]
    >>> b = [Token(w, 0, 0) for w in "the army left on Aug. 31".split()]
    >>> ops = diff_tokens(a, b)
    >>> [(op.tag, op.i1, op.i2, op.j1, op.j2) for op in ops]
    [('equal', 0, 4, 0, 4), ('replace', 4, 5, 4, 6)]
    >>> rebuilt = [t for op in ops for t in (a[op.i1:op.i2] if op.tag == "equal" else b[op.j1:op.j2])]
    >>> [t.text for t in rebuilt] == [t.text for t in b]
    True
    """
    matcher = difflib.SequenceMatcher(None, autojunk=False)
    matcher.set_seq2([fold(t.text) for t in b])
    matcher.set_seq1([fold(t.text) for t in a])
    return tuple(DiffOp(tag, i1, i2, j1, j2) for tag, i1, i2, j1, j2 in matcher.get_opcodes())  # type: ignore[arg-type]


def token_text(tokens: Sequence[Token]) -> str:
    """Tokens back to text, spaced as they were in the article."""
    out = tokens[0].text
    for prev, tok in itertools.pairwise(tokens):
        out += ("" if tok.start == prev.end else " ") + tok.text
    return out
