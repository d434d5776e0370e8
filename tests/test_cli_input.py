"""The command line with real-world and hostile input: one line and a documented exit code each."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import compare.cache
import compare.embed
import compare.facts
from compare.cli import main
from tests.conftest import TEST_FIXTURES, FakeEmbedder
from tests.http_server import serve

ORIGINAL = str(TEST_FIXTURES / "original.txt")
REWRITE = str(TEST_FIXTURES / "rewrite.txt")
PROSE = "The council said the storm flooded three coastal towns on Monday, and officials moved 40 families. "


@pytest.fixture(autouse=True)
def fake_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI builds its embedder from compare.embed; give it the fake one."""
    monkeypatch.setattr(compare.embed, "SentenceTransformerEmbedder", lambda model=None, **_: FakeEmbedder())
    monkeypatch.setattr(compare.embed, "OnnxEmbedder", lambda model=None, **_: FakeEmbedder(), raising=False)


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    with serve() as base:
        yield base


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), prog_name="compare")
    return result.exit_code, result.stdout, result.stderr


def json_report(*args: str) -> dict:  # type: ignore[type-arg]
    code, out, err = run(*args, "--no-facts", "-f", "json")
    assert code == 0, err
    return json.loads(out)  # type: ignore[no-any-return]


def write(path: Path, data: bytes | str) -> Path:
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def nested_tables(d: Path) -> Path:
    deep = "<table><tr><td>" * 1000 + "x" + "</td></tr></table>" * 1000
    return write(
        d / "deep.html",
        "<html><head><style>p{color:red}</style><script>alert('<p>no</p>')</script></head><body><article>"
        f"<p>{PROSE}</p>{deep}<p>Repairs are expected to take two weeks, according to engineers.</p>"
        "</article></body></html>",
    )


