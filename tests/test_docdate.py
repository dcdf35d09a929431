"""The document's own date: header lines, datelines, "Issued on", the title, footers; the caller's wins."""

from __future__ import annotations

import pytest

import diplotext

BODY = (
    "The heads of state discussed the development of bilateral relations, trade and economic cooperation, "
    "and the coordination of their positions in international organisations, and agreed to meet again.\n\n"
    "The parties reaffirmed their commitment to the strategic partnership and to the further deepening of "
    "integration within the Union State and the Eurasian Economic Union on December 8, as agreed earlier.\n"
)
BODY_RU = (
    "Главы государств обсудили развитие двусторонних отношений, торгово-экономического сотрудничества и "
    "координацию позиций в международных организациях и договорились встретиться вновь.\n\n"
    "Стороны подтвердили приверженность стратегическому партнерству и дальнейшему углублению интеграции "
    "в рамках Союзного государства и Евразийского экономического союза 8 декабря, как было условлено.\n"
)


def doc_date(text: str, **kw: object) -> tuple[str | None, str | None]:
    st = diplotext.parse(text, **kw)  # type: ignore[arg-type]
    return (st.date.value, st.date.source) if st.date else (None, None)


def test_header_date_line_under_the_title_then_a_time() -> None:
    text = "Meeting with the President of Belarus\n\nDecember 19, 2012\n20:00\n\nThe Kremlin, Moscow\n\n" + BODY
    assert doc_date(text) == ("2012-12-19", "header")


def test_header_with_the_days_of_a_summit_takes_the_first() -> None:
    text = "Russia-ASEAN Summit\n\nDecember 13 − 14, 2005\n\nKuala Lumpur\n\n" + BODY
    assert doc_date(text) == ("2005-12-13", "header")


def test_header_date_line_with_a_place() -> None:
    assert doc_date("Joint Statement of the Presidents\n\nJune 19, 2018, Minsk\n\n" + BODY) == ("2018-06-19", "header")


def test_header_provenance_points_into_the_input() -> None:
    text = "Joint Statement of the Presidents\n\nJune\u00a019, 2018, Minsk\n\n" + BODY
    st = diplotext.parse(text)
    assert st.date is not None and st.date.text == text[st.date.start:st.date.end] == "June\u00a019, 2018"


def test_dateline_takes_its_year_from_the_text() -> None:
    text = ("Presidents of Belarus and Russia sign joint statement\n\n"
            "MINSK, 6 December (BelTA) – The presidents signed a joint statement in 2024 following the talks "
            "in Minsk, and discussed the agenda of the Union State for 2024 and the years to come.\n\n" + BODY)
    assert doc_date(text) == ("2024-12-06", "dateline")


def test_dateline_year_is_the_year_the_text_reports_in_not_the_one_it_plans_for() -> None:
    text = ("Lukashenko, Putin discuss trade\n\n"
            "MINSK, 6 December (BelTA) - Trade is expected to reach $50 billion in 2024, the President said "
            "at the meeting with the delegation of the Russian regions.\n\n"
            "In January-September 2024, trade grew by 5.2% to $38.5 billion. The budget for 2025 is approved, "
            "and the loan will be repaid by the end of 2025.\n\n" + BODY)
    assert doc_date(text) == ("2024-12-06", "dateline")


def test_issued_on() -> None:
    text = "Joint Communique of the Ministers\n\n" + BODY + "\nIssued on 03 Dec. 2008\n"
    assert doc_date(text) == ("2008-12-03", "issued")


def test_date_in_the_title() -> None:
    assert doc_date("Joint Statement of 25 June 2012 on strategic partnership\n\n" + BODY) == ("2012-06-25", "title")


def test_a_date_opening_a_sentence_is_not_the_document_date() -> None:
    text = ("Joint Statement of the Ministers\n\nJune 25, 2012 marks the 20th anniversary of the establishment of "
            "diplomatic relations between the two states, which was marked by both sides.\n\n" + BODY)
    assert doc_date(text) == (None, None)


