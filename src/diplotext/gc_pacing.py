"""The garbage collector paced for a batch: fewer young collections while documents are parsed.

Parsing one document makes and frees many small containers (spans, lists, models); at the
default threshold (700) the collector runs a young collection every few hundred of them, and now
and then a full one that walks every object alive (a built pipeline holds hundreds of
thousands). While diplotext parses, the young threshold is raised to `YOUNG_THRESHOLD` and put
back as it was after: the objects freed by reference counting never reach the collector, and
cyclic garbage waits a little longer (a parse makes none: `tests/test_gc_pacing.py` checks it).
What the block keeps (its statements) then goes straight to the oldest generation: a young
collection would only walk it to find it alive. Processes that diplotext owns (workers, the CLI) also
freeze the heap after building the pipeline (`batch.pool.settle_heap`); a library call does not,
since the heap is the caller's.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG_THRESHOLD = 50_000
"""Allocations of container objects (less those freed) between two young collections while a
batch runs (Python's default: 700)."""


@contextmanager
def paced_collector() -> Iterator[None]:
    """Raise the young collection threshold for the block (never lower it; a threshold of 0,
    the collector turned off that way, is left alone), and put it back after."""
    old = gc.get_threshold()
    if old[0] == 0 or old[0] >= YOUNG_THRESHOLD:
        yield
        return
    ages = _can_age()
    if ages:
        # the caller's young objects judged now, as their next collection would: what the
        # block's end moves to the oldest generation is then only the block's own
        gc.collect(1)
    gc.set_threshold(YOUNG_THRESHOLD, *old[1:])
    try:
        yield
    finally:
        if ages and _can_age():
            _age_survivors()
        gc.set_threshold(*old)


def _can_age() -> bool:
    """The collector is on and nothing is frozen (a process that froze its heap keeps it frozen)."""
    return gc.isenabled() and gc.get_freeze_count() == 0


def _age_survivors() -> None:
    """Move what the block made and still holds (its results, mostly) to the oldest generation
    without a young collection walking it: `gc.freeze` then `gc.unfreeze` splices every
    generation into the oldest one, in constant time."""
    gc.freeze()
    gc.unfreeze()
