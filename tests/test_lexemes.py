"""diplotext's Russian lexeme getters give what spaCy's own give, for any string."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
import pytest
from spacy.attrs import IS_BRACKET, IS_CURRENCY, IS_LEFT_PUNCT, IS_PUNCT, IS_QUOTE, IS_RIGHT_PUNCT, LIKE_NUM, LIKE_URL, SHAPE
from spacy.lang.ru.lex_attrs import _num_words

import reference.lexemes as plain
from diplotext.lang.ru.lexemes import LEX_ATTRS, like_num
from diplotext.nlp import get_nlp
from reference.lexemes import ru_like_num

_PIECES = ["+", "-", "±", "~", "%", ",", ".", "/", "1", "07", " ", "a", "Ж", "ё", "½", "٣", *sorted(_num_words)[::9]]
_NUMBERISH = st.lists(st.sampled_from(_PIECES), max_size=6).map("".join)


@settings(max_examples=600, deadline=None)
@given(st.one_of(_NUMBERISH, st.text(max_size=12), st.sampled_from(sorted(_num_words)).map(str.upper)))
def test_like_num_is_spacys(text: str) -> None:
    assert like_num(text) == ru_like_num(text)


def test_every_number_word_is_a_number() -> None:
    assert all(like_num(w) and like_num(w.capitalize()) for w in _num_words)


def test_the_russian_pipeline_uses_it() -> None:
    vocab = get_nlp("ru").vocab
    assert vocab.lex_attr_getters[LIKE_NUM] is like_num
    assert vocab["семьсот"].like_num and vocab["12,5%"].like_num and not vocab["мир"].like_num


_GETTERS = {SHAPE: plain.word_shape, LIKE_URL: plain.like_url, IS_PUNCT: plain.is_punct, IS_CURRENCY: plain.is_currency,
            IS_BRACKET: plain.is_bracket, IS_QUOTE: plain.is_quote, IS_LEFT_PUNCT: plain.is_left_punct,
            IS_RIGHT_PUNCT: plain.is_right_punct}
_WORDISH = st.lists(st.sampled_from(["Путин", "путин", "П", "ǅ", "ОДКБ", "中国", "x", "X", "1", ".", ",", "$", "₽", "@", "/", ":",
                                     "http://", "https://", "www.", "ru", "com", "«", "»", "(", "'", "`", "a" * 30]), min_size=1, max_size=6).map("".join)


@pytest.mark.parametrize("attr", sorted(_GETTERS))
@settings(max_examples=300, deadline=None)
@given(text=st.one_of(_WORDISH, st.text(min_size=1, max_size=12), st.text(st.characters(categories=["L"]), min_size=1, max_size=120)))
def test_the_getters_are_spacys(attr: int, text: str) -> None:
    assert LEX_ATTRS[attr](text) == _GETTERS[attr](text)


@pytest.mark.parametrize("attr", [IS_BRACKET, IS_QUOTE, IS_LEFT_PUNCT, IS_RIGHT_PUNCT])
def test_the_membership_tests_know_every_string_spacys_name(attr: int) -> None:
    named = [c for c in _GETTERS[attr].__code__.co_consts if isinstance(c, tuple)][0]  # the tuple spaCy's test reads
    assert all(LEX_ATTRS[attr](s) for s in named) and all(_GETTERS[attr](s) for s in named)


def test_the_russian_pipeline_uses_them() -> None:
    getters = get_nlp("ru").vocab.lex_attr_getters
    assert all(getters[attr] is LEX_ATTRS[attr] for attr in LEX_ATTRS)
