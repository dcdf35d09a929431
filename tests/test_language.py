"""Language detection by Cyrillic share, and forcing the language."""

from __future__ import annotations

import pytest

import diplotext
from diplotext.errors import LanguageError
from diplotext.lang import detect_language

CASES = [
    ("Совместное заявление Республики Беларусь и Российской Федерации", "ru"),
    ("Joint Statement of the Republic of Belarus and the Russian Federation", "en"),
    # A Russian text quoting English names stays Russian, and the reverse.
    ("Стороны приветствовали решение BRICS и SCO о расширении сотрудничества.", "ru"),
    ("The leaders signed the «Договор о создании Союзного государства» in Moscow on Friday.", "en"),
    ("3.78 BYN\n2.98 BYN", "en"),
]


@pytest.mark.parametrize("text,lang", CASES)
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_parse_uses_the_detected_language() -> None:
    assert diplotext.parse("Президенты России и Беларуси подписали совместное заявление.").language == "ru"


def test_lang_argument_forces_the_language() -> None:
    assert diplotext.parse("Belarus and Russia", lang="ru").language == "ru"


def test_unsupported_language_is_a_clear_error() -> None:
    with pytest.raises(LanguageError, match="'de' is not supported"):
        diplotext.parse("Belarus und Russland", lang="de")
