"""Reading articles: the only place that touches input files and URLs.

Plain text (UTF-8, or a legacy encoding detected by charset-normalizer), JSON objects
(``{"text": ..., "outlet": ..., "published": ..., "url": ..., "title": ..., "author": ...}``),
web pages (``.html``/``.htm`` files, HTML found in any other file, and ``http(s)://`` URLs,
fetched by :mod:`compare.fetch` and extracted by :mod:`compare.html_input`). A text file may
start with a front-matter block that supplies metadata::

    ---
    outlet: JNS
    published: 2023-09-01
    url: https://example.org/story
    ---
    Article text ...

Options given on the command line (or a batch row) win over front matter or the page's own
metadata, which win over defaults.

**Limits.** Every article is bounded before any slow stage sees it: files over
:data:`MAX_BYTES` are refused unread, and text over :data:`MAX_CHARS` characters (after HTML
extraction) is refused with :class:`~compare.errors.TooLargeError`. Alignment, spaCy and the
embedder all grow with the number of sentences; :data:`MAX_CHARS` keeps the slowest accepted
input (two articles at the limit) within about a minute on a laptop CPU and well under 2 GB
(``python bench/hostile_bench.py`` measures it).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from compare.errors import InputError, TooLargeError
from compare.models import Article

if TYPE_CHECKING:
    from compare.fetch import FetchOptions

#: Refuse files larger than this unread: a news page is well under 5 MB, even with its scripts.
MAX_BYTES = 16 * 1024 * 1024
#: Refuse article text longer than this: about 25,000 words, where a long feature has 10,000.
MAX_CHARS = 150_000
#: A line this long with no sentence punctuation is worth a warning: it is one "sentence".
_LONG_LINE = 10_000
#: A web page with more visible text than this is refused before extraction (seconds per MB).
_MAX_PAGE_TEXT = 10 * MAX_CHARS
_HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")

_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"\x1f\x8b": "a gzip archive",
}
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_META_KEYS = ("outlet", "published", "url", "language")


@dataclass(frozen=True, slots=True)
class Metadata:
    """What a user may say about an article; ``None`` means not given."""

    outlet: str | None = None
    published: date | None = None
    url: str | None = None
    language: str | None = None

    def over(self, other: Metadata) -> Metadata:
        """These values, with ``other``'s where these are not given."""
        return Metadata(
            self.outlet or other.outlet,
            self.published or other.published,
            self.url or other.url,
            self.language or other.language,
        )


def parse_date(value: str, *, where: str = "date") -> date:
    """Parse a publication date leniently: ``2023-09-01``, ``Aug. 31, 2023``, ISO datetimes.

    >>> parse_date("Aug. 31, 2023")
    datetime.date(2023, 8, 31)
    >>> parse_date("2023-09-01T10:00Z")
    datetime.date(2023, 9, 1)

    A date of numbers only that reads two ways ("01/02/2024": 2 January or 1 February) is an
    error, not a guess: dates decide date conflicts.
    """
    text = value.strip()
    numbers = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}", text)
    if numbers and numbers.group(1) != numbers.group(2) and max(map(int, numbers.groups())) <= 12:
        raise InputError(f"{where}: {value!r} is ambiguous (day/month or month/day?): write it as YYYY-MM-DD")
    try:
        return date.fromisoformat(text[:10]) if re.match(r"\d{4}-\d\d-\d\d", text) else _lenient(text)
    except ValueError as exc:
        raise InputError(f"{where}: cannot read {value!r} as a date") from exc


def _lenient(text: str) -> date:
    from dateutil import parser  # imported here: only needed for non-ISO dates

    try:
        parsed: datetime = parser.parse(text, default=datetime(1900, 1, 1))
    except (ValueError, OverflowError) as exc:
        raise ValueError(text) from exc
    if parsed.year == 1900:
        raise ValueError(text)
    return parsed.date()


def decode(data: bytes, where: str) -> str:
    """Bytes to text: UTF-8 first, else the encoding charset-normalizer finds, else an error."""
    return decode_detected(data, where)[0]


