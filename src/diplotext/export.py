"""Flat, joinable tables for analytics tools (pandas, DuckDB, a dashboard) from parsed statements.

One row per document, section, entity, mention, date, figure, event and stance. Every table
starts with ``doc_id`` (the input's path as recorded in ``source.path``, else its SHA-256); child
tables add their own position (``section_index``, ``entity_id`` + ``mention_index``,
``date_index``, ...) and, where the row has offsets, the ``section_index`` of the section it
falls in, so that any two tables join on ``doc_id`` (and ``section_index``).

Columns are derived from the data model, in its field order, so they are the same for every
corpus (an empty corpus still gets every header): a nested object becomes ``name_field``
columns (``source_path``, ``date_value``, ``evidence_start``), a list of strings one
``;``-joined text, a mapping one JSON text, a list of objects a child table (and an ``n_...``
count), and a `Decimal` two columns: ``value`` (a float, to compute with) and
``value_decimal`` (the exact digits, as text).

CSV is always written; Parquet when pyarrow is installed (``pip install 'diplotext[parquet]'``);
`to_frames` gives pandas DataFrames (``pip install 'diplotext[pandas]'``).
"""

from __future__ import annotations

import csv
import json
import types
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from .errors import DiplotextError, counted
from .models import DateMention, Entity, Event, Figure, Mention, Section, Stance, Statement

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

TABLES = ("documents", "sections", "entities", "mentions", "dates", "figures", "events", "stances")
LIST_SEPARATOR = ";"

Kind = Literal["str", "int", "float", "bool"]


# --------------------------------------------------------------------------- columns from the models


def _field_kind(annotation: Any) -> tuple[str, Any]:
    """What a model field becomes: ('str'|'int'|'float'|'bool'|'decimal'|'list'|'json', None),
    ('model', cls) for a nested object, or ('children', cls) for a list of objects."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return _field_kind(get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        return _field_kind(args[0]) if len(args) == 1 else ("json", None)
    if origin is Literal:
        values = get_args(annotation)
        return ("bool", None) if all(isinstance(v, bool) for v in values) else ("str", None)
    if origin in (list, tuple, set, frozenset):
        inner = (get_args(annotation) or (Any,))[0]
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            return "children", inner
        return "list", None
    if origin is dict:
        return "json", None
    if isinstance(annotation, type):
        if issubclass(annotation, BaseModel):
            return "model", annotation
        for py, kind in ((bool, "bool"), (int, "int"), (float, "float"), (Decimal, "decimal"), (str, "str")):
            if issubclass(annotation, py):
                return kind, None
    return "json", None


@dataclass(frozen=True)
class _Column:
    name: str
    kind: Kind
    path: tuple[str, ...]
    """Attribute names from the row's object to the value."""
    how: str = "plain"
    """'plain', 'list' (';'-joined), 'json', 'float' / 'decimal' (a Decimal's two columns), 'count'."""


def _columns_of(model: type[BaseModel], prefix: str = "", path: tuple[str, ...] = (), *, counts: bool = False,
                rename: dict[str, str] | None = None) -> list[_Column]:
    cols: list[_Column] = []
    for name, info in model.model_fields.items():
        kind, cls = _field_kind(info.annotation)
        col = (rename or {}).get(name, prefix + name)
        where = (*path, name)
        if kind == "model":
            cols += _columns_of(cls, f"{col}_", where)
        elif kind == "children":
            if counts:
                cols.append(_Column(f"n_{col}", "int", where, "count"))
        elif kind == "decimal":
            cols.append(_Column(col, "float", where, "float"))
            cols.append(_Column(f"{col}_decimal", "str", where, "decimal"))
        elif kind == "list":
            cols.append(_Column(col, "str", where, "list"))
        elif kind == "json":
            cols.append(_Column(col, "str", where, "json"))
        else:
            cols.append(_Column(col, kind, where))
    return cols


