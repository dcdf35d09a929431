"""The readers of days named without a full date: weekdays ("met Tuesday", "Mon 16th"), days in
words ("May twenty-first", "the twenty-second of June"), days and months in digits ("on 4/22",
"Friday 12/13"), and days counted from a date of the story ("the next day", "two days later")."""

from __future__ import annotations

import re

from ..rules import Parts
from .candidate import DateCandidate
from .lexicon import DateLexicon
from .readers import AMBIGUOUS_ORDER, Found, day_number, is_month_name, month_of, next_word, prev_word, weekday_of, words_key


def read_weekday(p: Parts, work: str, lex: DateLexicon) -> Found:
    """"on Monday", "last Friday", "в прошлую пятницу", "met Tuesday", "on Wednesday, Thursday or
    Friday": read by dateparser ("Tue" as "Tuesday"). A weekday alone must not be part of a name
    ("Good Friday", "Monday Night Football"), a set ("every Tuesday") or a heading."""
    wd = p["wd"]
    abbreviated = wd.lower() in lex.weekday_abbreviations or wd.lower().rstrip(".") in lex.weekday_abbreviations  # type: ignore[union-attr]
    if not (p["prep"] or p["det"]) and not _bare_weekday(p.start("wd"), p.end("wd"), work, lex, abbreviated):
        return []
    text = p["x"]
    if abbreviated:
        name = lex.weekday_names[weekday_of(wd, lex)]  # type: ignore[arg-type]
        text = f"{p['det']} {name}" if p["det"] else name
    return [DateCandidate(p.start("x"), p.end("x"), "day", parse=text)]


_RAW_PREV = re.compile(r"([\w'’.-]+)[ ]*(,?)[ ]*$")
_RAW_NEXT = re.compile(r"[ ]*([\w'’-]*)")


def _raw_prev(work: str, start: int) -> tuple[str, bool]:
    """The word before `start` on its line, as written, and whether a comma stands between them."""
    window = max(0, start - 40)
    line_start = work.rfind("\n", window, start) + 1 or window
    m = _RAW_PREV.search(work, line_start, start)
    return (m.group(1), bool(m.group(2))) if m else ("", False)


def _bare_weekday(s: int, e: int, work: str, lex: DateLexicon, abbreviated: bool) -> bool:
    """A weekday with no preposition or determiner before it is a date after a lower-case word
    ("met Tuesday"), in a list of weekdays, or opening a phrase ("Friday at 4pm works"), when no
    capitalized word joins it into a name and it is not a line of its own."""
    if not lex.data["bare_weekdays"]:
        return False
    prev, _comma = _raw_prev(work, s)
    low = prev.lower().rstrip(".")
    if not prev and prev_word(work, s) in {*lex.data["weekday_determiners"], *lex.data["bare_weekday_blockers"]}:
        return False  # "this⏎Saturday": the determiner ends the line before
    if low in lex.weekdays or (low in ("or", "and") and _raw_prev(work, s - len(prev) - 1)[0].lower().rstrip(".") in lex.weekdays):
        return True  # "Wednesday, Thursday or Friday", "Mon or Tue"
    if abbreviated or low in lex.data["bare_weekday_blockers"] or prev[:1].isupper():
        return False
    nxt = _RAW_NEXT.match(work, e).group(1)  # type: ignore[union-attr]
    if nxt[:1].isupper() and nxt.lower() not in lex.months:
        return False  # "Monday Night Football"
    line_end = work.find("\n", e)
    return bool(prev) or work[e:line_end if line_end >= 0 else len(work)].strip(" .:") != ""


def read_numeric_day_month(p: Parts, work: str, lex: DateLexicon) -> Found:
    """"on 4/22", "Friday 7.6", "11/20, 11/22 or 11/25": a day and month of the document's year,
    after a weekday or a preposition (a dot only after a weekday or "on": "rose to 4.22" is a
    number), not before a unit, a month or a noun ("on 1/3 of the land", "5-7 December")."""
    preps = lex.data["numeric_day_prepositions"]
    if not preps or (nxt := next_word(work, p.end()).lower()) in lex.months or nxt in lex.count_nouns or nxt == "of":
        return []
    if lex.year_followers.match(work, p.end()) or _DIGIT_AFTER.match(work, p.end()):
        return []
    if nxt[:1].islower() and nxt not in lex.data["day_word_followers"]:
        return []  # "on a 24/7 basis"
    prev = prev_word(work, p.start("a")).rstrip(",")
    a_raw, b_raw = p["a"], p["b"]
    if p["sep"] == "/" and not p["wd"] and ((a_raw + b_raw)[:1] == "0" or b_raw[:1] == "0" or int(a_raw) <= 12 < int(b_raw)):  # type: ignore[operator, index, arg-type]
        prev = lex.data["numeric_day_prepositions"][0]  # "22/04", "4/22": no fraction is written so
    listed = _listed_day_month(lex).search(work, max(0, p.start("a") - 60), p.start("a")) is not None  # "on 11/20, 11/22 or 11/25"
    if not p["wd"] and not listed and (prev not in preps or (p["sep"] == "." and prev != "on")):
        return []
    a, b = int(p["a"]), int(p["b"])  # type: ignore[arg-type]
    if a > 12 and b > 12:
        return []
    order = "dmy" if a > 12 else "mdy" if b > 12 else lex.numeric_order
    day, month = (b, a) if order == "mdy" else (a, b)
    ambiguous = a <= 12 and b <= 12 and a != b
    s, e = p.start("wd") if p["wd"] else p.start("a"), p.end()
    return [DateCandidate(s, e, "day", None, month, day, year_offset=0, confidence=0.7 if ambiguous else 0.9,
                          note=AMBIGUOUS_ORDER.format(order=order) if ambiguous else None)]