def decode_detected(data: bytes, where: str, declared: str | None = None) -> tuple[str, str]:
    """Bytes to text and the encoding used: ``declared`` (a page's or server's charset) if it
    decodes cleanly, else UTF-8, else what charset-normalizer finds, else an error.

    >>> decode_detected("قال المجلس".encode("cp1256"), "a.txt")
    ('قال المجلس', 'cp1256')
    >>> text = "Mayor Ana Muñoz said on Monday that the city would close the old bridge, a spokesman told reporters. "
    >>> decode_detected((text + "The bridge carries 12,000 cars a day.").encode("latin-1"), "a.txt")[1]
    'cp1252'
    >>> decode_detected("Troops left.".encode("utf-16"), "a.txt")
    ('Troops left.', 'utf-16')
    """
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"{where}: this is {kind}, not article text")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with its byte order mark ("Unicode" on Windows)
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputError(f"{where}: marked as UTF-16 but not valid UTF-16") from exc
    if b"\x00" in data[:8192]:
        raise InputError(f"{where}: binary file (contains NUL bytes), not article text")
    for encoding in (declared, "utf-8-sig"):
        if encoding:
            try:
                return data.decode(encoding), "utf-8" if encoding == "utf-8-sig" else encoding
            except (UnicodeDecodeError, LookupError):
                pass
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise InputError(f"{where}: not UTF-8 and no known text encoding fits")
    # Short Western text can fit several code pages exactly as well ("Muñoz" in Latin-1 reads as
    # "Muńoz" in cp1250, same chaos, same coherence): on such a tie the commonest code page for
    # English news wins. Only on a tie: cp1252 decodes nearly any bytes cleanly, so preferring it
    # more widely turns correctly read Polish or Czech names into "Wa³êsa" and "Pøedseda".
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    best = next((m for m in tied if m.encoding == "cp1252"), best)
    return str(best), best.encoding


def read_article(path: Path, article_id: str, meta: Metadata = Metadata()) -> Article:
    """Read one article file into an :class:`Article`.

    ``.html``/``.htm`` files, and any other file whose content is HTML, are web pages: the
    article and its metadata are extracted (see :mod:`compare.html_input`).

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "daily.txt"
    >>> _ = p.write_text("---\\noutlet: The Daily\\n---\\nIt rained.", encoding="utf-8")
    >>> a = read_article(p, "A")
    >>> a.outlet, a.text[a.body_start:]
    ('The Daily', 'It rained.')
    """
    where = str(path)
    data = _read_bytes(path, where)
    html = path.suffix.lower() in _HTML_SUFFIXES
    if not html and len(data) > 4 * MAX_CHARS + 4096 and not _sniff_html(data):
        # UTF-8 takes at most 4 bytes a character: this cannot be under the limit. Refusing
        # before decoding spares a slow encoding detection of megabytes.
        raise _too_long(where, f"{len(data) / 1e6:.1f} MB")
    if html or _sniff_html(data):
        return from_html(data, article_id, meta, source=where, default_outlet=path.stem)
    text, encoding = decode_detected(data, where)
    warnings = _encoding_warnings(encoding)
    if path.suffix.lower() == ".json":
        return _from_json(text, where, article_id, meta, default_outlet=path.stem, warnings=warnings)
    return from_text(text, article_id, meta, source=where, default_outlet=path.stem, warnings=warnings)


def read_source(
    source: str, article_id: str, meta: Metadata = Metadata(), *, fetch_options: FetchOptions | None = None
) -> Article:
    """Read an article from a file path or an ``http(s)://`` URL.

    A URL is fetched within ``fetch_options``' limits (see :mod:`compare.fetch`), and kept in
    its archive folder when it has one.
    """
    from compare.fetch import FetchOptions, fetch, is_url

    if not is_url(source):
        return read_article(Path(source), article_id, meta)
    page = fetch(source, fetch_options or FetchOptions())
    where = source
    if page.is_html or (not page.content_type and _sniff_html(page.data)):
        return from_html(page.data, article_id, meta, source=where, charset=page.charset, url=page.final_url)
    text, encoding = decode_detected(page.data, where, page.charset)
    warnings = _encoding_warnings(encoding) if not page.charset else ()
    outlet = _host(page.final_url) or ""
    meta = meta.over(Metadata(url=page.final_url))
    return from_text(text, article_id, meta, source=where, default_outlet=outlet, warnings=warnings)


def from_html(
    data: bytes | str,
    article_id: str,
    meta: Metadata = Metadata(),
    *,
    source: str = "",
    default_outlet: str = "",
    charset: str | None = None,
    url: str | None = None,
) -> Article:
    """Build an :class:`Article` from a web page: its extracted text, headline and metadata.

    The text is the headline, a blank line and the body; ``body_start`` points at the body
    (see :mod:`compare.html_input`). ``meta`` wins over what the page says.
    """
    from compare.html_input import declared_charset, extract_page

    where = source or article_id
    warnings: tuple[str, ...] = ()
    if isinstance(data, bytes):
        if len(data) > MAX_BYTES:
            raise TooLargeError(f"{where}: {len(data) / 1e6:.0f} MB is too large (limit {_mb(MAX_BYTES)})")
        html, encoding = decode_detected(data, where, charset or declared_charset(data))
        if not (charset or declared_charset(data)):
            warnings = _encoding_warnings(encoding)
    else:
        html = data
    if not html.strip():
        raise InputError(f"{where}: empty file (no text)")
    page = extract_page(html, where, url, max_text=_MAX_PAGE_TEXT)
    _check_length(page.text, where)
    found = Metadata(page.outlet, page.published, page.url, page.language)
    merged = meta.over(found)
    outlet = merged.outlet or _host(merged.url) or default_outlet or article_id
    return Article(
        id=article_id,
        text=page.text,
        outlet=outlet,
        published=merged.published,
        url=merged.url,
        source=source,
        body_start=page.body_start,
        title=page.title,
        author=page.author,
        language=merged.language,
        warnings=(*warnings, *page.warnings, *_line_warnings(page.text, where)),
    )


