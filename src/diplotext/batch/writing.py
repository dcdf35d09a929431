"""Writing outputs so that a reader sees the old content or the new, never a part.

Every output is written to a temporary file in its own folder and renamed over the target; the
corpus JSONL is built the same way, copying the lines of skipped inputs from the old file.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from ..models import Statement
from .results import FileResult

ERRORS_FILE = "_errors.jsonl"
"""One JSON object per failed input: file, error (class name), message."""
RUN_FILE = "_run.jsonl"
"""The settings of the last run, to tell whether its outputs can be kept."""
JSONL_FILE = "statements.jsonl"
"""With ``fmt="jsonl"``: one statement per line, for the whole corpus."""


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
    """A statement as the JSON of one output file."""
    return statement.model_dump_json(indent=1) + "\n"


def write_errors(out: Path, failed: list[dict[str, str]]) -> None:
    """`OUT/_errors.jsonl` with one line per failure, or no such file when nothing failed."""
    errors = out / ERRORS_FILE
    if failed:
        write_atomic(errors, "".join(json.dumps(f, ensure_ascii=False) + "\n" for f in failed))
    elif errors.exists():
        errors.unlink()


class JsonlWriter:
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
