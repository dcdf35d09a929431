"""News datelines: "MINSK, 6 December (BelTA) – ", "MOSCOW, June 25. /TASS/." at the start of a
news item's first paragraph."""

from __future__ import annotations

import re

NEWS_DATELINE = re.compile(
    r"^((?:[A-ZА-ЯЁ][A-ZА-ЯЁ'’.-]+(?:\s[A-ZА-ЯЁ][A-ZА-ЯЁ'’.-]+){0,2}|[A-ZА-ЯЁ][\w'’.-]+(?:\s[A-ZА-ЯЁ][\w'’.-]+){0,2}(?=,[^()\n]{0,40}[(/]))"
    r",\s[^\n–—()/]{0,40}?(?:\s*\([^)\n]{2,30}\)|\s*/[^/\n]{2,30}/\.?)?)(?:\s*[–—-]+\s+|(?<=[/.])\s+(?=[A-ZА-ЯЁ«\"“]))"
)
"""A dateline opening a paragraph; group 1 is the dateline without the dash after it."""
NEWS_DATELINE_CAPS = re.compile(r"^[A-ZА-ЯЁ][A-ZА-ЯЁ'’. -]{2,40},")
"""A place in capitals and a comma: "MINSK,"."""
_AGENCY_END = re.compile(r"\([^)]{2,30}\)$|/[^/]{2,30}/\.?$")
"""An agency's name at the end: "(BelTA)", "/TASS/."."""


def is_news_dateline(text: str) -> bool:
    """A news agency's dateline: 'MINSK, 6 December (BelTA)', 'MOSCOW, June 25. /TASS/'."""
    s = text.strip()
    return bool(NEWS_DATELINE_CAPS.match(s)) or bool(_AGENCY_END.search(s)) and "," in s


def split_news_dateline(raw: str) -> tuple[int, int] | None:
    """(end of the dateline, start of the text after it) when `raw` opens with a news dateline."""
    m = NEWS_DATELINE.match(raw)
    if m and (NEWS_DATELINE_CAPS.match(raw) or "(" in m.group(1) or "/" in m.group(1)):
        return len(m.group(1)), m.end()
    return None
