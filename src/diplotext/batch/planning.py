"""Which inputs a batch converts and where each output goes, decided before anything runs.

Output paths are derived from the input's path relative to the root, so no input name can
escape the output folder; an output that would replace an input, or another input's output,
is refused for that file with its own message.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .. import __about__
from ..text.decode import DEFAULT_MAX_BYTES
from .results import BatchSetupError, FileResult
from .writing import ERRORS_FILE, JSONL_FILE, RUN_FILE, name_max

Format = Literal["json", "jsonl"]

_TEMP_NAME = re.compile(r"^\..+\.tmp$")


@dataclass(frozen=True)
class Task:
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
    furniture: bool = True
    """Remove the lines that repeat across many documents of a folder (`batch.furniture`)."""
    repeated: dict[str, frozenset[bytes]] = field(default_factory=dict, compare=False, repr=False)
    """Folder -> keys of its furniture lines, found by the batch's first pass."""

    def fingerprint(self) -> dict[str, Any]:
        """The settings that decide what an output holds, as recorded in ``_run.jsonl``."""
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
            "furniture": self.furniture,
        }


def unreadable_folders(root: Path) -> list[Path]:
    """The folders under `root` that cannot be listed (no permission, gone while listed): their
    files cannot be found, so each is reported as an input that failed, never passed over.
    Symbolic links to folders are not followed, as in `find_inputs`."""
    if not root.is_dir():
        return []
    found: list[Path] = []
    for _ in os.walk(root, onerror=lambda exc: found.append(Path(exc.filename))):
        pass
    return sorted(found)


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


def check_pattern(pattern: str) -> None:
    """Refuse a pattern that is a path rather than a file-name pattern."""
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


@dataclass(frozen=True)
class _Folders:
    """The input root and the output folder, as given and resolved."""

    root: Path
    out: Path
    root_is_dir: bool
    root_res: Path
    out_res: Path

    @classmethod
    def of(cls, root: Path, out: Path) -> _Folders:
        root_is_dir = root.is_dir()
        return cls(root, out, root_is_dir, root.resolve() if root_is_dir else root.parent.resolve(), out.resolve())

    @property
    def out_inside_root(self) -> bool:
        return self.root_is_dir and self.out_res != self.root_res and self.out_res.is_relative_to(self.root_res)


def _input_paths(folders: _Folders, pattern: str, fmt: Format) -> list[Path]:
    """The inputs relative to the root, without what an earlier run wrote into the folder."""
    ours = {ERRORS_FILE, RUN_FILE} | ({JSONL_FILE} if fmt == "jsonl" else set())
    out_inside_root = folders.out_inside_root
    rels: list[Path] = []
    for inp in find_inputs(folders.root, pattern):
        rel = inp.relative_to(folders.root) if folders.root_is_dir else Path(inp.name)
        real = folders.root_res / rel
        if out_inside_root and real.is_relative_to(folders.out_res):
            continue  # a previous run's outputs are not inputs
        if real.parent == folders.out_res and _TEMP_NAME.match(rel.name):
            continue  # a temporary file of ours, left by a killed run
        if real.parent == folders.out_res and rel.name in ours:
            if _is_ours(real):
                continue  # the bookkeeping of an earlier run in an output folder that is also the input folder
            raise BatchSetupError(f"{folders.out / rel.name} would overwrite an input: choose another --out folder")
        if folders.root_is_dir and not rel.suffix and inp.is_dir():
            continue  # a plain folder that the pattern happens to match; a folder named like a file is reported
        rels.append(rel)
    return rels


class _Targets:
    """Assigns each input its output file, refusing one that would replace an input or another output."""

    def __init__(self, folders: _Folders, rels: list[Path]) -> None:
        self.folders = folders
        # A directory entry is (its folder, resolved, and its name): an output replaces an input
        # only if both agree. Input folders below the root are not symlinks (rglob does not follow them).
        self.inputs = {(folders.root_res / rel).parent / rel.name for rel in rels}
        self.resolved_dirs: dict[Path, Path] = {}
        self.owners: dict[Path, str] = {}

    def problem(self, target: Path, shown: str) -> str | None:
        """Why `target` cannot be the output of the input `shown`, or None (and then it is taken)."""
        parent = self.resolved_dirs.get(target.parent)
        if parent is None:
            parent = self.resolved_dirs[target.parent] = target.parent.resolve()
        real_target = parent / target.name
        out = self.folders.out
        if not parent.is_relative_to(self.folders.out_res):
            return f"its output {target} would fall outside {out} (a symbolic link in the output folder?)"
        if real_target in self.inputs:
            return (
                f"its output {target} would overwrite the input {real_target}: "
                "choose an --out folder that is not the input folder"
            )
        if real_target in self.owners:
            return f"its output {target} is also the output of {self.owners[real_target]}: rename one of the two"
        self.owners[real_target] = shown
        return None


def output_path(out: Path, rel: Path) -> Path:
    """The JSON output of the input `rel`: its suffix replaced by (or, without one, followed by) .json."""
    return (out / rel).with_suffix(".json") if rel.suffix else out / (rel.name + ".json")


def plan(root: Path, out: Path, pattern: str = "*.txt", fmt: Format = "json") -> tuple[list[Task], list[FileResult]]:
    """The inputs under `root` and the output of each: tasks to run, and inputs refused already.

    An input is refused (with its own message) when its output would fall outside `out`, would
    replace an input file, or would be the output of another input too.
    """
    check_pattern(pattern)
    folders = _Folders.of(root, out)
    rels = _input_paths(folders, pattern, fmt)
    targets = _Targets(folders, rels)
    longest = name_max(out if out.is_dir() else out.parent if out.parent.is_dir() else Path("."))
    tasks: list[Task] = []
    refused: list[FileResult] = []
    for rel in rels:
        shown = display_path(rel)
        inp = root / rel if folders.root_is_dir else root
        if fmt == "jsonl":
            tasks.append(Task(str(inp), shown, None))
            continue
        target = output_path(out, rel)
        if len(os.fsencode(target.name)) > longest:
            refused.append(FileResult(shown, "failed", error="OutputError", message=(
                f"{shown}: its output name {target.name!r} is {len(os.fsencode(target.name))} bytes, longer than the "
                f"{longest} the output file system takes: rename the input")))
            continue
        problem = targets.problem(target, shown)
        if problem:
            refused.append(FileResult(shown, "failed", error="OutputConflictError", message=f"{shown}: {problem}"))
            continue
        tasks.append(Task(str(inp), shown, str(target)))
    return tasks, refused + _unlisted(folders)


def _unlisted(folders: _Folders) -> list[FileResult]:
    """A failed result for each folder under the root that cannot be listed."""
    out = []
    for folder in unreadable_folders(folders.root):
        shown = display_path(folder.relative_to(folders.root))
        out.append(FileResult(shown + "/", "failed", error="UnreadableInputError", message=(
            f"{shown}/: a folder that cannot be read (permission denied?): the inputs in it were not converted")))
    return out
