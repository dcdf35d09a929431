"""Tell content from web boilerplate, line by line and block by block, without rewriting anything.

Saved web pages wrap a statement in menus, tickers, share rows, tag lists and footers. Following
jusText, the input is cut into lines (`lines`), hard-wrapped lines are joined into blocks
(`blocks`), and each block is judged first by its own features and then by its context, in the
named passes of `find_layout`:

* the content is the stretch from the first to the last *good* block (a sentence paragraph),
  plus the title and header lines (date, time, place) just above it (`title`), plus a closing
  tail (signatures, "Done at ...", "<…>") just below it;
* short blocks inside that stretch stay (headings, datelines, short quoted lines, numbered
  points); furniture inside it goes, and so does everything after a "See also" header up to the
  next sentence paragraph, and the tag list after "Topics" / "Geography";
* a short line the page repeats three times is a menu item;
* in a batch, a short line that many documents of the same folder share is site furniture
  (`text.repeats`), unless it is a header line, a numbered point, a document's name or a sentence.

What goes is reported with its offsets and a reason, so nothing is lost silently. Everything is
linear in the size of the input.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .blocks import _OPEN_END, Block, BlockKind, _Raw, make_blocks  # noqa: F401 - Block, BlockKind re-exported
from .lines import (  # noqa: F401 - re-exported: the layout's public names
    _POINT_ONLY, _SAMPLE, _SEPARATOR, _WORD, Line, LineClass, _classify, _key, _stopwords, _vocab, classify_line, digit_blind_key,
    ends_sentence,
    furniture_reason, is_date_line, is_place_date_line, is_time_line, mentions_date, split_lines,
)
from .repeats import REPEATED_IN_BATCH, furniture_key
from .title import (
    CAPTION, MERGED, mark_captions_below, _find_title, _is_closing, _is_place, _merge_title_down, _title_like, names_a_document,
)

_SENTENCE_WORDS = 12
_ASCII_DIGIT = re.compile("[0-9]")
"""A line ending a sentence with so many words is a sentence: it stays, however often the batch repeats it."""


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


@dataclass
class _Page:
    """The page while its passes judge it: lines, blocks (and their stripped texts), and what is kept."""

    text: str
    lang: str
    lines: list[Line]
    blocks: list[_Raw]
    stripped: list[str]
    keep: list[bool]
    title: int | None = None
    header_end: int = -1


# ---------------------------------------------------------------------------------------------
# Passes over lines
# ---------------------------------------------------------------------------------------------


def _judge_lines(text: str, lang: str) -> tuple[list[Line], list[list[str] | None]]:
    """Every line with its class from its own features, and the words read from it (or None).
    A line's class depends on its text alone, so a line repeated (and remembered) is classified once."""
    lines: list[Line] = []
    sampled: list[list[str] | None] = []
    seen: dict[str, tuple[LineClass, str, list[str] | None]] = {}
    shapes: dict[str, tuple[LineClass, str, list[str] | None]] = {}  # by digit_blind_key: 'Line 17' as 'Line 00'
    for start, end in split_lines(text):
        raw = text[start:end]
        judged = seen.get(raw)
        if judged is None:
            judged = _judge_new(raw, lang, shapes)
            if len(seen) >= 4096:  # bounded: a text of distinct lines gains nothing from the memory
                seen.clear()
            seen[raw] = judged
        cls, reason, words = judged
        lines.append(Line(start, end, raw, cls, reason))
        sampled.append(words)
    return lines, sampled


def _judge_new(raw: str, lang: str, shapes: dict[str, tuple[LineClass, str, list[str] | None]]) -> tuple[LineClass, str, list[str] | None]:
    """`_classify` of a line not seen before, remembered by its shape with digits masked when
    its class provably does not depend on them; the words are the line's own."""
    shape = digit_blind_key(raw, lang) if _ASCII_DIGIT.search(raw) else None
    if shape is None:
        return _classify(raw, lang)
    judged = shapes.get(shape)
    if judged is None:
        if len(shapes) >= 4096:
            shapes.clear()
        judged = shapes[shape] = _classify(raw, lang)
        return judged
    cls, reason, words = judged
    return cls, reason, None if words is None else _WORD.findall(raw.strip()[:_SAMPLE])


