"""Bytes to text, with the encoding recorded and a specific error for every bad input.

Russian and Belarusian sites still serve cp1251, KOI8-R and UTF-16 files, often without a BOM.
The order of decisions:

1. size (`max_bytes`), emptiness, and the magic bytes of common binary formats (PNG, PDF, ZIP, ...);
2. a byte-order mark decides UTF-8, UTF-16 or UTF-32;
3. UTF-16 without a BOM is recognised by its zero bytes (Latin) or 0x04 bytes (Cyrillic) in
   every other position;
4. UTF-8 (it almost never decodes a legacy file by accident); a file that is UTF-8 except for a
   few damaged bytes is refused with the offset of the first one, not misread as cp1251;
5. otherwise the single-byte code pages of the genre (`LEGACY_ENCODINGS`) compete: each decodes
   the bytes and is scored by how plausible the non-ASCII characters it yields are (Russian and
   Belarusian letter frequencies, punctuation, no case flips inside words, no mixed-script
   words). cp1251 and KOI8-R map the same 64 bytes to the same 64 letters in different orders,
   so a wrong guess produces rare letters and wOrDS wITH INVERTED case: the scores tell them
   apart on a single word.

The decoded text always satisfies ``data.decode(encoding) == text`` for the recorded encoding
(a BOM stays in the text as U+FEFF), so offsets can be re-made from the bytes by anyone.

Text that cannot be a statement is refused, each case with its own message: NUL bytes (a
corrupt download, or a binary file), mostly control characters, only whitespace.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..errors import BinaryInputError, DecodingError, EmptyInputError, InputTooLargeError
from ..resources import load_json

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
"""20 MiB per file: a long treaty is under 1 MB; anything far larger is not a single statement."""

DEFAULT_MAX_CHARS = 20 * 1024 * 1024
"""The most characters `parse()` takes in one text (a 20 MiB ASCII file decodes to this many)."""

LEGACY_ENCODINGS = ("cp1251", "koi8_r", "cp1252", "iso8859_5")
"""The single-byte code pages considered for a file that is not Unicode, most likely first
(a tie goes to the earlier one). MacCyrillic and Latin-1 are left out on purpose: MacCyrillic
makes garbage look like capital letters, and Latin-1 text is cp1252 text."""

_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF87a": "a GIF image",
    b"GIF89a": "a GIF image",
    b"BM": None,  # a BMP image only with its header: checked below
    b"II*\x00": "a TIFF image",
    b"MM\x00*": "a TIFF image",
    b"RIFF": "a RIFF file (WAV audio, AVI video or WebP image)",
    b"OggS": "an Ogg audio file",
    b"ID3": "an MP3 audio file",
    b"\x1a\x45\xdf\xa3": "a Matroska/WebM video",
    b"PK\x03\x04": "a ZIP archive (or DOCX/XLSX/ODT/EPUB)",
    b"PK\x05\x06": "an empty ZIP archive",
    b"\x1f\x8b": "a gzip archive",
    b"BZh": None,  # bzip2 only with its block header: checked below
    b"\xfd7zXZ\x00": "an xz archive",
    b"(\xb5/\xfd": "a zstd archive",
    b"Rar!\x1a\x07": "a RAR archive",
    b"7z\xbc\xaf\x27\x1c": "a 7-Zip archive",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1": "an MS Office 97-2003 document (DOC/XLS/PPT)",
    b"{\\rtf": "an RTF document",
    b"\x7fELF": "an executable (ELF)",
    b"MZ": None,  # a Windows executable only with its stub: checked below
    b"\xca\xfe\xba\xbe": "a Java class file or Mach-O executable",
    b"SQLite format 3\x00": "an SQLite database",
    b"wOFF": "a WOFF font",
    b"wOF2": "a WOFF2 font",
    b"\x00\x01\x00\x00\x00": "a TrueType font",
    b"\x00\x00\x01\x00": "an icon (ICO)",
}


@dataclass(frozen=True)
class Decoded:
    """Decoded text and how it was decoded: ``data.decode(encoding) == text``."""

    text: str
    encoding: str


# --------------------------------------------------------------------------- binary formats


def _sniff_binary(data: bytes) -> str | None:
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            if what is not None:
                return what
            if magic == b"BM" and len(data) >= 14 and data[6:10] == b"\x00\x00\x00\x00":
                return "a BMP image"
            if magic == b"BZh" and data[3:4].isdigit() and data[4:10] == b"1AY&SY":
                return "a bzip2 archive"
            if magic == b"MZ" and b"\x00" in data[2:64]:
                return "a Windows executable"
    return None


# --------------------------------------------------------------------------- Unicode encodings

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16-LE: FF FE 00 00 starts with FF FE
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text in Latin or Cyrillic script has a zero (or 0x04) byte in every other position."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_zeros = even.count(0) / len(even)
    odd_zeros = odd.count(0) / len(odd)
    if odd_zeros > 0.3 and even_zeros < 0.05:
        return "utf-16-le"
    if even_zeros > 0.3 and odd_zeros < 0.05:
        return "utf-16-be"
    # Cyrillic is U+04xx: its high byte 0x04 stands at every odd (LE) or even (BE) position.
    if odd.count(4) + odd.count(0) > 0.9 * len(odd) and odd.count(4) > 0.3 * len(odd) and even_zeros < 0.05:
        return "utf-16-le"
    if even.count(4) + even.count(0) > 0.9 * len(even) and even.count(4) > 0.3 * len(even) and odd_zeros < 0.05:
        return "utf-16-be"
    return None


def _context(data: bytes, at: int) -> str:
    return repr(data[max(0, at - 12):at + 12])


_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_HIGH_BYTES = re.compile(rb"[\x80-\xff]+")


def _damaged_utf8(data: bytes) -> tuple[int, int] | None:
    """(invalid bytes, first invalid offset) when `data` is UTF-8 apart from a few damaged bytes.

    Legacy Cyrillic text forms valid UTF-8 sequences only by accident (cp1251 'Мі' is one);
    in a UTF-8 file nearly every non-ASCII byte belongs to one.
    """
    sample = data[:1 << 20]
    high = sum(len(m) for m in _HIGH_BYTES.findall(sample))
    if high == 0:
        return None
    valid = sum(len(m) for m in _UTF8_SEQUENCE.findall(sample))
    if valid < 4 or valid < 0.8 * high:
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = len(data.decode("utf-8", "replace")) - len(data.decode("utf-8", "ignore"))
        return bad, exc.start
    return None  # pragma: no cover - only called after strict UTF-8 failed


_MIN_UTF8_LETTERS = 8
"""Multi-byte characters a run of UTF-8 lines must hold to count as UTF-8 in a mixed file: a
legacy line forms a valid sequence by accident now and then (cp1251 'Мі'), never eight."""


def _line_runs(data: bytes) -> list[tuple[bool, bytes]]:
    """`data` as runs of whole lines, each (is UTF-8, bytes): a line of ASCII belongs to the run
    before it; a line that decodes as UTF-8 with multi-byte characters starts or extends a UTF-8
    run, any other a legacy run."""
    runs: list[tuple[bool, list[bytes]]] = []
    for line in data.splitlines(keepends=True):
        if line.isascii():
            kind = runs[-1][0] if runs else True
        else:
            try:
                line.decode("utf-8")
                kind = True
            except UnicodeDecodeError:
                kind = False
        if runs and runs[-1][0] == kind:
            runs[-1][1].append(line)
        else:
            runs.append((kind, [line]))
    return [(kind, b"".join(lines)) for kind, lines in runs]


def _mixed_utf8(data: bytes) -> Decoded | None:
    """A file whose lines are part UTF-8, part one legacy code page (UTF-8 text with a cp1251
    passage pasted in, or the other way round), decoded part by part; None when it is not such
    a file. Offsets stay character offsets into the text so decoded.

    A UTF-8 run with too few multi-byte characters is taken for legacy text that formed valid
    sequences by accident; the legacy runs must be plausible text in one code page (the same
    test as a whole legacy file), else the file is refused rather than half guessed; lines that
    are UTF-8 but for a damaged byte are no legacy text.
    """
    runs = _line_runs(data)
    utf8 = [(k and sum(1 for b in part if b >= 0xC0) >= _MIN_UTF8_LETTERS) for k, part in runs]
    if not any(utf8) or all(utf8):
        return None
    legacy = b"".join(part for part, u in zip((p for _, p in runs), utf8) if not u)
    high = sum(len(m) for m in _HIGH_BYTES.findall(legacy))
    if sum(len(m) for m in _UTF8_SEQUENCE.findall(legacy)) >= 0.5 * high:
        return None  # UTF-8 lines with damaged bytes, not a legacy code page: see `_damaged_utf8`
    scores = legacy_scores(legacy)
    best = max(scores, key=lambda enc: (scores[enc], -LEGACY_ENCODINGS.index(enc)), default=None)
    if best is None or scores[best] < _MIN_MEAN_SCORE:
        first = sum(len(p) for _, p in runs[:utf8.index(False)])
        raise DecodingError(
            f"input is UTF-8 in part, but the bytes from byte {first:,} on are neither UTF-8 nor text in a "
            f"legacy code page ({', '.join(LEGACY_ENCODINGS)}): re-save the file in one encoding"
        )
    try:
        text = "".join(part.decode("utf-8" if u else best) for (_, part), u in zip(runs, utf8))
    except UnicodeDecodeError:
        return None
    return _checked(text, f"utf-8+{best.replace('_', '-')}")


# --------------------------------------------------------------------------- legacy code pages

_COMMON_PUNCT = set("«»—–…№“”„‘’•€\u00a0©®°§")
_PRIOR = {"cp1251": 0.0, "koi8_r": -2.0, "cp1252": -1.0, "iso8859_5": -4.0}
"""Log prior odds of each code page in this genre (whole text, not per byte): on the web of
the region cp1251 far outnumbers KOI8-R and ISO 8859-5; it only tips the balance on a word or two."""

_CASE_FLIP = re.compile(r"[а-яёіўєїґß-öø-ÿ][А-ЯЁІЎЄЇҐÀ-ÖØ-Þ]|[ß-öø-ÿ][A-Z]")
"""A lower-case letter followed by a capital inside a word: what a wrong code page makes of
'Минск' ('нЙОУЛ' read as cp1251 from KOI8-R bytes)."""
_MIXED_SCRIPT = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][Ѐ-ӿ]|[Ѐ-ӿ][A-Za-zÀ-ÖØ-öø-ÿ]")
"""Latin and Cyrillic letters side by side: 'Sбnchez' is cp1252's 'Sánchez' read as cp1251."""
_CYRILLIC_WORD = re.compile(r"[Ѐ-ӿ]+")
_LATIN_ALONE = re.compile(r"(?<![A-Za-zÀ-ÖØ-öø-ÿ])[À-ÖØ-öø-ÿ]+(?![A-Za-zÀ-ÖØ-öø-ÿ])")
"""A word of accented Latin letters only: Western words have plain letters around their accents."""
_LATIN_RUN = re.compile(r"(?<=[À-ÖØ-öø-ÿ])[À-ÖØ-öø-ÿ]")
"""An accented Latin letter right after another: rare in Western names ('Größe'), the rule in
Cyrillic text read as cp1252 ('Ïðèâåò')."""
_UNKNOWN_BIGRAM = -8.0


