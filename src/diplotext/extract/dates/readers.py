"""The readers of the date rules: one function per rule (or family of rules), each turning the
rule's parts into candidates, or into none when the context says the match is not a date
("May" the verb, "Resolution 2254", "2000 tonnes", a phone number)."""

from __future__ import annotations

import re

from ..rules import Parts
from .candidate import DateCandidate
from .lexicon import DateLexicon

Found = list[DateCandidate]

_PREV_WORD = re.compile(r"([\w.#№-]+)[ ,]*\n?[ ]*$")
_NEXT_WORD = re.compile(r"[ ]*([\w.-]+)")
_LEADING_DIGITS = re.compile(r"\d+")
_DIGIT_RUN = re.compile(r"\d[\d-]*")
_DIGIT_BEFORE = re.compile(r"\d[ -]$")
_NO_WORD_AFTER = re.compile(r"[ ]*(?:[,;:!?)]|\.(?!\w)|$)")  # "in Jan.", "in Jan, ..."; not "Mar-a-Lago"


def words_key(raw: str | None) -> str:
    """A matched phrase as the lexicon spells it: lower case, one space between words (a match
    may span a line break of hard-wrapped text: "third⏎quarter")."""
    return " ".join((raw or "").lower().split())


def prev_word(work: str, start: int) -> str:
    """The word before `start` (on this line or the one before), lower-cased."""
    m = _PREV_WORD.search(work, max(0, start - 40), start)
    return m.group(1).lower() if m else ""


def next_word(work: str, end: int) -> str:
    m = _NEXT_WORD.match(work, end, end + 40)
    return m.group(1) if m else ""


def month_of(word: str, lex: DateLexicon) -> int | None:
    w = word.lower().rstrip(".")
    return lex.months.get(w) or lex.months.get(w + ".")


def is_month_name(raw: str, lex: DateLexicon, bound: bool = False) -> bool:
    """A month word as the language writes month names ("May" the month, not "may" the verb);
    `bound` to a day or year, a lower-case month name is one too ("jan 5", "2017 april"), unless
    it is also a word ("may", "march")."""
    if not lex.data["months_capitalized"] or raw[:1].isupper():
        return True
    return bound and raw.lower().rstrip(".") not in lex.data["ambiguous_months"]


def _two_digit_year(raw: str) -> int:
    """"16" is 2016, "89" 1989 (the first half of a century is this one's)."""
    y = int(raw)
    return y if len(raw) == 4 else y + (2000 if y < 50 else 1900)


def day_number(raw: str) -> int:
    return int(_LEADING_DIGITS.match(raw).group(0))  # type: ignore[union-attr]


def read_numeric(p: Parts, work: str, lex: DateLexicon) -> Found:
    """25.06.2012, 2012-06-25."""
    s, e = p.span()
    return [DateCandidate(s, e, "day", int(p["y"]), int(p["m"]), int(p["d"]))]  # type: ignore[arg-type]


AMBIGUOUS_ORDER = "day and month order ambiguous: read as {order}"


def read_numeric_ordered(p: Parts, work: str, lex: DateLexicon) -> Found:
    """08/12/1999, 11-06-2024: in the language's order of day and month, unless a number over
    12 settles it; an order that only the convention decides is kept with a note."""
    s, e = p.span()
    a, b, y = int(p["a"]), int(p["b"]), _two_digit_year(p["y"])  # type: ignore[arg-type]
    order = lex.numeric_order
    if a > 12 and b <= 12:
        order = "dmy"
    elif b > 12 and a <= 12:
        order = "mdy"
    elif a > 12 and b > 12:
        return []
    day, month = (b, a) if order == "mdy" else (a, b)
    ambiguous = a <= 12 and b <= 12 and a != b
    return [DateCandidate(s, e, "day", y, month, day, note=AMBIGUOUS_ORDER.format(order=order) if ambiguous else None,
                          confidence=0.7 if ambiguous else 1.0)]


