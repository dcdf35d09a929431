"""`parse_many(items, workers=N)`: a stream of texts and paths parsed in worker processes, in order.

The stream is read lazily, a chunk of inputs at a time (`scheduling.stream_chunks`), so a
generator of a million paths runs in flat memory; files are read and decoded in the workers.
Each input gives its `Statement` or, in its place, the exception it raised.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path
from typing import Any

from ..pipeline import parse_stream, prepare, read_path
from .pool import Work, run_parallel, worker_context
from .results import WorkerCrashedError
from .scheduling import file_size, stream_chunks


@dataclass(frozen=True)
class ParseOptions:
    """What every worker needs to parse an input as `parse_many` would."""

    date: str | Date | None = None
    lang: str | None = None
    gazetteer: str | None = None
    max_bytes: int | None = None


def _prepared(item: str | os.PathLike[str], options: ParseOptions) -> Any:
    try:
        if isinstance(item, os.PathLike):
            text, encoding, digest = read_path(Path(item), max_bytes=options.max_bytes)
            return prepare(text, lang=options.lang, path=str(item), encoding=encoding, sha256=digest,
                           max_chars=options.max_bytes, whole_work=False)
        return prepare(item, lang=options.lang, max_chars=options.max_bytes, whole_work=False)
    except Exception as exc:  # noqa: BLE001 - given back in the input's place
        return exc


def parse_items(items: Iterable[str | os.PathLike[str]], options: ParseOptions) -> Iterator[Any]:
    """Each input's `Statement`, or the exception it raised, in order (in this process)."""
    gazetteer = Path(options.gazetteer) if options.gazetteer else None
    yield from parse_stream((_prepared(item, options) for item in items), date=options.date, gazetteer=gazetteer)


def _parse_chunk(items: list[str | os.PathLike[str]]) -> list[Any]:
    return list(parse_items(items, worker_context()))


def _crashed(item: str | os.PathLike[str], exc: BaseException) -> WorkerCrashedError:
    shown = str(item) if isinstance(item, os.PathLike) else f"a text of {len(item):,} characters"
    return WorkerCrashedError(f"{shown}: the worker process died while parsing this input ({exc})")


def _size(item: Any) -> int:
    return file_size(os.fspath(item)) if isinstance(item, os.PathLike) else len(item) if isinstance(item, str) else 0


def parse_in_workers(items: Iterable[str | os.PathLike[str]], options: ParseOptions, workers: int) -> Iterator[Any]:
    """`parse_items` in `workers` processes: the same results, in the same order."""
    langs = (options.lang,) if options.lang else ("en",)
    work = Work(_parse_chunk, _crashed, lambda chunk: parse_items(chunk, options), options, langs, options.gazetteer)
    yield from run_parallel(stream_chunks(items, _size), work, workers)
