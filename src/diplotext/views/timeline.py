"""Timelines across documents: figures, entities, stances and events counted per year or month.

A row is one group in one period. The period of a value is its own date (a figure's ``year``,
an event's ``date``) and, where it has none, the date of the document that states it; a value
with neither is left out and counted in ``Timeline.undated``.

Figures are summed only within one group: the same measure, kind, currency (or unit), basis
(a level, a change or a target) and parties (the document's). Several documents that report
the same figure for the same period (same group, period and value) are one value, counted in
``documents``: the value is added once. ``values`` says how many distinct values a row adds up.
Percentages are never added: each distinct percentage of a group and period is a row.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

from ..models import Figure, Statement
from .charts import Series, line_chart, write_chart
from .corpus import Document, as_documents

Of = Literal["figures", "entities", "stances", "events"]
By = Literal["year", "month"]
OF: tuple[Of, ...] = ("figures", "entities", "stances", "events")
MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")

GROUP_COLUMNS: dict[str, tuple[str, ...]] = {
    "figures": ("measure", "kind", "currency", "unit", "basis", "parties"),
    "entities": ("entity", "name", "type"),
    "stances": ("actor", "stance", "target"),
    "events": ("type", "actors"),
}
COUNT_COLUMNS: dict[str, tuple[str, ...]] = {
    "figures": ("value", "values", "documents", "mentions"),
    "entities": ("documents", "mentions"),
    "stances": ("documents", "stances"),
    "events": ("documents", "events"),
}


@dataclass(frozen=True)
class Filters:
    """What a timeline keeps. Every filter is optional; ids compare without regard to case."""

    measure: str | None = None
    entity: str | None = None
    """An entity id, name or alias: named by the document (entities), in the target or among the
    actors (stances), among the actors, instrument or place (events)."""
    parties: tuple[str, ...] = ()
    """Ids that must all be among the document's parties."""
    actor: str | None = None
    stance: str | None = None
    since: str | None = None
    """ISO year, month or day: periods before it are left out."""
    until: str | None = None


@dataclass
class Timeline:
    """The rows of a timeline, their columns, and how many values had no date at all."""

    of: Of
    by: By
    columns: tuple[str, ...]
    rows: list[dict[str, Any]]
    undated: int = 0

    def group_of(self, row: dict[str, Any]) -> tuple[Any, ...]:
        """The values that make a row's line in a chart."""
        return tuple(row[c] for c in GROUP_COLUMNS[self.of])


@dataclass
class _Cell:
    """What one (group, period) gathers while the documents stream by."""

    documents: set[str] = field(default_factory=set)
    mentions: int = 0
    by_value: dict[Decimal, set[str]] = field(default_factory=dict)


def _upper(ids: Iterable[str]) -> set[str]:
    return {i.upper() for i in ids}


def _period(own: str | None, doc_date: str | None, by: By) -> tuple[str | None, str | None]:
    """(year, month) of a value: its own date where it has one, else the document's.

    A value whose own date is a year only gets the document's month when the document is of
    that year, and no month otherwise.
    """
    base = own if own and own[:4].isdigit() else doc_date
    if not base or not base[:4].isdigit():
        return None, None
    year = base[:4]
    if by == "year":
        return year, None
    if MONTH.match(base):
        return year, base[:7]
    if doc_date and doc_date[:4] == year and MONTH.match(doc_date):
        return year, doc_date[:7]
    return year, None


def _in_range(key: str, filters: Filters) -> bool:
    if filters.since and key < filters.since[: len(key)]:
        return False
    return not (filters.until and key > filters.until[: len(key)])


def _basis(f: Figure) -> str:
    return "target" if f.target else "change" if f.change else "level"


def _entity_match(st: Statement, wanted: str) -> set[str]:
    """The ids in a statement that `wanted` names (by id, name or alias)."""
    w = wanted.casefold()
    out = {wanted.upper()}
    for e in st.entities:
        if e.id.casefold() == w or e.name.casefold() == w or any(a.casefold() == w for a in e.aliases):
            out.add(e.id.upper())
    return out


