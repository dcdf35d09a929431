"""Work in worker processes, so that the cores share it and a worker that dies takes no input with it.

Where the platform forks, the pipelines are built in this process first and the workers are
forked from it: each starts with them built, sharing their memory, and no worker builds its
own. Inputs go out in chunks (`scheduling`: of about equal bytes, the largest inputs first), a
few per worker in flight; results come back as chunks finish and are given back in the inputs'
order. When a worker dies, every input that was in flight is run again alone in a fresh
one-worker pool, so that only an input that kills its worker again fails (`WorkerCrashedError`);
then the work goes on in parallel. Workers end with the process that runs them (`kill -9`
included).
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any

from ..nlp import get_nlp
from ..pipeline import span_memory_zones
from .planning import Settings, Task
from .results import FileResult, WorkerCrashedError, failure
from .scheduling import Ordered, file_size, plan_chunks, sample_languages
from .serial import run_tasks

_WORKER_CONTEXT: Any = None
"""What the work of this worker process needs (the batch's `Settings`, parse_many's options)."""


_WATCH_SECONDS = 0.2


def _die_with_parent(batch_pid: int, parent_thread_is_main: bool) -> None:
    """Make this worker end when the process that runs the batch (`batch_pid`) ends, however it
    ends (kill -9 included), so that no worker goes on writing outputs after the run.

    A daemon thread watches both the batch process and this worker's parent, which is the batch
    process (fork, spawn) or a fork server (forkserver; that one is stopped too, it serves no
    one any more). On Linux, when the worker's parent is the batch process and the pool was made
    by its main thread (the signal follows the thread that forked), the kernel also sends
    SIGKILL at once (`PR_SET_PDEATHSIG`)."""
    parent = os.getppid()
    if sys.platform.startswith("linux") and parent_thread_is_main and parent == batch_pid:
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):  # no libc to call: the thread below is enough
            pass
    if not _alive(batch_pid):  # died before the watch began
        os._exit(1)
    threading.Thread(target=_watch, args=(batch_pid, parent), name="diplotext-parent-watch", daemon=True).start()


_PR_SET_PDEATHSIG = 1


def _alive(pid: int) -> bool:
    """Whether `pid` runs (a zombie, killed but not yet reaped, does not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[1].split()[0] not in (b"Z", b"X")
    except (OSError, IndexError):
        return True  # no /proc: kill(pid, 0) said it is there


def _watch(batch_pid: int, parent: int) -> None:
    while os.getppid() == parent and _alive(batch_pid):
        time.sleep(_WATCH_SECONDS)
    if parent != batch_pid and os.getppid() == parent:
        try:
            os.kill(parent, signal.SIGKILL)  # the fork server of a batch that is gone
        except OSError:
            pass
    os._exit(1)  # the batch is over: write nothing more


def _init_worker(context: Any, langs: tuple[str, ...], gazetteer: str | None, batch_pid: int,
                 parent_thread_is_main: bool) -> None:
    """Runs once in each worker process: tie it to the batch, keep what the work needs, build the
    pipelines (already built, and inherited, when the worker was forked after the build)."""
    global _WORKER_CONTEXT
    _die_with_parent(batch_pid, parent_thread_is_main)
    _WORKER_CONTEXT = context
    build_pipelines(langs, gazetteer)
    span_memory_zones()  # the chunks this worker is handed are one stream
    settle_heap()


def build_pipelines(langs: tuple[str, ...], gazetteer: str | None) -> None:
    """Build the pipelines of `langs` in this process (a failure is reported per input later)."""
    for lang in langs:
        try:
            get_nlp(lang, Path(gazetteer) if gazetteer else None)
        except Exception:  # noqa: BLE001 - reported per file when the tasks run
            pass


def settle_heap() -> None:
    """Move every object alive now out of the garbage collector's generations (`gc.freeze`).

    A built pipeline holds a few hundred thousand long-lived objects (gazetteer entries,
    lexicons, matcher keys); every full collection during a batch walked them again. Called
    only in processes diplotext owns: worker processes and the CLI."""
    gc.collect()
    gc.freeze()


def worker_context() -> Any:
    """What `_init_worker` kept for the work of this worker process."""
    return _WORKER_CONTEXT


def _pool_context() -> Any:
    """How to start workers: fork where it is safe (Linux, no other thread in this process): the
    workers inherit what is imported and built, and the main module is not imported again (a
    script without a ``__main__`` guard, a script read from stdin). Else forkserver or spawn."""
    methods = mp.get_all_start_methods()
    if sys.platform.startswith("linux") and "fork" in methods and threading.active_count() == 1:
        return mp.get_context("fork")
    if "forkserver" in methods:
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["diplotext.pipeline"])  # imported once, then forked per worker
        return ctx
    return mp.get_context("spawn")


