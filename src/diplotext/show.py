"""An HTML page to check an extraction at a glance: the text with every value highlighted.

The text of the title and of each section is drawn with spaCy's displaCy span visualizer
(``style="span"``): every entity mention, date and figure is underlined and labelled with its
type and normalized value (``COUNTRY BLR``, ``DATE 1999-12-08``, ``MONEY 38000000000 USD``).
Each label links to its row in the side table of normalized values, which links back. Sections
are marked with their number and kind; the boilerplate that was removed is listed at the end,
with its reason.

displaCy draws tokens; here the tokens are the text's words cut at every span boundary, so
each highlight covers exactly ``text[start:end]`` of the input.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path

from .errors import counted
from .models import Statement
from .text.decode import DEFAULT_MAX_BYTES

COLORS = {
    "COUNTRY": "#7aecec", "ORG": "#aa9cfc", "PERSON": "#feca74", "TREATY": "#c887fb", "DOCUMENT": "#bfe1d9",
    "LOCATION": "#ff9561", "EVENT": "#ffeb80", "DATE": "#bfeeb7", "MONEY": "#e4e7d2", "PERCENT": "#e4e7d2",
    "QUANTITY": "#f0d0ff", "COUNT": "#f0d0ff",
}


@dataclass(frozen=True)
class Highlight:
    """One span to draw: where, what, and its normalized value."""

    n: int
    start: int
    end: int
    label: str
    value: str
    group: str
    """'entity', 'date' or 'figure'."""


def highlights(statement: Statement) -> list[Highlight]:
    """Every entity mention, date and figure of a statement, in text order, numbered."""
    raw: list[tuple[int, int, str, str, str]] = []
    for e in statement.entities:
        for m in e.mentions:
            raw.append((m.start, m.end, e.type, e.id, "entity"))
    for d in statement.dates:
        value = d.value or "?"
        if d.period_end:
            value += f"..{d.period_end}"
        raw.append((d.start, d.end, "DATE", value, "date"))
    for f in statement.figures:
        value = format(f.value, "f")
        if "." in value:
            value = value.rstrip("0").rstrip(".")
        unit = f.currency or ("%" if f.kind == "percent" else f.unit)
        raw.append((f.start, f.end, f.kind.upper(), f"{value} {unit}" if unit and unit != "%" else value + (unit or ""), "figure"))
    raw.sort(key=lambda r: (r[0], -r[1], r[2]))
    return [Highlight(i, s, e, label, value, group) for i, (s, e, label, value, group) in enumerate(raw)]


@dataclass(frozen=True)
class _Block:
    start: int
    end: int
    heading: str
    css: str


def _blocks(statement: Statement) -> list[_Block]:
    blocks = []
    if statement.title_span is not None:
        blocks.append(_Block(statement.title_span.start, statement.title_span.end, "Title", "title"))
    for s in statement.sections:
        heading = f"§{s.index} · {s.kind}"
        if s.number:
            heading += f" {s.number}"
        if s.heading:
            heading += f" · under “{s.heading}”"
        speaker = getattr(s, "speaker", None)
        if speaker:
            heading += f" · {speaker}"
        blocks.append(_Block(s.start, s.end, heading, s.kind))
    return sorted(blocks, key=lambda b: b.start)


def _tokens(text: str, start: int, end: int, cuts: set[int]) -> tuple[list[str], list[int]]:
    """Words of text[start:end], also cut at every offset in `cuts`; with each token's start offset."""
    tokens: list[str] = []
    starts: list[int] = []
    i = start
    while i < end:
        while i < end and text[i].isspace():
            i += 1
        if i >= end:
            break
        j = i + 1
        while j < end and not text[j].isspace() and j not in cuts:
            j += 1
        tokens.append(text[i:j])
        starts.append(i)
        i = j
    return tokens, starts


def _render_block(text: str, block: _Block, spans: list[Highlight], lang: str) -> str:
    from bisect import bisect_left

    from spacy import displacy

    cuts = {h.start for h in spans} | {h.end for h in spans}
    tokens, starts = _tokens(text, block.start, block.end, cuts)
    manual = []
    for h in spans:
        first = bisect_left(starts, h.start)
        last = bisect_left(starts, h.end)
        if first >= last:  # a span of only spaces: nothing to draw
            continue
        manual.append({
            "start_token": first, "end_token": last, "label": html.escape(h.label),
            "kb_id": html.escape(h.value), "kb_url": f"#v{h.n}",
        })
    if not tokens:
        return ""
    doc = {"text": text[block.start:block.end], "tokens": tokens, "spans": manual, "settings": {"lang": lang, "direction": "ltr"}}
    markup = displacy.render(doc, style="span", manual=True, jupyter=False, options={"colors": COLORS})
    anchors = "".join(f'<a id="t{h.n}" class="anchor"></a>' for h in spans)
    return (f'<section class="block {html.escape(block.css)}"><h3>{html.escape(block.heading)} '
            f'<small>[{block.start}, {block.end})</small></h3>{anchors}{markup}</section>')


