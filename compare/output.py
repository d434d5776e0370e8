"""Writing reports: atomically, so a failed run never leaves half a file behind."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from compare.errors import OutputError


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file in the same folder and a rename."""
    write_atomic_bytes(path, text.encode("utf-8"))


def check_folder(path: Path) -> None:
    """Fail early, before any work, when ``path``'s folder does not exist."""
    folder = path.parent if str(path.parent) else Path()
    if not folder.is_dir():
        raise OutputError(f"{path}: folder {folder} does not exist")


def write_atomic_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and a rename.

    A symlink is followed: its target gets the new file, and the link stays. A path that is
    not a regular file (``/dev/null``, a FIFO) or names a stream (``/dev/stdout``) is written
    to directly.
    """
    check_folder(path)
    try:
        mode = path.stat().st_mode  # follows links, /proc's to pipes and terminals included
    except FileNotFoundError:
        mode = stat.S_IFREG  # a new file (or a link to one)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from exc
    if stat.S_ISDIR(mode):
        raise OutputError(f"{path}: is a folder")
    if not stat.S_ISREG(mode) or str(path.absolute()).startswith(("/dev/std", "/dev/fd/", "/proc/")):
        # CAUTION: renaming over a device or a FIFO would replace it with a regular file
        # (as root, /dev/null itself); there is nothing to be atomic about in a stream. A
        # /dev/stdout that the shell points at a file (">> log") is written as the shell opened it.
        _write_through(path, data)
        return
    target = Path(os.path.realpath(path))
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from exc
    try:
        # mkstemp makes the file private (0600); a report gets the mode any new file would.
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        Path(tmp).replace(target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from exc


def _write_through(path: Path, data: bytes) -> None:
    try:
        with path.open("ab") as handle:  # appending: a stream the shell opened (">> log") keeps what it holds
            handle.write(data)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from exc


def _umask() -> int:
    """The process's umask (reading it means setting it, so set it straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
