"""Rows of a view written out: an aligned terminal table, CSV, JSON.

Amounts are `Decimal`: CSV and the table write their exact digits, JSON writes a number
(an integer when integral), as the statements' JSON does.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

MAX_CELL = 40


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        text = format(value, "f")
        return text.rstrip("0").rstrip(".") if "." in text else text
    return str(value)


def format_table(columns: Sequence[str], rows: Sequence[dict[str, Any]]) -> str:
    """A plain-text table, columns padded to their widest cell (cut at 40 characters)."""
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    cells = [[c if len(c) <= MAX_CELL else c[: MAX_CELL - 1] + "…" for c in line] for line in cells]
    widths = [max([len(c), *(len(line[i]) for line in cells)]) for i, c in enumerate(columns)]
    numeric = [all(line[i].replace(".", "", 1).isdigit() or not line[i] for line in cells) for i in range(len(columns))]

    def fmt(line: Sequence[str]) -> str:
        return "  ".join(v.rjust(w) if num else v.ljust(w) for v, w, num in zip(line, widths, numeric)).rstrip()

    out = [fmt(columns), "  ".join("-" * w for w in widths)]
    out += [fmt(line) for line in cells]
    return "\n".join(out) + "\n"


def to_csv(columns: Sequence[str], rows: Sequence[dict[str, Any]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for r in rows:
        writer.writerow([_cell(r.get(c)) for c in columns])
    return buf.getvalue()


def _json_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def to_json(columns: Sequence[str], rows: Sequence[dict[str, Any]]) -> str:
    data = [{c: _json_value(r.get(c)) for c in columns} for r in rows]
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
