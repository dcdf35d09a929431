"""Plain twins of the workers' scheduling: what the chunks and the ordered results must agree with.

The property tests in tests/test_scheduling.py check that `diplotext.batch.scheduling` does.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def plain_chunks(n: int, size: int) -> list[list[int]]:
    """Inputs in their order, `size` to a chunk: the chunks as first built (no sizes looked at)."""
    return [list(range(i, min(n, i + size))) for i in range(0, n, size)]


def in_order(arrivals: Iterable[tuple[int, Any]]) -> list[Any]:
    """Results that arrived in any order, sorted by their index: what `Ordered` gives back."""
    return [result for _, result in sorted(arrivals, key=lambda p: p[0])]
