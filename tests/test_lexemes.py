"""diplotext's lexeme getters give what spaCy's own give, for any string, in every language."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
import pytest
from spacy.attrs import IS_BRACKET, IS_CURRENCY, IS_LEFT_PUNCT, IS_PUNCT, IS_QUOTE, IS_RIGHT_PUNCT, LIKE_NUM, LIKE_URL, SHAPE
from spacy.lang.en.lex_attrs import _num_words as en_num_words
from spacy.lang.en.lex_attrs import _ordinal_words as en_ordinal_words
from spacy.lang.ru.lex_attrs import _num_words

import reference.lexemes as plain
from diplotext.lang.en import lexemes as en
from diplotext.lang.lexemes import LEX_ATTRS
from diplotext.lang.ru import lexemes as ru
from diplotext.nlp import get_nlp
from reference.lexemes import en_like_num, ru_like_num

_PIECES = ["+", "-", "±", "~", "%", ",", ".", "/", "1", "07", " ", "a", "Ж", "ё", "½", "٣", *sorted(_num_words)[::9]]
_NUMBERISH = st.lists(st.sampled_from(_PIECES), max_size=6).map("".join)
_EN_WORDS = sorted(en_num_words + en_ordinal_words)
_EN_PIECES = ["+", "-", "±", "~", ",", ".", "/", "1", "07", "21", " ", "st", "nd", "rd", "th", "ST", "a", "½", "٣", *_EN_WORDS[::7]]
_EN_NUMBERISH = st.lists(st.sampled_from(_EN_PIECES), max_size=6).map("".join)


@settings(max_examples=600, deadline=None)
@given(st.one_of(_NUMBERISH, st.text(max_size=12), st.sampled_from(sorted(_num_words)).map(str.upper)))
def test_like_num_is_spacys(text: str) -> None:
    assert ru.like_num(text) == ru_like_num(text)


@settings(max_examples=600, deadline=None)
@given(st.one_of(_EN_NUMBERISH, st.text(max_size=12), st.sampled_from(_EN_WORDS).map(str.title)))
def test_the_english_like_num_is_spacys(text: str) -> None:
    assert en.like_num(text) == en_like_num(text)


def test_every_number_word_is_a_number() -> None:
    assert all(ru.like_num(w) and ru.like_num(w.capitalize()) for w in _num_words)
    assert all(en.like_num(w) and en.like_num(w.upper()) for w in _EN_WORDS)
    assert en.like_num("21st") and en.like_num("+1,000.5") and not en.like_num("1st2") and not en.like_num("forth")


@pytest.mark.parametrize("lang, module", [("en", en), ("ru", ru)])
def test_each_pipeline_uses_its_language_s_like_num(lang, module) -> None:
    vocab = get_nlp(lang).vocab
    assert vocab.lex_attr_getters[LIKE_NUM] is module.like_num


def test_the_pipelines_read_numbers_as_spacy_does() -> None:
    ru_vocab, en_vocab = get_nlp("ru").vocab, get_nlp("en").vocab
    assert ru_vocab["семьсот"].like_num and ru_vocab["12,5%"].like_num and not ru_vocab["мир"].like_num
    assert en_vocab["seventeenth"].like_num and en_vocab["3rd"].like_num and not en_vocab["peace"].like_num


_GETTERS = {SHAPE: plain.word_shape, LIKE_URL: plain.like_url, IS_PUNCT: plain.is_punct, IS_CURRENCY: plain.is_currency,
            IS_BRACKET: plain.is_bracket, IS_QUOTE: plain.is_quote, IS_LEFT_PUNCT: plain.is_left_punct,
            IS_RIGHT_PUNCT: plain.is_right_punct}
_WORDISH = st.lists(st.sampled_from(["Путин", "путин", "П", "ǅ", "ОДКБ", "中国", "x", "X", "1", ".", ",", "$", "₽", "@", "/", ":",
                                     "http://", "https://", "www.", "ru", "com", "«", "»", "(", "'", "`", "a" * 30,
                                     "Biden", "NATO", "US$", "McCain"]), min_size=1, max_size=6).map("".join)


@pytest.mark.parametrize("attr", sorted(_GETTERS))
@settings(max_examples=300, deadline=None)
@given(text=st.one_of(_WORDISH, st.text(min_size=1, max_size=12), st.text(st.characters(categories=["L"]), min_size=1, max_size=120),
                      st.text(st.characters(categories=["Nd", "No"]), min_size=1, max_size=120)))
def test_the_getters_are_spacys(attr: int, text: str) -> None:
    assert LEX_ATTRS[attr](text) == _GETTERS[attr](text)


@pytest.mark.parametrize("attr", [IS_BRACKET, IS_QUOTE, IS_LEFT_PUNCT, IS_RIGHT_PUNCT])
def test_the_membership_tests_know_every_string_spacys_name(attr: int) -> None:
    named = [c for c in _GETTERS[attr].__code__.co_consts if isinstance(c, tuple)][0]  # the tuple spaCy's test reads
    assert all(LEX_ATTRS[attr](s) for s in named) and all(_GETTERS[attr](s) for s in named)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_pipeline_uses_them(lang: str) -> None:
    getters = get_nlp(lang).vocab.lex_attr_getters
    assert all(getters[attr] is LEX_ATTRS[attr] for attr in LEX_ATTRS)
