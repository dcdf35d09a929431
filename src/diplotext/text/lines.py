"""Lines of a saved page, each judged from its own features: content, furniture, or blank.

Features (after jusText): length in words, sentence punctuation at the end, stopword density,
digits only (currency tickers such as "3.78 BYN"), breadcrumbs ("News /"), URLs, date-only and
time-only lines, and a generic site-furniture vocabulary kept as data
(``resources/*/boilerplate.json``: "Font size:", "Publication status", "Версия для печати",
share rows, copyright footers). Both languages' vocabularies are asked of every page: a page in
one language often carries the other's language switch and furniture.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import Literal

from ..resources import load_json

LineClass = Literal["good", "short", "bad", "blank"]
LANGS = ("en", "ru")


@dataclass(frozen=True)
class Line:
    """One line of the input (or a stretch of lines, for a wrapped title): offsets exclude line breaks."""

    start: int
    end: int
    text: str
    cls: LineClass = "blank"
    reason: str = ""



_WORD = re.compile(r"\w+(?:[-'’.]\w+)*")
_SAMPLE = 3000  # characters of a long line that its features are read from
_LETTER = re.compile(r"[^\W\d_]")
_SENTENCE_END = re.compile(r"[.!?…:;]['\"”»’)\]]*\s*$")
_SENTENCE_MARKS = ".!?…:;"
_CLOSERS = "'\"”»’)]"


def ends_sentence(s: str) -> bool:
    """Does `s` end like a sentence (a full stop, '?', '!', '…', ':' or ';', then closing quotes
    or brackets and spaces)? The same answer as ``_SENTENCE_END.search(s)``, read from the end of
    the string instead of searched for in all of it: a paragraph line is long, and it is asked often."""
    tail = s.rstrip().rstrip(_CLOSERS)
    return bool(tail) and tail[-1] in _SENTENCE_MARKS


_BULLETS = " \t•·▪►▸‣◦*–—-|›»>"
_URL = re.compile(r"^(?:https?://|www\.)\S+$|^[\w-]+(?:\.[\w-]+)+/\S*$", re.I)
_BREADCRUMB_END = re.compile(r"\s[/›»>|]\s*$|^\S[^/]{0,40}\s?/$")
_BREADCRUMB_SEP = re.compile(r"\s[/›»>|]\s")
_TIME = re.compile(r"^(?:\d{1,2}[:.]\d{2}(?:\s*(?:[ap]\.?m\.?|GMT|UTC|MSK|МСК))?)(?:\s*[-–]\s*\d{1,2}[:.]\d{2})?$", re.I)
_POINT_ONLY = re.compile(
    r"^(?:\d{1,3}(?:\.\d{1,3})*[.)]|[IVXLC]{1,6}[.)]|\(\d{1,3}\)|(?:Article|Section|Chapter|Part|Статья|Раздел|Глава|Часть)\s+[\dIVXLC]{1,6}\.?)$",
    re.I,
)
_SEPARATOR = re.compile(r"^(?:[*•·]\s*){3,}$|^<\s*(?:…|\.\.\.)\s*>$|^\[\s*(?:…|\.\.\.)\s*\]$|^(?:[-–—_=]\s*){3,}$")


def _words_of(key: str) -> list[str]:
    """A list kept under `key` in every language's ``layout.json``, all languages together."""
    return [w for lang in LANGS for w in load_json(f"{lang}/layout.json")[key]]


