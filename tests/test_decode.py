"""Bytes to text: every encoding the genre uses, and a specific error for every bad input.

The texts are written for these tests. Each successful decoding records its encoding, and
``data.decode(encoding) == text`` holds, so that offsets can be re-made from the bytes.
"""

from __future__ import annotations

import codecs
import os
import tracemalloc
from pathlib import Path

import pytest

from diplotext.errors import (
    BinaryInputError,
    DecodingError,
    DiplotextError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    UnreadableInputError,
)
from diplotext.text.decode import DEFAULT_MAX_BYTES, decode_bytes, legacy_scores, scrub_surrogates
from diplotext.text.files import read_bytes

EN = "Joint Statement of the Ministers of Foreign Affairs of Belarus and Russia. Trade exceeded US$ 38 billion."
RU = "Совместное заявление министров иностранных дел Республики Беларусь и Российской Федерации."
BE = "Сумесная заява міністраў замежных спраў Рэспублікі Беларусь і Расійскай Федэрацыі."


def decoded(data: bytes) -> tuple[str, str]:
    d = decode_bytes(data)
    assert data.decode(d.encoding.replace("-", "_")) == d.text, "the recorded encoding re-makes the text"
    return d.text, d.encoding


# --------------------------------------------------------------------------- Unicode


@pytest.mark.parametrize("text", [EN, RU, BE])
def test_utf8_without_bom(text):
    assert decoded(text.encode("utf-8")) == (text, "utf-8")


def test_utf8_with_bom_keeps_the_bom_as_a_character_so_offsets_match_a_plain_decode():
    assert decoded(codecs.BOM_UTF8 + RU.encode()) == ("\ufeff" + RU, "utf-8")


@pytest.mark.parametrize("text", [EN, RU, BE])
@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(text, enc):
    bom = codecs.BOM_UTF16_LE if enc.endswith("le") else codecs.BOM_UTF16_BE
    assert decoded(bom + text.encode(enc)) == ("\ufeff" + text, enc)


