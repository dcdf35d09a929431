"""The same conversion mapped over a Dask bag, written as JSONL partitions: for a corpus larger
than one machine. Dask is imported only when these functions are called."""

from __future__ import annotations

import os
import time
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..text.decode import DEFAULT_MAX_BYTES
from .planning import Settings, Task, check_pattern, display_path, find_inputs
from .results import BatchReport, FileResult
from .serial import run_tasks
from .writing import write_errors

if TYPE_CHECKING:  # pragma: no cover
    import dask.bag


def _bag_partition(items: Iterable[tuple[str, str]], settings: Settings) -> list[dict[str, Any]]:
    """A Dask partition: (path, shown path) pairs to result records (`statement` and `words`, or `error`)."""
    tasks = [Task(path, rel, None) for path, rel in items]
    jsonl = replace(settings, fmt="jsonl", force=True)
    out: list[dict[str, Any]] = []
    for r in run_tasks(tasks, jsonl):
        if r.status == "converted":
            out.append({"file": r.file, "statement": r.line or "", "words": r.words})
        else:
            out.append({"file": r.file, "error": r.error or "", "message": r.message or ""})
    return out


def dask_bag(
    paths: Iterable[str | os.PathLike[str]],
    *,
    root: str | os.PathLike[str] | None = None,
    npartitions: int | None = None,
    lang: str | None = None,
    date: str | None = None,
    gazetteer: str | os.PathLike[str] | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> dask.bag.Bag:
    """A Dask bag of one record per input file, parsed by diplotext on the workers.

    A record is ``{"file", "statement", "words"}`` (the statement as one line of JSON, and the
    input's word count) or ``{"file", "error", "message"}``. `root` makes ``file`` (and ``source.path``) relative to it. Each
    partition streams through ``nlp.pipe`` in its worker, which builds the pipeline once.
    """
    import dask.bag as db

    base = Path(root) if root is not None else None
    items = []
    for p in paths:
        path = Path(p)
        rel = path.relative_to(base) if base is not None else path
        items.append((str(path), display_path(rel)))
    settings = Settings(fmt="jsonl", lang=lang, date=date, gazetteer=str(gazetteer) if gazetteer else None, max_bytes=max_bytes)
    n = npartitions or max(1, min(len(items) // 64 + 1, 256))
    return db.from_sequence(items, npartitions=n).map_partitions(_bag_partition, settings)


def dask_convert(
    root: str | os.PathLike[str],
    out: str,
    *,
    pattern: str = "*.txt",
    npartitions: int | None = None,
    lang: str | None = None,
    date: str | None = None,
    gazetteer: str | os.PathLike[str] | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> BatchReport:
    """Convert the inputs under `root` on the current Dask scheduler into JSONL partitions.

    Writes ``OUT/part-00000.jsonl``, ... (one statement per line; `out` may be any fsspec URL
    such as ``s3://bucket/parsed``) and returns the report; failures are in it and, for a local
    `out`, in ``OUT/_errors.jsonl``. Statements and errors come from one pass over the bag.
    """
    import dask

    started = time.perf_counter()
    check_pattern(pattern)
    base = Path(root)
    paths = list(find_inputs(base, pattern))
    bag = dask_bag(paths, root=base if base.is_dir() else base.parent, npartitions=npartitions,
                   lang=lang, date=date, gazetteer=gazetteer, max_bytes=max_bytes)
    statements = bag.filter(_has_statement).pluck("statement")
    failures = bag.filter(_has_error)
    writes = statements.to_textfiles(f"{str(out).rstrip('/')}/part-*.jsonl", name_function=_part_name,
                                     encoding="utf-8", last_endline=True, compute=False)
    _, failed, words = dask.compute(writes, failures, _words_of(bag))
    report = BatchReport(words=int(words))
    for record in failed:
        report.add(FileResult(record["file"], "failed", error=record["error"], message=record["message"]))
    report.files = len(paths)
    report.converted = len(paths) - len(report.failed)
    if "://" not in str(out):
        write_errors(Path(out), report.failed)
    report.seconds = time.perf_counter() - started
    return report


def _words_of(bag: dask.bag.Bag) -> Any:
    """The words of all converted inputs of a `dask_bag`, as a Dask scalar."""
    return bag.filter(_has_statement).pluck("words").sum()


def _has_statement(record: dict[str, str]) -> bool:
    return "statement" in record


def _has_error(record: dict[str, str]) -> bool:
    return "error" in record


def _part_name(i: int) -> str:
    return f"{i:05d}"
