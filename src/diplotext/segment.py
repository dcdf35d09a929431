"""Document structure: the title and the sections, in reading order.

First cut: every content line below the title is a paragraph section; lines that open with a
number ("1.", "IV.") are numbered points.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .models import Section
from .text.clean import Line

_POINT = re.compile(r"^\s*((?:\d{1,3}|[IVXLC]{1,6})[.)])\s+")
_SPACES = re.compile(r"\s+")


def find_sections(text: str, content: Sequence[Line], title: Line | None) -> list[Section]:
    """Sections of the content lines, except the title, with folded whitespace."""
    sections: list[Section] = []
    for line in content:
        if title is not None and line.start == title.start:
            continue
        stripped = line.text.strip()
        if not stripped:
            continue
        start = line.start + (len(line.text) - len(line.text.lstrip()))
        end = start + len(stripped)
        m = _POINT.match(stripped)
        sections.append(
            Section(
                index=len(sections),
                kind="point" if m else "paragraph",
                number=m.group(1).rstrip(".)") if m else None,
                start=start,
                end=end,
                text=_SPACES.sub(" ", text[start:end]),
            )
        )
    return sections
