"""Calendar references, normalized to ISO values as precise as the text.

First cut: candidates are found with linear regular expressions (full dates, month and year,
years used as dates after a preposition), and full dates are normalized with dateparser,
cached per distinct string. Year-only and month-only values are built directly: dateparser
fills missing parts with today's date, which would be wrong.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import dateparser

from ..models import DateMention

_MONTHS_EN = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_NUM = {m.lower(): i for i, m in enumerate(_MONTHS_EN.split("|"), 1)}

_FULL_MDY = re.compile(rf"\b(?:{_MONTHS_EN})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b")
_FULL_DMY = re.compile(rf"\b\d{{1,2}}\s+(?:{_MONTHS_EN})\s+\d{{4}}\b")
_MONTH_YEAR = re.compile(rf"\b(?:{_MONTHS_EN})\s+(\d{{4}})\b")
_YEAR = re.compile(r"\b(?i:in|since|by|until|till|from|of|to|for|before|after|during|through)\s+((?:19|20)\d{2})\b(?!\s*(?:%|percent|per cent))")


@lru_cache(maxsize=4096)
def _parse_full(text: str, lang: str) -> str | None:
    parsed = dateparser.parse(text, languages=[lang], settings={"STRICT_PARSING": True, "PREFER_DAY_OF_MONTH": "first"})
    return parsed.date().isoformat() if parsed else None


def find_dates(text: str, lang: str = "en", keep: Callable[[int], bool] = lambda _: True) -> list[DateMention]:
    """Every calendar reference in `text` (the working text), in order."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for rx in (_FULL_MDY, _FULL_DMY):
        for m in rx.finditer(text):
            if not keep(m.start()) or not free(m.start(), m.end()):
                continue
            value = _parse_full(m.group(0), lang)
            if value:
                found.append(DateMention(text=m.group(0), start=m.start(), end=m.end(), value=value, granularity="day"))
                taken.append(m.span())
    for m in _MONTH_YEAR.finditer(text):
        if keep(m.start()) and free(m.start(), m.end()):
            month = _MONTH_NUM[m.group(0).split()[0].lower()]
            found.append(DateMention(text=m.group(0), start=m.start(), end=m.end(), value=f"{m.group(1)}-{month:02d}", granularity="month"))
            taken.append(m.span())
    for m in _YEAR.finditer(text):
        s, e = m.span(1)
        if keep(s) and free(s, e):
            found.append(DateMention(text=m.group(1), start=s, end=e, value=m.group(1), granularity="year"))
            taken.append((s, e))
    return sorted(found, key=lambda d: d.start)
