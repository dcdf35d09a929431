"""``convert(root, out)``: a folder of inputs into a folder of outputs, incremental and atomic."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from itertools import chain
from pathlib import Path
from typing import Any

from ..extract.gazetteer import load_gazetteer
from ..text.decode import DEFAULT_MAX_BYTES
from .existing import index_jsonl, read_previous_run
from .planning import Format, Settings, Task, plan
from .pool import run_in_workers
from .results import BatchReport, BatchSetupError, FileResult
from .serial import run_tasks
from .writing import JSONL_FILE, RUN_FILE, JsonlWriter, write_atomic, write_errors

Progress = Callable[[FileResult, int], None]


def _check_options(out: Path, fmt: Format, workers: int, gazetteer: Path | None) -> None:
    """Refuse, before anything is converted, options the batch cannot run with."""
    if fmt not in ("json", "jsonl"):
        raise BatchSetupError(f"format {fmt!r}: use 'json' or 'jsonl'")
    if workers < 1:
        raise BatchSetupError(f"workers must be 1 or more, not {workers}")
    if out.exists() and not out.is_dir():
        raise BatchSetupError(f"--out {out}: exists and is not a folder")
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
    writer = JsonlWriter(out / JSONL_FILE, jsonl_index) if settings.fmt == "jsonl" else None
    try:
        results = run_in_workers(tasks, settings, workers) if workers > 1 and len(tasks) > 1 else run_tasks(tasks, settings)
        for result in results:
            if writer is not None:
                writer.add(result)
                result.line = None
            yield result
        if writer is not None:
            writer.commit()
    finally:
        if writer is not None:
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
) -> BatchReport:
    """Convert every input under `root` into `out`; see the package docstring.

    `progress(result, total)` is called once per input, in the calling process, as it is done.
    Raises `BatchSetupError` (before converting anything) for a bad pattern or option.
    """
    started = time.perf_counter()
    root, out = Path(root), Path(out)
    _check_options(out, fmt, workers, gazetteer)
    settings = Settings(fmt=fmt, lang=lang, date=date, gazetteer=str(gazetteer) if gazetteer else None,
                        max_bytes=max_bytes, force=force)
    tasks, refused = plan(root, out, pattern, fmt)
    out.mkdir(parents=True, exist_ok=True)

    report = BatchReport()
    fingerprint = settings.fingerprint()
    settings = _redo_all(settings, fingerprint, out, report)
    jsonl_index: dict[str, tuple[str, str, int, int]] = {}
    if fmt == "jsonl" and not settings.force:
        jsonl_index = index_jsonl(out / JSONL_FILE)
        tasks = [Task(t.path, t.rel, None, jsonl_index[t.rel][:2]) if t.rel in jsonl_index else t for t in tasks]

    total = len(tasks) + len(refused)
    for result in chain(refused, _run(tasks, settings, out, jsonl_index, workers)):
        report.add(result)
        if progress:
            progress(result, total)

    write_errors(out, report.failed)
    write_atomic(out / RUN_FILE, json.dumps(fingerprint) + "\n")
    report.seconds = time.perf_counter() - started
    return report
