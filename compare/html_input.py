"""Web pages: the article body and its metadata, extracted from saved or fetched HTML.

A saved news page is mostly not the story: navigation, cookie banners, share widgets,
"related stories" lists, footers. :func:`extract_page` keeps the article body and reads the
page's own metadata (headline, site name, byline, publication date, canonical URL, language).

**Why trafilatura.** It is maintained, ships typed, runs offline on a string, and in the
published extraction benchmarks (ScrapingHub's article-extraction benchmark, the trafilatura
paper at ACL 2021) it has the best balance of precision and recall among open-source
extractors. It also reads metadata from ``<meta>`` tags, JSON-LD and the page itself, and its
date module (htmldate) knows the common publication-date markup.

- *readability-lxml* (Mozilla's Readability) returns cleaned HTML of the main block, not
  text, and no site name, byline or date: we would re-implement the metadata half.
- *newspaper3k/newspaper4k* bundle downloading, NLP and caching around an older extractor;
  newspaper3k is unmaintained, and both pull in far more than an extractor.
- *jusText* and *boilerpy3* classify paragraphs only (no metadata); trafilatura already
  uses jusText as one of its fallbacks.

What extraction leaves behind (a stray label, a photo credit) still goes through the spine's
furniture cleaner (:mod:`compare.clean`), as text input does.

**Offsets.** The article's ``text`` is the page's headline, a blank line, then the body with a
blank line between paragraphs; ``body_start`` points past the headline, so the cleaner and
every offset work on the body, while the headline stays in the text and in ``title``. The
headline is kept out of the comparison on purpose: HTML says it is the headline, whatever its
capitalisation, which the cleaner's typographic rules cannot know.

Everything here is pure: bytes or text in, a :class:`Page` out. Reading files and fetching
URLs happen in :mod:`compare.ingest` and :mod:`compare.fetch`.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from compare.errors import NoContentError, TooLargeError

# Libraries should not print: without a handler, Python's logging writes these libraries'
# warnings ("discarding data", "parsed tree length") to stderr, which would break the
# one-line error contract. A NullHandler keeps them silent unless the application logs.
for _name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

_HTML_START = re.compile(
    r"\A(?:\ufeff)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S
)
_HTML_TAGS = re.compile(r"</(?:p|div|article|section|span|a|li|td|h[1-6])\s*>", re.I)
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]{2,40})""", re.I)
_SPACE = re.compile(r"\s+")
_WORDS = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?。؟…][\"'”’)]*\s*$")
#: Where a page states when it was published; the body text is left out on purpose (below).
_DATE_XPATH = (
    "//time | //*[@itemprop='datePublished' or @itemprop='dateCreated' or @itemprop='dateModified']"
    " | //script[@type='application/ld+json']"
    " | //*[contains(@class, 'date') or contains(@class, 'publish') or contains(@class, 'byline')]"
)
#: At most this many links are read when deciding whether a page is only navigation.
_MAX_LINKS = 20_000
#: libxml2 builds no deeper tree than this (without its "huge" option, which stops at 2,048).
_LIBXML_MAX_DEPTH = 255
#: A page nested past libxml2's limit is flattened below this depth (real pages stay under 60).
_FLATTEN_BELOW = 100
#: Flattening runs Python's own HTML parser: bounded to pages of this many characters.
_MAX_FLATTEN_CHARS = 4_000_000
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