def _alternation(words: list[str]) -> str:
    """Words as one regex alternation, longest first, behind a look at the first character.

    The regex engine tries every branch of an alternation at every position it reaches: a month
    name searched for in a line cost 98 comparisons at each word's start. The look ahead, a set of
    the words' first characters (matched ignoring case where the pattern is), fails at once where
    no word starts, and it takes nothing away from what the alternation matches
    (tests/reference/line_patterns.py holds the plain alternation, tests/test_line_patterns.py
    compares them)."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    if not ordered:
        return ""  # as the bare alternation of no word
    first = "".join(sorted({w[0] for w in ordered}))
    return f"(?=[{re.escape(first)}])(?:" + "|".join(re.escape(w) for w in ordered) + ")"


def _month_names() -> list[str]:
    """Month names and their abbreviations and case forms, of every language (``dates.json``)."""
    return [name for lang in LANGS for month in load_json(f"{lang}/dates.json")["months"]
            for name in (*month["forms"], *month["abbreviations"])]


_POINT_WORDS = _alternation(_words_of("point_words"))
_POINT_ONLY = re.compile(
    rf"^(?:\d{{1,3}}(?:\.\d{{1,3}})*[.)]|[IVXLC]{{1,6}}[.)]|\(\d{{1,3}}\)|(?:{_POINT_WORDS})\s+[\dIVXLC]{{1,6}}\.?)$",
    re.I,
)
_SEPARATOR = re.compile(r"^(?:[*•·]\s*){3,}$|^<\s*(?:…|\.\.\.)\s*>$|^\[\s*(?:…|\.\.\.)\s*\]$|^(?:[-–—_=]\s*){3,}$")
_MONTHS = _alternation(_month_names())
_DATE_FILLER = re.compile(
    rf"\b(?:{_MONTHS}|{_alternation(_words_of('weekdays') + _words_of('date_fillers'))})\b\.?|[\d\s.,:/\-−–—()]+",
    re.I,
)
_HAS_MONTH = re.compile(rf"\b(?:{_MONTHS})\b", re.I)
_NUMERIC_DATE = re.compile(r"(?=\d)(?:\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b)")
"""A numeric date anywhere: '25.06.2012', '6/25/12', '2012-06-25' (digit shapes only)."""
_SPACED_STAMP = re.compile(r"[ ]*(?:0?[1-9]|[12]\d|3[01]) (?:0?[1-9]|1[0-2]) (?:1[89]|20)\d\d\b")
"""A date stamp spaced out, opening the line: '22 04 2018 г'. Its day and month ranges read the
digits' values; it is matched at the start only, so a paragraph's spaces are not each a place to
try it."""
_DIGIT = re.compile(r"\d")
_CURRENCY_CODE = re.compile(rf"\b[A-Z]{{3}}\b|\b(?:{_alternation(_words_of('ticker_units'))})\b\.?|[$€₽£¥%+]", re.I)
_LABEL_NUMBER = re.compile(r"(?:\bNo\b\.?|№|#|\bNr\b\.?)", re.I)


@dataclass(frozen=True)
class _Vocab:
    lines: frozenset[str]
    prefixes: tuple[str, ...]
    contains: re.Pattern[str]
    """Any of the 'contains' entries, as one search."""
    ui_words: frozenset[str]
    related: frozenset[str]
    taxonomy: frozenset[str]
    closing: tuple[str, ...]
    languages: frozenset[str]
    time_units: frozenset[str]
    time_words: frozenset[str]


@lru_cache(maxsize=None)
def _vocab(lang: str) -> _Vocab:
    own = lang if lang in LANGS else LANGS[0]
    data = load_json(f"{own}/boilerplate.json")
    files = [data] + [load_json(f"{other}/boilerplate.json") for other in LANGS if other != own]

    def both(key: str) -> list[str]:
        return [entry for f in files for entry in f[key]]

    lines = frozenset(s.casefold() for s in both("lines"))
    prefixes = tuple(s.casefold() for s in both("prefixes"))
    return _Vocab(
        lines=lines,
        prefixes=prefixes,
        contains=re.compile("|".join(re.escape(s.casefold()) for s in both("contains")) or "(?!)"),
        ui_words=frozenset(s.casefold() for s in both("ui_words")),
        related=frozenset(s.casefold() for s in both("related_headers")),
        taxonomy=frozenset(s.casefold() for s in both("taxonomy_headers")),
        closing=tuple(s.casefold() for s in data["closing"]),
        languages=frozenset(s.casefold() for s in both("language_names")),
        time_units=frozenset(s.casefold() for s in both("relative_time_units")),
        time_words=frozenset(w.casefold() for s in both("relative_time_words") for w in s.split()),
    )


@lru_cache(maxsize=None)
def _stopwords(lang: str) -> frozenset[str]:
    """spaCy's stopwords of the language (English for any other)."""
    module = importlib.import_module(f"spacy.lang.{lang if lang in LANGS else LANGS[0]}.stop_words")
    return frozenset(module.STOP_WORDS)