@lru_cache(maxsize=1)
def _bigrams() -> tuple[frozenset[str], dict[str, float], frozenset[str]]:
    """The letter-bigram model of Russian/Belarusian/Ukrainian words and their frequent short
    words (made by tools/make_cyrillic_bigrams.py)."""
    data = load_json("cyrillic_bigrams.json")
    return frozenset(data["alphabet"]), data["logp"], frozenset(data["frequent_words"])


def _char_score(ch: str, alphabet: frozenset[str]) -> float:
    """The log-likelihood, roughly, of meeting `ch` as a non-ASCII character in this genre.
    Cyrillic letters score 0 here: the bigram model scores them in their words."""
    if ch.lower() in alphabet:
        return 0.0
    if "\u0400" <= ch <= "\u04ff":
        return -8.0  # Serbian, Macedonian, ... letters: possible, rare
    if ch in _COMMON_PUNCT:
        return -4.5
    if ch == "\u00ad":
        return -6.0
    category = unicodedata.category(ch)
    if category[0] == "L":
        return -6.5  # accented Latin: names like Sánchez, Gödel
    if category[0] in "PS" and not ("\u2500" <= ch <= "\u259f" or "\u2320" <= ch <= "\u2321"):
        return -8.0
    if category[0] in "PSN":
        return -10.0  # box drawing, blocks: KOI8-R pseudographics
    return -14.0  # C1 controls and the like


