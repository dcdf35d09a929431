"""``convert(root, out)``: a folder of inputs into a folder of outputs, incremental and atomic."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from itertools import chain
from pathlib import Path
from typing import Any

from ..errors import CallerDateError, OutputError
from ..extract.gazetteer import load_gazetteer
from ..pipeline import check_caller_date
from ..text.decode import DEFAULT_MAX_BYTES
from .existing import index_jsonl, read_previous_run
from .furniture import count_furniture
from .planning import Format, Settings, Task, plan
from .pool import run_in_workers
from .results import BatchReport, BatchSetupError, FileResult
from .serial import run_tasks
from .writing import ERRORS_FILE, JSONL_FILE, RUN_FILE, JsonlWriter, output_error, probe_folder, write_atomic, write_errors

Progress = Callable[[FileResult, int], None]


def _check_options(out: Path, fmt: Format, workers: int, gazetteer: Path | None, date: str | None) -> None:
    """Refuse, before anything is converted, options the batch cannot run with."""
    if fmt not in ("json", "jsonl"):
        raise BatchSetupError(f"format {fmt!r}: use 'json' or 'jsonl'")
    if workers < 1:
        raise BatchSetupError(f"workers must be 1 or more, not {workers}")
    if out.exists() and not out.is_dir():
        raise BatchSetupError(f"--out {out}: exists and is not a folder")
    if date is not None:
        try:
            check_caller_date(date)
        except CallerDateError as exc:
            raise BatchSetupError(f"--date: {exc}") from None
    if gazetteer is not None:
        load_gazetteer(Path(gazetteer))  # a bad file fails here, once, not once per input


def _redo_all(settings: Settings, fingerprint: dict[str, Any], out: Path, report: BatchReport) -> Settings:
    """`settings` with `force` set when the last run's settings differ (its outputs cannot be kept)."""
    if settings.force:
        report.redo_reason = "--force"
        return settings
    previous = read_previous_run(out)
    if previous is not None and previous != fingerprint:
        changed = sorted(k for k in fingerprint if previous.get(k) != fingerprint[k])
        report.redo_reason = f"settings changed since the last run ({', '.join(changed)})"
        return replace(settings, force=True)
    return settings


def _run(tasks: list[Task], settings: Settings, out: Path, jsonl_index: dict[str, tuple[str, str, int, int]],
         workers: int) -> Iterator[FileResult]:
    """The results of all tasks, in order; with the JSONL format, the corpus file is written as they come."""
    results = run_in_workers(tasks, settings, workers) if workers > 1 and len(tasks) > 1 else run_tasks(tasks, settings)
    if settings.fmt != "jsonl":
        yield from results
        return
    try:
        writer = JsonlWriter(out / JSONL_FILE, jsonl_index)
    except OSError as exc:
        raise output_error(out / JSONL_FILE, exc) from None
    try:
        for result in results:
            writer.add(result)
            result.line = None
            yield result
        writer.commit()
    except OSError as exc:  # the corpus file cannot be completed: the old one stays as it was
        raise OutputError(f"{output_error(out / JSONL_FILE, exc)}; {out / JSONL_FILE} was left as it was",
                          output_error(out, exc).stops_batch) from None
    finally:
        writer.discard()


def convert(
    root: Path,
    out: Path,
    *,
    pattern: str = "*.txt",
    fmt: Format = "json",
    lang: str | None = None,
    date: str | None = None,
    gazetteer: Path | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
    force: bool = False,
    workers: int = 1,
    progress: Progress | None = None,
    furniture: bool = True,
) -> BatchReport:
    """Convert every input under `root` into `out`; see the package docstring.

    `furniture`: remove the lines that repeat across many documents of a folder (site furniture,
    found by a first pass over the inputs, `batch.furniture`); False leaves each document to its own features.

    `progress(result, total)` is called once per input, in the calling process, as it is done.
    Raises `BatchSetupError` (before converting anything) for a bad pattern or option.
    """
    started = time.perf_counter()
    root, out = Path(root), Path(out)
    _check_options(out, fmt, workers, gazetteer, date)
    settings = Settings(fmt=fmt, lang=lang, date=date, gazetteer=str(gazetteer) if gazetteer else None,
                        max_bytes=max_bytes, force=force, furniture=furniture)
    tasks, refused = plan(root, out, pattern, fmt)
    try:
        probe_folder(out)
    except OutputError as exc:
        raise BatchSetupError(f"--out {out}: unusable output folder: {exc}") from None

    report = BatchReport()
    fingerprint = settings.fingerprint()
    settings = _redo_all(settings, fingerprint, out, report)
    jsonl_index: dict[str, tuple[str, str, int, int]] = {}
    if fmt == "jsonl" and not settings.force:
        jsonl_index = index_jsonl(out / JSONL_FILE)
        tasks = [Task(t.path, t.rel, None, jsonl_index[t.rel][:2]) if t.rel in jsonl_index else t for t in tasks]

    if furniture:
        settings = replace(settings, repeated=count_furniture(tasks, settings))
    total = len(tasks) + len(refused)
    for result in chain(refused, _until_stopped(tasks, _run(tasks, settings, out, jsonl_index, workers))):
        report.add(result)
        if progress:
            progress(result, total)
    _write_bookkeeping(out, report, fingerprint)
    report.seconds = time.perf_counter() - started
    return report


def _until_stopped(tasks: list[Task], results: Iterator[FileResult]) -> Iterator[FileResult]:
    """`results` until one says no output can be written any more (the disk is full): then
    the batch stops, the outputs written so far stay, and each task not done is reported."""
    done = 0
    stop: FileResult | None = None
    try:
        for result in results:
            done += 1
            yield result
            if result.stops_batch:
                stop = result
                break
    finally:
        close = getattr(results, "close", None)
        if close:
            close()  # the workers are stopped, a JSONL in the making is discarded
    if stop is not None:
        for task in tasks[done:]:
            yield FileResult(task.rel, "failed", error="OutputError",
                             message=f"{task.rel}: not converted: {stop.stops_batch} (see {stop.file})")


def _write_bookkeeping(out: Path, report: BatchReport, fingerprint: dict[str, Any]) -> None:
    """`_errors.jsonl` and `_run.jsonl`; when they cannot be written (the disk is full) the
    failures are still in the report, and on the screen."""
    try:
        write_errors(out, report.failed)
        write_atomic(out / RUN_FILE, json.dumps(fingerprint) + "\n")
    except OSError as exc:
        report.bookkeeping_error = str(output_error(out / ERRORS_FILE, exc))