@dataclass(frozen=True, slots=True)
class Page:
    """What a web page says about its article. ``None`` means the page does not say."""

    #: The article body: paragraphs separated by blank lines.
    body: str
    #: The headline (``og:title``, the ``<h1>``, or ``<title>`` without the site suffix).
    title: str | None = None
    #: The site name (``og:site_name``, the JSON-LD publisher).
    outlet: str | None = None
    #: The byline.
    author: str | None = None
    #: The publication date, from the page's markup or its URL (never from the body text).
    published: date | None = None
    #: The canonical URL (``<link rel=canonical>``, ``og:url``), else the URL it was fetched from.
    url: str | None = None
    #: The page's language code (``<html lang>``), e.g. ``en`` or ``ar``.
    language: str | None = None
    #: What extraction had to give up, one line each (naming the page).
    warnings: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The article text as :class:`~compare.models.Article` holds it: headline, blank line, body."""
        return f"{self.title}\n\n{self.body}" if self.title else self.body

    @property
    def body_start(self) -> int:
        """Offset of the body in :attr:`text`."""
        return len(self.title) + 2 if self.title else 0


def looks_like_html(text: str) -> bool:
    """Whether decoded text is an HTML page rather than article text.

    >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    True
    >>> looks_like_html("The <b> tag in HTML makes text bold.")
    False
    """
    head = text[:4096]
    if _HTML_START.match(head):
        return True
    return head.lstrip().startswith("<") and len(_HTML_TAGS.findall(head)) >= 2


def declared_charset(data: bytes) -> str | None:
    """The encoding a page declares in a ``<meta>`` tag, when Python knows it.

    >>> declared_charset(b'<html><head><meta charset="windows-1256"></head>')
    'cp1256'
    """
    import codecs

    match = _CHARSET.search(data[:4096])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def extract_page(html: str, where: str, url: str | None = None, *, max_text: int | None = None) -> Page:
    """The article body and metadata of an HTML page.

    ``where`` names the page in messages; ``url`` is where it was fetched from, if known.
    Raises :class:`~compare.errors.NoContentError` when the page holds no article text (an
    empty page, or one that is only navigation links), and
    :class:`~compare.errors.TooLargeError` when its visible text is over ``max_text``
    characters: extraction takes seconds per megabyte of text, and no single article is that
    long, so such a page is refused before extraction.

    >>> page = extract_page(
    ...     "<html lang='en'><head><title>Rain | The Daily</title>"
    ...     "<meta property='og:site_name' content='The Daily'></head><body>"
    ...     "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
    ...     "<article><h1>Rain</h1><p>It rained in the city on Monday, officials said.</p></article>"
    ...     "</body></html>", "rain.html")
    >>> page.title, page.outlet, page.language, page.body
    ('Rain', 'The Daily', 'en', 'It rained in the city on Monday, officials said.')
    """
    tree, warnings = _parse(html if _HTML_START.match(html[:4096]) else f"<html><body>{html}</body></html>")
    if tree is None:
        raise NoContentError(f"{where}: not a readable HTML page")
    if max_text is not None:
        visible = _visible_chars(tree)
        if visible > max_text:
            raise TooLargeError(
                f"{where}: the page holds {visible:,} characters of text, too many for one article page "
                f"(limit {max_text:,})"
            )
    links = _link_texts(tree)
    published = _published(tree, url)
    language = _language(tree)
    doc = _extract(tree, url, precision=True) or _extract(tree, url, precision=False)
    if doc is None:
        raise NoContentError(f"{where}: no article text found in the page")
    title = _clean(doc.title)
    lines = _body_lines(doc.text, title)
    if not lines:
        raise NoContentError(f"{where}: the page holds only its headline, no article text")
    link_words = {w for text in links for w in _WORDS.findall(text)}
    lines = [line for line in lines if not _is_navigation(line, links, link_words)]
    if not lines:
        raise NoContentError(f"{where}: the page holds only navigation links, no article text")
    return Page(
        body="\n\n".join(lines),
        title=title,
        outlet=_clean(doc.sitename),
        author=_clean(doc.author),
        published=published,
        url=_clean(doc.url) or url,
        language=language,
        warnings=tuple(f"{where}: {w}" for w in warnings),
    )


def _parse(html: str) -> tuple[Any, list[str]]:
    """The page's tree (lxml, as trafilatura parses it), and what parsing had to give up.

    libxml2 stops building the tree at 255 levels of nesting and drops everything after that
    point, silently. A page nested that deep (1,000 tables inside each other) is re-parsed
    from a copy whose tags below :data:`_FLATTEN_BELOW` levels are removed (their text stays).
    """
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None or _depth(tree) < _LIBXML_MAX_DEPTH:
        return tree, []
    if len(html) > _MAX_FLATTEN_CHARS:
        return tree, [f"nested over {_LIBXML_MAX_DEPTH} levels deep; the text after that point was lost"]
    flat = _flatten(html, _FLATTEN_BELOW)
    return load_html(flat), [f"nested over {_LIBXML_MAX_DEPTH} levels deep; tags below {_FLATTEN_BELOW} were removed"]


def _visible_chars(tree: Any) -> int:
    """Characters of text outside ``<script>``, ``<style>`` and comments."""
    total = 0
    for el in tree.iter():
        if isinstance(el.tag, str) and el.tag not in ("script", "style", "noscript", "template"):
            total += len(el.text or "")
        total += len(el.tail or "")
    return total


def _depth(tree: Any) -> int:
    depth = {tree: 0}
    deepest = 0
    for el in tree.iter():
        parent = el.getparent()
        depth[el] = d = depth.get(parent, 0) + 1 if parent is not None else 0
        deepest = max(deepest, d)
    return deepest


def _flatten(html: str, limit: int) -> str:
    """``html`` without the start and end tags nested deeper than ``limit`` (text and void tags kept).

    >>> _flatten("<div><div><div><p>Deep</p></div></div></div><p>After</p>", 2)
    '<div><div>Deep</div></div><p>After</p>'
    """
    from html import escape
    from html.parser import HTMLParser

    out: list[str] = []
    stack: list[str] = []

    class Flattener(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            text = self.get_starttag_text() or ""
            if tag in _VOID:
                out.append(text)
                return
            stack.append(tag)
            if len(stack) <= limit:
                out.append(text)

        def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            out.append(self.get_starttag_text() or "")

        def handle_endtag(self, tag: str) -> None:
            if tag not in stack:
                return
            while stack:
                depth = len(stack)
                if stack.pop() == tag:
                    if depth <= limit:
                        out.append(f"</{tag}>")
                    return

        def handle_data(self, data: str) -> None:
            out.append(data if self.cdata_elem else escape(data, quote=False))

        def handle_decl(self, decl: str) -> None:
            out.append(f"<!{decl}>")

    parser = Flattener(convert_charrefs=True)
    parser.feed(html)
    parser.close()
    return "".join(out)


def _extract(tree: Any, url: str | None, *, precision: bool) -> Any:
    """trafilatura's document, or ``None`` when it finds no text.

    Precision mode first: on short pages the balanced mode falls back to recall and sweeps up
    the navigation ("Home", "News") with a one-paragraph story. Balanced mode is the fallback
    for pages where precision finds nothing.
    """
    import trafilatura

    doc = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        favor_precision=precision,
        include_comments=False,
        include_tables=True,
        include_images=False,
        # The date comes from _published(); this keeps htmldate off the body text (slow on big pages).
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = getattr(doc, "text", None)
    if not isinstance(text, str) or not text.strip():
        return None
    return doc


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = _SPACE.sub(" ", value).strip()
    return value or None


def _key(line: str) -> str:
    return _SPACE.sub(" ", line.removeprefix("- ")).strip().casefold()


def _body_lines(text: str, title: str | None) -> list[str]:
    """Non-empty lines, one paragraph each; a first line repeating the headline is dropped."""
    lines = [_SPACE.sub(" ", line).strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    if lines and title and _key(lines[0]) == _key(title):
        lines = lines[1:]
    return lines


def _is_navigation(line: str, links: set[str], link_words: set[str]) -> bool:
    """A line that is one link's text, or a run of link words with no sentence end ("Home News World").

    >>> _is_navigation("Home World Sport", {"home", "world", "sport"}, {"home", "world", "sport"})
    True
    >>> _is_navigation("The world cup starts on Monday.", {"world cup"}, {"world", "cup"})
    False
    """
    key = _key(line)
    if key in links:
        return True
    words = _WORDS.findall(key)
    if not words or _SENTENCE_END.search(line):
        return False
    return all(w in link_words for w in words) or _joined_links(key, links)


def _joined_links(key: str, links: set[str]) -> bool:
    """Whether ``key`` is link texts run together without spaces ("HomeNews" from adjacent links).

    >>> _joined_links("homenews", {"home", "news"}), _joined_links("homeward", {"home", "news"})
    (True, False)
    """
    squeezed = key.replace(" ", "")
    if len(squeezed) > 300:
        return False
    parts = {link.replace(" ", "") for link in links}
    ends = {0}  # prefixes of ``squeezed`` made of whole link texts
    for i in range(1, len(squeezed) + 1):
        if any(squeezed[j:i] in parts for j in ends if j < i):
            ends.add(i)
    return len(squeezed) in ends


def _link_texts(tree: Any) -> set[str]:
    """The texts of the page's links, to recognise an extraction that is only navigation."""
    out: set[str] = set()
    for k, link in enumerate(tree.iter("a")):
        if k >= _MAX_LINKS:
            break
        text = _key(link.text_content())
        if text:
            out.add(text)
    return out


