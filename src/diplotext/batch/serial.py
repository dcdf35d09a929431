"""Converting tasks in this process, streaming through spaCy's ``nlp.pipe``."""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .. import __about__
from ..pipeline import Prepared, parse_stream, prepare
from ..text.decode import decode_bytes
from ..text.files import read_bytes
from .existing import output_fingerprint
from .furniture import folder_of
from .planning import Settings, Task
from .results import FileResult, failure
from .streamed import convert_long, is_long
from .writing import output_error, statement_json, write_atomic

_WORD_CHUNK = 1 << 18
"""Characters of a text split at a time when its words are counted."""


@dataclass(frozen=True)
class _Long:
    """A long input to be written as JSON: passed through `parse_stream` unparsed, then parsed
    piece by piece with its output written as it goes (`streamed.convert_long`)."""

    prep: Prepared


def count_words(text: str) -> int:
    """`len(text.split())`, without the list of every word (a 20 MB text's would be 200 MB):
    the words of each chunk, less one where a word runs across the end of a chunk."""
    words = 0
    for at in range(0, len(text), _WORD_CHUNK):
        words += len(text[at:at + _WORD_CHUNK].split())
        if at and not text[at - 1].isspace() and not text[at].isspace():
            words -= 1
    return words


def _prepare_task(task: Task, settings: Settings) -> tuple[Prepared | FileResult | Exception, int]:
    """(what the parser gets for `task`, its words): a prepared input, a `skipped` result for an
    input whose output is current (passed through the parser unchanged), or the exception that
    reading or decoding it raised."""
    try:
        data = read_bytes(Path(task.path), max_bytes=settings.max_bytes)
        digest = hashlib.sha256(data).hexdigest()
        known = None
        if not settings.force:
            known = task.known if settings.fmt == "jsonl" else output_fingerprint(Path(task.target or ""))
        if known == (digest, __about__.__version__):
            return FileResult(task.rel, "skipped"), 0
        decoded = decode_bytes(data, max_bytes=settings.max_bytes)
        del data
        # `max_bytes` bytes decode to at most as many characters: the one limit governs both
        prep = prepare(decoded.text, lang=settings.lang, path=task.rel, encoding=decoded.encoding, sha256=digest,
                       max_chars=settings.max_bytes, whole_work=False)
        if settings.repeated:
            prep = replace(prep, furniture=settings.repeated.get(folder_of(task.rel), frozenset()))
        return prep, count_words(decoded.text)
    except Exception as exc:  # noqa: BLE001 - recorded for this file
        return exc, 0


def _finish(task: Task, words: int, result: Any, settings: Settings) -> FileResult:
    """The result of one parsed task: its JSON written (or its JSONL line kept), or its failure."""
    if isinstance(result, FileResult):
        return result
    if isinstance(result, Exception):
        return failure(task.rel, result)
    try:
        if isinstance(result, _Long):
            gazetteer = Path(settings.gazetteer) if settings.gazetteer else None
            convert_long(result.prep, Path(task.target or ""), date=settings.date, gazetteer=gazetteer)
            return FileResult(task.rel, "converted", words)
        if settings.fmt == "jsonl":
            return FileResult(task.rel, "converted", words, line=result.model_dump_json())
        target = Path(task.target or "")
        try:
            write_atomic(target, statement_json(result))
        except OSError as exc:  # the disk is full, a folder is read-only, the name too long
            raise output_error(target, exc) from None
    except Exception as exc:  # noqa: BLE001 - recorded for this file
        return failure(task.rel, exc)
    return FileResult(task.rel, "converted", words)


def run_tasks(tasks: Iterable[Task], settings: Settings) -> Iterator[FileResult]:
    """Convert tasks in this process, streaming through `nlp.pipe`; one result per task, in order.

    JSON outputs are written here (atomically); JSONL lines are returned in the results.
    """
    gazetteer = Path(settings.gazetteer) if settings.gazetteer else None
    pending: deque[tuple[Task, int]] = deque()  # every task handed to the parser: (task, words)

    def prepared() -> Iterator[Any]:
        for task in tasks:
            item, words = _prepare_task(task, settings)
            pending.append((task, words))
            yield _Long(item) if settings.fmt == "json" and is_long(item) else item

    for result in parse_stream(prepared(), date=settings.date, gazetteer=gazetteer):
        task, words = pending.popleft()
        yield _finish(task, words, result, settings)
