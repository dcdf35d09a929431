"""Money amounts and percentages, with `Decimal` values and the scale applied.

First cut: linear regular expressions for a currency sign or code before a number with an
optional scale word ("US$ 38 billion", "€200 million"), a number and scale before a currency
name ("100 billion rubles"), and percentages ("12.5%", "34.9 percent").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from ..models import Figure

_SCALE = {"thousand": 10**3, "million": 10**6, "mln": 10**6, "m": 10**6, "billion": 10**9, "bln": 10**9, "bn": 10**9, "trillion": 10**12, "trn": 10**12, "tn": 10**12}
_CURRENCY_PREFIX = {"us$": "USD", "$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "₽": "RUB", "rub": "RUB", "byn": "BYN", "¥": "CNY", "cny": "CNY"}
_CURRENCY_WORD = {"us dollars": "USD", "u.s. dollars": "USD", "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "rubles": "RUB", "roubles": "RUB", "belarusian rubles": "BYN", "yuan": "CNY", "rupees": "INR"}

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALES = r"thousand|million|billion|trillion|mln|bln|bn|trn|tn|m"
_MONEY_PREFIX = re.compile(rf"(US\$|\$|€|£|₽|\b(?:USD|EUR|RUB|BYN|CNY)\b)\s?({_NUM})(?:\s?({_SCALES})\b)?", re.I)
_MONEY_SUFFIX = re.compile(rf"\b({_NUM})(?:\s({_SCALES}))?\s((?:belarusian |us |u\.s\. )?(?:dollars?|euros?|rubles|roubles|yuan|rupees))\b", re.I)
_PERCENT = re.compile(rf"\b({_NUM})\s?(%|percent\b|per cent\b)", re.I)


def _number(raw: str) -> Decimal | None:
    try:
        return Decimal(raw.replace(",", ""))
    except InvalidOperation:
        return None


def find_figures(text: str, lang: str = "en", keep: Callable[[int], bool] = lambda _: True) -> list[Figure]:
    """Every money amount and percentage in `text` (the working text), in order."""
    found: list[Figure] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], value: Decimal, **kw: object) -> None:
        s, e = m.span()
        if keep(s) and all(e <= a or s >= b for a, b in taken):
            found.append(Figure(text=m.group(0), start=s, end=e, value=value, **kw))  # type: ignore[arg-type]
            taken.append((s, e))

    for m in _MONEY_PREFIX.finditer(text):
        n = _number(m.group(2))
        if n is not None:
            scale = _SCALE.get((m.group(3) or "").lower(), 1)
            add(m, n * scale, kind="money", currency=_CURRENCY_PREFIX[m.group(1).lower()])
    for m in _MONEY_SUFFIX.finditer(text):
        n = _number(m.group(1))
        if n is not None:
            scale = _SCALE.get((m.group(2) or "").lower(), 1)
            add(m, n * scale, kind="money", currency=_CURRENCY_WORD.get(m.group(3).lower(), "USD"))
    for m in _PERCENT.finditer(text):
        n = _number(m.group(1))
        if n is not None:
            add(m, n, kind="percent", unit="percent")
    return sorted(found, key=lambda f: f.start)