@pytest.mark.parametrize("text", [EN, RU, BE, "Минск", "ОДКБ и ЕАЭС", "Hi"])
@pytest.mark.parametrize("enc", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised_by_its_zero_or_0x04_bytes(text, enc):
    assert decoded(text.encode(enc)) == (text, enc)


@pytest.mark.parametrize("enc", ["utf-32-le", "utf-32-be"])
def test_utf32_with_bom(enc):
    bom = codecs.BOM_UTF32_LE if enc.endswith("le") else codecs.BOM_UTF32_BE
    assert decoded(bom + RU.encode(enc)) == ("\ufeff" + RU, enc)


def test_html_is_text():
    page = '<html><head><meta charset="utf-8"><title>Заявление</title></head><body><p>Минск</p></body></html>'
    assert decoded(page.encode()) == (page, "utf-8")


# --------------------------------------------------------------------------- legacy code pages

RUSSIAN_SHORT = [
    "Минск",
    "Москва",
    "МИНСК",
    "Лукашенко",
    "Путин и Лукашенко",
    "Совместное заявление",
    "СОВМЕСТНОЕ ЗАЯВЛЕНИЕ",
    "Декларация о союзе",
    "8 декабря 1999 года",
    "Москва, 8 декабря 1999 года",
    "ДОГОВОР О СОЗДАНИИ СОЮЗНОГО ГОСУДАРСТВА",
    "товарооборот вырос на 34,9 процента",
    "Стороны подтвердили приверженность Уставу ООН.",
    "ОДКБ, ЕАЭС и СНГ",
    "Заявление для прессы",
    RU,
    "Коммюнике\n\nМинистры обсудили вопросы безопасности и торговли.",
]
BELARUSIAN_SHORT = [
    "Мінск",
    "Рэспубліка Беларусь",
    "Сумесная заява",
    "СУМЕСНАЯ ЗАЯВА",
    "Дзяржаўны сакратар",
    "ўзаемадзеянне",
    "Саюзная дзяржава",
    BE,
]


@pytest.mark.parametrize("text", RUSSIAN_SHORT + BELARUSIAN_SHORT)
def test_cp1251_without_bom_even_on_a_word(text):
    assert decoded(text.encode("cp1251")) == (text, "cp1251")


@pytest.mark.parametrize("text", RUSSIAN_SHORT)
def test_koi8r_without_bom_even_on_a_word(text):
    assert decoded(text.encode("koi8_r")) == (text, "koi8-r")


def test_cp1251_and_koi8r_differ_by_the_letters_they_make_not_by_a_guess():
    # The same bytes are two different texts; the scores say which is Russian.
    data = "Беларусь".encode("cp1251")
    scores = legacy_scores(data)
    assert scores["cp1251"] > scores["koi8_r"] + 1
    data = "Беларусь".encode("koi8_r")
    scores = legacy_scores(data)
    assert scores["koi8_r"] > scores["cp1251"] + 1


def test_a_long_russian_file_in_cp1251_with_punctuation_and_latin():
    text = ("«Совместное заявление» — Минск, 6 декабря 2024 г.\r\n"
            "Стороны (Республика Беларусь и Российская Федерация) отметили рост товарооборота до 50 млрд долл. США; "
            "ОДКБ, ЕАЭС, CSTO, EAEU № 1…\r\n") * 50
    assert decoded(text.encode("cp1251")) == (text, "cp1251")


def test_western_text_in_cp1252():
    text = "Déclaration commune: le président s’est rendu à Genève; Größe, Sánchez, “quotes” — 5 €"
    assert decoded(text.encode("cp1252")) == (text, "cp1252")


def test_mostly_english_file_with_russian_names_in_cp1251():
    text = "Joint Statement. The ministers met in Minsk (Минск) and Moscow (Москва) on 5 May 2011."
    assert decoded(text.encode("cp1251")) == (text, "cp1251")


# --------------------------------------------------------------------------- errors


def error_of(data: bytes, **kw) -> InputError:
    with pytest.raises(InputError) as info:
        decode_bytes(data, **kw)
    assert str(info.value)
    return info.value


def test_empty_file():
    err = error_of(b"")
    assert type(err) is EmptyInputError and "0 bytes" in str(err)


@pytest.mark.parametrize("data", [b"   \n\t\r\n  ", "\u00a0\u3000 ".encode(), codecs.BOM_UTF8 + b"  \n", codecs.BOM_UTF16_LE])
def test_only_whitespace(data):
    assert type(error_of(data)) is EmptyInputError


@pytest.mark.parametrize(
    "data, what",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00", "ZIP"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"GIF89a\x01\x00\x01\x00", "GIF"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "MS Office"),
        (b"\x7fELF\x02\x01\x01\x00", "ELF"),
        (b"{\\rtf1\\ansi\\deff0 Hello}", "RTF"),
        (b"SQLite format 3\x00\x10\x00", "SQLite"),
    ],
)
def test_binary_formats_are_named(data, what):
    err = error_of(data + b"some text after the header" * 10)
    assert type(err) is BinaryInputError and what in str(err)


def test_nul_bytes_in_otherwise_utf8_text():
    err = error_of(EN.encode() + b"\x00\x00" + RU.encode())
    assert type(err) is BinaryInputError and "NUL" in str(err)


def test_nul_bytes_in_otherwise_cp1251_text():
    err = error_of(RU.encode("cp1251") + b"\x00" + RU.encode("cp1251"))
    assert type(err) is BinaryInputError and "NUL" in str(err) and f"byte {len(RU):,}" in str(err)


def test_mostly_control_characters():
    err = error_of(bytes(range(1, 9)) * 100 + b"text")
    assert type(err) is BinaryInputError and "control" in str(err)


