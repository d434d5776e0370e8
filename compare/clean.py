"""Page furniture: decide, line by line, what is the story and what is not.

Scraped articles carry more than the story: the headline and photo captions repeated by the
page template, short site labels, a donation appeal, even a second story that the scraper
swept up. Nothing here deletes text. Every line gets a role, and later stages compare only
``news`` lines, while reports still show the rest.

The rules are general typography, not site lists:

* a **headline** is a short Title-Case line without sentence punctuation;
* a **caption** ends with a parenthesised credit after a full sentence (``... (Reuters)``) or
  opens with ``Photo:``/``Image:``;
* the **first line** of a text is a headline when it reads like one in sentence case too
  ("Wildfire forces 12,000 to flee in northern California"): no sentence punctuation, a
  blank line after it;
* a **label** (``furniture``) is a line of one to three words without sentence punctuation,
  or a byline ("By Dana Whitfield, Valley Courier");
* a **dateline** opening a story's first news paragraph ("REDDING, Calif. (AP) —",
  "LONDON —") is set apart from it as ``furniture``: it says where the story was filed and
  by whom, not what happened;
* a line seen before is a repeat: it takes the role of its first copy (a repeated news line
  becomes ``furniture``);
* a **new story** starts at a headline that differs from the current story's headline once the
  current story has news lines; which story is *the* story is decided later, against the
  other articles (see :func:`compare.pipeline.compare_articles`);
* **boilerplate** is a closing region of reader-addressed appeals ("we", "you", "support",
  "subscribe", "journalism"), found either after a wider blank gap than the text's
  paragraphs use, or as a closing run of appeal paragraphs.

Cleaning is idempotent: it reads only the text, so running it twice gives the same blocks.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from compare.models import Block, Role

_WORD = re.compile(r"[^\W_][\w'’.-]*")
_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "nor",
        "of",
        "off",
        "on",
        "onto",
        "or",
        "over",
        "per",
        "the",
        "to",
        "up",
        "via",
        "vs",
        "with",
    ]
)
_SENTENCE_END = re.compile(r"[.!?:;,\"”’]\s*$")
_CREDIT = re.compile(r"[.!?”\"]\s*\([^()]{2,60}\)\s*$")
_CAPTION_LEAD = re.compile(r"^(photo|image|picture|file photo|video)\s*(credit)?\s*[:|]", re.I)
_APPEAL_CUE = re.compile(
    r"\b(support\w*|donat\w*|subscri\w*|newsletters?|sign up|members?hip|contribut\w*|journalism|"
    r"reporters|advertis\w*|paywall|tax-deductible|cookies?|privacy policy|terms of (?:use|service)|"
    r"all rights reserved|copyright|follow us)\b",
    re.I,
)
#: A byline: "By Dana Whitfield", "By Marcus Lee, Valley Courier", "BY JANE DOE AND JOHN ROE",
#: "By Northern Daily Record staff", "By Ali Haidar in Beirut", "By The Capital Post's foreign desk".
_BYLINE = re.compile(
    r"(?:By|BY)\s+[A-Z][\w.'’-]*(?:,?\s+(?:[A-Z][\w.'’-]*|and|AND|de|van|von|al|del|la|in|the|staff|"
    r"reporters?|correspondents?|writers?|agencies|foreign|news|desk|bureau|team)){0,9}$"
)
#: A wire dateline: a place in capitals ("REDDING, Calif.", "GAZA CITY", "LONDON"), or in title
#: case before a credit ("Beirut (AFP)"), perhaps a date ("Dec. 2"), a credit in parentheses,
#: and a dash before the story's first word.
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’-]{2,}(?:\s+[A-Z][A-Z.'’-]+){0,3}|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})"
    r"(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})?"
    r"(?:,?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})?"
    r"(?P<credit>\s*\([^()]{2,40}\))?"
    r"(?:\s*(?:--|[—–])\s*|\s+-\s+)"
    r"(?P<rest>[A-Z“\"‘'])"
)
_READER = re.compile(r"\b(we|our|us|you|your)\b", re.I)
_QUOTE = re.compile(r"[\"“”]")
# Reported speech ("..., he said.", "according to the ministry") is news, whatever its words.
_REPORTED = re.compile(r"\b(?:said|says|told|according to)\b", re.I)


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int
    text: str
    gap: int  # blank lines before this line


def clean(text: str, body_start: int = 0) -> tuple[Block, ...]:
    """Split ``text[body_start:]`` into non-empty lines, each with a role and a story index.

    >>> text = "Storm Hits The Coast Overnight\\n\\nTT\\n\\nThe storm hit at 3 a.m. on Monday."
    >>> [b.role for b in clean(text)]
    ['headline', 'furniture', 'news']
    """
    lines = _lines(text, body_start)
    roles = [_line_role(line.text) for line in lines]
    if lines and roles[0] == "news" and _top_headline(lines):
        roles[0] = "headline"
    roles = _dedupe(lines, roles)
    stories = _stories(lines, roles)
    roles = _boilerplate(lines, roles, stories)
    blocks = [
        Block(line.start, line.end, role, story, starts_paragraph=line.gap > 0 or i == 0)
        for i, (line, role, story) in enumerate(zip(lines, roles, stories, strict=True))
    ]
    return tuple(_datelines_apart(blocks, text))


def _lines(text: str, body_start: int) -> list[_Line]:
    lines: list[_Line] = []
    gap = 0
    for match in re.finditer(r"[^\r\n]*(?:\r\n|\r|\n|$)", text[body_start:]):
        raw = match.group(0)
        stripped = raw.strip()
        if not stripped:
            gap += 1 if raw else 0
            continue
        lead = len(raw) - len(raw.lstrip())
        start = body_start + match.start() + lead
        lines.append(_Line(start, start + len(stripped), stripped, gap))
        gap = 0
    return lines


def is_title(line: str) -> bool:
    """A headline: 4-25 words, no sentence punctuation at the end, mostly capitalised words.

    >>> is_title("Russia Calls on Allies to Leave Bases in the North")
    True
    >>> is_title("Every story is a world")
    False
    """
    words = _WORD.findall(line)
    if not 4 <= len(words) <= 25 or _SENTENCE_END.search(line):
        return False
    if not any(c.islower() for c in line):
        return True
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    capitalised = sum(1 for w in content if w[0].isupper() or w[0].isdigit())
    return bool(content) and capitalised / len(content) >= 0.7


def _line_role(line: str) -> Role:
    if _CREDIT.search(line) or _CAPTION_LEAD.match(line):
        return "caption"
    if _BYLINE.match(line) and not _SENTENCE_END.search(line):
        return "furniture"
    if is_title(line):
        return "headline"
    if len(_WORD.findall(line)) <= 3 and not _SENTENCE_END.search(line):
        return "furniture"
    return "news"


def _top_headline(lines: list[_Line]) -> bool:
    """Whether the text's first line is a headline in sentence case: 4-25 words, no sentence
    punctuation at its end, and a blank line after it (a paragraph that ends without a full
    stop runs on into the next line).

    >>> top = lambda text: _top_headline(_lines(text, 0))
    >>> top("Wildfire forces 12,000 to flee in northern California\\n\\nA wildfire spread.")
    True
    >>> top("A wildfire spread on Monday\\nacross the county.\\n\\nIt burned.")
    False
    """
    first = lines[0]
    words = len(_WORD.findall(first.text))
    ended = _SENTENCE_END.search(first.text) or first.text.endswith(("'", "…"))  # '... next week.'
    return 4 <= words <= 25 and not ended and len(lines) > 1 and lines[1].gap > 0


def _datelines_apart(blocks: list[Block], text: str) -> list[Block]:
    """Each story's first news line with its dateline (``_DATELINE``) set apart as furniture.

    >>> text = "REDDING, Calif. (AP) - A wildfire spread."
    >>> [(b.role, text[b.start : b.end]) for b in _datelines_apart([Block(0, len(text), "news")], text)]
    [('furniture', 'REDDING, Calif. (AP) -'), ('news', 'A wildfire spread.')]
    >>> text = "FEMA — The federal disaster agency — sent 40 trucks."
    >>> [b.role for b in _datelines_apart([Block(0, len(text), "news")], text)]
    ['news']
    """
    out: list[Block] = []
    seen: set[int] = set()
    for block in blocks:
        first = block.role == "news" and block.story not in seen
        if block.role == "news":
            seen.add(block.story)
        match = _DATELINE.match(text, block.start, block.end) if first else None
        if match is None or (match.group("place").istitle() and not match.group("credit")) or _appositive(match, text):
            out.append(block)
            continue
        rest = match.start("rest")
        out.append(replace(block, end=block.start + len(text[block.start : rest].rstrip()), role="furniture"))
        out.append(replace(block, start=rest, starts_paragraph=False))
    return out


def _appositive(match: re.Match[str], text: str) -> bool:
    """Whether a dateline-like start is a subject with a phrase between dashes: "FEMA — the
    federal disaster agency — sent 40 trucks" (a dateline's dash opens the sentence, and the
    next dash, if any, comes later than a few words on)."""
    words = text[match.start("rest") : match.start("rest") + 80].split("\n")[0].split()[:8]
    return not match.group("credit") and any(w in ("—", "–", "--") for w in words)


def _key(line: str) -> str:
    return " ".join(_WORD.findall(line.lower()))


def _dedupe(lines: list[_Line], roles: list[Role]) -> list[Role]:
    """A repeated line takes its first copy's role; a repeated news line is furniture."""
    first: dict[str, Role] = {}
    out: list[Role] = []
    for line, role in zip(lines, roles, strict=True):
        key = _key(line.text)
        if key in first and key:
            role = first[key] if first[key] != "news" else "furniture"
        else:
            first[key] = role
        out.append(role)
    return out


