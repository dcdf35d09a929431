"""The shortcuts of the structure stages give the answers of their plain definitions.

Layout, sections, the document's description and the input's preparation read long lines from
their ends or heads instead of scanning them whole, skip work whose answer is already known, and
match with patterns the regex engine scans faster; each such shortcut is checked here against the
plain (slower) definition it replaces, on text made of the characters that matter to it.
"""

from __future__ import annotations

import re
from itertools import islice

from hypothesis import given, settings
from hypothesis import strategies as st

from diplotext.text import clean
import pytest

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
    assert clean.ends_sentence(s) == bool(clean._SENTENCE_END.search(s))


def _furniture_reason_plain(stripped: str, lang: str) -> str:
    """`furniture_reason` as first written: the whole key built for every line."""
    voc = clean._vocab(lang)
    key = clean._key(stripped)
    if not key:
        return "no-words" if not clean._LETTER.search(stripped) and not re.search(r"\d", stripped) else ""
    if key in voc.lines or key.startswith(voc.prefixes):
        return "site-furniture"
    words = [m.group() for m in islice(clean._WORD.finditer(key), 20)]
    if len(words) < 20 and any(c in key for c in voc.contains):
        return "footer"
    if clean._URL.match(stripped.strip(clean._BULLETS)):
        return "url"
    if words and len(words) <= 12 and all(w in voc.ui_words for w in words):
        stops = clean._stopwords(lang)
        if any(w not in stops for w in words):
            return "share-row"
    if _is_breadcrumb_plain(stripped, len(words)):
        return "breadcrumb"
    if stripped[:1] in "•·▪►" and len(words) <= 5 and re.search(r"\d", stripped):
        return "bullet-number"
    return ""


def _is_breadcrumb_plain(stripped: str, n_words: int) -> bool:
    if n_words <= 8 and clean._BREADCRUMB_END.search(stripped):
        return True
    parts = clean._BREADCRUMB_SEP.split(stripped)
    return len(parts) >= 3 and all(1 <= len(clean._WORD.findall(p)) <= 5 for p in parts)


@settings(max_examples=400, deadline=None)
@given(lines, st.sampled_from(["en", "ru"]), st.integers(0, 40))
def test_furniture_reason_is_its_plain_definition(line: str, lang: str, repeat: int) -> None:
    voc = clean._vocab(lang)
    for s in (line, line * repeat, sorted(voc.prefixes)[repeat % len(voc.prefixes)] + line * repeat):
        s = s.strip()
        if s:
            assert clean.furniture_reason(s, lang) == _furniture_reason_plain(s, lang), s


@settings(max_examples=400, deadline=None)
@given(lines, st.integers(0, 30))
def test_breadcrumb_read_part_by_part_is_the_split(line: str, n_words: int) -> None:
    assert clean._is_breadcrumb(line, n_words) == _is_breadcrumb_plain(line, n_words)


_POINT_PIECES = ["1", "2", "3", "12", "123", "I", "II", "IV", "x", "Ab", "_", ".", ")", ";", ":", "»", "”", '"', " ", "  ", "\n",
                 "The", "«", "“", "a", ",", "٣"]
point_texts = st.lists(st.sampled_from(_POINT_PIECES), max_size=60).map("".join)


@settings(max_examples=500, deadline=None)
@given(point_texts)
def test_inline_numerals_are_the_inline_point_matches(body: str) -> None:
    from diplotext import segment

    plain = [(m.start(1), m.group(1)) for m in segment._INLINE_POINT.finditer(body)]
    assert segment._inline_numerals(body) == plain


def _score_topics_plain(text: str, lang: str, limit: int = 3) -> list[tuple[str, int]]:
    """`score_topics` as first written: the trie after a word boundary, tried at every character."""
    from collections import Counter

    from diplotext import segment

    _, by_term = segment._topic_matcher(lang)
    pattern = re.compile(r"\b(?:" + segment._trie_regex(list(by_term)) + r")(?!\w)")
    counts: Counter[str] = Counter()
    for m in pattern.finditer(text.casefold()):
        topic = segment._term_topic(m.group(), by_term)
        if topic:
            counts[topic] += 1
    if not counts:
        return []
    ranked = counts.most_common()
    if ranked[-1][1] < 2:
        short = len(segment._WORD.findall(text[:1000])) < 60
        ranked = [(t, c) for t, c in ranked if c >= 2 or short]
    return ranked[:limit]


