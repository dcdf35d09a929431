"""The data contract: lossless JSON round trip, Decimal amounts as numbers, the published schema."""

from __future__ import annotations

import json
from decimal import Decimal

import diplotext
from diplotext.models import Figure, Statement, json_schema
from diplotext.resources import resource_text


def test_round_trip_is_lossless(seed_statement: Statement) -> None:
    again = Statement.model_validate_json(seed_statement.model_dump_json())
    assert again == seed_statement


def test_money_is_a_decimal_written_as_a_json_number() -> None:
    fig = Figure(text="US$ 38 billion", start=0, end=14, value=Decimal("38000000000"), kind="money", currency="USD")
    data = json.loads(fig.model_dump_json())
    assert data["value"] == 38000000000 and isinstance(data["value"], int)
    assert Figure.model_validate_json(fig.model_dump_json()).value == Decimal("38000000000")
    pct = Figure(text="12.5%", start=0, end=5, value=Decimal("12.5"), kind="percent", unit="percent")
    assert json.loads(pct.model_dump_json())["value"] == 12.5
    assert Figure.model_validate_json(pct.model_dump_json()).value == Decimal("12.5")


def test_shipped_schema_is_the_models_schema() -> None:
    assert json.loads(resource_text("statement.schema.json")) == json_schema()


def test_schema_names_the_fields_the_scorer_reads() -> None:
    props = json_schema()["properties"]
    for field in ("kind", "date", "title", "sections", "entities", "dates", "figures", "source", "warnings"):
        assert field in props


def test_models_are_frozen(seed_statement: Statement) -> None:
    import pydantic
    import pytest

    with pytest.raises(pydantic.ValidationError):
        seed_statement.title = "x"  # type: ignore[misc]


def test_every_offset_slices_back_to_its_text(seed_statement: Statement, seed_news: Statement) -> None:
    from conftest import SEED_NEWS, SEED_STATEMENT

    for st, path in ((seed_statement, SEED_STATEMENT), (seed_news, SEED_NEWS)):
        text = path.read_text(encoding="utf-8")
        spans = [m for e in st.entities for m in e.mentions] + list(st.dates) + list(st.figures) + list(st.removed)
        assert spans
        for s in spans:
            assert text[s.start:s.end] == s.text


def test_version_is_a_release_number_and_is_what_outputs_record(seed_statement: Statement) -> None:
    import re

    assert re.fullmatch(r"\d+\.\d+\.\d+(?:(?:a|b|rc)\d+)?(?:\.dev\d+)?", diplotext.__version__)  # PEP 440, no "+local"
    assert seed_statement.source.diplotext_version == diplotext.__version__
