"""The document's own date, with its provenance; the caller's date wins (see the pipeline).

Where a text gives its own date, in order of trust:

- ``header``: a line near the top that is a date and little else ("December 19, 2012" under the
  title, then a time "20:00"; "June 19, 2018, Minsk"; "21 января 2002 года");
- ``dateline``: a news dateline "MINSK, 6 December (BelTA) – ..."; a year it leaves out comes
  from the text (a footer date on the same day and month, the same day and month elsewhere with
  a year, else the year the text names most);
- ``issued``: "Issued on 03 Dec. 2008", "Done at Minsk on ...", a place-and-date line closing
  the text;
- ``title``: a full date in the title;
- ``publication``: a "Publication date: ..." footer. Footers are boilerplate, so they are read
  from the layout's removed lines, as a last resort.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from ..models import DocumentDate
from ..text.clean import Layout, Line
from .dates import DateCandidate, date_lexicon, normalize, parse_date_text

_DATELINE_HEAD = re.compile(r"^[ ]*[^\W\d_][\w .'’-]{0,40}?,[ ]+$")
_DATELINE_TAIL = re.compile(r"^(?:,[ ]*[^\W\d_][\w .'’-]{0,40}?)?[ ,.]*(?:\([^)\n]{1,40}\)|/[^/\n]{1,30}/)?[ ]*(?:[-–—:.]|$)")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")
_RANGE_END = re.compile(r"^[ ]*(?:[-–—−‒]|to|по|до)?[ ]*\d{1,2}[ ]*[^\W\d_]*\.?,?[ ]*\d{0,4}[ ]*[^\W\d_]*\.?")


@lru_cache(maxsize=None)
def _prefixes(lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    data = date_lexicon(lang).data
    return tuple(p.lower() for p in data["issued_prefixes"]), tuple(p.lower() for p in data["publication_prefixes"])


def _line_of(lines: Sequence[Line], pos: int) -> Line | None:
    """The line holding `pos`, by bisection (lines are in text order)."""
    i = bisect_right([ln.start for ln in lines] if len(lines) < 64 else _starts(lines), pos) - 1
    if i >= 0 and lines[i].start <= pos < lines[i].end:
        return lines[i]
    return None


_STARTS: dict[int, tuple[Sequence[Line], list[int]]] = {}


def _starts(lines: Sequence[Line]) -> list[int]:
    """Line starts of a long line list, computed once per list (the last few lists are kept)."""
    key = id(lines)
    hit = _STARTS.get(key)
    if hit is None or hit[0] is not lines:
        if len(_STARTS) > 8:
            _STARTS.clear()
        hit = (lines, [ln.start for ln in lines])
        _STARTS[key] = hit
    return hit[1]


def _iso(c: DateCandidate, lang: str, year: int | None = None) -> str | None:
    y = c.year if c.year is not None else year
    if y is None or c.month is None or c.relative or c.period or c.decade:
        return None
    return normalize(lang, y, c.month, c.day if c.granularity == "day" else None)


def _doc_date(c: DateCandidate, value: str, source: str, work: str) -> DocumentDate:
    gran = {10: "day", 7: "month", 4: "year"}[len(value)]
    return DocumentDate(value=value, granularity=gran, source=source, text=work[c.start:c.end], start=c.start, end=c.end)  # type: ignore[arg-type]


def _year_from_text(c: DateCandidate, cands: Sequence[DateCandidate], footer: Sequence[DateCandidate], work: str, lang: str) -> int | None:
    future = set(date_lexicon(lang).data.get("future_year_prepositions", ()))
    for pool in (footer, cands):
        for o in pool:
            if o is not c and o.year is not None and o.month == c.month and o.day == c.day:
                return o.year
    # The year the text is written in is the one it reports events in ("in 2024", "September 2024"),
    # more than the ones it plans for ("for 2025", "by 2030").
    years: Counter[int] = Counter()
    for o in cands:
        if o.year is None or o.decade or o.period:
            continue
        if o.month is not None:
            years[o.year] += 2
        elif work[max(0, o.start - 12):o.start].strip().lower().rsplit(" ", 1)[-1] in future:
            years[o.year] += 0.5  # type: ignore[assignment]
        else:
            years[o.year] += 1
    if not years:
        return None
    best = max(years.values())
    return max(y for y, n in years.items() if n == best)


def find_document_date(
    cands: Sequence[DateCandidate],
    layout: Layout,
    work: str,
    lang: str = "en",
    head_lines: int = 10,
) -> DocumentDate | None:
    """The date the text gives for itself, with its provenance, or None."""
    content = [ln for ln in layout.content if ln.text.strip()]
    issued, published = _prefixes(lang)
    footer: list[DateCandidate] = []
    footer_lines: list[Line] = []
    issued_removed: list[tuple[DateCandidate, Line]] = []
    for ln in layout.removed:
        low = ln.text.strip().lower()
        if low.startswith(published) or low.startswith(issued):
            for c in parse_date_text(ln.text, lang):
                if c.year is not None and c.month is not None:
                    if low.startswith(issued):
                        issued_removed.append((c, ln))
                    else:
                        footer.append(c)
                        footer_lines.append(ln)

    # a header may give the days of a summit ("December 13 − 14, 2005"): the first one dates it
    explicit = [c for c in cands if c.month is not None and c.day is not None and not c.relative and c.role != "range_end"]
    head = content[:head_lines]
    see_also = date_lexicon(lang).data.get("see_also", [])
    for i, ln in enumerate(head):  # dates under "See also" are other documents' dates
        if ln.text.strip().lower().rstrip(":") in see_also:
            head = head[:i]
            break
    # header date lines and datelines near the top
    for c in explicit:
        ln = _line_of(head, c.start)
        if ln is None or c.start - ln.start > 300:
            continue  # a header date or a dateline opens its line (and slicing a whole long line
            # per date would be quadratic on a one-line text)
        before = work[ln.start:c.start]
        after = work[c.end:min(ln.end, c.end + 1000)]
        if c.year is not None and ln.end - ln.start <= 1000:  # a header line is short
            if c.role == "range_start":  # the rest of the line holds the range's other end
                after = _RANGE_END.sub(" ", after, count=1)
            rest = _WORD.findall(_TIME.sub(" ", before + " " + after))
            if len(rest) <= 3 and not before.strip().lower().startswith(issued):
                value = _iso(c, lang)
                if value:
                    return _doc_date(c, value, "header", work)
        if (_DATELINE_HEAD.match(before) or not before.strip()) and _DATELINE_TAIL.match(after):
            value = _iso(c, lang, _year_from_text(c, cands, footer, work, lang))
            if value:
                return _doc_date(c, value, "dateline", work)
    # a header date line that the layout took for page furniture: a lone date line near the top
    top_end = head[-1].end if head else (content[0].start if content else len(work))
    for ln in layout.removed:
        if ln.start > top_end:
            break
        if not any(ch.isdigit() for ch in ln.text):
            continue
        for c in parse_date_text(ln.text, lang):
            if c.year is None or c.day is None or c.relative or c.role != "point":
                continue
            rest = _WORD.findall(_TIME.sub(" ", ln.text[:c.start] + " " + ln.text[c.end:]))
            if len(rest) <= 3 and not ln.text.strip().lower().startswith(issued + published):
                value = _iso(c, lang)
                if value:
                    return DocumentDate(value=value, granularity="day", source="header",
                                        text=ln.text[c.start:c.end], start=ln.start + c.start, end=ln.start + c.end)
    # "Issued on ...", "Done at Minsk on ...", a place-and-date line closing the text
    tail = [ln for ln in content[-3:] if ln not in content[:3] and ln != layout.title]
    for c in explicit:
        if c.year is None:
            continue
        ln = _line_of(content, c.start)
        if ln is None or c.start - ln.start > 200:
            continue  # "Issued on", "Done at Minsk on" open the line
        before = work[ln.start:c.start].strip().lower()
        closing = ln in tail and ln.end - ln.start <= 200 and len(_WORD.findall(_TIME.sub(" ", work[ln.start:c.start] + " " + work[c.end:ln.end]))) <= 4
        if before.startswith(issued) or closing:
            value = _iso(c, lang)
            if value:
                return _doc_date(c, value, "issued", work)
    for c, ln in issued_removed:  # "Issued on ..." after the content, taken out with the footer
        value = _iso(c, lang)
        if value:
            return DocumentDate(value=value, granularity="day" if c.day else "month", source="issued",
                                text=ln.text[c.start:c.end], start=ln.start + c.start, end=ln.start + c.end)
    # a date in the title
    title = layout.title
    if title is not None:
        for c in cands:
            if title.start <= c.start < title.end and c.year is not None and c.month is not None and not c.relative:
                value = _iso(c, lang)
                if value:
                    return _doc_date(c, value, "title", work)
    # a publication footer, removed as boilerplate
    for c, ln in zip(footer, footer_lines):
        value = _iso(c, lang) if c.day is not None else None
        if value:
            return DocumentDate(value=value, granularity="day", source="publication",
                                text=ln.text[c.start:c.end], start=ln.start + c.start, end=ln.start + c.end)
    return None