@dataclass(frozen=True)
class Work:
    """What a pool of workers does with chunks of numbered items.

    `run` (a module-level function, run in a worker) takes a chunk's items and gives one result
    for each, in order; `crashed(item, exc)` is the result of an item that killed a worker again
    when run alone; `in_process(items)` gives the results here, when workers cannot run at all.
    `context` is kept in each worker (`worker_context()`); `langs` are the pipelines built before
    the workers start (in this process, when they are forked, so that they share it)."""

    run: Callable[[list[Any]], list[Any]]
    crashed: Callable[[Any, BaseException], Any]
    in_process: Callable[[list[Any]], Iterator[Any]]
    context: Any
    langs: tuple[str, ...]
    gazetteer: str | None = None


Chunk = list[tuple[int, Any]]
"""Items with their indices in the whole stream."""


class _Runner:
    """The chunks, what is known of the workers, and the results not given back yet, across the
    pools a batch needs. A queue entry is (chunk, alone): `alone` chunks hold one suspect item
    each (it was in flight when a worker died) and run in a pool of their own."""

    def __init__(self, chunks: Iterable[Chunk], work: Work, workers: int) -> None:
        self.fresh = iter(chunks)
        self.queue: deque[tuple[Chunk, bool]] = deque()
        self.work = work
        self.workers = workers
        self.done: Ordered[Any] = Ordered()
        self.worked = False  # has any worker ever returned a result?
        self.crashed: list[tuple[int, Any, BaseException]] = []  # lone items that killed a worker before any worked
        self.fallback: Chunk | None = None  # set when workers cannot run here: run these in-process

    def _refill(self) -> None:
        if not self.queue:
            chunk = next(self.fresh, None)
            if chunk:
                self.queue.append((chunk, False))

    def run(self) -> Iterator[Any]:
        self._refill()
        while self.queue and self.fallback is None:
            alone = self.queue[0][1]
            ctx = _pool_context()
            forks = ctx.get_start_method() == "fork"
            if forks:  # built once here, shared by every worker forked from this process
                build_pipelines(self.work.langs, self.work.gazetteer)
            main = threading.current_thread() is threading.main_thread()
            executor = ProcessPoolExecutor(max_workers=1 if alone else self.workers, mp_context=ctx,
                                           initializer=_init_worker,
                                           initargs=(self.work.context, self.work.langs, self.work.gazetteer,
                                                     os.getpid(), main))
            try:
                yield from self._one_pool(executor, alone, forks)
            finally:
                _stop(executor)
            self._refill()
        if self.fallback is not None:
            yield from self._in_process(self.fallback)
        for index, item, error in self.crashed:
            self.done.add(index, self.work.crashed(item, error))
        yield from self.done.ready()

    def _in_process(self, held: Chunk) -> Iterator[Any]:
        """Everything not done yet, run in this process, the results in order."""
        for chunk in chain([sorted(held, key=lambda p: p[0])], self.fresh):
            for (index, _), result in zip(chunk, self.work.in_process([item for _, item in chunk])):
                self.done.add(index, result)
                yield from self.done.ready()

    def _submit(self, executor: ProcessPoolExecutor, alone: bool, in_flight: dict[Future[list[Any]], Chunk]) -> None:
        """Hand chunks of the head of the queue that share `alone` to the pool, a few per worker."""
        limit = 1 if alone else self.workers * 3
        while len(in_flight) < limit:
            self._refill()
            if not self.queue or self.queue[0][1] != alone:
                return
            try:
                future = executor.submit(self.work.run, [item for _, item in self.queue[0][0]])
            except BrokenProcessPool:  # a worker died since the last result: the wait tells
                return
            in_flight[future] = self.queue.popleft()[0]

    def _one_pool(self, executor: ProcessPoolExecutor, alone: bool, forks: bool) -> Iterator[Any]:
        """Run the chunks at the head of the queue that share `alone` until the pool breaks; the
        results in order, each as soon as all before it are in."""
        in_flight: dict[Future[list[Any]], Chunk] = {}
        with _frozen_heap(forks):  # the workers fork at the first submit, sharing the frozen heap
            self._submit(executor, alone, in_flight)
        while in_flight:
            done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
            broken: BaseException | None = None
            suspects: Chunk = []
            for future in done:
                chunk = in_flight.pop(future)
                try:
                    self._add(chunk, future.result())
                except BrokenProcessPool as exc:
                    broken = exc
                    suspects += chunk
            if broken is not None:
                for future, chunk in in_flight.items():  # every chunk in flight is a suspect
                    suspects += chunk
                self._broken(sorted(suspects, key=lambda p: p[0]), alone, broken)
                yield from self.done.ready()
                return
            self.worked = True
            for index, item, error in self.crashed:
                self.done.add(index, self.work.crashed(item, error))
            self.crashed.clear()
            yield from self.done.ready()
            self._submit(executor, alone, in_flight)

    def _add(self, chunk: Chunk, results: list[Any]) -> None:
        for (index, _), result in zip(chunk, results, strict=True):
            self.done.add(index, result)

    def _broken(self, suspects: Chunk, alone: bool, exc: BaseException) -> None:
        """A pool broke with `suspects` in flight: queue them to run alone, or report the lone one."""
        if alone:  # one item in a pool of its own: that item killed it
            index, item = suspects[0]
            if self.worked:
                self.done.add(index, self.work.crashed(item, exc))
            else:
                self.crashed.append((index, item, exc))
                if len(self.crashed) >= 2:
                    # Two lone items each killed a fresh worker and no worker ever converted
                    # anything: workers cannot run here (a resource limit, a main module that
                    # cannot be imported again). Run the rest in this process rather than
                    # lose the batch.
                    self.fallback = ([(i, t) for i, t, _ in self.crashed] + suspects[1:]
                                     + [p for c, _ in self.queue for p in c])
                    self.queue.clear()
                    self.crashed.clear()
                    return
            suspects = suspects[1:]
        self.queue.extendleft(([p], True) for p in reversed(suspects))


