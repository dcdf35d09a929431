"""Dates: the table-driven corpora (tests/corpus/dates_*.py) against a fixed reference date,
dateparser's traps, the lexicons, and the seeds."""

from __future__ import annotations

import datetime

import pytest
from corpus import dates_en, dates_ru
from tables import assert_exact
from hypothesis import given, settings
from hypothesis import strategies as st

from diplotext.extract import dates as dates_mod
from diplotext.extract.dates import normalization
from diplotext.extract.dates import date_grammar, date_lexicon, find_dates, normalize, parse_date_text
from diplotext.models import DateMention
from diplotext.nlp import get_nlp
from diplotext.resources import load_json
from diplotext.text.normalize import working_text

CORPORA = {"en": dates_en, "ru": dates_ru}


def extract(text: str, lang: str, ref: str | None) -> list[DateMention]:
    work = working_text(text)
    return find_dates(get_nlp(lang)(work), lang, doc_date=ref, work=work)


def triples(found: list[DateMention], text: str) -> list[tuple[str, str | None, str]]:
    return [(text[d.start:d.end], d.value, d.granularity) for d in found]


def _cases(kind: str) -> list[tuple[str, str, object]]:
    return [(lang, *case) if isinstance(case, tuple) else (lang, case, None)
            for lang, mod in CORPORA.items() for case in getattr(mod, kind)]


def _same(got: tuple[str, str | None, str], want: tuple[str, str | None, str]) -> bool:
    return got == tuple(want)


@pytest.mark.parametrize(("lang", "text", "expected"), _cases("POSITIVE"))
def test_positive(lang: str, text: str, expected: list[tuple[str, str, str]]) -> None:
    found = triples(extract(text, lang, CORPORA[lang].REFERENCE), text)
    assert_exact(found, expected, _same)
    assert found == [tuple(e) for e in expected]  # and in text order


@pytest.mark.parametrize(("lang", "text", "expected"), _cases("UNRESOLVED"))
def test_without_document_date_relative_dates_stay_unresolved(lang: str, text: str, expected: list) -> None:
    found = extract(text, lang, None)
    assert_exact(triples(found, text), expected, _same)
    assert all(d.note for d in found)


@pytest.mark.parametrize(("lang", "text", "_"), _cases("NEGATIVE"))
def test_negative(lang: str, text: str, _: None) -> None:
    assert_exact(triples(extract(text, lang, CORPORA[lang].REFERENCE), text), [], _same)


def test_offsets_point_into_the_input_with_no_break_spaces() -> None:
    text = "Signed on 8\u00a0December\u00a01999 and in\u202f2011."
    found = extract(text, "en", None)
    assert [(text[d.start:d.end], d.value) for d in found] == [("8\u00a0December\u00a01999", "1999-12-08"), ("2011", "2011")]


def test_ranges_have_both_ends_with_roles() -> None:
    found = extract("The programme covers 2021–2025.", "en", None)
    assert [(d.value, d.role) for d in found] == [("2021", "range_start"), ("2025", "range_end")]


def test_periods_say_where_they_end() -> None:
    half, quarter = extract("In the first half of 2024 and the II quarter of 2023.", "en", None)[0], \
        extract("Во II квартале 2023 г.", "ru", None)[0]
    assert (half.value, half.granularity, half.period_end) == ("2024", "half", "2024-06-30")
    assert (quarter.value, quarter.granularity, quarter.period_end) == ("2023", "quarter", "2023-06-30")


def test_relative_dates_are_marked_relative() -> None:
    (d,) = extract("Trade grew last year.", "en", "2022-02-18")
    assert d.relative and d.value == "2021"


def test_a_document_dated_only_by_year_does_not_resolve_days() -> None:
    (d,) = extract("Yesterday we met.", "en", "2022")
    assert d.value is None and d.note


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_year_only_never_takes_todays_month_and_day(lang: str) -> None:
    # dateparser.parse("in 2011") fills in today's month and day: an absolute date's value is
    # its parts, as precise as the text
    assert normalize(2011) == "2011" and normalize(2011, 6) == "2011-06"
    (d,) = extract("In 2011 it grew." if lang == "en" else "В 2011 году рост продолжился.", lang, None)
    assert (d.value, d.granularity) == ("2011", "year")


