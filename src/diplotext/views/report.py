"""`diplotext report`: one self-contained HTML page about a converted corpus, and beside it
the `show` page of every document it lists.

The page works offline: its charts are SVG drawn by matplotlib and inlined, its style and its
one script (sorting the documents table) are inline, and it loads nothing from any network.
The show pages go to ``NAME_show/`` next to ``NAME.html``; they are drawn on the original texts
when `texts` names the folder that was converted, and on texts rebuilt from the JSON otherwise.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import Any

from ..show import render_html
from .charts import bar_chart, heatmap, inline_svg
from .corpus import Corpus, Document, read_corpus
from .corpus_stats import CorpusStats, corpus_stats
from .texts import statement_text
from .timeline import timeline_chart

UNSAFE = re.compile(r"[^\w.-]+")


@dataclass
class ReportResult:
    """What a report wrote."""

    html: Path
    documents: int
    pages: int
    problems: list[str] = field(default_factory=list)
    rebuilt: int = 0
    """Show pages drawn on a rebuilt text (the original was not found)."""


def page_names(documents: list[Document]) -> dict[str, str]:
    """doc_id -> a file name for its show page, unique and safe on every file system."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for d in documents:
        base = UNSAFE.sub("_", d.doc_id).strip("._")[:120] or "document"
        name, n = f"{base}.html", 1
        while name.lower() in taken:
            n += 1
            name = f"{base}-{n}.html"
        taken.add(name.lower())
        names[d.doc_id] = name
    return names


def _write(path: Path, text: str) -> None:
    """Write through a temporary file renamed over the old one: a reader never sees half a page.
    Pages are made again from the JSON at will, so they are not synced to disk one by one."""
    import os
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_show_pages(corpus: Corpus, folder: Path, names: dict[str, str], texts: list[Path]) -> int:
    """Each document's show page into `folder`; returns how many were drawn on a rebuilt text."""
    rebuilt = 0
    for d in corpus.documents:
        text, note = statement_text(d.statement, texts)
        rebuilt += note is not None
        _write(folder / names[d.doc_id], render_html(d.statement, text, note=note))
    return rebuilt


def _figure(title: str, svg: str, note: str = "") -> str:
    caption = f"{html.escape(title)}" + (f" <small>{html.escape(note)}</small>" if note else "")
    return f'<figure class="chart"><figcaption>{caption}</figcaption>{svg}</figure>'


def _left_out(stats: CorpusStats) -> str:
    notes = []
    if stats.undated:
        notes.append(f"{stats.undated} documents without a date")
    if stats.outside and stats.years:
        notes.append(f"{stats.outside} dated outside {stats.years[0]}–{stats.years[1]} (the rarest 1% at each end)")
    return f"not drawn: {'; '.join(notes)}" if notes else ""


def _charts(stats: CorpusStats) -> list[str]:
    parts = [
        "<h2>Documents by kind and year</h2>",
        _figure("documents per year, by kind", bar_chart(stats.kinds_by_year, title="documents by kind and year",
                                                           xlabel="year", ylabel="documents"),
                _left_out(stats)),
        "<h2>Most named organizations and countries</h2>",
    ]
    for type_, title in (("ORG", "organizations"), ("COUNTRY", "countries")):
        tl = stats.entities[type_]
        svg = inline_svg(timeline_chart(tl, "svg", title=f"documents naming the most named {title}", top=8))
        parts.append(_figure(f"{title}: documents per year", svg))
    parts.append("<h2>Figures over time, per measure</h2>")
    for measure, tl in stats.measures.items():
        svg = inline_svg(timeline_chart(tl, "svg", title=measure, top=6))
        parts.append(_figure(measure, svg, "levels in money and quantities, summed per year; a figure reported by several documents counts once"))
    parts.append("<h2>Stances: who on whom</h2>")
    for m in stats.stances:
        svg = heatmap(m.counts, m.actors, m.targets, title=f"{m.stance} ({m.total} stances with an entity as target)")
        parts.append(_figure(f"{m.stance}: actor × target", svg))
    if not stats.stances:
        parts.append("<p>No stance names an entity as its target.</p>")
    return parts


_COLUMNS = (("date", "text"), ("kind", "text"), ("lang", "text"), ("title", "text"), ("parties", "text"),
            ("entities", "num"), ("figures", "num"), ("events", "num"), ("stances", "num"))