@lru_cache(maxsize=None)
def _table(encoding: str) -> tuple[float | None, ...]:
    """For each byte 0x80..0xFF: its score in `encoding`, or None where the byte is undefined."""
    alphabet = _bigrams()[0]
    out: list[float | None] = []
    for b in range(0x80, 0x100):
        try:
            out.append(_char_score(bytes([b]).decode(encoding), alphabet))
        except UnicodeDecodeError:
            out.append(None)
    return tuple(out)


def _words_score(text: str) -> float:
    """Bigram log-likelihood of the Cyrillic words in `text`, with penalties for case and script."""
    _, logp, frequent = _bigrams()
    score = 0.0
    for m in _CYRILLIC_WORD.finditer(text):
        word = m.group()
        low = word.lower().replace("ё", "е")
        if low in frequent:
            score -= 1.0 + 1.5 * (len(word) > 1 and word.isupper())
            continue
        prev = "^"
        word_score = 0.0
        for ch in low:
            word_score += logp.get(prev + ch, _UNKNOWN_BIGRAM)
            prev = ch
        word_score += logp.get(prev + "$", _UNKNOWN_BIGRAM)
        score += word_score * len(low) / (len(low) + 1)  # per letter, as the other characters
        if len(word) > 1 and word.isupper():
            score -= 1.5  # capitals are rarer than small letters, but whole words in capitals occur
    return (score - 5.0 * len(_CASE_FLIP.findall(text)) - 6.0 * len(_MIXED_SCRIPT.findall(text))
            - 3.0 * len(_LATIN_RUN.findall(text)) - 2.0 * len(_LATIN_ALONE.findall(text)))


