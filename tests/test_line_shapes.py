"""The layout's memory of lines by their shape with digits masked (`digit_blind_key`) gives every
line the class that `_classify` gives it alone: the fast path and the plain one agree."""

from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from diplotext.text.clean import _judge_lines
from diplotext.text.lines import _classify, digit_blind_key, split_lines

LINES = [
    "Line 1", "Line 27", "1.", "12.", "2) ", "(3)", "Article 5", "Article 12.", "12:30", "99:99", "1:5",
    "22 04 2018 г", "32 13 2018 г", "10 10 1999", "5 May 2011", "55 May 2011", "May 5", "01.02.2003",
    "2011-05-05", "Minsk, 25 June 2012", "2 hours ago", "3 часа назад", "Вчера в 12:30", "+0.5%", "3.78 BYN",
    "• No. 145", "12", "5% ", "5% 5% 5%", "© 2024 The White House", "Page 2 of 10", "www.site1.com/x2",
    "In 2011 the two presidents met in Minsk and signed 12 agreements on trade and energy.",
    "\t22 04 2018", "  7 ", "1 2 3", "Share 5", "Tweet 12 times",
    "31.12.2019", "99.99.9999", "Minsk, 01.02.2003", "Москва, 12.06.2021", "2011-05-05 12:30", "5/6/21 Statement",
    "On 12.06.2021 the sides met in Minsk and agreed on a plan of 15 points for the years to come.",
]


def _text_of_corpus_lines(limit: int = 4000) -> str:
    root = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
    out: list[str] = []
    for path in sorted(root.glob("*/*.txt"))[:200]:
        out += [ln for ln in path.read_text(encoding="utf-8", errors="replace").split("\n") if any(c.isdigit() for c in ln)]
        if len(out) >= limit:
            break
    return "\n".join(out[:limit])


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_lines_judged_by_shape_agree_with_each_line_alone(lang):
    text = "\n".join(LINES + [f"{a} {b}" for a in LINES[:12] for b in ("7", "31", "2018")]) + "\n" + _text_of_corpus_lines()
    lines, sampled = _judge_lines(text, lang)
    for (start, end), line, words in zip(split_lines(text), lines, sampled):
        cls, reason, plain_words = _classify(text[start:end], lang)
        assert (line.cls, line.reason, words) == (cls, reason, plain_words), text[start:end]


def test_a_line_the_spaced_stamp_could_match_has_no_shape():
    assert digit_blind_key("22 04 2018 г", "en") is None
    assert digit_blind_key("Line 17", "en") == "Line 00"


@pytest.mark.parametrize("line", ["Line 17", "Встреча 12 мая 2019 года в 19:45", "٣ 9 ９ 0 — ¹²", "", "abc"])
def test_the_shape_masks_ascii_digits_as_a_character_table_would(line):
    """The pattern's plain twin: every ASCII digit but 0 mapped to 0, nothing else touched."""
    assert digit_blind_key(line, "en") == line.translate(str.maketrans("123456789", "000000000"))


_PIECES = ["22", "04", "2018", "01.02.2003", "9/9/99", "2011-05-05", "12:30", " ", "  ", ".", "-", "г", "May", "мая",
           "Line", "No.", "%", "Minsk,", "the sides met"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), max_size=7).map("".join), min_size=1, max_size=12),
       st.sampled_from(["en", "ru"]))
def test_lines_of_one_shape_agree_with_each_line_alone(lines_, lang):
    """Lines that differ in their digits only share one judgement: each gets what it gets alone."""
    text = "\n".join(lines_ + [ln.translate(str.maketrans("0123456789", "1234567890")) for ln in lines_])
    lines, sampled = _judge_lines(text, lang)
    for (start, end), line, words in zip(split_lines(text), lines, sampled):
        assert (line.cls, line.reason, words) == _classify(text[start:end], lang), text[start:end]
