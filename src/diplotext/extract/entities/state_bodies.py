"""Bodies every state has, named with their state: 'МИД Японии', 'японского МИДа', 'Ministry of
Foreign Affairs of Eswatini', "Japan's Foreign Ministry". The gazetteer's entry where it has one
for that state, else an entity whose id comes from the body and the state's code (the same id
whatever words the text uses), named '<body> of <state>'."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from .resolution import Resolution
from .scan import Scan
from .spans import OPEN_KEY, make_span, relabel
from .words import POSSESSIVE

if TYPE_CHECKING:
    from .matcher import EntityMatcher

def body_id(m: EntityMatcher, doc: Doc, key: str, state: str) -> str:
    """The id of body `key` of `state`; a body the gazetteer lacks is described in the Doc."""
    known = m.known_bodies.get((key, state))
    if known is not None:
        return known
    id_ = f"ORG:{key}-{state.lower()}"
    body = next(b for b in m.lex.bodies if b.key == key)
    state_name = m.gazetteer.get(state).name
    doc.user_data.setdefault(OPEN_KEY, {}).setdefault(id_, {
        "type": "ORG", "name": f"{body.name} of {state_name}", "attributes": {"country": state, "kind": "state_body"}, "evidence": "template",
    })
    return id_


def body_readings(m: EntityMatcher, doc: Doc, scan: Scan, gazetteer_spans: list[Span]) -> list[Span]:
    """A body's name with its state's name (or adjective) right after or before it."""
    if not scan.bodies:
        return []
    starts: dict[int, Span] = {}
    ends: dict[int, Span] = {}
    for s in gazetteer_spans:
        if s.label_ == "COUNTRY" and s.id_ == "gazetteer":
            if s.start not in starts or len(s) > len(starts[s.start]):
                starts[s.start] = s
            if s.end not in ends or len(s) > len(ends[s.end]):
                ends[s.end] = s
    out = []
    n = len(doc)
    for key, start, end in scan.bodies:
        k = end
        if k < n and doc[k].lower_ in m.lex.of_words:  # 'Ministry of Foreign Affairs of (the) ...'
            k += 1
            while k < n and doc[k].lower_ in m.lex.articles:
                k += 1
        after = starts.get(k)
        before = ends.get(start) or (ends.get(start - 1) if start > 0 and doc[start - 1].text in POSSESSIVE else None)
        if after is not None:
            out.append(make_span(doc, start, after.end, label="ORG", kb_id=body_id(m, doc, key, after.kb_id_), evidence="template"))
        elif before is not None:
            out.append(make_span(doc, before.start, end, label="ORG", kb_id=body_id(m, doc, key, before.kb_id_), evidence="template"))
    return out


def state_bodies(m: EntityMatcher, r: Resolution) -> list[Span]:
    """Filter: an organization found by its head noun that starts with a body's name and ends
    with a state's ('Министерство иностранных дел и международного сотрудничества Королевства
    Свазиленд') is that state's body."""
    if not r.scan.bodies:
        return r.chosen
    body_at = {start: key for key, start, _ in r.scan.bodies}
    country_end = {c.end: c.kb_id_ for c in r.candidates if c.label_ == "COUNTRY" and c.id_ == "gazetteer"}
    out = []
    for s in r.chosen:
        if s.label_ == "ORG" and s.id_ == "pattern" and not s.kb_id_ and s.start in body_at and s.end in country_end:
            s = relabel(s, body_id(m, r.doc, body_at[s.start], country_end[s.end]), "ORG", "template")
        out.append(s)
    return out
