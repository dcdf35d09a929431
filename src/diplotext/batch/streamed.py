"""The JSON of a long input written as its pieces are parsed, never held whole.

`parse` of a long text gives one `Statement` (`pieces.parse_in_pieces`): a 20 MB text's is
hundreds of thousands of Pydantic values, and its JSON as one string as much again. A writer
needs neither: here each piece's values are serialized as soon as the piece is merged
(`pieces.merge_pieces` hands them to a `Spool`) into an anonymous temporary file beside the
output, the entities' mentions too, each entity's chunks indexed by offset. What needs the whole
document (the parties, which must be among the merged entities; the warnings; each entity's
merged fields) is known when the last piece is done: then the output is written from the
statement's shell, the spooled lists and the entities, in the order of the fields.

The bytes are those of `writing.statement_json(parse(text))`: each list is serialized by
pydantic as the statement's field would be, and put at its depth by prefixing its lines (JSON
strings hold no raw newline, so that is exact); `tests/test_streamed.py` compares the two.
"""

from __future__ import annotations

import tempfile
from array import array
from collections.abc import Callable
from datetime import date as Date
from pathlib import Path
from typing import IO, Any

from pydantic import TypeAdapter

from .. import pipeline
from ..gc_pacing import paced_collector
from ..models import Entity, Mention, Statement
from ..pieces import LISTS, merge_pieces
from ..pipeline import Prepared, piece_parser
from .writing import output_error, statement_json, write_atomic_with

_FIELDS = ("sections", "entities", "dates", "figures", "events", "stances", "removed")
"""The statement's lists in the order of its fields (`models.Statement`)."""
_ADAPTERS: dict[str, TypeAdapter[Any]] = {
    name: TypeAdapter(Statement.model_fields[name].annotation) for name in (*LISTS, "entities")
}
_MENTIONS: TypeAdapter[Any] = TypeAdapter(Entity.model_fields["mentions"].annotation)
_ITEM_PAD = b" "
"""A statement's list items stand at depth 2, one deeper than a list's own items dumped alone."""
_MENTION_PAD = b"   "
"""An entity's mentions stand at depth 4."""
_NO_MENTIONS = b'"mentions": []\n  }'
"""How an entity at its depth ends when its mentions are left out (`mentions` is its last field)."""


def _items(adapter: TypeAdapter[Any], values: list[Any], pad: bytes) -> bytes:
    """`values` as the items of a JSON list (indent 1), without its brackets, `pad` deeper."""
    dumped = adapter.dump_json(values, indent=1)
    return pad + dumped[2:-2].replace(b"\n", b"\n" + pad)