def test_publication_footer_is_a_last_resort() -> None:
    text = "Meeting with the President of Belarus\n\n" + BODY + "\nPublication date: December 25, 2018, 15:30\n"
    assert doc_date(text)[0] in ("2018-12-25", None)  # the footer may or may not be judged boilerplate
    st = diplotext.parse(text)
    if st.date is not None:
        assert st.date.source in ("publication", "issued", "header")


def test_the_callers_date_wins() -> None:
    text = "Meeting with the President of Belarus\n\nDecember 19, 2012\n20:00\n\n" + BODY
    assert doc_date(text, date="2013-01-05") == ("2013-01-05", "caller")


def test_day_and_month_without_year_take_the_document_year() -> None:
    st = diplotext.parse("Meeting with the President of Belarus\n\nDecember 20, 2019\n15:30\n\n" + BODY)
    assert "2019-12-08" in {d.value for d in st.dates}


def test_the_callers_date_resolves_relative_dates() -> None:
    st = diplotext.parse("Joint Statement\n\n" + BODY + "\nTrade grew last year and will grow this year.\n", date="2022-02-18")
    assert {"2021", "2022"} <= {d.value for d in st.dates if d.relative}


def test_no_document_date_means_no_year_for_relative_dates() -> None:
    st = diplotext.parse("Joint Statement of the Ministers\n\n" + BODY)
    (dec8,) = [d for d in st.dates if d.text == "December 8"]
    assert dec8.value is None and dec8.note


def test_russian_header_date_line() -> None:
    text = "По итогам российско-туркменских переговоров подписано коммюнике\n\n21 января 2002 года\n13:25\n\nМосква, Кремль\n\n" + BODY_RU
    assert doc_date(text) == ("2002-01-21", "header")
    st = diplotext.parse(text)
    assert "2002-12-08" in {d.value for d in st.dates}


def test_russian_dateline() -> None:
    text = ("Президенты подписали совместное заявление\n\n"
            "МИНСК, 6 декабря (БЕЛТА) – Президенты подписали совместное заявление в 2024 году по итогам переговоров "
            "в Минске и обсудили повестку Союзного государства на 2024 год.\n\n" + BODY_RU)
    assert doc_date(text) == ("2024-12-06", "dateline")


def test_a_header_date_line_taken_for_furniture_still_dates_the_document() -> None:
    from diplotext.extract.dates import find_date_candidates
    from diplotext.extract.docdate import find_document_date
    from diplotext.nlp import get_nlp
    from diplotext.text.clean import Layout, Line

    work = "Meeting with the Prime Minister\n\nJune 6, 2019\n18:00\n\n" + BODY
    spans, pos = [], 0
    for part in work.split("\n"):
        spans.append(Line(pos, pos + len(part), part, "good" if len(part) > 40 else "short"))
        pos += len(part) + 1
    content = tuple(ln for ln in spans if len(ln.text) > 40)
    removed = tuple(ln for ln in spans if ln.text and len(ln.text) <= 40)
    layout = Layout(lines=tuple(spans), content=content, removed=removed, title=None)
    keep = lambda off: any(ln.start <= off < ln.end for ln in content)  # noqa: E731
    cands = find_date_candidates(get_nlp("en")(work), "en", keep, work)
    found = find_document_date(cands, layout, work, "en")
    assert found is not None and (found.value, found.source) == ("2019-06-06", "header")
    assert work[found.start:found.end] == "June 6, 2019"


def test_seed_statement_has_no_date_of_its_own(seed_statement) -> None:  # type: ignore[no-untyped-def]
    assert seed_statement.date is None