def _key(name: str, kind: Kind = "int") -> _Column:
    return _Column(name, kind, (), "key")


def _table_columns() -> dict[str, list[_Column]]:
    sec = _key("section_index")
    return {
        "documents": [_key("doc_id", "str"), *_columns_of(Statement, counts=True)],
        "sections": [_key("doc_id", "str"), *_columns_of(Section, rename={"index": "section_index"})],
        "entities": [_key("doc_id", "str"), *_columns_of(Entity, counts=True, rename={"id": "entity_id"})],
        "mentions": [_key("doc_id", "str"), _key("entity_id", "str"), _key("mention_index"), *_columns_of(Mention), sec],
        "dates": [_key("doc_id", "str"), _key("date_index"), *_columns_of(DateMention), sec],
        "figures": [_key("doc_id", "str"), _key("figure_index"), *_columns_of(Figure), sec],
        "events": [_key("doc_id", "str"), _key("event_index"), *_columns_of(Event), sec],
        "stances": [_key("doc_id", "str"), _key("stance_index"), *_columns_of(Stance), sec],
    }


COLUMNS: dict[str, list[_Column]] = _table_columns()


def columns(table: str) -> list[str]:
    """The column names of a table, in order."""
    return [c.name for c in COLUMNS[table]]


# --------------------------------------------------------------------------- rows


def _value(obj: Any, col: _Column) -> Any:
    v = obj
    for attr in col.path:
        if v is None:
            return None
        v = getattr(v, attr)
    if v is None:
        return None
    if col.how == "list":
        return LIST_SEPARATOR.join(str(x) for x in v)
    if col.how == "json":
        return json.dumps(v, ensure_ascii=False, sort_keys=True, default=str)
    if col.how == "count":
        return len(v)
    if col.how == "float":
        return float(v)
    if col.how == "decimal":
        return str(v)
    return v


def _row(obj: Any, cols: list[_Column], keys: dict[str, Any]) -> list[Any]:
    return [keys.get(c.name) if c.how == "key" else _value(obj, c) for c in cols]


class _SectionFinder:
    """The index of the section a character offset falls in, or None."""

    def __init__(self, sections: list[Section]) -> None:
        ordered = sorted(sections, key=lambda s: s.start)
        self.starts = [s.start for s in ordered]
        self.sections = ordered

    def __call__(self, offset: int | None) -> int | None:
        if offset is None:
            return None
        i = bisect_right(self.starts, offset) - 1
        if i >= 0 and offset < self.sections[i].end:
            return self.sections[i].index
        return None


def _offset(obj: Any) -> int | None:
    for attr in ("start", "evidence", "trigger"):
        v = getattr(obj, attr, None)
        if isinstance(v, int):
            return v
        if v is not None and isinstance(getattr(v, "start", None), int):
            return v.start  # type: ignore[no-any-return]
    return None


def statement_rows(statement: Statement, doc_id: str) -> Iterator[tuple[str, list[Any]]]:
    """(table, row) for every row one statement contributes."""
    find = _SectionFinder(list(statement.sections))
    yield "documents", _row(statement, COLUMNS["documents"], {"doc_id": doc_id})
    for s in statement.sections:
        yield "sections", _row(s, COLUMNS["sections"], {"doc_id": doc_id})
    for e in statement.entities:
        yield "entities", _row(e, COLUMNS["entities"], {"doc_id": doc_id})
        for i, m in enumerate(e.mentions):
            keys = {"doc_id": doc_id, "entity_id": e.id, "mention_index": i, "section_index": find(m.start)}
            yield "mentions", _row(m, COLUMNS["mentions"], keys)
    for table, items in (("dates", statement.dates), ("figures", statement.figures),
                         ("events", statement.events), ("stances", statement.stances)):
        index_name = f"{table[:-1]}_index"
        for i, item in enumerate(items):
            keys = {"doc_id": doc_id, index_name: i, "section_index": find(_offset(item))}
            yield table, _row(item, COLUMNS[table], keys)


