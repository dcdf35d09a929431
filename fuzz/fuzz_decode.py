"""Fuzz target: `decode_bytes` over arbitrary bytes.

Every input must either decode, with ``data.decode(encoding) == text`` (for a file decoded part
by part, ``utf-8+cp1251`` and the like, a known code page after the plus) and no NUL in the
text, or raise an `InputError` subclass. Any other exception is a finding (atheris reports it and
writes the input to crash-*).

    .venv/bin/python fuzz/fuzz_decode.py -runs=1000000 fuzz/corpus/decode
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["diplotext"]):
    from diplotext.errors import InputError
    from diplotext.text.decode import decode_bytes

ENCODINGS = {"utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "cp1251", "koi8-r", "cp1252", "iso8859-5"}


def test_one_input(data: bytes) -> None:
    try:
        decoded = decode_bytes(data, max_bytes=1 << 16)
    except InputError as exc:
        assert str(exc), "an error without a message"
        return
    if decoded.encoding.startswith("utf-8+"):  # UTF-8 lines and legacy lines, decoded part by part
        assert decoded.encoding[len("utf-8+"):] in ENCODINGS, decoded.encoding
        assert len(decoded.text) <= len(data)
    else:
        assert decoded.encoding in ENCODINGS, decoded.encoding
        assert data.decode(decoded.encoding.replace("-", "_")) == decoded.text
    assert "\x00" not in decoded.text
    assert decoded.text.strip()


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
