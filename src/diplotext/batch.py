"""Converting folders: every input to one JSON, written atomically, failures reported, none lost.

A batch never stops at a bad file: the error (class and message) goes to ``OUT/_errors.jsonl``
and the next file is converted. Every output is written to a temporary file in the output
folder and renamed over the target, so a kill at any moment leaves the old JSON or the new one.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import DiplotextError
from .models import Statement
from .pipeline import parse_path

ERRORS_FILE = "_errors.jsonl"


@dataclass
class BatchReport:
    """What a batch did: counts and the failures, each with its error class and message."""

    converted: int = 0
    failed: list[dict[str, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


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


def find_inputs(root: Path, pattern: str = "*.txt") -> Iterator[Path]:
    """Input files under `root` (or `root` itself), sorted for a stable order."""
    if root.is_dir():
        yield from sorted(p for p in root.rglob(pattern))
    else:
        yield root


def output_path(inp: Path, root: Path, out: Path) -> Path:
    """`OUT/REL.json` for an input at `ROOT/REL.txt`; never outside `out`."""
    rel = inp.relative_to(root) if root.is_dir() else Path(inp.name)
    target = (out / rel).with_suffix(".json")
    if not target.resolve().is_relative_to(out.resolve()):
        raise DiplotextError(f"{inp}: its output would fall outside {out}")
    return target


def convert(root: Path, out: Path, *, pattern: str = "*.txt", lang: str | None = None, gazetteer: Path | None = None) -> BatchReport:
    """Convert every input under `root` into `out`; see the module docstring."""
    report = BatchReport()
    errors: list[str] = []
    for inp in find_inputs(root, pattern):
        rel = str(inp.relative_to(root)) if root.is_dir() else inp.name
        try:
            target = output_path(inp, root, out)
            statement = parse_path(inp, lang=lang, display_path=rel, gazetteer=gazetteer)
            write_atomic(target, statement_json(statement))
            report.converted += 1
        except DiplotextError as exc:
            failure = {"file": rel, "error": type(exc).__name__, "message": str(exc)}
            report.failed.append(failure)
            errors.append(json.dumps(failure, ensure_ascii=False))
    if errors:
        write_atomic(out / ERRORS_FILE, "\n".join(errors) + "\n")
    elif (out / ERRORS_FILE).exists():
        (out / ERRORS_FILE).unlink()
    return report
