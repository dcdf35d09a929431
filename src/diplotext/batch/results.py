"""What became of each input and of a whole batch, and the errors a batch raises itself."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..errors import DiplotextError, OutputError, counted

Status = Literal["converted", "skipped", "failed"]


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
    stops_batch: str | None = None
    """Why no later output can be written either (the disk is full): the batch stops there."""

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
    bookkeeping_error: str | None = None
    """Why ``_errors.jsonl`` could not be written (the disk is full), when it could not."""

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
            f"{counted(self.files, 'file')}: {self.converted:,} converted, {self.skipped:,} skipped, "
            f"{len(self.failed):,} failed; {counted(self.words, 'word')} in {self.seconds:.1f} s{rate}"
        )


def failure(rel: str, exc: BaseException) -> FileResult:
    """The result of an input that raised `exc`: a `DiplotextError` says what was wrong with the
    input; anything else is a bug, recorded as one so that the batch goes on."""
    if isinstance(exc, DiplotextError):
        message = str(exc)
    else:
        message = f"unexpected {type(exc).__name__} (a bug in diplotext, please report it): {exc}"
    stops = exc.stops_batch if isinstance(exc, OutputError) else None
    return FileResult(rel, "failed", error=type(exc).__name__, message=message, stops_batch=stops)