def test_absolute_dates_are_read_without_dateparser_relative_ones_by_it() -> None:
    dates_mod.clear_cache()
    (d,) = extract("Signed on December 8, 1999.", "en", None)
    assert d.value == "1999-12-08" and "dateparser" not in d.evidence and dates_mod.PARSED.lookups == 0
    for _ in range(3):
        (r,) = extract("They met last Friday.", "en", "2024-03-13")
    assert r.value == "2024-03-08" and "dateparser" in r.evidence
    assert (dates_mod.PARSED.calls, dates_mod.PARSED.hits) == (1, 2)  # cached by expression and base


def test_russian_year_word_does_not_turn_into_year_0015() -> None:
    # dateparser reads "в 2011 году" as a year in the first century
    (d,) = extract("в 2011 году", "ru", None)
    assert d.value == "2011"


def test_invalid_calendar_dates_are_not_invented() -> None:
    found = extract("It happened on February 30, 2019.", "en", None)
    assert all(d.value != "2019-02-30" for d in found)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_lexicon_is_well_formed(lang: str) -> None:
    data = load_json(f"{lang}/dates.json")
    assert len(data["months"]) == 12 and all(m["forms"] for m in data["months"])
    for r in data["relative"]:
        assert r["unit"] in ("year", "month", "day") and isinstance(r["offset"], int)
    assert set(data["quarters"].values()) == {1, 2, 3, 4} and set(data["halves"].values()) == {1, 2}
    assert date_grammar(lang).pattern


def test_russian_months_in_every_case() -> None:
    months = date_lexicon("ru").months
    for form in ("июнь", "июня", "июне", "июню", "июнем"):
        assert months[form] == 6


def test_seed_statement_dates(seed_statement) -> None:  # type: ignore[no-untyped-def]
    values = {d.value for d in seed_statement.dates}
    assert {"2012-06-25", "1999-12-08", "2012-05-31", "2011-11-25", "2011"} <= values
    assert all(d.value is None or not d.value.startswith("0") for d in seed_statement.dates)


def test_seed_news_relative_date_without_document_date(seed_news) -> None:  # type: ignore[no-untyped-def]
    this_year = [d for d in seed_news.dates if d.text == "this year"]
    assert this_year and this_year[0].value is None and this_year[0].relative
    assert {"2024", "2026"} <= {d.value for d in seed_news.dates}


_PIECES = ["May", "may", "June", "25", "2011", "2021–2025", "12:00", "in", "the", "of", "this year", "декабря", "году",
           "г.", "II квартал", "1990s", ",", ".", "-", "–", "\n", " ", "\u00a0", "$", "%", "Dec.", "27–28", "mid-2020s"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30), st.sampled_from(["en", "ru"]))
def test_any_text_gives_valid_spans_and_values(pieces: list[str], lang: str) -> None:
    text = " ".join(pieces)
    for d in extract(text, lang, "2019-12-20"):
        assert 0 <= d.start < d.end <= len(text)
        assert d.value is None or d.value[:4].isdigit()


def _evidence_cases() -> list[tuple[str, str, list]]:
    return [(lang, text, want) for lang, mod in CORPORA.items() for text, want in mod.EVIDENCE]


@pytest.mark.parametrize(("lang", "text", "expected"), _evidence_cases())
def test_each_date_is_read_by_the_path_the_table_says(lang: str, text: str, expected: list) -> None:
    found = [(text[d.start:d.end], d.evidence) for d in extract(text, lang, CORPORA[lang].REFERENCE)]
    assert_exact(found, expected, lambda g, w: g[0] == w[0] and g[1] == w[1])


PARSER_RULES = {"weekday", "week", "ago", "in_units"}


@pytest.mark.parametrize(("lang", "text", "expected"), _cases("POSITIVE"))
def test_every_table_date_names_its_rule_and_dateparser_reads_only_relative_expressions(lang: str, text: str, expected: list) -> None:
    rules = {r.name for r in date_grammar(lang).rules}
    for d in extract(text, lang, CORPORA[lang].REFERENCE):
        assert d.evidence and d.evidence[0] in rules, d
        assert ("dateparser" in d.evidence) == (d.evidence[0] in PARSER_RULES), d


