"""An HTML page to check an extraction at a glance: the text with every value highlighted.

Every entity mention, date, figure, event trigger and stance trigger is marked in the text
and labelled with its type and normalized value (``COUNTRY BLR``, ``DATE 1999-12-08``,
``MONEY 38000000000 USD``, ``EVENT signing``, ``STANCE condemn``). Each label links to its row
in the side tables (normalized values, events, stances), which link back. The header gives the
document's kind, date, parties and venue; sections are marked with their number and kind; the
boilerplate that was removed is listed at the end, with its reason.

Marks nest as inline elements, and each label stands in the flow of the text right after what
it labels, so labels of nested or neighbouring values never overlap; a label or a table cell
with a long id wraps. Spans that cross (neither inside the other) are cut where they cross,
and only the last piece carries the label; every piece has the highlight's number.
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
    "QUANTITY": "#f0d0ff", "COUNT": "#f0d0ff", "STANCE": "#ffb3c1",
}
MAX_TARGET = 40


@dataclass(frozen=True)
class Highlight:
    """One span to draw: where, what, and its normalized value."""

    n: int
    start: int
    end: int
    label: str
    value: str
    group: str
    """'entity', 'date', 'figure', 'event' or 'stance'."""


def _figure_value(f) -> str:  # type: ignore[no-untyped-def]
    value = format(f.value, "f")
    if "." in value:
        value = value.rstrip("0").rstrip(".")
    unit = f.currency or ("%" if f.kind == "percent" else f.unit)
    return f"{value} {unit}" if unit and unit != "%" else value + (unit or "")


def _relation_spans(statement: Statement) -> list[tuple[int, int, str, str, str]]:
    """The triggers of events and stances (those that have one), with what they say."""
    raw = []
    for e in statement.events:
        if e.trigger is not None:
            raw.append((e.trigger.start, e.trigger.end, "EVENT", " ".join([e.type, *e.actors]), "event"))
    for s in statement.stances:
        if s.trigger is not None:
            target = ",".join(s.target_ids) or (s.target if len(s.target) <= MAX_TARGET else s.target[:MAX_TARGET] + "…")
            raw.append((s.trigger.start, s.trigger.end, "STANCE", f"{','.join(s.actor)} {s.stance} {target}", "stance"))
    return raw


def highlights(statement: Statement) -> list[Highlight]:
    """Every entity mention, date, figure and event or stance trigger of a statement, in text order, numbered."""
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
        raw.append((f.start, f.end, f.kind.upper(), _figure_value(f), "figure"))
    raw += _relation_spans(statement)
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


def _label(h: Highlight) -> str:
    color = COLORS.get(h.label, "#ddd")
    return (f'<a class="lab" id="t{h.n}" href="#v{h.n}" style="background:{color}">{html.escape(h.label)} '
            f"<b>{html.escape(h.value)}</b></a>")


def _open(h: Highlight, at: int) -> str:
    cont = " cont" if h.start < at else ""
    return f'<mark class="hl {h.group}{cont}" data-n="{h.n}" style="--c:{COLORS.get(h.label, "#ddd")}">'


def _marked(text: str, start: int, end: int, spans: list[Highlight]) -> str:
    """text[start:end] with every span as nested <mark>s, cut where spans cross, each label
    after the span's last piece."""
    cuts = sorted({start, end, *(max(start, h.start) for h in spans), *(min(end, h.end) for h in spans)})
    order = {h.n: (h.start, -h.end, h.n) for h in spans}
    out: list[str] = []
    stack: list[Highlight] = []
    for p, q in zip(cuts, cuts[1:]):
        active = sorted((h for h in spans if h.start <= p and q <= h.end), key=lambda h: order[h.n])
        keep = 0
        while keep < len(stack) and keep < len(active) and stack[keep] is active[keep]:
            keep += 1
        while len(stack) > keep:
            h = stack.pop()
            out.append((_label(h) if h.end <= p else "") + "</mark>")
        for h in active[keep:]:
            out.append(_open(h, p))
            stack.append(h)
        out.append(html.escape(text[p:q]))
    while stack:
        out.append(_label(stack.pop()) + "</mark>")
    return "".join(out)


