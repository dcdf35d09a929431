"""Converting tasks in worker processes, so that a worker that dies takes no file with it.

Tasks go out in chunks, a few per worker in flight. When a worker dies, every file that was in
flight is run again alone in a fresh one-worker pool, so that only a file that kills its worker
again fails (`WorkerCrashedError`); then the batch goes on in parallel.
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
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from ..nlp import get_nlp
from .planning import Settings, Task
from .results import FileResult, WorkerCrashedError, failure
from .serial import run_tasks

_WORKER_SETTINGS: Settings | None = None


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


def _init_worker(settings: Settings, batch_pid: int, parent_thread_is_main: bool) -> None:
    """Runs once in each worker process: tie it to the batch, keep the settings, build the pipeline."""
    global _WORKER_SETTINGS
    _die_with_parent(batch_pid, parent_thread_is_main)
    _WORKER_SETTINGS = settings
    try:
        get_nlp(settings.lang or "en", Path(settings.gazetteer) if settings.gazetteer else None)
    except Exception:  # noqa: BLE001 - reported per file when the tasks run
        pass
    settle_heap()


def settle_heap() -> None:
    """Move every object alive now out of the garbage collector's generations (`gc.freeze`).

    A built pipeline holds a few hundred thousand long-lived objects (gazetteer entries,
    lexicons, matcher keys); every full collection during a batch walked them again. Called
    only in processes diplotext owns: worker processes and the CLI."""
    gc.collect()
    gc.freeze()


def _run_chunk(tasks: list[Task]) -> list[FileResult]:
    assert _WORKER_SETTINGS is not None
    return list(run_tasks(tasks, _WORKER_SETTINGS))


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


def _crashed(task: Task, exc: BaseException) -> FileResult:
    return failure(task.rel, WorkerCrashedError(f"{task.rel}: the worker process died while converting this file ({exc})"))


class _Runner:
    """The queue of chunks and what is known of the workers, across the pools a batch needs.

    A queue entry is (chunk, alone): `alone` chunks hold one suspect file each and run in a
    pool of their own."""

    def __init__(self, tasks: Sequence[Task], settings: Settings, workers: int) -> None:
        size = max(1, min(32, -(-len(tasks) // (workers * 4))))
        self.queue: deque[tuple[list[Task], bool]] = deque(
            (list(tasks[i:i + size]), False) for i in range(0, len(tasks), size)
        )
        self.settings = settings
        self.workers = workers
        self.worked = False  # has any worker ever returned a result?
        self.crashed: list[tuple[Task, BaseException]] = []  # lone files that killed a worker before any worked
        self.fallback: list[Task] | None = None  # set when workers cannot run here: convert these in-process

    def run(self) -> Iterator[FileResult]:
        while self.queue and self.fallback is None:
            alone = self.queue[0][1]
            main = threading.current_thread() is threading.main_thread()
            executor = ProcessPoolExecutor(max_workers=1 if alone else self.workers, mp_context=_pool_context(),
                                           initializer=_init_worker, initargs=(self.settings, os.getpid(), main))
            try:
                yield from self._one_pool(executor, alone)
            finally:
                executor.shutdown(wait=True, cancel_futures=True)
        if self.fallback is not None:
            yield from run_tasks(self.fallback, self.settings)
            return
        for task, error in self.crashed:
            yield _crashed(task, error)

    def _one_pool(self, executor: ProcessPoolExecutor, alone: bool) -> Iterator[FileResult]:
        """Run the chunks at the head of the queue that share `alone` until the pool breaks."""
        limit = 1 if alone else self.workers * 2
        in_flight: deque[tuple[list[Task], Future[list[FileResult]]]] = deque()
        while True:
            while self.queue and self.queue[0][1] == alone and len(in_flight) < limit:
                try:
                    future = executor.submit(_run_chunk, self.queue[0][0])
                except BrokenProcessPool:  # a worker died since the last result: the wait below tells
                    break
                in_flight.append((self.queue.popleft()[0], future))
            if not in_flight:
                return  # the queue goes on in the other mode: a new pool
            chunk, future = in_flight.popleft()
            try:
                results = future.result()
            except BrokenProcessPool as exc:
                suspects = chunk + [t for c, _ in in_flight for t in c]
                yield from self._broken(suspects, alone, exc)
                return
            self.worked = True
            for task, error in self.crashed:
                yield _crashed(task, error)
            self.crashed.clear()
            yield from results

    def _broken(self, suspects: list[Task], alone: bool, exc: BaseException) -> Iterator[FileResult]:
        """A pool broke with `suspects` in flight: queue them to run alone, or report the lone one."""
        if alone:  # one file in a pool of its own: that file killed it
            if self.worked:
                yield _crashed(suspects[0], exc)
            else:
                self.crashed.append((suspects[0], exc))
                if len(self.crashed) >= 2:
                    # Two lone files each killed a fresh worker and no worker ever converted
                    # anything: workers cannot run here (a resource limit, a main module that
                    # cannot be imported again). Convert the rest in this process rather than
                    # lose the batch.
                    self.fallback = ([t for t, _ in self.crashed] + suspects[1:]
                                     + [t for c, _ in self.queue for t in c])
                    self.queue.clear()
                    self.crashed.clear()
                    return
            suspects = suspects[1:]
        self.queue.extendleft(([t], True) for t in reversed(suspects))


def run_in_workers(tasks: Sequence[Task], settings: Settings, workers: int) -> Iterator[FileResult]:
    """Convert tasks in `workers` processes; one result per task, in order (see the module docstring)."""
    yield from _Runner(tasks, settings, workers).run()
