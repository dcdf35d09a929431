"""Converting folders: every input to one JSON, fast, incremental, written atomically, none lost.

``convert(root, out)`` finds the inputs under ``root`` (recursively, ``pattern``), plans one
output for each under ``out`` and converts them, streaming through spaCy's ``nlp.pipe`` in one
process or in ``workers`` processes (each builds its pipeline once).

- **Incremental**: an input whose SHA-256 and diplotext version match those recorded in its
  existing output is skipped; ``force=True`` redoes all. The settings that change outputs
  (language, date, gazetteer, format) are kept in ``OUT/_run.jsonl`` (one line of JSON): when
  they differ from the last run's, nothing is skipped.
- **Nothing lost**: every output is written to a temporary file in its folder and renamed over
  the target, so a kill at any moment leaves the old JSON or the new one, never a part. A bad
  file never stops the batch: its error (class and message) goes to ``OUT/_errors.jsonl`` and
  the next file is converted. A worker process that dies takes no file with it: the files it
  held are converted again, one at a time, and only one that kills a worker again fails.
- **Safe outputs**: output paths are derived from the input's path relative to ``root``, so no
  input name can escape ``out``; an output that would replace an input (``out`` is the input
  folder, or a folder symlinked into it) or another input's output is refused for that file;
  when ``out`` lies inside ``root`` it is not searched for inputs.

The Dask path (``dask_bag``, ``dask_convert``) maps the same conversion over a Dask bag and
writes JSONL partitions, for a corpus larger than one machine.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from . import __about__
from .errors import DiplotextError
from .models import Statement
from .text.decode import DEFAULT_MAX_BYTES

if TYPE_CHECKING:  # pragma: no cover
    import dask.bag

ERRORS_FILE = "_errors.jsonl"
"""One JSON object per failed input: file, error (class name), message."""
RUN_FILE = "_run.jsonl"
"""The settings of the last run, to tell whether its outputs can be kept."""
JSONL_FILE = "statements.jsonl"
"""With ``fmt="jsonl"``: one statement per line, for the whole corpus."""

Format = Literal["json", "jsonl"]
Status = Literal["converted", "skipped", "failed"]

_TEMP_NAME = re.compile(r"^\..+\.tmp$")


class BatchSetupError(DiplotextError):
    """The batch cannot start: a bad pattern, option or output folder. Nothing was converted."""


class WorkerCrashedError(DiplotextError):
    """A worker process died (killed, out of memory, a crash in a library) while converting a file."""


@dataclass
class FileResult:
    """What became of one input."""

    file: str
    status: Status
    words: int = 0
    error: str | None = None
    message: str | None = None
    line: str | None = None
    """With the JSONL format: the statement, as one line of JSON."""

    def failure(self) -> dict[str, str]:
        return {"file": self.file, "error": self.error or "", "message": self.message or ""}


@dataclass
class BatchReport:
    """What a batch did: counts, words, time, and the failures with error class and message."""

    files: int = 0
    converted: int = 0
    skipped: int = 0
    failed: list[dict[str, str]] = field(default_factory=list)
    words: int = 0
    seconds: float = 0.0
    redo_reason: str | None = None
    """Why nothing was skipped although outputs existed (``--force``, changed settings)."""

    @property
    def ok(self) -> bool:
        return not self.failed

    def add(self, result: FileResult) -> None:
        self.files += 1
        if result.status == "converted":
            self.converted += 1
            self.words += result.words
        elif result.status == "skipped":
            self.skipped += 1
        else:
            self.failed.append(result.failure())

    def summary(self) -> str:
        rate = f" ({self.words / self.seconds:,.0f} words/s)" if self.seconds > 0 and self.words else ""
        return (
            f"{self.files} files: {self.converted} converted, {self.skipped} skipped, {len(self.failed)} failed; "
            f"{self.words:,} words in {self.seconds:.1f} s{rate}"
        )


# --------------------------------------------------------------------------- writing


def write_atomic(path: Path, data: str) -> None:
    """Write `data` to `path` so that readers see the old content or the new, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def statement_json(statement: Statement) -> str:
    return statement.model_dump_json(indent=1) + "\n"


# --------------------------------------------------------------------------- planning


