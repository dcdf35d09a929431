"""The documents a view reads: the JSON / JSONL that `diplotext convert` writes, or Statements.

Each document keeps the ``doc_id`` that `diplotext export` gives it (the input's path under
the batch root, else its SHA-256), so that a timeline row, a report link and an exported table
all name a document the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import chain
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import Any

from ..errors import DiplotextError
from ..export import _doc_ids, _Reader
from ..models import Statement


class CorpusError(DiplotextError):
    """The source of a view holds no readable diplotext output."""


@dataclass(frozen=True)
class Document:
    """One statement of a corpus with the id that names it everywhere."""

    doc_id: str
    statement: Statement

    @property
    def year(self) -> str | None:
        """The document's year, when its date is known."""
        return self.statement.date.value[:4] if self.statement.date else None

    @property
    def date(self) -> str | None:
        return self.statement.date.value if self.statement.date else None


@dataclass
class Corpus:
    """The documents read, and what could not be read (a bad file never stops a view)."""

    documents: list[Document]
    problems: list[str] = field(default_factory=list)


def iter_documents(source: Any, problems: list[str] | None = None) -> Iterator[Document]:
    """Documents from a folder or file of `convert` output, or from Statements / dicts / paths.

    Streams: one statement is held at a time. Files that are not diplotext output are noted in
    `problems` (when given) and skipped.
    """
    if isinstance(source, (str, PathLike)) and not Path(source).exists():
        raise CorpusError(f"{source}: no such file or folder")
    if isinstance(source, Statement):
        source = [source]
    reader = _Reader()
    try:
        for statement, doc_id in _doc_ids(reader.statements(source)):
            yield Document(doc_id, statement)
    finally:
        if problems is not None:
            problems.extend(reader.problems)


def read_corpus(source: Any) -> Corpus:
    """All documents of `source` in memory (what a report, which draws many views, needs)."""
    problems: list[str] = []
    documents = list(iter_documents(source, problems))
    return Corpus(documents, problems)


def as_documents(source: Any | Iterable[Document]) -> Iterator[Document]:
    """Documents as given (a Corpus, or an iterable of Documents), or read from `source`."""
    if isinstance(source, Corpus):
        yield from source.documents
        return
    if isinstance(source, (str, PathLike, Statement)):
        yield from iter_documents(source)
        return
    items = iter(source)
    first = next(items, None)
    if first is None:
        return
    if isinstance(first, Document):
        yield first
        yield from items
        return
    yield from iter_documents(chain([first], items))
