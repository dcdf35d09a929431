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
- ``byline``: a byline near the top that carries the date ("By Jane Doe, Reuters, March 4, 2003");
- ``letterhead``: a letterhead line with a release number ("MR123 Minister for Trade 4 March 2003");
- ``publication``: a "Publication date: ..." footer. Footers are boilerplate, so they are read
  from the layout's removed lines;
- ``opening``: with none of these, the meeting date of the text's first sentence (a declaration
  that opens "The leaders, meeting in Bishkek on 14 June 2019, declare ...").

Numeric stamps ("22 04 2018 г", "11-06-2024 22:47:49") are header lines: the date grammar reads them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..models import DocumentDate
from ..resources import load_json
from ..text.clean import Layout, Line
from .dates import DateCandidate, date_lexicon, normalize, parse_date_text

_DATELINE_HEAD = re.compile(r"^[ ]*[^\W\d_][\w .'’-]{0,40}?,[ ]+$")
_DATELINE_TAIL = re.compile(r"^(?:,[ ]*[^\W\d_][\w .'’-]{0,40}?)?[ ,.]*(?:\([^)\n]{1,40}\)|/[^/\n]{1,30}/)?[ ]*(?:[-–—:.]|$)")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")
_TWO_DIGITS = re.compile(r"\d\d")
"""What every year of the date grammar holds (four digits, or two in "21/04/16"): a line without
it holds no date with a year."""
_RELEASE_CODE = re.compile(r"^[ ]*[^\W\d_a-zа-яё]{2,4}-?\d{2,5}(?:[/-]\d{2,4})?(?=\W|$)")
_SENTENCE_END = re.compile(r"[^\W\d_]{3}[.!?][\"»”’)]*[ ]+(?=[^\W\d_a-zа-яё])")
_TOP_LINES = 12  # lines at the top of a text that a byline or a letterhead may stand on
_TOP_LINE_CHARS = 300
_PARAGRAPH_WORDS = 25  # a line of so many words is the body's first paragraph: the top ends above it
_RANGE_END = re.compile(r"^[ ]*(?:[-–—−‒]|to|по|до)?[ ]*\d{1,2}[ ]*[^\W\d_]*\.?,?[ ]*\d{0,4}[ ]*[^\W\d_]*\.?")


@lru_cache(maxsize=None)
def _prefixes(lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    data = date_lexicon(lang).data
    return tuple(p.lower() for p in data["issued_prefixes"]), tuple(p.lower() for p in data["publication_prefixes"])


@dataclass(frozen=True)
class _TopWords:
    """``<lang>/docdate.json``, compiled."""

    byline: tuple[str, ...]
    release_marks: tuple[str, ...]
    meeting: re.Pattern[str]


@lru_cache(maxsize=None)
def _top_words(lang: str) -> _TopWords:
    data = load_json(f"{lang}/docdate.json")
    words = [re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) + r"(?!\w)" for w in data["meeting_words"]]
    byline = load_json(f"{lang}/layout.json")["byline_openers"]
    return _TopWords(tuple(w.lower() for w in byline), tuple(w.lower() for w in data["release_number_marks"]),
                     re.compile(r"(?<!\w)(?:" + "|".join(words) + ")", re.IGNORECASE))


@dataclass(frozen=True)
class _Lines:
    """Lines in text order, and their starts for finding the line that holds an offset."""

    lines: Sequence[Line]
    starts: list[int]

    @classmethod
    def of(cls, lines: Sequence[Line]) -> _Lines:
        return cls(lines, [ln.start for ln in lines])

    def holding(self, pos: int) -> Line | None:
        """The line holding `pos`, by bisection."""
        i = bisect_right(self.starts, pos) - 1
        if i >= 0 and self.lines[i].start <= pos < self.lines[i].end:
            return self.lines[i]
        return None


def _iso(c: DateCandidate, lang: str, year: int | None = None) -> str | None:
    y = c.year if c.year is not None else year
    if y is None or c.month is None or c.relative or c.period or c.decade:
        return None
    return normalize(y, c.month, c.day if c.granularity == "day" else None)


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


@dataclass(frozen=True)
class _Text:
    """What every finder reads: the date candidates, the layout, and the lines they come from."""

    cands: Sequence[DateCandidate]
    layout: Layout
    work: str
    lang: str
    content: list[Line]
    head: list[Line]
    """The content's first lines, up to a "See also" header (dates under it are other documents')."""
    explicit: list[DateCandidate]
    """Candidates with a month and a day; of a range ("December 13 − 14, 2005") the first day."""
    footer: list[tuple[DateCandidate, Line]]
    """Dates of removed "Publication date: ..." lines."""
    issued_removed: list[tuple[DateCandidate, Line]]
    """Dates of removed "Issued on ..." lines."""
    issued: tuple[str, ...]
    published: tuple[str, ...]
    head_index: _Lines
    content_index: _Lines


