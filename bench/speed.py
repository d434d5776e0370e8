"""``python -m bench speed``: how long ``compare`` takes, where the time goes, and how it grows.

Measured, each in its own process so that one measurement's imports and caches do not help
the next:

- **cold**: the seed pair from the command line (``compare A B``), under ``/usr/bin/time -v``
  for wall time and peak memory; three runs per backend, the median reported;
- **stages**: one process per backend times its imports, the model load and the first run
  stage by stage (clean, segment, embed, align, diff, verdict, facts, render; ``other`` is the
  pipeline's own glue), then repeats the run warm (in-process) and reports the medians;
- **embedding**: sentences per second for each backend on benchmark sentences, and the
  agreement of the ONNX backends with the torch reference (mean and minimum cosine of the
  vectors; the seed pair's alignments and verdicts);
- **scaling**: synthetic article pairs of 10 to 2,000 sentences (B paraphrases, drops, adds
  and reorders A's sentences, taken from MSRP pairs in ../shared/data; generated text when that
  is absent), one process per size, with each stage's time and the peak memory.

Writes ``bench/results/speed.md`` and ``bench/results/speed.json`` (atomically). The machine is
shared, so the load average is recorded before and after: compare runs only at similar load.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
SEED = (ROOT / "fixtures" / "asharq_al_awsat.txt", ROOT / "fixtures" / "jns.txt")
SIZES = (10, 50, 100, 250, 500, 1000, 2000)
#: Stages in report order; ``other`` is whatever the pipeline does between the named stages.
STAGES = ("clean", "segment", "embed", "align", "diff", "verdict", "parse", "facts", "render", "other")
BACKENDS = {"onnx": "onnx", "torch": "torch"}  # CLI backend names
TARGETS = {"cold_s": 1.5, "sentences_per_s": 450, "non_embed_share": 0.20, "agreement": 0.99}
Json = dict[str, Any]


# ---------------------------------------------------------------- timing stages in-process


class StageClock:
    """Exclusive time per stage: a wrapped call's time minus that of wrapped calls inside it."""

    def __init__(self) -> None:
        self.totals: defaultdict[str, float] = defaultdict(float)
        self._stack: list[float] = []

    def wrap(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            self._stack.append(0.0)
            try:
                return fn(*args, **kwargs)
            finally:
                inner = self._stack.pop()
                elapsed = time.perf_counter() - start
                self.totals[name] += elapsed - inner
                if self._stack:
                    self._stack[-1] += elapsed

        return timed


@contextmanager
def instrumented(clock: StageClock, embedder: Any, facts: Any) -> Iterator[None]:
    """Wrap the pipeline's stage functions (those that exist) and the model's embed_batch."""
    import compare.pipeline as pipeline

    names = {
        "clean": ("clean", "set_aside"),
        "segment": ("segment",),
        "align": ("align",),
        "diff": ("tokenize", "diff_tokens"),
        "verdict": ("verdict",),
        "facts": ("classify", "_with_facts"),
    }
    saved: list[tuple[Any, str, Any]] = []
    targets = [(pipeline, attr, stage) for stage, attrs in names.items() for attr in attrs]
    targets += [(embedder, "embed_batch", "embed")]
    if facts is not None:
        targets.append((facts, "extract", "facts"))
        targets.append((facts, "parse", "parse"))  # spaCy's own work, apart from the facts code
    for owner, attr, stage in targets:
        if hasattr(owner, attr):
            original = getattr(owner, attr)
            saved.append((owner, attr, original))
            setattr(owner, attr, clock.wrap(stage, original))
    try:
        yield
    finally:
        for owner, attr, original in reversed(saved):
            if owner is embedder or owner is facts:
                delattr(owner, attr)  # the instance attribute shadowed the method
            else:
                setattr(owner, attr, original)


def fact_extractor() -> Any:
    """The facts stage's extractor when this version of compare has one, else None."""
    try:
        from compare.facts import FactExtractor  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        return None
    return FactExtractor()


def run_once(articles: Sequence[Any], embedder: Any, facts: Any) -> tuple[dict[str, float], Any]:
    """One comparison and its terminal report, timed by stage."""
    from compare.pipeline import compare_articles
    from compare.render.terminal import render_terminal

    if hasattr(facts, "forget"):
        facts.forget()  # each run parses its sentences anew, as a new pair would
    clock = StageClock()
    start = time.perf_counter()
    with instrumented(clock, embedder, facts):
        args: list[Any] = [list(articles), embedder]
        comparison = compare_articles(*args, None, facts) if facts is not None else compare_articles(*args)
        clock.wrap("render", render_terminal)(comparison, width=100, color=False)
    total = time.perf_counter() - start
    stages = {s: clock.totals.get(s, 0.0) for s in STAGES if s != "other"}
    stages["other"] = max(0.0, total - sum(stages.values()))
    stages["total"] = total
    return stages, comparison


def load_backend(backend: str, precision: str = "int8") -> Any:
    if backend == "torch":
        from compare.embed import SentenceTransformerEmbedder

        return SentenceTransformerEmbedder()
    from compare.embed import OnnxEmbedder  # type: ignore[attr-defined, unused-ignore]

    return OnnxEmbedder(precision=precision, notify=lambda line: print(line, file=sys.stderr))


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ---------------------------------------------------------------- child processes


def child_stages(backend: str, repeats: int) -> Json:
    """Cold imports, model load and first run by stage; then ``repeats`` warm runs."""
    t0 = time.perf_counter()
    import numpy  # noqa: F401  # every stage needs it: counted as import

    import compare.cli
    import compare.pipeline
    import compare.render.terminal  # noqa: F401

    t1 = time.perf_counter()
    from compare import load_article

    embedder = load_backend(backend)
    t2 = time.perf_counter()
    facts = fact_extractor()
    t3 = time.perf_counter()
    articles = [load_article(path, aid) for path, aid in zip(SEED, "AB", strict=True)]
    first, _ = run_once(articles, embedder, facts)
    warm = [run_once(articles, embedder, facts)[0] for _ in range(repeats)]
    medians = {k: statistics.median(w[k] for w in warm) for k in warm[0]}
    return {
        "import": t1 - t0,
        "model_load": t2 - t1,
        "facts_load": t3 - t2 if facts is not None else None,
        "first_run": first,
        "warm": medians,
        "warm_runs": [w["total"] for w in warm],
        "peak_rss_mb": peak_rss_mb(),
    }


def child_embedding(sentences: Sequence[str], repeats: int) -> Json:
    """Throughput of each backend and the ONNX backends' agreement with torch."""
    import numpy as np

    from compare import load_article
    from compare.pipeline import compare_articles

    articles = [load_article(path, aid) for path, aid in zip(SEED, "AB", strict=True)]
    embedders = {
        "torch": load_backend("torch"),
        "onnx-int8": load_backend("onnx", "int8"),
        "onnx-fp32": load_backend("onnx", "fp32"),
    }
    out: Json = {"sentences": len(sentences), "rate": {}, "agreement": {}}
    vectors, seeds = {}, {}
    for name, embedder in embedders.items():
        embedder.embed_batch(list(sentences[:32]))  # first call: lazy allocations
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            vectors[name] = embedder.embed_batch(list(sentences))
            times.append(time.perf_counter() - start)
        out["rate"][name] = len(sentences) / statistics.median(times)
        seeds[name] = [(x.a, x.b, x.verdict, x.score) for x in compare_articles(articles, embedder).alignments]
    for name in ("onnx-int8", "onnx-fp32"):
        cosines = np.sum(vectors[name] * vectors["torch"], axis=1)
        same = [s[:3] for s in seeds[name]] == [s[:3] for s in seeds["torch"]]
        score_diff = max((abs(a[3] - b[3]) for a, b in zip(seeds[name], seeds["torch"], strict=False)), default=0.0)
        out["agreement"][name] = {
            "mean_cosine": float(cosines.mean()),
            "min_cosine": float(cosines.min()),
            "seed_alignments_and_verdicts_identical": same,
            "seed_max_score_difference": float(score_diff),
        }
    return out


def child_scale(n: int, backend: str, with_facts: bool) -> Json:
    from compare.models import Article

    text_a, text_b = synthetic_pair(n)
    articles = [Article("A", text_a, "Original"), Article("B", text_b, "Rewrite")]
    embedder = load_backend(backend)
    facts = fact_extractor() if with_facts else None
    stages, comparison = run_once(articles, embedder, facts)
    sizes = [len(r.news) for r in comparison.articles]
    return {"n": n, "news_sentences": sizes, "stages": stages, "peak_rss_mb": peak_rss_mb()}


def run_child(args: Sequence[str], timeout: float) -> Json:
    """``python -m bench.speed _child ARGS``, its last stdout line parsed as JSON."""
    command = [sys.executable, "-m", "bench.speed", "_child", *args]
    try:
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:.0f} s"}
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


