"""Tell content from web boilerplate, line by line and block by block, without rewriting anything.

Saved web pages wrap a statement in menus, tickers, share rows, tag lists and footers. Following
jusText, the input is cut into lines, hard-wrapped lines are joined into blocks (paragraphs),
and each block is judged first by its own features and then by its context:

* own features: length in words, sentence punctuation at the end, stopword density, digits
  only (currency tickers such as "3.78 BYN"), breadcrumbs ("News /"), URLs, date-only and
  time-only lines, a generic site-furniture vocabulary kept as data (``resources/*/boilerplate.json``:
  "Font size:", "Publication status", "Версия для печати", share rows, copyright footers), and
  repetition (a short line repeated three times is a menu item);
* context: the content is the stretch from the first to the last *good* block (a sentence
  paragraph), plus the title and header lines (date, time, place) just above it, plus a closing
  tail (signatures, "Done at ...", "<…>") just below it. Short blocks inside that stretch stay
  (headings, datelines, short quoted lines, numbered points); furniture inside it goes, and so
  does everything after a "See also" header up to the next sentence paragraph, and the tag list
  after "Topics" / "Geography".

What goes is reported with its offsets and a reason, so nothing is lost silently. Everything is
linear in the size of the input.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from typing import Literal

from ..resources import load_json

LineClass = Literal["good", "short", "bad", "blank"]
BlockKind = Literal["text", "date", "time", "place", "marker", "separator"]


@dataclass(frozen=True)
class Line:
    """One line of the input (or a stretch of lines, for a wrapped title): offsets exclude line breaks."""

    start: int
    end: int
    text: str
    cls: LineClass = "blank"
    reason: str = ""


@dataclass(frozen=True)
class Block:
    """A paragraph: one line, or adjacent lines that a hard wrap split, kept as content.

    ``start``/``end`` cover the block without its outer whitespace; ``kind`` says what the block
    is made of: running text, a date line, a time line, the place line of a header, a lone
    point number ("1.", "Article 3") joined to what follows, or a separator ("* * *", "<…>").
    """

    start: int
    end: int
    kind: BlockKind
    cls: LineClass
    lines: tuple[int, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class Layout:
    """The input's lines, each judged content or boilerplate, and the content's blocks."""

    lines: tuple[Line, ...]
    content: tuple[Line, ...]
    removed: tuple[Line, ...]
    title: Line | None
    blocks: tuple[Block, ...] = ()
    header_end: int = 0
    """Offset where the header (title, date, time, place lines) ends and the body begins."""


# ---------------------------------------------------------------------------------------------
# Vocabulary and patterns
# ---------------------------------------------------------------------------------------------

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
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|"
    "январ[ьяеюё]|феврал[ьяеюё]|март[аеу]?|апрел[ьяеюё]|ма[йяеюё]|июн[ьяеюё]|июл[ьяеюё]|август[аеу]?|"
    "сентябр[ьяеюё]|октябр[ьяеюё]|ноябр[ьяеюё]|декабр[ьяеюё]"
)
_WEEKDAYS = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|"
    "понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|пн|вт|ср|чт|пт|сб|вс"
)
_DATE_FILLER = re.compile(
    rf"\b(?:{_MONTHS}|{_WEEKDAYS}|года|год|г|at|в|on|the|of|updated|обновлено|гг)\b\.?|[\d\s.,:/\-−–—()]+",
    re.I,
)
_HAS_MONTH = re.compile(rf"\b(?:{_MONTHS})\b", re.I)
_NUMERIC_DATE = re.compile(r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b")
_CURRENCY_CODE = re.compile(r"\b[A-Z]{3}\b|\b(?:руб|коп|долл|евро|млн|млрд|тыс|bn|mn|m|k|pts?)\b\.?|[$€₽£¥%+]", re.I)
_LABEL_NUMBER = re.compile(r"(?:\bNo\b\.?|№|#|\bNr\b\.?)", re.I)


@dataclass(frozen=True)
class _Vocab:
    lines: frozenset[str]
    prefixes: tuple[str, ...]
    contains: tuple[str, ...]
    contains_re: re.Pattern[str]
    """Any of `contains`, found by one search instead of one `in` test each."""
    ui_words: frozenset[str]
    related: frozenset[str]
    taxonomy: frozenset[str]
    closing: tuple[str, ...]
    line_words: int = 0
    """The most words (`_WORD`) any whole-line entry has: a line with more is none of them."""
    prefix_len: int = 0
    """The longest prefix entry: a key's head of this length answers every `startswith`."""


