"""A date as the grammar read it, before the document's date fills what the text leaves out."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class DateCandidate:
    """A date found in the text, before the document's date fills what it leaves out.

    `rule` names the grammar rule that read it (the ``evidence`` of the date)."""

    start: int
    end: int
    granularity: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    role: str = "point"
    relative: tuple[str, int] | None = None  # (unit, offset) from the document's date
    year_offset: int | None = None  # a month "of this year": its year is the document's year + offset
    period: tuple[str, int] | None = None  # ("quarter", 2), ("half", 1)
    decade: bool = False
    month_side: int = 0  # "next February" (+1), "last July" (-1): the nearest such month after or before the document's date
    qualifier: str | None = None  # "mid", "early", "end": the part of the period meant
    weekday: int | None = None  # 0 = Monday: "Friday next week", "Friday the 13th", "the first Friday of July"
    nth: int | None = None  # which such weekday of the month (1..5, -1 the last)
    parse: str | None = None  # an expression dateparser reads against the document's date ("last Friday")
    note: str | None = None  # what the reader should know ("day and month order ambiguous")
    narrative: bool = False  # "the next day", "two days later": counted from a date of the story, left unresolved
    confidence: float = 1.0
    rule: str = ""
