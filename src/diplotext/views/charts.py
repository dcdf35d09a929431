"""Charts drawn with matplotlib, as SVG text to inline in a page or as a file (SVG or PNG).

Pages inline the SVG, so they need no script, style or font from any network. The Agg
backend draws without a display. Matplotlib is an optional dependency
(``pip install 'diplotext[views]'``); a view that needs it says so when it is missing.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import DiplotextError

MAX_LINES = 10
MAX_PANELS = 3


class ChartError(DiplotextError):
    """A chart cannot be drawn: matplotlib is missing or the file type is unknown."""


@dataclass(frozen=True)
class Series:
    """One line of a chart: its label and its (x, y) points."""

    label: str
    points: Sequence[tuple[Any, float]]


def _pyplot() -> Any:
    try:
        import matplotlib
    except ImportError as exc:
        raise ChartError("charts need matplotlib: pip install 'diplotext[views]'") from exc
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams["svg.fonttype"] = "none"  # text stays text in the SVG: smaller, selectable
    plt.rcParams["svg.hashsalt"] = "diplotext"  # the same data gives the same SVG
    return plt


def _save(fig: Any, fmt: str) -> bytes:
    plt = _pyplot()
    buf = io.BytesIO()
    fig.savefig(buf, format=fmt, dpi=110, metadata={"Date": None} if fmt == "svg" else None)
    plt.close(fig)
    return buf.getvalue()


def _svg_text(data: bytes) -> str:
    """The <svg> element alone, without the XML prologue (to inline in HTML)."""
    text = data.decode("utf-8")
    return text[text.index("<svg"):]


def line_chart(panels: Mapping[str, Sequence[Series]], *, title: str, xlabel: str, ylabel: str,
               fmt: str = "svg") -> bytes:
    """One panel per unit (values in USD and in percent never share an axis), one line per
    series with axis labels and a legend; at most 3 panels of 10 lines, the first given first."""
    from matplotlib.ticker import EngFormatter

    plt = _pyplot()
    names = list(panels)[:MAX_PANELS] or [""]
    fig, axes = plt.subplots(len(names), 1, figsize=(9, 3.2 * len(names)), squeeze=False,
                             layout="constrained")
    for ax, name in zip(axes[:, 0], names):
        series = list(panels.get(name, ()))[:MAX_LINES]
        for s in series:
            ax.plot([p[0] for p in s.points], [p[1] for p in s.points], marker="o", markersize=3,
                    linewidth=1.4, label=s.label)
        ax.set_title(f"{title}, {name}" if name else title, fontsize=10)
        ax.set_xlabel(xlabel)
        ax.set_ylabel(f"{ylabel} ({name})" if name else ylabel)
        ax.yaxis.set_major_formatter(EngFormatter(sep=" "))
        ax.grid(True, alpha=0.3)
        if series:
            ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
        _integer_years(ax, series)
    return _save(fig, fmt)


def _integer_years(ax: Any, series: Sequence[Series]) -> None:
    """Years on the x axis are whole numbers, not 2019.5."""
    if series and all(isinstance(p[0], int) for s in series for p in s.points):
        from matplotlib.ticker import MaxNLocator

        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        xs = {p[0] for s in series for p in s.points}
        if len(xs) == 1:  # one year: a narrow axis around it, not a century
            x = xs.pop()
            ax.set_xlim(x - 1, x + 1)


def bar_chart(stacks: Mapping[str, Mapping[Any, float]], *, title: str, xlabel: str, ylabel: str) -> str:
    """Stacked bars: for each x, one bar made of each stack's value; an inline SVG."""
    plt = _pyplot()
    xs = sorted({x for values in stacks.values() for x in values})
    fig, ax = plt.subplots(figsize=(9, 3.4), layout="constrained")
    bottom = [0.0] * len(xs)
    for label, values in stacks.items():
        heights = [float(values.get(x, 0)) for x in xs]
        ax.bar([str(x) for x in xs], heights, bottom=bottom, label=label)
        bottom = [b + h for b, h in zip(bottom, heights)]
    ax.set_title(title, fontsize=10)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.tick_params(axis="x", labelrotation=45 if len(xs) > 12 else 0, labelsize=8)
    if stacks:
        ax.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    return _svg_text(_save(fig, "svg"))


def heatmap(matrix: Sequence[Sequence[float]], rows: Sequence[str], cols: Sequence[str], *, title: str) -> str:
    """A matrix of counts, each cell shaded and written; an inline SVG."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(3 + 0.55 * max(len(cols), 1), 2.2 + 0.35 * max(len(rows), 1)),
                           layout="constrained")
    ax.imshow(matrix, cmap="Blues", aspect="auto")
    ax.set_xticks(range(len(cols)), labels=cols, rotation=60, ha="right", fontsize=7)
    ax.set_yticks(range(len(rows)), labels=rows, fontsize=7)
    peak = max((v for line in matrix for v in line), default=0) or 1
    for i, line in enumerate(matrix):
        for j, v in enumerate(line):
            if v:
                ax.text(j, i, f"{v:g}", ha="center", va="center", fontsize=6, color="white" if v > peak / 2 else "black")
    ax.set_title(title, fontsize=9)
    ax.set_xlabel("target")
    ax.set_ylabel("actor")
    return _svg_text(_save(fig, "svg"))


def write_chart(data_for: Any, path: Path) -> None:
    """Write a chart to `path`: `data_for(fmt)` draws it as 'svg' or 'png' (by the suffix)."""
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("svg", "png"):
        raise ChartError(f"{path}: a chart is written as .svg or .png")
    path.write_bytes(data_for(fmt))


def inline_svg(data: bytes) -> str:
    return _svg_text(data)
