"""One Doc's readings on their way through the resolver's filters."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

if TYPE_CHECKING:
    from .matcher import EntityMatcher, Scan


@dataclass
class Resolution:
    """What a filter reads and changes: every candidate reading (overlaps allowed) and the
    readings chosen so far. `foreign` holds known names inside a longer name of another state's
    body, which are no mention of theirs ('Presidential Executive Office' in '... of the Kyrgyz
    Republic')."""

    doc: Doc
    text: str
    scan: Scan
    candidates: list[Span]
    chosen: list[Span]
    foreign: set[tuple[int, int]] = field(default_factory=set)


SpansFilter = Callable[["EntityMatcher", Resolution], list[Span]]
"""A step of the resolver, in the manner of spaCy's `spans_filter`: the readings it keeps."""
