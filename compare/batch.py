"""Batches: many comparisons from one JSONL or CSV file, resumable, one bad row never fatal.

A JSONL row names two or more articles; the first is the original, each later one a rewrite
compared with it. Each article gives exactly one of ``text``, ``path`` (relative to the batch
file's folder) or ``url``, and may add ``outlet``, ``published`` and ``language``::

    {"id": "case-7", "articles": [{"text": "...", "outlet": "Daily A", "published": "2023-09-01"},
                                  {"path": "b.html"}, {"url": "https://example.org/story"}]}

A CSV file has a header with ``id``, ``original`` and ``rewrite`` (a path or a URL each), or
``original_text``/``rewrite_text`` instead, and optionally ``original_outlet``,
``original_published``, ``original_language`` and the same for ``rewrite``.

Each result is one JSON line: the document of a single comparison
(:func:`compare.render.jsondoc.to_dict`) with the row's ``id`` first, and ``pair`` (the
indices of the two articles in the row) when a row has more than two articles. A row that
fails gives one line ``{"id": ..., "error": "...", "exit_code": N}`` and a notice, and the
batch goes on.

**Resuming.** With an output file, rows whose ids are already in it are skipped, so an
interrupted batch is re-run with the same command. Each row's lines are appended and flushed
at once; a line cut short by a crash is removed before appending. ``retry_failed`` runs the
rows that failed again (their old error lines are dropped first, by an atomic rewrite).

The embedder and the facts extractor are built once, by the ``models`` function the caller
passes (:class:`ModelOptions` from the command line), and shared by every row; when every row
is already done they are not built at all.

**Corpus scale.** With ``workers`` (a local Dask cluster of that many processes) or
``scheduler`` (the address of a running Dask scheduler), rows run on Dask workers, each of
which builds the models once; the results still come back to this process, which alone writes
them, so resuming, error lines and atomic rewrites work as above (see :mod:`compare.cluster`).
Lines are then in completion order rather than file order.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from compare.config import Config
from compare.embed import BUNDLED, Embedder
from compare.errors import CompareError, InputError
from compare.facts import FactExtractor
from compare.fetch import FetchOptions
from compare.ingest import Metadata, from_text, parse_date, read_source
from compare.models import Article, Comparison

#: Report formats for the per-pair reports folder, and their file extensions.
REPORT_FORMATS = {"html": ".html", "json": ".json", "terminal": ".txt"}
_ARTICLE_KEYS = frozenset({"text", "path", "url", "outlet", "published", "language"})
_SOURCES = ("text", "path", "url")


@dataclass(frozen=True, slots=True)
class Source:
    """One article of a row: where its text comes from, and what the row says about it."""

    #: ``text``, ``path`` or ``url``.
    kind: str
    #: The text itself, the path (resolved against the batch file's folder) or the URL.
    value: str
    meta: Metadata = field(default_factory=Metadata)


@dataclass(frozen=True, slots=True)
class Row:
    """One row of a batch file."""

    id: str
    #: The original first, then the rewrites.
    articles: tuple[Source, ...] = ()
    #: Why the row cannot be run (a malformed line), or empty.
    error: str = ""


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """How to run a batch."""

    config: Config = field(default_factory=Config)
    #: The JSONL results file; ``None`` writes to ``stream`` (no resuming).
    output: Path | None = None
    #: A folder for one report per pair, or ``None``.
    reports: Path | None = None
    #: One of :data:`REPORT_FORMATS`.
    report_format: str = "html"
    fetch: FetchOptions = field(default_factory=FetchOptions)
    #: Run again the rows whose earlier result was an error.
    retry_failed: bool = False
    #: Show a progress bar (only where standard error is a terminal).
    progress: bool = False
    #: Run rows on a local Dask cluster of this many worker processes (one thread each).
    workers: int | None = None
    #: Run rows on the Dask scheduler at this address (``tcp://host:8786``) instead.
    scheduler: str | None = None

    @property
    def distributed(self) -> bool:
        """True when rows run on Dask."""
        return self.workers is not None or self.scheduler is not None


@dataclass(frozen=True, slots=True)
class ModelOptions:
    """How to build the embedder and the facts extractor: a picklable recipe, so that each
    Dask worker can build its own (once: see :mod:`compare.cluster`)."""

    model: str = BUNDLED
    #: One of :data:`compare.embed.BACKENDS`.
    backend: str = "auto"
    facts: bool = True
    #: Keep sentence vectors in the on-disk cache.
    cache: bool = True

    def __call__(self) -> tuple[Embedder, FactExtractor | None]:
        return self.build()

    def build(self, notify: Callable[[str], None] | None = None) -> tuple[Embedder, FactExtractor | None]:
        """The embedder (behind the disk cache unless ``cache`` is false) and the facts extractor."""
        # Looked up at call time (not this module's import), so that tests can swap them.
        from compare import facts as facts_stage
        from compare.embed import load_embedder

        say = notify or (lambda line: print(line, file=sys.stderr))
        embedder = load_embedder(self.model, self.backend, notify=say)
        if self.cache:
            from compare.cache import DiskCachedEmbedder

            embedder = DiskCachedEmbedder(embedder, notify=say)
        return embedder, facts_stage.FactExtractor() if self.facts else None


@dataclass(frozen=True, slots=True)
class BatchSummary:
    """What a batch run did."""

    total: int
    done: int
    skipped: int
    failed_ids: tuple[str, ...] = ()

    @property
    def failed(self) -> int:
        """Rows that failed in this run."""
        return len(self.failed_ids)


def read_rows(path: Path) -> list[Row]:
    """The rows of a ``.jsonl`` (or ``.ndjson``) or ``.csv`` batch file.

    A malformed row becomes a :class:`Row` with an ``error``, so that it is reported in turn
    and the others still run. An unreadable file is an :class:`~compare.errors.InputError`.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the batch file: {exc}") from exc
    base = path.parent
    is_csv = path.suffix.lower() == ".csv"
    if not is_csv and text.strip() and not any(_looks_like_row(line) for line in text.splitlines()):
        # Prose (an article given by mistake) would otherwise be one failed row per paragraph.
        raise InputError(f"{path}: not a batch file: no line is a JSON row (a CSV batch file must be named .csv)")
    rows = list(_csv_rows(text, base) if is_csv else _jsonl_rows(text, base))
    if not rows:
        raise InputError(f"{path}: the batch file has no rows")
    return _unique(rows)