def _documents_table(corpus: Corpus, folder: str, names: dict[str, str]) -> str:
    head = "".join(f'<th data-type="{t}" title="sort">{html.escape(c)}</th>' for c, t in _COLUMNS)
    rows = []
    for d in corpus.documents:
        st = d.statement
        href = html.escape(f"{folder}/{names[d.doc_id]}")
        title = html.escape((st.title or d.doc_id)[:160])
        cells = [d.date or "", st.kind, st.language]
        nums = [len(st.entities), len(st.figures), len(st.events), len(st.stances)]
        rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells)
                    + f'<td><a class="doc" href="{href}">{title}</a><small>{html.escape(d.doc_id)}</small></td>'
                    + f"<td>{html.escape(', '.join(st.parties))}</td>"
                    + "".join(f'<td class="n">{n}</td>' for n in nums) + "</tr>")
    return (f'<table class="docs sortable"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')


_SORT = """
document.querySelectorAll('table.sortable th').forEach(function (th, i) {
  th.addEventListener('click', function () {
    var table = th.closest('table'), body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var asc = th.getAttribute('aria-sort') !== 'ascending';
    table.querySelectorAll('th').forEach(function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', asc ? 'ascending' : 'descending');
    var num = th.getAttribute('data-type') === 'num';
    rows.sort(function (a, b) {
      var x = a.cells[i].textContent, y = b.cells[i].textContent;
      var r = num ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : x.localeCompare(y);
      return asc ? r : -r;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  });
});
"""

_CSS = """
body { font-family: -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif; margin: 0 2rem 3rem; color: #222; }
h1 { font-size: 1.4rem; margin: 1rem 0 .2rem; } h2 { font-size: 1.1rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #ddd; }
p.summary { color: #555; margin: 0 0 1rem; } figure.chart { margin: .5rem 0 1.5rem; } figure.chart svg { max-width: 100%; height: auto; }
figcaption { font-size: .85rem; color: #444; margin-bottom: .3rem; } figcaption small { color: #888; }
table.docs { border-collapse: collapse; width: 100%; font-size: .82rem; }
table.docs th { cursor: pointer; text-align: left; background: #f4f4f4; position: sticky; top: 0; padding: .3rem .4rem; }
table.docs th[aria-sort=ascending]::after { content: ' ▲'; } table.docs th[aria-sort=descending]::after { content: ' ▼'; }
table.docs td { border-bottom: 1px solid #eee; padding: .25rem .4rem; vertical-align: top; overflow-wrap: anywhere; }
table.docs td.n { text-align: right; } table.docs small { display: block; color: #999; }
ul.problems { color: #a00; font-size: .85rem; }
"""


def render_report(corpus: Corpus, stats: CorpusStats, folder: str, names: dict[str, str], title: str) -> str:
    """The report page (charts, documents table); `folder` is where the show pages are, relative to it."""
    langs = sorted({d.statement.language for d in corpus.documents})
    years = sorted({d.year for d in corpus.documents if d.year})
    span = f"{years[0]}–{years[-1]}" if years else "no dates"
    summary = (f"{stats.documents} documents · {', '.join(langs) or 'no language'} · {span} · "
               f"{sum(len(d.statement.figures) for d in corpus.documents)} figures · "
               f"{sum(len(d.statement.stances) for d in corpus.documents)} stances")
    problems = "".join(f"<li>{html.escape(p)}</li>" for p in corpus.problems)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)} — diplotext report</title><style>{_CSS}</style></head>
<body>
<h1>{html.escape(title)}</h1>
<p class="summary">{html.escape(summary)}</p>
{f'<ul class="problems">{problems}</ul>' if problems else ''}
{''.join(_charts(stats))}
<h2>Documents <small>(click a column to sort)</small></h2>
{_documents_table(corpus, folder, names)}
<script>{_SORT}</script>
</body></html>
"""


def build_report(source: Any, html_out: str | PathLike[str], *, texts: list[Path] | None = None,
                 title: str | None = None) -> ReportResult:
    """Write the report of `source` (a folder or file of `convert` output) to `html_out`, and
    the documents' show pages to ``<html_out stem>_show/`` beside it."""
    out = Path(html_out)
    corpus = read_corpus(source)
    stats = corpus_stats(corpus)
    names = page_names(corpus.documents)
    folder = f"{out.stem}_show"
    rebuilt = write_show_pages(corpus, out.parent / folder, names, list(texts or []))
    page = render_report(corpus, stats, folder, names, title or f"Corpus report: {Path(str(source)).name}")
    _write(out, page)
    return ReportResult(out, len(corpus.documents), len(names), corpus.problems, rebuilt)
