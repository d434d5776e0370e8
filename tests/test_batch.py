from __future__ import annotations

import io
import json
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from compare.batch import BatchOptions, BatchSummary, read_rows, run_batch
from compare.errors import InputError, OutputError
from compare.fetch import FetchOptions
from compare.render.jsondoc import to_dict
from tests.conftest import TEST_FIXTURES, FakeEmbedder
from tests.http_server import serve

ORIGINAL = (TEST_FIXTURES / "original.txt").read_text(encoding="utf-8")


def write_jsonl(path: Path, rows: list[object]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def results(path: Path) -> list[dict]:  # type: ignore[type-arg]
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def rows_file(tmp_path: Path) -> Path:
    (tmp_path / "b.txt").write_text((TEST_FIXTURES / "rewrite.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b.html").write_bytes((TEST_FIXTURES / "rewrite.html").read_bytes())
    return write_jsonl(
        tmp_path / "pairs.jsonl",
        [
            {"id": "case-1", "articles": [{"text": ORIGINAL, "outlet": "Herald", "published": "Aug. 31, 2023"},
                                          {"path": "b.txt", "outlet": "Wire"}]},
            {"id": "case-2", "articles": [{"path": str(TEST_FIXTURES / "original.html")}, {"path": "b.html"}]},
            {"id": "bad", "articles": [{"text": ORIGINAL}, {"path": "missing.txt"}]},
            {"id": "claim", "articles": [{"text": "The minister said 40 families were moved."},
                                         {"text": "The minister said 45 families were moved."}]},
        ],
    )  # fmt: skip


def run(rows_file: Path, output: Path | None, **kw: Any) -> tuple[BatchSummary, list[str], str]:
    notes: list[str] = []
    stream = io.StringIO()
    options = BatchOptions(output=output, **kw)
    summary = run_batch(
        read_rows(rows_file), lambda: (FakeEmbedder(), None), options, stream=stream, notify=notes.append
    )
    return summary, notes, stream.getvalue()


def test_each_row_is_one_comparison_and_a_bad_row_is_skipped(rows_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "results.jsonl"
    summary, notes, _ = run(rows_file, out)
    assert (summary.total, summary.done, summary.failed, summary.skipped) == (4, 3, 1, 0)
    assert notes == [f"compare: bad: error: {rows_file.parent / 'missing.txt'}: no such file"]
    got = {r["id"]: r for r in results(out)}
    assert list(got) == ["case-1", "case-2", "bad", "claim"]
    assert got["bad"] == {"id": "bad", "error": f"{rows_file.parent / 'missing.txt'}: no such file", "exit_code": 3}
    first = got["case-1"]
    assert next(iter(first)) == "id" and first["schema"] == "compare/1"
    assert [a["outlet"] for a in first["articles"]] == ["Herald", "Wire"]
    assert first["articles"][0]["published"] == "2023-08-31"
    assert [a["outlet"] for a in got["case-2"]["articles"]] == ["Coast Herald", "Wire Daily"]
    assert [x["verdict"] for x in got["claim"]["alignments"]] == ["changed"]


def test_a_row_result_is_the_single_comparison_document(rows_file: Path, tmp_path: Path) -> None:
    from compare.ingest import read_article
    from compare.pipeline import compare_articles

    _, _, text = run(rows_file, None)
    row = json.loads(text.splitlines()[1])
    single = to_dict(
        compare_articles(
            [read_article(TEST_FIXTURES / "original.html", "A"), read_article(rows_file.parent / "b.html", "B")],
            FakeEmbedder(),
        )
    )
    row.pop("id")
    for art in (*row["articles"], *single["articles"]):
        art.pop("source")
    assert row == single


def test_rerun_resumes_and_skips_finished_rows(rows_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "results.jsonl"
    run(rows_file, out)
    before = out.read_text(encoding="utf-8")
    summary, notes, _ = run(rows_file, out)
    assert (summary.done, summary.skipped, notes) == (0, 4, [])
    assert out.read_text(encoding="utf-8") == before
    (rows_file.parent / "missing.txt").write_text("The minister said the storm flooded three towns.")
    summary, _, _ = run(rows_file, out, retry_failed=True)
    assert (summary.done, summary.skipped) == (1, 3)
    ids = [r["id"] for r in results(out)]
    assert sorted(ids) == ["bad", "case-1", "case-2", "claim"] and "error" not in results(out)[-1]


def test_a_line_cut_short_by_a_crash_is_repaired(rows_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "results.jsonl"
    run(rows_file, out)
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text(lines[0] + lines[1][:50], encoding="utf-8")  # killed while writing row 2
    summary, _, _ = run(rows_file, out)
    assert (summary.skipped, summary.done) == (1, 2)
    assert [r["id"] for r in results(out)] == ["case-1", "case-2", "bad", "claim"]


def test_rows_with_three_articles_give_one_line_per_rewrite(tmp_path: Path) -> None:
    rows = write_jsonl(
        tmp_path / "three.jsonl",
        [{"id": "trio", "articles": [{"text": ORIGINAL}, {"path": str(TEST_FIXTURES / "rewrite.txt")},
                                     {"path": str(TEST_FIXTURES / "rewrite.html")}]}],
    )  # fmt: skip
    reports = tmp_path / "reports"
    _, _, text = run(rows, None, reports=reports, report_format="json")
    lines = [json.loads(line) for line in text.splitlines()]
    assert [(r["id"], r["pair"]) for r in lines] == [("trio", [0, 1]), ("trio", [0, 2])]
    assert sorted(p.name for p in reports.iterdir()) == ["trio-1.json", "trio-2.json"]


def test_urls_in_rows_are_fetched(tmp_path: Path) -> None:
    with serve() as site:
        rows = write_jsonl(
            tmp_path / "urls.jsonl",
            [
                {"id": "web", "articles": [{"url": f"{site}/original"}, {"url": f"{site}/rewrite"}]},
                {"id": "gone", "articles": [{"url": f"{site}/original"}, {"url": f"{site}/missing"}]},
            ],
        )
        _, notes, text = run(rows, None, fetch=FetchOptions(timeout=2))
    lines = [json.loads(line) for line in text.splitlines()]
    assert [a["outlet"] for a in lines[0]["articles"]] == ["Coast Herald", "Wire Daily"]
    assert lines[1]["exit_code"] == 10 and "404" in notes[0]


def test_csv_batches(tmp_path: Path) -> None:
    path = tmp_path / "pairs.csv"
    path.write_text(
        "id,original,rewrite,original_outlet,rewrite_published\n"
        f"c1,{TEST_FIXTURES / 'original.txt'},{TEST_FIXTURES / 'rewrite.txt'},Herald,2024-03-05\n"
        "c2,,,,\n",
        encoding="utf-8",
    )
    rows = read_rows(path)
    assert [r.id for r in rows] == ["c1", "c2"] and rows[1].error
    _, notes, text = run(path, None)
    first = json.loads(text.splitlines()[0])
    assert first["articles"][0]["outlet"] == "Herald" and first["articles"][1]["published"] == "2024-03-05"
    assert "give exactly one of text, path or url" in notes[0]
    text_csv = tmp_path / "texts.csv"
    text_csv.write_text(
        'id,original_text,rewrite_text\nq,"The minister said 40 families were moved.","He said 45 were moved."\n'
    )
    assert read_rows(text_csv)[0].articles[0].kind == "text"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "invalid JSON"),
        ('["a", "b"]', "a row must be a JSON object"),
        ('{"id": "x", "articles": [{"text": "One."}]}', "at least two articles"),
        ('{"id": "x", "articles": [{"text": "One.", "path": "b"}, {"text": "Two."}]}', "exactly one of"),
        ('{"id": "x", "articles": [{"txt": "One."}, {"text": "Two."}]}', "unknown key 'txt'"),
        ('{"id": "x", "articles": [{"text": "One.", "published": "someday"}, {"text": "Two."}]}', "as a date"),
    ],
)
def test_malformed_rows_are_row_errors(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    (row,) = read_rows(path)
    assert message in row.error


def test_unreadable_batch_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_rows(tmp_path / "none.jsonl")
    (tmp_path / "empty.jsonl").write_text("\n")
    with pytest.raises(InputError, match="no rows"):
        read_rows(tmp_path / "empty.jsonl")
    dup = write_jsonl(tmp_path / "dup.jsonl", [{"id": "a", "articles": [{"text": "x"}, {"text": "y"}]}] * 2)
    assert "duplicate id" in read_rows(dup)[1].error


def test_progress_bar_is_drawn_only_when_asked(
    rows_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    summary, notes, _ = run(rows_file, tmp_path / "out.jsonl", progress=True)
    assert summary.failed == 1 and notes == []  # printed above the bar instead
    assert "bad: error" in capsys.readouterr().err


# -- on Dask ------------------------------------------------------------------------------


class ThreadBoundEmbedder(FakeEmbedder):
    """Refuses calls from any thread but its own, as the vector cache's SQLite connection does."""

    def __init__(self) -> None:
        super().__init__()
        self.thread = threading.get_ident()

    def embed_batch(self, texts: Sequence[str]) -> np.ndarray:
        assert threading.get_ident() == self.thread, "models used outside the thread that built them"
        return super().embed_batch(texts)


def fake_models() -> tuple[FakeEmbedder, None]:
    """A picklable model recipe: Dask workers import it from this module."""
    return ThreadBoundEmbedder(), None


def broken_models() -> tuple[FakeEmbedder, None]:
    from compare.errors import ModelError

    raise ModelError("no such model directory: /nowhere")


def test_a_dask_run_writes_the_sequential_lines_and_resumes(rows_file: Path, tmp_path: Path) -> None:
    sequential, on_dask = tmp_path / "seq.jsonl", tmp_path / "dask.jsonl"
    run(rows_file, sequential)
    notes: list[str] = []
    rows = read_rows(rows_file)
    summary = run_batch(rows, fake_models, BatchOptions(output=on_dask, workers=2), notify=notes.append)
    assert (summary.done, summary.failed_ids, summary.skipped) == (3, ("bad",), 0)
    assert notes == [f"compare: bad: error: {rows_file.parent / 'missing.txt'}: no such file"]
    lines = on_dask.read_text(encoding="utf-8").splitlines()
    assert sorted(lines) == sorted(sequential.read_text(encoding="utf-8").splitlines())
    # Killed while writing: the cut line goes, the other rows are skipped, and a Dask run
    # finishes the batch; the failed row is retried on request.
    on_dask.write_text(lines[0] + "\n" + lines[1][:40], encoding="utf-8")
    summary = run_batch(rows, fake_models, BatchOptions(output=on_dask, workers=2), notify=notes.append)
    assert (summary.skipped, summary.done + summary.failed) == (1, 3)
    assert sorted(on_dask.read_text(encoding="utf-8").splitlines()) == sorted(lines)
    (rows_file.parent / "missing.txt").write_text("The minister said the storm flooded three towns.")
    summary = run_batch(rows, fake_models, BatchOptions(output=on_dask, workers=2, retry_failed=True))
    assert (summary.done, summary.skipped, summary.failed) == (1, 3, 0)
    assert sorted(r["id"] for r in results(on_dask)) == ["bad", "case-1", "case-2", "claim"]
    assert not any("error" in r for r in results(on_dask))
    # Nothing left to do: no cluster is started, nothing is written.
    summary = run_batch(rows, broken_models, BatchOptions(output=on_dask, workers=2))
    assert (summary.done, summary.skipped) == (0, 4)


def test_a_model_that_cannot_load_on_dask_fails_before_any_line(rows_file: Path, tmp_path: Path) -> None:
    from compare.errors import ModelError

    out = tmp_path / "out.jsonl"
    with pytest.raises(ModelError, match="no such model directory"):
        run_batch(read_rows(rows_file), broken_models, BatchOptions(output=out, workers=1))
    assert not out.exists()


@pytest.mark.model
def test_cli_batch_with_workers_matches_the_sequential_run(rows_file: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from compare.cli import main

    outputs = {}
    for name, extra in (("seq", []), ("dask", ["--workers", "2"])):
        out = tmp_path / f"{name}.jsonl"
        args = ["batch", str(rows_file), "-o", str(out), "--no-facts", "--no-cache", *extra]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 11, result.stderr  # the "bad" row fails in both
        assert "1 of 4 rows failed" in result.stderr and "Traceback" not in result.stderr
        outputs[name] = sorted(out.read_text(encoding="utf-8").splitlines())
    assert outputs["seq"] == outputs["dask"] and len(outputs["seq"]) == 4
    result = CliRunner().invoke(main, ["batch", str(rows_file), "--workers", "2", "--scheduler", "tcp://x:1"])
    assert result.exit_code == 2 and "not both" in result.stderr


def test_a_file_with_no_json_line_is_not_a_batch_file(tmp_path: Path) -> None:
    prose = tmp_path / "original.txt"
    prose.write_text(ORIGINAL, encoding="utf-8")
    with pytest.raises(InputError, match="not a batch file: no line is a JSON row"):
        read_rows(prose)
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text('{not json\n{"id": "x", "articles": [{"text": "a"}, {"text": "b"}]}\n', encoding="utf-8")
    assert [bool(row.error) for row in read_rows(mixed)] == [True, False]


def test_row_ids_in_the_progress_bar_are_not_markup(tmp_path: Path) -> None:
    rows = write_jsonl(tmp_path / "pairs.jsonl", [{"id": "case [/]", "articles": [{"text": "a"}, {"text": "b"}]}])
    summary, _, out = run(rows, None, progress=True)
    assert summary.done + summary.failed == 1 and '"case [/]"' in out


def test_a_missing_output_folder_fails_before_the_models_load(rows_file: Path, tmp_path: Path) -> None:
    def never() -> tuple[FakeEmbedder, None]:
        raise AssertionError("the models loaded before the output folder was checked")

    target = tmp_path / "nodir" / "b.jsonl"
    with pytest.raises(OutputError, match=r"folder .*nodir does not exist"):
        run_batch(read_rows(rows_file), never, BatchOptions(output=target))


def test_worker_processes_start_with_ctrl_c_ignored() -> None:
    # Ctrl-C reaches only the batch process, which closes the cluster: no worker prints a
    # KeyboardInterrupt traceback of its own. A child started meanwhile inherits the ignore.
    import signal
    import subprocess
    import sys

    from compare.cluster import _sigint_ignored

    def child_ignores_ctrl_c() -> str:
        probe = "import signal; print(signal.getsignal(signal.SIGINT) is signal.SIG_IGN)"
        return subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.strip()

    before, inherited = signal.getsignal(signal.SIGINT), child_ignores_ctrl_c()  # "True" in a background job
    with _sigint_ignored():
        assert child_ignores_ctrl_c() == "True"
    assert signal.getsignal(signal.SIGINT) is before and child_ignores_ctrl_c() == inherited
