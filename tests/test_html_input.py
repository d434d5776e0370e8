from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from compare.errors import NoContentError
from compare.html_input import extract_page, looks_like_html
from compare.ingest import Metadata, from_text, read_article
from compare.pipeline import compare_articles
from tests.conftest import TEST_FIXTURES, FakeEmbedder

PAGE = """<!DOCTYPE html><html lang="{lang}"><head><meta charset="{charset}"><title>{title}</title></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
<article><h1>{title}</h1>{body}</article>
<footer><a href="/about">About us</a> <a href="/privacy">Privacy policy</a></footer></body></html>"""


def page(body: str, title: str = "Storm Hits the Coast", lang: str = "en", charset: str = "utf-8") -> str:
    return PAGE.format(body=body, title=title, lang=lang, charset=charset)


def shape(paths: tuple[Path, Path]) -> list[tuple[tuple[str, ...], tuple[str, ...], str]]:
    articles = [read_article(p, k) for p, k in zip(paths, "AB", strict=True)]
    comparison = compare_articles(articles, FakeEmbedder())
    return [(x.a, x.b, x.verdict) for x in comparison.alignments]


def test_html_pages_compare_like_their_text_versions() -> None:
    text = shape((TEST_FIXTURES / "original.txt", TEST_FIXTURES / "rewrite.txt"))
    html = shape((TEST_FIXTURES / "original.html", TEST_FIXTURES / "rewrite.html"))
    assert html == text
    assert len(html) == 5 and {v for _, _, v in html} >= {"added", "dropped"}


def test_html_news_sentences_are_the_text_versions() -> None:
    for name in ("original", "rewrite"):
        from_html = compare_articles(
            [read_article(TEST_FIXTURES / f"{name}.html", "A"), read_article(TEST_FIXTURES / "rewrite.txt", "B")],
            FakeEmbedder(),
        )
        from_txt = compare_articles(
            [read_article(TEST_FIXTURES / f"{name}.txt", "A"), read_article(TEST_FIXTURES / "rewrite.txt", "B")],
            FakeEmbedder(),
        )
        assert [s.text for s in from_html.articles[0].news] == [s.text for s in from_txt.articles[0].news]


def test_page_metadata_and_offsets() -> None:
    a = read_article(TEST_FIXTURES / "original.html", "A")
    assert (a.outlet, a.published, a.author, a.language) == ("Coast Herald", date(2024, 3, 4), "Maria Keller", "en")
    assert a.url == "https://coastherald.example/news/2024/03/04/storm-floods-coastal-towns"
    assert a.title == "Storm Floods Coastal Towns in the North"
    assert a.text[: a.body_start] == a.title + "\n\n"
    for furniture in ("cookies", "Share on", "Related stories", "Most read", "All rights reserved", "Port Ellis"):
        assert furniture not in a.text
    b = read_article(TEST_FIXTURES / "rewrite.html", "B", Metadata(outlet="Wire", published=date(2024, 3, 6)))
    assert (b.outlet, b.published, b.author) == ("Wire", date(2024, 3, 6), "Tom Brandt")  # given wins over found
    assert "Support our journalism" not in b.text and "Subscribe" not in b.text


def test_date_comes_from_markup_not_from_the_body() -> None:
    html = page("<p>Figures published on 2021-05-04 show that the wall was built in March 2003 by engineers.</p>")
    assert extract_page(html, "x.html").published is None
    dated = html.replace("</head>", '<meta property="article:published_time" content="2024-03-04T07:00:00Z"></head>')
    assert extract_page(dated, "x.html").published == date(2024, 3, 4)


def test_script_style_and_tables_nested_a_thousand_deep(tmp_path: Path) -> None:
    nested = "<table><tr><td>" * 1000 + "Deep cell." + "</td></tr></table>" * 1000
    body = (
        "<style>p { color: red }</style><script>var s = '<p>Injected by script.</p>';</script>"
        "<p>The council said the storm flooded three towns on Monday.</p>"
        f"{nested}<p>Officials said 40 families were moved to shelters.</p><script>track()</script>"
    )
    path = tmp_path / "nested.html"
    path.write_text(page(body), encoding="utf-8")
    article = read_article(path, "A")
    body_text = article.text[article.body_start :]
    assert "The council said" in body_text and "40 families" in body_text
    assert "Injected" not in article.text and "color" not in article.text and "track" not in article.text
    assert any("nested over 255 levels deep" in w for w in article.warnings)


@pytest.mark.parametrize(
    "body",
    [
        "<nav><ul>" + "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(40)) + "</ul></nav>",
        "<nav><a href='/'>Home</a><a href='/n'>News</a></nav><footer>© 2024</footer>",  # links run together
    ],
)
def test_a_page_of_navigation_only_is_no_content(tmp_path: Path, body: str) -> None:
    path = tmp_path / "nav.html"
    path.write_text(f"<html><head><title>Home</title></head><body>{body}</body></html>")
    with pytest.raises(NoContentError, match=rf"{path}: the page holds only navigation links"):
        read_article(path, "A")


def test_html_is_sniffed_in_other_files_and_in_text(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_text(page("<p>The council said the storm flooded three towns on Monday.</p>"), encoding="utf-8")
    article = read_article(path, "A")
    assert article.title == "Storm Hits the Coast"
    assert article.text[article.body_start :] == "The council said the storm flooded three towns on Monday."
    pasted = from_text("<div><p>It rained on Monday, officials said.</p><p>Roads closed.</p></div>", "B")
    assert pasted.text == "It rained on Monday, officials said.\n\nRoads closed."
    assert not looks_like_html("Use the <p> tag for paragraphs, the manual says.")


def test_declared_legacy_charset_is_honoured(tmp_path: Path) -> None:
    arabic = "قال المجلس الإقليمي إن عاصفة أغرقت ثلاث بلدات ساحلية في الشمال يوم الاثنين."
    path = tmp_path / "ar.html"
    path.write_bytes(page(f"<p>{arabic}</p>", title="عاصفة", lang="ar", charset="windows-1256").encode("cp1256"))
    article = read_article(path, "A")
    assert arabic in article.text and article.language == "ar" and article.warnings == ()


def test_a_one_sentence_page_keeps_its_sentence_and_not_the_menu(tmp_path: Path) -> None:
    path = tmp_path / "claim.html"
    path.write_text(page("<p>The minister said 40 families were moved.</p>", title="Claim"))
    article = read_article(path, "A")
    assert article.text[article.body_start :] == "The minister said 40 families were moved."


def test_a_page_with_too_much_text_is_refused_before_extraction() -> None:
    from compare.errors import TooLargeError

    html = page("<p>The council said the storm flooded three towns on Monday.</p>" * 2000)
    with pytest.raises(TooLargeError, match=r"big.html: the page holds 1\d\d,\d\d\d characters of text"):
        extract_page(html, "big.html", max_text=100_000)
    assert extract_page(html, "big.html", max_text=1_000_000).body
