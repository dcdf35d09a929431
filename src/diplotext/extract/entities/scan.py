"""What the matchers found in one Doc, the input of every recognizer and filter."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..gazetteer import GazetteerEntry


@dataclass
class Scan:
    """What the matchers found in one Doc, in one pass each."""

    names: list[tuple[str, GazetteerEntry, int, int]]
    titles: list[tuple[str, int, int]]
    given: list[int]
    heads: list[int]
    acronym_defs: list[tuple[int, int]]
    initials: list[tuple[int, int]]
    quoted: list[tuple[int, int]]
    bodies: list[tuple[str, int, int]] = field(default_factory=list)
    """(state body key, start, end): 'МИД', 'Foreign Ministry'."""
    text: str = ""
