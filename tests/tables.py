"""One exact-match harness for every example table (Duckling's corpus checks, in one place).

A positive case passes when what was found and what was expected pair off one to one: nothing
expected is missing, and nothing was found that the case did not expect (an item listed in
``may`` is allowed either way). A negative case is a positive case that expects nothing of the
kinds it names.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

G = TypeVar("G")
W = TypeVar("W")


def pair_off(got: Sequence[G], want: Iterable[W], matches: Callable[[G, W], bool]) -> tuple[list[W], list[G]]:
    """Pair each wanted item with the first unpaired found item it matches.

    Returns ``(missing, extra)``: the wanted items that found no partner and the found items
    left over.
    """
    free = list(got)
    missing = []
    for w in want:
        for i, g in enumerate(free):
            if matches(g, w):
                del free[i]
                break
        else:
            missing.append(w)
    return missing, free


def assert_exact(
    got: Sequence[G],
    want: Iterable[W],
    matches: Callable[[G, W], bool],
    *,
    may: Iterable[W] = (),
    show: Callable[[G], Any] = lambda g: g,
) -> None:
    """Fail unless ``got`` and ``want`` pair off exactly (``may`` items optional)."""
    missing, extra = pair_off(got, want, matches)
    _, extra = pair_off(extra, may, matches)
    assert not missing and not extra, (
        f"missing {missing}; unexpected {[show(g) for g in extra]}; got {[show(g) for g in got]}"
    )
