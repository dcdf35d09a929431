"""Words that recur from memory zone to memory zone keep their lexemes (`KeptWords`); one-off
words still leave the Vocab with their zone, the number kept is bounded, and no statement changes."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given
from hypothesis import strategies as hst
from reference import kept_words as plain

import diplotext.pipeline as pipeline
from diplotext.kept_words import KeptWords
from diplotext.nlp import get_nlp
from diplotext.pipeline import parse_stream, prepare


def _zone(nlp, kept: KeptWords, text: str) -> None:  # type: ignore[no-untyped-def]
    with nlp.vocab.memory_zone():
        kept.note(nlp(text))
        words = kept.recurring(nlp.vocab)
    kept.keep(nlp.vocab, words)


def test_a_word_made_again_by_a_later_zone_is_kept() -> None:
    nlp = spacy.blank("en")
    kept = KeptWords()
    _zone(nlp, kept, "alphaq betaq")
    assert "alphaq" not in nlp.vocab and "betaq" not in nlp.vocab
    _zone(nlp, kept, "gammaq")
    _zone(nlp, kept, "betaq gammaq deltaq")
    assert "betaq" in nlp.vocab and "gammaq" in nlp.vocab  # betaq from two zones before
    assert "alphaq" not in nlp.vocab and "deltaq" not in nlp.vocab
    assert kept.kept == 2
    _zone(nlp, kept, "betaq")
    assert kept.kept == 2  # already a lexeme of its own: not counted again


def test_no_more_words_are_kept_than_the_limit() -> None:
    nlp = spacy.blank("en")
    kept = KeptWords(limit=3)
    words = " ".join(f"w{i}q" for i in range(10))
    _zone(nlp, kept, words)
    _zone(nlp, kept, words)
    assert kept.kept == 3
    assert sum(f"w{i}q" in nlp.vocab for i in range(10)) == 3


def test_what_earlier_zones_held_is_forgotten_past_its_bound() -> None:
    nlp = spacy.blank("en")
    kept = KeptWords(seen=2)
    _zone(nlp, kept, "oneq twoq")
    _zone(nlp, kept, "threeq fourq fiveq")  # over the bound: only this zone is remembered
    _zone(nlp, kept, "oneq")
    assert "oneq" not in nlp.vocab


def _texts() -> list[str]:
    return [f"The Presidents of Russia and Belarus met in Minsk (visit {i}); zorbleq{i % 2} and onceq{i} were signed."
            for i in range(6)]


def test_in_a_stream_recurring_words_stay_and_one_off_words_go() -> None:
    list(parse_stream([prepare("warm")]))  # the pipeline's first batch is outside any zone
    list(parse_stream((prepare(t) for t in _texts()), batch_docs=1))
    vocab = get_nlp("en").vocab
    assert "zorbleq0" in vocab and "zorbleq1" in vocab
    assert not any(f"onceq{i}" in vocab for i in range(6))


def test_keeping_words_changes_no_statement(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [t.replace("zorbleq", "plimq") for t in _texts()]
    list(parse_stream([prepare("warm")]))
    with monkeypatch.context() as patch:
        patch.setattr(pipeline, "_KEPT", {})
        patch.setattr(KeptWords, "keep", lambda self, vocab, words: None)
        plain = [s.model_dump_json() for s in parse_stream((prepare(t) for t in texts), batch_docs=2)]
    assert "plimq0" not in get_nlp("en").vocab
    kept = [s.model_dump_json() for s in parse_stream((prepare(t) for t in texts), batch_docs=2)]
    assert "plimq0" in get_nlp("en").vocab
    assert kept == plain


@given(hst.lists(hst.integers(0, 2**64 - 1), max_size=40), hst.lists(hst.integers(0, 2**64 - 1), max_size=40),
       hst.lists(hst.integers(0, 40), max_size=10))
def test_merged_is_numpys_set_operations(before: list[int], now: list[int], shared: list[int]) -> None:
    import numpy

    from diplotext.kept_words import merged

    b = numpy.unique(numpy.array(before, dtype="uint64"))
    n = numpy.unique(numpy.array(now + [before[i] for i in shared if i < len(before)], dtype="uint64"))
    again, seen = merged(b, n)
    plain_again, plain_seen = plain.merged(b, n)
    assert again.tolist() == plain_again.tolist() and seen.tolist() == plain_seen.tolist()
    assert again.dtype == seen.dtype == numpy.dtype("uint64")