def read_numeric_month(p: Parts, work: str, lex: DateLexicon) -> Found:
    """"11/2016", "2015/3": a month of a year (not a number: "No. 3/2015")."""
    prev = prev_word(work, p.start())
    if prev in lex.year_not_after or prev.rstrip(".") in lex.year_not_after:
        return []
    s, e = p.span()
    return [DateCandidate(s, e, "month", int(p["y"]), int(p["m"]))]  # type: ignore[arg-type]


def read_year_month(p: Parts, work: str, lex: DateLexicon) -> Found:
    """"2017 April" (a month), "2019-Aug-1" (a day)."""
    if not is_month_name(p["m"], lex, bound=True):  # type: ignore[arg-type]
        return []
    s, e = p.span()
    month = month_of(p["m"], lex)  # type: ignore[arg-type]
    if p["d"]:
        return [DateCandidate(s, e, "day", int(p["y"]), month, day_number(p["d"]))]  # type: ignore[arg-type]
    return [DateCandidate(s, e, "month", int(p["y"]), month)]  # type: ignore[arg-type]


def read_year_period(p: Parts, work: str, lex: DateLexicon) -> Found:
    """"2016 Q3", "2016 the third quarter"."""
    kind, n = lex.periods[words_key(p["per"])]  # type: ignore[union-attr]
    s, e = p.span()
    return [DateCandidate(s, e, kind, int(p["y"]), period=(kind, n))]  # type: ignore[arg-type]


def read_period_alone(p: Parts, work: str, lex: DateLexicon) -> Found:
    """"the fourth quarter": of the document's year."""
    kind, n = lex.periods[words_key(p["per"])]  # type: ignore[union-attr]
    return [DateCandidate(p.start("per"), p.end(), kind, None, period=(kind, n), year_offset=0)]


def read_qualified(p: Parts, work: str, lex: DateLexicon) -> Found:
    """"mid-2020", "early June", "by the end of 2025", "the end of the year": the period, with the
    part of it that is meant."""
    s, e = p.span()
    q = lex.qualifiers[words_key(p["q"])]  # type: ignore[union-attr]
    if p["dec"]:
        return [DateCandidate(s, e, "decade", int(p["dec"]), decade=True, qualifier=q)]  # type: ignore[arg-type]
    if p["m"]:
        if not is_month_name(p["m"], lex):  # type: ignore[arg-type]
            return []
        year = int(p["y2"]) if p["y2"] else None
        return [DateCandidate(s, e, "month", year, month_of(p["m"], lex), qualifier=q)]  # type: ignore[arg-type]
    if p["y"]:
        return [DateCandidate(s, e, "year", int(p["y"]), qualifier=q)]  # type: ignore[arg-type]
    rel = words_key(p["rel"])
    off = lex.relative[rel][1] if rel in lex.relative else 0
    return [DateCandidate(s, e, "year", relative=("year", off), qualifier=q)]


def read_week(p: Parts, work: str, lex: DateLexicon) -> Found:
    """"last week", "на прошлой неделе": read by dateparser."""
    return [DateCandidate(p.start("x"), p.end("x"), "week", parse=p["x"])]


def read_ago(p: Parts, work: str, lex: DateLexicon) -> Found:
    """"two years ago", "три дня назад": read by dateparser, as precise as the unit."""
    unit = lex.ago_units[p["u"].lower()]  # type: ignore[union-attr]
    return [DateCandidate(p.start("x"), p.end("x"), unit, parse=p["x"])]


def read_period(p: Parts, work: str, lex: DateLexicon) -> Found:
    """A quarter or half of a year given ("Q1 2024") or relative ("II квартале этого года")."""
    kind, n = lex.periods[words_key(p["per"])]  # type: ignore[union-attr]
    ps, e = p.start("per"), p.end()
    if p["y"]:
        return [DateCandidate(ps, e, kind, int(p["y"]), period=(kind, n))]
    rel = words_key(p["rel"])
    off = lex.relative_after_month.get(rel, lex.relative.get(rel, ("year", 0))[1])
    return [DateCandidate(ps, e, kind, None, period=(kind, n), year_offset=off)]