# ---------------------------------------------------------------- cold runs


def cli_command() -> list[str]:
    script = Path(sys.executable).parent / "compare"
    return [str(script)] if script.exists() else [sys.executable, "-m", "compare"]


def timed_process(command: Sequence[str], env: dict[str, str] | None = None) -> Json:
    """Wall time and peak RSS of one process, from ``/usr/bin/time -v`` when it is installed."""
    start = time.perf_counter()
    if Path("/usr/bin/time").exists():
        done = subprocess.run(["/usr/bin/time", "-v", *command], capture_output=True, text=True, env=env, check=False)
        wall = parse_gnu_time(done.stderr)
        wall.setdefault("wall_s", time.perf_counter() - start)
    else:  # pragma: no cover - GNU time is part of the machine image
        done = subprocess.run(list(command), capture_output=True, text=True, env=env, check=False)
        wall = {"wall_s": time.perf_counter() - start}
    wall["ok"] = done.returncode == 0
    return wall


def parse_gnu_time(stderr: str) -> Json:
    """Wall time (s) and peak RSS (MB) from GNU time's ``-v`` report.

    >>> parse_gnu_time("Elapsed (wall clock) time (h:mm:ss or m:ss): 0:01.25\\n"
    ...                "Maximum resident set size (kbytes): 204800")
    {'wall_s': 1.25, 'peak_rss_mb': 200.0}
    """
    out: Json = {}
    if m := re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", stderr):
        seconds = 0.0
        for part in m.group(1).split(":"):
            seconds = seconds * 60 + float(part)
        out["wall_s"] = round(seconds, 3)
    if m := re.search(r"Maximum resident set size \(kbytes\): (\d+)", stderr):
        out["peak_rss_mb"] = int(m.group(1)) / 1024
    return out


