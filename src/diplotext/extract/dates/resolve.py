"""Resolution of date candidates against the document's date.

Parts the text leaves out (the year of "on December 8", "this year", "in April") come from
the document's date, never from the machine's clock; without one they stay unresolved with a
note.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Sequence
from datetime import date as Date
from datetime import timedelta
from typing import Any

from spacy.tokens import Doc

from ...models import DateMention
from .candidate import DateCandidate
from .candidates import find_date_candidates
from .normalization import normalize


def _shift_month(y: int, m: int, offset: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + offset
    return n // 12, n % 12 + 1


def _period_end(year: int, period: tuple[str, int]) -> str:
    kind, n = period
    last_month = n * 3 if kind == "quarter" else n * 6
    return f"{year:04d}-{last_month:02d}-{calendar.monthrange(year, last_month)[1]:02d}"


_NO_BASE = "no document date to resolve against"


def resolve(c: DateCandidate, lang: str, base: Date | None, base_granularity: str = "day") -> DateMention:
    """The candidate as a DateMention with its ISO value; parts it lacks come from `base`."""
    kw: dict[str, Any] = {"text": "", "start": c.start, "end": c.end, "role": c.role}
    if c.relative:
        unit, off = c.relative
        kw.update(granularity=unit, relative=True)
        if base is None or (unit != "year" and base_granularity == "year") or (unit == "day" and base_granularity != "day"):
            return DateMention(value=None, note=_NO_BASE, **kw)
        if unit == "year":
            value = normalize(lang, base.year + off)
        elif unit == "month":
            y, mth = _shift_month(base.year, base.month, off)
            value = normalize(lang, y, mth)
        else:
            d = base + timedelta(days=off)
            value = normalize(lang, d.year, d.month, d.day)
        return DateMention(value=value, **kw)
    year = c.year
    relative = False
    note = None
    if year is None:
        if base is None:
            return DateMention(value=None, granularity=c.granularity, note="no year in the text and " + _NO_BASE, **kw)
        year = base.year + (c.year_offset or 0)
        relative = c.year_offset is not None or bool(c.month_side)
        if c.month_side and c.month is not None and base_granularity != "year":
            if c.month_side > 0 and c.month <= base.month:
                year += 1
            elif c.month_side < 0 and c.month >= base.month:
                year -= 1
        note = "year from the document's date"
    kw["relative"] = relative
    if c.period:
        value = normalize(lang, year)
        return DateMention(value=value, granularity=c.granularity, period_end=_period_end(year, c.period), note=note, **kw)
    if c.decade:
        return DateMention(value=normalize(lang, year), granularity="decade", period_end=f"{year + 9:04d}-12-31", note=note, **kw)
    value = normalize(lang, year, c.month, c.day)
    if value is None:
        return DateMention(value=None, granularity=c.granularity, note="not a valid calendar date", **kw)
    return DateMention(value=value, granularity=c.granularity, note=note, **kw)


def base_date(value: str | None) -> tuple[Date | None, str]:
    """A document date's ISO value as a `date` (first day of a month or year) and its granularity."""
    if not value:
        return None, "day"
    parts = [int(p) for p in value.split("-")]
    gran = {1: "year", 2: "month", 3: "day"}[len(parts)]
    parts += [1] * (3 - len(parts))
    try:
        return Date(*parts), gran
    except ValueError:
        return None, "day"


def resolve_dates(cands: Sequence[DateCandidate], lang: str, doc_date: str | None) -> list[DateMention]:
    base, gran = base_date(doc_date)
    return [resolve(c, lang, base, gran) for c in cands]


def find_dates(
    doc: Doc, lang: str = "en", keep: Callable[[int], bool] = lambda _: True, doc_date: str | None = None, work: str | None = None
) -> list[DateMention]:
    """Every calendar reference in the Doc, resolved against `doc_date` (ISO) when given."""
    return resolve_dates(find_date_candidates(doc, lang, keep, work), lang, doc_date)

