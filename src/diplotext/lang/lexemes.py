"""Lexeme attributes that spaCy computes for every new word, made cheaper, for every language.

spaCy computes some twenty attributes of each word the first time its vocabulary meets it, and
a cold corpus (or a memory zone, which forgets the words it made) meets new words all the
time. The shape, URL, punctuation and currency tests (``spacy.lang.lex_attrs``) walk the word
character by character; here a word of letters, the most of a text, is answered at once, and
the rest goes to spaCy's own function. The bracket and quote tests scan a tuple; here they look
the word up in a frozenset of the same strings. Each language adds its own `like_num`
(``diplotext.lang.en.lexemes``, ``diplotext.lang.ru.lexemes``). ``tests/reference/lexemes.py``
names spaCy's getters as the plain definitions and property tests check that they agree.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.attrs import IS_BRACKET, IS_CURRENCY, IS_LEFT_PUNCT, IS_PUNCT, IS_QUOTE, IS_RIGHT_PUNCT, LIKE_URL, SHAPE
from spacy.lang import lex_attrs as spacy_attrs

_SIGNS = ("+", "-", "±", "~")
"""The signs spaCy's `like_num` getters skip at the start of a word."""


def unsigned(text: str) -> str:
    """The word without the sign spaCy's `like_num` getters skip at its start."""
    return text[1:] if text.startswith(_SIGNS) else text


def digits_or_fraction(text: str) -> bool:
    """spaCy's `like_num` test of a word stripped of its sign, commas and points: digits, or
    digits over digits ('3/4')."""
    if text.isdigit():
        return True
    if text.count("/") == 1:
        num, denom = text.split("/")
        return num.isdigit() and denom.isdigit()
    return False


def word_shape(text: str) -> str:
    """spaCy's `word_shape` ('Xxxxx', 'dd.dd'): a lower-case or capitalized word of letters, or
    a number of digits, directly (4 characters of a kind at most in a row), anything else by
    spaCy's own."""
    if len(text) < 100:
        if text.isalpha():
            if text.islower():  # no letter is upper case (a titlecase letter would make it not lower)
                return "xxxx"[: len(text)]
            if text[0].isupper() and (len(text) == 1 or text[1:].islower()):
                return "X" + "xxxx"[: len(text) - 1]
        elif text.isdigit():  # no digit is a letter: each is 'd'
            return "dddd"[: len(text)]
    return spacy_attrs.word_shape(text)


def like_url(text: str) -> bool:
    """spaCy's `like_url`: without a dot only 'http://...' and 'https://...' are."""
    if text and "." not in text:
        return text.startswith(("http://", "https://"))
    return spacy_attrs.like_url(text)


def is_punct(text: str) -> bool:
    """spaCy's `is_punct`: a word that starts with a letter or a digit is not punctuation."""
    return False if text[:1].isalnum() else spacy_attrs.is_punct(text)


def is_currency(text: str) -> bool:
    """spaCy's `is_currency`: a word that starts with a letter or a digit is no currency sign."""
    return False if text[:1].isalnum() else spacy_attrs.is_currency(text)


def _one_of(getter: Callable[[str], bool], candidates: str) -> Callable[[str], bool]:
    """spaCy's test of membership in a tuple of strings, as a frozenset of the same strings."""
    members = frozenset(c for c in candidates.split(" ") if getter(c))
    return members.__contains__


_PUNCT_CANDIDATES = "( ) [ ] { } < > \" ' ` « » ‘ ’ ‚ ‛ “ ” „ ‟ ‹ › ❮ ❯ '' ``"
"""Every string spaCy's bracket, quote, left and right punctuation tests name (each keeps the
ones its own getter says yes to, so the sets are spaCy's)."""

LEX_ATTRS: dict[int, Callable[[str], Any]] = {
    SHAPE: word_shape, LIKE_URL: like_url, IS_PUNCT: is_punct, IS_CURRENCY: is_currency,
    IS_BRACKET: _one_of(spacy_attrs.is_bracket, _PUNCT_CANDIDATES), IS_QUOTE: _one_of(spacy_attrs.is_quote, _PUNCT_CANDIDATES),
    IS_LEFT_PUNCT: _one_of(spacy_attrs.is_left_punct, _PUNCT_CANDIDATES),
    IS_RIGHT_PUNCT: _one_of(spacy_attrs.is_right_punct, _PUNCT_CANDIDATES),
}
"""The getters that replace spaCy's in every diplotext vocabulary (same values, less time)."""
