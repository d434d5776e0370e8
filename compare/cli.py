"""The command line: parse, call one library function, hand the result to one renderer.

``compare ORIGINAL REWRITE`` runs the default command, ``pair``; ``compare batch FILE`` runs
many pairs. :class:`DefaultGroup` routes any first argument that is not a command name to
``pair`` (as click-default-group does), so every older command line keeps working.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from compare.config import Config
from compare.embed import BACKENDS, BUNDLED
from compare.errors import BatchRowsFailed, CompareError, OutputError
from compare.ingest import Metadata, parse_date, read_source
from compare.models import Comparison

if TYPE_CHECKING:
    from compare.embed import Embedder
    from compare.facts import FactExtractor

F = TypeVar("F", bound=Callable[..., Any])

FORMATS = ("terminal", "json", "html", "csv", "parquet", "jsonl")
#: The formats of ``compare many``.
MANY_FORMATS = ("terminal", "json", "html")
#: Formats that write two tables beside ``-o NAME.EXT``: NAME.claims.EXT and NAME.findings.EXT.
TABLE_FORMATS = ("csv", "parquet")
#: The format ``-o FILE`` implies by its extension when ``-f`` is not given (else terminal).
FORMAT_OF_SUFFIX = {
    ".json": "json",
    ".html": "html",
    ".htm": "html",
    ".csv": "csv",
    ".parquet": "parquet",
    ".jsonl": "jsonl",
}
_SCHEDULER = re.compile(r"(?:[A-Za-z][\w+.-]*://)?(?:\[[0-9A-Fa-f:.]+\]|[^\s/:\[\]]+):(\d{1,5})")


class OutputPath(click.Path):
    """``-o FILE``: a file path, never empty (``Path("")`` would be the current folder)."""

    def __init__(self) -> None:
        super().__init__(path_type=Path, dir_okay=False)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if value == "":
            self.fail("the output path is empty", param, ctx)
        return super().convert(value, param, ctx)


def _format(fmt: str | None, output: Path | None, formats: Sequence[str]) -> str:
    """``-f`` when given, else the one ``-o``'s extension names, else terminal; an extension
    naming a format this command does not write (``compare many -o x.csv``) is a usage error."""
    if fmt is not None:
        return fmt
    implied = FORMAT_OF_SUFFIX.get(output.suffix.lower(), "terminal") if output is not None else "terminal"
    if implied not in formats:
        raise click.UsageError(f"-o {output}: this command writes no {implied}; give -f {'|'.join(formats)}")
    return implied


def _scheduler(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A Dask scheduler address, [PROTOCOL://]HOST:PORT, checked before any work."""
    match = _SCHEDULER.fullmatch(value) if value is not None else None
    if value is not None and not (match and 0 < int(match.group(1)) < 65536):
        raise click.BadParameter(f"{value!r} is not [PROTOCOL://]HOST:PORT, e.g. tcp://10.0.0.5:8786")
    return value


def _per_article(values: Sequence[str], n: int, option: str) -> list[str | None]:
    if len(values) > n:
        raise click.UsageError(f"{option} was given {len(values)} times for {n} articles")
    return [*values, *([None] * (n - len(values)))]


_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")


