from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from compare.errors import InputError
from compare.ingest import Metadata, parse_date, read_article


def test_plain_text_defaults_outlet_to_file_stem(tmp_path: Path) -> None:
    path = tmp_path / "daily_news.txt"
    path.write_text("It rained in the city on Monday.", encoding="utf-8")
    article = read_article(path, "A")
    assert (article.id, article.outlet, article.published, article.body_start) == ("A", "daily_news", None, 0)


def test_front_matter_supplies_metadata_and_cli_wins(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("---\noutlet: The Daily\npublished: Aug. 31, 2023\nurl: https://example.org/x\n---\nBody.\n")
    article = read_article(path, "A")
    assert article.outlet == "The Daily"
    assert article.published == date(2023, 8, 31)
    assert article.url == "https://example.org/x"
    assert article.text[article.body_start :] == "Body.\n"
    override = read_article(path, "A", Metadata(outlet="Other"))
    assert override.outlet == "Other" and override.published == date(2023, 8, 31)


def test_json_article(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text('{"text": "Body text here.", "outlet": "Wire", "published": "2023-09-01T10:00Z"}')
    article = read_article(path, "B")
    assert (article.text, article.outlet, article.published) == ("Body text here.", "Wire", date(2023, 9, 1))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty file"),
        (b"  \n\t\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG image"),
        (b"abc\x00def", "binary file"),
        (b"%PDF-1.7 ...", "PDF"),
    ],
)
def test_unreadable_input_is_a_clear_error(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_article(path, "A")


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_article(tmp_path / "nope.txt", "A")
    with pytest.raises(InputError, match="directory"):
        read_article(tmp_path, "A")


def test_legacy_encodings_are_decoded(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    text = "The minister’s “café” visit was cancelled – officials said the résumé was late. " * 3
    path.write_bytes(text.encode("cp1252"))
    assert read_article(path, "A").text == text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_its_byte_order_mark_is_text_not_binary(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "unicode.txt"
    text = "The minister’s visit was cancelled, officials said.\nRepairs began on Monday.\n"
    bom = {"utf-16": b"", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[encoding]
    path.write_bytes(bom + text.encode(encoding))
    assert read_article(path, "A").text == text


def test_a_date_of_numbers_that_reads_two_ways_is_an_error() -> None:
    with pytest.raises(InputError, match="'01/02/2024' is ambiguous"):
        parse_date("01/02/2024")
    assert parse_date("31/12/2024") == parse_date("12/31/2024") == parse_date("2024-12-31")
    assert parse_date("05/05/2024") == parse_date("2024-05-05")


def test_invalid_json_and_dates(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text("{not json")
    with pytest.raises(InputError, match="invalid JSON"):
        read_article(path, "A")
    with pytest.raises(InputError, match="cannot read 'someday' as a date"):
        parse_date("someday")
