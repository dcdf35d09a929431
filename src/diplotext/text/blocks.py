"""Blocks: the paragraphs of a page, hard-wrapped lines joined, each with what it is made of.

A text saved from a page may be hard-wrapped (a paragraph over many lines), with or without
blank lines between paragraphs. The wrap style is read from the text itself (lines that stop
mid-sentence and go on in lower case below), and lines are joined into a block only where the
text goes on across the break; every other non-blank line is a block of its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from .lines import (
    _POINT_ONLY, _SAMPLE, _SEPARATOR, _WORD, Line, LineClass, _is_all_caps, _is_title_case, _key, _stopwords,
    _text_class, _vocab, ends_sentence, is_date_line, is_place_date_line, is_time_line,
)

BlockKind = Literal["text", "date", "time", "place", "marker", "separator"]


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



@dataclass(frozen=True)
class _Wrap:
    """How the text is wrapped: `style` 0 (not hard-wrapped), 1 (hard-wrapped), 2 (hard-wrapped
    with blank lines between paragraphs); `width` the length most wrapped lines reach."""

    style: int = 0
    width: int = 0


def _line_kinds(lines: Sequence[Line], sampled: Sequence[list[str] | None]) -> list[BlockKind | None]:
    """What each line is made of (None for a blank line); a bad line counts as text."""
    kinds: list[BlockKind | None] = [None] * len(lines)
    for i, ln in enumerate(lines):
        if ln.cls == "blank":
            continue
        s = ln.text.strip()
        if ln.cls == "bad":
            kinds[i] = "text"
        elif i < len(sampled) and sampled[i] is not None:
            # `_classify` read this line's words, so it had found it no point, separator, date or
            # time line: of `_line_kind`'s tests only the place-and-date one is left.
            kinds[i] = "date" if is_place_date_line(s) else "text"
        else:
            kinds[i] = _line_kind(s)
    return kinds


def _wrap_style(lines: Sequence[Line], stripped: Sequence[str], kinds: Sequence[BlockKind | None]) -> _Wrap:
    """The wrap style, from lines that end mid-sentence and go on in lower case below (two make
    a hard-wrapped text), and blank lines between text lines (three set its paragraphs apart)."""
    n = len(lines)
    wraps = sum(
        1
        for i in range(n - 1)
        if kinds[i] == "text" and kinds[i + 1] == "text" and lines[i].cls != "bad" and lines[i + 1].cls != "bad"
        and len(stripped[i]) >= 30 and not ends_sentence(stripped[i]) and stripped[i + 1][:1].islower()
    )
    if wraps < 2:
        return _Wrap()
    gaps = sum(1 for i in range(1, n - 1) if kinds[i] is None and kinds[i - 1] == "text" and kinds[i + 1] == "text")
    lengths = sorted(len(stripped[i]) for i in range(n) if kinds[i] == "text" and len(stripped[i]) < 400)
    width = lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0  # the 90th percentile
    return _Wrap(2 if gaps >= 3 else 1, width)


def _list_headers(stripped: Sequence[str], lang: str) -> list[bool]:
    """Lines that head a list of links or tags ("See also", "Topics"): they stand alone, whatever follows."""
    voc = _vocab(lang)
    header_keys = voc.related | voc.taxonomy
    return [bool(s) and len(s) < 40 and _key(s) in header_keys for s in stripped]


def _opens_sentence(prev: str, lang: str) -> bool:
    """Does `prev` stop plainly mid-sentence (on a comma, a bracket, a stopword)?"""
    w = _WORD.findall(prev)
    return bool(_OPEN_END.search(prev) or (w and w[-1].casefold() in _stopwords(lang)))


def _joins(cur: _Raw, ln: Line, s: str, prev_len: int, text: str, ctx: _JoinContext) -> bool:
    """Does line `ln` (stripped: `s`) go on the block `cur` above it?"""
    # A number alone on a line ("2019.") may end a wrapped sentence.
    if not (ln.cls != "bad" or ln.reason == "number-only") or cur.cls == "bad" or ctx.headers[cur.first]:
        return False
    if cur.kind == "marker":
        return ln.cls != "bad"
    if cur.kind != "text":
        return False
    prev = text[max(cur.start, cur.end - 80):cur.end]
    joinable = _continues(prev, s, ctx.wrap.style, ctx.lang, prev_len, ctx.wrap.width, ctx.protect)
    if ln.cls == "bad":  # a number-only line joins only a sentence that is plainly open
        return joinable and _opens_sentence(prev, ctx.lang)
    return joinable


@dataclass
class _JoinContext:
    """What joining a line to the block above it depends on besides the two lines."""

    lang: str
    wrap: _Wrap
    headers: list[bool]
    protect: bool = False
    """The line is the first after the page's furniture, before any paragraph: a title."""


def _join_lines(text: str, lines: list[Line], kinds: Sequence[BlockKind | None], stripped: Sequence[str],
                ctx: _JoinContext) -> list[_Raw]:
    """Blocks from lines: each line joins the block above it or opens a block of its own. A
    number-only line that joins a sentence is content then, and `lines` is updated so."""
    blocks: list[_Raw] = []
    cur: _Raw | None = None
    seen_good = False  # a line of a sentence paragraph (or the header's date) came before the current block
    for i, ln in enumerate(lines):
        if ln.cls == "blank":
            seen_good = seen_good or (cur is not None and (cur.cls == "good" or cur.kind in ("date", "time")))
            cur = None
            continue
        s = stripped[i]
        lead = len(ln.text) - len(ln.text.lstrip())
        start, end = ln.start + lead, ln.start + lead + len(s)
        kind = kinds[i] or "text"
        if cur is not None and kind == "text":
            before = blocks[-2] if len(blocks) >= 2 else None
            ctx.protect = ctx.wrap.style == 1 and not seen_good and (before is None or before.cls == "bad")
            if _joins(cur, ln, s, len(stripped[i - 1]), text, ctx):
                if ln.cls == "bad":
                    lines[i] = Line(ln.start, ln.end, ln.text, "short", "")
                cur.last, cur.end = i, end
                if cur.kind == "marker":
                    cur.kind = "text"
                continue
        seen_good = seen_good or (cur is not None and (cur.cls == "good" or cur.kind in ("date", "time")))
        cur = _Raw(first=i, last=i, start=start, end=end, kind=kind, cls=ln.cls, reason=ln.reason)
        blocks.append(cur)
    return blocks


def _judge_blocks(text: str, blocks: list[_Raw], sampled: Sequence[list[str] | None], lang: str) -> None:
    """Each block's word count and class: a block of several lines is judged as one paragraph,
    a date, time, place, marker or separator block is short."""
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


def make_blocks(text: str, lines: list[Line], lang: str, sampled: Sequence[list[str] | None] = ()) -> list[_Raw]:
    """Join hard-wrapped lines into paragraphs; every other non-blank line is a block of its own.

    `sampled` holds, per line, the words `_classify` read from it (or None): a block of one line
    has the same sample, so they are not read twice."""
    kinds = _line_kinds(lines, sampled)
    stripped = [ln.text.strip() if ln.cls != "blank" else "" for ln in lines]
    ctx = _JoinContext(lang, _wrap_style(lines, stripped, kinds), _list_headers(stripped, lang))
    blocks = _join_lines(text, lines, kinds, stripped, ctx)
    _judge_blocks(text, blocks, sampled, lang)
    return blocks