def _render_block(text: str, block: _Block, spans: list[Highlight]) -> str:
    body = _marked(text, block.start, block.end, spans)
    return (f'<section class="block {html.escape(block.css)}"><h3>{html.escape(block.heading)} '
            f'<small>[{block.start}, {block.end})</small></h3><div class="text-body">{body}</div></section>')


def _side_table(text: str, marks: list[Highlight]) -> str:
    rows = []
    for h in marks:
        if h.group in ("event", "stance"):
            continue
        rows.append(
            f'<tr id="v{h.n}" class="{h.group}"><td><a href="#t{h.n}">{h.n}</a></td>'
            f'<td><span class="tag" style="background:{COLORS.get(h.label, "#ddd")}">{html.escape(h.label)}</span></td>'
            f"<td>{html.escape(text[h.start:h.end])}</td><td><b>{html.escape(h.value)}</b></td>"
            f'<td class="off">{h.start}–{h.end}</td></tr>'
        )
    return ('<table class="values"><thead><tr><th>#</th><th>label</th><th>text</th><th>normalized</th>'
            "<th>offsets</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")


def _trigger_ids(marks: list[Highlight], group: str) -> dict[int, int]:
    """Trigger start offset -> highlight number, to link a table row to its mark."""
    return {h.start: h.n for h in marks if h.group == group}


def _row_link(n: int | None, fallback: int) -> tuple[str, str]:
    """(the row's id attribute, its first cell) for a relation row."""
    if n is None:
        return "", str(fallback)
    return f' id="v{n}"', f'<a href="#t{n}">{fallback}</a>'


