"""Russian lexeme attributes: the shared cheaper getters (``diplotext.lang.lexemes``) and
Russian's own `like_num`.

spaCy's Russian `like_num` (``spacy.lang.ru.lex_attrs``) looks the lower-cased word up in a
*list* of some 400 number words, so each new lexeme of a cold corpus pays a linear scan: about a
fifth of the bare tokenizer's time on texts it has not seen. `like_num` here is the same test
over the same words in a frozenset (its plain twin, spaCy's, is in ``tests/reference/lexemes.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.attrs import LIKE_NUM
from spacy.lang.ru.lex_attrs import _num_words

from ..lexemes import LEX_ATTRS as SHARED_ATTRS
from ..lexemes import digits_or_fraction, unsigned

_NUM_WORDS = frozenset(_num_words)


def like_num(text: str) -> bool:
    """spaCy's Russian `like_num`: digits (with signs, '%', ',' and '.'), a fraction, a number word."""
    if text.isalpha():  # most new words: no sign, '%', point, comma, slash or digit to take off
        return text.lower() in _NUM_WORDS
    text = unsigned(text)
    if text.endswith("%"):
        text = text[:-1]
    text = text.replace(",", "").replace(".", "")
    return digits_or_fraction(text) or text.lower() in _NUM_WORDS


LEX_ATTRS: dict[int, Callable[[str], Any]] = {**SHARED_ATTRS, LIKE_NUM: like_num}
"""The getters that replace spaCy's in a Russian vocabulary (same values, less time)."""
