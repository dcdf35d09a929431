"""Plain twins of the lexeme attributes in `diplotext.lang.lexemes` and its per-language modules:
spaCy's own getters."""

from __future__ import annotations

from spacy.lang.lex_attrs import (
    is_bracket, is_currency, is_left_punct, is_punct, is_quote, is_right_punct, like_url, word_shape,
)
from spacy.lang.en.lex_attrs import like_num as en_like_num
from spacy.lang.ru.lex_attrs import like_num as ru_like_num

__all__ = ["en_like_num", "ru_like_num", "word_shape", "like_url", "is_punct", "is_currency", "is_bracket", "is_quote", "is_left_punct",
           "is_right_punct"]
