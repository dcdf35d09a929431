"""The tokenizer wrapper gives spaCy's own tokens (texts, whitespace, norms), chunk by chunk from
its cache, and differs only where it must stay linear: runs longer than `max_chunk`."""

from __future__ import annotations

import spacy
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from diplotext.nlp import get_nlp
from diplotext.tokenizer import TEXT_KEY, BoundedTokenizer

PIECES = st.sampled_from(
    [" ", "  ", "\n", "\n\n", " \n", "\t", "\u00a0", "\r\n", ".", ",", ";", ":", "(", ")", "«", "»", '"', "'",
     "—", "-", "/", "%", "$", "US$", "€", "12.5", "38", "1,5", "2024", "8/12/1999", "Mr.", "Dr.", "U.S.", "a.m.",
     "Jan.", "don't", "can't", "It's", "'s", "n't", ":)", "e.g.", "etc.", "vs.", "Belarus", "Russia", "CSTO",
     "EAEU", "Putin", "the", "and", "co-operation", "2024-2025", "https://x.org/a", "info@belta.by",
     "т.ч.", "в", "т.", "г.", "гг.", "т.е.", "др.", "Минск", "Россия", "и", "млрд", "руб.", "ОДКБ", "1.", "IV."]
)
TEXTS = st.lists(PIECES, max_size=60).map("".join)


def _tokens(doc):  # type: ignore[no-untyped-def]
    return [(t.text, t.whitespace_, t.norm_) for t in doc]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, st.sampled_from(["en", "ru"]))
@example("12.5:) )", "en")
def test_tokens_are_spacys_own_for_any_mix_of_words_punctuation_specials_and_whitespace(text: str, lang: str) -> None:
    nlp = get_nlp(lang)
    reference = nlp.tokenizer.tokenizer  # the wrapped spaCy tokenizer, same rules
    doc = nlp.make_doc(text)
    assert doc.text == text
    if all(len(run) <= 32 for run in text.split()):
        whole = reference(text)
        if _words(whole) == _chunkwise(reference, text):
            assert _tokens(doc) == _tokens(whole)
        else:  # spaCy's whole-text pass disagrees with its own chunks (see below), or a special case
            # holds a space (the wrapper hands such a text to spaCy whole): one or the other
            assert _words(doc) in (_words(whole), _chunkwise(reference, text))
    assert _tokens(nlp.make_doc(text)) == _tokens(doc)  # the second time comes from the cache


def _words(doc):  # type: ignore[no-untyped-def]
    return [t.text for t in doc if not t.is_space]


def _chunkwise(tokenizer, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [w for chunk in text.split() for w in _words(tokenizer(chunk))]


def test_where_spacy_splits_a_chunk_by_what_follows_it_the_wrapper_keeps_the_chunks_own_tokens() -> None:
    # spaCy: "a:)" alone -> a, :) ; followed by " )" -> a, :, ), ) (its special-case pass over the
    # whole text); the wrapper tokenizes each chunk on its own, so a chunk's tokens never depend
    # on the next chunk, and it keeps the emoticon
    tokenizer = spacy.blank("en").tokenizer
    assert _words(tokenizer("a:)")) == ["a", ":)"] and _words(tokenizer("a:) )")) == ["a", ":", ")", ")"]
    assert _words(get_nlp("en").make_doc("a:) )")) == ["a", ":)", ")"]


LETTERS = st.characters(categories=["Lu", "Ll", "Lt", "Lm", "Lo"])
WORDS = st.one_of(
    st.text(LETTERS, min_size=1, max_size=12),
    st.sampled_from(["cannot", "Cannot", "gonna", "Dont", "авг", "Сент", "ВС", "км", "ряд", "тыс", "XD", "Belarus"]),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(WORDS, st.sampled_from(["", ","])).map("".join), min_size=1, max_size=8), st.sampled_from(["en", "ru"]))
def test_words_of_letters_and_a_comma_get_spacys_own_tokens_without_spacy(words: list[str], lang: str) -> None:
    # the wrapper knows the tokens of such a word without asking spaCy; spaCy's say the same
    # (special cases, 'cannot' -> 'can', 'not', included)
    nlp = get_nlp(lang)
    text = " ".join(words)
    bounded = BoundedTokenizer(nlp.tokenizer.tokenizer)
    assert _tokens(bounded(text)) == _tokens(nlp.tokenizer.tokenizer(text))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text("0123456789", min_size=1, max_size=24), min_size=1, max_size=8),
       st.lists(st.sampled_from([" ", "\n", ". ", "%\n", " Line ", "\n1. "]), min_size=1, max_size=8), st.sampled_from(["en", "ru"]))
def test_runs_of_digits_get_spacys_own_tokens_without_spacy(numbers: list[str], seps: list[str], lang: str) -> None:
    nlp = get_nlp(lang)
    text = "".join(n + seps[i % len(seps)] for i, n in enumerate(numbers))
    bounded = BoundedTokenizer(nlp.tokenizer.tokenizer)
    assert _tokens(bounded(text)) == _tokens(nlp.tokenizer.tokenizer(text))


