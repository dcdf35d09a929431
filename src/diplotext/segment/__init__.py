"""Document structure: the sections of the content, in reading order, with their topics.

The content blocks come from `text.clean.find_layout` (hard-wrapped lines already joined into
paragraphs). Each block becomes a section of one of these kinds:

* ``dateline``: the header's date, time and place lines ("December 19, 2012", "20:00", "The
  Kremlin, Moscow"), and a news dateline opening the first paragraph ("MINSK, 6 December (BelTA) –");
* ``lead``: the first paragraph of a news report or press release;
* ``heading``: a short title-like line inside the body ("I. General provisions", an all-caps
  line); the sections below it carry it in ``heading``;
* ``point``: a numbered point ("1.", "2)", "IV.", "Article 1", "Статья 1"; a number alone on its
  line is joined with the paragraph below it);
* ``quote``: a quoted statement (a paragraph that opens with a quotation mark) or a speaker's
  turn in a transcript ("President of Russia Vladimir Putin: ..."), with ``speaker`` set;
* ``paragraph``: everything else.

A very long line (pages saved with every paragraph run together) is split only where the text
itself shows a boundary (`points`): at a speaker's turn (`speakers`), at a "* * *" divider, or
before a run of numbered points. Topics are scored from a lexicon kept as data (`topics`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import partial
from itertools import islice
from typing import NamedTuple

from ..models import Section
from ..text.clean import Block, Layout, Line, mentions_date
from .datelines import is_news_dateline, split_news_dateline
from .points import POINT_WORDS, pieces, point_number
from .speakers import speaker_turns
from .topics import score_topics

__all__ = ["find_sections", "is_news_dateline", "score_topics", "speaker_turns"]

_QUOTE_OPEN = "“\"«„‘'"
_SENT_END = re.compile(r"[.!?…;:]['\"”»’)\]]*$")
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
_HEADER_KINDS = ("date", "time", "place")


class _Unit(NamedTuple):
    """A piece of a content block: its span, the block's kind, and the speaker of its turn (a
    tuple: a text of short lines makes one per line, and a frozen dataclass costs twice as much)."""

    start: int
    end: int
    kind: str
    speaker: str | None = None


def _units(layout: Layout, work: str, lang: str) -> list[_Unit]:
    """The content blocks cut into pieces. A speaker's turn goes on over the paragraphs below
    its label, up to the next label, a dateline or a divider ("* * *", "<…>"); a heading inside a
    turn does not end it (a short line with no full stop is as often a spoken "Thank you")."""
    units: list[_Unit] = []
    current: str | None = None
    for block in layout.blocks:
        if block.kind in _HEADER_KINDS:
            units.append(_Unit(block.start, block.end, block.kind))
            current = None
        elif block.kind == "separator":
            current = None
        else:
            for s, e, speaker in pieces(work, block, lang):
                if speaker is None:
                    speaker = current  # a piece without a label goes on the current turn
                units.append(_Unit(s, e, "text", speaker))
                current = speaker
    return units


def _heading_shaped(piece: str) -> bool:
    """Is `piece` shaped like a heading: a few words (at most 15), no closing punctuation, not
    opening with a quote, a bracket or a lower-case letter? Its words are counted up to the 16th
    only: a paragraph has hundreds."""
    if _SENT_END.search(piece) or piece.endswith(",") or piece[:1] in _QUOTE_OPEN or piece[:1].islower() \
            or piece.startswith(("(", "[", "<")):
        return False
    if len(piece) <= 30:  # 16 words take 31 characters at least (a mark between each two)
        return _WORD.search(piece) is not None
    return 1 <= _count_words(piece, 16) <= 15


def _count_words(text: str, most: int) -> int:
    """The number of words of `text`, or `most` when it has that many or more: a long text's words
    are read up to the `most`-th only, a short one's all at once (cheaper than stopping early)."""
    if len(text) < 8 * most:
        return min(len(_WORD.findall(text)), most)
    return len(list(islice(_WORD.finditer(text), most)))


def _is_heading(piece: str, next_is_text: Callable[[], bool]) -> bool:
    """A short title-like line followed by running text (not a signature line in a closing
    block); what follows is looked at only for a piece shaped like a heading."""
    return _heading_shaped(piece) and next_is_text()