# --------------------------------------------------------------------------- reading parsed output


@dataclass
class _Reader:
    problems: list[str] = field(default_factory=list)

    def statements(self, source: Any) -> Iterator[Statement]:
        if isinstance(source, (str, PathLike)):
            yield from self._path(Path(source))
            return
        for item in source:
            if isinstance(item, Statement):
                yield item
            elif isinstance(item, dict):
                yield Statement.model_validate(item)
            elif isinstance(item, (str, PathLike)):
                yield from self._path(Path(item))
            else:
                raise TypeError(f"cannot export a {type(item).__name__}: give Statements, dicts or paths")

    def _path(self, path: Path) -> Iterator[Statement]:
        if path.is_dir():
            files = sorted(
                p for p in path.rglob("*")
                if p.suffix in (".json", ".jsonl") and not p.name.startswith(("_", ".")) and p.is_file()
            )
            for f in files:
                yield from self._file(f)
        elif path.suffix not in (".json", ".jsonl"):
            self.problems.append(f"{path}: not an output of 'diplotext convert' (a .json or .jsonl file); "
                                 f"convert it first: diplotext convert {path} --out DIR")
        else:
            yield from self._file(path)

    def _file(self, path: Path) -> Iterator[Statement]:
        try:
            if path.suffix == ".jsonl":
                with open(path, encoding="utf-8") as fh:
                    for n, line in enumerate(fh, 1):
                        if line.strip():
                            st = self._validate(line, f"{path}:{n}")
                            if st is not None:
                                yield st
            else:
                st = self._validate(path.read_text(encoding="utf-8"), str(path))
                if st is not None:
                    yield st
        except (OSError, UnicodeDecodeError) as exc:
            self.problems.append(f"{path}: cannot read: {exc}")

    def _validate(self, text: str, where: str) -> Statement | None:
        try:
            return Statement.model_validate_json(text)
        except ValidationError as exc:
            first = exc.errors()[0]
            loc = ".".join(map(str, first["loc"]))
            self.problems.append(f"{where}: not a diplotext statement ({counted(exc.error_count(), 'error')}; first: "
                                 f"{loc + ': ' if loc else ''}{first['msg']})")
            return None


def _doc_ids(statements: Iterable[Statement]) -> Iterator[tuple[Statement, str]]:
    seen: dict[str, int] = {}
    for st in statements:
        base = st.source.path or st.source.sha256
        n = seen.get(base, 0) + 1
        seen[base] = n
        yield st, base if n == 1 else f"{base}#{n}"


# --------------------------------------------------------------------------- writing


def _arrow_schema(table: str):  # type: ignore[no-untyped-def]
    import pyarrow as pa

    types_ = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    return pa.schema([pa.field(c.name, types_[c.kind]) for c in COLUMNS[table]])


class _ParquetSink:
    def __init__(self, path: Path, table: str, row_group: int = 50_000) -> None:
        import pyarrow.parquet as pq

        self.schema = _arrow_schema(table)
        self.writer = pq.ParquetWriter(path, self.schema)
        self.names = columns(table)
        self.rows: list[list[Any]] = []
        self.row_group = row_group

    def add(self, row: list[Any]) -> None:
        self.rows.append(row)
        if len(self.rows) >= self.row_group:
            self.flush()

    def flush(self) -> None:
        import pyarrow as pa

        if self.rows:
            cols = list(zip(*self.rows))
            self.writer.write_table(pa.Table.from_arrays([pa.array(c, type=f.type) for c, f in zip(cols, self.schema)], schema=self.schema))
            self.rows = []

    def close(self) -> None:
        self.flush()
        self.writer.close()


class NothingToExportError(DiplotextError):
    """The folder or file given to `export` holds no statement: no tables are written."""


@dataclass
class ExportReport:
    """What `export` wrote."""

    documents: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    formats: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    """Inputs that were not statements (unreadable, invalid JSON, another schema), each with why."""