def find_inputs(root: Path, pattern: str = "*.txt") -> Iterator[Path]:
    """Input files under `root` (or `root` itself), sorted for a stable order.

    Directories and broken links that match the pattern are listed too: converting them fails
    with a specific error, which is better than passing over them in silence.
    """
    if root.is_dir():
        yield from sorted(root.rglob(pattern))
    else:
        yield root


def display_path(rel: Path) -> str:
    """A relative path as text for JSON: '/' separators, undecodable bytes as '\\xNN'."""
    return rel.as_posix().encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


@dataclass(frozen=True)
class _Task:
    """One input to convert, as sent to a worker."""

    path: str
    rel: str
    target: str | None
    known: tuple[str, str] | None = None
    """JSONL format: (sha256, version) of the input's line in the existing output."""


@dataclass(frozen=True)
class Settings:
    """What every worker needs to know; everything that changes the outputs is here."""

    fmt: Format = "json"
    lang: str | None = None
    date: str | None = None
    gazetteer: str | None = None
    max_bytes: int | None = DEFAULT_MAX_BYTES
    force: bool = False

    def fingerprint(self) -> dict[str, Any]:
        gaz = None
        if self.gazetteer:
            try:
                gaz = hashlib.sha256(Path(self.gazetteer).read_bytes()).hexdigest()
            except OSError:
                gaz = "unreadable"
        return {
            "diplotext_version": __about__.__version__,
            "format": self.fmt,
            "lang": self.lang,
            "date": self.date,
            "gazetteer_sha256": gaz,
        }


def _check_pattern(pattern: str) -> None:
    if not pattern or pattern.startswith(("/", "\\")) or ".." in Path(pattern).parts or "**" in pattern:
        raise BatchSetupError(
            f"--glob {pattern!r}: give a file-name pattern such as '*.txt' (folders are searched recursively)"
        )


def _is_ours(path: Path) -> bool:
    """Whether a bookkeeping file in the output folder was written by diplotext (else it is a user's file)."""
    try:
        with open(path, encoding="utf-8") as fh:
            head = fh.read(65536)
    except (OSError, UnicodeDecodeError):
        return False
    if path.name == RUN_FILE:
        try:
            return "diplotext_version" in json.loads(head)
        except (ValueError, TypeError):
            return False
    lines = [ln for ln in head.splitlines()[:-1] or head.splitlines() if ln.strip()]
    try:
        records = [json.loads(ln) for ln in lines[:20]]
    except ValueError:
        return False
    if path.name == ERRORS_FILE:
        return all(isinstance(r, dict) and set(r) == {"file", "error", "message"} for r in records)
    return all(isinstance(r, dict) and "schema_version" in r and "source" in r for r in records)


def plan(root: Path, out: Path, pattern: str = "*.txt", fmt: Format = "json") -> tuple[list[_Task], list[FileResult]]:
    """The inputs under `root` and the output of each: tasks to run, and inputs refused already.

    An input is refused (with its own message) when its output would fall outside `out`, would
    replace an input file, or would be the output of another input too.
    """
    _check_pattern(pattern)
    root_is_dir = root.is_dir()
    root_res = root.resolve() if root_is_dir else root.parent.resolve()
    out_res = out.resolve()
    out_inside_root = root_is_dir and out_res != root_res and out_res.is_relative_to(root_res)

    ours = {ERRORS_FILE, RUN_FILE} | ({JSONL_FILE} if fmt == "jsonl" else set())
    rels: list[Path] = []
    for inp in find_inputs(root, pattern):
        rel = inp.relative_to(root) if root_is_dir else Path(inp.name)
        real = root_res / rel
        if out_inside_root and real.is_relative_to(out_res):
            continue  # a previous run's outputs are not inputs
        if real.parent == out_res and _TEMP_NAME.match(rel.name):
            continue  # a temporary file of ours, left by a killed run
        if real.parent == out_res and rel.name in ours:
            if _is_ours(real):
                continue  # the bookkeeping of an earlier run in an output folder that is also the input folder
            raise BatchSetupError(f"{out / rel.name} would overwrite an input: choose another --out folder")
        if root_is_dir and not rel.suffix and inp.is_dir():
            continue  # a plain folder that the pattern happens to match; a folder named like a file is reported
        rels.append(rel)

    # A directory entry is (its folder, resolved, and its name): an output replaces an input
    # only if both agree. Input folders below the root are not symlinks (rglob does not follow them).
    inputs = {(root_res / rel).parent / rel.name for rel in rels}

    tasks: list[_Task] = []
    refused: list[FileResult] = []
    resolved_dirs: dict[Path, Path] = {}
    owners: dict[Path, str] = {}
    for rel in rels:
        shown = display_path(rel)
        inp = root / rel if root_is_dir else root
        if fmt == "jsonl":
            tasks.append(_Task(str(inp), shown, None))
            continue
        target = (out / rel).with_suffix(".json") if rel.suffix else out / (rel.name + ".json")
        parent = resolved_dirs.get(target.parent)
        if parent is None:
            parent = resolved_dirs[target.parent] = target.parent.resolve()
        real_target = parent / target.name
        problem = None
        if not parent.is_relative_to(out_res):
            problem = f"its output {target} would fall outside {out} (a symbolic link in the output folder?)"
        elif real_target in inputs:
            problem = (
                f"its output {target} would overwrite the input {real_target}: "
                "choose an --out folder that is not the input folder"
            )
        elif real_target in owners:
            problem = f"its output {target} is also the output of {owners[real_target]}: rename one of the two"
        if problem:
            refused.append(FileResult(shown, "failed", error="OutputConflictError", message=f"{shown}: {problem}"))
            continue
        owners[real_target] = shown
        tasks.append(_Task(str(inp), shown, str(target)))
    return tasks, refused