def test_utf8_with_a_damaged_byte_names_its_offset():
    data = RU.encode() + b"\xff" + RU.encode()
    err = error_of(data)
    assert type(err) is DecodingError
    assert f"at byte {len(RU.encode()):,}" in str(err) and "UTF-8" in str(err)


def test_truncated_utf8_sequence_at_the_end():
    data = RU.encode() + "ы".encode()[:1]
    assert type(error_of(data)) is DecodingError


def test_utf16_bom_with_an_odd_length_or_a_lone_surrogate():
    assert type(error_of(codecs.BOM_UTF16_LE + RU.encode("utf-16-le") + b"\x04")) is DecodingError
    assert type(error_of(codecs.BOM_UTF16_LE + "ab".encode("utf-16-le") + b"\x00\xd8" + "cd".encode("utf-16-le"))) is DecodingError


def test_utf8_bom_followed_by_invalid_bytes():
    err = error_of(codecs.BOM_UTF8 + b"abc \xff\xfe def")
    assert type(err) is DecodingError and "byte-order mark" in str(err)


def test_utf16_without_bom_and_odd_length_says_truncated():
    err = error_of("Hello world, how are you".encode("utf-16-le") + b"\xd8")
    assert type(err) is DecodingError and "truncated" in str(err)


def test_bytes_that_make_no_letters_in_any_code_page():
    # C1 control bytes and KOI8-R box drawing: no code page makes text of them.
    err = error_of(b"\x80\x81\x8d\x8f\x90\x9d\x98" * 20)
    assert type(err) is DecodingError and "code page" in str(err)


def test_over_max_bytes():
    err = error_of(b"a" * 101, max_bytes=100)
    assert type(err) is InputTooLargeError and "100" in str(err) and "--max-bytes" in str(err)
    assert decode_bytes(b"a" * 100, max_bytes=100).text == "a" * 100


def test_every_input_error_is_a_diplotext_error():
    for cls in (EmptyInputError, BinaryInputError, DecodingError, InputTooLargeError, UnreadableInputError):
        assert issubclass(cls, InputError) and issubclass(cls, DiplotextError)


# --------------------------------------------------------------------------- lone surrogates


def test_scrub_surrogates_replaces_one_for_one():
    text = "ab\ud800c\udfffd"
    clean, where = scrub_surrogates(text)
    assert clean == "ab\ufffdc\ufffdd" and where == [2, 4] and len(clean) == len(text)
    clean.encode("utf-8")
    assert scrub_surrogates("Минск 😀") == ("Минск 😀", [])


# --------------------------------------------------------------------------- files


def test_read_missing_file(tmp_path):
    with pytest.raises(UnreadableInputError, match="no such file"):
        read_bytes(tmp_path / "gone.txt")


def test_read_a_directory(tmp_path):
    (tmp_path / "x.txt").mkdir()
    with pytest.raises(UnreadableInputError, match="directory"):
        read_bytes(tmp_path / "x.txt")


def test_read_a_broken_symlink(tmp_path):
    (tmp_path / "link.txt").symlink_to(tmp_path / "nowhere.txt")
    with pytest.raises(UnreadableInputError, match="broken symbolic link"):
        read_bytes(tmp_path / "link.txt")


