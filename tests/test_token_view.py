"""The shared token view (`diplotext.token_view`) holds what spaCy's Tokens say, list by list.

Checked against its plain twin (tests/reference/token_view.py) on texts made of what the
tokenizer and the sentencizer treat specially, in both pipelines.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pytest
from reference import token_view as plain

from diplotext.nlp import get_nlp
from diplotext.token_view import TokenView, token_view
from diplotext.tokenizer import WORDS_KEY

_PIECES = [
    "The", "President", "met", "U.S.", "Mr.", "Путин", "заявил", "года", " ", "  ", "\n", "\n\n", "\t", "\u00a0",
    ".", "!", "?", ",", ";", ":", '"', "«", "»", "(", ")", "-", "—", "'s", "’", "$", "38", "1,5", "12.5%", "2021",
    "e-commerce", "http://x.org", "😀", "\u0301", "don't", "ОДКБ", "CSTO",
]
texts = st.lists(st.sampled_from(_PIECES), max_size=60).map("".join)
LANGS = st.sampled_from(["en", "ru"])


@pytest.mark.slow
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, LANGS, st.data())
def test_the_view_is_what_the_tokens_say(text: str, lang: str, data: st.DataObject) -> None:
    doc = get_nlp(lang)(text)
    view = TokenView(doc)
    for name, expected in plain.columns(doc).items():
        assert getattr(view, name) == expected, name
    n = len(doc)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    assert view.surface(start, end) == plain.surface(doc, start, end)
    some = set(data.draw(st.lists(st.sampled_from(_PIECES + [p.lower() for p in _PIECES]), max_size=4)))
    assert view.where_text(some) == plain.where_text(doc, some)
    assert view.where_lower(some) == plain.where_lower(doc, some)
    assert [view.sentence_of(i) for i in range(n)] == [k for k, s in enumerate(doc.sents) for _ in s]


def test_one_view_per_doc() -> None:
    nlp = get_nlp("en")
    a, b = nlp("The President met the press."), nlp("Another text.")
    assert token_view(a) is token_view(a)
    assert token_view(b) is not token_view(a)
    assert token_view(b).texts == ["Another", "text", "."]


def test_an_empty_doc() -> None:
    view = TokenView(get_nlp("en")(""))
    assert (view.texts, view.idx, view.sent_starts, view.where_text({"a"}), view.surface(0, 0)) == ([], [], [], [], "")


def test_after_each_memory_zone_the_cached_strings_are_those_the_store_still_holds() -> None:
    # `forget_transient_strings` checks only what was cached since it last ran; the plain rule
    # keeps every cached string the store holds
    import spacy

    from diplotext.token_view import _strings_of, forget_transient_strings

    nlp = spacy.blank("en")
    cache = _strings_of(nlp.vocab.strings)
    first = nlp("lasting words outside any zone")
    token_view(first).texts
    for i in range(4):
        with nlp.memory_zone():
            doc = nlp(f"zone{i} words: lasting, passing{i} and more{i}")
            token_view(doc).texts
            del doc
        expected = {h: t for h, t in cache.by_hash.items() if h in nlp.vocab.strings}
        forget_transient_strings(nlp.vocab.strings)
        assert cache.by_hash == expected
        assert "lasting" in cache.by_hash.values() and f"passing{i}" not in cache.by_hash.values()
        assert cache.since == []


def test_the_texts_are_the_tokenizer_s_words_until_the_doc_has_other_tokens() -> None:
    doc = get_nlp("en")("The Eurasian Economic Union met.")
    words = doc.user_data[WORDS_KEY]
    assert TokenView(doc).texts is words and words == [t.text for t in doc]
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[1:4])
    assert TokenView(doc).texts == ["The", "Eurasian Economic Union", "met", "."]
