"""diplotext's Russian lexeme getters give what spaCy's own give, for any string."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.attrs import LIKE_NUM
from spacy.lang.ru.lex_attrs import _num_words

from diplotext.lang.ru.lexemes import like_num
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