def test_a_document_after_its_first_newline_is_tokenized_from_the_cache() -> None:
    # spaCy's own cache stops after the first special case of a call (every newline is one)
    bounded = BoundedTokenizer(spacy.blank("en").tokenizer)
    text = "Joint Statement\nThe parties (Belarus and Russia) agreed."
    bounded(text)
    assert {"(Belarus", "Russia)", "agreed."} <= set(bounded._young)
    assert [t.text for t in bounded(text)] == ["Joint", "Statement", "\n", "The", "parties", "(", "Belarus", "and",
                                               "Russia", ")", "agreed", "."]


def test_russian_special_cases_with_a_space_are_matched_across_chunks_as_spacy_does() -> None:
    nlp = get_nlp("ru")
    text = "Товарооборот вырос, в т.ч. по энергоносителям, на 5%."
    assert _tokens(nlp.make_doc(text)) == _tokens(nlp.tokenizer.tokenizer(text))
    assert "в т.ч." in [t.text for t in nlp.make_doc(text)]


def test_the_space_after_a_long_run_is_that_runs_whitespace_not_a_token() -> None:
    bounded = BoundedTokenizer(spacy.blank("en").tokenizer)
    text = "Law OnAmendmentstotheCriminalCodeoftheRussianFederation 31 and"
    doc = bounded(text)
    assert doc.text == text
    assert " " not in [t.text for t in doc]
    assert [t.text for t in doc][-2:] == ["31", "and"]


def test_a_full_cache_is_emptied_and_tokens_stay_right() -> None:
    tok = spacy.blank("en").tokenizer
    bounded = BoundedTokenizer(tok, max_cached=8)
    texts = ["one two three", "four five six seven", "They don't agree (at all).", "one two three", "four five"]
    for text in texts * 2:
        assert _tokens(bounded(text)) == _tokens(tok(text))
        assert len(bounded._young) + len(bounded._old) <= 8 + 9  # one text's chunks beyond the bound at most
    assert "one" in bounded._young or "one" in bounded._old  # a frequent chunk stays


def test_changing_the_rules_through_the_wrapper_empties_the_cache() -> None:
    bounded = BoundedTokenizer(spacy.blank("en").tokenizer)
    assert [t.text for t in bounded("gimme that")] == ["gimme", "that"]
    bounded.add_special_case("gimme", [{"ORTH": "gim"}, {"ORTH": "me", "NORM": "me"}])
    assert [t.text for t in bounded("gimme that")] == ["gim", "me", "that"]


def test_the_doc_keeps_its_text_for_the_components() -> None:
    doc = BoundedTokenizer(spacy.blank("en").tokenizer)("Minsk,\n8 December")
    assert doc.user_data[TEXT_KEY] == "Minsk,\n8 December"


def test_punctuation_glued_between_a_word_and_a_quote_or_a_number_is_split() -> None:
    # scraped pages lose the space: 'in part:"December 17', 'said:«Belarus', 'Minsk,8 December'
    nlp = get_nlp("en")
    words = [t.text for t in nlp.make_doc('The message reads, in part:"On December 17, Minsk,8 December said:«Belarus')]
    assert words[5:9] == ["part", ":", '"', "On"]
    assert words[12:16] == ["Minsk", ",", "8", "December"]
    assert words[-4:] == ["said", ":", "«", "Belarus"]
    # numbers, times and ratios keep their punctuation
    assert [t.text for t in nlp.make_doc("1,000,000 at 10:30 in 2:1")] == ["1,000,000", "at", "10:30", "in", "2:1"]


def test_a_date_and_a_name_after_a_glued_quote_are_found() -> None:
    import diplotext

    st = diplotext.parse('The message reads, in part:"On December 17, 2021, President Vladimir Putin said:«Moscow and Minsk agree».',
                         lang="en")
    assert "2021-12-17" in [d.value for d in st.dates]
    assert "PERSON:vladimir-putin" in [e.id for e in st.entities]


def test_the_pieces_of_a_long_run_are_cached_within_the_bound() -> None:
    tok = spacy.blank("en").tokenizer
    bounded = BoundedTokenizer(tok, max_cached=10)
    run = '"«»\'' * 2000  # one run of 8,000 characters: cut in pieces of at most 32
    doc = bounded("x " + run + " y")
    assert doc.text == "x " + run + " y"
    assert len(doc) == 2 + len(run)  # every quote its own token, as spaCy gives them
    assert len(bounded._young) <= 5
    junk = "".join(chr(0x2200 + (i * 7919) % 256) + "(" for i in range(4000))  # pieces all different
    assert bounded(junk).text == junk
    assert len(bounded._young) <= 5 + 5  # room left in the young generation, no more


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(PIECES, st.sampled_from(["(" * 40, "US$" * 15, "ab" * 20, "\n \n", "   "])), max_size=60).map("".join),
       st.sampled_from(["en", "ru"]))
@example("", "en")
@example(" a", "en")
@example("a ", "en")
@example("don't  \n", "en")
def test_the_chunkwise_assembly_gives_the_plain_loops_doc(text: str, lang: str) -> None:
    from reference.tokenizer import tokenize

    tokenizer = get_nlp(lang).tokenizer
    assert _tokens(tokenizer._tokenize(text)) == _tokens(tokenize(tokenizer, text))