@lru_cache(maxsize=None)
def _vocab(lang: str) -> _Vocab:
    data = load_json(f"{'ru' if lang == 'ru' else 'en'}/boilerplate.json")
    other = load_json(f"{'en' if lang == 'ru' else 'ru'}/boilerplate.json")
    # A page in one language often carries the other language's switch and furniture.
    both = lambda key: [*data[key], *other[key]]  # noqa: E731
    lines = frozenset(s.casefold() for s in both("lines"))
    prefixes = tuple(s.casefold() for s in both("prefixes"))
    return _Vocab(
        lines=lines,
        prefixes=prefixes,
        contains=tuple(s.casefold() for s in both("contains")),
        contains_re=re.compile("|".join(re.escape(s.casefold()) for s in both("contains")) or "(?!)"),
        ui_words=frozenset(s.casefold() for s in both("ui_words")),
        related=frozenset(s.casefold() for s in both("related_headers")),
        taxonomy=frozenset(s.casefold() for s in both("taxonomy_headers")),
        closing=tuple(s.casefold() for s in data["closing"]),
        line_words=max((len(_WORD.findall(s)) for s in lines), default=0),
        prefix_len=max(map(len, prefixes), default=0),
    )


@lru_cache(maxsize=None)
def _stopwords(lang: str) -> frozenset[str]:
    if lang == "ru":
        from spacy.lang.ru.stop_words import STOP_WORDS
    else:
        from spacy.lang.en.stop_words import STOP_WORDS
    return frozenset(STOP_WORDS)


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
    """A line as the vocabulary sees it: case folded, bullets and a closing colon or arrow off."""
    return " ".join(_fold(stripped).split())


def _fold(stripped: str) -> str:
    """`_key` before its whitespace is folded: the same words, and any head of it folds to a head of the key."""
    return stripped.casefold().strip(_BULLETS).rstrip(":.→>»›")


_HEAD = 200
"""Characters of a long line's folded text that its key's head is made from."""
_FOLD_ENDS = _BULLETS + ":.→>»›"


def _fold_head(stripped: str) -> str:
    """A head of `_fold(stripped)` (or all of it), folded from the line's first characters only.

    The fold strips bullets, a colon or an arrow from the ends: when the line goes on after its
    first 2 * `_HEAD` characters with something that is none of those, the end's strip cannot
    reach into them, and (casefolding going character by character, and never making or
    unmaking one of those) their fold is the fold's head. Else the whole line is folded.
    """
    n = 2 * _HEAD
    if len(stripped) > n and len(stripped.rstrip(_FOLD_ENDS)) > n:
        head = stripped[:n].casefold().lstrip(_BULLETS)
        if head:
            return head
    return _fold(stripped)


# ---------------------------------------------------------------------------------------------
# Line features
# ---------------------------------------------------------------------------------------------


def is_date_line(stripped: str) -> bool:
    """A line that is only a date (with an optional weekday and time): 'December 19, 2012', '21 января 2002 года'."""
    if len(stripped) > 60 or not (_HAS_MONTH.search(stripped) or _NUMERIC_DATE.search(stripped)):
        return False
    if not re.search(r"\d", stripped):
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
    return bool(_NUMERIC_DATE.search(text) or (_HAS_MONTH.search(text) and re.search(r"\d", text)))


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
    if not ("/" in stripped or "›" in stripped or "»" in stripped or ">" in stripped or "|" in stripped):
        return False  # both patterns need one of these: a plain paragraph is not scanned by them
    if n_words <= 8 and _BREADCRUMB_END.search(stripped):
        return True
    # Three or more parts of one to five words each, read part by part: a paragraph fails at its
    # first long part and is not split whole.
    pos = n_parts = 0
    for m in _BREADCRUMB_SEP.finditer(stripped):
        if not _few_words(stripped, pos, m.start()):
            return False
        pos, n_parts = m.end(), n_parts + 1
    return n_parts >= 2 and _few_words(stripped, pos, len(stripped))


def _few_words(s: str, start: int, end: int) -> bool:
    """One to five `_WORD`s in s[start:end]."""
    n = sum(1 for _ in islice(_WORD.finditer(s[start:end]), 6))
    return 1 <= n <= 5