def cold_runs(repeats: int, variants: dict[str, list[str]]) -> Json:
    """Each variant of the seed-pair command ``repeats`` times, interleaved; medians."""
    runs: dict[str, list[Json]] = {name: [] for name in variants}
    with tempfile.TemporaryDirectory() as cache:  # never the user's vector cache
        env = dict(os.environ, COMPARE_CACHE_DIR=cache)
        # Untimed: fills the vector cache and the OS file cache, and writes the package's
        # bytecode as any first run does (even where PYTHONDONTWRITEBYTECODE is set, as in
        # some sandboxes: without it every run compiles the package again, 0.1-0.5 s).
        first = {k: v for k, v in env.items() if k != "PYTHONDONTWRITEBYTECODE"}
        for extra in variants.values():
            subprocess.run([*cli_command(), *map(str, SEED), *extra], capture_output=True, env=first, check=False)
        for _ in range(repeats):
            for name, extra in variants.items():
                command = [*cli_command(), *map(str, SEED), "--no-color", *extra]
                runs[name].append(timed_process(command, env))
    out: Json = {}
    for name, got in runs.items():
        ok = [r for r in got if r["ok"]]
        out[name] = {
            "command": " ".join(["compare", "A", "B", *variants[name]]),
            "wall_s": [r.get("wall_s") for r in got],
            "median_wall_s": statistics.median(r["wall_s"] for r in ok) if ok else None,
            "median_peak_rss_mb": statistics.median(r.get("peak_rss_mb", 0) for r in ok) if ok else None,
            "failed": len(got) - len(ok),
        }
    return out


