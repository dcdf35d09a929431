"""Normalization of a date's parts with dateparser, cached.

Each value is normalized with ``dateparser`` on a canonical rendering of the parts ("8
December 1999", "июнь 2012"), languages set and a fixed ``RELATIVE_BASE``, cached; the result
is kept only to the granularity the text gives and checked against the parts, which avoids
dateparser's traps (today's month and day filled into "2011", year 0006 for "в 2011 году").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date
from datetime import datetime
from functools import lru_cache

from .lexicon import date_lexicon

@dataclass
class ParserStats:
    """How often dateparser was called and how often the cache answered instead."""

    calls: int = 0
    hits: int = 0
    disagreements: int = 0

    @property
    def lookups(self) -> int:
        return self.calls + self.hits

    @property
    def hit_rate(self) -> float:
        return self.hits / self.lookups if self.lookups else 0.0


STATS = ParserStats()
_CACHE: dict[tuple[str, str], tuple[int, int, int, str] | None] = {}
_CACHE_MAX = 200_000  # distinct canonical dates: every day of two centuries fits several times over
_REFERENCE = datetime(2000, 1, 15)  # fills nothing we keep: only parts the text gives are kept


# The layouts of the canonical renderings `normalize` gives dateparser ("8 December 1999",
# "июнь 2012", "1999"), as dateparser's translation into English leaves them.
_CANONICAL_FORMATS = ("%d %B %Y", "%B %Y", "%Y")


@lru_cache(maxsize=None)
def _date_parser(lang: str):  # type: ignore[no-untyped-def]
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=[lang],
        # The input is a canonical rendering of parts read from the text, in a layout we know:
        # dateparser translates it and reads it with those formats ("custom-formats"), and only
        # what they do not read (an impossible date) goes on to its absolute-time parser. That
        # parser strips a time zone first, and on its first call compiles the regexes of every
        # time-zone name it knows (0.05-0.08 s of the first parse) for strings that never hold
        # one. Both parsers give the same date and period for every canonical rendering
        # (tests/test_startup.py); the first day and month fill what is missing, not today's.
        settings={"RELATIVE_BASE": _REFERENCE, "PREFER_DAY_OF_MONTH": "first", "PREFER_MONTH_OF_YEAR": "first",
                  "PREFER_DATES_FROM": "current_period", "PARSERS": ["custom-formats", "absolute-time"]},
    )


def _dateparser(text: str, lang: str) -> tuple[int, int, int, str] | None:
    key = (lang, text)
    if key in _CACHE:
        STATS.hits += 1
        return _CACHE[key]
    STATS.calls += 1
    if len(_CACHE) >= _CACHE_MAX:
        _CACHE.clear()
    try:
        data = _date_parser(lang).get_date_data(text, date_formats=_CANONICAL_FORMATS)
    except Exception:  # dateparser raises on odd input; the parts read from the text still stand
        data = None
    out = None
    if data is not None and data.date_obj is not None:
        d = data.date_obj
        out = (d.year, d.month, d.day, data.period or "day")
    _CACHE[key] = out
    return out


def clear_cache() -> None:
    """Forget every cached dateparser answer and zero the counters (for measurements)."""
    _CACHE.clear()
    STATS.calls = STATS.hits = STATS.disagreements = 0


def canonical(lang: str, year: int, month: int | None = None, day: int | None = None) -> str:
    """The parts as `normalize` gives them to dateparser: '1999', 'December 1999', '8 December
    1999'; 'декабрь 1999', '8 декабря 1999'."""
    lex = date_lexicon(lang)
    if month is None:
        return f"{year}"
    if day is None:
        return f"{lex.month_names[month - 1]} {year}"
    return f"{day} {lex.month_names_day[month - 1]} {year}"


def normalize(lang: str, year: int, month: int | None = None, day: int | None = None) -> str | None:
    """ISO value of the parts, through dateparser on their canonical rendering, or None if invalid."""
    parsed = _dateparser(canonical(lang, year, month, day), lang)
    if day is not None:
        try:
            Date(year, month or 1, day)
        except ValueError:
            return None
    if parsed is None or parsed[0] != year or (month is not None and parsed[1] != month) or (day is not None and parsed[2] != day):
        STATS.disagreements += 1  # dateparser's trap or gap: the parts read from the text stand
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


