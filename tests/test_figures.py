"""Figures: the table-driven corpora (tests/corpus/figures_*.py), numbers, the lexicons, the seeds."""

from __future__ import annotations

from decimal import Decimal

import pytest
from corpus import figures_en, figures_ru
from tables import assert_exact
from hypothesis import given, settings
from hypothesis import strategies as st

from diplotext.extract.dates import find_dates
from diplotext.extract.figures import find_figures
from diplotext.extract.numbers import parse_number
from diplotext.models import Figure
from diplotext.nlp import get_nlp
from diplotext.resources import load_json
from diplotext.text.normalize import working_text

CORPORA = {"en": figures_en, "ru": figures_ru}


def extract(text: str, lang: str, ref: str | None = None) -> list[Figure]:
    work = working_text(text)
    doc = get_nlp(lang)(work)
    dates = find_dates(doc, lang, doc_date=ref, work=work)
    return find_figures(doc, lang, dates=dates, work=work)


def _cases(kind: str) -> list[tuple]:
    return [(lang, *case) if isinstance(case, tuple) else (lang, case)
            for lang, mod in CORPORA.items() for case in getattr(mod, kind)]


_FIELDS = ("currency", "currency_inferred", "unit", "measure", "year", "period", "qualifier", "change", "target", "evidence")


def _matches(text: str) -> object:
    def same(f: Figure, e: dict) -> bool:
        return (text[f.start:f.end] == e["text"] and f.text == e["text"].translate({0xA0: " ", 0x202F: " ", 0x2009: " "})
                and f.value == Decimal(e["value"]) and all(getattr(f, k) == e[k] for k in _FIELDS if k in e))
    return same


def _show(f: Figure) -> dict:
    return f.model_dump(include={"text", "value", *_FIELDS}, exclude_defaults=True)


@pytest.mark.parametrize(("lang", "text", "expected"), _cases("POSITIVE"))
def test_positive(lang: str, text: str, expected: list[dict]) -> None:
    found = extract(text, lang, CORPORA[lang].REFERENCE)
    assert_exact(found, expected, _matches(text), show=_show)  # type: ignore[arg-type]
    assert [text[f.start:f.end] for f in found] == [e["text"] for e in expected]  # and in text order


@pytest.mark.parametrize(("lang", "text"), _cases("NEGATIVE"))
def test_negative(lang: str, text: str) -> None:
    assert_exact(extract(text, lang), [], _matches(text), show=_show)  # type: ignore[arg-type]


@pytest.mark.parametrize(("raw", "lang", "value"), [
    ("1,000", "en", "1000"), ("1,000,000.5", "en", "1000000.5"), ("12.5", "en", "12.5"), ("12,5", "en", "12.5"),
    ("1 000 000", "en", "1000000"), ("twenty-five", "en", "25"), ("two", "en", "2"),
    ("12,5", "ru", "12.5"), ("1,5", "ru", "1.5"), ("1 000 000", "ru", "1000000"), ("3.78", "ru", "3.78"), ("полтора", "ru", "1.5"),
])
def test_numbers(raw: str, lang: str, value: str) -> None:
    assert parse_number(raw, lang) == Decimal(value)


def test_figure_values_are_decimal_and_serialize_as_integers() -> None:
    (f,) = extract("Trade reached USD 1.5 trillion.", "en")
    assert isinstance(f.value, Decimal)
    assert '"value":1500000000000' in f.model_dump_json()


def test_a_figure_stated_twice_is_reported_per_mention() -> None:
    found = extract("Trade reached US$140 billion. As you noted, trade has reached US$140 billion.", "en")
    assert [f.value for f in found] == [Decimal("140000000000")] * 2


def test_russian_and_english_qualifiers_share_labels() -> None:
    (en,) = extract("Trade exceeded US$ 38 billion.", "en")
    (ru,) = extract("Товарооборот превысил 38 млрд долларов США.", "ru")
    assert en.qualifier == ru.qualifier == "exceeded"
    assert en.value == ru.value and en.currency == ru.currency


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_lexicons_are_well_formed(lang: str) -> None:
    fig = load_json(f"{lang}/figures.json")
    num = load_json(f"{lang}/numbers.json")
    for table in ("currency_prefixes", "currency_codes_after", "currency_words"):
        assert all(len(code) == 3 and code.isupper() for code in fig[table].values()), table
    assert all(isinstance(v, int) and v >= 1000 for v in num["scales"].values())
    assert all(isinstance(v, str) and v for v in fig["units"].values())
    assert all(isinstance(v, str) and v for v in fig["measures"].values())
    assert all(isinstance(v, str) and v for v in fig["qualifiers"].values())


def test_seed_statement_figure(seed_statement) -> None:  # type: ignore[no-untyped-def]
    (f,) = [f for f in seed_statement.figures if f.currency == "USD"]
    assert (f.value, f.measure, f.year, f.qualifier) == (Decimal("38000000000"), "trade_volume", "2011", "exceeded")


def test_seed_news_ticker_is_not_a_figure(seed_news) -> None:  # type: ignore[no-untyped-def]
    assert all(f.currency != "BYN" for f in seed_news.figures)


_PIECES = ["US$", "$", "€", "38", "1,5", "12.5", "1 000", "two", "a", "billion", "млрд", "million", "%", "percent",
           "dollars", "рублей", "tonnes", "[dollars]", "–", "to", "over", "более", "by", "на", "\n", ",", ".", "BYN"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30), st.sampled_from(["en", "ru"]))
def test_any_text_gives_valid_spans_and_values(pieces: list[str], lang: str) -> None:
    text = " ".join(pieces)
    for f in extract(text, lang):
        assert 0 <= f.start < f.end <= len(text)
        assert f.value >= 0 and f.kind in ("money", "percent", "quantity", "count")


def test_a_text_past_the_figure_limit_keeps_the_first_figures_and_says_so(monkeypatch) -> None:
    import diplotext
    from diplotext.extract import figures

    text = "Exports rose " + ", ".join(f"{k}%" for k in range(1, 40)) + "."
    every = diplotext.parse(text, lang="en")
    monkeypatch.setattr(figures, "MIN_FIGURES", 7)
    capped = diplotext.parse(text, lang="en")
    assert len(every.figures) == 39 and not every.warnings
    assert capped.figures == every.figures[:7]
    assert len(capped.warnings) == 1 and "only the first 7 were read" in capped.warnings[0]


def test_the_figure_limit_grows_with_the_text() -> None:
    from diplotext.extract.figures import CHARS_PER_FIGURE, MIN_FIGURES, figure_limit

    assert figure_limit(0) == figure_limit(100_000) == MIN_FIGURES
    assert figure_limit(10_000_000) == 10_000_000 // CHARS_PER_FIGURE