def _figure_items(doc: Document, f: Filters) -> Iterator[tuple[tuple[Any, ...], str | None, Any]]:
    st = doc.statement
    parties = ",".join(sorted(st.parties))
    for fig in st.figures:
        if fig.measure is None or (f.measure and fig.measure != f.measure):
            continue
        unit = None if fig.kind == "money" else fig.unit
        yield (fig.measure, fig.kind, fig.currency, unit, _basis(fig), parties), fig.year, fig.value


def _entity_items(doc: Document, f: Filters) -> Iterator[tuple[tuple[Any, ...], str | None, Any]]:
    wanted = _entity_match(doc.statement, f.entity) if f.entity else None
    for e in doc.statement.entities:
        if wanted is None or e.id.upper() in wanted:
            yield (e.id, e.name, e.type), None, len(e.mentions)


def _actors(actor: list[str], st: Statement) -> list[str]:
    """A stance's actors, 'parties' read as the document's parties where it names them."""
    out: list[str] = []
    for a in actor:
        out.extend(st.parties if a == "parties" and st.parties else [a])
    return sorted(set(out))


def _stance_items(doc: Document, f: Filters) -> Iterator[tuple[tuple[Any, ...], str | None, Any]]:
    st = doc.statement
    wanted = _entity_match(st, f.entity) if f.entity else None
    for s in st.stances:
        actors = _actors(s.actor, st)
        if f.stance and s.stance != f.stance:
            continue
        if f.actor and f.actor.upper() not in _upper(actors):
            continue
        if wanted is not None and not (wanted & (_upper(s.target_ids) | _upper(actors))):
            continue
        yield (",".join(actors), s.stance, ",".join(sorted(set(s.target_ids)))), None, 1


def _event_items(doc: Document, f: Filters) -> Iterator[tuple[tuple[Any, ...], str | None, Any]]:
    st = doc.statement
    wanted = _entity_match(st, f.entity) if f.entity else None
    for ev in st.events:
        actors = sorted(set(ev.actors))
        if f.actor and f.actor.upper() not in _upper(actors):
            continue
        around = _upper(actors) | _upper(x for x in (ev.instrument, ev.place) if x)
        if wanted is not None and not (wanted & around):
            continue
        yield (ev.type, ",".join(actors)), ev.date, 1


_ITEMS: dict[str, Callable[[Document, Filters], Iterator[tuple[tuple[Any, ...], str | None, Any]]]] = {
    "figures": _figure_items, "entities": _entity_items, "stances": _stance_items, "events": _event_items,
}


def _gather(documents: Iterable[Document], of: Of, by: By, filters: Filters) -> tuple[dict[tuple[Any, ...], _Cell], int]:
    cells: dict[tuple[Any, ...], _Cell] = {}
    undated = 0
    wanted_parties = _upper(filters.parties)
    for doc in documents:
        if wanted_parties and not wanted_parties <= _upper(doc.statement.parties):
            continue
        for group, own, amount in _ITEMS[of](doc, filters):
            year, month = _period(own, doc.date, by)
            if year is None:
                undated += 1
                continue
            if not _in_range(month or year, filters):
                continue
            # percentages are never added up: each distinct one is its own row
            apart = amount if of == "figures" and group[1] == "percent" else None
            cell = cells.setdefault((year, month, *group, apart), _Cell())
            cell.documents.add(doc.doc_id)
            if of == "figures":
                cell.by_value.setdefault(amount, set()).add(doc.doc_id)
                cell.mentions += 1
            else:
                cell.mentions += amount
    return cells, undated


def _row(key: tuple[Any, ...], cell: _Cell, of: Of, by: By) -> dict[str, Any]:
    year, month, *group, _apart = key
    row: dict[str, Any] = {"year": int(year)}
    if by == "month":
        row["month"] = month
    row.update(zip(GROUP_COLUMNS[of], group))
    if of == "figures":
        row["value"] = sum(cell.by_value, Decimal(0))
        row["values"] = len(cell.by_value)
    row["documents"] = len(cell.documents)
    row[COUNT_COLUMNS[of][-1]] = cell.mentions
    return row


def _sort_key(row: dict[str, Any]) -> tuple[Any, ...]:
    return tuple("" if v is None else str(v) if not isinstance(v, int) else f"{v:08d}" for v in row.values())


