"""The contract of ``currencies.json``: the currencies of the world, their names, signs and
hundredths, and the signs shared by several currencies with what decides between them."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, conint, constr

from . import ResourceModel

Words = list[constr(min_length=1)]  # type: ignore[valid-type]
Code = constr(pattern=r"^[A-Z]{3}$")  # ISO 4217
Country = constr(pattern=r"^[A-Z]{3}$")  # ISO 3166 alpha-3
Lang = Literal["en", "ru"]


class Currency(ResourceModel):
    code: Code  # type: ignore[valid-type]
    names: dict[Lang, Words]
    symbols: Words  # written before or after the number: "₾", "100 元"
    prefixes: Words  # written before it only: "HK$", "Mex$"


class Ambiguous(ResourceModel):
    """A sign or name several currencies share ("$", "¥", "francs"): read by the publisher's
    country (`publisher`) or by the countries the figure's sentence names first (`context`)."""

    forms: dict[Lang, Words]
    default: Code  # type: ignore[valid-type]
    scope: Literal["publisher", "context"]
    by_country: dict[Country, Code]  # type: ignore[valid-type]


class CurrencyTable(ResourceModel):
    doc: str = Field(alias="_doc")
    currencies: list[Currency] = Field(min_length=1)
    minor_units: dict[Lang, dict[str, str]]  # a hundredth's name -> a code or an ambiguous key
    minor_ratio: conint(ge=2)  # type: ignore[valid-type]
    ambiguous: dict[str, Ambiguous]
    publisher_cues: dict[Country, Words]  # letterhead and dateline phrases, as written
    publisher_head_chars: conint(ge=1)  # type: ignore[valid-type]
    codes_that_are_words: list[Code]  # type: ignore[valid-type]  # "ALL 5 solutions": never read as a code alone


SCHEMAS = {"currencies.json": CurrencyTable}
