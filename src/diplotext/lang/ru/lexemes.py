"""Russian lexeme attributes that spaCy computes for every new word, made cheaper.

spaCy's Russian `like_num` (``spacy.lang.ru.lex_attrs``) looks the lower-cased word up in a
*list* of some 400 number words, so each new lexeme of a cold corpus pays a linear scan: about a
fifth of the bare tokenizer's time on texts it has not seen. `like_num` here is the same test
over the same words in a frozenset; ``tests/reference/lexemes.py`` names spaCy's as its plain
definition and a property test checks that they agree.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.attrs import LIKE_NUM
from spacy.lang.ru.lex_attrs import _num_words

_NUM_WORDS = frozenset(_num_words)
_SIGNS = ("+", "-", "±", "~")


def like_num(text: str) -> bool:
    """spaCy's Russian `like_num`: digits (with signs, '%', ',' and '.'), a fraction, a number word."""
    if text.startswith(_SIGNS):
        text = text[1:]
    if text.endswith("%"):
        text = text[:-1]
    text = text.replace(",", "").replace(".", "")
    if text.isdigit():
        return True
    if text.count("/") == 1:
        num, denom = text.split("/")
        if num.isdigit() and denom.isdigit():
            return True
    return text.lower() in _NUM_WORDS


LEX_ATTRS: dict[int, Callable[[str], Any]] = {LIKE_NUM: like_num}
"""The getters that replace spaCy's in a Russian vocabulary (same values, less time)."""