def _language(tree: Any) -> str | None:
    lang = tree.get("lang") or tree.get("xml:lang")
    if not lang:
        metas = tree.xpath("//meta[@http-equiv='content-language' or @http-equiv='Content-Language']/@content")
        lang = metas[0] if metas else None
    if not isinstance(lang, str) or not re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*", lang.strip()):
        return None
    return lang.strip().split("-")[0].split("_")[0].lower()


def _published(tree: Any, url: str | None) -> date | None:
    """The publication date from the page's date markup and URL, never from its body text.

    htmldate, given the whole page, also takes any ISO date it finds in the text ("figures
    from 2021-05-04") as the page's date, and a wrong publication date would mislead the facts
    stage's reading of "on Monday". So it is given a skeleton: the ``<head>`` (meta tags,
    JSON-LD) and only the body elements that mark dates up.
    """
    from htmldate import find_date
    from lxml import html as lxml_html

    head = tree.find("head")
    marked = [lxml_html.tostring(el, encoding="unicode", with_tail=False) for el in tree.xpath(_DATE_XPATH)[:200]]
    head_html = lxml_html.tostring(head, encoding="unicode") if head is not None else ""
    skeleton = f"<html>{head_html}<body>{''.join(marked)}</body></html>"
    try:
        found = find_date(skeleton, url=url, original_date=True, extensive_search=False)
    except (ValueError, TypeError):  # htmldate raises these on odd markup; a date is optional
        return None
    if not found:
        return None
    try:
        return date.fromisoformat(found[:10])
    except ValueError:
        return None
