"""Numbered points and the pieces a block is cut into where the text shows a boundary.

A very long line (pages saved with every paragraph run together) is cut only at a speaker's
turn, at a "* * *" divider, or before a run of numbered points ("... as follows: 1. The
Parties ... 2. The Parties ... 3. ...").
"""

from __future__ import annotations

import re

from ..resources import load_json
from ..text.clean import Block
from .speakers import speaker_turns

_LANGS = ("en", "ru")
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def _point_words() -> list[str]:
    """Words that open a numbered point ("Article", "Статья"), of every language."""
    return [w for lang in _LANGS for w in load_json(f"{lang}/layout.json")["point_words"]]


POINT_WORDS = tuple(_point_words())
POINT = re.compile(
    rf"^\s*((?:{'|'.join(w.capitalize() for w in POINT_WORDS)})\s+[\dIVXLC]{{1,6}}(?:\.\d+)?|"
    r"\d{1,3}(?:\.\d{1,3}){0,3}(?=[.)]\s)|\(\d{1,3}\)|[IVXLC]{1,6}(?=[.)]\s)|[a-zа-я](?=\)\s))[.)]?\s*",
)
"""The number that opens a point; group 1 is the number ("1", "IV", "Article 3")."""
_SEPARATOR_INLINE = re.compile(r"(?:\*\s*){3,}")
_INLINE_POINT = re.compile(r"[.;:!?…»”\"]\s*\b(\d{1,2}|[IVXL]{1,5})[.)]\s+(?=[A-ZА-ЯЁ«“\"])")
"""A point's number after the end of a sentence or clause (group 1). The pattern opens with that
mark, so that the regex engine skips straight to the few places where one stands."""


def _roman(n: int) -> str:
    """The Roman numeral of 1 <= n < 40."""
    out = ""
    for value, numeral in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, n = divmod(n, value)
        out += numeral * count
    return out


_ROMAN = {_roman(n): n for n in range(1, 21)}
"""The Roman numbers a run of points counts with, I to XX."""
_DIVIDER = "\x00"
"""The speaker of a cut that is a divider: the divider itself is dropped."""


def point_number(raw: str) -> re.Match[str] | None:
    """The number that opens a numbered point ("1.", "IV.", "Article 3"), if any."""
    m = POINT.match(raw)
    if m and len(m.group(1)) == 1 and m.group(1) in "IVXLC" and len(_WORD.findall(raw[m.end():])) < 2:
        return None  # "V. PUTIN": an initial, not a point
    return m


def _chain_cuts(found: list[tuple[int, int]]) -> list[int]:
    """The positions of the runs of at least three numbers going up one by one from 1."""
    cuts: list[int] = []
    run: list[int] = []
    expected = None
    for value, pos in found:
        if expected is not None and value == expected:
            run.append(pos)
            expected += 1
        elif value == 1:
            if len(run) >= 3:
                cuts.extend(run)
            run, expected = [pos], 2
    if len(run) >= 3:
        cuts.extend(run)
    return cuts


def inline_points(body: str) -> list[int]:
    """Where numbered points start inside one long line. Only a run of at least three numbers
    that go up one by one counts (a lone "2." after a sentence is no structure)."""
    chains: dict[str, list[tuple[int, int]]] = {"arabic": [], "roman": []}
    for m in _INLINE_POINT.finditer(body):
        tok = m.group(1)
        kind, value = ("arabic", int(tok)) if tok.isdigit() else ("roman", _ROMAN.get(tok, 0))
        if value:
            chains[kind].append((value, m.start(1)))
    return sorted(pos for found in chains.values() for pos in _chain_cuts(found))


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _cuts(body: str, start: int, lang: str) -> list[tuple[int, int, str | None]] | None:
    """(piece start, speech start, speaker) of every boundary in `body`, which starts at
    `start`; None when the body is a divider and nothing else."""
    cuts: list[tuple[int, int, str | None]] = []
    # a divider holds asterisks and a turn a colon: without them the searches are skipped (the
    # divider's, a repeated group, is tried at every position of a paragraph)
    if "*" in body:
        for m in _SEPARATOR_INLINE.finditer(body):
            if m.start() == 0 and m.end() == len(body):
                return None
            cuts.append((start + m.start(), start + m.end(), _DIVIDER))
    if ":" in body:
        for label_start, speech_start, speaker in speaker_turns(body, lang):
            cuts.append((start + label_start, start + speech_start, speaker))
    if len(body) > 1000:
        cuts += [(start + pos, start + pos, None) for pos in inline_points(body)]
    return sorted(cuts)


def pieces(work: str, block: Block, lang: str) -> list[tuple[int, int, str | None]]:
    """A block cut where the text shows a boundary: speaker turns, '* * *' dividers, runs of points.

    Returns (start, end, speaker) pieces; speaker is None for a piece that is not a turn.
    """
    start, end = block.start, block.end
    cuts = _cuts(work[start:end], start, lang)
    if cuts is None:
        return []
    if not cuts:
        return [(start, end, None)]
    out: list[tuple[int, int, str | None]] = []
    pos, cur_speaker = start, None
    for cut_start, cut_end, speaker in cuts:
        if cut_start < pos:
            continue
        s, e = _strip_span(work, pos, cut_start)
        if e > s:
            out.append((s, e, cur_speaker))
        if speaker == _DIVIDER:
            pos, cur_speaker = cut_end, None
        elif speaker is None:
            pos = cut_start  # a numbered point inside a turn stays that speaker's
        else:
            pos, cur_speaker = cut_start, speaker
    s, e = _strip_span(work, pos, end)
    if e > s:
        out.append((s, e, cur_speaker))
    return out