# --------------------------------------------------------------------------- existing outputs

_DECODER = json.JSONDecoder()
_SOURCE_KEY = '"source":'


def _source_of(text: str) -> dict[str, Any] | None:
    """The `source` object of a statement's JSON, decoded alone (the rest is not parsed)."""
    i = text.find(_SOURCE_KEY)
    if i < 0:
        return None
    i += len(_SOURCE_KEY)
    while i < len(text) and text[i] in " \t\r\n":
        i += 1
    try:
        source, _ = _DECODER.raw_decode(text, i)
    except ValueError:
        return None
    return source if isinstance(source, dict) else None


def output_fingerprint(path: Path, head: int = 16384) -> tuple[str, str] | None:
    """(sha256, diplotext version) recorded in an existing JSON output, or None."""
    try:
        with open(path, "rb") as fh:
            data = fh.read(head)
    except OSError:
        return None
    source = _source_of(data.decode("utf-8", "replace"))
    if not source:
        return None
    return str(source.get("sha256")), str(source.get("diplotext_version"))


def _index_jsonl(path: Path) -> dict[str, tuple[str, str, int, int]]:
    """For an existing JSONL output: path -> (sha256, version, byte offset, length) of its line."""
    index: dict[str, tuple[str, str, int, int]] = {}
    try:
        fh = open(path, "rb")
    except OSError:
        return index
    with fh:
        offset = 0
        for line in fh:
            source = _source_of(line[:16384].decode("utf-8", "replace"))
            if source and source.get("path") is not None:
                index[str(source["path"])] = (str(source.get("sha256")), str(source.get("diplotext_version")), offset, len(line))
            offset += len(line)
    return index


# --------------------------------------------------------------------------- converting


def _failure(rel: str, exc: BaseException) -> FileResult:
    if isinstance(exc, DiplotextError):
        message = str(exc)
    else:  # a bug: still recorded, and the batch goes on
        message = f"unexpected {type(exc).__name__} (a bug in diplotext, please report it): {exc}"
    return FileResult(rel, "failed", error=type(exc).__name__, message=message)


