"""The seed pair against the alignment table of ``../shared/seeds/EXPECTED.md``.

A simple check from the alignment links. Each table row ``| A | B | relation |`` names an A
sentence and the B sentences it should link to (``—`` on one side: dropped or added). A row
is *found* when the A sentence's predicted links are among the expected ones and include one
of them; when they include none, the row still counts if each expected B sentence is linked
to another A sentence whose row also expects it (the table allows a restated sentence to
match either copy). A ``—`` row is found when the sentence is left unlinked. *Extra* findings
are predicted links, drops and additions that no row expects.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from compare import Comparison, compare_articles, load_article
from compare.config import Config
from compare.embed import Embedder
from compare.ingest import Metadata

_ROW = re.compile(r"^\|\s*(?P<a>[^|]*?)\s*\|\s*(?P<b>[^|]*?)\s*\|\s*(?P<rel>[^|]*?)\s*\|\s*$")


@dataclass(frozen=True, slots=True)
class Row:
    """One row of the expected alignment table."""

    a: str | None
    b: frozenset[str]
    relation: str


def parse_table(markdown: str) -> list[Row]:
    """The rows of the ``## Alignment`` table.

    >>> text = "## Alignment\\n| A | B | relation |\\n| --- | --- | --- |\\n"
    >>> text += "| A1 x | B1, B3 | merged |\\n| — | B9 y | added |"
    >>> [(r.a, sorted(r.b), r.relation) for r in parse_table(text)]
    [('A1', ['B1', 'B3'], 'merged'), (None, ['B9'], 'added')]
    """
    section = markdown.split("## Alignment", 1)[-1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        match = _ROW.match(line.strip())
        if not match or match["a"] == "A" or set(match["a"]) <= set("- "):
            continue
        a = re.match(r"A\d+", match["a"])
        rows.append(Row(a.group(0) if a else None, frozenset(re.findall(r"B\d+", match["b"])), match["rel"]))
    return rows


def links(comparison: Comparison) -> tuple[dict[str, set[str]], set[str]]:
    """A sentence -> linked B sentences (every A news sentence present), and the linked B sentences."""
    out: dict[str, set[str]] = {s.id: set() for s in comparison.articles[0].news}
    for x in comparison.alignments:
        for i in x.a:
            out.setdefault(i, set()).update(x.b)
    return out, {j for x in comparison.alignments if x.a for j in x.b}


def check(rows: list[Row], got: Mapping[str, set[str]], linked_b: set[str], all_b: set[str]) -> dict[str, Any]:
    """Found rows, missed rows and extra findings.

    >>> rows = [Row("A1", frozenset({"B1"}), ""), Row("A2", frozenset(), ""), Row(None, frozenset({"B2"}), "")]
    >>> r = check(rows, {"A1": {"B1"}, "A2": {"B3"}}, {"B1", "B3"}, {"B1", "B2", "B3"})
    >>> r["found"], r["missed"], r["extra"]
    (['A1', 'B2'], ['A2'], ['A2→B3'])
    """
    expects = {r.a: r.b for r in rows if r.a}
    found: list[str] = []
    missed: list[str] = []
    for row in rows:
        if row.a is None:
            ok = not (row.b & linked_b)
        elif not row.b:
            ok = not got.get(row.a)
        else:
            mine = got.get(row.a, set())
            elsewhere = all(
                any(b in got.get(a, set()) for a, exp in expects.items() if a != row.a and b in exp) for b in row.b
            )
            ok = mine <= row.b and (bool(mine & row.b) or (not mine and elsewhere))
        (found if ok else missed).append(row.a or "+".join(sorted(row.b)))
    extra = [f"{a}→{b}" for a, bs in sorted(got.items()) for b in sorted(bs) if b not in expects.get(a, frozenset())]
    expected_added = {b for r in rows if r.a is None for b in r.b}
    extra += [f"{a} dropped" for a, bs in sorted(got.items()) if not bs and a not in expects]
    extra += [f"{b} added" for b in sorted(all_b - linked_b) if b not in expected_added]
    return {"rows": len(rows), "found": found, "missed": missed, "extra": extra}


def run(fixtures: Path, expected: Path, embedder: Embedder, config: Config) -> dict[str, Any]:
    """Compare the seed pair with the pipeline and check it against the expected table."""
    a = load_article(fixtures / "asharq_al_awsat.txt", "A", Metadata("Asharq al-Awsat", date(2023, 9, 1)))
    b = load_article(fixtures / "jns.txt", "B", Metadata("JNS", date(2023, 9, 1)))
    comparison = compare_articles([a, b], embedder, config)
    got, linked_b = links(comparison)
    result = check(
        parse_table(expected.read_text(encoding="utf-8")), got, linked_b, {s.id for s in comparison.articles[1].news}
    )
    result["verdicts"] = {"+".join((*x.a, *x.b)): x.verdict for x in comparison.alignments}
    return result