# Each finder of extract/docdate.FINDERS on texts written for these tests: (text, value, source).
TOP_OF_TEXT = [
    # numeric stamps are header lines
    ("Переговоры о транзите грузов\n\n22 04 2018 г\n\n" + BODY_RU, "2018-04-22", "header"),
    ("Переговоры о транзите грузов\n11-06-2024 22:47:49\n" + BODY_RU, "2024-06-11", "header"),
    ("Talks on cargo transit\n\n22-06-2024 22:47:49\n\n" + BODY, "2024-06-22", "header"),
    # bylines that carry the date
    ("Talks on cargo transit end\n\nBy Anna Berg and Tom Hale, Example News, March 4, 2003 10:32\n\n" + BODY, "2003-03-04", "byline"),
    ("Переговоры о транзите завершились\n\nАвтор: Анна Берг, обозреватель отдела политики, 4 марта 2003 года, 10:32\n\n" + BODY_RU,
     "2003-03-04", "byline"),
    # a letterhead line with a release number
    ("Minister for Trade\nMR123 Minister for Trade and Investment 4 March 2003\nMinister welcomes the transit talks\n\n" + BODY,
     "2003-03-04", "letterhead"),
    ("Министерство торговли\n№ 123 Пресс-служба министерства торговли и инвестиций 4 марта 2003 года\n"
     "Министр приветствует переговоры\n\n" + BODY_RU, "2003-03-04", "letterhead"),
    # a declaration without a date line: the meeting date of its first sentence
    ("The Heads of State of the members of the Andean Council, meeting in La Paz on 4 April 2024, declare the following.\n\n"
     + BODY, "2024-04-04", "opening"),
    ("Andean Council Declaration\n\nThe Ministers met in La Paz on 4 April 2024 and declared the following.\n\n" + BODY,
     "2024-04-04", "opening"),
    ("Руководители государств – членов Андского совета по итогам заседания в Ла-Пасе 4 апреля 2024 года заявляют о следующем.\n\n"
     + BODY_RU, "2024-04-04", "opening"),
    ("Декларация Андского совета\n\nМинистры по итогам встречи в г. Ла-Пасе 4 апреля 2024 года заявляют о следующем.\n\n" + BODY_RU,
     "2024-04-04", "opening"),
]


@pytest.mark.parametrize("text,value,source", TOP_OF_TEXT, ids=[f"{s}-{i}" for i, (_, _, s) in enumerate(TOP_OF_TEXT)])
def test_document_date_from_the_top_of_the_text(text: str, value: str, source: str) -> None:
    st = diplotext.parse(text)
    assert st.date is not None and (st.date.value, st.date.source) == (value, source)
    assert text[st.date.start:st.date.end] == st.date.text


NOT_THE_DOCUMENT_DATE = [
    # an event date opening a news sentence names no meeting
    "Drought in the Andes\n\nOn 4 April 2024 the rivers of the Andes fell to their lowest level in forty years, officials said.\n\n" + BODY,
    "Засуха в Андах\n\n4 апреля 2024 года реки Анд опустились до самого низкого уровня за сорок лет.\n\n" + BODY_RU,
    # a meeting date in the second sentence is not the opening's
    "Andean Council Declaration\n\nThe Ministers declare the following. They met in La Paz on 4 April 2024.\n\n" + BODY,
    # a line opening with "By" that names a date far in the text is no byline when it is no top line
    "Trade talks\n\n" + BODY + "\nBy 4 April 2024 the parties will sign the treaty.\n",
    # a group's name is no release number
    "G20 report on debt\n\nG20 23 finance ministers will publish on 4 April 2024 a report on the debt of poor states.\n\n" + BODY,
]


@pytest.mark.parametrize("text", NOT_THE_DOCUMENT_DATE, ids=range(len(NOT_THE_DOCUMENT_DATE)))
def test_not_the_document_date(text: str) -> None:
    assert doc_date(text) == (None, None)


def test_the_finders_are_named_in_order_of_trust() -> None:
    from diplotext.extract.docdate import FINDERS

    names = [name for name, _ in FINDERS]
    assert names.index("byline") < names.index("publication") < names.index("opening") == len(names) - 1


def test_a_numeric_stamp_is_a_header_line_not_the_title() -> None:
    text = "Переговоры о транзите грузов\n\n22 04 2018 г\n\n" + BODY_RU
    st = diplotext.parse(text)
    assert st.title == "Переговоры о транзите грузов"
    assert st.date is not None and (st.date.value, st.date.source) == ("2018-04-22", "header")


def test_a_byline_is_not_the_title() -> None:
    text = "Talks on cargo transit end\n\nBy Anna Berg and Tom Hale, Example News, March 4, 2003 10:32\n\n" + BODY
    assert diplotext.parse(text).title == "Talks on cargo transit end"
