"""Calendar references, normalized to ISO values as precise as the text.

Three steps, each cheap:

1. *Candidates* come from spaCy matchers built once per vocabulary and language: a
   ``PhraseMatcher`` on ``LOWER`` for the lexicon's words (month names in every case, relative
   expressions, quarters and halves) and a ``PhraseMatcher`` on ``SHAPE`` for numeric tokens
   shaped like years and dates ("dddd", "ddddx", "dd.dd.dddd", ...). Nothing is done per token in
   Python; only the matches are looked at.
2. At each candidate, one compiled grammar (a regex built once from ``resources/<lang>/dates.json``)
   is *anchored* at the candidate token or a few tokens before it, and gives the extent and the
   parts: day, month, year, ranges ("December 13 − 14, 2005", "2021–2025", "from 2012 to 2015"),
   decades, quarters and halves, relative expressions. Context rules drop what is not a date
   ("May" the verb, "Resolution 2254", "2000 tonnes", times, ordinals never match at all).
3. Each value is normalized with ``dateparser`` on a canonical rendering of the parts ("8
   December 1999", "июнь 2012"), languages set and a fixed ``RELATIVE_BASE``, cached; the result
   is kept only to the granularity the text gives and checked against the parts, which avoids
   dateparser's traps (today's month and day filled into "2011", year 0006 for "в 2011 году").
   Parts the text leaves out (the year of "on December 8", "this year", "in April") come from
   the document's date, never from the machine's clock; without one they stay unresolved with
   a note.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date as Date
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..models import DateMention
from ..resources import load_json
from .numbers import alternation
from .patterns import pattern_tokenizer
from .vocab_cache import cached_per_vocab

# ----------------------------------------------------------------------------------------------
# Lexicon and grammar


@dataclass(frozen=True)
class DateLexicon:
    lang: str
    data: dict[str, Any]
    months: dict[str, int]
    relative: dict[str, tuple[str, int]]
    relative_after_month: dict[str, int]
    periods: dict[str, tuple[str, int]]  # "first half" -> ("half", 1)
    month_prepositions: frozenset[str]
    strong_month_prepositions: frozenset[str]
    year_prepositions: frozenset[str]
    year_not_after: frozenset[str]
    count_nouns: frozenset[str]
    year_words: frozenset[str]
    connector: re.Pattern[str]
    starters: frozenset[str]
    grammar: re.Pattern[str]
    prev_word: re.Pattern[str]
    year_followers: re.Pattern[str]


_DASH = r"(?:\x20?[-–—−‒]\x20?)"
_SP = r"(?:\x20|\x20?\n\x20?)"  # a space, or one line break of hard-wrapped text


def _year_rx() -> str:
    return r"(?<![\w.,:/$€£₽¥#№])(?<!\d[-–])(?:1\d|20|21)\d\d(?![\w%$€]|[.,:]\d)"


@lru_cache(maxsize=None)
def date_lexicon(lang: str) -> DateLexicon:
    data = load_json(f"{lang}/dates.json")
    months = {k.lower(): int(v) for k, v in data["months"].items()}
    abbrevs = set(data["month_abbreviations"])
    mon = "(?:" + "|".join(
        re.escape(w) + (r"\.?" if w in abbrevs else "") for w in sorted(months, key=lambda w: (-len(w), w))
    ) + r")(?!\w)"
    day_suffix = alternation(data["day_suffixes"]) + "?" if data["day_suffixes"] else ""
    day = rf"(?<![\d.,:/])(?:[12]\d|3[01]|0?[1-9]){day_suffix}(?![\d:])"
    day_bare = r"(?:[12]\d|3[01]|0?[1-9])" + day_suffix + r"(?![\d:])"
    year = _year_rx()
    yw = alternation(data["year_words"]) if data["year_words"] else ""
    ywp = alternation(list(data["year_words"]) + list(data["year_words_plural"])) if data["year_words"] else ""
    year_word = rf"(?:[ ]?(?P<{{n}}>{yw})(?![\w]))?" if yw else ""
    year_word_pl = rf"(?:[ ]?{ywp}(?![\w]))?" if ywp else ""

    def yword(name: str) -> str:
        return year_word.replace("{n}", name) if yw else ""

    of = r"(?:[ ]of)?" if data["of"] else ""
    day_conns = alternation({c for conns in data["range_prefixes"].values() for c in conns})
    relative = {r["text"].lower(): (r["unit"], int(r["offset"])) for r in data["relative"]}
    rel_after: dict[str, int] = {}  # "of this year" after a month: the year's offset
    for t in data["relative_after_month"]:
        core = t.lower().removeprefix("of ")
        rel_after[t.lower()] = relative[core][1] if core in relative else 0
    periods: dict[str, tuple[str, int]] = {}
    for k, v in data["quarters"].items():
        periods[k.lower()] = ("quarter", int(v))
    for k, v in data["halves"].items():
        periods[k.lower()] = ("half", int(v))
    art = alternation(data["period_articles"]) + "[ ]" if data["period_articles"] else ""
    rel_rx = alternation(relative)
    rel_after_rx = alternation(rel_after)
    range_words = []
    for pre, conns in data["range_prefixes"].items():
        range_words.append(rf"{re.escape(pre)}[ ](?P<r{len(range_words)}a>{year}){year_word_pl}[ ](?:{alternation(conns)})[ ]")
    word_ranges = "|".join(
        rf"(?:{rw}(?P<r{i}b>{year}){year_word_pl})" for i, rw in enumerate(range_words)
    ) or "(?!)"
    dec_mod = alternation(data["decade_modifiers"]) if data["decade_modifiers"] else None
    if lang == "ru":
        suffix = alternation(data["decade_suffixes"])
        plural = alternation(data["year_words_plural"])
        decade = (rf"(?P<dec>(?:1[5-9]|20)\d0)-?{suffix}(?:[ ]{plural})?(?!\w)"
                  rf"|(?P<dec2>[2-9]0)-?{suffix}[ ]{plural}")
    else:
        decade = rf"(?:{dec_mod}[ -]?)?(?P<dec>(?:1[5-9]|20)\d0)'?s(?!\w)"
    grammar = "|".join([
        # numeric dates: 25.06.2012, 2012-06-25
        rf"(?P<nd>(?<![\w.\-/])(?:[12]\d|3[01]|0?[1-9]))\.(?P<nm>0?[1-9]|1[0-2])\.(?P<ny>(?:1\d|20|21)\d\d)(?![\w/]|\.\d)",
        rf"(?P<iy>(?<![\w.\-/])(?:1\d|20|21)\d\d)-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01])(?![\w/])",
        # quarters and halves: "the first half of 2024", "II квартал 2024 г.", "Q1 2024"
        rf"(?:{art})?(?P<per>{alternation(periods)})(?![\w])[ ](?:of[ ])?(?:(?P<py>{year}){yword('pyw')}|(?P<prel>{rel_after_rx}|{alternation(r for r in relative if relative[r][0] == 'year')}))",
        # ranges of years
        word_ranges,
        rf"(?P<ra>{year}){yword('raw')}(?:{_DASH}|/)(?P<rb>(?:1\d|20|21)\d\d|\d\d)(?![\w%$€]|[.,:]\d){year_word_pl}",
        # month day(-day)(, year): "December 13 − 14, 2005", "June 25, 2012", "November 27–28"
        rf"(?P<m1>{mon})[ ](?P<d1>{day_bare})(?:{_DASH}(?P<d1b>{day_bare}))?(?:,?[ ](?P<y1>{year}){yword('y1w')})?",
        # day to day month (year): "from 1 to 3 December 2005", "с 1 по 3 декабря 2005 года"
        rf"(?P<wd1>{day})[ ](?:{day_conns})[ ](?P<wd2>{day_bare})[ ](?:of[ ])?(?P<wm>{mon})(?:,?[ ](?P<wy>{year}){yword('wyw')})?",
        # day(-day) month (year): "6 December", "25 июня 2012 года", "13–14 декабря 2005 года"
        rf"(?:[«“](?=\d{{1,2}}[»”]))?(?P<d2>{day})[»”]?(?:{_DASH}(?P<d2b>{day_bare}))?[ ](?:of[ ])?(?P<m2>{mon})(?:,?[ ](?P<y2>{year}){yword('y2w')})?",
        # month (of) year: "May 2012", "мае 2012 года"
        rf"(?P<m3>{mon}){of},?[ ](?P<y3>{year}){yword('y3w')}",
        # decades
        decade,
        # relative expressions
        rf"(?<![\w-])(?P<rel>{rel_rx})(?![\w-])",
        # a month alone, maybe with a relative year: "in April", "September of this year"
        rf"(?P<m4>{mon})(?:[ ](?P<m4rel>{rel_after_rx})(?![\w]))?",
        # a year alone: "in 2011", "в 2011 году", "the 2013 budget"
        rf"(?P<y>{year}){yword('yw')}",
    ])
    prev = re.compile(r"([\w.#№-]+)[ ,]*\n?[ ]*$")
    fig = load_json(f"{lang}/figures.json")
    num = load_json(f"{lang}/numbers.json")
    followers = list(fig["currency_words"]) + list(fig["currency_codes_after"]) + list(fig["units"]) + list(num["scales"]) + list(fig["percent"]) + list(fig["percentage_points"])
    year_followers = re.compile(r"[ ]?(?:" + alternation(followers)[3:-1] + r")(?![\w])", re.I)
    prepositions = {w.lower() for w in data["month_prepositions"]}
    return DateLexicon(
        lang=lang,
        data=data,
        months=months,
        relative=relative,
        relative_after_month=rel_after,
        periods=periods,
        month_prepositions=frozenset(prepositions),
        strong_month_prepositions=frozenset(w.lower() for w in data.get("strong_month_prepositions", prepositions)),
        year_prepositions=frozenset(prepositions | {w.lower() for w in data["year_prepositions"]}),
        year_not_after=frozenset(w.lower() for w in data["year_not_after"]),
        count_nouns=frozenset(w.lower() for w in data["count_nouns_after_year"]),
        year_words=frozenset(w.lower() for w in list(data["year_words"]) + list(data["year_words_plural"])),
        connector=re.compile(r"[ ]*" + alternation(data["range_connectors"]) + r"[ ]*"
                             + (r"(?:" + alternation(data["range_connector_fillers"]) + r"[ ])?" if data["range_connector_fillers"] else "")
                             + "$", re.I),
        starters=frozenset({w.lower() for w in data["date_starters"]} | {w.lower() for w in data["range_prefixes"]}
                           | {w.lower() for w in data["period_articles"]} | {w.lower() for w in data["decade_modifiers"]}),
        grammar=re.compile(grammar.replace("[ ]", _SP), re.IGNORECASE),
        prev_word=prev,
        year_followers=year_followers,
    )


# ----------------------------------------------------------------------------------------------
# Candidate finding with spaCy matchers

_NUMERIC_SHAPES = ("dddd", "ddddx", "dddd/dd", "dddd/dddd", "dddd–dddd", "dddd-dddd", "dddd—dddd", "dddd‒dddd", "dddd−dddd", "dddd-dd",
                   "dddd–dd", "xxx-ddddx", "xxx-dddd", "Xxxx-dddd", "XXXX-dddd", "xxxx-dddd",
                   "dd.dd.dddd", "d.dd.dddd", "dd.d.dddd", "d.d.dddd", "dddd-dd-dd", "dddd-x", "dd-x", "ddddx.", "(dddd")


@dataclass
class DateMatchers:
    """The matchers for one vocabulary and language, built once."""

    vocab: Vocab
    words: PhraseMatcher
    shapes: PhraseMatcher


@cached_per_vocab
def date_matchers(vocab: Vocab, lang: str) -> DateMatchers:
    """The date matchers of one pipeline and language."""
    return build_date_matchers(vocab, lang, pattern_tokenizer(vocab, lang))


def build_date_matchers(vocab: Vocab, lang: str, tokenizer: Tokenizer) -> DateMatchers:
    """The date matchers, their patterns tokenized by `tokenizer`."""
    lex = date_lexicon(lang)
    words = PhraseMatcher(vocab, attr="LOWER")
    terms = set(lex.months) | {m + "." for m in lex.data["month_abbreviations"]} | set(lex.relative) | set(lex.periods)
    words.add("DATE_WORD", list(tokenizer.pipe(sorted(terms))))
    shapes = PhraseMatcher(vocab, attr="SHAPE")
    shape_docs = []
    for shape in _NUMERIC_SHAPES:
        sample = "".join("1" if c == "d" else ("s" if c == "x" else c) for c in shape)
        d = tokenizer(sample)
        if len(d) == 1 and d[0].shape_ == shape:
            shape_docs.append(d)
    shapes.add("DATE_SHAPE", shape_docs)
    return DateMatchers(vocab=vocab, words=words, shapes=shapes)


# ----------------------------------------------------------------------------------------------
# Normalization with dateparser, cached


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


def canonical(lang: str, year: int, month: int | None = None, day: int | None = None) -> str:
    """The parts as `normalize` gives them to dateparser: '1999', 'December 1999', '8 December
    1999'; 'декабрь 1999', '8 декабря 1999'."""
    lex = date_lexicon(lang)
    if month is None:
        return f"{year}"
    if day is None:
        return f"{lex.data['month_canonical'][month - 1]} {year}"
    return f"{day} {lex.data['month_canonical_day'][month - 1]} {year}"


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


