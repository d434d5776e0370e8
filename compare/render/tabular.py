"""Tables for spreadsheets and pipelines: the claims and the findings, as pandas DataFrames.

Two tables, joined on ``claim``:

- **claims**: one row per alignment group, in A's order (the rows of the report), with the
  sentence ids on each side, the verdict, the similarity score, both texts, the reasons for a
  ``changed`` verdict and the number of findings on the row;
- **findings**: one row per fact finding (:class:`~compare.models.FactChange`), with the
  before and after facts' text, span and normalised value.

CSV and Parquet write each table to its own file beside the name given: ``-o out/seed.csv``
writes ``out/seed.claims.csv`` and ``out/seed.findings.csv``. JSONL writes both tables into
one stream, one JSON object per line, each tagged with its ``table``.

Missing values (the B side of a dropped claim, a finding with no ``before``) are nulls, never
empty strings. Read tables back with :func:`read_table`, which restores every dtype. In CSV,
a text cell that a spreadsheet would run as a formula (starting with ``= + - @``, a tab or a
carriage return) is written with a leading ``'``, as OWASP advises; so is a cell that starts
with ``'``, so that :func:`read_table` can take exactly one off again.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any, Literal, get_args

import pandas as pd

from compare.models import CHANGE_KINDS, VERDICTS, Alignment, Comparison, Fact, FactChange, FactKind
from compare.output import write_atomic_bytes

Table = Literal["claims", "findings"]
TABLES: tuple[Table, ...] = ("claims", "findings")

_VERDICT = pd.CategoricalDtype(list(VERDICTS))
_KIND = pd.CategoricalDtype(list(CHANGE_KINDS))
_FACT_KIND = pd.CategoricalDtype(list(get_args(FactKind)))

#: The columns of each table and their dtypes (``str`` is pandas' string dtype, nulls as NaN).
DTYPES: dict[Table, dict[str, Any]] = {
    "claims": {
        "claim": "int64",
        "anchor": "str",
        "a_ids": "str",
        "b_ids": "str",
        "verdict": _VERDICT,
        "score": "float64",
        "a_text": "str",
        "b_text": "str",
        "reasons": "str",
        "findings": "int64",
    },
    "findings": {
        "finding": "int64",
        "claim": "Int64",
        "kind": _KIND,
        "a_sentence": "str",
        "b_sentence": "str",
        **{
            f"{side}_{col}": dtype
            for side in ("before", "after")
            for col, dtype in (
                ("kind", _FACT_KIND),
                ("text", "str"),
                ("start", "Int64"),
                ("end", "Int64"),
                ("label", "str"),
                ("value", "str"),
            )
        },
        "detail": "str",
    },
}

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")


def claims_frame(comparison: Comparison) -> pd.DataFrame:
    """One row per alignment group, in A's order; ``claim`` counts from 1.

    >>> from compare.models import Article, ArticleResult, Comparison, Sentence, Alignment
    >>> res = lambda i, t: ArticleResult(Article(i, t, i), (Sentence(i + "1", i, t, 0, len(t), "news"),))
    >>> c = Comparison((res("A", "Two left."), res("B", "Six left.")), (Alignment(("A1",), ("B1",), 0.9, "changed"),))
    >>> claims_frame(c)[["claim", "a_ids", "b_ids", "verdict", "a_text", "b_text"]].to_dict("records")
    [{'claim': 1, 'a_ids': 'A1', 'b_ids': 'B1', 'verdict': 'changed', 'a_text': 'Two left.', 'b_text': 'Six left.'}]
    """
    counts = [0] * len(comparison.alignments)
    for claim in _claim_of_changes(comparison):
        if claim is not None:
            counts[claim - 1] += 1
    rows = [_claim_row(comparison, n, x, counts[n - 1]) for n, x in enumerate(comparison.alignments, 1)]
    return _frame(rows, "claims")


def findings_frame(comparison: Comparison) -> pd.DataFrame:
    """One row per fact finding, in the order of ``comparison.changes``; ``claim`` is its claims row."""
    claims = _claim_of_changes(comparison)
    rows = [_finding_row(n, c, claim) for n, (c, claim) in enumerate(zip(comparison.changes, claims, strict=True), 1)]
    return _frame(rows, "findings")


def frames(comparison: Comparison) -> dict[Table, pd.DataFrame]:
    """Both tables, by name."""
    return {"claims": claims_frame(comparison), "findings": findings_frame(comparison)}


def table_paths(output: Path, fmt: str) -> dict[Table, Path]:
    """Where ``-o output`` puts each table: ``seed.csv`` → ``seed.claims.csv``, ``seed.findings.csv``.

    >>> {k: str(p) for k, p in table_paths(Path("out/seed.csv"), "csv").items()}
    {'claims': 'out/seed.claims.csv', 'findings': 'out/seed.findings.csv'}
    >>> str(table_paths(Path("seed"), "parquet")["claims"])
    'seed.claims.parquet'
    """
    stem = output.name.removesuffix(f".{fmt}")
    return {table: output.with_name(f"{stem}.{table}.{fmt}") for table in TABLES}


def write_tables(comparison: Comparison, fmt: str, output: Path) -> list[Path]:
    """Write both tables beside ``output`` (see :func:`table_paths`), each atomically; return the paths.

    ``fmt`` is ``csv`` or ``parquet``. Both files are rendered in memory before either is
    written, so a failure while rendering leaves neither.
    """
    if fmt not in ("csv", "parquet"):
        raise ValueError(f"no table format {fmt!r}")
    data = {table: _encode(frame, fmt) for table, frame in frames(comparison).items()}
    paths = table_paths(output, fmt)
    for table, payload in data.items():
        write_atomic_bytes(paths[table], payload)
    return list(paths.values())


def render_jsonl(comparison: Comparison) -> str:
    """Both tables as JSON Lines: every claim, then every finding, each line tagged with its ``table``."""
    lines = []
    for table, frame in frames(comparison).items():
        if frame.empty:
            continue
        text = frame.to_json(orient="records", lines=True, force_ascii=False, date_format="iso")
        for line in text.splitlines():
            lines.append(json.dumps({"table": table, **json.loads(line)}, ensure_ascii=False))
    return "".join(line + "\n" for line in lines)


def read_table(path: str | os.PathLike[str], table: Table) -> pd.DataFrame:
    """Read a table that :func:`write_tables` wrote (CSV or Parquet), with its dtypes restored."""
    file = Path(path)
    if file.suffix == ".parquet":
        return pd.read_parquet(file).astype(DTYPES[table])
    frame = pd.read_csv(file, dtype=str, keep_default_na=False, na_values=[""])
    for name in frame.columns:
        frame[name] = frame[name].map(_unguard, na_action="ignore")
    return frame.astype(DTYPES[table])


def _encode(frame: pd.DataFrame, fmt: str) -> bytes:
    if fmt == "parquet":
        buffer = io.BytesIO()
        frame.to_parquet(buffer, index=False, engine="pyarrow")
        return buffer.getvalue()
    guarded = frame.copy()
    for name in guarded.columns:
        if guarded[name].dtype == "str":
            guarded[name] = guarded[name].map(_guard, na_action="ignore")
    return guarded.to_csv(index=False, lineterminator="\n").encode("utf-8")


def _guard(value: str) -> str:
    """A text cell a spreadsheet would not run as a formula (see the module docstring)."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def _unguard(value: str) -> str:
    return value[1:] if value.startswith("'") else value


