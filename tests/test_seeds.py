"""parse() on the two seed texts: the values an analyst relies on."""

from __future__ import annotations

from decimal import Decimal

from diplotext.models import Statement


def ids(st: Statement, type_: str) -> set[str]:
    return {e.id for e in st.entities if e.type == type_}


def test_joint_statement_organizations(seed_statement: Statement) -> None:
    orgs = ids(seed_statement, "ORG")
    assert {"CSTO", "UNION_STATE", "CIS", "EAEU", "CUSTOMS_UNION", "UNSC", "UNION_STATE_PA"} <= orgs


def test_joint_statement_countries_and_person(seed_statement: Statement) -> None:
    assert {"BLR", "RUS", "KAZ"} <= ids(seed_statement, "COUNTRY")
    assert "PERSON:vladimir-putin" in ids(seed_statement, "PERSON")


def test_joint_statement_dates(seed_statement: Statement) -> None:
    values = {d.value for d in seed_statement.dates}
    assert {"1999-12-08", "2012-06-25", "2012-05-31", "2011-11-25", "2011"} <= values
    union_state = next(d for d in seed_statement.dates if d.value == "1999-12-08")
    assert union_state.granularity == "day" and union_state.text == "December 8, 1999"


def test_joint_statement_trade_figure(seed_statement: Statement) -> None:
    fig = next(f for f in seed_statement.figures if f.currency == "USD")
    assert fig.value == Decimal("38000000000")
    assert fig.text == "US$ 38 billion"


def test_joint_statement_title_kind_and_noise(seed_statement: Statement) -> None:
    assert seed_statement.title.startswith("Joint Statement of the Ministers of Foreign Affairs")
    assert seed_statement.kind == "joint_statement"
    body = "\n".join(s.text for s in seed_statement.sections)
    assert "Font size" not in body and "Official Internet Resources" not in body
    assert "exceeded US$ 38 billion" in body
    assert any(r.text == "Font size:" for r in seed_statement.removed)


def test_news_report_organizations(seed_news: Statement) -> None:
    assert {"CSTO", "EAEU", "SCO", "BRICS", "UNION_STATE", "CIS", "NATO", "EU", "UNSC"} <= ids(seed_news, "ORG")
    assert {"BLR", "RUS"} <= ids(seed_news, "COUNTRY")
    assert {"PERSON:vladimir-putin", "PERSON:alexander-lukashenko"} <= ids(seed_news, "PERSON")


def test_news_report_ticker_is_not_content_nor_a_figure(seed_news: Statement) -> None:
    assert seed_news.title == "Presidents of Belarus and Russia Sign Joint Statement: Key Points"
    assert not any("BYN" in f.text for f in seed_news.figures)
    assert all("3.78 BYN" not in s.text for s in seed_news.sections)
    assert {"2024", "2026"} <= {d.value for d in seed_news.dates}
