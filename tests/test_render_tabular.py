"""The claims and findings tables: contents, dtypes that survive CSV and Parquet, JSONL, CLI."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from compare.cli import main
from compare.models import Fact, FactChange
from compare.render import tabular
from tests.conftest import TEST_FIXTURES
from tests.report_data import storm, use_fake_model, with_findings

ORIGINAL = str(TEST_FIXTURES / "original.txt")
REWRITE = str(TEST_FIXTURES / "rewrite.txt")


def test_claims_table() -> None:
    c = storm()
    claims = tabular.claims_frame(c)
    assert list(claims.columns) == list(tabular.DTYPES["claims"])
    assert claims["claim"].tolist() == list(range(1, len(c.alignments) + 1))
    assert claims["verdict"].tolist() == [x.verdict for x in c.alignments]
    row = claims.set_index("anchor").loc["claim-A5-B2"]
    assert row["a_text"] == "Repairs are expected to take two weeks, according to engineers."
    assert row["reasons"] == "-two; +six" and row["score"] == pytest.approx(c.alignments[-1].score)
    added = claims.set_index("anchor").loc["claim-B4"]
    assert pd.isna(added["a_ids"]) and pd.isna(added["a_text"]) and added["b_ids"] == "B4"
    assert tabular.findings_frame(c).empty


def test_findings_table() -> None:
    c = with_findings(storm())
    findings = tabular.findings_frame(c)
    assert findings["kind"].tolist() == [ch.kind for ch in c.changes]
    assert findings["claim"].tolist() == [1, 2, 3, 4, 5]
    number = findings.iloc[4]
    assert (number["before_text"], number["after_text"], number["before_value"]) == ("two weeks", "six weeks", "2")
    a_text = c.articles[0].article.text
    assert a_text[number["before_start"] : number["before_end"]] == "two weeks"
    source = findings.iloc[2]
    assert pd.isna(source["a_sentence"]) and pd.isna(source["before_text"]) and pd.isna(source["before_start"])
    claims = tabular.claims_frame(c)
    assert claims["findings"].tolist() == [1, 1, 1, 1, 1]


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_round_trip_keeps_values_and_dtypes(tmp_path: Path, fmt: str) -> None:
    c = with_findings(storm())
    hostile = Fact("A5", "quote", '=HYPERLINK("x")', 0, 3, "'quoted", "+six")
    c = replace(
        c, changes=(*c.changes, FactChange("quote_altered", "A5", None, hostile, None, '-tab\tand, "comma"\nline'))
    )
    paths = tabular.write_tables(c, fmt, tmp_path / f"storm.{fmt}")
    assert [p.name for p in paths] == [f"storm.claims.{fmt}", f"storm.findings.{fmt}"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths)  # no temporary files left
    for table, path in zip(tabular.TABLES, paths, strict=True):
        expected = tabular.frames(c)[table]
        back = tabular.read_table(path, table)
        pd.testing.assert_frame_equal(back, expected, check_exact=True)
        assert {k: str(v) for k, v in back.dtypes.items()} == {k: str(v) for k, v in expected.dtypes.items()}
    assert back["verdict" if table == "claims" else "kind"].dtype == "category"


def test_csv_cells_never_start_a_formula(tmp_path: Path) -> None:
    c = with_findings(storm())
    tabular.write_tables(c, "csv", tmp_path / "s.csv")
    raw = pd.read_csv(tmp_path / "s.claims.csv", dtype=str, keep_default_na=False)
    for column in raw.columns:
        assert not any(v.startswith(("=", "+", "-", "@")) for v in raw[column]), column
    assert "'-two; +six" in raw["reasons"].tolist()


def test_plain_pandas_reads_the_parquet_dtypes(tmp_path: Path) -> None:
    c = with_findings(storm())
    tabular.write_tables(c, "parquet", tmp_path / "s.parquet")
    findings = pd.read_parquet(tmp_path / "s.findings.parquet")
    assert str(findings["claim"].dtype) == "Int64" and findings["kind"].dtype == "category"
    assert list(findings["kind"].cat.categories) == list(tabular.DTYPES["findings"]["kind"].categories)


def test_jsonl_lines_are_tagged_rows() -> None:
    c = with_findings(storm())
    lines = [json.loads(line) for line in tabular.render_jsonl(c).splitlines()]
    assert [x["table"] for x in lines] == ["claims"] * 5 + ["findings"] * 5
    assert lines[0]["a_ids"] == "A1 A2" and lines[2]["a_ids"] is None
    assert lines[-1]["before_text"] == "two weeks" and lines[-1]["claim"] == 5
    assert pd.read_json(io.StringIO(tabular.render_jsonl(c)), lines=True).shape[0] == 10


@pytest.fixture
def fake_model(monkeypatch: pytest.MonkeyPatch) -> None:
    use_fake_model(monkeypatch)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.usefixtures("fake_model")
@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_cli_tables_need_output_and_write_two_files(tmp_path: Path, fmt: str) -> None:
    code, out, err = run(ORIGINAL, REWRITE, "-f", fmt)
    assert code == 2 and f"--format {fmt} writes two tables: give -o NAME.{fmt}" in err
    code, out, err = run(ORIGINAL, REWRITE, "-f", fmt, "-o", str(tmp_path / f"r.{fmt}"))
    assert code == 0, err
    assert out == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"r.claims.{fmt}", f"r.findings.{fmt}"]
    claims = tabular.read_table(tmp_path / f"r.claims.{fmt}", "claims")
    assert claims["verdict"].tolist()[-1] == "changed"


@pytest.mark.usefixtures("fake_model")
def test_cli_tables_into_a_missing_folder_is_an_output_error(tmp_path: Path) -> None:
    code, _, err = run(ORIGINAL, REWRITE, "-f", "csv", "-o", str(tmp_path / "nope" / "r.csv"))
    assert code == 7 and "does not exist" in err


@pytest.mark.usefixtures("fake_model")
def test_cli_html_and_jsonl(tmp_path: Path) -> None:
    code, out, err = run(ORIGINAL, REWRITE, "-f", "jsonl")
    assert code == 0, err
    tables = [json.loads(line)["table"] for line in out.splitlines()]
    assert tables[:5] == ["claims"] * 5 and set(tables[5:]) <= {"findings"}
    target = tmp_path / "r.html"
    code, out, err = run(ORIGINAL, REWRITE, "-f", "html", "-o", str(target))
    assert code == 0, err
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'id="claim-A5-B2"' in page
    assert list(tmp_path.iterdir()) == [target]


def test_written_files_get_the_usual_mode(tmp_path: Path) -> None:
    """Atomic writes go through a private temporary file; the result must not stay private."""
    import os

    mask = os.umask(0o022)
    os.umask(mask)
    paths = tabular.write_tables(storm(), "csv", tmp_path / "s.csv")
    assert {p.stat().st_mode & 0o777 for p in paths} == {0o666 & ~mask}


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_read_table_takes_a_path_string(tmp_path: Path, fmt: str) -> None:
    tabular.write_tables(storm(), fmt, tmp_path / f"r.{fmt}")
    claims = tabular.read_table(str(tmp_path / f"r.claims.{fmt}"), "claims")
    assert claims.equals(tabular.read_table(tmp_path / f"r.claims.{fmt}", "claims"))
