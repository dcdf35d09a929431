"""What an earlier run left in the output folder: the fingerprint of each output, the settings.

Only the ``source`` object of a statement is decoded (its first bytes), so telling whether an
output is current costs little however large the output.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .writing import RUN_FILE

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


def index_jsonl(path: Path) -> dict[str, tuple[str, str, int, int]]:
    """For an existing JSONL output: path -> (sha256, version, byte offset, length) of its line."""
    index: dict[str, tuple[str, str, int, int]] = {}
    try:
        fh = open(path, "rb")  # noqa: SIM115
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


def read_previous_run(out: Path) -> dict[str, Any] | None:
    """The settings the last run in `out` recorded, or None."""
    try:
        data = json.loads((out / RUN_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None
