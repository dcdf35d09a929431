"""A `StatementDiff` written for a terminal and as one self-contained HTML page.

The terminal view lists only what differs (same sections are counted, not shown). The page
shows both texts side by side, section by section as they were paired, with removed and added
words marked inside a changed sentence; it needs no script or style from any network.
"""

from __future__ import annotations

import html
from difflib import SequenceMatcher

from .diff import DocumentRef, EventRef, FigureRef, SectionChange, StanceRef, StatementDiff

PREVIEW = 100


def _short(text: str | None, n: int = PREVIEW) -> str:
    text = text or ""
    return text if len(text) <= n else text[: n - 1] + "…"


def _doc(ref: DocumentRef) -> str:
    return f"{ref.path or '(text)'} · {ref.kind} · {ref.date or 'no date'} · {_short(ref.title, 80) or 'no title'}"


def figure_text(f: FigureRef) -> str:
    value = format(f.value, "f")
    value = value.rstrip("0").rstrip(".") if "." in value else value
    unit = f.currency or ("%" if f.kind == "percent" else f.unit or "")
    return f"{f.measure or f.kind} {value}{'' if unit == '%' else ' '}{unit} {f.year or ''} “{f.text}”".replace("  ", " ")


def stance_text(s: StanceRef) -> str:
    ids = f" [{', '.join(s.target_ids)}]" if s.target_ids else ""
    return f"{','.join(s.actor) or '?'} {s.stance}: “{_short(s.target, 80)}”{ids}"


def event_text(e: EventRef) -> str:
    extra = [x for x in (e.instrument, e.place, e.date) if x]
    return f"{e.type} {','.join(e.actors) or '-'}" + (f" ({'; '.join(extra)})" if extra else "")


def _section_lines(s: SectionChange) -> list[str]:
    if s.status == "added":
        return [f"  + §{s.b} added: {_short(s.b_text)}"]
    if s.status == "removed":
        return [f"  - §{s.a} removed: {_short(s.a_text)}"]
    lines = [f"  ~ §{s.a} -> §{s.b} changed (similarity {s.similarity:.2f})"]
    for c in s.sentences:
        if c.a is not None:
            lines.append(f"      - {c.a}")
        if c.b is not None:
            lines.append(f"      + {c.b}")
    return lines


def format_terminal(d: StatementDiff) -> str:
    """The diff as text: sections that differ, then each kind of fact added (+), removed (-), changed (~)."""
    if d.empty:
        return f"--- {_doc(d.a)}\n+++ {_doc(d.b)}\nno difference\n"
    counts = d.counts()
    lines = [f"--- {_doc(d.a)}", f"+++ {_doc(d.b)}",
             "sections: " + ", ".join(f"{n} {k}" for k, n in counts.items())]
    for s in d.sections:
        if s.status != "same":
            lines += _section_lines(s)
    facts = (("entities", d.entities, lambda e: f"{e.id} ({e.type} {e.name})"), ("figures", d.figures, figure_text),
             ("stances", d.stances, stance_text), ("events", d.events, event_text))
    for name, changes, show in facts:
        if not (changes.added or changes.removed or getattr(changes, "changed", None)):
            continue
        lines.append(f"{name}: {len(changes.added)} added, {len(changes.removed)} removed"
                     + (f", {len(d.stances.changed)} changed" if name == "stances" else ""))
        lines += [f"  + {show(x)}" for x in changes.added]
        lines += [f"  - {show(x)}" for x in changes.removed]
        if name == "stances":
            lines += [f"  ~ {stance_text(c.a)}\n    -> {stance_text(c.b)} ({', '.join(c.fields)})" for c in d.stances.changed]
    return "\n".join(lines) + "\n"


def _words_marked(a: str, b: str) -> tuple[str, str]:
    """Both sentences escaped, with the words only one of them has in <del> / <ins>."""
    wa, wb = a.split(), b.split()
    out_a, out_b = [], []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes():
        left, right = html.escape(" ".join(wa[i1:i2])), html.escape(" ".join(wb[j1:j2]))
        if op == "equal":
            out_a.append(left)
            out_b.append(right)
            continue
        if left:
            out_a.append(f"<del>{left}</del>")
        if right:
            out_b.append(f"<ins>{right}</ins>")
    return " ".join(out_a), " ".join(out_b)


def _changed_cells(s: SectionChange) -> tuple[str, str]:
    left, right = [], []
    for c in s.sentences:
        if c.op == "changed":
            x, y = _words_marked(c.a or "", c.b or "")
            left.append(f'<p class="chg">{x}</p>')
            right.append(f'<p class="chg">{y}</p>')
        elif c.op == "removed":
            left.append(f'<p class="del">{html.escape(c.a or "")}</p>')
        else:
            right.append(f'<p class="ins">{html.escape(c.b or "")}</p>')
    return "".join(left), "".join(right)