def run_batch(
    rows: list[Row],
    models: Callable[[], tuple[Embedder, FactExtractor | None]],
    options: BatchOptions,
    *,
    stream: TextIO | None = None,
    notify: Callable[[str], None] = lambda line: print(line, file=sys.stderr),
) -> BatchSummary:
    """Compare every row not already done; write one JSON line per pair (or per failed row).

    ``models()`` builds the embedder and the facts extractor (or ``None``); it is called once,
    and only if some row is left to do. On Dask (``options.workers`` or ``options.scheduler``)
    it is called once on each worker, so it must be picklable (:class:`ModelOptions` is).
    """
    if options.output is not None:
        from compare.output import check_folder

        check_folder(options.output)  # before the models load
    done = _finished(options.output, options.retry_failed)
    todo = [row for row in rows if row.id not in done]
    if not todo:
        return BatchSummary(len(rows), 0, len(rows))
    if options.reports is not None:
        _make_folder(options.reports)
    failed: list[str] = []
    with ExitStack() as stack:
        # The models load (and a cluster starts) before the output file is opened, so a model
        # that cannot load leaves no trace in it.
        if options.distributed:
            from compare.cluster import dask_rows

            results = stack.enter_context(dask_rows(models, options))
        else:
            results = _local_rows(models, options)
        sink = stack.enter_context(_Sink(options.output, stream or sys.stdout))
        bar = stack.enter_context(_Progress(options.progress, len(todo)))
        say = bar.wrap(notify)
        for row, (lines, error) in results(todo):
            bar.describe(row.id)
            sink.write(lines)
            if error:
                failed.append(row.id)
                say(f"compare: {row.id}: error: {error}")
            bar.advance()
    return BatchSummary(len(rows), len(todo) - len(failed), len(rows) - len(todo), tuple(failed))


def _local_rows(
    models: Callable[[], tuple[Embedder, FactExtractor | None]], options: BatchOptions
) -> Callable[[list[Row]], Iterator[tuple[Row, tuple[list[str], str]]]]:
    """Build the models now; return a function that runs rows one after another in this process."""
    embedder, facts = models()

    def run(todo: list[Row]) -> Iterator[tuple[Row, tuple[list[str], str]]]:
        for row in todo:
            yield row, run_row(row, embedder, facts, options)

    return run


