"""The section shortcuts agree with their plain twins (tests/reference/segment_shapes.py): a
heading's shape with its words counted up to the 16th and what follows it asked only then, the
next unit's words counted up to the 8th, a block's searches for dividers and turns skipped
without an asterisk or a colon; on every unit of corpus texts and on Hypothesis's lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from reference import segment_shapes as plain

from diplotext.segment import _is_heading, _next_is_text, _units
from diplotext.segment.points import _INLINE_POINT, _cuts
from diplotext.text.clean import find_layout

_WORDS = ["Line 7", "I.", "1.", "Article 3", "President of Russia Vladimir Putin:", "Thank you.", "* * *", "«Quote", "(note)",
          "the", "and so on,", "JOINT STATEMENT", "Question: yes", "a", "12", "word"]
pieces = st.lists(st.sampled_from(_WORDS), min_size=0, max_size=20).map(" ".join)


def _corpus(lang: str) -> list[str]:
    root = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
    folder = "kremlin-2021-2022" if lang == "en" else "ru-wikinews"
    return [p.read_text(encoding="utf-8") for p in sorted((root / folder).glob("*.txt"))[::25][:30]]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_shortcuts_agree_with_the_plain_tests_on_corpus_units(lang: str) -> None:
    for text in _corpus(lang) + ["".join(f"Line {i}\n" for i in range(300)), "1.\nI. General\n* * *\nA: b\n"]:
        layout = find_layout(text, lang)
        units = _units(layout, text, lang)
        for n, unit in enumerate(units):
            piece = text[unit.start:unit.end]
            for follows in (True, False):
                assert _is_heading(piece, lambda f=follows: f) == plain.is_heading(piece, follows), piece
            assert _next_is_text(units, n, text) == plain.next_is_text(units, n, text)
        for block in layout.blocks:
            body = text[block.start:block.end]
            assert _cuts(body, block.start, lang) == plain.cuts(body, block.start, lang)


@settings(max_examples=300, deadline=None)
@given(pieces, st.booleans())
def test_the_heading_shortcut_agrees_on_any_line(piece: str, follows: bool) -> None:
    assert _is_heading(piece, lambda: follows) == plain.is_heading(piece, follows)
    assert _cuts(piece, 0, "en") == plain.cuts(piece, 0, "en")


_POINT_TEXT = ["1.", "2.", "3)", "4.", "II.", "III)", "IV.", "IX.", "12.", " ", "  ", "\n", ".", ";", ":", "!", "?", "…", "»", "”", '"',
               "Text", "word", "«Quote", "“Open", "В", "end.", "a", "V", "XL"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_POINT_TEXT), min_size=0, max_size=40).map("".join))
def test_the_inline_point_pattern_matches_where_the_lookbehind_pattern_does(body: str) -> None:
    assert [m.start(1) for m in _INLINE_POINT.finditer(body)] == [m.start(1) for m in plain._INLINE_POINT.finditer(body)]
