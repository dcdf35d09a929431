"""The resolver's selection filters: the longest reading, known names extended by a pattern, and
the names inside a name. Each is a `SpansFilter`: (matcher, resolution) -> the readings kept."""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from spacy.tokens import Span

from .resolution import Resolution
from .spans import PRIORITY, relabel

if TYPE_CHECKING:
    from .matcher import EntityMatcher


def longest(spans: list[Span]) -> list[Span]:
    """Where readings overlap, the longest; on equal length the strongest evidence, then the first."""
    # each span's offsets and evidence read once: a Span's properties are calls into spaCy
    ranked = sorted(((s.start, s.end, PRIORITY.get(s.id_, 5), s) for s in spans), key=lambda r: (r[0] - r[1], r[2], r[0]))
    taken: set[int] = set()
    kept = []
    for start, end, _, s in ranked:
        if not taken.isdisjoint(range(start, end)):
            continue
        kept.append(s)
        taken.update(range(start, end))
    return kept


def longest_readings(m: EntityMatcher, r: Resolution) -> list[Span]:
    """Filter: one reading per stretch of text, the longest of the candidates."""
    return longest(r.candidates)


def known_extended(m: EntityMatcher, r: Resolution) -> list[Span]:
    """Filter: a pattern that extends a known organization's full name ('Supreme State Council of
    the Union State of Russia and Belarus', 'United Russia Party') is that organization, unless
    the extension names another state: then the known name inside it is no mention of that
    organization either (kept in `r.foreign`, left out of the inner names)."""
    doc = r.doc
    known: dict[int, Span] = {}
    for c in r.candidates:
        if c.label_ == "ORG" and c.id_ == "gazetteer" and len(c) >= 2:
            if c.start not in known or len(c) > len(known[c.start]):
                known[c.start] = c
    countries = [(c.start, c.end, c.kb_id_) for c in r.candidates if c.label_ == "COUNTRY"]
    out = []
    for s in r.chosen:
        k = known.get(s.start)
        if s.id_ == "pattern" and s.label_ == "ORG" and k is not None and k.end < s.end:
            nxt = doc[k.end]
            if nxt.lower_ in ("of", "for") or (s.end - k.end == 1 and nxt.text in m.lex.heads):
                if _other_state(m, k.kb_id_, k.end, s.end, countries):
                    r.foreign.add((k.start, k.end))
                else:
                    s = relabel(s, k.kb_id_, "ORG", "gazetteer")
        out.append(s)
    return out


def _other_state(m: EntityMatcher, id_: str, start: int, end: int, countries: list[tuple[int, int, str]]) -> bool:
    """Whether tokens start..end name a country other than the one whose body `id_` is:
    'Presidential Executive Office' is Russia's, but '... of the Kyrgyz Republic' is not."""
    g = m.gazetteer
    entry = g.get(id_)
    state = next((p for p in entry.support if p != id_), None) if entry is not None else None
    if state is None or (g.get(state) is None or g.get(state).type != "COUNTRY"):
        return False
    return any(start <= cs and ce <= end and cid != state for cs, ce, cid in countries)


def inner_names(m: EntityMatcher, r: Resolution) -> list[Span]:
    """Filter: the chosen readings, and the countries and organizations named inside an
    organization's name ('Ministry of Commerce of China', 'CSTO Collective Security Council'),
    unless the entry says otherwise."""
    chosen = r.chosen
    orgs = [s for s in chosen if s.label_ == "ORG"]
    if not orgs:
        return chosen
    candidates = [c for c in r.candidates if (c.start, c.end) not in r.foreign]
    chosen_keys = {(s.start, s.end) for s in chosen}
    # candidates by start, so that each organization looks only at those inside it (a scan of
    # every candidate per organization is quadratic); the original order is kept
    order = sorted(range(len(candidates)), key=lambda i: candidates[i].start)
    starts = [candidates[i].start for i in order]
    out = list(chosen)
    for org in orgs:
        entry = m.gazetteer.get(org.kb_id_)
        allowed = entry.attributes.get("countries") if entry else None
        within = sorted(order[bisect_left(starts, org.start):bisect_left(starts, org.end)])
        inner = [c for c in (candidates[i] for i in within) if c.end <= org.end and (c.start, c.end) != (org.start, org.end)]
        inner = [c for c in inner if c.id_ == "gazetteer" and c.label_ in ("COUNTRY", "ORG") and c.kb_id_ != org.kb_id_ and (c.start, c.end) not in chosen_keys]
        for c in longest(inner):
            if c.label_ == "COUNTRY" and allowed is not None and c.kb_id_ not in allowed.split():
                continue
            out.append(c)
    return out
