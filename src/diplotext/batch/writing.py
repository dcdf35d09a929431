"""Writing outputs so that a reader sees the old content or the new, never a part.

Every output is written to a temporary file in its own folder and renamed over the target; the
corpus JSONL is built the same way, copying the lines of skipped inputs from the old file.
"""

from __future__ import annotations

import errno
import json
import os
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import OutputError
from ..models import Statement
from .results import FileResult

ERRORS_FILE = "_errors.jsonl"
"""One JSON object per failed input: file, error (class name), message."""
RUN_FILE = "_run.jsonl"
"""The settings of the last run, to tell whether its outputs can be kept."""
JSONL_FILE = "statements.jsonl"
"""With ``fmt="jsonl"``: one statement per line, for the whole corpus."""


_TEMP_EXTRA = len(".") + len(".") + 8 + len(".tmp")
"""What `mkstemp` adds to the name part of a temporary file: '.NAME.' + 8 random characters + '.tmp'."""


def name_max(folder: Path) -> int:
    """The longest file name, in bytes, that the file system of `folder` takes (255 where unknown)."""
    try:
        return int(os.pathconf(folder, "PC_NAME_MAX"))
    except (OSError, ValueError, AttributeError):
        return 255


def _temp_prefix(path: Path) -> str:
    """The prefix of `path`'s temporary file: '.NAME.', with NAME cut (at a character) so that the
    temporary name is no longer than the longest name the folder takes; a name that fits as
    output then fits as temporary file too."""
    room = name_max(path.parent) - _TEMP_EXTRA
    name = os.fsencode(path.name)
    if len(name) > room:
        name = name[:max(room, 1)]
        while name and os.fsdecode(name).encode("utf-8", "surrogateescape") != name:
            name = name[:-1]  # not in the middle of a character
    return f".{os.fsdecode(name)}."


@lru_cache(maxsize=1)
def _umask() -> int:
    """This process's umask (read without changing it where /proc tells it)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _open_temp(path: Path, mode: str) -> tuple[Any, str]:
    """A temporary file next to `path`, with the permissions a new file gets (0666 less the
    umask), not mkstemp's 0600: the output is an ordinary file once renamed."""
    fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(path), suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())
    except OSError:  # a file system without modes
        pass
    return os.fdopen(fd, mode, **({"encoding": "utf-8"} if "b" not in mode else {})), tmp


def write_atomic(path: Path, data: str) -> None:
    """Write `data` to `path` so that readers see the old content or the new, never a part."""
    write_atomic_with(path, lambda fh: fh.write(data), binary=False)


def write_atomic_with(path: Path, fill: Callable[[Any], object], *, binary: bool = True) -> None:
    """Write to `path` what `fill(fh)` writes to an open file (binary, else UTF-8 text) so that
    readers see the old content or the new, never a part: a failure, in `fill` too, leaves no
    temporary file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fh, tmp = _open_temp(path, "wb" if binary else "w")
    try:
        with fh:
            fill(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


_STOPS_BATCH = {errno.ENOSPC: "the disk is full", errno.EDQUOT: "the disk quota is exceeded",
                errno.EROFS: "the file system is read-only"}
"""Write errors after which no later output can be written either."""


def output_error(path: Path, exc: OSError) -> OutputError:
    """The `OutputError` for an `OSError` raised writing `path`, saying why in plain words;
    `stops_batch` is set when no other output could be written either (the disk is full)."""
    reasons = {errno.ENAMETOOLONG: "the file name is too long for the file system",
               errno.EACCES: "permission denied", errno.EPERM: "permission denied",
               errno.ENOTDIR: "a part of the path is a file, not a folder",
               errno.EISDIR: "a folder of that name is in the way", **_STOPS_BATCH}
    reason = reasons.get(exc.errno or 0, exc.strerror or str(exc))
    return OutputError(f"cannot write {path}: {reason}", _STOPS_BATCH.get(exc.errno or 0))


def probe_folder(out: Path) -> None:
    """Create `out` and write a byte into it, or raise `OutputError` saying why not: a read-only
    folder or mount, a parent that cannot be written, a full disk. Run before a batch starts,
    so that an unusable output folder is one message, not one per input."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise output_error(out, exc) from None
    try:
        fd, probe = tempfile.mkstemp(prefix=".diplotext-probe.", suffix=".tmp", dir=out)
    except OSError as exc:
        raise output_error(out, exc) from None
    try:
        os.write(fd, b"\n")
        os.fsync(fd)
    except OSError as exc:
        raise output_error(out, exc) from None
    finally:
        os.close(fd)
        Path(probe).unlink(missing_ok=True)


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
        self.fh, self.tmp = _open_temp(path, "wb")
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
