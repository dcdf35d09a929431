"""The batch's first pass: lines that repeat across many documents of one folder are site furniture.

Before the parse, every input is read once and its short lines counted by key
(`text.repeats.furniture_key`, 8 bytes each), one count per folder; a key found in at least
`MIN_DOCUMENTS` documents and in `SHARE` of the folder's documents is furniture, and the parse
then removes those lines (reason ``repeated_in_batch``) unless they are header lines, points,
a document's name or sentences (`text.clean`). A folder of one or two documents has none.

Memory is bounded by lossy counting (Manku and Motwani): after every `BUCKET` documents of a
folder, the keys not seen in at least one document per bucket so far are forgotten, so a folder
holds the keys of about `BUCKET` documents' lines, times a logarithm, whatever its size. A key
forgotten so is in fewer than one document in `BUCKET`, far below `SHARE`.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..pipeline import prepare
from ..text.decode import decode_bytes
from ..text.files import read_bytes
from ..text.repeats import line_keys
from .planning import Settings, Task

MIN_DOCUMENTS = 3
SHARE = 0.3
BUCKET = 20


def folder_of(rel: str) -> str:
    """The folder a task's input is in, relative to the batch's root ('' for the root itself)."""
    parent = str(PurePosixPath(rel.replace("\\", "/")).parent)
    return "" if parent == "." else parent


@dataclass
class FolderCount:
    """Lossy counts of the line keys of one folder's documents: key -> (documents, forgotten before)."""

    documents: int = 0
    counts: dict[bytes, tuple[int, int]] = field(default_factory=dict)

    def add(self, keys: Iterable[bytes]) -> None:
        """Count one document's keys (each once)."""
        self.documents += 1
        bucket = math.ceil(self.documents / BUCKET)
        for key in keys:
            n, missed = self.counts.get(key, (0, bucket - 1))
            self.counts[key] = (n + 1, missed)
        if self.documents % BUCKET == 0:
            self.counts = {k: v for k, v in self.counts.items() if v[0] + v[1] > bucket}

    def repeated(self) -> frozenset[bytes]:
        """The keys of the lines that are this folder's furniture."""
        least = max(MIN_DOCUMENTS, math.ceil(SHARE * self.documents))
        return frozenset(k for k, (n, _) in self.counts.items() if n >= least)


def _keys_of(task: Task, settings: Settings) -> list[bytes]:
    """The keys of one input's lines, read as the parse will read it; none for an input that
    cannot be read (the parse reports it)."""
    try:
        decoded = decode_bytes(read_bytes(Path(task.path), max_bytes=settings.max_bytes), max_bytes=settings.max_bytes)
        prep = prepare(decoded.text, lang=settings.lang, path=task.rel, encoding=decoded.encoding, sha256="0" * 64,
                       max_chars=settings.max_bytes)
    except Exception:  # noqa: BLE001 - the parse meets the same error and records it
        return []
    return list(line_keys(prep.work))


def count_furniture(tasks: Iterable[Task], settings: Settings) -> dict[str, frozenset[bytes]]:
    """Folder -> the keys of its furniture lines, for every folder that has any. The inputs of a
    folder of fewer than `MIN_DOCUMENTS` are not read: no line of theirs can be furniture."""
    tasks = list(tasks)
    sizes = Counter(folder_of(task.rel) for task in tasks)
    folders: dict[str, FolderCount] = {}
    for task in tasks:
        folder = folder_of(task.rel)
        if sizes[folder] >= MIN_DOCUMENTS:
            folders.setdefault(folder, FolderCount()).add(_keys_of(task, settings))
    found = {folder: count.repeated() for folder, count in folders.items()}
    return {folder: keys for folder, keys in found.items() if keys}