def cli_variants(full: bool) -> dict[str, list[str]]:
    """The default command, and the same per backend and without facts where those options exist.

    With an on-disk vector cache (``--cache``), every variant but one runs with ``--no-cache``
    so that each run embeds for real; the one shows a repeat check with the cache warm.
    """
    help_text = ""
    for extra in (["pair", "--help"], ["--help"]):  # the pair command's options, wherever they are
        done = subprocess.run([*cli_command(), *extra], capture_output=True, text=True, check=False)
        help_text += done.stdout if done.returncode == 0 else ""
    fresh = ["--no-cache"] if "--no-cache" in help_text else []
    variants: dict[str, list[str]] = {"default": fresh}
    if "--no-facts" in help_text:
        variants["no facts"] = [*fresh, "--no-facts"]
    if fresh:
        variants["default, vector cache warm"] = []
    if "--backend" in help_text and full:
        variants["torch"] = [*fresh, "--backend", "torch"]
        if "--no-facts" in help_text:
            variants["torch, no facts"] = [*fresh, "--backend", "torch", "--no-facts"]
    return variants


# ---------------------------------------------------------------- data


def msrp_pairs() -> list[tuple[str, str]] | None:
    """(sentence, paraphrase-or-near-miss) pairs from MSRP train, or None when it is absent."""
    path = Path(os.environ.get("COMPARE_BENCH_DATA", ROOT.parent / "shared" / "data"))
    path = path / "msrp-train" / "msr_paraphrase_train.txt"
    if not path.is_file():
        return None
    pairs = []
    with path.open(encoding="utf-8-sig") as handle:
        next(handle, None)
        for line in handle:
            cols = line.rstrip("\n").split("\t")
            if len(cols) == 5:
                pairs.append((cols[3].strip(), cols[4].strip()))
    return pairs or None


_WORDS = {
    "who": "officials residents troops investors analysts ministers protesters engineers".split(),
    "did": "reported confirmed denied announced questioned delayed approved rejected".split(),
    "what": "the plan the deal the strike the budget the vote the merger the report the ban".split(),
    "where": "in the capital near the border at the port in the north across the region".split(),
    "when": "on Monday on Tuesday last week this morning in March late on Friday".split(),
}


def generated_pairs(n: int, seed: int = 7) -> list[tuple[str, str]]:
    """Template sentences and reworded variants, for when MSRP is not available."""
    rng = random.Random(seed)
    pairs = []
    for k in range(n):
        who, did, what, where, when = (rng.choice(_WORDS[key]) for key in ("who", "did", "what", "where", "when"))
        count = rng.randint(2, 900)
        a = f"{count} {who} {did} {what} {where} {when}, according to statement number {k}."
        b = f"{when.capitalize()}, {count} {who} {where} {did} {what}, statement {k} said."
        pairs.append((a, b))
    return pairs


