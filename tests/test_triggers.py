"""The shared machinery of the relations layer: the trigger matcher and the Sentences index give
the same answers on their shortcuts (lexicon hits, phrases without optional parts) as the plain
definitions they stand for."""

from __future__ import annotations

import pytest

from diplotext.extract.triggers import Sentences, TriggerMatcher, _match, compile_phrase
from diplotext.nlp import get_nlp

TEXT = (
    "The presidents signed the Treaty on Friendship in Moscow; they welcomed the agreement, which the "
    "parties concluded, and held official talks.\n\nThe document was noted by both sides: talks, talks and talks."
)


@pytest.fixture(scope="module")
def doc():
    return get_nlp("en")(TEXT)


def _plain_where(sents: Sentences, words: frozenset[str], texts: frozenset[str] = frozenset()) -> list[int]:
    return [i for i, w in enumerate(sents.words()) if w in words or sents.text_at(i) in texts]


@pytest.mark.parametrize(
    ("words", "texts"),
    [
        (frozenset({"talks", "the"}), frozenset()),
        (frozenset({"signed", "nowhere"}), frozenset({";", ":"})),
        (frozenset(), frozenset({","})),
        (frozenset({"document"}), frozenset()),
    ],
)
@pytest.mark.parametrize("lexicon", [frozenset(), frozenset({"talks", "the", "signed", "document"}), frozenset({"talks"})])
def test_where_is_the_same_with_any_lexicon(doc, words, texts, lexicon):
    sents = Sentences(doc, lexicon=lexicon)
    assert sents.where(words, texts) == _plain_where(sents, words, texts)


def _plain_matches(phrases: list[str], sents: Sentences) -> set[tuple[int, int, int]]:
    """Every match of every phrase at every start, within a unit (the definition)."""
    words, out = sents.words(), set()
    for key, phrase in enumerate(phrases):
        parts = compile_phrase(phrase)
        for unit in sents.units:
            for start in range(unit.start, unit.end):
                for end in _match(parts, 0, words, start, unit.end):
                    if end > start:
                        out.add((key, start, end))
    return out


def test_matcher_finds_what_the_definition_does(doc):
    phrases = ["held official? talks", "talks", "the parties concluded", "signed * treaty", "talks and talks", "by both? sides"]
    sents = Sentences(doc, lexicon=frozenset({"talks", "held", "concluded", "treaty", "sides", "signed"}))
    got = TriggerMatcher((k, [p]) for k, p in enumerate(phrases))(sents)
    assert set(got) == _plain_matches(phrases, sents)
    assert got == sorted(got, key=lambda m: (m[1], m[2]))
    assert {(k, e - s) for k, s, e in got} >= {(0, 3), (2, 3), (3, 3), (4, 3), (5, 3)}
