"""The command line: parse, call one library function, hand the result to one renderer."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import click

from compare.config import Config
from compare.embed import BUNDLED
from compare.errors import CompareError
from compare.ingest import Metadata, parse_date, read_article
from compare.models import Comparison

FORMATS = ("terminal", "json", "html", "csv", "parquet", "jsonl")
#: Formats that write two tables beside ``-o NAME.EXT``: NAME.claims.EXT and NAME.findings.EXT.
TABLE_FORMATS = ("csv", "parquet")


def _per_article(values: Sequence[str], n: int, option: str) -> list[str | None]:
    if len(values) > n:
        raise click.UsageError(f"{option} was given {len(values)} times for {n} articles")
    return [*values, *([None] * (n - len(values)))]


def _dates(values: Sequence[str], n: int) -> list[date | None]:
    return [parse_date(v, where="--published") if v else None for v in _per_article(values, n, "--published")]


@click.command(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.argument("original", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("rewrite", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--outlet",
    multiple=True,
    metavar="NAME",
    help="Outlet name, once per article in order (default: front matter, else the file name).",
)
@click.option(
    "--published",
    multiple=True,
    metavar="DATE",
    help="Publication date, once per article in order: 2023-09-01, 'Aug. 31, 2023', ...",
)
@click.option("--url", multiple=True, metavar="URL", help="Where the article was published, once per article.")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="terminal",
    show_default=True,
    help="Report format: html is one self-contained page; csv and parquet write two tables "
    "(NAME.claims.EXT, NAME.findings.EXT) beside -o NAME.EXT; jsonl is both tables, one row a line.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the report to this file (atomically) instead of standard output.",
)
@click.option(
    "--model",
    default=None,
    metavar="NAME_OR_PATH",
    help=f"A sentence-transformers model directory or cached name (default: {BUNDLED}, shipped offline).",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="A TOML file of thresholds (see compare/config.py for the keys).",
)
@click.option(
    "--facts/--no-facts",
    default=True,
    show_default=True,
    help="Extract facts (names, numbers, dates, quotes, sources) and report what changed in them.",
)
@click.option(
    "--width",
    type=click.IntRange(60, 400),
    default=None,
    help="Terminal report width in columns (default: the terminal's, 100 when piped).",
)
@click.option(
    "--color/--no-color",
    default=None,
    help="Colour the terminal report (default: only on a terminal, and never with NO_COLOR set).",
)
@click.version_option(package_name="compare", prog_name="compare")
def main(
    original: Path,
    rewrite: Path,
    outlet: tuple[str, ...],
    published: tuple[str, ...],
    url: tuple[str, ...],
    fmt: str,
    output: Path | None,
    model: str | None,
    config_path: Path | None,
    width: int | None,
    color: bool | None,
    facts: bool,
) -> None:
    """Compare REWRITE with ORIGINAL: which claims were carried over, reworded, changed,
    dropped or added, with word-level diffs.

    \b
    Example:
      compare original.txt rewrite.txt --outlet 'Daily A' --outlet 'Daily B' --published 2023-09-01
    """
    try:
        _run(original, rewrite, outlet, published, url, fmt, output, model, config_path, width, color, facts)
    except CompareError as exc:
        click.echo(f"compare: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except click.ClickException:
        raise  # click prints usage errors itself, with exit code 2
    except KeyboardInterrupt:
        click.echo("compare: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:
        if os.environ.get("COMPARE_DEBUG"):
            raise
        click.echo(f"compare: internal error: {type(exc).__name__}: {exc} (set COMPARE_DEBUG=1 for details)", err=True)
        sys.exit(70)


def _run(
    original: Path,
    rewrite: Path,
    outlet: Sequence[str],
    published: Sequence[str],
    url: Sequence[str],
    fmt: str,
    output: Path | None,
    model: str | None,
    config_path: Path | None,
    width: int | None,
    color: bool | None,
    facts: bool = True,
) -> None:
    from compare.embed import SentenceTransformerEmbedder
    from compare.facts import FactExtractor
    from compare.output import write_atomic
    from compare.pipeline import compare_articles

    if fmt in TABLE_FORMATS and output is None:
        raise click.UsageError(f"--format {fmt} writes two tables: give -o NAME.{fmt}")
    paths = [original, rewrite]
    config = Config.from_toml(config_path) if config_path else Config()
    metas = zip(_per_article(outlet, 2, "--outlet"), _dates(published, 2), _per_article(url, 2, "--url"), strict=True)
    articles = [
        read_article(path, article_id, Metadata(o, p, u))
        for path, article_id, (o, p, u) in zip(paths, "AB", metas, strict=True)
    ]
    embedder = SentenceTransformerEmbedder(model or config.model)
    comparison = compare_articles(articles, embedder, config, FactExtractor() if facts else None)
    if fmt in TABLE_FORMATS and output is not None:
        from compare.render.tabular import write_tables

        write_tables(comparison, fmt, output)
        return
    text = _render(comparison, fmt, output, width, color)
    if output:
        write_atomic(output, text)
    else:
        click.echo(text, nl=False)


def _render(comparison: Comparison, fmt: str, output: Path | None, width: int | None, color: bool | None) -> str:
    if fmt == "json":
        from compare.render.jsondoc import render_json

        return render_json(comparison)
    if fmt == "html":
        from compare.render.html import render_html

        return render_html(comparison)
    if fmt == "jsonl":
        from compare.render.tabular import render_jsonl

        return render_jsonl(comparison)
    from compare.render.terminal import render_terminal

    tty = output is None and sys.stdout.isatty()
    use_color = (tty and not os.environ.get("NO_COLOR")) if color is None else color
    if width is None:
        width = shutil.get_terminal_size().columns if tty else 100
    return render_terminal(comparison, width=width, color=use_color)