def _languages(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> tuple[str, ...]:
    """``--language`` values, each a language code: "en", "ar", "pt-BR"."""
    for value in values:
        if not _LANGUAGE.fullmatch(value):
            raise click.BadParameter(f"{value!r} is not a language code (en, ar, pt-BR, ...)")
    return values


def _dates(values: Sequence[str], n: int) -> list[date | None]:
    try:
        return [parse_date(v, where="--published") if v else None for v in _per_article(values, n, "--published")]
    except CompareError as exc:  # a bad option value is a usage error (exit 2), not unreadable input
        raise click.BadParameter(str(exc).removeprefix("--published: "), param_hint="--published") from exc


CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _model_options(command: F) -> F:
    """--model, --backend, --config, --facts and --cache: how a comparison is computed."""
    options = [
        click.option(
            "--model",
            default=None,
            metavar="NAME_OR_PATH",
            help=f"A sentence-transformers model directory or cached name (default: {BUNDLED}, shipped offline).",
        ),
        click.option(
            "--backend",
            type=click.Choice(BACKENDS),
            default="auto",
            show_default=True,
            help="Embedding backend: onnx (onnxruntime, fast start) or torch (sentence-transformers, the "
            "reference); auto is onnx for the bundled model.",
        ),
        click.option(
            "--config",
            "config_path",
            type=click.Path(path_type=Path, dir_okay=False),
            help="A TOML file of thresholds (see compare/config.py for the keys).",
        ),
        click.option(
            "--facts/--no-facts",
            default=True,
            show_default=True,
            help="Extract facts (names, numbers, dates, quotes, sources) and report what changed in them.",
        ),
        click.option(
            "--cache/--no-cache",
            default=True,
            show_default=True,
            help="Keep sentence vectors in an on-disk cache ($COMPARE_CACHE_DIR, else the user cache folder), "
            "so re-checking an article costs no re-embedding.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _fetch_options(command: F) -> F:
    """--archive and --timeout: how URLs are fetched."""
    command = click.option(
        "--timeout",
        type=click.FloatRange(0.1, 600),
        default=20.0,
        show_default=True,
        metavar="SECONDS",
        help="For a URL: the longest wait to connect, or between two pieces of the page.",
    )(command)
    return click.option(
        "--archive",
        type=click.Path(path_type=Path, file_okay=False),
        metavar="DIR",
        help="Keep each fetched web page in DIR (NAME.html beside a NAME.json record), to reproduce the check.",
    )(command)


def _terminal_options(command: F) -> F:
    """--width and --color: how the terminal report looks."""
    command = click.option(
        "--color/--no-color",
        default=None,
        help="Colour the terminal report (default: only on a terminal, and never with NO_COLOR set).",
    )(command)
    return click.option(
        "--width",
        type=click.IntRange(60, 400),
        default=None,
        help="Terminal report width in columns (default: the terminal's, 100 when piped).",
    )(command)


@click.command("pair", context_settings=CONTEXT)
@click.argument("original")
@click.argument("rewrite")
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
    "--language",
    multiple=True,
    metavar="CODE",
    callback=_languages,
    help="Language code (en, ar, ...), once per article (default: the page's, when a web page says).",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="Report format (default: the one -o FILE's extension names, else terminal): html is one "
    "self-contained page; csv and parquet write two tables (NAME.claims.EXT, NAME.findings.EXT) beside "
    "-o NAME.EXT; jsonl is both tables, one row a line.",
)
@click.option(
    "-o",
    "--output",
    type=OutputPath(),
    help="Write the report to this file (atomically) instead of standard output.",
)
@_model_options
@_fetch_options
@_terminal_options
@click.version_option(package_name="compare", prog_name="compare")
def pair(
    original: str,
    rewrite: str,
    outlet: tuple[str, ...],
    published: tuple[str, ...],
    url: tuple[str, ...],
    language: tuple[str, ...],
    fmt: str | None,
    output: Path | None,
    model: str | None,
    config_path: Path | None,
    width: int | None,
    color: bool | None,
    facts: bool,
    backend: str,
    cache: bool,
    archive: Path | None,
    timeout: float,
) -> None:
    """Compare REWRITE with ORIGINAL: which claims were carried over, reworded, changed,
    dropped or added, with word-level diffs.

    ORIGINAL and REWRITE are text, JSON or HTML files (a saved web page: the article and its
    outlet, date and URL are extracted), or http(s) URLs to fetch.

    \b
    Example:
      compare original.txt rewrite.txt --outlet 'Daily A' --outlet 'Daily B' --published 2023-09-01
      compare https://example.org/story saved-rewrite.html --archive pages/
    """
    _exit_on_errors(
        lambda: _run(
            original,
            rewrite,
            outlet,
            published,
            url,
            _format(fmt, output, FORMATS),
            output,
            model,
            config_path,
            width,
            color,
            facts,
            backend,
            language=language,
            cache=cache,
            archive=archive,
            timeout=timeout,
        )
    )


def _exit_on_errors(run: Callable[[], None]) -> None:
    """Run a command; a CompareError becomes one line on stderr and its exit code, never a traceback."""
    try:
        run()
    except CompareError as exc:
        click.echo(f"compare: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except click.ClickException:
        raise  # click prints usage errors itself, with exit code 2
    except BrokenPipeError:
        raise  # the reader of standard output is gone (| head): click ends quietly, with exit code 1
    except KeyboardInterrupt:
        click.echo("compare: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:
        if os.environ.get("COMPARE_DEBUG"):
            raise
        click.echo(f"compare: internal error: {type(exc).__name__}: {exc} (set COMPARE_DEBUG=1 for details)", err=True)
        sys.exit(70)


def _run(
    original: str,
    rewrite: str,
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
    backend: str = "auto",
    *,
    language: Sequence[str] = (),
    cache: bool = True,
    archive: Path | None = None,
    timeout: float = 20.0,
) -> None:
    from compare.fetch import FetchOptions
    from compare.output import check_folder, write_atomic
    from compare.pipeline import compare_articles

    if fmt in TABLE_FORMATS and output is None:
        raise click.UsageError(f"--format {fmt} writes two tables: give -o NAME.{fmt}")
    if output is not None:
        check_folder(output)  # before the models load and the articles are read
    sources = [original, rewrite]
    config = Config.from_toml(config_path) if config_path else Config()
    metas = zip(
        _per_article(outlet, 2, "--outlet"),
        _dates(published, 2),
        _per_article(url, 2, "--url"),
        _per_article(language, 2, "--language"),
        strict=True,
    )
    fetching = FetchOptions(timeout=timeout, archive=archive)
    articles = [
        read_source(source, article_id, Metadata(*meta), fetch_options=fetching)
        for source, article_id, meta in zip(sources, "AB", metas, strict=True)
    ]
    embedder, extractor = _models(model or config.model, backend, facts, cache)
    comparison = compare_articles(articles, embedder, config, extractor)
    for warning in comparison.warnings:
        click.echo(f"compare: warning: {warning}", err=True)
    if fmt in TABLE_FORMATS and output is not None:
        from compare.render.tabular import write_tables

        write_tables(comparison, fmt, output)
        return
    text = _render(comparison, fmt, output, width, color)
    if output:
        write_atomic(output, text)
    else:
        _echo_report(text)


def _echo_report(text: str) -> None:
    """The report on standard output; a full disk there is exit 7, as for ``-o``."""
    try:
        click.echo(text, nl=False)
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputError(f"standard output: cannot write the report: {exc.strerror or exc}") from exc


def _models(model: str, backend: str, facts: bool, cache: bool) -> tuple[Embedder, FactExtractor | None]:
    """The embedder (behind the disk cache unless --no-cache) and the facts extractor, built once."""
    from compare.batch import ModelOptions

    return ModelOptions(model, backend, facts, cache).build(notify=lambda line: click.echo(line, err=True))


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

    use_color, width = _terminal(output, width, color)
    return render_terminal(comparison, width=width, color=use_color)


def _terminal(output: Path | None, width: int | None, color: bool | None) -> tuple[bool, int]:
    """Colour and width for a terminal report: a terminal's own, else plain text 100 wide."""
    tty = output is None and sys.stdout.isatty()
    use_color = (tty and not os.environ.get("NO_COLOR")) if color is None else color
    if width is None:
        width = shutil.get_terminal_size().columns if tty else 100
    return use_color, width


class DefaultGroup(click.Group):
    """A group that runs its default command when the first argument names no command.

    ``compare a.txt b.txt`` is ``compare pair a.txt b.txt``; ``compare batch pairs.jsonl`` runs
    ``batch``. (A file literally named ``batch`` is reached as ``./batch``.) Its help is the
    default command's, followed by the list of commands.
    """

    def __init__(self, *args: Any, default: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.default = default

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in (*ctx.help_option_names, "--version"):
            args = [self.default, *args]
        return super().parse_args(ctx, args)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        default = self.commands[self.default]
        sub = click.Context(default, info_name=ctx.info_name, parent=ctx.parent)
        default.format_usage(sub, formatter)
        for name in sorted(set(self.commands) - {self.default}):
            pieces = self.commands[name].collect_usage_pieces(ctx)
            formatter.write_usage(f"{ctx.command_path} {name}", " ".join(pieces), prefix="   or: ")
        default.format_help_text(sub, formatter)
        default.format_options(sub, formatter)
        self.format_commands(ctx, formatter)
        with formatter.section("More"):
            formatter.write_text(f"'{ctx.command_path} COMMAND --help' shows a command's own options.")


@click.group(cls=DefaultGroup, default="pair", context_settings=CONTEXT)
@click.version_option(package_name="compare", prog_name="compare")
def main() -> None:
    """Compare news articles: what changed when one outlet rewrote another's story."""


main.add_command(pair)


@main.command("many", context_settings=CONTEXT)
@click.argument("articles", nargs=-1, required=True, metavar="ARTICLE ARTICLE...")
@click.option("--outlet", multiple=True, metavar="NAME", help="Outlet name, once per article in order.")
@click.option(
    "--published",
    multiple=True,
    metavar="DATE",
    help="Publication date, once per article in order; the earlier of two dated articles is the source.",
)
@click.option("--url", multiple=True, metavar="URL", help="Where the article was published, once per article.")
@click.option("--language", multiple=True, metavar="CODE", callback=_languages, help="Language code, once per article.")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(MANY_FORMATS),
    default=None,
    help="Report format: the terminal report, the compare-provenance/1 JSON document, or a self-contained HTML page "
    "(default: the one -o FILE's extension names, else terminal).",
)
@click.option(
    "-o",
    "--output",
    type=OutputPath(),
    help="Write the report to this file (atomically) instead of standard output.",
)
@click.option(
    "--json",
    "json_path",
    type=OutputPath(),
    metavar="FILE",
    help="Also write the JSON document to FILE (atomically), beside the terminal report.",
)
@_model_options
@_fetch_options
@_terminal_options
def many(
    articles: tuple[str, ...],
    outlet: tuple[str, ...],
    published: tuple[str, ...],
    url: tuple[str, ...],
    language: tuple[str, ...],
    fmt: str | None,
    output: Path | None,
    json_path: Path | None,
    model: str | None,
    backend: str,
    config_path: Path | None,
    facts: bool,
    cache: bool,
    archive: Path | None,
    timeout: float,
    width: int | None,
    color: bool | None,
) -> None:
    """Many versions of one story: who copied from whom.

    Compares every pair of ARTICLEs (files or URLs, as for a pair), then says, for each
    article, which earlier ones it most likely took its sentences from, and where each of its
    sentences first appeared. The earlier of two dated articles is the source; a pair published
    the same day, or without a date, is ordered by textual evidence and marked uncertain (?).

    \b
    Example:
      compare many wire.txt daily.html weekly.txt --published 2024-05-01 \\
          --published 2024-05-02 --published 2024-05-03 --json provenance.json
    """

    def run() -> None:
        from compare.fetch import FetchOptions
        from compare.output import check_folder, write_atomic
        from compare.provenance import article_ids, trace

        if len(articles) < 2:
            raise click.UsageError(f"compare many needs at least two articles, got {len(articles)}")
        for path in (output, json_path):
            if path is not None:
                check_folder(path)
        n = len(articles)
        config = Config.from_toml(config_path) if config_path else Config()
        metas = zip(
            _per_article(outlet, n, "--outlet"),
            _dates(published, n),
            _per_article(url, n, "--url"),
            _per_article(language, n, "--language"),
            strict=True,
        )
        fetching = FetchOptions(timeout=timeout, archive=archive)
        loaded = [
            read_source(source, article_id, Metadata(*meta), fetch_options=fetching)
            for source, article_id, meta in zip(articles, article_ids(n), metas, strict=True)
        ]
        embedder, extractor = _models(model or config.model, backend, facts, cache)
        provenance = trace(loaded, embedder, config, extractor)
        for warning in provenance.warnings:
            click.echo(f"compare: warning: {warning}", err=True)
        from compare.render.provenance import render_json

        if json_path is not None:
            write_atomic(json_path, render_json(provenance))
        form = _format(fmt, output, MANY_FORMATS)
        if form == "json":
            text = render_json(provenance)
        elif form == "html":
            from compare.render.provenance_html import render_provenance_html

            text = render_provenance_html(provenance)
        else:
            from compare.render.provenance_terminal import render_provenance

            use_color, cols = _terminal(output, width, color)
            text = render_provenance(provenance, width=cols, color=use_color)
        if output:
            write_atomic(output, text)
        else:
            _echo_report(text)

    _exit_on_errors(run)


@main.command("batch", context_settings=CONTEXT)
@click.argument("pairs_file", metavar="PAIRS_FILE", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "-o",
    "--output",
    type=OutputPath(),
    help="Append one JSON line per pair to this file, and resume from it: rows already there are skipped "
    "(default: standard output).",
)
@click.option(
    "--reports",
    type=click.Path(path_type=Path, file_okay=False),
    metavar="DIR",
    help="Also write one report per pair into DIR, named after the row id.",
)
@click.option("--report-format", type=click.Choice(["html", "json", "terminal"]), default="html", show_default=True)
@click.option("--retry-failed", is_flag=True, help="Run again the rows whose line in -o FILE is an error.")
@click.option("--progress/--no-progress", default=None, help="Progress bar on standard error (default: on a terminal).")
@click.option(
    "--workers",
    type=click.IntRange(1, 256),
    default=None,
    metavar="N",
    help="Run rows on a local Dask cluster of N worker processes (one thread each; each loads the models "
    "once). Results still go to one output file, in completion order.",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS",
    callback=_scheduler,
    help="Run rows on a running Dask scheduler (tcp://host:8786); its workers need compare installed and "
    "the same files.",
)
@_model_options
@_fetch_options
def batch(
    pairs_file: Path,
    output: Path | None,
    reports: Path | None,
    report_format: str,
    retry_failed: bool,
    progress: bool | None,
    workers: int | None,
    scheduler: str | None,
    model: str | None,
    backend: str,
    config_path: Path | None,
    facts: bool,
    cache: bool,
    archive: Path | None,
    timeout: float,
) -> None:
    """Compare every pair listed in PAIRS_FILE (JSONL or CSV): one JSON line per pair.

    \b
    A JSONL row: {"id": "case-7", "articles": [{"text": "..."}, {"path": "b.html"},
                  {"url": "https://..."}]} (the first article is the original;
    outlet, published and language may be given per article). A CSV file has
    the columns id, original, rewrite (paths or URLs), original_outlet, ...
    A failed row is reported and recorded, and the batch goes on (exit code 11
    at the end); run the same command again to resume.

    \b
    Corpus scale, on Dask:
      compare batch corpus.jsonl -o results.jsonl --workers 8
      compare batch corpus.jsonl -o results.jsonl --scheduler tcp://10.0.0.5:8786
    """

    def run() -> None:
        from compare.batch import BatchOptions, ModelOptions, read_rows, run_batch
        from compare.fetch import FetchOptions

        if workers is not None and scheduler is not None:
            raise click.UsageError("give --workers (a local cluster) or --scheduler (an existing one), not both")
        rows = read_rows(pairs_file)
        config = Config.from_toml(config_path) if config_path else Config()
        options = BatchOptions(
            config=config,
            output=output,
            reports=reports,
            report_format=report_format,
            fetch=FetchOptions(timeout=timeout, archive=archive),
            retry_failed=retry_failed,
            progress=sys.stderr.isatty() if progress is None else progress,
            workers=workers,
            scheduler=scheduler,
        )
        summary = run_batch(
            rows,
            ModelOptions(model or config.model, backend, facts, cache),
            options,
            notify=lambda line: click.echo(line, err=True),
        )
        if summary.skipped:
            click.echo(f"compare: {summary.skipped} rows already done in {output}, skipped", err=True)
        if summary.failed:
            raise BatchRowsFailed(
                f"{summary.failed} of {summary.total} rows failed (each has an error line in the output)"
            )

    _exit_on_errors(run)
