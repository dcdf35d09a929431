"""Plain twin of `diplotext.text.lines._alternation`: the words as one alternation, longest first."""

from __future__ import annotations

import re


def alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


NUMERIC_DATE = re.compile(
    r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b"
    r"|^[ ]*(?:0?[1-9]|[12]\d|3[01]) (?:0?[1-9]|1[0-2]) (?:1[89]|20)\d\d\b"
)
"""`lines._has_numeric_date` as one pattern: the digit shapes anywhere and the spaced-out stamp at
the start, every branch tried at every position."""


def mentions_date(text: str, has_month: re.Pattern[str]) -> bool:
    return bool(NUMERIC_DATE.search(text) or (has_month.search(text) and re.search(r"\d", text)))


def is_date_line(stripped: str, has_month: re.Pattern[str], filler: re.Pattern[str]) -> bool:
    if len(stripped) > 60 or not (has_month.search(stripped) or NUMERIC_DATE.search(stripped)):
        return False
    if not re.search(r"\d", stripped):
        return False
    return not filler.sub("", stripped).strip()
