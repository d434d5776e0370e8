"""Reading articles: the only place that touches input files.

Plain text (UTF-8, or a legacy encoding detected by charset-normalizer) and JSON objects
(``{"text": ..., "outlet": ..., "published": ..., "url": ...}``). A text file may start with a
front-matter block that supplies metadata::

    ---
    outlet: JNS
    published: 2023-09-01
    url: https://example.org/story
    ---
    Article text ...

Options given on the command line win over front matter, which wins over defaults.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from compare.errors import InputError
from compare.models import Article

#: Refuse files larger than this: a news article is a few kB; 50 MB is a mistake.
MAX_BYTES = 50 * 1024 * 1024

_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"\x1f\x8b": "a gzip archive",
}
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_META_KEYS = ("outlet", "published", "url")


@dataclass(frozen=True, slots=True)
class Metadata:
    """What a user may say about an article; ``None`` means not given."""

    outlet: str | None = None
    published: date | None = None
    url: str | None = None


def parse_date(value: str, *, where: str = "date") -> date:
    """Parse a publication date leniently: ``2023-09-01``, ``Aug. 31, 2023``, ISO datetimes.

    >>> parse_date("Aug. 31, 2023")
    datetime.date(2023, 8, 31)
    >>> parse_date("2023-09-01T10:00Z")
    datetime.date(2023, 9, 1)
    """
    text = value.strip()
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
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"{where}: this is {kind}, not article text")
    if b"\x00" in data[:8192]:
        raise InputError(f"{where}: binary file (contains NUL bytes), not article text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{where}: not UTF-8 and no known text encoding fits")
    return str(best)


def read_article(path: Path, article_id: str, meta: Metadata = Metadata()) -> Article:
    """Read one article file into an :class:`Article`.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "daily.txt"
    >>> _ = p.write_text("---\\noutlet: The Daily\\n---\\nIt rained.", encoding="utf-8")
    >>> a = read_article(p, "A")
    >>> a.outlet, a.text[a.body_start:]
    ('The Daily', 'It rained.')
    """
    where = str(path)
    try:
        if path.is_dir():
            raise InputError(f"{where}: is a directory, not an article file")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{where}: {size / 1e6:.0f} MB is too large (limit {MAX_BYTES // 1_000_000} MB)")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"{where}: no such file") from exc
    except PermissionError as exc:
        raise InputError(f"{where}: permission denied") from exc
    except OSError as exc:
        raise InputError(f"{where}: cannot read: {exc.strerror or exc}") from exc
    text = decode(data, where)
    if path.suffix.lower() == ".json":
        return _from_json(text, where, article_id, meta, default_outlet=path.stem)
    return from_text(text, article_id, meta, source=where, default_outlet=path.stem)


def from_text(
    text: str, article_id: str, meta: Metadata = Metadata(), *, source: str = "", default_outlet: str = ""
) -> Article:
    """Build an :class:`Article` from decoded text, reading any front matter."""
    where = source or article_id
    if not text.strip():
        raise InputError(f"{where}: empty file (no text)")
    found, body_start = _front_matter(text, where)
    outlet = meta.outlet or found.outlet or default_outlet or article_id
    return Article(
        id=article_id,
        text=text,
        outlet=outlet,
        published=meta.published or found.published,
        url=meta.url or found.url,
        source=source,
        body_start=body_start,
    )


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
    return Metadata(values.get("outlet"), published, values.get("url")), match.end()


def _from_json(text: str, where: str, article_id: str, meta: Metadata, default_outlet: str) -> Article:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: invalid JSON: {exc.msg} at line {exc.lineno}") from exc
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        raise InputError(f'{where}: a JSON article must be an object with a "text" string')
    published = obj.get("published")
    found = Metadata(
        outlet=obj.get("outlet") if isinstance(obj.get("outlet"), str) else None,
        published=parse_date(published, where=f"{where}: published") if isinstance(published, str) else None,
        url=obj.get("url") if isinstance(obj.get("url"), str) else None,
    )
    merged = Metadata(meta.outlet or found.outlet, meta.published or found.published, meta.url or found.url)
    return from_text(obj["text"], article_id, merged, source=where, default_outlet=default_outlet)
