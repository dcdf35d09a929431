"""Russian statements end to end: the same pipeline, the same ids as for English texts."""

from __future__ import annotations

from decimal import Decimal

import pytest

import diplotext
from diplotext.models import Statement

RU = """Совместное заявление Президента Республики Беларусь и Президента Российской Федерации

Москва, 6 декабря 2024 года

Президент Республики Беларусь А.Г. Лукашенко и Президент Российской Федерации В.В. Путин провели переговоры в Москве.
Стороны подтвердили приверженность развитию Союзного государства и отметили, что в 2023 году товарооборот между Беларусью и Россией превысил 50 млрд долларов США и вырос на 12,5%.
Россия поддерживает приоритеты председательства Белоруссии в органах ЕАЭС. Стороны высоко оценили роль Организации Договора о коллективной безопасности и Шанхайской организации сотрудничества.
Лидеры осудили политику санкций Европейского союза, принятую в обход Совета Безопасности ООН.
Поделиться
Версия для печати
"""

EN = """Joint Statement of the President of the Republic of Belarus and the President of the Russian Federation

Moscow, December 6, 2024

President of the Republic of Belarus A.G. Lukashenko and President of the Russian Federation V.V. Putin held talks in Moscow.
The parties reaffirmed their commitment to the development of the Union State and noted that in 2023 trade between Belarus and Russia exceeded US$ 50 billion and grew by 12.5%.
Russia supports the priorities of Belarus's chairmanship in the EAEU bodies. The parties praised the role of the Collective Security Treaty Organization and the Shanghai Cooperation Organization.
The leaders condemned the sanctions policy of the European Union, adopted bypassing the UN Security Council.
"""


@pytest.fixture(scope="module")
def ru() -> Statement:
    return diplotext.parse(RU)


@pytest.fixture(scope="module")
def en() -> Statement:
    return diplotext.parse(EN)


def ids(st: Statement, *types: str) -> set[str]:
    return {e.id for e in st.entities if e.type in types}


def test_language_kind_title_and_date(ru: Statement) -> None:
    assert ru.language == "ru"
    assert ru.kind == "joint_statement"
    assert ru.title == "Совместное заявление Президента Республики Беларусь и Президента Российской Федерации"
    assert ru.date is not None and ru.date.value == "2024-12-06"


def test_inflected_names_resolve_to_one_id_each(ru: Statement) -> None:
    blr = ru.entity("BLR")
    assert blr is not None
    assert {"Республики Беларусь", "Беларусью", "Белоруссии"} <= {m.text for m in blr.mentions}
    rus = ru.entity("RUS")
    assert rus is not None and {"Российской Федерации", "Россией", "Россия"} <= {m.text for m in rus.mentions}


def test_same_ids_as_the_english_text(ru: Statement, en: Statement) -> None:
    wanted = {"BLR", "RUS", "UNION_STATE", "EAEU", "CSTO", "SCO", "EU", "UNSC",
              "PERSON:vladimir-putin", "PERSON:alexander-lukashenko"}
    assert wanted <= ids(ru, "ORG", "COUNTRY", "PERSON")
    assert wanted <= ids(en, "ORG", "COUNTRY", "PERSON")


def test_dates_and_figures_join_across_languages(ru: Statement, en: Statement) -> None:
    for st in (ru, en):
        assert {"2024-12-06", "2023"} <= {d.value for d in st.dates}
        money = [f for f in st.figures if f.kind == "money"]
        assert [(f.value, f.currency) for f in money] == [(Decimal("50000000000"), "USD")]
        assert any(f.unit == "percent" and f.value == Decimal("12.5") for f in st.figures)


def test_russian_site_furniture_is_removed_not_lost(ru: Statement) -> None:
    body = "\n".join(s.text for s in ru.sections)
    assert "Поделиться" not in body and "Версия для печати" not in body
    assert {"Поделиться", "Версия для печати"} <= {r.text for r in ru.removed}
    assert "превысил 50 млрд долларов США" in body


def test_stances_and_events_in_russian(ru: Statement) -> None:
    assert ("support", ["RUS"]) in [(s.stance, s.actor) for s in ru.stances]
    assert any(s.stance == "condemn" and "EU" in s.target_ids for s in ru.stances)
    assert any(e.type == "talks" for e in ru.events)


def test_every_offset_slices_back(ru: Statement) -> None:
    spans = [m for e in ru.entities for m in e.mentions] + list(ru.dates) + list(ru.figures) + list(ru.removed)
    for s in spans:
        assert RU[s.start:s.end] == s.text
