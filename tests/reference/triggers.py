"""Plain twin of the trigger matcher's phrase language: the matches of a phrase's parts read one
part at a time, each optional part tried left out and taken (`extract.trigger_lexicon` matches
the phrase's readings instead; tests/test_triggers.py checks that both find the same)."""

from __future__ import annotations

from collections.abc import Iterable

Part = tuple[frozenset[str] | None, bool]


def match_ends(parts: list[Part], k: int, words: list[str], pos: int, limit: int) -> Iterable[int]:
    """End positions of the matches of parts[k:] starting at `pos` (all of them, as spaCy's Matcher)."""
    if k == len(parts):
        yield pos
        return
    allowed, optional = parts[k]
    if optional:
        yield from match_ends(parts, k + 1, words, pos, limit)
    if pos < limit and (allowed is None or words[pos] in allowed):
        yield from match_ends(parts, k + 1, words, pos + 1, limit)
