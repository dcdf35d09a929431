"""The text a statement's offsets index, for pages drawn from converted JSON.

The JSON of `convert` keeps the pieces it read (every mention, date, figure, trigger and
evidence sentence with its exact characters and offsets) and each section's cleaned text, but
not the whole input. The original is used when it can be found (under the folder that was
converted, with the same SHA-256); otherwise the text is rebuilt: every exact piece at its
offsets, and between them the sections' cleaned text, so that every highlight still covers
exactly what it was read from.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import DiplotextError
from ..models import Span, Statement
from .align import fold

REBUILT = ("The original text was not found (give the converted folder with --texts): the text between the "
           "values is rebuilt from the sections' cleaned text.")


def _exact_spans(st: Statement) -> Iterator[Span]:
    """Every piece of the statement that carries its input characters exactly."""
    if st.title_span is not None:
        yield st.title_span
    yield from st.removed
    for e in st.entities:
        yield from e.mentions
    yield from st.dates
    yield from st.figures
    for rel in (*st.events, *st.stances):
        yield rel.evidence
        if rel.trigger is not None:
            yield rel.trigger


def _runs(covered: list[bool], start: int, end: int) -> list[tuple[int, int]]:
    runs, i = [], start
    while i < end:
        if covered[i]:
            j = i
            while j < end and covered[j]:
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def _fill_section(buf: list[str], covered: list[bool], start: int, end: int, text: str) -> None:
    """Write a section's cleaned text into the gaps between the exact pieces inside it."""
    if len(text) == end - start:
        for k, ch in enumerate(text):
            if not covered[start + k]:
                buf[start + k] = ch
        return
    cursor, at = 0, start
    for r0, r1 in [*_runs(covered, start, end), (end, end)]:
        piece = fold("".join(buf[r0:r1]))
        found = text.find(piece, cursor) if piece else len(text)
        if found < 0:
            continue
        gap = text[cursor:found].strip()
        lead = 0 if at == start else 1  # a space after the piece before, and one before the next
        room = r0 - at - lead - (1 if r1 > r0 else 0)
        if gap and room > 0:
            fits = gap[:room]
            buf[at + lead: at + lead + len(fits)] = fits
        cursor, at = found + len(piece), r1


def rebuild_text(st: Statement) -> str:
    """A text of the statement's length in which every exact piece stands at its offsets."""
    size = st.source.chars
    buf = [" "] * size
    covered = [False] * size
    for sp in _exact_spans(st):
        if sp.end <= size and len(sp.text) == sp.end - sp.start:
            buf[sp.start:sp.end] = sp.text
            covered[sp.start:sp.end] = [True] * (sp.end - sp.start)
    for sec in st.sections:
        if sec.end <= size:
            _fill_section(buf, covered, sec.start, sec.end, sec.text)
    return "".join(buf)


def original_text(st: Statement, roots: list[Path]) -> str | None:
    """The input the statement was made from, when found under one of `roots` unchanged."""
    from ..pipeline import read_path

    if not st.source.path:
        return None
    for root in roots:
        path = root / st.source.path
        if not path.is_file():
            continue
        try:
            text, _, digest = read_path(path, max_bytes=None)
        except (DiplotextError, OSError):
            continue
        if digest != st.source.sha256:
            continue
        if st.source.offsets == "html_text":
            from ..text.html import html_to_text

            return html_to_text(text)
        return text
    return None


def statement_text(st: Statement, roots: list[Path]) -> tuple[str, str | None]:
    """(the text to draw the statement on, a note when it was rebuilt)."""
    text = original_text(st, roots)
    if text is not None and len(text) == st.source.chars:
        return text, None
    return rebuild_text(st), REBUILT
