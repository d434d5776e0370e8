"""Errors the library raises on purpose. The CLI turns each into one line and an exit code.

Exit codes: 0 success, 1 other error, 2 usage error (click), 3 unreadable input, 4 no article
text left after cleaning, 5 model not loadable, 6 bad configuration, 7 output not writable,
8 input over a size limit, 9 a URL could not be fetched (offline, timeout, redirects),
10 the server answered a URL with an error status (404, 500, ...), 11 a batch finished but
some rows failed, 70 internal error (a bug: please report it).
"""

from __future__ import annotations


class CompareError(Exception):
    """Base class: something about the input or the set-up the user can fix."""

    exit_code = 1


class InputError(CompareError):
    """An article could not be read: missing, empty, binary or undecodable."""

    exit_code = 3


class NoContentError(CompareError):
    """An article has no news sentences left once page furniture is set aside."""

    exit_code = 4


class ModelError(CompareError):
    """The embedding model could not be loaded."""

    exit_code = 5


class ConfigError(CompareError):
    """A configuration file or option value is invalid."""

    exit_code = 6


class OutputError(CompareError):
    """A report could not be written."""

    exit_code = 7


class TooLargeError(InputError):
    """An input is over a size limit (bytes, characters); refused before any slow stage runs."""

    exit_code = 8


class FetchError(CompareError):
    """A URL could not be fetched: offline, refused, timed out, too many redirects."""

    exit_code = 9


class HTTPStatusError(FetchError):
    """The server answered with an error status (404, 500, ...)."""

    exit_code = 10


class BatchRowsFailed(CompareError):
    """A batch ran to the end, but some rows failed (each was reported and recorded)."""

    exit_code = 11