def _stories(lines: list[_Line], roles: list[Role]) -> list[int]:
    story, headline, has_news = 0, "", False
    out: list[int] = []
    for line, role in zip(lines, roles, strict=True):
        if role == "headline":
            key = _key(line.text)
            if has_news and key != headline:
                story, has_news, headline = story + 1, False, key
            elif not headline:
                headline = key
        has_news = has_news or role == "news"
        out.append(story)
    return out


def _is_appeal(text: str) -> bool:
    """Reader-addressed or asking for support; reported speech (a quote, "he said") is news, never an appeal."""
    if _QUOTE.search(text) or _REPORTED.search(text):
        return False
    return bool(_APPEAL_CUE.search(text) or len(_READER.findall(text)) >= 2)


def _boilerplate(lines: list[_Line], roles: list[Role], stories: list[int]) -> list[Role]:
    """Mark each story's closing appeal as boilerplate (a region after a wide gap, or a run)."""
    out = list(roles)
    gaps = Counter(line.gap for line in lines[1:] if line.gap)
    usual = gaps.most_common(1)[0][0] if gaps else 1
    for story in sorted(set(stories)):
        idx = [i for i, s in enumerate(stories) if s == story and roles[i] == "news"]
        if not idx:
            continue
        region = _closing_region(lines, idx, usual)
        prose = [i for i in region if roles[i] == "news"]
        appeals = [i for i in prose if _is_appeal(lines[i].text)]
        if len(appeals) * 2 >= len(prose) and len(appeals) >= 2:
            tail = [i for i in region if stories[i] == story]
        else:
            tail = _closing_run(lines, idx)
        for i in tail:
            out[i] = "boilerplate"
    return out


def _closing_region(lines: list[_Line], idx: list[int], usual: int) -> list[int]:
    """All lines from the last gap wider than the usual paragraph gap that follows news."""
    wide = [i for i in range(idx[0] + 1, idx[-1] + 1) if lines[i].gap > usual]
    if not wide:
        return []
    return list(range(wide[-1], idx[-1] + 1))


def _closing_run(lines: list[_Line], idx: list[int]) -> list[int]:
    """The longest closing run of appeal lines, kept only if one of them asks for something."""
    run: list[int] = []
    for i in reversed(idx):
        text = lines[i].text
        if not (_is_appeal(text) and (_READER.search(text) or run)):
            break
        run.append(i)
    if not any(_APPEAL_CUE.search(lines[i].text) and _READER.search(lines[i].text) for i in run):
        return []
    return run


def set_aside(blocks: tuple[Block, ...], keep: set[int]) -> tuple[Block, ...]:
    """Give every line of a story not in ``keep`` the role ``other_story``."""
    return tuple(replace(b, role="other_story") if b.story not in keep else b for b in blocks)
