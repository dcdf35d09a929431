"""How a batch's inputs are cut into chunks for the workers, and how their results come back in order.

Two cores stay busy on a corpus of uneven documents when no chunk is much longer than another
and the longest documents do not come last: a chunk holds inputs in their order up to a
number of bytes (a share of the whole batch, so that there are many more chunks than workers),
and the few largest inputs, each over that share, go first, one per chunk. Chunks finish in any
order; `Ordered` gives their results back in the inputs' order as soon as it can.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")

CHUNKS_PER_WORKER = 24
"""The batch is cut into about this many chunks per worker (fewer when it has fewer inputs)."""
MIN_CHUNK_BYTES, MAX_CHUNK_BYTES = 16_384, 512_000
MAX_CHUNK_INPUTS = 32
LARGEST_FIRST_PER_WORKER = 4
"""At most this many of the largest inputs per worker are taken out of order, first."""


def file_size(path: str) -> int:
    """The size of the file at `path` in bytes (0 when it cannot be read: its error comes later)."""
    try:
        return os.stat(path).st_size
    except (OSError, ValueError):
        return 0


def chunk_bytes(total: int, workers: int) -> int:
    """The bytes of input a chunk holds, for a batch of `total` bytes on `workers` workers."""
    return max(MIN_CHUNK_BYTES, min(MAX_CHUNK_BYTES, total // max(1, workers * CHUNKS_PER_WORKER)))


def plan_chunks(sizes: Sequence[int], workers: int) -> list[list[int]]:
    """The indices of the inputs of sizes `sizes`, cut into chunks in the order they are run.

    First the largest inputs over a chunk's share (at most `LARGEST_FIRST_PER_WORKER` per
    worker), largest first, one per chunk; then the others in their order, a chunk ending when
    it reaches its share of bytes or of inputs (at most `MAX_CHUNK_INPUTS`)."""
    limit = chunk_bytes(sum(sizes), workers)
    most = max(1, min(MAX_CHUNK_INPUTS, -(-len(sizes) // (workers * CHUNKS_PER_WORKER))))
    big = sorted((i for i, n in enumerate(sizes) if n > limit), key=lambda i: (-sizes[i], i))
    first = big[: workers * LARGEST_FIRST_PER_WORKER]
    chunks: list[list[int]] = [[i] for i in first]
    taken = set(first)
    chunk: list[int] = []
    held = 0
    for i, n in enumerate(sizes):
        if i in taken:
            continue
        chunk.append(i)
        held += n
        if held >= limit or len(chunk) >= most:
            chunks.append(chunk)
            chunk, held = [], 0
    if chunk:
        chunks.append(chunk)
    return chunks


def stream_chunks(items: Iterable[T], size_of, limit: int = MIN_CHUNK_BYTES * 4,  # type: ignore[no-untyped-def]
                  most: int = MAX_CHUNK_INPUTS // 2) -> Iterator[list[tuple[int, T]]]:
    """Numbered items of a stream of unknown length, in chunks of about `limit` bytes (`size_of`
    each item) and at most `most` items, in their order: read lazily, one chunk at a time."""
    chunk: list[tuple[int, T]] = []
    held = 0
    for n, item in enumerate(items):
        chunk.append((n, item))
        held += size_of(item)
        if held >= limit or len(chunk) >= most:
            yield chunk
            chunk, held = [], 0
    if chunk:
        yield chunk


class Ordered(Generic[T]):
    """Results that arrive in any order, given back in the order of their indices (0, 1, 2, ...)."""

    def __init__(self) -> None:
        self.next = 0
        self.held: dict[int, T] = {}

    def add(self, index: int, result: T) -> None:
        self.held[index] = result

    def ready(self) -> Iterator[T]:
        """The results from the next index on, as far as they have all arrived."""
        while self.next in self.held:
            yield self.held.pop(self.next)
            self.next += 1


LANGUAGE_SAMPLE_FILES, LANGUAGE_SAMPLE_BYTES = 16, 4096


def sample_languages(paths: Sequence[str]) -> tuple[str, ...]:
    """The languages whose pipelines a batch of `paths` will need, guessed from the first bytes
    of a few files spread over it (English always): built once before the workers start."""
    from ..lang import detect_language

    found = {"en"}
    step = max(1, len(paths) // LANGUAGE_SAMPLE_FILES)
    for path in paths[::step][:LANGUAGE_SAMPLE_FILES]:
        try:
            with open(path, "rb") as fh:
                head = fh.read(LANGUAGE_SAMPLE_BYTES)
        except OSError:
            continue
        found.add(detect_language(head.decode("utf-8", "replace")))
    return tuple(sorted(found))
