from __future__ import annotations

import json
import subprocess
import sys
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