def _section_row(s: SectionChange) -> str:
    if s.status == "same":
        return f'<tr class="same"><td>§{s.a}</td><td colspan="2" class="muted">same text</td><td>§{s.b}</td></tr>'
    if s.status == "added":
        return f'<tr class="added"><td></td><td></td><td class="ins">{html.escape(s.b_text or "")}</td><td>§{s.b}</td></tr>'
    if s.status == "removed":
        return f'<tr class="removed"><td>§{s.a}</td><td class="del">{html.escape(s.a_text or "")}</td><td></td><td></td></tr>'
    left, right = _changed_cells(s)
    return (f'<tr class="changed"><td>§{s.a}</td><td>{left}<small>{len(s.sentences)} sentence changes, similarity '
            f'{s.similarity:.2f}</small></td><td>{right}</td><td>§{s.b}</td></tr>')


def _fact_table(title: str, added: list[str], removed: list[str], changed: list[tuple[str, str]] = ()) -> str:  # type: ignore[assignment]
    rows = [f'<tr class="removed"><td>−</td><td class="del">{html.escape(x)}</td><td></td></tr>' for x in removed]
    rows += [f'<tr class="changed"><td>~</td><td class="del">{html.escape(x)}</td><td class="ins">{html.escape(y)}</td></tr>'
             for x, y in changed]
    rows += [f'<tr class="added"><td>+</td><td></td><td class="ins">{html.escape(x)}</td></tr>' for x in added]
    body = "".join(rows) or '<tr><td colspan="3" class="muted">no difference</td></tr>'
    return (f'<h2>{html.escape(title)} <small>{len(added)} added, {len(removed)} removed'
            f'{f", {len(changed)} changed" if changed else ""}</small></h2>'
            f'<table class="facts"><thead><tr><th></th><th>before</th><th>after</th></tr></thead><tbody>{body}</tbody></table>')


_CSS = """
body { font-family: -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif; margin: 0 2rem 2rem; color: #222; }
h1 { font-size: 1.3rem; } h2 { font-size: 1.05rem; margin-top: 1.6rem; } h2 small { color: #777; font-weight: normal; }
.docs div { margin: .2rem 0; } .muted { color: #999; } small { color: #888; display: block; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
td, th { border-bottom: 1px solid #eee; padding: .35rem .5rem; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
table.sections td:nth-child(2), table.sections td:nth-child(3) { width: 46%; }
table.facts td:nth-child(2), table.facts td:nth-child(3) { width: 48%; } table.facts td:first-child { width: 1.5rem; }
td.del, p.del { background: #ffebe9; } td.ins, p.ins { background: #e6ffec; } p { margin: 0 0 .4rem; }
del { background: #ffc0c0; text-decoration: line-through; } ins { background: #abf2bc; text-decoration: none; }
tr.same td { padding: .1rem .5rem; font-size: .8rem; }
"""


def render_diff_html(d: StatementDiff) -> str:
    """The diff as one HTML page: the two documents, the sections side by side, the facts."""
    counts = ", ".join(f"{n} {k}" for k, n in d.counts().items())
    sections = "".join(_section_row(s) for s in d.sections)
    facts = [
        _fact_table("Entities", [f"{e.id} ({e.type} {e.name})" for e in d.entities.added],
                    [f"{e.id} ({e.type} {e.name})" for e in d.entities.removed]),
        _fact_table("Figures", [figure_text(f) for f in d.figures.added], [figure_text(f) for f in d.figures.removed]),
        _fact_table("Stances", [stance_text(s) for s in d.stances.added], [stance_text(s) for s in d.stances.removed],
                    [(stance_text(c.a), stance_text(c.b)) for c in d.stances.changed]),
        _fact_table("Events", [event_text(e) for e in d.events.added], [event_text(e) for e in d.events.removed]),
    ]
    verdict = "no difference" if d.empty else counts
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>diff — diplotext</title><style>{_CSS}</style></head>
<body>
<h1>What changed</h1>
<div class="docs"><div><b>before</b> {html.escape(_doc(d.a))}</div><div><b>after</b> {html.escape(_doc(d.b))}</div></div>
<h2>Sections <small>{html.escape(verdict)}</small></h2>
<table class="sections"><thead><tr><th>§</th><th>before</th><th>after</th><th>§</th></tr></thead><tbody>{sections}</tbody></table>
{''.join(facts)}
</body></html>
"""