def run_row(row: Row, embedder: Embedder, facts: FactExtractor | None, options: BatchOptions) -> tuple[list[str], str]:
    """The row's JSON lines, and its error message (empty when it worked)."""
    from compare.pipeline import compare_articles

    if row.error:
        return [error_line(row.id, row.error, InputError.exit_code)], row.error
    try:
        articles = [_load(source, "A" if k == 0 else "B", options.fetch) for k, source in enumerate(row.articles)]
        lines = []
        for k in range(1, len(articles)):
            comparison = compare_articles([articles[0], articles[k]], embedder, options.config, facts)
            record = _record(row.id, comparison, (0, k) if len(articles) > 2 else None)
            if options.reports is not None:
                _write_report(options.reports, row.id, k if len(articles) > 2 else None, comparison, options)
            lines.append(json.dumps(record, ensure_ascii=False))
        return lines, ""
    except CompareError as exc:
        return [error_line(row.id, str(exc), exc.exit_code)], str(exc)
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as exc:  # noqa: BLE001 - a bug on one row must not lose the batch; it is recorded
        message = f"internal error: {type(exc).__name__}: {exc}"
        return [error_line(row.id, message, 70)], message


def _load(source: Source, article_id: str, fetch: FetchOptions) -> Article:
    if source.kind == "text":
        return from_text(source.value, article_id, source.meta, source=f"{article_id} (text)")
    return read_source(source.value, article_id, source.meta, fetch_options=fetch)


def _record(row_id: str, comparison: Comparison, pair: tuple[int, int] | None) -> dict[str, Any]:
    from compare.render.jsondoc import to_dict

    head: dict[str, Any] = {"id": row_id}
    if pair is not None:
        head["pair"] = list(pair)
    return head | to_dict(comparison)


def error_line(row_id: str, message: str, code: int) -> str:
    """The result line of a failed row."""
    return json.dumps({"id": row_id, "error": message, "exit_code": code}, ensure_ascii=False)


def _write_report(folder: Path, row_id: str, k: int | None, comparison: Comparison, options: BatchOptions) -> None:
    from compare.output import write_atomic

    name = re.sub(r"[^\w.-]+", "_", row_id).strip("._")[:100] or "row"
    if k is not None:
        name += f"-{k}"
    fmt = options.report_format
    if fmt == "html":
        from compare.render.html import render_html

        text = render_html(comparison)
    elif fmt == "json":
        from compare.render.jsondoc import render_json

        text = render_json(comparison)
    else:
        from compare.render.terminal import render_terminal

        text = render_terminal(comparison, width=100, color=False)
    write_atomic(folder / f"{name}{REPORT_FORMATS[fmt]}", text)


# -- reading batch files ------------------------------------------------------------------


def _jsonl_rows(text: str, base: Path) -> Iterator[Row]:
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        fallback = f"line-{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Row(fallback, error=f"line {n}: invalid JSON: {exc.msg}")
            continue
        if not isinstance(obj, dict):
            yield Row(fallback, error=f"line {n}: a row must be a JSON object")
            continue
        row_id = obj.get("id")
        row_id = str(row_id) if isinstance(row_id, str | int) and str(row_id).strip() else fallback
        articles = obj.get("articles")
        if not isinstance(articles, list) or len(articles) < 2:
            yield Row(row_id, error=f'line {n}: "articles" must be a list of at least two articles')
            continue
        try:
            yield Row(row_id, tuple(_source(a, base, f"line {n}, article {k + 1}") for k, a in enumerate(articles)))
        except InputError as exc:
            yield Row(row_id, error=str(exc))


def _looks_like_row(line: str) -> bool:
    """Whether a line is JSON, or meant to be a JSON object (a broken row is a row error)."""
    try:
        json.loads(line)
    except json.JSONDecodeError:
        return line.lstrip().startswith("{")
    return True


def _source(obj: Any, base: Path, where: str) -> Source:
    if not isinstance(obj, dict):
        raise InputError(f"{where}: an article must be a JSON object")
    unknown = sorted(set(obj) - _ARTICLE_KEYS)
    if unknown:
        raise InputError(f"{where}: unknown key {unknown[0]!r} (use text, path or url, outlet, published, language)")
    given = [k for k in _SOURCES if isinstance(obj.get(k), str) and obj[k].strip()]
    if len(given) != 1:
        raise InputError(f"{where}: give exactly one of text, path or url (got {len(given)})")
    kind = given[0]
    value = obj[kind]
    if kind == "path":
        value = str(base / value)
    return Source(kind, value, _meta(obj, where))


def _meta(obj: dict[str, Any], where: str) -> Metadata:
    def string(key: str) -> str | None:
        value = obj.get(key)
        return value.strip() if isinstance(value, str) and value.strip() else None

    published = string("published")
    return Metadata(
        outlet=string("outlet"),
        published=parse_date(published, where=f"{where}: published") if published else None,
        language=string("language"),
    )