def _mark_repeated(lines: list[Line], lang: str) -> None:
    """A short line without sentence punctuation that the page repeats three times is a menu
    item; only a line that stands alone like one (a few words, not the piece of a wrapped sentence)."""
    keys = {i: _key(ln.text) for i, ln in enumerate(lines) if ln.cls == "short" and len(ln.text) < 60}
    counts = Counter(keys.values())
    if not any(c >= 3 for c in counts.values()):
        return
    for i, key in keys.items():
        ln = lines[i]
        if counts[key] < 3 or ends_sentence(ln.text.strip()):
            continue
        s = ln.text.strip()
        words = _WORD.findall(s)
        if len(words) > 5 or s[:1].islower() or _OPEN_END.search(s) or (words and words[-1].casefold() in _stopwords(lang)):
            continue
        if not (_POINT_ONLY.match(s) or _SEPARATOR.match(s) or is_time_line(s) or is_date_line(s)):
            lines[i] = Line(ln.start, ln.end, ln.text, "bad", "repeated")


def _mark_batch_furniture(lines: list[Line], furniture: frozenset[bytes]) -> None:
    """Lines the batch found in many documents of this one's folder are site furniture, except
    header lines (dates, times, the place line below them), numbered points, separators, a
    document's name and sentences."""
    if not furniture:
        return
    after_date = False  # the line before (not blank) is a date or a time: this one is the header's place line
    for i, ln in enumerate(lines):
        if ln.cls == "blank":
            continue
        s = ln.text.strip()
        header, after_date = after_date, is_time_line(s) or is_date_line(s)
        key = furniture_key(ln.text) if ln.cls != "bad" else None
        if key is None or key not in furniture or header or after_date:
            continue
        if _POINT_ONLY.match(s) or _SEPARATOR.match(s) or names_a_document(s):
            continue
        if ends_sentence(s) and len(_WORD.findall(s)) >= _SENTENCE_WORDS:
            continue
        lines[i] = Line(ln.start, ln.end, ln.text, "bad", REPEATED_IN_BATCH)


# ---------------------------------------------------------------------------------------------
# Passes over blocks
# ---------------------------------------------------------------------------------------------


def _header_key(b: _Raw, text: str) -> str:
    return _key(text[b.start:b.end]) if b.words <= 6 else ""


def _mark_link_lists(page: _Page) -> None:
    """Related links ("See also") and tag lists ("Topics", "Geography"): the header, and what
    follows it up to the next sentence paragraph."""
    voc = _vocab(page.lang)
    blocks, stripped, nb = page.blocks, page.stripped, len(page.blocks)
    i = 0
    while i < nb:
        b = blocks[i]
        key = _header_key(b, page.text)
        label = "related-links" if key in voc.related else "taxonomy" if key in voc.taxonomy else ""
        if not (label and b.kind == "text" and not ends_sentence(stripped[i].rstrip(":"))):
            i += 1
            continue
        b.cls, b.reason = "bad", b.reason or label
        i += 1
        while i < nb and not (blocks[i].cls == "good" and ends_sentence(stripped[i])):
            if blocks[i].cls != "bad" or not blocks[i].reason:
                blocks[i].cls, blocks[i].reason = "bad", label
            i += 1


def _mark_place_lines(page: _Page) -> None:
    """The place line of a header: a short capitalized line right below a date or time line."""
    blocks = page.blocks
    for k in range(1, len(blocks)):
        b, prev = blocks[k], blocks[k - 1]
        if b.kind == "text" and b.cls == "short" and prev.kind in ("date", "time") and prev.cls != "bad" \
                and _is_place(page.stripped[k], page.lang):
            b.kind = "place"


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




def _find_content(page: _Page, good: list[int]) -> tuple[int, int]:
    """The title, and the stretch of blocks from the header's start to the last paragraph."""
    blocks, stripped, lang = page.blocks, page.stripped, page.lang
    first, last = _trim_headline_lists(blocks, stripped, good, good[0], good[-1])
    title, header_start = _find_title(blocks, stripped, first, lang)
    if title is None and blocks[first].kind == "text" and _title_like(stripped[first], lang) \
            and not ends_sentence(stripped[first]):
        title = header_start = first  # a long headline with no closing period
    if title is not None:
        _merge_title_down(blocks, stripped, title, lang)
        mark_captions_below(blocks, stripped, title, lang)
        good = [i for i, b in enumerate(blocks) if b.cls == "good" and i != title] or [title]
        first, last = _trim_headline_lists(blocks, stripped, good, good[0], good[-1])
    page.title = title
    begin = header_start if header_start is not None else first
    for k in range(begin, last + 1):
        page.keep[k] = blocks[k].cls != "bad"
    return begin, last


