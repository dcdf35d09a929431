"""The layout's word alternations (`diplotext.text.lines._alternation`, a look at the first
character before the words) match what their plain twin, the bare alternation longest first
(tests/reference/line_patterns.py), matches: the same spans at every position, the same
substitutions, with the words of every list the layout reads, in the patterns it builds."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reference.line_patterns import alternation as flat

from diplotext.text import lines
from diplotext.text.lines import _alternation

WORD_LISTS = {
    "months": lines._month_names(),
    "fillers": lines._words_of("weekdays") + lines._words_of("date_fillers"),
    "points": lines._words_of("point_words"),
    "tickers": lines._words_of("ticker_units"),
}
CONTEXTS = [r"\b(?:{})\b", r"\b(?:{})\b\.?|[\d\s.,:/\-−–—()]+", r"^(?:{})\s+[\dIVXLC]{{1,6}}\.?$", r"(?:{})"]
# characters that match alike ignoring case though they differ, and the first letters of the words
_TRICKY = "kKKsſSµμiIİıßǅǆ"
_ALPHABET = _TRICKY + "".join(sorted({c for ws in WORD_LISTS.values() for w in ws for c in w})) + " .,5\n"


def _corpus_lines(limit: int = 3000) -> list[str]:
    root = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
    out: list[str] = []
    for path in sorted(root.glob("*/*.txt"))[::7][:150]:
        out += [ln for ln in path.read_text(encoding="utf-8", errors="replace").split("\n") if 0 < len(ln) < 200]
    return out[:limit]


def _agree(words: list[str], context: str, texts: list[str]) -> None:
    for flags in (re.IGNORECASE, 0):
        a = re.compile(context.format(flat(words)), flags)
        b = re.compile(context.format(_alternation(words)), flags)
        for text in texts:
            assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)], (context, text)
            assert a.sub("", text) == b.sub("", text)
            for pos in range(0, len(text) + 1, max(1, len(text) // 40)):
                ma, mb = a.match(text, pos), b.match(text, pos)
                assert (ma and ma.span()) == (mb and mb.span()), (context, text, pos)


def test_the_layouts_alternations_match_as_the_plain_ones_on_corpus_lines_and_the_words() -> None:
    texts = _corpus_lines()
    for words in WORD_LISTS.values():
        variants = [f(w) for w in words for f in (str.upper, str.lower, str.swapcase, str.title, lambda w: f"5 {w}. x")]
        for context in CONTEXTS:
            _agree(words, context, texts + variants)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(WORD_LISTS)), st.sampled_from(CONTEXTS), st.lists(st.text(alphabet=_ALPHABET, max_size=24), max_size=6),
       st.lists(st.text(alphabet=_TRICKY + "ab.", min_size=1, max_size=4), max_size=6))
def test_the_alternations_match_as_the_plain_ones_on_any_text(name: str, context: str, texts: list[str], extra: list[str]) -> None:
    _agree(WORD_LISTS[name] + extra, context, texts)
    _agree(extra, context, texts)


def test_the_patterns_of_the_layout_are_built_on_the_alternation() -> None:
    months = re.compile(rf"\b(?:{flat(lines._month_names())})\b", re.I)
    for text in _corpus_lines(1000) + ["5 MAY 2011", "Декабря 3", "sept. 5", "Mayor 5"]:
        assert bool(lines._HAS_MONTH.search(text)) == bool(months.search(text)), text
    assert lines._alternation([]) == flat([]) == ""


_DATEY = ["22 04 2018 г", " 5 05 2011", "01.02.2003", "2011-05-05", "5 May 2011", "May", "Line 12345", "١٢.٠٤.٢٠١٨", "3/4/21",
          "Minsk, 25 June 2012", "12 13 2018", "Декабря 3", "  ", "x 1.2.33 y"]


def _date_tests_agree(text: str) -> None:
    from reference.line_patterns import NUMERIC_DATE, is_date_line, mentions_date

    assert lines._has_numeric_date(text) == bool(NUMERIC_DATE.search(text)), text
    assert lines.mentions_date(text) == mentions_date(text, lines._HAS_MONTH), text
    assert lines.is_date_line(text) == is_date_line(text, lines._HAS_MONTH, lines._DATE_FILLER), text


def test_the_date_line_tests_agree_with_the_plain_ones_on_corpus_lines() -> None:
    for text in _corpus_lines() + _DATEY:
        _date_tests_agree(text)
        _date_tests_agree(text.strip())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_DATEY + ["1", "31", "2018", " ", ".", "-", "a"]), max_size=8).map("".join))
def test_the_date_line_tests_agree_on_any_line(text: str) -> None:
    _date_tests_agree(text)
