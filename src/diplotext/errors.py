"""Errors that diplotext raises on purpose.

Every failure caused by the input is a `DiplotextError` subclass with a message that names the
problem and, where it helps, what to do. Callers can catch `DiplotextError` alone; the batch
runner records the class name and message of each one in `_errors.jsonl` and goes on.
"""

from __future__ import annotations


class DiplotextError(Exception):
    """Base class of every error diplotext raises about its input or configuration."""


class InputError(DiplotextError):
    """The input cannot be read as a text: empty, binary, undecodable, too large, unreadable."""


class EmptyInputError(InputError):
    """The input has no text in it (zero bytes, or only whitespace)."""


class BinaryInputError(InputError):
    """The input is a binary file (an image, a PDF, an archive, ...), not a text; or a text file
    with NUL bytes or mostly control characters in it (a corrupt download)."""


class DecodingError(InputError):
    """The bytes cannot be decoded as text in any supported encoding: UTF-8 with damaged bytes,
    UTF-16 with a broken BOM or an odd length, bytes that make no letters in any code page."""


class InputTooLargeError(InputError):
    """The input is larger than the configured maximum: a file over `max_bytes` (refused before it
    is read), or a string over `max_chars` given to `parse()`."""


class UnreadableInputError(InputError):
    """The path cannot be read: missing, a directory, no permission, a broken link."""


class GazetteerError(DiplotextError):
    """A user-supplied gazetteer file is malformed; the message names the entry and the field."""


class LanguageError(DiplotextError):
    """The requested language (`lang=`) is not supported: not one of 'en', 'ru'."""


class CallerDateError(DiplotextError, ValueError):
    """The date the caller gave (`date=`, `--date`) is not an ISO year, month or day that exists
    (``2012``, ``2012-06``, ``2012-06-19``). A `ValueError` too, as for any bad argument."""


class OutputError(DiplotextError):
    """An output cannot be written: the folder is read-only or cannot be created, the disk is
    full, the file name is too long for the file system.

    `stops_batch` says why no other output can be written either (a full disk, a read-only
    file system), or is None when only this one failed (its name is too long)."""

    def __init__(self, message: str, stops_batch: str | None = None) -> None:
        super().__init__(message)
        self.stops_batch = stops_batch


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """'1 file', '2 files': a count with its noun, for the messages and summaries diplotext writes."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"