def have_pyarrow() -> bool:
    try:
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        return False
    return True


def export(source: Any, to: str | PathLike[str], *, parquet: bool | None = None) -> ExportReport:
    """Write the tables of `source` into the folder `to`: ``TABLE.csv`` and, with pyarrow, ``TABLE.parquet``.

    `source` is a folder of `convert` outputs (``*.json``, ``*.jsonl``; ``_*`` files are
    skipped), one such file, or an iterable of `Statement` objects. `parquet`: None writes
    Parquet when pyarrow is installed, True requires it, False writes CSV only. Files are
    written under temporary names and renamed at the end. Memory stays flat: rows stream out.
    A folder or file with no statement in it raises `NothingToExportError` and writes nothing.
    """
    import os

    out = Path(to)
    out.mkdir(parents=True, exist_ok=True)
    use_parquet = have_pyarrow() if parquet is None else parquet
    if use_parquet and not have_pyarrow():
        raise ImportError("Parquet output needs pyarrow: pip install 'diplotext[parquet]'")
    report = ExportReport(rows={t: 0 for t in TABLES}, formats=["csv"] + (["parquet"] if use_parquet else []))
    reader = _Reader()
    temps: list[tuple[Path, Path]] = []
    handles = []
    writers: dict[str, Any] = {}
    sinks: dict[str, _ParquetSink] = {}
    try:
        for t in TABLES:
            final = out / f"{t}.csv"
            tmp = out / f".{t}.csv.tmp"
            fh = open(tmp, "w", encoding="utf-8", newline="")  # noqa: SIM115
            handles.append(fh)
            temps.append((tmp, final))
            w = csv.writer(fh)
            w.writerow(columns(t))
            writers[t] = w
            if use_parquet:
                final_pq, tmp_pq = out / f"{t}.parquet", out / f".{t}.parquet.tmp"
                sinks[t] = _ParquetSink(tmp_pq, t)
                temps.append((tmp_pq, final_pq))
        for st, doc_id in _doc_ids(reader.statements(source)):
            report.documents += 1
            for table, row in statement_rows(st, doc_id):
                writers[table].writerow(["" if v is None else v for v in row])
                if use_parquet:
                    sinks[table].add(row)
                report.rows[table] += 1
        if report.documents == 0 and isinstance(source, (str, PathLike)):
            found = "; ".join(reader.problems) or "no NAME.json or *.jsonl written by 'diplotext convert' in it"
            raise NothingToExportError(f"{source}: nothing to export: {found}")
        for fh in handles:
            fh.close()
        for sink in sinks.values():
            sink.close()
        for tmp, final in temps:
            os.replace(tmp, final)
            report.files.append(final)
    finally:
        for fh in handles:
            fh.close()
        for tmp, _ in temps:
            tmp.unlink(missing_ok=True)
    report.problems = reader.problems
    return report


_PANDAS_DTYPES = {"str": "string", "int": "Int64", "float": "Float64", "bool": "boolean"}


def to_frames(source: Any) -> dict[str, pd.DataFrame]:
    """The tables of `source` as pandas DataFrames, keyed by table name (see `export`).

    `source` is a folder or file of `convert` outputs, or an iterable of `Statement` objects
    (``diplotext.to_frames(diplotext.parse_many(paths))``). Needs pandas.
    """
    import pandas as pd

    reader = _Reader()
    data: dict[str, list[list[Any]]] = {t: [] for t in TABLES}
    for st, doc_id in _doc_ids(reader.statements(source)):
        for table, row in statement_rows(st, doc_id):
            data[table].append(row)
    frames = {}
    for t in TABLES:
        cols = list(zip(*data[t])) if data[t] else [()] * len(COLUMNS[t])
        frames[t] = pd.DataFrame({
            c.name: pd.array(list(values), dtype=_PANDAS_DTYPES[c.kind]) for c, values in zip(COLUMNS[t], cols)
        })
    return frames