def read_year_range_words(p: Parts, work: str, lex: DateLexicon) -> Found:
    """"from 2012 to 2015": both ends."""
    return [DateCandidate(p.start("a"), p.end("a"), "year", int(p["a"]), role="range_start"),  # type: ignore[arg-type]
            DateCandidate(p.start("b"), p.end(), "year", int(p["b"]), role="range_end")]  # type: ignore[arg-type]


def read_year_range(p: Parts, work: str, lex: DateLexicon) -> Found:
    """"2021–2025", "2011/12"; "2016-11" is a month (its second number is no later year)."""
    s, e = p.span()
    a, b = int(p["a"]), p["b"]  # type: ignore[arg-type]
    bv = int(b) if len(b) == 4 else (a // 100) * 100 + int(b)  # type: ignore[arg-type]
    if bv <= a and len(b) == 2 and 1 <= int(b) <= 12 and not p.get("aw"):  # type: ignore[arg-type]
        return [DateCandidate(s, e, "month", a, int(b))]  # "2016-11": a month  # type: ignore[arg-type]
    if bv <= a or bv - a > 100:
        return []
    first_end = p.end("aw") if p.get("aw") else p.end("a")
    return [DateCandidate(s, first_end, "year", a, role="range_start"), DateCandidate(p.start("b"), e, "year", bv, role="range_end")]


def read_day(p: Parts, work: str, lex: DateLexicon) -> Found:
    """A day of a month, or two days of one month: "June 25, 2012", "6 December", "December 13 − 14,
    2005", "13–14 декабря 2005 года" (the month and year belong to both days)."""
    of_month = p["d"][-1:].isalpha() and work[p.end("d"):p.start("m")].strip().lower() in lex.data["of"]  # type: ignore[index]
    if not (is_month_name(p["m"], lex, bound=True) or p["y"] or of_month):  # type: ignore[arg-type]
        return []  # "may 5" the verb; "the 4th of march" is the month
    s, e = p.span()
    month = month_of(p["m"], lex)  # type: ignore[arg-type]
    d1 = day_number(p["d"])  # type: ignore[arg-type]
    year = int(p["y"]) if p["y"] else None
    offset = lex.relative_after_month.get(words_key(p["rel"]), 0) if p.get("rel") else None  # "7 июня с. г."
    if not p["d2"]:
        return [DateCandidate(s, e, "day", year, month, d1, year_offset=offset)]
    d2 = day_number(p["d2"])
    if d2 <= d1:
        return []
    return [DateCandidate(s, p.end("d"), "day", year, month, d1, role="range_start", year_offset=offset),
            DateCandidate(p.start("d2"), e, "day", year, month, d2, role="range_end", year_offset=offset)]


def read_day_to_day_month(p: Parts, work: str, lex: DateLexicon) -> Found:
    """"from 1 to 3 December 2005": both days, of the month and year after the second."""
    if not is_month_name(p["m"], lex):  # type: ignore[arg-type]
        return []
    s, e = p.span()
    month = month_of(p["m"], lex)  # type: ignore[arg-type]
    d1, d2 = day_number(p["d"]), day_number(p["d2"])  # type: ignore[arg-type]
    if d2 <= d1:
        return []
    year = int(p["y"]) if p["y"] else None
    return [DateCandidate(s, p.end("d"), "day", year, month, d1, role="range_start"),
            DateCandidate(p.start("d2"), e, "day", year, month, d2, role="range_end")]


def read_month_year(p: Parts, work: str, lex: DateLexicon) -> Found:
    """"May 2012", "мае 2012 года"."""
    if not is_month_name(p["m"], lex, bound=True):  # type: ignore[arg-type]
        return []
    s, e = p.span()
    return [DateCandidate(s, e, "month", int(p["y"]), month_of(p["m"], lex))]  # type: ignore[arg-type]


def read_decade(p: Parts, work: str, lex: DateLexicon) -> Found:
    """"the 1990s", "1990-е годы", "90-х годов" (of the twentieth century)."""
    s, e = p.span()
    v = int(p["y"]) if p.get("y") else 1900 + int(p["y2"])  # type: ignore[arg-type]
    q = p.get("q")
    return [DateCandidate(s, e, "decade", v, decade=True, qualifier=lex.qualifiers.get(q.lower()) if q else None)]


def read_relative(p: Parts, work: str, lex: DateLexicon) -> Found:
    """"this year", "yesterday", "в прошлом году": an offset from the document's date."""
    s, e = p.span()
    unit, off = lex.relative[words_key(p["rel"])]  # type: ignore[union-attr]
    return [DateCandidate(s, e, unit, relative=(unit, off))]


def read_month(p: Parts, work: str, lex: DateLexicon) -> Found:
    """A month alone: "in April", "September of this year", "next February"."""
    raw = p["m"]
    s, e = p.span()
    low = raw.lower()  # type: ignore[union-attr]
    strong = prev_word(work, s) in lex.strong_month_prepositions or prev_word(work, s) in lex.month_relative_words
    if not (is_month_name(raw, lex) or (strong and is_month_name(raw, lex, bound=True))):  # type: ignore[arg-type]
        return []  # "in april" is a month, "may" alone is not
    month = month_of(raw, lex)  # type: ignore[arg-type]
    if p["rel"]:
        return [DateCandidate(s, e, "month", None, month, year_offset=lex.relative_after_month.get(words_key(p["rel"]), 0))]
    if p["mof"]:  # "the month of Jan"
        return [DateCandidate(s, e, "month", None, month)]
    if not _month_context(work, s, low, lex):
        return []
    if low.rstrip(".") in lex.abbreviations and not raw.endswith(".") and not (strong and _NO_WORD_AFTER.match(work, e)):  # type: ignore[union-attr]
        return []  # "Mar", "Jun" alone are too often something else ("Mar del Plata", "Jan Kubis"); "in Jan." is one
    if low in lex.data["ambiguous_months"] and next_word(work, e) in lex.data["ambiguous_month_blockers"]:
        return []  # "...from May will...", "May I ask": "May" the name or the verb
    side = lex.month_relative_words.get(prev_word(work, s), 0)
    return [DateCandidate(s, e, "month", None, month, month_side=side)]


def _month_context(work: str, s: int, low: str, lex: DateLexicon) -> bool:
    """Whether the word before a lone month makes it one: a preposition, "next", another month."""
    prev = prev_word(work, s)
    strong = lex.strong_month_prepositions if low.rstrip(".") in lex.data["ambiguous_months"] else lex.month_prepositions
    after_month = prev.rstrip("-–—") != prev and prev.rstrip("-–—") in lex.months  # "January-September"
    return prev in strong or prev.rstrip("-") in strong or prev in lex.month_relative_words or after_month


def _is_count(year: int, nxt: str, prev: str, lex: DateLexicon) -> bool:
    """"some 2000 participants", "over 2000 years": a number of things, not a year."""
    if prev in lex.strong_month_prepositions:
        return False
    low = nxt.lower()
    suffix = lex.round_year_count_suffix
    return low in lex.count_nouns or bool(
        suffix and year % 100 == 0 and nxt[:1].islower() and low.endswith(suffix) and len(low) > 3
        and low not in lex.plural_verbs_after_year)


def read_year(p: Parts, work: str, lex: DateLexicon) -> Found:
    """A year alone ("in 2011", "в 2011 году", "the 2013 budget"), unless it is a number."""
    s, e = p.span()
    year = int(p["y"])  # type: ignore[arg-type]
    prev = prev_word(work, s)
    if prev in lex.year_not_after or prev.rstrip(".") in lex.year_not_after:
        return []
    if lex.year_followers.match(work, p.end("y")):
        return []  # "2000 tonnes", "2019 dollars", "1500 %": a figure, not a date
    nxt = next_word(work, e)
    if (_DIGIT_RUN.fullmatch(nxt) and not p.get("yw")) or _DIGIT_BEFORE.search(work[max(0, s - 3):s]):
        return []  # a run of digit groups: a phone number or a code
    if work[e:e + 1] == ":" and work[e + 1:e + 2].isdigit():
        return []
    context = bool(p.get("yw")) or prev in lex.year_prepositions or prev.rstrip("-") in lex.year_prepositions
    if not context and lex.bare_years is None:
        return []
    if _is_count(year, nxt, prev, lex):
        return []
    if not context and lex.bare_years is not None and not lex.bare_years[0] <= year <= lex.bare_years[1]:
        return []
    if not context and not 1000 <= year <= 2199:
        return []
    return [DateCandidate(s, e, "year", year)]


def weekday_of(word: str, lex: DateLexicon) -> int:
    return lex.weekdays[word.lower()] if word.lower() in lex.weekdays else lex.weekdays[word.lower().rstrip(".")]


def read_weekday_of_week(p: Parts, work: str, lex: DateLexicon) -> Found:
    """"Friday next week", "this week Monday", "on Tuesday of last week": that weekday of the
    week the document's date is in, shifted by the determiner."""
    wd, det = (p["wd"], p["det"]) if p["wd"] else (p["wd2"], p["det2"])
    s, e = p.start("wd") if p["wd"] else p.start("det2"), p.end()
    off = lex.data["week_offsets"][det.lower()]  # type: ignore[union-attr]
    return [DateCandidate(s, e, "day", relative=("week", off), weekday=weekday_of(wd, lex))]  # type: ignore[arg-type]


def read_nth_weekday(p: Parts, work: str, lex: DateLexicon) -> Found:
    """"the first Friday of July", "the second Monday of next month", "the last Sunday in May 2021"."""
    s, e = p.span()
    nth = lex.data["weekday_ordinals"][p["nth"].lower()]  # type: ignore[union-attr]
    wd = weekday_of(p["wd"], lex)  # type: ignore[arg-type]
    if p["rel"]:
        unit, off = lex.relative[words_key(p["rel"])]  # type: ignore[union-attr]
        return [DateCandidate(s, e, "day", relative=(unit, off), weekday=wd, nth=nth)]
    if not is_month_name(p["m"], lex, bound=True):  # type: ignore[arg-type]
        return []
    year = int(p["y"]) if p["y"] else None
    return [DateCandidate(s, e, "day", year, month_of(p["m"], lex), weekday=wd, nth=nth,  # type: ignore[arg-type]
                          year_offset=None if year else 0)]


def _words_pattern(words: object) -> re.Pattern[str]:
    alts = [(re.escape(m) if m[:1] in "'’" else r"(?<!\w)" + re.escape(m)) + r"(?!\w)" for m in words]  # type: ignore[attr-defined]
    return re.compile("|".join(alts) or "(?!)", re.I)


_FUTURE: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {}
_SENTENCE_END = re.compile(r"[.!?\n]")


def read_in_units(p: Parts, work: str, lex: DateLexicon) -> Found:
    """"in two weeks": read by dateparser, when the sentence speaks of the future ("will meet in
    two weeks"); otherwise it is a duration ("trade doubled in five years")."""
    s = p.start("x")
    if lex.lang not in _FUTURE:
        _FUTURE[lex.lang] = (_words_pattern(lex.future_markers), _words_pattern(lex.data["duration_cues"]))
    future, duration = _FUTURE[lex.lang]
    head = work[max(0, s - 120):s]
    ends = [m.end() for m in _SENTENCE_END.finditer(head)]
    head = head[ends[-1] if ends else 0:]
    if not future.search(head) or duration.search(head):
        return []  # "the first mill in 40 years", "for the first time in ten years": a duration
    unit = lex.ago_units[p["u"].lower()]  # type: ignore[union-attr]
    return [DateCandidate(s, p.end("x"), unit, parse=p["x"])]