_DIGIT_AFTER = re.compile(r"[ ]?[-–/.:]?[ ]?\d")
_LISTED: dict[str, re.Pattern[str]] = {}


def _listed_day_month(lex: DateLexicon) -> re.Pattern[str]:
    """A day and month in digits and a list connector right before: the next one is a date too."""
    if lex.lang not in _LISTED:
        conns = "|".join(re.escape(c) for c in sorted(lex.data["list_connectors"], key=len, reverse=True))
        preps = "|".join(re.escape(c) for c in lex.data["numeric_day_prepositions"])
        day = r"\d{1,2}[/.-]\d{1,2}"
        _LISTED[lex.lang] = re.compile(rf"(?<!\w)(?:{preps})[ ]+{day}(?:[ ]*,[ ]*{day})*[ ]*(?:,[ ]*)?(?:{conns})[ ]*$", re.I)
    return _LISTED[lex.lang]


def read_narrative(p: Parts, work: str, lex: DateLexicon) -> Found:
    """"the next day", "two days later": a date counted from another the text names; found, and
    left without a value (the document's date is not what they count from)."""
    s, e = p.span()
    if prev_word(work, s) in lex.data["narrative_blockers"]:
        return []
    unit = lex.data["narrative_relatives"][words_key(p["rel"])] if p["rel"] else lex.ago_units[words_key(p["u"])]  # type: ignore[union-attr]
    return [DateCandidate(s, e, unit, narrative=True)]


def read_weekday_day(p: Parts, work: str, lex: DateLexicon) -> Found:
    """"Friday the 13th" (the month near the document's date where the 13th is a Friday), "on
    the 18th" (of the document's month), "Thursday the twenty-first", "Friday the fifteen"."""
    s, e = p.start("x") if p.get("x") else p.start("wd"), p.end()
    wd = weekday_of(p["wd"], lex) if p.get("wd") else None
    if p.get("dw"):
        day = _day_word(p["dw"], lex)  # type: ignore[arg-type]
        if not p["art"] and _spelled_number(p["dw"], lex):  # type: ignore[arg-type]
            return []  # "Friday fifteen": only "Friday the fifteen"
    elif p.get("dn"):
        day = int(p["dn"])  # type: ignore[arg-type]
    else:
        day = day_number(p["d"])  # type: ignore[arg-type]
    return [DateCandidate(s, e, "day", None, None, day, weekday=wd, year_offset=0)]


def _day_word(raw: str, lex: DateLexicon) -> int:
    return lex.day_words[" ".join(raw.lower().replace("-", " ").split())]


def _spelled_number(raw: str, lex: DateLexicon) -> bool:
    """"fifteen", "twenty one" (a cardinal), not "fifteenth"."""
    return " ".join(raw.lower().replace("-", " ").split()) not in {w.replace("-", " ") for w in lex.data["day_ordinal_words"]}


def read_day_words(p: Parts, work: str, lex: DateLexicon) -> Found:
    """"May twenty-first", "Jan first, 2020", "the twenty-second of June": a day in words. "may"
    in lower case before its day only after a preposition ("on may the eleventh")."""
    raw = p["m"]
    after_day = p["dw"] is not None and p.start("m") > p.start("dw")
    compound = p["dw"] is not None and (" " in p["dw"].strip() or "-" in p["dw"] or work[p.end("m"):p.start("dw")].strip() != "")
    if not (after_day or compound or is_month_name(raw, lex, bound=True)  # type: ignore[arg-type]
            or prev_word(work, p.start()) in lex.strong_month_prepositions | {"on"}):
        return []  # "we may first consider"; but "may twenty-first", "may the eleventh"
    nxt = _RAW_NEXT.match(work, p.end()).group(1)  # type: ignore[union-attr]
    if nxt[:1].isupper() and nxt.lower() not in lex.months and not p["y"]:
        return []  # "Ninth of January Street": a name
    s, e = p.span()
    year = int(p["y"]) if p["y"] else None
    day = _day_word(p["dw"], lex) if p["dw"] else day_number(p["dd"])  # type: ignore[arg-type]
    return [DateCandidate(s, e, "day", year, month_of(raw, lex), day)]  # type: ignore[arg-type]