_STOP_SECONDS = 10.0


def _stop(executor: ProcessPoolExecutor) -> None:
    """Shut the pool down. A worker that does not end when told (a worker killed while it held
    the pool's queue left its lock taken, and the others wait on it for ever) is killed."""
    processes = list((getattr(executor, "_processes", None) or {}).values())
    manager = getattr(executor, "_executor_manager_thread", None)
    executor.shutdown(wait=False, cancel_futures=True)
    deadline = time.monotonic() + _STOP_SECONDS
    for process in processes:
        process.join(max(0.0, deadline - time.monotonic()))
        if process.is_alive():
            process.kill()
            process.join()
    if manager is not None:
        manager.join()


@contextmanager
def _frozen_heap(forks: bool) -> Iterator[None]:
    """While workers are forked: every object alive now out of the garbage collector's reach
    (`gc.freeze`), so that a collection in a worker does not write to (and so copy) the pages
    it shares with this process. A process that froze nothing before gets its heap back as it
    was afterwards. There is no collection first: it would walk the whole heap while no worker
    runs yet, and what garbage it would have freed is collectable again once thawed."""
    if not forks:
        yield
        return
    was_frozen = gc.get_freeze_count() > 0
    gc.freeze()
    try:
        yield
    finally:
        if not was_frozen:
            gc.unfreeze()


def run_parallel(chunks: Iterable[Chunk], work: Work, workers: int) -> Iterator[Any]:
    """The results of `work` over numbered chunks in `workers` processes, in the items' order."""
    yield from _Runner(chunks, work, workers).run()


# --------------------------------------------------------------------------- convert's tasks


def _run_chunk(tasks: list[Task]) -> list[FileResult]:
    return list(run_tasks(tasks, worker_context()))


def _crashed(task: Task, exc: BaseException) -> FileResult:
    return failure(task.rel, WorkerCrashedError(f"{task.rel}: the worker process died while converting this file ({exc})"))


def run_in_workers(tasks: Sequence[Task], settings: Settings, workers: int) -> Iterator[FileResult]:
    """Convert tasks in `workers` processes; one result per task, in order (see the module docstring)."""
    chunks = [[(i, tasks[i]) for i in chunk] for chunk in plan_chunks([file_size(t.path) for t in tasks], workers)]
    langs = (settings.lang,) if settings.lang else sample_languages([t.path for t in tasks])
    work = Work(_run_chunk, _crashed, lambda ts: run_tasks(ts, settings), settings, langs, settings.gazetteer)
    yield from run_parallel(chunks, work, workers)
