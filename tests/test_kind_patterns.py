"""The kind cues' patterns, which test each word boundary after a phrase's first character, match
exactly where their plain twins (tests/reference/kind_patterns.py), which open with the
lookbehind, do: on texts made of the cue phrases themselves, glued and spaced every way."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reference.kind_patterns import cue_patterns

from diplotext.extract.kind.lexicon import kind_words, word_start_alternation

_GLUE = ["", " ", "  ", "\n", ",", ".", ":", "x", "я", "'", "«", "-", "9"]


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_cue_pattern_matches_where_its_plain_twin_does(lang: str) -> None:
    plain = cue_patterns(lang)
    words = kind_words(lang)
    names = ["speech", "party_nouns", "declaring", "intros", "closing", "attributions", "own_state", "honorifics"]
    assert [n for n in names if getattr(words, n) is not None] == list(plain)
    for name, twin in plain.items():
        pattern = getattr(words, name)
        phrases = [p for p in re.split(r"(?<!\\)\|", twin.pattern.split("(?:", 1)[1].rsplit(")", 1)[0])]
        texts = [re.sub(r"\\(.)", r"\1", p) for p in phrases]

        @settings(max_examples=150, deadline=None)
        @given(st.lists(st.one_of(st.sampled_from(texts), st.sampled_from(_GLUE)), max_size=14).map("".join),
               st.sampled_from(["", "A ", "a", " ", "word "]))
        def agree(text: str, lead: str) -> None:
            for t in (text, lead + text, text.upper(), text.title()):
                assert _spans(pattern, t) == _spans(twin, t), (name, t)

        agree()


def test_an_empty_cue_phrase_is_refused() -> None:
    with pytest.raises(ValueError, match="empty"):
        word_start_alternation(["treaty", ""])
