from __future__ import annotations

import errno
import io
import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

import compare.embed
from compare.cli import main
from tests.conftest import ROOT, TEST_FIXTURES, FakeEmbedder

ORIGINAL = str(TEST_FIXTURES / "original.txt")
REWRITE = str(TEST_FIXTURES / "rewrite.txt")


@pytest.fixture(autouse=True)
def fake_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI builds its embedder from compare.embed; give it the fake one."""
    monkeypatch.setattr(compare.embed, "SentenceTransformerEmbedder", lambda model=None: FakeEmbedder())
    monkeypatch.setattr(compare.embed, "OnnxEmbedder", lambda model=None, **_: FakeEmbedder())


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_terminal_report_on_stdout() -> None:
    code, out, err = run(ORIGINAL, REWRITE, "--outlet", "Herald", "--outlet", "Wire", "--published", "2024-03-04")
    assert code == 0, err
    assert "Herald" in out and "Wire" in out and "2024-03-04" in out
    assert "\x1b[" not in out  # not a terminal: no colour codes


def test_json_output_is_valid_and_written_atomically(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    code, out, err = run(ORIGINAL, REWRITE, "--format", "json", "-o", str(target))
    assert code == 0, err
    assert out == ""
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert [a["id"] for a in doc["articles"]] == ["A", "B"]
    assert list(tmp_path.iterdir()) == [target]


@pytest.mark.parametrize(
    ("setup", "code", "message"),
    [
        (lambda d: d / "missing.txt", 3, "no such file"),
        (lambda d: ((d / "empty.txt").write_bytes(b"") and d / "empty.txt") or d / "empty.txt", 3, "empty file"),
        (lambda d: (d / "img.txt").write_bytes(b"\x89PNG\r\n\x1a\n") and d / "img.txt", 3, "PNG image"),
        (
            lambda d: (
                (d / "appeal.txt").write_text("Subscribe now to support our reporters, dear reader.")
                and d / "appeal.txt"
            ),
            4,
            "no article text left",
        ),
    ],
)
def test_bad_input_is_one_line_and_an_exit_code(tmp_path: Path, setup, code: int, message: str) -> None:  # type: ignore[no-untyped-def]
    bad = setup(tmp_path)
    got, out, err = run(ORIGINAL, str(bad))
    assert got == code
    assert message in err and err.count("\n") == 1 and err.startswith("compare: error: ")
    assert "Traceback" not in err and out == ""


def test_failed_run_leaves_no_output_file(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    got, _, _ = run(ORIGINAL, str(tmp_path / "missing.txt"), "-f", "json", "-o", str(target))
    assert got == 3 and not target.exists()


def test_a_missing_output_folder_fails_before_any_work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def never(*_: object) -> None:
        raise AssertionError("the articles were compared before the output folder was checked")

    monkeypatch.setattr("compare.pipeline.compare_articles", never)
    code, _, err = run(ORIGINAL, REWRITE, "-o", str(tmp_path / "nope" / "report.txt"))
    assert code == 7 and "folder" in err and "does not exist" in err
    monkeypatch.setattr("compare.provenance.trace", never)
    code, _, err = run("many", ORIGINAL, REWRITE, "--json", str(tmp_path / "nope" / "p.json"))
    assert code == 7 and "does not exist" in err


def test_usage_errors() -> None:
    code, _, err = run(ORIGINAL, REWRITE, "--outlet", "a", "--outlet", "b", "--outlet", "c")
    assert code == 2 and "--outlet was given 3 times for 2 articles" in err
    code, _, err = run(ORIGINAL, REWRITE, "--published", "someday")
    assert code == 2 and "cannot read 'someday' as a date" in err
    code, _, err = run(ORIGINAL, REWRITE, "--language", "123")
    assert code == 2 and "'123' is not a language code" in err


def test_bad_config_and_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text("[compare]\nlink_treshold = 0.4\n")
    code, _, err = run(ORIGINAL, REWRITE, "--config", str(cfg))
    assert code == 6 and "unknown config key 'link_treshold'" in err
    monkeypatch.undo()  # the real loader, which must refuse a missing directory before importing torch
    code, _, err = run(ORIGINAL, REWRITE, "--model", str(tmp_path / "no-model"))
    assert code == 5 and "no such model directory" in err


def test_help_explains_every_option() -> None:
    code, out, _ = run("--help")
    assert code == 0
    for option in (
        "--outlet",
        "--published",
        "--url",
        "--format",
        "--output",
        "--model",
        "--config",
        "--width",
        "--color",
    ):
        assert option in out


def test_python_dash_m_and_help_do_not_import_torch() -> None:
    probe = (
        "import sys, runpy\n"
        "sys.argv = ['compare', '--help']\n"
        "try:\n    runpy.run_module('compare', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "print('torch' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip().endswith("False")
    assert "Usage:" in done.stdout


def test_help_names_many_and_the_dask_options() -> None:
    code, out, _ = run("--help")
    assert code == 0 and "many" in out and "batch" in out
    code, out, _ = run("many", "--help")
    assert code == 0 and "who copied from whom" in out and "--json" in out
    code, out, _ = run("batch", "--help")
    assert code == 0 and "--workers" in out and "--scheduler" in out


def test_a_pair_run_does_not_import_dask(tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from compare.cli import main\n"
        f"CliRunner().invoke(main, [{ORIGINAL!r}, {REWRITE!r}, '--no-facts', '--no-cache'])\n"
        f"CliRunner().invoke(main, ['batch', {str(tmp_path / 'none.jsonl')!r}])\n"
        "print('distributed' in sys.modules, 'dask' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == "False False"


# -- where the report goes ----------------------------------------------------------------


def fifo_reader(path: Path) -> tuple[threading.Thread, list[bytes]]:
    """A thread that reads everything written into the FIFO ``path``, as a shell pipe would."""
    got: list[bytes] = []

    def read() -> None:
        with path.open("rb") as fifo:
            got.append(fifo.read())

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread, got


def test_output_into_a_fifo_writes_into_it_and_keeps_it(tmp_path: Path) -> None:
    fifo = tmp_path / "report.pipe"
    os.mkfifo(fifo)
    thread, got = fifo_reader(fifo)
    code, _, err = run(ORIGINAL, REWRITE, "-f", "json", "-o", str(fifo))
    thread.join(5)
    if thread.is_alive():  # nothing opened the FIFO for writing: let the reader go
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        thread.join(5)
    assert code == 0, err
    assert stat.S_ISFIFO(fifo.lstat().st_mode)  # not replaced by a regular file
    assert json.loads(got[0])["schema"] == "compare/1"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pipe"]  # no temporary file left


def test_output_through_a_symlink_writes_its_target(tmp_path: Path) -> None:
    (tmp_path / "reports").mkdir()
    target = tmp_path / "reports" / "real.json"
    target.write_text("old\n")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    code, _, err = run(ORIGINAL, REWRITE, "-f", "json", "-o", str(link))
    assert code == 0, err
    assert link.is_symlink() and link.readlink() == target
    assert json.loads(target.read_text(encoding="utf-8"))["schema"] == "compare/1"
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == ["real.json"]


def test_a_folder_as_output_is_an_error(tmp_path: Path) -> None:
    from compare.errors import OutputError
    from compare.output import write_atomic

    with pytest.raises(OutputError, match="is a folder"):
        write_atomic(tmp_path, "text")


@pytest.mark.parametrize(
    ("name", "key"),
    [("r.json", "json"), ("r.html", "html"), ("R.HTM", "html"), ("r.jsonl", "jsonl"), ("r.txt", "terminal")],
)
def test_the_format_follows_the_output_extension(tmp_path: Path, name: str, key: str) -> None:
    target = tmp_path / name
    code, _, err = run(ORIGINAL, REWRITE, "-o", str(target))
    assert code == 0, err
    text = target.read_text(encoding="utf-8")
    looks = {
        "json": lambda: json.loads(text)["schema"] == "compare/1",
        "html": lambda: text.lstrip().lower().startswith("<!doctype html"),
        "jsonl": lambda: all(json.loads(line) for line in text.splitlines()),
        "terminal": lambda: text.startswith("╭─ compare"),
    }
    assert looks[key]()


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_table_formats_follow_the_output_extension_and_f_wins(tmp_path: Path, fmt: str) -> None:
    code, _, err = run(ORIGINAL, REWRITE, "-o", str(tmp_path / f"r.{fmt}"))
    assert code == 0, err
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"r.claims.{fmt}", f"r.findings.{fmt}"]
    code, _, err = run(ORIGINAL, REWRITE, "-f", "terminal", "-o", str(tmp_path / "t.json"))
    assert code == 0, err
    assert (tmp_path / "t.json").read_text(encoding="utf-8").startswith("╭─ compare")


def test_many_follows_the_output_extension(tmp_path: Path) -> None:
    target = tmp_path / "p.json"
    code, _, err = run("many", ORIGINAL, REWRITE, "--no-facts", "-o", str(target))
    assert code == 0, err
    assert json.loads(target.read_text(encoding="utf-8"))["schema"].startswith("compare-provenance/")
    code, _, err = run("many", ORIGINAL, REWRITE, "--no-facts", "-o", str(tmp_path / "p.csv"))
    assert code == 2 and "this command writes no csv" in err and not (tmp_path / "p.csv").exists()


def test_an_empty_published_dates_only_the_other_article() -> None:
    code, out, err = run(ORIGINAL, REWRITE, "--no-facts", "-f", "json", "--published", "", "--published", "2023-09-01")
    assert code == 0, err
    assert [a["published"] for a in json.loads(out)["articles"]] == [None, "2023-09-01"]


@pytest.mark.parametrize("command", [[ORIGINAL, REWRITE], ["many", ORIGINAL, REWRITE], ["batch", ORIGINAL]])
def test_an_empty_output_path_is_a_usage_error(command: list[str]) -> None:
    code, _, err = run(*command, "-o", "")
    assert code == 2 and "the output path is empty" in err and "Traceback" not in err


class _FullDisk(io.RawIOBase):
    """A standard output on a full disk, as /dev/full is."""

    def writable(self) -> bool:
        return True

    def write(self, data: object) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_a_full_disk_on_stdout_is_exit_7(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(io.BufferedWriter(_FullDisk()), encoding="utf-8"))
    with pytest.raises(SystemExit) as info:
        main.main([ORIGINAL, REWRITE, "-f", "json"], prog_name="compare")
    err = capsys.readouterr().err
    assert info.value.code == 7
    assert err == "compare: error: standard output: cannot write the report: No space left on device\n"


def test_a_closed_pipe_on_stdout_ends_quietly() -> None:
    probe = (
        "import compare.embed\n"
        "from tests.conftest import FakeEmbedder\n"
        "compare.embed.OnnxEmbedder = lambda model=None, **_: FakeEmbedder()\n"
        "from compare.cli import main\n"
        f"main([{ORIGINAL!r}, {REWRITE!r}, '-f', 'html', '--no-facts', '--no-cache'], prog_name='compare')\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", probe], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, text=True
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before the report is written, as `| head -1` soon is
    err = proc.stderr.read()
    code = proc.wait(60)
    assert code == 1 and err == ""