HOSTILE: list[tuple[str, Callable[[Path], Path], int, str]] = [
    ("empty", lambda d: write(d / "empty.txt", b""), 3, "empty file"),
    ("whitespace", lambda d: write(d / "blank.txt", b"  \n\t \r\n  "), 3, "empty file"),
    ("png", lambda d: write(d / "photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40), 3, "this is a PNG image"),
    ("20 MB", lambda d: write(d / "big.txt", PROSE * (20_000_000 // len(PROSE))), 8, "20 MB is too large"),
    ("1 MB", lambda d: write(d / "long.txt", PROSE * (1_000_000 // len(PROSE))), 8, "too long for one article"),
    ("20 MB line", lambda d: write(d / "line.txt", "word " * 4_000_000), 8, "20 MB is too large"),
    ("2 MB line", lambda d: write(d / "line.txt", "word " * 400_000), 8, "too long for one article"),
    ("20 MB html", lambda d: write(d / "big.html", "<p>" + PROSE * 200_000 + "</p>"), 8, "too large"),
    ("nav only", lambda d: write(d / "nav.html", "<html><body><nav>" + "<a href='/x'>Section</a> " * 50 + "</nav>"
                                 "<footer><a href='/a'>About us</a></footer></body></html>"), 4, "navigation links"),
    ("directory", lambda d: d, 3, "is a directory"),
]  # fmt: skip


@pytest.mark.parametrize(("make", "code", "message"), [h[1:] for h in HOSTILE], ids=[h[0] for h in HOSTILE])
def test_hostile_files_are_one_line_and_an_exit_code(
    tmp_path: Path, make: Callable[[Path], Path], code: int, message: str
) -> None:
    bad = make(tmp_path)
    target = tmp_path / "out" / "report.json"
    target.parent.mkdir()
    start = time.monotonic()
    got, out, err = run(ORIGINAL, str(bad), "--no-facts", "-f", "json", "-o", str(target))
    assert time.monotonic() - start < 30
    assert (got, out) == (code, "")
    assert err.startswith(f"compare: error: {bad}: ") and message in err and err.count("\n") == 1, err
    assert "Traceback" not in err and not any(target.parent.iterdir())  # nothing half-written


@pytest.mark.parametrize(
    ("path", "code", "message"),
    [
        ("/slow", 9, "timed out"),
        ("/missing", 10, "the server answered 404 Not Found"),
        ("/broken", 10, "the server answered 500 Internal Server Error"),
        ("/huge", 8, "over the 16 MB limit"),
        ("/image", 3, "the server sent image/png"),
        ("/nav", 4, "only navigation links"),
    ],
)
def test_bad_urls_are_one_line_and_an_exit_code(site: str, path: str, code: int, message: str) -> None:
    start = time.monotonic()
    got, out, err = run(f"{site}/original", site + path, "--timeout", "0.5", "--no-facts")
    assert time.monotonic() - start < 10
    assert (got, out) == (code, "")
    assert err.startswith(f"compare: error: {site}{path}: ") and message in err and err.count("\n") == 1, err


def test_urls_compare_and_are_archived(site: str, tmp_path: Path) -> None:
    doc = json_report(f"{site}/original", f"{site}/rewrite", "--archive", str(tmp_path / "pages"))
    assert [a["outlet"] for a in doc["articles"]] == ["Coast Herald", "Wire Daily"]
    assert [a["published"] for a in doc["articles"]] == ["2024-03-04", "2024-03-05"]
    assert len(list((tmp_path / "pages").glob("*.html"))) == 2


def test_html_files_compare_like_text_files() -> None:
    html = json_report(str(TEST_FIXTURES / "original.html"), str(TEST_FIXTURES / "rewrite.html"))
    text = json_report(ORIGINAL, REWRITE)
    assert [(x["a"], x["b"], x["verdict"]) for x in html["alignments"]] == [
        (x["a"], x["b"], x["verdict"]) for x in text["alignments"]
    ]


def test_legacy_encodings_compare_with_a_warning(tmp_path: Path) -> None:
    latin_text = "The minister’s café visit – officials said the résumé was late. " * 4
    latin = write(tmp_path / "cp1252.txt", latin_text.encode("cp1252"))
    doc = json_report(str(latin), REWRITE)
    assert "café" in doc["articles"][0]["sentences"][0]["text"]
    assert any("not UTF-8: decoded as" in w for w in doc["warnings"])
    arabic = (
        "قال المجلس الإقليمي إن عاصفة أغرقت ثلاث بلدات ساحلية في الشمال يوم الاثنين. ونقلت أربعون أسرة إلى الملاجئ."
    )
    ar = write(tmp_path / "cp1256.txt", ((arabic + "\n\n") * 3).encode("cp1256"))
    doc = json_report(str(ar), str(ar))
    assert doc["articles"][0]["sentences"][0]["text"].startswith("قال المجلس")
    assert any("cp1256" in w for w in doc["warnings"])


def test_tables_nested_a_thousand_deep_and_scripts(tmp_path: Path) -> None:
    doc = json_report(str(nested_tables(tmp_path)), REWRITE)
    texts = " ".join(s["text"] for s in doc["articles"][0]["sentences"])
    assert "Repairs are expected" in texts and "alert" not in texts and "color" not in texts
    assert any("nested over 255 levels deep" in w for w in doc["warnings"])


def test_one_enormous_line_is_compared_with_a_warning(tmp_path: Path) -> None:
    line = write(tmp_path / "line.txt", "storm council families shelters towns " * 3_000)
    start = time.monotonic()
    code, _, err = run(str(line), REWRITE, "--no-facts", "-f", "json", "-o", str(tmp_path / "r.json"))
    assert code == 0 and time.monotonic() - start < 30
    assert "has no sentence punctuation" in err and err.startswith("compare: warning: ")


def test_two_one_sentence_articles(tmp_path: Path) -> None:
    a = write(tmp_path / "a.txt", "The minister said 40 families were moved.")
    b = write(tmp_path / "b.txt", "The minister said 45 families were moved.")
    code, out, err = run(str(a), str(b), "-f", "json")
    assert code == 0, err
    assert [x["verdict"] for x in json.loads(out)["alignments"]] == ["changed"]


def test_language_and_metadata_options(tmp_path: Path) -> None:
    doc = json_report(ORIGINAL, REWRITE, "--outlet", "Herald", "--published", "Aug. 31, 2023", "--language", "en")
    assert doc["articles"][0]["outlet"] == "Herald" and doc["articles"][0]["published"] == "2023-08-31"
    code, _, err = run(ORIGINAL, REWRITE, "--language", "en", "--language", "fr", "--language", "de")
    assert code == 2 and "--language was given 3 times" in err


def test_the_cache_is_used_unless_told_not_to(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compare.cache, "cache_dir", lambda: tmp_path / "cache")
    json_report(ORIGINAL, REWRITE, "--no-cache")
    assert not (tmp_path / "cache").exists()
    json_report(ORIGINAL, REWRITE)
    assert (tmp_path / "cache" / "embeddings.sqlite3").is_file()


# -- compare batch ------------------------------------------------------------------------


def batch_file(d: Path, n: int = 50, bad: int = 7) -> Path:
    rows = []
    for k in range(n):
        rewrite = {"path": str(d / "missing.txt")} if k == bad else {"path": REWRITE, "outlet": f"Wire {k}"}
        rows.append({"id": f"case-{k}", "articles": [{"path": ORIGINAL, "published": "2024-03-04"}, rewrite]})
    rows.append({"id": "claim", "articles": [{"text": "Police said two people died."}, {"text": "Two died."}]})
    return write(d / "pairs.jsonl", "".join(json.dumps(r) + "\n" for r in rows))


def test_a_batch_of_fifty_pairs_with_one_bad_row_and_a_resume(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    loads = {"embedder": 0, "spacy": 0}
    real_extractor = compare.facts.FactExtractor

    def embedder(model: object = None, **_: object) -> FakeEmbedder:
        loads["embedder"] += 1
        return FakeEmbedder()

    def extractor(*args: object) -> object:
        loads["spacy"] += 1
        return real_extractor(*args)

    monkeypatch.setattr(compare.embed, "SentenceTransformerEmbedder", embedder)
    monkeypatch.setattr(compare.embed, "OnnxEmbedder", embedder, raising=False)
    monkeypatch.setattr(compare.facts, "FactExtractor", extractor)
    pairs, out, reports = batch_file(tmp_path), tmp_path / "results.jsonl", tmp_path / "reports"
    code, stdout, err = run("batch", str(pairs), "-o", str(out), "--reports", str(reports))
    assert loads == {"embedder": 1, "spacy": 1}  # once per batch, not per row
    assert code == 11 and stdout == ""
    lines = err.splitlines()
    assert lines[0] == f"compare: case-7: error: {tmp_path / 'missing.txt'}: no such file"
    assert lines[-1] == "compare: error: 1 of 51 rows failed (each has an error line in the output)"
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 51 and records[7] == {
        "id": "case-7",
        "error": lines[0].split(": error: ", 1)[1],
        "exit_code": 3,
    }
    assert records[50]["id"] == "claim" and records[50]["alignments"]
    assert len(list(reports.glob("*.html"))) == 50
    code, _, err = run("batch", str(pairs), "-o", str(out))
    assert code == 0 and "51 rows already done" in err
    assert loads == {"embedder": 1, "spacy": 1}  # nothing left to do: no model loaded
    assert len(out.read_text(encoding="utf-8").splitlines()) == 51


def test_batch_to_stdout_and_its_usage_errors(tmp_path: Path) -> None:
    pairs = batch_file(tmp_path, n=2, bad=-1)
    code, out, err = run("batch", str(pairs), "--no-facts")
    assert code == 0, err
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["case-0", "case-1", "claim"]
    code, _, err = run("batch", str(tmp_path / "none.jsonl"))
    assert code == 3 and err == f"compare: error: {tmp_path / 'none.jsonl'}: no such file\n"


def test_help_explains_both_commands() -> None:
    code, out, _ = run("--help")
    assert code == 0
    assert "compare [OPTIONS] ORIGINAL REWRITE" in out and "compare batch [OPTIONS] PAIRS_FILE" in out
    for option in ("--outlet", "--archive", "--timeout", "--no-cache", "--language", "batch"):
        assert option in out
    code, out, _ = run("batch", "--help")
    assert code == 0 and "--retry-failed" in out and "--reports" in out
    code, out, _ = run("pair", ORIGINAL, REWRITE, "--no-facts", "-f", "json")
    assert code == 0 and json.loads(out)["schema"] == "compare/1"


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("http://[bad", "compare: error: http://[bad: not a web address this tool can fetch (Invalid IPv6 URL)\n"),
        ("ftp://x/y", "compare: error: ftp://x/y: unsupported URL scheme 'ftp' (only http and https are fetched)\n"),
    ],
)
def test_malformed_and_unsupported_urls_are_input_errors(source: str, message: str) -> None:
    code, out, err = run(source, REWRITE)
    assert (code, out, err) == (3, "", message)


@pytest.mark.parametrize("address", ["nonsense", "tcp://host", "tcp://host:port", "tcp://host:99999"])
def test_batch_with_a_bad_scheduler_address_is_a_usage_error(tmp_path: Path, address: str) -> None:
    pairs = batch_file(tmp_path, n=1, bad=-1)
    code, out, err = run("batch", str(pairs), "--scheduler", address)
    assert code == 2 and out == "" and "HOST:PORT" in err and "internal error" not in err


def test_batch_into_a_missing_folder_says_so_before_any_work(tmp_path: Path) -> None:
    pairs = batch_file(tmp_path, n=1, bad=-1)
    target = tmp_path / "nodir" / "b.jsonl"
    code, out, err = run("batch", str(pairs), "-o", str(target))
    assert (code, out) == (7, "")
    assert err == f"compare: error: {target}: folder {target.parent} does not exist\n"


def test_a_plain_text_file_is_not_a_batch_file() -> None:
    code, out, err = run("batch", ORIGINAL)
    assert (code, out) == (3, "")
    assert err.startswith(f"compare: error: {ORIGINAL}: not a batch file") and err.count("\n") == 1
