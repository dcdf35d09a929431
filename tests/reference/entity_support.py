"""Plain twins of the entity support filter's look-ups (`extract/entities/support.py`): every
position of every supporting id walked for each short name, as first written.

The property tests in tests/test_entities_linear.py check that the bisections agree.
"""

from __future__ import annotations

from collections.abc import Iterable

OWNER_REACH = 8


def support_distance(strong: dict[str, list[int]], support: Iterable[str], start: int) -> tuple[int, int] | None:
    positions = [p for sid in support for p in strong.get(sid, [])]
    if not positions:
        return None
    before = [start - p for p in positions if p < start]
    return (0, min(before)) if before else (1, min(p - start for p in positions))


def owned(strong: dict[str, list[int]], support: Iterable[str], owner: int) -> bool:
    """Whether a support is mentioned within `OWNER_REACH` tokens before `owner` (or at it)."""
    return any(p <= owner < p + OWNER_REACH for sid in support for p in strong.get(sid, []))
