"""The resolver: every candidate reading through an ordered list of named filters, in the
manner of spaCy's `spans_filter`, then an id and a description for each open-world entity."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from .filters import inner_names, known_extended, longest_readings
from .ids import canonical_name, open_id
from .linking import link_acronyms, link_surnames
from .matcher import EntityMatcher
from .resolution import Resolution, SpansFilter
from .spans import OFFICES_KEY, OPEN_KEY, relabel
from .state_bodies import body_readings, state_bodies
from .support import supported_readings

FILTERS: tuple[tuple[str, SpansFilter], ...] = (
    ("longest_readings", longest_readings),
    ("supported_readings", supported_readings),
    ("known_extended", known_extended),
    ("state_bodies", state_bodies),
    ("inner_names", inner_names),
    ("link_acronyms", link_acronyms),
    ("link_surnames", link_surnames),
)
"""The resolver's steps, in order: each takes the readings chosen so far and gives those kept."""


class EntityResolver:
    """Picks one reading where candidates overlap and links what the text links."""

    def __init__(self, matcher: EntityMatcher, filters: Sequence[tuple[str, SpansFilter]] = FILTERS) -> None:
        self.m = matcher
        self.g = matcher.gazetteer
        self.filters = tuple(filters)

    def candidates(self, doc: Doc, text: str) -> Resolution:
        """Every reading of the Doc: the gazetteer's, then the open-world persons and
        organizations around what the gazetteer did not take."""
        m = self.m
        scan = m.scan(doc, text)
        gaz = m.candidates(doc, scan)
        gaz += body_readings(m, doc, scan, gaz)
        blocked: dict[int, str] = {}
        for s in gaz:
            if s.id_ in ("gazetteer", "template"):
                for i in range(s.start, s.end):
                    if blocked.get(i) != "ORG":
                        blocked[i] = s.label_
        persons = m.persons(doc, scan, blocked)
        known = {(s.start, s.end) for s in gaz}
        orgs = [o for o in m.organizations(doc, scan, blocked, persons) if (o.start, o.end) not in known]  # the gazetteer's name
        candidates = gaz + persons + orgs
        return Resolution(doc, text, scan, candidates, candidates)

    def __call__(self, doc: Doc, text: str | None = None) -> tuple[list[Span], list[Span]]:
        text = doc.text if text is None else text
        r = self.candidates(doc, text)
        for _, step in self.filters:
            r.chosen = step(self.m, r)
        return r.candidates, self._finish(doc, r.chosen, text)

    def _finish(self, doc: Doc, chosen: list[Span], text: str) -> list[Span]:
        """Ids for open-world readings, their descriptions in ``doc.user_data[OPEN_KEY]``, and
        the spans in text order with their evidence."""
        rules = self.m.rules
        open_entities = doc.user_data.setdefault(OPEN_KEY, {})
        offices = doc.user_data.get(OFFICES_KEY, {})
        final = []
        for s in chosen:
            if not s.kb_id_:
                s = relabel(s, open_id(rules, s, text), s.label_)
            if s.kb_id_ not in self.g.entries:
                meta = open_entities.get(s.kb_id_)
                if meta is None:  # the name only for a new entity (Span.text makes a Token per word)
                    meta = open_entities[s.kb_id_] = {"type": s.label_, "name": canonical_name(rules, s, text), "attributes": {}, "evidence": s.id_}
                office = offices.get((s.start, s.end))
                if office and "office" not in meta["attributes"]:
                    meta["attributes"]["office"] = office
            final.append(s)
        final.sort(key=lambda s: (s.start, -s.end))
        for s in final:
            s._.evidence = s.id_
        return final