def _removed_prefixed(layout: Layout, lang: str) -> tuple[list[tuple[DateCandidate, Line]], list[tuple[DateCandidate, Line]]]:
    """Dates with a year and a month in removed lines that open with a publication or an
    issued prefix: (publication footers, issued lines)."""
    issued, published = _prefixes(lang)
    footer: list[tuple[DateCandidate, Line]] = []
    issued_removed: list[tuple[DateCandidate, Line]] = []
    for ln in layout.removed:
        low = ln.text.strip().lower()
        if low.startswith(published) or low.startswith(issued):
            for c in parse_date_text(ln.text, lang):
                if c.year is not None and c.month is not None:
                    (issued_removed if low.startswith(issued) else footer).append((c, ln))
    return footer, issued_removed


def _read_text(cands: Sequence[DateCandidate], layout: Layout, work: str, lang: str, head_lines: int) -> _Text:
    content = [ln for ln in layout.content if ln.text.strip()]
    head = content[:head_lines]
    see_also = date_lexicon(lang).data.get("see_also", [])
    for i, ln in enumerate(head):
        if ln.text.strip().lower().rstrip(":") in see_also:
            head = head[:i]
            break
    explicit = [c for c in cands if c.month is not None and c.day is not None and not c.relative and c.role != "range_end"]
    footer, issued_removed = _removed_prefixed(layout, lang)
    issued, published = _prefixes(lang)
    return _Text(cands, layout, work, lang, content, head, explicit, footer, issued_removed, issued, published,
                 _Lines.of(head), _Lines.of(content))


def _line_date(c: DateCandidate, ln: Line, value: str, source: str, granularity: str) -> DocumentDate:
    return DocumentDate(value=value, granularity=granularity, source=source,  # type: ignore[arg-type]
                        text=ln.text[c.start:c.end], start=ln.start + c.start, end=ln.start + c.end)


def _header_or_dateline(t: _Text) -> DocumentDate | None:
    """A header date line near the top ("December 19, 2012" under the title), or a news dateline
    ("MINSK, 6 December (BelTA) – ..."), whichever comes first."""
    for c in t.explicit:
        ln = t.head_index.holding(c.start)
        if ln is None or c.start - ln.start > 300:
            continue  # a header date or a dateline opens its line
        before = t.work[ln.start:c.start]
        after = t.work[c.end:min(ln.end, c.end + 1000)]
        if c.year is not None and ln.end - ln.start <= 1000:  # a header line is short
            if c.role == "range_start":  # the rest of the line holds the range's other end
                after = _RANGE_END.sub(" ", after, count=1)
            rest = _WORD.findall(_TIME.sub(" ", before + " " + after))
            if len(rest) <= 3 and not before.strip().lower().startswith(t.issued):
                value = _iso(c, t.lang)
                if value:
                    return _doc_date(c, value, "header", t.work)
        if (_DATELINE_HEAD.match(before) or not before.strip()) and _DATELINE_TAIL.match(after):
            value = _iso(c, t.lang, _year_from_text(c, t.cands, [f for f, _ in t.footer], t.work, t.lang))
            if value:
                return _doc_date(c, value, "dateline", t.work)
    return None


def _removed_header_line(t: _Text) -> DocumentDate | None:
    """A header date line that the layout took for page furniture: a lone date line near the top."""
    top_end = t.head[-1].end if t.head else (t.content[0].start if t.content else len(t.work))
    for ln in t.layout.removed:
        if ln.start > top_end:
            break
        if not _TWO_DIGITS.search(ln.text):
            continue  # no year, so no header date
        for c in parse_date_text(ln.text, t.lang):
            if c.year is None or c.day is None or c.relative or c.role != "point":
                continue
            rest = _WORD.findall(_TIME.sub(" ", ln.text[:c.start] + " " + ln.text[c.end:]))
            if len(rest) <= 3 and not ln.text.strip().lower().startswith(t.issued + t.published):
                value = _iso(c, t.lang)
                if value:
                    return _line_date(c, ln, value, "header", "day")
    return None


def _issued_in_content(t: _Text) -> DocumentDate | None:
    """"Issued on ...", "Done at Minsk on ...", or a place-and-date line closing the text."""
    tail = [ln for ln in t.content[-3:] if ln not in t.content[:3] and ln != t.layout.title]
    for c in t.explicit:
        if c.year is None:
            continue
        ln = t.content_index.holding(c.start)
        if ln is None or c.start - ln.start > 200:
            continue  # "Issued on", "Done at Minsk on" open the line
        before = t.work[ln.start:c.start].strip().lower()
        closing = ln in tail and ln.end - ln.start <= 200 and len(
            _WORD.findall(_TIME.sub(" ", t.work[ln.start:c.start] + " " + t.work[c.end:ln.end]))) <= 4
        if before.startswith(t.issued) or closing:
            value = _iso(c, t.lang)
            if value:
                return _doc_date(c, value, "issued", t.work)
    return None