def from_text(
    text: str,
    article_id: str,
    meta: Metadata = Metadata(),
    *,
    source: str = "",
    default_outlet: str = "",
    warnings: tuple[str, ...] = (),
) -> Article:
    """Build an :class:`Article` from decoded text, reading any front matter.

    Text that is an HTML page (pasted into a batch row or a JSON file) is read as one.
    """
    from compare.html_input import looks_like_html

    where = source or article_id
    if not text.strip():
        raise InputError(f"{where}: empty file (no text)")
    if looks_like_html(text):
        article = from_html(text, article_id, meta, source=source, default_outlet=default_outlet)
        return replace(article, warnings=(*warnings, *article.warnings))
    _check_length(text, where)
    found, body_start = _front_matter(text, where)
    if not text[body_start:].strip():
        raise InputError(f"{where}: no article text after the front matter")
    merged = meta.over(found)
    return Article(
        id=article_id,
        text=text,
        outlet=merged.outlet or default_outlet or article_id,
        published=merged.published,
        url=merged.url,
        source=source,
        body_start=body_start,
        language=merged.language,
        warnings=(*warnings, *_line_warnings(text, where)),
    )


def _read_bytes(path: Path, where: str) -> bytes:
    try:
        if path.is_dir():
            raise InputError(f"{where}: is a directory, not an article file")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise TooLargeError(f"{where}: {size / 1e6:.0f} MB is too large (limit {_mb(MAX_BYTES)})")
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"{where}: no such file") from exc
    except PermissionError as exc:
        raise InputError(f"{where}: permission denied") from exc
    except OSError as exc:
        raise InputError(f"{where}: cannot read: {exc.strerror or exc}") from exc


def _sniff_html(data: bytes) -> bool:
    """Whether a file's first bytes are an HTML page, whatever its name says."""
    from compare.html_input import looks_like_html

    head = data[:4096]
    encoding = "utf-16" if head.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8"
    return looks_like_html(head.decode(encoding, errors="ignore"))


def _check_length(text: str, where: str) -> None:
    if len(text) > MAX_CHARS:
        raise _too_long(where, f"{len(text):,} characters")


def _too_long(where: str, size: str) -> TooLargeError:
    return TooLargeError(
        f"{where}: {size} is too long for one article (limit {MAX_CHARS:,} characters, about 25,000 words)"
    )


def _line_warnings(text: str, where: str) -> tuple[str, ...]:
    """A warning for each very long line without sentence punctuation (compared as one sentence)."""
    out = []
    for line in text.splitlines():
        if len(line) > _LONG_LINE and not re.search(r"[.!?。؟!?][\"'”’)]*(?:\s|$)", line):
            out.append(f"{where}: a line of {len(line):,} characters has no sentence punctuation (one sentence)")
    return tuple(out[:3])


def _encoding_warnings(encoding: str) -> tuple[str, ...]:
    if encoding in ("utf-8", "ascii"):
        return ()
    return (f"not UTF-8: decoded as {encoding} (detected)",)


def _host(url: str | None) -> str | None:
    """``https://www.example.org/x`` → ``example.org``."""
    if not url:
        return None
    from urllib.parse import urlsplit

    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else None


def _mb(n: int) -> str:
    return f"{n // (1024 * 1024)} MB"


def _front_matter(text: str, where: str) -> tuple[Metadata, int]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return Metadata(), 0
    values: dict[str, str] = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() in _META_KEYS:
            values[key.strip().lower()] = value.strip().strip("\"'")
    published = parse_date(values["published"], where=f"{where}: published") if "published" in values else None
    return Metadata(values.get("outlet"), published, values.get("url"), values.get("language")), match.end()


def _from_json(
    text: str, where: str, article_id: str, meta: Metadata, default_outlet: str, warnings: tuple[str, ...] = ()
) -> Article:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: invalid JSON: {exc.msg.removesuffix(' at')} at line {exc.lineno}") from exc
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        raise InputError(f'{where}: a JSON article must be an object with a "text" string')
    published = obj.get("published")

    def string(key: str) -> str | None:
        value = obj.get(key)
        return value if isinstance(value, str) else None

    found = Metadata(
        outlet=string("outlet"),
        published=parse_date(published, where=f"{where}: published") if isinstance(published, str) else None,
        url=string("url"),
        language=string("language"),
    )
    article = from_text(
        obj["text"], article_id, meta.over(found), source=where, default_outlet=default_outlet, warnings=warnings
    )
    return replace(article, title=string("title"), author=string("author"))