def _csv_rows(text: str, base: Path) -> Iterator[Row]:
    reader = csv.DictReader(io.StringIO(text))
    fields = set(reader.fieldnames or ())
    for side in ("original", "rewrite"):
        if not {side, f"{side}_text"} & fields:
            raise InputError(f"the CSV header needs an {side!r} column (a path or URL) or {side}_text")
    for n, record in enumerate(reader, start=2):
        row_id = (record.get("id") or "").strip() or f"line-{n}"
        try:
            sources = tuple(_csv_source(record, side, base, f"line {n}, {side}") for side in ("original", "rewrite"))
        except InputError as exc:
            yield Row(row_id, error=str(exc))
            continue
        yield Row(row_id, sources)


def _csv_source(record: dict[str, str | None], side: str, base: Path, where: str) -> Source:
    from compare.fetch import is_url

    cell = (record.get(side) or "").strip()
    obj: dict[str, Any] = {"text": record.get(f"{side}_text") or None}
    if cell:
        obj["url" if is_url(cell) else "path"] = cell
    for key in ("outlet", "published", "language"):
        obj[key] = record.get(f"{side}_{key}")
    return _source({k: v for k, v in obj.items() if v}, base, where)


def _unique(rows: list[Row]) -> list[Row]:
    seen: set[str] = set()
    out: list[Row] = []
    for row in rows:
        if row.id in seen:
            row = Row(f"{row.id}#dup{len(out) + 1}", error=f"duplicate id {row.id!r}: ids must be unique to resume")
        seen.add(row.id)
        out.append(row)
    return out


# -- writing results ----------------------------------------------------------------------


def _finished(output: Path | None, retry_failed: bool) -> set[str]:
    """Ids already in the output file (after cutting a half-written last line)."""
    if output is None or not output.is_file():
        return set()  # nothing yet, or a device or a FIFO: nothing to resume from (and no reading it)
    try:
        data = output.read_bytes()
    except OSError as exc:
        from compare.errors import OutputError

        raise OutputError(f"{output}: cannot read the earlier results: {exc.strerror or exc}") from exc
    keep_bytes = data[: data.rfind(b"\n") + 1]  # a line without its newline was cut short
    done: set[str] = set()
    kept: list[bytes] = []
    for line in keep_bytes.splitlines(keepends=True):
        try:
            obj = json.loads(line)
        except json.JSONDecodeError:
            obj = None
        if not isinstance(obj, dict) or not isinstance(obj.get("id"), str):
            kept.append(line)  # not a result line: leave it, do not count it
            continue
        if retry_failed and "error" in obj:
            continue
        kept.append(line)
        done.add(obj["id"])
    cleaned = b"".join(kept) if retry_failed else keep_bytes
    if cleaned != data:
        from compare.output import write_atomic_bytes

        write_atomic_bytes(output, cleaned)
    return done


def _make_folder(folder: Path) -> None:
    from compare.errors import OutputError

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{folder}: cannot create the reports folder: {exc.strerror or exc}") from exc


class _Sink:
    """Appends each row's lines at once to the output file (or writes them to a stream)."""

    def __init__(self, output: Path | None, stream: TextIO) -> None:
        self.output = output
        self.stream = stream
        self._file: TextIO | None = None

    def __enter__(self) -> _Sink:
        if self.output is not None:
            from compare.errors import OutputError

            try:
                self._file = self.output.open("a", encoding="utf-8")
            except OSError as exc:
                raise OutputError(f"{self.output}: cannot write: {exc.strerror or exc}") from exc
        return self

    def write(self, lines: list[str]) -> None:
        target = self._file or self.stream
        try:
            target.write("".join(line + "\n" for line in lines))
            target.flush()
        except BrokenPipeError:
            raise  # the reader is gone (| head): the command line ends quietly
        except OSError as exc:
            from compare.errors import OutputError

            where = self.output or "standard output"
            raise OutputError(f"{where}: cannot write the results: {exc.strerror or exc}") from exc

    def __exit__(self, *exc: object) -> None:
        if self._file is not None:
            self._file.close()


class _Progress:
    """A rich progress bar on standard error, or nothing."""

    def __init__(self, enabled: bool, total: int) -> None:
        self._bar: Any = None
        self._task: Any = None
        if enabled and total:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._bar = Progress(
                TextColumn("{task.description}", markup=False),  # a row id is not rich markup
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._task = self._bar.add_task("batch", total=total)

    def __enter__(self) -> _Progress:
        if self._bar is not None:
            self._bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def wrap(self, notify: Callable[[str], None]) -> Callable[[str], None]:
        """Print notices above the bar rather than through it."""
        if self._bar is None:
            return notify
        console = self._bar.console
        return lambda line: console.print(line, markup=False, highlight=False, soft_wrap=True)

    def describe(self, row_id: str) -> None:
        if self._bar is not None:
            self._bar.update(self._task, description=row_id[:30])

    def advance(self) -> None:
        if self._bar is not None:
            self._bar.advance(self._task)