def synthetic_pair(n: int, seed: int = 1) -> tuple[str, str]:
    """An original of ``n`` sentences and a rewrite that paraphrases 70 %, keeps 10 %, drops 20 %,
    adds 10 % new sentences and swaps a fifth of its paragraphs with their neighbour."""
    pairs = msrp_pairs() or generated_pairs(max(3 * n, 100))
    rng = random.Random(seed * 100_003 + n)
    chosen = rng.sample(range(len(pairs)), min(len(pairs), n + n // 10 + 1))
    picked, extra = [pairs[i] for i in chosen[:n]], [pairs[i][1] for i in chosen[n:]]
    a = [p[0] for p in picked]
    b = []
    for first, second in picked:
        roll = rng.random()
        if roll < 0.7:
            b.append(second)
        elif roll < 0.8:
            b.append(first)
    for sentence in extra[: n // 10]:
        b.insert(rng.randrange(len(b) + 1), sentence)
    paras = [b[k : k + 3] for k in range(0, len(b), 3)]
    for k in range(0, len(paras) - 1, 5):
        paras[k], paras[k + 1] = paras[k + 1], paras[k]
    return _text(a), "\n\n".join(" ".join(p) for p in paras) + "\n"


def _text(sentences: Sequence[str]) -> str:
    return "\n\n".join(" ".join(sentences[k : k + 3]) for k in range(0, len(sentences), 3)) + "\n"


def benchmark_sentences(n: int) -> tuple[list[str], str]:
    pairs = msrp_pairs()
    if pairs is None:
        return [a for a, _ in generated_pairs(n)], "generated (MSRP not found in ../shared/data)"
    unique = list(dict.fromkeys(s for pair in pairs for s in pair))
    return random.Random(0).sample(unique, min(n, len(unique))), "MSRP train"


# ---------------------------------------------------------------- report


def machine() -> Json:
    cpu = "unknown"
    with suppress_os_error():
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    versions = {}
    for name in ("numpy", "onnxruntime", "torch", "sentence_transformers", "scipy"):
        with suppress_os_error():
            from importlib.metadata import version

            versions[name] = version(name.replace("_", "-"))
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "versions": versions,
    }


def suppress_os_error() -> suppress:
    return suppress(OSError, ValueError, ImportError)


def slope(points: Sequence[tuple[float, float]]) -> float | None:
    """The log-log slope between the two largest sizes: 1 is linear, 2 quadratic."""
    good = [(n, t) for n, t in points if t > 0]
    if len(good) < 2:
        return None
    (n1, t1), (n2, t2) = good[-2], good[-1]
    return math.log(t2 / t1) / math.log(n2 / n1)


def write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("w", dir=path.parent, suffix=".tmp", delete=False, encoding="utf-8") as f:
        f.write(text)
    Path(f.name).replace(path)


def ms(x: float | None) -> str:
    return "–" if x is None else f"{x * 1000:.0f}"


def markdown(doc: Json) -> str:
    lines = [
        "# Speed",
        "",
        f"{doc['date']} · {doc['machine']['cpu']}, {doc['machine']['cores']} cores · Python "
        f"{doc['machine']['python']} · default backend: {doc['backend']} · load average "
        f"{doc['load_before']:.2f} before, {doc['load_after']:.2f} after (the machine is shared: "
        "timings are medians and vary with load)",
        "",
    ]
    lines += _cold_section(doc) + _stage_section(doc) + _embedding_section(doc) + _scaling_section(doc)
    return "\n".join(lines) + "\n"


def _cold_section(doc: Json) -> list[str]:
    out = ["## Seed pair from the command line (cold: a new process each run)", ""]
    out += ["| command | runs (s) | median wall (s) | peak RSS (MB) |", "| --- | --- | --- | --- |"]
    for row in doc.get("cold", {}).values():
        runs = ", ".join(f"{w:.2f}" for w in row["wall_s"] if w is not None)
        med, rss = row["median_wall_s"], row["median_peak_rss_mb"]
        out.append(
            f"| `{row['command']}` | {runs} | {'–' if med is None else f'{med:.2f}'} | "
            f"{'–' if rss is None else f'{rss:.0f}'} |"
        )
    out += ["", f"Target: under {TARGETS['cold_s']} s.", ""]
    return out


def _stage_section(doc: Json) -> list[str]:
    stages = doc.get("stages", {})
    if not stages:
        return []
    names = [n for n in stages if "error" not in stages[n]]
    out = ["## Seed pair by stage (ms)", "", "| stage | " + " | ".join(f"{n} cold | {n} warm" for n in names) + " |"]
    out.append("| --- |" + " --- | --- |" * len(names))
    rows = [("import", "import"), ("model load", "model_load"), ("facts load", "facts_load")]
    for label, key in rows:
        out.append(f"| {label} | " + " | ".join(f"{ms(stages[n][key])} | " for n in names) + " |")
    for stage in [*STAGES, "total"]:
        cells = [f"{ms(stages[n]['first_run'][stage])} | {ms(stages[n]['warm'][stage])}" for n in names]
        out.append(f"| {'**total run**' if stage == 'total' else stage} | " + " | ".join(cells) + " |")
    out.append("")
    for n in names:
        warm = stages[n]["warm"]
        share = 1 - warm["embed"] / warm["total"] if warm["total"] else 0.0
        parse = warm.get("parse", 0.0)
        without = warm["total"] - warm["facts"] - parse
        share_nf = 1 - warm["embed"] / without if without else 0.0
        own = 1 - (warm["embed"] + parse) / warm["total"] if warm["total"] else 0.0
        out.append(
            f"- {n}: everything but embedding is {share:.0%} of the warm run, {share_nf:.0%} leaving the "
            f"facts stages (parse, facts) out (target < {TARGETS['non_embed_share']:.0%}); everything but the two "
            f"models (embedding and spaCy's parse) is {own:.0%}; peak RSS {stages[n]['peak_rss_mb']:.0f} MB"
        )
    out += [
        "",
        "`other` is the pipeline's glue between the named stages; `parse` is spaCy's tagger, parser and "
        "entity recogniser, `facts` the fact readers and the classification around it.",
        "",
    ]
    return out


def _embedding_section(doc: Json) -> list[str]:
    emb = doc.get("embedding", {})
    if not emb or "rate" not in emb:
        return [f"## Embedding\n\n{emb.get('error', 'not measured')}\n"] if emb else []
    out = [
        f"## Embedding ({emb['sentences']} sentences: {emb['source']})",
        "",
        "| backend | sentences/s | mean cosine with torch | min cosine | seed pair alignments and verdicts |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name, rate in emb["rate"].items():
        agree = emb["agreement"].get(name)
        if agree is None:
            out.append(f"| {name} | {rate:.0f} | (reference) | | |")
            continue
        same = "identical" if agree["seed_alignments_and_verdicts_identical"] else "**DIFFERENT**"
        out.append(
            f"| {name} | {rate:.0f} | {agree['mean_cosine']:.4f} | {agree['min_cosine']:.4f} | {same} "
            f"(scores within {agree['seed_max_score_difference']:.3f}) |"
        )
    verdict = "PASS" if doc.get("agreement_ok") else "FAIL"
    out += [
        "",
        f"Agreement check: {verdict} (needs mean cosine ≥ {TARGETS['agreement']} and identical seed "
        f"alignments/verdicts). Target throughput: ≥ {TARGETS['sentences_per_s']} sentences/s.",
        "",
    ]
    return out


def _scaling_section(doc: Json) -> list[str]:
    rows = [r for r in doc.get("scaling", []) if "stages" in r]
    if not rows:
        return []
    out = [
        f"## Scaling ({doc['scaling_source']}; backend {doc['backend']}; times in ms)",
        "",
        "| sentences (A/B news) | " + " | ".join(STAGES) + " | total | peak RSS (MB) |",
        "| --- |" + " --- |" * (len(STAGES) + 2),
    ]
    for r in rows:
        cells = " | ".join(ms(r["stages"][s]) for s in STAGES)
        a, b = r["news_sentences"]
        out.append(f"| {r['n']} ({a}/{b}) | {cells} | {ms(r['stages']['total'])} | {r['peak_rss_mb']:.0f} |")
    for r in doc.get("scaling", []):
        if "error" in r:
            out.append(f"| {r['n']} | {r['error']} |")
    growth = doc.get("growth", {})
    if growth:
        parts = ", ".join(f"{s} {g:.2f}" for s, g in growth.items() if g is not None)
        out += ["", f"Growth exponent between the two largest sizes (1 = linear, 2 = quadratic): {parts}."]
    return [*out, ""]


# ---------------------------------------------------------------- main


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench speed", description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=3, help="cold runs per command (default 3)")
    parser.add_argument("--warm", type=int, default=5, help="warm runs in-process (default 5)")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="scaling sizes, comma-separated")
    parser.add_argument("--sentences", type=int, default=1000, help="sentences for the throughput test")
    parser.add_argument("--quick", action="store_true", help="one cold run, sizes 10,100, 200 sentences")
    parser.add_argument("--no-torch", action="store_true", help="skip the torch reference (cold and stages)")
    parser.add_argument("--no-facts", action="store_true", help="leave the facts stage out of the scaling run")
    parser.add_argument("--out", type=Path, default=RESULTS, help="folder for speed.md and speed.json")
    args = parser.parse_args(argv)
    if args.quick:
        args.repeats, args.warm, args.sizes, args.sentences = 1, 2, "10,100", 200
    return args


def child_main(argv: Sequence[str]) -> int:
    kind, rest = argv[0], list(argv[1:])
    if kind == "stages":
        result = child_stages(rest[0], int(rest[1]))
    elif kind == "embedding":
        sentences, _ = benchmark_sentences(int(rest[0]))
        result = child_embedding(sentences, int(rest[1]))
    elif kind == "scale":
        result = child_scale(int(rest[0]), rest[1], rest[2] == "facts")
    else:
        raise SystemExit(f"unknown child {kind!r}")
    print(json.dumps(result))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "_child":
        return child_main(argv[1:])
    args = parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    backends = ["onnx"] if args.no_torch else ["onnx", "torch"]
    say = lambda line: print(line, file=sys.stderr, flush=True)  # noqa: E731
    doc: Json = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "load_before": os.getloadavg()[0],
        "backend": "onnx (int8)",
    }
    if msrp_pairs() is None:
        say("MSRP not found in ../shared/data: scaling and throughput use generated sentences instead")
    say("warming up (exports the ONNX model on first use)…")
    run_child(["stages", "onnx", "1"], timeout=900)
    say(f"cold runs ×{args.repeats}…")
    doc["cold"] = cold_runs(args.repeats, cli_variants(full=not args.no_torch))
    doc["stages"] = {}
    for backend in backends:
        say(f"stages ({backend})…")
        doc["stages"][backend] = run_child(["stages", backend, str(args.warm)], timeout=900)
    say("embedding throughput and agreement…")
    _, source = benchmark_sentences(args.sentences)
    doc["embedding"] = run_child(["embedding", str(args.sentences), "3"], timeout=1800) | {"source": source}
    agreement = doc["embedding"].get("agreement", {}).get("onnx-int8")
    doc["agreement_ok"] = bool(
        agreement
        and agreement["mean_cosine"] >= TARGETS["agreement"]
        and agreement["seed_alignments_and_verdicts_identical"]
    )
    doc["scaling_source"] = "MSRP sentence pairs" if msrp_pairs() else "generated sentences (MSRP absent)"
    doc["scaling"] = []
    for n in sizes:
        say(f"scaling: {n} sentences…")
        row = run_child(["scale", str(n), "onnx", "nofacts" if args.no_facts else "facts"], timeout=1200)
        doc["scaling"].append(row | {"n": n})
    good = [r for r in doc["scaling"] if "stages" in r]
    doc["growth"] = {s: slope([(r["n"], r["stages"][s]) for r in good]) for s in [*STAGES, "total"]}
    doc["load_after"] = os.getloadavg()[0]
    args.out.mkdir(parents=True, exist_ok=True)
    write_atomic(args.out / "speed.json", json.dumps(doc, indent=2) + "\n")
    report = markdown(doc)
    write_atomic(args.out / "speed.md", report)
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
