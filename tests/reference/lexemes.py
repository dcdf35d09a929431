"""Plain twins of the lexeme attributes in `diplotext.lang.ru.lexemes`: spaCy's own getters."""

from __future__ import annotations

from spacy.lang.ru.lex_attrs import like_num as ru_like_num

__all__ = ["ru_like_num"]