def _topic_pieces(lang: str) -> list[str]:
    from diplotext.resources import load_json

    terms = [t.rstrip("*") for ts in load_json(f"{lang}/topics.json")["topics"].values() for t in ts]
    return sorted(terms)[::7] + [" ", "  ", "-", ".", "x", "s", "ing", "\n", "1"]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["en", "ru"]), st.data())
def test_score_topics_is_its_plain_definition(lang: str, data: st.DataObject) -> None:
    from diplotext import segment

    text = "".join(data.draw(st.lists(st.sampled_from(_topic_pieces(lang)), max_size=120)))
    for t in (text, text.upper(), text * 8):
        for limit in (-1, 0, 1, 3):
            assert segment.score_topics(t, lang, limit) == _score_topics_plain(t, lang, limit)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["*", " ", "  ", "\n", "a", "**", ".", "* * *"]), max_size=40).map("".join))
def test_dividers_are_the_separator_matches(body: str) -> None:
    from diplotext import segment

    assert [m.span() for m in segment._dividers(body)] == [m.span() for m in segment._SEPARATOR_INLINE.finditer(body)]


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


def _label_before_plain(text: str, colon: int, lang: str) -> int | None:
    """`_label_before` as first written, up to the label's first token: every token of the head read."""
    from diplotext import segment

    head = text[max(0, colon - 160):colon]
    m = segment._LABEL_NOTE.search(head)
    body = head[: m.start()] if m else head.rstrip()
    tokens = list(segment._LABEL_TOKEN.finditer(body))
    if not tokens or tokens[-1].end() != len(body):
        return None
    caps = 0
    start_tok = None
    for tok in reversed(tokens):
        word = tok.group().strip(".")
        if not word:
            return None
        if tok.group().endswith(".") and len(word) > 2 and word not in ("Mr", "Mrs", "Ms", "Dr", "St", "Jr"):
            break
        gap = body[tok.end():(start_tok.start() if start_tok is not None else len(body))]
        if gap.strip():
            break
        if word[0].isupper():
            caps += 1
        elif word.casefold() in segment._LABEL_WORDS_EN or (lang == "ru" and word.isalpha() and word[0].islower()):
            pass
        else:
            break
        start_tok = tok
        if caps >= 14:
            break
    return None if start_tok is None else colon - len(head) + start_tok.start()


_LABEL_PIECES = ["President", "of", "the", "Russia", "Vladimir", "Putin", "V.", "Mr.", "said.", "Президент", "России",
                 "министр", " ", "  ", ",", ".", "(retranslated)", "Jr.", "X", "-", "’", "*** ", "Question"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_LABEL_PIECES), max_size=60).map(" ".join), st.sampled_from(["en", "ru"]))
def test_label_window_finds_the_label_the_whole_head_finds(head: str, lang: str) -> None:
    from diplotext import segment

    text = head + ": Thank you."
    colon = len(head)
    head_ = text[max(0, colon - 160):colon]
    m = segment._LABEL_NOTE.search(head_)
    body = head_[: m.start()] if m else head_.rstrip()
    tokens = list(segment._LABEL_TOKEN.finditer(body))
    first = segment._label_first_token(body, tokens, lang, cut=False)
    plain = _label_before_plain(text, colon, lang)
    assert (None if first is None else colon - len(head_) + tokens[first].start()) == plain
    window = max(0, len(body) - segment._LABEL_WINDOW)
    cut = list(segment._LABEL_TOKEN.finditer(body, window))
    got = segment._label_first_token(body, cut, lang, cut=window > 0)
    if got != segment._WHOLE_HEAD:
        assert (None if got is None else colon - len(head_) + cut[got].start()) == plain


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Word", "word", " ", ".", ",", "«", "(", "x" * 50, "1."]), max_size=120).map("".join),
       st.booleans())