def test_dateparser_reads_relative_expressions_against_the_document_date_and_caches() -> None:
    dates_mod.clear_cache()
    (a,) = extract("The envoy left last Friday.", "en", "2019-12-20")
    (b,) = extract("The envoy left last Friday.", "en", "2021-03-10")
    (c,) = extract("The envoy left last Friday.", "en", "2019-12-20")
    assert (a.value, b.value, c.value) == ("2019-12-13", "2021-03-05", "2019-12-13")
    assert (dates_mod.PARSED.calls, dates_mod.PARSED.hits) == (2, 1)


def test_a_relative_expression_without_a_document_date_is_not_read_from_the_clock() -> None:
    (d,) = extract("The envoy left last Friday.", "en", None)
    assert d.value is None and d.note and d.relative


def test_an_ambiguous_numeric_date_says_so() -> None:
    (d,) = extract("Dated 08/12/1999.", "en", None)
    assert (d.value, d.confidence) == ("1999-08-12", 0.7) and "ambiguous" in (d.note or "")
    (d,) = extract("Dated 08/12/1999.", "ru", None)
    assert d.value == "1999-12-08"


def test_a_qualified_period_keeps_its_qualifier() -> None:
    mid, end = extract("Prices peaked in mid-2020 and fell by the end of 2021.", "en", None)
    assert (mid.value, mid.qualifier, end.value, end.qualifier) == ("2020", "mid", "2021", "end")


def test_a_phrase_broken_by_a_line_break_is_looked_up_without_the_break() -> None:
    # "third⏎quarter" matched across a line break of hard-wrapped text is the lexicon's "third quarter"
    found = parse_date_text("Profits in the third\nquarter rose, and this\nyear too.")
    assert [(c.granularity, c.period) for c in found] == [("quarter", ("quarter", 3)), ("year", None)]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_start_positions_read_back_only_on_the_anchors_line_as_the_plain_lookback_filtered(lang: str) -> None:
    """The lookback stops at the anchor's line start; its plain twin reads `_LOOKBACK` tokens
    back across lines and drops what lies before the line: the same positions for every token."""
    from diplotext.extract.dates import candidates as c
    from diplotext.nlp import get_nlp
    from diplotext.token_view import token_view

    text = ("Line 1\nLine 2\n1.\n5 May\n2011\nfrom 1 to 3 December 2011\n11 - 06 - 2024\nmid-2021, Nov.21\n"
            "в 2011 году\n8 декабря\n1999 года\n") * 3
    doc = get_nlp(lang).make_doc(text)
    idx = token_view(doc).idx
    lex = c.date_lexicon(lang)
    fast = c._start_positions(text, idx, lex)

    def tok(k: int) -> str:
        return text[idx[k]: idx[k + 1] if k + 1 < len(idx) else len(text)].rstrip()

    def plain(ts: int) -> tuple[list[int], int]:
        a_start = idx[ts]
        line_start = text.rfind("\n", max(0, a_start - c._LINE_WINDOW), a_start) + 1 or max(0, a_start - c._LINE_WINDOW)
        ks, k, words = [], ts - 1, 0
        while k >= 0 and words < c._LOOKBACK and ts - k <= 2 * c._LOOKBACK:
            ks.append(k)
            words += tok(k) not in c._SEPARATORS
            k -= 1
        out = [idx[k] for k in ks[::-1] if (t := tok(k))[:1].isdigit() or t.lower() in lex.starters
               or (t[:1].isalpha() and t[-1:].isdigit())]
        out.append(a_start)
        first = tok(ts)
        if not first[:1].isdigit() and first[-1:].isdigit():
            a_start += next((i for i, ch in enumerate(first) if ch.isdigit()), 0)
            out.append(a_start)
        return [pos for pos in out if pos >= line_start], a_start

    assert [fast(ts) for ts in range(len(idx))] == [plain(ts) for ts in range(len(idx))]
