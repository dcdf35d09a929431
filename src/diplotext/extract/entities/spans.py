"""The spans the entity stage writes, where it writes them, and how strong each reading is."""

from __future__ import annotations

from spacy.tokens import Doc, Span

CANDIDATES_KEY = "diplotext_candidates"
ENTITIES_KEY = "diplotext_entities"
OPEN_KEY = "diplotext_open_entities"
OFFICES_KEY = "diplotext_offices"

PRIORITY = {"gazetteer": 0, "acronym": 1, "template": 1, "pattern": 2, "short": 3, "capital": 4}
"""Evidence, from the strongest reading to the weakest: on equal length the stronger one wins."""
CONFIDENCE = {"gazetteer": 1.0, "acronym": 0.9, "template": 0.85, "short": 0.85, "capital": 0.8, "pattern": 0.7}


def make_span(doc: Doc, start: int, end: int, label: str, kb_id: str = "", evidence: str = "gazetteer") -> Span:
    """A reading; its evidence is kept in the span's id ('gazetteer', 'acronym', 'pattern',
    'short', 'capital'), since span extensions are keyed by offsets and readings share them."""
    return Span(doc, start, end, label=label, kb_id=kb_id, span_id=evidence)


def relabel(s: Span, id_: str, label: str, evidence: str | None = None) -> Span:
    """The same tokens as another reading: another id, type or evidence."""
    return make_span(s.doc, s.start, s.end, label=label, kb_id=id_, evidence=evidence or s.id_)
