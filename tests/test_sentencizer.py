"""diplotext's array-based sentencizer marks exactly the sentence starts of spaCy's own
`Sentencizer`, on real statements, on hostile punctuation, and with custom sentence-final marks."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from diplotext.nlp import _Sentencizer, blank

RAW = Path(__file__).resolve().parent.parent / "data" / "raw"
_TOKENS = ["Minsk", "talks", "Москва", "переговоры", ".", "!", "?", "...", "。", "»", "«", "\"", "'", ")", "(",
           "—", ",", ";", ":", "\n", "\n\n", "  ", "1.", "U.S.", "п.", "…", "?!", "‼", "·"]


def _starts(sentencizer: Sentencizer, doc: Doc) -> tuple[list[bool], list[bool]]:
    """What `predict` guesses, and the starts the component sets on a fresh copy of `doc`."""
    guesses = [bool(g) for g in sentencizer.predict([doc])[0]]
    out = sentencizer(Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc]))
    return guesses, [bool(t.is_sent_start) for t in out]


EN, RU = blank("en"), blank("ru")


@pytest.mark.parametrize("path", sorted(RAW.glob("*.txt")), ids=lambda p: p.name)
def test_same_starts_as_spacy_on_the_seed_statements(path: Path) -> None:
    doc = EN.make_doc(path.read_text(encoding="utf-8"))
    ours = _starts(_Sentencizer("s"), doc)
    assert ours == _starts(Sentencizer(), doc)
    assert sum(ours[1]) > 3  # the statements have sentences to find


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), max_size=60))
def test_same_starts_as_spacy_on_any_run_of_words_and_marks(words: list[str]) -> None:
    doc = EN.make_doc(" ".join(words))
    assert _starts(_Sentencizer("s"), doc) == _starts(Sentencizer(), doc)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), max_size=40), st.lists(st.sampled_from([";", ":", "—", "»", "."]), min_size=1, max_size=3))
def test_same_starts_as_spacy_with_custom_final_marks(words: list[str], marks: list[str]) -> None:
    doc = RU.make_doc(" ".join(words))
    assert _starts(_Sentencizer("s", punct_chars=marks), doc) == _starts(Sentencizer(punct_chars=marks), doc)


def test_an_empty_doc_has_no_sentence_start() -> None:
    doc = EN.make_doc("")
    assert _Sentencizer("s").predict([doc]) == Sentencizer().predict([doc]) == [[]]