def furniture_reason(stripped: str, lang: str) -> str:
    """Why a line is site furniture, or '' when it is not."""
    voc = _vocab(lang)
    folded = _fold_head(stripped)
    # Only the first 20 words matter (every test below is on fewer): a paragraph is not scanned whole.
    # They are the key's words: folding whitespace neither makes nor joins a `_WORD`.
    words = _WORD.findall(folded[:_HEAD])
    if len(words) > 20:
        del words[20:]  # the 21st word may be cut by the head's end, the first 20 are whole
    else:
        folded = _fold(stripped)  # (it may have been a head only)
        if len(folded) > _HEAD:
            words = [m.group() for m in islice(_WORD.finditer(folded), 20)]
    # A line of 20 words or more is no whole-line entry and gets no 'footer', so only the prefixes
    # are asked of its key, and a head of the key answers them: a paragraph's key is not built whole.
    long = len(words) >= 20 and len(words) > voc.line_words
    key = " ".join(folded[:_HEAD].split()) if long else " ".join(folded.split())
    if long and len(key) < voc.prefix_len:
        key = " ".join(_fold(stripped).split())
    if not key:
        return "no-words" if not _LETTER.search(stripped) and not re.search(r"\d", stripped) else ""
    if not long and key in voc.lines:
        return "site-furniture"
    if key.startswith(voc.prefixes):
        return "site-furniture"
    if len(words) < 20 and voc.contains_re.search(key):  # never a long line: its key is whole
        return "footer"
    if _URL.match(stripped.strip(_BULLETS)):
        return "url"
    if words and len(words) <= 12 and all(w in voc.ui_words for w in words):
        stops = _stopwords(lang)
        if any(w not in stops for w in words):
            return "share-row"
    if _is_breadcrumb(stripped, len(words)):
        return "breadcrumb"
    if stripped[:1] in "•·▪►" and len(words) <= 5 and re.search(r"\d", stripped):
        return "bullet-number"
    return ""


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


def _stop_density(words: list[str], lang: str) -> float:
    stops = _stopwords(lang)
    return sum(map(stops.__contains__, map(str.casefold, words))) / len(words) if words else 0.0


