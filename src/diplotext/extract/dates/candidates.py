"""Finding date candidates in a Doc: spaCy matchers give the anchors, the grammar reads them.

Anchors come from two ``PhraseMatcher``s built once per vocabulary and language: one on
``LOWER`` for the lexicon's words (month names in every case, relative expressions, quarters
and halves), one on ``SHAPE`` for numeric tokens shaped like years and dates ("dddd", "ddddx",
"dd.dd.dddd", ...). Nothing is done per token in Python; only the matches are looked at. At
each anchor the grammar is tried at the anchor and at the few tokens before it where a date can
start (`rules.scan_anchors`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ...token_view import token_view
from ..patterns import pattern_tokenizer
from ..rules import scan_anchors
from ..vocab_cache import cached_per_vocab
from .candidate import DateCandidate
from .grammar import date_grammar
from .lexicon import DateLexicon, date_lexicon

_LOOKBACK = 3  # tokens before an anchor where a date may start ("from 1 to 3 December")
_LINE_WINDOW = 200  # characters searched back for the line's start
_SEPARATORS = frozenset({"-", "/", ".", "–"})


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
    terms = (set(lex.months) | {m + "." for m in lex.abbreviations} | set(lex.relative) | set(lex.periods) | lex.parser_terms
             | {f"{q} {w}" for q in lex.qualifiers for w in lex.data["current_year_words"]})
    # capitalized too: a tokenizer's exceptions are case-sensitive ("Dec." is one token, "dec." two)
    terms |= {t[:1].upper() + t[1:] for t in terms}
    words.add("DATE_WORD", list(tokenizer.pipe(sorted(terms))))
    shapes = PhraseMatcher(vocab, attr="SHAPE")
    shape_docs = []
    for shape in lex.data["numeric_shapes"]:
        sample = "".join("1" if c == "d" else ("s" if c == "x" else c) for c in shape)
        d = tokenizer(sample)
        if "".join(t.shape_ + t.whitespace_ for t in d) == shape:  # "9-18-15" is five tokens
            shape_docs.append(d)
    shapes.add("DATE_SHAPE", shape_docs)
    return DateMatchers(vocab=vocab, words=words, shapes=shapes)


def _start_positions(work: str, idx: list[int], lex: DateLexicon) -> Callable[[int], tuple[list[int], int]]:
    """Where a date holding anchor token `ts` may start: earlier tokens of its line that can start
    one (a day number, a quote, "from", "between", "the", "mid"), the anchor, and a year inside
    the anchor token ("mid-2021")."""
    n = len(idx)

    def tok(k: int) -> str:
        return work[idx[k]: idx[k + 1] if k + 1 < n else len(work)].rstrip()

    def _lookback(ts: int, line_start: int) -> list[int]:
        """Up to `_LOOKBACK` tokens before `ts`, not counting separators ("11 - 06 - 2024"), none
        before `line_start` (a date does not start on an earlier line: each line of a text of
        short numbered lines would read the line above)."""
        ks: list[int] = []
        k, words = ts - 1, 0
        while k >= 0 and idx[k] >= line_start and words < _LOOKBACK and ts - k <= 2 * _LOOKBACK:
            ks.append(k)
            words += tok(k) not in _SEPARATORS
            k -= 1
        return ks[::-1]

    def positions(ts: int) -> tuple[list[int], int]:
        a_start = idx[ts]
        # bounded: only compared with the few positions tried (a whole-line search per
        # candidate is quadratic on a one-line text)
        line_start = work.rfind("\n", max(0, a_start - _LINE_WINDOW), a_start) + 1 or max(0, a_start - _LINE_WINDOW)
        out = []
        for k in _lookback(ts, line_start):
            t = tok(k)
            if t[:1].isdigit() or t.lower() in lex.starters or (t[:1].isalpha() and t[-1:].isdigit()):  # "Nov.21"
                out.append(idx[k])
        out.append(a_start)
        first = tok(ts)
        if not first[:1].isdigit() and first[-1:].isdigit():
            digit = next((i for i, ch in enumerate(first) if ch.isdigit()), 0)
            out.append(a_start + digit)
            a_start += digit
        return [pos for pos in out if pos >= line_start], a_start

    return positions


def find_date_candidates(
    doc: Doc, lang: str = "en", keep: Callable[[int], bool] = lambda _: True, work: str | None = None
) -> list[DateCandidate]:
    """Every calendar reference in the Doc's text (`work`, the working text, if at hand:
    ``Doc.text`` rebuilds it token by token), before resolution."""
    lex = date_lexicon(lang)
    matchers = date_matchers(doc.vocab, lang)
    work = doc.text if work is None else work
    anchors = sorted({(s, e) for _, s, e in matchers.words(doc)} | {(s, e) for _, s, e in matchers.shapes(doc)})
    idx = token_view(doc).idx  # token offsets read once per Doc: no Token objects in the loop
    found = scan_anchors([s for s, _ in anchors], idx, _start_positions(work, idx, lex), date_grammar(lang), work, lex, keep)
    found = _without_named_weekdays(found, work)
    link_ranges(found, work, lex)
    if lex.data["year_from_sentence_before"]:
        _year_from_sentence_before(found, work)
    return found


_SENTENCE_BREAK = re.compile(r"[.!?…]\s+(?=[A-ZА-ЯЁ\d«\"])|\n\s*\n")
_YEAR_REACH = 400  # characters back to the year a date without one may take


def _year_from_sentence_before(found: list[DateCandidate], work: str) -> None:
    """"30 июля 2017 года ... . 16 августа ...": a day or month without a year takes the year of the
    full date last named in its sentence or the sentence before (a narrative keeps its year), not
    the document's."""
    last: DateCandidate | None = None
    for c in found:
        if c.year is not None and not c.relative and c.parse is None:
            # only a full date or a month with its year sets the narrative's year: a bare year is
            # too often a background one ("правили с 1997 года, но ... 6 мая", "учреждена в 1968 году")
            last = c if c.granularity in ("day", "month") and c.role == "point" and c.note is None else None
            continue
        if (last is None or c.month is None or c.relative or c.parse is not None or c.year_offset is not None
                or c.month_side or c.weekday is not None or c.start - last.end > _YEAR_REACH):
            continue
        if len(_SENTENCE_BREAK.findall(work, last.end, c.start)) <= 1:
            c.year = last.year
            c.note = "year from the sentence before"