class Spool:
    """A `pieces.PieceSink` that serializes: each piece's values of a list, and its mentions of
    each entity, go to an anonymous temporary file (removed by the file system when it is closed,
    also when the process is killed); what stays in memory is where each chunk stands."""

    def __init__(self, folder: Path | None, failed: Callable[[OSError], Exception] | None = None) -> None:
        """A spool in `folder` (the system's temporary folder when None); `failed` makes the
        exception raised when writing to it fails (the disk is full): the `OSError` itself when None."""
        self.fh = tempfile.TemporaryFile(dir=folder)  # noqa: SIM115 - closed by `close`
        self.failed = failed
        self.size = 0
        self.chunks: dict[str, list[tuple[int, int]]] = {name: [] for name in LISTS}
        self.mentions: dict[str, array[int]] = {}
        """Entity id -> where its mentions stand in the spool, piece by piece: offset, length, offset, ..."""

    def take(self, name: str, values: list[Any]) -> None:
        if values:
            self.chunks[name].append(self._spooled(_items(_ADAPTERS[name], values, _ITEM_PAD)))

    def take_mentions(self, entity_id: str, mentions: list[Mention]) -> None:
        self.mentions.setdefault(entity_id, array("q")).extend(self._spooled(_items(_MENTIONS, mentions, _MENTION_PAD)))

    def _spooled(self, data: bytes) -> tuple[int, int]:
        """Where `data` now stands in the spool: (offset, length)."""
        try:
            self.fh.write(data)
        except OSError as exc:
            if self.failed is None:
                raise
            raise self.failed(exc) from None
        self.size += len(data)
        return self.size - len(data), len(data)

    def close(self) -> None:
        self.fh.close()

    def write(self, out: IO[bytes], shell: Statement, entities: dict[str, Entity]) -> None:
        """The whole statement to `out`: the shell's JSON with every list put in its place."""
        self.fh.flush()
        shell_json = shell.model_dump_json(indent=1).encode("utf-8")
        at = 0
        for name in _FIELDS:
            key = b'\n "' + name.encode() + b'": ['
            end = shell_json.index(key, at) + len(key)  # the shell's list is empty: "[]"
            out.write(shell_json[at:end])
            if self._write_list(out, name, entities):
                out.write(b"\n ")
            at = end
        out.write(shell_json[at:] + b"\n")

    def _write_list(self, out: IO[bytes], name: str, entities: dict[str, Entity]) -> bool:
        """The items of the list `name`, each after a newline; whether there were any."""
        if name == "entities":
            parts = (self._entity(id_, e) for id_, e in entities.items())
        else:
            parts = (self._read(offset, length) for offset, length in self.chunks[name])
        wrote = False
        for part in parts:
            out.write(b",\n" if wrote else b"\n")
            out.write(part)
            wrote = True
        return wrote

    def _read(self, offset: int, length: int) -> bytes:
        self.fh.seek(offset)
        return self.fh.read(length)

    def _entity(self, id_: str, entity: Entity) -> bytes:
        """One merged entity at its depth, with the mentions spooled for it."""
        data = _items(_ADAPTERS["entities"], [entity], _ITEM_PAD)
        where = self.mentions.get(id_)
        if not where:
            return data
        if not data.endswith(_NO_MENTIONS):
            raise AssertionError(f"entity {id_}: its JSON does not end with its (empty) mentions")
        mentions = b",\n".join(self._read(where[i], where[i + 1]) for i in range(0, len(where), 2))
        return data[:-len(_NO_MENTIONS)] + b'"mentions": [\n' + mentions + b"\n   ]\n  }"


def spool_pieces(prep: Prepared, spool: Spool, *, date: str | Date | None = None,
                 gazetteer: Path | None = None) -> tuple[Statement, dict[str, Entity]]:
    """Parse a long prepared input piece by piece into `spool`: (the statement's shell, the
    merged entities), what `Spool.write` takes (see `pieces.merge_pieces`)."""
    with paced_collector():
        return merge_pieces(prep, piece_parser(prep.lang, gazetteer), spool, date=date, size=pipeline.PIECE_CHARS)


def write_json(prep: Prepared, out: IO[bytes], *, date: str | Date | None = None, gazetteer: Path | None = None,
               before_writing: Callable[[Statement], object] | None = None) -> None:
    """The JSON of a prepared input (the bytes of `statement_json`) to `out`; a long input's
    streamed as its pieces are parsed, spooled in the system's temporary folder.
    `before_writing(statement)` is called once the input is parsed, before anything is written,
    with the statement (of a long input, its shell: document fields and warnings, no lists)."""
    if not is_long(prep):
        statement = pipeline.parse_prepared(prep, date=date, gazetteer=gazetteer)
        if before_writing is not None:
            before_writing(statement)
        out.write(statement_json(statement).encode("utf-8"))
        return
    spool = Spool(None)
    try:
        shell, entities = spool_pieces(prep, spool, date=date, gazetteer=gazetteer)
        if before_writing is not None:
            before_writing(shell)
        spool.write(out, shell, entities)
    finally:
        spool.close()


def convert_long(prep: Prepared, target: Path, *, date: str | Date | None = None, gazetteer: Path | None = None) -> None:
    """Parse a long prepared input and write its JSON atomically to `target`, its pieces spooled
    beside it. What the parse raises is raised as it is; a failed write (a full disk) is an
    `OutputError` that says why, and leaves no temporary file."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        spool = Spool(target.parent, failed=lambda exc: output_error(target, exc))
    except OSError as exc:
        raise output_error(target, exc) from None
    try:
        shell, entities = spool_pieces(prep, spool, date=date, gazetteer=gazetteer)
        try:
            write_atomic_with(target, lambda fh: spool.write(fh, shell, entities))
        except OSError as exc:
            raise output_error(target, exc) from None
    finally:
        spool.close()


def is_long(prep: Any) -> bool:
    """Whether a prepared input is parsed in pieces (and so written by `convert_long`)."""
    return isinstance(prep, Prepared) and len(prep.work) > pipeline.PIECE_CHARS
