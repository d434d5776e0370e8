"""Where the public labelled data lives, and readers for it.

The data is never copied into the project (licences differ, and a fresh clone must not depend
on it): it is read from ``../shared/data`` relative to the project root, or from the folder in
``$COMPARE_BENCH_DATA``. A missing folder is a :class:`DataMissing` error whose message says
where the data was looked for.
"""

from __future__ import annotations

import csv
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
CACHE = RESULTS / ".cache"


class DataMissing(Exception):
    """A data set the benchmark needs is not where it looks."""


def data_dir() -> Path:
    """The folder holding ``msrp-train/`` and ``swipe-val/``."""
    return Path(os.environ.get("COMPARE_BENCH_DATA", ROOT.parent / "shared" / "data"))


def shared_dir() -> Path:
    """The shared folder next to the project (seeds, data)."""
    return data_dir().parent


def _need(path: Path, what: str) -> Path:
    if not path.exists():
        raise DataMissing(
            f"{what} not found at {path}: the quality benchmark reads public data from ../shared/data "
            "(or $COMPARE_BENCH_DATA); it is not part of the project"
        )
    return path


@dataclass(frozen=True, slots=True)
class Pair:
    """One MSRP sentence pair."""

    a: str
    b: str
    #: True when the annotators judged the pair a paraphrase (same content).
    paraphrase: bool


def load_msrp(path: Path | None = None) -> list[Pair]:
    """The MSRP training split: tab-separated, a header line, UTF-8 with a BOM."""
    path = _need(path or data_dir() / "msrp-train" / "msr_paraphrase_train.txt", "MSRP")
    pairs = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(rows)
        for row in rows:
            if len(row) == 5:
                pairs.append(Pair(row[3], row[4], row[0] == "1"))
    return pairs


def load_swipe(path: Path | None = None) -> list[dict[str, Any]]:
    """SWiPE validation documents (see ``../shared/data/README.md`` for the fields)."""
    path = _need(path or data_dir() / "swipe-val" / "swipe_val.json", "SWiPE")
    docs: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return docs


def expected_md() -> Path:
    """The seed pair's expected findings."""
    return _need(shared_dir() / "seeds" / "EXPECTED.md", "seeds/EXPECTED.md")
