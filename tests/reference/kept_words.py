"""Plain twin of `diplotext.kept_words.merged`: numpy's own set operations, which sort everything
remembered again at the end of every zone."""

from __future__ import annotations

import numpy


def merged(before: numpy.ndarray, now: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Of two sorted arrays of distinct hashes: those of `now` that `before` holds, and the union."""
    return numpy.intersect1d(now, before, assume_unique=True), numpy.union1d(before, now)