def _issued_removed(t: _Text) -> DocumentDate | None:
    """"Issued on ..." after the content, taken out with the footer."""
    for c, ln in t.issued_removed:
        value = _iso(c, t.lang)
        if value:
            return _line_date(c, ln, value, "issued", "day" if c.day else "month")
    return None


def _title_date(t: _Text) -> DocumentDate | None:
    """A date in the title, with a year and a month."""
    title = t.layout.title
    if title is None:
        return None
    for c in t.cands:
        if title.start <= c.start < title.end and c.year is not None and c.month is not None and not c.relative:
            value = _iso(c, t.lang)
            if value:
                return _doc_date(c, value, "title", t.work)
    return None


def _publication_footer(t: _Text) -> DocumentDate | None:
    """A "Publication date: ..." footer with a day, removed as boilerplate."""
    for c, ln in t.footer:
        value = _iso(c, t.lang) if c.day is not None else None
        if value:
            return _line_date(c, ln, value, "publication", "day")
    return None


def _top_lines(t: _Text) -> list[Line]:
    """The short lines at the top, kept or removed, above the first paragraph of the body."""
    end = t.head[-1].end if t.head else len(t.work)
    out = []
    for ln in t.layout.lines:
        if ln.start > end or len(out) == _TOP_LINES or len(_WORD.findall(ln.text[:_TOP_LINE_CHARS])) >= _PARAGRAPH_WORDS:
            break
        if ln.text.strip() and len(ln.text) <= _TOP_LINE_CHARS and any(ch.isdigit() for ch in ln.text):
            out.append(ln)
    return out


def _first_day(ln: Line, lang: str) -> tuple[DateCandidate, str] | None:
    """The line's first date with a day, a month and a year, and its ISO value."""
    for c in parse_date_text(ln.text, lang):
        if c.year is not None and c.day is not None and not c.relative and c.role != "range_end":
            value = _iso(c, lang)
            if value:
                return c, value
    return None


def _opener(text: str, words: tuple[str, ...]) -> int:
    """Where the line's text goes on after the first of `words` opening it (as a whole word), else 0."""
    low = text.lower()
    lead = len(low) - len(low.lstrip())
    for w in words:
        end = lead + len(w)
        if low.startswith(w, lead) and (len(low) == end or not low[end].isalnum()):
            return end
    return 0


def _byline(t: _Text) -> DocumentDate | None:
    """A byline at the top that carries the date: "By Jane Doe, Reuters, March 4, 2003 10:32"."""
    words = _top_words(t.lang)
    for ln in _top_lines(t):
        opener = _opener(ln.text, words.byline)
        found = _first_day(ln, t.lang) if opener else None
        if found and _WORD.search(ln.text[opener:found[0].start]):  # a name before the date: "By 4 April" is none
            return _line_date(found[0], ln, found[1], "byline", "day")
    return None


def _letterhead(t: _Text) -> DocumentDate | None:
    """A letterhead line with a release number and the date: "MR123 Minister for Trade 4 March 2003"."""
    words = _top_words(t.lang)
    for ln in _top_lines(t):
        if not (_RELEASE_CODE.match(ln.text) or _opener(ln.text, words.release_marks)):
            continue
        found = _first_day(ln, t.lang)
        if found and len(_WORD.findall(ln.text)) <= 15:
            return _line_date(found[0], ln, found[1], "letterhead", "day")
    return None


def _opening(t: _Text) -> DocumentDate | None:
    """The meeting date of the text's first sentence: a date after a word that names a meeting
    ("по итогам заседания Совета ... в Бишкеке 14 июня 2019 года заявляют о следующем")."""
    first = next((ln for ln in t.content if ln != t.layout.title), None)
    if first is None:
        return None
    end = _SENTENCE_END.search(t.work, first.start, first.end)
    limit = end.start() + 3 if end else first.end  # the first sentence, through its last word
    word = _top_words(t.lang).meeting.search(t.work, first.start, limit)
    if word is None:
        return None
    for c in t.explicit:
        if c.start >= limit:
            break
        if c.start >= word.end() and c.year is not None:
            value = _iso(c, t.lang)
            if value:
                return _doc_date(c, value, "opening", t.work)
    return None


FINDERS: tuple[tuple[str, Callable[[_Text], DocumentDate | None]], ...] = (
    ("header or dateline", _header_or_dateline),
    ("header", _removed_header_line),
    ("issued", _issued_in_content),
    ("issued", _issued_removed),
    ("title", _title_date),
    ("byline", _byline),
    ("letterhead", _letterhead),
    ("publication", _publication_footer),
    ("opening", _opening),
)
"""Where a text gives its own date, in order of trust: the first finder that finds one wins."""


def find_document_date(
    cands: Sequence[DateCandidate],
    layout: Layout,
    work: str,
    lang: str = "en",
    head_lines: int = 10,
) -> DocumentDate | None:
    """The date the text gives for itself, with its provenance, or None."""
    t = _read_text(cands, layout, work, lang, head_lines)
    for _source, finder in FINDERS:
        found = finder(t)
        if found is not None:
            return found
    return None
