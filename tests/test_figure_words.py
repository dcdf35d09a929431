"""The figures' word index (`semantics.WordIndex`), which reads a word only when a figure's window
first holds it, gives the words its plain twin (tests/reference/figure_words.py) reads all at once;
and the other shortcuts of the figures' semantics answer as the plain reading does (the
qualifier's pre-check, the paragraph breaks, the overlap of a figure and a date).
"""

from __future__ import annotations

import re
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reference import figure_words as plain

from diplotext.extract.figures.lexicon import figure_lexicon
from diplotext.extract.figures import semantics
from diplotext.extract.figures.semantics import WordIndex
from diplotext.nlp import get_nlp

_PIECES = {
    "en": ["trade", "turnover", "bilateral", "investment", "electronic", "commerce", "online", "e", "-", "duty",
           "free", "growth", "GDP", "$", "38", "billion", "5%", "the", "and", "Trade", " ", "  ", "\n", "\n\n", ".",
           ",", "(", ")"],
    "ru": ["товарооборот", "торговля", "торговли", "электронной", "электронная", "интернет", "-", "инвестиции",
           "объем", "ВВП", "38", "млрд", "долларов", "5%", "и", " ", "  ", "\n", ".", ",", "«", "»"],
}


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["en", "ru"]), st.data())
def test_the_words_of_a_window_are_those_the_plain_reading_gives(lang: str, data: st.DataObject) -> None:
    pieces = data.draw(st.lists(st.sampled_from(_PIECES[lang]), max_size=40))
    glue = data.draw(st.lists(st.sampled_from(["", " "]), min_size=len(pieces), max_size=len(pieces)))
    text = "".join(p + g for p, g in zip(pieces, glue))
    doc = get_nlp(lang)(text)
    lex = figure_lexicon(lang)
    if data.draw(st.booleans()):  # blocked pairs and hyphen compounds that name a measure themselves
        extra = {pair: "blocked_pair" for pair in lex.measure_blockers}
        lex = replace(lex, measures={**lex.measures, **extra, "e-trade": "compound", "duty-free": "compound"})
    index = WordIndex(doc, lex)
    n = len(doc)
    for _ in range(4):  # windows in any order, overlapping, out of bounds
        i = data.draw(st.integers(-2, n + 2))
        j = data.draw(st.integers(i, n + 3))
        assert index.between(i, j) == plain.between(doc, lex, i, j), (text, i, j)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab5%.'’-_ ([\n\u00e9\u0434", max_size=12))
def test_the_qualifier_pre_check_refuses_only_what_the_search_would_not_read(head: str) -> None:
    if semantics._LAST_WORD.search(head):
        assert semantics._may_end_in_word(head), repr(head)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="a\n ", max_size=30))
def test_the_paragraph_breaks_are_those_a_zero_width_search_finds(work: str) -> None:
    assert semantics._breaks(work) == [m.start() for m in re.finditer(r"(?=\n\n)", work)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 8)), max_size=12), st.integers(0, 45), st.integers(0, 8))
def test_a_figure_overlaps_a_date_as_a_scan_of_every_date_says(dates: list[tuple[int, int]], s: int, n: int) -> None:
    from types import SimpleNamespace

    spans = [(a, a + k) for a, k in dates]
    index = semantics.DateSpans([SimpleNamespace(start=a, end=b) for a, b in spans])  # type: ignore[misc]
    assert index.overlaps(s, s + n) == any(a < s + n and s < b for a, b in spans)
