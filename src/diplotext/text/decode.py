"""Bytes to text, with the encoding recorded and a specific error for every bad input.

Russian and Belarusian sites still serve cp1251, KOI8-R and UTF-16 files, often without a BOM.
UTF-8 is tried first (it almost never decodes a legacy file by accident); BOMs decide UTF-16/32;
UTF-16 without a BOM is recognised by its zero bytes; anything else goes to charset-normalizer,
restricted to the encodings this genre uses so that it cannot pick an exotic code page.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from ..errors import BinaryInputError, DecodingError, EmptyInputError, InputTooLargeError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
"""20 MB: a long treaty is under 1 MB; anything far larger is not a single statement."""

LEGACY_ENCODINGS = ("cp1251", "koi8_r", "cp1252", "iso8859_5", "mac_cyrillic", "latin_1")

_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or DOCX/XLSX/ODT)",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an MS Office 97-2003 document",
    b"{\\rtf": "an RTF document",
    b"\x7fELF": "an executable",
    b"Rar!": "a RAR archive",
    b"7z\xbc\xaf": "a 7-Zip archive",
}


@dataclass(frozen=True)
class Decoded:
    """Decoded text and how it was decoded."""

    text: str
    encoding: str


def _sniff_binary(data: bytes) -> str | None:
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            return what
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text in Latin or Cyrillic script has a zero byte in every other position."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_zeros = sample[0::2].count(0) / len(sample[0::2])
    odd_zeros = sample[1::2].count(0) / len(sample[1::2])
    if odd_zeros > 0.3 and even_zeros < 0.05:
        return "utf_16_le"
    if even_zeros > 0.3 and odd_zeros < 0.05:
        return "utf_16_be"
    # Cyrillic in UTF-16-LE is 0x04xx: the high byte is 0x04 at odd positions.
    odd = sample[1::2]
    if odd.count(4) + odd.count(0) > 0.9 * len(odd) and even_zeros < 0.05:
        return "utf_16_le"
    even = sample[0::2]
    if even.count(4) + even.count(0) > 0.9 * len(even) and odd_zeros < 0.05:
        return "utf_16_be"
    return None


def decode_bytes(data: bytes, *, max_bytes: int | None = DEFAULT_MAX_BYTES) -> Decoded:
    """Decode the bytes of a text file, or raise a specific `InputError`."""
    if max_bytes is not None and len(data) > max_bytes:
        raise InputTooLargeError(
            f"input is {len(data):,} bytes, over the limit of {max_bytes:,} bytes (raise it with --max-bytes)"
        )
    if not data:
        raise EmptyInputError("input is empty (0 bytes)")
    what = _sniff_binary(data)
    if what:
        raise BinaryInputError(f"input is {what}, not a text file")
    for bom, enc in ((codecs.BOM_UTF32_LE, "utf_32_le"), (codecs.BOM_UTF32_BE, "utf_32_be"),
                     (codecs.BOM_UTF8, "utf_8"), (codecs.BOM_UTF16_LE, "utf_16_le"), (codecs.BOM_UTF16_BE, "utf_16_be")):
        if data.startswith(bom):
            try:
                # The BOM stays in the text as U+FEFF so that offsets agree with a plain
                # `data.decode("utf-8")` (what most readers of our JSON will do).
                return _checked(data.decode(enc), enc.replace("_", "-"))
            except UnicodeDecodeError as exc:
                raise DecodingError(f"input starts with a {enc} byte-order mark but is not valid {enc}: {exc.reason} at byte {exc.start}") from None
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return _checked(data.decode(utf16), utf16.replace("_", "-"))
        except UnicodeDecodeError:
            pass
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise BinaryInputError("input contains NUL bytes and is neither UTF-8 nor UTF-16: not a text file")
    return _decode_legacy(data)


def _decode_legacy(data: bytes) -> Decoded:
    from charset_normalizer import from_bytes  # imported here: only legacy files pay for it

    best = from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best()
    if best is None:
        raise DecodingError("input is not valid UTF-8, UTF-16 or any legacy Cyrillic/Latin encoding")
    return _checked(str(best), best.encoding.replace("_", "-"))


def _checked(text: str, encoding: str) -> Decoded:
    if not text.strip():
        raise EmptyInputError("input has no text (only whitespace)")
    controls = sum(1 for ch in text[:65536] if ch < " " and ch not in "\n\r\t\f\v")
    if controls > 0.1 * min(len(text), 65536):
        raise BinaryInputError("input is mostly control characters: a binary file, not a text")
    return Decoded(text=text, encoding=encoding)