def split_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, line breaks excluded."""
    spans = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        if nl == -1:
            spans.append((pos, n))
            break
        spans.append((pos, nl))
        pos = nl + 1
    return spans


def _key(stripped: str) -> str:
    """A line as the vocabulary sees it: case folded, bullets and a closing colon or arrow off,
    whitespace runs as one space."""
    return " ".join(stripped.casefold().strip(_BULLETS).rstrip(":.→>»›").split())


# ---------------------------------------------------------------------------------------------
# Line features
# ---------------------------------------------------------------------------------------------


def is_date_line(stripped: str) -> bool:
    """A line that is only a date (with an optional weekday and time): 'December 19, 2012', '21 января 2002 года'."""
    if len(stripped) > 60 or not _DIGIT.search(stripped):
        return False  # a digit first: the month names and the numeric dates are searched for only then
    if not (_HAS_MONTH.search(stripped) or _has_numeric_date(stripped)):
        return False
    return not _DATE_FILLER.sub("", stripped).strip()


def is_place_date_line(stripped: str) -> bool:
    """'Minsk, 25 June 2012', 'Москва, 21 января 2002 года': a place and a date, nothing else."""
    if len(stripped) > 60 or not mentions_date(stripped):
        return False
    rest = _WORD.findall(_DATE_FILLER.sub(" ", stripped))
    return 1 <= len(rest) <= 3 and all(w[:1].isupper() for w in rest)


def mentions_date(text: str) -> bool:
    """Does the text name a calendar date (a month with a number, or dd.mm.yyyy)?"""
    # both readings need a digit: one search for it spares the two others in a line without one
    return bool(_DIGIT.search(text) and (_has_numeric_date(text) or _HAS_MONTH.search(text)))


def _has_numeric_date(text: str) -> bool:
    return _SPACED_STAMP.match(text) is not None or _NUMERIC_DATE.search(text) is not None


def is_time_line(stripped: str) -> bool:
    return bool(_TIME.match(stripped))


def _is_number_only(stripped: str) -> bool:
    """Tickers and counters: '3.78 BYN', '+0.5%', '• No. 145', '12'."""
    if len(stripped) > 40 or not re.search(r"\d", stripped):
        return False
    rest = _CURRENCY_CODE.sub(" ", stripped.strip(_BULLETS))
    rest = _LABEL_NUMBER.sub(" ", rest)
    rest = re.sub(r"[\d\s.,:;+\-−–—%()/*•·]+", "", rest)
    return not rest


def _is_breadcrumb(stripped: str, n_words: int) -> bool:
    """'News / World /', 'Home › Press › Statements': a trail of a few short parts."""
    if n_words <= 8 and _BREADCRUMB_END.search(stripped):
        return True
    parts = _BREADCRUMB_SEP.split(stripped)
    return len(parts) >= 3 and all(1 <= len(_WORD.findall(p)) <= 5 for p in parts)


_END_MARK = re.compile(r"^\\?#{3,}$|^[-–—]\s*(?:ends?|end)\s*[-–—]$", re.I)
"""The end mark of a press release: '###', '\\###' (escaped in Markdown), '- ends -'."""
_CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}$")


def _is_feed_timestamp(key: str, words: list[str], voc: _Vocab) -> bool:
    """A related-story feed's timestamp: '2 hours ago', 'Updated 5 min ago', '3 часа назад',
    'Вчера в 12:30'. Only numbers, clock times and the vocabulary's time words."""
    if not words or len(words) > 6 or len(key) > 40:
        return False
    tokens = key.replace(",", " ").split()
    if not all(t.isdigit() or _CLOCK.match(t) or t.rstrip(".") in voc.time_units or t in voc.time_words for t in tokens):
        return False
    has_number = any(t.isdigit() for t in tokens)
    has_unit = any(t.rstrip(".") in voc.time_units for t in tokens)
    has_clock = any(_CLOCK.match(t) for t in tokens)
    return (has_number and has_unit) or (has_clock and len(tokens) >= 2)


_SENTENCE_AFTER_PREFIX_WORDS = 10


def _sentence_after_prefix(stripped: str, key: str, voc: _Vocab) -> bool:
    """A sentence of content that opens with a one-word furniture prefix ("Реклама алкоголя
    запрещена ...", "Обновлено расписание ..."): the line ends a sentence of ten words or more
    and goes on in lower case after the prefix. It stays. A longer prefix ("подписывайтесь на")
    or one with its colon ("источник:") says furniture whatever follows."""
    words = stripped.strip(_BULLETS).split()
    if len(words) < _SENTENCE_AFTER_PREFIX_WORDS or not ends_sentence(stripped):
        return False
    for prefix in (p.strip() for p in voc.prefixes if key.startswith(p)):
        if " " in prefix or not prefix[-1:].isalpha():
            return False
    return words[1][:1].islower()