def _side_table(text: str, marks: list[Highlight]) -> str:
    rows = []
    for h in marks:
        rows.append(
            f'<tr id="v{h.n}" class="{h.group}"><td><a href="#t{h.n}">{h.n}</a></td>'
            f'<td><span class="lab" style="background:{COLORS.get(h.label, "#ddd")}">{html.escape(h.label)}</span></td>'
            f"<td>{html.escape(text[h.start:h.end])}</td><td><b>{html.escape(h.value)}</b></td>"
            f"<td>{h.start}–{h.end}</td></tr>"
        )
    return ('<table class="values"><thead><tr><th>#</th><th>label</th><th>text</th><th>normalized</th>'
            "<th>offsets</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")


_CSS = """
body { font-family: -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif; margin: 0; color: #222; }
header { padding: 1rem 2rem; background: #f4f4f4; border-bottom: 1px solid #ddd; }
header h1 { font-size: 1.3rem; margin: 0 0 .3rem; } header p { margin: .2rem 0; color: #555; }
main { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 2rem; padding: 1rem 2rem; }
section.block { border-left: 4px solid #ccc; padding: 0 0 0 1rem; margin: 0 0 1.2rem; }
section.block.title { border-color: #333; } section.block.heading { border-color: #888; }
section.block h3 { font-size: .8rem; color: #666; margin: 0; font-weight: normal; text-transform: uppercase; }
section.block h3 small { color: #aaa; text-transform: none; }
aside { position: sticky; top: 0; max-height: 100vh; overflow: auto; }
table.values { border-collapse: collapse; font-size: .85rem; width: 100%; }
table.values th, table.values td { border-bottom: 1px solid #eee; padding: .25rem .4rem; text-align: left; vertical-align: top; }
table.values tr:target { background: #fff3b0; } .lab { padding: 1px 4px; border-radius: 3px; font-size: .75rem; font-weight: bold; }
details { margin: 1rem 0; color: #666; } details li { font-size: .85rem; }
"""


def render_html(statement: Statement, text: str) -> str:
    """The page for a statement and the text its offsets index (the decoded input)."""
    marks = highlights(statement)
    blocks = _blocks(statement)
    placed: dict[int, list[Highlight]] = {i: [] for i in range(len(blocks))}
    outside: list[Highlight] = []
    for h in marks:
        for i, b in enumerate(blocks):
            if b.start <= h.start and h.end <= b.end:
                placed[i].append(h)
                break
        else:
            outside.append(h)
    parts = [_render_block(text, b, placed[i], statement.language) for i, b in enumerate(blocks)]
    # Values outside the title and the sections (none are expected) are still drawn, on the
    # lines that hold them, so that the page shows every span the statement has.
    for h in outside:
        line_start = text.rfind("\n", 0, h.start) + 1
        line_end = text.find("\n", h.end)
        line_end = len(text) if line_end < 0 else line_end
        block = _Block(line_start, line_end, "outside the sections", "outside")
        parts.append(_render_block(text, block, [h], statement.language))

    removed = "".join(
        f"<li><code>[{r.start}, {r.end})</code> {html.escape(r.reason)}: {html.escape(r.text[:200])}</li>"
        for r in statement.removed
    )
    date = statement.date.value if statement.date else "no date"
    meta = (f"{html.escape(statement.kind)} · {html.escape(statement.language)} · {html.escape(date)} · "
            f"{counted(len(statement.entities), 'entity', 'entities')}, {counted(len(statement.dates), 'date')}, "
            f"{counted(len(statement.figures), 'figure')}, {counted(len(statement.sections), 'section')}")
    source = html.escape(statement.source.path or statement.source.sha256[:12])
    title = html.escape(statement.title or statement.source.path or "diplotext")
    return f"""<!DOCTYPE html>
<html lang="{html.escape(statement.language)}">
<head><meta charset="utf-8"><title>{title} — diplotext</title><style>{_CSS}</style></head>
<body>
<header><h1>{title}</h1><p>{source} · {meta}</p></header>
<main>
<div class="text">{''.join(parts)}
<details><summary>{len(statement.removed)} lines removed as boilerplate</summary><ul>{removed}</ul></details>
</div>
<aside><h2>Normalized values</h2>{_side_table(text, marks)}</aside>
</main>
</body>
</html>
"""


def show_file(
    path: Path,
    html_out: Path,
    *,
    lang: str | None = None,
    date: str | Date | None = None,
    gazetteer: Path | None = None,
    max_bytes: int | None = DEFAULT_MAX_BYTES,
) -> Statement:
    """Parse `path` and write its page to `html_out`; returns the statement."""
    from .batch import write_atomic
    from .pipeline import parse_stream, prepare, read_path

    text, encoding, digest = read_path(Path(path), max_bytes=max_bytes)
    # the offsets index the prepared text: the file's, or the text extracted from an HTML page
    prep = prepare(text, lang=lang, path=str(path), encoding=encoding, sha256=digest)
    statement = next(parse_stream([prep], date=date, gazetteer=gazetteer))
    if isinstance(statement, Exception):
        raise statement
    write_atomic(Path(html_out), render_html(statement, prep.text))
    return statement
