"""Plain twins of the section shortcuts in `diplotext.segment`: a heading's test and what follows
it with every word counted, and a block's cuts with every search made."""

from __future__ import annotations

import re

from diplotext.segment import _QUOTE_OPEN, _SENT_END, _WORD
from diplotext.segment.points import _DIVIDER, _SEPARATOR_INLINE, inline_points, point_number
from diplotext.segment.speakers import speaker_turns


def is_heading(piece: str, next_is_text: bool) -> bool:
    words = _WORD.findall(piece)
    if not words or len(words) > 15 or _SENT_END.search(piece) or piece.endswith(","):
        return False
    if piece[:1] in _QUOTE_OPEN or piece[:1].islower() or piece.startswith(("(", "[", "<")):
        return False
    return next_is_text


def next_is_text(units: list, n: int, work: str) -> bool:  # type: ignore[type-arg]
    nxt = units[n + 1] if n + 1 < len(units) else None
    if nxt is None or nxt.kind != "text":
        return False
    head = work[nxt.start:min(nxt.end, nxt.start + 200)]
    return len(_WORD.findall(head)) >= 8 or point_number(head) is not None


def cuts(body: str, start: int, lang: str) -> list[tuple[int, int, str | None]] | None:
    out: list[tuple[int, int, str | None]] = []
    for m in _SEPARATOR_INLINE.finditer(body):
        if m.start() == 0 and m.end() == len(body):
            return None
        out.append((start + m.start(), start + m.end(), _DIVIDER))
    for label_start, speech_start, speaker in speaker_turns(body, lang):
        out.append((start + label_start, start + speech_start, speaker))
    if len(body) > 1000:
        out += [(start + pos, start + pos, None) for pos in inline_points(body)]
    return sorted(out)


# The mark before a point's number as lookbehinds, tried at every character. The chains that
# `inline_points` reads from the matches are the same code whichever pattern finds them.
_INLINE_POINT = re.compile(r"(?:(?<=[.;:!?…»”\"]\s)|(?<=[.;:!?…»”\"]))\s*\b(\d{1,2}|[IVXL]{1,5})[.)]\s+(?=[A-ZА-ЯЁ«“\"])")


__all__ = ["cuts", "is_heading", "next_is_text"]
