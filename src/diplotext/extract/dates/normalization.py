"""A date's ISO value from its parts, and dateparser's reading of relative expressions, cached.

The grammar reads an absolute date's parts from the text (year, month, day), so its ISO value
needs no parser, only a calendar check: "February 30, 2019" is no date. dateparser decides
where it is good, the expressions the grammar only delimits ("last Friday", "two years ago",
"Tuesday"): `read_relative` gives it the expression with the document's date as
``RELATIVE_BASE``, cached by expression, language and base.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date
from datetime import datetime


@dataclass
class ParserStats:
    """How often dateparser was called and how often the cache answered instead."""

    calls: int = 0
    hits: int = 0

    @property
    def lookups(self) -> int:
        return self.calls + self.hits

    @property
    def hit_rate(self) -> float:
        return self.hits / self.lookups if self.lookups else 0.0


def clear_cache() -> None:
    """Forget every cached dateparser answer and zero the counters (for measurements)."""
    _PARSED_CACHE.clear()
    PARSED.calls = PARSED.hits = 0


def normalize(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """ISO value of the parts, as precise as they are, or None for a day the calendar lacks."""
    if day is not None:
        try:
            Date(year, month or 1, day)
        except ValueError:
            return None
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


PARSED = ParserStats()
"""dateparser's reading of relative expressions ("last Friday", "two years ago"): calls and cache hits."""
_PARSED_CACHE: dict[tuple[str, str, Date], Date | None] = {}
_CACHE_MAX = 200_000  # distinct (expression, language, base): bounded on an endless stream


def read_relative(text: str, lang: str, base: Date) -> Date | None:
    """The date dateparser reads in a relative expression, against the document's date `base`
    as ``RELATIVE_BASE``; cached by expression and base. News reports look back: "on Monday" is
    the last Monday before the document's date."""
    key = (lang, " ".join(text.lower().split()), base)
    if key in _PARSED_CACHE:
        PARSED.hits += 1
        return _PARSED_CACHE[key]
    PARSED.calls += 1
    if len(_PARSED_CACHE) >= _CACHE_MAX:
        _PARSED_CACHE.clear()
    import dateparser

    settings = {"RELATIVE_BASE": datetime(base.year, base.month, base.day), "PREFER_DATES_FROM": "past"}
    try:
        found = dateparser.parse(key[1], languages=[lang], settings=settings)  # type: ignore[arg-type]
    except Exception:  # dateparser raises on odd input: the expression stays unresolved
        found = None
    out = found.date() if found is not None else None
    _PARSED_CACHE[key] = out
    return out
