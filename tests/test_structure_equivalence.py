"""The shortcuts kept in the structure stages give the answers of their plain definitions.

Each shortcut (a sentence end read from the string's end, a topic pattern the regex engine can
skip along, one sub for many nouns, a line's kind not asked twice, the working text made by one
translation) is checked against its plain twin (tests/reference/), on text made of the
characters that matter to it.
"""

from __future__ import annotations

import re
from itertools import islice

from hypothesis import given, settings
from hypothesis import strategies as st

import pytest
from reference import docfields as plain

from diplotext.segment import topics
from diplotext.text import blocks, lines as layout_lines

pytestmark = pytest.mark.slow

_PIECES = [
    "a", "Word", "the", "news", " ", "  ", "\t", "\u2003", "\u00a0", "\x1f", ".", "!", "?", "…", ":", ";", "'", '"',
    "”", "»", "’", ")", "]", "(", "-", "/", "›", ">", "|", "•", "*", "1", "2021", "Share", "Print", "See also",
    "Версия для печати", "Поделиться", "©", "All rights reserved", "Font size:", "x" * 30, "и", "в",
]
lines = st.lists(st.sampled_from(_PIECES), max_size=80).map("".join)


@settings(max_examples=400, deadline=None)
@given(lines)
def test_ends_sentence_is_the_sentence_end_pattern(s: str) -> None:
    assert layout_lines.ends_sentence(s) == plain.ends_sentence(s)


def _topic_pieces(lang: str) -> list[str]:
    from diplotext.resources import load_json

    terms = [t.rstrip("*") for ts in load_json(f"{lang}/topics.json")["topics"].values() for t in ts]
    return sorted(terms)[::7] + [" ", "  ", "-", ".", "x", "s", "ing", "\n", "1"]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["en", "ru"]), st.data())
def test_score_topics_is_its_plain_definition(lang: str, data: st.DataObject) -> None:
    text = "".join(data.draw(st.lists(st.sampled_from(_topic_pieces(lang)), max_size=120)))
    for t in (text, text.upper(), text * 8):
        for limit in (-1, 0, 1, 3):
            assert topics.score_topics(t, lang, limit) == plain.score_topics(t, lang, limit)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_term_topic_by_its_index_is_every_term_tried(lang: str) -> None:
    _, by_term = topics._topic_matcher(lang)
    phrases = [p for term in by_term for p in (term, term.replace("*", ""), term.replace("*", "ations"),
                                               term.replace("*", "у"), term + "s", term.split()[0] + " x")]
    for phrase in phrases:
        assert topics._term_topic(phrase, lang) == plain.term_topic(phrase, by_term), phrase


_TEXT_PIECES = ["a", "Б", " ", "\n", "\r", "\r\n", "\t", "\u00a0", "\u2019", "\u3000", "\x00", "\u2028", "\x85", "’", "é", "1"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TEXT_PIECES), max_size=40).map("".join))
def test_working_text_is_its_plain_definition(text: str) -> None:
    from diplotext.text import normalize

    plain = normalize._CR.sub("\n", text.translate(normalize._ONE_FOR_ONE)).replace("\r", " ")
    assert normalize.working_text(text) == plain
    assert len(normalize.working_text(text)) == len(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "Z", " ", "1", "Б", "ж", "é", "\n"]), max_size=40).map("".join))
def test_detect_language_is_its_plain_count(text: str) -> None:
    from diplotext.lang import detect_language

    lat = sum(1 for c in text if c.isascii() and c.isalpha())
    cyr = sum(1 for c in text if "\u0400" <= c <= "\u04ff")
    assert detect_language(text) == ("ru" if cyr > lat else "en")


def test_values_keep_the_input_text_where_the_working_text_differs() -> None:
    import diplotext

    text = "Joint Statement\n\nThe parties met in Minsk on 5\u00a0May 2022 and again on 6 May 2022 to talk about trade.\n"
    st_ = diplotext.parse(text, lang="en")
    by_start = {d.start: d for d in st_.dates}
    for d in st_.dates:
        assert d.text == text[d.start:d.end]
    assert any("\u00a0" in d.text for d in by_start.values())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["talks", "states", "heads", "news", "met", "held", " ", "-", "x", "meeting", "Russian"]),
                max_size=12).map(" ".join))
def test_nominal_headline_takes_the_nouns_out_as_one_sub_per_noun_did(title: str) -> None:
    from diplotext.extract.kind.title import nominal_headline

    assert nominal_headline(title, "en") == plain.nominal_headline(title, "en")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["Minsk", ",", " ", "5", "May", "2022", "12:00", "1.", "Article", "3", "* * *", "the", "talks",
                                 "Москва", "мая", "года", "."]), max_size=14).map(" ".join), st.sampled_from(["en", "ru"]))
def test_a_line_with_words_read_is_a_date_or_text_line(line: str, lang: str) -> None:
    cls, _, words = layout_lines._classify(line, lang)
    if words is not None and cls != "bad":
        s = line.strip()
        assert plain.line_kind(s) == blocks._line_kinds([layout_lines.Line(0, len(line), line, cls)], [words])[0]