# ----------------------------------------------------------------------------------------------
# Candidates


@dataclass
class DateCandidate:
    """A date found in the text, before the document's date fills what it leaves out."""

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


def _prev_word(work: str, start: int, lex: DateLexicon) -> str:
    m = lex.prev_word.search(work, max(0, start - 40), start)
    return m.group(1).lower() if m else ""


_NEXT_WORD = re.compile(r"[ ]*([\w.-]+)")


def _next_word(work: str, end: int) -> str:
    m = _NEXT_WORD.match(work, end, end + 40)
    return m.group(1) if m else ""


def _month_of(word: str, lex: DateLexicon) -> int | None:
    w = word.lower().rstrip(".")
    return lex.months.get(w) or lex.months.get(w + ".")


def _accept_month_word(raw: str, lex: DateLexicon) -> bool:
    return not lex.data["months_capitalized"] or raw[:1].isupper()


def _read(m: re.Match[str], work: str, lex: DateLexicon) -> list[DateCandidate]:
    """Turn one grammar match into candidates (two for a range), or none if context says no."""
    g = m.groupdict()
    s, e = m.span()
    lang = lex.lang
    if g["nd"]:
        return [DateCandidate(s, e, "day", int(g["ny"]), int(g["nm"]), int(g["nd"]))]
    if g["iy"]:
        return [DateCandidate(s, e, "day", int(g["iy"]), int(g["im"]), int(g["id"]))]
    if g["per"]:
        kind, n = lex.periods[g["per"].lower()]
        ps = m.start("per")
        if g["py"]:
            return [DateCandidate(ps, e, kind, int(g["py"]), period=(kind, n))]
        rel = g["prel"].lower()
        off = lex.relative_after_month.get(rel, lex.relative.get(rel, ("year", 0))[1])
        return [DateCandidate(ps, e, kind, None, period=(kind, n), year_offset=off)]
    for i in range(len(lex.data["range_prefixes"])):
        a = g.get(f"r{i}a")
        if a:
            b = g[f"r{i}b"]
            return [DateCandidate(m.start(f"r{i}a"), m.end(f"r{i}a"), "year", int(a), role="range_start"),
                    DateCandidate(m.start(f"r{i}b"), e, "year", int(b), role="range_end")]
    if g["ra"]:
        a, b = int(g["ra"]), g["rb"]
        bv = int(b) if len(b) == 4 else (a // 100) * 100 + int(b)
        if bv <= a or bv - a > 100:
            return []  # "2012-06" is not a range; "1999-05" neither
        return [DateCandidate(s, m.end("ra") if not g.get("raw") else m.end("raw"), "year", a, role="range_start"),
                DateCandidate(m.start("rb"), e, "year", bv, role="range_end")]
    if g["wd1"]:
        if not _accept_month_word(g["wm"], lex):
            return []
        month = _month_of(g["wm"], lex)
        d1, d2 = (int(re.match(r"\d+", g[k]).group(0)) for k in ("wd1", "wd2"))  # type: ignore[union-attr]
        if d2 <= d1:
            return []
        year = int(g["wy"]) if g["wy"] else None
        return [DateCandidate(s, m.end("wd1"), "day", year, month, d1, role="range_start"),
                DateCandidate(m.start("wd2"), e, "day", year, month, d2, role="range_end")]
    if g["m1"] or g["m2"]:
        mon = g["m1"] or g["m2"]
        if not _accept_month_word(mon, lex):
            return []
        month = _month_of(mon, lex)
        d1 = int(re.match(r"\d+", g["d1"] or g["d2"]).group(0))  # type: ignore[union-attr]
        d2raw = g["d1b"] or g["d2b"]
        y = g["y1"] or g["y2"]
        year = int(y) if y else None
        gran = "day"
        if d2raw:
            d2 = int(re.match(r"\d+", d2raw).group(0))  # type: ignore[union-attr]
            if d2 <= d1:
                return []
            mid = m.start("d1b") if g["d1b"] else m.start("d2b")
            first_end = m.end("d1") if g["d1"] else m.end("d2")
            if g["m2"]:  # "13–14 декабря 2005": the month and year belong to both days
                return [DateCandidate(s, first_end, gran, year, month, d1, role="range_start"),
                        DateCandidate(mid, e, gran, year, month, d2, role="range_end")]
            return [DateCandidate(s, first_end, gran, year, month, d1, role="range_start"),
                    DateCandidate(mid, e, gran, year, month, d2, role="range_end")]
        return [DateCandidate(s, e, gran, year, month, d1)]
    if g["m3"]:
        if not _accept_month_word(g["m3"], lex):
            return []
        return [DateCandidate(s, e, "month", int(g["y3"]), _month_of(g["m3"], lex))]
    if g.get("dec") or g.get("dec2"):
        v = int(g["dec"]) if g.get("dec") else 1900 + int(g["dec2"])
        return [DateCandidate(s, e, "decade", v, decade=True)]
    if g["rel"]:
        unit, off = lex.relative[g["rel"].lower()]
        return [DateCandidate(s, e, unit, relative=(unit, off))]
    if g["m4"]:
        raw = g["m4"]
        if not _accept_month_word(raw, lex):
            return []
        month = _month_of(raw, lex)
        prev = _prev_word(work, s, lex)
        if g["m4rel"]:
            rel = g["m4rel"].lower()
            return [DateCandidate(s, e, "month", None, month, year_offset=lex.relative_after_month.get(rel, 0))]
        strong = lex.strong_month_prepositions if raw.lower().rstrip(".") in lex.data["ambiguous_months"] else lex.month_prepositions
        after_month = prev.rstrip("-–—") != prev and prev.rstrip("-–—") in lex.months  # "January-September"
        if prev not in strong and prev.rstrip("-") not in strong and prev not in lex.data.get("month_relative_words", {}) and not after_month:
            return []
        if raw.lower().rstrip(".") in lex.data["month_abbreviations"] and not raw.endswith("."):
            return []  # "Mar", "Jun" alone are too often something else
        side = lex.data.get("month_relative_words", {}).get(prev, 0)
        nxt = _next_word(work, e)
        if raw.lower() in lex.data["ambiguous_months"] and nxt in lex.data["ambiguous_month_blockers"]:
            return []  # "...from May will...", "May I ask": "May" the name or the verb
        return [DateCandidate(s, e, "month", None, month, month_side=side)]
    if g["y"]:
        return _read_year(m, work, lex)
    return []


def _read_year(m: re.Match[str], work: str, lex: DateLexicon) -> list[DateCandidate]:
    s, e = m.span()
    year = int(m.group("y"))
    has_word = bool(m.groupdict().get("yw"))
    prev = _prev_word(work, s, lex)
    if prev in lex.year_not_after or prev.rstrip(".") in lex.year_not_after:
        return []
    if lex.year_followers.match(work, m.end("y")):
        return []  # "2000 tonnes", "2019 dollars", "1500 %": a figure, not a date
    nxt = _next_word(work, e)
    if re.fullmatch(r"\d[\d-]*", nxt) or re.search(r"\d[ -]$", work[max(0, s - 3):s]):
        return []  # a run of digit groups: a phone number or a code
    if work[e:e + 1] == ":" and work[e + 1:e + 2].isdigit():
        return []
    context = has_word or prev in lex.year_prepositions or prev.rstrip("-") in lex.year_prepositions
    if lex.lang == "ru":
        if not context:
            return []
    else:
        low = nxt.lower()
        if prev not in lex.strong_month_prepositions and (low in lex.count_nouns or (
            year % 100 == 0 and nxt[:1].islower() and low.endswith("s") and len(low) > 3
            and low not in lex.data.get("plural_verbs_after_year", ()))):
            return []  # "some 2000 participants", "over 2000 years": a count
        if not context and not 1800 <= year <= 2100:
            return []
    if not context and not 1000 <= year <= 2199:
        return []
    return [DateCandidate(s, e, "year", year)]


def find_date_candidates(
    doc: Doc, lang: str = "en", keep: Callable[[int], bool] = lambda _: True, work: str | None = None
) -> list[DateCandidate]:
    """Every calendar reference in the Doc's text (`work`, the working text, if at hand:
    ``Doc.text`` rebuilds it token by token), before resolution."""
    lex = date_lexicon(lang)
    matchers = date_matchers(doc.vocab, lang)
    work = doc.text if work is None else work
    anchors = sorted({(s, e) for _, s, e in matchers.words(doc)} | {(s, e) for _, s, e in matchers.shapes(doc)})
    found: list[DateCandidate] = []
    covered_to = -1
    idx = doc.to_array("IDX")  # token offsets in one call: no Token objects in the loop
    n = len(idx)

    def tok(k: int) -> str:
        return work[idx[k]: idx[k + 1] if k + 1 < n else len(work)].rstrip()

    for ts, _te in anchors:
        a_start = int(idx[ts])
        if a_start < covered_to or not keep(a_start):
            continue
        # only compared with the few positions tried below: a bounded search (a whole-line search
        # per candidate is quadratic on a one-line text)
        line_start = work.rfind("\n", max(0, a_start - 200), a_start) + 1 or max(0, a_start - 200)
        best: re.Match[str] | None = None
        # earlier tokens only where a date can start: a day number, a quote, "from", "between", "the", "mid"
        positions = []
        for k in range(max(0, ts - 3), ts):
            t = tok(k)
            if t[:1].isdigit() or t.lower() in lex.starters:
                positions.append(int(idx[k]))
        positions.append(a_start)
        first = tok(ts)
        if not first[:1].isdigit() and first[-1:].isdigit():  # "mid-2021": the year inside the token
            digit = next((i for i, ch in enumerate(first) if ch.isdigit()), 0)
            positions.append(a_start + digit)
            a_start += digit
        for pos in positions:
            if pos < line_start or pos < covered_to:
                continue
            m = lex.grammar.match(work, pos)
            if m and m.start() <= a_start < m.end():
                best = m
                break
        if best is None:
            continue
        cands = _read(best, work, lex)
        if cands:
            found.extend(cands)
            covered_to = max(covered_to, best.end())
    _link_ranges(found, work, lex)
    return found




def _link_ranges(found: list[DateCandidate], work: str, lex: DateLexicon) -> None:
    """A date missing its year takes it from the next one when they form a range:
    "May 31 – June 2, 2012", "from January to September of this year"."""
    for i in range(len(found) - 1, 0, -1):
        a, b = found[i - 1], found[i]
        if a.year is not None or a.relative or a.month is None or b.month is None:
            continue
        gap = work[a.end:b.start]
        if len(gap) <= 14 and lex.connector.match(gap):
            a.year = b.year
            a.year_offset = b.year_offset
            if a.role == "point":
                a.role = "range_start"
            if b.role == "point":
                b.role = "range_end"


# ----------------------------------------------------------------------------------------------
# Resolution against the document's date


def _shift_month(y: int, m: int, offset: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + offset
    return n // 12, n % 12 + 1


def _period_end(year: int, period: tuple[str, int]) -> str:
    kind, n = period
    last_month = n * 3 if kind == "quarter" else n * 6
    return f"{year:04d}-{last_month:02d}-{calendar.monthrange(year, last_month)[1]:02d}"


_NO_BASE = "no document date to resolve against"


def resolve(c: DateCandidate, lang: str, base: Date | None, base_granularity: str = "day") -> DateMention:
    """The candidate as a DateMention with its ISO value; parts it lacks come from `base`."""
    kw: dict[str, Any] = {"text": "", "start": c.start, "end": c.end, "role": c.role}
    if c.relative:
        unit, off = c.relative
        kw.update(granularity=unit, relative=True)
        if base is None or (unit != "year" and base_granularity == "year") or (unit == "day" and base_granularity != "day"):
            return DateMention(value=None, note=_NO_BASE, **kw)
        if unit == "year":
            value = normalize(lang, base.year + off)
        elif unit == "month":
            y, mth = _shift_month(base.year, base.month, off)
            value = normalize(lang, y, mth)
        else:
            d = base + timedelta(days=off)
            value = normalize(lang, d.year, d.month, d.day)
        return DateMention(value=value, **kw)
    year = c.year
    relative = False
    note = None
    if year is None:
        if base is None:
            return DateMention(value=None, granularity=c.granularity, note="no year in the text and " + _NO_BASE, **kw)
        year = base.year + (c.year_offset or 0)
        relative = c.year_offset is not None or bool(c.month_side)
        if c.month_side and c.month is not None and base_granularity != "year":
            if c.month_side > 0 and c.month <= base.month:
                year += 1
            elif c.month_side < 0 and c.month >= base.month:
                year -= 1
        note = "year from the document's date"
    kw["relative"] = relative
    if c.period:
        value = normalize(lang, year)
        return DateMention(value=value, granularity=c.granularity, period_end=_period_end(year, c.period), note=note, **kw)
    if c.decade:
        return DateMention(value=normalize(lang, year), granularity="decade", period_end=f"{year + 9:04d}-12-31", note=note, **kw)
    value = normalize(lang, year, c.month, c.day)
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


def parse_date_text(text: str, lang: str = "en") -> list[DateCandidate]:
    """Date candidates in a short piece of text (a footer line) without a Doc: the grammar alone."""
    lex = date_lexicon(lang)
    out: list[DateCandidate] = []
    pos = 0
    while pos < len(text):
        m = lex.grammar.search(text, pos)
        if not m:
            break
        out.extend(_read(m, text, lex))
        pos = max(m.end(), pos + 1)
    return out


__all__ = [
    "DateCandidate", "ParserStats", "STATS", "base_date", "canonical", "date_lexicon", "date_matchers", "find_date_candidates",
    "find_dates", "normalize", "parse_date_text", "resolve", "resolve_dates",
]
