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