_WEEKDAY_GAP = re.compile(r"[ ]?,?[ ]?$")


def _without_named_weekdays(found: list[DateCandidate], work: str) -> list[DateCandidate]:
    """"on Wednesday, 16 November 2016", "в среду, 16 ноября": the weekday names the date after
    it, and is no date of its own."""
    out = []
    for i, c in enumerate(found):
        nxt = found[i + 1] if i + 1 < len(found) else None
        if (c.parse is not None and c.granularity == "day" and nxt is not None and nxt.day is not None
                and nxt.start - c.end <= 3 and _WEEKDAY_GAP.match(work[c.end:nxt.start])):
            continue
        out.append(c)
    return out


_GAP = 14  # characters between two dates that share a year


def _year_after_months(found: list[DateCandidate], work: str, lex: DateLexicon) -> None:
    """"from April to June in 2017": a year right after a month without one is its year."""
    for a, b in zip(found, found[1:]):
        if (a.year is None and a.month is not None and not a.relative and a.parse is None and b.month is None
                and b.granularity == "year" and b.year is not None and not b.relative and b.qualifier is None
                and b.start - a.end <= _GAP and lex.year_after.match(work[a.end:b.start])):
            a.year = b.year


def link_ranges(found: list[DateCandidate], work: str, lex: DateLexicon) -> None:
    """A date missing its year takes it from the next one when they form a range ("May 31 –
    June 2, 2012", "from January to September of this year") or a list ("on 18 March and on 3
    May 2021": no range)."""
    _year_after_months(found, work, lex)
    for i in range(len(found) - 1, 0, -1):
        a, b = found[i - 1], found[i]
        if a.year is not None or a.relative or a.month is None or b.month is None or a.parse or b.parse:
            continue
        gap = work[a.end:b.start]
        if len(gap) > _GAP:
            continue
        if lex.connector.match(gap):
            a.year = b.year
            a.year_offset = b.year_offset
            if a.role == "point":
                a.role = "range_start"
            if b.role == "point":
                b.role = "range_end"
        elif lex.list_connector.match(gap):
            a.year = b.year
            a.year_offset = b.year_offset


def parse_date_text(text: str, lang: str = "en") -> list[DateCandidate]:
    """Date candidates in a short piece of text (a footer line) without a Doc: the grammar alone."""
    lex = date_lexicon(lang)
    grammar = date_grammar(lang)
    out: list[DateCandidate] = []
    pos = 0
    while pos < len(text):
        m = grammar.search(text, pos)
        if m is None:
            break
        out.extend(m.read(text, lex))
        pos = max(m.end(), pos + 1)
    return out