def run_tasks(tasks: Iterable[_Task], settings: Settings) -> Iterator[FileResult]:
    """Convert tasks in this process, streaming through `nlp.pipe`; one result per task, in order.

    JSON outputs are written here (atomically); JSONL lines are returned in the results.
    """
    from .pipeline import parse_stream, prepare
    from .text.decode import decode_bytes
    from .text.files import read_bytes

    version = __about__.__version__
    gazetteer = Path(settings.gazetteer) if settings.gazetteer else None
    pending: deque[tuple[_Task, int]] = deque()  # every task handed to the parser: (task, words)

    def prepared() -> Iterator[Any]:
        for task in tasks:
            item: Any
            words = 0
            try:
                data = read_bytes(Path(task.path), max_bytes=settings.max_bytes)
                digest = hashlib.sha256(data).hexdigest()
                known = None
                if not settings.force:
                    known = task.known if settings.fmt == "jsonl" else output_fingerprint(Path(task.target or ""))
                if known == (digest, version):
                    item = FileResult(task.rel, "skipped")  # passed through the parser unchanged
                else:
                    decoded = decode_bytes(data, max_bytes=settings.max_bytes)
                    del data
                    item = prepare(decoded.text, lang=settings.lang, path=task.rel, encoding=decoded.encoding, sha256=digest)
                    words = len(decoded.text.split())
            except Exception as exc:  # noqa: BLE001 - recorded for this file
                item = exc
            pending.append((task, words))
            yield item

    for result in parse_stream(prepared(), date=settings.date, gazetteer=gazetteer):
        task, words = pending.popleft()
        if isinstance(result, FileResult):
            yield result
        elif isinstance(result, Exception):
            yield _failure(task.rel, result)
        else:
            try:
                if settings.fmt == "jsonl":
                    yield FileResult(task.rel, "converted", words, line=result.model_dump_json())
                    continue
                write_atomic(Path(task.target or ""), statement_json(result))
            except Exception as exc:  # noqa: BLE001 - e.g. the disk is full: recorded for this file
                yield _failure(task.rel, exc)
                continue
            yield FileResult(task.rel, "converted", words)


_WORKER_SETTINGS: Settings | None = None


def _init_worker(settings: Settings) -> None:
    """Runs once in each worker process: keep the settings, build the pipeline."""
    global _WORKER_SETTINGS
    _WORKER_SETTINGS = settings
    try:
        from .nlp import get_nlp

        get_nlp(settings.lang or "en", Path(settings.gazetteer) if settings.gazetteer else None)
    except Exception:  # noqa: BLE001 - reported per file when the tasks run
        pass
    settle_heap()


def settle_heap() -> None:
    """Move every object alive now out of the garbage collector's generations (`gc.freeze`).

    A built pipeline holds a few hundred thousand long-lived objects (gazetteer entries,
    lexicons, matcher keys); every full collection during a batch walked them again, about 5-10%
    of a batch's CPU. Called only in processes diplotext owns: worker processes and the CLI."""
    import gc

    gc.collect()
    gc.freeze()


def _run_chunk(tasks: list[_Task]) -> list[FileResult]:
    assert _WORKER_SETTINGS is not None
    return list(run_tasks(tasks, _WORKER_SETTINGS))


def _pool_context():  # type: ignore[no-untyped-def]
    """How to start workers: fork where it is safe (Linux, no other thread in this process): the
    workers inherit what is imported and built, and the main module is not imported again (a
    script without a ``__main__`` guard, a script read from stdin). Else forkserver or spawn."""
    import multiprocessing as mp
    import threading

    methods = mp.get_all_start_methods()
    if sys.platform.startswith("linux") and "fork" in methods and threading.active_count() == 1:
        return mp.get_context("fork")
    if "forkserver" in methods:
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["diplotext.pipeline"])  # imported once, then forked per worker
        return ctx
    return mp.get_context("spawn")


def _crashed(task: _Task, exc: BaseException) -> FileResult:
    return _failure(task.rel, WorkerCrashedError(f"{task.rel}: the worker process died while converting this file ({exc})"))