_SCORE_SAMPLE = 1 << 14
_MIN_MEAN_SCORE = -9.0
"""Below this mean score per non-ASCII byte, no code page makes text of the bytes."""


def legacy_scores(data: bytes) -> dict[str, float]:
    """Each legacy code page's mean score per non-ASCII byte of the first 16 KiB (higher is more
    plausible); code pages in which some byte of the sample is undefined are left out."""
    sample = data[:_SCORE_SAMPLE]
    high = {b: n for b, n in Counter(sample).items() if b >= 0x80}
    total = sum(high.values())
    if not total:
        return {}
    scores = {}
    for enc in LEGACY_ENCODINGS:
        table = _table(enc)
        score = 0.0
        for b, n in high.items():
            s = table[b - 0x80]
            if s is None:
                break
            score += n * s
        else:
            scores[enc] = (score + _words_score(sample.decode(enc)) + _PRIOR[enc]) / total
    return scores


def _decode_legacy(data: bytes) -> Decoded:
    scores = legacy_scores(data)
    ranked = sorted(scores, key=lambda enc: (-scores[enc], LEGACY_ENCODINGS.index(enc)))
    for enc in ranked:
        if scores[enc] < _MIN_MEAN_SCORE:
            break
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue  # a byte past the scored sample is undefined here: try the next best
        return _checked(text, enc.replace("_", "-"))
    raise DecodingError(
        "input is not text in UTF-8, UTF-16 or a legacy Cyrillic/Latin code page "
        f"({', '.join(LEGACY_ENCODINGS)}): its non-ASCII bytes make no plausible letters in any of them"
    )


# --------------------------------------------------------------------------- entry point