def _events_table(statement: Statement, marks: list[Highlight]) -> str:
    at = _trigger_ids(marks, "event")
    rows = []
    for i, e in enumerate(statement.events):
        rid, first = _row_link(at.get(e.trigger.start) if e.trigger else None, i)
        cells = [e.type, ", ".join(e.actors), e.instrument or "", e.place or "", e.date or "", e.evidence.text]
        rows.append(f'<tr{rid} class="event"><td>{first}</td>' + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
    return ('<table class="values events"><thead><tr><th>#</th><th>event</th><th>actors</th><th>instrument</th>'
            "<th>place</th><th>date</th><th>evidence</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")


def _stances_table(statement: Statement, marks: list[Highlight]) -> str:
    at = _trigger_ids(marks, "stance")
    rows = []
    for i, s in enumerate(statement.stances):
        rid, first = _row_link(at.get(s.trigger.start) if s.trigger else None, i)
        cells = [", ".join(s.actor), s.stance, s.target, ", ".join(s.target_ids)]
        rows.append(f'<tr{rid} class="stance"><td>{first}</td>' + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
    return ('<table class="values stances"><thead><tr><th>#</th><th>actor</th><th>stance</th><th>target</th>'
            "<th>target ids</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")


_CSS = """
body { font-family: -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif; margin: 0; color: #222; }
header { padding: 1rem 2rem; background: #f4f4f4; border-bottom: 1px solid #ddd; }
header h1 { font-size: 1.3rem; margin: 0 0 .3rem; overflow-wrap: anywhere; } header p { margin: .2rem 0; color: #555; }
main { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 2rem; padding: 1rem 2rem; }
section.block { border-left: 4px solid #ccc; padding: 0 0 0 1rem; margin: 0 0 1.2rem; }
section.block.title { border-color: #333; } section.block.heading { border-color: #888; }
section.block h3 { font-size: .8rem; color: #666; margin: 0 0 .2rem; font-weight: normal; text-transform: uppercase; }
section.block h3 small { color: #aaa; text-transform: none; }
.text-body { line-height: 2.1; overflow-wrap: anywhere; }
mark.hl { background: transparent; border-bottom: 3px solid var(--c); padding: 0 1px; border-radius: 2px; color: inherit; }
mark.hl mark.hl { border-bottom-style: dotted; }
mark.event, mark.stance { background: color-mix(in srgb, var(--c) 35%, transparent); }
a.lab { display: inline-block; max-width: 16em; margin: 0 2px 0 3px; padding: 0 4px; border-radius: 3px;
        font-size: .62rem; line-height: 1.35; vertical-align: middle; color: #000; text-decoration: none;
        font-weight: bold; white-space: normal; overflow-wrap: anywhere; text-transform: none; }
a.lab b { font-weight: normal; }
aside { position: sticky; top: 0; max-height: 100vh; overflow: auto; }
aside h2 { font-size: 1rem; margin: 1rem 0 .4rem; }
table.values { border-collapse: collapse; font-size: .85rem; width: 100%; table-layout: auto; }
table.values th, table.values td { border-bottom: 1px solid #eee; padding: .25rem .4rem; text-align: left; vertical-align: top;
                                   overflow-wrap: anywhere; }
table.values td:first-child, table.values .tag, td.off { white-space: nowrap; overflow-wrap: normal; }
table.values tr:target { background: #fff3b0; } .tag { padding: 1px 4px; border-radius: 3px; font-size: .75rem; font-weight: bold; }
table.events td:last-child { font-size: .75rem; color: #555; }
details { margin: 1rem 0; color: #666; } details li { font-size: .85rem; }
"""


def _names(statement: Statement, ids: list[str]) -> str:
    named = []
    for i in ids:
        e = statement.entity(i)
        named.append(f"{i} ({e.name})" if e is not None and e.name != i else i)
    return ", ".join(named)


def _header(statement: Statement) -> str:
    date = statement.date.value if statement.date else "no date"
    counts = ", ".join(counted(len(items), noun, plural) for items, noun, plural in (
        (statement.entities, "entity", "entities"), (statement.dates, "date", None), (statement.figures, "figure", None),
        (statement.events, "event", None), (statement.stances, "stance", None), (statement.sections, "section", None)))
    meta = f"{statement.kind} · {statement.language} · {date} · {counts}"
    source = statement.source.path or statement.source.sha256[:12]
    title = statement.title or statement.source.path or "diplotext"
    who = (f'<p class="parties"><b>Parties</b> {html.escape(_names(statement, statement.parties) or "none found")}'
           f' · <b>Venue</b> {html.escape(statement.venue or "none found")}</p>')
    return f"<header><h1>{html.escape(title)}</h1><p>{html.escape(source)} · {html.escape(meta)}</p>{who}</header>"


def _place(statement: Statement, text: str, marks: list[Highlight]) -> list[str]:
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
    parts = [_render_block(text, b, placed[i]) for i, b in enumerate(blocks)]
    # Values outside the title and the sections (none are expected) are still drawn, on the
    # lines that hold them, so that the page shows every span the statement has.
    for h in outside:
        line_start = text.rfind("\n", 0, h.start) + 1
        line_end = text.find("\n", h.end)
        line_end = len(text) if line_end < 0 else line_end
        parts.append(_render_block(text, _Block(line_start, line_end, "outside the sections", "outside"), [h]))
    return parts


def render_html(statement: Statement, text: str, *, note: str | None = None) -> str:
    """The page for a statement and the text its offsets index (the decoded input); `note`
    (escaped) is shown under the header, e.g. to say the text was rebuilt."""
    marks = highlights(statement)
    parts = _place(statement, text, marks)
    removed = "".join(
        f"<li><code>[{r.start}, {r.end})</code> {html.escape(r.reason)}: {html.escape(r.text[:200])}</li>"
        for r in statement.removed
    )
    title = html.escape(statement.title or statement.source.path or "diplotext")
    notice = f'<p class="note">{html.escape(note)}</p>' if note else ""
    return f"""<!DOCTYPE html>
<html lang="{html.escape(statement.language)}">
<head><meta charset="utf-8"><title>{title} — diplotext</title><style>{_CSS}</style></head>
<body>
{_header(statement)}{notice}
<main>
<div class="text">{''.join(parts)}
<details><summary>{counted(len(statement.removed), 'line')} removed as boilerplate</summary><ul>{removed}</ul></details>
</div>
<aside><h2>Normalized values</h2>{_side_table(text, marks)}
<h2>Events ({len(statement.events)})</h2>{_events_table(statement, marks)}
<h2>Stances ({len(statement.stances)})</h2>{_stances_table(statement, marks)}</aside>
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
