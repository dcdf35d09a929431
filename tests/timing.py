"""Time ratios for the linearity tests: no wall-clock limit, only how the cost grows with the input.

Each input is run `rounds` times, the inputs in turn (a slow spell of a busy machine then falls
on both sizes, not on one), and the least CPU time of each is kept: other processes only ever
slow a run down, and CPU time leaves out the time spent waiting for the processor.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")


def least_cpu_seconds(run: Callable[[T], object], inputs: Sequence[T], rounds: int = 5) -> list[float]:
    """The least CPU seconds of `run` on each of `inputs` over `rounds` interleaved rounds."""
    best = [float("inf")] * len(inputs)
    for _ in range(rounds):
        for k, item in enumerate(inputs):
            start = time.process_time()
            run(item)
            best[k] = min(best[k], time.process_time() - start)
    return best
