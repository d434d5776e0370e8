"""``python -m bench quality|speed [options]``: run one benchmark suite."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence

USAGE = "usage: python -m bench {quality,speed} [options]  (python -m bench SUITE --help for options)"


def _suite(name: str) -> Callable[[Sequence[str]], int | None]:
    # Imported lazily: each suite pulls in its own heavy dependencies (torch, the data sets).
    if name == "quality":
        from bench.quality import main as quality

        return quality
    if name == "speed":
        from bench.speed import main as speed  # type: ignore[import-not-found, unused-ignore]

        return speed  # type: ignore[no-any-return, unused-ignore]
    raise KeyError(name)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help"}:
        print(USAGE)
        return 0 if args else 2
    try:
        suite = _suite(args[0])
    except KeyError:
        print(f"unknown suite {args[0]!r}\n{USAGE}", file=sys.stderr)
        return 2
    return suite(args[1:]) or 0


if __name__ == "__main__":
    sys.exit(main())
