"""Hostile strings and arguments given to `parse()`: a sound Statement or a documented error.

"Sound" is `offsets.assert_sound`: every span slices its own text out of the input, every
offset lies inside it, and the statement can be written as JSON.
"""

from __future__ import annotations

import json

import pytest

import diplotext
from diplotext.errors import DiplotextError, InputTooLargeError, LanguageError

from offsets import assert_sound

pytestmark = pytest.mark.slow

STATEMENT = (
    "Joint Statement of the Presidents of the Republic of Belarus and the Russian Federation\n\n"
    "Minsk, 8 December 2024\n\n"
    "1. The parties noted that in 2023 the trade between Belarus and Russia exceeded US$ 50 billion, "
    "growing by 7.2 percent.\n"
    "2. They welcomed the work of the CSTO and the Union State.\n"
)


def sound(text: str, **kw) -> diplotext.Statement:
    st = diplotext.parse(text, **kw)
    assert_sound(st, text)
    return st


def test_control_characters_everywhere():
    text = "".join(f"{ch}{word}" for ch, word in zip((chr(i) for i in range(32)), STATEMENT.split(" ")))
    sound(text)


def test_nul_characters_in_a_string_are_spaces_to_the_matchers():
    st = sound(STATEMENT.replace(" ", "\x00", 5))
    assert st.entities


def test_lone_surrogates_are_replaced_with_a_warning_and_json_still_works():
    text = STATEMENT.replace("Belarus and Russia", "Belarus \ud800and Russia\udfff")
    st = sound(text)
    assert any("surrogate" in w for w in st.warnings)
    data = json.loads(st.model_dump_json())
    assert data["source"]["chars"] == len(text)
    assert {e.id for e in st.entities} >= {"BLR", "RUS"}


def test_right_to_left_marks_and_arabic_text():
    sound("\u202eJoint Statement\u202c of Belarus and \u200fمصر\u200f\n\nمرحبا بالعالم " * 20)


def test_emoji_and_astral_characters_keep_python_offsets():
    text = "😀🇧🇾 " + STATEMENT.replace("Belarus", "Belarus 🇧🇾")
    st = sound(text)
    assert st.entities


def test_combining_marks_and_zero_width_characters():
    sound("B\u0301elarus\u200b and R\u200dussia signed on 5\u2060 May 2011 " * 50)


def test_mixed_line_breaks():
    sound(STATEMENT.replace("\n", "\r") + STATEMENT.replace("\n", "\u2028") + STATEMENT.replace("\n", "\r\n"))


def test_a_single_one_megabyte_line():
    # one line, sentences run together (as some sites serve whole articles); a megabyte-long
    # single *sentence* full of names and figures is in tests/test_linear.py (one-sentence)
    text = ("Belarus and Russia agreed on 5 May 2011 to trade US$ 38 billion, up 12.5%. " * 14_000)[:1_048_576]
    st = sound(text)
    assert st.source.chars == 1_048_576


def test_thousands_of_repeated_figures():
    sound("US$ 38 billion, 12.5%, €200 million; " * 3_000)


def test_thousands_of_repeated_parentheses():
    sound("(" * 20_000 + "Belarus" + ")" * 20_000)


def test_thousands_of_repeated_dates_and_years():
    sound("On 8 December 1999 and in 2011, " * 3_000)


def test_empty_and_whitespace_strings():
    for text in ("", " ", "\n\n\n", "\x00", "\ufeff"):
        sound(text)


def test_letters_without_a_unicode_name_in_russian_text():
    # found by fuzzing: pymorphy3 asked unicodedata.name() of Tangut letters (U+17000...), which have none
    st = sound("Беларусь и Россия \U00017000\U00017001 подписали договор", lang="ru")
    assert {e.id for e in st.entities} >= {"BLR", "RUS"}


def test_html_page_given_as_a_string():
    page = "<html><body><h1>Joint Statement</h1><p>Belarus and Russia agreed.</p><script>var x = '<p>';</script></body></html>"
    sound(page)


def test_unsupported_language_is_a_language_error():
    for lang in ("de", "EN", "english", "", 1, ["en"]):
        if lang == "":
            sound(STATEMENT, lang=lang)  # empty means "detect", like None
            continue
        with pytest.raises(LanguageError, match="not supported"):
            diplotext.parse(STATEMENT, lang=lang)


def test_a_string_over_max_chars_is_refused_before_any_work():
    with pytest.raises(InputTooLargeError, match="over the limit of 1,000"):
        diplotext.parse("x" * 1001, max_chars=1000)
    sound("x" * 1000, max_chars=1000)


def test_the_default_max_chars_refuses_a_huge_string():
    huge = " " * (20 * 1024 * 1024 + 1)
    with pytest.raises(InputTooLargeError, match="max_chars"):
        diplotext.parse(huge)


def test_bytes_are_not_text():
    with pytest.raises(TypeError, match="parse_file"):
        diplotext.parse(STATEMENT.encode())  # type: ignore[arg-type]


def test_input_errors_are_diplotext_errors_with_a_message(tmp_path):
    bad = tmp_path / "image.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    with pytest.raises(DiplotextError, match="PNG"):
        diplotext.parse_file(bad)


def test_parse_many_returns_each_error_in_its_place(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(STATEMENT, encoding="cp1251")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    from pathlib import Path

    results = list(diplotext.parse_many([Path(good), Path(empty), "Belarus \ud800 and Russia"], errors="return"))
    assert isinstance(results[0], diplotext.Statement)
    assert isinstance(results[1], DiplotextError) and "empty" in str(results[1])
    assert isinstance(results[2], diplotext.Statement) and results[2].warnings
