"""Tests of one word's shape that every recognizer asks: a name, an acronym, initials."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

INITIALS = re.compile(r"^(?:[A-ZА-ЯЁ]\.){1,2}$")
"""'V.', 'V.V.', 'А.Г.'"""
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
QUOTES = "«»\"“”„'"
_ROMAN = re.compile(r"^[IVXLC]+$")
GLUED_WORDS = re.compile(r"(?<!^Mc)(?<!^Mac)(?<!^O')[a-zа-яё][A-ZА-ЯЁ]")
"""Two words a web page glued together ('JinpingPresident'); not 'McCain', 'MacLeod', 'O'Neill'."""


def is_roman(text: str) -> bool:
    """'I', 'II', 'XIV': a roman numeral (a regnal or ordinal number)."""
    return bool(_ROMAN.match(text))


@lru_cache(maxsize=65536)  # a pure test of one word, asked of the same words again and again
def is_acronym(text: str) -> bool:
    """'CSTO', 'SCO', 'OJSC': two or more capitals, not 'I' or a roman numeral."""
    return len(text) >= 2 and text.isupper() and text.isalpha() and not _ROMAN.match(text)


@lru_cache(maxsize=65536)  # a pure test of one word, asked of the same words again and again
def is_capitalized(text: str) -> bool:
    """A capitalized word with lower-case letters: 'Putin', 'McCain', not 'CSTO', 'the' or
    words glued together by a web page ('JinpingPresident')."""
    return (
        text[:1].isupper()
        and any(c.islower() for c in text)
        and text.replace("-", "").replace("’", "").replace("'", "").isalpha()
        and not GLUED_WORDS.search(text)
    )


@lru_cache(maxsize=4096)
def fold_accents(word: str) -> str:
    """'niinistö' -> 'niinisto', 'erdoğan' -> 'erdogan': combining marks dropped after NFKD."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