def test_is_heading_is_its_plain_definition(piece: str, next_is_text: bool) -> None:
    from diplotext import segment

    words = segment._WORD.findall(piece)
    plain = not (not words or len(words) > 15 or segment._SENT_END.search(piece) or piece.endswith(",")) and not (
        piece[:1] in segment._QUOTE_OPEN or piece[:1].islower() or piece.startswith(("(", "[", "<"))) and next_is_text
    assert segment._is_heading(piece, next_is_text) == plain


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["talks", "states", "heads", "news", "met", "held", " ", "-", "x", "meeting", "Russian"]),
                max_size=12).map(" ".join))
def test_nominal_headline_takes_the_nouns_out_as_one_sub_per_noun_did(title: str) -> None:
    from diplotext.extract import meta

    low = " ".join(title.casefold().split())
    if meta._NOMINAL_EN.match(low):
        return
    for w in meta._NOUNS_LOOKING_LIKE_VERBS:
        low = re.sub(rf"\b{w}\b", " ", low)
    assert meta._nominal_headline(title, "en") == (not meta._VERB_EN.search(low))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "word", " ", "  ", "-", "x" * 40, "’s", "."]), max_size=400).map("".join),
       st.integers(1, 80), st.integers(1, 1200))
def test_fewer_words_is_the_count_of_the_slice(text: str, n: int, within: int) -> None:
    from diplotext import segment

    assert segment._fewer_words(text, n, within) == (len(segment._WORD.findall(text[:within])) < n)


def test_other_spaces_are_every_space_but_the_space() -> None:
    from diplotext import segment

    every = [c for c in map(chr, range(0x110000)) if c.isspace() and c != " "]
    assert sorted(segment._OTHER_SPACES) == every


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["a", "Б", " ", "  ", "\n", "\t", "\u00a0", "\u3000", "\u2009", "x y", "."]), max_size=30).map("".join))
def test_fold_spaces_is_split_and_join(s: str) -> None:
    from diplotext import segment

    for t in (s, s * 20, "x" * 200 + s, s + "x y" * 100):
        assert segment.fold_spaces(t) == " ".join(t.split())


@settings(max_examples=300, deadline=None)
@given(lines, st.integers(0, 60), st.sampled_from(["", "• ", "-- ", "  ", "İ"]), st.sampled_from(["", ":", " »", ".:-", " • "]))
def test_fold_head_is_a_head_of_the_fold(line: str, repeat: int, lead: str, tail: str) -> None:
    s = (lead * repeat + line * repeat + tail * repeat).strip()
    assert clean._fold(s).startswith(clean._fold_head(s))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["Minsk", ",", " ", "5", "May", "2022", "12:00", "1.", "Article", "3", "* * *", "the", "talks",
                                 "Москва", "мая", "года", "."]), max_size=14).map(" ".join), st.sampled_from(["en", "ru"]))
def test_a_line_with_words_read_is_a_date_or_text_line(line: str, lang: str) -> None:
    cls, _, words = clean._classify(line, lang)
    if words is not None and cls != "bad":
        s = line.strip()
        assert clean._line_kind(s) == ("date" if clean.is_place_date_line(s) else "text")


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["the", "The", "of", "и", "в", "treaty", "Minsk", "договор", "x", "AND"]), max_size=80),
       st.sampled_from(["en", "ru"]), st.sampled_from(["", ".", ":"]))
def test_text_class_is_its_plain_definition(words: list[str], lang: str, end: str) -> None:
    stripped = " ".join(words) + end
    n = len(words)
    density = clean._stop_density(words, lang)
    low, high = (0.08, 0.12) if lang == "ru" else (0.15, 0.2)
    plain = "good" if (n >= 30 and density >= low) or (n >= 10 and density >= high) or (
        n >= 6 and clean.ends_sentence(stripped) and density >= low) else "short"
    assert clean._text_class(stripped, words, lang) == plain


@settings(max_examples=400, deadline=None)
@given(point_texts)
def test_point_tail_is_its_plain_pattern(body: str) -> None:
    from diplotext import segment

    plain = re.compile(r"[\dIVXL][.)]\s+(?=[A-ZА-ЯЁ«“\"])")
    assert [m.span() for m in segment._POINT_TAIL.finditer(body)] == [m.span() for m in plain.finditer(body)]