def _frame(rows: list[dict[str, Any]], table: Table) -> pd.DataFrame:
    dtypes = DTYPES[table]
    return pd.DataFrame(rows, columns=list(dtypes)).astype(dtypes)


def _claim_row(comparison: Comparison, n: int, x: Alignment, findings: int) -> dict[str, Any]:
    return {
        "claim": n,
        "anchor": "claim-" + "-".join((*x.a, *x.b)),
        "a_ids": " ".join(x.a) or None,
        "b_ids": " ".join(x.b) or None,
        "verdict": x.verdict,
        "score": x.score,
        "a_text": " ".join(comparison.sentence(i).text for i in x.a) or None,
        "b_text": " ".join(comparison.sentence(i).text for i in x.b) or None,
        "reasons": "; ".join(x.reasons) or None,
        "findings": findings,
    }


def _finding_row(n: int, change: FactChange, claim: int | None) -> dict[str, Any]:
    row: dict[str, Any] = {
        "finding": n,
        "claim": claim,
        "kind": change.kind,
        "a_sentence": change.a_sentence,
        "b_sentence": change.b_sentence,
        "detail": change.detail or None,
    }
    for side, fact in (("before", change.before), ("after", change.after)):
        row.update(_fact_cols(side, fact))
    return row


def _fact_cols(side: str, fact: Fact | None) -> dict[str, Any]:
    if fact is None:
        return dict.fromkeys(f"{side}_{c}" for c in ("kind", "text", "start", "end", "label", "value"))
    return {
        f"{side}_kind": fact.kind,
        f"{side}_text": fact.text,
        f"{side}_start": fact.start,
        f"{side}_end": fact.end,
        f"{side}_label": fact.label or None,
        f"{side}_value": fact.value or None,
    }


def _claim_of_changes(comparison: Comparison) -> list[int | None]:
    """The claims row (from 1) each finding sits on, by its sentence ids; ``None`` when on none."""
    row_of: dict[str, int] = {}
    for n, x in enumerate(comparison.alignments, 1):
        row_of.update(dict.fromkeys((*x.a, *x.b), n))
    out: list[int | None] = []
    for c in comparison.changes:
        hits = [row_of[i] for i in (c.a_sentence, c.b_sentence) if i is not None and i in row_of]
        out.append(hits[0] if hits else None)
    return out