def test_read_a_symlink_loop(tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    with pytest.raises(UnreadableInputError, match="link"):
        read_bytes(tmp_path / "a.txt")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_instead_of_blocking(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.raises(UnreadableInputError, match="named pipe"):
        read_bytes(tmp_path / "pipe.txt")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads every file")
def test_read_without_permission(tmp_path):
    p = tmp_path / "secret.txt"
    p.write_text("text")
    p.chmod(0)
    try:
        with pytest.raises(UnreadableInputError, match="permission denied"):
            read_bytes(p)
    finally:
        p.chmod(0o600)


def test_a_50_mb_file_is_refused_without_being_read(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:  # sparse: 50 MB on paper, nothing on disk
        fh.truncate(50 * 1024 * 1024)
    tracemalloc.start()
    try:
        with pytest.raises(InputTooLargeError, match="52,428,800 bytes"):
            read_bytes(big, max_bytes=DEFAULT_MAX_BYTES)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1024 * 1024, "the file was read into memory"


def test_parse_file_refuses_a_50_mb_file_with_the_default_limit(tmp_path):
    import diplotext

    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    with pytest.raises(InputTooLargeError, match="--max-bytes"):
        diplotext.parse_file(big)


def test_max_bytes_reaches_the_file_reader_through_read_path(tmp_path):
    from diplotext.pipeline import read_path

    p = tmp_path / "s.txt"
    p.write_bytes(RU.encode("cp1251"))
    with pytest.raises(InputTooLargeError):
        read_path(p, max_bytes=10)
    text, encoding, digest = read_path(p, max_bytes=None)
    assert (text, encoding) == (RU, "cp1251") and len(digest) == 64


def test_read_exactly_at_the_limit(tmp_path):
    p = tmp_path / "s.txt"
    p.write_bytes(b"x" * 100)
    assert read_bytes(p, max_bytes=100) == b"x" * 100
    with pytest.raises(InputTooLargeError):
        read_bytes(p, max_bytes=99)


def test_every_bad_file_gives_its_own_message(tmp_path):
    files = {
        "empty.txt": b"",
        "image.txt": b"\x89PNG\r\n\x1a\n" + bytes(100),
        "doc.txt": b"%PDF-1.4\n" + bytes(range(256)),
        "archive.txt": b"PK\x03\x04" + bytes(100),
        "nul.txt": b"Joint Statement\x00 of the parties",
        "damaged.txt": "Совместное заявление".encode() + b"\xc0\xff",
    }
    messages = set()
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(InputError) as info:
            decode_bytes(read_bytes(tmp_path / name))
        messages.add(str(info.value))
    assert len(messages) == len(files)


def test_the_seed_files_still_decode():
    raw = Path(__file__).resolve().parent.parent / "data" / "raw"
    for p in sorted(raw.glob("*.txt")):
        text, encoding = decoded(p.read_bytes())
        assert text.strip() and encoding


def test_utf8_followed_by_cp1251_is_decoded_part_by_part():
    utf8 = ("Совместное заявление Президентов.\n" * 3).encode("utf-8")
    legacy = "Министры обсудили вопросы сотрудничества.\n".encode("cp1251")
    d = decode_bytes(utf8 + legacy + utf8)
    assert d.encoding == "utf-8+cp1251"
    assert d.text == utf8.decode() + legacy.decode("cp1251") + utf8.decode()


def test_cp1251_followed_by_utf8_and_koi8r_after_utf8():
    utf8 = "Президенты встретились в Минске и обсудили торговлю.\n".encode("utf-8")
    assert decode_bytes("Министры иностранных дел.\n".encode("cp1251") + utf8).encoding == "utf-8+cp1251"
    assert decode_bytes(utf8 + "Привет, мир\n".encode("koi8_r")).text.endswith("Привет, мир\n")


def test_utf8_followed_by_bytes_that_are_no_text_is_refused_not_guessed():
    utf8 = "Президенты встретились в Минске и обсудили торговлю.\n".encode("utf-8")
    err = error_of(utf8 + bytes(range(0x80, 0x8A)) * 2 + b"\n")  # control characters or rare symbols in every code page
    assert type(err) is DecodingError and "UTF-8 in part" in str(err) and f"from byte {len(utf8):,}" in str(err)


def test_utf8_with_a_damaged_byte_in_one_line_of_many_is_still_damaged_utf8():
    line = "Президенты встретились в Минске и обсудили торговлю.\n".encode("utf-8")
    err = error_of(line * 3 + line[:20] + b"\xff" + line[21:] + line)
    assert type(err) is DecodingError and "invalid byte" in str(err)