def _drop_inner_menus(page: _Page, begin: int, last: int) -> None:
    """A menu inside the content: a run of short lines among furniture lines ("Share" / "Print" /
    "Related documents" / "Download"): its other short lines are menu items too, except a
    heading right above a paragraph."""
    blocks, keep = page.blocks, page.keep
    k = begin
    while k <= last:
        if blocks[k].cls == "good":
            k += 1
            continue
        j = k
        while j <= last and blocks[j].cls != "good":
            j += 1
        furniture = sum(1 for r in range(k, j) if blocks[r].cls == "bad" and blocks[r].reason not in ("", MERGED, CAPTION))
        if furniture >= 2 and j - k >= 3:
            for r in range(k, j):
                b = blocks[r]
                if not keep[r] or r == page.title or b.kind != "text" or b.words > 6 or ends_sentence(page.stripped[r]):
                    continue
                if r == j - 1 and j <= last:
                    continue  # a heading over the next paragraph
                keep[r] = False
                b.reason = b.reason or "menu"
        k = j


def _keep_closing_tail(page: _Page, last: int) -> None:
    """The closing tail below the last paragraph: signatures, "Done at ...", "<…>"."""
    k = last + 1
    while k < len(page.blocks) and page.blocks[k].cls != "bad" and _is_closing(page.stripped[k], page.lang):
        page.keep[k] = True
        k += 1


def _find_header_end(page: _Page, begin: int, last: int) -> None:
    """The header ends at the first block after the title that is not a date, time or place."""
    k = (page.title + 1) if page.title is not None else begin
    while k <= last and (not page.keep[k] or page.blocks[k].kind in ("date", "time", "place")):
        k += 1
    page.header_end = k - 1


def _keep_without_paragraphs(page: _Page) -> None:
    """No sentence paragraph at all: keep what is not furniture, the first title-like block as title."""
    for k, b in enumerate(page.blocks):
        page.keep[k] = b.cls != "bad"
    page.title = next((k for k in range(len(page.blocks)) if page.keep[k] and _title_like(page.stripped[k], page.lang)), None)


def _keep_all_when_all_noise(page: _Page) -> None:
    """Cleaning never removes every line: when every block would go (a document that is only
    "100%", "$20" or a one-line figure), the text is the content."""
    if not any(page.keep):
        page.keep = [bool(s.strip()) for s in page.stripped]


def _assemble(page: _Page) -> Layout:
    """The layout from the judged page: kept lines, removed lines with their reasons, the title."""
    blocks, lines, nb = page.blocks, page.lines, len(page.blocks)
    content: list[Line] = []
    removed: list[Line] = []
    kept_blocks: list[Block] = []
    first_kept = next((k for k in range(nb) if page.keep[k]), nb)
    for k, b in enumerate(blocks):
        if b.reason == MERGED:
            continue  # its lines are part of the title block
        if page.keep[k]:
            if k != page.title:
                kept_blocks.append(Block(b.start, b.end, b.kind, b.cls, tuple(range(b.first, b.last + 1))))
            content += [ln if ln.cls != "bad" else Line(ln.start, ln.end, ln.text, "short", "")
                        for ln in lines[b.first:b.last + 1] if ln.cls != "blank"]
        else:
            reason = b.reason or _position_reason(blocks, page.stripped, k, first_kept)
            removed += [ln if ln.cls == "bad" and ln.reason else Line(ln.start, ln.end, ln.text, "bad", ln.reason or reason)
                        for ln in lines[b.first:b.last + 1] if ln.cls != "blank"]
    title = None
    if page.title is not None:
        tb = blocks[page.title]
        title = Line(tb.start, tb.end, page.text[tb.start:tb.end], tb.cls, "")
    header_end = blocks[page.header_end].end if 0 <= page.header_end < nb else (title.end if title else 0)
    return Layout(tuple(lines), tuple(content), tuple(removed), title, tuple(kept_blocks), header_end)


def find_layout(text: str, lang: str, furniture: frozenset[bytes] = frozenset()) -> Layout:
    """Judge every line of `text` (the working text, same length as the input) as content or
    boilerplate; `furniture`: the keys of lines its batch repeats (`text.repeats.furniture_key`)."""
    lines, sampled = _judge_lines(text, lang)
    _mark_repeated(lines, lang)
    _mark_batch_furniture(lines, furniture)
    blocks = make_blocks(text, lines, lang, sampled)
    page = _Page(text, lang, lines, blocks, [text[b.start:b.end] for b in blocks], [False] * len(blocks))
    _mark_link_lists(page)
    _mark_place_lines(page)
    good = [i for i, b in enumerate(blocks) if b.cls == "good"]
    if good:
        begin, last = _find_content(page, good)
        _drop_inner_menus(page, begin, last)
        _keep_closing_tail(page, last)
        _find_header_end(page, begin, last)
    else:
        _keep_without_paragraphs(page)
    _keep_all_when_all_noise(page)
    return _assemble(page)
