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

Modules, in the order a batch uses them: ``planning`` (inputs, outputs, settings), ``existing``
(what an earlier run left), ``serial`` (one process, ``nlp.pipe``), ``pool`` (worker
processes), ``writing`` (atomic files, the corpus JSONL), ``results`` (per file and per batch),
``convert`` (the whole batch), ``dask_bags``.
"""

from __future__ import annotations

from .convert import convert
from .dask_bags import dask_bag, dask_convert
from .existing import output_fingerprint
from .planning import Format, Settings, Task, display_path, find_inputs, plan
from .pool import run_in_workers, settle_heap
from .results import BatchReport, BatchSetupError, FileResult, Status, WorkerCrashedError
from .serial import run_tasks
from .writing import ERRORS_FILE, JSONL_FILE, RUN_FILE, statement_json, write_atomic

__all__ = ["convert", "dask_bag", "dask_convert", "run_tasks", "run_in_workers", "plan", "settle_heap"]
__all__ += ["BatchReport", "FileResult", "Settings", "Task", "Format", "Status"]
__all__ += ["BatchSetupError", "WorkerCrashedError"]
__all__ += ["ERRORS_FILE", "JSONL_FILE", "RUN_FILE", "statement_json", "write_atomic"]
__all__ += ["display_path", "find_inputs", "output_fingerprint"]
