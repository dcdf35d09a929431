"""The filter for readings that need the document's support: a short name stands for the entity
the document names elsewhere, a capital for its state only where it acts ('Moscow believes'), a
state's name next to a currency word is the currency ('US dollars')."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from .resolution import Resolution
from .spans import make_span
from .words import POSSESSIVE

if TYPE_CHECKING:
    from .matcher import EntityMatcher

_OWNER_REACH = 8
"""How far before a possessive a mention of a short name's parent still owns it."""


def supported_readings(m: EntityMatcher, r: Resolution) -> list[Span]:
    """Filter: the chosen readings that the document supports."""
    doc = r.doc
    found: dict[str, set[int]] = {}
    for s in r.chosen:
        if s.id_ not in ("short", "capital") and s.kb_id_:
            found.setdefault(s.kb_id_, set()).add(s.start)
    for c in r.candidates:  # a state named inside a body's name supports too ('МИД России')
        if c.label_ == "COUNTRY" and c.id_ == "gazetteer":
            found.setdefault(c.kb_id_, set()).add(c.start)
    strong = {id_: sorted(starts) for id_, starts in found.items()}  # each id's positions, for bisect
    alternatives: dict[tuple[int, int], list[Span]] = {}
    for c in r.candidates:
        if c.id_ == "short":
            alternatives.setdefault((c.start, c.end), []).append(c)
    out = []
    for s in r.chosen:
        ev = s.id_
        if ev == "short":
            pick = supported_short(m, doc, s, alternatives.get((s.start, s.end), [s]), strong)
            if pick is not None:
                out.append(pick)
        elif ev == "capital":
            if is_metonym(m, doc, s):
                out.append(s)
        elif s.label_ == "COUNTRY" and (s.kb_id_ in m.lex.currency_states and is_currency(m, doc, s) or not_a_state(m, doc, s)):
            continue
        elif s.label_ == "LOCATION" and not (s.kb_id_ in m.gazetteer.entries and m.gazetteer.entries[s.kb_id_].reported):
            continue
        else:
            out.append(s)
    return out


def titled(m: EntityMatcher, doc: Doc, i: int) -> bool:
    """Whether a title or an office stands right before token i ('Mr Putin', 'President Xi')."""
    if i == 0:
        return False
    prev = doc[i - 1]
    return m.rules.word_key(prev) in m.lex.title_keys or prev.text in m.lex.offices


def supported_short(m: EntityMatcher, doc: Doc, span: Span, options: list[Span], strong: dict[str, list[int]]) -> Span | None:
    """A short name stands for the option whose support the document mentions nearest before
    it (else nearest after); a person's surname alone also stands after a title."""
    g = m.gazetteer
    best, best_key = None, None
    for o in options:
        entry = g.get(o.kb_id_)
        if entry is None:
            continue
        key = support_distance(strong, entry.support, span.start)
        if key is not None and (best_key is None or key < best_key):
            best, best_key = o, key
    if best is not None:
        if span.start > 0 and doc[span.start - 1].text in POSSESSIVE and best.label_ == "ORG":
            owner = span.start - 2
            entry = g.get(best.kb_id_)
            if owner >= 0 and entry is not None and not supported_within(strong, entry.support, owner - _OWNER_REACH + 1, owner):
                return None  # "the company's Security Council"
        return best
    persons = [o for o in options if o.label_ == "PERSON"]
    if len(persons) == 1 and titled(m, doc, span.start):
        return persons[0]
    if persons and titled(m, doc, span.start):
        return make_span(doc, span.start, span.end, label="PERSON", evidence="pattern")
    return None


def support_distance(strong: dict[str, list[int]], support: Iterable[str], start: int) -> tuple[int, int] | None:
    """How near the support of a short name at `start` is: (0, distance) to the nearest mention
    before it, else (1, distance) to the nearest at or after it; None without one. `strong`
    holds each id's positions, sorted: each is found by bisection, not by a walk over all."""
    before: int | None = None
    after: int | None = None
    for sid in support:
        positions = strong.get(sid)
        if not positions:
            continue
        i = bisect_left(positions, start)
        if i > 0 and (before is None or positions[i - 1] > before):
            before = positions[i - 1]
        if i < len(positions) and (after is None or positions[i] < after):
            after = positions[i]
    if before is not None:
        return (0, start - before)
    return None if after is None else (1, after - start)


def supported_within(strong: dict[str, list[int]], support: Iterable[str], low: int, high: int) -> bool:
    """Whether a support of the entry is mentioned at a position in [low, high]."""
    for sid in support:
        positions = strong.get(sid)
        if positions and bisect_right(positions, high) > bisect_left(positions, low):
            return True
    return False


def is_metonym(m: EntityMatcher, doc: Doc, s: Span) -> bool:
    """'Minsk and Moscow share views' names the states; 'talks in Moscow' is a venue."""
    prev = s.start - 1
    while prev >= 0 and doc[prev].lower_ == "the":
        prev -= 1
    if prev >= 0:
        word = m.rules.word_key(doc[prev])
        capital_before = prev > 0 and doc[prev - 1].text[:1].isupper()
        if word in m.lex.venue_words and not (word == m.lex.conjunction and capital_before):
            return False
    return followed_by_word(m, doc, s)


def followed_by_word(m: EntityMatcher, doc: Doc, s: Span) -> bool:
    """A capital stands for its government when a verb follows ('Moscow believes', 'Minsk
    and Moscow share') or it owns something ('Kiev's course'), not in 'the Minsk agreements'."""
    if s.end >= len(doc) or "\n" in doc[s.end - 1].whitespace_:
        return False
    nxt = doc[s.end]
    if nxt.text in POSSESSIVE:
        return True
    if nxt.lower_ == m.lex.conjunction and s.end + 2 < len(doc) and doc[s.end + 1].text[:1].isupper():
        nxt = doc[s.end + 2]  # 'Minsk and Moscow share views': the verb after the pair
    if not (nxt.is_alpha and nxt.is_lower):
        return False
    lower = nxt.lower_
    if lower in m.lex.verbs or lower.endswith(m.lex.verb_endings):
        return True
    return m.analyze is not None and "VERB" in m.analyze(nxt.text)


def is_currency(m: EntityMatcher, doc: Doc, s: Span) -> bool:
    """'US dollars', 'долларов США': a currency, not the state."""
    before = doc[s.start - 1] if s.start > 0 else None
    after = doc[s.end] if s.end < len(doc) else None
    words = {m.rules.word_key(t) for t in (before, after) if t is not None}
    return bool(words & m.lex.currency_words)


def not_a_state(m: EntityMatcher, doc: Doc, s: Span) -> bool:
    """'испанским языком', 'Spanish language': a language; 'the state of Georgia': a US state."""
    if s.end < len(doc) and m.rules.word_key(doc[s.end]) in m.lex.not_state_after:
        return True
    before = " ".join(t.lower_ for t in doc[max(0, s.start - 2) : s.start])
    return before in m.lex.not_state_before
