"""Hostile input, measured: ``python bench/hostile_bench.py [--quick]``.

Each scenario runs ``python -m compare`` in a child process (the real command, the real
bundled model, facts on, the disk cache off) and reports its exit code, wall time and peak
memory (the child's maximum resident set size). The bar: every input finishes or is refused
with a clear message within 60 s and under 2 GB.

``--quick`` skips the slow "largest accepted" scenarios.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_A = ROOT / "fixtures" / "asharq_al_awsat.txt"
SEED_B = ROOT / "fixtures" / "jns.txt"
LIMIT_S = 60.0
LIMIT_MB = 2048.0
MAX = 149_000  # just under compare.ingest.MAX_CHARS
NAV = "<a href='/'>Home</a> "


def prose(chars: int, seed: int = 1) -> str:
    """Unique news-like sentences (seed-article words in random order), in paragraphs."""
    rng = random.Random(seed)
    words = [w.strip('.,"“”') for w in SEED_A.read_text(encoding="utf-8").split() if w.strip('.,"“”').isalpha()]
    out: list[str] = []
    size = 0
    while size < chars:
        sentence = " ".join(rng.sample(words, 16)).capitalize() + "."
        out.append(sentence + ("\n\n" if len(out) % 3 == 2 else " "))
        size += len(out[-1])
    return "".join(out)[:chars].rstrip() + "."


def html_page(body: str) -> str:
    return f"<!DOCTYPE html><html><head><title>Page</title></head><body><article>{body}</article></body></html>"


def scenarios(folder: Path, quick: bool) -> list[tuple[str, Callable[[], list[str]]]]:
    def file(name: str, data: str | bytes) -> str:
        path = folder / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        return str(path)

    para = "The council said the storm flooded three coastal towns on Monday, officials said. "
    deep = "<table><tr><td>" * 1000 + "cell" + "</td></tr></table>" * 1000
    seed = str(SEED_B)
    out: list[tuple[str, Callable[[], list[str]]]] = [
        ("20 MB of prose (.txt)", lambda: [file("big.txt", para * (20_000_000 // len(para))), seed]),
        ("20 MB, one line, no punctuation", lambda: [file("line.txt", "word " * 4_000_000), seed]),
        ("20 MB, Windows-1252", lambda: [file("cp.txt", ("café – " * 2_900_000).encode("cp1252")), seed]),
        ("20 MB web page (.html)", lambda: [file("big.html", html_page(f"<p>{para}</p>" * 230_000)), seed]),
        ("1 MB of prose (over 150,000 chars)", lambda: [file("mb.txt", prose(1_000_000)), seed]),
        ("15 MB web page, 13 M chars of text", lambda: [file("p15.html", html_page(f"<p>{para}</p>" * 170_000)), seed]),
        ("1.4 MB web page of unique prose", lambda: [file("p1.html", html_page(prose(1_400_000))), seed]),
        ("tables nested 1,000 deep + script/style", lambda: [
            file("deep.html", html_page(f"<style>p{{}}</style><script>x()</script><p>{para}</p>{deep}<p>{para}</p>")),
            seed,
        ]),
        ("navigation only", lambda: [file("nav.html", html_page("<nav>" + NAV * 300 + "</nav>")), seed]),
    ]  # fmt: skip
    if not quick:
        out += [
            ("largest accepted: 2 x 149,000 chars", lambda: [file("a.txt", prose(MAX)), file("b.txt", prose(MAX, 2))]),
            ("149,000-char line, no punctuation", lambda: [file("l.txt", "storm council towns " * 7_400), seed]),
        ]  # fmt: skip
    return out


def measure(args: list[str]) -> tuple[int, float, float, str]:
    """Exit code, seconds, peak MB and the first stderr line of ``python -m compare ARGS``."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "compare", *args, "--no-cache", "-f", "json"],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        err.seek(0)
        first = (err.read().decode("utf-8", "replace").strip().splitlines() or [""])[0]
    return os.waitstatus_to_exitcode(status), seconds, usage.ru_maxrss / 1024, first


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the slow largest-accepted scenarios")
    args = parser.parse_args(argv)
    failures = 0
    print(f"{'scenario':<42} {'exit':>4} {'seconds':>8} {'peak MB':>8}  message")
    with tempfile.TemporaryDirectory() as folder:
        for name, make in scenarios(Path(folder), args.quick):
            code, seconds, peak, first = measure(make())
            ok = seconds < LIMIT_S and peak < LIMIT_MB and "Traceback" not in first
            failures += not ok
            message = first.replace(folder + "/", "")[:90]
            print(f"{name:<42} {code:>4} {seconds:>8.1f} {peak:>8.0f}  {message}{'' if ok else '  <-- over the bar'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
