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
from .normalization import normalize, read_relative


def _shift_month(y: int, m: int, offset: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + offset
    return n // 12, n % 12 + 1


def _period_end(year: int, period: tuple[str, int]) -> str:
    kind, n = period
    last_month = n * 3 if kind == "quarter" else n * 6
    return f"{year:04d}-{last_month:02d}-{calendar.monthrange(year, last_month)[1]:02d}"


_NO_BASE = "no document date to resolve against"
_NARRATIVE = "counted from a date of the story, not from the document's date"
_FINER = {"day": 3, "week": 3, "month": 2, "quarter": 1, "half": 1, "year": 1, "decade": 1}
_BASE_PARTS = {"day": 3, "month": 2, "year": 1}


def _covers(unit: str, base_granularity: str) -> bool:
    """Whether a document date of `base_granularity` is precise enough for an offset in `unit`."""
    return _BASE_PARTS.get(base_granularity, 3) >= _FINER.get(unit, 3)


def _common(c: DateCandidate) -> dict[str, Any]:
    return {"text": "", "start": c.start, "end": c.end, "role": c.role, "qualifier": c.qualifier,
            "confidence": c.confidence, "evidence": [c.rule] + (["dateparser"] if c.parse else [])}


def _resolve_relative(c: DateCandidate, lang: str, base: Date | None, base_granularity: str) -> DateMention:
    """"this year", "last month", "yesterday": an offset from the document's date."""
    unit, off = c.relative  # type: ignore[misc]
    kw = _common(c) | {"granularity": unit, "relative": True}
    if base is None or not _covers(unit, base_granularity):
        return DateMention(value=None, note=_NO_BASE, **kw)
    if unit == "year":
        value = normalize(base.year + off)
    elif unit == "month":
        y, mth = _shift_month(base.year, base.month, off)
        value = normalize(y, mth)
    else:
        d = base + timedelta(days=off)
        value = normalize(d.year, d.month, d.day)
    return DateMention(value=value, **kw)


def _resolve_parsed(c: DateCandidate, lang: str, base: Date | None, base_granularity: str) -> DateMention:
    """"last Friday", "next week", "two years ago": dateparser reads them against the document's date."""
    kw = _common(c) | {"granularity": c.granularity, "relative": True}
    if base is None or not _covers(c.granularity, base_granularity):
        return DateMention(value=None, note=_NO_BASE, **kw)
    d = read_relative(c.parse or "", lang, base)
    if d is None:
        return DateMention(value=None, note="dateparser could not read it", **kw)
    if c.granularity == "week":
        monday = d - timedelta(days=d.weekday())
        return DateMention(value=monday.isoformat(), period_end=(monday + timedelta(days=6)).isoformat(), **kw)
    value = {"year": f"{d.year:04d}", "month": f"{d.year:04d}-{d.month:02d}"}.get(c.granularity, d.isoformat())
    return DateMention(value=value, **kw)


def _year_of(c: DateCandidate, base: Date | None, base_granularity: str) -> int:
    """The year of a date the text gives without one: the document's, shifted by "next", "last"."""
    year = base.year + (c.year_offset or 0)  # type: ignore[union-attr]
    if c.month_side and c.month is not None and base_granularity != "year":
        if c.month_side > 0 and c.month <= base.month:  # type: ignore[union-attr]
            year += 1
        elif c.month_side < 0 and c.month >= base.month:  # type: ignore[union-attr]
            year -= 1
    return year


def _nth_weekday(y: int, m: int, weekday: int, nth: int) -> Date | None:
    """The `nth` such weekday of the month (-1: the last), or None when the month has none."""
    days = [d for d in range(1, calendar.monthrange(y, m)[1] + 1) if Date(y, m, d).weekday() == weekday]
    if nth > len(days):
        return None
    return Date(y, m, days[nth - 1] if nth > 0 else days[-1])


def _month_with_weekday(base: Date, day: int, weekday: int | None) -> Date | None:
    """The day `day` of the document's month, or of the month before or after it when only there
    it falls on `weekday` ("Friday the 13th")."""
    for off in (0, -1, 1):
        y, m = _shift_month(base.year, base.month, off)
        if day <= calendar.monthrange(y, m)[1] and (weekday is None or Date(y, m, day).weekday() == weekday):
            return Date(y, m, day)
    return None


def _weekday_date(c: DateCandidate, base: Date, base_granularity: str) -> Date | None:
    if c.relative and c.relative[0] == "week":
        return base - timedelta(days=base.weekday() - 7 * c.relative[1] - (c.weekday or 0))
    if c.nth is not None:
        if c.relative:
            y, m = _shift_month(base.year, base.month, c.relative[1])
        else:
            y, m = (c.year if c.year is not None else _year_of(c, base, base_granularity)), c.month or 1
        return _nth_weekday(y, m, c.weekday or 0, c.nth)
    return _month_with_weekday(base, c.day or 1, c.weekday)


def _resolve_weekday(c: DateCandidate, lang: str, base: Date | None, base_granularity: str) -> DateMention:
    """"Friday next week", "the first Friday of July", "Friday the 13th", "on the 18th": placed by
    the calendar around the document's date."""
    kw = _common(c) | {"granularity": "day", "relative": c.year is None}
    needs = "month" if c.nth is not None and not c.relative else "day"
    if c.year is None and (base is None or not _covers(needs, base_granularity)):
        return DateMention(value=None, note=_NO_BASE, **kw)
    d = _weekday_date(c, base, base_granularity) if base is not None else (
        _nth_weekday(c.year, c.month or 1, c.weekday or 0, c.nth or 1) if c.year is not None else None)
    if d is None:
        return DateMention(value=None, note="no such day in that month", **kw)
    return DateMention(value=normalize(d.year, d.month, d.day), **kw)


def resolve(c: DateCandidate, lang: str, base: Date | None, base_granularity: str = "day") -> DateMention:
    """The candidate as a DateMention with its ISO value; parts it lacks come from `base`."""
    if c.narrative:
        return DateMention(value=None, granularity=c.granularity, note=_NARRATIVE, **(_common(c) | {"relative": True}))
    if c.weekday is not None or (c.day is not None and c.month is None):
        return _resolve_weekday(c, lang, base, base_granularity)
    if c.relative:
        return _resolve_relative(c, lang, base, base_granularity)
    if c.parse:
        return _resolve_parsed(c, lang, base, base_granularity)
    kw = _common(c)
    year = c.year
    kw["relative"] = False
    note = c.note
    if year is None:
        if base is None:
            return DateMention(value=None, granularity=c.granularity, note="no year in the text and " + _NO_BASE, **kw)
        year = _year_of(c, base, base_granularity)
        kw["relative"] = c.year_offset is not None or bool(c.month_side)
        note = "; ".join(filter(None, [c.note, "year from the document's date"]))
    if c.period:
        value = normalize(year)
        return DateMention(value=value, granularity=c.granularity, period_end=_period_end(year, c.period), note=note, **kw)
    if c.decade:
        return DateMention(value=normalize(year), granularity="decade", period_end=f"{year + 9:04d}-12-31", note=note, **kw)
    value = normalize(year, c.month, c.day)
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