def _all_caps(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def _next_is_text(units: Sequence[_Unit], n: int, work: str) -> bool:
    """Does running text follow unit `n` (a sentence paragraph or a point), as under a heading?"""
    nxt = units[n + 1] if n + 1 < len(units) else None
    if nxt is None or nxt.kind != "text":
        return False
    head = work[nxt.start:min(nxt.end, nxt.start + 200)]
    # 8 words take 15 characters at least (a mark between each two)
    return (len(head) >= 15 and _count_words(head, 8) >= 8) or point_number(head) is not None


def _text_kind(raw: str, next_is_text: Callable[[], bool], seen_paragraph: bool, lead: bool) -> tuple[str, str | None]:
    """The kind of a text unit without a speaker, and its point number; `next_is_text` says
    whether running text follows it (asked only of a unit that could be a heading)."""
    m = point_number(raw)
    if m and (m.end() < len(raw) or raw.strip().casefold().startswith(POINT_WORDS)):
        rest = raw[m.end():]
        kind = "heading" if _is_heading(raw, next_is_text) and not _SENT_END.search(rest) else "point"
        return kind, m.group(1).strip()
    if _heading_shaped(raw) and (seen_paragraph or _all_caps(raw)) and next_is_text():
        return "heading", None
    if not seen_paragraph and len(_WORD.findall(raw[:200])) <= 8 and mentions_date(raw) and not _SENT_END.search(raw):
        return "dateline", None  # "Minsk, 25 June 2012" under the title
    if raw[:1] in _QUOTE_OPEN:
        return "quote", None
    return ("lead" if lead and not seen_paragraph else "paragraph"), None


def _as_layout(layout: Layout | Sequence[Line], title: Line | None) -> Layout:
    """A plain sequence of content lines (the first-cut API) as a layout of one block per line."""
    if isinstance(layout, Layout):
        return layout
    blocks = tuple(Block(ln.start, ln.end, "text", ln.cls) for ln in layout if ln.text.strip()
                   and not (title is not None and ln.start == title.start))
    return Layout((), tuple(layout), (), title, blocks, 0)


def find_sections(
    text: str,
    layout: Layout | Sequence[Line],
    title: Line | None = None,
    *,
    lang: str = "en",
    work: str | None = None,
    lead: bool = True,
) -> list[Section]:
    """The sections of the content, in reading order (the title is not a section).

    `text` is the input (section texts are sliced from it), `work` the working text that
    `layout` was found on (same length; defaults to `text`); `lead` marks the first paragraph as
    the lead (for news reports and press releases, not for the documents themselves).
    """
    work = text if work is None else work
    units = _units(_as_layout(layout, title), work, lang)
    sections: list[Section] = []
    heading: str | None = None
    seen_paragraph = False
    for n, unit in enumerate(units):
        start, end, number = unit.start, unit.end, None
        if unit.kind in _HEADER_KINDS:
            kind = "dateline"
        elif unit.speaker is not None:
            kind = "quote"
        else:
            kind, number = _text_kind(work[start:end], partial(_next_is_text, units, n, work), seen_paragraph, lead)
        if kind == "lead" and (dateline := split_news_dateline(work[start:end])) is not None:
            sections.append(_section(len(sections), "dateline", None, None, start, start + dateline[0], text, lang))
            start += dateline[1]
        section = _section(len(sections), kind, heading, number, start, end, text, lang, unit.speaker)
        sections.append(section)
        if kind == "heading":
            heading = section.text
        elif kind in ("paragraph", "lead", "point", "quote"):
            seen_paragraph = True
    return sections


def _section(
    index: int, kind: str, heading: str | None, number: str | None, start: int, end: int, text: str, lang: str,
    speaker: str | None = None,
) -> Section:
    body = " ".join(text[start:end].split())
    topics = [t for t, _ in score_topics(body, lang)] if kind != "dateline" else []
    return Section(index=index, kind=kind, heading=heading, number=number, start=start, end=end, text=body,  # type: ignore[arg-type]
                   topics=topics, speaker=speaker)
