"""Property-based tests: whatever string `parse()` gets, it returns a sound Statement (every
offset slices back to its text, JSON can be written) or raises a documented `DiplotextError`;
whatever bytes `decode_bytes()` gets, it decodes them faithfully or raises an `InputError`.

Example counts are moderate so that the suite stays fast; the fuzz targets in fuzz/ run the
same checks over millions of inputs.
"""

from __future__ import annotations

import codecs

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import diplotext
from diplotext.errors import DiplotextError, InputError
from diplotext.text.decode import decode_bytes

from offsets import assert_sound
import pytest

pytestmark = pytest.mark.slow

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SLOW = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Every code point, lone surrogates and controls included.
ANY_CHAR = st.characters(min_codepoint=0, max_codepoint=0x10FFFF, exclude_categories=())
SPECIAL = st.sampled_from(
    ["\x00", "\r", "\r\n", "\n\n", "\t", "\x0b", "\x0c", "\x1b", "\x85", "\u2028", "\u2029", "\ud800", "\udfff",
     "\ud83d", "\u202e", "\u202c", "\u200f", "\u200b", "\ufeff", "\u00ad", "\u0301", "😀", "🇧🇾", "\U00017000",
     "مرحبا", "שלום", "中华人民共和国", "\u00a0", "\u2019"]
)
FRAGMENT = st.sampled_from(
    ["Joint Statement of the Presidents of Belarus and Russia", "Совместное заявление", " ", ". ", ", ", "\n",
     "On 8 December 1999", "December 8, 1999", "in 2011", "8 декабря 1999 года", "в 2024 году", "May", "the 1990s",
     "US$ 38 billion", "$1,5", "€200 million", "12.5%", "34,9 процента", "1,1,1", "100 billion rubles",
     "the Republic of Belarus", "the Russian Federation", "CSTO", "ОДКБ", "the Union State", "Минск", "Moscow",
     "Vladimir Putin", "Лукашенко", "1. ", "IV. ", "Article 3", "(", ")", "«", "»", '"', "'", "—", "-",
     "<p>", "</p>", "<html><body>", "&amp;", "Share", "Print", "signed the Treaty", "welcomed", "met with",
     "MINSK, 6 December 2024 (BelTA) - ", "first half of 2024", "the parties agreed", "Q3"]
)
TEXT = st.lists(st.one_of(FRAGMENT, SPECIAL, st.text(ANY_CHAR, max_size=8)), max_size=60).map("".join)
LANG = st.sampled_from([None, "en", "ru"])


def sound_or_documented_error(text: str, lang: str | None) -> None:
    try:
        statement = diplotext.parse(text, lang=lang)
    except DiplotextError as exc:
        assert str(exc), "a documented error has a message"
        return
    assert_sound(statement, text)


@FAST
@given(st.text(ANY_CHAR, max_size=300), LANG)
def test_any_string(text, lang):
    sound_or_documented_error(text, lang)


@FAST
@given(TEXT, LANG)
def test_strings_made_of_what_the_extractors_look_for(text, lang):
    sound_or_documented_error(text, lang)


@SLOW
@given(st.one_of(FRAGMENT, SPECIAL), st.integers(min_value=500, max_value=4000), st.sampled_from(["", " ", "\n", ", "]), LANG)
def test_thousands_of_repeats(piece, times, sep, lang):
    sound_or_documented_error((piece + sep) * times, lang)


@SLOW
@given(st.sampled_from(["(", ")", "((", "[", "«", "US$", "1", ",1", "%", ".", "-", "a", "B", "\u0301", "😀", "\x00"]), LANG)
def test_a_single_long_line_of_one_thing(piece, lang):
    sound_or_documented_error(piece * (100_000 // len(piece)), lang)


@FAST
@given(st.binary(max_size=2000))
def test_any_bytes_decode_faithfully_or_raise_an_input_error(data):
    try:
        decoded = decode_bytes(data)
    except InputError as exc:
        assert str(exc)
        return
    assert data.decode(decoded.encoding.replace("-", "_")) == decoded.text
    assert "\x00" not in decoded.text and decoded.text.strip()


UNICODE_TEXT = st.text(
    st.characters(min_codepoint=1, max_codepoint=0x10FFFF, exclude_categories=("Cs", "Cc")), min_size=1, max_size=300
).filter(lambda t: t.strip().strip("\ufeff\u200b\u200c\u200d\u2060").strip())


@FAST
@given(UNICODE_TEXT, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_unicode_with_a_bom_or_utf8_round_trips(text, enc):
    data = text.encode(enc)
    if data.startswith((b"%PDF", b"\x89PNG", b"PK\x03\x04", b"GIF8", b"{\\rtf", b"\x1f\x8b", b"ID3", b"OggS", b"RIFF", b"wOF")):
        return  # a text that starts like a binary format is refused as one, by design
    decoded = decode_bytes(data)
    bom = data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE))
    assert decoded.text == ("\ufeff" + text if bom and enc != "utf-8" else text)


CYRILLIC_WORDS = st.lists(
    st.sampled_from(["Беларусь", "Россия", "совместное", "заявление", "министров", "иностранных", "дел", "товарооборот",
                     "вырос", "на", "процента", "и", "в", "году", "Президент", "подписали", "договор", "о", "союзе",
                     "ОДКБ", "ЕАЭС", "Минск", "Москва", "стороны", "отметили", "сотрудничество", "развитие"]),
    min_size=3, max_size=40,
).filter(lambda ws: sum(len(w) >= 6 for w in ws) >= 2).map(" ".join)
# Two long words at least: a text of only short words can be two texts at once ('НА НА НА' in
# KOI8-R is the bytes of 'об об об' in cp1251), and no decoder can know which was meant.


@FAST
@given(CYRILLIC_WORDS, st.sampled_from(["cp1251", "koi8_r"]), st.booleans())
def test_russian_in_cp1251_or_koi8r_round_trips(text, enc, upper):
    text = text.upper() if upper else text
    decoded = decode_bytes(text.encode(enc))
    assert (decoded.text, decoded.encoding) == (text, enc.replace("_", "-"))
