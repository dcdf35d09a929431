"""English lexeme attributes: the shared cheaper getters (``diplotext.lang.lexemes``) and
English's own `like_num`.

spaCy's English `like_num` (``spacy.lang.en.lex_attrs``) looks the lower-cased word up in two
*lists* (cardinal and ordinal number words, some 80), a linear scan for each new lexeme. Here it
is the same test over the same words in one frozenset (its plain twin, spaCy's, is in
``tests/reference/lexemes.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.attrs import LIKE_NUM
from spacy.lang.en.lex_attrs import _num_words, _ordinal_words

from ..lexemes import LEX_ATTRS as SHARED_ATTRS
from ..lexemes import digits_or_fraction, unsigned

_NUMBER_WORDS = frozenset(_num_words) | frozenset(_ordinal_words)
_ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")


def like_num(text: str) -> bool:
    """spaCy's English `like_num`: digits (with signs, ',' and '.'), a fraction, a number word,
    an ordinal word or '21st'."""
    if text.isalpha():  # most new words: no sign, point, comma, slash or digit to take off
        return text.lower() in _NUMBER_WORDS
    text = unsigned(text).replace(",", "").replace(".", "")
    if digits_or_fraction(text):
        return True
    lower = text.lower()
    return lower in _NUMBER_WORDS or (lower.endswith(_ORDINAL_SUFFIXES) and lower[:-2].isdigit())


LEX_ATTRS: dict[int, Callable[[str], Any]] = {**SHARED_ATTRS, LIKE_NUM: like_num}
"""The getters that replace spaCy's in an English vocabulary (same values, less time)."""
