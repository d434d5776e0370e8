"""Batches on Dask: rows run on worker processes, results come back to one writer.

``compare batch --workers N`` starts a :class:`distributed.LocalCluster` of N worker processes
with one thread each: a row is seconds of single-threaded Python and NumPy (spaCy, the
aligner, difflib), so processes, not threads, are what scale, and one thread per worker keeps
the models free of concurrent calls. ``--scheduler ADDRESS`` connects to a running Dask
scheduler instead; its workers need ``compare`` installed and must see the same files as the
client (the rows' paths, the reports folder, the vector cache's folder if it is to be shared).

**Models once per worker.** The embedder and the facts extractor are built from a picklable
recipe (:class:`compare.batch.ModelOptions`, or any picklable callable) by a
:class:`~distributed.diagnostics.plugin.WorkerPlugin` registered under a name derived from
that recipe, and kept for every row the worker runs. They are built on every worker as soon as
the batch starts (by a task pinned to each worker, so in the thread that will run its rows),
so a model that cannot load fails the batch at once, with its own message and exit code,
before any row is written; a worker that joins later builds them on its first row.

**One writer.** Only the client writes: it gathers finished rows with
:func:`distributed.as_completed` and hands each row's lines to the batch's sink, which appends
and flushes them at once, as in a sequential run. Lines come in completion order, not file
order; resuming goes by row id, so order does not matter. At most :data:`IN_FLIGHT_PER_WORKER`
rows per worker are submitted at a time, so a corpus of a million rows never sits in the
scheduler's memory at once. A row whose worker dies (killed, out of memory) becomes an error
line like any failed row, and the batch goes on.

``distributed`` is imported only here, and this module only when one of those options is
given, so ``compare A B`` never pays for it.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, cast

from distributed import Client, LocalCluster, as_completed, get_worker
from distributed.diagnostics.plugin import WorkerPlugin

from compare.errors import CompareError

if TYPE_CHECKING:
    from compare.batch import BatchOptions, Row
    from compare.embed import Embedder
    from compare.facts import FactExtractor

    Models = Callable[[], tuple[Embedder, FactExtractor | None]]
    RowResult = tuple[list[str], str]

#: Rows submitted ahead per worker: enough to keep each busy, few enough to stream a big corpus.
IN_FLIGHT_PER_WORKER = 4


class ModelsPlugin(WorkerPlugin):
    """Builds the models once on each worker thread and hands them to every row it runs.

    Per thread, not per process: the vector cache's SQLite connection may only be used by the
    thread that opened it, and a worker started with several threads must not share one model
    between concurrent rows. With one thread per worker (``--workers``), that is once a worker.
    """

    def __init__(self, models: Models) -> None:
        self.models = models
        self._local: threading.local | None = None

    def setup(self, worker: Any) -> None:
        self._local = threading.local()

    def get(self) -> tuple[Embedder, FactExtractor | None]:
        """This thread's models, built on first use."""
        if self._local is None:
            self._local = threading.local()
        built: tuple[Embedder, FactExtractor | None] | None = getattr(self._local, "models", None)
        if built is None:
            built = self.models()
            self._local.models = built
        return built


def plugin_name(models: object) -> str:
    """A plugin name per model recipe: equal recipes share one set of models on a worker."""
    from dask.base import tokenize

    return f"compare-models-{tokenize(models)}"


@contextmanager
def dask_rows(
    models: Models, options: BatchOptions
) -> Iterator[Callable[[list[Row]], Iterator[tuple[Row, RowResult]]]]:
    """Start (or connect to) a cluster and load the models; yield a function that runs rows on it."""
    cluster, client = _connect(options)
    try:
        name = plugin_name(models)
        client.register_plugin(ModelsPlugin(models), name=name)
        workers = list(client.scheduler_info(n_workers=-1)["workers"])
        if not workers:
            raise CompareError(f"the Dask scheduler at {options.scheduler} has no workers")
        # Every worker loads its models now, in the thread that runs its rows (a task pinned
        # to it, not client.run, which runs elsewhere); a model that cannot load raises here.
        client.gather(  # type: ignore[no-untyped-call]
            [client.submit(_load_models, name, workers=[w], allow_other_workers=False, pure=False) for w in workers]
        )
        yield lambda todo: _run(client, todo, options, name, IN_FLIGHT_PER_WORKER * len(workers))
    finally:
        client.close()  # type: ignore[no-untyped-call]
        if cluster is not None:
            cluster.close()  # type: ignore[no-untyped-call]


def _connect(options: BatchOptions) -> tuple[LocalCluster | None, Client]:
    if options.scheduler:
        try:
            return None, Client(options.scheduler, timeout="10s")  # type: ignore[no-untyped-call]
        except (OSError, TimeoutError) as exc:
            raise CompareError(f"cannot connect to the Dask scheduler at {options.scheduler}: {exc}") from exc
    with _sigint_ignored():
        cluster = LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=options.workers or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
    return cluster, Client(cluster)  # type: ignore[no-untyped-call]


@contextmanager
def _sigint_ignored() -> Iterator[None]:
    """SIGINT ignored while the worker processes start: they inherit that (Python keeps an
    ignored SIGINT at start-up), so Ctrl-C at the terminal reaches only this process, which
    closes the cluster; each worker no longer prints a KeyboardInterrupt traceback of its own.
    (Off the main thread, where handlers cannot be set, nothing changes.)"""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _run(
    client: Client, todo: list[Row], options: BatchOptions, name: str, window: int
) -> Iterator[tuple[Row, RowResult]]:
    """Each row's result as it finishes, with at most ``window`` rows submitted ahead."""
    from compare.batch import error_line

    pending = iter(todo)
    rows: dict[Any, Row] = {}

    def submit() -> Any:
        row = next(pending, None)
        if row is None:
            return None
        future = client.submit(_row_task, row, options, name, pure=False)
        rows[future] = row
        return future

    started = [f for f in (submit() for _ in range(window)) if f is not None]
    running = as_completed(started)  # type: ignore[no-untyped-call]
    for future in running:
        row = rows.pop(future)
        try:
            result: RowResult = future.result()
        except Exception as exc:  # noqa: BLE001 - a lost worker costs one row, recorded as failed
            message = f"internal error: {type(exc).__name__}: {exc}"
            result = ([error_line(row.id, message, 70)], message)
        future.release()
        following = submit()
        if following is not None:
            running.add(following)  # type: ignore[no-untyped-call]
        yield row, result


def _plugin(name: str, worker: Any = None) -> ModelsPlugin:
    return cast(ModelsPlugin, (worker or get_worker()).plugins[name])


def _load_models(name: str) -> None:
    _plugin(name).get()


def _row_task(row: Row, options: BatchOptions, name: str) -> RowResult:
    """Runs on a worker: one row with the worker's models."""
    from compare.batch import run_row

    embedder, facts = _plugin(name).get()
    return run_row(row, embedder, facts, options)