def decode_bytes(data: bytes, *, max_bytes: int | None = DEFAULT_MAX_BYTES) -> Decoded:
    """Decode the bytes of a text file, or raise a specific `InputError`.

    `EmptyInputError` (no bytes, or only whitespace), `BinaryInputError` (a known binary format,
    NUL bytes, mostly control characters), `DecodingError` (damaged UTF-8/UTF-16, or bytes that
    are no text in any supported encoding), `InputTooLargeError` (over `max_bytes`).
    """
    data = bytes(data)
    if max_bytes is not None and len(data) > max_bytes:
        raise InputTooLargeError(
            f"input is {len(data):,} bytes, over the limit of {max_bytes:,} bytes (raise it with --max-bytes)"
        )
    if not data:
        raise EmptyInputError("input is empty (0 bytes)")
    what = _sniff_binary(data)
    if what:
        raise BinaryInputError(f"input is {what}, not a text file")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                # The BOM stays in the text as U+FEFF so that offsets agree with a plain
                # `data.decode(encoding)` (what most readers of our JSON will do).
                return _checked(data.decode(enc), enc)
            except UnicodeDecodeError as exc:
                raise DecodingError(
                    f"input starts with a {enc.upper()} byte-order mark but is not valid {enc.upper()}: "
                    f"{exc.reason} at byte {exc.start:,} {_context(data, exc.start)}"
                ) from None
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return _checked(data.decode(utf16), utf16)
        except UnicodeDecodeError as exc:
            raise DecodingError(
                f"input looks like {utf16.upper()} without a byte-order mark (a zero byte in every other "
                f"position) but is not valid {utf16.upper()}: {exc.reason} at byte {exc.start:,}"
                + (" (an odd number of bytes: truncated?)" if len(data) % 2 else "")
            ) from None
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    nul = data.find(b"\x00")
    if nul >= 0:
        raise BinaryInputError(
            f"input contains NUL bytes ({data.count(0):,}, the first at byte {nul:,}) and is neither UTF-8 nor "
            "UTF-16: a binary file, not a text"
        )
    mixed = _mixed_utf8(data)
    if mixed is not None:
        return mixed
    damaged = _damaged_utf8(data)
    if damaged:
        bad, first = damaged
        raise DecodingError(
            f"input is UTF-8 except for {bad:,} invalid byte(s), the first at byte {first:,} {_context(data, first)}: "
            "a damaged file (re-save or re-download it as UTF-8)"
        )
    return _decode_legacy(data)


def _checked(text: str, encoding: str) -> Decoded:
    if not text.strip().strip("\ufeff\u200b\u200c\u200d\u2060").strip():
        raise EmptyInputError(f"input has no text: only whitespace ({len(text):,} characters of {encoding})")
    nul = text.find("\x00")
    if nul >= 0:
        raise BinaryInputError(
            f"input contains NUL characters ({text.count(chr(0)):,}, the first at character {nul:,} of the "
            f"{encoding} text): a text file never does; a corrupt download or a binary file"
        )
    head = text[:65536]
    controls = sum(1 for ch in head if ch < " " and ch not in "\n\r\t\f\v\x1b")
    if controls > 0.1 * len(head):
        raise BinaryInputError(f"input is mostly control characters ({controls:,} in the first {len(head):,}): a binary file, not a text")
    return Decoded(text=text, encoding=encoding)


# --------------------------------------------------------------------------- strings


def scrub_surrogates(text: str) -> tuple[str, list[int]]:
    """`text` with each lone surrogate (U+D800..U+DFFF) replaced by U+FFFD, and their offsets.

    Decoding bytes never yields one; a Python caller can pass one (``os.fsdecode`` of an
    undecodable file name, a JSON string with a bad escape). They cannot be written as UTF-8,
    so a Statement holding one could not be saved. One character replaces one, so every offset
    still points where it did.
    """
    try:
        text.encode("utf-8")
        return text, []
    except UnicodeEncodeError:
        pass
    offsets = [m.start() for m in _SURROGATE.finditer(text)]
    return _SURROGATE.sub("\ufffd", text), offsets


_SURROGATE = re.compile("[\ud800-\udfff]")