def furniture_reason(stripped: str, lang: str) -> str:
    """Why a line is site furniture, or '' when it is not."""
    voc = _vocab(lang)
    key = _key(stripped)
    if not key:
        return "no-words" if not _LETTER.search(stripped) and not re.search(r"\d", stripped) else ""
    if key in voc.lines or key.startswith(voc.prefixes) and not _sentence_after_prefix(stripped, key, voc):
        return "site-furniture"
    words = [m.group() for m in islice(_WORD.finditer(key), 20)]  # every test below is on fewer
    if len(words) < 20 and voc.contains.search(key):
        return "footer"
    if _URL.match(stripped.strip(_BULLETS)):
        return "url"
    if _END_MARK.match(stripped):
        return "end-mark"
    if len(words) >= 2 and all(w in voc.languages for w in words):
        return "language-switch"
    if _is_feed_timestamp(key, words, voc):
        return "timestamp"
    if words and len(words) <= 12 and all(w in voc.ui_words for w in words):
        stops = _stopwords(lang)
        if any(w not in stops for w in words):
            return "share-row"
    if _is_breadcrumb(stripped, len(words)):
        return "breadcrumb"
    if stripped[:1] in "•·▪►" and len(words) <= 5 and re.search(r"\d", stripped):
        return "bullet-number"
    return ""


_NONZERO_DIGIT = re.compile("[1-9]")


@lru_cache(maxsize=None)
def _words_have_digits(lang: str) -> bool:
    """Does any word a line's class is read against (vocabularies, month names, stopwords) hold a digit?"""
    voc = _vocab(lang)
    words = [*voc.lines, *voc.prefixes, *voc.ui_words, *voc.languages, *voc.time_units, *voc.time_words,
             *_stopwords(lang), *_month_names(), *(w for key in _LAYOUT_WORDS for w in _words_of(key))]
    return bool(re.search(r"[0-9]", voc.contains.pattern)) or any(re.search(r"[0-9]", w) for w in words)


_LAYOUT_WORDS = ("point_words", "weekdays", "date_fillers", "ticker_units")


def digit_blind_key(text: str, lang: str) -> str | None:
    """The line with every ASCII digit made '0', when its class provably does not depend on which
    digits it holds (else None): no word it is read against holds a digit, every test reads digits
    by shape only (``\\d``, ``isdigit``), but for the spaced-out stamp (`_SPACED_STAMP`, "22 04
    2018"), whose day and month ranges read the values: a line it matches is left out (masked, no
    line matches it)."""
    if _SPACED_STAMP.match(text.strip()) or _words_have_digits(lang):
        return None
    return _NONZERO_DIGIT.sub("0", text)


def classify_line(text: str, lang: str) -> tuple[LineClass, str]:
    """A line's class from its own features alone, and the reason when it is bad."""
    cls, reason, _ = _classify(text, lang)
    return cls, reason


def _classify(text: str, lang: str) -> tuple[LineClass, str, list[str] | None]:
    """`classify_line`, and the words of the line's sample when they were read (the block that
    is this line alone reuses them instead of reading them again)."""
    stripped = text.strip()
    if not stripped:
        return "blank", "", None
    if _POINT_ONLY.match(stripped) or _SEPARATOR.match(stripped):
        return "short", "", None
    reason = furniture_reason(stripped, lang)
    if reason:
        return "bad", reason, None
    if is_date_line(stripped) or is_time_line(stripped):
        return "short", "", None
    if _is_number_only(stripped):
        return "bad", "number-only", None
    words = _WORD.findall(stripped[:_SAMPLE])  # a long line's class shows in its first words
    if not words:
        return "bad", "no-words", words
    return _text_class(stripped, words, lang), "", words


_DENSITY = {"en": (0.15, 0.2), "ru": (0.08, 0.12)}
"""Per language, the stopword densities of a sentence paragraph: (low, high); Russian, with no
articles, has fewer stopwords."""


def _stop_density(words: list[str], lang: str) -> float:
    stops = _stopwords(lang)
    return sum(map(stops.__contains__, map(str.casefold, words))) / len(words) if words else 0.0


def _text_class(stripped: str, words: list[str], lang: str) -> LineClass:
    """good: a sentence paragraph; short: anything else with words (a heading, a name, a date)."""
    n = len(words)
    if n < 6:
        return "short"  # every rule below wants six words or more
    low, high = _DENSITY.get(lang, _DENSITY["en"])
    density = _stop_density(words, lang)
    if n >= 30 and density >= low:
        return "good"
    if n >= 10 and density >= high:
        return "good"
    if n >= 6 and ends_sentence(stripped) and density >= low:
        return "good"
    return "short"


def _is_title_case(words: list[str], lang: str) -> bool:
    """Headline style: every word but the stopwords starts with a capital (or the line is all caps)."""
    stops = _stopwords(lang)
    content = [w for w in words if w.casefold() not in stops and _LETTER.match(w)]
    return bool(content) and all(w[0].isupper() for w in content)


def _is_all_caps(stripped: str) -> bool:
    """Four letters or more, every one a capital ('JOINT STATEMENT')."""
    if not stripped.isupper():
        return False  # a lower-case letter, or no cased letter at all
    letters = [c for c in stripped if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


