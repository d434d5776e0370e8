"""``python -m bench quality``: verdict quality on MSRP, alignment on SWiPE, the seed pair.

Writes ``bench/results/quality.json`` (every number) and ``bench/results/quality.md`` (the
tables), each atomically. A section whose data is missing is reported as skipped, with the
reason, and the others still run.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench import details, msrp, seed, stitched, swipe
from bench.data import CACHE, RESULTS, ROOT, DataMissing, expected_md, load_msrp, load_swipe
from bench.report import markdown
from bench.vectors import VectorCache
from compare.align import clauses
from compare.config import Config
from compare.embed import Embedder

SECTIONS = ("msrp", "swipe", "details", "stitched", "seed")
#: Thresholds tried for the baselines (each is reported at its best, chosen on the same
#: documents: an optimistic figure for the baselines) and for the pipeline's sweep.
DIFFLIB_GRID = (0.2, 0.3, 0.4, 0.5, 0.6)
DP_GRID = (0.3, 0.4, 0.5, 0.6, 0.7)
LINK_GRID = (0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7)
CLAUSE_GRID = (0.45, 0.5, 0.55, 0.6, 0.65)
JOIN_GRID = (0.2, 0.3, 0.4, 0.5, 0.6)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench quality", description=__doc__)
    parser.add_argument("--docs", type=int, default=0, help="SWiPE documents to use (default: all 482)")
    parser.add_argument("--only", choices=SECTIONS, action="append", help="run only these sections")
    parser.add_argument("--no-sweep", action="store_true", help="skip the SWiPE threshold sweep of the pipeline")
    parser.add_argument("--out", type=Path, default=RESULTS, help="folder for quality.json / quality.md")
    args = parser.parse_args(argv)
    config = Config()
    embedder = VectorCache(config.model, CACHE)
    result: dict[str, Any] = {"meta": _meta(config)}
    if args.only:
        # One section rerun: the others keep their last results (and say when they were measured).
        result = _previous(args.out / "quality.json") | result
    sections: dict[str, Callable[[], dict[str, Any]]] = {
        "msrp": lambda: _msrp(embedder, config),
        "swipe": lambda: _swipe(embedder, config, args.docs, not args.no_sweep),
        "details": lambda: _details(embedder, config, args.docs),
        "stitched": lambda: _stitched(embedder, config),
        "seed": lambda: seed.run(ROOT / "fixtures", expected_md(), embedder, config),
    }
    for name, run in sections.items():
        if args.only and name not in args.only:
            continue
        started = time.perf_counter()
        try:
            result[name] = run()
        except DataMissing as exc:
            print(f"{name}: skipped: {exc}", file=sys.stderr)
            result[name] = {"skipped": str(exc)}
        result[name]["seconds"] = round(time.perf_counter() - started, 1)
        embedder.save()
        print(f"{name}: done in {result[name]['seconds']} s", file=sys.stderr)
    args.out.mkdir(parents=True, exist_ok=True)
    write_atomic(args.out / "quality.json", json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    write_atomic(args.out / "quality.md", markdown(result))
    print(f"wrote {args.out / 'quality.md'} and quality.json", file=sys.stderr)
    return 0


def _git(*args: str) -> str:
    try:
        run = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=False)
    except OSError:
        return ""
    return run.stdout


def _meta(config: Config) -> dict[str, Any]:
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": _git("rev-parse", "--short", "HEAD").strip(),
        # Package files that differed from the commit when the numbers were taken.
        "uncommitted": [line[3:] for line in _git("status", "--porcelain", "--", "compare").splitlines()],
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "model": config.model,
        "config": asdict(config),
    }


def _msrp(embedder: Embedder, config: Config) -> dict[str, Any]:
    table = msrp.measure(load_msrp(), embedder, config)
    return msrp.run(table)


def warm(embedder: Embedder, docs: Sequence[swipe.Doc]) -> None:
    """Embed every sentence, clause and neighbour pair in one batch (small batches are slow)."""
    texts: list[str] = []
    for doc in docs:
        for side in (doc.a, doc.b):
            texts += side
            texts += [f"{x} {y}" for x, y in itertools.pairwise(side)]
            texts += [c for s in side if len(parts := clauses(s)) >= 2 for c in parts]
    embedder.embed_batch(list(dict.fromkeys(texts)))


def _previous(path: Path) -> dict[str, Any]:
    """The sections of the last results file, each stamped with the run that measured it."""
    try:
        old = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    meta = old.pop("meta", {})
    stamp = {"date": meta.get("date"), "commit": meta.get("commit")}
    return {name: {"measured": stamp} | section for name, section in old.items() if isinstance(section, dict)}


def _stitched(embedder: Embedder, config: Config) -> dict[str, Any]:
    """News alignment on MSRP paraphrases stitched into documents; baselines at their SWiPE-best values."""
    systems: dict[str, swipe.Aligner] = {
        "compare.align (default config)": swipe.pipeline_aligner(embedder, config),
        "compare.align without the support rule": swipe.pipeline_aligner(embedder, config.updated(support_cosine=0.0)),
        "difflib mutual best, t = 0.4": swipe.difflib_aligner(0.4),
        "monotone DP (Vecalign-style), t = 0.7": swipe.dp_aligner(embedder, 0.7),
    }
    return stitched.run(load_msrp(), embedder, systems)


def _details(embedder: Embedder, config: Config, limit: int) -> dict[str, Any]:
    from compare.facts import FactExtractor

    raw = load_swipe()
    return details.run(raw[:limit] if limit else raw, embedder, config, FactExtractor())


def _swipe(embedder: Embedder, config: Config, limit: int, sweep: bool) -> dict[str, Any]:
    raw = load_swipe()
    raw = raw[:limit] if limit else raw
    docs = swipe.prepare(raw)
    warm(embedder, docs)
    out: dict[str, Any] = {
        "documents": len(docs),
        "left_out": len(raw) - len(docs),
        "sentences": {"a": sum(len(d.a) for d in docs), "b": sum(len(d.b) for d in docs)},
        "gold": {
            "dropped": sum(len(d.gold.dropped) for d in docs),
            "added": sum(len(d.gold.added) for d in docs),
            "one_to_many": sum(len(d.gold.splits) + len(d.gold.fusions) for d in docs),
            "links": sum(len(d.gold.links) for d in docs),
        },
        "systems": {},
    }
    systems = out["systems"]
    systems["no links (reference: everything dropped / added)"] = swipe.evaluate(docs, lambda a, b: [])
    systems["compare.align (default config)"] = swipe.evaluate(docs, swipe.pipeline_aligner(embedder, config))
    systems.update(_best("difflib mutual best, t", DIFFLIB_GRID, docs, swipe.difflib_aligner))
    systems.update(_best("monotone DP (Vecalign-style), t", DP_GRID, docs, lambda t: swipe.dp_aligner(embedder, t)))
    if sweep:
        out["sweep"] = _sweep(docs, embedder, config)
    out["clean"] = swipe.full_pipeline(raw, embedder, config)
    return out


def _mean_f1(scores: dict[str, dict[str, float]]) -> float:
    return (scores["dropped"]["f1"] + scores["added"]["f1"] + scores["one_to_many"]["f1"]) / 3


def _best(
    name: str, grid: Sequence[float], docs: Sequence[swipe.Doc], make: Callable[[float], swipe.Aligner]
) -> dict[str, dict[str, Any]]:
    """The grid value with the best mean F1 (dropped, added, one-to-many), and its scores."""
    tried = {t: swipe.evaluate(docs, make(t)) for t in grid}
    best = max(tried, key=lambda t: _mean_f1(tried[t]))
    return {f"{name} = {best} (best of {list(grid)})": tried[best]}


def _sweep(docs: Sequence[swipe.Doc], embedder: Embedder, config: Config) -> dict[str, Any]:
    rows: dict[str, Any] = {}
    for t in LINK_GRID:
        rows[f"link_threshold={t}"] = swipe.evaluate(
            docs, swipe.pipeline_aligner(embedder, config.updated(link_threshold=t))
        )
    for t in CLAUSE_GRID:
        changed = config.updated(clause_threshold=t)
        rows[f"clause_threshold={t}"] = swipe.evaluate(docs, swipe.pipeline_aligner(embedder, changed))
    for t in JOIN_GRID:
        changed = config.updated(join_share=t)
        rows[f"join_share={t}"] = swipe.evaluate(docs, swipe.pipeline_aligner(embedder, changed))
    for t in (0.45, 0.3):
        changed = config.updated(join_floor=t)
        rows[f"join_floor={t}"] = swipe.evaluate(docs, swipe.pipeline_aligner(embedder, changed))
    changed = config.updated(join_reach=1)
    rows["join_reach=1"] = swipe.evaluate(docs, swipe.pipeline_aligner(embedder, changed))
    rows["no joined merges (join_share=1)"] = swipe.evaluate(  # only an exact match would close the whole gap
        docs, swipe.pipeline_aligner(embedder, config.updated(join_share=1.0))
    )
    return rows


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder, then rename."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    Path(tmp).chmod(0o644)  # mkstemp makes it private; results are for everyone to read
    Path(tmp).replace(path)
