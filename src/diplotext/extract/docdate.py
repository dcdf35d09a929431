"""The document's own date: a header date line, a dateline, or "Issued on ..."; the caller's wins.

First cut: the first date mention that stands on a line of its own, or at the head of a
dateline ("MINSK, 6 December 2024 (BelTA) -"), within the top of the content.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..models import DateMention, DocumentDate
from ..text.clean import Line


def find_document_date(dates: Sequence[DateMention], content: Sequence[Line], head_lines: int = 8) -> DocumentDate | None:
    """The date the text gives for itself, with its provenance, or None."""
    head = content[:head_lines]
    for d in dates:
        if d.value is None or d.granularity != "day":
            continue
        for line in head:
            if line.start <= d.start < line.end:
                rest = (line.text[: d.start - line.start] + line.text[d.end - line.start:]).strip(" ,.-–—")
                if len(rest.split()) <= 3:
                    return DocumentDate(value=d.value, granularity=d.granularity, source="header", text=d.text, start=d.start, end=d.end)
    return None