def run_in_workers(tasks: Sequence[_Task], settings: Settings, workers: int) -> Iterator[FileResult]:
    """Convert tasks in `workers` processes; one result per task, in order.

    Tasks go out in chunks, a few per worker in flight. When a worker dies, every file that was
    in flight is run again alone in a fresh one-worker pool, so that only a file that kills its
    worker again fails (`WorkerCrashedError`); then the batch goes on in parallel.
    """
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    size = max(1, min(32, -(-len(tasks) // (workers * 4))))
    # (chunk, alone): `alone` chunks hold one suspect file each and run in a pool of their own
    queue: deque[tuple[list[_Task], bool]] = deque((list(tasks[i:i + size]), False) for i in range(0, len(tasks), size))
    worked = False  # has any worker ever returned a result?
    crashed: list[tuple[_Task, BaseException]] = []  # lone files that killed a worker before any worked
    while queue:
        alone = queue[0][1]
        limit = 1 if alone else workers * 2
        executor = ProcessPoolExecutor(max_workers=1 if alone else workers, mp_context=_pool_context(),
                                       initializer=_init_worker, initargs=(settings,))
        try:
            in_flight: deque[tuple[list[_Task], Any]] = deque()
            while True:
                while queue and queue[0][1] == alone and len(in_flight) < limit:
                    try:
                        future = executor.submit(_run_chunk, queue[0][0])
                    except BrokenProcessPool:  # a worker died since the last result: the wait below tells
                        break
                    in_flight.append((queue.popleft()[0], future))
                if not in_flight:
                    break  # the queue goes on in the other mode: a new pool
                chunk, future = in_flight.popleft()
                try:
                    results = future.result()
                except BrokenProcessPool as exc:
                    suspects = chunk + [t for c, _ in in_flight for t in c]
                    if alone:  # one file in a pool of its own: that file killed it
                        if worked:
                            yield _crashed(chunk[0], exc)
                        else:
                            crashed.append((chunk[0], exc))
                            if len(crashed) >= 2:
                                # Two lone files each killed a fresh worker and no worker ever
                                # converted anything: workers cannot run here (a resource limit,
                                # a main module that cannot be imported again). Convert the rest
                                # in this process rather than lose the batch.
                                rest = [t for t, _ in crashed] + suspects[1:] + [t for c, _ in queue for t in c]
                                queue.clear()
                                executor.shutdown(wait=True, cancel_futures=True)
                                yield from run_tasks(rest, settings)
                                return
                        suspects = suspects[1:]
                    queue.extendleft(([t], True) for t in reversed(suspects))
                    break
                worked = True
                for task, error in crashed:
                    yield _crashed(task, error)
                crashed.clear()
                yield from results
        finally:
            executor.shutdown(wait=True, cancel_futures=True)
    for task, error in crashed:
        yield _crashed(task, error)


def _read_previous_run(out: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((out / RUN_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


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
    progress: Callable[[FileResult, int], None] | None = None,
) -> BatchReport:
    """Convert every input under `root` into `out`; see the module docstring.

    `progress(result, total)` is called once per input, in the calling process, as it is done.
    Raises `BatchSetupError` (before converting anything) for a bad pattern or option.
    """
    started = time.perf_counter()
    root, out = Path(root), Path(out)
    if fmt not in ("json", "jsonl"):
        raise BatchSetupError(f"format {fmt!r}: use 'json' or 'jsonl'")
    if workers < 1:
        raise BatchSetupError(f"workers must be 1 or more, not {workers}")
    if out.exists() and not out.is_dir():
        raise BatchSetupError(f"--out {out}: exists and is not a folder")
    if gazetteer is not None:
        from .extract.gazetteer import load_gazetteer

        load_gazetteer(Path(gazetteer))  # a bad file fails here, once, not once per input
    settings = Settings(fmt=fmt, lang=lang, date=date, gazetteer=str(gazetteer) if gazetteer else None,
                        max_bytes=max_bytes, force=force)
    tasks, refused = plan(root, out, pattern, fmt)
    out.mkdir(parents=True, exist_ok=True)

    report = BatchReport()
    fingerprint = settings.fingerprint()
    previous = _read_previous_run(out)
    if force:
        report.redo_reason = "--force"
    elif previous is not None and previous != fingerprint:
        changed = sorted(k for k in fingerprint if previous.get(k) != fingerprint[k])
        report.redo_reason = f"settings changed since the last run ({', '.join(changed)})"
        settings = replace(settings, force=True)

    jsonl_index: dict[str, tuple[str, str, int, int]] = {}
    if fmt == "jsonl" and not settings.force:
        jsonl_index = _index_jsonl(out / JSONL_FILE)
        tasks = [_Task(t.path, t.rel, None, jsonl_index[t.rel][:2]) if t.rel in jsonl_index else t for t in tasks]

    total = len(tasks) + len(refused)
    for result in refused:
        report.add(result)
        if progress:
            progress(result, total)

    writer = _JsonlWriter(out / JSONL_FILE, jsonl_index) if fmt == "jsonl" else None
    try:
        results = run_in_workers(tasks, settings, workers) if workers > 1 and len(tasks) > 1 else run_tasks(tasks, settings)
        for result in results:
            if writer is not None:
                writer.add(result)
                result.line = None
            report.add(result)
            if progress:
                progress(result, total)
        if writer is not None:
            writer.commit()
    finally:
        if writer is not None:
            writer.discard()

    errors = out / ERRORS_FILE
    if report.failed:
        write_atomic(errors, "".join(json.dumps(f, ensure_ascii=False) + "\n" for f in report.failed))
    elif errors.exists():
        errors.unlink()
    write_atomic(out / RUN_FILE, json.dumps(fingerprint) + "\n")
    report.seconds = time.perf_counter() - started
    return report


class _JsonlWriter:
    """Writes the corpus JSONL to a temporary file, renamed over the old one at the end.

    A skipped input's line is copied from the old file.
    """

    def __init__(self, path: Path, old_index: dict[str, tuple[str, str, int, int]]) -> None:
        self.path = path
        self.old_index = old_index
        self.old = open(path, "rb") if old_index else None  # noqa: SIM115
        fd, self.tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        self.fh = os.fdopen(fd, "wb")
        self.done = False

    def add(self, result: FileResult) -> None:
        if result.status == "converted" and result.line is not None:
            self.fh.write(result.line.encode("utf-8") + b"\n")
        elif result.status == "skipped" and self.old is not None:
            _, _, offset, length = self.old_index[result.file]
            self.old.seek(offset)
            line = self.old.read(length)
            self.fh.write(line if line.endswith(b"\n") else line + b"\n")

    def commit(self) -> None:
        self.fh.flush()
        os.fsync(self.fh.fileno())
        self.fh.close()
        if self.old is not None:
            self.old.close()
        os.replace(self.tmp, self.path)
        self.done = True

    def discard(self) -> None:
        if not self.done:
            self.fh.close()
            if self.old is not None:
                self.old.close()
            Path(self.tmp).unlink(missing_ok=True)


# --------------------------------------------------------------------------- Dask


def _bag_partition(items: Iterable[tuple[str, str]], settings: Settings) -> list[dict[str, str]]:
    """A Dask partition: (path, shown path) pairs to result records (`statement` or `error`)."""
    tasks = [_Task(path, rel, None) for path, rel in items]
    jsonl = replace(settings, fmt="jsonl", force=True)
    out = []
    for r in run_tasks(tasks, jsonl):
        if r.status == "converted":
            out.append({"file": r.file, "statement": r.line or ""})
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

    A record is ``{"file", "statement"}`` (the statement as one line of JSON) or ``{"file",
    "error", "message"}``. `root` makes ``file`` (and ``source.path``) relative to it. Each
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
    _check_pattern(pattern)
    base = Path(root)
    paths = list(find_inputs(base, pattern))
    bag = dask_bag(paths, root=base if base.is_dir() else base.parent, npartitions=npartitions,
                   lang=lang, date=date, gazetteer=gazetteer, max_bytes=max_bytes)
    statements = bag.filter(_has_statement).pluck("statement")
    failures = bag.filter(_has_error)
    writes = statements.to_textfiles(f"{str(out).rstrip('/')}/part-*.jsonl", name_function=_part_name,
                                     encoding="utf-8", last_endline=True, compute=False)
    _, failed = dask.compute(writes, failures)
    report = BatchReport()
    for record in failed:
        report.add(FileResult(record["file"], "failed", error=record["error"], message=record["message"]))
    report.files = len(paths)
    report.converted = len(paths) - len(report.failed)
    if "://" not in str(out):
        errors = Path(out) / ERRORS_FILE
        if report.failed:
            write_atomic(errors, "".join(json.dumps(f, ensure_ascii=False) + "\n" for f in report.failed))
        elif errors.exists():
            errors.unlink()
    report.seconds = time.perf_counter() - started
    return report


def _has_statement(record: dict[str, str]) -> bool:
    return "statement" in record


def _has_error(record: dict[str, str]) -> bool:
    return "error" in record


def _part_name(i: int) -> str:
    return f"{i:05d}"