def build_timeline(source: Any, of: Of = "figures", *, by: By = "year", filters: Filters | None = None) -> Timeline:
    """The timeline of `source` (a folder or file of `convert` output, Statements, Documents)."""
    if of not in OF:
        raise ValueError(f"of must be one of {', '.join(OF)}, not {of!r}")
    if by not in ("year", "month"):
        raise ValueError(f"by must be 'year' or 'month', not {by!r}")
    cells, undated = _gather(as_documents(source), of, by, filters or Filters())
    rows = sorted((_row(k, c, of, by) for k, c in cells.items()), key=_sort_key)
    columns = ("year", *(("month",) if by == "month" else ()), *GROUP_COLUMNS[of], *COUNT_COLUMNS[of])
    return Timeline(of, by, columns, rows, undated)


def to_frame(timeline: Timeline) -> Any:
    """The rows as a pandas DataFrame (values as floats), or the plain rows without pandas."""
    try:
        import pandas as pd
    except ImportError:
        return timeline.rows
    rows = [{k: float(v) if isinstance(v, Decimal) else v for k, v in r.items()} for r in timeline.rows]
    return pd.DataFrame(rows, columns=list(timeline.columns))


def _label(timeline: Timeline, group: tuple[Any, ...]) -> str:
    named = dict(zip(GROUP_COLUMNS[timeline.of], group))
    if timeline.of == "figures":
        parts = [named["measure"], named["currency"] or named["unit"] or named["kind"],
                 "" if named["basis"] == "level" else named["basis"], named["parties"]]
    elif timeline.of == "entities":
        parts = [named["entity"], f"({named['name']})" if named["name"] != named["entity"] else ""]
    else:
        parts = [str(v) if v else "-" for v in group]
    return " ".join(str(p) for p in parts if p)


def _panel(timeline: Timeline, row: dict[str, Any]) -> str:
    """The unit a row's values are in: one chart panel each."""
    if timeline.of != "figures":
        return ""
    return str(row["currency"] or row["unit"] or row["kind"])


def series_of(timeline: Timeline, top: int = 10) -> dict[str, list[Series]]:
    """Per unit, one series per group: figures' summed values, else the number of documents;
    the units and groups with the most documents first, at most `top` groups a unit."""
    points: dict[tuple[Any, ...], list[tuple[Any, float]]] = {}
    weight: dict[tuple[Any, ...], int] = {}
    for r in timeline.rows:
        if timeline.by == "month" and r["month"] is None:
            continue
        x = r["year"] if timeline.by == "year" else _month(r["month"])
        y = float(r["value"]) if timeline.of == "figures" else float(r["documents"])
        g = (_panel(timeline, r), *timeline.group_of(r))
        points.setdefault(g, []).append((x, y))
        weight[g] = weight.get(g, 0) + r["documents"]
    panel_weight: dict[str, int] = {}
    for g, w in weight.items():
        panel_weight[g[0]] = panel_weight.get(g[0], 0) + w
    panels: dict[str, list[Series]] = {}
    for name in sorted(panel_weight, key=lambda n: (-panel_weight[n], n)):
        groups = sorted((g for g in points if g[0] == name), key=lambda g: (-weight[g], _label(timeline, g[1:])))
        panels[name] = [Series(_label(timeline, g[1:]), sorted(points[g])) for g in groups[:top]]
    return panels


def _month(value: str) -> Any:
    from datetime import date

    return date(int(value[:4]), int(value[5:7]), 1)


def timeline_chart(timeline: Timeline, fmt: str = "svg", *, title: str | None = None, top: int = 10) -> bytes:
    """The timeline drawn: values (figures) or documents over time, one line per group."""
    ylabel = "value" if timeline.of == "figures" else "documents"
    return line_chart(series_of(timeline, top), title=title or f"{timeline.of} by {timeline.by}",
                      xlabel=timeline.by, ylabel=ylabel, fmt=fmt)


def plot_timeline(timeline: Timeline, path: Any, *, top: int = 10) -> None:
    """Write the chart to `path` (.svg or .png)."""
    from pathlib import Path

    write_chart(lambda fmt: timeline_chart(timeline, fmt, top=top), Path(path))