def _text_class(stripped: str, words: list[str], lang: str) -> LineClass:
    """good: a sentence paragraph; short: anything else with words (a heading, a name, a date)."""
    n = len(words)
    if n < 6:
        return "short"  # every rule below wants six words or more
    low, high = (0.08, 0.12) if lang == "ru" else (0.15, 0.2)
    if n >= 30:
        # The stopwords of the first half already make the density: the whole cannot make less
        # (the count only grows, and dividing by n keeps the order), so the rest is not counted.
        stops = _stopwords(lang)
        if sum(map(stops.__contains__, map(str.casefold, words[: n // 2]))) / n >= low:
            return "good"
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
    letters = [c for c in stripped if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


# ---------------------------------------------------------------------------------------------
# Blocks
# ---------------------------------------------------------------------------------------------


@dataclass
class _Raw:
    """A block under construction (mutable while the page is judged)."""

    first: int
    last: int
    start: int
    end: int
    kind: BlockKind
    cls: LineClass
    reason: str = ""
    words: int = 0


def _line_kind(stripped: str) -> BlockKind:
    if _POINT_ONLY.match(stripped):
        return "marker"
    if _SEPARATOR.match(stripped):
        return "separator"
    if is_date_line(stripped) or is_place_date_line(stripped):
        return "date"
    if is_time_line(stripped):
        return "time"
    return "text"


_SPEAKER_START = re.compile(r"^[A-ZА-ЯЁ][\w'’-]+(?:\s[A-ZА-ЯЁ][\w'’.-]+){0,3}(?:\s?\([^()]{1,30}\))?:\s")
_OPEN_END = re.compile(r"[,(\[\-–—/&+]$")


def _continues(prev: str, nxt: str, wrapped: int, lang: str, prev_len: int = 0, width: int = 0, protect: bool = False) -> bool:
    """Does `nxt` continue the paragraph that `prev` (the line just above it) began?

    `wrapped` is 0 in a text with no sign of hard wrapping, 1 in a hard-wrapped one, 2 in a
    hard-wrapped one whose paragraphs are set apart by blank lines (there the lines of a block
    belong together: a name split over two lines, a full stop at the wrap width). `protect` is
    set for the first line of a text without blank lines, before any paragraph: a title stands
    there, and it does not run on into the paragraph below.
    """
    if ends_sentence(prev):
        return bool(
            wrapped == 2 and width and prev_len >= 0.75 * width and not prev.rstrip().endswith(":")
            and (nxt[:1].isupper() or nxt[:1] in "“«\"") and not _SPEAKER_START.match(nxt)
        )
    if _is_all_caps(prev) and _is_all_caps(nxt):
        return True  # a wrapped all-caps title
    first = nxt[:1]
    if first.islower():
        return True
    words = _WORD.findall(prev[-80:])
    if len(words) <= 6 and _SPEAKER_START.match(nxt) and _is_title_case(words, lang) and prev[:1].isupper():
        return True  # "President of Russia" / "Vladimir Putin: Mr Prime Minister, ..." is one speaker label
    if _OPEN_END.search(prev) or (words and words[-1].casefold() in _stopwords(lang)):
        return True  # stops on a comma, a preposition, an article: the sentence goes on
    if protect:
        return False  # a title ends on its line
    if not wrapped or len(words) < 4 or not first.isalpha():
        return False
    if _is_title_case(words, lang) and not (width and prev_len >= 0.75 * width):
        return False  # a headline-style line ("President of Russia") is a heading or a label of its own,
        # unless it fills the line in a hard-wrapped text ("..., the French Republic, the Russian")
    if words[-1][:1].isupper():
        return True  # "Vladimir Putin met with Prime" / "Minister of ...": a name split by the wrap
    return prev_len >= 40  # a long line that stops mid-sentence


def _make_blocks(text: str, lines: list[Line], lang: str, sampled: Sequence[list[str] | None] = ()) -> list[_Raw]:
    """Join hard-wrapped lines into paragraphs; every other non-blank line is a block of its own.

    `sampled` holds, per line, the words `_classify` read from it (or None): a block of one line
    has the same sample, so they are not read twice."""
    n = len(lines)
    kinds: list[BlockKind | None] = [None] * n
    stripped: list[str] = [""] * n
    for i, ln in enumerate(lines):
        if ln.cls == "blank":
            continue
        stripped[i] = ln.text.strip()
        if ln.cls == "bad":
            kinds[i] = "text"
        elif i < len(sampled) and sampled[i] is not None:
            # `_classify` read this line's words, so it had found it no point, separator, date or
            # time line: of `_line_kind`'s tests only the place-and-date one is left.
            kinds[i] = "date" if is_place_date_line(stripped[i]) else "text"
        else:
            kinds[i] = _line_kind(stripped[i])
    # Evidence of hard wrapping: lines that end mid-sentence and go on in lower case below.
    wraps = sum(
        1
        for i in range(n - 1)
        if kinds[i] == "text" and kinds[i + 1] == "text" and lines[i].cls != "bad" and lines[i + 1].cls != "bad"
        and len(stripped[i]) >= 30 and not ends_sentence(stripped[i]) and stripped[i + 1][:1].islower()
    )
    wrapped = 0
    if wraps >= 2:
        # Paragraphs set apart by blank lines: blank lines between text lines are common.
        gaps = sum(1 for i in range(1, n - 1) if kinds[i] is None and kinds[i - 1] == "text" and kinds[i + 1] == "text")
        wrapped = 2 if gaps >= 3 else 1
    # The wrap width: the length most wrapped lines reach (the 90th percentile of line lengths).
    width = 0
    if wrapped:  # (only a wrapped text has a width)
        lengths = sorted(len(stripped[i]) for i in range(n) if kinds[i] == "text" and len(stripped[i]) < 400)
        width = lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0
    # "See also", "Topics": headers of link and tag lists stand alone, whatever follows them.
    voc = _vocab(lang)
    header_keys = voc.related | voc.taxonomy
    headers = [bool(stripped[i]) and len(stripped[i]) < 40 and _key(stripped[i]) in header_keys for i in range(n)]
    blocks: list[_Raw] = []
    cur: _Raw | None = None
    seen_good = False  # a line of a sentence paragraph came before the current block
    for i, ln in enumerate(lines):
        if ln.cls == "blank":
            if cur is not None and (cur.cls == "good" or cur.kind in ("date", "time")):
                seen_good = True
            cur = None
            continue
        s = stripped[i]
        lead = len(ln.text) - len(ln.text.lstrip())
        start, end = ln.start + lead, ln.start + lead + len(s)
        kind = kinds[i] or "text"
        # A number alone on a line ("2019.") may end a wrapped sentence.
        can_join = ln.cls != "bad" or ln.reason == "number-only"
        joinable = False
        if cur is not None and can_join and cur.cls != "bad" and kind == "text" and not headers[cur.first]:
            if cur.kind == "marker":
                joinable = ln.cls != "bad"
            elif cur.kind == "text":
                prev = text[max(cur.start, cur.end - 80):cur.end]
                # The first line after the page's furniture, before any paragraph: a title.
                before = blocks[-2] if len(blocks) >= 2 else None
                protect = wrapped == 1 and not seen_good and (before is None or before.cls == "bad")
                joinable = _continues(prev, s, wrapped, lang, len(stripped[i - 1]), width, protect)
                if ln.cls == "bad":  # a number-only line joins only a sentence that is plainly open
                    w = _WORD.findall(prev)
                    joinable = joinable and bool(_OPEN_END.search(prev) or (w and w[-1].casefold() in _stopwords(lang)))
        if joinable and cur is not None:
            if ln.cls == "bad":
                lines[i] = Line(ln.start, ln.end, ln.text, "short", "")
            cur.last, cur.end = i, end
            if cur.kind == "marker":
                cur.kind = "text"
            continue
        if cur is not None and (cur.cls == "good" or cur.kind in ("date", "time")):
            seen_good = True  # past the title: a paragraph or the header's date came before
        cur = _Raw(first=i, last=i, start=start, end=end, kind=kind, cls=ln.cls, reason=ln.reason)
        blocks.append(cur)
    for b in blocks:
        if b.cls == "bad":
            continue
        words = sampled[b.first] if b.first == b.last and b.first < len(sampled) else None
        if words is None:  # a block's sample, as `_classify` takes a line's (the block is the line stripped)
            words = _WORD.findall(text[b.start:min(b.end, b.start + _SAMPLE)])
        b.words = len(words)
        if b.kind == "text" and b.first != b.last:
            b.cls = _text_class(" ".join(text[max(b.start, b.end - 100):b.end].split()), words, lang)
        elif b.kind != "text":
            b.cls = "short"
    return blocks


# ---------------------------------------------------------------------------------------------
# Context
# ---------------------------------------------------------------------------------------------

_NAME_WITH_INITIALS = re.compile(
    r"^(?:(?:[A-ZА-ЯЁ]\.\s?){1,2}[A-ZА-ЯЁ][\w’'-]+|[A-ZА-ЯЁ][\w’'-]+\s(?:[A-ZА-ЯЁ]\.\s?){1,2})$"
)


def _is_place(stripped: str, lang: str) -> bool:
    """The place line of a header: 'The Kremlin, Moscow', 'Kuala Lumpur, Malaysia', 'Москва, Кремль'."""
    words = _WORD.findall(stripped)
    if not 1 <= len(words) <= 7 or ends_sentence(stripped) and not stripped.endswith("."):
        return False
    if any(ch.isdigit() for ch in stripped) or ":" in stripped or stripped.endswith(","):
        return False
    return _is_title_case(words, lang) or stripped[:1].isupper() and len(words) <= 3


_DOC_NOUN_LINE = re.compile(
    r"^(?:the\s+)?(?:(?:joint|final|common)\s+)?(?:statement|declaration|communiqu[eé]|memorandum|protocol|treaty|agreement)$|"
    r"^(?:(?:совместное|совместная|итоговое|итоговая)\s+)?(?:заявление|декларация|коммюнике|меморандум|протокол|договор|соглашение)$",
    re.I,
)


def _title_like(stripped: str, lang: str) -> bool:
    words = _WORD.findall(stripped)
    if len(words) == 1 and _DOC_NOUN_LINE.match(stripped.strip()):
        return True  # "COMMUNIQUE", "Декларация"
    if not 2 <= len(words) <= 60 or not _LETTER.search(stripped):
        return False
    if stripped.rstrip().endswith((".", ":", ";", ",")) and not stripped.rstrip().endswith("..."):
        return False
    return not stripped.startswith(("(", "[", "<", "http"))


def _is_closing(stripped: str, lang: str) -> bool:
    """A line of a signature block or a closing marker, which may follow the last paragraph."""
    if _SEPARATOR.match(stripped) or is_date_line(stripped):
        return True
    low = stripped.casefold()
    if low.startswith(_vocab(lang).closing):
        return True
    if _NAME_WITH_INITIALS.match(stripped):
        return True
    if ends_sentence(stripped) and not stripped.endswith(":") and len(_WORD.findall(stripped)) >= 2:
        return True  # a short closing sentence: "Thank you.", "«Мы братья», — сказал президент."
    words = _WORD.findall(stripped)
    return 1 <= len(words) <= 4 and _is_all_caps(stripped) and not _vocab(lang).lines.__contains__(_key(stripped))


_MERGED = "merged-into-title"


def _position_reason(blocks: list[_Raw], stripped: list[str], k: int, first_kept: int) -> str:
    """Why a block outside the content goes: 'menu' when it is a short line among other short or
    furniture lines, else where it stands ('before-content', 'after-content')."""
    def short(j: int) -> bool:
        return 0 <= j < len(blocks) and (blocks[j].cls == "bad" or (blocks[j].words <= 6 and not ends_sentence(stripped[j])))

    if short(k) and (short(k - 1) or short(k + 1)):
        return "menu"
    return "before-content" if k < first_kept else "after-content"


def _trim_headline_lists(blocks: list[_Raw], stripped: list[str], good: list[int], first: int, last: int) -> tuple[int, int]:
    """Lists of other items' headlines ("Top news", "Latest news" without their header) above the
    first or below the last sentence paragraph: long lines with no full stop (three above, two
    below), with only short lines and dates between. The content starts and ends at a sentence
    paragraph then."""
    sentences = [i for i in good if ends_sentence(stripped[i])]
    if not sentences:
        return first, last

    def headlines(lo: int, hi: int, least: int) -> bool:
        n = 0
        for k in range(lo, hi + 1):
            b = blocks[k]
            if b.cls == "good":
                if ends_sentence(stripped[k]):
                    return False
                n += 1
            elif b.cls != "bad" and b.kind == "text" and ends_sentence(stripped[k]):
                return False
        return n >= least

    # Above, a title and a summary without a full stop are common (an official site's header):
    # three headlines make a list there.
    if sentences[0] > first and headlines(first, sentences[0] - 1, 3):
        first = sentences[0]
    if sentences[-1] < last and headlines(sentences[-1] + 1, last, 2):
        last = sentences[-1]
    return first, last


def _header_key(b: _Raw, text: str) -> str:
    return _key(text[b.start:b.end]) if b.words <= 6 else ""


def find_layout(text: str, lang: str) -> Layout:
    """Judge every line of `text` (the working text, same length as the input) as content or boilerplate."""
    voc = _vocab(lang)
    lines: list[Line] = []
    sampled: list[list[str] | None] = []  # each line's words, when classifying it read them
    for start, end in split_lines(text):
        raw = text[start:end]
        cls, reason, words = _classify(raw, lang)
        lines.append(Line(start, end, raw, cls, reason))
        sampled.append(words)

    # Repetition: a short line without sentence punctuation that the page repeats is a menu item.
    # Only a line that stands alone like a menu item: a few words, not the piece of a wrapped sentence.
    counts = Counter(_key(ln.text) for ln in lines if ln.cls == "short" and len(ln.text) < 60)
    repeated = any(c >= 3 for c in counts.values())  # most pages repeat nothing: no line to look at again
    for i, ln in enumerate(lines if repeated else ()):
        if ln.cls == "short" and counts[_key(ln.text)] >= 3 and not ends_sentence(ln.text.strip()):
            s = ln.text.strip()
            words = _WORD.findall(s)
            if len(words) > 5 or s[:1].islower() or _OPEN_END.search(s) or (words and words[-1].casefold() in _stopwords(lang)):
                continue
            if not (_POINT_ONLY.match(s) or _SEPARATOR.match(s) or is_time_line(s) or is_date_line(s)):
                lines[i] = Line(ln.start, ln.end, ln.text, "bad", "repeated")

    blocks = _make_blocks(text, lines, lang, sampled)
    nb = len(blocks)
    stripped = [text[b.start:b.end] for b in blocks]

    # Related links ("See also") and tag lists ("Topics", "Geography"): the header, and what follows
    # it up to the next sentence paragraph.
    i = 0
    while i < nb:
        b = blocks[i]
        key = _header_key(b, text)
        label = "related-links" if key in voc.related else "taxonomy" if key in voc.taxonomy else ""
        if label and b.kind == "text" and not ends_sentence(stripped[i].rstrip(":")):
            b.cls, b.reason = "bad", b.reason or label
            j = i + 1
            while j < nb and not (blocks[j].cls == "good" and ends_sentence(stripped[j])):
                if blocks[j].cls != "bad" or not blocks[j].reason:
                    blocks[j].cls, blocks[j].reason = "bad", label
                j += 1
            i = j
            continue
        i += 1

    # The place line of a header: a short capitalized line right below a date or time line.
    for k in range(1, nb):
        b, prev = blocks[k], blocks[k - 1]
        if b.kind == "text" and b.cls == "short" and prev.kind in ("date", "time") and prev.cls != "bad" \
                and _is_place(stripped[k], lang):
            b.kind = "place"

    good = [i for i, b in enumerate(blocks) if b.cls == "good"]
    keep = [False] * nb
    title_idx: int | None = None
    header_end_idx = -1
    if good:
        first, last = _trim_headline_lists(blocks, stripped, good, good[0], good[-1])
        title_idx, header_start = _find_title(blocks, stripped, first, lang)
        if title_idx is None and blocks[first].kind == "text" and _title_like(stripped[first], lang) \
                and not ends_sentence(stripped[first]):
            title_idx = header_start = first  # a long headline with no closing period
        if title_idx is not None:
            _merge_title_down(blocks, stripped, title_idx, lang)
            good = [i for i, b in enumerate(blocks) if b.cls == "good" and i != title_idx] or [title_idx]
            first, last = _trim_headline_lists(blocks, stripped, good, good[0], good[-1])
        begin = header_start if header_start is not None else first
        for k in range(begin, last + 1):
            keep[k] = blocks[k].cls != "bad"
        # A menu inside the content: a run of short lines among furniture lines ("Share" / "Print" /
        # "Related documents" / "Download"): its other short lines are menu items too, except a
        # heading right above a paragraph.
        k = begin
        while k <= last:
            if blocks[k].cls == "good":
                k += 1
                continue
            j = k
            while j <= last and blocks[j].cls != "good":
                j += 1
            run = range(k, j)
            furniture = sum(1 for r in run if blocks[r].cls == "bad" and blocks[r].reason not in ("", _MERGED))
            if furniture >= 2 and len(run) >= 3:
                for r in run:
                    b = blocks[r]
                    if not keep[r] or b.kind != "text" or b.words > 6 or ends_sentence(stripped[r]):
                        continue
                    if r == j - 1 and j <= last:
                        continue  # a heading over the next paragraph
                    keep[r] = False
                    b.reason = b.reason or "menu"
            k = j
        # The closing tail: signatures, "Done at ...", "<…>".
        k = last + 1
        while k < nb and blocks[k].cls != "bad" and _is_closing(stripped[k], lang):
            keep[k] = True
            k += 1
        # The header ends at the first block after the title that is not a date, time or place.
        k = (title_idx + 1) if title_idx is not None else begin
        while k <= last and (not keep[k] or blocks[k].kind in ("date", "time", "place")):
            k += 1
        header_end_idx = k - 1
    else:
        # No sentence paragraph at all: keep what is not furniture, the first title-like block as title.
        for k, b in enumerate(blocks):
            keep[k] = b.cls != "bad"
        title_idx = next((k for k in range(nb) if keep[k] and _title_like(stripped[k], lang)), None)

    content: list[Line] = []
    removed: list[Line] = []
    kept_blocks: list[Block] = []
    first_kept = next((k for k in range(nb) if keep[k]), nb)
    for k, b in enumerate(blocks):
        if b.reason == _MERGED:
            continue  # its lines are part of the title block
        if keep[k]:
            if k != title_idx:
                kept_blocks.append(Block(b.start, b.end, b.kind, b.cls, tuple(range(b.first, b.last + 1))))
            for li in range(b.first, b.last + 1):
                ln = lines[li]
                if ln.cls != "blank":
                    content.append(ln if ln.cls != "bad" else Line(ln.start, ln.end, ln.text, "short", ""))
        else:
            reason = b.reason or _position_reason(blocks, stripped, k, first_kept)
            for li in range(b.first, b.last + 1):
                ln = lines[li]
                if ln.cls != "blank":
                    removed.append(Line(ln.start, ln.end, ln.text, "bad", ln.reason or reason))
    title = None
    if title_idx is not None:
        tb = blocks[title_idx]
        title = Line(tb.start, tb.end, text[tb.start:tb.end], tb.cls, "")
    header_end = blocks[header_end_idx].end if 0 <= header_end_idx < nb else (title.end if title else 0)
    return Layout(tuple(lines), tuple(content), tuple(removed), title, tuple(kept_blocks), header_end)


_TITLE_GOES_ON = re.compile(r"^(?:of|by|between|on|among|adopted|issued|signed|following|from|to|for)\b", re.I)


def _merge_title_down(blocks: list[_Raw], stripped: list[str], title: int, lang: str) -> None:
    """A title that goes on in the block below it: "JOINT DECLARATION" / "BY THE PRESIDENTS OF ...",
    "... adopted the Joint" / "Declaration on the Development of ...", a lower-case continuation."""
    down = title + 1
    if down < len(blocks) and blocks[down].cls != "bad" and blocks[down].kind == "text" and blocks[down].first - blocks[title].last <= 3 \
            and _title_like(stripped[down], lang) and not ends_sentence(stripped[down]) and (
                (_DOC_NOUN_LINE.match(" ".join(stripped[title].split())) and (
                    _is_all_caps(stripped[down]) or _is_title_case(_WORD.findall(stripped[down]), lang)
                    or _TITLE_GOES_ON.match(stripped[down])))
                or (_is_all_caps(stripped[title]) and _is_all_caps(stripped[down]))
                or stripped[down][:1].islower()
                # "... adopted the Joint" / "Declaration on the Development of ...": a name over two lines
                or (blocks[down].first == blocks[title].last + 1 and len(_WORD.findall(stripped[down])) <= 12
                    and (_WORD.findall(stripped[title]) or [""])[-1][:1].isupper() and not _is_title_case(_WORD.findall(stripped[title]), lang))
            ):
        blocks[title].end = blocks[down].end
        blocks[title].last = blocks[down].last
        blocks[down].cls, blocks[down].reason = "bad", _MERGED


def _find_title(blocks: list[_Raw], stripped: list[str], first: int, lang: str) -> tuple[int | None, int | None]:
    """The title above the first sentence paragraph, and where the kept header starts.

    Walking up from the first good block over at most eight blocks: dates and times are header
    lines, a short capitalized line just below a date or time is the place line, furniture is
    skipped; the nearest other title-like block is the title. A date line right above the title
    (a news site's) belongs to the header too.
    """
    title = None
    seen = 0
    k = first - 1
    while k >= 0 and seen < 8:
        b = blocks[k]
        seen += 1
        if b.cls == "bad":
            k -= 1
            continue
        if b.kind in ("date", "time", "separator", "marker"):
            k -= 1
            continue
        below = next((j for j in range(k + 1, first) if blocks[j].cls != "bad"), None)
        above = next((j for j in range(k - 1, -1, -1) if blocks[j].cls != "bad"), None)
        after_date = above is not None and blocks[above].kind in ("date", "time") and above >= k - 2
        if after_date and _is_place(stripped[k], lang) and (below is None or blocks[below].kind != "date"):
            b.kind = "place"
            k -= 1
            continue
        if _title_like(stripped[k], lang):
            title = k
            break
        k -= 1
    if title is None:
        return None, None
    # A title wrapped over two blocks ("JOINT STATEMENT" / "of the Republic of ... "), and date lines above it.
    start = title
    up = title - 1
    while up >= 0 and blocks[up].cls != "bad":
        s = stripped[up]
        if blocks[up].kind in ("date", "time"):
            start = up
            up -= 1
            continue
        if up == start - 1 and _title_like(s, lang) and (
            stripped[title][:1].islower()  # "JOINT STATEMENT" / "of the Republic of ..."
            or _DOC_NOUN_LINE.match(" ".join(s.split()))  # "Joint Statement" / "BY THE PRESIDENTS OF ..."
            or (_is_all_caps(s) and _is_all_caps(stripped[title]) and len(_WORD.findall(s)) <= 12)
        ):
            start = up
        break
    if start != title and blocks[start].kind == "text":
        # Merge the wrapped title's upper part into the title block.
        blocks[title].start = blocks[start].start
        blocks[title].first = blocks[start].first
        for j in range(start, title):
            blocks[j].cls, blocks[j].reason = "bad", _MERGED
        start = title
    return title, start
